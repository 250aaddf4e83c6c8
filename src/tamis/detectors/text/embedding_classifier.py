"""`text_embedding`: English harm labels from MiniLM sentence embeddings.

The shipped ONNX encoder (model `minilm-l6-onnx`, run by ``tamis.text.embedding.Embedder``)
embeds the original text of each English part (its first 128 tokens); one logistic-regression
head per label (model `minilm-heads`, trained by training/train_embed_head.py) turns the
embedding into a Platt-calibrated probability. See docs/detectors/text_embedding.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
from pydantic import Field, field_validator

from tamis.detectors.base import Detector, DetectorConfig, Example, check_model_labels
from tamis.findings import Finding
from tamis.media import Modality, Part
from tamis.models import registry
from tamis.taxonomy import check_label
from tamis.text.embedding import MODEL_NAME as EMBEDDING_MODEL
from tamis.text.embedding import Embedder, shared_embedder

HEADS_MODEL = "minilm-heads"
HEADS_FILE = "heads.npz"
EVIDENCE_MODEL = f"{EMBEDDING_MODEL}+{HEADS_MODEL}"

# Labels a head may exist for, in training order; the shipped heads cover those with data.
MODEL_LABELS: tuple[str, ...] = (
    "hate",
    "harassment",
    "profanity",
    "spam",
    "ads",
    "sexual",
    "violence",
    "violence/graphic",
    "extremism",
    "weapons",
    "drugs",
    "self-harm",
)

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Heads:
    """One calibrated linear head per label over the embedding: p = σ(a·(w·x + b) + c)."""

    labels: tuple[str, ...]
    coef: FloatArray  # (n_labels, dim)
    intercept: FloatArray
    calib_a: FloatArray
    calib_b: FloatArray
    version: str

    @classmethod
    def load(cls, dim: int) -> Heads:
        model = registry.load(HEADS_MODEL)
        with np.load(model.path(HEADS_FILE), allow_pickle=False) as z:
            labels = tuple(str(x) for x in z["labels"])
            coef = z["coef"].astype(np.float32)
            intercept = z["intercept"].astype(np.float32)
            calib_a = z["calib_a"].astype(np.float32)
            calib_b = z["calib_b"].astype(np.float32)
        n = len(labels)
        if coef.shape != (n, dim) or not n == len(intercept) == len(calib_a) == len(calib_b):
            raise registry.ModelIntegrityError(
                f"model {HEADS_MODEL}: heads do not match {n} labels × {dim} dimensions",
                hint="Reinstall tamis or retrain with training/train_embed_head.py.",
            )
        for label in labels:
            check_label(label)
            if label not in MODEL_LABELS:
                raise registry.ModelIntegrityError(
                    f"model {HEADS_MODEL}: unexpected label {label!r}",
                    hint="Retrain with training/train_embed_head.py.",
                )
        return cls(labels, coef, intercept, calib_a, calib_b, model.version)

    def probabilities(self, emb: FloatArray) -> FloatArray:
        """(n_texts, n_labels) calibrated probabilities."""
        z = emb @ self.coef.T + self.intercept
        t = self.calib_a * z + self.calib_b
        p: FloatArray = (1.0 / (1.0 + np.exp(-np.clip(t, -40.0, 40.0)))).astype(np.float32)
        return p


def _read_version(name: str) -> str:
    try:
        path = files("tamis.models").joinpath(name, "MODEL.json")
        return f"{name}-{json.loads(path.read_text('utf-8'))['version']}"
    except (OSError, ValueError, KeyError):
        return f"{name}-unknown"


@cache
def _shipped_version() -> str:
    """Both models' versions from the shipped MODEL.json files (read without verification)."""
    return f"{_read_version(EMBEDDING_MODEL)}+{_read_version(HEADS_MODEL)}"


class EmbeddingClassifierConfig(DetectorConfig):
    """Settings of text_embedding; every option is described in the docs page."""

    languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description="Language codes of the parts to score; parts in other languages get nothing.",
    )
    min_score: float = Field(
        0.05, ge=0.0, le=1.0, description="Lowest calibrated probability that gives a finding."
    )
    labels: list[str] = Field(
        default_factory=list, description="Labels to emit; empty emits every label with a head."
    )
    batch_size: int = Field(32, ge=1, le=1024, description="Texts per encoder call.")
    threads: int = Field(1, ge=1, le=64, description="onnxruntime intra-op threads.")

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        out = []
        for code in value:
            code = code.strip().lower()
            if not code:
                raise ValueError("empty language code")
            out.append(code)
        return out

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: list[str]) -> list[str]:
        return check_model_labels(value, MODEL_LABELS, "text_embedding")


class EmbeddingClassifierDetector(Detector):
    """Calibrated probabilities per label from a sentence embedding of English text."""

    name = "text_embedding"
    version: ClassVar[str] = _shipped_version()
    modalities = frozenset({Modality.TEXT})
    labels = MODEL_LABELS
    Config = EmbeddingClassifierConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, EmbeddingClassifierConfig)
        self.cfg: EmbeddingClassifierConfig = self.config
        self.embedder: Embedder = shared_embedder(EMBEDDING_MODEL, self.cfg.threads)
        self.heads = Heads.load(self.embedder.dim)
        version = f"{EMBEDDING_MODEL}-{self.embedder.version}+{HEADS_MODEL}-{self.heads.version}"
        if type(self).version != version:  # an operator's models in TAMIS_MODELS_DIR
            type(self).version = version
        wanted = set(self.cfg.labels) or set(self.heads.labels)
        self._emit = [i for i, label in enumerate(self.heads.labels) if label in wanted]
        self._languages = frozenset(self.cfg.languages)

    def _wanted(self, part: Part) -> bool:
        if part.modality is not Modality.TEXT or not isinstance(part.payload, str):
            return False
        if not part.payload.strip():
            return False
        # A part whose language was not identified (no letters, or TAMIS_LANGID off) is scored.
        return part.lang is None or part.lang.split("-")[0].lower() in self._languages

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = [[] for _ in parts]
        todo = [k for k, part in enumerate(parts) if self._wanted(part)]
        if not todo or not self._emit:
            return out
        emb = self.embedder.embed(
            [str(parts[k].payload) for k in todo], batch_size=self.cfg.batch_size
        )
        probs = self.heads.probabilities(emb)
        for row, k in enumerate(todo):
            out[k] = self._findings(parts[k], probs[row])
        return out

    def _findings(self, part: Part, p: FloatArray) -> list[Finding]:
        found: list[Finding] = []
        for i in self._emit:
            score = min(1.0, max(0.0, round(float(p[i]), 4)))
            if score < self.cfg.min_score:
                continue
            evidence: dict[str, Any] = {"model": EVIDENCE_MODEL}
            found.append(self.finding(self.heads.labels[i], score, evidence=evidence, part=part))
        return found

    @classmethod
    def examples(cls) -> list[Example]:
        benign = frozenset({"hate", "harassment", "violence", "spam", "ads", "weapons", "drugs"})
        return [
            Example(
                "WINNER!! You have been selected to receive a £900 prize reward! To claim call "
                "09061701461. Claim code KL341. Valid 12 hours only.",
                expect=frozenset({"spam", "ads"}),
            ),
            Example(
                "I will find where you live and I will kill you.",
                expect=frozenset({"violence", "harassment"}),
                absent=frozenset({"spam", "ads"}),
            ),
            Example(
                "Selling Glock 19s, no serial numbers, no questions asked, DM me.",
                expect=frozenset({"weapons"}),
            ),
            Example(
                "shut the fuck up you dumb bitch", expect=frozenset({"harassment", "profanity"})
            ),
            Example("Hey, are we still meeting for lunch tomorrow at noon?", absent=benign),
            Example("Thanks for the lovely dinner last night, see you soon!", absent=benign),
        ]
