"""Run records through the engine on a pool of local processes, in order, with bounded
memory: at most a few chunks are in flight at once. Image records carry their path only: a
worker reads the file when it moderates it, and a chunk holds at most `IMAGES_PER_CHUNK`
images, so a worker never holds more than that many images in memory. Each worker process
builds one engine, which loads every model once, on its first chunk."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tamis.batch.sources import Record, read_image
from tamis.detectors.image._onnx import set_process_share
from tamis.engine import Engine
from tamis.errors import TamisError
from tamis.media import Media

IMAGES_PER_CHUNK = 4  # decoded frames of a chunk's images are in a worker's memory together
_engine: Engine | None = None


def _init_worker(workers: int) -> None:
    global _engine
    set_process_share(workers)
    _engine = Engine()


def moderate_records(engine: Engine, records: list[Record], policy: str) -> list[dict[str, Any]]:
    """One output dict per record (the JSON line `tamis scan` writes), in order. Texts and
    images go through the engine together; a file that cannot be read or probed gives an
    error line, and the others proceed."""
    out: list[dict[str, Any] | None] = [None] * len(records)
    todo: list[tuple[int, Media]] = []
    for i, r in enumerate(records):
        if not r.ready:
            out[i] = _error(r, r.error)
        elif r.image is not None:
            try:
                todo.append((i, read_image(Path(r.image), engine.settings, id=r.id)))
            except TamisError as exc:
                out[i] = _error(r, exc)
        else:
            todo.append((i, Media.text(r.text or "", id=r.id)))
    results = engine.moderate_many([m for _, m in todo], policy)
    for (i, media), res in zip(todo, results, strict=True):
        r = records[i]
        if isinstance(res, TamisError):
            out[i] = _error(r, res)
            continue
        row = {**res.to_dict(), "source": r.source}
        if "image" in media.meta:
            row["image"] = dict(media.meta["image"])
        out[i] = row
    return [o for o in out if o is not None]


def _error(r: Record, exc: TamisError | None) -> dict[str, Any]:
    return {"id": r.id, "source": r.source, "error": exc.to_dict() if exc else {}}


def _work(records: list[Record], policy: str) -> list[dict[str, Any]]:
    if _engine is None:
        raise RuntimeError("worker engine was not initialised")
    return moderate_records(_engine, records, policy)


def _chunks(
    records: Iterable[Record], size: int, max_images: int = IMAGES_PER_CHUNK
) -> Iterator[list[Record]]:
    """Chunks of at most `size` records, of which at most `max_images` images."""
    chunk: list[Record] = []
    images = 0
    for r in records:
        chunk.append(r)
        if r.image is not None:
            images += 1
        if len(chunk) >= size or images >= max_images:
            yield chunk
            chunk, images = [], 0
    if chunk:
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
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(workers,)
    ) as pool:
        pending: deque[tuple[list[Record], Future[list[dict[str, Any]]]]] = deque()
        for chunk in _chunks(records, chunk_size):
            pending.append((chunk, pool.submit(_work, chunk, policy)))
            if len(pending) >= workers * 2:
                done_chunk, fut = pending.popleft()
                yield done_chunk, fut.result()
        while pending:
            done_chunk, fut = pending.popleft()
            yield done_chunk, fut.result()
