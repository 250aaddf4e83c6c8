"""The `qr` decoder reads QR codes and barcodes generated here, rotated and several per image."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
import segno
import zxingcpp
from PIL import Image

from tamis.decoding.base import Decoder
from tamis.decoding.image import ImageData
from tamis.decoding.qr import QrDecoder
from tamis.engine import Engine
from tamis.errors import ConfigError
from tamis.findings import ModerationResult
from tamis.media import Box, Locator, Media, Modality, Part
from tamis.policy.store import parse_policy

PAYLOADS = [
    "https://spam.example.com",
    "https://bit.ly/3xYzAbC?ref=avatar",
    "weixin://dl/chat?wxid_spam8888",
    "wxid_spam8888",
    "微信号: spam8888 加我领红包",
    "tel:+33612345678",
    "+86 138 1234 5678",
    "WIFI:T:WPA;S:cafe;P:secret;;",
]


def qr(text: str, *, scale: int = 6, error: str = "m") -> Image.Image:
    buf = io.BytesIO()
    segno.make(text, error=error, micro=False).save(buf, kind="png", scale=scale, border=4)
    return Image.open(buf).convert("RGB")


def barcode(text: str, fmt: zxingcpp.BarcodeFormat, scale: int = 4) -> Image.Image:
    bitmap = zxingcpp.create_barcode(text, fmt).to_image(scale=scale)
    grey = Image.fromarray(np.asarray(bitmap))
    framed = Image.new("L", (grey.width + 80, grey.height + 80), 255)
    framed.paste(grey, (40, 40))
    return framed.convert("RGB")


def place(
    codes: list[tuple[Image.Image, tuple[int, int], float]],
    size: tuple[int, int] = (1200, 900),
    background: Any = (205, 220, 235),
) -> tuple[np.ndarray, list[Box]]:
    """Codes pasted (rotated by angle degrees) on a canvas; the area each one covers."""
    canvas = Image.new("RGB", size, background)
    areas = []
    for img, (x, y), angle in codes:
        turned = img.rotate(angle, expand=True, fillcolor="white") if angle else img
        canvas.paste(turned, (x, y))
        areas.append(Box(x, y, turned.width, turned.height))
    return np.asarray(canvas), areas


def inside(box: Box | None, area: Box) -> bool:
    assert box is not None
    return (
        box.x >= area.x
        and box.y >= area.y
        and box.x + box.w <= area.x + area.w
        and box.y + box.h <= area.y + area.h
        and box.w * box.h >= 0.1 * area.w * area.h
    )


@pytest.fixture(scope="module")
def decoder() -> QrDecoder:
    return QrDecoder()


def read(decoder: Decoder, img: Any, locator: Locator | None = None) -> list[Part]:
    return decoder.decode([Part("img", Modality.IMAGE, img, locator or Locator())])[0]


@pytest.mark.parametrize("text", PAYLOADS)
def test_every_generated_qr_code_decodes_exactly(decoder: QrDecoder, text: str) -> None:
    img, (area,) = place([(qr(text), (100, 80), 0)], size=(600, 500))
    parts = read(decoder, img)
    assert [p.payload for p in parts] == [text]
    assert parts[0].modality is Modality.TEXT and parts[0].media_id == "img"
    assert inside(parts[0].locator.box, area)


@pytest.mark.parametrize("angle", [0, 17, 30, 45, 90, 135, 180, 270, 333])
def test_rotated_qr_codes_decode(decoder: QrDecoder, angle: int) -> None:
    img, (area,) = place([(qr("https://spam.example.com/r"), (150, 120), angle)], size=(700, 600))
    parts = read(decoder, img)
    assert [p.payload for p in parts] == ["https://spam.example.com/r"]
    assert inside(parts[0].locator.box, area)


def test_several_codes_in_one_image_each_with_its_box(decoder: QrDecoder) -> None:
    texts = PAYLOADS[:4]
    spots = [(40, 40), (640, 60), (60, 560), (700, 520)]
    angles = [0, 25, 90, 200]
    img, areas = place(
        [(qr(t), xy, a) for t, xy, a in zip(texts, spots, angles, strict=True)], (1300, 1000)
    )
    parts = read(decoder, img)
    assert sorted(p.payload for p in parts) == sorted(texts)
    for part in parts:
        assert inside(part.locator.box, areas[texts.index(part.payload)])
    # Reading order: top to bottom.
    tops = [p.locator.box.y for p in parts if p.locator.box is not None]
    assert tops == sorted(tops)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        (zxingcpp.BarcodeFormat.EAN13, "4006381333931"),
        (zxingcpp.BarcodeFormat.EAN8, "96385074"),
        (zxingcpp.BarcodeFormat.Code128, "wxid_spam8888"),
        (zxingcpp.BarcodeFormat.Code39, "CALL 0612345678"),
        (zxingcpp.BarcodeFormat.DataMatrix, "tel:+33612345678"),
        (zxingcpp.BarcodeFormat.PDF417, "https://spam.example.com"),
        (zxingcpp.BarcodeFormat.Aztec, "weixin: spam8888"),
    ],
    ids=lambda v: str(v),
)
@pytest.mark.parametrize("angle", [0, 90])
def test_common_barcodes_decode(
    decoder: QrDecoder, fmt: zxingcpp.BarcodeFormat, text: str, angle: int
) -> None:
    img, (area,) = place([(barcode(text, fmt), (60, 60), angle)], size=(1200, 1200))
    parts = read(decoder, img)
    assert [p.payload for p in parts] == [text]
    assert inside(parts[0].locator.box, area)


def test_inverted_and_grey_and_image_data_payloads(decoder: QrDecoder) -> None:
    img, _ = place([(qr("https://spam.example.com"), (50, 50), 0)], size=(400, 400))
    assert [p.payload for p in read(decoder, 255 - img)] == ["https://spam.example.com"]
    assert [p.payload for p in read(decoder, img[:, :, 1])] == ["https://spam.example.com"]
    data = ImageData(img, "GIF", "0" * 64, frame=2, timestamp_s=0.4)
    parts = read(decoder, data, Locator(frame=2, start_s=0.4))
    assert parts[0].locator.frame == 2 and parts[0].locator.start_s == 0.4


def test_huge_image_is_scanned_and_boxes_stay_in_original_pixels(decoder: QrDecoder) -> None:
    img, (area,) = place(
        [(qr("https://spam.example.com", scale=12), (5200, 3100), 0)], (7000, 5000)
    )
    parts = read(decoder, img)
    assert [p.payload for p in parts] == ["https://spam.example.com"]
    assert inside(parts[0].locator.box, area)


@pytest.mark.parametrize(
    "img",
    [
        np.full((600, 800, 3), 128, np.uint8),
        np.zeros((4, 4, 3), np.uint8),
        np.random.default_rng(7).integers(0, 256, (480, 640, 3), dtype=np.uint8),
    ],
    ids=["grey", "tiny", "noise"],
)
def test_images_without_codes_give_nothing(decoder: QrDecoder, img: np.ndarray) -> None:
    assert read(decoder, img) == []


def test_formats_and_max_codes_settings() -> None:
    img, _ = place(
        [
            (qr("https://a.example.com"), (40, 40), 0),
            (qr("https://b.example.com"), (600, 40), 0),
            (barcode("4006381333931", zxingcpp.BarcodeFormat.EAN13), (40, 500), 0),
        ]
    )
    qr_only = QrDecoder.from_settings({"formats": ["QRCode"]})
    assert sorted(p.payload for p in read(qr_only, img)) == [
        "https://a.example.com",
        "https://b.example.com",
    ]
    one = QrDecoder.from_settings({"max_codes": 1})
    assert len(read(one, img)) == 1


def test_batch_matches_one_by_one(decoder: QrDecoder) -> None:
    a, _ = place([(qr("first"), (10, 10), 0)], size=(300, 300))
    b = np.full((100, 100, 3), 255, np.uint8)
    c, _ = place([(qr("third"), (10, 10), 45)], size=(400, 400))
    got = decoder.decode([Part("x", Modality.IMAGE, img) for img in (a, b, c)])
    assert [[p.payload for p in parts] for parts in got] == [["first"], [], ["third"]]


@pytest.mark.parametrize(
    "settings",
    [{"formats": ["bogus"]}, {"formats": []}, {"max_codes": 0}, {"colour": True}],
)
def test_bad_settings_are_config_errors(settings: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        QrDecoder.from_settings(settings)
    with pytest.raises(ConfigError) as err:
        parse_policy({"name": "p", "decoders": {"qr": settings}}, source="t")
    assert err.value.key.startswith("decoders.qr")


def _png(img: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return buf.getvalue()


def test_engine_finds_the_url_of_a_qr_code_with_the_code_box() -> None:
    img, (area,) = place([(qr("https://spam.example.com"), (220, 140), 0)], size=(640, 480))
    result = Engine().moderate(Media("pic", Modality.IMAGE, data=_png(img)), "default")
    assert isinstance(result, ModerationResult)
    urls = [f for f in result.findings if f.label == "ads" and f.evidence.get("kind") == "url"]
    assert urls, result.findings
    hit = urls[0]
    assert inside(hit.locator.box, area)
    # The QR symbol sits inside its quiet zone: 4 modules of 6 pixels.
    box = hit.locator.box
    assert box is not None and (box.x, box.y) == (220 + 24, 140 + 24)
    assert hit.locator.char_span == (0, len("https://spam.example.com"))
    assert "decode:qr" in result.timings
