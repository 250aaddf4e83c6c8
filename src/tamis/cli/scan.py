"""`tamis scan`: every item of a file or folder (texts and images), on a local process pool,
with progress over the input bytes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from tamis.batch.local import scan as run_scan
from tamis.batch.sources import Record, is_image, iter_paths, read_records
from tamis.cli.common import PolicyOpt, console
from tamis.config import Settings
from tamis.engine import Engine, image_policy_warning
from tamis.errors import InputError, TamisError


def scan(
    target: Annotated[
        Path, typer.Argument(help="A file, or a folder of .txt/.jsonl/.csv files and images.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write JSON lines.")] = Path(
        "results.jsonl"
    ),
    policy: PolicyOpt = "default",
    column: Annotated[str, typer.Option(help="CSV column holding the text.")] = "text",
    lines: Annotated[bool, typer.Option(help="Treat each line of a .txt as one item.")] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Moderate every item under TARGET and write one JSON line per item to --out.

    Each image (.jpg .png .webp .gif .bmp .tif .avif .heic ...) is one item, read by the
    worker that moderates it; its line has `source` = its path.
    """
    n_workers = workers or Settings.from_env().scan_workers
    paths = list(iter_paths(target))
    if any(is_image(p) for p in paths):
        warning = image_policy_warning(Engine().policy(policy))
        if warning:
            console.print(f"warning: {warning}", style="yellow")
    total = sum(p.stat().st_size for p in paths)
    counts: Counter[str] = Counter()
    file_errors: list[str] = []

    def records() -> Iterator[Record]:
        for path in paths:
            try:
                yield from read_records(path, column=column, lines=lines)
            except TamisError as exc:
                file_errors.append(exc.message)
                yield Record(
                    str(path), str(path), error=_as_input_error(exc), nbytes=path.stat().st_size
                )

    progress = Progress(
        TextColumn("[bold]scan"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("bytes"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    with out.open("w", encoding="utf-8") as fh, progress:
        task = progress.add_task("scan", total=total)
        for chunk, outputs in run_scan(records(), policy=policy, workers=n_workers):
            for o in outputs:
                fh.write(json.dumps(o, ensure_ascii=False) + "\n")
                counts["error" if "error" in o else o["decision"]["action"]] += 1
            progress.advance(task, sum(r.nbytes for r in chunk))
        progress.update(task, completed=total)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    console.print(
        f"{sum(counts.values())} items from {len(paths)} files: {summary or 'none'} -> {out}"
    )
    for msg in file_errors:
        console.print(f"file error: {msg}", style="red")


def _as_input_error(exc: TamisError) -> InputError:
    return exc if isinstance(exc, InputError) else InputError(exc.message, hint=exc.hint)
