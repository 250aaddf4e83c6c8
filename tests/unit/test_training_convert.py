"""training/convert.py on fixture rows in each source's format, and (when ../shared/data is
present) on the real files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from training import convert

from tamis.eval.harness import parse_lines

README = """# Public labelled data

| folder | modality | items here | labels | train shipped models? |
|---|---|---|---|---|
| `davidson_hate_offensive` | text | 5 | x | yes (MIT) |
| `mlma_hate_fr` | text | 6 | x | yes (MIT) |
| `cold_zh` | text | 4 | x | yes (Apache-2.0) |
| `sms_spam_uci` | text | 5 | x | yes (free use) |
| `sms_spam_multilingual_mt` | text | 2 | x | evaluation only (no data licence) |
| `tg_spam_zh` | text | 4 | x | evaluation only (GPL-3.0 repository) |
"""

SOURCES = {
    "davidson_hate_offensive": "License as stated: MIT",
    "mlma_hate_fr": "License as stated: MIT",
    "cold_zh": "License as stated: Apache License 2.0",
    "sms_spam_uci": "Almeida & Gómez Hidalgo hold the copyright",
    "sms_spam_multilingual_mt": "the repo is MIT; no license is stated for the data",
    "tg_spam_zh": "License as stated: repo is GPL-3.0",
}


def _train_text(prefix: str) -> str:
    """A text that the hash split puts in train (found deterministically)."""
    return next(
        f"{prefix} {i}" for i in range(1000) if convert.hash_split(f"{prefix} {i}") == "train"
    )


def _fixture(root: Path, readme: str = README) -> Path:
    data = root / "data"
    for name, source in SOURCES.items():
        (data / name).mkdir(parents=True)
        (data / name / "SOURCE.md").write_text(f"# {name}\n- {source}\n", "utf-8")
    (data / "README.md").write_text(readme, "utf-8")
    (data / "davidson_hate_offensive" / "data").mkdir()
    (data / "davidson_hate_offensive" / "data" / "labeled_data.csv").write_text(
        ",count,hate_speech,offensive_language,neither,class,tweet\n"
        "0,3,2,1,0,0,those people are vermin\n"
        "1,3,0,3,0,1,RT @a: shut up &amp; go away bitch\n"
        "2,3,0,0,3,2,lovely weather today\n"
        "3,3,0,0,3,7,bad class row\n"
        '4,3,0,0,3,2,"  lovely weather today  "\n',
        "utf-8",
    )
    (data / "mlma_hate_fr" / "fr_dataset.csv").write_text(
        "HITId,tweet,sentiment,directness,annotator_sentiment,target,group\n"
        "1,bonne journée à tous,normal,indirect,indifference,other,other\n"
        "2,ces gens-là sont des parasites,hateful,direct,anger,origin,arabs\n"
        "3,@user t'es un abruti,offensive,direct,anger,other,individual\n"
        "4,@user espèce de mongol,abusive_normal,direct,anger,disability,individual\n"
        "5,j'ai peur des migrants,fearful,indirect,fear,origin,immigrants\n"
        "6,la gauche ment toujours,disrespectful,indirect,anger,other,left_wing_people\n",
        "utf-8",
    )
    (data / "cold_zh" / "dev.csv").write_text(
        "\ufeff,split,topic,label,TEXT\n"
        "10,train,race,1,某族人都是坏人\n"
        "11,dev,region,1,那个省的人都是骗子\n"
        "12,dev,gender,0,男女都应该平等\n"
        "13,dev,planets,0,未知话题\n",
        "utf-8",
    )
    leaked = _train_text("WIN a prize now, call")
    (data / "sms_spam_uci" / "SMSSpamCollection").write_text(
        f"ham\tsee you at lunch\nspam\t{leaked}\nham\tok lar\nspam\tok lar\nbogus line",
        "utf-8",
    )
    (data / "sms_spam_multilingual_mt" / "data-en-hi-de-fr.csv").write_text(
        "labels,text,text_hi,text_de,text_fr\n"
        f'spam,"{leaked}",इनाम जीतें,Gewinnen Sie,Gagnez un prix\n'
        "ham,are you home?,क्या तुम घर हो?,Bist du zu Hause?,Tu es à la maison ?\n",
        "utf-8",
    )
    (data / "tg_spam_zh" / "train.csv").write_text(
        "\ufefftarget,input\n1,加V看片 123456\n0,今天吃什么\n0,今天吃什么\n1,今天吃什么\n0, \n",
        "utf-8",
    )
    return data


def _rows(out: Path, name: str) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(out.glob(f"{name}.*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines())
    return rows


def _by_text(out: Path, name: str) -> dict[str, dict[str, Any]]:
    return {r["text"]: r for r in _rows(out, name)}


@pytest.fixture
def converted(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "out"
    manifest = convert.convert_all(_fixture(tmp_path), out)
    return out, manifest


def test_davidson_mapping(converted: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = converted
    rows = _by_text(out, "davidson_hate_offensive")
    assert rows["those people are vermin"]["labels"] == {"hate": 1}
    # HTML entities are decoded; offensive language is profanity, not hate.
    assert rows["RT @a: shut up & go away bitch"]["labels"] == {"hate": 0, "profanity": 1}
    assert rows["lovely weather today"]["labels"] == {"hate": 0, "profanity": 0, "harassment": 0}
    assert rows["lovely weather today"]["meta"]["votes"] == {
        "hate": "0",
        "offensive": "0",
        "neither": "3",
    }
    meta = manifest["sets"]["davidson_hate_offensive"]
    assert meta["dropped"] == {"duplicate": 1, "unparseable": 1}
    assert meta["trainable"] is True and meta["licence_checked_in_source_md"] is True
    for r in rows.values():
        assert r["split"] == convert.hash_split(r["text"]) and r["lang"] == "en"


def test_mlma_mapping(converted: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = converted
    rows = _by_text(out, "mlma_hate_fr")
    assert rows["bonne journée à tous"]["labels"] == {"hate": 0, "harassment": 0}
    assert rows["ces gens-là sont des parasites"]["labels"] == {"hate": 1}
    assert rows["@user t'es un abruti"]["labels"] == {"harassment": 1}
    assert rows["@user espèce de mongol"]["labels"] == {"hate": 1, "harassment": 1}
    # fearful alone decides nothing; hostility about "other" targets decides nothing either.
    assert "j'ai peur des migrants" not in rows
    assert "la gauche ment toujours" not in rows
    assert manifest["sets"]["mlma_hate_fr"]["dropped"] == {"no label decided": 2}


def test_cold_keeps_its_own_split(converted: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = converted
    rows = _by_text(out, "cold_zh")
    assert rows["某族人都是坏人"] | {"meta": None} == {
        "id": "cold:10",
        "text": "某族人都是坏人",
        "lang": "zh",
        "labels": {"hate": 1},
        "split": "train",
        "meta": None,
    }
    assert rows["那个省的人都是骗子"]["labels"] == {"hate": 1}
    assert rows["那个省的人都是骗子"]["meta"]["topic"] == "region"
    assert rows["男女都应该平等"]["labels"] == {"hate": 0, "harassment": 0}
    assert rows["男女都应该平等"]["split"] == "dev"
    assert "未知话题" not in rows
    assert set(manifest["sets"]["cold_zh"]["splits"]) == {"train", "dev"}


def test_sms_uci_spam_is_spam_and_ads_and_conflicts_are_dropped(
    converted: tuple[Path, dict[str, Any]],
) -> None:
    out, manifest = converted
    rows = _by_text(out, "sms_spam_uci")
    assert rows["see you at lunch"]["labels"] == {"spam": 0, "ads": 0}
    spam = next(r for t, r in rows.items() if t.startswith("WIN"))
    assert spam["labels"] == {"spam": 1, "ads": 1} and spam["split"] == "train"
    assert "ok lar" not in rows  # the same text labelled ham and spam
    assert manifest["sets"]["sms_spam_uci"]["dropped"] == {
        "duplicate with other labels": 2,
        "unparseable": 1,
    }


def test_evaluation_only_sets_never_get_a_train_split(
    converted: tuple[Path, dict[str, Any]],
) -> None:
    out, manifest = converted
    for name in ("sms_spam_multilingual_mt", "tg_spam_zh"):
        meta = manifest["sets"][name]
        assert meta["trainable"] is False and meta["use"] == "evaluation only"
        assert set(meta["splits"]) == {"eval"}
        assert sorted(p.name for p in out.glob(f"{name}.*.jsonl")) == [f"{name}.eval.jsonl"]
        assert {r["split"] for r in _rows(out, name)} == {"eval"}
    with pytest.raises(convert.LicenceError, match="evaluation only"):
        convert.write_split(out, "tg_spam_zh", "train", [], trainable=False)


def test_multilingual_rows_leave_out_training_texts_in_every_language(
    converted: tuple[Path, dict[str, Any]],
) -> None:
    out, manifest = converted
    rows = _rows(out, "sms_spam_multilingual_mt")
    assert sorted(r["lang"] for r in rows) == ["de", "en", "fr", "hi"]
    assert {r["labels"]["spam"] for r in rows} == {0}
    assert not any("Gagnez" in r["text"] for r in rows)
    meta = manifest["sets"]["sms_spam_multilingual_mt"]
    assert meta["dropped"] == {"overlaps sms_spam_uci train split": 4}


def test_tg_spam_rows(converted: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = converted
    rows = _by_text(out, "tg_spam_zh")
    assert rows == {"加V看片 123456": rows["加V看片 123456"]}
    assert rows["加V看片 123456"]["labels"] == {"spam": 1, "ads": 1}
    assert manifest["sets"]["tg_spam_zh"]["dropped"] == {
        "duplicate with other labels": 3,
        "empty text": 1,
    }


def test_readme_can_only_restrict_training_use(tmp_path: Path) -> None:
    readme = README.replace("| yes (MIT) |\n| `mlma", "| evaluation only |\n| `mlma")
    out = tmp_path / "out"
    manifest = convert.convert_all(
        _fixture(tmp_path, readme), out, ["davidson_hate_offensive", "tg_spam_zh"]
    )
    assert manifest["sets"]["davidson_hate_offensive"]["trainable"] is False
    assert set(manifest["sets"]["davidson_hate_offensive"]["splits"]) == {"eval"}
    assert set(manifest["sets"]) == {"davidson_hate_offensive", "tg_spam_zh"}


def test_output_is_what_the_harness_reads(converted: tuple[Path, dict[str, Any]]) -> None:
    out, _ = converted
    for path in out.glob("*.jsonl"):
        examples, problems = parse_lines(path.read_text("utf-8").splitlines())
        assert problems == [], path
        assert examples, path


def test_hash_split_is_stable_and_near_80_10_10() -> None:
    assert convert.hash_split("hello") == convert.hash_split("hello")
    counts = Counter(convert.hash_split(f"item number {i}") for i in range(20_000))
    assert abs(counts["train"] / 20_000 - 0.8) < 0.02
    assert abs(counts["dev"] / 20_000 - 0.1) < 0.02
    assert abs(counts["test"] / 20_000 - 0.1) < 0.02


def test_cli_writes_the_files_and_rewrites_stale_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _fixture(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "tg_spam_zh.train.jsonl").write_text("stale\n", "utf-8")
    assert convert.main(["--data", str(data), "--out", str(out), "--sets", "tg_spam_zh"]) == 0
    assert not (out / "tg_spam_zh.train.jsonl").exists()
    assert (out / "tg_spam_zh.eval.jsonl").is_file()
    assert json.loads((out / "tg_spam_zh.meta.json").read_text("utf-8"))["trainable"] is False
    assert "tg_spam_zh: evaluation only" in capsys.readouterr().out
    assert convert.main(["--data", str(data), "--out", str(out), "--sets", "nope"]) == 1


@pytest.mark.data
def test_real_sets_convert_with_plausible_counts_and_balance(
    shared_data: Path, tmp_path: Path
) -> None:
    manifest = convert.convert_all(shared_data, tmp_path)["sets"]

    def total(name: str) -> int:
        return sum(s["n"] for s in manifest[name]["splits"].values())

    def rate(name: str, label: str) -> float:
        pos = sum(s["labels"][label]["pos"] for s in manifest[name]["splits"].values())
        neg = sum(s["labels"][label]["neg"] for s in manifest[name]["splits"].values())
        return pos / (pos + neg)

    expected_use = {
        "davidson_hate_offensive": True,
        "mlma_hate_fr": True,
        "cold_zh": True,
        "sms_spam_uci": True,
        "sms_spam_multilingual_mt": False,
        "tg_spam_zh": False,
    }
    for name, trainable in expected_use.items():
        assert manifest[name]["trainable"] is trainable, name
        assert manifest[name]["licence_checked_in_source_md"] is True, name
        assert ("train" in manifest[name]["splits"]) is trainable, name

    assert 18_000 < total("davidson_hate_offensive") < 25_000
    assert 0.03 < rate("davidson_hate_offensive", "hate") < 0.10  # ~6 % hate speech
    assert 0.70 < rate("davidson_hate_offensive", "profanity") < 0.90
    train = manifest["davidson_hate_offensive"]["splits"]["train"]["n"]
    assert 0.77 < train / total("davidson_hate_offensive") < 0.83

    assert 1_500 < total("mlma_hate_fr") < 4_100
    assert 0.5 < rate("mlma_hate_fr", "hate") < 0.85
    assert 5_000 < total("cold_zh") < 7_000
    assert 0.4 < rate("cold_zh", "hate") < 0.6
    assert set(manifest["cold_zh"]["splits"]) == {"train", "dev"}

    assert 3_000 < total("sms_spam_uci") < 5_600
    assert 0.08 < rate("sms_spam_uci", "spam") < 0.2
    assert rate("sms_spam_uci", "ads") == rate("sms_spam_uci", "spam")
    assert 1_000 < total("sms_spam_multilingual_mt") < 4 * 5_600
    assert 0.08 < rate("sms_spam_multilingual_mt", "spam") < 0.2
    assert manifest["sms_spam_multilingual_mt"]["dropped"]["overlaps sms_spam_uci train split"]
    assert 10_000 < total("tg_spam_zh") < 20_000
    assert 0.35 < rate("tg_spam_zh", "spam") < 0.65
