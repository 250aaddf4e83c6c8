"""A term list as written in YAML: terms per language, regex patterns, and what a hit means."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tamis.errors import ConfigError, InputError

NAME_PATTERN = r"^[a-z0-9][a-z0-9_.\-]{0,63}$"


class ListKind(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    ALLOW = "allow"


class TermList(BaseModel):
    """Terms are plain spellings: the matcher folds case, accents, look-alikes, leetspeak,
    separators and letter floods. ``word*`` matches words starting with ``word``, ``*word``
    words ending with it; terms in Chinese or Japanese match as substrings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=NAME_PATTERN)
    description: str = ""
    kind: ListKind
    label: str | None = None
    applies_to: tuple[str, ...] | None = None
    terms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    patterns: tuple[str, ...] = ()

    @field_validator("terms")
    @classmethod
    def _clean_terms(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for lang, terms in value.items():
            for term in terms:
                if not term.strip(" *"):
                    raise ValueError(f"empty term in language {lang!r}")
        return value

    @field_validator("patterns")
    @classmethod
    def _compile_patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
        return value

    @field_validator("label")
    @classmethod
    def _check_label(cls, value: str | None) -> str | None:
        from tamis.taxonomy import check_label

        try:
            return None if value is None else check_label(value)
        except InputError as exc:  # Refused (a protected attribute) is not one: it propagates
            raise ValueError(f"{exc.message}. {exc.hint}") from None

    @model_validator(mode="after")
    def _allow_semantics(self) -> TermList:
        if self.kind is ListKind.ALLOW and self.label is not None:
            raise ValueError("an allow list has no label: it suppresses hits of other lists")
        if self.kind is not ListKind.ALLOW and self.applies_to is not None:
            raise ValueError("applies_to is only for allow lists")
        return self

    def term_count(self) -> int:
        return sum(len(t) for t in self.terms.values())

    def with_terms(self, terms: dict[str, tuple[str, ...]]) -> TermList:
        return self.model_copy(update={"terms": terms})

    def to_yaml(self) -> str:
        data = self.model_dump(mode="json", exclude_defaults=True)
        data["kind"] = self.kind.value
        data["terms"] = {lang: list(ts) for lang, ts in self.terms.items()}
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def parse_list(data: Any, *, source: str) -> TermList:
    try:
        return TermList.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(
            err["msg"],
            source=source,
            key=".".join(str(p) for p in err["loc"]),
            hint="See docs/lists.md for the list file format.",
        ) from None


def load_list_file(path: Path) -> TermList:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read list: {exc}",
            source=str(path),
            hint="A list file is UTF-8 YAML; see docs/lists.md.",
        ) from None
    return parse_list(data, source=str(path))
