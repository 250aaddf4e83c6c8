"""The labelled-text harness (`tamis eval text`) and the identity-term check (`eval fairness`)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from tamis.detectors.base import Detector
from tamis.engine import Engine
from tamis.eval import fairness
from tamis.eval.harness import (
    category_of,
    category_scores,
    evaluate_file,
    lowest_threshold,
    parse_lines,
    read_examples,
)
from tamis.findings import Finding
from tamis.media import Modality, Part
from tamis.policy.model import Policy


class ScriptedDetector(Detector):
    """Findings written in the text: "hate=0.9 spam=0.2"; "boom" makes the detector fail;
    the word "Muslims" scores hate 0.95 (to play a biased classifier)."""

    name = "scripted"
    version = "1"
    modalities = frozenset({Modality.TEXT})
    labels: ClassVar[tuple[str, ...]] = ("hate", "spam")

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out = []
        for part in parts:
            text = str(part.payload)
            if "boom" in text:
                raise RuntimeError("boom")
            found = [
                self.finding(m[1], float(m[2]), part=part)
                for m in re.finditer(r"([a-z/]+)=([0-9.]+)", text)
            ]
            if "Muslims" in text:
                found.append(self.finding("hate", 0.95, part=part))
            out.append(found)
        return out


POLICIES = {
    "scripted": Policy.model_validate(
        {
            "name": "scripted",
            "labels": {"hate": {"review": 0.5, "block": 0.9}, "profanity": {"label": 0.4}},
            "detectors": {"scripted": {}},
        }
    ),
    "lists": Policy.model_validate(
        {"name": "lists", "labels": {"profanity": {"label": 0.5}}, "detectors": {"term_lists": {}}}
    ),
}


@pytest.fixture
def engine() -> Engine:
    return Engine(POLICIES, detectors={"scripted": ScriptedDetector()})


def _write(path: Path, lines: list[str | dict[str, object]]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", "utf-8"
    )
    return path


def test_parse_lines_reports_bad_lines_by_number_and_keeps_the_rest() -> None:
    lines = [
        json.dumps({"text": "ok", "lang": "en", "labels": {"hate": 1, "spam": None}}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": 3, "labels": {"hate": 1}}),
        json.dumps({"text": "x", "labels": {"hate": 2}}),
        json.dumps({"text": "x", "labels": {"nonsense": 1, "spam": 0}}),
        json.dumps({"text": "x", "labels": {"religion": 1}}),
        json.dumps({"text": "x"}),
        json.dumps({"text": "x", "lang": 5, "labels": {"hate": 0}}),
        json.dumps({"text": "x", "labels": {"hate": True}}),
    ]
    examples, problems = parse_lines(lines)
    assert [(e.line, dict(e.labels)) for e in examples] == [
        (1, {"hate": 1}),  # null means unknown: spam is left out
        (7, {"spam": 0}),  # the unknown label is dropped, the line kept
        (11, {"hate": 1}),
    ]
    assert examples[0].lang == "en"
    by_line: dict[int, str] = {}
    for p in problems:
        by_line[p.line] = by_line.get(p.line, "") + p.message + "; "
    assert set(by_line) == {2, 4, 5, 6, 7, 8, 9, 10}
    assert "not valid JSON" in by_line[2]
    assert "0 or 1" in by_line[6]
    assert "not a taxonomy label" in by_line[7]
    assert "protected attribute" in by_line[8] and "no known label" in by_line[8]
    assert "labels" in by_line[9]


def test_read_examples_survives_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "fine", "labels": {"spam": 0}}\n'
        b'{"text": "\xff\xfe", "labels": {"spam": 1}}\n'
        b'{"text": "also fine", "labels": {"spam": 1}}\n'
    )
    examples, problems = read_examples(path)
    assert [e.line for e in examples] == [1, 3]
    assert [(p.line, "UTF-8" in p.message) for p in problems] == [(2, True)]


def test_evaluate_file_hand_computed(tmp_path: Path, engine: Engine) -> None:
    path = _write(
        tmp_path / "set.jsonl",
        [
            {"text": "hate=0.9", "labels": {"hate": 1, "spam": 0}},
            {"text": "hate=0.4", "labels": {"hate": 1}},
            {"text": "hate=0.7", "labels": {"hate": 0}},
            {"text": "nothing here", "labels": {"hate": 0, "spam": 0}},
            "garbage",
            {"text": "boom", "labels": {"hate": 1}},
            {"text": "spam=0.9", "labels": {"spam": 0, "bogus": 1}},
        ],
    )
    report = evaluate_file(path, "scripted", engine=engine, batch_size=2)
    assert list(report.categories) == ["hate", "spam"]  # taxonomy order
    hate = report.categories["hate"]
    # y = 1 1 0 0, s = .9 .4 .7 0: AP = .5 + .5·2/3, AUC = 3/4; at .5: tp 1, fp 1, fn 1.
    assert hate.auprc == pytest.approx(0.5 + 0.5 * 2 / 3)
    assert hate.roc_auc == pytest.approx(0.75)
    assert (hate.precision, hate.recall, hate.f1) == pytest.approx((0.5, 0.5, 0.5))
    assert (hate.threshold, hate.threshold_source) == (0.5, "review")
    assert (hate.n_pos, hate.n) == (2, 4)
    # spam: negatives only -> ranking metrics undefined, not in the macro average.
    spam = report.categories["spam"]
    assert (spam.n_pos, spam.n) == (0, 3)
    assert spam.auprc is None and spam.roc_auc is None and spam.recall is None
    assert spam.precision == 0.0  # one negative flagged at the default 0.5
    assert (spam.threshold, spam.threshold_source) == (0.5, "default")
    assert report.macro_auprc == pytest.approx(hate.auprc)
    assert report.n_items == 5
    lines = [p.line for p in report.problems]
    assert lines == [5, 6, 7]  # malformed, detector failed, unknown label
    assert "detector failed" in report.problems[1].message

    data = report.to_dict()
    assert set(data) == {"categories", "macro_auprc"}
    assert data["categories"]["spam"]["auprc"] is None
    assert set(data["categories"]["hate"]) == {
        "auprc",
        "roc_auc",
        "precision",
        "recall",
        "f1",
        "threshold",
        "n_pos",
        "n",
    }
    json.dumps(data, allow_nan=False)


def test_no_category_with_both_classes_gives_no_macro(tmp_path: Path, engine: Engine) -> None:
    path = _write(tmp_path / "one.jsonl", [{"text": "hate=0.9", "labels": {"hate": 1}}])
    report = evaluate_file(path, "scripted", engine=engine)
    assert report.categories["hate"].auprc == pytest.approx(1.0)
    assert report.categories["hate"].roc_auc is None
    assert report.macro_auprc is None


def test_list_hits_count_for_their_category(tmp_path: Path, engine: Engine) -> None:
    path = _write(
        tmp_path / "lists.jsonl",
        [
            {"text": "what the f*ck is this", "labels": {"profanity": 1}},
            {"text": "Espèce de connard", "labels": {"profanity": 1}},
            {"text": "We drank a cocktail in Scunthorpe.", "labels": {"profanity": 0}},
            {"text": "hello there", "labels": {"profanity": 0}},
        ],
    )
    report = evaluate_file(path, "lists", engine=engine)
    prof = report.categories["profanity"]
    assert prof.auprc == pytest.approx(1.0) and prof.roc_auc == pytest.approx(1.0)
    assert (prof.precision, prof.recall) == (1.0, 1.0)


def test_category_mapping_of_findings() -> None:
    hit = Finding("term_lists", "1", "list:mine", 0.9, evidence={"category": "sexual"})
    bare = Finding("term_lists", "1", "list:other", 1.0, evidence={"kind": "block"})
    odd = Finding("term_lists", "1", "list:odd", 1.0, evidence={"category": "not-a-label"})
    ads = Finding("ads_spam", "1", "ads", 0.6)
    assert [category_of(f) for f in (hit, bare, odd, ads)] == ["sexual", None, None, "ads"]
    more_ads = Finding("ads_spam", "1", "ads", 0.8)
    assert category_scores([hit, bare, ads, more_ads]) == {"sexual": 0.9, "ads": 0.8}


def test_lowest_threshold_names_its_source() -> None:
    pol = POLICIES["scripted"]
    assert lowest_threshold(pol, "hate") == (0.5, "review")
    assert lowest_threshold(pol, "profanity") == (0.4, "label")
    assert lowest_threshold(pol, "violence") == (0.5, "default")


def test_cli_json_is_exactly_one_object(tmp_path: Path) -> None:
    from tamis.cli.main import app

    path = _write(
        tmp_path / "cli.jsonl",
        [
            {"text": "what the f*ck", "labels": {"profanity": 1, "ads": 0}},
            {"text": "mail deals at gmail dot com", "labels": {"profanity": 0, "ads": 1}},
            {"text": "hello there, see you tomorrow", "labels": {"profanity": 0, "ads": 0}},
            "{broken",
        ],
    )
    result = CliRunner().invoke(app, ["eval", "text", str(path), "--json", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"categories", "macro_auprc"}
    assert set(data["categories"]) == {"ads", "profanity"}
    assert data["categories"]["profanity"]["threshold"] == 0.5
    assert f"{path}:4:" in result.stderr
    table = CliRunner().invoke(app, ["eval", "text", str(path)])
    assert table.exit_code == 0 and "macro AUPRC" in table.stdout


def test_statements_fill_every_group_in_every_language() -> None:
    axes = {g.axis for g in fairness.GROUPS}
    assert axes >= {
        "nationality",
        "religion",
        "ethnicity",
        "sexual_orientation",
        "gender",
        "disability",
        "age",
    }
    ids = [g.id for g in fairness.GROUPS]
    assert len(ids) == len(set(ids)) == len(fairness.EN) == len(fairness.FR) == len(fairness.ZH)
    items = fairness.statements()
    for st in items:
        assert "{" not in st.text and "}" not in st.text and "=" not in st.text, st
    per = {(s.group, s.lang) for s in items}
    assert per == {(g, lang) for g in ids for lang in ("en", "fr", "zh")}
    texts = {s.text for s in items}
    assert {
        "I am a Muslim.",
        "Je suis musulman.",
        "Les personnes sourdes méritent le respect.",
    } <= texts
    assert "我是维吾尔族人。" in texts and "Deaf people deserve respect." in texts


def test_fairness_finds_the_group_a_biased_detector_flags(engine: Engine) -> None:
    report = fairness.run_fairness("scripted", engine=engine, langs=["en"])
    muslim = report.groups["muslim"]
    assert muslim.total.flagged > 0 and muslim.by_lang["en"].fpr is not None
    assert all(g.total.flagged == 0 for k, g in report.groups.items() if k != "muslim")
    flagged = {f.statement.text: f.reasons for f in report.flagged}
    assert flagged["Muslims deserve respect."] == ("decision:block", "hate>=0.5")
    data = report.to_dict()
    assert data["groups"]["muslim"]["axis"] == "religion"
    assert data["overall"]["flagged"] == muslim.total.flagged


def test_shipped_term_lists_flag_no_identity_statement(engine: Engine) -> None:
    report = fairness.run_fairness("lists", engine=engine)
    assert report.overall.n == len(fairness.statements())
    assert [f.statement.text for f in report.flagged] == []


def test_cli_fairness_json() -> None:
    from tamis.cli.main import app

    result = CliRunner().invoke(app, ["eval", "fairness", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"policy", "overall", "groups", "flagged"} <= set(data)
    assert data["groups"]["people"]["axis"] == "control"
