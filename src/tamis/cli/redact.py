"""`tamis redact IN OUT`: blur every face of an image, keeping its format."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tamis.cli.common import JsonOpt, console
from tamis.config import Settings
from tamis.errors import NotFound
from tamis.privacy.redact import MARGIN, redact_image

_SUFFIXES = {
    "JPEG": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "PNG": {".png", ".apng"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}


class RedactMethod(StrEnum):
    blur = "blur"
    pixelate = "pixelate"
    fill = "fill"


def redact(
    source: Annotated[Path, typer.Argument(help="The image to redact ('-' reads stdin).")],
    out: Annotated[Path, typer.Argument(help="Where to write it ('-' writes stdout).")],
    method: Annotated[RedactMethod, typer.Option(help="How faces are hidden.")] = (
        RedactMethod.blur
    ),
    margin: Annotated[float, typer.Option(help="Share of a face box added on each side.")] = (
        MARGIN
    ),
    as_json: JsonOpt = False,
) -> None:
    """Blur every face found in SOURCE and write the image, in the same format, to OUT."""
    if str(source) == "-":
        data = sys.stdin.buffer.read()
    elif source.is_file():
        data = source.read_bytes()
    else:
        raise NotFound(f"{source}: no such file", hint="Give the path of an image.")
    settings = Settings.from_env()
    result = redact_image(
        data,
        method=method.value,
        margin=margin,
        max_bytes=max(settings.max_body_bytes, len(data)),  # a local file: pixels still bound
        max_pixels=settings.max_image_pixels,
    )
    to_stdout = str(out) == "-"
    if to_stdout:
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
    else:
        out.write_bytes(result.data)
    summary = {
        "faces": result.faces,
        "format": result.format,
        "boxes": [[[b.x, b.y, b.w, b.h] for b in frame] for frame in result.boxes],
        "out": str(out),
    }
    note = f"{result.faces} face(s) redacted; {result.format} written to {out}"
    if not to_stdout and out.suffix.lower() not in _SUFFIXES[result.format]:
        note += f" (the data is {result.format}, whatever the file name says)"
    line = json.dumps(summary) if as_json else note
    if to_stdout:
        sys.stderr.write(line + "\n")
    elif as_json:
        sys.stdout.write(line + "\n")
    else:
        console.print(line)
