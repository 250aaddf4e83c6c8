"""Shared CLI pieces."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from tamis.taxonomy import check_label

PolicyOpt = Annotated[str, typer.Option("--policy", "-p", help="Policy name.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the documented JSON output.")]
LabelsOpt = Annotated[
    str | None,
    typer.Option("--labels", help="Comma-separated labels to report; others are dropped."),
]

console = Console(highlight=False, soft_wrap=True, markup=False)


def parse_labels(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {check_label(v.strip()) for v in value.split(",") if v.strip()}


def keep_labels(data: dict[str, Any], labels: set[str] | None) -> dict[str, Any]:
    if labels is None:
        return data
    data["findings"] = [f for f in data["findings"] if f["label"] in labels]
    return data


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
