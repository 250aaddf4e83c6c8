"""Signing and verifying webhook requests.

Scheme (version ``v1``), also documented in ``docs/webhooks.md``:

* Every delivery carries the header::

      Tamis-Signature: t=<unix seconds>,v1=<hex signature>[,v1=<hex signature>...]

  where ``<hex signature>`` is the lower-case hex of
  ``HMAC-SHA256(key=secret.encode("utf-8"), msg=f"{t}.".encode("ascii") + raw_body)``.
  ``raw_body`` is the exact bytes of the request body as sent; ``secret`` is the whole secret
  string, ``whsec_`` prefix included.
* It also carries ``Tamis-Event-Id`` (unique per event, the same on every retry, so that
  receivers can drop duplicates) and ``Tamis-Event-Type`` (e.g. ``case.decided``).
* While a secret is being rotated the sender signs with the new and the old secret: the header
  then holds several ``v1=`` entries and a receiver accepts the request when any of them
  matches its secret.
* Entries with other keys (a future ``v2=``) are ignored, so that new schemes can be added
  without breaking receivers.
* A receiver rejects a timestamp more than ``tolerance_s`` (default 300 s) away from its own
  clock, in either direction: this bounds replays of a captured request.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence
from secrets import token_urlsafe

from tamis.errors import SignatureInvalid

SIGNATURE_HEADER = "Tamis-Signature"
EVENT_ID_HEADER = "Tamis-Event-Id"
EVENT_TYPE_HEADER = "Tamis-Event-Type"
SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE_S = 300

_MAX_HEADER_CHARS = 4096  # a header this long is not one we sent
_MAX_TIMESTAMP_DIGITS = 12
_HEX = frozenset("0123456789abcdef")
_HINT = (
    "Sign with the endpoint's secret over the exact raw body: "
    'hex(HMAC-SHA256(secret, f"{t}.{raw_body}")); see docs/webhooks.md.'
)


def new_secret() -> str:
    """A new random endpoint secret: ``whsec_`` followed by 32 random bytes, URL-safe base64."""
    return SECRET_PREFIX + token_urlsafe(32)


def _digest(secret: str, body: bytes, timestamp: int) -> str:
    if not secret:
        raise ValueError("a webhook secret must not be empty")
    message = f"{timestamp}.".encode("ascii") + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``Tamis-Signature`` header value for ``body`` sent at ``timestamp`` (unix seconds)."""
    return sign_rotating([secret], body, timestamp)


def sign_rotating(secrets: Sequence[str], body: bytes, timestamp: int) -> str:
    """Like :func:`sign`, with one ``v1=`` entry per secret (new and old during a rotation)."""
    if isinstance(secrets, str):
        raise TypeError("pass a sequence of secrets, not a single string")
    if not secrets:
        raise ValueError("at least one webhook secret is needed")
    if timestamp < 0:
        raise ValueError("the timestamp must be unix seconds, not negative")
    entries = [f"t={timestamp}"]
    entries.extend(f"v1={_digest(s, body, timestamp)}" for s in secrets)
    return ",".join(entries)


def _parse(header: str | None) -> tuple[int, list[str]]:
    if header is None or not header.strip():
        raise SignatureInvalid(f"the {SIGNATURE_HEADER} header is missing", hint=_HINT)
    if len(header) > _MAX_HEADER_CHARS:
        raise SignatureInvalid(f"the {SIGNATURE_HEADER} header is too long", hint=_HINT)
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            raise SignatureInvalid(
                f"the {SIGNATURE_HEADER} header is malformed: {item.strip()[:40]!r} "
                "is not key=value",
                hint=_HINT,
            )
        if key == "t":
            timestamps.append(value)
        elif key == "v1":
            signatures.append(value)
        # Other keys (future schemes) are ignored on purpose.
    if len(timestamps) != 1:
        raise SignatureInvalid(
            f"the {SIGNATURE_HEADER} header must hold exactly one t=<unix seconds>", hint=_HINT
        )
    raw_t = timestamps[0]
    if not (raw_t.isascii() and raw_t.isdigit() and len(raw_t) <= _MAX_TIMESTAMP_DIGITS):
        raise SignatureInvalid(
            f"the {SIGNATURE_HEADER} timestamp {raw_t[:20]!r} is not unix seconds", hint=_HINT
        )
    if not signatures:
        raise SignatureInvalid(f"the {SIGNATURE_HEADER} header holds no v1=<signature>", hint=_HINT)
    return int(raw_t), signatures


def verify(
    secret: str,
    body: bytes,
    header: str | None,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: int | None = None,
) -> None:
    """Check a ``Tamis-Signature`` header against ``body``; return quietly when it is valid.

    Raises :class:`~tamis.errors.SignatureInvalid` when the header is missing or malformed,
    when no ``v1`` entry matches ``secret`` (compared in constant time), or when its timestamp
    is more than ``tolerance_s`` seconds from ``now`` (default: the current time) either way.
    The signature is checked before the timestamp, so a forged request is always reported as
    such.
    """
    if tolerance_s < 0:
        raise ValueError("tolerance_s must not be negative")
    timestamp, candidates = _parse(header)
    expected = _digest(secret, body, timestamp).encode("ascii")
    matched = False
    for candidate in candidates:
        # compare_digest needs ASCII; anything else cannot be one of our signatures.
        value = candidate.lower()
        if len(value) == len(expected) and set(value) <= _HEX:
            matched |= hmac.compare_digest(value.encode("ascii"), expected)
    if not matched:
        raise SignatureInvalid(
            "no v1 signature in the Tamis-Signature header matches this secret and body",
            hint="Check the endpoint's secret and verify the raw body bytes as received, "
            "before any JSON parsing or re-encoding.",
        )
    current = int(time.time()) if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise SignatureInvalid(
            f"the signature timestamp {timestamp} is {current - timestamp:+d} s from now, "
            f"outside the tolerance of {tolerance_s} s",
            hint="Reject replayed requests; if this is not one, check both clocks (NTP).",
        )
