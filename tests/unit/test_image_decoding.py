"""Safe image decoding on images generated here: formats, orientation, colour modes,
animation, limits, and hostile files."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from tamis.decoding.image import decode_image, probe_image
from tamis.errors import InputError, RequestTooLarge, UnsupportedMedia

MAX = 10_000_000


def _encode(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def _red(w: int = 40, h: int = 20, mode: str = "RGB") -> Image.Image:
    return Image.new(mode, (w, h), (255, 0, 0) if mode == "RGB" else 128)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "AVIF", "HEIF"])
def test_formats_decode_to_rgb(fmt: str) -> None:
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    [frame] = decode_image(_encode(_red(), fmt), max_bytes=MAX)
    assert frame.rgb.shape == (20, 40, 3) and frame.rgb.dtype == np.uint8
    r, g, b = frame.rgb[10, 20]
    assert r > 200 and g < 60 and b < 60


def test_exif_orientation_is_applied() -> None:
    img = _red(40, 20)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise for display
    data = _encode(img, "JPEG", exif=exif.tobytes())
    [frame] = decode_image(data, max_bytes=MAX)
    assert frame.rgb.shape[:2] == (40, 20)
    info = probe_image(data, max_bytes=MAX)  # reports the displayed size, as boxes use it
    assert (info.width, info.height) == (20, 40)
    exif[0x0112] = 3  # a half turn keeps the size
    info = probe_image(_encode(img, "JPEG", exif=exif.tobytes()), max_bytes=MAX)
    assert (info.width, info.height) == (40, 20)


@pytest.mark.parametrize("mode", ["CMYK", "L", "LA", "P", "1", "I;16", "RGBA", "I", "F"])
def test_colour_modes_become_rgb(mode: str) -> None:
    img = Image.new("RGB", (16, 8), (10, 200, 30)).convert(mode)
    fmt = "TIFF" if mode in ("CMYK", "I;16", "I", "F") else "PNG"
    [frame] = decode_image(_encode(img, fmt), max_bytes=MAX)
    assert frame.rgb.shape == (8, 16, 3)


def test_transparency_is_composited_on_white() -> None:
    img = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    [frame] = decode_image(_encode(img, "PNG"), max_bytes=MAX)
    assert frame.rgb.min() == 255


def test_animated_gif_frames_are_sampled_with_index_and_time() -> None:
    frames = [Image.new("RGB", (8, 8), (i * 10, 0, 0)) for i in range(20)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    out = decode_image(buf.getvalue(), max_bytes=MAX, max_frames=5)
    assert [f.frame for f in out] == [0, 5, 10, 14, 19]
    assert out[1].timestamp_s == pytest.approx(0.5)


def test_limits_and_hostile_files() -> None:
    png = _encode(_red(), "PNG")
    with pytest.raises(RequestTooLarge, match="bytes"):
        decode_image(png, max_bytes=10)
    with pytest.raises(RequestTooLarge, match="pixels"):
        decode_image(png, max_bytes=MAX, max_pixels=100)
    with pytest.raises(InputError, match="empty"):
        decode_image(b"", max_bytes=MAX)
    with pytest.raises(UnsupportedMedia):
        decode_image(b"not an image at all", max_bytes=MAX)
    with pytest.raises(InputError, match="truncated or corrupt"):
        decode_image(_encode(_red(400, 400), "JPEG")[:600], max_bytes=MAX)
    with pytest.raises(InputError, match="truncated or corrupt"):
        decode_image(png[:-30], max_bytes=MAX)


def test_decompression_bomb_header_is_refused_without_allocating() -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(RequestTooLarge):
        decode_image(bomb, max_bytes=MAX)
    with pytest.raises(RequestTooLarge):
        probe_image(bomb, max_bytes=MAX)
