"""One typed error hierarchy. Every error carries a stable code and a hint for the user.

Each interface (CLI, API) turns these into output in exactly one place.
"""

from __future__ import annotations


class TamisError(Exception):
    """Base of every error tamis raises on purpose."""

    code: str = "tamis_error"
    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "hint": self.hint}


class InputError(TamisError):
    """The submitted content or request cannot be processed as given."""

    code = "invalid_input"
    exit_code = 65  # EX_DATAERR
    http_status = 400


class TextTooLong(InputError):
    code = "text_too_long"
    http_status = 413


class InvalidEncoding(InputError):
    code = "invalid_encoding"


class MalformedRecord(InputError):
    code = "malformed_record"


class UnsupportedMedia(InputError):
    code = "unsupported_media"
    http_status = 415


class ConfigError(TamisError):
    """A policy, list or setting is invalid. The message names the file and key."""

    code = "invalid_config"
    exit_code = 78  # EX_CONFIG
    http_status = 422

    def __init__(self, message: str, *, hint: str = "", source: str = "", key: str = "") -> None:
        where = ", ".join(p for p in (source, f"key {key!r}" if key else "") if p)
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.source = source
        self.key = key


class NotFound(TamisError):
    code = "not_found"
    exit_code = 66  # EX_NOINPUT
    http_status = 404


class Refused(TamisError):
    """tamis does not provide this by design (protected attributes, identification)."""

    code = "refused_by_design"
    exit_code = 77
    http_status = 422


class DetectorFailed(TamisError):
    code = "detector_failed"
    http_status = 500


class Unauthenticated(TamisError):
    code = "unauthenticated"
    exit_code = 77
    http_status = 401


class Forbidden(TamisError):
    code = "forbidden"
    exit_code = 77
    http_status = 403


class Conflict(TamisError):
    code = "conflict"
    exit_code = 65
    http_status = 409


class RateLimited(TamisError):
    code = "rate_limited"
    exit_code = 75  # EX_TEMPFAIL
    http_status = 429
    retry_after: float = 1.0  # seconds until a request would be accepted (Retry-After)


class RequestTooLarge(InputError):
    code = "request_too_large"
    http_status = 413


class ServiceUnavailable(TamisError):
    code = "service_unavailable"
    exit_code = 69  # EX_UNAVAILABLE
    http_status = 503


class SignatureInvalid(InputError):
    """A webhook's `Tamis-Signature` header is missing, malformed, wrong or too old."""

    code = "signature_invalid"
    http_status = 400


class FetchRefused(InputError):
    """A URL tamis was asked to fetch is not allowed (scheme, credentials, address)."""

    code = "url_refused"
    http_status = 400


class FetchFailed(InputError):
    """A URL was allowed but fetching it failed: network error, timeout, non-2xx status."""

    code = "url_fetch_failed"
    http_status = 422

    def __init__(self, message: str, *, hint: str = "", status: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status


class MediaTooLarge(InputError):
    code = "media_too_large"
    http_status = 413
