"""Train the English label heads on MiniLM embeddings (model `minilm-heads`).

    .venv/bin/python -m training.train_embed_head            # after `python -m training.convert`

Runs in the project's own environment: the texts are embedded with the shipped
`minilm-l6-onnx` through ``tamis.text.embedding.Embedder``, exactly as at inference. Data:
the English rows of the trainable public sets in training/data (see training/README.md) and
the hand-made examples in training/examples/en/*.jsonl when they exist.

Data roles, the same as training/train_ngram.py uses, so that both models are measured on the
same held-out texts:

* ``train``: the `train` splits (public sets and examples); a train text that also occurs in
  a held-out role is dropped.
* ``calib``: the public sets' `dev` splits, and the half of the examples' `dev` split whose
  SHA-1 of the text is even. Chooses C and fits the Platt scaling.
* ``test``: reported only, never fitted on: the public `test` splits and the other half of the
  examples' `dev` split.

Per label with at least 20 train positives: an L2-regularised logistic regression (Newton's
method, balanced class weights) on train, C chosen on calib by average precision (the smallest
C within 0.005 of the best), then Platt scaling fitted on calib. Output: heads.npz (labels,
coef, intercept, calib_a, calib_b), NOTICE and MODEL.json (with every metric) in
src/tamis/models/minilm-heads/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tamis.detectors.text.embedding_classifier import HEADS_FILE, HEADS_MODEL, MODEL_LABELS
from tamis.eval.metrics import at_threshold, average_precision, roc_auc
from tamis.models import registry
from tamis.text.embedding import MODEL_NAME, Embedder
from training.convert import hash_split

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tamis" / "models" / HEADS_MODEL
SPLITS = ("train", "dev", "test")
MIN_POSITIVES = 20  # in train, for a label to get a head
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
C_TOLERANCE = 0.005  # the smallest C within this AP of the best wins (templated data saturate)
# Labels of one public set are unknown for the rows of the others. For these pairs the
# unknown value is taken as 0 with a low weight, so that a head does not treat the other
# set's whole style as a sign of its label (SMS spam heads seeing tweets, hate seeing SMS).
# Profanity is not imputed on SMS: personal messages do swear.
IMPUTE = {
    "hate": ("sms_spam_uci",),
    "spam": ("davidson_hate_offensive",),
    "ads": ("davidson_hate_offensive",),
}
IMPUTE_WEIGHT = 0.3

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]


@dataclass
class Row:
    text: str
    source: str
    role: str  # train, calib, test
    labels: dict[str, int] = field(default_factory=dict)


def _even(text: str) -> bool:
    """The half of a dev split that calibrates (training/train_ngram.py uses the same rule)."""
    return hashlib.sha1(text.strip().encode("utf-8")).digest()[0] % 2 == 0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                print(f"{path}:{n}: invalid JSON, skipped", file=sys.stderr)
                continue
            if isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"].strip():
                rows.append(obj)
    return rows


def _labels(obj: dict[str, Any]) -> dict[str, int]:
    raw = obj.get("labels") or {}
    return {k: int(v) for k, v in raw.items() if k in MODEL_LABELS and v in (0, 1)}


def load_rows(data: Path, examples: Path) -> list[Row]:
    rows: list[Row] = []
    for meta_path in sorted(data.glob("*.meta.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        if not meta.get("trainable"):
            continue  # evaluation-only sets never train
        name = meta["set"]
        has_test = (data / f"{name}.test.jsonl").is_file()
        for split in SPLITS:
            path = data / f"{name}.{split}.jsonl"
            if not path.is_file():
                continue
            for obj in _read_jsonl(path):
                if obj.get("lang") != "en":
                    continue
                text = obj["text"].strip()
                if split == "train":
                    role = "train"
                elif split == "test" or (not has_test and not _even(text)):
                    role = "test"
                else:
                    role = "calib"
                rows.append(Row(text, name, role, _labels(obj)))
    for path in sorted((examples / "en").glob("*.jsonl")) if (examples / "en").is_dir() else []:
        for obj in _read_jsonl(path):
            if obj.get("lang", "en") != "en":
                continue
            text = obj["text"].strip()
            split = obj.get("split") if obj.get("split") in SPLITS else hash_split(text)
            held_role = "calib" if _even(text) else "test"
            role = "train" if split == "train" else held_role
            rows.append(Row(text, "examples", role, _labels(obj)))
    held = {r.text for r in rows if r.role != "train"}
    return [r for r in rows if r.role != "train" or r.text not in held]


def embed_all(rows: list[Row], cache: Path, threads: int) -> dict[str, F32]:
    """Embeddings by text, cached in `cache` keyed by the ONNX model's checksum."""
    model = registry.load(MODEL_NAME)
    key = hashlib.sha256(json.dumps(model.files, sort_keys=True).encode()).hexdigest()[:16]
    path = cache / f"minilm-embeddings-{key}.npz"
    known: dict[str, F32] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as z:
            known = dict(zip((str(t) for t in z["texts"]), z["emb"], strict=True))
    todo = sorted({r.text for r in rows} - known.keys())
    if todo:
        emb = Embedder(threads=threads)
        start = time.perf_counter()
        vecs = emb.embed(todo, batch_size=32)
        rate = len(todo) / (time.perf_counter() - start)
        print(f"embedded {len(todo)} texts, {rate:.0f}/s", file=sys.stderr)
        known.update(zip(todo, vecs, strict=True))
        cache.mkdir(parents=True, exist_ok=True)
        texts = sorted(known)
        np.savez(path, texts=np.array(texts), emb=np.stack([known[t] for t in texts]))
    return known


def _sigmoid(z: F64) -> F64:
    out: F64 = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
    return out


def fit_logistic(x: F64, y: F64, w: F64, c: float, penalise: bool = True) -> tuple[F64, float]:
    """Weighted logistic regression, C * Σ wᵢ·logloss + ½‖β‖² (intercept not penalised),
    by Newton's method. Returns (coef, intercept)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, 1.0 / c if penalise else 0.0)
    reg[-1] = 0.0
    for _ in range(100):
        p = _sigmoid(xb @ beta)
        grad = xb.T @ (w * (p - y)) + reg * beta
        s = w * p * (1.0 - p)
        hess = (xb * s[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return beta[:-1], float(beta[-1])


def _balanced(y: F64) -> F64:
    n, pos = len(y), float(y.sum())
    w: F64 = np.where(y == 1, n / (2.0 * pos), n / (2.0 * (n - pos)))
    return w


def _ap(y: F64, s: F64) -> float:
    return average_precision([int(v) for v in y], [float(v) for v in s]) or 0.0


def _metrics(y: list[int], p: list[float]) -> dict[str, Any]:
    at = at_threshold(y, p, 0.5)
    ap = average_precision(y, p)
    auc = roc_auc(y, p)
    return {
        "n": len(y),
        "n_pos": sum(y),
        "auprc": None if ap is None else round(ap, 4),
        "roc_auc": None if auc is None else round(auc, 4),
        "f1@0.5": round(at.f1, 4) if at.f1 is not None else None,
        "precision@0.5": round(at.precision, 4) if at.precision is not None else None,
        "recall@0.5": round(at.recall, 4) if at.recall is not None else None,
    }


def train(rows: list[Row], emb: dict[str, F32]) -> tuple[dict[str, Any], dict[str, Any]]:
    heads: dict[str, Any] = defaultdict(list)
    report: dict[str, Any] = {}
    for label in MODEL_LABELS:
        known = [r for r in rows if label in r.labels]
        fit = [r for r in known if r.role == "train"]
        cal = [r for r in known if r.role == "calib"]
        n_pos = sum(r.labels[label] for r in fit)
        cal_pos = sum(r.labels[label] for r in cal)
        if n_pos < MIN_POSITIVES or n_pos == len(fit) or not 0 < cal_pos < len(cal):
            if known:
                print(
                    f"{label}: {n_pos} train, {cal_pos} calib positives: no head", file=sys.stderr
                )
            continue
        imputed = [
            r
            for r in rows
            if r.role == "train" and label not in r.labels and r.source in IMPUTE.get(label, ())
        ]
        xf = np.stack([emb[r.text] for r in fit + imputed]).astype(np.float64)
        yf = np.array([r.labels[label] for r in fit] + [0] * len(imputed), dtype=np.float64)
        wf = _balanced(yf[: len(fit)])
        w_neg = float(wf[yf[: len(fit)] == 0][0])
        wf = np.concatenate([wf, np.full(len(imputed), IMPUTE_WEIGHT * w_neg)])
        xc = np.stack([emb[r.text] for r in cal]).astype(np.float64)
        yc = np.array([r.labels[label] for r in cal], dtype=np.float64)
        fits: list[tuple[float, float, F64, float]] = []
        for c in C_GRID:
            coef, b = fit_logistic(xf, yf, wf, c)
            ap = _ap(yc, xc @ coef + b)
            print(f"{label}: C={c:g} calib AP {ap:.4f}", file=sys.stderr)
            fits.append((ap, c, coef, b))
        top = max(f[0] for f in fits)
        _, c, coef, b = next(f for f in fits if f[0] >= top - C_TOLERANCE)
        margin = (xc @ coef + b)[:, None]
        (a,), cb = fit_logistic(margin, yc, np.ones_like(yc), 1e4)
        heads["labels"].append(label)
        heads["coef"].append(coef.astype(np.float32))
        heads["intercept"].append(b)
        heads["calib_a"].append(a)
        heads["calib_b"].append(cb)
        entry: dict[str, Any] = {
            "C": c,
            "train": {"n": len(fit), "n_pos": n_pos, "imputed_neg": len(imputed)},
            "platt": {"a": round(a, 4), "b": round(cb, 4)},
        }
        for role in ("calib", "test"):
            sel_all = [r for r in known if r.role == role]
            groups = {role: sel_all}
            for source in sorted({r.source for r in sel_all}):
                groups[f"{role}:{source}"] = [r for r in sel_all if r.source == source]
            for key, sel in groups.items():
                x = np.stack([emb[r.text] for r in sel]).astype(np.float64)
                p = _sigmoid(a * (x @ coef + b) + cb)
                entry[key] = _metrics([r.labels[label] for r in sel], [float(v) for v in p])
        report[label] = entry
    return dict(heads), report


def save(heads: dict[str, Any], report: dict[str, Any], rows: list[Row], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file():
            old.unlink()
    np.savez(
        out / HEADS_FILE,
        labels=np.array(heads["labels"]),
        coef=np.stack(heads["coef"]).astype(np.float32),
        intercept=np.array(heads["intercept"], dtype=np.float32),
        calib_a=np.array(heads["calib_a"], dtype=np.float32),
        calib_b=np.array(heads["calib_b"], dtype=np.float32),
    )
    sources = sorted({r.source for r in rows if r.role == "train"})
    (out / "NOTICE").write_text(
        "minilm-heads: logistic-regression heads over all-MiniLM-L6-v2 embeddings (tamis).\n"
        "Trained by training/train_embed_head.py on:\n"
        + "".join(f"  - {s}\n" for s in sources)
        + "davidson_hate_offensive: MIT, Davidson et al., ICWSM 2017.\n"
        "sms_spam_uci: free use, Almeida & Gomez Hidalgo, DocEng 2011.\n"
        "examples: training/examples/en, written for tamis, Apache-2.0.\n",
        "utf-8",
    )
    write_manifest_meta = {
        "embedding_model": MODEL_NAME,
        "embedding_model_version": registry.load(MODEL_NAME).version,
        "labels": heads["labels"],
        "calibration": "Platt: p = sigmoid(calib_a * (coef . x + intercept) + calib_b)",
        "train_sources": sources,
        "roles": "train: train splits; calib: public dev + even-SHA-1 half of examples dev; "
        "test: public test + other half of examples dev (as training/train_ngram.py)",
        "impute": {k: list(v) for k, v in IMPUTE.items()},
        "impute_weight": IMPUTE_WEIGHT,
        "metrics": report,
    }
    registry.write_manifest(
        out,
        name=HEADS_MODEL,
        version="1",
        licence="Apache-2.0 (heads); data: Davidson et al. (MIT), UCI SMS Spam (free use)",
        source="training/train_embed_head.py on training/data (+ training/examples/en)",
        card="docs/models/minilm-heads.md",
        meta=write_manifest_meta,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "data")
    ap.add_argument("--examples", type=Path, default=ROOT / "training" / "examples")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    rows = load_rows(args.data, args.examples)
    if not rows:
        print(f"no English training rows in {args.data}; run training.convert", file=sys.stderr)
        return 1
    by_source: dict[str, int] = defaultdict(int)
    for r in rows:
        by_source[f"{r.source}.{r.role}"] += 1
    print(json.dumps(by_source, indent=1), file=sys.stderr)
    emb = embed_all(rows, args.data / "cache", args.threads)
    heads, report = train(rows, emb)
    if not heads:
        print("no label has enough data", file=sys.stderr)
        return 1
    save(heads, report, rows, args.out)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
