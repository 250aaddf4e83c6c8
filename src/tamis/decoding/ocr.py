"""OCR decoder: the text written in images becomes text parts, each with its box.

It runs RapidOCR 3.x's PP-OCRv6 ONNX models, the ones bundled inside the ``rapidocr`` wheel,
on onnxruntime. Models are opened by path: tamis never lets rapidocr resolve or download a
model at run time, and a model that is not installed is a configuration error with a hint.

Per image: text *detection* runs first, on a copy downscaled to ``max_side``; nothing is
recognised when it finds nothing (and a flat image skips detection too). Text *recognition*
then reads only the detected regions, cropped from the original pixels, batched across every
image of the call. Boxes on one line close to each other are merged into one part, so one part
is one line of text. See docs/decoders/ocr.md.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
import yaml
from pydantic import Field, ValidationInfo, field_validator

from tamis.decoding.base import Decoder
from tamis.decoding.image import ImageData
from tamis.detectors.base import DetectorConfig
from tamis.detectors.image._onnx import default_threads
from tamis.errors import ConfigError
from tamis.media import Box, Modality, Part

OCR_VERSION = "PP-OCRv6"
DEFAULT_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "zh", "ja")
MIN_SIDE = 8  # an image smaller than this on a side holds no legible text
DET_MIN_SIDE = 32  # the detector works on multiples of 32 pixels: smaller images are padded
FLAT_RANGE = 8  # an image whose grey levels span less than this is flat: no text to find
REC_HEIGHT = 48  # the recogniser reads lines scaled to this height
REC_BATCH = 8


class OcrConfig(DetectorConfig):
    """Settings of the `ocr` decoder; every field is described in docs/decoders/ocr.md."""

    model: Literal["tiny", "small", "medium"] = "small"
    model_dir: str | None = None
    languages: list[str] = Field(default_factory=lambda: list(DEFAULT_LANGUAGES), min_length=1)
    max_side: int = Field(960, ge=128, le=4096)
    min_confidence: float = Field(0.6, ge=0.0, le=1.0)
    min_box_score: float = Field(0.5, ge=0.0, le=1.0)
    max_boxes: int = Field(50, ge=1, le=500)
    line_gap: float = Field(1.5, ge=0.0, le=10.0)
    threads: int = Field(0, ge=0, le=64)

    @field_validator("languages")
    @classmethod
    def _languages_covered(cls, value: list[str], info: ValidationInfo) -> list[str]:
        size = info.data.get("model")
        if size is not None:  # else `model` itself was refused
            for lang in value:
                _model_file("rec", lang, size)  # raises ValueError naming what is covered
        return value


@cache
def _rapidocr_dir() -> Path:
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "the OCR engine rapidocr is not installed",
            source="decoder ocr",
            hint="Reinstall tamis (`pip install -e .`), which pins rapidocr and onnxruntime.",
        )
    return Path(next(iter(spec.submodule_search_locations))).resolve()


@cache
def _model_table() -> dict[str, Any]:
    """rapidocr's own table of models and the languages each reads (its default_models.yaml),
    read with PyYAML: importing rapidocr's resolver for it takes a second."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (_rapidocr_dir() / "default_models.yaml").open("rb") as fh:
        table: dict[str, Any] = yaml.load(fh, Loader=loader)
    return table


@lru_cache(maxsize=64)
def _model_file(task: str, lang: str, size: str) -> str:
    """The file name of rapidocr's `task` model of `size` that reads `lang`."""
    table = _model_table()
    version = table["model_routes"][OCR_VERSION]
    routes = version[task].get(size) or []
    aliases = {**(version.get("aliases") or {}), **(version[task].get("aliases") or {})}
    code = lang.strip().lower()
    code = str(aliases.get(code, code))
    for route in routes:
        if code in {str(x) for x in route.get("supported_langs") or []}:
            entry = table["onnxruntime"][OCR_VERSION][task][route["model_key"]]
            return Path(str(entry["model_dir"])).name
    covered = sorted({str(x) for route in routes for x in route.get("supported_langs") or []})
    raise ValueError(
        f"the {OCR_VERSION} {size} model does not read {lang!r}; it reads " + ", ".join(covered)
    )


def _find_model(name: str, model_dir: str | None, size: str) -> Path:
    places = [Path(model_dir).expanduser()] if model_dir else []
    places.append(_rapidocr_dir() / "models")
    for place in places:
        if (place / name).is_file():
            return place / name
    raise ConfigError(
        f"OCR model file {name} is not installed (looked in "
        + ", ".join(str(p) for p in places)
        + ")",
        source="decoder ocr",
        key="model" if model_dir is None else "model_dir",
        hint=(
            "The rapidocr wheel bundles only the `small` PP-OCRv6 models: use `model: small`, "
            f"or copy {name} into `model_dir` (`rapidocr download_models` fetches the "
            f"`{size}` models on a machine with network access). tamis never downloads models."
        ),
    )


@dataclass(frozen=True)
class _Models:
    det: Any  # rapidocr TextDetector
    rec: Any  # rapidocr TextRecognizer


def _stage_config(section: Any, session: Any, **overrides: Any) -> Any:
    """A rapidocr stage config that hands it our own onnxruntime session: with a session it
    neither resolves nor downloads a model."""
    from omegaconf import OmegaConf
    from rapidocr.main import DEFAULT_CFG_PATH
    from rapidocr.utils.parse_parameters import ParseParams

    cfg = ParseParams.load(DEFAULT_CFG_PATH)
    data = OmegaConf.to_container(cfg[section])
    assert isinstance(data, dict)
    data["engine_cfg"] = OmegaConf.to_container(cfg.EngineConfig.onnxruntime)
    data.update(session=session, model_path=None, model_root_dir=None, font_path=None)
    data.update(overrides)
    return OmegaConf.create(data, flags={"allow_objects": True})


@lru_cache(maxsize=4)
def _sessions(det_path: str, rec_path: str, threads: int) -> tuple[Any, Any]:
    """Open both ONNX models once per process: every engine and policy shares them."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.enable_cpu_mem_arena = False  # shapes vary per image: an arena only grows
    options.inter_op_num_threads = 1
    # Idle threads sleep instead of spinning: cores are shared with the other detectors.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        options.intra_op_num_threads = threads
    providers = ["CPUExecutionProvider"]
    det = ort.InferenceSession(det_path, options, providers=providers)
    rec = ort.InferenceSession(rec_path, options, providers=providers)
    if "character" not in rec.get_modelmeta().custom_metadata_map:
        # Without its alphabet inside, rapidocr would go and download a dictionary.
        raise ConfigError(
            f"OCR model {rec_path} carries no character list",
            source="decoder ocr",
            key="model_dir",
            hint="Use the ONNX recognition models published for rapidocr 3.x.",
        )
    return det, rec


def _load_models(det_path: str, rec_path: str, settings: OcrConfig) -> _Models:
    from rapidocr.ch_ppocr_det import TextDetector
    from rapidocr.ch_ppocr_rec import TextRecognizer

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    det_session, rec_session = _sessions(det_path, rec_path, default_threads(settings.threads))
    det = TextDetector(
        _stage_config(
            "Det",
            det_session,
            limit_type="max",
            limit_side_len=settings.max_side,
            box_thresh=settings.min_box_score,
        )
    )
    rec = TextRecognizer(_stage_config("Rec", rec_session, rec_batch_num=REC_BATCH))
    return _Models(det, rec)


@dataclass
class _Region:
    quad: np.ndarray  # 4×2 corners in original pixels
    area: float
    text: str = ""
    score: float = 0.0

    @property
    def rect(self) -> tuple[float, float, float, float]:
        xs, ys = self.quad[:, 0], self.quad[:, 1]
        return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def _to_rgb(payload: Any) -> np.ndarray:
    """H×W×3 uint8 RGB, without copying what is already so (a 50-megapixel image is 150 MB)."""
    arr = payload.rgb if isinstance(payload, ImageData) else payload
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"ocr reads ImageData or numpy arrays, not {type(payload).__name__}")
    if arr.dtype != np.uint8:
        arr = np.clip(arr, 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        arr = np.repeat(arr[:, :, None], 3, axis=2)
    if arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 image, got shape {arr.shape}")
    return np.ascontiguousarray(arr[:, :, :3])


def _bgr(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, :, ::-1])  # the models were trained on BGR


def _merge_line(group: list[_Region]) -> _Region:
    text = group[0].text
    for region in group[1:]:
        joiner = "" if _cjk(text[-1:]) and _cjk(region.text[:1]) else " "
        text += joiner + region.text
    x0 = min(r.rect[0] for r in group)
    y0 = min(r.rect[1] for r in group)
    x1 = max(r.rect[2] for r in group)
    y1 = max(r.rect[3] for r in group)
    quad = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)
    area = sum(r.area for r in group)
    return _Region(quad, area, text, min(r.score for r in group))


def _cjk(ch: str) -> bool:
    return bool(ch) and (
        "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uff00" <= ch <= "\uffef"
    )


def _lines(regions: list[_Region], gap: float) -> list[_Region]:
    """Merge boxes that sit on one line, less than `gap` line heights apart, left to right."""
    if gap <= 0:
        return regions
    lines: list[list[_Region]] = []
    for region in sorted(regions, key=lambda r: r.rect[0]):
        x0, y0, _, y1 = region.rect
        height = y1 - y0
        for line in lines:
            _, ly0, lx1, ly1 = line[-1].rect
            lheight = ly1 - ly0
            overlap = min(y1, ly1) - max(y0, ly0)
            small = min(height, lheight)
            if (
                small > 0
                and overlap >= 0.6 * small
                and max(height, lheight) <= 1.6 * small
                and -0.25 * small <= x0 - lx1 <= gap * small
            ):
                line.append(region)
                break
        else:
            lines.append([region])
    return [_merge_line(line) if len(line) > 1 else line[0] for line in lines]


def _reading_order(lines: list[_Region]) -> list[_Region]:
    """Top to bottom; lines whose middles are within half a line height form a row, read
    left to right."""
    lines = sorted(lines, key=lambda r: (r.rect[1] + r.rect[3]) / 2)
    rows: list[list[_Region]] = []
    for line in lines:
        _, y0, _, y1 = line.rect
        if rows:
            last = rows[-1][-1].rect
            small = min(y1 - y0, last[3] - last[1])
            if abs((y0 + y1) - (last[1] + last[3])) / 2 < 0.5 * small:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda r: r.rect[0])]


class OcrDecoder(Decoder):
    """Text in images → one TEXT part per line, with its box in original image pixels."""

    name = "ocr"
    version = "1"
    modalities: ClassVar[frozenset[Modality]] = frozenset({Modality.IMAGE})
    Config = OcrConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        if not isinstance(self.config, OcrConfig):
            raise TypeError("ocr expects OcrConfig")
        self.settings: OcrConfig = self.config
        size = self.settings.model
        lang = self.settings.languages[0]
        # Resolved now, so a missing model fails when the policy is loaded, not per image.
        self._det_path = _find_model(_model_file("det", lang, size), self.settings.model_dir, size)
        self._rec_path = _find_model(_model_file("rec", lang, size), self.settings.model_dir, size)
        self._lock = threading.Lock()
        self._models: _Models | None = None

    def _loaded(self) -> _Models:
        # Opened on the first image: policies that enable OCR cost nothing for text.
        if self._models is None:
            with self._lock:
                if self._models is None:
                    self._models = _load_models(
                        str(self._det_path), str(self._rec_path), self.settings
                    )
        return self._models

    def decode(self, parts: Sequence[Part]) -> list[list[Part]]:
        images = [_to_rgb(p.payload) for p in parts]
        found = [self._detect(img) for img in images]
        crops: list[np.ndarray] = []
        owners: list[_Region] = []
        for img, regions in zip(images, found, strict=True):
            for region in regions:
                for crop in _crops(img, region.quad):
                    crops.append(crop)
                    owners.append(region)
        if crops:  # recognition only reads what detection found
            from rapidocr.ch_ppocr_rec import TextRecInput

            out = self._loaded().rec(TextRecInput(img=crops))
            for region, text, score in zip(owners, out.txts, out.scores, strict=True):
                if float(score) > region.score:  # of a vertical line's two readings, the best
                    region.text, region.score = str(text).strip(), float(score)
        results: list[list[Part]] = []
        for part, img, regions in zip(parts, images, found, strict=True):
            kept = [r for r in regions if r.text and r.score >= self.settings.min_confidence]
            lines = _reading_order(_lines(kept, self.settings.line_gap))
            results.append([self._part(part, img, line) for line in lines])
        return results

    def _detect(self, img: np.ndarray) -> list[_Region]:
        import cv2

        height, width = img.shape[:2]
        if min(height, width) < MIN_SIDE:
            return []
        step = max(1, max(height, width) // 1024)
        sample = img[::step, ::step]
        if int(sample.max()) - int(sample.min()) < FLAT_RANGE:
            return []  # a flat image: nothing to detect
        scale = min(1.0, self.settings.max_side / max(height, width))
        small = img
        if scale < 1.0:
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            small = cv2.resize(img, size, interpolation=cv2.INTER_AREA)
        small = _bgr(small)
        sh, sw = small.shape[:2]
        factor = np.array([width / sw, height / sh], dtype=np.float32)
        if sh < DET_MIN_SIDE or sw < DET_MIN_SIDE:
            fill = [int(v) for v in np.median(small.reshape(-1, 3), axis=0)]
            small = cv2.copyMakeBorder(  # below and to the right: coordinates stay
                small,
                0,
                max(0, DET_MIN_SIDE - sh),
                0,
                max(0, DET_MIN_SIDE - sw),
                cv2.BORDER_CONSTANT,
                value=fill,
            )
        out = self._loaded().det(small)
        if out.boxes is None or len(out.boxes) == 0:
            return []
        regions: list[_Region] = []
        for quad in out.boxes:
            corners = np.asarray(quad, dtype=np.float32).reshape(4, 2) * factor
            corners[:, 0] = corners[:, 0].clip(0, width)
            corners[:, 1] = corners[:, 1].clip(0, height)
            area = float(
                abs(
                    np.dot(corners[:, 0], np.roll(corners[:, 1], 1))
                    - np.dot(corners[:, 1], np.roll(corners[:, 0], 1))
                )
                / 2
            )
            if area >= 4:
                regions.append(_Region(corners, area))
        regions.sort(key=lambda r: r.area, reverse=True)
        return regions[: self.settings.max_boxes]

    def _part(self, part: Part, img: np.ndarray, line: _Region) -> Part:
        height, width = img.shape[:2]
        x0, y0, x1, y1 = line.rect
        x0, y0 = max(0.0, float(round(x0))), max(0.0, float(round(y0)))
        x1, y1 = min(float(width), float(round(x1))), min(float(height), float(round(y1)))
        locator = replace(part.locator, box=Box(x0, y0, x1 - x0, y1 - y0), char_span=None)
        return Part(part.media_id, Modality.TEXT, line.text, locator)


def _crops(img: np.ndarray, quad: np.ndarray) -> list[np.ndarray]:
    """The region straightened out of the original pixels, at most a few lines high. A tall
    region is a line written vertically: it is read turned both ways."""
    import cv2
    from rapidocr.utils.process_img import get_rotate_crop_image

    crop = _bgr(get_rotate_crop_image(img, quad.astype(np.float32).copy()))
    h, w = crop.shape[:2]
    if h < 2 or w < 2:
        return []
    if h > 2 * REC_HEIGHT:  # shrink big text smoothly; the recogniser only sees 48 rows
        ratio = 2 * REC_HEIGHT / h
        crop = cv2.resize(
            crop, (max(2, round(w * ratio)), 2 * REC_HEIGHT), interpolation=cv2.INTER_AREA
        )
    crops = [np.ascontiguousarray(crop)]
    edges = np.linalg.norm(quad - np.roll(quad, -1, axis=0), axis=1)
    if max(edges[1], edges[3]) >= 1.5 * max(edges[0], edges[2]):  # turned by the crop
        crops.append(np.ascontiguousarray(crop[::-1, ::-1]))
    return crops
