"""Where term lists live: the defaults shipped in the package, overridden by the operator's
files in ``$TAMIS_HOME/lists`` (a user file replaces the shipped list of the same name).

Edits write the user file atomically; readers notice through ``revision``."""

from __future__ import annotations

import os
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Protocol

import yaml

from tamis.errors import ConfigError, NotFound
from tamis.lists.model import ListKind, TermList, load_list_file, parse_list


def default_lists() -> dict[str, TermList]:
    out: dict[str, TermList] = {}
    folder = files("tamis.lists").joinpath("default")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            tl = parse_list(yaml.safe_load(entry.read_text("utf-8")), source=f"tamis:{entry.name}")
            out[tl.name] = tl
    return out


class ListSource(Protocol):
    """Where a term-list detector reads lists: files (ListStore) or a tenant's database rows."""

    def revision(self) -> object: ...

    def lists(self) -> dict[str, TermList]: ...


class ListStore:
    def __init__(self, user_dir: Path | None, *, include_defaults: bool = True) -> None:
        self.user_dir = user_dir
        self.include_defaults = include_defaults

    def revision(self) -> tuple[tuple[str, int, int], ...]:
        """Changes whenever a user list file is written, replaced or removed."""
        if self.user_dir is None or not self.user_dir.is_dir():
            return ()
        out = []
        for path in sorted(self.user_dir.glob("*.yaml")):
            st = path.stat()
            out.append((path.name, st.st_mtime_ns, st.st_ino))
        return tuple(out)

    def lists(self) -> dict[str, TermList]:
        out = default_lists() if self.include_defaults else {}
        if self.user_dir is not None and self.user_dir.is_dir():
            for path in sorted(self.user_dir.glob("*.yaml")):
                tl = load_list_file(path)
                if tl.name != path.stem:
                    raise ConfigError(
                        f"list is named {tl.name!r} but the file is {path.name}",
                        source=str(path),
                        key="name",
                        hint="Name the file after the list: NAME.yaml.",
                    )
                out[tl.name] = tl
        return out

    def get(self, name: str) -> TermList:
        try:
            return self.lists()[name]
        except KeyError:
            raise NotFound(
                f"no term list named {name!r}",
                hint="`tamis lists show` lists them; `tamis lists create` makes one.",
            ) from None

    def create(
        self, name: str, kind: ListKind, label: str | None = None, description: str = ""
    ) -> TermList:
        if name in self.lists():
            raise ConfigError(
                f"a list named {name!r} exists already",
                key="name",
                hint="Add terms to it with `tamis lists add`.",
            )
        tl = parse_list(
            {"name": name, "kind": kind.value, "label": label, "description": description},
            source="new list",
        )
        self.save(tl)
        return tl

    def add_terms(self, name: str, lang: str, terms: list[str]) -> TermList:
        tl = self.get(name)
        current = dict(tl.terms)
        existing = list(current.get(lang, ()))
        existing += [t for t in terms if t not in existing]
        current[lang] = tuple(existing)
        return self.save(parse_list({**tl.model_dump(), "terms": current}, source=name))

    def remove_terms(self, name: str, terms: list[str]) -> tuple[TermList, int]:
        tl = self.get(name)
        drop = set(terms)
        current = {lang: tuple(t for t in ts if t not in drop) for lang, ts in tl.terms.items()}
        removed = tl.term_count() - sum(len(v) for v in current.values())
        return self.save(tl.with_terms(current)), removed

    def save(self, tl: TermList) -> TermList:
        if self.user_dir is None:
            raise ConfigError(
                "no folder for user lists is configured",
                hint="Set TAMIS_HOME to a writable folder.",
            )
        self.user_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.user_dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(tl.to_yaml())
        os.replace(tmp, self.user_dir / f"{tl.name}.yaml")
        return tl
