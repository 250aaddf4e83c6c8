"""What tasks need at run time: the database and the moderation service of this process."""

from __future__ import annotations

from dataclasses import dataclass

from tamis.config import Settings
from tamis.services.moderation import ModerationService
from tamis.storage.db import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    moderation: ModerationService


_current: Runtime | None = None


def set_runtime(rt: Runtime) -> None:
    global _current
    _current = rt


def runtime() -> Runtime:
    if _current is None:
        raise RuntimeError("job runtime not configured: start workers with tamis.jobs.worker")
    return _current
