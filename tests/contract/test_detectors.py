"""The contract every detector keeps. A new detector, built-in or third-party, is proven by
being registered: these tests run over every entry point in the `tamis.detectors` group."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tamis.detectors import registry
from tamis.detectors.base import Detector
from tamis.errors import ConfigError
from tamis.findings import Finding
from tamis.media import Modality, Part
from tamis.taxonomy import check_label

NAMES = registry.names()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "detectors"
HOSTILE = [
    "",
    " ",
    "\x00",
    "\u202e\u200b",
    "😀" * 10_000,
    "a" * 200_000,
    "\ud800x",
    "𝐟𝐮𝐜𝐤 ｆｕｃｋ",
    "傻" * 5000,
    "http://" * 1000,
    "1" * 5000,
    ".@" * 5000,
]


@pytest.fixture(scope="module", params=NAMES)
def detector(request: pytest.FixtureRequest) -> Detector:
    return registry.get(request.param)()


def test_builtin_detectors_are_registered() -> None:
    assert {"term_lists", "ads_spam"} <= set(NAMES)


def test_identity(detector: Detector) -> None:
    assert detector.name and detector.version
    assert detector.modalities and all(isinstance(m, Modality) for m in detector.modalities)
    for label in detector.labels:
        if not label.endswith("<name>"):
            check_label(label)


def test_config_rejects_unknown_keys(detector: Detector) -> None:
    with pytest.raises(ValidationError):
        type(detector).Config.model_validate({"no_such_setting": 1})
    with pytest.raises(ConfigError, match="no_such_setting"):
        type(detector).from_settings({"no_such_setting": 1})


def test_one_result_list_per_part_in_order(detector: Detector) -> None:
    assert detector.detect([]) == []
    parts = [Part.text(t) for t in ("hello", "visit example dot com", "f*ck", "")]
    out = detector.detect(parts)
    assert len(out) == len(parts)
    assert all(isinstance(f, Finding) for fs in out for f in fs)
    # batching must not change results
    assert [detector.detect([p])[0] for p in parts] == out


def test_examples_behave(detector: Detector) -> None:
    examples = type(detector).examples()
    assert examples, f"{detector.name} documents no examples"
    for ex in examples:
        labels = {f.label for f in detector.detect([Part.text(ex.text)])[0]}
        assert ex.expect <= labels, (ex.text, labels)
        assert not (ex.absent & labels), (ex.text, labels)


def test_findings_are_well_formed_on_hostile_input(detector: Detector) -> None:
    parts = [Part.text(t) for t in HOSTILE]
    for part, findings in zip(parts, detector.detect(parts), strict=True):
        for f in findings:
            assert f.detector == detector.name and f.detector_version == detector.version
            if f.locator.char_span is not None:
                a, b = f.locator.char_span
                assert 0 <= a < b <= len(part.payload)


def test_documented(detector: Detector) -> None:
    page = DOCS / f"{detector.name}.md"
    assert page.is_file(), f"docs/detectors/{detector.name}.md is missing"
    text = page.read_text("utf-8")
    for setting in type(detector).Config.model_fields:
        assert f"`{setting}`" in text, f"setting {setting} of {detector.name} is undocumented"
