"""Detector `weapons`: firearms in images, from a head trained by tamis on EfficientNet-Lite0.

One backbone pass per image (model `effnet-lite0-onnx`, ``tamis.detectors.image.backbone``)
gives 1280 features and the ImageNet logits. The head (model `weapons-head`, trained by
training/train_weapons.py on the Roboflow "Gun detection v1" images, CC BY 4.0) turns the
features into a Platt-calibrated P(firearm in the image):

- `weapons` with that score when it is at least `min_score`; the evidence also carries the
  ImageNet probabilities of the gun classes (assault rifle, revolver, rifle, holster);
- `drugs` (a weak signal, on by default, `drugs_signal`) with the ImageNet probability of
  "syringe" when it is at least `drugs_min_score`. ImageNet's syringe class also fires on
  medical images: the default policy labels it and sends only confident scores to review.

It classifies the whole image (no boxes): the training set's boxes are not used. Knives and
other weapons are not covered (no training data). See docs/detectors/weapons.md and the model
cards docs/models/weapons-head.md and docs/models/effnet-lite0-onnx.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
from PIL import Image
from pydantic import Field

from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.detectors.image._onnx import per_image
from tamis.detectors.image.backbone import MODEL_NAME as BACKBONE_MODEL
from tamis.detectors.image.backbone import Backbone, shared_backbone
from tamis.findings import Finding
from tamis.media import Modality, Part
from tamis.models import registry

HEAD_MODEL = "weapons-head"
HEAD_FILE = "head.npz"
EVIDENCE_MODEL = f"{BACKBONE_MODEL}+{HEAD_MODEL}"
# ImageNet-1k class indices read from the backbone's logits.
GUN_CLASSES: dict[int, str] = {413: "assault rifle", 597: "holster", 763: "revolver", 764: "rifle"}
SYRINGE = 845

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    """p = σ(calib_a · (coef · features + intercept) + calib_b)."""

    coef: FloatArray
    intercept: float
    calib_a: float
    calib_b: float
    version: str

    @classmethod
    def load(cls) -> Head:
        model = registry.load(HEAD_MODEL)
        with np.load(model.path(HEAD_FILE), allow_pickle=False) as z:
            coef = z["coef"].astype(np.float32)
            values = [float(z[k]) for k in ("intercept", "calib_a", "calib_b")]
        if coef.shape != (1280,):
            raise registry.ModelIntegrityError(
                f"model {HEAD_MODEL}: the head has shape {coef.shape}, expected (1280,)",
                hint="Reinstall tamis or retrain with training/train_weapons.py.",
            )
        intercept, calib_a, calib_b = values
        return cls(coef, intercept, calib_a, calib_b, version=model.version)

    def scores(self, features: FloatArray) -> FloatArray:
        z = self.calib_a * (features @ self.coef + self.intercept) + self.calib_b
        out: FloatArray = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out


@cache
def shared_head() -> Head:
    return Head.load()


class WeaponsConfig(DetectorConfig):
    """Settings of the weapons detector; every option is described in the docs page."""

    min_score: float = Field(0.3, ge=0.0, le=1.0)
    drugs_signal: bool = True
    drugs_min_score: float = Field(0.5, ge=0.0, le=1.0)
    batch_size: int = Field(8, ge=1, le=64)
    threads: int = Field(1, ge=1, le=64)


@dataclass(frozen=True)
class WeaponsScores:
    weapons: float
    guns: dict[str, float]  # ImageNet gun classes' probabilities
    syringe: float


class WeaponsDetector(Detector):
    name = "weapons"
    version = "1"
    modalities = frozenset({Modality.IMAGE})
    labels = ("weapons", "drugs")
    Config = WeaponsConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, WeaponsConfig)
        self.cfg: WeaponsConfig = self.config

    @property
    def backbone(self) -> Backbone:
        """Loaded at first use: a policy listing this detector costs nothing for text."""
        return shared_backbone(self.cfg.threads)

    @classmethod
    def examples(cls) -> list[Example]:
        # The contract test feeds text: an image detector must say nothing about it.
        return [Example("a pistol and a syringe, in words", absent=frozenset(cls.labels))]

    def scores(self, parts: Sequence[Part]) -> list[WeaponsScores | None]:
        """Scores per part, None for parts that are not images."""
        return per_image(parts, self._score_images)

    def _score_images(self, images: list[Image.Image]) -> list[WeaponsScores]:
        out = self.backbone.run(images, batch_size=self.cfg.batch_size)
        weapons = shared_head().scores(out.features)
        probs = out.probabilities()
        return [
            WeaponsScores(
                float(weapons[i]),
                {name: float(probs[i, k]) for k, name in GUN_CLASSES.items()},
                float(probs[i, SYRINGE]),
            )
            for i in range(len(images))
        ]

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = []
        for s in self.scores(parts):
            findings: list[Finding] = []
            if s is not None:
                if s.weapons >= self.cfg.min_score:
                    evidence = {
                        "model": EVIDENCE_MODEL,
                        "imagenet": {k: round(v, 4) for k, v in s.guns.items()},
                    }
                    findings.append(self.finding("weapons", round(s.weapons, 4), evidence=evidence))
                if self.cfg.drugs_signal and s.syringe >= self.cfg.drugs_min_score:
                    evidence = {
                        "model": BACKBONE_MODEL,
                        "imagenet": {"syringe": round(s.syringe, 4)},
                    }
                    findings.append(self.finding("drugs", round(s.syringe, 4), evidence=evidence))
            out.append(findings)
        return out
