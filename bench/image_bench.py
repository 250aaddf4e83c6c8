"""Image pipeline benchmark: images/s of the shipped `default` policy with and without OCR,
against the bare inference time of its models measured on the same images in the same run.

    python bench/run.py image [--quick] [--n 500] [--batch 8] [--workers 2] [--json [PATH]]

- A deterministic set of N generated images (default 500; --quick 24 and no pool run),
  encoded in memory as JPEG, PNG and WebP, 320 to 1280 px on the long side: photo-like
  fields (smooth colour, gradients, shapes, noise), skimage's sample photos cropped and
  resized, text rendered on photos and screenshot-like pages (DejaVu Sans), QR codes (segno).
  The mix is printed.
- Pipeline: `Engine.moderate_many` on image Media built from the bytes as the API's
  /v1/moderate/image route does, in batches of --batch, with the shipped `default` policy
  ("with OCR") and the same policy without its `ocr` decoder ("without OCR", built in code).
  A hash bank of --bank random hashes (plus the hashes of 1 image in 20) sits in a temporary
  $TAMIS_HOME, so `hash_banks` hashes and queries as it does in service. Measured in one
  process, then on a pool of --workers processes (each with its own Engine), with peak RSS.
- Stage by stage, in the same process as the 1-process pipeline run and on the same images:
  decoding, each decoder (`decode`) and each detector (`detect`) in isolation, in the
  policy's order (so `faces` reuses `nudity`'s NudeNet pass, as in the pipeline). Every model
  call made meanwhile is timed where it happens: onnxruntime `run` (any model of any detector,
  found generically, so a newly added image detector is measured without changes here),
  zxing-cpp `read_barcodes`, pdqhash `compute`. "Bare model time" is the sum of those calls:
  it excludes image decoding, resizing, letterboxing, normalisation, box decoding, NMS, OCR
  cropping and line merging, bank queries and the engine's own work. The ratio pipeline /
  bare models shows what everything else costs (target ≤ 1.15). The same calls are also
  timed inside the 1-process pipeline run itself (a few microseconds per call): that ratio
  does not move when the host's load changes between passes.
- PDQ: images/s of `tamis.hashing.pdq.hash_bytes` (decode + hash) and of hashing the decoded
  frames, on the same images. Bank matching latency and memory at 100k/1M hashes are
  `bench/run.py hash`; the last hash run's figures are echoed if bench/results/hash.json exists.

Figures are printed and written to bench/results/image.json, except by --quick (`--json`
prints the report, `--json PATH` writes it there too). The measurements run in fresh
subprocesses, so their peak RSS is their own. Nothing here asserts a wall-clock limit.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import platform
import resource
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from child import run_child  # noqa: E402

RESULTS = HERE / "results" / "image.json"
WITH_OCR = "default"
NO_OCR = "default-no-ocr"
VARIANTS = (NO_OCR, WITH_OCR)
VARIANT_LABEL = {NO_OCR: "without OCR", WITH_OCR: "with OCR"}
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
WARM_CHUNKS = 1  # per worker, before the clock starts (pool), or in all (1 process)
COOL_CHUNKS = 1  # per worker after the timed ones: the pool is as busy at the end mark

TARGETS = {
    "images_per_s_no_ocr_2_cores": 20.0,
    "ratio_pipeline_vs_models": 1.15,
    "peak_rss_mb": 2048.0,
}


# --------------------------------------------------------------------------------------------
# Arguments


def _parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="bench/run.py image", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="24 images, no pool run (about 1 min)")
    ap.add_argument("--n", type=int, help="images (default 500; --quick 24)")
    ap.add_argument("--batch", type=int, default=8, help="images per moderate_many call")
    ap.add_argument(
        "--workers", type=int, help="processes for the pool run (default 2; --quick 0: none)"
    )
    ap.add_argument("--bank", type=int, default=100_000, help="random hashes in the bank")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument(
        "--json",
        nargs="?",
        const="-",
        help="print the JSON report (with PATH: also write it there)",
    )
    ap.add_argument("--child", choices=["single", "pool"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args, _ = ap.parse_known_args(argv)  # `bench/run.py` passes every bench the same options
    if args.n is None:
        args.n = 24 if args.quick else 500
    if args.workers is None:
        args.workers = 0 if args.quick else 2
    return args


# --------------------------------------------------------------------------------------------
# The image set

KIND_WEIGHTS = {"photo": 0.30, "sample": 0.20, "text": 0.25, "screenshot": 0.10, "qr": 0.15}
FORMATS = {  # kind -> (format, weight)
    "photo": (("JPEG", 0.8), ("WEBP", 0.2)),
    "sample": (("JPEG", 0.8), ("WEBP", 0.2)),
    "text": (("JPEG", 0.5), ("PNG", 0.3), ("WEBP", 0.2)),
    "screenshot": (("PNG", 0.7), ("WEBP", 0.3)),
    "qr": (("PNG", 0.6), ("JPEG", 0.4)),
}
ASPECTS = (1.0, 4 / 3, 3 / 2, 16 / 9, 3 / 4, 9 / 16)
SAMPLES = (  # files bundled in scikit-image's wheel (skimage.data), none downloaded
    "astronaut.png",
    "coffee.png",
    "chelsea.png",
    "rocket.jpg",
    "hubble_deep_field.jpg",
    "motorcycle_left.png",
    "retina.jpg",
    "camera.png",
    "page.png",
)
LINES = (
    "Summer sale: everything must go",
    "Meet me at the station at 6",
    "Buy followers now, visit cheap-likes.example.com",
    "Add me on telegram @deals_4_you",
    "Free crypto giveaway, send 0.1 BTC to get 1 back",
    "Happy birthday Grandma!",
    "Le marché ouvre à 8 heures",
    "Nur heute: 50% Rabatt auf alles",
    "Call 555-0134 for a free quote",
    "You are such an idiot lol",
    "Road closed for maintenance",
    "Quarterly report, page 3 of 12",
    "¿Dónde está la biblioteca?",
    "New episode every Friday",
    "WhatsApp +44 7700 900123 for prices",
    "Best pizza in town since 1987",
)


def _pick(rng: np.random.Generator, options: Sequence[tuple[str, float]]) -> str:
    names = [o for o, _ in options]
    p = np.asarray([w for _, w in options], dtype=float)
    return str(names[int(rng.choice(len(names), p=p / p.sum()))])


def _size(rng: np.random.Generator) -> tuple[int, int]:
    long_side = int(rng.integers(320, 1281))
    aspect = float(ASPECTS[int(rng.integers(len(ASPECTS)))])
    if aspect >= 1:
        return long_side, max(32, round(long_side / aspect))
    return max(32, round(long_side * aspect)), long_side


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_BOLD if bold and FONT_BOLD.is_file() else FONT
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


@cache
def _samples() -> tuple[tuple[str, np.ndarray], ...]:
    try:
        from skimage import data
    except ImportError:
        return ()
    out = []
    for name in SAMPLES:
        path = Path(data.data_dir) / name
        if path.is_file():
            with Image.open(path) as img:
                keep = img.convert("L" if img.mode in ("L", "1", "I;16") else "RGB")
            out.append((path.stem, np.asarray(keep)))
    return tuple(out)


def _photo(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """Smooth colour field, a gradient, random shapes, sensor-like noise."""
    w, h = size
    gh, gw = int(rng.integers(3, 9)), int(rng.integers(3, 9))
    field = rng.integers(0, 256, size=(gh, gw, 3), dtype=np.uint8)
    img = Image.fromarray(field, "RGB").resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(3, 13))):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1 = x0 + int(rng.integers(w // 20 + 1, w // 2 + 2))
        y1 = y0 + int(rng.integers(h // 20 + 1, h // 2 + 2))
        fill = tuple(int(c) for c in rng.integers(0, 256, 3))
        shape = int(rng.integers(3))
        if shape == 0:
            draw.ellipse((x0, y0, x1, y1), fill=fill)
        elif shape == 1:
            draw.rectangle((x0, y0, x1, y1), fill=fill)
        else:
            pts = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(3)]
            draw.polygon(pts, fill=fill)
    arr = np.asarray(img, dtype=np.int16)
    ramp = np.linspace(-40, 40, w if rng.random() < 0.5 else h, dtype=np.float32)
    ramp2 = ramp[None, :, None] if len(ramp) == w else ramp[:, None, None]
    noise = rng.normal(0, float(rng.uniform(2, 14)), size=arr.shape).astype(np.float32)
    out = np.clip(arr + ramp2 + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "RGB")


def _sample_photo(rng: np.random.Generator, size: tuple[int, int]) -> tuple[Image.Image, str]:
    samples = _samples()
    if not samples:
        return _photo(rng, size), ""
    name, arr = samples[int(rng.integers(len(samples)))]
    h, w = arr.shape[:2]
    frac = float(rng.uniform(0.6, 1.0))
    ch, cw = max(16, int(h * frac)), max(16, int(w * frac))
    y, x = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    crop = arr[y : y + ch, x : x + cw]
    img = Image.fromarray(crop)  # grey samples stay grey: the decoder's L path
    return img.resize(size, Image.Resampling.BILINEAR), name


def _draw_lines(
    img: Image.Image, rng: np.random.Generator, n: int, *, page: bool = False
) -> list[str]:
    draw = ImageDraw.Draw(img)
    w, h = img.size
    written: list[str] = []
    y = int(rng.integers(4, max(5, h // 8)))
    for _ in range(n):
        text = LINES[int(rng.integers(len(LINES)))]
        px = int(rng.integers(14, 26)) if page else int(rng.integers(18, max(19, min(64, h // 6))))
        font = _font(px, bold=not page and rng.random() < 0.5)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        tw, th = int(right - left), int(bottom - top)
        if tw > w - 8:  # too wide: shrink once, else skip
            px = max(10, int(px * (w - 8) / tw))
            font = _font(px)
            left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
            tw, th = int(right - left), int(bottom - top)
        if y + th + 4 > h or tw > w - 4:
            break
        x = int(rng.integers(2, max(3, w - tw - 2)))
        if page:
            draw.text((x if rng.random() < 0.3 else 12, y), text, font=font, fill=(20, 20, 20))
        elif rng.random() < 0.5:  # meme style: white with a black outline
            draw.text((x, y), text, font=font, fill="white", stroke_width=2, stroke_fill="black")
        else:  # caption on a band
            draw.rectangle((x - 4, y - 2, x + tw + 4, y + th + 8), fill=(250, 250, 245))
            draw.text((x, y), text, font=font, fill=(10, 10, 10))
        written.append(text)
        y += th + int(rng.integers(8, 30))
    return written


def _qr_code(img: Image.Image, rng: np.random.Generator, i: int) -> str:
    import segno

    payload = (
        f"https://example.com/promo/{i:04d}?ref=bench"
        if rng.random() < 0.7
        else f"WIFI:T:WPA;S:cafe-{i};P:secret{i};;"
    )
    qr = segno.make(payload, error="m", micro=False)
    matrix = np.asarray(qr.matrix, dtype=bool)
    matrix = np.pad(matrix, 4)  # quiet zone
    w, h = img.size
    module = max(2, min(int(rng.integers(3, 9)), min(w, h) // (matrix.shape[0] + 2)))
    pix = np.where(matrix, 0, 255).astype(np.uint8).repeat(module, 0).repeat(module, 1)
    code = Image.fromarray(pix, "L").convert("RGB")
    x = int(rng.integers(0, max(1, w - code.width)))
    y = int(rng.integers(0, max(1, h - code.height)))
    img.paste(code, (x, y))
    return payload


def _encode(img: Image.Image, fmt: str, rng: np.random.Generator) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, format="JPEG", quality=int(rng.integers(70, 96)))
    elif fmt == "WEBP":
        img.save(buf, format="WEBP", quality=80, method=4)
    else:
        img.save(buf, format="PNG")
    return buf.getvalue()


def make_images(n: int, seed: int) -> list[dict[str, Any]]:
    """N images, each {id, kind, format, size, bytes, text (lines drawn), qr (payload)}."""
    kinds = list(KIND_WEIGHTS.items())
    out: list[dict[str, Any]] = []
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind = _pick(rng, kinds)
        size = _size(rng)
        lines: list[str] = []
        qr = None
        source = ""
        if kind == "photo":
            img = _photo(rng, size)
        elif kind == "sample":
            img, source = _sample_photo(rng, size)
        elif kind == "text":
            img = _photo(rng, size) if rng.random() < 0.6 else _sample_photo(rng, size)[0]
            img = img.convert("RGB")
            lines = _draw_lines(img, rng, int(rng.integers(1, 4)))
        elif kind == "screenshot":
            shade = int(rng.integers(235, 256))
            img = Image.new("RGB", size, (shade, shade, shade))
            lines = _draw_lines(img, rng, int(rng.integers(4, 16)), page=True)
        else:
            img = _photo(rng, size)
            qr = _qr_code(img, rng, i)
            if rng.random() < 0.4:
                lines = _draw_lines(img, rng, 1)
        fmt = _pick(rng, FORMATS[kind])
        data = _encode(img, fmt, rng)
        out.append(
            {
                "id": f"img{i:04d}",
                "kind": kind,
                "format": fmt,
                "size": list(img.size),
                "mode": img.mode,
                "source": source,
                "bytes": data,
                "text": lines,
                "qr": qr,
            }
        )
    return out


def _mix(images: list[dict[str, Any]]) -> dict[str, Any]:
    sides = [max(im["size"]) for im in images]
    return {
        "kinds": dict(Counter(im["kind"] for im in images)),
        "formats": dict(Counter(im["format"] for im in images)),
        "grey": sum(im["mode"] == "L" for im in images),
        "with_text": sum(bool(im["text"]) for im in images),
        "with_qr": sum(im["qr"] is not None for im in images),
        "samples": dict(Counter(im["source"] for im in images if im["source"])),
        "long_side_px": {
            "min": min(sides),
            "median": int(np.median(sides)),
            "max": max(sides),
        },
        "megapixels_mean": round(
            float(np.mean([im["size"][0] * im["size"][1] for im in images])) / 1e6, 3
        ),
        "bytes_mean": int(np.mean([len(im["bytes"]) for im in images])),
    }


# --------------------------------------------------------------------------------------------
# Policies, bank, engine


def policies() -> dict[str, Any]:
    """The shipped `default` policy, and the same without its `ocr` decoder."""
    from tamis.policy.store import parse_policy, shipped_policies

    shipped = shipped_policies()["default"]
    data = shipped.model_dump(mode="json")
    data["name"] = NO_OCR
    data["description"] = "The shipped default policy without OCR (bench/image_bench.py)."
    data["decoders"] = {k: v for k, v in data["decoders"].items() if k != "ocr"}
    no_ocr = parse_policy(data, source="bench:default-no-ocr")
    if "ocr" not in shipped.decoders:
        print("  note: the shipped default policy has no `ocr` decoder", flush=True)
    return {WITH_OCR: shipped, NO_OCR: no_ocr}


def make_engine() -> Any:
    from tamis.engine import Engine

    return Engine(policies=policies())


def media_of(item: dict[str, Any]) -> Any:
    """As the /v1/moderate/image route builds it: the bytes, with the mime type probed."""
    from tamis.decoding.image import probe_image
    from tamis.media import Media, Modality

    info = probe_image(item["bytes"], max_bytes=1 << 30)
    return Media(id=item["id"], modality=Modality.IMAGE, data=item["bytes"], mime=info.mime)


def write_bank(home: Path, images: list[dict[str, Any]], n: int, seed: int) -> int:
    """A bank of `n` random hashes plus the PDQ of every 20th image; returns how many of the
    images should match."""
    from tamis.detectors.image.hash_banks import FileBankStore
    from tamis.hashing import pdq

    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 256, size=(n, pdq.HASH_BYTES), dtype=np.uint8)
    records = [pdq.HashRecord(bytes(row), 100, source="random") for row in codes]
    known = images[::20]
    for im in known:
        records.append(pdq.HashRecord(pdq.hash_bytes(im["bytes"]).bits, source=im["id"]))
    store = FileBankStore(home / "banks")
    store.create("bench", "random hashes and a few of the benchmark's images")
    store.add("bench", records)
    return len(known)


def _summary(res: Any) -> dict[str, Any]:
    from tamis.errors import TamisError

    if isinstance(res, TamisError):
        return {"a": "error", "l": [res.code]}
    return {"a": str(res.decision.action), "l": sorted({f.label for f in res.findings})}


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # kilobytes on Linux


class RssSampler(threading.Thread):
    """Peak RSS of this process plus all its descendants (psutil, every 50 ms)."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil

        self._me = psutil.Process()
        self._interval = interval
        self._stop_event = threading.Event()
        self.peak_total_mb = 0.0
        self.peak_child_mb = 0.0

    def reset(self) -> None:
        self.peak_total_mb = self.peak_child_mb = 0.0

    def sample(self) -> None:
        import psutil

        total = 0.0
        try:
            procs = [self._me, *self._me.children(recursive=True)]
        except psutil.Error:
            return
        for p in procs:
            try:
                rss = p.memory_info().rss / 2**20
            except psutil.Error:
                continue
            total += rss
            if p.pid != self._me.pid:
                self.peak_child_mb = max(self.peak_child_mb, rss)
        self.peak_total_mb = max(self.peak_total_mb, total)

    def run(self) -> None:
        while not self._stop_event.wait(self._interval):
            self.sample()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


# --------------------------------------------------------------------------------------------
# Model-call probes: every call timed where it happens, attributed to the running stage


class Probes:
    """Wraps onnxruntime's Session.run, zxing-cpp and pdqhash (the "bare model" calls), and
    rapidocr's detector/recogniser and the hash index search (library calls reported apart:
    they include pre/post-processing, and rapidocr's include the ONNX runs)."""

    def __init__(self) -> None:
        self.stage = "-"
        self.model: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
        self.library: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
        self._undo: list[Callable[[], None]] = []

    def _patch(
        self, owner: Any, attr: str, name: Callable[[tuple[Any, ...]], str], bare: bool
    ) -> None:
        original = getattr(owner, attr)
        table = self.model if bare else self.library

        def timed(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                row = table[(self.stage, name(a))]
                row[0] += 1
                row[1] += time.perf_counter() - t

        setattr(owner, attr, timed)
        self._undo.append(lambda: setattr(owner, attr, original))

    def install(self) -> None:
        import pdqhash
        import zxingcpp
        from onnxruntime.capi import onnxruntime_inference_collection as oic

        from tamis.hashing.index import HashIndex

        def onnx_name(a: tuple[Any, ...]) -> str:
            path = getattr(a[0], "_model_path", None)
            if not path:
                return "onnx:(in-memory model)"
            return f"onnx:{Path(path).parent.name}/{Path(path).name}"

        self._patch(oic.Session, "run", onnx_name, True)
        self._patch(zxingcpp, "read_barcodes", lambda a: "zxing-cpp read_barcodes", True)
        self._patch(pdqhash, "compute", lambda a: "pdqhash compute", True)
        self._patch(pdqhash, "compute_dihedral", lambda a: "pdqhash compute_dihedral", True)
        self._patch(HashIndex, "search", lambda a: "HashIndex.search", False)
        try:
            from rapidocr.ch_ppocr_det import TextDetector
            from rapidocr.ch_ppocr_rec import TextRecognizer
        except ImportError:
            return
        self._patch(TextDetector, "__call__", lambda a: "rapidocr TextDetector", False)
        self._patch(TextRecognizer, "__call__", lambda a: "rapidocr TextRecognizer", False)

    def remove(self) -> None:
        while self._undo:
            self._undo.pop()()

    @staticmethod
    def rows(table: dict[tuple[str, str], list[float]]) -> list[dict[str, Any]]:
        return [
            {"stage": s, "call": c, "calls": int(v[0]), "seconds": v[1]}
            for (s, c), v in sorted(table.items())
        ]


def stage_pass(engine: Any, images: list[dict[str, Any]], batch: int) -> dict[str, Any]:
    """Decoding, each decoder and each detector of the with-OCR policy run in isolation, in
    the policy's order, batch by batch; model calls timed by the probes meanwhile.

    Stages: `decode`; `decoder:NAME`; `langid@NAME` (language id of the text parts decoder
    NAME derived, as the engine does); `detector:NAME` on the image parts; `detector:NAME@DEC`
    on the text parts decoder DEC derived (OCR lines, QR payloads)."""
    from tamis.media import Modality

    pol = engine.policy(WITH_OCR)
    decoders = {n: engine.decoder(n, s) for n, s in pol.decoders.items()}
    detectors = {n: engine.detector(n, s) for n, s in pol.detectors.items()}
    media = {im["id"]: media_of(im) for im in images}
    stage_s: dict[str, float] = defaultdict(float)
    derived_n: dict[str, int] = Counter()
    images_with: dict[str, set[str]] = defaultdict(set)
    probes = Probes()
    probes.install()
    try:
        for chunk in _chunks(images, batch):
            probes.stage = "decode"
            t = time.perf_counter()
            parts = [p for im in chunk for p in engine._decode(media[im["id"]])]
            stage_s["decode"] += time.perf_counter() - t
            derived: dict[str, list[Any]] = {}
            for name, dec in decoders.items():
                probes.stage = f"decoder:{name}"
                todo = [p for p in parts if p.modality in dec.modalities]
                t = time.perf_counter()
                got = dec.decode(todo) if todo else []
                stage_s[probes.stage] += time.perf_counter() - t
                probes.stage = f"langid@{name}"
                t = time.perf_counter()
                new = [engine._with_language(p) for lst in got for p in lst]
                stage_s[probes.stage] += time.perf_counter() - t
                derived[name] = new
                derived_n[name] += len(new)
                images_with[name].update(p.media_id for p in new)
            for name, det in detectors.items():
                probes.stage = f"detector:{name}"
                todo = [p for p in parts if p.modality in det.modalities]
                if todo:
                    t = time.perf_counter()
                    det.detect(todo)
                    stage_s[probes.stage] += time.perf_counter() - t
                for dname, new in derived.items():
                    todo = [p for p in new if p.modality in det.modalities]
                    if not todo or all(p.modality is Modality.IMAGE for p in todo):
                        continue
                    probes.stage = f"detector:{name}@{dname}"
                    t = time.perf_counter()
                    det.detect(todo)
                    stage_s[probes.stage] += time.perf_counter() - t
    finally:
        probes.stage = "-"
        probes.remove()
    return {
        "stage_s": dict(stage_s),
        "model_calls": probes.rows(probes.model),
        "library_calls": probes.rows(probes.library),
        "derived_parts": dict(derived_n),
        "images_with_derived": {k: sorted(v) for k, v in images_with.items()},
        "decoders": list(decoders),
        "detectors": {n: sorted(str(m) for m in d.modalities) for n, d in detectors.items()},
    }


def pdq_rates(images: list[dict[str, Any]]) -> dict[str, float]:
    from tamis.decoding.image import decode_image
    from tamis.hashing import pdq

    blobs = [im["bytes"] for im in images]
    pdq.hash_bytes(blobs[0])
    t = time.perf_counter()
    for b in blobs:
        pdq.hash_bytes(b)
    bytes_s = time.perf_counter() - t
    frames = [decode_image(b, max_bytes=1 << 30)[0] for b in blobs]
    t = time.perf_counter()
    for f in frames:
        pdq.hash_image(f)
    frames_s = time.perf_counter() - t
    return {
        "hash_bytes_images_per_s": len(blobs) / bytes_s,
        "hash_frame_per_s": len(frames) / frames_s,
    }


# --------------------------------------------------------------------------------------------
# Children: the measurements, each in a fresh process so its peak RSS is its own


def _load_data(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        images: list[dict[str, Any]] = pickle.load(fh)
    return images


def _child_single(args: argparse.Namespace) -> dict[str, Any]:
    images = _load_data(args.data)
    t0 = time.perf_counter()
    from tamis.errors import TamisError

    engine = make_engine()
    engine_s = time.perf_counter() - t0
    out: dict[str, Any] = {"images": len(images), "batch": args.batch, "variants": {}}
    warm = images[: WARM_CHUNKS * args.batch]
    # Without OCR first: its peak RSS is read before the OCR models are ever loaded.
    for policy in VARIANTS:
        t = time.perf_counter()
        engine.moderate_many([media_of(warm[0])], policy)  # loads the models it needs
        first_s = time.perf_counter() - t
        for chunk in _chunks(warm, args.batch):
            engine.moderate_many([media_of(im) for im in chunk], policy)
        stages: Counter[str] = Counter()
        items: list[dict[str, Any]] = []
        # The same model calls timed inside this very run (a few microseconds per call, a
        # few calls per image): the model share of the pipeline whatever the host's load.
        probes = Probes()
        probes.stage = "pipeline"
        probes.install()
        load_before = os.getloadavg()[0]
        cpu0 = time.process_time()
        t = time.perf_counter()
        try:
            for chunk in _chunks(images, args.batch):
                for res in engine.moderate_many([media_of(im) for im in chunk], policy):
                    items.append(_summary(res))
                    if not isinstance(res, TamisError):
                        stages.update(res.timings)
            elapsed = time.perf_counter() - t
            cpu = time.process_time() - cpu0
        finally:
            probes.remove()
        out["variants"][policy] = {
            "elapsed_s": elapsed,
            "cpu_s": cpu,
            "images_per_s": len(images) / elapsed,
            "ms_per_image": 1000 * elapsed / len(images),
            "first_image_s": first_s,
            "peak_rss_mb": _rss_mb(),
            "host_load_1min": [load_before, os.getloadavg()[0]],
            "engine_timings_s": dict(stages),
            "model_calls_in_run": probes.rows(probes.model),
            "library_calls_in_run": probes.rows(probes.library),
            "per_item": items,
        }
    out["load_s"] = engine_s
    out["stages"] = stage_pass(engine, images, args.batch)
    out["pdq"] = pdq_rates(images)
    out["peak_rss_mb"] = _rss_mb()
    return out


_worker_engine: Any = None


def _pool_init(workers: int) -> None:
    """Each worker's own Engine, with every model of both variants loaded (one small image
    through each) before it takes a chunk."""
    global _worker_engine
    from tamis.detectors.image._onnx import set_process_share

    set_process_share(workers)  # as `tamis scan --workers N` does in each worker
    _worker_engine = make_engine()
    rng = np.random.default_rng(0)
    probe = {"id": "warm", "bytes": _encode(_photo(rng, (96, 96)), "PNG", rng)}
    for policy in VARIANTS:
        _worker_engine.moderate_many([media_of(probe)], policy)


def _pool_work(policy: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _worker_engine is not None
    return [_summary(r) for r in _worker_engine.moderate_many([media_of(i) for i in items], policy)]


def _pool_phase(
    pool: Any,
    policy: str,
    images: list[dict[str, Any]],
    workers: int,
    batch: int,
    sampler: RssSampler,
) -> dict[str, Any]:
    """One variant on the pool: warm-up chunks, the timed images, cool-down chunks, at most
    2 chunks per worker in flight; the rate is the timed chunks' (from the warm-up's end to
    theirs)."""
    from collections import deque

    warm = images[: WARM_CHUNKS * workers * batch]
    cool = images[-COOL_CHUNKS * workers * batch :]
    chunks = (
        [("w", c) for c in _chunks(warm, batch)]
        + [("c", c) for c in _chunks(images, batch)]
        + [("z", c) for c in _chunks(cool, batch)]
    )
    n_warm = sum(1 for k, _ in chunks if k == "w")
    n_last = n_warm + sum(1 for k, _ in chunks if k == "c")
    sampler.reset()
    pending: deque[tuple[str, Any]] = deque()
    items: list[dict[str, Any]] = []
    marks: dict[str, float] = {}
    done = 0
    load_before = os.getloadavg()[0]
    start = time.perf_counter()

    def collect() -> None:
        nonlocal done
        kind, fut = pending.popleft()
        got = fut.result()
        if kind == "c":
            items.extend(got)
        done += 1
        if done == n_warm:
            marks["start"] = time.perf_counter()
        if done == n_last:
            marks["end"] = time.perf_counter()

    for kind, chunk in chunks:
        pending.append((kind, pool.submit(_pool_work, policy, chunk)))
        if len(pending) >= workers * 2:
            collect()
    while pending:
        collect()
    steady_s = marks["end"] - marks["start"]
    return {
        "images_per_s": len(images) / steady_s,
        "steady_elapsed_s": steady_s,
        "phase_s": time.perf_counter() - start,
        "peak_rss_total_mb": sampler.peak_total_mb,
        "peak_rss_largest_worker_mb": sampler.peak_child_mb,
        "host_load_1min": [load_before, os.getloadavg()[0]],
        "per_item": items,
    }


def _child_pool(args: argparse.Namespace) -> dict[str, Any]:
    from concurrent.futures import ProcessPoolExecutor

    images = _load_data(args.data)
    sampler = RssSampler()
    sampler.start()
    out: dict[str, Any] = {"workers": args.workers, "batch": args.batch, "variants": {}}
    t0 = time.perf_counter()
    with ProcessPoolExecutor(
        max_workers=args.workers, initializer=_pool_init, initargs=(args.workers,)
    ) as pool:
        for policy in VARIANTS:
            out["variants"][policy] = _pool_phase(
                pool, policy, images, args.workers, args.batch, sampler
            )
    sampler.stop()
    out["total_s"] = time.perf_counter() - t0
    out["worker_peak_rss_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    return out


def _run_child(kind: str, args: argparse.Namespace, data: Path) -> dict[str, Any]:
    return run_child(
        __file__, kind, data, "--batch", str(args.batch), "--workers", str(args.workers)
    )


# --------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    if args.child:
        fn = _child_single if args.child == "single" else _child_pool
        args.out.write_text(json.dumps(fn(args)), "utf-8")
        return 0
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tamis-bench-image-") as tmp:
        home = Path(tmp) / "home"
        previous = os.environ.get("TAMIS_HOME")
        os.environ["TAMIS_HOME"] = str(home)  # before any engine: children inherit it
        try:
            return _bench(args, Path(tmp), home, t_start)
        finally:
            if previous is None:
                os.environ.pop("TAMIS_HOME", None)
            else:
                os.environ["TAMIS_HOME"] = previous


def _stage_variant(stage: str, decoders: Sequence[str]) -> bool:
    """Whether a stage of the stage pass belongs to a policy with these decoders."""
    if stage.startswith("decoder:"):
        return stage.split(":", 1)[1] in decoders
    if "@" in stage:
        return stage.split("@", 1)[1] in decoders
    return True


def _bench(args: argparse.Namespace, tmp: Path, home: Path, t_start: float) -> int:
    print(
        f"image benchmark: {args.n} images, batch {args.batch}, {args.workers} workers, "
        f"bank of {args.bank:,} hashes, seed {args.seed}, {os.cpu_count()} cores, "
        f"host load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    t = time.perf_counter()
    images = make_images(args.n, args.seed)
    gen_s = time.perf_counter() - t
    mix = _mix(images)
    print(
        f"  images generated in {gen_s:.1f}s: "
        + ", ".join(f"{k} {v}" for k, v in mix["kinds"].items())
        + "; "
        + ", ".join(f"{k} {v}" for k, v in mix["formats"].items())
        + f"; {mix['with_text']} with text, {mix['with_qr']} with a QR code, "
        f"{mix['grey']} grey; long side {mix['long_side_px']['min']}-"
        f"{mix['long_side_px']['max']} px (median {mix['long_side_px']['median']}), "
        f"{mix['megapixels_mean']} MP and {mix['bytes_mean'] / 1024:.0f} KiB on average",
        flush=True,
    )
    if mix["samples"]:
        print("  skimage samples: " + ", ".join(f"{k} {v}" for k, v in mix["samples"].items()))
    expected_matches = write_bank(home, images, args.bank, args.seed + 1)
    data = tmp / "images.pkl"
    with data.open("wb") as fh:
        pickle.dump(images, fh, protocol=pickle.HIGHEST_PROTOCOL)
    pols = policies()
    print(
        "  policy `default`: detectors "
        + ", ".join(pols[WITH_OCR].detectors)
        + "; decoders "
        + ", ".join(pols[WITH_OCR].decoders)
        + f" (`{NO_OCR}`: the same without ocr)",
        flush=True,
    )

    print("  1 process: pipeline without then with OCR, stage pass, PDQ ...", flush=True)
    single = _run_child("single", args, data)
    for policy in VARIANTS:
        v = single["variants"][policy]
        print(f"    {VARIANT_LABEL[policy]}: {v['images_per_s']:.1f} images/s", flush=True)
    pooled = None
    if args.workers >= 2:
        print(f"  {args.workers} processes: pipeline without then with OCR ...", flush=True)
        pooled = _run_child("pool", args, data)
        for policy in VARIANTS:
            v = pooled["variants"][policy]
            print(f"    {VARIANT_LABEL[policy]}: {v['images_per_s']:.1f} images/s", flush=True)

    report = _report(args, images, mix, single, pooled, pols, expected_matches, gen_s)
    report["total_run_s"] = time.perf_counter() - t_start
    print(f"total run time {report['total_run_s']:.0f}s", flush=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if not args.quick:  # as bench/hash_bench.py: a quick run never replaces a full one
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, "utf-8")
        print(f"wrote {RESULTS.relative_to(HERE.parent)}")
    if args.json and args.json != "-":
        Path(args.json).write_text(text, "utf-8")
        print(f"wrote {args.json}")
    if args.json:
        print(text, end="")
    return 0


def _report(
    args: argparse.Namespace,
    images: list[dict[str, Any]],
    mix: dict[str, Any],
    single: dict[str, Any],
    pooled: dict[str, Any] | None,
    pols: dict[str, Any],
    expected_matches: int,
    gen_s: float,
) -> dict[str, Any]:
    n = len(images)
    st = single["stages"]
    per_variant: dict[str, dict[str, Any]] = {}
    for policy in VARIANTS:
        decs = list(pols[policy].decoders)
        v = single["variants"][policy]
        stages = {k: s for k, s in st["stage_s"].items() if _stage_variant(k, decs)}
        models: dict[str, float] = defaultdict(float)
        for row in st["model_calls"]:
            if _stage_variant(row["stage"], decs):
                models[row["call"]] += row["seconds"]
        bare_ms = 1000 * sum(models.values()) / n
        isolated_ms = 1000 * sum(stages.values()) / n
        pipe_ms = v["ms_per_image"]
        in_run: dict[str, float] = defaultdict(float)
        for row in v["model_calls_in_run"]:
            in_run[row["call"]] += row["seconds"]
        in_run_ms = 1000 * sum(in_run.values()) / n
        per_variant[policy] = {
            "images_per_s_1_process": v["images_per_s"],
            "ms_per_image_1_process": pipe_ms,
            "cpu_ms_per_image_1_process": 1000 * v["cpu_s"] / n,
            "bare_models_ms_per_image": bare_ms,
            "bare_models_ms_per_image_by_call": {k: 1000 * s / n for k, s in models.items()},
            "isolated_stages_ms_per_image": isolated_ms,
            "isolated_stages_ms_per_image_by_stage": {k: 1000 * s / n for k, s in stages.items()},
            "ratio_pipeline_vs_bare_models": pipe_ms / bare_ms if bare_ms else None,
            "models_in_run_ms_per_image": in_run_ms,
            "models_in_run_ms_per_image_by_call": {k: 1000 * s / n for k, s in in_run.items()},
            "ratio_pipeline_vs_models_in_run": pipe_ms / in_run_ms if in_run_ms else None,
            "ratio_pipeline_vs_isolated_stages": pipe_ms / isolated_ms if isolated_ms else None,
            "peak_rss_mb_1_process": v["peak_rss_mb"],
            "first_image_s": v["first_image_s"],
            "host_load_1min": v["host_load_1min"],
            "decisions": dict(Counter(x["a"] for x in v["per_item"])),
            "labels": dict(Counter(lab for x in v["per_item"] for lab in x["l"])),
            "engine_timings_ms_per_image": {
                k: 1000 * s / n for k, s in sorted(v["engine_timings_s"].items())
            },
        }
        if pooled is not None:
            pv = pooled["variants"][policy]
            per_variant[policy].update(
                {
                    "images_per_s_pool": pv["images_per_s"],
                    "peak_rss_mb_pool_total": pv["peak_rss_total_mb"],
                    "peak_rss_mb_pool_largest_worker": pv["peak_rss_largest_worker_mb"],
                    "pool_host_load_1min": pv["host_load_1min"],
                    "single_vs_pool_disagreements": sum(
                        a != b for a, b in zip(v["per_item"], pv["per_item"], strict=True)
                    ),
                }
            )

    # Sanity: what the decoders found, against what was drawn.
    found = st["images_with_derived"]
    qr_ids = {im["id"] for im in images if im["qr"]}
    text_ids = {im["id"] for im in images if im["text"]}
    sanity = {
        "qr_images_decoded": len(qr_ids & set(found.get("qr", []))),
        "qr_images": len(qr_ids),
        "text_images_with_ocr_text": len(text_ids & set(found.get("ocr", []))),
        "text_images": len(text_ids),
        "ocr_lines": st["derived_parts"].get("ocr", 0),
        "bank_matches_expected": expected_matches,
        "bank_matches": per_variant[NO_OCR]["labels"].get("bank:bench", 0),
    }
    report = {
        "benchmark": "image",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "config": {
            "images": n,
            "batch": args.batch,
            "workers": args.workers,
            "bank_hashes": args.bank,
            "seed": args.seed,
            "quick": args.quick,
            "policy_detectors": list(pols[WITH_OCR].detectors),
            "policy_decoders": {p: list(pols[p].decoders) for p in VARIANTS},
        },
        "image_set": {**mix, "generate_s": gen_s},
        "variants": per_variant,
        "stage_pass": {k: v for k, v in st.items() if k != "images_with_derived"},
        "pdq": single["pdq"],
        "load_s": single["load_s"],
        "peak_rss_mb_1_process_all_runs": single["peak_rss_mb"],
        "sanity": sanity,
        "targets": TARGETS,
        "definitions": {
            "pipeline": "Engine.moderate_many wall time per image, batches of --batch, "
            "after warm-up: decode, decoders, language id of derived text, every detector "
            "(image and text), bank query, decision",
            "bare_models": "sum of the wall time inside onnxruntime Session.run, "
            "zxingcpp.read_barcodes and pdqhash.compute calls during the stage pass, same "
            "images, same process: no decoding, pre/post-processing or engine work",
            "models_in_run": "the same calls timed during the 1-process pipeline run itself",
            "isolated_stages": "sum of decode + each decoder.decode + language id of derived "
            "parts + each detector.detect timed alone in the stage pass",
        },
    }
    if pooled is not None:
        report["pool"] = {k: v for k, v in pooled.items() if k != "variants"}
    _print(report, pooled is not None, args.workers)
    return report


def _f(x: float | None, fmt: str = "{:.1f}") -> str:
    return "-" if x is None else fmt.format(x)


def _print(report: dict[str, Any], has_pool: bool, workers: int) -> None:
    v0, v1 = report["variants"][NO_OCR], report["variants"][WITH_OCR]
    t = report["targets"]
    rows: list[tuple[str, str, str, str]] = [
        (
            "images/s, 1 process",
            _f(v0["images_per_s_1_process"]),
            _f(v1["images_per_s_1_process"]),
            "",
        )
    ]
    if has_pool:
        rows.append(
            (
                f"images/s, {workers} processes [headline]",
                _f(v0["images_per_s_pool"]),
                _f(v1["images_per_s_pool"]),
                f">= {t['images_per_s_no_ocr_2_cores']:.0f}/s without OCR on 2 cores",
            )
        )
    rows += [
        (
            "ms/image, pipeline (1 process)",
            _f(v0["ms_per_image_1_process"]),
            _f(v1["ms_per_image_1_process"]),
            "",
        ),
        (
            "ms/image, bare model calls (sum)",
            _f(v0["bare_models_ms_per_image"]),
            _f(v1["bare_models_ms_per_image"]),
            "",
        ),
        (
            "ratio pipeline / bare models",
            _f(v0["ratio_pipeline_vs_bare_models"], "{:.2f}x"),
            _f(v1["ratio_pipeline_vs_bare_models"], "{:.2f}x"),
            f"<= {t['ratio_pipeline_vs_models']:.2f}x",
        ),
        (
            "ms/image, the same calls inside the pipeline run",
            _f(v0["models_in_run_ms_per_image"]),
            _f(v1["models_in_run_ms_per_image"]),
            "",
        ),
        (
            "ratio pipeline / model calls inside it",
            _f(v0["ratio_pipeline_vs_models_in_run"], "{:.2f}x"),
            _f(v1["ratio_pipeline_vs_models_in_run"], "{:.2f}x"),
            f"<= {t['ratio_pipeline_vs_models']:.2f}x",
        ),
        (
            "ms/image, stages in isolation (sum)",
            _f(v0["isolated_stages_ms_per_image"]),
            _f(v1["isolated_stages_ms_per_image"]),
            "",
        ),
        (
            "ratio pipeline / isolated stages",
            _f(v0["ratio_pipeline_vs_isolated_stages"], "{:.2f}x"),
            _f(v1["ratio_pipeline_vs_isolated_stages"], "{:.2f}x"),
            "",
        ),
        (
            "peak RSS MB, 1 process",
            _f(v0["peak_rss_mb_1_process"], "{:.0f}"),
            _f(v1["peak_rss_mb_1_process"], "{:.0f}"),
            f"<= {t['peak_rss_mb']:.0f}",
        ),
    ]
    if has_pool:
        rows += [
            (
                f"peak RSS MB, {workers} processes, all together",
                _f(v0["peak_rss_mb_pool_total"], "{:.0f}"),
                _f(v1["peak_rss_mb_pool_total"], "{:.0f}"),
                "",
            ),
            (
                "peak RSS MB, largest worker",
                _f(v0["peak_rss_mb_pool_largest_worker"], "{:.0f}"),
                _f(v1["peak_rss_mb_pool_largest_worker"], "{:.0f}"),
                f"<= {t['peak_rss_mb']:.0f}",
            ),
        ]
    rows.append(
        ("first image s (model loading)", _f(v0["first_image_s"]), _f(v1["first_image_s"]), "")
    )
    _print_table(("metric", "without OCR", "with OCR", "target"), rows)
    print(
        "pipeline: probe_image + Engine.moderate_many, batches of "
        f"{report['config']['batch']}, after warm-up. bare models: time inside onnxruntime "
        "run, zxing-cpp read_barcodes and pdqhash compute only (no decoding, resizing, "
        "normalisation, NMS, OCR cropping, bank query, engine work), timed in the stage pass "
        "below; 'inside the pipeline run': the same calls timed during the pipeline run "
        "itself (its ratio does not move with the host's load between passes). isolated "
        "stages: decode + each decoder + each detector, timed alone."
    )

    # Where the time goes: each stage alone, and the model calls made in it.
    sp = report["stage_pass"]
    n = report["config"]["images"]
    model_by_stage: dict[str, float] = defaultdict(float)
    calls_by_stage: dict[str, list[str]] = defaultdict(list)
    for row in sp["model_calls"]:
        model_by_stage[row["stage"]] += row["seconds"]
        calls_by_stage[row["stage"]].append(f"{row['call']} x{row['calls']}")
    pipe_ocr = v1["ms_per_image_1_process"]
    srows = []
    for stage, s in sorted(sp["stage_s"].items(), key=lambda kv: -kv[1]):
        ms, bare = 1000 * s / n, 1000 * model_by_stage.get(stage, 0.0) / n
        srows.append(
            (
                stage,
                f"{ms:.2f}",
                f"{bare:.2f}" if bare else "",
                f"{ms - bare:.2f}",
                f"{100 * ms / pipe_ocr:.0f}%",
                ", ".join(calls_by_stage.get(stage, [])),
            )
        )
    print("\nstage pass (1 process, same images): ms per image")
    _print_table(
        ("stage", "alone", "bare models", "other", "% of pipeline w/ OCR", "model calls"),
        srows,
        left=(0, 5),
    )
    if sp["library_calls"]:
        print(
            "library calls (not in the bare sum): "
            + "; ".join(
                f"{r['call']} in {r['stage']}: {1000 * r['seconds'] / n:.2f} ms/image "
                f"({r['calls']} calls)"
                for r in sp["library_calls"]
            )
        )
    for name, mods in sp["detectors"].items():
        stages = [k for k in sp["stage_s"] if k.startswith(f"detector:{name}")]
        seen = any(model_by_stage.get(k) for k in stages)
        if "image" in mods and stages and not seen and name != "faces":
            print(f"  note: no model call seen in detector {name}: all its time is 'other'")
    print("  note: faces reuses the NudeNet pass of nudity (same input size), as in the pipeline")
    for policy, v in ((NO_OCR, v0), (WITH_OCR, v1)):
        eng = v["engine_timings_ms_per_image"]
        print(
            f"engine's own timings, {VARIANT_LABEL[policy]} (ms/image, batch shares): "
            + ", ".join(f"{k} {x:.2f}" for k, x in eng.items())
        )

    pdq = report["pdq"]
    print(
        f"\nPDQ on the same images: {pdq['hash_bytes_images_per_s']:.1f} images/s through "
        f"pdq.hash_bytes (decode + 512 px rule + hash), {pdq['hash_frame_per_s']:.1f} decoded "
        "frames/s (what hash_banks does per frame)"
    )
    hash_json = HERE / "results" / "hash.json"
    if hash_json.is_file():
        try:
            h = json.loads(hash_json.read_text("utf-8"))
            rows_1m = [r for r in h.get("index", []) if r.get("hashes") == 1_000_000]
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(hash_json.stat().st_mtime))
            if rows_1m:
                r = rows_1m[0]
                e = h.get("extrapolated_10m", {})
                print(
                    f"bank matching (from bench/results/hash.json of {when}, another run): 1M "
                    f"hashes p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, index "
                    f"{r['index_mb']} MiB; 10M extrapolated p50 ~{e.get('p50_ms')} ms, "
                    f"~{e.get('index_mb')} MiB. Rerun: bench/run.py hash"
                )
        except (ValueError, KeyError, TypeError):
            pass
    else:
        print("bank matching at 100k/1M/10M hashes: bench/run.py hash")
    s = report["sanity"]
    print(
        f"sanity: QR decoded in {s['qr_images_decoded']}/{s['qr_images']} QR images; OCR text "
        f"in {s['text_images_with_ocr_text']}/{s['text_images']} images with text "
        f"({s['ocr_lines']} lines); bank matches {s['bank_matches']}/"
        f"{s['bank_matches_expected']}"
    )
    for policy, v in ((NO_OCR, v0), (WITH_OCR, v1)):
        extra = ""
        if has_pool:
            extra = f"; 1-process vs pool disagreements {v['single_vs_pool_disagreements']}"
        print(f"decisions {VARIANT_LABEL[policy]}: {dict(sorted(v['decisions'].items()))}{extra}")
    print(
        f"load (imports, engine, bank) {report['load_s']:.1f}s; host load (1 min) during the "
        f"1-process runs {v0['host_load_1min'][0]:.1f}-{v1['host_load_1min'][1]:.1f}"
    )


def _print_table(
    head: tuple[str, ...], rows: Sequence[tuple[str, ...]], left: tuple[int, ...] = (0,)
) -> None:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print()
    for r in [head, tuple("-" * w for w in widths), *rows]:
        cells = (
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        print("  ".join(cells).rstrip())


if __name__ == "__main__":
    raise SystemExit(main())
