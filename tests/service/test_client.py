"""The Python client (tamis.client) against the real app on a real PostgreSQL.

Every test that takes `connect` runs twice: with `Client` over the TestClient, and with
`AsyncClient` over httpx's ASGITransport (driven from a blocking portal, so each test is written
once). Both go through a wire that records requests and injects faults, and the client's sleep
is replaced by a recorder: nothing waits on the wall clock."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import email.utils
import functools
import inspect
import io
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio.from_thread
import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image

from tamis.api.app import create_app
from tamis.client import (
    ApiConnectionError,
    ApiError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Client,
    ClientError,
    ConflictError,
    JobTimeoutError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    Retry,
    ServerError,
    ServiceUnavailableError,
    TextResult,
    UnprocessableError,
    UnsupportedMediaError,
)
from tamis.config import Settings
from tamis.jobs import runtime as job_runtime
from tamis.jobs.tasks import moderate_job
from tamis.storage.db import Database
from tests.service.conftest import Api, PgServer

LOSE = "lose the response"  # fault: the server does the work, the client sees a broken line


@dataclass
class Harness:
    client: Any = None  # a Client, or an AsyncClient behind Blocking: same methods, blocking
    requests: list[tuple[str, str]] = field(default_factory=list)
    faults: list[Any] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    on_sleep: Callable[[], None] | None = None

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if self.on_sleep is not None:
            self.on_sleep()

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def fault(self, method: str, url: str) -> Any:
        self.requests.append((method, str(url)))
        return self.faults.pop(0) if self.faults else None

    def paths(self, method: str = "GET") -> list[str]:
        return [httpx.URL(u).path for m, u in self.requests if m == method]


def _injected(fault: Any) -> httpx.Response:
    if isinstance(fault, BaseException):
        raise fault
    status, headers = fault
    error = {"code": "service_unavailable", "message": "injected", "hint": "retry later"}
    return httpx.Response(status, headers=headers, json={"error": error})


class SyncWire:
    def __init__(self, inner: Any, h: Harness) -> None:
        self.inner, self.h = inner, h

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        fault = self.h.fault(method, url)
        if fault is None:
            return self.inner.request(method, url, **kwargs)
        if fault == LOSE:
            self.inner.request(method, url, **kwargs)
            raise httpx.ReadError("connection reset by peer")
        return _injected(fault)


class AsyncWire:
    def __init__(self, inner: httpx.AsyncClient, h: Harness) -> None:
        self.inner, self.h = inner, h

    async def request(self, method: str, url: str, **kwargs: Any) -> Any:
        fault = self.h.fault(method, url)
        if fault is None:
            return await self.inner.request(method, url, **kwargs)
        if fault == LOSE:
            await self.inner.request(method, url, **kwargs)
            raise httpx.ReadError("connection reset by peer")
        return _injected(fault)


async def _collect(items: AsyncIterator[Any]) -> list[Any]:
    return [x async for x in items]


class Blocking:
    """An AsyncClient whose coroutines run on a portal's event loop."""

    def __init__(self, client: AsyncClient, portal: Any) -> None:
        self._client, self._portal = client, portal

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if name == "cases":
            return lambda **kw: iter(self._portal.call(_collect, attr(**kw)))
        if inspect.iscoroutinefunction(attr):
            return lambda *a, **kw: self._portal.call(functools.partial(attr, *a, **kw))
        return attr


Connect = Callable[..., Harness]


@pytest.fixture(params=["sync", "async"])
def connect(request: pytest.FixtureRequest, api: Api) -> Iterator[Connect]:
    flavor = request.param
    with contextlib.ExitStack() as stack:
        portal = None
        if flavor == "async":
            portal = stack.enter_context(anyio.from_thread.start_blocking_portal("asyncio"))

        def make(
            key: str | None = api.admin_key, *, app: FastAPI | None = None, retries: Any = 2
        ) -> Harness:
            h = Harness()
            if portal is None:
                inner: Any = api.client
                if app is not None:
                    inner = stack.enter_context(TestClient(app, raise_server_exceptions=False))
                client = Client("", key, http=SyncWire(inner, h), retries=retries)
                client._sleep = h.sleep
                h.client = client
            else:
                transport = httpx.ASGITransport(
                    app=app or api.client.app, raise_app_exceptions=False
                )
                inner = httpx.AsyncClient(transport=transport, base_url="http://testserver")
                stack.callback(portal.call, inner.aclose)
                wire = AsyncWire(inner, h)
                aclient = AsyncClient("http://testserver", key, http=wire, retries=retries)
                aclient._sleep = h.async_sleep
                h.client = Blocking(aclient, portal)
            return h

        yield make


@pytest.fixture
def app_with(settings: Settings, db: Database) -> Callable[..., FastAPI]:
    """The app on the test's database with some settings changed."""

    def make(**changes: Any) -> FastAPI:
        return create_app(dataclasses.replace(settings, **changes), db, run_worker=False)

    return make


@pytest.fixture
def run_job(api: Api, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Runs a queued job's task in this process, as a worker would."""
    state = api.client.app.state.tamis
    rt = job_runtime.Runtime(state.settings, state.db, state.moderation)
    monkeypatch.setattr(job_runtime, "_current", rt)
    return lambda job_id: moderate_job(job_id)


def png(width: int = 8, height: int = 6) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


# --- moderation -------------------------------------------------------------------------------
def test_moderate_text_single_batch_and_items(connect: Connect) -> None:
    c = connect().client
    [r] = c.moderate_text("what the fuck")
    assert isinstance(r, TextResult) and r.ok and r.id == "text"
    assert r.action == "review" and r.decision.policy == "default"
    assert "list:profanity" in r.labels  # classifiers may add labels of their own
    f = next(x for x in r.findings if x.label == "list:profanity")
    assert f.span == (9, 13) and f.evidence["match"] == "fuck" and f.score > 0
    assert any(r.findings.index(f) in reason.findings for reason in r.decision.reasons)
    assert r.languages and r.case_id and r.raw["case_id"] == r.case_id

    batch = c.moderate_text(["hello there", "what the fuck"])
    assert [x.id for x in batch] == ["0", "1"] and [x.action for x in batch] == ["allow", "review"]
    items = c.moderate_text([("c-1", "hi"), (2, "shit")], store=False)
    assert [x.id for x in items] == ["c-1", "2"] and all(x.case_id is None for x in items)

    case = c.case(r.case_id)
    assert case.id == r.case_id and case.action == "review" and case.text == "what the fuck"
    assert "list:profanity" in case.labels and case.external_id == "text"
    with pytest.raises(TypeError):
        c.moderate_text([("a", "x"), "y"])


def test_an_item_that_fails_keeps_its_id(connect: Connect, app_with: Any) -> None:
    c = connect(app=app_with(max_text_chars=20)).client
    ok, too_long = c.moderate_text([("short", "hello"), ("long", "x" * 50)])
    assert ok.ok and ok.action == "allow"
    assert not too_long.ok and too_long.id == "long" and too_long.decision is None
    assert too_long.error.code == "text_too_long" and too_long.action is None


def test_moderate_image_upload_bytes_path_and_url(connect: Connect, tmp_path: Path) -> None:
    h = connect()
    c = h.client
    r = c.moderate_image(png(), idempotency_key="img-1")
    assert r.id == "image" and r.action == "allow" and r.case_id
    assert (r.image.format.lower(), r.image.width, r.image.height) == ("png", 8, 6)
    assert c.moderate_image(png(), idempotency_key="img-1").case_id == r.case_id  # replayed
    tail = b"\0" * 4096  # trailing bytes after IEND: same length, same first 4 KiB
    c.moderate_image(png() + tail + b"A", idempotency_key="img-2")
    with pytest.raises(ConflictError):
        c.moderate_image(png() + tail + b"B", idempotency_key="img-2")
    assert c.case(r.case_id).modality == "image"

    path = tmp_path / "avatar.png"
    path.write_bytes(png(3, 4))
    r2 = c.moderate_image(path, id="avatar-1", store=False)
    assert r2.id == "avatar-1" and r2.case_id is None and r2.image.width == 3
    assert c.moderate_image(str(path)).image.height == 4

    with pytest.raises(UnsupportedMediaError) as err:
        c.moderate_image(b"not an image at all")
    assert err.value.status == 415 and err.value.code == "unsupported_media"
    with pytest.raises(BadRequestError) as refused:
        c.moderate_image(url="http://127.0.0.1/cat.png")
    assert refused.value.code == "url_refused"
    with pytest.raises(TypeError):
        c.moderate_image()
    with pytest.raises(TypeError):
        c.moderate_image("https://example.com/cat.png")  # a URL goes in url=


# --- jobs -------------------------------------------------------------------------------------
def test_jobs_create_get_and_wait(connect: Connect, run_job: Callable[[str], None]) -> None:
    h = connect()
    c = h.client
    job = c.create_job(
        "text_batch",
        ["hello", "what the fuck"],
        callback_url="https://example.com/done",
        idempotency_key="job-1",
    )
    assert job.status == "queued" and job.kind == "text_batch" and not job.finished
    assert job.callback_secret and job.callback_secret.startswith("whsec_")
    again = c.create_job(
        "text_batch",
        ["hello", "what the fuck"],
        callback_url="https://example.com/done",
        idempotency_key="job-1",
    )
    assert again.id == job.id
    assert c.get_job(job.id).status == "queued"

    with pytest.raises(JobTimeoutError) as late:
        c.wait_job(job.id, timeout=0)
    assert late.value.job.id == job.id and isinstance(late.value, TimeoutError)

    h.on_sleep = lambda: run_job(job.id)  # the worker runs while the client waits
    done = c.wait_job(job.id, timeout=60, poll_interval=0.5)
    assert done.status == "done" and done.finished and done.error is None
    assert len(h.sleeps) == 1 and h.sleeps[0] <= 0.5
    assert [(r.id, r.action) for r in done.results] == [("0", "allow"), ("1", "review")]

    video = c.create_job("video", file=b"\x00\x00\x00\x18ftypmp42")
    run_job(video.id)
    failed = c.wait_job(video.id)
    assert failed.status == "failed" and failed.error.code == "unsupported_media"
    with pytest.raises(BadRequestError):
        c.create_job("audio")  # neither file nor url
    with pytest.raises(NotFoundError):
        c.get_job(uuid.uuid4())


# --- cases ------------------------------------------------------------------------------------
def test_cases_follow_the_cursor_across_pages(connect: Connect) -> None:
    h = connect()
    c = h.client
    texts = [("a", "hello"), ("b", "what the fuck"), ("c", "nice day"), ("d", "shit")]
    c.moderate_text([*texts, ("e", "more fuck")])  # one transaction: equal created_at
    h.requests.clear()

    every = list(c.cases(page_size=2))
    assert sorted(x.external_id for x in every) == ["a", "b", "c", "d", "e"]
    assert len({x.id for x in every}) == 5
    assert h.paths().count("/v1/cases") == 3

    h.requests.clear()
    assert len(list(c.cases(limit=3, page_size=2))) == 3
    assert h.paths().count("/v1/cases") == 2

    flagged = list(c.cases(action="review"))
    assert sorted(x.external_id for x in flagged) == ["b", "d", "e"]
    assert {x.external_id for x in c.cases(label="list:profanity")} == {"b", "d", "e"}
    assert len(list(c.cases(policy="default"))) == 5 and not list(c.cases(policy="comments"))
    future = datetime.now(UTC) + timedelta(hours=1)
    assert not list(c.cases(since=future))
    assert len(list(c.cases(until=future, since=(future - timedelta(days=1)).isoformat()))) == 5

    page = c.cases_page(limit=4)
    assert len(page.items) == 4 and page.next_cursor
    rest = c.cases_page(cursor=page.next_cursor, limit=4)
    assert len(rest.items) == 1 and rest.next_cursor is None
    allowed = next(x for x in every if x.external_id == "a")
    assert c.case(allowed.id).text is None  # store_media: flagged keeps flagged texts only


# --- configuration ----------------------------------------------------------------------------
def test_policies(connect: Connect) -> None:
    c = connect().client
    shipped = {p.name: p for p in c.policies()}
    assert shipped["default"].source == "shipped" and shipped["default"].version is None
    default = c.policy("default")
    assert default.definition["name"] == "default" and default.digest == shipped["default"].digest

    body = {"description": "strict", "lists": {"profanity": "block"}}
    v1 = c.put_policy("strict", body)
    assert (v1.name, v1.version, v1.source) == ("strict", 1, "tenant")
    v2 = c.put_policy("strict", {**body, "description": "stricter"})
    assert v2.version == 2 and v2.digest != v1.digest
    assert c.policy("strict").definition["description"] == "stricter"
    assert [v.version for v in c.policy_versions("strict")] == [2, 1]
    assert c.moderate_text("what the fuck", policy="strict")[0].action == "block"

    c.delete_policy("strict")
    with pytest.raises(NotFoundError):
        c.policy("strict")
    assert c.policy_versions("strict")[0].deleted
    with pytest.raises(NotFoundError):
        c.delete_policy("default")  # shipped
    with pytest.raises(UnprocessableError) as bad:
        c.put_policy("bad", {"labels": {"profanity": {"review": 0.9, "block": 0.1}}})
    assert bad.value.code == "invalid_config" and bad.value.hint


def test_term_lists(connect: Connect) -> None:
    c = connect().client
    assert {x.name: x.source for x in c.lists()}["profanity"] == "shipped"
    assert c.list("profanity").terms_count > 10

    made = c.put_list("brand", {"kind": "block", "terms": {"en": ["zorglub"]}})
    assert (made.source, made.revision, made.terms_count) == ("tenant", 1, 1)
    grown = c.add_terms("brand", ["blorp"], lang="en")
    assert grown.revision == 2 and grown.terms["en"] == ("zorglub", "blorp")
    shrunk = c.remove_terms("brand", ["zorglub"])
    assert shrunk.terms["en"] == ("blorp",)
    assert c.list("brand").terms_count == 1
    assert {x.name: x.kind for x in c.lists()}["brand"] == "block"

    c.put_policy("brand-safe", {"lists": {"brand": "block"}})
    [r] = c.moderate_text("buy BL0RP now", policy="brand-safe")
    assert r.action == "block" and r.findings[0].span == (4, 9)

    with pytest.raises(ConflictError):
        c.put_list("brand", {"name": "other", "kind": "block"})
    c.delete_list("brand")
    with pytest.raises(NotFoundError):
        c.list("brand")
    with pytest.raises(NotFoundError):
        c.delete_list("profanity")  # shipped lists cannot be deleted


def test_webhooks(connect: Connect) -> None:
    c = connect().client
    hook = c.create_webhook("https://example.com/hook", ["case.decided"], idempotency_key="w-1")
    assert hook.secret and hook.secret.startswith("whsec_") and hook.events == ("case.decided",)
    same = c.create_webhook("https://example.com/hook", ["case.decided"], idempotency_key="w-1")
    assert same.id == hook.id
    [listed] = c.webhooks()
    assert listed.id == hook.id and listed.secret is None and listed.active

    c.send_test_event(hook.id)
    c.moderate_text("hello")
    sent = c.deliveries(hook.id)
    assert sorted(d.event_type for d in sent) == ["case.decided", "test"]
    assert {d.status for d in sent} == {"pending"} and len(c.deliveries(hook.id, limit=1)) == 1

    c.delete_webhook(hook.id)
    assert c.webhooks() == []
    with pytest.raises(NotFoundError):
        c.deliveries(hook.id)
    with pytest.raises(NotFoundError):
        c.send_test_event(hook.id)
    with pytest.raises(BadRequestError):
        c.create_webhook("ftp://example.com/hook")


def test_keys_scopes_and_authentication(connect: Connect) -> None:
    admin = connect().client
    made = admin.create_key("moderation only", ["moderate"])
    assert made.key and made.key.startswith("tms_") and made.scopes == ("moderate",)
    api_keys = admin.keys()
    listed = {k.id: k for k in api_keys}
    assert listed[made.id].key is None and listed[made.id].revoked_at is None

    mod = connect(made.key).client
    assert mod.moderate_text("hello")[0].action == "allow"
    with pytest.raises(PermissionDeniedError) as denied:
        list(mod.cases())
    assert denied.value.status == 403 and denied.value.code == "forbidden"
    assert "review" in denied.value.message and denied.value.hint
    with pytest.raises(PermissionDeniedError):
        mod.policies()

    admin.revoke_key(made.id)
    api_keys = admin.keys()
    assert next(k for k in api_keys if k.id == made.id).revoked_at is not None
    with pytest.raises(AuthenticationError) as revoked:
        mod.moderate_text("hello")
    assert revoked.value.code == "unauthenticated" and "revoked" in revoked.value.message

    stranger = connect("tms_0000_not-a-key").client
    assert stranger.health().ok  # no key needed
    with pytest.raises(AuthenticationError):
        stranger.policies()
    with pytest.raises(AuthenticationError):
        connect(None).client.keys()
    with pytest.raises(BadRequestError):
        admin.create_key("root", ["root"])
    with pytest.raises(NotFoundError):
        admin.revoke_key(uuid.uuid4())


def test_audit_log(connect: Connect) -> None:
    c = connect().client
    c.put_policy("strict", {"lists": {"profanity": "block"}})
    c.create_key("ci", ["moderate"])
    entries = c.audit()
    assert [e.action for e in entries[:2]] == ["key.create", "policy.put"]  # newest first
    assert entries[1].object_id == "strict" and entries[1].after and entries[1].actor
    assert len(c.audit(limit=1)) == 1
    older = c.audit(before_id=entries[0].id)
    assert older[0].id == entries[1].id


def test_health_and_readiness(connect: Connect, settings: Settings, pg_server: PgServer) -> None:
    c = connect().client
    assert c.health().ok and c.health().status == "ok"
    ready = c.ready()
    assert ready.ok and ready.schema

    down = Database(pg_server.url("no_such_database"))
    try:
        h = connect(app=create_app(settings, down, run_worker=False))
        not_ready = h.client.ready()
        assert not not_ready.ok and not_ready.status == "unavailable" and not_ready.reason
        assert len(h.requests) == 1 and not h.sleeps  # an answer, not a failure to retry
    finally:
        down.dispose()


# --- errors -----------------------------------------------------------------------------------
def test_error_mapping(connect: Connect, app_with: Any) -> None:
    c = connect().client
    with pytest.raises(NotFoundError) as missing:
        c.case(uuid.uuid4())
    err = missing.value
    assert isinstance(err, ClientError) and isinstance(err, ApiError)
    assert (err.status, err.code) == (404, "not_found") and err.hint
    assert "404 not_found" in str(err) and err.method == "GET" and "/v1/cases/" in err.url

    first = c.moderate_text("first", idempotency_key="k-1")
    assert c.moderate_text("first", idempotency_key="k-1")[0].case_id == first[0].case_id
    with pytest.raises(ConflictError) as conflict:
        c.moderate_text("second", idempotency_key="k-1")
    assert conflict.value.status == 409 and conflict.value.code == "conflict"

    with pytest.raises(PayloadTooLargeError) as batch:
        c.moderate_text(["x"] * 257)
    assert batch.value.code == "request_too_large" and "256" in batch.value.message
    with pytest.raises(UnprocessableError) as invalid:
        c.cases_page(limit=1000)
    assert invalid.value.status == 422 and invalid.value.code == "invalid_request"
    with pytest.raises(BadRequestError) as empty:
        c.moderate_text([])
    assert empty.value.code == "invalid_input"
    with pytest.raises(NotFoundError):
        c.moderate_text("x", policy="no-such-policy")

    small = connect(app=app_with(max_body_bytes=1000)).client
    with pytest.raises(PayloadTooLargeError) as body:
        small.moderate_text("y" * 5000)
    assert body.value.code == "request_too_large" and "1,000" in body.value.message


# --- retries ----------------------------------------------------------------------------------
def test_keyed_post_is_retried_when_the_response_is_lost(connect: Connect) -> None:
    h = connect()
    h.faults = [LOSE]  # the server stores the case, then the line breaks
    [r] = h.client.moderate_text("what the fuck", idempotency_key="lost-1")
    assert len(h.requests) == 2 and len(h.sleeps) == 1
    assert [x.id for x in h.client.cases()] == [r.case_id]  # replayed, not stored twice


def test_post_without_key_is_not_retried(connect: Connect) -> None:
    h = connect()
    h.faults = [httpx.ConnectError("connection refused")]
    with pytest.raises(ApiConnectionError) as broken:
        h.client.moderate_text("hello")
    assert "ConnectError" in str(broken.value) and broken.value.method == "POST"
    h.faults = [(503, {"Retry-After": "1"})]
    with pytest.raises(ServiceUnavailableError) as unavailable:
        h.client.moderate_text("hello")
    assert isinstance(unavailable.value, ServerError) and unavailable.value.retry_after == 1
    assert len(h.requests) == 2 and not h.sleeps


def test_get_is_retried_honouring_retry_after(connect: Connect) -> None:
    h = connect()
    h.faults = [(503, {"Retry-After": "2"}), httpx.ReadTimeout("slow")]
    assert {p.name for p in h.client.policies()} >= {"default"}
    assert len(h.requests) == 3 and h.sleeps[0] == 2.0 and len(h.sleeps) == 2

    when = email.utils.format_datetime(datetime.now(UTC) - timedelta(seconds=5), usegmt=True)
    h.sleeps.clear()
    h.faults = [(503, {"Retry-After": when})]
    assert h.client.health().ok and h.sleeps == [0.0]  # a date in the past: retry at once


def test_retries_are_bounded(connect: Connect) -> None:
    h = connect()
    h.faults = [httpx.ConnectError("refused")] * 3
    with pytest.raises(ApiConnectionError):
        h.client.keys()
    assert len(h.requests) == 3 and len(h.sleeps) == 2

    once = connect(retries=0)
    once.faults = [(503, {})]
    with pytest.raises(ServiceUnavailableError):
        once.client.keys()
    assert len(once.requests) == 1 and not once.sleeps


def test_rate_limit_is_retried_after_the_servers_delay(connect: Connect, app_with: Any) -> None:
    app = app_with(rate_limit=2)  # 2 requests a minute: the third waits about 30 s
    h = connect(app=app)
    h.client.keys()
    h.client.keys()
    with pytest.raises(RateLimitError) as limited:
        h.client.keys()
    err = limited.value
    assert err.status == 429 and err.code == "rate_limited" and 1 <= err.retry_after <= 30
    assert h.sleeps == [err.retry_after] * 2 and len(h.requests) == 5

    impatient = connect(app=app, retries=Retry(attempts=3, max_delay=5))
    with pytest.raises(RateLimitError):
        impatient.client.keys()  # Retry-After over max_delay: fail now, not retry early
    assert len(impatient.requests) == 1 and not impatient.sleeps


# --- the client's own HTTP clients ------------------------------------------------------------
def test_client_with_its_own_httpx_client_and_a_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/v1/keys"):
            return httpx.Response(502, text="<html>bad gateway</html>")
        if len(seen) == 1:
            return httpx.Response(429, headers={"Retry-After": "3"})
        return httpx.Response(200, json={"results": []})

    with Client(
        "https://tamis.example/base/", "tms_test", transport=httpx.MockTransport(handler)
    ) as c:
        sleeps: list[float] = []
        c._sleep = sleeps.append
        assert c.moderate_text("hi", idempotency_key="abc") == []
        assert sleeps == [3.0] and len(seen) == 2
        sent = seen[-1]
        assert str(sent.url) == "https://tamis.example/base/v1/moderate/text"
        assert sent.headers["Authorization"] == "Bearer tms_test"
        assert sent.headers["Idempotency-Key"] == "abc"
        assert sent.headers["User-Agent"].startswith("tamis-client/")
        with pytest.raises(ServerError) as proxy:
            c.keys()
        assert proxy.value.code == "http_502" and "bad gateway" in proxy.value.message


def test_async_client_over_asgi_transport(api: Api) -> None:
    async def main() -> None:
        transport = httpx.ASGITransport(app=api.client.app)
        async with AsyncClient("http://testserver", api.admin_key, transport=transport) as c:
            assert (await c.health()).ok
            [r] = await c.moderate_text("what the fuck")
            assert r.action == "review"
            assert [x.id async for x in c.cases(page_size=1)] == [r.case_id]
            with pytest.raises(NotFoundError):
                await c.get_job(uuid.uuid4())

    asyncio.run(main())
