"""Sentence embeddings with the shipped ONNX MiniLM (model `minilm-l6-onnx`), without torch.

The encoder runs in onnxruntime on the CPU; the upstream WordPiece tokenizer runs with the
`tokenizers` package. Texts are cut to `max_tokens` tokens (128 by default, as the model was
tuned), padded per batch, mean-pooled over the attention mask and L2-normalised, which is what
sentence-transformers does for all-MiniLM-L6-v2. See docs/models/minilm-l6-onnx.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from tokenizers import Tokenizer

from tamis.models import registry

MODEL_NAME = "minilm-l6-onnx"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MAX_TOKENS = 128

# A text is cut before tokenising: 128 WordPiece tokens never need more characters than this
# in practice (an over-long "word" becomes one [UNK]); it bounds the cost of hostile input.
_PRE_CUT_CHARS = 32_768
_CUT_CHARS = 8_192

FloatArray = npt.NDArray[np.float32]


def clean(text: str) -> str:
    """What the tokenizer is given: lone surrogates replaced, whitespace runs collapsed (the
    BERT pre-tokenizer splits on them anyway) and the text cut to a bounded length."""
    text = text[:_PRE_CUT_CHARS]
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return " ".join(text.split())[:_CUT_CHARS]


class Embedder:
    """Batched sentence embeddings: ``embed(texts)`` is an (n, dim) float32 array of unit rows.

    One onnxruntime session per instance, using `threads` intra-op threads (1 by default: run
    more processes rather than more threads). `shared_embedder` keeps one per (model,
    threads) in a process. ``embed`` may be called from several threads at once.
    """

    def __init__(self, model: str = MODEL_NAME, *, threads: int = 1, max_tokens: int = MAX_TOKENS):
        if threads < 1:
            raise ValueError(f"threads must be >= 1, got {threads}")
        if not 2 <= max_tokens <= 512:
            raise ValueError(f"max_tokens must be in 2..512, got {max_tokens}")
        shipped = registry.load(model)
        self.model_name = shipped.name
        self.version = shipped.version
        self.max_tokens = max_tokens
        self.threads = threads
        tokenizer = Tokenizer.from_file(str(shipped.path(TOKENIZER_FILE)))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer = tokenizer
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(shipped.path(MODEL_FILE)), opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        out = self._session.get_outputs()[0]
        self._output = out.name
        self.dim = int(shipped.meta.get("dim", out.shape[-1]))

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """WordPiece ids with [CLS] and [SEP], at most `max_tokens` per text."""
        return [self._tokenizer.encode(clean(t)).ids for t in texts]

    def embed(self, texts: Sequence[str], *, batch_size: int = 32) -> FloatArray:
        """Unit-length embeddings, one row per text, in order. Texts are grouped by length so
        that a batch pads little; the result does not depend on `batch_size` beyond rounding."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self.tokenize(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._run([ids[i] for i in rows])
        return out

    def _run(self, ids: list[list[int]]) -> FloatArray:
        width = max(len(x) for x in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for r, row in enumerate(ids):
            input_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        (hidden,) = self._session.run([self._output], feeds)
        return pool(np.asarray(hidden, dtype=np.float32), mask)


@cache
def shared_embedder(model: str = MODEL_NAME, threads: int = 1) -> Embedder:
    """One embedder per (model, threads) in this process (the session is thread-safe)."""
    return Embedder(model, threads=threads)


def pool(hidden: FloatArray, mask: npt.NDArray[np.int64]) -> FloatArray:
    """Mean over the tokens that the attention mask keeps, then L2 normalisation."""
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    mean = summed / np.clip(m.sum(axis=1), 1e-9, None)
    norm = np.linalg.norm(mean, axis=1, keepdims=True)
    out: FloatArray = (mean / np.clip(norm, 1e-12, None)).astype(np.float32)
    return out
