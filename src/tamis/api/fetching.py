"""Server-side fetching of submitted URLs with the operator's settings."""

from __future__ import annotations

from tamis.config import Settings
from tamis.net.safe_fetch import FetchPolicy, fetch


def fetch_policy(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        allow_networks=settings.fetch_allow,
        max_bytes=settings.fetch_max_bytes,
        total_timeout=settings.fetch_timeout_s,
    )


def fetch_media(url: str, settings: Settings) -> bytes:
    return fetch(url, fetch_policy(settings)).data
