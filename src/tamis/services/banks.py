"""Hash banks as tenant data: banks and their PDQ entries are rows; every process matches
against an in-memory index of each tenant's banks, kept in sync incrementally.

Consistency: every change bumps the tenant's row in `bank_state` (row-locked until commit) and
stamps the changed entries with the new revision, so revisions commit in order. A process
syncs by reading the revision and the entries stamped after the one it has (additions and
removals), applies them to a new index that shares the large segment with the old one, and
swaps it in; requests already matching keep the old index until they finish.

Cold start: the durable job `tamis.bank_index`, queued in the transaction of every change,
keeps a compacted snapshot of the tenant's index under $TAMIS_HOME/bank-index; a process
that meets the tenant for the first time loads it and catches up from its revision, instead of
reading every row.
"""

from __future__ import annotations

import io
import logging
import threading
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from tamis.config import Settings
from tamis.detectors.image.hash_banks import BankSet, valid_bank_name
from tamis.errors import Conflict, InputError, NotFound
from tamis.hashing import pdq
from tamis.hashing.index import HashIndex, LiveIndex
from tamis.jobs.queue import defer
from tamis.services import audit
from tamis.storage.models import Bank, BankEntry, BankState

log = logging.getLogger("tamis.banks")

INDEX_TASK = "tamis.bank_index"
MAX_ENTRIES_PER_REQUEST = 100_000


# --- the index a process matches against ----------------------------------------------------
def snapshot_path(settings: Settings, tenant_id: uuid.UUID) -> Path:
    return settings.home / "bank-index" / f"{tenant_id}.npz"


def _save_snapshot(path: Path, index: HashIndex, revision: int) -> None:
    codes, ids, groups = index.entries()
    buf = io.BytesIO()
    np.savez(buf, codes=codes, ids=ids, groups=groups, revision=np.asarray(revision))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(path)


def _load_snapshot(path: Path) -> tuple[int, HashIndex] | None:
    try:
        with np.load(path, allow_pickle=False) as z:
            return int(z["revision"]), HashIndex(z["codes"], z["ids"], z["groups"])
    except FileNotFoundError:
        return None
    except Exception:  # a damaged snapshot is only a lost shortcut: read the rows instead
        log.exception("ignoring unreadable bank index snapshot %s", path)
        return None


def _revision(s: Session, tenant_id: uuid.UUID) -> int:
    return s.scalar(select(BankState.revision).where(BankState.tenant_id == tenant_id)) or 0


def _names(s: Session, tenant_id: uuid.UUID) -> dict[int, str]:
    rows = s.execute(
        select(Bank.id, Bank.name).where(Bank.tenant_id == tenant_id, Bank.deleted_at.is_(None))
    ).all()
    return {int(i): n for i, n in rows}


def _changes(
    s: Session, tenant_id: uuid.UUID, since: int, upto: int
) -> tuple[list[bytes], list[int], list[int], list[int]]:
    """Entries changed in (since, upto]: (codes, ids, banks) to add and ids to remove."""
    query = select(BankEntry.id, BankEntry.bank_id, BankEntry.hash, BankEntry.removed).where(
        BankEntry.tenant_id == tenant_id,
        BankEntry.change_seq > since,
        BankEntry.change_seq <= upto,
    )
    if since == 0:  # a full load: what was removed is simply absent
        query = query.where(BankEntry.removed.is_(False))
    codes: list[bytes] = []
    ids: list[int] = []
    groups: list[int] = []
    removed: list[int] = []
    for entry_id, bank_id, bits, gone in s.execute(query.order_by(BankEntry.id)):
        if gone:
            removed.append(int(entry_id))
        else:
            codes.append(bytes(bits))
            ids.append(int(entry_id))
            groups.append(int(bank_id))
    return codes, ids, groups, removed


class TenantBankSource:
    """One tenant's banks in this process (a BankSource for the hash_banks detector)."""

    def __init__(self, tenant_id: uuid.UUID, snapshot_file: Path | None = None) -> None:
        self.tenant_id = tenant_id
        self.snapshot_file = snapshot_file
        self.live = LiveIndex()
        self.revision = -1  # never synced
        self._set = BankSet(self.live.current, {}, -1)
        self._sync = threading.Lock()

    def snapshot(self) -> BankSet:
        return self._set

    def refresh(self, s: Session, revision: int | None = None) -> BankSet:
        """Bring the index up to the committed revision (`revision` when the caller read it
        already in this transaction, as authentication does). If another thread is syncing,
        use the current snapshot rather than wait (it is at most that sync behind)."""
        rev = _revision(s, self.tenant_id) if revision is None else revision
        if rev == self.revision:
            return self._set
        blocking = self.revision < 0  # the first sync: nothing to fall back on
        if not self._sync.acquire(blocking=blocking):
            return self._set
        try:
            if rev <= self.revision:
                return self._set
            since = self.revision
            if since < 0:
                since = 0
                loaded = _load_snapshot(self.snapshot_file) if self.snapshot_file else None
                if loaded is not None and loaded[0] <= rev:
                    since = loaded[0]
                    self.live.swap(loaded[1])
            codes, ids, groups, removed = _changes(s, self.tenant_id, since, rev)
            names = _names(s, self.tenant_id)
            if codes or removed:
                self.live.update(
                    lambda ix: ix.with_changes(pdq.codes_array(codes), ids, groups, removed)
                )
            self.revision = rev
            self._set = BankSet(self.live.current, names, rev)
            return self._set
        finally:
            self._sync.release()


class BankSources:
    """Every tenant's TenantBankSource in this process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._by_tenant: dict[uuid.UUID, TenantBankSource] = {}
        self._lock = threading.Lock()

    def for_tenant(
        self, s: Session, tenant_id: uuid.UUID, revision: int | None = None
    ) -> TenantBankSource:
        source = self._by_tenant.get(tenant_id)
        if source is None:
            with self._lock:
                source = self._by_tenant.get(tenant_id)
                if source is None:
                    source = TenantBankSource(tenant_id, snapshot_path(self.settings, tenant_id))
                    self._by_tenant[tenant_id] = source
        source.refresh(s, revision)
        return source


def build_snapshot(s: Session, settings: Settings, tenant_id: uuid.UUID) -> int:
    """The durable job's work: bring the tenant's snapshot file up to the committed revision,
    from the previous snapshot plus the entries changed since; returns the revision written
    (or already there). Idempotent: a retried run finds the work done."""
    path = snapshot_path(settings, tenant_id)
    rev = _revision(s, tenant_id)
    loaded = _load_snapshot(path)
    base_rev, index = loaded if loaded is not None and loaded[0] <= rev else (0, HashIndex())
    if loaded is not None and base_rev == rev:
        return rev
    codes, ids, groups, removed = _changes(s, tenant_id, base_rev, rev)
    index = index.with_changes(pdq.codes_array(codes), ids, groups, removed).compact()
    _save_snapshot(path, index, rev)
    return rev


# --- changes (each bumps the revision and queues the snapshot job) --------------------------
def _bump(s: Session, tenant_id: uuid.UUID) -> int:
    stmt = (
        pg_insert(BankState)
        .values(tenant_id=tenant_id, revision=1)
        .on_conflict_do_update(
            index_elements=[BankState.tenant_id], set_={"revision": BankState.revision + 1}
        )
        .returning(BankState.revision)
    )
    rev = int(s.execute(stmt).scalar_one())
    defer(s, INDEX_TASK, {"tenant_id": str(tenant_id)}, lock=f"bank-index:{tenant_id}")
    return rev


def _bank(s: Session, tenant_id: uuid.UUID, name: str, *, lock: bool = False) -> Bank:
    query = select(Bank).where(
        Bank.tenant_id == tenant_id, Bank.name == name, Bank.deleted_at.is_(None)
    )
    bank = s.scalar(query.with_for_update() if lock else query)
    if bank is None:
        raise NotFound(f"no hash bank named {name!r}", hint="GET /v1/banks lists them.")
    return bank


def _live_count(s: Session, bank_id: int) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(BankEntry)
            .where(BankEntry.bank_id == bank_id, BankEntry.removed.is_(False))
        )
        or 0
    )


def _view(bank: Bank, entries: int) -> dict[str, Any]:
    return {
        "name": bank.name,
        "description": bank.description,
        "created_at": bank.created_at.isoformat() if bank.created_at else None,
        "entries": entries,
    }


def create(
    s: Session, tenant_id: uuid.UUID, name: str, description: str = "", *, actor: str
) -> dict[str, Any]:
    if not valid_bank_name(name):
        raise InputError(
            f"bad bank name {name!r}",
            hint="Lower-case letters, digits, `_`, `.` and `-`, at most 64 characters.",
        )
    exists = s.scalar(
        select(Bank.id).where(
            Bank.tenant_id == tenant_id, Bank.name == name, Bank.deleted_at.is_(None)
        )
    )
    if exists is not None:
        raise Conflict(f"a hash bank named {name!r} exists already")
    bank = Bank(tenant_id=tenant_id, name=name, description=description)
    s.add(bank)
    s.flush()
    s.refresh(bank)
    _bump(s, tenant_id)
    audit.record(
        s, tenant_id, actor, "bank.create", "bank", name, None, {"description": description}
    )
    return _view(bank, 0)


def list_all(s: Session, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    counts = dict(
        s.execute(
            select(BankEntry.bank_id, func.count())
            .where(BankEntry.tenant_id == tenant_id, BankEntry.removed.is_(False))
            .group_by(BankEntry.bank_id)
        ).all()
    )
    banks = s.scalars(
        select(Bank)
        .where(Bank.tenant_id == tenant_id, Bank.deleted_at.is_(None))
        .order_by(Bank.name)
    ).all()
    return [_view(b, int(counts.get(b.id, 0))) for b in banks]


def get(s: Session, tenant_id: uuid.UUID, name: str) -> dict[str, Any]:
    bank = _bank(s, tenant_id, name)
    return _view(bank, _live_count(s, bank.id))


def delete(s: Session, tenant_id: uuid.UUID, name: str, *, actor: str) -> None:
    bank = _bank(s, tenant_id, name, lock=True)
    rev = _bump(s, tenant_id)
    now = datetime.now(UTC)
    s.execute(
        update(BankEntry)
        .where(BankEntry.bank_id == bank.id, BankEntry.removed.is_(False))
        .values(removed=True, removed_at=now, change_seq=rev)
    )
    bank.deleted_at = now
    audit.record(s, tenant_id, actor, "bank.delete", "bank", name, {"name": name}, None)


def _entry_view(e: BankEntry | Any) -> dict[str, Any]:
    return {
        "id": int(e.id),
        "pdq": bytes(e.hash).hex(),
        "quality": e.quality,
        "label": e.label,
        "notes": e.notes,
        "source": e.source,
        "added_at": e.added_at.isoformat() if e.added_at else None,
    }


def add(
    s: Session,
    tenant_id: uuid.UUID,
    name: str,
    records: Sequence[pdq.HashRecord],
    *,
    actor: str,
    source: str = "",
) -> dict[str, Any]:
    """Add hashes; a hash already live in the bank is not added twice (counted as duplicate)."""
    if len(records) > MAX_ENTRIES_PER_REQUEST:
        raise InputError(
            f"{len(records):,} entries in one request; the limit is {MAX_ENTRIES_PER_REQUEST:,}",
            hint="Split the import.",
        )
    bank = _bank(s, tenant_id, name, lock=True)
    wanted = list(dict.fromkeys(r.bits for r in records))
    have: set[bytes] = set()
    for start in range(0, len(wanted), 10_000):
        chunk = wanted[start : start + 10_000]
        have.update(
            bytes(h)
            for h in s.scalars(
                select(BankEntry.hash).where(
                    BankEntry.bank_id == bank.id,
                    BankEntry.removed.is_(False),
                    BankEntry.hash.in_(chunk),
                )
            )
        )
    fresh: list[pdq.HashRecord] = []
    for r in records:
        if r.bits not in have:
            have.add(r.bits)
            fresh.append(r)
    added: list[dict[str, Any]] = []
    if fresh:
        rev = _bump(s, tenant_id)
        rows = [
            {
                "tenant_id": tenant_id,
                "bank_id": bank.id,
                "hash": r.bits,
                "quality": r.quality,
                "label": r.label,
                "notes": r.notes,
                "source": r.source or source,
                "added_by": actor[:128],
                "change_seq": rev,
            }
            for r in fresh
        ]
        result = s.execute(
            insert(BankEntry).returning(BankEntry.id, BankEntry.hash, sort_by_parameter_order=True),
            rows,
        )
        added = [{"id": int(i), "pdq": bytes(h).hex()} for i, h in result.all()]
        audit.record(s, tenant_id, actor, "bank.add", "bank", name, None, {"added": len(added)})
    return {
        "bank": name,
        "added": len(added),
        "duplicates": len(records) - len(fresh),
        "entries": added,
    }


def add_image(
    s: Session,
    tenant_id: uuid.UUID,
    name: str,
    data: bytes,
    *,
    actor: str,
    label: str = "",
    notes: str = "",
    max_bytes: int,
    max_pixels: int,
    min_quality: int = pdq.QUALITY_FLOOR,
) -> dict[str, Any]:
    """Hash an image (the pipeline the detector uses) and add it."""
    _bank(s, tenant_id, name)
    h = pdq.hash_bytes(data, max_bytes=max_bytes, max_pixels=max_pixels)
    if h.quality < min_quality:
        raise InputError(
            f"the image's PDQ quality is {h.quality}, below {min_quality}: it is too "
            "featureless to match reliably",
            hint="Bank a more detailed image, or lower min_quality knowingly.",
        )
    out = add(
        s,
        tenant_id,
        name,
        [pdq.HashRecord(h.bits, h.quality, label, notes, "image")],
        actor=actor,
    )
    out["pdq"], out["quality"] = h.hex, h.quality
    return out


def remove(
    s: Session,
    tenant_id: uuid.UUID,
    name: str,
    *,
    ids: Sequence[int] = (),
    hashes: Sequence[bytes] = (),
    actor: str,
) -> dict[str, Any]:
    bank = _bank(s, tenant_id, name, lock=True)
    if not ids and not hashes:
        raise InputError("nothing to remove", hint="Give entry `ids` or `hashes`.")
    conds = []
    if ids:
        conds.append(BankEntry.id.in_(list(ids)))
    if hashes:
        conds.append(BankEntry.hash.in_(list(hashes)))
    targets = list(
        s.scalars(
            select(BankEntry.id).where(
                BankEntry.bank_id == bank.id, BankEntry.removed.is_(False), or_(*conds)
            )
        )
    )
    if targets:
        rev = _bump(s, tenant_id)
        s.execute(
            update(BankEntry)
            .where(BankEntry.id.in_(targets))
            .values(removed=True, removed_at=datetime.now(UTC), change_seq=rev)
        )
        audit.record(
            s, tenant_id, actor, "bank.remove", "bank", name, {"removed": len(targets)}, None
        )
    return {"bank": name, "removed": len(targets)}


def entries(
    s: Session, tenant_id: uuid.UUID, name: str, *, limit: int = 100, after_id: int = 0
) -> list[dict[str, Any]]:
    bank = _bank(s, tenant_id, name)
    rows = s.scalars(
        select(BankEntry)
        .where(BankEntry.bank_id == bank.id, BankEntry.removed.is_(False), BankEntry.id > after_id)
        .order_by(BankEntry.id)
        .limit(limit)
    ).all()
    return [_entry_view(e) for e in rows]


def export(s: Session, tenant_id: uuid.UUID, name: str, fmt: pdq.HashListFormat | str) -> str:
    bank = _bank(s, tenant_id, name)
    rows = s.execute(
        select(
            BankEntry.id,
            BankEntry.hash,
            BankEntry.quality,
            BankEntry.label,
            BankEntry.notes,
            BankEntry.source,
            BankEntry.added_at,
        )
        .where(BankEntry.bank_id == bank.id, BankEntry.removed.is_(False))
        .order_by(BankEntry.id)
    )
    records = (
        pdq.HashRecord(
            bytes(h), q, label, notes, src, int(i), at.isoformat(timespec="seconds") if at else ""
        )
        for i, h, q, label, notes, src, at in rows
    )
    return pdq.write_hash_list(records, fmt)


def import_list(
    s: Session,
    tenant_id: uuid.UUID,
    name: str,
    text: str,
    fmt: pdq.HashListFormat | str,
    *,
    actor: str,
    source: str = "import",
) -> dict[str, Any]:
    parsed = pdq.parse_hash_list(text, fmt, name="body")
    out = add(s, tenant_id, name, parsed.records, actor=actor, source=source)
    out.pop("entries")
    out["skipped"] = parsed.skipped
    return out


def match(
    s: Session,
    sources: BankSources,
    tenant_id: uuid.UUID,
    name: str,
    data: bytes,
    *,
    distance: int = pdq.MATCH_DISTANCE,
    max_bytes: int,
    max_pixels: int,
) -> dict[str, Any]:
    """Entries of bank `name` within `distance` of the image, nearest first."""
    bank = _bank(s, tenant_id, name)
    banks = sources.for_tenant(s, tenant_id).snapshot()
    h = pdq.hash_bytes(data, max_bytes=max_bytes, max_pixels=max_pixels)
    found = banks.index.search([h.bits], distance, {bank.id})[0]
    by_id = {
        e.id: e for e in s.scalars(select(BankEntry).where(BankEntry.id.in_([m.id for m in found])))
    }
    matches = [
        {**_entry_view(by_id[m.id]), "distance": m.distance}
        for m in found
        if m.id in by_id and not by_id[m.id].removed
    ]
    out: dict[str, Any] = {"bank": name, "pdq": h.hex, "quality": h.quality, "matches": matches}
    if h.quality < pdq.QUALITY_FLOOR:
        out["warnings"] = [
            f"PDQ quality {h.quality} is below {pdq.QUALITY_FLOOR}: the hash_banks detector "
            "does not match such images (too featureless)"
        ]
    return out
