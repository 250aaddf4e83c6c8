"""`tamis moderate text|file`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tamis.batch.local import moderate_records
from tamis.batch.sources import read_records
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
from tamis.engine import Engine
from tamis.media import Media

app = typer.Typer(no_args_is_help=True, help="Moderate one text or the items of one file.")


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
        if wanted is not None:
            result = type(result)(
                result.media,
                tuple(f for f in result.findings if f.label in wanted),
                result.failures,
                result.decision,
                result.timings,
                result.languages,
            )
        print_result(console, result)


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
