"""Ranking and threshold metrics for binary labels, in pure Python (no numpy needed).

Conventions, shared by every function here:

* ``labels`` are 0/1 (bools accepted), ``scores`` finite floats; higher means "more likely 1".
* Tied scores are one threshold step: all items at a score are flagged together. Nothing
  depends on input order.
* A metric that is undefined for the data (no positives, no negatives, nothing flagged) is
  ``None``, never a made-up 0 or 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby


def _check(labels: Sequence[int], scores: Sequence[float]) -> None:
    if len(labels) != len(scores):
        raise ValueError(f"{len(labels)} labels but {len(scores)} scores")
    for y in labels:
        if y not in (0, 1):
            raise ValueError(f"labels must be 0 or 1, got {y!r}")
    for s in scores:
        if not math.isfinite(s):
            raise ValueError(f"scores must be finite, got {s!r}")


def _steps(labels: Sequence[int], scores: Sequence[float]) -> list[tuple[int, int]]:
    """(positives, negatives) at each distinct score, from the highest score down."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    out = []
    for _, group in groupby(ranked, key=lambda p: p[0]):
        ys = [y for _, y in group]
        pos = sum(ys)
        out.append((pos, len(ys) - pos))
    return out


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the precision-recall curve as average precision (AUPRC).

    AP = Σ (Rₖ − Rₖ₋₁) · Pₖ over the distinct scores from the highest down, where Pₖ and Rₖ are
    the precision and recall when everything scoring at least the k-th score is flagged (the
    step-wise sum scikit-learn's ``average_precision_score`` computes; no interpolation).
    ``None`` when there is no positive. A random ranking gives about the positive rate.
    """
    _check(labels, scores)
    n_pos = sum(labels)
    if n_pos == 0:
        return None
    tp = fp = 0
    ap = 0.0
    recall_before = 0.0
    for pos, neg in _steps(labels, scores):
        tp += pos
        fp += neg
        recall = tp / n_pos
        ap += (recall - recall_before) * (tp / (tp + fp))
        recall_before = recall
    return ap


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve: the chance that a random positive outscores a random negative,
    a tie counting one half (Mann-Whitney U with mid-ranks). ``None`` unless both classes occur.
    """
    _check(labels, scores)
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    # Walk from the lowest score up: each positive beats every negative seen below it and ties
    # half of the negatives at its own score.
    wins = 0.0
    neg_below = 0
    for pos, neg in reversed(_steps(labels, scores)):
        wins += pos * (neg_below + neg / 2)
        neg_below += neg
    return wins / (n_pos * n_neg)


@dataclass(frozen=True, slots=True)
class AtThreshold:
    """Counts and rates when every item with ``score >= threshold`` is flagged."""

    threshold: float
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing is flagged."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when there is no positive."""
        positives = self.tp + self.fn
        return self.tp / positives if positives else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn): the harmonic mean of precision and recall, and 0 (not None)
        when positives exist but nothing is flagged. None when there is neither."""
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else None


def at_threshold(labels: Sequence[int], scores: Sequence[float], threshold: float) -> AtThreshold:
    """Confusion counts with ``score >= threshold`` as flagged (a score equal to the threshold
    is flagged, as ``Thresholds.action_for`` does)."""
    _check(labels, scores)
    tp = fp = fn = tn = 0
    for y, s in zip(labels, scores, strict=True):
        flagged = s >= threshold
        if y and flagged:
            tp += 1
        elif y:
            fn += 1
        elif flagged:
            fp += 1
        else:
            tn += 1
    return AtThreshold(threshold, tp, fp, fn, tn)
