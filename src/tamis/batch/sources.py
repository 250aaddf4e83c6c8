"""Read items to moderate from files: .txt (one item, or one per line), .jsonl (a `text`
field per line), .csv (a named column), and images (one item per file). A bad line becomes an
error record with its line number; it never stops the file.

An image record carries only its path: its bytes are read where it is moderated (a worker
process), by `read_image`, so that a folder of photos never travels through a queue."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tamis.errors import (
    InputError,
    InvalidEncoding,
    MalformedRecord,
    NotFound,
    RequestTooLarge,
    UnsupportedMedia,
)
from tamis.media import Media, Modality

if TYPE_CHECKING:
    from tamis.config import Settings

TEXT_SUFFIXES = (".txt", ".jsonl", ".csv")
# What tamis.decoding.image reads: JPEG, PNG/APNG, WebP, GIF, BMP, TIFF, AVIF, HEIC/HEIF.
IMAGE_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".jpe",
    ".jfif",
    ".png",
    ".apng",
    ".webp",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".avif",
    ".heic",
    ".heif",
)
SUFFIXES = TEXT_SUFFIXES + IMAGE_SUFFIXES
_SURROGATE = re.compile("[\udc80-\udcff]")
_MAX_ERRORS_IN_A_ROW = 10_000


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    source: str  # "path:line", or the path of an image
    text: str | None = None
    error: InputError | None = None
    nbytes: int = 0
    image: str | None = None  # the path of an image file, read when it is moderated

    @property
    def ready(self) -> bool:
        """Something to moderate (a text, or an image to read), not an error."""
        return self.error is None and (self.text is not None or self.image is not None)


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def read_image(path: Path, settings: Settings, *, id: str | None = None) -> Media:
    """The image Media of one file, as POST /v1/moderate/image builds it from an upload:
    probed (format, size, pixel limit, integrity) here, decoded by the engine. `meta["image"]`
    holds `format`, `width` and `height`. Raises the typed error of a bad file."""
    try:
        size = path.stat().st_size
        if size > settings.max_body_bytes:
            raise RequestTooLarge(
                f"{path}: image has {size:,} bytes; the limit is {settings.max_body_bytes:,}",
                hint="Downscale the image, or raise TAMIS_MAX_BODY_BYTES.",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file", hint="Check the path.") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.strerror or exc})",
            hint="Check the file's permissions.",
        ) from None
    return image_media(data, settings, id=id or str(path))


def image_media(data: bytes, settings: Settings, *, id: str) -> Media:
    """Image Media from bytes, probed as the API probes an upload (see `read_image`)."""
    from tamis.decoding.image import probe_image

    info = probe_image(
        data, max_bytes=settings.max_body_bytes, max_pixels=settings.max_image_pixels
    )
    return Media(
        id=id,
        modality=Modality.IMAGE,
        data=data,
        mime=info.mime,
        meta={"image": {"format": info.format, "width": info.width, "height": info.height}},
    )


def iter_paths(target: Path) -> Iterator[Path]:
    if target.is_file():
        yield target
    elif target.is_dir():
        for path in sorted(target.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES:
                yield path
    else:
        raise NotFound(f"{target}: no such file or folder", hint="Check the path.")


def read_records(path: Path, *, column: str = "text", lines: bool = False) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedMedia(
            f"{path}: unsupported file type {suffix or '(none)'}",
            hint="Sources are .txt, .jsonl and .csv files, and images ("
            + " ".join(IMAGE_SUFFIXES)
            + ").",
        )
    if suffix in IMAGE_SUFFIXES:
        yield Record(str(path), str(path), nbytes=path.stat().st_size, image=str(path))
        return
    raw = path.read_bytes()
    # surrogateescape keeps invalid bytes visible as lone surrogates, line by line.
    content = raw.decode("utf-8", errors="surrogateescape")
    if suffix == ".jsonl":
        yield from _jsonl(path, content)
    elif suffix == ".csv":
        yield from _csv(path, content, column)
    elif lines:
        for n, line in enumerate(content.splitlines(), 1):
            if line.strip():
                yield _text_record(path, n, line)
    else:
        yield _text_record(path, 1, content, whole=True)


def _bad_utf8(path: Path, n: int, text: str) -> Record:
    return Record(
        f"{path}:{n}",
        f"{path}:{n}",
        error=InvalidEncoding(f"{path}:{n}: not valid UTF-8", hint="Re-encode the file as UTF-8."),
        nbytes=len(text),
    )


def _text_record(path: Path, n: int, text: str, *, whole: bool = False) -> Record:
    if _SURROGATE.search(text):
        return _bad_utf8(path, n, text)
    rid = str(path) if whole else f"{path}:{n}"
    return Record(rid, f"{path}:{n}", text, nbytes=len(text.encode("utf-8")) + 1)


def _jsonl(path: Path, content: str) -> Iterator[Record]:
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        size = len(line.encode("utf-8", errors="surrogateescape")) + 1
        if _SURROGATE.search(line):
            yield _bad_utf8(path, n, line)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(
                where,
                where,
                error=MalformedRecord(
                    f"{where}: not JSON ({exc.msg} at column {exc.colno})",
                    hint="Each line of a .jsonl file is one JSON object.",
                ),
                nbytes=size,
            )
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield Record(
                where,
                where,
                error=MalformedRecord(
                    f'{where}: expected an object with a string field "text"',
                    hint='Write lines like {"id": "c1", "text": "..."}.',
                ),
                nbytes=size,
            )
            continue
        rid = obj.get("id")
        yield Record(str(rid) if rid not in (None, "") else where, where, obj["text"], nbytes=size)


def _csv(path: Path, content: str, column: str) -> Iterator[Record]:
    reader = csv.reader(content.splitlines(keepends=True))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise MalformedRecord(
            f"{path}:1: unreadable CSV header ({exc})",
            hint="The first line of a .csv file names its columns.",
        ) from None
    if column not in header:
        raise MalformedRecord(
            f"{path}: no column {column!r} (columns: {', '.join(header)})",
            hint="Choose the column with --column.",
        )
    idx = header.index(column)
    id_idx = header.index("id") if "id" in header else None
    errors = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors += 1
            if errors > _MAX_ERRORS_IN_A_ROW:
                return
            where = f"{path}:{reader.line_num}"
            yield Record(
                where,
                where,
                error=MalformedRecord(
                    f"{where}: malformed CSV ({exc})",
                    hint="Quote fields that hold commas, quotes or line breaks.",
                ),
            )
            continue
        errors = 0
        where = f"{path}:{reader.line_num}"
        size = sum(len(c) for c in row) + len(row)
        if not row:
            continue
        if len(row) <= idx:
            yield Record(
                where,
                where,
                error=MalformedRecord(
                    f"{where}: row has {len(row)} fields, column {column!r} is field {idx + 1}",
                    hint="Every row needs as many fields as the header.",
                ),
                nbytes=size,
            )
            continue
        text = row[idx]
        if _SURROGATE.search(text):
            yield _bad_utf8(path, reader.line_num, text)
            continue
        rid = row[id_idx] if id_idx is not None and id_idx < len(row) and row[id_idx] else where
        yield Record(rid, where, text, nbytes=size)
