"""Hash-bank detector: an image whose PDQ hash is within `distance` bits of a hash in a bank
becomes a ``bank:<name>`` finding.

Banks come from a BankSource: files under $TAMIS_HOME/banks for the CLI (FileBankStore), a
tenant's rows for the service (tamis.services.banks.TenantBankSource). A source hands out
BankSet snapshots; the detector takes one per batch, so a bank changed meanwhile is seen from
the next batch on, never half-way through one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from pydantic import Field, ValidationError, field_validator

from tamis.config import Settings
from tamis.decoding.image import ImageData
from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.errors import ConfigError, Conflict, InputError, NotFound
from tamis.findings import Finding
from tamis.hashing import pdq
from tamis.hashing.index import HashIndex, Match
from tamis.lists.model import NAME_PATTERN
from tamis.media import Modality, Part


@dataclass(frozen=True)
class BankSet:
    """A snapshot of a set of banks: one index over all their entries, whose group is the
    bank's key in `names`. `entry_ids` maps index ids to entry ids when they differ."""

    index: HashIndex
    names: Mapping[int, str]
    revision: object = None
    entry_ids: np.ndarray | None = field(default=None, repr=False)

    def entry_id(self, match: Match) -> int:
        return int(self.entry_ids[match.id]) if self.entry_ids is not None else match.id

    def groups(self, banks: Sequence[str] | None) -> set[int] | None:
        if banks is None:
            return None
        wanted = set(banks)
        return {g for g, n in self.names.items() if n in wanted}


EMPTY = BankSet(HashIndex(), {})


class BankSource(Protocol):
    """Where a hash-bank detector gets its banks."""

    def snapshot(self) -> BankSet: ...


# --- banks as files (the CLI) ---------------------------------------------------------------
class FileBankStore:
    """Banks in a folder: `<name>/bank.json` (name, description, created_at) and
    `<name>/entries.csv` (the `csv` hash-list format of tamis.hashing.pdq, with entry ids).
    Writes replace files atomically; readers rebuild their index when a file changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: BankSet | None = None

    def _dir(self, name: str) -> Path:
        return self.folder / name

    def revision(self) -> tuple[tuple[str, int, int], ...]:
        if not self.folder.is_dir():
            return ()
        out = []
        for path in sorted(self.folder.glob("*/*")):
            if path.name in ("bank.json", "entries.csv"):
                st = path.stat()
                out.append((str(path.relative_to(self.folder)), st.st_mtime_ns, st.st_size))
        return tuple(out)

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.parent.name for p in self.folder.glob("*/bank.json"))

    def info(self, name: str) -> dict[str, Any]:
        path = self._dir(name) / "bank.json"
        if not path.is_file():
            raise NotFound(
                f"no hash bank named {name!r}",
                hint="`tamis bank list` lists them; `tamis bank create` makes one.",
            )
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return data

    def entries(self, name: str) -> list[pdq.HashRecord]:
        self.info(name)
        path = self._dir(name) / "entries.csv"
        if not path.is_file():
            return []
        return pdq.parse_hash_list(
            path.read_text("utf-8"), pdq.HashListFormat.CSV, name=str(path)
        ).records

    def _write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)

    def create(self, name: str, description: str = "") -> dict[str, Any]:
        if not valid_bank_name(name):
            raise InputError(
                f"bad bank name {name!r}",
                hint="Lower-case letters, digits, `_`, `.` and `-`, at most 64.",
            )
        if (self._dir(name) / "bank.json").exists():
            raise Conflict(f"a hash bank named {name!r} exists already")
        info = {"name": name, "description": description, "created_at": _now()}
        self._write(self._dir(name) / "bank.json", json.dumps(info, indent=2) + "\n")
        self._write(self._dir(name) / "entries.csv", pdq.write_hash_list([], "csv"))
        return info

    def add(self, name: str, records: Sequence[pdq.HashRecord]) -> tuple[list[pdq.HashRecord], int]:
        """Add records (a hash already in the bank is skipped); returns (added, duplicates)."""
        current = self.entries(name)
        have = {r.bits for r in current}
        next_id = max((r.entry_id or 0 for r in current), default=0) + 1
        added: list[pdq.HashRecord] = []
        for r in records:
            if r.bits in have:
                continue
            have.add(r.bits)
            added.append(
                pdq.HashRecord(
                    r.bits, r.quality, r.label, r.notes, r.source, next_id, r.added_at or _now()
                )
            )
            next_id += 1
        if added:
            self._save(name, current + added)
        return added, len(records) - len(added)

    def remove(self, name: str, ids: Sequence[int] = (), hashes: Sequence[bytes] = ()) -> int:
        current = self.entries(name)
        drop_ids, drop_hashes = set(ids), set(hashes)
        kept = [r for r in current if r.entry_id not in drop_ids and r.bits not in drop_hashes]
        if len(kept) != len(current):
            self._save(name, kept)
        return len(current) - len(kept)

    def delete(self, name: str) -> None:
        self.info(name)
        (self._dir(name) / "bank.json").unlink()  # no longer a bank, even if the rest fails
        shutil.rmtree(self._dir(name), ignore_errors=True)

    def _save(self, name: str, records: Sequence[pdq.HashRecord]) -> None:
        self._write(self._dir(name) / "entries.csv", pdq.write_hash_list(records, "csv"))

    def snapshot(self) -> BankSet:
        rev = self.revision()
        cached = self._cache
        if cached is not None and cached.revision == rev:
            return cached
        names: dict[int, str] = {}
        codes: list[bytes] = []
        groups: list[int] = []
        entry_ids: list[int] = []
        for g, name in enumerate(self.names()):
            names[g] = name
            for r in self.entries(name):
                codes.append(r.bits)
                groups.append(g)
                entry_ids.append(r.entry_id or 0)
        index = HashIndex(pdq.codes_array(codes), np.arange(len(codes)), groups)
        snap = BankSet(index, names, rev, np.asarray(entry_ids, dtype=np.int64))
        self._cache = snap
        return snap


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_NAME = re.compile(NAME_PATTERN)


def valid_bank_name(name: str) -> bool:
    return bool(_NAME.match(name))


def default_banks_dir() -> Path:
    return Settings.from_env().home / "banks"


# --- the detector ---------------------------------------------------------------------------
class HashBanksConfig(DetectorConfig):
    distance: int = Field(
        default=pdq.MATCH_DISTANCE,
        ge=0,
        le=64,
        description="Largest Hamming distance (bits of 256) that is a match; 31 is Meta's "
        "recommended threshold.",
    )
    quality_floor: int = Field(
        default=pdq.QUALITY_FLOOR,
        ge=0,
        le=100,
        description="Images whose PDQ quality is below this are not matched (too featureless: "
        "flat or nearly flat images would match each other).",
    )
    banks: tuple[str, ...] | Literal["all"] = Field(
        default="all", description="Names of the banks to match, or `all`."
    )
    dihedral: bool = Field(
        default=False,
        description="Also match rotated (90/180/270°) and mirrored copies of banked images.",
    )
    banks_dir: str | None = Field(
        default=None,
        description="Folder of bank files when run from the CLI; $TAMIS_HOME/banks when unset. "
        "The service reads the tenant's banks instead.",
    )

    @field_validator("banks", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        if isinstance(value, str) and value != "all":
            return (value,)
        return value


class HashBankDetector(Detector):
    name = "hash_banks"
    version = "1"
    modalities = frozenset({Modality.IMAGE})
    labels = ("bank:<name>",)
    Config = HashBanksConfig

    def __init__(self, config: DetectorConfig | None = None, *, source: BankSource | None = None):
        super().__init__(config)
        cfg = self.config
        assert isinstance(cfg, HashBanksConfig)
        if source is None:
            folder = Path(cfg.banks_dir) if cfg.banks_dir else default_banks_dir()
            source = FileBankStore(folder)
        self.source = source
        self.cfg = cfg

    @classmethod
    def with_source(
        cls, settings: Mapping[str, Any] | None, source: BankSource
    ) -> HashBankDetector:
        """Build from policy settings (errors as from_settings) reading banks from `source`."""
        try:
            config = cls.Config.model_validate(dict(settings or {}))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise ConfigError(
                err["msg"],
                source=f"detector {cls.name}",
                key=".".join(str(p) for p in err["loc"]),
                hint=f"See docs/detectors/{cls.name}.md for the settings of {cls.name}.",
            ) from None
        return cls(config, source=source)

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = [[] for _ in parts]
        images = [
            (k, p.payload)
            for k, p in enumerate(parts)
            if p.modality is Modality.IMAGE and isinstance(p.payload, ImageData)
        ]
        if not images:
            return out
        banks = self.source.snapshot()
        if len(banks.index) == 0:
            return out
        groups = banks.groups(None if self.cfg.banks == "all" else self.cfg.banks)
        for k, image in images:
            out[k] = self.match(image, banks, groups, parts[k])
        return out

    def match(
        self,
        image: ImageData,
        banks: BankSet,
        groups: set[int] | None = None,
        part: Part | None = None,
    ) -> list[Finding]:
        if self.cfg.dihedral:
            hashes, quality = pdq.dihedral_hashes(image.rgb)
            queries = [(name, bits) for name, bits in hashes.items()]
        else:
            h = pdq.hash_image(image)
            quality, queries = h.quality, [("original", h.bits)]
        if quality < self.cfg.quality_floor:
            return []
        results = banks.index.search([q for _, q in queries], self.cfg.distance, groups)
        best: dict[int, tuple[Match, str, int]] = {}  # group → (nearest match, transform, n)
        for (transform, _), found in zip(queries, results, strict=True):
            for m in found:
                cur = best.get(m.group)
                count = (cur[2] if cur else 0) + 1
                if cur is None or m.distance < cur[0].distance:
                    best[m.group] = (m, transform, count)
                else:
                    best[m.group] = (cur[0], cur[1], count)
        findings = []
        for group, (m, transform, count) in sorted(best.items(), key=lambda kv: kv[1][0].distance):
            name = banks.names.get(group)
            if name is None:  # a bank deleted since the snapshot's index was built
                continue
            evidence: dict[str, Any] = {
                "bank": name,
                "entry_id": banks.entry_id(m),
                "distance": m.distance,
                "quality": quality,
                "pdq": queries[0][1].hex(),
                "matches": count,
            }
            if transform != "original":
                evidence["transform"] = transform
            findings.append(
                self.finding(f"bank:{name}", score_for(m.distance), evidence=evidence, part=part)
            )
        return findings

    @classmethod
    def examples(cls) -> list[Example]:
        # Documented examples are text; an image detector ignores text parts.
        return [Example("a text part is not an image", absent=frozenset({"bank:example"}))]


def score_for(distance: int) -> float:
    """1.0 for an identical hash, falling linearly to 0.5 at 64 bits (the largest setting)."""
    return round(1.0 - min(distance, 64) / 128, 6)
