"""Webhooks end to end: `tamis serve` with its in-process worker delivers signed events to a
real HTTP receiver on 127.0.0.1, which checks every signature the way docs/webhooks.md tells
integrators to."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tamis.errors import SignatureInvalid
from tamis.sinks.webhook_signing import verify
from tests.e2e.conftest import Server, Stack, wait_for

EVENT_DEADLINE_S = 60.0  # a deadline to stop waiting, not a performance assertion


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    answered: int

    def verified(self, secret: str) -> dict[str, Any]:
        """The event, once its Tamis-Signature checks out against `secret` and the raw body."""
        verify(secret, self.body, self.headers.get("tamis-signature"))
        event: dict[str, Any] = json.loads(self.body)
        assert self.headers["tamis-event-id"] == event["id"]
        assert self.headers["tamis-event-type"] == event["type"]
        return event


class Receiver:
    """A webhook endpoint: records every request; answers 200 unless told otherwise."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[Received] = []
        self._plans: dict[str, list[int]] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._lock:
                    plan = receiver._plans.get(self.path)
                    status = plan.pop(0) if plan else 200
                    receiver._requests.append(
                        Received(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                            status,
                        )
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def answer(self, path: str, *statuses: int) -> None:
        """Answer the next requests to `path` with these statuses, then 200."""
        with self._lock:
            self._plans[path] = list(statuses)

    def received(self, path: str) -> list[Received]:
        with self._lock:
            return [r for r in self._requests if r.path == path]

    def wait(self, path: str, count: int = 1) -> list[Received]:
        """The requests to `path`, as soon as there are at least `count` of them."""

        def enough() -> list[Received] | None:
            got = self.received(path)
            return got if len(got) >= count else None

        return wait_for(enough, EVENT_DEADLINE_S, f"{count} request(s) to {path}")

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def server(stack: Stack) -> Server:
    return stack.serve(worker=True)


def _register(server: Server, url: str, events: list[str]) -> dict[str, Any]:
    r = server.post("/v1/webhooks", json={"url": url, "events": events})
    assert r.status_code == 201, r.text
    hook: dict[str, Any] = r.json()
    assert hook["secret"].startswith("whsec_")
    return hook


def _deliveries(server: Server, hook_id: str) -> list[dict[str, Any]]:
    r = server.get(f"/v1/webhooks/{hook_id}/deliveries")
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def test_case_decided_arrives_signed(server: Server, receiver: Receiver) -> None:
    hook = _register(server, receiver.url("/hook"), ["case.decided"])
    r = server.post(
        "/v1/moderate/text", json={"items": [{"id": "post-1", "text": "what the fuck"}]}
    )
    assert r.status_code == 200, r.text
    case_id = r.json()["results"][0]["case_id"]

    (got,) = receiver.wait("/hook")
    event = got.verified(hook["secret"])
    assert event["type"] == "case.decided" and event["tenant"] == "default"
    assert event["data"]["case_id"] == case_id
    assert event["data"]["external_id"] == "post-1"
    assert event["data"]["action"] == "review"
    assert "list:profanity" in event["data"]["labels"]
    # The receiver's check is a real one: another secret, or a changed body, fails.
    with pytest.raises(SignatureInvalid):
        verify("whsec_not-the-secret", got.body, got.headers["tamis-signature"])
    with pytest.raises(SignatureInvalid):
        verify(hook["secret"], got.body + b" ", got.headers["tamis-signature"])

    log = wait_for(
        lambda: (d := _deliveries(server, hook["id"])) and d[0]["status"] == "delivered" and d,
        EVENT_DEADLINE_S,
        "the delivery log to say delivered",
    )
    assert len(log) == 1
    assert log[0]["event_id"] == event["id"] and log[0]["attempts"] == 1
    assert log[0]["last_status_code"] == 200


def test_job_completed_and_its_callback(server: Server, receiver: Receiver) -> None:
    hook = _register(server, receiver.url("/hook"), ["job.completed"])
    items = [{"id": "a", "text": "hello"}, {"id": "b", "text": "what the fuck"}]
    r = server.post(
        "/v1/jobs",
        json={"kind": "text_batch", "items": items, "callback_url": receiver.url("/callback")},
    )
    assert r.status_code == 202, r.text
    job = r.json()
    callback_secret = job["callback_secret"]
    assert callback_secret.startswith("whsec_") and callback_secret != hook["secret"]

    (to_hook,) = receiver.wait("/hook")
    (to_callback,) = receiver.wait("/callback")
    for got, secret in ((to_hook, hook["secret"]), (to_callback, callback_secret)):
        event = got.verified(secret)
        assert event["type"] == "job.completed"
        data = event["data"]
        assert data["job_id"] == job["id"] and data["status"] == "done"
        assert data["kind"] == "text_batch" and data["error"] is None
        actions = [res["decision"]["action"] for res in data["result"]["results"]]
        assert actions == ["allow", "review"]
    # Each destination is signed with its own secret.
    with pytest.raises(SignatureInvalid):
        verify(hook["secret"], to_callback.body, to_callback.headers["tamis-signature"])
    # The job's callback is not an endpoint delivery.
    assert all(d["event_type"] == "job.completed" for d in _deliveries(server, hook["id"]))
    assert len(_deliveries(server, hook["id"])) == 1
    assert server.get(f"/v1/jobs/{job['id']}").json()["status"] == "done"


def test_test_event(server: Server, receiver: Receiver) -> None:
    hook = _register(server, receiver.url("/hook"), ["case.decided"])
    r = server.post(f"/v1/webhooks/{hook['id']}/test")
    assert r.status_code == 202, r.text
    (got,) = receiver.wait("/hook")
    event = got.verified(hook["secret"])
    assert event["type"] == "test" and event["data"] == {"message": "tamis test event"}


def test_failed_delivery_is_retried_until_delivered(server: Server, receiver: Receiver) -> None:
    """The first attempt gets a 500; the retry (10 s later, the first step of the documented
    schedule) gets a 200. Both carry the same event id, each with a valid signature."""
    receiver.answer("/flaky", 500)
    hook = _register(server, receiver.url("/flaky"), ["case.decided"])
    r = server.post("/v1/moderate/text", json={"text": "hello"})
    assert r.status_code == 200, r.text

    (first,) = receiver.wait("/flaky")
    assert first.answered == 500
    pending = wait_for(
        lambda: (d := _deliveries(server, hook["id"])) and d[0]["attempts"] == 1 and d,
        EVENT_DEADLINE_S,
        "the failed attempt in the delivery log",
    )
    assert pending[0]["status"] == "pending" and pending[0]["last_status_code"] == 500
    assert pending[0]["last_error"].startswith("HTTP 500")

    first_try, retry = receiver.wait("/flaky", 2)
    assert retry.answered == 200
    assert first_try.verified(hook["secret"]) == retry.verified(hook["secret"])
    log = wait_for(
        lambda: (d := _deliveries(server, hook["id"])) and d[0]["status"] == "delivered" and d,
        EVENT_DEADLINE_S,
        "the delivery log to say delivered",
    )
    assert len(log) == 1
    assert log[0]["attempts"] == 2 and log[0]["last_status_code"] == 200
    assert log[0]["last_error"] is None and log[0]["delivered_at"] is not None
    assert len(receiver.received("/flaky")) == 2
