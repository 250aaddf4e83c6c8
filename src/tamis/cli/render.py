"""Human-readable output of results (the JSON form is ModerationResult.to_dict)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tamis.findings import Action, Finding, ModerationResult
from tamis.media import Modality

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


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def where(f: Finding) -> str:
    """Where an image finding sits: frame, time, and its box in the original image's pixels
    (left, top, width, height)."""
    loc = f.locator
    out = []
    if loc.frame is not None:
        out.append(f"frame={loc.frame}")
    if loc.start_s is not None:
        out.append(f"t={loc.start_s:.2f}s")
    if loc.box is not None:
        b = loc.box
        out.append(f"box=({_num(b.x)},{_num(b.y)},{_num(b.w)},{_num(b.h)})")
    return " ".join(out) or "whole image"


def print_result(console: Console, result: ModerationResult) -> None:
    if result.media.modality is Modality.IMAGE:
        _print_image_result(console, result)
        return
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
    _print_tail(console, result)


def _print_image_result(console: Console, result: ModerationResult) -> None:
    """An image: its findings with their boxes; for findings on text read in the image (OCR,
    QR codes), the text matched."""
    d = result.decision
    info = result.media.meta.get("image") or {}
    size = f"  {info.get('format', '?')} {info.get('width', '?')}x{info.get('height', '?')}"
    console.print(
        Text.assemble(
            (str(d.action).upper(), ACTION_STYLE[d.action]),
            f"  {result.media.id}",
            size if info else "",
            f"  policy {d.policy_name}@{d.policy_version}",
            f"  lang {','.join(result.languages) or '-'}",
            style="",
        )
    )
    if result.findings:
        table = Table(show_edge=False, pad_edge=False)
        for col in ("label", "score", "detector", "where", "text", "evidence"):
            table.add_column(col)
        for f in result.findings:
            match = f.evidence.get("match")
            ev = ", ".join(f"{k}={v}" for k, v in f.evidence.items() if k != "match")
            table.add_row(
                f.label,
                f"{f.score:.2f}",
                f.detector,
                where(f),
                repr(_short(str(match))) if match is not None else "",
                ev,
            )
        console.print(table)
    else:
        console.print("no findings", style="dim")
    _print_tail(console, result)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print_tail(console: Console, result: ModerationResult) -> None:
    d = result.decision
    for r in d.reasons:
        console.print(f"  rule {r.rule}", style=ACTION_STYLE[r.action])
    for failure in result.failures:
        console.print(
            f"  detector {failure.detector} failed: {failure.error}: {failure.message}",
            style="yellow",
        )
