"""Train the `weapons` head (model `weapons-head`) on EfficientNet-Lite0 image features.

    .venv/bin/python -m training.train_weapons [--data ../shared/data/weapons_gun_detection_rf]

Runs in the project's own environment: images are decoded by ``tamis.decoding.image`` and
embedded by ``tamis.detectors.image.backbone`` (the shipped `effnet-lite0-onnx`), exactly as at
inference. Data: the Roboflow "Gun detection v1" test split (CC BY 4.0, see its SOURCE.md);
an image with at least one gun box is a positive, one with an empty label file a negative.

Honest splitting. Many images are frames of the same CCTV scenes or copies of one photo, so
images are first grouped (union-find) when their PDQ hashes are within 31 bits, when they share
the Open Images id in the file name, or when their backbone features have a cosine similarity
of at least ``--group-cosine``. Whole groups go to `train` (about 70 %) or `test` (about 30 %)
by the SHA-1 of the group's first file name, so no scene is on both sides.

Fitting (train only): features standardised, horizontally flipped copies of the train images
added, an L2 logistic regression with C chosen by grouped 5-fold cross-validation (average
precision), Platt scaling fitted on the out-of-fold scores. `test` is scored once, at the end,
and never used to choose anything. Reported next to the head: the zero-shot baseline (sum of the
ImageNet gun classes' probabilities), grouped 5-fold cross-validation over all images, and the
scores on out-of-domain negatives (public-domain sample photos from scikit-image and generated
text and pattern images), which the training set lacks.

Output: head.npz, NOTICE and MODEL.json (with every figure) in src/tamis/models/weapons-head/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tamis.decoding.image import decode_image
from tamis.detectors.image import backbone as bb
from tamis.detectors.image.weapons import GUN_CLASSES, HEAD_FILE, HEAD_MODEL
from tamis.eval.metrics import at_threshold, average_precision, roc_auc
from tamis.hashing import pdq
from tamis.models.registry import write_manifest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "weapons_gun_detection_rf"
OUT = ROOT / "src" / "tamis" / "models" / HEAD_MODEL
CACHE = ROOT / "training" / "data" / "weapons_features.npz"
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5
PDQ_GROUP = 31
THRESHOLDS = (0.3, 0.5, 0.8)  # the default policy's label / review thresholds for `weapons`

F32 = npt.NDArray[np.float32]


# -- data ----------------------------------------------------------------------------------


@dataclass
class Sample:
    """One training or evaluation image: a whole dataset image, a crop of one, or a generated
    negative. Crops stay in the group of the image they come from."""

    source: int  # index of the dataset image (-1: generated)
    kind: str  # "full" | "crop-gun" | "crop-background" | "generated"
    label: int
    rgb: npt.NDArray[np.uint8]


def load(data: Path) -> tuple[list[str], list[npt.NDArray[np.uint8]], list[list[Box]]]:
    names, images, boxes = [], [], []
    for img in sorted((data / "images").glob("*.jpg")):
        label_file = data / "labels" / (img.stem + ".txt")
        if not label_file.is_file():
            continue
        frames = decode_image(img.read_bytes(), max_bytes=50 << 20)
        names.append(img.name)
        images.append(frames[0].rgb)
        boxes.append([_box(line) for line in label_file.read_text().splitlines() if line.strip()])
    return names, images, boxes


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the image


def _box(line: str) -> Box:
    _, cx, cy, w, h = (float(v) for v in line.split()[:5])
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crop(rgb: npt.NDArray[np.uint8], box: Box) -> npt.NDArray[np.uint8]:
    h, w = rgb.shape[:2]
    x0, y0 = max(0, int(box[0] * w)), max(0, int(box[1] * h))
    x1, y1 = min(w, int(np.ceil(box[2] * w))), min(h, int(np.ceil(box[3] * h)))
    return np.ascontiguousarray(rgb[y0:y1, x0:x1])


def samples(images: list[npt.NDArray[np.uint8]], boxes: list[list[Box]]) -> list[Sample]:
    """Every image whole, plus crops: around each gun with context (positives), and of the
    background of every image away from any gun (negatives). The background crops are what
    teaches the head that the gun, not the kind of photo, makes an image positive: the
    dataset's own negatives are almost all CCTV frames."""
    rng = np.random.default_rng(5)
    out: list[Sample] = []
    for i, (rgb, bxs) in enumerate(zip(images, boxes, strict=True)):
        out.append(Sample(i, "full", int(bool(bxs)), rgb))
        for b in bxs[:2]:
            grow = float(rng.uniform(0.6, 1.5))
            bw, bh = b[2] - b[0], b[3] - b[1]
            ctx = (b[0] - grow * bw, b[1] - grow * bh, b[2] + grow * bw, b[3] + grow * bh)
            crop = _crop(rgb, ctx)
            if min(crop.shape[:2]) >= 32:
                out.append(Sample(i, "crop-gun", 1, crop))
        guard = [(b[0] - 0.05, b[1] - 0.05, b[2] + 0.05, b[3] + 0.05) for b in bxs]
        made = 0
        for _ in range(40):
            if made == 2:
                break
            w, h = (float(v) for v in rng.uniform(0.3, 0.6, 2))
            x0, y0 = float(rng.uniform(0, 1 - w)), float(rng.uniform(0, 1 - h))
            cand = (x0, y0, x0 + w, y0 + h)
            if any(_overlaps(cand, g) for g in guard):
                continue
            crop = _crop(rgb, cand)
            if min(crop.shape[:2]) >= 32:
                out.append(Sample(i, "crop-background", 0, crop))
                made += 1
    return out


def features(key_items: list[str], images: list[npt.NDArray[np.uint8]]) -> dict[str, F32]:
    """Backbone features and logits of each image and of its mirror image (cached)."""
    key = hashlib.sha1("\n".join(key_items).encode()).hexdigest()
    if CACHE.is_file():
        with np.load(CACHE) as z:
            if str(z["key"]) == key:
                return {k: z[k] for k in ("feat", "logit", "feat_flip")}
    net = bb.shared_backbone(2)
    t0 = time.perf_counter()
    out = net.run(images, batch_size=16)
    flip = net.run([np.ascontiguousarray(x[:, ::-1]) for x in images], batch_size=16)
    print(f"features of {2 * len(images)} images in {time.perf_counter() - t0:.1f} s")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, key=key, feat=out.features, logit=out.logits, feat_flip=flip.features)
    return {"feat": out.features, "logit": out.logits, "feat_flip": flip.features}


def groups(
    names: list[str], images: list[npt.NDArray[np.uint8]], feat: F32, cosine: float
) -> npt.NDArray[np.int64]:
    n = len(names)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    hashes = [pdq.hash_pixels(x).bits for x in images]
    unit = feat / np.linalg.norm(feat, axis=1, keepdims=True)
    sims = unit @ unit.T
    ids = [re.split(r"_(jpg|jpeg|png)\.rf\.", nm)[0] for nm in names]
    for i in range(n):
        for j in range(i + 1, n):
            if (
                ids[i] == ids[j]
                or pdq.hamming(hashes[i], hashes[j]) <= PDQ_GROUP
                or sims[i, j] >= cosine
            ):
                union(i, j)
    roots = [find(i) for i in range(n)]
    remap = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    return np.array([remap[r] for r in roots], dtype=np.int64)


def split_of(group_first_name: str) -> str:
    bucket = int.from_bytes(hashlib.sha1(group_first_name.encode()).digest()[:8], "big") % 10
    return "test" if bucket < 3 else "train"


# -- model ---------------------------------------------------------------------------------


def fit(x: F32, y: npt.NDArray[np.int64], c: float) -> tuple[F32, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit(x, y)
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def folds_of(g: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.int64]:
    """Fold per row: whole groups per fold, by the SHA-1 of the group id."""
    return np.array(
        [int.from_bytes(hashlib.sha1(f"g{v}".encode()).digest()[:4], "big") % k for v in g]
    )


def oof_scores(
    x: F32, x_flip: F32, y: npt.NDArray[np.int64], fold: npt.NDArray[np.int64], c: float
) -> F32:
    """Out-of-fold decision values (train on the other folds, plus their mirror images)."""
    out = np.zeros(len(y), dtype=np.float32)
    for f in np.unique(fold):
        tr, te = fold != f, fold == f
        mu, sd = standardiser(x[tr])
        w, b = fit((np.concatenate([x[tr], x_flip[tr]]) - mu) / sd, np.concatenate([y[tr]] * 2), c)
        out[te] = ((x[te] - mu) / sd) @ w + b
    return out


def standardiser(x: F32) -> tuple[F32, F32]:
    mu = x.mean(axis=0).astype(np.float32)
    sd = (x.std(axis=0) + 1e-6).astype(np.float32)
    return mu, sd


def platt(z: F32, y: npt.NDArray[np.int64]) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e6, max_iter=1000)
    clf.fit(z.reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def sigmoid(z: F32) -> F32:
    out: F32 = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
    return out


def zero_shot(logit: F32) -> F32:
    return bb.BackboneOutput(logit[:, :1280], logit).probabilities()[:, list(GUN_CLASSES)].sum(1)


def report(y: npt.NDArray[np.int64], p: F32) -> dict[str, Any]:
    yl, pl = y.tolist(), p.tolist()
    out: dict[str, Any] = {
        "n": len(yl),
        "positives": int(sum(yl)),
        "auprc": round(average_precision(yl, pl) or 0.0, 4),
        "roc_auc": round(roc_auc(yl, pl) or 0.0, 4),
    }
    for t in THRESHOLDS:
        a = at_threshold(yl, pl, t)
        out[f"at_{t}"] = {
            "precision": round(a.precision, 4),
            "recall": round(a.recall, 4),
            "f1": round(a.f1, 4),
        }
    return out


# -- out-of-domain negatives ---------------------------------------------------------------


def ood_images() -> tuple[dict[str, npt.NDArray[np.uint8]], dict[str, npt.NDArray[np.uint8]]]:
    """Images unlike the dataset's that hold no weapon: scikit-image's public-domain sample
    photos (when installed; kept for evaluation only) and generated text, chart and pattern
    images (negatives for training and testing, split like the rest)."""
    from PIL import Image, ImageDraw, ImageFont

    out: dict[str, npt.NDArray[np.uint8]] = {}
    try:
        from skimage import data as sk

        for name in (
            "astronaut",
            "coffee",
            "chelsea",
            "rocket",
            "hubble_deep_field",
            "immunohistochemistry",
            "retina",
            "camera",
            "cell",
            "moon",
            "page",
            "text",
            "horse",
            "clock",
            "brick",
            "grass",
            "gravel",
            "colorwheel",
            "logo",
            "motorcycle_left",
        ):
            try:
                arr = np.asarray(getattr(sk, name)())
            except Exception:  # a sample needing a download (pooch) is skipped
                continue
            if arr.ndim == 2:
                arr = np.stack([arr] * 3, axis=-1)
            if arr.dtype != np.uint8:
                arr = (255 * (arr.astype(np.float64) / max(1.0, float(arr.max())))).astype(np.uint8)
            out[f"skimage:{name}"] = np.ascontiguousarray(arr[:, :, :3])
    except ImportError:
        pass
    photos, out = out, {}
    rng = np.random.default_rng(11)
    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    for i in range(60):
        bg = tuple(int(v) for v in rng.integers(180, 256, 3))
        img = Image.new("RGB", (640, 400), bg)
        draw = ImageDraw.Draw(img)
        font: Any = (
            ImageFont.truetype(str(font_path), int(rng.integers(14, 40)))
            if font_path.is_file()
            else ImageFont.load_default()
        )
        kind = i % 3
        if kind == 0:  # a screenshot of text
            for line in range(6):
                draw.text(
                    (20, 20 + 60 * line), f"Message {i}.{line}: see you at 5pm", (0, 0, 0), font
                )
        elif kind == 1:  # a bar chart
            for b in range(8):
                h = int(rng.integers(40, 330))
                draw.rectangle((40 + 70 * b, 380 - h, 90 + 70 * b, 380), fill=(40, 90, 200))
        else:  # shapes
            for _ in range(12):
                x0, y0 = (int(v) for v in rng.integers(0, 560, 2))
                col = tuple(int(v) for v in rng.integers(0, 256, 3))
                draw.ellipse((x0, y0 % 320, x0 + 80, y0 % 320 + 80), fill=col)
        out[f"generated:{['text', 'chart', 'shapes'][kind]}-{i}"] = np.asarray(img)
    return photos, out


# -- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--group-cosine", type=float, default=0.95)
    parser.add_argument(
        "--prevalence", type=float, default=0.1, help="share of gun images the scores assume"
    )
    args = parser.parse_args(argv)
    if not (args.data / "images").is_dir():
        print(f"no data at {args.data} (see training/README_weapons.md)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    names, images, boxes = load(args.data)
    items = samples(images, boxes)
    photos, generated = ood_images()
    items += [Sample(-1, "generated", 0, rgb) for rgb in generated.values()]
    keys = [
        f"{s.source}:{s.kind}:{s.rgb.shape}:{hashlib.sha1(s.rgb.tobytes()).hexdigest()}"
        for s in items
    ]
    f = features(keys, [s.rgb for s in items])
    x, xf, logit = f["feat"], f["feat_flip"], f["logit"]
    y = np.array([s.label for s in items], dtype=np.int64)
    full = np.array([s.kind == "full" for s in items])
    full_idx = np.flatnonzero(full)

    # Groups of the dataset images; every crop joins its image's group, and every generated
    # image is a group of its own.
    g_img = groups(names, images, x[full_idx], args.group_cosine)
    n_img_groups = int(g_img.max()) + 1
    g = np.array(
        [g_img[s.source] if s.source >= 0 else n_img_groups + k for k, s in enumerate(items)]
    )
    first: dict[int, str] = {}
    for k, s in enumerate(items):
        first.setdefault(int(g[k]), names[s.source] if s.source >= 0 else keys[k])
    split = np.array([split_of(first[int(v)]) for v in g])
    tr, te = split == "train", split == "test"
    sizes = np.bincount(g_img)
    kinds = {
        kd: int(sum(s.kind == kd for s in items)) for kd in dict.fromkeys(s.kind for s in items)
    }
    print(
        f"{len(names)} images ({int(y[full].sum())} with a gun) in {n_img_groups} groups "
        f"(largest {int(sizes.max())}); samples {kinds}; train {int(tr.sum())}, "
        f"test {int(te.sum())} ({int((te & full).sum())} whole images, "
        f"{int(y[te & full].sum())} with a gun)"
    )

    fold = folds_of(g[tr], FOLDS)
    cv: dict[str, float] = {}
    for c in C_GRID:
        z = oof_scores(x[tr], xf[tr], y[tr], fold, c)
        cv[str(c)] = round(average_precision(y[tr].tolist(), z.tolist()) or 0.0, 4)
    best_c = float(max(C_GRID, key=lambda c: (cv[str(c)], -c)))
    print("grouped CV average precision on train by C:", cv, "-> C =", best_c)
    z_oof = oof_scores(x[tr], xf[tr], y[tr], fold, best_c)
    calib_a, calib_b = platt(z_oof, y[tr])
    # Bayes' rule for the prevalence expected in real traffic: the Platt fit reflects the
    # training mix (about 45 % positives), far more guns than any platform sees.
    pi_train = float(y[tr].mean())
    calib_b += float(
        np.log(args.prevalence / (1 - args.prevalence)) - np.log(pi_train / (1 - pi_train))
    )

    mu, sd = standardiser(x[tr])
    w, b = fit((np.concatenate([x[tr], xf[tr]]) - mu) / sd, np.concatenate([y[tr]] * 2), best_c)
    # Fold the standardisation into the weights: p = σ(a·(w'·x + b') + c).
    coef = (w / sd).astype(np.float32)
    intercept = float(b - (mu / sd) @ w)

    def predict(feat: F32) -> F32:
        return sigmoid(calib_a * (feat @ coef + intercept) + calib_b)

    p_all = predict(x)
    test = report(y[te & full], p_all[te & full])
    baseline = report(y[te & full], zero_shot(logit[te & full]))
    by_kind = {
        kd: report(y[te & m], p_all[te & m])
        if y[te & m].min() != y[te & m].max()
        else {
            "n": int((te & m).sum()),
            "mean_score": round(float(p_all[te & m].mean()), 4),
            "at_or_above_0.5": int((p_all[te & m] >= 0.5).sum()),
        }
        for kd in kinds
        for m in [np.array([s.kind == kd for s in items])]
    }
    # Grouped 5-fold CV over every image (the same recipe; a spread, not the shipped model).
    fold_all = folds_of(g, FOLDS)
    z_all = sigmoid(calib_a * oof_scores(x, xf, y, fold_all, best_c) + calib_b)
    cv_all = report(y[full], z_all[full])

    ood_out = bb.shared_backbone(2).run(list(photos.values()))
    ood_p = predict(ood_out.features)
    ood_report = {
        "n": len(photos),
        "max": round(float(ood_p.max()), 4),
        "at_or_above_0.5": int((ood_p >= 0.5).sum()),
        "at_or_above_0.8": int((ood_p >= 0.8).sum()),
        "scores": {k: round(float(p), 4) for k, p in zip(photos, ood_p, strict=True)},
        "zero_shot_max": round(float(zero_shot(ood_out.logits).max()), 4),
    }
    print("test, whole held-out images:", json.dumps(test))
    print("zero-shot baseline, same images:", json.dumps(baseline))
    print("test by kind of sample:", json.dumps(by_kind))
    print("grouped 5-fold CV, all whole images:", json.dumps(cv_all))
    print("sample photos (never trained on):", json.dumps(ood_report))

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    np.savez(
        out / HEAD_FILE,
        coef=coef,
        intercept=np.float32(intercept),
        calib_a=np.float32(calib_a),
        calib_b=np.float32(calib_b),
    )
    (out / "NOTICE").write_text(
        "The weapons head was trained by tamis (training/train_weapons.py, Apache-2.0) on the\n"
        '"Gun detection v1" dataset (Roboflow Universe, test split; CC BY 4.0), on features of\n'
        "EfficientNet-Lite0 (Apache-2.0, see the effnet-lite0-onnx model).\n",
        encoding="utf-8",
    )
    write_manifest(
        out,
        name=HEAD_MODEL,
        version="1",
        licence="Apache-2.0 (head); data: Gun detection v1, Roboflow Universe (CC BY 4.0)",
        source="training/train_weapons.py on weapons_gun_detection_rf",
        card="docs/models/weapons-head.md",
        meta={
            "backbone": bb.MODEL_NAME,
            "calibration": "Platt: p = sigmoid(calib_a * (coef . features + intercept) + calib_b)",
            "prevalence": args.prevalence,
            "images": len(names),
            "positives": int(y[full].sum()),
            "groups": n_img_groups,
            "group_rule": f"PDQ <= {PDQ_GROUP} bits, same Open Images id, or feature cosine >= "
            f"{args.group_cosine}",
            "samples": kinds,
            "split": {
                "train": int(tr.sum()),
                "test": int(te.sum()),
                "test_whole_images": int((te & full).sum()),
            },
            "C": best_c,
            "cv_train_average_precision_by_C": cv,
            "test": test,
            "test_images": sorted(names[k] for k in range(len(names)) if te[full_idx[k]]),
            "zero_shot_baseline_test": baseline,
            "test_by_kind": by_kind,
            "grouped_cv_all": cv_all,
            "sample_photos": ood_report,
            "seconds": round(time.perf_counter() - t0, 1),
        },
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
