"""The shipped MiniLM ONNX encoder and the `text_embedding` detector (real models, no mocks)."""

from __future__ import annotations

import numpy as np
import pytest

from tamis.detectors import registry as detectors
from tamis.detectors.text.embedding_classifier import (
    EVIDENCE_MODEL,
    MODEL_LABELS,
    EmbeddingClassifierConfig,
    EmbeddingClassifierDetector,
)
from tamis.media import Part
from tamis.models import registry
from tamis.text.embedding import MODEL_NAME, Embedder, clean, shared_embedder


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return shared_embedder()


@pytest.fixture(scope="module")
def detector() -> EmbeddingClassifierDetector:
    return EmbeddingClassifierDetector()


def test_shipped_models_load_with_checksums() -> None:
    onnx = registry.load(MODEL_NAME)
    assert {"model.onnx", "tokenizer.json", "LICENSE", "NOTICE"} <= set(onnx.files)
    assert "Apache-2.0" in onnx.licence
    assert onnx.meta["dim"] == 384 and onnx.meta["max_tokens"] == 128
    assert onnx.path("model.onnx").stat().st_size < 30 * 1024 * 1024
    heads = registry.load("minilm-heads")
    assert heads.meta["embedding_model"] == MODEL_NAME
    assert set(heads.meta["labels"]) <= set(MODEL_LABELS)


def test_embeddings_are_unit_vectors(embedder: Embedder) -> None:
    emb = embedder.embed(["Hello there.", "A longer sentence about the weather in Paris.", ""])
    assert emb.shape == (3, 384) and emb.dtype == np.float32
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-4)
    assert embedder.embed([]).shape == (0, 384)


def test_similar_sentences_are_closer(embedder: Embedder) -> None:
    a, b, c = embedder.embed(
        [
            "The cat is sleeping on the sofa.",
            "A kitten naps on the couch.",
            "Quarterly revenue grew by eight percent.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2
    assert float(a @ b) > float(b @ c) + 0.2


def test_batch_equals_single(embedder: Embedder) -> None:
    texts = [
        "short",
        "a somewhat longer sentence with more tokens in it than the others",
        "FREE entry!! txt WIN to 80086",
        "you are an idiot",
        "",
    ]
    batched = embedder.embed(texts, batch_size=32)
    for size in (1, 2):
        assert np.allclose(embedder.embed(texts, batch_size=size), batched, atol=1e-4)
    single = np.stack([embedder.embed([t])[0] for t in texts])
    assert np.allclose(single, batched, atol=1e-4)


def test_truncation_and_hostile_text(embedder: Embedder) -> None:
    ids = embedder.tokenize(["word " * 1000, "a" * 200_000, "\ud800x", "😀" * 10_000])
    assert all(2 <= len(x) <= embedder.max_tokens for x in ids)
    assert len(ids[0]) == embedder.max_tokens
    assert clean("\ud800x") == "?x"
    assert clean(" a \n\t b ") == "a b"
    long = "the cat sat on the mat. " * 200
    assert np.allclose(embedder.embed([long]), embedder.embed([long * 50]), atol=1e-4)


def test_embedder_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="threads"):
        Embedder(threads=0)
    with pytest.raises(ValueError, match="batch_size"):
        shared_embedder().embed(["x"], batch_size=0)


def test_registered() -> None:
    assert detectors.get("text_embedding") is EmbeddingClassifierDetector


def test_scores_are_probabilities(detector: EmbeddingClassifierDetector) -> None:
    texts = [
        "I hope you have a wonderful birthday!",
        "WINNER!! You have won a £1000 cash prize. Call 09061701461 to claim now.",
        "shut up you stupid bitch",
    ]
    out = detector.detect([Part.text(t, lang="en") for t in texts])
    assert len(out) == 3
    for findings in out:
        labels = [f.label for f in findings]
        assert len(labels) == len(set(labels))
        for f in findings:
            assert 0.0 <= f.score <= 1.0
            assert f.score >= detector.cfg.min_score
            assert f.label in detector.heads.labels
            assert f.evidence == {"model": EVIDENCE_MODEL}
            assert f.detector == "text_embedding" and f.lang == "en"
    spam = {f.label: f.score for f in out[1]}
    assert spam.get("spam", 0.0) > 0.5


def test_min_score_zero_reports_every_head() -> None:
    det = EmbeddingClassifierDetector(EmbeddingClassifierConfig(min_score=0.0))
    (findings,) = det.detect([Part.text("good morning", lang="en")])
    assert sorted(f.label for f in findings) == sorted(det.heads.labels)


def test_other_languages_produce_nothing(detector: EmbeddingClassifierDetector) -> None:
    text = "WINNER!! You have won a £1000 cash prize. Call 09061701461 to claim now."
    parts = [Part.text(text, lang=lang) for lang in ("fr", "zh", "de")]
    assert detector.detect(parts) == [[], [], []]
    det = EmbeddingClassifierDetector(EmbeddingClassifierConfig(languages=["fr"]))
    assert det.detect([Part.text(text, lang="en")]) == [[]]
    assert det.detect([Part.text(text, lang="fr")])[0]


def test_labels_setting_filters() -> None:
    det = EmbeddingClassifierDetector(EmbeddingClassifierConfig(labels=["spam"], min_score=0.0))
    (findings,) = det.detect([Part.text("hello", lang="en")])
    assert [f.label for f in findings] == ["spam"]
    with pytest.raises(ValueError, match="unknown label"):
        EmbeddingClassifierConfig(labels=["nonsense"])


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00", "\u202e\u200b", "😀" * 10_000, "a" * 200_000, "\ud800x", "傻" * 5000],
)
def test_hostile_inputs(detector: EmbeddingClassifierDetector, text: str) -> None:
    (findings,) = detector.detect([Part.text(text, lang="en")])
    assert all(0.0 <= f.score <= 1.0 for f in findings)
    if not text.strip():
        assert findings == []
