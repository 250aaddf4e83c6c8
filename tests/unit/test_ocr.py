"""The `ocr` decoder reads text drawn here with Pillow, exactly, with boxes in original pixels."""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from tamis.decoding import ocr
from tamis.decoding.base import Decoder
from tamis.decoding.image import ImageData
from tamis.decoding.ocr import OcrDecoder
from tamis.engine import Engine
from tamis.errors import ConfigError
from tamis.findings import ModerationResult
from tamis.media import Box, Locator, Media, Modality, Part
from tamis.policy.store import parse_policy

FONTS = Path("/usr/share/fonts/truetype")
LATIN = FONTS / "dejavu" / "DejaVuSans.ttf"  # Debian fonts-dejavu-core
CJK = FONTS / "wqy" / "wqy-microhei.ttc"  # Debian fonts-wqy-microhei


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    if not path.is_file():
        pytest.skip(
            f"font {path} is missing: `make install` installs it as root on Debian "
            "(apt packages fonts-dejavu-core and fonts-wqy-microhei)"
        )
    return ImageFont.truetype(str(path), size)


def render(
    lines: list[str],
    font: Path = LATIN,
    *,
    size: int = 36,
    canvas: tuple[int, int] | None = None,
    at: tuple[int, int] = (30, 30),
    background: Any = "white",
    ink: Any = "black",
) -> tuple[np.ndarray, list[tuple[float, float, float, float]]]:
    """The image and each line's ink box (left, top, right, bottom)."""
    face = _font(font, size)
    width, height = canvas or (900, at[1] * 2 + len(lines) * size * 2)
    img = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(img)
    boxes = []
    for i, line in enumerate(lines):
        xy = (at[0], at[1] + i * size * 2)
        draw.text(xy, line, font=face, fill=ink)
        boxes.append(draw.textbbox(xy, line, font=face))
    return np.asarray(img), boxes


def _covers(box: Box | None, ink: tuple[float, float, float, float], slack: float) -> bool:
    """The part's box holds the ink, and is not much larger."""
    assert box is not None
    left, top, right, bottom = ink
    return (
        box.x <= left + 2
        and box.y <= top + 2
        and box.x + box.w >= right - 2
        and box.y + box.h >= bottom - 2
        and box.x >= left - slack
        and box.y >= top - slack
        and box.x + box.w <= right + slack
        and box.y + box.h <= bottom + slack
    )


@pytest.fixture(scope="module")
def decoder() -> OcrDecoder:
    return OcrDecoder()


def read(decoder: Decoder, img: Any, locator: Locator | None = None) -> list[Part]:
    return decoder.decode([Part("img", Modality.IMAGE, img, locator or Locator())])[0]


@pytest.mark.parametrize(
    ("text", "font"),
    [
        ("call me 06 12 34 56 78", LATIN),
        ("Élève très âgé, ça coûte 15 €", LATIN),
        ("加微信领取优惠", CJK),
    ],
    ids=["en", "fr", "zh"],
)
def test_reads_exact_text_with_its_box(decoder: OcrDecoder, text: str, font: Path) -> None:
    img, (ink,) = render([text], font)
    parts = read(decoder, img)
    assert [p.payload for p in parts] == [text]
    assert parts[0].modality is Modality.TEXT and parts[0].media_id == "img"
    assert _covers(parts[0].locator.box, ink, slack=20)


def test_lines_come_in_reading_order_and_keep_the_frame(decoder: OcrDecoder) -> None:
    lines = ["first line of text", "second line, here", "加微信领取优惠"]
    img, inks = render(lines[:2], size=32)
    zh, _ = render(lines[2:], CJK, size=32, canvas=(900, 90), at=(30, 20))
    both = np.concatenate([img, zh])
    data = ImageData(both, "PNG", "0" * 64, frame=3, timestamp_s=1.5)
    parts = read(decoder, data, Locator(frame=3, start_s=1.5))
    assert [p.payload for p in parts] == lines
    assert all(p.locator.frame == 3 and p.locator.start_s == 1.5 for p in parts)
    for part, ink in zip(parts, inks, strict=False):
        assert _covers(part.locator.box, ink, slack=20)


def test_boxes_on_one_line_merge_up_to_line_gap() -> None:
    img, (ink,) = render(["CHEAP      WATCHES      HERE"])  # detected as three boxes
    split = OcrDecoder.from_settings({"line_gap": 0})
    assert [p.payload for p in read(split, img)] == ["CHEAP", "WATCHES", "HERE"]
    merged = read(OcrDecoder.from_settings({"line_gap": 3}), img)
    assert [p.payload for p in merged] == ["CHEAP WATCHES HERE"]
    assert _covers(merged[0].locator.box, ink, slack=20)


def test_huge_image_is_downscaled_for_detection_and_boxes_stay_in_original_pixels(
    decoder: OcrDecoder,
) -> None:
    text = "Huge banner 06 12 34 56 78"
    img, (ink,) = render([text], size=160, canvas=(6000, 4000), at=(900, 2500))
    parts = read(decoder, img)
    assert [p.payload for p in parts] == [text]
    assert _covers(parts[0].locator.box, ink, slack=120)


def test_light_text_on_dark_and_grey_images(decoder: OcrDecoder) -> None:
    img, _ = render(["Visit example.com today"], background=(20, 20, 60), ink=(250, 250, 250))
    assert [p.payload for p in read(decoder, img)] == ["Visit example.com today"]
    grey, _ = render(["grey scale text"])
    assert [p.payload for p in read(decoder, grey[:, :, 0])] == ["grey scale text"]


@pytest.mark.parametrize(
    "img",
    [
        np.full((600, 800, 3), 128, np.uint8),  # uniform grey
        np.full((4000, 6000, 3), 255, np.uint8),  # huge and blank
        np.zeros((5, 5, 3), np.uint8),  # tiny
        np.zeros((1, 400, 3), np.uint8),  # a line of pixels
        np.tile(np.linspace(0, 255, 640, dtype=np.uint8)[None, :, None], (480, 1, 3)),
    ],
    ids=["grey", "huge-blank", "tiny", "one-row", "gradient"],
)
def test_images_without_text_give_nothing(decoder: OcrDecoder, img: np.ndarray) -> None:
    assert read(decoder, img) == []


def test_tiny_image_with_text_is_padded_not_refused(decoder: OcrDecoder) -> None:
    img, _ = render(["OK"], size=14, canvas=(40, 20), at=(4, 1))
    parts = read(decoder, img)
    for part in parts:
        box = part.locator.box
        assert box is not None and box.x + box.w <= 40 and box.y + box.h <= 20


def test_recognition_only_runs_on_detected_text(
    decoder: OcrDecoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = OcrDecoder()
    models = fresh._loaded()

    def no_rec(*args: object, **kwargs: object) -> object:
        raise AssertionError("recognition ran without detected text")

    monkeypatch.setattr(fresh, "_models", ocr._Models(models.det, no_rec))
    gradient = np.tile(np.linspace(0, 255, 640, dtype=np.uint8)[None, :, None], (480, 1, 3))
    assert read(fresh, gradient) == []
    assert read(fresh, np.full((300, 300, 3), 90, np.uint8)) == []


def test_batch_matches_one_by_one(decoder: OcrDecoder) -> None:
    a, _ = render(["first image"])
    b = np.full((200, 200, 3), 255, np.uint8)
    c, _ = render(["third image"], CJK)
    batch = decoder.decode([Part("x", Modality.IMAGE, img) for img in (a, b, c)])
    assert [[p.payload for p in got] for got in batch] == [["first image"], [], ["third image"]]


def test_max_boxes_and_min_confidence(decoder: OcrDecoder) -> None:
    img, _ = render(["one", "two two", "three three three"], size=30)
    few = OcrDecoder.from_settings({"max_boxes": 1})
    assert [p.payload for p in read(few, img)] == ["three three three"]
    strict = OcrDecoder.from_settings({"min_confidence": 1.0})
    assert len(read(strict, img)) <= 3


def test_never_downloads_or_connects(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidocr.utils.download_file import DownloadFile

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(DownloadFile, "run", classmethod(refuse))
    ocr._sessions.cache_clear()
    img, _ = render(["offline"])
    assert [p.payload for p in read(OcrDecoder(), img)] == ["offline"]


def test_missing_model_fails_loudly_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        OcrDecoder.from_settings({"model": "medium", "model_dir": str(tmp_path)})
    assert "PP-OCRv6_det_medium.onnx" in err.value.message
    assert "model_dir" in err.value.hint and "never downloads" in err.value.hint


@pytest.mark.parametrize(
    ("settings", "key"),
    [
        ({"languages": ["ru"]}, "languages"),
        ({"languages": ["ja"], "model": "tiny"}, "languages"),
        ({"max_side": 10}, "max_side"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_bad_settings_are_config_errors(settings: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError):
        OcrDecoder.from_settings(settings)
    with pytest.raises(ConfigError) as err:
        parse_policy({"name": "p", "decoders": {"ocr": settings}}, source="t")
    assert err.value.key.startswith("decoders.ocr")
    assert key in err.value.message or key in err.value.key


def test_languages_accept_iso_and_rapidocr_names() -> None:
    OcrDecoder.Config.model_validate({"languages": ["zh", "ch", "fr", "french", "zh-tw", "en"]})


def _png(img: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return buf.getvalue()


def test_engine_finds_a_phone_number_in_an_image_with_the_ocr_box() -> None:
    text = "call me 06 12 34 56 78"
    img, (ink,) = render([text], canvas=(640, 200), at=(40, 80))
    result = Engine().moderate(Media("pic", Modality.IMAGE, data=_png(img)), "default")
    assert isinstance(result, ModerationResult)
    phones = [f for f in result.findings if f.label == "ads" and f.evidence.get("kind") == "phone"]
    assert phones, result.findings
    hit = phones[0]
    assert _covers(hit.locator.box, ink, slack=20)
    assert hit.locator.char_span is not None
    start, end = hit.locator.char_span
    assert text[start:end] == "06 12 34 56 78"
    assert "decode:ocr" in result.timings
