"""Face redaction: every face the `faces` detector finds is made unrecognisable, and the image
comes back in its original format (JPEG, PNG, WebP, GIF; other formats as PNG).

Each face box is grown by `margin` (a share of its width and height on every side, for hair,
ears and detector slack) and then:

- ``blur`` (default): the region is shrunk to at most `BLOCKS` pixels across, enlarged again
  and Gaussian-smoothed. Shrinking first bounds what survives (a plain Gaussian blur can be
  partly undone); the result looks like a strong blur;
- ``pixelate``: the same shrink, enlarged as visible blocks;
- ``fill``: the region is painted with its mean colour.

The output is re-encoded even when no face is found, so it is always in display orientation
(EXIF rotation applied) and carries no EXIF or XMP metadata (GPS position, camera serial…);
the ICC colour profile is kept. JPEG keeps the source's quantisation tables and chroma
subsampling, so its quality does not drop. Animated GIF, WebP and PNG are redacted frame by
frame (at most `MAX_FRAMES` frames). See docs/privacy.md.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import numpy as np
from PIL import Image, ImageFilter, ImageOps, ImageSequence, JpegImagePlugin

from tamis.decoding.image import MAX_PIXELS, probe_image
from tamis.detectors.image.faces import FacesConfig, FacesDetector
from tamis.detectors.image.nudity import RawBox
from tamis.errors import InputError, RequestTooLarge
from tamis.media import Box, Modality, Part

Method = Literal["blur", "pixelate", "fill"]
METHODS: tuple[str, ...] = ("blur", "pixelate", "fill")
BLOCKS = 8  # pixels across a redacted region's longer side before it is enlarged again
MARGIN = 0.25
MAX_FRAMES = 100
KEPT_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
# Redaction favours recall: a larger input, tiles for big images and a lower score floor than
# the `faces` detector's defaults (a blurred non-face costs little, a missed face a lot).
REDACT_CONFIG = FacesConfig(size=640, tiles=True, min_score=0.25)


@dataclass(frozen=True)
class Redacted:
    """The redacted image: its bytes, format and MIME type, and the face boxes per frame."""

    data: bytes
    format: str
    mime: str
    boxes: tuple[tuple[Box, ...], ...]

    @property
    def faces(self) -> int:
        """Faces in the image: the most found in any one frame."""
        return max((len(b) for b in self.boxes), default=0)


@cache
def _detector(config: FacesConfig) -> FacesDetector:
    return FacesDetector(config)


def redact_region(
    img: Image.Image, box: Box, *, method: Method = "blur", margin: float = MARGIN
) -> None:
    """Make `box` (grown by `margin`) of `img` unrecognisable, in place. `img` is L or RGB."""
    if method not in METHODS:
        raise InputError(f"unknown redaction method {method!r}", hint="Use blur, pixelate or fill.")
    mx, my = box.w * margin, box.h * margin
    x0, y0 = max(0, int(box.x - mx)), max(0, int(box.y - my))
    x1 = min(img.width, int(np.ceil(box.x + box.w + mx)))
    y1 = min(img.height, int(np.ceil(box.y + box.h + my)))
    if x1 <= x0 or y1 <= y0:
        return
    region = img.crop((x0, y0, x1, y1))
    w, h = region.size
    if method == "fill":
        mean = tuple(int(v) for v in np.asarray(region).reshape(h * w, -1).mean(axis=0))
        img.paste(mean[0] if img.mode == "L" else mean, (x0, y0, x1, y1))
        return
    k = BLOCKS / max(w, h)
    small = region.resize((max(1, round(w * k)), max(1, round(h * k))), Image.Resampling.BOX)
    if method == "pixelate":
        out = small.resize((w, h), Image.Resampling.NEAREST)
    else:
        out = small.resize((w, h), Image.Resampling.BILINEAR)
        out = out.filter(ImageFilter.GaussianBlur(radius=max(2.0, max(w, h) / (2 * BLOCKS))))
    img.paste(out, (x0, y0))


def redact_frame(
    img: Image.Image, boxes: Sequence[Box], *, method: Method = "blur", margin: float = MARGIN
) -> Image.Image:
    """A copy of `img` (L, RGB or RGBA) with every box redacted; alpha is kept as it was."""
    alpha = img.getchannel("A") if img.mode == "RGBA" else None
    work = img.convert("RGB") if alpha is not None else img.copy()
    for box in boxes:
        redact_region(work, box, method=method, margin=margin)
    if alpha is not None:
        work.putalpha(alpha)
    return work


def _working(frame: Image.Image) -> Image.Image:
    """The frame as L, RGB or RGBA (transparency kept, 16-bit and CMYK made 8-bit RGB)."""
    if frame.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        frame.mode == "P" and "transparency" in frame.info
    ):
        return frame.convert("RGBA")
    if frame.mode in ("L", "RGB"):
        return frame.copy()
    if frame.mode.startswith("I") or frame.mode == "F":
        arr = np.asarray(frame, dtype=np.float64)
        top = float(arr.max()) or 1.0
        return Image.fromarray((arr * (255.0 / top)).clip(0, 255).astype(np.uint8), mode="L")
    return frame.convert("RGB")


def _detection_rgb(img: Image.Image) -> np.ndarray:
    """What the detector sees: RGB, transparency composited on white (as decoding does)."""
    if img.mode == "RGBA":
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(white, img).convert("RGB"), dtype=np.uint8)
    return np.asarray(img.convert("RGB"), dtype=np.uint8)


def _save(
    frames: list[Image.Image], source: Image.Image, fmt: str, durations: list[int]
) -> tuple[bytes, str]:
    out_fmt = fmt if fmt in KEPT_FORMATS else "PNG"
    buf = io.BytesIO()
    opts: dict[str, Any] = {}
    icc = source.info.get("icc_profile")
    if icc and out_fmt != "GIF":
        opts["icc_profile"] = icc
    first = frames[0]
    if out_fmt == "JPEG":
        first = first.convert("L" if first.mode == "L" else "RGB")
        keep: dict[str, Any] = {}
        qtables = getattr(source, "quantization", None)
        if fmt == "JPEG" and qtables and len(qtables) == (1 if first.mode == "L" else 2):
            keep["qtables"] = qtables
            sampling = JpegImagePlugin.get_sampling(source)
            if first.mode == "RGB" and sampling != -1:
                keep["subsampling"] = sampling
        try:
            first.save(buf, "JPEG", **opts, **(keep or {"quality": 90}))
        except (OSError, ValueError):  # tables the encoder refuses: fall back to a quality
            buf = io.BytesIO()
            first.save(buf, "JPEG", **opts, quality=90)
        return buf.getvalue(), out_fmt
    if out_fmt == "WEBP":
        opts.update(quality=90, method=4)
        first = first if first.mode in ("RGB", "RGBA") else first.convert("RGB")
        frames = [f if f.mode in ("RGB", "RGBA") else f.convert("RGB") for f in frames]
    if len(frames) > 1:
        opts.update(
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=int(source.info.get("loop", 0)),
        )
    first.save(buf, out_fmt, **opts)
    return buf.getvalue(), out_fmt


def redact_image(
    data: bytes,
    *,
    method: Method = "blur",
    margin: float = MARGIN,
    detector: FacesDetector | None = None,
    max_bytes: int = 50 * 1024 * 1024,
    max_pixels: int = MAX_PIXELS,
    max_frames: int = MAX_FRAMES,
) -> Redacted:
    """Find and redact every face of an encoded image; return it in the same format."""
    if method not in METHODS:
        raise InputError(f"unknown redaction method {method!r}", hint="Use blur, pixelate or fill.")
    if not 0.0 <= margin <= 2.0:
        raise InputError(f"margin {margin} is outside 0..2", hint="0.25 adds a quarter each side.")
    info = probe_image(data, max_bytes=max_bytes, max_pixels=max_pixels)  # bombs, corruption
    if info.frames > max_frames:
        raise RequestTooLarge(
            f"the animation has {info.frames} frames; redaction handles at most {max_frames}",
            hint="Shorten the animation, or send its frames as separate images.",
        )
    faces = detector or _detector(REDACT_CONFIG)
    try:
        with Image.open(io.BytesIO(data)) as source:
            fmt = source.format or "PNG"
            animated = info.frames > 1
            frames: list[Image.Image] = []
            durations: list[int] = []
            if animated:
                for frame in ImageSequence.Iterator(source):
                    durations.append(int(frame.info.get("duration", 0) or 0))
                    frames.append(_working(frame))
            else:
                source.load()
                frames.append(_working(ImageOps.exif_transpose(source) or source))
            parts = [Part("image", Modality.IMAGE, _detection_rgb(f)) for f in frames]
            found: list[list[RawBox]] = faces.boxes(parts)
            boxes = tuple(tuple(b.as_box() for b in fb) for fb in found)
            done = [
                redact_frame(f, fb, method=method, margin=margin)
                for f, fb in zip(frames, boxes, strict=True)
            ]
            payload, out_fmt = _save(done, source, fmt, durations)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InputError(
            f"the image could not be redacted: {exc}",
            hint="Re-encode the image (JPEG or PNG) and send it again.",
        ) from None
    return Redacted(payload, out_fmt, KEPT_FORMATS[out_fmt], boxes)
