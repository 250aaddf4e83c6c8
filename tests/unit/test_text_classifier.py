"""The text_classifier detector on the REAL shipped text-ngram model (checksums verified)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tamis.detectors.text.classifier import (
    MODEL_NAME,
    NgramFeaturizer,
    TextClassifierConfig,
    TextClassifierDetector,
    split_windows,
)
from tamis.errors import ConfigError
from tamis.eval.harness import lowest_threshold
from tamis.media import Part
from tamis.models import registry
from tamis.policy.store import shipped_policies


@pytest.fixture(scope="module")
def detector() -> TextClassifierDetector:
    return TextClassifierDetector()


def _scores(detector: TextClassifierDetector, text: str) -> dict[str, float]:
    return {f.label: f.score for f in detector.detect([Part.text(text)])[0]}


def _prob(detector: TextClassifierDetector, text: str, label: str) -> float:
    return _scores(detector, text).get(label, 0.0)


def test_shipped_model_is_verified_and_described() -> None:
    model = registry.load(MODEL_NAME)
    assert {"weights.npz", "features.json", "metrics.json"} <= set(model.files)
    assert "davidson" in model.licence and "cold_zh" in model.licence
    assert model.card == "docs/models/text-ngram.md"
    size = sum((model.folder / f).stat().st_size for f in model.files)
    assert size < 15_000_000


def test_version_comes_from_the_manifest(detector: TextClassifierDetector) -> None:
    assert detector.version == f"{MODEL_NAME}-{registry.load(MODEL_NAME).version}"
    assert set(detector.model.labels) <= set(detector.labels)


def test_probabilities_are_calibrated_values_in_0_1(detector: TextClassifierDetector) -> None:
    texts = ["", "hello", "fuck you", "傻逼", "x" * 3000, "Free entry! txt WIN to 87121"]
    p = detector.model.probabilities(texts)
    assert p.shape == (len(texts), len(detector.model.labels))
    assert np.all(np.isfinite(p)) and np.all(p >= 0.0) and np.all(p <= 1.0)


def test_batch_equals_single(detector: TextClassifierDetector) -> None:
    texts = [
        "you are a stupid bitch",
        "今天天气很好，我们去公园散步吧。",
        "je vais me suicider ce soir",
        "word " * 600,  # several windows
        "",
    ]
    parts = [Part.text(t) for t in texts]
    batch = detector.detect(parts)
    assert batch == [detector.detect([p])[0] for p in parts]
    rows = detector.model.probabilities(texts)
    for i, t in enumerate(texts):
        assert np.array_equal(rows[i], detector.model.probabilities([t])[0])


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("you are a stupid bitch", "profanity"),
        ("Free entry! txt WIN to 87121 to claim your prize", "spam"),
        ("selling glock 19, dm me", "weapons"),
        ("nude pics, dm me 18+", "sexual"),
        ("sale arabe de merde", "hate"),
        ("je vais me suicider ce soir", "self-harm"),
        ("黑人都是垃圾", "hate"),
        ("你这个傻逼", "harassment"),
    ],
)
def test_obvious_positives(detector: TextClassifierDetector, text: str, label: str) -> None:
    assert _prob(detector, text, label) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the lovely dinner, see you next week!",
        "Le train pour Lyon part à huit heures demain matin.",
        "今天天气很好，我们去公园散步吧。",
    ],
)
def test_obvious_negatives(detector: TextClassifierDetector, text: str) -> None:
    scores = _scores(detector, text)
    assert all(s < 0.5 for s in scores.values()), scores


@pytest.mark.parametrize(
    ("plain", "evasive", "label"),
    [
        ("fuck you bitch", "f*ck y0u b1tch", "profanity"),
        ("fuck you bitch", "ｆｕｃｋ ｙｏｕ ｂｉｔｃｈ", "profanity"),
        ("you stupid bitch", "you stupid bіtch", "profanity"),  # Cyrillic і
        ("you stupid bitch", "you stupid b.i.t.c.h", "profanity"),
        ("你这个傻逼", "你這個傻逼", "harassment"),  # traditional characters
        ("sale arabe de merde", "SALE ARABE DE MERDE", "hate"),
    ],
)
def test_evasions_score_like_the_plain_text(
    detector: TextClassifierDetector, plain: str, evasive: str, label: str
) -> None:
    a, b = _prob(detector, plain, label), _prob(detector, evasive, label)
    assert a >= 0.5 and abs(a - b) < 0.1, (a, b)


def test_findings_carry_evidence_and_an_original_span(detector: TextClassifierDetector) -> None:
    text = "ok so ｙｏｕ ａｒｅ ａ ｓｔｕｐｉｄ ｂｉｔｃｈ"
    findings = detector.detect([Part.text(text, lang="en")])[0]
    prof = next(f for f in findings if f.label == "profanity")
    assert prof.evidence["model"] == MODEL_NAME and prof.evidence["lang"] == "en"
    assert prof.locator.char_span is not None
    a, b = prof.locator.char_span
    assert text[a:b] == prof.evidence["match"] == "ｂｉｔｃｈ"


def test_min_score_and_labels_settings() -> None:
    only = TextClassifierDetector(TextClassifierConfig(labels=["spam"], min_score=0.0))
    out = only.detect([Part.text("hello there")])[0]
    assert [f.label for f in out] == ["spam"]
    with pytest.raises(ConfigError, match="labels"):
        TextClassifierDetector.from_settings({"labels": ["sexual/minors"]})
    quiet = TextClassifierDetector(TextClassifierConfig(min_score=1.0, spans=False))
    assert quiet.detect([Part.text("you are a stupid bitch")])[0] == []


def test_long_text_is_scored_by_window(detector: TextClassifierDetector) -> None:
    toxic = "fuck off you stupid bitch, fuck you"
    benign = "The weather was mild and the market was busy. " * 200
    assert _prob(detector, benign, "profanity") < 0.5
    assert _prob(detector, benign + toxic, "profanity") >= 0.5
    assert _prob(detector, toxic + " " + benign, "profanity") >= 0.5
    assert _prob(detector, benign + toxic + " " + benign, "profanity") >= 0.5


@pytest.mark.parametrize("size", [50, 400, 1000])
def test_windows_overlap_and_cover_the_text(size: int) -> None:
    text = ("word " * 97 + "x" * 700 + " 你好世界" * 40).strip()
    windows = split_windows(text, size)
    covered = [False] * len(text)
    for offset, piece in windows:
        assert 0 < len(piece) <= size and text[offset : offset + len(piece)] == piece
        for i in range(offset, offset + len(piece)):
            covered[i] = True
    assert all(covered)
    assert split_windows("short", size) == [(0, "short")]


def test_span_features_are_the_vectoriser_features(detector: TextClassifierDetector) -> None:
    text = "hello, wörld! 你好世界 ok"
    spans, index, starts = detector.model.candidates(text)
    assert [text[a:b] for a, b in spans[:2]] == ["hello", "wörld"]
    assert "你好" in [text[a:b] for a, b in spans] and len(starts) == len(spans)
    features = set(NgramFeaturizer().transform([text]).indices.tolist())
    assert set(index.tolist()) <= features


@pytest.fixture
def clean_model_cache() -> Iterator[None]:
    registry.load.cache_clear()
    yield
    registry.load.cache_clear()


@pytest.mark.usefixtures("clean_model_cache")
def test_corrupted_model_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = registry.load(MODEL_NAME).folder
    copy = tmp_path / MODEL_NAME
    shutil.copytree(shipped, copy)
    weights = copy / "weights.npz"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01
    weights.write_bytes(bytes(data))
    monkeypatch.setenv("TAMIS_MODELS_DIR", str(tmp_path))
    registry.load.cache_clear()
    with pytest.raises(registry.ModelIntegrityError, match=r"weights\.npz"):
        TextClassifierDetector()


def test_documented_examples_clear_the_default_policy(detector: TextClassifierDetector) -> None:
    policy = shipped_policies()["default"]
    for ex in TextClassifierDetector.examples():
        scores = _scores(detector, ex.text)
        for label in ex.expect:
            threshold, _ = lowest_threshold(policy, label)
            assert scores.get(label, 0.0) >= threshold, (ex.text, label, scores)
        for label in ex.absent:
            assert scores.get(label, 0.0) < 0.05, (ex.text, label, scores)
