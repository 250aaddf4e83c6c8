"""Detector `faces`: where human faces are, as `face` findings with a box each and the face
count in evidence. Location only: never identity, age, gender or ethnicity.

It uses the face classes of NudeNet's 320n model (the same onnxruntime session as `nudity`),
collapsed into one neutral class before non-maximum suppression, so the model's gendered
class names never leave tamis. Run at an input side of 640 (the network is fully
convolutional) it finds frontal and profile faces down to about 25 pixels; optional tiling
finds smaller faces in large images. OpenCV's Haar cascades were measured and rejected (see
docs/detectors/faces.md). `tamis.privacy.redact` blurs what this detector finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

import numpy as np
from pydantic import Field

from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.detectors.image._onnx import RGB, rgb_of
from tamis.detectors.image.nudity import FLOOR, MODEL_NAME, NudeNet, RawBox, nms, shared_nudenet
from tamis.findings import Finding
from tamis.media import Locator, Modality, Part

TILE_OVERLAP = 0.2
MERGE_IOU = 0.3


class FacesConfig(DetectorConfig):
    """Settings of the faces detector; every option is described in the docs page."""

    min_score: float = Field(0.3, ge=FLOOR, le=1.0)
    size: Literal[320, 480, 640] = 640
    tiles: bool = False
    max_faces: int = Field(100, ge=1, le=1000)
    batch_size: int = Field(8, ge=1, le=64)
    threads: int = Field(1, ge=1, le=64)


def tile_grid(width: int, height: int, size: int) -> list[tuple[int, int, int, int]]:
    """Overlapping tiles (x, y, w, h) for an image whose longer side is at least twice the
    model input: about `size`·1.5 pixels each, 20 % overlap. [] for smaller images."""
    if max(width, height) < 2 * size:
        return []
    side = int(size * 1.5)
    out = []
    for y in _starts(height, side):
        for x in _starts(width, side):
            out.append((x, y, min(side, width - x), min(side, height - y)))
    return out


def _starts(length: int, side: int) -> list[int]:
    if length <= side:
        return [0]
    step = int(side * (1 - TILE_OVERLAP))
    n = int(np.ceil((length - side) / step)) + 1
    return [min(i * step, length - side) for i in range(n)]


def merge(boxes: list[RawBox]) -> list[RawBox]:
    """One box per face when the whole image and its tiles saw the same face."""
    if len(boxes) < 2:
        return boxes
    xyxy = np.array([[b.box[0], b.box[1], b.box[0] + b.box[2], b.box[1] + b.box[3]] for b in boxes])
    scores = np.array([b.score for b in boxes], dtype=np.float32)
    return [boxes[i] for i in nms(xyxy.astype(np.float32), scores, MERGE_IOU)]


class FacesDetector(Detector):
    name = "faces"
    version = "1"
    modalities = frozenset({Modality.IMAGE})
    labels = ("face",)
    Config = FacesConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, FacesConfig)
        self.cfg: FacesConfig = self.config

    @property
    def model(self) -> NudeNet:
        """The shared model, loaded at first use: a policy that lists this detector costs
        nothing for text-only traffic."""
        return shared_nudenet(self.cfg.threads)

    @classmethod
    def examples(cls) -> list[Example]:
        # The contract test feeds text: an image detector must say nothing about it.
        return [Example("a text part is not an image", absent=frozenset(cls.labels))]

    def boxes(self, parts: Sequence[Part]) -> list[list[RawBox]]:
        """Face boxes per part (score ≥ `min_score`, best first, at most `max_faces`)."""
        cfg = self.cfg
        if all(rgb_of(p) is None for p in parts):  # text only: the model is not even loaded
            return [[] for _ in parts]
        found = self.model.detect_parts(parts, size=cfg.size, batch_size=cfg.batch_size)
        faces = [[b for b in boxes if b.part == "face"] for boxes in found]
        if cfg.tiles:
            for i, part in enumerate(parts):
                rgb = rgb_of(part)
                if rgb is not None:
                    faces[i] = merge(faces[i] + self._tiled(rgb))
        out = []
        for fs in faces:
            kept = sorted((b for b in fs if b.score >= cfg.min_score), key=lambda b: -b.score)
            out.append(kept[: cfg.max_faces])
        return out

    def _tiled(self, rgb: RGB) -> list[RawBox]:
        grid = tile_grid(rgb.shape[1], rgb.shape[0], self.cfg.size)
        if not grid:
            return []
        crops = [rgb[y : y + h, x : x + w] for x, y, w, h in grid]
        got = self.model.detect(crops, size=self.cfg.size, batch_size=self.cfg.batch_size)
        out = []
        for (x, y, _, _), boxes in zip(grid, got, strict=True):
            for b in boxes:
                if b.part == "face":
                    bx, by, bw, bh = b.box
                    out.append(replace(b, box=(round(bx + x, 1), round(by + y, 1), bw, bh)))
        return out

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = []
        for faces in self.boxes(parts):
            findings = []
            for b in faces:
                f = self.finding(
                    "face", b.score, evidence={"count": len(faces), "box": list(b.box)}
                )
                findings.append(replace(f, locator=Locator(box=b.as_box())))
            out.append(findings)
        return out


__all__ = ["MODEL_NAME", "FacesConfig", "FacesDetector", "merge", "tile_grid"]
