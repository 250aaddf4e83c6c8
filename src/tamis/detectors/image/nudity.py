"""Detector `nudity`: NudeNet 3.4 (YOLOv8n, 320×320, 18 body-part classes) run directly with
onnxruntime from the `320n.onnx` file inside the pinned `nudenet` wheel. NudeNet's own Python
wrapper is not imported (it needs OpenCV); the pre- and post-processing are re-implemented
here: the image is scaled so its longer side is 320 and padded (bottom/right, black) to
320×320 as upstream does, boxes are decoded, scaled back to original-image pixels and
filtered by per-class non-maximum suppression.

Exposed sexual body parts become `sexual`, covered ones `suggestive`; faces are left to the
`faces` detector (reported as `face` only, never with NudeNet's gendered class names); other
classes (feet, belly, armpits, an exposed male chest) are not reported. Evidence names parts
neutrally (`breast_exposed`, `genitalia_covered`, …). See docs/detectors/nudity.md and
docs/models/nudenet.md.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from PIL import Image
from pydantic import Field

from tamis.decoding.image import ImageData
from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.detectors.image._onnx import (
    Pixels,
    as_pil,
    model_file,
    pil_of,
    rgb_of,
    session,
    size_of,
)
from tamis.findings import Finding
from tamis.media import Box, Locator, Modality, Part

MODEL_NAME = "nudenet-320n"
PACKAGE = "nudenet"
FILENAME = "320n.onnx"
SHA256 = "c15d8273adad2d0a92f014cc69ab2d6c311a06777a55545f2c4eb46f51911f0f"  # nudenet==3.4.2
INPUT_SIZE = 320
FLOOR = 0.2  # upstream's confidence floor before NMS
NMS_IOU = 0.45  # upstream's
MAX_CANDIDATES = 300

# NudeNet's classes in output order, each with a neutral part name (no gender) and the tamis
# label it maps to (None: not reported by `nudity`; faces go to the `faces` detector).
CLASSES: tuple[tuple[str, str, str | None], ...] = (
    ("FEMALE_GENITALIA_COVERED", "genitalia_covered", "suggestive"),
    ("FACE_FEMALE", "face", None),
    ("BUTTOCKS_EXPOSED", "buttocks_exposed", "sexual"),
    ("FEMALE_BREAST_EXPOSED", "breast_exposed", "sexual"),
    ("FEMALE_GENITALIA_EXPOSED", "genitalia_exposed", "sexual"),
    ("MALE_BREAST_EXPOSED", "chest_exposed", None),
    ("ANUS_EXPOSED", "anus_exposed", "sexual"),
    ("FEET_EXPOSED", "feet_exposed", None),
    ("BELLY_COVERED", "belly_covered", None),
    ("FEET_COVERED", "feet_covered", None),
    ("ARMPITS_COVERED", "armpits_covered", None),
    ("ARMPITS_EXPOSED", "armpits_exposed", None),
    ("FACE_MALE", "face", None),
    ("BELLY_EXPOSED", "belly_exposed", None),
    ("MALE_GENITALIA_EXPOSED", "genitalia_exposed", "sexual"),
    ("ANUS_COVERED", "anus_covered", "suggestive"),
    ("FEMALE_BREAST_COVERED", "breast_covered", "suggestive"),
    ("BUTTOCKS_COVERED", "buttocks_covered", "suggestive"),
)
# Classes that differ only by a gender are one group: their boxes compete in NMS and come out
# under the neutral name, so no gendered class ever leaves this module.
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(part for _, part, _ in CLASSES))
LABEL_OF: dict[str, str | None] = {part: label for _, part, label in CLASSES}
_MEMBERS = [[i for i, c in enumerate(CLASSES) if c[1] == g] for g in GROUPS]

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class RawBox:
    """One NudeNet detection after NMS, in original-image pixels (left, top, width, height)."""

    part: str
    score: float
    box: tuple[float, float, float, float]

    def as_box(self) -> Box:
        return Box(*self.box)


def letterbox(pixels: Pixels, size: int = INPUT_SIZE) -> tuple[FloatArray, float]:
    """CHW float32 in 0..1: the image scaled so its longer side is `size`, padded bottom/right
    with black to size×size; and the scale (model pixels per original pixel)."""
    w, h = size_of(pixels)
    scale = size / max(h, w)
    nw, nh = max(1, min(size, round(w * scale))), max(1, min(size, round(h * scale)))
    img = as_pil(pixels)
    if (nw, nh) != (w, h):
        img = img.resize((nw, nh), Image.Resampling.BILINEAR, reducing_gap=3.0)
    canvas = np.zeros((size, size, 3), dtype=np.uint8)
    canvas[:nh, :nw] = np.asarray(img)
    return canvas.transpose(2, 0, 1).astype(np.float32) / np.float32(255.0), scale


def nms(boxes: FloatArray, scores: FloatArray, iou: float) -> list[int]:
    """Indices kept by greedy non-maximum suppression of xyxy `boxes`, best score first."""
    order = np.argsort(-scores, kind="stable")
    areas = np.maximum(boxes[:, 2] - boxes[:, 0], 0) * np.maximum(boxes[:, 3] - boxes[:, 1], 0)
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        xx1 = np.maximum(boxes[i, 0], boxes[rest, 0])
        yy1 = np.maximum(boxes[i, 1], boxes[rest, 1])
        xx2 = np.minimum(boxes[i, 2], boxes[rest, 2])
        yy2 = np.minimum(boxes[i, 3], boxes[rest, 3])
        inter = np.maximum(xx2 - xx1, 0) * np.maximum(yy2 - yy1, 0)
        union = areas[i] + areas[rest] - inter
        overlap = np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)
        order = rest[overlap <= iou]
    return keep


def decode(
    output: FloatArray, scale: float, width: int, height: int, size: int = INPUT_SIZE
) -> list[RawBox]:
    """One image's raw output (22 × anchors: cx, cy, w, h, 18 class scores) to boxes."""
    rows = output.T
    cls = rows[:, 4:]
    grouped = np.stack([cls[:, m].max(axis=1) for m in _MEMBERS], axis=1)
    best = grouped.argmax(axis=1)
    conf = grouped[np.arange(len(rows)), best]
    idx = np.flatnonzero(conf >= FLOOR)
    if idx.size == 0:
        return []
    idx = idx[np.argsort(-conf[idx], kind="stable")][:MAX_CANDIDATES]
    cx, cy, bw, bh = (rows[idx, k] for k in range(4))
    xyxy = np.stack([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2], axis=1)
    # Class-aware NMS: boxes of different groups never suppress each other.
    offset = best[idx].astype(np.float32)[:, None] * np.float32(4 * size)
    kept = nms((xyxy + offset).astype(np.float32), conf[idx], NMS_IOU)
    out: list[RawBox] = []
    for k in kept:
        x1, y1, x2, y2 = (float(v) / scale for v in xyxy[k])
        x1, y1 = min(max(x1, 0.0), float(width)), min(max(y1, 0.0), float(height))
        x2, y2 = min(max(x2, x1), float(width)), min(max(y2, y1), float(height))
        if x2 - x1 < 1 or y2 - y1 < 1:
            continue
        box = (round(x1, 1), round(y1, 1), round(x2 - x1, 1), round(y2 - y1, 1))
        out.append(RawBox(GROUPS[int(best[idx[k]])], round(float(conf[idx[k]]), 4), box))
    return out


class NudeNet:
    """Batched NudeNet inference; one per (threads) in a process, shared by `nudity` and
    `faces`: an image that both detectors look at at the same input size runs once."""

    def __init__(self, threads: int = 1) -> None:
        self.path = model_file(MODEL_NAME, PACKAGE, FILENAME, SHA256)
        self._session = session(self.path, threads)
        self._input = self._session.get_inputs()[0].name
        self._seen: weakref.WeakKeyDictionary[ImageData, dict[int, list[RawBox]]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def detect(
        self, images: Sequence[Pixels], *, size: int = INPUT_SIZE, batch_size: int = 8
    ) -> list[list[RawBox]]:
        """Boxes (score ≥ 0.2, after NMS) for each image, in order. `size` is the model's
        input side (320 as trained; the network is fully convolutional, and 640 finds smaller
        faces)."""
        out: list[list[RawBox]] = []
        for start in range(0, len(images), batch_size):
            chunk = images[start : start + batch_size]
            prepared = [letterbox(img, size) for img in chunk]
            batch = np.stack([x for x, _ in prepared])
            (raw,) = self._session.run(None, {self._input: batch})
            for img, (_, scale), res in zip(chunk, prepared, raw, strict=True):
                out.append(decode(res, scale, *size_of(img), size))
        return out

    def detect_parts(
        self, parts: Sequence[Part], *, size: int = INPUT_SIZE, batch_size: int = 8
    ) -> list[list[RawBox]]:
        """Like `detect` for parts: [] for non-image parts; a decoded image already run at
        this size (by the other detector) is not run again."""
        found: list[list[RawBox] | None] = [None] * len(parts)
        todo: list[int] = []
        arrays: list[Pixels] = []
        for i, part in enumerate(parts):
            rgb = pil_of(part)
            if rgb is None:
                found[i] = []
                continue
            if isinstance(part.payload, ImageData):
                with self._lock:
                    cached = self._seen.get(part.payload, {}).get(size)
                if cached is not None:
                    found[i] = cached
                    continue
            todo.append(i)
            arrays.append(rgb)
        got = self.detect(arrays, size=size, batch_size=batch_size)
        for i, boxes in zip(todo, got, strict=True):
            found[i] = boxes
            payload = parts[i].payload
            if isinstance(payload, ImageData):
                with self._lock:
                    self._seen.setdefault(payload, {})[size] = boxes
        return [f if f is not None else [] for f in found]


@cache
def shared_nudenet(threads: int = 1) -> NudeNet:
    return NudeNet(threads)


class NudityConfig(DetectorConfig):
    """Settings of the nudity detector; every option is described in the docs page."""

    min_score: float = Field(0.4, ge=FLOOR, le=1.0)
    suggestive: bool = True
    max_boxes: int = Field(20, ge=1, le=100)
    batch_size: int = Field(8, ge=1, le=64)
    threads: int = Field(1, ge=1, le=64)
    size: Literal[320, 480, 640] = 320


class NudityDetector(Detector):
    name = "nudity"
    version = "1"
    modalities = frozenset({Modality.IMAGE})
    labels = ("sexual", "suggestive")
    Config = NudityConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, NudityConfig)
        self.cfg: NudityConfig = self.config

    @property
    def model(self) -> NudeNet:
        """The shared model, loaded at first use: a policy that lists this detector costs
        nothing for text-only traffic."""
        return shared_nudenet(self.cfg.threads)

    @classmethod
    def examples(cls) -> list[Example]:
        # The contract test feeds text: an image detector must say nothing about it.
        return [Example("a text part is not an image", absent=frozenset(cls.labels))]

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        if all(rgb_of(p) is None for p in parts):  # text only: the model is not even loaded
            return [[] for _ in parts]
        raw = self.model.detect_parts(parts, size=self.cfg.size, batch_size=self.cfg.batch_size)
        return [self._findings(boxes) for boxes in raw]

    def _findings(self, boxes: list[RawBox]) -> list[Finding]:
        out: list[Finding] = []
        for label in self.labels:
            if label == "suggestive" and not self.cfg.suggestive:
                continue
            hits = [
                b for b in boxes if LABEL_OF.get(b.part) == label and b.score >= self.cfg.min_score
            ]
            if not hits:
                continue
            hits.sort(key=lambda b: -b.score)
            evidence: dict[str, Any] = {
                "count": len(hits),
                "parts": [
                    {"part": b.part, "score": b.score, "box": list(b.box)}
                    for b in hits[: self.cfg.max_boxes]
                ],
                "model": MODEL_NAME,
            }
            finding = self.finding(label, hits[0].score, evidence=evidence)
            out.append(_with_box(finding, hits[0].as_box()))
        return out


def _with_box(finding: Finding, box: Box) -> Finding:
    return replace(finding, locator=Locator(box=box))
