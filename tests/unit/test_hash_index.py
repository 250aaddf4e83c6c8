"""The bank index: exact (every hash within the distance, no other) against brute force, for
both structures (numpy brute force and multi-index hashing), through changes, serialisation
and hot swaps under concurrent queries."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest

from tamis.errors import InputError
from tamis.hashing import index as index_mod
from tamis.hashing.index import FLAT_MAX, HashIndex, LiveIndex, Match


def random_codes(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(n, 32), dtype=np.uint8)


def flip(code: np.ndarray, bits: np.ndarray) -> np.ndarray:
    out = code.copy()
    for b in bits:
        out[b // 8] ^= 1 << (7 - b % 8)
    return out


def near_queries(codes: np.ndarray, n: int, seed: int = 1, max_flips: int = 45) -> np.ndarray:
    """Queries at known distances (0..max_flips) from stored codes, plus unrelated ones."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(codes), size=n)
    qs = [
        flip(codes[p], rng.choice(256, size=int(rng.integers(0, max_flips + 1)), replace=False))
        for p in picks
    ]
    return np.vstack([np.stack(qs), random_codes(5, seed + 100)])


def brute(codes: np.ndarray, ids: np.ndarray, q: np.ndarray, radius: int) -> list[tuple[int, int]]:
    d = np.bitwise_count(codes ^ q).sum(axis=1)
    keep = np.flatnonzero(d <= radius)
    return sorted((int(d[i]), int(ids[i])) for i in keep)


def as_pairs(found: list[Match]) -> list[tuple[int, int]]:
    return [(m.distance, m.id) for m in found]


@pytest.fixture(scope="module")
def large() -> tuple[np.ndarray, np.ndarray, HashIndex]:
    codes = random_codes(FLAT_MAX + 8_000, seed=7)
    # clusters of near-duplicates, as real banks have (the same picture, edited)
    rng = np.random.default_rng(8)
    for k in range(200):
        src = codes[k]
        codes[FLAT_MAX + k] = flip(
            src, rng.choice(256, size=int(rng.integers(1, 30)), replace=False)
        )
    ids = np.arange(len(codes), dtype=np.int64) * 3 + 11  # ids are not positions
    idx = HashIndex(codes, ids)
    assert idx.kind == "mih"
    return codes, ids, idx


@pytest.mark.parametrize("radius", [0, 8, 15, 16, 31, 32, 47, 60])
def test_multi_index_hashing_is_exact(
    large: tuple[np.ndarray, np.ndarray, HashIndex], radius: int
) -> None:
    codes, ids, idx = large
    queries = near_queries(codes, 60, seed=radius)
    results = idx.search(queries, radius)
    for q, found in zip(queries, results, strict=True):
        assert as_pairs(found) == brute(codes, ids, q, radius)


@pytest.mark.parametrize("radius", [0, 31, 47])
def test_flat_index_is_exact(radius: int) -> None:
    codes = random_codes(3_000, seed=3)
    codes[1:40] = [flip(codes[0], np.arange(i)) for i in range(1, 40)]
    ids = np.arange(3_000, dtype=np.int64)
    idx = HashIndex(codes, ids)
    assert idx.kind == "flat"
    queries = near_queries(codes, 40, seed=radius)
    for q, found in zip(queries, idx.search(queries, radius), strict=True):
        assert as_pairs(found) == brute(codes, ids, q, radius)


@pytest.mark.parametrize("radius", [0, 31, 100, 255, 256])
def test_brute_force_segments_match_reference(radius: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small main segment, and a small delta over a multi-index main, at every distance up to
    256 (a hash's complement: more than a byte holds)."""
    codes = random_codes(5_000, seed=11)
    codes[1] = ~codes[0]
    codes[4_001] = ~codes[4_000]
    codes[2:30] = [flip(codes[0], np.arange(i)) for i in range(2, 30)]
    ids = np.arange(5_000, dtype=np.int64) * 7 + 3
    small = HashIndex(codes, ids)
    monkeypatch.setattr(index_mod, "FLAT_MAX", 1_000)
    split = HashIndex(codes[:4_000], ids[:4_000]).with_changes(codes[4_000:], ids[4_000:])
    assert (small.kind, split.kind, len(split._segments)) == ("flat", "mih", 2)
    assert split._segments[1].columns is not None  # the delta is searched by brute force
    queries = np.vstack([codes[[0, 1, 4_000]], near_queries(codes, 12, seed=radius)])
    for q, a, b in zip(
        queries, small.search(queries, radius), split.search(queries, radius), strict=True
    ):
        assert as_pairs(a) == as_pairs(b) == brute(codes, ids, q, radius)


def test_search_needs_neither_faiss_nor_threads() -> None:
    """Searching runs in the calling thread alone. faiss' flat index, used for small banks and
    the delta segment before, opened an OpenMP parallel region (a thread per core) on every
    query: on a busy host one query then waited milliseconds for those threads."""
    code = textwrap.dedent(
        """
        import os, sys
        sys.modules["faiss"] = None  # importing faiss fails from here on
        import numpy as np
        from tamis.hashing import index

        def threads():
            return len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 0

        codes = np.random.default_rng(0).integers(0, 256, size=(2_000, 32), dtype=np.uint8)
        small = index.HashIndex(codes, np.arange(2_000))
        index.FLAT_MAX = 500
        split = index.HashIndex(codes, np.arange(2_000))
        split = split.with_changes(codes[:10], range(5_000, 5_010))
        assert (small.kind, split.kind, len(split._segments)) == ("flat", "mih", 2)
        before = threads()
        for ix in (small, split):
            for radius in (0, 31, 60):
                assert [m.id for m in ix.search(codes[:1], radius)[0]][:1] == [0]
        assert threads() == before, (before, threads())
        print("ok")
        """
    )
    env = {**os.environ, "OMP_NUM_THREADS": "4"}  # were OpenMP used, it would start threads
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


@pytest.mark.data
def test_metas_haystack_and_needles(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ThreatExchange's MIH regression inputs (pdq/data/reg-test-input), both structures."""
    folder = shared_data / "pdq_reference" / "pdq" / "data" / "reg-test-input"
    hay = [bytes.fromhex(x) for x in (folder / "haystack.txt").read_text().split()]
    needles = [bytes.fromhex(x) for x in (folder / "needles.txt").read_text().split()]
    assert (len(hay), len(needles)) == (1350, 100)
    codes = np.frombuffer(b"".join(hay), np.uint8).reshape(-1, 32)
    ids = np.arange(len(hay), dtype=np.int64)
    nq = np.frombuffer(b"".join(needles), np.uint8).reshape(-1, 32)
    flat = HashIndex(codes, ids)
    monkeypatch.setattr(index_mod, "FLAT_MAX", 100)
    mih = HashIndex(codes, ids)
    assert (flat.kind, mih.kind) == ("flat", "mih")
    hits = 0
    for q, a, b in zip(nq, flat.search(nq, 31), mih.search(nq, 31), strict=True):
        expected = brute(codes, ids, q, 31)
        assert as_pairs(a) == as_pairs(b) == expected
        hits += bool(expected)
    assert hits > 0


def test_groups_restrict_results() -> None:
    codes = random_codes(10)
    codes[1] = flip(codes[0], np.arange(3))
    idx = HashIndex(codes, np.arange(10), groups=[0, 1] + [2] * 8)
    assert [m.group for m in idx.search(codes[:1], 31)[0]] == [0, 1]
    assert [m.id for m in idx.search(codes[:1], 31, groups={1})[0]] == [1]
    assert idx.search(codes[:1], 31, groups=set())[0] == []


def test_add_remove_and_replace() -> None:
    codes = random_codes(100)
    idx = HashIndex(codes, np.arange(100))
    new = random_codes(3, seed=9)
    idx2 = idx.with_changes(new, [100, 101, 102], [5, 5, 5], remove_ids=[0, 1])
    assert len(idx) == 100 and len(idx2) == 101  # the old index is unchanged
    assert idx2.search(codes[:1], 0) == [[]]
    assert idx.search(codes[:1], 0)[0] == [Match(0, 0, 0)]
    assert idx2.search(new[1:2], 0)[0] == [Match(101, 5, 0)]
    # re-adding an id replaces its code; removing an id twice is harmless
    idx3 = idx2.with_changes(new[:1], [50], remove_ids=[0, 101])
    assert idx3.search(codes[50:51], 0) == [[]]
    assert idx3.search(new[:1], 0)[0] == [Match(50, 0, 0), Match(100, 5, 0)]
    assert idx3.search(new[1:2], 0) == [[]]
    assert len(idx3) == 100
    _codes, ids, _ = idx3.entries()
    assert len(set(ids.tolist())) == len(ids) == 100
    with pytest.raises(InputError):
        idx.with_changes(new[:2], [1, 1])
    with pytest.raises(InputError):
        HashIndex(codes[:2], [1, 1])


def test_large_changes_compact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_mod, "FLAT_MAX", 50)
    codes = random_codes(400)
    idx = HashIndex(codes, np.arange(400))
    assert idx.kind == "mih"
    small = idx.with_changes(random_codes(10, 2), np.arange(1000, 1010))
    assert len(small._segments) == 2
    big = small.with_changes(random_codes(60, 3), np.arange(2000, 2060), remove_ids=range(100))
    assert len(big._segments) == 1 and len(big) == 370
    assert big.search(codes[150:151], 0)[0] == [Match(150, 0, 0)]
    assert big.search(codes[50:51], 0) == [[]]


def test_serialise_round_trip(tmp_path: Path) -> None:
    codes = random_codes(500)
    idx = HashIndex(codes, np.arange(500) + 7, groups=np.arange(500) % 3)
    idx = idx.with_changes(random_codes(2, 5), [1000, 1001], [1, 2], remove_ids=[7])
    back = HashIndex.from_bytes(idx.to_bytes())
    assert len(back) == len(idx) == 501
    queries = near_queries(codes, 20)
    assert back.search(queries, 31) == idx.search(queries, 31)
    idx.save(tmp_path / "i" / "bank.npz")
    assert HashIndex.load(tmp_path / "i" / "bank.npz").search(queries, 31) == idx.search(
        queries, 31
    )


def test_bad_arguments() -> None:
    idx = HashIndex(random_codes(5), np.arange(5))
    with pytest.raises(InputError):
        idx.search(random_codes(1), 300)
    with pytest.raises(InputError):
        idx.search(np.zeros((1, 31), np.uint8), 10)
    assert HashIndex().search(random_codes(2), 31) == [[], []]


def test_hot_swap_under_concurrent_queries() -> None:
    """Readers never see a half-built index: every answer is the old or the new one."""
    codes = random_codes(2_000)
    target = codes[:1]
    live = LiveIndex(HashIndex(codes, np.arange(2_000)))
    old = [Match(0, 0, 0)]
    stop = threading.Event()
    seen: list[list[Match]] = []
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            while not stop.is_set():
                seen.append(live.search(target, 0)[0])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(30):
        if i % 2:
            live.update(lambda ix: ix.with_changes(remove_ids=[0]))
        else:
            live.update(lambda ix: ix.with_changes(target, [0]))
        live.swap(live.current.compact())
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert seen and all(s in (old, []) for s in seen)
    assert live.swaps == 60
    assert live.search(target, 0)[0] == []  # the last update removed it
