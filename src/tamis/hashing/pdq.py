"""PDQ: Meta's 256-bit perceptual image hash, with its quality (0..100).

The hash itself is Meta's C++ code (the `pdqhash` binding). What differs between the published
hashers is how an image becomes pixels before hashing; three pipelines are offered, each
bit-exact with the hasher it is named after (tests/unit/test_pdq.py checks every reference
vector of ThreatExchange's PDQ test data):

- `tamis` (the default, what banks and the `hash_banks` detector use): tamis' own decoding
  (EXIF orientation applied, transparency on white, see tamis.decoding.image), then the
  reference rule: an image larger than 512 px on either side is first resized to 512×512 by
  nearest neighbour. For ordinary JPEG and PNG files this equals Meta's C++ reference.
- `reference`: Meta's C++ `pdq-photo-hasher` (CImg decoding: no EXIF orientation, 16-bit
  samples cut to their low byte, alpha ignored), then the same 512 rule.
- `threatexchange`: python-threatexchange and HMA (Pillow decoding at full resolution, with its
  quirks: a palette image hashes its palette indices, LA and 16-bit grey go through RGB).

Two hashes are "the same picture" when their Hamming distance is at most 31 (Meta's
recommended threshold); a hash of quality below 50 is too featureless to match on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pdqhash
from PIL import Image

from tamis.decoding.image import MAX_PIXELS, ImageData, decode_image, probe_image
from tamis.errors import InputError

HASH_BITS = 256
HASH_BYTES = 32
MATCH_DISTANCE = 31
QUALITY_FLOOR = 50
DOWNSAMPLE_DIMS = 512
SIGNAL_TYPE = "pdq"  # python-threatexchange's name for the signal type

# The 8 dihedral transforms, in the order of Meta's C++ `pdqDihedralHash256es` and pdqhash.
DIHEDRAL = (
    "original",
    "rotate90",
    "rotate180",
    "rotate270",
    "flipx",
    "flipy",
    "flipplus1",
    "flipminus1",
)

# The same transforms applied to pixels, named as python-threatexchange's RotationType (its
# `--photo-preprocess=rotations`): ROTATE90 is a quarter turn counter-clockwise, FLIPX mirrors
# top to bottom, FLIPY left to right, FLIPPLUS1/FLIPMINUS1 mirror along a diagonal.
TRANSFORMS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "original": lambda a: a,
    "rotate90": lambda a: np.rot90(a, 1),
    "rotate180": lambda a: np.rot90(a, 2),
    "rotate270": lambda a: np.rot90(a, 3),
    "flipx": lambda a: a[::-1],
    "flipy": lambda a: a[:, ::-1],
    "flipplus1": lambda a: np.rot90(a, 3)[:, ::-1],
    "flipminus1": lambda a: np.rot90(a, 1)[:, ::-1],
}

_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


class Pipeline(StrEnum):
    TAMIS = "tamis"
    REFERENCE = "reference"
    THREATEXCHANGE = "threatexchange"


@dataclass(frozen=True, slots=True)
class PdqHash:
    """A PDQ hash (32 bytes, most significant bit first, as its 64-hex form) and quality."""

    bits: bytes
    quality: int

    @property
    def hex(self) -> str:
        return self.bits.hex()

    def distance(self, other: PdqHash | bytes | str) -> int:
        if isinstance(other, PdqHash):
            other = other.bits
        return hamming(self.bits, other)


# --- encoding and distance ------------------------------------------------------------------
def from_hex(value: str) -> bytes:
    """64 hex digits (either case) → 32 bytes; anything else is an InputError."""
    text = value.strip()
    if not _HEX.match(text):
        raise InputError(
            f"not a PDQ hash: {value[:80]!r}",
            hint="A PDQ hash is 64 hexadecimal digits (256 bits).",
        )
    return bytes.fromhex(text)


def to_hex(bits: bytes) -> str:
    if len(bits) != HASH_BYTES:
        raise InputError(f"a PDQ hash has {HASH_BYTES} bytes, not {len(bits)}")
    return bits.hex()


def is_hex(value: str) -> bool:
    return bool(_HEX.match(value.strip()))


def hamming(a: bytes | str, b: bytes | str) -> int:
    """Number of differing bits between two hashes (bytes or hex)."""
    x = from_hex(a) if isinstance(a, str) else a
    y = from_hex(b) if isinstance(b, str) else b
    if len(x) != len(y):
        raise InputError("hashes of different lengths cannot be compared")
    return (int.from_bytes(x, "big") ^ int.from_bytes(y, "big")).bit_count()


# --- hashing --------------------------------------------------------------------------------
def _vector_bits(vector: np.ndarray) -> bytes:
    return np.packbits(np.asarray(vector, dtype=np.uint8)).tobytes()


def downsample(pixels: np.ndarray, dims: int = DOWNSAMPLE_DIMS) -> np.ndarray:
    """Meta's reference rule: larger than `dims` on either side → dims×dims by nearest
    neighbour (source index floor(i·size/dims), as CImg's resize)."""
    height, width = pixels.shape[:2]
    if height <= dims and width <= dims:
        return pixels
    rows = (np.arange(dims) * height) // dims
    cols = (np.arange(dims) * width) // dims
    out: np.ndarray = pixels[rows][:, cols]
    return out


def _prepare(pixels: np.ndarray, resize: bool) -> np.ndarray:
    arr = np.asarray(pixels)
    if arr.dtype != np.uint8:
        raise InputError(f"PDQ hashes 8-bit pixels, got {arr.dtype}")
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
        raise InputError(f"expected H×W grey or H×W×3 RGB pixels, got shape {arr.shape}")
    if arr.shape[0] < 1 or arr.shape[1] < 1:
        raise InputError("an image without pixels has no PDQ hash")
    if resize:
        arr = downsample(arr)
    if arr.ndim == 2:  # grey: luma is the grey value itself, exactly
        arr = np.stack([arr] * 3, axis=2)
    return np.ascontiguousarray(arr[:, :, :3])


def hash_pixels(pixels: np.ndarray, *, resize: bool = True) -> PdqHash:
    """PDQ of H×W×3 RGB (or H×W grey) uint8 pixels; `resize` applies the 512 rule."""
    vector, quality = pdqhash.compute(_prepare(pixels, resize))
    return PdqHash(_vector_bits(vector), int(quality))


def dihedral_hashes(pixels: np.ndarray, *, resize: bool = True) -> tuple[dict[str, bytes], int]:
    """The 8 dihedral hashes computed in one pass from the DCT (Meta's
    `pdqDihedralHash256es`, C++ `--pdqdih-across`), keyed by DIHEDRAL names, and the quality.

    They approximate hashing each transformed image (a few bits apart on detailed images, more
    on flat ones); hash `TRANSFORMS[name](pixels)` for the exact per-image hash."""
    vectors, quality = pdqhash.compute_dihedral(_prepare(pixels, resize))
    return {n: _vector_bits(v) for n, v in zip(DIHEDRAL, vectors, strict=True)}, int(quality)


def hash_image(image: ImageData) -> PdqHash:
    """PDQ of one decoded frame (the `tamis` pipeline)."""
    return hash_pixels(image.rgb)


def reference_pixels(data: bytes) -> np.ndarray:
    """Pixels as Meta's C++ `pdq-photo-hasher` loads them (CImg with libjpeg/libpng), before its
    512 rule. Where that hasher aborts (alpha channels), the colour channels are kept."""
    with Image.open(io.BytesIO(data)) as img:
        mode = img.mode
        if mode in ("I;16", "I;16B", "I;16L", "I"):  # CImg casts each 16-bit sample to 8 bits
            return (np.asarray(img).astype(np.int64) & 0xFF).astype(np.uint8)
        if mode in ("1", "L"):
            return np.asarray(img.convert("L"), dtype=np.uint8)
        if mode in ("LA", "La"):
            return np.asarray(img, dtype=np.uint8)[:, :, 0].copy()
        if mode in ("RGBA", "RGBa"):
            return np.asarray(img, dtype=np.uint8)[:, :, :3].copy()
        if mode in ("P", "PA"):
            return np.asarray(img.convert("RGBA"), dtype=np.uint8)[:, :, :3].copy()
        return np.asarray(img.convert("RGB"), dtype=np.uint8)


def threatexchange_pixels(data: bytes) -> np.ndarray:
    """Pixels as python-threatexchange's `pdq_from_bytes` gives them to pdqhash."""
    with Image.open(io.BytesIO(data)) as img:
        image: Image.Image = img
        if image.mode in ("LA", "I;16"):
            image = image.convert("RGB")
        arr = np.asarray(image)
    if arr.dtype != np.uint8:
        arr = arr.astype(np.uint8)
    return arr


def hash_bytes(
    data: bytes,
    *,
    pipeline: Pipeline | str = Pipeline.TAMIS,
    max_bytes: int = 64 * 1024 * 1024,
    max_pixels: int = MAX_PIXELS,
) -> PdqHash:
    """PDQ of an image file's bytes (its first frame) through the named pipeline."""
    pipe = Pipeline(pipeline)
    if pipe is Pipeline.TAMIS:
        frames = decode_image(data, max_bytes=max_bytes, max_pixels=max_pixels, max_frames=1)
        return hash_image(frames[0])
    # Same limits and refusals as tamis decoding, then the emulated decoder.
    probe_image(data, max_bytes=max_bytes, max_pixels=max_pixels)
    if pipe is Pipeline.REFERENCE:
        return hash_pixels(reference_pixels(data), resize=True)
    return hash_pixels(threatexchange_pixels(data), resize=False)


def unletterbox(data: bytes, black_threshold: int = 15) -> bytes:
    """Crop black borders (every channel ≤ `black_threshold`) and re-encode in the same format,
    as python-threatexchange's `--photo-preprocess=unletterbox` (15 is its CLI default)."""
    with Image.open(io.BytesIO(data)) as img:
        rgb: np.ndarray = np.asarray(img.convert("RGB"))
        black: np.ndarray = np.all(rgb <= black_threshold, axis=2)
        rows: np.ndarray = np.all(black, axis=1)
        cols: np.ndarray = np.all(black, axis=0)
        height, width = black.shape
        if rows.all():
            return data  # nothing but border: nothing to keep
        top = int(np.argmin(rows))
        bottom = int(np.argmin(rows[::-1]))
        left = int(np.argmin(cols))
        right = int(np.argmin(cols[::-1]))
        if top == bottom == left == right == 0:
            return data
        cropped = img.crop((left, top, width - right, height - bottom))
        out = io.BytesIO()
        cropped.save(out, format=img.format)
        return out.getvalue()


# --- hash lists (bank import / export) ------------------------------------------------------
class HashListFormat(StrEnum):
    """`csv`/`tsv`: a header row naming the columns (`signal_type`, `signal_str` or `hash`,
    `quality`, `label`, `notes`, `source`, ...; python-threatexchange's `dataset --csv` output
    reads as is); `te`: python-threatexchange's signal file (`LocalFileSignalExchangeAPI`), one
    `pdq <hash>` per line; `txt`: one hash per line."""

    CSV = "csv"
    TSV = "tsv"
    TE = "te"
    TXT = "txt"


@dataclass(frozen=True, slots=True)
class HashRecord:
    bits: bytes
    quality: int | None = None
    label: str = ""
    notes: str = ""
    source: str = ""
    entry_id: int | None = None
    added_at: str = ""


@dataclass(frozen=True, slots=True)
class ParsedList:
    records: list[HashRecord]
    skipped: int  # lines of other signal types (md5, video hashes, ...)


_HASH_COLUMNS = ("signal_str", "hash", "pdq", "pdq_hash", "signal")
_EXPORT_COLUMNS = (
    "signal_type",
    "signal_str",
    "quality",
    "label",
    "notes",
    "source",
    "entry_id",
    "added_at",
)
MAX_LIST_ERRORS = 10


def _quality(value: str, where: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        q = int(float(value))
    except ValueError:
        raise InputError(f"{where}: quality {value!r} is not a number") from None
    if not 0 <= q <= 100:
        raise InputError(f"{where}: quality {q} is outside 0..100")
    return q


def parse_hash_list(text: str, fmt: HashListFormat | str, *, name: str = "list") -> ParsedList:
    """Read PDQ hashes in one of HashListFormat. Every bad line is an error (with its line
    number) and nothing is returned then; lines of other signal types are counted, not read."""
    kind = HashListFormat(fmt)
    errors: list[str] = []
    records: list[HashRecord] = []
    skipped = 0

    def bad(line_no: int, message: str) -> None:
        errors.append(f"{name}:{line_no}: {message}")

    if kind in (HashListFormat.TE, HashListFormat.TXT):
        for line_no, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split()
            if kind is HashListFormat.TE and not is_hex(fields[0]):
                if fields[0] != SIGNAL_TYPE:
                    skipped += 1
                    continue
                fields = fields[1:]
            if not fields or not is_hex(fields[0]):
                bad(line_no, f"not a PDQ hash: {line[:80]!r}")
                continue
            quality = None
            if kind is HashListFormat.TXT and len(fields) > 1:
                try:
                    quality = _quality(fields[1], f"{name}:{line_no}")
                except InputError as exc:
                    bad(line_no, exc.message)
                    continue
            records.append(HashRecord(bytes.fromhex(fields[0]), quality))
    else:
        delimiter = "\t" if kind is HashListFormat.TSV else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        rows = [r for r in rows if any(c.strip() for c in r)]
        if rows:
            header = [c.strip().lower() for c in rows[0]]
            if is_hex(header[0]):  # no header: hash, quality, label, notes, source
                header = ["hash", "quality", "label", "notes", "source"][: max(len(header), 1)]
                body = list(enumerate(rows, 1))
            else:
                body = list(enumerate(rows[1:], 2))
            col = {c: i for i, c in enumerate(header)}
            hash_col = next((col[c] for c in _HASH_COLUMNS if c in col), None)
            if hash_col is None:
                raise InputError(
                    f"{name}: no hash column in the header {rows[0]!r}",
                    hint="Name it `signal_str` (python-threatexchange) or `hash`.",
                )

            def cell(row: list[str], *names: str) -> str:
                for n in names:
                    if n in col and col[n] < len(row):
                        return row[col[n]].strip()
                return ""

            for line_no, row in body:
                signal_type = cell(row, "signal_type").lower()
                if signal_type and signal_type != SIGNAL_TYPE:
                    skipped += 1
                    continue
                value = row[hash_col].strip() if hash_col < len(row) else ""
                if not is_hex(value):
                    bad(line_no, f"not a PDQ hash: {value[:80]!r}")
                    continue
                try:
                    quality = _quality(cell(row, "quality"), f"{name}:{line_no}")
                except InputError as exc:
                    bad(line_no, exc.message)
                    continue
                entry = cell(row, "entry_id")
                records.append(
                    HashRecord(
                        bytes.fromhex(value),
                        quality,
                        label=cell(row, "label", "category")[:256],
                        notes=cell(row, "notes", "tags")[:2000],
                        source=cell(row, "source", "collab")[:256],
                        entry_id=int(entry) if entry.isdigit() else None,
                        added_at=cell(row, "added_at")[:64],
                    )
                )
    if errors:
        more = (
            f" (and {len(errors) - MAX_LIST_ERRORS} more)" if len(errors) > MAX_LIST_ERRORS else ""
        )
        raise InputError(
            "; ".join(errors[:MAX_LIST_ERRORS]) + more,
            hint="Fix these lines; nothing was imported.",
        )
    return ParsedList(records, skipped)


def write_hash_list(records: Iterable[HashRecord], fmt: HashListFormat | str) -> str:
    kind = HashListFormat(fmt)
    if kind is HashListFormat.TE:
        return "".join(f"{SIGNAL_TYPE} {r.bits.hex()}\n" for r in records)
    if kind is HashListFormat.TXT:
        return "".join(f"{r.bits.hex()}\n" for r in records)
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter="\t" if kind is HashListFormat.TSV else ",", lineterminator="\n"
    )
    writer.writerow(_EXPORT_COLUMNS)
    for r in records:
        writer.writerow(
            [
                SIGNAL_TYPE,
                r.bits.hex(),
                "" if r.quality is None else r.quality,
                r.label,
                r.notes,
                r.source,
                "" if r.entry_id is None else r.entry_id,
                r.added_at,
            ]
        )
    return out.getvalue()


def codes_array(hashes: Sequence[bytes]) -> np.ndarray:
    """Hashes → an N×32 uint8 array (the index's layout)."""
    if not hashes:
        return np.zeros((0, HASH_BYTES), dtype=np.uint8)
    blob = b"".join(hashes)
    if len(blob) != HASH_BYTES * len(hashes):
        raise InputError("every PDQ hash has 32 bytes")
    return np.frombuffer(blob, dtype=np.uint8).reshape(-1, HASH_BYTES).copy()
