from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from tamis.batch.local import _chunks
from tamis.batch.sources import Record, iter_paths, read_image, read_records
from tamis.config import Settings
from tamis.errors import MalformedRecord, NotFound, RequestTooLarge, UnsupportedMedia
from tamis.media import Modality


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_bytes(
        b'{"id": "a", "text": "hello"}\n'
        b"not json\n"
        b"\n"
        b'{"text": 5}\n'
        b'{"text": "caf\xe9"}\n'
        b'["text"]\n'
        b'{"text": "last"}'
    )
    recs = list(read_records(p))
    assert [r.text for r in recs if r.error is None] == ["hello", "last"]
    errors = {r.source.rsplit(":", 1)[1]: r.error for r in recs if r.error}
    assert set(errors) == {"2", "4", "5", "6"}
    assert "not JSON" in str(errors["2"])
    assert "UTF-8" in str(errors["5"])
    assert recs[0].id == "a" and recs[-1].id.endswith(":7")


def test_csv_with_column_and_broken_rows(tmp_path: Path) -> None:
    p = tmp_path / "in.csv"
    p.write_bytes(b'id,body\n1,"hello, world"\n2\n3,"multi\nline"\n4,caf\xe9\n5,ok\n')
    recs = list(read_records(p, column="body"))
    good = [(r.id, r.text) for r in recs if r.error is None]
    assert good == [("1", "hello, world"), ("3", "multi\nline"), ("5", "ok")]
    bad = [r for r in recs if r.error]
    assert len(bad) == 2 and "fields" in str(bad[0].error) and "UTF-8" in str(bad[1].error)
    with pytest.raises(MalformedRecord, match="no column 'text'"):
        list(read_records(p))


def test_txt_whole_or_by_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("line one\n\nline two\n", encoding="utf-8")
    assert [r.text for r in read_records(p)] == ["line one\n\nline two\n"]
    assert [r.text for r in read_records(p, lines=True)] == ["line one", "line two"]


def test_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.PNG").write_bytes(b"\x89PNG")
    (tmp_path / "skip.svg").write_bytes(b"<svg/>")
    assert [p.name for p in iter_paths(tmp_path)] == ["a.txt", "c.PNG", "b.jsonl"]
    with pytest.raises(NotFound):
        list(iter_paths(tmp_path / "missing"))
    with pytest.raises(UnsupportedMedia):
        list(read_records(tmp_path / "skip.svg"))


def test_an_image_is_one_record_carrying_its_path_not_its_bytes(tmp_path: Path) -> None:
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8" + b"x" * 998)
    [rec] = read_records(p)
    assert (rec.id, rec.source, rec.image, rec.text) == (str(p), str(p), str(p), None)
    assert rec.nbytes == 1000 and rec.ready and rec.error is None


def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (10, 200, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_read_image_probes_as_the_api_does(tmp_path: Path) -> None:
    settings = Settings.from_env()
    p = tmp_path / "a.png"
    p.write_bytes(_png(30, 20))
    media = read_image(p, settings)
    assert media.modality is Modality.IMAGE and media.id == str(p) and media.mime == "image/png"
    assert media.data == p.read_bytes()
    assert media.meta["image"] == {"format": "PNG", "width": 30, "height": 20}
    with pytest.raises(RequestTooLarge, match="bytes"):
        read_image(p, replace(settings, max_body_bytes=10))
    with pytest.raises(RequestTooLarge, match="pixels"):
        read_image(p, replace(settings, max_image_pixels=100))
    bad = tmp_path / "b.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(UnsupportedMedia):
        read_image(bad, settings)
    with pytest.raises(NotFound):
        read_image(tmp_path / "gone.png", settings)


def test_chunks_hold_few_images_and_keep_order(tmp_path: Path) -> None:
    recs = [Record(f"t{i}", f"t{i}", text="x") for i in range(5)]
    recs += [Record(f"i{i}", f"i{i}", image=f"i{i}.png") for i in range(6)]
    recs += [Record("t5", "t5", text="y")]
    chunks = list(_chunks(recs, 100, max_images=4))
    assert [r for c in chunks for r in c] == recs
    assert [sum(r.image is not None for r in c) for c in chunks] == [4, 2]
    assert all(len(c) <= 3 for c in _chunks(recs, 3, max_images=4))
