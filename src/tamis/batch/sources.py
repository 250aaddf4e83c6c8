"""Read items to moderate from files: .txt (one item, or one per line), .jsonl (a `text`
field per line), .csv (a named column). A bad line becomes an error record with its line
number; it never stops the file."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tamis.errors import InputError, InvalidEncoding, MalformedRecord, NotFound, UnsupportedMedia

SUFFIXES = (".txt", ".jsonl", ".csv")
_SURROGATE = re.compile("[\udc80-\udcff]")
_MAX_ERRORS_IN_A_ROW = 10_000


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    source: str  # "path:line"
    text: str | None = None
    error: InputError | None = None
    nbytes: int = 0


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
            hint="Text sources are .txt, .jsonl and .csv files.",
        )
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
