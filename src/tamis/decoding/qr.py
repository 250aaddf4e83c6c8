"""QR code and barcode decoder: what a code holds becomes a text part with the code's box.

It runs zxing-cpp on each image part: QR codes (and Micro QR, rMQR), Data Matrix, Aztec,
PDF417 and the common linear barcodes (EAN/UPC, Code 128, Code 39, Code 93), several per image,
in any rotation. See docs/decoders/qr.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

import numpy as np
import zxingcpp
from pydantic import Field, field_validator

from tamis.decoding.base import Decoder
from tamis.decoding.image import ImageData
from tamis.detectors.base import DetectorConfig
from tamis.media import Box, Modality, Part

DEFAULT_FORMATS = (
    "QRCode",
    "MicroQRCode",
    "RMQRCode",
    "DataMatrix",
    "Aztec",
    "PDF417",
    "EAN13",
    "EAN8",
    "UPCA",
    "UPCE",
    "Code128",
    "Code39",
    "Code93",
)


class QrConfig(DetectorConfig):
    """Settings of the `qr` decoder; every field is described in docs/decoders/qr.md."""

    formats: list[str] = Field(default_factory=lambda: list(DEFAULT_FORMATS), min_length=1)
    max_codes: int = Field(20, ge=1, le=255)
    max_side: int = Field(4096, ge=256, le=20000)
    max_chars: int = Field(4096, ge=16, le=100_000)
    try_rotate: bool = True
    try_invert: bool = True
    try_downscale: bool = True

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, value: list[str]) -> list[str]:
        for name in value:
            try:
                zxingcpp.barcode_format_from_str(name)
            except ValueError:
                raise ValueError(
                    f"unknown barcode format {name!r} (use zxing-cpp names such as "
                    + ", ".join(DEFAULT_FORMATS[:8])
                    + ")"
                ) from None
        return value


def _grey(payload: Any) -> np.ndarray:
    rgb = payload.rgb if isinstance(payload, ImageData) else payload
    if not isinstance(rgb, np.ndarray):
        raise TypeError(f"qr reads ImageData or numpy arrays, not {type(payload).__name__}")
    arr = rgb if rgb.dtype == np.uint8 else np.clip(rgb, 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        return np.ascontiguousarray(arr)
    if arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 image, got shape {arr.shape}")
    import cv2

    code = cv2.COLOR_RGBA2GRAY if arr.shape[2] == 4 else cv2.COLOR_RGB2GRAY
    return cv2.cvtColor(np.ascontiguousarray(arr), code)  # ITU-R 601 luma


class QrDecoder(Decoder):
    """QR codes and barcodes → one TEXT part per code, with its box in original pixels."""

    name = "qr"
    version = "1"
    modalities: ClassVar[frozenset[Modality]] = frozenset({Modality.IMAGE})
    Config = QrConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        if not isinstance(self.config, QrConfig):
            raise TypeError("qr expects QrConfig")
        self.settings: QrConfig = self.config
        self._formats = zxingcpp.barcode_formats_from_str(",".join(self.settings.formats))

    def decode(self, parts: Sequence[Part]) -> list[list[Part]]:
        return [self._one(part) for part in parts]

    def _one(self, part: Part) -> list[Part]:
        grey = _grey(part.payload)
        height, width = grey.shape
        if min(height, width) < 8:
            return []
        scale = min(1.0, self.settings.max_side / max(height, width))
        if scale < 1.0:
            import cv2

            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
        if int(grey.max()) - int(grey.min()) < 16:
            return []  # flat: no code
        codes = zxingcpp.read_barcodes(
            grey,
            formats=self._formats,
            try_rotate=self.settings.try_rotate,
            try_downscale=self.settings.try_downscale,
            try_invert=self.settings.try_invert,
        )
        sy, sx = height / grey.shape[0], width / grey.shape[1]
        found: list[tuple[Box, str]] = []
        for code in codes:
            text = code.text[: self.settings.max_chars]
            if not text.strip():
                continue
            pos = code.position
            corners = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            xs = [min(max(c.x * sx, 0.0), width) for c in corners]
            ys = [min(max(c.y * sy, 0.0), height) for c in corners]
            x0, y0 = float(round(min(xs))), float(round(min(ys)))
            box = Box(x0, y0, float(round(max(xs))) - x0, float(round(max(ys))) - y0)
            if (box, text) not in found:
                found.append((box, text))
        found.sort(key=lambda bt: (bt[0].y, bt[0].x))
        return [
            Part(
                part.media_id,
                Modality.TEXT,
                text,
                replace(part.locator, box=box, char_span=None),
            )
            for box, text in found[: self.settings.max_codes]
        ]
