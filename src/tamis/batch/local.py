"""Run records through the engine on a pool of local processes, in order, with bounded
memory: at most a few chunks are in flight at once."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from tamis.batch.sources import Record
from tamis.engine import Engine
from tamis.errors import TamisError
from tamis.media import Media

_engine: Engine | None = None


def _init_worker() -> None:
    global _engine
    _engine = Engine()


def moderate_records(engine: Engine, records: list[Record], policy: str) -> list[dict[str, Any]]:
    """One output dict per record (the JSON line `tamis scan` writes)."""
    todo = [r for r in records if r.error is None and r.text is not None]
    media = [Media.text(r.text or "", id=r.id) for r in todo]
    results = iter(engine.moderate_many(media, policy))
    out: list[dict[str, Any]] = []
    for r in records:
        if r.error is not None or r.text is None:
            out.append(
                {"id": r.id, "source": r.source, "error": r.error.to_dict() if r.error else {}}
            )
            continue
        res = next(results)
        if isinstance(res, TamisError):
            out.append({"id": r.id, "source": r.source, "error": res.to_dict()})
        else:
            out.append({**res.to_dict(), "source": r.source})
    return out


def _work(records: list[Record], policy: str) -> list[dict[str, Any]]:
    if _engine is None:
        raise RuntimeError("worker engine was not initialised")
    return moderate_records(_engine, records, policy)


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def scan(
    records: Iterable[Record],
    *,
    policy: str = "default",
    workers: int = 1,
    chunk_size: int = 256,
    engine: Engine | None = None,
) -> Iterator[tuple[list[Record], list[dict[str, Any]]]]:
    """Yield (records, outputs) chunk by chunk, in input order."""
    if workers <= 1:
        eng = engine or Engine()
        eng.policy(policy)  # fail before reading anything when the policy is unknown
        for chunk in _chunks(records, chunk_size):
            yield chunk, moderate_records(eng, chunk, policy)
        return
    (engine or Engine()).policy(policy)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        pending: deque[tuple[list[Record], Future[list[dict[str, Any]]]]] = deque()
        for chunk in _chunks(records, chunk_size):
            pending.append((chunk, pool.submit(_work, chunk, policy)))
            if len(pending) >= workers * 2:
                done_chunk, fut = pending.popleft()
                yield done_chunk, fut.result()
        while pending:
            done_chunk, fut = pending.popleft()
            yield done_chunk, fut.result()
