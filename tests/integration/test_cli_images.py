"""`tamis moderate image` and images in `tamis scan`, run as a user runs them (the installed
console script, a real process), on images generated here: a QR code holding a URL, text
rendered with a font (OCR), and broken files."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageDraw, ImageFont

TAMIS = shutil.which("tamis", path=str(Path(sys.executable).parent)) or "tamis"
LATIN = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core
QR_URL = "https://spam-deals.example.com/win?ref=qr"
FLAGGED = {"review", "block"}


def tamis(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TAMIS, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "250", "NO_COLOR": "1", **(env or {})},
        timeout=300,
        check=False,
    )


def _save(img: Image.Image, path: Path, **kw: object) -> Path:
    img.save(path, **kw)
    return path


def qr_image(path: Path, text: str = QR_URL) -> tuple[Path, tuple[int, int, int, int]]:
    """A QR code on a coloured canvas; the file and the code's area (left, top, w, h)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=6, border=4)
    code = Image.open(buf).convert("RGB")
    canvas = Image.new("RGB", (480, 360), (205, 220, 235))
    canvas.paste(code, (150, 60))
    return _save(canvas, path), (150, 60, code.width, code.height)


def text_image(path: Path, line: str) -> tuple[Path, tuple[int, int, int, int]]:
    """`line` drawn in black on white; the file and the ink's box (left, top, right, bottom)."""
    if not LATIN.is_file():
        pytest.skip(f"font {LATIN} is missing (Debian package fonts-dejavu-core)")
    img = Image.new("RGB", (760, 120), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(LATIN), 36)
    draw.text((30, 40), line, font=font, fill="black")
    ink = draw.textbbox((30, 40), line, font=font)
    return _save(img, path), (int(ink[0]), int(ink[1]), int(ink[2]), int(ink[3]))


def plain_jpeg(path: Path) -> Path:
    grad = Image.linear_gradient("L").resize((320, 240)).convert("RGB")
    return _save(grad, path, format="JPEG", quality=90)


def truncated_jpeg(path: Path) -> Path:
    buf = io.BytesIO()
    Image.effect_noise((320, 240), 64).convert("RGB").save(buf, format="JPEG", quality=90)
    data = buf.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def not_an_image(path: Path) -> Path:
    path.write_bytes(b"hello, this is not an image")
    return path


def png_bomb(path: Path) -> Path:
    """A tiny PNG whose header claims 100,000 x 100,000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    return path


def _inside(box: list[float], area: tuple[int, int, int, int]) -> bool:
    x, y, w, h = box
    ax, ay, aw, ah = area
    return ax - 2 <= x and ay - 2 <= y and x + w <= ax + aw + 2 and y + h <= ay + ah + 2


def test_moderate_image_reads_the_url_of_a_qr_code(tmp_path: Path) -> None:
    path, area = qr_image(tmp_path / "avatar.png")
    r = tamis("moderate", "image", str(path), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["modality"] == "image" and data["id"] == data["source"] == str(path)
    assert data["image"] == {"format": "PNG", "width": 480, "height": 360}
    hits = [f for f in data["findings"] if f["label"] in ("ads", "spam")]
    assert hits, data["findings"]
    assert data["decision"]["action"] in FLAGGED
    for f in hits:
        assert f["evidence"]["match"] == QR_URL
        assert _inside(f["locator"]["box"], area)  # on the original image's pixels

    r = tamis("moderate", "image", str(path), "--labels", "ads,spam")
    assert r.returncode == 0, r.stderr
    assert "REVIEW" in r.stdout or "BLOCK" in r.stdout
    assert str(path) in r.stdout and "PNG 480x360" in r.stdout
    assert "box=(" in r.stdout and QR_URL in r.stdout
    assert "text_classifier" not in r.stdout  # --labels dropped the other findings


def test_moderate_image_reads_a_url_written_in_the_image(tmp_path: Path) -> None:
    path, ink = text_image(tmp_path / "banner.png", "Cheap watches at www.spam-deals.com")
    r = tamis("moderate", "image", str(path), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    hits = [f for f in data["findings"] if f["label"] in ("ads", "spam")]
    assert hits, data["findings"]
    assert data["decision"]["action"] in FLAGGED
    x, y, w, h = hits[0]["locator"]["box"]
    left, top, right, bottom = ink
    # The box holds the URL, which sits in the right part of the drawn line.
    assert left - 10 <= x and x + w <= right + 10 and top - 10 <= y and y + h <= bottom + 10
    assert x + w >= (left + right) / 2
    assert "spam-deals.com" in hits[0]["evidence"]["match"]


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (truncated_jpeg, "invalid_input", "truncated or corrupt"),
        (not_an_image, "unsupported_media", "not an image format"),
        (png_bomb, "request_too_large", "decompression bomb"),
    ],
    ids=["truncated-jpeg", "not-an-image", "bomb"],
)
def test_bad_image_files_fail_with_the_typed_error_and_its_hint(
    tmp_path: Path, make: Callable[[Path], Path], code: str, words: str
) -> None:
    path = make(tmp_path / "bad.jpg")
    r = tamis("moderate", "image", str(path))
    assert r.returncode == 65, (r.stdout, r.stderr)
    assert f"error ({code}): {path}: " in r.stderr and words in r.stderr
    assert "hint: " in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_image_limits_come_from_the_settings(tmp_path: Path) -> None:
    path, _ = qr_image(tmp_path / "big.png")
    r = tamis("moderate", "image", str(path), env={"TAMIS_MAX_IMAGE_PIXELS": "10000"})
    assert r.returncode == 65 and "error (request_too_large)" in r.stderr
    assert "480x360" in r.stderr and "hint: " in r.stderr
    r = tamis("moderate", "image", str(path), env={"TAMIS_MAX_BODY_BYTES": "100"})
    assert r.returncode == 65 and "error (request_too_large)" in r.stderr
    assert "TAMIS_MAX_BODY_BYTES" in r.stderr and "Traceback" not in r.stderr
    r = tamis("moderate", "image", str(tmp_path / "missing.png"))
    assert r.returncode == 66 and "error (not_found)" in r.stderr


def test_several_images_the_bad_one_fails_the_command_after_the_others(tmp_path: Path) -> None:
    good = plain_jpeg(tmp_path / "a.jpg")
    bad = truncated_jpeg(tmp_path / "b.jpg")
    r = tamis("moderate", "image", str(good), str(bad), "--json")
    assert r.returncode == 65
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["source"] for row in rows] == [str(good), str(bad)]
    assert rows[0]["modality"] == "image" and rows[0]["image"]["format"] == "JPEG"
    assert rows[1]["error"]["code"] == "invalid_input" and rows[1]["error"]["hint"]
    assert "1 of 2 images failed" in r.stderr and str(bad) in r.stderr


def test_a_policy_without_image_stages_is_warned_about(tmp_path: Path) -> None:
    path, _ = qr_image(tmp_path / "q.png")
    r = tamis("moderate", "image", str(path), "--policy", "comments", "--json")
    assert r.returncode == 0, r.stderr
    assert "warning: policy 'comments' runs no image detector or decoder" in r.stderr
    assert json.loads(r.stdout)["decision"]["action"] == "allow"


def test_scan_mixes_texts_and_images_each_item_once(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "pics").mkdir(parents=True)
    (src / "a.txt").write_text("hello there, nice weather", encoding="utf-8")
    (src / "b.jsonl").write_text(
        json.dumps({"id": "c1", "text": "hello"})
        + "\n"
        + json.dumps({"id": "c2", "text": "visit example dot com"})
        + "\n",
        encoding="utf-8",
    )
    qr, _ = qr_image(src / "pics" / "qr.png")
    photo = plain_jpeg(src / "pics" / "photo.jpeg")
    broken = truncated_jpeg(src / "pics" / "zz-broken.jpg")
    (src / "pics" / "notes.md").write_text("not scanned", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = tamis("scan", str(src), "--out", str(out), "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "items from 5 files" in r.stdout and "Traceback" not in r.stderr
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    # Every item once, in input order (sorted paths, then lines).
    assert [row["source"] for row in rows] == [
        f"{src / 'a.txt'}:1",
        f"{src / 'b.jsonl'}:1",
        f"{src / 'b.jsonl'}:2",
        str(photo),
        str(qr),
        str(broken),
    ]
    by_source = {row["source"]: row for row in rows}
    assert by_source[f"{src / 'a.txt'}:1"]["modality"] == "text"
    assert [by_source[f"{src / 'b.jsonl'}:{n}"]["id"] for n in (1, 2)] == ["c1", "c2"]
    assert by_source[f"{src / 'b.jsonl'}:2"]["decision"]["action"] in FLAGGED
    for image in (photo, qr):
        row = by_source[str(image)]
        assert row["id"] == str(image) and row["modality"] == "image" and "error" not in row
    assert by_source[str(photo)]["image"] == {"format": "JPEG", "width": 320, "height": 240}
    qr_row = by_source[str(qr)]
    assert any(f["label"] in ("ads", "spam") for f in qr_row["findings"])
    assert qr_row["decision"]["action"] in FLAGGED
    err = by_source[str(broken)]["error"]
    assert err["code"] == "invalid_input" and "truncated" in err["message"] and err["hint"]
    assert "error 1" in r.stdout
