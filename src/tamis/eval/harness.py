"""Measure what a policy's detectors find on labelled text (docs/evaluation.md).

Input is JSON lines, one item per line::

    {"text": "...", "lang": "en", "labels": {"hate": 1, "harassment": 0}}

A label that is absent (or null) is unknown for that item: the item is left out of that
category only. Lines that cannot be used are reported with their line number and skipped.

The score of an item for a category is the highest score among its findings for that category:
a finding labelled with it, or a ``list:<name>`` hit whose list carries that category
(evidence ``category``). No finding scores 0.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tamis.engine import Engine
from tamis.errors import InputError, NotFound, Refused, TamisError
from tamis.eval.metrics import at_threshold, average_precision, roc_auc
from tamis.findings import Finding
from tamis.media import Media
from tamis.policy.model import Policy
from tamis.taxonomy import LABELS, refuse_if_protected

DEFAULT_THRESHOLD = 0.5
DEFAULT_BATCH_SIZE = 256


@dataclass(frozen=True, slots=True)
class Example:
    line: int
    text: str
    labels: Mapping[str, int]
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A line (or item) that was skipped in part or in whole, and why."""

    line: int
    message: str


def category_of(finding: Finding) -> str | None:
    """The taxonomy label a finding speaks for, if any."""
    if finding.label in LABELS:
        return finding.label
    if finding.label.startswith("list:"):
        category = finding.evidence.get("category")
        if isinstance(category, str) and category in LABELS:
            return category
    return None


def category_scores(findings: Iterable[Finding]) -> dict[str, float]:
    """The highest score per taxonomy label among the findings."""
    out: dict[str, float] = {}
    for f in findings:
        category = category_of(f)
        if category is not None and f.score > out.get(category, -1.0):
            out[category] = f.score
    return out


def lowest_threshold(policy: Policy, label: str) -> tuple[float, str]:
    """The lowest score at which the policy acts on `label`, and where it comes from:
    ``"label"``, ``"review"`` or ``"block"`` (the action it starts), or ``"default"`` (0.5, when
    the policy sets no threshold for the label)."""
    thresholds = policy.labels.get(label)
    if thresholds is not None:
        for name in ("label", "review", "block"):
            value = getattr(thresholds, name)
            if value is not None:
                return float(value), name
    return DEFAULT_THRESHOLD, "default"


def parse_lines(lines: Iterable[str]) -> tuple[list[Example], list[Problem]]:
    """Examples from JSON lines (numbered from 1); blank lines are ignored."""
    examples: list[Example] = []
    problems: list[Problem] = []
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        example, issues = _parse_line(n, raw)
        problems.extend(Problem(n, msg) for msg in issues)
        if example is not None:
            examples.append(example)
    return examples, problems


def _parse_line(n: int, raw: str) -> tuple[Example | None, list[str]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, [f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped"]
    if not isinstance(data, dict):
        return None, [f"expected a JSON object, got {type(data).__name__}; line skipped"]
    text = data.get("text")
    if not isinstance(text, str):
        return None, ["`text` must be a string; line skipped"]
    lang = data.get("lang")
    if lang is not None and not isinstance(lang, str):
        return None, ["`lang` must be a string when given; line skipped"]
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, dict):
        return None, ["`labels` must be an object of label: 0 or 1; line skipped"]
    labels: dict[str, int] = {}
    issues: list[str] = []
    for name, value in raw_labels.items():
        if value is None:
            continue  # explicitly unknown
        if not (isinstance(value, bool) or (isinstance(value, int) and value in (0, 1))):
            return None, [f"label {name!r} must be 0 or 1 (or null), got {value!r}; line skipped"]
        if name not in LABELS:
            try:
                refuse_if_protected(name)
            except Refused:
                issues.append(f"{name!r} is a protected attribute, not a harm label; ignored")
                continue
            issues.append(f"{name!r} is not a taxonomy label; ignored (see `tamis labels`)")
            continue
        labels[name] = int(value)
    if not labels:
        issues.append("no known label; line skipped")
        return None, issues
    return Example(n, text, labels, lang), issues


def read_examples(path: Path) -> tuple[list[Example], list[Problem]]:
    """Examples and problems of a JSONL file. Undecodable bytes spoil only their own line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file", hint="Give a .jsonl file.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}", hint="Check the path.") from None
    examples: list[Example] = []
    problems: list[Problem] = []
    good: list[str] = []
    for n, line in enumerate(raw.split(b"\n"), 1):
        try:
            good.append(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            problems.append(Problem(n, f"not valid UTF-8 (byte {exc.start}); line skipped"))
            good.append("")
    examples, parsed = parse_lines(good)
    problems.extend(parsed)
    problems.sort(key=lambda p: p.line)
    return examples, problems


@dataclass(frozen=True, slots=True)
class Scored:
    example: Example
    scores: Mapping[str, float]


def score_examples(
    engine: Engine,
    examples: Sequence[Example],
    policy: str = "default",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> tuple[list[Scored], list[Problem]]:
    """Run the engine over the examples in batches. An item the engine rejects, or on which a
    detector failed, is reported and left out (its scores would be incomplete)."""
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, got {batch_size}")
    scored: list[Scored] = []
    problems: list[Problem] = []
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        media = [Media.text(e.text, id=f"line-{e.line}") for e in chunk]
        for example, result in zip(chunk, engine.moderate_many(media, policy), strict=True):
            if isinstance(result, TamisError):
                problems.append(
                    Problem(example.line, f"{result.code}: {result.message}; item skipped")
                )
            elif result.failures:
                names = ", ".join(sorted({f.detector for f in result.failures}))
                problems.append(Problem(example.line, f"detector failed ({names}); item skipped"))
            else:
                scored.append(Scored(example, category_scores(result.findings)))
    return scored, problems


@dataclass(frozen=True, slots=True)
class CategoryReport:
    label: str
    auprc: float | None
    roc_auc: float | None
    precision: float | None
    recall: float | None
    f1: float | None
    threshold: float
    threshold_source: str  # "label" / "review" / "block" (policy action) or "default"
    n_pos: int
    n: int

    @property
    def both_classes(self) -> bool:
        return 0 < self.n_pos < self.n

    def to_dict(self) -> dict[str, Any]:
        return {
            "auprc": _round(self.auprc),
            "roc_auc": _round(self.roc_auc),
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "threshold": self.threshold,
            "n_pos": self.n_pos,
            "n": self.n,
        }


@dataclass(frozen=True)
class Report:
    policy: str
    policy_version: str
    categories: dict[str, CategoryReport]
    n_items: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def macro_auprc(self) -> float | None:
        """Mean AUPRC over the categories where both classes occur; None when there is none."""
        values = [
            c.auprc for c in self.categories.values() if c.both_classes and c.auprc is not None
        ]
        return math.fsum(values) / len(values) if values else None

    def to_dict(self) -> dict[str, Any]:
        """The documented `tamis eval text --json` shape."""
        return {
            "categories": {k: c.to_dict() for k, c in self.categories.items()},
            "macro_auprc": _round(self.macro_auprc),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def evaluate(scored: Sequence[Scored], policy: Policy) -> dict[str, CategoryReport]:
    """Per-category metrics over the items where that category's label is known, in taxonomy
    order."""
    out: dict[str, CategoryReport] = {}
    for label in LABELS:
        ys: list[int] = []
        ss: list[float] = []
        for item in scored:
            y = item.example.labels.get(label)
            if y is not None:
                ys.append(y)
                ss.append(item.scores.get(label, 0.0))
        if not ys:
            continue
        threshold, source = lowest_threshold(policy, label)
        counts = at_threshold(ys, ss, threshold)
        out[label] = CategoryReport(
            label=label,
            auprc=average_precision(ys, ss),
            roc_auc=roc_auc(ys, ss),
            precision=counts.precision,
            recall=counts.recall,
            f1=counts.f1,
            threshold=threshold,
            threshold_source=source,
            n_pos=sum(ys),
            n=len(ys),
        )
    return out


def evaluate_examples(
    examples: Sequence[Example],
    policy: str = "default",
    *,
    engine: Engine | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Report:
    engine = engine or Engine()
    pol = engine.policy(policy)
    scored, problems = score_examples(engine, examples, policy, batch_size)
    return Report(pol.name, pol.version, evaluate(scored, pol), len(scored), problems)


def evaluate_file(
    path: Path,
    policy: str = "default",
    *,
    engine: Engine | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Report:
    """Read, score and measure one JSONL file; every skipped line is in ``report.problems``."""
    examples, problems = read_examples(path)
    engine = engine or Engine()
    engine.policy(policy)  # an unknown policy fails before any work
    report = evaluate_examples(examples, policy, engine=engine, batch_size=batch_size)
    report.problems[:0] = problems
    report.problems.sort(key=lambda p: p.line)
    return report
