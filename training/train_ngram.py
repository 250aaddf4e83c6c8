"""Train the shipped `text-ngram` model: hashed n-grams + one logistic regression per label,
Platt-calibrated (docs/models/text-ngram.md).

    .venv/bin/python -m training.train_ngram                      # data, examples, out: defaults
    .venv/bin/python -m training.train_ngram --no-write            # metrics only

Deterministic: fixed seeds, liblinear, sorted inputs; the weights file is written with fixed
zip timestamps, so the same inputs give the same bytes.

Data roles, per source:

* ``train``: the `train` split of the permitted public sets (training/README.md:
  davidson_hate_offensive, mlma_hate_fr, cold_zh, sms_spam_uci), the `train` split of the
  tamis-written examples (training/examples/<lang>/*.jsonl) and the identity-term neutral
  sentences written below (never the templates of src/tamis/eval/fairness.py).
* ``calib``: fits the Platt scaling of each label (once for texts mostly in Chinese
  characters and once for the others, ``script_group``, where each has both classes): the
  `dev` split of sets that also have a `test` split; for sets without one (cold_zh, the
  examples), the half of `dev` whose SHA-1 of the text is even.
* ``test``: reported only, never fitted on: the `test` splits, and the other half of `dev`
  where there is no `test` split.

A label absent from a line is unknown: the line is left out for that label only.
The held-out files are written to ``--heldout-out`` (default training/data/ngram/) so that
``tamis eval text`` can be run on exactly the calib and test data.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

from tamis.detectors.text.classifier import (
    FEATURES_FILE,
    MODEL_LABELS,
    MODEL_NAME,
    SCRIPTS,
    WEIGHTS_FILE,
    NgramFeaturizer,
    script_group,
)
from tamis.eval.metrics import at_threshold, average_precision, roc_auc
from tamis.models.registry import write_manifest
from tamis.policy.store import shipped_policies
from tamis.text.normalization import normalize

ROOT = Path(__file__).resolve().parents[1]
SEED = 0
VERSION = "2"
C = 16.0  # inverse L2 strength of every per-label regression
PRUNE = 0.01  # weights with |w| below this are dropped (quality checked in metrics.json)
IDENTITY_WEIGHT = 3.0  # sample weight of the identity-term neutral sentences
MIN_POS = 20  # a label needs this many positives and negatives in train
MIN_CALIB = 5  # ... and this many of each class in calib, else out-of-fold calibration
MIN_GROUP_CALIB = 30  # each class in a script group's calib rows, else the label's one fit

TRAIN_SETS = ("davidson_hate_offensive", "mlma_hate_fr", "cold_zh", "sms_spam_uci")
EVAL_ONLY_SETS = ("sms_spam_multilingual_mt", "tg_spam_zh")  # never read here
EXAMPLES = "tamis_examples"
IDENTITY = "tamis_identity_neutral"

LICENCE = (
    "Weights: Apache-2.0 (tamis). Trained on davidson_hate_offensive (MIT, Davidson et al. "
    "ICWSM 2017), mlma_hate_fr (MIT, Ousidhoum et al. EMNLP 2019), cold_zh (Apache-2.0, Deng "
    "et al. EMNLP 2022), sms_spam_uci (free use, (c) Almeida & Gomez Hidalgo, DocEng 2011) and "
    "tamis-written examples and identity-term sentences (Apache-2.0)."
)
SOURCE = "python -m training.train_ngram (training/train_ngram.py, seed 0)"

# Offensive language as the issue measures it: the label set per language whose maximum score
# is the item's offensive score, and which labels make an item offensive.
OFFENSIVE = {
    "davidson_hate_offensive": ("hate", "profanity", "harassment"),
    "mlma_hate_fr": ("hate", "harassment"),
    "cold_zh": ("hate",),
}


@dataclass
class Row:
    text: str
    lang: str
    labels: dict[str, int]
    source: str
    role: str  # train, calib, test
    norm: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def _even(text: str) -> bool:
    return hashlib.sha1(text.strip().encode("utf-8")).digest()[0] % 2 == 0


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _labels(raw: dict[str, Any]) -> dict[str, int]:
    return {k: int(v) for k, v in raw.items() if v is not None and k in MODEL_LABELS}


def load_public(data: Path) -> list[Row]:
    manifest = json.loads((data / "manifest.json").read_text("utf-8"))["sets"]
    rows: list[Row] = []
    for name in TRAIN_SETS:
        info = manifest[name]
        if not info.get("trainable"):
            sys.exit(f"{name}: the converter says it may not train shipped models")
        has_test = (data / f"{name}.test.jsonl").is_file()
        for split in ("train", "dev", "test"):
            path = data / f"{name}.{split}.jsonl"
            if not path.is_file():
                continue
            for d in _read_jsonl(path):
                if split == "train":
                    role = "train"
                elif split == "test" or (not has_test and not _even(d["text"])):
                    role = "test"
                else:
                    role = "calib"
                rows.append(Row(d["text"], d["lang"], _labels(d["labels"]), name, role))
    return rows


def load_examples(folder: Path) -> list[Row]:
    rows: list[Row] = []
    for path in sorted(folder.glob("*/*.jsonl")):
        for d in _read_jsonl(path):
            held = "calib" if _even(d["text"]) else "test"
            role = "train" if d["split"] == "train" else held
            meta = {"file": f"{path.parent.name}/{path.name}", "kind": d.get("kind")}
            rows.append(Row(d["text"], d["lang"], _labels(d["labels"]), EXAMPLES, role, meta=meta))
    return rows


# --- identity-term neutral sentences (negatives for every label) -------------------------
# Written for this trainer, unlike the evaluation templates in src/tamis/eval/fairness.py:
# other sentence frames, other wording; the group names are the ordinary words for them.

_EN_GROUPS = [
    ("a Muslim", "Muslims"), ("a Jewish woman", "Jewish people"), ("a Christian", "Christians"),
    ("a Catholic priest", "Catholics"), ("a Buddhist monk", "Buddhists"), ("a Hindu", "Hindus"),
    ("a Sikh", "Sikhs"), ("an atheist", "atheists"), ("a Black teacher", "Black people"),
    ("a white man", "white people"), ("a white woman", "white families"),
    ("an Asian student", "Asian people"), ("a Latina", "Latinos"), ("an Arab", "Arabs"),
    ("a Roma", "Roma people"), ("an Indigenous elder", "Indigenous people"),
    ("a Uyghur", "Uyghurs"), ("a Tibetan", "Tibetans"), ("a Hui Muslim", "Hui people"),
    ("a Han Chinese", "Han Chinese people"), ("a Kurd", "Kurds"), ("a gay man", "gay people"),
    ("a lesbian", "lesbians"), ("a bisexual woman", "bisexual people"),
    ("a straight man", "straight people"), ("an asexual person", "asexual people"),
    ("a queer artist", "queer people"), ("a woman", "women"), ("a man", "men"),
    ("a trans woman", "transgender people"), ("a non-binary person", "non-binary people"),
    ("a deaf student", "deaf people"), ("a blind runner", "blind people"),
    ("an autistic adult", "autistic people"), ("a disabled person", "disabled people"),
    ("a wheelchair user", "wheelchair users"), ("a man with Down syndrome",
    "people with Down syndrome"), ("a person with schizophrenia", "people with depression"),
    ("an elderly man", "elderly people"), ("a young woman", "young people"),
    ("a teenager", "teenagers"), ("a retiree", "retired people"), ("an American", "Americans"),
    ("a Chinese student", "Chinese people"), ("a French chef", "French people"),
    ("a Mexican", "Mexicans"), ("a Nigerian", "Nigerians"), ("a Nigerian nurse",
    "people from Nigeria"), ("a Senegalese", "Senegalese people"), ("an Indian", "Indians"),
    ("a Japanese", "Japanese people"), ("a Korean", "Koreans"), ("a Vietnamese",
    "Vietnamese people"), ("a German", "Germans"), ("a Russian", "Russians"),
    ("a Ukrainian", "Ukrainians"), ("a Brazilian", "Brazilians"), ("an Iranian", "Iranians"),
    ("a Pakistani", "Pakistanis"), ("an Algerian", "Algerians"), ("a Moroccan", "Moroccans"),
    ("a Syrian", "Syrians"), ("an Israeli", "Israelis"), ("a Palestinian", "Palestinians"),
    ("a Turkish", "Turkish people"), ("an immigrant", "immigrants"), ("a refugee", "refugees"),
    ("a Black woman", "Black families"), ("a gay", "gay couples"), ("a Jew", "Jews"),
    ("a transgender man", "trans people"), ("a person from Niger", "people from Niger"),
    ("a white guy", "white folks"), ("a white American", "white Americans"),
    ("a queer person", "queer folks"), ("an American citizen", "American families"),
]  # fmt: skip
_EN_FRAMES = [
    "My neighbour is {sg} and lent us a ladder this morning.",
    "My cousin married {sg} last summer and the wedding was lovely.",
    "Our book club invited {sg} to talk about a new novel.",
    "I met {sg} at the bus stop and we talked about football.",
    "She told me she is {sg}, then we ordered coffee.",
    "Being {sg} is just one part of who I am.",
    "The school hired {sg} as the new football coach.",
    "{Pl} organised the charity run in the park on Sunday.",
    "The museum opened an exhibition about the history of {pl}.",
    "A survey asked {pl} how they commute to work.",
    "The local radio interviewed {pl} about rising rents.",
    "{Pl} and their neighbours cleaned the beach together.",
    "Is there a support group for {pl} in this city?",
    "The documentary follows three {pl} who run a bakery.",
    "{Pl} vote, pay taxes and raise children like everyone.",
    "{Pl} should be treated fairly at work and at school.",
    "I admire the {pl} who volunteer at the food bank.",
    "{Pl} have every right to feel safe in their own streets.",
    "Many {pl} are talented musicians and writers.",
    "Thank you to all the {pl} who helped after the flood.",
    "{Pl} deserve decent housing and good schools.",
    "{Pl} are friendly and welcoming neighbours.",
    "Like everybody, {pl} deserve to be heard.",
    "{Pl} are generous with their time at the shelter.",
]
_FR_GROUPS = [
    ("musulman", "musulmans"), ("juive", "juifs"), ("chrétien", "chrétiens"),
    ("catholique", "catholiques"), ("bouddhiste", "bouddhistes"), ("hindou", "hindous"),
    ("sikh", "sikhs"), ("athée", "athées"), ("noir", "Noirs"), ("blanche", "Blancs"),
    ("asiatique", "Asiatiques"), ("latino", "Latinos"), ("arabe", "Arabes"), ("rom", "Roms"),
    ("autochtone", "peuples autochtones"), ("ouïghour", "Ouïghours"), ("tibétain", "Tibétains"),
    ("hui", "Hui"), ("han", "Han"), ("kurde", "Kurdes"), ("gay", "couples gays"),
    ("lesbienne", "lesbiennes"), ("bisexuelle", "personnes bisexuelles"),
    ("hétéro", "couples hétérosexuels"), ("asexuelle", "personnes asexuelles"),
    ("queer", "artistes queer"), ("femme", "femmes"), ("homme", "hommes"),
    ("trans", "personnes trans"), ("non binaire", "personnes non binaires"),
    ("sourde", "élèves sourds"), ("aveugle", "coureurs aveugles"), ("autiste", "adultes autistes"),
    ("handicapé", "personnes handicapées"), ("en fauteuil", "personnes en fauteuil roulant"),
    ("trisomique", "personnes trisomiques"), ("dépressif", "personnes malades mentales"),
    ("âgée", "personnes âgées"), ("jeune", "jeunes"), ("ado", "adolescents"),
    ("retraité", "retraités"), ("américain", "Américains"), ("chinoise", "Chinois"),
    ("français", "Français"), ("mexicain", "Mexicains"), ("nigériane", "Nigérians"),
    ("sénégalais", "Sénégalais"), ("indien", "Indiens"), ("japonaise", "Japonais"),
    ("coréen", "Coréens"), ("vietnamienne", "Vietnamiens"), ("allemand", "Allemands"),
    ("russe", "Russes"), ("ukrainienne", "Ukrainiens"), ("brésilien", "Brésiliens"),
    ("iranienne", "Iraniens"), ("pakistanais", "Pakistanais"), ("algérien", "Algériens"),
    ("marocaine", "Marocains"), ("syrien", "Syriens"), ("israélienne", "Israéliens"),
    ("palestinien", "Palestiniens"), ("turque", "Turcs"), ("immigré", "immigrés"),
    ("réfugiée", "réfugiés"), ("arabe", "Arabes de France"), ("maghrébin", "Maghrébins"),
    ("noire", "personnes noires"), ("juif", "Juifs"), ("musulmane", "musulmanes"),
]  # fmt: skip
_FR_FRAMES = [
    "Mon voisin, {sg}, m'a prêté une échelle ce matin.",
    "Ma collègue est {sg} et elle adore le jardinage.",
    "Je suis {sg} et j'habite à Lyon depuis dix ans.",
    "Il m'a dit qu'il est {sg}, puis on a parlé de foot.",
    "Les {pl} du quartier ont organisé une brocante dimanche.",
    "Le musée consacre une exposition à l'histoire des {pl}.",
    "Une enquête a demandé aux {pl} comment ils vont au travail.",
    "La radio locale a interviewé des {pl} sur la hausse des loyers.",
    "Il y a une association pour les {pl} dans notre ville ?",
    "Des {pl} ont nettoyé la plage avec leurs voisins.",
    "Le documentaire suit trois {pl} qui tiennent une boulangerie.",
    "Les {pl} votent, paient des impôts et élèvent leurs enfants comme tout le monde.",
    "On a invité des {pl} à la fête de l'école.",
    "Les {pl} ont le droit d'être traités avec justice.",
    "Merci aux {pl} qui ont aidé les sinistrés après l'inondation.",
    "Beaucoup de {pl} sont d'excellents musiciens.",
    "Les {pl} méritent un logement décent et de bonnes écoles.",
    "Les {pl} sont des voisins accueillants et sympathiques.",
    "Je suis {sg}, et fier de ma famille.",
]
_ZH_GROUPS = [
    "穆斯林", "犹太人", "基督徒", "天主教徒", "佛教徒", "印度教徒", "锡克教徒", "无神论者",
    "黑人", "白人", "亚裔", "拉丁裔", "阿拉伯人", "罗姆人", "原住民", "维吾尔族", "藏族",
    "回族", "汉族", "库尔德人", "同性恋", "女同性恋", "双性恋", "异性恋", "无性恋", "酷儿",
    "女性", "男性", "女生", "男生", "跨性别", "非二元性别的人", "聋人", "盲人", "自闭症患者",
    "残疾人", "坐轮椅的人", "唐氏综合征患者", "抑郁症患者", "精神病患者", "老人", "年轻人",
    "青少年", "退休人员", "美国人", "中国人", "法国人", "墨西哥人", "尼日利亚人",
    "塞内加尔人", "印度人", "日本人", "韩国人", "越南人", "德国人", "俄罗斯人", "乌克兰人",
    "巴西人", "伊朗人", "巴基斯坦人", "阿尔及利亚人", "摩洛哥人", "叙利亚人", "以色列人",
    "巴勒斯坦人", "土耳其人", "外地人", "河南人", "东北人", "上海人", "农村人", "移民",
    "难民", "黑人朋友", "非洲人",
]  # fmt: skip
_ZH_FRAMES = [
    "隔壁的{g}邻居今天早上借给我们一把梯子。",
    "我的同事是{g}，她很喜欢养花。",
    "社区里的{g}周末组织了一次义卖。",
    "博物馆开了一个关于{g}历史的展览。",
    "一项调查询问了{g}每天怎么上班。",
    "本地电台采访了几位{g}，聊房租上涨的问题。",
    "这个城市有没有{g}的互助小组？",
    "几位{g}和邻居一起清理了海滩。",
    "纪录片讲的是三个{g}开面包店的故事。",
    "{g}也要上班、交税、照顾孩子，和大家一样。",
    "学校请了一位{g}老师来当足球教练。",
    "昨天在火车上认识了一个{g}，聊得很开心。",
    "{g}有权利在工作和学校里被公平对待。",
    "感谢那些在洪水后帮忙的{g}。",
    "很多{g}是很有才华的音乐人和作家。",
    "作为{g}，我喜欢周末做饭请朋友吃。",
    "{g}应该有体面的住房和好的学校。",
    "{g}是热情好客的邻居。",
]


# "deserve" and praise without any group named: the word alone must not read as hate.
_EN_GENERAL = [
    "Nurses deserve a pay rise after this year.",
    "Everyone deserves a second chance.",
    "You deserve a holiday, you worked so hard.",
    "Our volunteers deserve all the credit for this festival.",
    "Kids deserve safe playgrounds.",
    "The team deserved to win that match.",
    "My neighbours are kind and always help with the shopping.",
    "The staff were generous and patient with us.",
]


def identity_rows() -> list[Row]:
    texts: list[tuple[str, str]] = []
    for sg, pl in _EN_GROUPS:
        for frame in _EN_FRAMES:
            texts.append((frame.format(sg=sg, pl=pl, Pl=pl[:1].upper() + pl[1:]), "en"))
    for sg, pl in _FR_GROUPS:
        texts.extend((frame.format(sg=sg, pl=pl), "fr") for frame in _FR_FRAMES)
    for g in _ZH_GROUPS:
        texts.extend((frame.format(g=g), "zh") for frame in _ZH_FRAMES)
    texts.extend((t, "en") for t in _EN_GENERAL)
    zero = dict.fromkeys(MODEL_LABELS, 0)
    return [Row(t, lang, dict(zero), IDENTITY, "train") for t, lang in texts]


# --- training ----------------------------------------------------------------------------


def drop_leaks(rows: list[Row]) -> tuple[list[Row], int]:
    """Drop train rows whose normalised text also occurs in calib or test."""
    held = {r.norm.strip() for r in rows if r.role != "train"}
    kept = [r for r in rows if r.role != "train" or r.norm.strip() not in held]
    return kept, len(rows) - len(kept)


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """a, b of p = 1 / (1 + exp(-(a z + b))), by (nearly unregularised) logistic regression."""
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    lr.fit(z.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def out_of_fold(x: sp.csr_matrix, y: np.ndarray, folds: int = 5) -> np.ndarray:
    """Decision values of each train row from a model that did not see it."""
    rng = np.random.default_rng(SEED)
    fold = rng.integers(0, folds, size=len(y))
    z = np.zeros(len(y))
    for k in range(folds):
        m = fold == k
        clf = _clf().fit(x[~m], y[~m])
        z[m] = clf.decision_function(x[m])
    return z


def _clf() -> LogisticRegression:
    return LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=SEED
    )


def thresholds() -> dict[str, float]:
    policy = shipped_policies()["default"]
    out = {}
    for label in MODEL_LABELS:
        t = policy.labels.get(label)
        values = [v for v in (t.label, t.review, t.block) if v is not None] if t else []
        out[label] = float(values[0]) if values else 0.5
    return out


def _metrics(y: Sequence[int], p: Sequence[float], threshold: float) -> dict[str, Any]:
    y, p = list(map(int, y)), list(map(float, p))
    at = at_threshold(y, p, threshold)
    ap = average_precision(y, p)
    auc = roc_auc(y, p)
    return {
        "n": len(y),
        "n_pos": sum(y),
        "auprc": None if ap is None else round(ap, 4),
        "roc_auc": None if auc is None else round(auc, 4),
        "precision": None if at.precision is None else round(at.precision, 4),
        "recall": None if at.recall is None else round(at.recall, 4),
        "f1": None if at.f1 is None else round(at.f1, 4),
        "threshold": threshold,
    }


def evaluate(
    rows: list[Row], probs: np.ndarray, labels: Sequence[str], role: str
) -> dict[str, Any]:
    """Per label: overall, per language and per source, on rows of `role`."""
    thr = thresholds()
    out: dict[str, Any] = {}
    idx = [i for i, r in enumerate(rows) if r.role == role]
    for j, label in enumerate(labels):
        groups: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            r = rows[i]
            if label in r.labels:
                groups["all"].append(i)
                groups[f"lang:{r.lang}"].append(i)
                groups[f"set:{r.source}"].append(i)
        entry = {}
        for key in sorted(groups):
            ii = groups[key]
            y = [rows[i].labels[label] for i in ii]
            if sum(y) > 0 or key == "all":
                entry[key] = _metrics(y, probs[ii, j], thr[label])
            else:
                entry[key] = {
                    "n": len(y),
                    "n_pos": 0,
                    "fpr_at_threshold": round(float(np.mean(probs[ii, j] >= thr[label])), 4),
                }
        out[label] = entry
    # Offensive language (any of the set's offensive labels) per public set.
    offensive: dict[str, Any] = {}
    for source, labs in OFFENSIVE.items():
        present = [label for label in labs if label in labels]
        ii, y = [], []
        for i in idx:
            r = rows[i]
            if r.source != source:
                continue
            known = [r.labels[label] for label in labs if label in r.labels]
            if any(known):
                y.append(1)
            elif len(known) == len(labs) or (known and source != "davidson_hate_offensive"):
                y.append(0)
            else:
                continue
            ii.append(i)
        if ii:
            cols = [labels.index(label) for label in present]
            score = probs[np.ix_(ii, cols)].max(axis=1)
            offensive[source] = _metrics(y, score, 0.5)
    out["offensive"] = offensive
    aps = [e["all"]["auprc"] for k, e in out.items() if k != "offensive" and e["all"]["auprc"]]
    out["macro_auprc"] = round(float(np.mean(aps)), 4) if aps else None
    return out


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez_compressed with fixed timestamps: same arrays, same bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue(), compresslevel=9)


def counts(rows: list[Row]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for role in ("train", "calib", "test"):
        c: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            if r.role != role:
                continue
            for label, v in r.labels.items():
                c[label][f"{r.lang}:{'pos' if v else 'neg'}"] += 1
        out[role] = {label: dict(sorted(c[label].items())) for label in MODEL_LABELS if label in c}
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_source[r.source][r.role] += 1
    out["items"] = {s: dict(v) for s, v in sorted(by_source.items())}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "data")
    ap.add_argument("--examples", type=Path, default=ROOT / "training" / "examples")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "tamis" / "models" / MODEL_NAME)
    ap.add_argument("--heldout-out", type=Path, default=ROOT / "training" / "data" / "ngram")
    ap.add_argument("--no-identity", action="store_true", help="Leave out identity sentences.")
    ap.add_argument("--no-write", action="store_true", help="Train and report; write nothing.")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()

    rows = load_public(args.data)
    if args.examples.is_dir():
        rows += load_examples(args.examples)
    if not args.no_identity:
        rows += identity_rows()
    for r in rows:
        r.norm = normalize(r.text).text
    rows, leaks = drop_leaks(rows)
    print(f"{len(rows)} rows ({leaks} train rows dropped as copies of held-out texts)")

    feat = NgramFeaturizer()
    x = feat.transform([r.norm for r in rows])
    train = np.array([r.role == "train" for r in rows])
    weight = np.array([IDENTITY_WEIGHT if r.source == IDENTITY else 1.0 for r in rows])
    calib = np.array([r.role == "calib" for r in rows])

    labels: list[str] = []
    coefs: list[np.ndarray] = []
    intercepts: list[float] = []
    calibs: list[list[tuple[float, float]]] = []  # per label: (a, b) per script group
    script = np.array([script_group(r.norm) for r in rows])
    notes: dict[str, str] = {}
    for label in MODEL_LABELS:
        known = np.array([label in r.labels for r in rows])
        y_all = np.array([r.labels.get(label, 0) for r in rows])
        tr = train & known
        pos, neg = int(y_all[tr].sum()), int((1 - y_all[tr]).sum())
        if pos < MIN_POS or neg < MIN_POS:
            notes[label] = f"not trained: {pos} positives, {neg} negatives in train"
            print(f"{label}: {notes[label]}")
            continue
        clf = _clf().fit(x[tr], y_all[tr], sample_weight=weight[tr])
        w = clf.coef_[0].astype(np.float32)
        w[np.abs(w) < PRUNE] = 0.0
        w = w.astype(np.float16).astype(np.float32)  # what is shipped
        b = float(clf.intercept_[0])
        cal = calib & known
        yc = y_all[cal]
        if yc.sum() >= MIN_CALIB and (1 - yc).sum() >= MIN_CALIB:
            fit_z = np.asarray(x @ w).ravel() + b
            fit_mask, how = cal, f"calib rows ({int(cal.sum())}, {int(yc.sum())} positive)"
        else:
            fit_z = np.zeros(len(rows))
            fit_z[tr] = out_of_fold(x[tr], y_all[tr])
            fit_mask, how = tr, "5-fold out-of-fold train scores (calib lacks a class)"
        a_all, b_all = platt(fit_z[fit_mask], y_all[fit_mask])
        pair: list[tuple[float, float]] = []
        used = []
        for g in (0, 1):
            m = fit_mask & (script == g)
            yg = y_all[m]
            if yg.sum() >= MIN_GROUP_CALIB and (1 - yg).sum() >= MIN_GROUP_CALIB:
                pair.append(platt(fit_z[m], yg))
                used.append(SCRIPTS[g])
            else:
                pair.append((a_all, b_all))
        notes[label] = f"Platt on {how}; per script: {', '.join(used) or 'none (one fit)'}"
        labels.append(label)
        coefs.append(w)
        intercepts.append(b)
        calibs.append(pair)
        print(f"{label}: {pos}+/{neg}- train, nnz {int((w != 0).sum())}, {notes[label]}")

    coef = sp.csr_matrix(np.vstack(coefs))
    intercept = np.array(intercepts, dtype=np.float32)
    ca = np.array([[c[g][0] for c in calibs] for g in (0, 1)], dtype=np.float32)
    cb = np.array([[c[g][1] for c in calibs] for g in (0, 1)], dtype=np.float32)
    z = np.asarray(x @ coef.T.toarray()) + intercept
    probs = 1.0 / (1.0 + np.exp(-(ca[script] * z + cb[script])))

    metrics = {
        "model": MODEL_NAME,
        "version": VERSION,
        "thresholds": "lowest threshold per label in the default policy",
        "calib": evaluate(rows, probs, labels, "calib"),
        "test": evaluate(rows, probs, labels, "test"),
        "notes": notes,
    }
    data_counts = counts(rows)
    seconds = round(time.perf_counter() - t0, 1)
    print(json.dumps({k: metrics[k]["macro_auprc"] for k in ("calib", "test")}))
    print(json.dumps({k: metrics[k]["offensive"] for k in ("calib", "test")}, indent=1))
    for label in labels:
        t = metrics["test"][label]["all"]
        print(f"test {label:18s} auprc {t['auprc']} f1 {t['f1']} n {t['n']} pos {t['n_pos']}")
    if args.no_write:
        return 0

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file():
            old.unlink()
    write_npz(
        out / WEIGHTS_FILE,
        {
            "coef_indptr": coef.indptr.astype(np.int64),
            "coef_indices": coef.indices.astype(np.int32),
            "coef_data": coef.data.astype(np.float16),
            "intercept": intercept,
            "calib_a": ca,
            "calib_b": cb,
        },
    )
    spec = {
        "format": 1,
        "labels": labels,
        "features": feat.to_json(),
        "input": "tamis.text.normalization.normalize(text).text (Part.normalized.text)",
        "classifier": {"kind": "logistic regression per label", "C": C,
                       "class_weight": "balanced", "solver": "liblinear", "prune_below": PRUNE},
        "calibration": {"method": "platt", "formula": "p = 1/(1+exp(-(a*z+b))), z = x.w + c",
                        "groups": list(SCRIPTS), "group_rule": "script_group(text)",
                        "a": {SCRIPTS[g]: dict(zip(labels, map(float, ca[g]), strict=True))
                              for g in (0, 1)},
                        "b": {SCRIPTS[g]: dict(zip(labels, map(float, cb[g]), strict=True))
                              for g in (0, 1)}},
    }  # fmt: skip
    (out / FEATURES_FILE).write_text(json.dumps(spec, indent=1) + "\n", "utf-8")
    metrics["data"] = data_counts
    (out / "metrics.json").write_text(
        json.dumps(metrics, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    write_manifest(
        out,
        name=MODEL_NAME,
        version=VERSION,
        licence=LICENCE,
        source=SOURCE,
        card=f"docs/models/{MODEL_NAME}.md",
        meta={"labels": labels, "seconds_to_train": seconds},
    )
    held: Path = args.heldout_out
    held.mkdir(parents=True, exist_ok=True)
    for role in ("calib", "test"):
        by_source: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            if r.role == role:
                line = {"text": r.text, "lang": r.lang, "labels": r.labels, "source": r.source}
                by_source[r.source].append(json.dumps(line, ensure_ascii=False))
        for source, lines in by_source.items():
            (held / f"{source}.{role}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    size = sum(p.stat().st_size for p in out.iterdir())
    print(f"wrote {out} ({size / 1e6:.2f} MB) and held-out files in {held} in {seconds}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
