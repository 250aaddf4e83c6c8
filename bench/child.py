"""Run a benchmark phase in a fresh Python process (so its peak RSS and model loading are its
own) and read back the JSON it writes: the script is called with its own `--child` flags."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_child(script: str, kind: str, data: Path, *extra: str) -> dict[str, Any]:
    """`python SCRIPT --child KIND --data DATA --out TMP EXTRA...`; the JSON left in TMP, plus
    `process_wall_s`, the child's wall-clock time from spawn to exit."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    try:
        cmd = [sys.executable, str(Path(script).resolve()), "--child", kind, "--data", str(data)]
        t = time.perf_counter()
        subprocess.run([*cmd, "--out", str(out), *extra], check=True, env=os.environ.copy())
        result: dict[str, Any] = json.loads(out.read_text("utf-8"))
        result["process_wall_s"] = time.perf_counter() - t
        return result
    finally:
        out.unlink(missing_ok=True)
