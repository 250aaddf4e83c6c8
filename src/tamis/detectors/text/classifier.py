"""`text_classifier`: the fast multilingual n-gram classifier (model `text-ngram`).

Hashed character n-grams (within words) and word uni/bigrams of the normalised text, one
logistic regression per label, Platt-calibrated. The same ``NgramFeaturizer`` builds the
features in training (training/train_ngram.py) and here, from the parameters stored with the
model. See docs/detectors/text_classifier.md and docs/models/text-ngram.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from pydantic import Field, field_validator
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from tamis.detectors.base import Detector, DetectorConfig, Example, check_model_labels
from tamis.findings import Finding
from tamis.media import Modality, Part
from tamis.models import registry
from tamis.taxonomy import check_label

MODEL_NAME = "text-ngram"
FEATURES_FILE = "features.json"
WEIGHTS_FILE = "weights.npz"

# Labels the model may carry, in the order used by training.
MODEL_LABELS: tuple[str, ...] = (
    "hate",
    "harassment",
    "profanity",
    "spam",
    "ads",
    "sexual",
    "violence",
    "violence/graphic",
    "extremism",
    "weapons",
    "drugs",
    "self-harm",
)

_SURROGATES = re.compile("[\ud800-\udfff]")
_WS = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"\S+")
_WORD_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_WORD_TOKEN = re.compile(_WORD_TOKEN_PATTERN)

FloatArray = npt.NDArray[np.float32]

# Calibration groups: Platt scaling is fitted apart for texts written mostly in Chinese
# characters, whose score distributions and base rates differ from Latin-script texts.
SCRIPTS: tuple[str, ...] = ("other", "han")


def script_group(text: str) -> int:
    """1 when at least a fifth of the letters of `text` are Chinese characters, else 0."""
    if text.isascii():
        return 0
    han = len(_CJK.findall(text))
    if not han:
        return 0
    letters = sum(1 for c in text if c.isalpha())
    return 1 if han * 5 >= letters else 0


@dataclass(frozen=True)
class NgramFeaturizer:
    """Hashed n-gram features: a char_wb block then a word block, each L2-normalised and
    scaled by 1/√2, so that a row has unit norm. Texts must already be normalised."""

    char_ngrams: tuple[int, int] = (1, 4)
    word_ngrams: tuple[int, int] = (1, 2)
    n_features_log2: int = 18  # per block

    @property
    def block(self) -> int:
        return int(2**self.n_features_log2)

    @property
    def n_features(self) -> int:
        return 2 * self.block

    def to_json(self) -> dict[str, Any]:
        return {
            "char_ngrams": list(self.char_ngrams),
            "word_ngrams": list(self.word_ngrams),
            "n_features_log2": self.n_features_log2,
            "char": {"analyzer": "char_wb", "alternate_sign": False, "norm": "l2"},
            "word": {
                "analyzer": "word",
                "token_pattern": _WORD_TOKEN_PATTERN,
                "alternate_sign": False,
                "norm": "l2",
            },
            "block_scale": "1/sqrt(2)",
            "layout": "[char block | word block]",
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> NgramFeaturizer:
        c, w = data["char_ngrams"], data["word_ngrams"]
        return cls(
            char_ngrams=(int(c[0]), int(c[1])),
            word_ngrams=(int(w[0]), int(w[1])),
            n_features_log2=int(data["n_features_log2"]),
        )

    @cache  # noqa: B019 - a handful of frozen instances per process
    def _vectorizers(self) -> tuple[HashingVectorizer, HashingVectorizer]:
        char = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=self.char_ngrams,
            n_features=self.block,
            alternate_sign=False,
            norm="l2",
            lowercase=False,
            token_pattern=None,
            dtype=np.float32,
        )
        word = HashingVectorizer(
            analyzer="word",
            ngram_range=self.word_ngrams,
            n_features=self.block,
            alternate_sign=False,
            norm="l2",
            lowercase=False,
            token_pattern=_WORD_TOKEN_PATTERN,
            dtype=np.float32,
        )
        return char, word

    @staticmethod
    def clean(text: str) -> str:
        """What the vectorisers see: no lone surrogates (they cannot be hashed as UTF-8)."""
        return _SURROGATES.sub("\ufffd", text) if not text.isascii() else text

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        char, word = self._vectorizers()
        clean = [self.clean(t) for t in texts]
        x = sp.hstack([char.transform(clean), word.transform(clean)], format="csr")
        out: sp.csr_matrix = (x * np.float32(np.sqrt(0.5))).astype(np.float32)
        return out

    # -- per-word contributions (for the evidence span) -----------------------------------

    def char_index(self, gram: str) -> int:
        """The column of a char_wb n-gram (as scikit-learn hashes it)."""
        return _hash_index(self.clean(gram), self.block)

    def word_index(self, word: str) -> int:
        """The column of a word unigram."""
        return self.block + _hash_index(self.clean(word), self.block)


@lru_cache(maxsize=1 << 16)
def _hash_index(feature: str, n_features: int) -> int:
    # As scikit-learn's FeatureHasher: |signed MurmurHash3 of the UTF-8| modulo n_features.
    h = int(murmurhash3_32(feature, seed=0))
    if h == -(2**31):
        return (2**31 - 1 - (n_features - 1)) % n_features
    return abs(h) % n_features


@lru_cache(maxsize=1 << 16)
def _token_columns(token: str, lo: int, hi: int, block: int) -> tuple[int, ...]:
    """Columns of one whitespace token: its char_wb n-grams, then its word unigrams."""
    chars = [_hash_index(g, block) for g in _char_grams(f" {token} ", lo, hi)]
    words = [block + _hash_index(w, block) for w in _WORD_TOKEN.findall(token)]
    return (*chars, *words)


def _char_grams(padded: str, lo: int, hi: int) -> list[str]:
    """The char_wb n-grams of one padded word, as scikit-learn's analyser makes them."""
    out: list[str] = []
    size = len(padded)
    for n in range(lo, hi + 1):
        out.append(padded[:n])
        out.extend(padded[i : i + n] for i in range(1, size - n + 1))
    return out


def split_windows(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, window) pairs for a text longer than `size`: the text is cut into chunks of
    at most `size // 2` characters (at a space where there is one) and the windows are every
    chunk and every two adjacent chunks, so any stretch of up to `size // 2` characters lies
    whole inside a window of at most `size`. A text of at most `size` characters is one
    window."""
    if len(text) <= size:
        return [(0, text)]
    half = max(1, size // 2)
    cuts = [0]
    n = len(text)
    while cuts[-1] < n:
        start = cuts[-1]
        end = min(n, start + half)
        if end < n:
            space = text.rfind(" ", start + half // 2, end)
            if space > start:
                end = space + 1
        cuts.append(end)
    out = [(cuts[i], text[cuts[i] : cuts[i + 1]]) for i in range(len(cuts) - 1)]
    out += [(cuts[i], text[cuts[i] : cuts[i + 2]]) for i in range(len(cuts) - 2)]
    return out


@dataclass(frozen=True)
class NgramModel:
    """The loaded weights: `wt` is the dense (n_features × n_labels) weight matrix."""

    labels: tuple[str, ...]
    featurizer: NgramFeaturizer
    wt: FloatArray
    intercept: FloatArray
    calib_a: FloatArray
    calib_b: FloatArray
    version: str

    @classmethod
    def load(cls) -> NgramModel:
        model = registry.load(MODEL_NAME)
        meta = json.loads(model.path(FEATURES_FILE).read_text("utf-8"))
        labels = tuple(str(x) for x in meta["labels"])
        for label in labels:
            check_label(label)
        feat = NgramFeaturizer.from_json(meta["features"])
        with np.load(model.path(WEIGHTS_FILE), allow_pickle=False) as z:
            indptr = z["coef_indptr"]
            indices = z["coef_indices"]
            data = z["coef_data"].astype(np.float32)
            intercept = z["intercept"].astype(np.float32)
            calib_a = z["calib_a"].astype(np.float32)
            calib_b = z["calib_b"].astype(np.float32)
        n = len(labels)
        shape = (len(SCRIPTS), n)
        if not (
            len(indptr) == n + 1
            and len(intercept) == n
            and calib_a.shape == shape
            and calib_b.shape == shape
        ):
            raise registry.ModelIntegrityError(
                f"model {MODEL_NAME}: weights do not match its {n} labels",
                hint="Reinstall tamis or retrain with training/train_ngram.py.",
            )
        coef = sp.csr_matrix((data, indices, indptr), shape=(n, feat.n_features))
        wt = np.ascontiguousarray(coef.T.toarray(), dtype=np.float32)
        return cls(labels, feat, wt, intercept, calib_a, calib_b, model.version)

    def margins(self, texts: Sequence[str]) -> FloatArray:
        """Raw scores (log-odds before calibration), one row per text."""
        x = self.featurizer.transform(texts)
        z: FloatArray = np.asarray(x @ self.wt, dtype=np.float32) + self.intercept
        return z

    def probabilities(self, texts: Sequence[str]) -> FloatArray:
        z = self.margins(texts)
        group = np.array([script_group(t) for t in texts], dtype=np.intp)
        t = self.calib_a[group] * z + self.calib_b[group]
        p: FloatArray = (1.0 / (1.0 + np.exp(-np.clip(t, -40.0, 40.0)))).astype(np.float32)
        return p

    def candidates(
        self, text: str
    ) -> tuple[list[tuple[int, int]], npt.NDArray[np.int64], list[int]]:
        """The spans that may explain a score, for `top_words`: one per whitespace token
        without Chinese characters (trimmed to its letters and digits; scored by all its
        char_wb n-grams and word unigrams, as `transform` hashes them), and one per 2-4
        character n-gram holding a Chinese character (scored by that n-gram alone).
        Returns (spans, feature columns, start of each span's columns in that array)."""
        feat = self.featurizer
        lo, hi = feat.char_ngrams
        spans: list[tuple[int, int]] = []
        index: list[int] = []
        starts: list[int] = []
        for m in _TOKEN.finditer(text):
            token = m.group()
            if _CJK.search(token):
                for n in range(max(2, lo), hi + 1):
                    for i in range(len(token) - n + 1):
                        gram = token[i : i + n]
                        if _CJK.search(gram):
                            spans.append((m.start() + i, m.start() + i + n))
                            starts.append(len(index))
                            index.append(feat.char_index(gram))
                continue
            words = list(_WORD.finditer(token))
            if not words:
                continue
            spans.append((m.start() + words[0].start(), m.start() + words[-1].end()))
            starts.append(len(index))
            index.extend(_token_columns(feat.clean(token), lo, hi, feat.block))
        return spans, np.asarray(index, dtype=np.int64), starts

    def top_words(self, text: str, label_indices: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Per label index: [start, end) in `text` of the candidate span (see `candidates`)
        whose features add the most to the label's raw score. A label for which nothing adds
        to the score is left out."""
        if not label_indices:
            return {}
        spans, index, starts = self.candidates(text)
        if not spans:
            return {}
        sums = np.add.reduceat(self.wt[index][:, list(label_indices)], starts, axis=0)
        out: dict[int, tuple[int, int]] = {}
        for k, label_index in enumerate(label_indices):
            best = int(np.argmax(sums[:, k]))
            if sums[best, k] > 0.0:
                out[label_index] = spans[best]
        return out


@cache
def _shipped_version() -> str:
    """The version in the shipped MODEL.json (read without verification, for the class)."""
    try:
        path = files("tamis.models").joinpath(MODEL_NAME, "MODEL.json")
        return f"{MODEL_NAME}-{json.loads(path.read_text('utf-8'))['version']}"
    except (OSError, ValueError, KeyError):
        return f"{MODEL_NAME}-unknown"


class TextClassifierConfig(DetectorConfig):
    """Settings of text_classifier; every option is described in the docs page."""

    min_score: float = Field(
        0.05, ge=0.0, le=1.0, description="Lowest calibrated probability that gives a finding."
    )
    labels: list[str] = Field(
        default_factory=list, description="Labels to emit; empty emits every model label."
    )
    window_chars: int = Field(
        400, ge=50, le=100_000, description="Longer texts are scored in windows of this size."
    )
    spans: bool = Field(True, description="Locate the top-contributing word of each finding.")
    max_evidence_chars: int = Field(64, ge=8, le=1000, description="Longest evidence `match`.")

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: list[str]) -> list[str]:
        return check_model_labels(value, MODEL_LABELS, "text_classifier")


class TextClassifierDetector(Detector):
    """Calibrated probabilities for every harm label the n-gram model was trained on."""

    name = "text_classifier"
    version: ClassVar[str] = _shipped_version()
    modalities = frozenset({Modality.TEXT})
    labels = MODEL_LABELS
    Config = TextClassifierConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, TextClassifierConfig)
        self.cfg: TextClassifierConfig = self.config
        self.model = NgramModel.load()
        version = f"{MODEL_NAME}-{self.model.version}"
        if type(self).version != version:  # an operator's model in TAMIS_MODELS_DIR
            type(self).version = version
        wanted = set(self.cfg.labels) or set(self.model.labels)
        self._emit = [i for i, label in enumerate(self.model.labels) if label in wanted]

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        rows: list[str] = []
        owner: list[tuple[int, int]] = []  # (part index, window offset) per row
        for k, part in enumerate(parts):
            if part.modality is not Modality.TEXT or not isinstance(part.payload, str):
                continue
            text = part.normalized.text
            if not text.strip():
                continue
            for offset, piece in split_windows(text, self.cfg.window_chars):
                rows.append(piece)
                owner.append((k, offset))
        out: list[list[Finding]] = [[] for _ in parts]
        if not rows:
            return out
        probs = self.model.probabilities(rows)
        best: dict[int, tuple[FloatArray, FloatArray]] = {}
        for r, (k, _) in enumerate(owner):
            if k not in best:
                best[k] = (probs[r].copy(), np.full(len(self.model.labels), r, dtype=np.float32))
            else:
                p, arg = best[k]
                better = probs[r] > p
                p[better] = probs[r][better]
                arg[better] = r
        for k, (p, arg) in best.items():
            out[k] = self._findings(parts[k], p, arg, rows, owner)
        return out

    def _findings(
        self,
        part: Part,
        p: FloatArray,
        arg: FloatArray,
        rows: list[str],
        owner: list[tuple[int, int]],
    ) -> list[Finding]:
        hits = [i for i in self._emit if float(p[i]) >= self.cfg.min_score]
        spans: dict[int, tuple[int, int]] = {}
        if self.cfg.spans and hits:
            by_row: dict[int, list[int]] = {}
            for i in hits:
                by_row.setdefault(int(arg[i]), []).append(i)
            for r, labels in by_row.items():
                offset = owner[r][1]
                for i, (a, b) in self.model.top_words(rows[r], labels).items():
                    spans[i] = part.normalized.original_span(offset + a, offset + b)
        found: list[Finding] = []
        for i in hits:
            evidence: dict[str, Any] = {"model": MODEL_NAME, "lang": part.lang}
            span = spans.get(i)
            if span is not None:
                match = str(part.payload)[span[0] : span[1]]
                evidence["match"] = match[: self.cfg.max_evidence_chars]
            score = min(1.0, max(0.0, round(float(p[i]), 6)))
            label = self.model.labels[i]
            found.append(self.finding(label, score, span=span, evidence=evidence, part=part))
        return found

    @classmethod
    def examples(cls) -> list[Example]:
        """Real behaviour of the shipped model: each `expect` label scores at or above the
        default policy's threshold for it, each `absent` label below `min_score` (0.05)."""
        benign = frozenset({"hate", "harassment", "profanity", "sexual", "violence", "spam"})
        return [
            Example("you are a stupid bitch", expect=frozenset({"profanity"})),
            Example(
                "Free entry! txt WIN to 87121 to claim your prize",
                expect=frozenset({"spam", "ads"}),
            ),
            Example("nude pics, dm me 18+", expect=frozenset({"sexual"})),
            Example("selling glock 19, dm me", expect=frozenset({"weapons"})),
            Example(
                "his skull was crushed and brains spilled on the road",
                expect=frozenset({"violence/graphic"}),
            ),
            Example("Behead the traitors, glory to the caliphate", expect=frozenset({"extremism"})),
            Example("sale arabe de merde", expect=frozenset({"hate"})),
            Example("je vais me suicider ce soir", expect=frozenset({"self-harm"})),
            Example("coke dispo a paris, 80e, snap", expect=frozenset({"drugs"})),
            Example("我想自杀", expect=frozenset({"self-harm"})),
            Example("黑人都是垃圾", expect=frozenset({"hate"})),
            Example("你这个傻逼", expect=frozenset({"harassment"})),
            Example("The museum opens at nine on Saturdays.", absent=benign),
            Example("Le train pour Lyon part à huit heures demain matin.", absent=benign),
        ]
