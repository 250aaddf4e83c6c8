"""Webhook signing, verification and delivery.

Delivery tests talk to a real HTTP(S) server on 127.0.0.1 (ephemeral port); nothing else is
contacted: a guard fails any connection outside 127.0.0.0/8, and the system resolver is
replaced where host names are needed. No assertion depends on the wall clock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import re
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tamis.errors import InputError, SignatureInvalid
from tamis.net import safe_fetch
from tamis.net.safe_fetch import FetchPolicy
from tamis.sinks.webhook_delivery import (
    MAX_ATTEMPTS,
    USER_AGENT,
    DeliveryResult,
    backoff_schedule,
    deliver,
    encode_payload,
    make_envelope,
)
from tamis.sinks.webhook_signing import new_secret, sign, sign_rotating, verify

SECRET = "whsec_test-secret"
OLD_SECRET = "whsec_old-secret"
BODY = b'{"id":"evt_1","type":"case.decided","data":{"action":"block"}}'
T = 1_700_000_000
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _hex(secret: str, body: bytes, t: int) -> str:
    """Independent computation of the documented scheme."""
    return hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


# --- signing -----------------------------------------------------------------------------


def test_sign_follows_the_documented_scheme() -> None:
    header = sign(SECRET, BODY, T)
    assert header == f"t={T},v1={_hex(SECRET, BODY, T)}"
    assert re.fullmatch(r"t=\d+,v1=[0-9a-f]{64}", header)


def test_sign_verify_round_trip() -> None:
    verify(SECRET, BODY, sign(SECRET, BODY, T), now=T)


def test_tampered_body_is_rejected() -> None:
    header = sign(SECRET, BODY, T)
    with pytest.raises(SignatureInvalid, match="no v1 signature"):
        verify(SECRET, BODY.replace(b"block", b"allow"), header, now=T)


def test_wrong_secret_is_rejected() -> None:
    header = sign(SECRET, BODY, T)
    with pytest.raises(SignatureInvalid, match="no v1 signature"):
        verify("whsec_other", BODY, header, now=T)


def test_changed_timestamp_is_rejected() -> None:
    signature = _hex(SECRET, BODY, T)
    with pytest.raises(SignatureInvalid, match="no v1 signature"):
        verify(SECRET, BODY, f"t={T + 1},v1={signature}", now=T)


@pytest.mark.parametrize("offset", [301, -301, 86_400, -86_400])
def test_timestamp_outside_tolerance_is_rejected(offset: int) -> None:
    header = sign(SECRET, BODY, T)
    with pytest.raises(SignatureInvalid, match="outside the tolerance"):
        verify(SECRET, BODY, header, now=T + offset)


@pytest.mark.parametrize("offset", [0, 300, -300])
def test_timestamp_within_tolerance_is_accepted(offset: int) -> None:
    verify(SECRET, BODY, sign(SECRET, BODY, T), now=T + offset)


def test_tolerance_is_configurable() -> None:
    header = sign(SECRET, BODY, T)
    verify(SECRET, BODY, header, now=T + 1000, tolerance_s=1000)
    with pytest.raises(SignatureInvalid):
        verify(SECRET, BODY, header, now=T + 11, tolerance_s=10)


def test_a_forged_old_request_is_reported_as_forged() -> None:
    with pytest.raises(SignatureInvalid, match="no v1 signature"):
        verify(SECRET, BODY, f"t={T},v1={'0' * 64}", now=T + 10_000)


GOOD = _hex(SECRET, BODY, T)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "missing"),
        ("", "missing"),
        ("   ", "missing"),
        ("garbage", "not key=value"),
        (f"t={T};v1={GOOD}", "not unix seconds"),
        (f"v1={GOOD}", "exactly one t"),
        (f"t={T},t={T},v1={GOOD}", "exactly one t"),
        (f"t=abc,v1={GOOD}", "not unix seconds"),
        (f"t=,v1={GOOD}", "not unix seconds"),
        (f"t=-{T},v1={GOOD}", "not unix seconds"),
        (f"t=1e9,v1={GOOD}", "not unix seconds"),
        (f"t=１２３,v1={GOOD}", "not unix seconds"),
        (f"t={'9' * 40},v1={GOOD}", "not unix seconds"),
        (f"t={T}", "no v1"),
        (f"t={T},v0={GOOD}", "no v1"),
        (f"t={T},v1={GOOD}," + "x=y," * 2000, "too long"),
    ],
)
def test_malformed_headers_are_rejected(header: str | None, message: str) -> None:
    with pytest.raises(SignatureInvalid, match=message) as info:
        verify(SECRET, BODY, header, now=T)
    assert info.value.hint


@pytest.mark.parametrize(
    "bad", ["", "zz" * 32, GOOD[:-1], GOOD + "0", "é" * 64, GOOD[:63] + "ü", "0" * 64]
)
def test_bad_signature_values_never_match(bad: str) -> None:
    with pytest.raises(SignatureInvalid, match="no v1 signature"):
        verify(SECRET, BODY, f"t={T},v1={bad}", now=T)


def test_whitespace_upper_case_and_unknown_keys_are_tolerated() -> None:
    verify(SECRET, BODY, f" t={T} , v2=future , v1={GOOD.upper()} ", now=T)


def test_rotation_two_v1_entries_accept_either_secret() -> None:
    header = sign_rotating([SECRET, OLD_SECRET], BODY, T)
    assert header.count("v1=") == 2
    verify(SECRET, BODY, header, now=T)
    verify(OLD_SECRET, BODY, header, now=T)
    with pytest.raises(SignatureInvalid):
        verify("whsec_third", BODY, header, now=T)


def test_rotation_any_matching_entry_suffices() -> None:
    header = f"t={T},v1={'0' * 64},v1=nothex,v1={GOOD}"
    verify(SECRET, BODY, header, now=T)


def test_signature_invalid_is_a_typed_input_error() -> None:
    err = SignatureInvalid("x")
    assert isinstance(err, InputError)
    assert (err.code, err.http_status, err.exit_code) == ("signature_invalid", 400, 65)


def test_misuse_raises_value_errors() -> None:
    with pytest.raises(ValueError, match="empty"):
        sign("", BODY, T)
    with pytest.raises(ValueError, match="at least one"):
        sign_rotating([], BODY, T)
    with pytest.raises(TypeError):
        sign_rotating(SECRET, BODY, T)
    with pytest.raises(ValueError, match="negative"):
        sign(SECRET, BODY, -1)
    with pytest.raises(ValueError, match="tolerance"):
        verify(SECRET, BODY, sign(SECRET, BODY, T), now=T, tolerance_s=-1)


def test_new_secret_is_prefixed_random_and_usable() -> None:
    a, b = new_secret(), new_secret()
    assert a.startswith("whsec_") and b.startswith("whsec_")
    assert a != b
    assert len(a) >= len("whsec_") + 43  # 32 bytes of URL-safe base64
    assert re.fullmatch(r"whsec_[A-Za-z0-9_-]+", a)
    verify(a, BODY, sign(a, BODY, T), now=T)


# --- retry schedule ----------------------------------------------------------------------


def test_backoff_schedule_values() -> None:
    waits = [backoff_schedule(n) for n in range(1, MAX_ATTEMPTS)]
    assert waits == [10, 30, 90, 270, 810, 2430, 7290, 21600, 21600]
    assert sum(waits) == 54_130
    assert MAX_ATTEMPTS == 10


def test_backoff_schedule_is_capped_and_monotonic() -> None:
    waits = [backoff_schedule(n) for n in range(1, 200)]
    assert waits == sorted(waits)
    assert max(waits) == 6 * 3600
    assert backoff_schedule(10**9) == 6 * 3600


@pytest.mark.parametrize("attempt", [0, -1])
def test_backoff_schedule_rejects_attempt_below_one(attempt: int) -> None:
    with pytest.raises(ValueError, match="start at 1"):
        backoff_schedule(attempt)


# --- payload -----------------------------------------------------------------------------


def test_envelope_shape() -> None:
    when = datetime(2025, 3, 4, 5, 6, 7, 890, tzinfo=timezone(timedelta(hours=2)))
    env = make_envelope("case.decided", "evt_1", "tenant-1", {"a": 1}, created_at=when)
    assert env == {
        "id": "evt_1",
        "type": "case.decided",
        "created_at": "2025-03-04T03:06:07Z",
        "tenant": "tenant-1",
        "data": {"a": 1},
    }
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", make_envelope("x", "y", "z", {})["created_at"]
    )
    with pytest.raises(ValueError, match="timezone"):
        make_envelope("x", "y", "z", {}, created_at=datetime(2025, 1, 1))


def test_payload_encoding_is_compact_utf8_and_stable() -> None:
    payload = {"b": 1, "a": ["é", None, True], "c": {"x": 1.5}}
    raw = encode_payload(payload)
    assert raw == '{"b":1,"a":["é",null,true],"c":{"x":1.5}}'.encode()
    assert encode_payload(dict(payload)) == raw
    with pytest.raises(ValueError, match="JSON"):
        encode_payload({"x": float("nan")})
    with pytest.raises(TypeError):
        encode_payload({"x": object()})


# --- delivery against a real local server ------------------------------------------------

LOCAL = FetchPolicy(allow_networks=("127.0.0.1/32",))
"""The operator's allow-list for these tests (TAMIS_FETCH_ALLOW=127.0.0.1/32)."""


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: bytes
    verified: str  # "ok" or the SignatureInvalid message


@dataclass
class LocalServer:
    port: int
    scheme: str = "http"
    requests: list[Recorded] = field(default_factory=list)
    sni: list[str | None] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout, bad certificate) makes the late write fail


def _handler(state: LocalServer, lock: threading.Lock) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            secret = OLD_SECRET if self.path.startswith("/old") else SECRET
            try:
                now = int(self.headers.get("X-Test-Now", "0")) or None
                verify(secret, body, self.headers.get("Tamis-Signature"), now=now)
                verified = "ok"
            except SignatureInvalid as exc:
                verified = exc.message
            with lock:
                state.requests.append(
                    Recorded(
                        self.path, {k.lower(): v for k, v in self.headers.items()}, body, verified
                    )
                )
            if self.path == "/slow":
                state.release.wait(timeout=10)
            status = {"/fail": 500, "/redirect": 301, "/nocontent": 204}.get(self.path, 200)
            if verified != "ok":
                status = 400
            self.send_response(status)
            if status == 301:
                self.send_header("Location", state.url("/ok"))
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

    return Handler


def _serve(tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    httpd = _Server(("127.0.0.1", 0), BaseHTTPRequestHandler)
    host, port = httpd.server_address[:2]
    assert host == "127.0.0.1"
    state = LocalServer(int(port), "https" if tls else "http")
    httpd.RequestHandlerClass = _handler(state, threading.Lock())
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Traffic must only ever go straight to 127.0.0.1."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(autouse=True)
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a socket connects to, in order. Anything outside 127.0.0.0/8 fails the
    test at once, without leaving the machine."""
    seen: list[tuple[str, int]] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        seen.append((str(address[0]), int(address[1])))
        if ipaddress.ip_address(address[0]) not in ipaddress.ip_network("127.0.0.0/8"):
            raise AssertionError(f"a delivery tried to connect to {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return seen


def use_dns(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Replace the system resolver (socket.getaddrinfo, below every HTTP library): the n-th
    lookup of any name answers ``answers[n]`` (the last one again once they run out). Returns
    the log of names looked up."""
    asked: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(str(host))
        addr = answers[min(len(asked), len(answers)) - 1]
        family = socket.AF_INET6 if ":" in addr else socket.AF_INET
        sockaddr = (addr, int(port or 0), 0, 0) if family == socket.AF_INET6 else (addr, int(port))
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture
def server() -> Iterator[LocalServer]:
    yield from _serve()


PAYLOAD = make_envelope(
    "case.decided",
    "evt_123",
    "tenant-1",
    {"action": "block", "labels": ["spam"], "note": "ünïcode"},
    created_at=datetime(2025, 1, 1, tzinfo=UTC),
)


def test_delivery_2xx_is_ok_and_signed(server: LocalServer) -> None:
    result = deliver(server.url("/ok"), SECRET, "case.decided", "evt_123", PAYLOAD, policy=LOCAL)
    assert result == DeliveryResult(True, 200, None, result.duration_s)
    assert result.duration_s >= 0 and not result.refused
    [req] = server.requests
    assert req.verified == "ok"
    assert req.body == encode_payload(PAYLOAD)
    assert json.loads(req.body) == PAYLOAD
    assert req.headers["host"] == f"127.0.0.1:{server.port}"
    assert req.headers["content-length"] == str(len(req.body))
    assert req.headers["content-type"] == "application/json"
    assert req.headers["user-agent"] == USER_AGENT == "tamis-webhooks/1"
    assert req.headers["tamis-event-id"] == "evt_123"
    assert req.headers["tamis-event-type"] == "case.decided"
    assert re.fullmatch(r"t=\d+,v1=[0-9a-f]{64}", req.headers["tamis-signature"])


def test_delivery_2xx_without_content(server: LocalServer) -> None:
    result = deliver(
        server.url("/nocontent"), SECRET, "job.completed", "evt_9", {"x": 1}, policy=LOCAL
    )
    assert (result.ok, result.status_code, result.error) == (True, 204, None)
    assert server.requests[0].verified == "ok"


def test_fixed_timestamp_is_signed(server: LocalServer) -> None:
    result = deliver(
        server.url("/ok"), SECRET, "case.decided", "evt_1", PAYLOAD, policy=LOCAL, now=T
    )
    assert not result.ok  # the server checks against its own clock: T is long past
    assert result.status_code == 400
    [req] = server.requests
    assert "outside the tolerance" in req.verified
    assert req.headers["tamis-signature"].startswith(f"t={T},v1=")
    verify(SECRET, req.body, req.headers["tamis-signature"], now=T)


def test_delivery_rotation_signs_with_previous_secrets(server: LocalServer) -> None:
    result = deliver(
        server.url("/old"),
        SECRET,
        "case.decided",
        "evt_2",
        PAYLOAD,
        policy=LOCAL,
        previous_secrets=[OLD_SECRET],
    )
    assert result.ok
    [req] = server.requests
    assert req.verified == "ok"
    assert req.headers["tamis-signature"].count("v1=") == 2
    verify(SECRET, req.body, req.headers["tamis-signature"])


def test_delivery_500_is_not_ok(server: LocalServer) -> None:
    result = deliver(server.url("/fail"), SECRET, "case.decided", "evt_3", PAYLOAD, policy=LOCAL)
    assert not result.ok and not result.refused
    assert result.status_code == 500
    assert result.error == "HTTP 500 Internal Server Error"
    assert server.requests[0].verified == "ok"


def test_redirect_is_not_followed(server: LocalServer) -> None:
    result = deliver(
        server.url("/redirect"), SECRET, "case.decided", "evt_4", PAYLOAD, policy=LOCAL
    )
    assert (result.ok, result.status_code, result.refused) == (False, 301, False)
    assert result.error is not None and "not followed" in result.error
    assert server.url("/ok") in result.error
    assert [r.path for r in server.requests] == ["/redirect"]


def test_slow_server_times_out(server: LocalServer) -> None:
    result = deliver(
        server.url("/slow"), SECRET, "case.decided", "evt_5", PAYLOAD, policy=LOCAL, timeout_s=0.3
    )
    assert not result.ok and not result.refused
    assert result.status_code is None
    assert result.error is not None and result.error.startswith("timeout: ")
    assert "took longer than the time allowed" in result.error
    assert server.requests[0].verified == "ok"


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A port bound on 127.0.0.1 but not listening: connecting is refused, and nobody else can
    take it meanwhile."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_refused_connection_is_not_ok(refused_port: int) -> None:
    url = f"http://127.0.0.1:{refused_port}/hook"
    result = deliver(url, SECRET, "case.decided", "evt_6", PAYLOAD, policy=LOCAL, timeout_s=2)
    assert not result.ok and not result.refused
    assert result.status_code is None
    assert result.error is not None and result.error.startswith("connection error")
    assert f"cannot connect to 127.0.0.1 port {refused_port}" in result.error


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/hook", "http://", "not a url"])
def test_unusable_url_is_refused_and_does_not_raise(
    url: str, connects: list[tuple[str, int]]
) -> None:
    result = deliver(url, SECRET, "case.decided", "evt_7", PAYLOAD, policy=LOCAL)
    assert (result.ok, result.status_code, result.refused) == (False, None, True)
    assert result.error and result.error.startswith("refused")
    assert connects == []


# --- where deliveries may go: the checked address, and only it ---------------------------


def test_local_receiver_is_refused_without_the_allow_list(
    server: LocalServer, connects: list[tuple[str, int]]
) -> None:
    result = deliver(server.url("/ok"), SECRET, "case.decided", "evt_8", PAYLOAD)
    assert (result.ok, result.status_code, result.refused) == (False, None, True)
    assert result.error is not None and "127.0.0.1, a loopback address" in result.error
    assert connects == [] and server.requests == []


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("169.254.169.254", "a cloud metadata address"),
        ("10.0.0.7", "a private address"),
        ("::1", "a loopback address"),
    ],
)
def test_name_resolving_to_a_refused_address_is_refused(
    monkeypatch: pytest.MonkeyPatch, connects: list[tuple[str, int]], address: str, reason: str
) -> None:
    use_dns(monkeypatch, address)
    url = "https://hooks.example.com/tamis"
    result = deliver(url, SECRET, "case.decided", "evt_8", PAYLOAD, policy=LOCAL)
    assert (result.ok, result.status_code, result.refused) == (False, None, True)
    assert result.error == (
        f"refused to fetch {url}: hooks.example.com resolves to {address}, {reason}"
    )
    assert connects == []


@pytest.mark.parametrize("rebound", ["10.0.0.1", "169.254.169.254", "127.0.0.2"])
def test_dns_rebinding_cannot_redirect_the_post(
    server: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
    connects: list[tuple[str, int]],
    rebound: str,
) -> None:
    """The name resolves to an allowed address when it is checked and to another one on any
    later lookup (DNS rebinding). The POST goes to the checked address: there is no second
    lookup."""
    asked = use_dns(monkeypatch, "127.0.0.1", rebound)
    result = deliver(
        server.url("/ok", host="hook.test"), SECRET, "case.decided", "evt_10", PAYLOAD, policy=LOCAL
    )
    assert (result.ok, result.status_code, result.error) == (True, 200, None)
    assert asked == ["hook.test"]
    assert connects == [("127.0.0.1", server.port)]
    [req] = server.requests
    assert req.verified == "ok"
    assert req.headers["host"] == f"hook.test:{server.port}"


def test_allow_listed_name_is_delivered_to_its_checked_address(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, connects: list[tuple[str, int]]
) -> None:
    asked = use_dns(monkeypatch, "127.0.0.1", "10.0.0.1")
    policy = FetchPolicy(allow_networks=("hook.test",))
    result = deliver(
        server.url("/ok", host="hook.test"),
        SECRET,
        "case.decided",
        "evt_11",
        PAYLOAD,
        policy=policy,
    )
    assert result.ok
    assert asked == ["hook.test"] and connects == [("127.0.0.1", server.port)]


# --- https: the certificate is checked against the host name -----------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec"),
            *("-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"),
            *("-keyout", str(key), "-out", str(cert), "-days", "2"),
            *("-subj", "/CN=hook.test", "-addext", "subjectAltName=DNS:hook.test"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[LocalServer]:
    """An https receiver on 127.0.0.1 with a certificate for hook.test only, trusted by the
    deliveries of this test (their CA list is the certificate itself)."""
    cert, key = certificate
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    sni: list[str | None] = []

    def record(sock: ssl.SSLObject | ssl.SSLSocket, name: str | None, _: ssl.SSLContext) -> None:
        sni.append(name)

    server_side.sni_callback = record  # type: ignore[assignment]
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(safe_fetch, "tls_context", lambda: trusting)
    for state in _serve(server_side):
        state.sni = sni
        yield state


def test_https_delivery_verifies_the_host_name_at_the_checked_address(
    tls_server: LocalServer, monkeypatch: pytest.MonkeyPatch, connects: list[tuple[str, int]]
) -> None:
    asked = use_dns(monkeypatch, "127.0.0.1", "10.0.0.1")
    url = tls_server.url("/ok", host="hook.test")
    result = deliver(url, SECRET, "case.decided", "evt_12", PAYLOAD, policy=LOCAL)
    assert (result.ok, result.status_code, result.error) == (True, 200, None)
    assert asked == ["hook.test"] and connects == [("127.0.0.1", tls_server.port)]
    assert tls_server.sni == ["hook.test"]
    [req] = tls_server.requests
    assert req.verified == "ok" and req.headers["host"] == f"hook.test:{tls_server.port}"


def test_https_certificate_for_another_name_is_not_trusted(
    tls_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_dns(monkeypatch, "127.0.0.1")
    url = tls_server.url("/ok", host="other.test")
    result = deliver(url, SECRET, "case.decided", "evt_13", PAYLOAD, policy=LOCAL)
    assert (result.ok, result.status_code, result.refused) == (False, None, False)
    assert result.error is not None
    assert "the TLS certificate of other.test cannot be trusted" in result.error
    assert tls_server.sni == ["other.test"] and tls_server.requests == []


def test_https_by_address_checks_the_certificate_for_that_address(
    tls_server: LocalServer,
) -> None:
    result = deliver(tls_server.url("/ok"), SECRET, "case.decided", "evt_14", PAYLOAD, policy=LOCAL)
    assert not result.ok
    assert result.error is not None and "cannot be trusted" in result.error
    assert tls_server.requests == []


def test_https_uses_the_system_trust_store_by_default(
    tls_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_fetch, "tls_context", safe_fetch._default_tls_context)
    use_dns(monkeypatch, "127.0.0.1")
    url = tls_server.url("/ok", host="hook.test")
    result = deliver(url, SECRET, "case.decided", "evt_15", PAYLOAD, policy=LOCAL)
    assert not result.ok
    assert result.error is not None and "cannot be trusted" in result.error
    assert tls_server.requests == []


def test_https_wraps_with_a_verifying_context_and_the_host_name(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, connects: list[tuple[str, int]]
) -> None:
    """No TLS server needed: the socket connected to the checked address is wrapped by the
    verifying default context, asked to verify (and send as SNI) the URL's host name. The
    plain-HTTP receiver then fails the handshake, and nothing is posted."""
    context = safe_fetch.tls_context()
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    wrapped: list[str | None] = []

    class Recording:
        def wrap_socket(self, sock: socket.socket, server_hostname: str | None = None) -> Any:
            wrapped.append(server_hostname)
            return context.wrap_socket(sock, server_hostname=server_hostname)

    monkeypatch.setattr(safe_fetch, "tls_context", Recording)
    use_dns(monkeypatch, "127.0.0.1", "10.0.0.1")
    url = f"https://hook.test:{server.port}/ok"
    result = deliver(url, SECRET, "case.decided", "evt_16", PAYLOAD, policy=LOCAL)
    assert (result.ok, result.status_code, result.refused) == (False, None, False)
    assert result.error is not None and "TLS with hook.test failed" in result.error
    assert wrapped == ["hook.test"]
    assert connects == [("127.0.0.1", server.port)]
    assert server.requests == []


# --- programming errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "event_id"),
    [("", "evt"), ("case.decided", ""), ("case\r\nX-Evil: 1", "evt"), ("case", "évt")],
)
def test_bad_event_headers_are_programming_errors(event_type: str, event_id: str) -> None:
    with pytest.raises(ValueError, match="visible ASCII"):
        deliver("http://127.0.0.1:9/", SECRET, event_type, event_id, PAYLOAD)


@pytest.mark.parametrize("timeout_s", [0, -1, float("nan"), float("inf")])
def test_non_positive_timeout_is_a_programming_error(timeout_s: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        deliver("http://127.0.0.1:9/", SECRET, "case.decided", "e", PAYLOAD, timeout_s=timeout_s)


# --- docs ----------------------------------------------------------------------------------


def test_python_snippet_in_docs_verifies_a_real_signature() -> None:
    text = (DOCS / "webhooks.md").read_text("utf-8")
    [snippet] = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    namespace: dict[str, Any] = {}
    exec(compile(snippet, "docs/webhooks.md", "exec"), namespace)
    check = namespace["verify_tamis_signature"]
    header = sign_rotating([SECRET, OLD_SECRET], BODY, T)
    assert check(SECRET, BODY, header, now=T) is True
    assert check(OLD_SECRET, BODY, header, now=T) is True
    assert check("whsec_other", BODY, header, now=T) is False
    assert check(SECRET, BODY + b" ", header, now=T) is False
    assert check(SECRET, BODY, header, now=T + 301) is False
    assert check(SECRET, BODY, "garbage", now=T) is False
    assert check(SECRET, BODY, "", now=T) is False


def test_docs_show_the_retry_schedule() -> None:
    text = (DOCS / "webhooks.md").read_text("utf-8")
    for attempt in range(1, MAX_ATTEMPTS):
        assert f"| {attempt} | {backoff_schedule(attempt):g} s" in text


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_snippet_in_docs_verifies_a_real_signature(tmp_path: Path) -> None:
    text = (DOCS / "webhooks.md").read_text("utf-8")
    [snippet] = re.findall(r"```js\n(.*?)```", text, flags=re.DOTALL)
    header = sign_rotating([SECRET, OLD_SECRET], BODY, T)
    cases = [
        (SECRET, BODY, header, T, True),
        (OLD_SECRET, BODY, header, T, True),
        ("whsec_other", BODY, header, T, False),
        (SECRET, BODY + b" ", header, T, False),
        (SECRET, BODY, header, T + 301, False),
        (SECRET, BODY, header, T - 300, True),
        (SECRET, BODY, "garbage", T, False),
        (SECRET, BODY, "", T, False),
    ]
    inputs = [
        [secret, base64.b64encode(body).decode(), hdr, now] for secret, body, hdr, now, _ in cases
    ]
    script = tmp_path / "check.js"
    script.write_text(
        snippet
        + "\nconst cases = JSON.parse(process.argv[2]);\n"
        + "console.log(JSON.stringify(cases.map(([s, b, h, n]) =>"
        + " verifyTamisSignature(s, Buffer.from(b, 'base64'), h, n))));\n",
        "utf-8",
    )
    out = subprocess.run(
        ["node", str(script), json.dumps(inputs)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(out.stdout) == [expected for *_, expected in cases]
