"""SSRF-safe fetching.

A real HTTP server runs on 127.0.0.1 (ephemeral port). No test sends traffic anywhere else: the
resolver is replaced where other addresses are needed, and a guard fails any test whose code
tries to connect outside 127.0.0.0/8. No assertion depends on the wall clock.
"""

from __future__ import annotations

import asyncio
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tamis.errors import ConfigError, FetchFailed, FetchRefused, MediaTooLarge
from tamis.net import safe_fetch
from tamis.net.safe_fetch import (
    FetchPolicy,
    FetchTimedOut,
    IPAddress,
    Posted,
    fetch,
    fetch_async,
    parse_allow_list,
    post,
    refusal_reason,
)

LOCAL = ("127.0.0.1/32",)


# --- a local server ----------------------------------------------------------------------------


@dataclass
class Server:
    port: int
    stop: threading.Event
    paths: list[str] = field(default_factory=list)
    sni: list[str | None] = field(default_factory=list)
    posts: list[tuple[str, list[tuple[str, str]], bytes]] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        named = {name.replace("_", "-"): value for name, value in headers.items()}
        named.setdefault("Content-Length", str(len(body)))
        for name, value in named.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, chunked: bool, pause: float, size: int) -> None:
        """Write `size`-byte pieces until the client goes away or the test ends."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        piece = b"x" * size
        for _ in range(100_000):
            if self.server.info.stop.wait(pause):
                return
            self.wfile.write(b"%x\r\n%s\r\n" % (size, piece) if chunked else piece)
            self.wfile.flush()

    def do_GET(self) -> None:
        info = self.server.info
        info.paths.append(self.path)
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        route = parts.path
        if route == "/ok":
            self._send(200, b"hello", Content_Type="text/plain; charset=utf-8")
        elif route == "/host":
            self._send(200, (self.headers["Host"] or "").encode())
        elif route == "/headers":
            lines = [f"{k.lower()}: {v}" for k, v in self.headers.items()]
            self._send(200, "\n".join(lines).encode())
        elif route == "/redirect":
            self._send(int(query.get("status", "302")), b"", Location=query["to"])
        elif route == "/no-location":
            self._send(302, b"")
        elif route == "/loop":
            self._send(302, b"", Location="/loop")
        elif route.startswith("/status/"):
            status = int(route.rsplit("/", 1)[1])
            self._send(status, b"" if status == 204 else b"nope")
        elif route == "/bytes":
            n = int(query["n"])
            if "nolength" in query:
                self.close_connection = True
                self._send(200, b"y" * n, Content_Length="", Connection="close")
            else:
                self._send(200, b"y" * n)
        elif route == "/announce-big":  # promise a large body, then send nothing
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Length", "10000000")
            self.end_headers()
            self.wfile.flush()
            self.server.info.stop.wait(10)
        elif route == "/chunked-forever":
            self._stream(chunked=True, pause=0, size=4096)
        elif route == "/unsized-forever":
            self._stream(chunked=False, pause=0, size=4096)
        elif route == "/trickle":
            self._stream(chunked=False, pause=0.05, size=1)
        elif route == "/slow":
            self.server.info.stop.wait(10)
            self.close_connection = True
        else:
            self._send(404, b"")

    def do_POST(self) -> None:
        info = self.server.info
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        info.posts.append((self.path, [(k.lower(), v) for k, v in self.headers.items()], body))
        if self.path == "/redirect":
            self._send(307, b"moved", Location="/elsewhere")
        elif self.path == "/slow":
            self.server.info.stop.wait(10)
            self.close_connection = True
        else:
            self._send(201, b"a body nobody reads", Content_Type="text/plain")

    def send_header(self, keyword: str, value: str) -> None:
        if value != "":  # an empty value means "leave this header out"
            super().send_header(keyword, value)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    info: Server

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up on purpose (size caps, timeouts) are expected here


def _serve(tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    info = Server(httpd.server_address[1], threading.Event())
    httpd.info = info
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield info
    finally:
        info.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def server() -> Iterator[Server]:
    yield from _serve()


@pytest.fixture(autouse=True)
def only_loopback_traffic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail at once if anything tries to connect outside 127.0.0.0/8."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if ipaddress.ip_address(host) not in ipaddress.ip_network("127.0.0.0/8"):
            raise AssertionError(f"test tried to connect to {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def use_resolver(
    monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]
) -> list[tuple[str, int]]:
    """Replace DNS with `table`; returns the log of lookups."""
    calls: list[tuple[str, int]] = []

    def fake(host: str, port: int) -> list[IPAddress]:
        calls.append((host, port))
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(a) for a in table[host]]

    monkeypatch.setattr(safe_fetch, "resolve", fake)
    return calls


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    return use_resolver(monkeypatch, {})


def policy(**overrides: Any) -> FetchPolicy:
    settings: dict[str, Any] = {
        "allow_networks": LOCAL,
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "total_timeout": 5.0,
    }
    settings.update(overrides)
    return FetchPolicy(**settings)


# --- loopback server: refused by default, reachable when allowed -------------------------------


def test_local_server_is_refused_by_default(server: Server) -> None:
    with pytest.raises(FetchRefused) as caught:
        fetch(server.url("/ok"), FetchPolicy())
    err = caught.value
    assert "resolves to 127.0.0.1, a loopback address" in err.message
    assert "TAMIS_FETCH_ALLOW" in err.hint
    assert (err.code, err.http_status) == ("url_refused", 400)
    assert server.paths == []


def test_localhost_by_name_is_refused(server: Server) -> None:
    with pytest.raises(FetchRefused, match="a loopback address"):
        fetch(server.url("/ok", host="localhost"), FetchPolicy())
    assert server.paths == []


def test_allow_listed_server_is_fetched(server: Server) -> None:
    got = fetch(server.url("/ok"), policy())
    assert (got.status, got.data, got.content_type) == (200, b"hello", "text/plain; charset=utf-8")
    assert got.final_url == server.url("/ok")
    assert "data" not in repr(got)


def test_requests_ask_for_identity_encoding_and_name_tamis(server: Server) -> None:
    headers = fetch(server.url("/headers"), policy()).data.decode()
    assert "accept-encoding: identity" in headers
    assert "user-agent: tamis/" in headers
    assert "connection: close" in headers


def test_non_ascii_path_is_percent_encoded(server: Server) -> None:
    fetch(server.url("/ok?q=é"), policy())
    assert server.paths == ["/ok?q=%C3%A9"]


def test_async_variant(server: Server) -> None:
    got = asyncio.run(fetch_async(server.url("/ok"), policy()))
    assert got.data == b"hello"


# --- host names: allow-list, Host header, one lookup per hop -----------------------------------


def test_allow_listed_host_name_keeps_its_host_header(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_resolver(monkeypatch, {"media.test": ["127.0.0.1"]})
    got = fetch(server.url("/host", host="media.test"), policy(allow_networks=("Media.Test",)))
    assert got.data == f"media.test:{server.port}".encode()


def test_host_name_not_on_the_list_is_refused(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_resolver(monkeypatch, {"other.test": ["127.0.0.1"]})
    with pytest.raises(FetchRefused, match=r"other\.test resolves to 127\.0\.0\.1, a loopback"):
        fetch(server.url("/ok", host="other.test"), policy(allow_networks=("media.test",)))


def test_international_host_name_is_sent_in_idna_form(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = use_resolver(monkeypatch, {"xn--bcher-kva.test": ["127.0.0.1"]})
    got = fetch(server.url("/host", host="bücher.test"), policy())
    assert got.data == f"xn--bcher-kva.test:{server.port}".encode()
    assert calls == [("xn--bcher-kva.test", server.port)]


def test_dns_is_resolved_once_and_the_vetted_address_is_used(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a second lookup would answer a private address; there is none."""
    answers = [["127.0.0.1"], ["10.0.0.1"]]
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[IPAddress]:
        calls.append(host)
        return [ipaddress.ip_address(a) for a in answers[min(len(calls) - 1, 1)]]

    monkeypatch.setattr(safe_fetch, "resolve", rebinding)
    got = fetch(server.url("/host", host="rebind.test"), policy())
    assert got.data == f"rebind.test:{server.port}".encode()
    assert calls == ["rebind.test"]


def test_any_bad_address_refuses_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    use_resolver(monkeypatch, {"mixed.test": ["93.184.216.34", "10.1.2.3"]})
    with pytest.raises(FetchRefused, match=r"resolves to 10\.1\.2\.3, a private address"):
        fetch("http://mixed.test/", policy(allow_networks=()))


def test_resolver_failures_are_fetch_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    use_resolver(monkeypatch, {"empty.test": []})
    with pytest.raises(FetchFailed, match=r"cannot resolve nowhere\.test"):
        fetch("http://nowhere.test/", policy())
    with pytest.raises(FetchFailed, match="no IPv4 or IPv6 address"):
        fetch("http://empty.test/", policy())


# --- addresses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("100.100.100.200", "a cloud metadata address"),
        ("10.0.0.1", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("100.64.0.1", "a shared (carrier-grade NAT"),
        ("100.127.255.254", "a shared (carrier-grade NAT"),
        ("169.254.10.1", "a link-local address"),
        ("127.0.0.53", "a loopback address"),
        ("0.0.0.0", "the unspecified address"),
        ("0.1.2.3", "a 'this network' address"),
        ("224.0.0.251", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("255.255.255.255", "the broadcast address"),
        ("192.0.2.10", "a special-purpose (non-public) address"),
        ("198.18.0.1", "a special-purpose (non-public) address"),
        ("::1", "a loopback address"),
        ("::", "the unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a private (unique local) address"),
        ("fd12:3456::1", "a private (unique local) address"),
        ("ff02::1", "a multicast address"),
        ("2001:db8::1", "a special-purpose (non-public) address"),
        ("::ffff:127.0.0.1", "an IPv4-mapped IPv6 address for 127.0.0.1, a loopback address"),
        ("::ffff:10.0.0.1", "an IPv4-mapped IPv6 address for 10.0.0.1, a private address"),
        ("::ffff:169.254.169.254", "an IPv4-mapped IPv6 address for 169.254.169.254, a cloud"),
        ("::ffff:100.64.0.1", "an IPv4-mapped IPv6 address for 100.64.0.1, a shared"),
        ("64:ff9b::7f00:1", "a NAT64 IPv6 address for 127.0.0.1, a loopback address"),
        ("2002:c0a8:101::1", "a 6to4 IPv6 address for 192.168.1.1, a private address"),
        ("::7f00:1", "an IPv4-compatible IPv6 address for 127.0.0.1, a loopback address"),
    ],
)
def test_non_public_addresses_are_refused(
    address: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_resolver(monkeypatch, {"evil.test": [address]})
    with pytest.raises(FetchRefused) as caught:
        fetch("https://evil.test/image.png", policy(allow_networks=()))
    assert (
        f"evil.test resolves to {ipaddress.ip_address(address)}, {reason}" in caught.value.message
    )
    assert "TAMIS_FETCH_ALLOW" in caught.value.hint


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_allow_list_lifts_the_refusal_for_its_networks_only() -> None:
    allowing = FetchPolicy(allow_networks=("10.20.0.0/16", "192.168.1.5", "fd00::/8"))
    assert allowing.allows_address(ipaddress.ip_address("10.20.3.4"))
    assert allowing.allows_address(ipaddress.ip_address("::ffff:10.20.3.4"))
    assert allowing.allows_address(ipaddress.ip_address("192.168.1.5"))
    assert allowing.allows_address(ipaddress.ip_address("fd00:ec2::254"))
    assert not allowing.allows_address(ipaddress.ip_address("10.21.0.1"))
    assert not allowing.allows_address(ipaddress.ip_address("169.254.169.254"))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://[::1]:{port}/ok", "::1 resolves to ::1, a loopback address"),
        ("http://[::ffff:127.0.0.1]:{port}/ok", "an IPv4-mapped IPv6 address for 127.0.0.1"),
        ("http://[::]:{port}/ok", "the unspecified address"),
        ("http://[fe80::1]:{port}/ok", "a link-local address"),
        ("http://2130706433:{port}/ok", "2130706433 resolves to 127.0.0.1, a loopback address"),
        ("http://0x7f.1:{port}/ok", "0x7f.1 resolves to 127.0.0.1, a loopback"),
        ("http://017700000001:{port}/ok", "017700000001 resolves to 127.0.0.1, a loopback"),
        ("http://0x7f000001:{port}/ok", "resolves to 127.0.0.1, a loopback"),
        ("http://0177.0.0.1:{port}/ok", "resolves to 127.0.0.1, a loopback"),
        ("http://127.1:{port}/ok", "resolves to 127.0.0.1, a loopback"),
        ("http://127.0.0.1.:{port}/ok", "resolves to 127.0.0.1, a loopback"),
        ("http://0:{port}/ok", "resolves to 0.0.0.0, the unspecified address"),
        ("http://0xA9FEA9FE/latest/meta-data/", "169.254.169.254, a cloud metadata address"),
        ("http://[::ffff:a9fe:a9fe]/", "for 169.254.169.254, a cloud metadata address"),
    ],
)
def test_literal_addresses_in_any_spelling_are_checked(
    url: str, shown: str, server: Server, no_dns: list[tuple[str, int]]
) -> None:
    with pytest.raises(FetchRefused) as caught:
        fetch(url.format(port=server.port), FetchPolicy())
    assert shown in caught.value.message
    assert no_dns == []  # literals are parsed, never looked up
    assert server.paths == []


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "scheme 'file' is not allowed"),
        ("ftp://example.com/a.png", "scheme 'ftp' is not allowed"),
        ("gopher://127.0.0.1:70/_GET", "scheme 'gopher' is not allowed"),
        ("dict://127.0.0.1:11211/stats", "scheme 'dict' is not allowed"),
        ("javascript:alert(1)", "scheme 'javascript' is not allowed"),
        ("data:image/png;base64,AAAA", "scheme 'data' is not allowed"),
        ("//example.com/a.png", "scheme '(none)' is not allowed"),
        ("http://user:pw@example.com/", "user name or password"),
        ("http://user@example.com/", "user name or password"),
        ("http://example.com@127.0.0.1/", "user name or password"),
        ("http://:pw@example.com/", "user name or password"),
        ("http:///path", "no host"),
        ("http://exa mple.com/", "whitespace or control characters"),
        ("http://example.com/\r\nX-Injected: 1", "whitespace or control characters"),
        ("http://example.com:99999/", "cannot be parsed"),
        ("http://example.com:0/", "port 0"),
        ("http://256.1.1.1/", "not a valid IPv4 address"),
        ("http://1.2.3.4.5/", "not a valid IPv4 address"),
        ("http://09.1.1.1/", "not a valid IPv4 address"),
        ("http://example.123/", "not a valid IPv4 address"),
        ("http://ex%61mple.com/", "not a valid host name"),
        ("http://a..b/", "not a valid host name"),
        ("http://127.0.0.1\\.example.com/", "not a valid host name"),
        ("http://[fe80::1%25eth0]/", "zone index"),
        ("http://[::1/", "cannot be parsed"),
        ("http://x.test/" + "a" * 9000, "longer than"),
    ],
)
def test_bad_urls_are_refused_before_any_lookup(
    url: str, why: str, no_dns: list[tuple[str, int]]
) -> None:
    with pytest.raises(FetchRefused, match="refused to fetch") as caught:
        fetch(url, policy())
    assert why in caught.value.message
    assert no_dns == []


def test_policy_can_narrow_the_schemes(no_dns: list[tuple[str, int]]) -> None:
    with pytest.raises(FetchRefused, match="scheme 'http' is not allowed; only https"):
        fetch("http://example.com/", policy(allowed_schemes=("https",)))


# --- redirects ---------------------------------------------------------------------------------


def test_redirects_are_followed_and_checked(server: Server) -> None:
    got = fetch(server.url("/redirect?to=/ok&status=301"), policy())
    assert (got.data, got.final_url) == (b"hello", server.url("/ok"))


@pytest.mark.parametrize("status", ["302", "303", "307", "308"])
def test_each_redirect_status_is_followed(server: Server, status: str) -> None:
    assert fetch(server.url(f"/redirect?to=/ok&status={status}"), policy()).data == b"hello"


def test_redirect_to_a_refused_address_is_refused(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_resolver(monkeypatch, {"media.test": ["127.0.0.1"]})
    target = server.url("/ok")
    with pytest.raises(FetchRefused, match=r"127\.0\.0\.1, a loopback address"):
        fetch(
            server.url(f"/redirect?to={target}", host="media.test"),
            policy(allow_networks=("media.test",)),
        )
    assert server.paths == [f"/redirect?to={target}"]  # the target was never contacted


def test_redirect_to_another_scheme_is_refused(server: Server) -> None:
    with pytest.raises(FetchRefused, match="scheme 'file' is not allowed"):
        fetch(server.url("/redirect?to=file:///etc/passwd"), policy())


def test_redirect_to_metadata_is_refused(server: Server) -> None:
    with pytest.raises(FetchRefused, match="a cloud metadata address"):
        fetch(server.url("/redirect?to=http://169.254.169.254/latest/"), policy())


def test_redirect_loop_stops_after_max_redirects(server: Server) -> None:
    with pytest.raises(FetchFailed, match="redirected more than 3 times"):
        fetch(server.url("/loop"), policy(max_redirects=3))
    assert server.paths == ["/loop"] * 4


def test_no_redirects_allowed(server: Server) -> None:
    with pytest.raises(FetchFailed, match="redirected more than 0 times"):
        fetch(server.url("/redirect?to=/ok"), policy(max_redirects=0))


def test_redirect_without_location_fails(server: Server) -> None:
    with pytest.raises(FetchFailed, match="without a Location") as caught:
        fetch(server.url("/no-location"), policy())
    assert caught.value.status == 302


# --- statuses, sizes, time ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 500, 204])
def test_final_status_must_be_2xx(server: Server, status: int) -> None:
    if status == 204:
        assert fetch(server.url("/status/204"), policy()).status == 204
        return
    with pytest.raises(FetchFailed, match=f"answered HTTP {status}") as caught:
        fetch(server.url(f"/status/{status}"), policy())
    assert (caught.value.status, caught.value.code, caught.value.http_status) == (
        status,
        "url_fetch_failed",
        422,
    )


@pytest.mark.parametrize("nolength", [False, True])
def test_body_of_exactly_max_bytes_is_accepted(server: Server, nolength: bool) -> None:
    extra = "&nolength=1" if nolength else ""
    assert len(fetch(server.url(f"/bytes?n=1000{extra}"), policy(max_bytes=1000)).data) == 1000
    with pytest.raises(MediaTooLarge):
        fetch(server.url(f"/bytes?n=1001{extra}"), policy(max_bytes=1000))


def test_announced_length_over_the_cap_is_rejected_before_reading(server: Server) -> None:
    """The server announces 10 MB and sends nothing: waiting for the body would time out."""
    with pytest.raises(MediaTooLarge, match="announces 10000000 bytes") as caught:
        fetch(server.url("/announce-big"), policy(max_bytes=1000, read_timeout=5.0))
    assert (caught.value.code, caught.value.http_status) == ("media_too_large", 413)
    assert "TAMIS_FETCH_MAX_BYTES" in caught.value.hint


@pytest.mark.parametrize("route", ["/chunked-forever", "/unsized-forever"])
def test_endless_body_is_cut_at_the_cap(server: Server, route: str) -> None:
    with pytest.raises(MediaTooLarge, match="is larger"):
        fetch(server.url(route), policy(max_bytes=10_000))


def test_slow_server_times_out(server: Server) -> None:
    with pytest.raises(FetchFailed, match="took longer than the time allowed") as caught:
        fetch(server.url("/slow"), policy(read_timeout=0.2))
    assert "TAMIS_FETCH_TIMEOUT_S" in caught.value.hint


def test_trickling_server_hits_the_total_timeout(server: Server) -> None:
    """Each byte arrives well within read_timeout; only the overall deadline stops it."""
    with pytest.raises(FetchFailed, match="took longer than the time allowed"):
        fetch(server.url("/trickle"), policy(read_timeout=1.0, total_timeout=0.4))


def test_closed_port_fails_cleanly(server: Server) -> None:
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    with pytest.raises(FetchFailed, match=f"cannot connect to 127.0.0.1 port {port}"):
        fetch(f"http://127.0.0.1:{port}/", policy())


# --- https -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=media.test",
            "-addext",
            "subjectAltName=DNS:media.test",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    cert, key = certificate
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    sni: list[str | None] = []

    def record(sock: ssl.SSLObject | ssl.SSLSocket, name: str | None, _: ssl.SSLContext) -> None:
        sni.append(name)

    server_side.sni_callback = record  # type: ignore[assignment]
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(safe_fetch, "tls_context", lambda: trusting)
    use_resolver(monkeypatch, {"media.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
    for info in _serve(server_side):
        info.sni = sni
        yield info


def test_https_uses_the_host_name_for_sni_and_host_header(tls_server: Server) -> None:
    got = fetch(tls_server.url("/host", host="media.test", scheme="https"), policy())
    assert got.data == f"media.test:{tls_server.port}".encode()
    assert tls_server.sni == ["media.test"]


def test_https_certificate_must_match_the_host_name(tls_server: Server) -> None:
    with pytest.raises(FetchFailed, match=r"TLS certificate of other\.test cannot be trusted"):
        fetch(tls_server.url("/ok", host="other.test", scheme="https"), policy())
    assert tls_server.paths == []


def test_https_default_context_rejects_an_unknown_issuer(
    tls_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_fetch, "tls_context", safe_fetch._default_tls_context)
    with pytest.raises(FetchFailed, match="cannot be trusted"):
        fetch(tls_server.url("/ok", host="media.test", scheme="https"), policy())


# --- policy ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"allowed_schemes": ("ftp",)}, "allowed_schemes"),
        ({"allowed_schemes": ()}, "allowed_schemes"),
        ({"allow_networks": ("not a host!",)}, "TAMIS_FETCH_ALLOW"),
        ({"allow_networks": ("*.internal",)}, "TAMIS_FETCH_ALLOW"),
        ({"max_bytes": 0}, "max_bytes"),
        ({"read_timeout": 0}, "read_timeout"),
        ({"total_timeout": -1.0}, "total_timeout"),
        ({"total_timeout": float("inf")}, "total_timeout"),
        ({"connect_timeout": float("nan")}, "connect_timeout"),
        ({"max_redirects": -1}, "max_redirects"),
    ],
)
def test_invalid_policies_are_config_errors(overrides: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        FetchPolicy(**overrides)
    assert caught.value.key == key


def test_policy_defaults() -> None:
    default = FetchPolicy()
    assert default.allowed_schemes == ("https", "http")
    assert default.max_bytes == 20 * 1024 * 1024
    assert default.max_redirects == 3
    assert default.user_agent.startswith("tamis/")
    assert FetchPolicy(allowed_schemes=("HTTPS",)).allowed_schemes == ("https",)


def test_parse_allow_list() -> None:
    assert parse_allow_list(" 10.0.0.0/8, media.internal  192.168.1.5,,") == (
        "10.0.0.0/8",
        "media.internal",
        "192.168.1.5",
    )
    assert parse_allow_list("") == ()


def test_check_target_without_resolving_names() -> None:
    from tamis.net.safe_fetch import check_target

    check_target("https://hooks.example.com/x", resolve=False)  # no DNS needed
    with pytest.raises(FetchRefused):
        check_target("http://127.0.0.1/x", resolve=False)
    check_target("http://127.0.0.1/x", FetchPolicy(allow_networks=("127.0.0.1/32",)), resolve=False)


# --- post --------------------------------------------------------------------------------------


def test_post_sends_the_body_and_headers_to_the_vetted_address(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second lookup would answer a private address (DNS rebinding); there is none."""
    answers = [["127.0.0.1"], ["10.0.0.1"]]
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[IPAddress]:
        calls.append(host)
        return [ipaddress.ip_address(a) for a in answers[min(len(calls) - 1, 1)]]

    monkeypatch.setattr(safe_fetch, "resolve", rebinding)
    url = server.url("/hook?x=1", host="rebind.test")
    headers = {"Content-Type": "application/json", "user-agent": "hooks/1", "X-Sig": "abc"}
    got = post(url, b'{"a":1}', headers, policy())
    assert got == Posted(url, 201, "Created", "")
    assert calls == ["rebind.test"]
    [(path, sent, body)] = server.posts
    assert (path, body) == ("/hook?x=1", b'{"a":1}')
    assert sent == [
        ("host", f"rebind.test:{server.port}"),
        ("user-agent", "hooks/1"),  # the caller's value replaces the default
        ("accept", "*/*"),
        ("accept-encoding", "identity"),
        ("content-type", "application/json"),
        ("x-sig", "abc"),
        ("connection", "close"),
        ("content-length", "7"),
    ]


def test_post_is_refused_like_a_fetch(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    use_resolver(monkeypatch, {"evil.test": ["169.254.169.254"]})
    with pytest.raises(FetchRefused, match="a cloud metadata address"):
        post("http://evil.test/hook", b"x", {}, policy())
    with pytest.raises(FetchRefused, match="a loopback address"):
        post(server.url("/hook"), b"x", {})  # the default policy has no allow-list
    assert server.posts == []


def test_post_does_not_follow_redirects(server: Server) -> None:
    got = post(server.url("/redirect"), b"x", {}, policy())
    assert (got.status, got.reason, got.location) == (307, "Temporary Redirect", "/elsewhere")
    assert [p for p, _, _ in server.posts] == ["/redirect"]


def test_post_times_out(server: Server) -> None:
    with pytest.raises(FetchTimedOut, match=r"POST to .* took longer than the time allowed"):
        post(server.url("/slow"), b"x", {}, policy(read_timeout=0.3))


def test_post_to_a_closed_port_fails() -> None:
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    with pytest.raises(FetchFailed, match=f"cannot connect to 127.0.0.1 port {port}") as caught:
        post(f"http://127.0.0.1:{port}/", b"x", {}, policy())
    assert not isinstance(caught.value, FetchTimedOut)


@pytest.mark.parametrize("name", ["Host", "content-length", "Connection", "Transfer-Encoding"])
def test_post_keeps_the_connection_headers_its_own(name: str, no_dns: list[Any]) -> None:
    with pytest.raises(ValueError, match="set by the connection"):
        post("http://hooks.example.com/", b"x", {name: "1"}, policy())
    assert no_dns == []
