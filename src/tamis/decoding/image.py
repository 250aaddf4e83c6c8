"""Image probing: size and pixel limits, format, integrity. The full image decoder (frames,
orientation, colour modes) comes with the image-moderation issue."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from tamis.errors import InputError, RequestTooLarge, UnsupportedMedia

MAX_PIXELS = 50_000_000


@dataclass(frozen=True, slots=True)
class ImageInfo:
    format: str
    width: int
    height: int
    mime: str


def probe_image(data: bytes, *, max_bytes: int, max_pixels: int = MAX_PIXELS) -> ImageInfo:
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
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if width * height > max_pixels:
                    raise RequestTooLarge(
                        f"image is {width}x{height} = {width * height:,} pixels; the limit is "
                        f"{max_pixels:,}",
                        hint="Downscale the image before sending it.",
                    )
                fmt = img.format or "unknown"
                mime = Image.MIME.get(fmt, "application/octet-stream")
                img.verify()
    except (RequestTooLarge, InputError):
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise RequestTooLarge(
            f"image refused as a decompression bomb: {exc}",
            hint="Downscale the image before sending it.",
        ) from None
    except UnidentifiedImageError:
        raise UnsupportedMedia(
            "not an image format tamis can read", hint="Send JPEG, PNG, WebP, GIF, BMP or TIFF."
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(
            f"the image is truncated or corrupt: {exc}",
            hint="Re-encode the image and send it again.",
        ) from None
    return ImageInfo(fmt, width, height, mime)
