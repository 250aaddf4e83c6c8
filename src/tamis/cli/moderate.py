"""`tamis moderate text|file|image`."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Annotated

import typer

from tamis.batch.local import moderate_records
from tamis.batch.sources import image_media, read_image, read_records
from tamis.cli.common import (
    JsonOpt,
    LabelsOpt,
    PolicyOpt,
    console,
    keep_labels,
    parse_labels,
    print_json,
)
from tamis.cli.render import print_result
from tamis.engine import Engine, image_policy_warning
from tamis.errors import InputError, TamisError
from tamis.findings import ModerationResult
from tamis.media import Media

app = typer.Typer(no_args_is_help=True, help="Moderate one text, the items of one file, or images.")


@app.command("text")
def text(
    content: Annotated[str, typer.Argument(help="The text to moderate ('-' reads stdin).")],
    policy: PolicyOpt = "default",
    as_json: JsonOpt = False,
    labels: LabelsOpt = None,
) -> None:
    """Moderate one text."""
    wanted = parse_labels(labels)
    if content == "-":
        content = typer.get_text_stream("stdin").read()
    result = Engine().moderate(Media.text(content), policy)
    if as_json:
        print_json(keep_labels(result.to_dict(), wanted))
    else:
        print_result(console, _only(result, wanted))


def _only(result: ModerationResult, wanted: set[str] | None) -> ModerationResult:
    if wanted is None:
        return result
    return type(result)(
        result.media,
        tuple(f for f in result.findings if f.label in wanted),
        result.failures,
        result.decision,
        result.timings,
        result.languages,
    )


@app.command("file")
def file(
    path: Annotated[Path, typer.Argument(help=".txt, .jsonl (field `text`) or .csv file.")],
    policy: PolicyOpt = "default",
    column: Annotated[str, typer.Option(help="CSV column holding the text.")] = "text",
    lines: Annotated[bool, typer.Option(help="Treat each line of a .txt as one item.")] = False,
    as_json: JsonOpt = False,
    labels: LabelsOpt = None,
) -> None:
    """Moderate every item of one file; bad lines are reported with their line number."""
    wanted = parse_labels(labels)
    engine = Engine()
    records = list(read_records(path, column=column, lines=lines))
    for out in moderate_records(engine, records, policy):
        if as_json:
            print_json(keep_labels(out, wanted) if "findings" in out else out)
        elif "error" in out:
            console.print(f"{out['source']} error: {out['error'].get('message', '')}", style="red")
        else:
            d = out["decision"]
            labels_hit = sorted(
                {f["label"] for f in out["findings"] if wanted is None or f["label"] in wanted}
            )
            console.print(f"{out['source']}  {d['action'].upper():6}  {', '.join(labels_hit)}")


@app.command("image")
def image(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Image files: JPEG, PNG, WebP, GIF, BMP, TIFF, AVIF, HEIC ('-' reads stdin).",
            show_default=False,
        ),
    ],
    policy: PolicyOpt = "default",
    as_json: JsonOpt = False,
    labels: LabelsOpt = None,
) -> None:
    """Moderate images: safe decoding, OCR and QR text, image detectors; boxes are x,y,w,h
    in pixels of the original image. A bad file fails the command, after the others."""
    wanted = parse_labels(labels)
    engine = Engine()
    warning = image_policy_warning(engine.policy(policy))
    if warning:
        typer.echo(f"warning: {warning}", err=True)
    settings = engine.settings
    failed: list[tuple[str, TamisError]] = []

    def fail(name: str, exc: TamisError) -> None:
        if len(paths) == 1:
            raise _located(exc, name) from None
        failed.append((name, exc))
        if as_json:
            print_json({"id": name, "source": name, "error": exc.to_dict()})
        else:
            console.print(f"{name} error ({exc.code}): {exc.message}", style="red")

    for path in paths:
        name = "stdin" if str(path) == "-" else str(path)
        try:  # reading and probing: errors of this file
            if str(path) == "-":
                media = image_media(sys.stdin.buffer.read(), settings, id="stdin")
            else:
                media = read_image(path, settings)
        except TamisError as exc:
            fail(name, exc)
            continue
        try:  # decoding errors are of this file; others (policy, plugins) stop the command
            result = engine.moderate(media, policy)
        except InputError as exc:
            fail(name, exc)
            continue
        if as_json:
            out = keep_labels(result.to_dict(), wanted)
            out["source"] = name
            out["image"] = dict(media.meta["image"])
            print_json(out)
        else:
            print_result(console, _only(result, wanted))
    if failed:
        name, first = failed[0]
        err = _located(first, name)
        err.message = f"{len(failed)} of {len(paths)} images failed; the first: {err.message}"
        raise err


def _located(exc: TamisError, where: str) -> TamisError:
    """The error, its message naming the file (once)."""
    err = copy.copy(exc)
    if not err.message.startswith(where):
        err.message = f"{where}: {err.message}"
    return err
