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
    "database_url": Setting(
        "TAMIS_DATABASE_URL",
        lambda: None,
        str,
        "PostgreSQL URL; unset starts the embedded server in $TAMIS_HOME/pgdata.",
    ),
    "host": Setting("TAMIS_HOST", lambda: "127.0.0.1", str, "Address `tamis serve` binds."),
    "port": Setting("TAMIS_PORT", lambda: 8686, _positive_int, "Port `tamis serve` binds."),
    "worker": Setting(
        "TAMIS_WORKER",
        lambda: True,
        _bool,
        "Run a job worker inside `tamis serve` (turn off when running `tamis worker` apart).",
    ),
    "max_body_bytes": Setting(
        "TAMIS_MAX_BODY_BYTES",
        lambda: 25 * 1024 * 1024,
        _positive_int,
        "Largest request body the API accepts, in bytes.",
    ),
    "max_batch": Setting(
        "TAMIS_MAX_BATCH", lambda: 256, _positive_int, "Most texts in one moderation request."
    ),
    "max_image_pixels": Setting(
        "TAMIS_MAX_IMAGE_PIXELS",
        lambda: 50_000_000,
        _positive_int,
        "Largest image accepted, in pixels (width x height); larger ones are refused.",
    ),
    "rate_limit": Setting(
        "TAMIS_RATE_LIMIT",
        lambda: 6000,
        _positive_int,
        "Requests per minute one API key may send (token bucket, per process).",
    ),
    "fetch_allow": Setting(
        "TAMIS_FETCH_ALLOW",
        lambda: (),
        lambda v: tuple(x.strip() for x in v.split(",") if x.strip()),
        "Comma-separated hosts or CIDRs that URL fetching may reach although private.",
    ),
    "fetch_max_bytes": Setting(
        "TAMIS_FETCH_MAX_BYTES",
        lambda: 20 * 1024 * 1024,
        _positive_int,
        "Largest body fetched from a submitted URL, in bytes.",
    ),
    "fetch_timeout_s": Setting(
        "TAMIS_FETCH_TIMEOUT_S",
        lambda: 30.0,
        float,
        "Total time allowed to fetch a submitted URL, in seconds.",
    ),
    "media_retention_days": Setting(
        "TAMIS_MEDIA_RETENTION_DAYS",
        lambda: 30,
        _positive_int,
        "Days that stored media are kept before the purge job deletes them.",
    ),
    "models_dir": Setting(
        "TAMIS_MODELS_DIR",
        lambda: None,
        Path,
        "Folder whose sub-folders replace shipped models of the same name.",
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
    database_url: str | None
    host: str
    port: int
    worker: bool
    max_body_bytes: int
    max_batch: int
    max_image_pixels: int
    rate_limit: int
    fetch_allow: tuple[str, ...]
    fetch_max_bytes: int
    fetch_timeout_s: float
    media_retention_days: int
    models_dir: Path | None
    scan_workers: int

    @property
    def lists_dir(self) -> Path:
        return self.home / "lists"

    @property
    def policies_dir(self) -> Path:
        return self.home / "policies"

    @property
    def media_dir(self) -> Path:
        return self.home / "media"

    @property
    def pg_dir(self) -> Path:
        return self.home / "pgdata"

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
