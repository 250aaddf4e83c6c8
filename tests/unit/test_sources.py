from __future__ import annotations

from pathlib import Path

import pytest

from tamis.batch.sources import iter_paths, read_records
from tamis.errors import MalformedRecord, NotFound, UnsupportedMedia


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
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_paths(tmp_path)] == ["a.txt", "b.jsonl"]
    with pytest.raises(NotFound):
        list(iter_paths(tmp_path / "missing"))
    with pytest.raises(UnsupportedMedia):
        list(read_records(tmp_path / "skip.png"))
