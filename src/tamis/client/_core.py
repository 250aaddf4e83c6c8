"""What the synchronous and asynchronous clients share below the API methods: the HTTP client
protocols, the call description, error mapping and the retry plan. Only the I/O differs."""

from __future__ import annotations

import email.utils
import os
import random
import sys
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, Literal, Protocol, TypeVar

import httpx

import tamis
from tamis.client.errors import ApiConnectionError, error_for

T = TypeVar("T")
USER_AGENT = f"tamis-client/{tamis.__version__}"
RETRY_STATUSES = frozenset({429, 503})
Texts = str | Sequence[str] | Sequence[tuple[str | int, str]]
Image = str | os.PathLike[str] | bytes
Id = str | uuid.UUID
JobKind = Literal["text_batch", "video", "audio"]


class SyncHttp(Protocol):
    """What the client needs of an HTTP client: `httpx.Client`, or an httpx-compatible one
    such as starlette's TestClient."""

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Any = ...,
        json: Any = ...,
        files: Any = ...,
        data: Any = ...,
        headers: Any = ...,
    ) -> Response: ...


class AsyncHttp(Protocol):
    """`httpx.AsyncClient`, or an httpx-compatible one."""

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Any = ...,
        json: Any = ...,
        files: Any = ...,
        data: Any = ...,
        headers: Any = ...,
    ) -> Response: ...


class Response(Protocol):
    """The part of an `httpx.Response` the client reads (any httpx-compatible one will do)."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def content(self) -> bytes: ...
    @property
    def text(self) -> str: ...
    def json(self, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class Retry:
    """Retries of idempotent calls (GET, and POST with an Idempotency-Key) on 429, 503 and
    connection errors. The delay is the server's `Retry-After` when it sends one (the call
    fails at once if that is over `max_delay`), else `backoff * 2**n`, capped at `max_delay`,
    with jitter."""

    attempts: int = 2  # retries after the first try; 0 turns retrying off
    backoff: float = 0.5
    max_delay: float = 30.0
    jitter: bool = True

    def delay(self, retry_number: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry `retry_number` (0-based), or None to give up."""
        if retry_number >= self.attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_delay else None
        delay = min(self.max_delay, self.backoff * 2.0**retry_number)
        return delay * random.uniform(0.5, 1.0) if self.jitter else delay


def as_retry(retries: int | Retry) -> Retry:
    return retries if isinstance(retries, Retry) else Retry(attempts=max(0, retries))


@dataclass(frozen=True)
class Call(Generic[T]):
    method: str
    path: str
    parse: Callable[[Any], T]
    params: Mapping[str, Any] | None = None
    json: Any = None
    files: Mapping[str, Any] | None = None
    data: Mapping[str, str] | None = None
    idempotency_key: str | None = None
    accept: frozenset[int] = field(default_factory=frozenset)  # error statuses read as data
    auth: bool = True

    @property
    def retryable(self) -> bool:
        return self.method in ("GET", "HEAD") or (
            self.method == "POST" and self.idempotency_key is not None
        )

    def kwargs(self, api_key: str | None) -> dict[str, Any]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if api_key and self.auth:
            headers["Authorization"] = f"Bearer {api_key}"
        if self.idempotency_key is not None:
            headers["Idempotency-Key"] = self.idempotency_key
        out: dict[str, Any] = {"headers": headers}
        if self.params:
            out["params"] = {k: v for k, v in self.params.items() if v is not None}
        if self.json is not None:
            out["json"] = self.json
        if self.files is not None:
            out["files"] = self.files
            out["data"] = dict(self.data or {})
        return out


def retry_after(headers: Mapping[str, str]) -> float | None:
    """`Retry-After` in seconds: a number, or an HTTP date."""
    value = headers.get("retry-after") or headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _json(response: Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None


def outcome(call: Call[T], response: Response, url: str) -> T:
    """The parsed result of a response, or the ApiError it stands for."""
    status = response.status_code
    if status < 400 or status in call.accept:
        return call.parse(_json(response))
    raise error_for(
        status,
        _json(response),
        text=response.text,
        retry_after=retry_after(response.headers),
        method=call.method,
        url=url,
    )


def should_retry(call: Call[Any], response: Response) -> bool:
    status = response.status_code
    return call.retryable and status in RETRY_STATUSES and status not in call.accept


# A failure of the connection itself, from httpx or from httpx2 (an httpx-compatible client
# such as starlette's TestClient); a transient one may be retried.
_TRANSIENT = ("NetworkError", "TimeoutException", "RemoteProtocolError")


def _classes(names: Sequence[str]) -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = []
    for module_name in ("httpx", "httpx2"):
        module = sys.modules.get(module_name)
        for name in names:
            cls = getattr(module, name, None)
            if isinstance(cls, type) and issubclass(cls, BaseException):
                found.append(cls)
    return tuple(found)


def connection_error(exc: Exception, call: Call[Any], url: str) -> ApiConnectionError | None:
    """The ApiConnectionError for an HTTP client's transport error; None for anything else."""
    if not isinstance(exc, _classes(("TransportError",))):
        return None
    err = ApiConnectionError(
        f"{call.method} {url}: {type(exc).__name__}: {exc}", method=call.method, url=url
    )
    err.__cause__ = exc
    return err


def transient(exc: Exception) -> bool:
    return isinstance(exc, _classes(_TRANSIENT))


def make_url(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}" if base_url else path


def own_client_kwargs(timeout: float | httpx.Timeout, transport: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"timeout": timeout}
    if transport is not None:
        out["transport"] = transport
    return out
