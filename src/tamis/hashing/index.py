"""The index banks are matched against: every stored PDQ hash within a Hamming distance of a
query, exactly (no approximate recall).

- Small segments (≤ FLAT_MAX hashes) are searched by brute force in numpy: the codes are kept
  as four columns of 64-bit words, and a query XORs and popcounts each column (about 0.1 ms at
  FLAT_MAX on one core). Not faiss' `IndexBinaryFlat`: its search opens an OpenMP parallel
  region on every call, with a thread per core by default (and `omp_set_num_threads` only
  applies to the thread that calls it), and for one query against a few thousand hashes those
  threads only cost: with another process busy on 2 cores, p99 was 4–70 ms instead of 0.2 ms.
- Large segments use multi-index hashing (Norouzi et al.; the scheme of Meta's `mih.h` and of
  faiss' `IndexBinaryMultiHash`): the 256 bits are cut into 16 chunks of 16 bits; two hashes
  within distance r agree on some chunk to within ⌊r/16⌋ bits (pigeonhole), so probing each
  chunk's table with every key within that many bit flips finds every match, which is then
  verified on all 256 bits. The tables are sorted arrays (one argsort per chunk), not hash maps:
  building 1M entries takes seconds where faiss' multi-hash takes about a minute, and a query at
  distance 31 probes 16 × 17 buckets (about 4,000 candidates at 1M random hashes).
  Beyond 2 flips per chunk (r > 47) a query falls back to brute force.

A HashIndex is immutable. Changes make a new one that shares the large segment: additions go
to a small flat "delta" segment, removals are tombstones; when either grows past a tenth of the
index the whole is rebuilt (`compact`). `LiveIndex` holds the current index for readers and
swaps in a new one atomically: readers keep the index they started with until they finish.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from tamis.errors import InputError
from tamis.hashing.pdq import HASH_BITS, HASH_BYTES

FLAT_MAX = 32_768
CHUNKS = 16
CHUNK_BITS = HASH_BITS // CHUNKS
MAX_FLIPS = 2
_COMPACT_FRACTION = 0.1


def _flip_masks(max_weight: int) -> np.ndarray:
    masks = [0]
    for w in range(1, max_weight + 1):
        for bits in combinations(range(CHUNK_BITS), w):
            m = 0
            for b in bits:
                m |= 1 << b
            masks.append(m)
    return np.asarray(masks, dtype=np.int64)


_MASKS = {w: _flip_masks(w) for w in range(MAX_FLIPS + 1)}


@dataclass(frozen=True, slots=True)
class Match:
    id: int
    group: int
    distance: int


def as_codes(hashes: np.ndarray | Sequence[bytes]) -> np.ndarray:
    """N×32 uint8 C-contiguous codes from an array or a sequence of 32-byte hashes."""
    if isinstance(hashes, np.ndarray):
        arr = hashes
    else:
        blob = b"".join(hashes)
        if not blob:
            return np.zeros((0, HASH_BYTES), dtype=np.uint8)
        if len(blob) % HASH_BYTES:
            raise InputError(f"every hash has {HASH_BYTES} bytes")
        arr = np.frombuffer(blob, dtype=np.uint8).reshape(-1, HASH_BYTES)
    if arr.dtype != np.uint8 or arr.ndim != 2 or arr.shape[1] != HASH_BYTES:
        raise InputError(f"expected N×{HASH_BYTES} uint8 hash codes, got {arr.dtype} {arr.shape}")
    return np.ascontiguousarray(arr)


def _brute(columns: np.ndarray, q64: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows within `radius` of a query, and their distances, by brute force. `columns` is
    4×N uint64 (word k of every code in row k), contiguous or a transposed view of the codes;
    summing the columns one at a time is several times faster than a row-wise sum."""
    dist = np.bitwise_count(columns[0] ^ q64[0]).astype(np.uint16)  # up to 256: not uint8
    for k in range(1, columns.shape[0]):
        dist += np.bitwise_count(columns[k] ^ q64[k])
    rows = np.flatnonzero(dist <= radius)
    return rows.astype(np.int64), dist[rows].astype(np.int32)


class _Segment:
    """Codes with their ids and groups, and a structure to search them."""

    def __init__(self, codes: np.ndarray, ids: np.ndarray, groups: np.ndarray) -> None:
        self.codes = codes
        self.codes64 = codes.view(np.uint64)
        self.ids = ids
        self.groups = groups
        self.n = int(codes.shape[0])
        self.columns: np.ndarray | None = None  # 4×N uint64, for brute force
        self.order: np.ndarray | None = None
        self.offsets: np.ndarray | None = None
        if self.n <= FLAT_MAX:
            self.columns = np.ascontiguousarray(self.codes64.T)
        else:
            chunks = codes.view(">u2")  # N×16 big-endian 16-bit chunks
            order = np.empty((CHUNKS, self.n), dtype=np.int32)
            offsets = np.empty((CHUNKS, (1 << CHUNK_BITS) + 1), dtype=np.int64)
            for j in range(CHUNKS):
                col = chunks[:, j].astype(np.uint16)
                order[j] = np.argsort(col, kind="stable")
                offsets[j, 0] = 0
                np.cumsum(np.bincount(col, minlength=1 << CHUNK_BITS), out=offsets[j, 1:])
            self.order = order.reshape(-1)
            self.offsets = offsets

    @property
    def nbytes(self) -> int:
        extra = self.columns.nbytes if self.columns is not None else 0
        if self.order is not None and self.offsets is not None:
            extra = self.order.nbytes + self.offsets.nbytes
        return self.codes.nbytes + self.ids.nbytes + self.groups.nbytes + extra

    def search(self, q: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows and distances of codes within `radius` of one query (a 32-byte row)."""
        if self.n == 0:
            return np.empty(0, np.int64), np.empty(0, np.int32)
        q64 = q.view(np.uint64)
        if self.columns is not None:
            return _brute(self.columns, q64, radius)
        flips = radius // CHUNKS
        if flips > MAX_FLIPS:
            return _brute(self.codes64.T, q64, radius)
        assert self.order is not None and self.offsets is not None
        masks = _MASKS[flips]
        qc = q.view(">u2").astype(np.int64)  # 16 chunk values
        keys = (qc[:, None] ^ masks[None, :]).reshape(-1)
        table = np.repeat(np.arange(CHUNKS, dtype=np.int64), masks.size)
        start = self.offsets[table, keys]
        count = self.offsets[table, keys + 1] - start
        total = int(count.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.int32)
        nonzero = count > 0
        start, count, table = start[nonzero], count[nonzero], table[nonzero]
        # positions start..start+count-1 of every probed bucket, in the flattened tables
        base = np.repeat(start + table * self.n - (np.cumsum(count) - count), count)
        cand = self.order[base + np.arange(total)]
        dist = np.bitwise_count(self.codes64[cand] ^ q64).sum(axis=1, dtype=np.int32)
        keep = dist <= radius
        rows, first = np.unique(cand[keep], return_index=True)
        return rows.astype(np.int64), dist[keep][first]


class HashIndex:
    """An immutable, searchable set of (code, id, group). Ids are unique int64 (entry ids);
    groups are small ints (a bank) that queries may restrict to."""

    def __init__(
        self,
        codes: np.ndarray | Sequence[bytes] | None = None,
        ids: np.ndarray | Sequence[int] | None = None,
        groups: np.ndarray | Sequence[int] | None = None,
        *,
        _segments: tuple[_Segment, ...] | None = None,
        _removed: np.ndarray | None = None,
    ) -> None:
        if _segments is not None:
            self._segments = _segments
            self._removed = _removed if _removed is not None else np.empty(0, np.int64)
            return
        arr = as_codes(codes if codes is not None else np.zeros((0, HASH_BYTES), np.uint8))
        n = arr.shape[0]
        id_arr = np.asarray(ids if ids is not None else np.arange(n), dtype=np.int64)
        grp = np.asarray(groups if groups is not None else np.zeros(n), dtype=np.int32)
        if id_arr.shape != (n,) or grp.shape != (n,):
            raise InputError(f"{n} codes need {n} ids and {n} groups")
        if np.unique(id_arr).size != n:
            raise InputError("index ids must be unique")
        self._segments = (_Segment(arr.copy(), id_arr.copy(), grp.copy()),)
        self._removed = np.empty(0, np.int64)

    # --- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return sum(s.n for s in self._segments) - int(self._removed.size)

    @property
    def nbytes(self) -> int:
        return sum(s.nbytes for s in self._segments) + int(self._removed.nbytes)

    @property
    def kind(self) -> str:
        main = self._segments[0]
        return "flat" if main.columns is not None else "mih"

    def search(
        self,
        queries: np.ndarray | Sequence[bytes],
        radius: int,
        groups: Collection[int] | None = None,
    ) -> list[list[Match]]:
        """For each query, every entry within `radius` bits, nearest first."""
        if not 0 <= radius <= HASH_BITS:
            raise InputError(f"distance {radius} is outside 0..{HASH_BITS}")
        qs = as_codes(queries)
        allowed = None if groups is None else np.fromiter(groups, dtype=np.int32)
        out: list[list[Match]] = []
        for q in qs:
            found: list[Match] = []
            for k, seg in enumerate(self._segments):
                rows, dist = seg.search(np.ascontiguousarray(q), radius)
                if rows.size == 0:
                    continue
                ids, grp = seg.ids[rows], seg.groups[rows]
                keep = np.ones(rows.size, dtype=bool)
                if k == 0 and self._removed.size:
                    keep &= ~np.isin(ids, self._removed)
                if allowed is not None:
                    keep &= np.isin(grp, allowed)
                found.extend(
                    Match(int(i), int(g), int(d))
                    for i, g, d in zip(ids[keep], grp[keep], dist[keep], strict=True)
                )
            found.sort(key=lambda m: (m.distance, m.id))
            out.append(found)
        return out

    def entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Live (codes, ids, groups), in storage order."""
        main = self._segments[0]
        live = ~np.isin(main.ids, self._removed) if self._removed.size else slice(None)
        parts = [(main.codes[live], main.ids[live], main.groups[live])]
        parts += [(s.codes, s.ids, s.groups) for s in self._segments[1:]]
        return (
            np.ascontiguousarray(np.concatenate([p[0] for p in parts])),
            np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]),
        )

    # --- changing (always a new index) ------------------------------------------------------
    def with_changes(
        self,
        add_codes: np.ndarray | Sequence[bytes] = (),
        add_ids: np.ndarray | Sequence[int] = (),
        add_groups: np.ndarray | Sequence[int] | None = None,
        remove_ids: np.ndarray | Sequence[int] = (),
    ) -> HashIndex:
        """A new index with entries removed, then added (re-adding an id replaces it)."""
        codes = as_codes(add_codes)
        ids = np.asarray(add_ids, dtype=np.int64).reshape(-1)
        grp = np.asarray(add_groups if add_groups is not None else np.zeros(ids.size), np.int32)
        if codes.shape[0] != ids.size or grp.size != ids.size:
            raise InputError("as many ids and groups as added codes are needed")
        if np.unique(ids).size != ids.size:
            raise InputError("added ids must be unique")
        drop = np.union1d(np.asarray(remove_ids, dtype=np.int64).reshape(-1), ids)
        main, delta = self._segments[0], self._segments[1:]
        # Tombstones only ever name rows of the main segment; the delta is rewritten.
        removed = np.union1d(self._removed, drop[np.isin(drop, main.ids)])
        dc = np.concatenate([s.codes for s in delta] + [np.zeros((0, HASH_BYTES), np.uint8)])
        di = np.concatenate([s.ids for s in delta] + [np.empty(0, np.int64)])
        dg = np.concatenate([s.groups for s in delta] + [np.empty(0, np.int32)])
        if drop.size and di.size:
            keep = ~np.isin(di, drop)
            dc, di, dg = dc[keep], di[keep], dg[keep]
        dc, di, dg = (
            np.concatenate([dc, codes]),
            np.concatenate([di, ids]),
            np.concatenate([dg, grp]),
        )
        limit = max(FLAT_MAX, int(_COMPACT_FRACTION * main.n))
        if di.size > limit or removed.size > limit:
            live = ~np.isin(main.ids, removed)
            return HashIndex(
                np.concatenate([main.codes[live], dc]),
                np.concatenate([main.ids[live], di]),
                np.concatenate([main.groups[live], dg]),
            )
        segs = (main,) if di.size == 0 else (main, _Segment(dc, di, dg))
        return HashIndex(_segments=segs, _removed=removed)

    def compact(self) -> HashIndex:
        codes, ids, groups = self.entries()
        return HashIndex(codes, ids, groups)

    # --- serialising ------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The live entries (npz); the search structures are rebuilt on load."""
        codes, ids, groups = self.entries()
        buf = io.BytesIO()
        np.savez(buf, codes=codes, ids=ids, groups=groups)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> HashIndex:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            return cls(z["codes"], z["ids"], z["groups"])

    def save(self, path: Path) -> None:
        """Write atomically (a temporary file renamed over `path`)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(self.to_bytes())
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> HashIndex:
        return cls.from_bytes(path.read_bytes())


class LiveIndex:
    """The current index of a bank set, swapped atomically.

    Readers take `current` (one attribute read) and search it without locks; writers build a new
    index from the current one under a lock (so two updates never lose each other's changes)
    and then swap it in. A reader that started on the old index finishes on it."""

    def __init__(self, index: HashIndex | None = None) -> None:
        self._current = index if index is not None else HashIndex()
        self._write = threading.Lock()
        self.swaps = 0

    @property
    def current(self) -> HashIndex:
        return self._current

    def swap(self, index: HashIndex) -> None:
        with self._write:
            self._current = index
            self.swaps += 1

    def update(self, change: Callable[[HashIndex], HashIndex]) -> HashIndex:
        with self._write:
            new = change(self._current)
            self._current = new
            self.swaps += 1
            return new

    def search(
        self,
        queries: np.ndarray | Sequence[bytes],
        radius: int,
        groups: Collection[int] | None = None,
    ) -> list[list[Match]]:
        return self._current.search(queries, radius, groups)
