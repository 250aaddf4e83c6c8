"""The delivery job (`tamis.deliver_webhook`) against a real PostgreSQL and a real HTTP receiver
on 127.0.0.1, with the operator's allow-list TAMIS_FETCH_ALLOW=127.0.0.1/32.

The system resolver is replaced for the test's host names, so that a name can answer one
address when the delivery checks it and another on any later lookup (DNS rebinding). A guard
records every connection and refuses any outside 127.0.0.0/8, so nothing leaves the machine."""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import select, text

from tamis.jobs import runtime as job_runtime
from tamis.jobs.tasks import deliver_webhook
from tamis.sinks.webhook_signing import verify
from tamis.storage.models import Tenant, WebhookDelivery
from tests.service.conftest import Api

SECRET = "whsec_job-delivery-test"


@dataclass
class Receiver:
    port: int
    requests: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(0)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                headers = {k.lower(): v for k, v in self.headers.items()}
                state.requests.append((self.path, headers, body))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.port = int(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a Python socket connects to; outside 127.0.0.0/8 the connection is
    refused (recorded, never attempted)."""
    seen: list[tuple[str, int]] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple):
            seen.append((str(address[0]), int(address[1])))
            if ipaddress.ip_address(address[0]) not in ipaddress.ip_network("127.0.0.0/8"):
                raise ConnectionRefusedError(f"the test refuses a connection to {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return seen


def use_dns(monkeypatch: pytest.MonkeyPatch, name: str, *answers: str | None) -> list[str]:
    """`name` resolves to answers[n] on its n-th lookup (the last one again once they run
    out; None: the name does not exist). Other names resolve as usual."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != name:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        addr = answers[min(len(asked), len(answers)) - 1]
        if addr is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (addr, int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture
def run_delivery(api: Api, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], WebhookDelivery]:
    """Queues a job-callback delivery to `url` and runs the delivery task once, in this
    process, as a worker would; returns the delivery row afterwards."""
    state = api.client.app.state.tamis
    settings = dataclasses.replace(state.settings, fetch_allow=("127.0.0.1/32",))
    monkeypatch.setattr(
        job_runtime, "_current", job_runtime.Runtime(settings, state.db, state.moderation)
    )

    def run(url: str) -> WebhookDelivery:
        with api.db.session() as s:
            tenant = s.scalars(select(Tenant)).first()
            assert tenant is not None
            event_id = uuid.uuid4()
            payload = {"id": str(event_id), "type": "test", "tenant": tenant.name, "data": {}}
            row = WebhookDelivery(
                tenant_id=tenant.id,
                webhook_id=None,
                url=url,
                secret=SECRET,
                event_id=event_id,
                event_type="test",
                payload=payload,
            )
            s.add(row)
            s.flush()
            delivery_id = str(row.id)
        deliver_webhook(delivery_id)
        with api.db.session() as s:
            done = s.get(WebhookDelivery, uuid.UUID(delivery_id))
            assert done is not None
            s.expunge(done)
            return done

    return run


def _retries_queued(api: Api) -> int:
    with api.db.session() as s:
        query = "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'tamis.deliver_webhook'"
        return int(s.execute(text(query)).scalar_one())


def test_webhook_delivery_goes_to_the_checked_address_despite_dns_rebinding(
    api: Api,
    run_delivery: Callable[[str], WebhookDelivery],
    receiver: Receiver,
    connects: list[tuple[str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The name answers the allow-listed 127.0.0.1 for the check, then a private address:
    the POST still goes to 127.0.0.1, and the name is looked up once."""
    asked = use_dns(monkeypatch, "hook.test", "127.0.0.1", "10.0.0.1")
    d = run_delivery(f"http://hook.test:{receiver.port}/hook")
    assert (d.status, d.attempts, d.last_status_code, d.last_error) == ("delivered", 1, 200, None)
    assert asked == ["hook.test"]
    assert connects == [("127.0.0.1", receiver.port)]
    [(path, headers, body)] = receiver.requests
    assert path == "/hook" and headers["host"] == f"hook.test:{receiver.port}"
    verify(SECRET, body, headers["tamis-signature"])
    assert headers["tamis-event-id"] == str(d.event_id)


def test_webhook_delivery_to_a_name_on_a_private_address_is_refused_for_good(
    api: Api,
    run_delivery: Callable[[str], WebhookDelivery],
    connects: list[tuple[str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_dns(monkeypatch, "hook.test", "10.0.0.7")
    d = run_delivery("http://hook.test/hook")
    assert (d.status, d.attempts, d.last_status_code) == ("failed", 1, None)
    assert d.last_error == (
        "refused to fetch http://hook.test/hook: hook.test resolves to 10.0.0.7, a private address"
    )
    assert connects == [] and _retries_queued(api) == 0  # not retried


def test_webhook_delivery_to_a_name_that_does_not_resolve_is_retried(
    api: Api,
    run_delivery: Callable[[str], WebhookDelivery],
    connects: list[tuple[str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_dns(monkeypatch, "hook.test", None)
    d = run_delivery("http://hook.test/hook")
    assert (d.status, d.attempts, d.last_status_code) == ("pending", 1, None)
    assert d.last_error is not None
    assert d.last_error.startswith("connection error: cannot resolve hook.test")
    assert connects == [] and _retries_queued(api) == 1
