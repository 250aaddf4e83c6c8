"""Convert the public labelled text sets in ../shared/data to tamis JSON lines.

    python -m training.convert --out training/data [--data ../shared/data] [--sets a,b]

writes ``<out>/<set>.<split>.jsonl`` (one item a line, the format `tamis eval text` reads),
``<out>/<set>.meta.json`` and ``<out>/manifest.json``. Each line::

    {"id": "...", "text": "...", "lang": "en", "labels": {"hate": 1, "profanity": 0},
     "split": "train", "meta": {...source fields...}}

A label that a source does not decide is left out (unknown), never guessed as 0. The label
mapping and its reasons are in training/README.md.

Splits: the source's own split when it has one, otherwise 80/10/10 train/dev/test from the
SHA-1 of the text (so a duplicated text always lands in the same split). Sets whose data may
not be used for training (GPL or no licence) get a single ``eval`` split and never a ``train``
file: `write_split` refuses it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "training" / "data"
MAPPING_VERSION = 1
TRAIN_SPLITS = ("train", "dev", "test")
EVAL_SPLIT = "eval"

csv.field_size_limit(10_000_000)


class LicenceError(Exception):
    """A training split was asked for a set whose licence allows evaluation only."""


@dataclass
class Row:
    id: str
    text: str
    lang: str
    labels: dict[str, int]
    split: str | None = None  # the source's own split, if it has one
    meta: dict[str, Any] = field(default_factory=dict)
    exclude: str | None = None  # why the row must not be written (counted in the metadata)


Reader = Callable[[Path, Path], Iterator[Row]]  # (set folder, data folder) -> rows


@dataclass(frozen=True)
class SetSpec:
    name: str  # = its folder under ../shared/data
    files: tuple[str, ...]  # relative to the folder; all must exist
    licence: str
    licence_marker: str  # text SOURCE.md must contain for the licence to count as checked
    trainable: bool  # what this converter allows; README.md may only restrict it further
    cite: str
    reader: Reader


def hash_split(text: str) -> str:
    """80/10/10 train/dev/test from the SHA-1 of the UTF-8 text."""
    bucket = int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") % 10
    return "train" if bucket < 8 else ("dev" if bucket == 8 else "test")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with a header (a UTF-8 BOM is dropped), numbered from 2."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from enumerate(csv.DictReader(fh), 2)


# -- davidson_hate_offensive ----------------------------------------------------------------

DAVIDSON_CLASSES = {"0": "hate", "1": "offensive", "2": "neither"}


def davidson_labels(cls: str) -> dict[str, int]:
    """Majority class -> labels. Hate speech is `hate`; "offensive language" (mostly casual
    swearing and vulgar slang, not hate by the majority) is `profanity` and not `hate`;
    "neither" is none of hate/profanity/harassment. Labels the coders were not asked about
    stay unknown (profanity of hate tweets, harassment of hate and offensive tweets)."""
    name = DAVIDSON_CLASSES[cls]
    if name == "hate":
        return {"hate": 1}
    if name == "offensive":
        return {"hate": 0, "profanity": 1}
    return {"hate": 0, "profanity": 0, "harassment": 0}


def read_davidson(folder: Path, data: Path) -> Iterator[Row]:
    for n, r in _csv_rows(folder / "data" / "labeled_data.csv"):
        cls = r.get("class", "")
        if cls not in DAVIDSON_CLASSES:
            yield Row(f"davidson:{n}", "", "en", {}, exclude="unparseable")
            continue
        votes = {
            "hate": r.get("hate_speech"),
            "offensive": r.get("offensive_language"),
            "neither": r.get("neither"),
        }
        yield Row(
            id=f"davidson:{r.get('') or n}",
            text=html.unescape(r.get("tweet") or ""),
            lang="en",
            labels=davidson_labels(cls),
            meta={"class": DAVIDSON_CLASSES[cls], "votes": votes},
        )


# -- mlma_hate_fr -----------------------------------------------------------------------------

MLMA_HOSTILE = frozenset({"abusive", "offensive", "hateful", "disrespectful"})
MLMA_PROTECTED_TARGETS = frozenset(
    {"origin", "religion", "gender", "sexual_orientation", "disability"}
)


def mlma_labels(sentiment: str, target: str, group: str) -> dict[str, int]:
    """Hostility type(s), target characteristic and targeted group -> labels.

    * single-label ``normal`` (upstream's non-toxic class): hate 0, harassment 0;
    * hostile (abusive/offensive/hateful/disrespectful among the types) and the target is a
      protected characteristic: hate 1 — it attacks people for origin, religion, gender,
      orientation or disability; target ``other`` leaves hate unknown;
    * hostile and aimed at an ``individual``: harassment 1; aimed at a group: unknown;
    * ``fearful`` alone (or with ``normal``): both unknown — fear of a group is not clearly an
      attack, and annotators who chose ``normal`` disagree.
    """
    types = set(sentiment.split("_"))
    if types == {"normal"}:
        return {"hate": 0, "harassment": 0}
    labels: dict[str, int] = {}
    if types & MLMA_HOSTILE:
        if target in MLMA_PROTECTED_TARGETS:
            labels["hate"] = 1
        if group == "individual":
            labels["harassment"] = 1
    return labels


def read_mlma(folder: Path, data: Path) -> Iterator[Row]:
    for n, r in _csv_rows(folder / "fr_dataset.csv"):
        sentiment = (r.get("sentiment") or "").strip()
        target = (r.get("target") or "").strip()
        group = (r.get("group") or "").strip()
        labels = mlma_labels(sentiment, target, group) if sentiment else {}
        yield Row(
            id=f"mlma_fr:{r.get('HITId') or n}",
            text=r.get("tweet") or "",
            lang="fr",
            labels=labels,
            meta={
                "sentiment": sentiment,
                "directness": r.get("directness"),
                "target": target,
                "group": group,
            },
            exclude=None if labels else "no label decided",
        )


# -- cold_zh ------------------------------------------------------------------------------------

COLD_TOPICS = frozenset({"race", "gender", "region"})


def cold_labels(label: str, topic: str) -> dict[str, int]:
    """COLD offensive (1) / safe (0) on race, gender or region topics -> labels.

    Offensive text in COLD is bias-driven abuse of a group: race and gender are protected
    characteristics, and regional discrimination (地域黑: attacks on people for the province or
    city they come from) is treated as origin-based, so all three give hate 1. Whether an
    offensive item insults a particular person is not in the dev file (only test has a
    fine-grained label), so harassment stays unknown for offensive items. Safe items are
    neither hate nor harassment.
    """
    if label == "1":
        return {"hate": 1}
    return {"hate": 0, "harassment": 0}


def read_cold(folder: Path, data: Path) -> Iterator[Row]:
    for n, r in _csv_rows(folder / "dev.csv"):
        label = (r.get("label") or "").strip()
        topic = (r.get("topic") or "").strip()
        split = (r.get("split") or "").strip() or None
        ok = label in {"0", "1"} and topic in COLD_TOPICS
        yield Row(
            id=f"cold:{r.get('') or n}",
            text=r.get("TEXT") or "",
            lang="zh",
            labels=cold_labels(label, topic) if ok else {},
            split=split if split in TRAIN_SPLITS else None,
            meta={"topic": topic, "source_split": split},
            exclude=None if ok else "unparseable",
        )


# -- SMS spam ---------------------------------------------------------------------------------


def spam_labels(is_spam: bool) -> dict[str, int]:
    """SMS/Telegram spam -> spam and ads. The spam of these sets is unsolicited commercial
    solicitation (prizes and premium numbers, ringtones, loans, dating and gambling lines,
    contact IDs), which is what `ads` means; ham/normal messages are neither."""
    v = int(is_spam)
    return {"spam": v, "ads": v}


def _uci_pairs(path: Path) -> Iterator[tuple[int, str, str]]:
    for n, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        if not line.strip():
            continue
        label, sep, text = line.partition("\t")
        yield n, (label.strip() if sep else ""), text


def read_sms_uci(folder: Path, data: Path) -> Iterator[Row]:
    for n, label, text in _uci_pairs(folder / "SMSSpamCollection"):
        ok = label in {"ham", "spam"}
        yield Row(
            id=f"sms_uci:{n}",
            text=text,
            lang="en",
            labels=spam_labels(label == "spam") if ok else {},
            exclude=None if ok else "unparseable",
        )


def _uci_training_texts(data: Path) -> set[str]:
    """The texts sms_spam_uci puts in its train split (empty when the set is absent)."""
    path = data / "sms_spam_uci" / "SMSSpamCollection"
    if not path.is_file():
        return set()
    texts = (text.strip() for _, label, text in _uci_pairs(path) if label in {"ham", "spam"})
    return {t for t in texts if t and hash_split(t) == "train"}


MULTILINGUAL_COLUMNS = {"en": "text", "hi": "text_hi", "de": "text_de", "fr": "text_fr"}


def read_sms_multilingual(folder: Path, data: Path) -> Iterator[Row]:
    """One item per language column. A row whose English text is in sms_spam_uci's train
    split is left out in every language (its translations would leak training text)."""
    uci_train = _uci_training_texts(data)
    for n, r in _csv_rows(folder / "data-en-hi-de-fr.csv"):
        label = (r.get("labels") or "").strip()
        ok = label in {"ham", "spam"}
        english = (r.get("text") or "").strip()
        leak = "overlaps sms_spam_uci train split" if english in uci_train else None
        for lang, column in MULTILINGUAL_COLUMNS.items():
            yield Row(
                id=f"sms_mt:{n}:{lang}",
                text=r.get(column) or "",
                lang=lang,
                labels=spam_labels(label == "spam") if ok else {},
                meta={"row": n, "machine_translated": lang != "en"},
                exclude=None if ok and not leak else (leak or "unparseable"),
            )


def read_tg_spam(folder: Path, data: Path) -> Iterator[Row]:
    for n, r in _csv_rows(folder / "train.csv"):
        target = (r.get("target") or "").strip()
        ok = target in {"0", "1"}
        yield Row(
            id=f"tg_spam:{n}",
            text=r.get("input") or "",
            lang="zh",
            labels=spam_labels(target == "1") if ok else {},
            meta={"source_file": "train.csv"},
            exclude=None if ok else "unparseable",
        )


SETS: dict[str, SetSpec] = {
    s.name: s
    for s in (
        SetSpec(
            "davidson_hate_offensive",
            ("data/labeled_data.csv",),
            "MIT (Copyright (c) 2017 Tom Davidson)",
            "MIT",
            True,
            "Davidson et al., ICWSM 2017",
            read_davidson,
        ),
        SetSpec(
            "mlma_hate_fr",
            ("fr_dataset.csv",),
            "MIT (Copyright (c) 2019 HKUST-KnowComp)",
            "MIT",
            True,
            "Ousidhoum et al., EMNLP 2019",
            read_mlma,
        ),
        SetSpec(
            "cold_zh",
            ("dev.csv",),
            "Apache-2.0",
            "Apache License 2.0",
            True,
            "Deng et al., EMNLP 2022",
            read_cold,
        ),
        SetSpec(
            "sms_spam_uci",
            ("SMSSpamCollection",),
            "free use with attribution (corpus readme; copyright Almeida & Gómez Hidalgo)",
            "Almeida",
            True,
            "Almeida, Gómez Hidalgo, Yamakami, DocEng 2011",
            read_sms_uci,
        ),
        SetSpec(
            "sms_spam_multilingual_mt",
            ("data-en-hi-de-fr.csv",),
            "none for the data (repository code MIT)",
            "no license is stated for the data",
            False,
            "Kaggle rajnathpatel/multilingual-spam-data; texts from Almeida & Gómez Hidalgo",
            read_sms_multilingual,
        ),
        SetSpec(
            "tg_spam_zh",
            ("train.csv",),
            "GPL-3.0 (repository)",
            "GPL-3.0",
            False,
            "github.com/MarkIvory2973/tg-spam",
            read_tg_spam,
        ),
    )
}


def readme_training_use(data: Path, name: str) -> str | None:
    """The "train shipped models?" cell for a folder in ../shared/data/README.md, if any."""
    readme = data / "README.md"
    if not readme.is_file():
        return None
    header: list[str] | None = None
    for line in readme.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        column = next((i for i, h in enumerate(header) if h.startswith("train")), None)
        if column is not None and cells and cells[0].strip("`") == name and column < len(cells):
            return cells[column]
    return None


def licence_status(spec: SetSpec, data: Path) -> dict[str, Any]:
    """The licence, whether the data may train shipped models, and what confirmed it."""
    source_md = data / spec.name / "SOURCE.md"
    checked = source_md.is_file() and spec.licence_marker in source_md.read_text("utf-8")
    readme = readme_training_use(data, spec.name)
    readme_allows = readme is None or readme.lower().startswith("yes")
    return {
        "licence": spec.licence,
        "licence_checked_in_source_md": checked,
        "readme_training_use": readme,
        "trainable": spec.trainable and readme_allows,
        "cite": spec.cite,
    }


def write_split(out: Path, name: str, split: str, rows: Sequence[Row], trainable: bool) -> Path:
    """Write one split file. A train split of an evaluation-only set is refused."""
    if split == "train" and not trainable:
        raise LicenceError(f"{name}: its licence allows evaluation only; no train split")
    if split not in (*TRAIN_SPLITS, EVAL_SPLIT):
        raise ValueError(f"unknown split {split!r}")
    path = out / f"{name}.{split}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            item = {
                "id": r.id,
                "text": r.text,
                "lang": r.lang,
                "labels": r.labels,
                "split": split,
                "meta": r.meta,
            }
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def _balance(rows: Iterable[Row]) -> dict[str, Any]:
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    n = 0
    for r in rows:
        n += 1
        for label, v in r.labels.items():
            (pos if v else neg)[label] += 1
    labels = sorted(set(pos) | set(neg))
    return {"n": n, "labels": {k: {"pos": pos[k], "neg": neg[k]} for k in labels}}


_SPACE = re.compile(r"\s+")


def convert_set(spec: SetSpec, data: Path, out: Path) -> dict[str, Any]:
    """Convert one set; returns its metadata (also written to ``<out>/<set>.meta.json``)."""
    folder = data / spec.name
    missing = [f for f in spec.files if not (folder / f).is_file()]
    if missing:
        raise FileNotFoundError(f"{spec.name}: missing {', '.join(missing)} under {folder}")
    status = licence_status(spec, data)
    trainable = bool(status["trainable"])
    dropped: Counter[str] = Counter()
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in spec.reader(folder, data):
        row.text = row.text.strip()
        if row.exclude:
            dropped[row.exclude] += 1
        elif not row.text:
            dropped["empty text"] += 1
        else:
            groups.setdefault((row.lang, _SPACE.sub(" ", row.text)), []).append(row)
    # Exact duplicates (same language, same text up to whitespace) are kept once; a text given
    # different labels is dropped in all its copies.
    kept: list[Row] = []
    for copies in groups.values():
        if all(c.labels == copies[0].labels for c in copies):
            kept.append(copies[0])
            dropped["duplicate"] += len(copies) - 1
        else:
            dropped["duplicate with other labels"] += len(copies)
    dropped = +dropped  # drop zero counts

    by_split: dict[str, list[Row]] = {}
    for row in kept:
        if trainable:
            split = row.split or hash_split(row.text)
        else:
            if row.split:
                row.meta.setdefault("source_split", row.split)
            split = EVAL_SPLIT
        by_split.setdefault(split, []).append(row)

    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(f"{spec.name}.*.jsonl"):
        stale.unlink()
    files = {}
    for split in (*TRAIN_SPLITS, EVAL_SPLIT):
        if split in by_split:
            path = write_split(out, spec.name, split, by_split[split], trainable)
            files[split] = {"file": path.name, **_balance(by_split[split])}
    meta = {
        "set": spec.name,
        "source": f"../shared/data/{spec.name}",
        **status,
        "use": "train, dev, test" if trainable else "evaluation only",
        "split_rule": (
            "source split"
            if any(r.split for r in kept)
            else "sha1(text) 80/10/10"
            if trainable
            else "single eval split (evaluation-only licence)"
        ),
        "mapping_version": MAPPING_VERSION,
        "dropped": dict(sorted(dropped.items())),
        "splits": files,
    }
    (out / f"{spec.name}.meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return meta


def convert_all(data: Path, out: Path, names: Sequence[str] | None = None) -> dict[str, Any]:
    """Convert the named sets (all by default) and update ``<out>/manifest.json``."""
    wanted = list(names) if names else list(SETS)
    unknown = [n for n in wanted if n not in SETS]
    if unknown:
        raise KeyError(f"unknown sets: {', '.join(unknown)}; known: {', '.join(SETS)}")
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    manifest: dict[str, Any] = {"mapping_version": MAPPING_VERSION, "sets": {}}
    if manifest_path.is_file():
        with contextlib.suppress(json.JSONDecodeError, AttributeError):
            manifest["sets"] = json.loads(manifest_path.read_text("utf-8")).get("sets", {})
    for name in wanted:
        manifest["sets"][name] = convert_set(SETS[name], data, out)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.convert", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="../shared/data")
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    args = parser.parse_args(argv)
    names = [s.strip() for s in args.sets.split(",") if s.strip()]
    try:
        manifest = convert_all(args.data, args.out, names or None)
    except (FileNotFoundError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name in names or SETS:
        meta = manifest["sets"][name]
        splits = ", ".join(f"{k} {v['n']}" for k, v in meta["splits"].items())
        dropped = ", ".join(f"{k} {v}" for k, v in meta["dropped"].items()) or "none"
        print(f"{name}: {meta['use']} ({meta['licence']}); {splits}; dropped: {dropped}")
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
