from __future__ import annotations

import math

import pytest

from tamis.errors import InputError, Refused
from tamis.findings import Action, Finding
from tamis.media import Box, Locator, Media, Modality
from tamis.taxonomy import LABELS, check_label, refuse_if_protected


def test_actions_are_ordered_by_severity() -> None:
    assert Action.ALLOW < Action.LABEL < Action.REVIEW < Action.BLOCK
    assert max(Action.LABEL, Action.BLOCK, Action.REVIEW) is Action.BLOCK
    assert Action.parse(" Review ") is Action.REVIEW
    with pytest.raises(ValueError, match="unknown action"):
        Action.parse("delete")


@pytest.mark.parametrize("score", [-0.01, 1.0001, math.nan, math.inf])
def test_finding_score_must_be_in_unit_interval(score: float) -> None:
    with pytest.raises(ValueError, match="score"):
        Finding("d", "1", "spam", score)


def test_finding_label_must_be_in_taxonomy() -> None:
    assert Finding("d", "1", "list:my-list", 1.0).label == "list:my-list"
    assert Finding("d", "1", "bank:known_csam", 1.0).label == "bank:known_csam"
    with pytest.raises(InputError, match="unknown label"):
        Finding("d", "1", "nonsense", 0.5)
    with pytest.raises(InputError):
        Finding("d", "1", "list:Bad Name", 0.5)


def test_taxonomy_has_every_required_label_with_mappings() -> None:
    required = {
        "sexual",
        "sexual/minors",
        "hate",
        "harassment",
        "violence",
        "violence/graphic",
        "extremism",
        "weapons",
        "drugs",
        "self-harm",
        "spam",
        "ads",
        "profanity",
    }
    assert required <= set(LABELS)
    assert LABELS["self-harm"].openai and LABELS["hate"].azure and LABELS["spam"].alibaba


@pytest.mark.parametrize(
    "name",
    [
        "ethnicity",
        "Race",
        "religion",
        "sexual_orientation",
        "Sexual-Orientation",
        "political opinion",
        "politics",
        "identity",
        "face recognition",
        "gender",
        "age",
    ],
)
def test_protected_attributes_are_refused(name: str) -> None:
    with pytest.raises(Refused, match="does not infer") as info:
        check_label(name)
    assert info.value.code == "refused_by_design"
    assert "docs/refusals.md" in info.value.hint


def test_content_labels_are_not_refused() -> None:
    for label in LABELS:
        refuse_if_protected(label)  # 'sexual', 'hate', 'face' are about content, not people


def test_locator_validation_and_merge() -> None:
    with pytest.raises(ValueError, match="char_span"):
        Locator(char_span=(5, 2))
    with pytest.raises(ValueError, match="end_s"):
        Locator(start_s=2.0, end_s=1.0)
    with pytest.raises(ValueError, match="box"):
        Box(0, 0, -1, 5)
    part = Locator(box=Box(1, 2, 3, 4), frame=7)
    merged = part.merged(Locator(char_span=(0, 3)))
    assert merged.box == Box(1, 2, 3, 4) and merged.frame == 7 and merged.char_span == (0, 3)


def test_media_needs_exactly_one_of_data_or_uri() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Media(id="x", modality=Modality.IMAGE)
    with pytest.raises(ValueError, match="exactly one"):
        Media(id="x", modality=Modality.IMAGE, data=b"1", uri="https://e.com/x.png")
    with pytest.raises(ValueError, match="id"):
        Media(id="", modality=Modality.TEXT, data="hi")
    assert Media.text("hi").modality is Modality.TEXT
