"""What the client raises. Every API error carries the HTTP status and the server's
`{"code", "message", "hint"}`; the class says which status family it belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tamis.client.models import Job


class TamisClientError(Exception):
    """Base of everything `tamis.client` raises on purpose."""


class ApiConnectionError(TamisClientError):
    """The server could not be reached, or the connection broke before a response came
    (after the retries allowed for the call)."""

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url


class ApiError(TamisClientError):
    """The server answered with an error status."""

    status: int

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        hint: str = "",
        *,
        body: Any = None,
        retry_after: float | None = None,
        method: str = "",
        url: str = "",
    ) -> None:
        super().__init__(f"{status} {code}: {message}" + (f" (hint: {hint})" if hint else ""))
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.body = body
        self.retry_after = retry_after
        self.method = method
        self.url = url


class ClientError(ApiError):
    """A 4xx status: the request must change before it can succeed (except 429)."""


class BadRequestError(ClientError):
    """400: the content or request cannot be processed as given."""


class AuthenticationError(ClientError):
    """401: no API key, an unknown key or a revoked key."""


class PermissionDeniedError(ClientError):
    """403: the key lacks the scope the call needs."""


class NotFoundError(ClientError):
    """404: no such object (or route)."""


class ConflictError(ClientError):
    """409: the object exists, or an Idempotency-Key was reused with a different request."""


class PayloadTooLargeError(ClientError):
    """413: a body, batch, text or upload over its limit."""


class UnsupportedMediaError(ClientError):
    """415: a media type this route does not take."""


class UnprocessableError(ClientError):
    """422: a well-formed request that fails validation (schema, policy or list)."""


class RateLimitError(ClientError):
    """429: the key sent more requests than its limit; see `retry_after`."""


class ServerError(ApiError):
    """A 5xx status."""


class ServiceUnavailableError(ServerError):
    """503: the database cannot be reached; nothing was stored."""


class JobTimeoutError(TamisClientError, TimeoutError):
    """`wait_job` ran out of time; `job` is the last state seen."""

    def __init__(self, message: str, job: Job) -> None:
        super().__init__(message)
        self.job = job


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaError,
    422: UnprocessableError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_for(
    status: int,
    body: Any,
    *,
    text: str = "",
    retry_after: float | None = None,
    method: str = "",
    url: str = "",
) -> ApiError:
    """The exception for an error response: the server's envelope when it has one, else a
    code `http_<status>` and the start of the body (a proxy's HTML page, say)."""
    err = body.get("error") if isinstance(body, Mapping) else None
    if isinstance(err, Mapping) and isinstance(err.get("code"), str):
        code, message, hint = err["code"], str(err.get("message", "")), str(err.get("hint", ""))
    else:
        code, message, hint = f"http_{status}", text.strip()[:200] or "no error body", ""
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else ClientError if status >= 400 else ApiError
    return cls(
        status,
        code,
        message,
        hint,
        body=body,
        retry_after=retry_after,
        method=method,
        url=url,
    )
