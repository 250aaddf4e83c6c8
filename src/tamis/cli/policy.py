"""`tamis policy check|show` and `tamis labels`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tamis.cli.common import console, print_json
from tamis.config import Settings
from tamis.policy.store import PolicyStore, load_policy_file
from tamis.taxonomy import LABELS, refuse_if_protected

app = typer.Typer(no_args_is_help=True, help="Policies: validate and show.")


@app.command("check")
def check(path: Path) -> None:
    """Validate a policy file; errors name the file, the key and the reason."""
    p = load_policy_file(path)
    console.print(
        f"ok: policy {p.name!r} version {p.version}: {len(p.labels)} label rules, "
        f"{len(p.lists)} list rules, detectors {', '.join(p.detectors)}"
    )


@app.command("show")
def show(
    name: Annotated[str | None, typer.Argument()] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List policies, or print one."""
    store = PolicyStore(Settings.from_env().policies_dir)
    if name is not None:
        p = store.get(name)
        data = {**p.model_dump(mode="json"), "version": p.version}
        if as_json:
            print_json(data)
        else:
            console.print_json(data=data)
        return
    table = Table("name", "version", "description")
    for n, p in store.all().items():
        table.add_row(n, p.version, p.description.strip()[:80])
    console.print(table)


def labels(
    explain: Annotated[str | None, typer.Argument(help="A label to explain.")] = None,
) -> None:
    """Show the label taxonomy and its mapping to OpenAI, Azure and Alibaba categories."""
    if explain is not None:
        refuse_if_protected(explain)
    table = Table("label", "description", "OpenAI", "Azure", "Alibaba")
    for label in LABELS.values():
        if explain is None or explain == label.name:
            table.add_row(
                label.name,
                label.description,
                ", ".join(label.openai),
                ", ".join(label.azure),
                ", ".join(label.alibaba),
            )
    table.add_row("list:<name>", "A hit in the named term list.", "", "", "")
    table.add_row("bank:<name>", "A match in the named hash bank.", "", "", "")
    console.print(table)
