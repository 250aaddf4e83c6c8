"""Network access on behalf of users: fetching URLs they submit, safely (see docs/fetching.md)."""

from tamis.net.safe_fetch import (
    Fetched,
    FetchPolicy,
    fetch,
    fetch_async,
    parse_allow_list,
    refusal_reason,
)

__all__ = ["FetchPolicy", "Fetched", "fetch", "fetch_async", "parse_allow_list", "refusal_reason"]
