from __future__ import annotations

import pytest

from tamis.detectors.text.sexual_minors import SexualMinorsDetector
from tamis.media import Part


@pytest.fixture(scope="module")
def detector() -> SexualMinorsDetector:
    return SexualMinorsDetector()


def _labels(detector: SexualMinorsDetector, text: str) -> list[tuple[str, str]]:
    return [
        (f.evidence["kind"], text[f.locator.char_span[0] : f.locator.char_span[1]])
        for f in detector.detect([Part.text(text)])[0]
        if f.locator.char_span
    ]


@pytest.mark.parametrize(
    "text",
    [
        "she is 14, underage, wanna see her n.u.d.e.s?",  # separators folded by normalisation
        "UNDERAGE ｎｕｄｅｓ here",
        "這個幼女的裸照",  # traditional Chinese folded
        "petite fille nue",
    ],
)
def test_pairs_through_evasions(detector: SexualMinorsDetector, text: str) -> None:
    assert [k for k, _ in _labels(detector, text)] == ["minor_and_sexual"]


@pytest.mark.parametrize(
    "text",
    [
        "Our school teaches sex education to children aged 12 and up.",
        "My 13 year old son plays football.",
        "Les enfants jouent au parc.",
        "小学生放学回家",
        "porn is not allowed on this forum",
    ],
)
def test_hard_negatives(detector: SexualMinorsDetector, text: str) -> None:
    assert _labels(detector, text) == []


def test_window_limits_the_distance(detector: SexualMinorsDetector) -> None:
    far = "underage " + "word " * 60 + "nudes"
    assert _labels(detector, far) == []
    near = SexualMinorsDetector(SexualMinorsDetector.Config(window=1000))
    assert len(near.detect([Part.text(far)])[0]) == 1


def test_span_covers_both_terms(detector: SexualMinorsDetector) -> None:
    text = "hey, send nudes, you're underage right?"
    [(_, covered)] = _labels(detector, text)
    assert covered == "nudes, you're underage"
