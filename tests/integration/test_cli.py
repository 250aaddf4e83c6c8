"""The `tamis` command, run as a user runs it: the installed console script, a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TAMIS = shutil.which("tamis", path=str(Path(sys.executable).parent)) or "tamis"


def tamis(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [TAMIS, *args],
        capture_output=True,
        text=True,
        input=input,
        env=env,
        timeout=120,
        check=False,
    )


def test_moderate_text_json_is_the_documented_shape() -> None:
    r = tamis("moderate", "text", "ｆｒｅｅ p0rn, mail deals at gmail dot com", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {
        "id",
        "modality",
        "decision",
        "findings",
        "failures",
        "languages",
        "timings_ms",
    }
    labels = {f["label"] for f in data["findings"]}
    assert "list:sexual" in labels and "ads" in labels
    assert data["decision"]["action"] == "block"
    text = "ｆｒｅｅ p0rn, mail deals at gmail dot com"
    for f in data["findings"]:
        a, b = f["locator"]["char_span"]
        assert 0 <= a < b <= len(text)


FLAGGED = {"review", "block"}  # the rules ask for review; classifiers may ask for more


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("what the f*ck is this sh1t", FLAGGED),
        ("加我薇信 abc12345 看片", FLAGGED),
        ("你这个傻.逼", FLAGGED),
        ("Espèce de c0nnard", FLAGGED),
        ("We had a cocktail in Scunthorpe; the assassin ordered shiitake.", {"allow"}),
    ],
)
def test_moderate_text_in_three_languages(text: str, actions: set[str]) -> None:
    r = tamis("moderate", "text", text, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["decision"]["action"] in actions
    if actions == FLAGGED:  # the evasion itself is caught by the rules, whatever else fires
        assert any(f["detector"] in ("term_lists", "ads_spam") for f in data["findings"])


def test_human_output_and_stdin() -> None:
    r = tamis("moderate", "text", "-", input="what the fuck")
    assert r.returncode == 0, r.stderr
    assert "REVIEW" in r.stdout and "list:profanity" in r.stdout


def test_errors_are_one_line_with_a_hint_and_exit_codes() -> None:
    r = tamis("moderate", "text", "hi", "--policy", "nope")
    assert r.returncode == 66
    assert "error (not_found): no policy named 'nope'" in r.stderr
    assert "hint:" in r.stderr and "Traceback" not in r.stderr
    r = tamis("moderate", "text", "hi", "--labels", "religion")
    assert r.returncode == 77 and "does not infer religion" in r.stderr
    r = tamis("labels", "sexual orientation")
    assert r.returncode == 77 and "refused_by_design" in r.stderr
    r = tamis("moderate", "text")
    assert r.returncode == 2 and "Missing argument" in r.stderr


def test_moderate_file_reports_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"text": "fuck"}\nbroken\n{"text": "fine"}\n')
    r = tamis("moderate", "file", str(p), "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row.get("decision", {}).get("action") in FLAGGED for row in rows[:1]] == [True]
    assert [row.get("decision", {}).get("action") for row in rows[1:]] == [None, "allow"]
    assert rows[1]["error"]["code"] == "malformed_record" and rows[1]["source"].endswith(":2")


def test_scan_folder_with_progress_and_workers(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    lines = [
        json.dumps({"id": f"i{i}", "text": t})
        for i, t in enumerate(["hello", "f*ck you", "visit example dot com", "傻逼"] * 150)
    ]
    (src / "a.jsonl").write_text("\n".join(lines[:300]) + "\nnot json\n", encoding="utf-8")
    (src / "b.jsonl").write_text("\n".join(lines[300:]) + "\n", encoding="utf-8")
    (src / "c.csv").write_bytes(b'text\nhello\n"unterminated\n')
    out = tmp_path / "out.jsonl"
    r = tamis("scan", str(src), "--out", str(out), "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "scan" in r.stdout and "items from 3 files" in r.stdout
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    ids = [row["id"] for row in rows if "error" not in row]
    assert ids[:600] == [f"i{i}" for i in range(600)]  # input order is kept
    assert sum("error" in row for row in rows) == 1
    actions = [row["decision"]["action"] for row in rows[:4]]
    assert actions == ["allow", "review", "review", "review"]


def test_lists_edit_cycle(tamis_home: Path) -> None:
    assert tamis("lists", "create", "brand", "--kind", "review", "--label", "spam").returncode == 0
    assert tamis("lists", "add", "brand", "zorglub", "--lang", "fr").returncode == 0
    r = tamis("moderate", "text", "buy ZORGLUB now", "--json")
    assert json.loads(r.stdout)["decision"]["action"] == "review"
    assert (tamis_home / "lists" / "brand.yaml").is_file()
    r = tamis("lists", "test", "z.o.r.g.l.u.b")
    assert "brand (review) term 'zorglub'" in r.stdout
    assert tamis("lists", "remove", "brand", "zorglub").returncode == 0
    r = tamis("moderate", "text", "buy ZORGLUB now", "--json")
    assert json.loads(r.stdout)["decision"]["action"] == "allow"
    r = tamis("lists", "show", "--json")
    assert {"profanity", "sexual", "allow-common", "brand"} <= set(json.loads(r.stdout))


def test_policy_check(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("name: forum\nlabels:\n  spam: {review: 0.5}\n", encoding="utf-8")
    r = tamis("policy", "check", str(good))
    assert r.returncode == 0 and "ok: policy 'forum'" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: forum\nlabels:\n  spam: {review: 0.9, block: 0.2}\n", encoding="utf-8")
    r = tamis("policy", "check", str(bad))
    assert r.returncode == 78
    assert "bad.yaml, key 'labels.spam'" in r.stderr and "below" in r.stderr


def test_demo_prints_what_to_do_next() -> None:
    r = tamis("demo")
    assert r.returncode == 0, r.stderr
    assert "Next:" in r.stdout and "BLOCK" in r.stdout and "ALLOW" in r.stdout
