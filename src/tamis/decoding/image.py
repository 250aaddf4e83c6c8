"""Safe image decoding: bytes → oriented RGB frames, within limits on bytes, pixels and frames.

Formats: JPEG, PNG, WebP, GIF and APNG (animated: frames sampled evenly), BMP, TIFF, AVIF
(Pillow), HEIC/HEIF (pillow-heif). EXIF orientation is applied; CMYK, palette, grey,
16-bit and transparent images become 8-bit RGB (transparency composited on white).
Decompression bombs, truncated and corrupt files are refused with the reason.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pillow_heif
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from tamis.errors import InputError, RequestTooLarge, UnsupportedMedia

MAX_PIXELS = 50_000_000
MAX_FRAMES = 8
pillow_heif.register_heif_opener()
ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is an error, never a grey tail


@dataclass(frozen=True, slots=True)
class ImageInfo:
    format: str
    width: int
    height: int
    mime: str
    frames: int = 1


@dataclass(frozen=True, eq=False)
class ImageData:
    """One decoded frame: `rgb` is H×W×3 uint8 in display orientation."""

    rgb: np.ndarray
    format: str
    sha256: str
    frame: int | None = None
    timestamp_s: float | None = None
    source_size: tuple[int, int] = field(default=(0, 0))

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])

    def pil(self) -> Image.Image:
        """A new PIL image of the frame (the caller may draw on it)."""
        return Image.fromarray(self.rgb, mode="RGB")

    @cached_property
    def shared_pil(self) -> Image.Image:
        """One PIL image of the frame, made once and shared by the detectors that resize it:
        read it, never draw on it."""
        return self.pil()


def _open(data: bytes, max_bytes: int, max_pixels: int) -> Image.Image:
    if len(data) > max_bytes:
        raise RequestTooLarge(
            f"image has {len(data):,} bytes; the limit is {max_bytes:,}",
            hint="Send a smaller image.",
        )
    if not data:
        raise InputError("empty image", hint="Send the image bytes.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            width, height = img.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise RequestTooLarge(
            f"image refused as a decompression bomb: {exc}",
            hint="Downscale the image before sending it.",
        ) from None
    except UnidentifiedImageError:
        raise UnsupportedMedia(
            "not an image format tamis can read",
            hint="Send JPEG, PNG, WebP, GIF, BMP, TIFF, AVIF or HEIC.",
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(
            f"the image is truncated or corrupt: {exc}",
            hint="Re-encode the image and send it again.",
        ) from None
    if width <= 0 or height <= 0 or width * height > max_pixels:
        img.close()
        raise RequestTooLarge(
            f"image is {width}x{height} = {width * height:,} pixels; the limit is {max_pixels:,}",
            hint="Downscale the image before sending it.",
        )
    return img


ORIENTATION_TAG = 0x0112  # EXIF Orientation


def _orientation(img: Image.Image) -> int:
    """The EXIF orientation read from the headers only: `verify` must still follow, and
    Pillow's `getexif` would decode a whole PNG to look for a late eXIf chunk."""
    exif = Image.Exif()
    raw = img.info.get("exif")
    if isinstance(raw, bytes) and raw:
        try:
            exif.load(raw)
        except Exception:  # a malformed EXIF block: the decoder ignores it too
            return 1
    elif img.format == "TIFF":
        return int(img.getexif().get(ORIENTATION_TAG, 1) or 1)
    value = exif.get(ORIENTATION_TAG, 1)
    return value if isinstance(value, int) else 1


def probe_image(data: bytes, *, max_bytes: int, max_pixels: int = MAX_PIXELS) -> ImageInfo:
    """Format, size and integrity, without keeping the pixels. Width and height are those of
    the displayed image (EXIF orientation applied), the frame boxes are given in."""
    with _open(data, max_bytes, max_pixels) as img:
        fmt = img.format or "unknown"
        turned = _orientation(img) in (5, 6, 7, 8)  # a quarter turn
        info = ImageInfo(
            fmt,
            img.height if turned else img.width,
            img.width if turned else img.height,
            Image.MIME.get(fmt, "application/octet-stream"),
            getattr(img, "n_frames", 1),
        )
        try:
            img.verify()
        except Exception as exc:
            raise InputError(
                f"the image is truncated or corrupt: {exc}",
                hint="Re-encode the image and send it again.",
            ) from None
    return info


def _to_rgb(frame: Image.Image) -> np.ndarray:
    img = ImageOps.exif_transpose(frame) or frame
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = float(arr.max()) or 1.0
        img = Image.fromarray((arr * (255.0 / top)).clip(0, 255).astype(np.uint8), mode="L")
    if img.mode == "F":
        img = Image.fromarray(np.asarray(img).clip(0, 255).astype(np.uint8), mode="L")
    if img.mode == "P" and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    return np.asarray(img.convert("RGB"), dtype=np.uint8)


def decode_image(
    data: bytes, *, max_bytes: int, max_pixels: int = MAX_PIXELS, max_frames: int = MAX_FRAMES
) -> list[ImageData]:
    """Decode to RGB frames: one for still images, up to `max_frames` evenly sampled from an
    animation (with their index and time)."""
    sha = hashlib.sha256(data).hexdigest()
    img = _open(data, max_bytes, max_pixels)
    try:
        fmt = img.format or "unknown"
        size = (img.width, img.height)
        n = max(1, int(getattr(img, "n_frames", 1)))
        # Evenly spaced frames of an animation; only those are converted to RGB.
        steps = range(max_frames)
        picks = (
            sorted({round(i * (n - 1) / max(1, max_frames - 1)) for i in steps}) if n > 1 else [0]
        )
        frames: list[ImageData] = []
        elapsed_ms = 0.0
        for index in range(n):
            if n > 1:
                img.seek(index)
            duration = float(img.info.get("duration", 0) or 0)
            if index in picks:
                img.load()
                frames.append(
                    ImageData(
                        _to_rgb(img),
                        fmt,
                        sha,
                        frame=index if n > 1 else None,
                        timestamp_s=elapsed_ms / 1000 if n > 1 else None,
                        source_size=size,
                    )
                )
            elapsed_ms += duration
            if index >= picks[-1]:
                break
        return frames
    except (RequestTooLarge, InputError):
        raise
    except (Image.DecompressionBombError, MemoryError) as exc:
        raise RequestTooLarge(
            f"image refused: {exc}", hint="Downscale the image before sending it."
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InputError(
            f"the image is truncated or corrupt: {exc}",
            hint="Re-encode the image and send it again.",
        ) from None
    finally:
        img.close()
