"""Model thread counts inside `tamis scan` worker pools (`threads: 0` = the worker's share)."""

from __future__ import annotations

import os

import pytest

from tamis.detectors.image import _onnx


def test_zero_threads_means_the_process_share_in_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_onnx, "_share", 0)
    assert _onnx.default_threads(0) == 0  # outside a pool: onnxruntime chooses
    assert _onnx.default_threads(3) == 3  # an explicit setting always wins
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    _onnx.set_process_share(4)
    assert _onnx.default_threads(0) == 2
    _onnx.set_process_share(16)  # more workers than cores: still one thread each
    assert _onnx.default_threads(0) == 1
    assert _onnx.default_threads(5) == 5
