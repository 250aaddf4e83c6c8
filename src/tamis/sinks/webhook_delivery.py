"""Delivering one signed webhook request, and the retry schedule.

These are the pure pieces: :func:`deliver` makes exactly one attempt and reports how it went;
the durable job around it decides when to retry (:func:`backoff_schedule`, :data:`MAX_ATTEMPTS`)
and writes the delivery log. See ``docs/webhooks.md``.

The request goes through :func:`tamis.net.safe_fetch.post`: the target's host is resolved and
checked against the fetch policy (private addresses refused unless allow-listed) once, and the
connection is made to an address from that very check, so that a DNS answer that changes in
between (DNS rebinding) cannot point the request at the server's own network.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tamis.errors import FetchFailed, FetchRefused
from tamis.net import safe_fetch
from tamis.net.safe_fetch import FetchPolicy, FetchTimedOut
from tamis.sinks.webhook_signing import (
    EVENT_ID_HEADER,
    EVENT_TYPE_HEADER,
    SIGNATURE_HEADER,
    sign_rotating,
)

USER_AGENT = "tamis-webhooks/1"
EVENT_TYPES = ("case.decided", "job.completed", "review.decided")

MAX_ATTEMPTS = 10
"""Attempts in all, the first included; after the last failure the delivery is given up."""

BACKOFF_BASE_S = 10.0
BACKOFF_FACTOR = 3.0
BACKOFF_CAP_S = 6 * 60 * 60.0

STEPS_PER_ATTEMPT = 3
"""The whole attempt (lookup, connect, send, answer) is cut at this many times ``timeout_s``."""

_HEADER_TOKEN = re.compile(r"[!-~]{1,200}")  # visible ASCII: nothing that could split a header
_MAX_LOCATION_CHARS = 200


@dataclass(frozen=True)
class DeliveryResult:
    """How one attempt went. ``status_code`` is None when no HTTP response came back.
    ``refused`` is True when the target was refused before any connection (an address the
    fetch policy does not allow): retrying cannot help."""

    ok: bool
    status_code: int | None
    error: str | None
    duration_s: float
    refused: bool = False


def backoff_schedule(attempt: int) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based) before the next one.

    ``10 * 3 ** (attempt - 1)``, capped at 6 hours: 10 s, 30 s, 90 s, 270 s, 810 s, 2430 s,
    7290 s, then 21600 s. Deterministic (no jitter), so that schedules can be tested and shown;
    a caller that wants jitter adds it. With :data:`MAX_ATTEMPTS` = 10 the nine waits add up to
    54 130 s (about 15 h) between the first and the last attempt.
    """
    if attempt < 1:
        raise ValueError(f"attempt numbers start at 1, got {attempt}")
    exponent = min(attempt - 1, 32)  # 10 * 3**32 is far past the cap; avoids huge powers
    return min(BACKOFF_BASE_S * BACKOFF_FACTOR**exponent, BACKOFF_CAP_S)


def make_envelope(
    event_type: str,
    event_id: str,
    tenant: str,
    data: Mapping[str, Any],
    *,
    created_at: datetime | None = None,
) -> dict[str, Any]:
    """The payload every event is sent in: ``{"id", "type", "created_at", "tenant", "data"}``.

    ``created_at`` is RFC 3339 in UTC with a ``Z`` and whole seconds (default: now).
    """
    when = datetime.now(UTC) if created_at is None else created_at
    if when.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    stamp = when.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "id": event_id,
        "type": event_type,
        "created_at": stamp,
        "tenant": tenant,
        "data": dict(data),
    }


def encode_payload(payload: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON, keys in the mapping's order (stable for a given payload).

    Raises ``TypeError``/``ValueError`` for values JSON cannot hold (NaN, infinity, objects):
    that is a programming error, not a delivery failure.
    """
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def _check_token(name: str, value: str) -> None:
    if not _HEADER_TOKEN.fullmatch(value):
        raise ValueError(f"{name} must be 1-200 visible ASCII characters, got {value[:40]!r}")


def deliver(
    url: str,
    secret: str,
    event_type: str,
    event_id: str,
    payload: Mapping[str, Any],
    *,
    timeout_s: float = 10.0,
    policy: FetchPolicy | None = None,
    now: int | None = None,
    previous_secrets: Sequence[str] = (),
) -> DeliveryResult:
    """POST ``payload`` to ``url``, signed with ``secret``; one attempt, no retries.

    ``url`` is checked like a server-side fetch under ``policy`` (default: ``FetchPolicy()``,
    no allow-list; give the operator's, with ``TAMIS_FETCH_ALLOW``): the host is resolved once,
    every address must be allowed, and the connection goes to one of those addresses, never
    to a second lookup. For https the certificate is checked against the host name (SNI too).
    A refused target is a failure with ``refused=True``; nothing is sent.

    A 2xx answer is success. Any other status (3xx included: redirects are never followed),
    a timeout or a connection error is a failure described in ``error``; network failures never
    raise. ``timeout_s`` applies to each network step (connect, send, each read); the whole
    attempt, lookup included, is cut at :data:`STEPS_PER_ATTEMPT` times ``timeout_s``. The
    policy's own timeouts are not used. The response body is not read. ``now`` (unix seconds)
    fixes the signature timestamp for tests. ``previous_secrets`` adds one ``v1=`` entry each,
    for secret rotation.

    Raises ``ValueError``/``TypeError`` only for programming errors: an empty secret, an event
    type or id that is not visible ASCII, a payload JSON cannot hold.
    """
    _check_token("event_type", event_type)
    _check_token("event_id", event_id)
    if not (timeout_s > 0 and math.isfinite(timeout_s)):
        raise ValueError(f"timeout_s must be a positive number of seconds, got {timeout_s!r}")
    body = encode_payload(payload)
    timestamp = int(time.time()) if now is None else now
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign_rotating([secret, *previous_secrets], body, timestamp),
        EVENT_ID_HEADER: event_id,
        EVENT_TYPE_HEADER: event_type,
    }
    attempt_policy = dataclasses.replace(
        policy or FetchPolicy(),
        connect_timeout=timeout_s,
        read_timeout=timeout_s,
        total_timeout=STEPS_PER_ATTEMPT * timeout_s,
    )
    started = time.monotonic()
    try:
        answer = safe_fetch.post(url, body, headers, attempt_policy)
    except FetchRefused as exc:
        return _failed(exc.message, started, refused=True)
    except FetchTimedOut as exc:
        return _failed(f"timeout: {exc.message}", started)
    except FetchFailed as exc:
        return _failed(f"connection error: {exc.message}", started)
    status, reason, location = answer.status, answer.reason, answer.location
    duration = time.monotonic() - started
    if 200 <= status < 300:
        return DeliveryResult(True, status, None, duration)
    error = f"HTTP {status} {reason}".rstrip()
    if 300 <= status < 400:
        error += ": redirects are not followed"
        if location:
            error += f" (Location: {location[:_MAX_LOCATION_CHARS]})"
    return DeliveryResult(False, status, error, duration)


def _failed(error: str, started: float, *, refused: bool = False) -> DeliveryResult:
    return DeliveryResult(False, None, error, time.monotonic() - started, refused)
