"""Settings: one table of name, default and help; read from the environment.

docs/settings.md documents every entry (a test fails when one is missing).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tamis.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    env: str
    default: Callable[[], Any]
    parse: Callable[[str], Any]
    help: str


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tamis"


def _bool(value: str) -> bool:
    v = value.strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"expected true/false, got {value!r}")


def _positive_int(value: str) -> int:
    n = int(value)
    if n <= 0:
        raise ValueError(f"expected a positive integer, got {value!r}")
    return n


SETTINGS: dict[str, Setting] = {
    "home": Setting(
        "TAMIS_HOME",
        _data_home,
        Path,
        "Folder for tamis's own data: user term lists, user policies, database.",
    ),
    "max_text_chars": Setting(
        "TAMIS_MAX_TEXT_CHARS",
        lambda: 2_000_000,
        _positive_int,
        "Longest text accepted, in characters; longer items are refused.",
    ),
    "langid": Setting(
        "TAMIS_LANGID", lambda: True, _bool, "Identify the language of every text part."
    ),
    "scan_workers": Setting(
        "TAMIS_SCAN_WORKERS",
        lambda: os.cpu_count() or 1,
        _positive_int,
        "Worker processes `tamis scan` uses by default.",
    ),
}


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    max_text_chars: int
    langid: bool
    scan_workers: int

    @property
    def lists_dir(self) -> Path:
        return self.home / "lists"

    @property
    def policies_dir(self) -> Path:
        return self.home / "policies"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, s in SETTINGS.items():
            raw = env.get(s.env)
            if raw is None or raw == "":
                values[name] = s.default()
                continue
            try:
                values[name] = s.parse(raw)
            except ValueError as exc:
                raise ConfigError(
                    str(exc),
                    source="environment",
                    key=s.env,
                    hint=f"{s.env}: {s.help} See docs/settings.md.",
                ) from None
        return cls(**values)
