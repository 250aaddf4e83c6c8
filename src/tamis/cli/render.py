"""Human-readable output of results (the JSON form is ModerationResult.to_dict)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tamis.findings import Action, ModerationResult

ACTION_STYLE = {
    Action.ALLOW: "bold green",
    Action.LABEL: "bold cyan",
    Action.REVIEW: "bold yellow",
    Action.BLOCK: "bold red",
}


def highlighted(text: str, spans: list[tuple[int, int]], limit: int = 400) -> Text:
    shown = text[:limit]
    out = Text(shown)
    for start, end in spans:
        if start < len(shown):
            out.stylize("bold reverse red", start, min(end, len(shown)))
    if len(text) > limit:
        out.append(f" … (+{len(text) - limit:,} chars)", style="dim")
    return out


def print_result(console: Console, result: ModerationResult) -> None:
    d = result.decision
    text = result.media.data if isinstance(result.media.data, str) else ""
    spans = [f.locator.char_span for f in result.findings if f.locator.char_span]
    console.print(
        Text.assemble(
            (str(d.action).upper(), ACTION_STYLE[d.action]),
            f"  policy {d.policy_name}@{d.policy_version}",
            f"  lang {','.join(result.languages) or '-'}",
            style="",
        )
    )
    console.print(highlighted(text, [s for s in spans if s is not None]))
    if result.findings:
        table = Table(show_edge=False, pad_edge=False)
        for col in ("label", "score", "detector", "span", "evidence"):
            table.add_column(col)
        for f in result.findings:
            span = f.locator.char_span
            ev = ", ".join(f"{k}={v}" for k, v in f.evidence.items() if k != "match")
            table.add_row(
                f.label,
                f"{f.score:.2f}",
                f.detector,
                f"{span[0]}:{span[1]} {text[span[0] : span[1]]!r}" if span else "",
                ev,
            )
        console.print(table)
    for r in d.reasons:
        console.print(f"  rule {r.rule}", style=ACTION_STYLE[r.action])
    for failure in result.failures:
        console.print(
            f"  detector {failure.detector} failed: {failure.error}: {failure.message}",
            style="yellow",
        )
