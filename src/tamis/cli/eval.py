"""`tamis eval text|fairness`: measure a policy's detectors (docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tamis.cli.common import JsonOpt, PolicyOpt, console, print_json
from tamis.errors import InputError
from tamis.eval.fairness import run_fairness
from tamis.eval.harness import DEFAULT_BATCH_SIZE, Problem, evaluate_file

app = typer.Typer(
    no_args_is_help=True, help="Measure detectors and policies on labelled text and fairness."
)

_err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
_SHOW_PROBLEMS = 20
_SHOW_FLAGGED = 20

BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Items per engine call.")]


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _report_problems(path: Path, problems: list[Problem]) -> None:
    for p in problems[:_SHOW_PROBLEMS]:
        _err.print(f"{path}:{p.line}: {p.message}")
    if len(problems) > _SHOW_PROBLEMS:
        _err.print(f"… and {len(problems) - _SHOW_PROBLEMS} more problems")


@app.command("text")
def text(
    path: Annotated[
        Path, typer.Argument(help='JSONL: {"text": ..., "lang": ..., "labels": {label: 0|1}}.')
    ],
    policy: PolicyOpt = "default",
    as_json: JsonOpt = False,
    batch_size: BatchOpt = DEFAULT_BATCH_SIZE,
) -> None:
    """AUPRC, ROC-AUC and P/R/F1 at the policy's threshold, per label, on a labelled file."""
    report = evaluate_file(path, policy, batch_size=batch_size)
    _report_problems(path, report.problems)
    if not report.categories:
        raise InputError(
            f"{path}: no usable labelled item",
            hint='Each line needs "text" and "labels" with taxonomy labels set to 0 or 1.',
        )
    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=f"{path.name} · policy {report.policy}@{report.policy_version}")
    for col in ("label", "AUPRC", "ROC-AUC", "P", "R", "F1", "threshold", "n_pos", "n"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for c in report.categories.values():
        table.add_row(
            c.label,
            _f(c.auprc),
            _f(c.roc_auc),
            _f(c.precision),
            _f(c.recall),
            _f(c.f1),
            f"{c.threshold:g} ({c.threshold_source})",
            str(c.n_pos),
            str(c.n),
        )
    console.print(table)
    console.print(
        f"macro AUPRC {_f(report.macro_auprc)} over labels with both classes; "
        f"{report.n_items} items scored, {len(report.problems)} problems"
    )


@app.command("fairness")
def fairness(
    policy: PolicyOpt = "default",
    as_json: JsonOpt = False,
    batch_size: BatchOpt = DEFAULT_BATCH_SIZE,
) -> None:
    """False-positive rate per identity group on neutral and positive statements (en/fr/zh)."""
    report = run_fairness(policy, batch_size=batch_size)
    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=f"identity-term false positives · policy {report.policy}")
    for col in ("axis", "group", "n", "flagged", "FPR", "en", "fr", "zh"):
        table.add_column(col, justify="left" if col in {"axis", "group"} else "right")
    rows = sorted(report.groups.values(), key=lambda g: (-(g.total.fpr or 0.0), g.axis, g.group))
    for g in rows:
        table.add_row(
            g.axis,
            g.group,
            str(g.total.n),
            str(g.total.flagged),
            _f(g.total.fpr),
            *(_f(g.by_lang[lang].fpr) if lang in g.by_lang else "-" for lang in ("en", "fr", "zh")),
        )
    console.print(table)
    o = report.overall
    console.print(f"overall: {o.flagged} of {o.n} benign statements flagged (FPR {_f(o.fpr)})")
    for f in report.flagged[:_SHOW_FLAGGED]:
        st = f.statement
        console.print(f"  [{st.group}/{st.lang}] {st.text}  <- {', '.join(f.reasons)}")
    if len(report.flagged) > _SHOW_FLAGGED:
        console.print(f"  … and {len(report.flagged) - _SHOW_FLAGGED} more (see --json)")
