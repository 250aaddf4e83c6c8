"""What one API process holds: settings, database, services, limiter, metrics."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from tamis.api.metrics import Metrics
from tamis.config import Settings
from tamis.errors import RateLimited
from tamis.mediastore import FileMediaStore
from tamis.services.moderation import ModerationService
from tamis.storage.db import Database


class RateLimiter:
    """Token bucket per API key, in this process: `per_minute` requests, bursts up to that."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
                exc = RateLimited(
                    f"rate limit of {int(self.capacity)} requests/minute reached",
                    hint=f"Retry after {wait:.1f} s (Retry-After header).",
                )
                exc.retry_after = wait
                raise exc
            self._buckets[key] = (tokens - 1.0, now)


@dataclass
class AppState:
    settings: Settings
    db: Database
    moderation: ModerationService
    media: FileMediaStore
    limiter: RateLimiter
    metrics: Metrics = field(default_factory=Metrics)
