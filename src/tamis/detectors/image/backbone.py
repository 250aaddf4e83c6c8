"""The shared image backbone: EfficientNet-Lite0 trained on ImageNet, run with onnxruntime from
the shipped model `effnet-lite0-onnx` (exported by training/export_effnet.py, Apache-2.0).

One pass gives, per image, a 1280-dimensional feature vector (what the `weapons` head was
trained on) and the 1000 ImageNet logits (a few of whose classes serve as extra signals). The
same preprocessing is used in training (training/train_weapons.py calls this module) and at
inference, so the two cannot drift apart.

Preprocessing: the whole image resized to 224×224 (bilinear with Pillow's antialiasing; the
aspect ratio is not kept, so nothing near an edge is cropped away), RGB scaled as
(x − 127) / 128, channels first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
from PIL import Image

from tamis.detectors.image._onnx import Pixels, as_pil, session
from tamis.models import registry

MODEL_NAME = "effnet-lite0-onnx"
MODEL_FILE = "model.onnx"
SIZE = 224
MEAN = 127.0
STD = 128.0

FloatArray = npt.NDArray[np.float32]


def preprocess(pixels: Pixels) -> FloatArray:
    """3×224×224 float32: the model's input for one image, without the batch axis."""
    img = as_pil(pixels).resize((SIZE, SIZE), Image.Resampling.BILINEAR)
    arr = (np.asarray(img, dtype=np.float32) - MEAN) / STD
    return np.ascontiguousarray(arr.transpose(2, 0, 1))


@dataclass(frozen=True)
class BackboneOutput:
    features: FloatArray  # (n, 1280)
    logits: FloatArray  # (n, 1000)

    def probabilities(self) -> FloatArray:
        """Softmax over the ImageNet classes, per image."""
        z = self.logits - self.logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: FloatArray = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


class Backbone:
    """Batched EfficientNet-Lite0: ``run(images)`` gives features and ImageNet logits."""

    def __init__(self, threads: int = 1) -> None:
        model = registry.load(MODEL_NAME)
        self.version = model.version
        self.path = model.path(MODEL_FILE)
        self._session = session(self.path, threads)

    def run_pixels(self, batch: FloatArray) -> BackboneOutput:
        """The bare model call on preprocessed input (N×3×224×224)."""
        features, logits = self._session.run(None, {"pixels": batch})
        return BackboneOutput(np.asarray(features, np.float32), np.asarray(logits, np.float32))

    def run(self, images: Sequence[Pixels], *, batch_size: int = 8) -> BackboneOutput:
        feats: list[FloatArray] = []
        logits: list[FloatArray] = []
        for start in range(0, len(images), batch_size):
            chunk = images[start : start + batch_size]
            out = self.run_pixels(np.stack([preprocess(x) for x in chunk]))
            feats.append(out.features)
            logits.append(out.logits)
        if not feats:
            return BackboneOutput(np.zeros((0, 1280), np.float32), np.zeros((0, 1000), np.float32))
        return BackboneOutput(np.concatenate(feats), np.concatenate(logits))


@cache
def shared_backbone(threads: int = 1) -> Backbone:
    return Backbone(threads)
