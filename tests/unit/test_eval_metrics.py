"""Metrics against hand-computed cases, and against brute-force definitions on random data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tamis.eval.metrics import at_threshold, average_precision, roc_auc


def test_hand_computed_distinct_scores() -> None:
    y = [1, 0, 1, 0]
    s = [0.9, 0.8, 0.7, 0.1]
    # Ranked: 1 (P 1, R .5), 0, 1 (P 2/3, R 1), 0 -> AP = .5·1 + .5·2/3.
    assert average_precision(y, s) == pytest.approx(0.5 + 0.5 * 2 / 3)
    # Pairs (pos, neg): .9>.8, .9>.1, .7<.8, .7>.1 -> 3 of 4.
    assert roc_auc(y, s) == pytest.approx(0.75)


def test_ties_are_one_step_whatever_the_order() -> None:
    y = [1, 0, 1, 0]
    s = [0.5, 0.5, 0.5, 0.5]
    assert average_precision(y, s) == pytest.approx(0.5)  # one step: P .5 at R 1
    assert roc_auc(y, s) == pytest.approx(0.5)  # every pair tied
    # A positive tied with a negative at the top: P .5 at R 1 -> AP .5, not 1 or .75.
    y, s = [1, 0, 0], [0.8, 0.8, 0.1]
    assert average_precision(y, s) == pytest.approx(0.5)
    assert average_precision(list(reversed(y)), list(reversed(s))) == pytest.approx(0.5)
    assert roc_auc(y, s) == pytest.approx((0.5 + 1) / 2)


def test_mixed_ties_and_distinct_scores() -> None:
    y = [1, 1, 0, 1, 0, 0]
    s = [0.9, 0.6, 0.6, 0.3, 0.3, 0.0]
    # Steps: .9 -> tp1 fp0 (R 1/3, P 1); .6 -> tp2 fp1 (R 2/3, P 2/3); .3 -> tp3 fp2 (R 1, P 3/5)
    expected_ap = (1 / 3) * 1 + (1 / 3) * (2 / 3) + (1 / 3) * (3 / 5)
    assert average_precision(y, s) == pytest.approx(expected_ap)
    # Positives .9, .6, .3 vs negatives .6, .3, 0: 3 + (0.5 + 1 + 1) + (0 + 0.5 + 1) = 7 of 9.
    assert roc_auc(y, s) == pytest.approx(7 / 9)


def test_perfect_and_inverted_rankings() -> None:
    assert average_precision([1, 1, 0], [0.9, 0.8, 0.1]) == pytest.approx(1.0)
    assert roc_auc([1, 1, 0], [0.9, 0.8, 0.1]) == pytest.approx(1.0)
    assert average_precision([0, 1], [0.9, 0.1]) == pytest.approx(0.5)
    assert roc_auc([0, 1], [0.9, 0.1]) == pytest.approx(0.0)


def test_constant_scores_give_the_positive_rate_and_a_half() -> None:
    y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert average_precision(y, [0.0] * 10) == pytest.approx(0.2)
    assert roc_auc(y, [0.0] * 10) == pytest.approx(0.5)


def test_undefined_cases_are_none() -> None:
    assert average_precision([0, 0], [0.3, 0.1]) is None
    assert roc_auc([0, 0], [0.3, 0.1]) is None
    assert roc_auc([1, 1], [0.3, 0.1]) is None
    assert average_precision([1, 1], [0.3, 0.1]) == pytest.approx(1.0)
    assert average_precision([], []) is None


def test_at_threshold_counts_a_score_equal_to_the_threshold_as_flagged() -> None:
    r = at_threshold([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.2, 0.1], 0.5)
    assert (r.tp, r.fp, r.fn, r.tn) == (2, 1, 1, 1)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(2 / 3)


def test_at_threshold_edge_cases() -> None:
    nothing_flagged = at_threshold([1, 0], [0.1, 0.2], 0.5)
    assert nothing_flagged.precision is None
    assert nothing_flagged.recall == 0.0
    assert nothing_flagged.f1 == 0.0
    no_positive = at_threshold([0, 0], [0.9, 0.1], 0.5)
    assert no_positive.recall is None
    assert no_positive.precision == 0.0
    assert no_positive.f1 == 0.0
    empty = at_threshold([0], [0.1], 0.5)
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    uneven = at_threshold([1, 1, 1, 0], [0.9, 0.8, 0.1, 0.7], 0.5)
    assert uneven.precision == pytest.approx(2 / 3)
    assert uneven.recall == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("labels", "scores"),
    [([1, 0], [0.5]), ([2, 0], [0.5, 0.1]), ([1, 0], [float("nan"), 0.1])],
)
def test_bad_input_is_rejected(labels: list[int], scores: list[float]) -> None:
    with pytest.raises(ValueError, match=r"labels|scores"):
        roc_auc(labels, scores)
    with pytest.raises(ValueError, match=r"labels|scores"):
        average_precision(labels, scores)


# Scores on a coarse grid so that ties are frequent.
_data = st.lists(
    st.tuples(st.integers(0, 1), st.integers(0, 6).map(lambda k: k / 6)), min_size=1, max_size=40
)


def _brute_auc(y: list[int], s: list[float]) -> float:
    pos = [b for a, b in zip(y, s, strict=True) if a]
    neg = [b for a, b in zip(y, s, strict=True) if not a]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def _brute_ap(y: list[int], s: list[float]) -> float:
    total = sum(y)
    ap, recall_before = 0.0, 0.0
    for t in sorted(set(s), reverse=True):
        flagged = [a for a, b in zip(y, s, strict=True) if b >= t]
        recall = sum(flagged) / total
        ap += (recall - recall_before) * sum(flagged) / len(flagged)
        recall_before = recall
    return ap


@given(_data)
def test_matches_brute_force_definitions(pairs: list[tuple[int, float]]) -> None:
    y = [a for a, _ in pairs]
    s = [b for _, b in pairs]
    if 0 < sum(y) < len(y):
        assert roc_auc(y, s) == pytest.approx(_brute_auc(y, s))
        assert roc_auc(y, [-v for v in s]) == pytest.approx(1 - _brute_auc(y, s))
    else:
        assert roc_auc(y, s) is None
    if sum(y):
        ap = average_precision(y, s)
        assert ap == pytest.approx(_brute_ap(y, s))
        assert ap is not None and 0.0 < ap <= 1.0
    else:
        assert average_precision(y, s) is None
