"""The synchronous client."""

from __future__ import annotations

import builtins
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar

import httpx

from tamis.client import _calls as c
from tamis.client import _core as core
from tamis.client import models as m
from tamis.client import resources as r
from tamis.client._core import Id, Image, JobKind, Retry, Texts
from tamis.client.errors import JobTimeoutError

T = TypeVar("T")


class Client:
    """A client of the tamis REST API.

    `Client("http://127.0.0.1:8686", "tms_...")` opens its own `httpx.Client` (closed by
    `close()` or the `with` block); `transport=` goes to that client (tests, proxies), and
    `http=` takes a ready httpx-compatible client instead (its own timeout and transport
    apply; `base_url=""` then uses its base URL). `retries` is a count or a `Retry`.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        timeout: float | httpx.Timeout = 30.0,
        transport: httpx.BaseTransport | None = None,
        http: core.SyncHttp | None = None,
        retries: int | Retry = 2,
    ) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self.retry = core.as_retry(retries)
        if http is not None and transport is not None:
            raise TypeError("give transport= (for a client made here) or http=, not both")
        self._owned: httpx.Client | None = None
        if http is None:
            self._owned = httpx.Client(**core.own_client_kwargs(timeout, transport))
            http = self._owned
        self._http: core.SyncHttp = http
        self._sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _do(self, call: core.Call[T]) -> T:
        url = core.make_url(self.base_url, call.path)
        kwargs = call.kwargs(self.api_key)
        retry_number = 0
        while True:
            try:
                response = self._http.request(call.method, url, **kwargs)
            except Exception as exc:
                err = core.connection_error(exc, call, url)
                if err is None:
                    raise
                retryable = call.retryable and core.transient(exc)
                delay = self.retry.delay(retry_number, None) if retryable else None
                if delay is None:
                    raise err from exc
            else:
                if not core.should_retry(call, response):
                    return core.outcome(call, response, url)
                delay = self.retry.delay(retry_number, core.retry_after(response.headers))
                if delay is None:
                    return core.outcome(call, response, url)
            self._sleep(delay)
            retry_number += 1

    # --- moderation ---------------------------------------------------------------------------
    def moderate_text(
        self,
        text: Texts,
        policy: str = "default",
        store: bool = True,
        idempotency_key: str | None = None,
    ) -> builtins.list[m.TextResult]:
        """Moderate a text, a list of texts (ids "0", "1", ...) or a list of (id, text)."""
        return self._do(c.moderate_text(text, policy, store, idempotency_key))

    def moderate_image(
        self,
        image: Image | None = None,
        *,
        url: str | None = None,
        id: str | None = None,
        policy: str = "default",
        store: bool = True,
        idempotency_key: str | None = None,
    ) -> m.ImageResult:
        """Check an image given as a path or bytes (uploaded), or by `url` (fetched by the
        server)."""
        return self._do(c.moderate_image(image, url, id, policy, store, idempotency_key))

    # --- jobs ---------------------------------------------------------------------------------
    def create_job(
        self,
        kind: JobKind = "text_batch",
        items: Sequence[str] | Sequence[tuple[str | int, str]] | None = None,
        *,
        file: Image | None = None,
        url: str | None = None,
        policy: str = "default",
        callback_url: str | None = None,
        idempotency_key: str | None = None,
    ) -> m.Job:
        """Queue a job: `text_batch` with `items`, or `video`/`audio` with `file` or `url`."""
        return self._do(c.create_job(kind, items, file, url, policy, callback_url, idempotency_key))

    def get_job(self, job_id: Id) -> m.Job:
        return self._do(c.get_job(job_id))

    def wait_job(self, job_id: Id, timeout: float = 300.0, *, poll_interval: float = 1.0) -> m.Job:
        """Poll until the job is done or failed; JobTimeoutError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        interval = poll_interval
        while True:
            job = self.get_job(job_id)
            if job.finished:
                return job
            left = deadline - time.monotonic()
            if left <= 0:
                raise JobTimeoutError(
                    f"job {job.id} is still {job.status} after {timeout:g} s", job
                )
            self._sleep(min(interval, left))
            interval = min(interval * 1.5, 10.0)

    # --- cases --------------------------------------------------------------------------------
    def cases(
        self,
        *,
        action: str | None = None,
        label: str | None = None,
        policy: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        limit: int | None = None,
        page_size: int = 100,
    ) -> Iterator[m.Case]:
        """Every matching case, newest first, following `next_cursor` page after page; at most
        `limit` cases when given. Requests are made as the iterator advances."""
        cursor: str | None = None
        left = limit
        while left is None or left > 0:
            size = page_size if left is None else min(page_size, left)
            page = self.cases_page(
                action=action,
                label=label,
                policy=policy,
                since=since,
                until=until,
                cursor=cursor,
                limit=size,
            )
            yield from page.items
            if left is not None:
                left -= len(page.items)
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def cases_page(
        self,
        *,
        action: str | None = None,
        label: str | None = None,
        policy: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> m.CasePage:
        """One page of cases; pass its `next_cursor` back as `cursor` for the next one."""
        return self._do(
            c.cases_page(
                action=action,
                label=label,
                policy=policy,
                since=since,
                until=until,
                cursor=cursor,
                limit=limit,
            )
        )

    def case(self, case_id: Id) -> m.Case:
        return self._do(c.get_case(case_id))

    # --- policies -----------------------------------------------------------------------------
    def policies(self) -> builtins.list[r.PolicySummary]:
        return self._do(c.policies())

    def policy(self, name: str) -> r.Policy:
        return self._do(c.policy(name))

    def put_policy(self, name: str, body: Mapping[str, Any]) -> r.Policy:
        """Save a policy (validated; every save is a new version)."""
        return self._do(c.put_policy(name, body))

    def delete_policy(self, name: str) -> None:
        self._do(c.delete_policy(name))

    def policy_versions(self, name: str) -> builtins.list[r.PolicyVersion]:
        return self._do(c.policy_versions(name))

    # --- term lists ---------------------------------------------------------------------------
    def lists(self) -> builtins.list[r.TermListSummary]:
        return self._do(c.lists())

    def list(self, name: str) -> r.TermList:
        return self._do(c.get_list(name))

    def put_list(self, name: str, body: Mapping[str, Any]) -> r.TermList:
        return self._do(c.put_list(name, body))

    def add_terms(self, name: str, terms: Sequence[str], lang: str = "und") -> r.TermList:
        return self._do(c.add_terms(name, terms, lang))

    def remove_terms(self, name: str, terms: Sequence[str]) -> r.TermList:
        return self._do(c.remove_terms(name, terms))

    def delete_list(self, name: str) -> None:
        self._do(c.delete_list(name))

    # --- webhooks -----------------------------------------------------------------------------
    def create_webhook(
        self,
        url: str,
        events: Sequence[str] | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> r.Webhook:
        """Register an endpoint; the result's `secret` is shown this once."""
        return self._do(c.create_webhook(url, events, idempotency_key))

    def webhooks(self) -> builtins.list[r.Webhook]:
        return self._do(c.webhooks())

    def delete_webhook(self, hook_id: Id) -> None:
        self._do(c.delete_webhook(hook_id))

    def deliveries(self, hook_id: Id, limit: int = 100) -> builtins.list[r.Delivery]:
        return self._do(c.deliveries(hook_id, limit))

    def send_test_event(self, hook_id: Id, *, idempotency_key: str | None = None) -> None:
        self._do(c.send_test_event(hook_id, idempotency_key))

    # --- keys and audit -----------------------------------------------------------------------
    def create_key(
        self, name: str, scopes: Sequence[str], *, idempotency_key: str | None = None
    ) -> r.ApiKey:
        """Create an API key; the result's `key` is shown this once."""
        return self._do(c.create_key(name, scopes, idempotency_key))

    def keys(self) -> builtins.list[r.ApiKey]:
        return self._do(c.keys())

    def revoke_key(self, key_id: Id) -> None:
        self._do(c.revoke_key(key_id))

    def audit(self, limit: int = 100, before_id: int | None = None) -> builtins.list[r.AuditEntry]:
        """Audit entries, newest first; pass the last `id` as `before_id` for older ones."""
        return self._do(c.audit(limit, before_id))

    # --- health -------------------------------------------------------------------------------
    def health(self) -> m.Health:
        return self._do(c.health())

    def ready(self) -> m.Health:
        """Readiness: `ok` is False (not an error) when the database cannot be reached."""
        return self._do(c.ready())
