"""Fetch user-supplied URLs without letting them reach the server's own network (SSRF).

Every hop (the first URL and each redirect) goes through the same checks:

1. only ``http`` and ``https`` (narrowed further by ``FetchPolicy.allowed_schemes``), no
   credentials in the URL, a well-formed host;
2. the host is resolved ONCE (``resolve``; IP literals, including the legacy decimal, octal and
   hex IPv4 forms such as ``2130706433`` or ``0x7f.1``, are parsed, not resolved) and the hop is
   refused when ANY address is not public: private, loopback, link-local, multicast, reserved,
   unspecified, shared/CGNAT ``100.64.0.0/10``, cloud metadata, an IPv6 form embedding one of
   those (IPv4-mapped, NAT64, 6to4, Teredo, IPv4-compatible) or another special-purpose range;
   the operator's allow-list (host names or networks) lifts the refusal;
3. the connection is made to one of the addresses just checked, never to a fresh lookup, so a
   DNS answer that changes between check and use (DNS rebinding) cannot redirect it. The
   ``Host`` header, TLS server name (SNI) and certificate check use the original host name.

Redirects are followed by hand (at most ``max_redirects``), the body is read in chunks and
abandoned as soon as it passes ``max_bytes``, and one deadline (``total_timeout``) covers the
lookups, connections and reads of all hops together.

``post`` sends one request body to a URL under the same rules (one hop, redirects never
followed, the answer's body never read): webhook deliveries use it, so that the address a
delivery connects to is the one that was just checked.

Built on ``http.client`` and ``ssl``: no third-party client, proxy variables from the environment
are never used, and nothing is decompressed (``Accept-Encoding: identity``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import http.client
import ipaddress
import math
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, TypeAlias
from urllib.parse import quote, urljoin, urlsplit

from tamis import __version__
from tamis.errors import ConfigError, FetchFailed, FetchRefused, MediaTooLarge

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork: TypeAlias = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOW_HINT = (
    "if this address is meant to be reachable, ask the operator to allow-list it with "
    "TAMIS_FETCH_ALLOW"
)
TIMEOUT_HINT = "the server is too slow or unreachable; TAMIS_FETCH_TIMEOUT_S sets the limit"

_MIB = 1024 * 1024
_CHUNK = 64 * 1024
_MAX_URL_CHARS = 8192
_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Headers the connection itself sets; a caller of ``post`` may not replace them.
_OWN_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection"})

_LABEL_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL_RE = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")

_METADATA: frozenset[IPAddress] = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean, ...
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure wire server
        "192.0.0.192",  # Oracle Cloud
    )
)
_THIS_NETWORK = ipaddress.IPv4Network("0.0.0.0/8")
_SHARED_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_PRIVATE_V4 = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
_BROADCAST = ipaddress.IPv4Address("255.255.255.255")
_UNIQUE_LOCAL = ipaddress.IPv6Network("fc00::/7")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


# --- policy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do. ``allow_networks`` holds CIDRs (``10.1.0.0/16``), single addresses
    (``192.168.1.5``) or exact host names (``media.internal``) that are fetched even though they
    are not public; a host name entry allows whatever that name resolves to."""

    allowed_schemes: tuple[str, ...] = ("https", "http")
    allow_networks: tuple[str, ...] = ()
    max_bytes: int = 20 * _MIB
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_redirects: int = 3
    user_agent: str = f"tamis/{__version__}"
    _networks: tuple[IPNetwork, ...] = field(init=False, repr=False, compare=False)
    _hosts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        schemes = tuple(s.lower() for s in self.allowed_schemes)
        bad = [s for s in schemes if s not in _SCHEMES]
        if bad or not schemes:
            raise ConfigError(
                f"schemes {bad or schemes!r} cannot be fetched; only http and https",
                key="allowed_schemes",
            )
        object.__setattr__(self, "allowed_schemes", schemes)
        for key in ("connect_timeout", "read_timeout", "total_timeout"):
            if not (getattr(self, key) > 0 and math.isfinite(getattr(self, key))):
                value = getattr(self, key)
                raise ConfigError(f"must be a positive number of seconds, got {value!r}", key=key)
        if self.max_bytes <= 0:
            raise ConfigError(f"must be a positive number, got {self.max_bytes!r}", key="max_bytes")
        if self.max_redirects < 0:
            raise ConfigError(f"must be 0 or more, got {self.max_redirects!r}", key="max_redirects")
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for entry in self.allow_networks:
            text = entry.strip().lower()
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
                continue
            except ValueError:
                pass
            name = text.rstrip(".") if text.endswith(".") else text
            if not _is_host_name(name):
                raise ConfigError(
                    f"{entry!r} is neither a network (CIDR), an address nor a host name",
                    key="TAMIS_FETCH_ALLOW",
                    hint="write entries like 10.20.0.0/16, 192.168.1.5 or media.internal",
                )
            hosts.add(name)
        object.__setattr__(self, "_networks", tuple(networks))
        object.__setattr__(self, "_hosts", frozenset(hosts))

    def allows_host(self, name: str) -> bool:
        return name.rstrip(".") in self._hosts

    def allows_address(self, addr: IPAddress) -> bool:
        candidates: list[IPAddress] = [addr]
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            candidates.append(addr.ipv4_mapped)
        return any(a in net for a in candidates for net in self._networks)


def parse_allow_list(value: str) -> tuple[str, ...]:
    """Split a ``TAMIS_FETCH_ALLOW`` value (comma- or space-separated) into entries."""
    return tuple(p for p in re.split(r"[\s,]+", value) if p)


@dataclass(frozen=True)
class Fetched:
    final_url: str
    status: int
    content_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Posted:
    """The answer to ``post``: its status line and ``Location`` (empty when absent). The body
    of the answer is never read."""

    url: str
    status: int
    reason: str
    location: str


class FetchTimedOut(FetchFailed):
    """A lookup, connection, TLS handshake, send or read took longer than the policy allows.
    Same code as ``FetchFailed`` (``url_fetch_failed``); for callers that report timeouts
    apart from other network failures."""


# --- address rules -----------------------------------------------------------------------------


def refusal_reason(addr: IPAddress) -> str | None:
    """Why ``addr`` must not be fetched, as a phrase ("a loopback address"); None if public."""
    if addr in _METADATA:
        return "a cloud metadata address"
    if isinstance(addr, ipaddress.IPv4Address):
        return _ipv4_reason(addr)
    return _ipv6_reason(addr)


def _ipv4_reason(addr: ipaddress.IPv4Address) -> str | None:
    if addr.is_unspecified:
        return "the unspecified address"
    if addr in _THIS_NETWORK:
        return "a 'this network' address (0.0.0.0/8)"
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr in _SHARED_CGNAT:
        return "a shared (carrier-grade NAT, 100.64.0.0/10) address"
    if any(addr in net for net in _PRIVATE_V4):
        return "a private address"
    if addr == _BROADCAST:
        return "the broadcast address"
    if addr.is_reserved:
        return "a reserved address"
    if not addr.is_global:
        return "a special-purpose (non-public) address"
    return None


def _ipv6_reason(addr: ipaddress.IPv6Address) -> str | None:
    if addr.scope_id:
        return "an address with a zone index"
    if addr.is_unspecified:
        return "the unspecified address"
    if addr.is_loopback:
        return "a loopback address"
    embedded = _embedded_ipv4(addr)
    if embedded is not None:
        kind, v4 = embedded
        inner = refusal_reason(v4)
        if inner is not None:
            article = "an" if kind.startswith("IPv4") else "a"
            return f"{article} {kind} IPv6 address for {v4}, {inner}"
        if kind in ("IPv4-mapped", "NAT64"):
            return None  # reaches the public IPv4 address it names
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr in _UNIQUE_LOCAL:
        return "a private (unique local) address"
    if addr.is_site_local:
        return "a site-local address"
    if addr.is_reserved:
        return "a reserved address"
    if not addr.is_global:
        return "a special-purpose (non-public) address"
    return None


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    if addr.ipv4_mapped is not None:
        return "IPv4-mapped", addr.ipv4_mapped
    if addr in _NAT64:
        return "NAT64", ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr.sixtofour is not None:
        return "6to4", addr.sixtofour
    if addr.teredo is not None:
        return "Teredo", addr.teredo[1]
    if addr in _IPV4_COMPATIBLE:
        return "IPv4-compatible", ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


# --- URL checks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hop:
    url: str
    scheme: str
    host: str  # for the Host header and TLS: IDNA-encoded name, or the address literal
    port: int
    target: str  # request target: path and query
    addresses: tuple[IPAddress, ...]


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order. Tests replace this."""
    found: list[IPAddress] = []
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        addr = ipaddress.ip_address(str(sockaddr[0]))
        if addr not in found:
            found.append(addr)
    return found


def _show(url: str) -> str:
    return url if len(url) <= 200 else url[:197] + "..."


def _refuse(url: str, why: str, hint: str = "") -> FetchRefused:
    hint = hint or "give the full http(s) URL of a public host; see docs/fetching.md"
    return FetchRefused(f"refused to fetch {_show(url)}: {why}", hint=hint)


def _is_host_name(name: str) -> bool:
    labels = name.split(".")
    return (
        0 < len(name) <= 253
        and all(_LABEL_RE.match(label) for label in labels)
        and not _NUMERIC_LABEL_RE.match(labels[-1])
    )


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address of a host written the way inet_aton and browsers read numbers: 1 to 4 parts,
    each decimal, octal (leading 0) or hex (0x). None when the host is not such a number;
    ValueError when it looks like one but is not valid."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not _NUMERIC_LABEL_RE.match(parts[-1]):
        return None
    if len(parts) > 4:
        raise ValueError("too many parts")
    numbers: list[int] = []
    for part in parts:
        if part.startswith("0x"):
            numbers.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part.startswith("0"):
            numbers.append(int(part[1:], 8))
        elif part.isdigit():
            numbers.append(int(part, 10))
        else:
            raise ValueError(f"{part!r} is not a number")
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        raise ValueError("a part is out of range")
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def check_target(url: str, policy: FetchPolicy | None = None, *, resolve: bool = True) -> None:
    """Raise FetchRefused unless `url` is an http(s) URL whose addresses tamis may reach (the
    same rules as fetch). With resolve=False, host names are not looked up: only literal
    addresses are checked (for URLs saved now and used later, checked again at use)."""
    pol = policy or FetchPolicy()
    _check(url, pol, time.monotonic() + pol.total_timeout, resolve_names=resolve)


def _check(url: str, policy: FetchPolicy, deadline: float, *, resolve_names: bool = True) -> _Hop:
    if len(url) > _MAX_URL_CHARS:
        raise _refuse(url, f"the URL is longer than {_MAX_URL_CHARS} characters")
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        raise _refuse(url, "the URL contains whitespace or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refuse(url, f"the URL cannot be parsed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES or scheme not in policy.allowed_schemes:
        allowed = " and ".join(policy.allowed_schemes)
        raise _refuse(url, f"scheme {scheme or '(none)'!r} is not allowed; only {allowed}")
    if "@" in parts.netloc:
        why = "URLs with a user name or password are not fetched"
        raise _refuse(url, why, "remove the 'user:password@' part")
    raw_host = parts.hostname or ""
    if not raw_host:
        raise _refuse(url, "the URL has no host")
    if port == 0:
        raise _refuse(url, "port 0 is not a valid port")
    port = port or _DEFAULT_PORTS[scheme]

    literal: IPAddress | None
    if ":" in raw_host:  # an IPv6 literal, from between brackets
        if "%" in raw_host:
            raise _refuse(url, "IPv6 addresses with a zone index are not fetched")
        try:
            literal = ipaddress.IPv6Address(raw_host)
        except ValueError:
            raise _refuse(url, f"{raw_host!r} is not a valid IPv6 address") from None
        host = raw_host
    else:
        try:
            host = raw_host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise _refuse(url, f"{raw_host!r} is not a valid host name") from None
        try:
            literal = _legacy_ipv4(host)
        except ValueError as exc:
            raise _refuse(url, f"{raw_host!r} is not a valid IPv4 address ({exc})") from None
        if literal is not None:
            host = str(literal)
        elif not _is_host_name(host.rstrip(".") if host.endswith(".") else host):
            raise _refuse(url, f"{raw_host!r} is not a valid host name")

    if literal is not None:
        addresses: tuple[IPAddress, ...] = (literal,)
    elif not resolve_names:
        addresses = ()
    else:
        addresses = tuple(_resolve_within(host, port, deadline))
        if not addresses:
            raise FetchFailed(f"{host} has no IPv4 or IPv6 address", hint="check the URL")
    if literal is not None or not policy.allows_host(host):
        for addr in addresses:
            reason = refusal_reason(addr)
            if reason is not None and not policy.allows_address(addr):
                raise _refuse(url, f"{raw_host} resolves to {addr}, {reason}", ALLOW_HINT)

    target = quote(parts.path or "/", safe="/%!$&'()*+,;=:@~-._")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%!$&'()*+,;=:@~-._?")
    return _Hop(url, scheme, host, port, target, addresses)


def _remaining(deadline: float, what: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchTimedOut(f"{what} took longer than the time allowed", hint=TIMEOUT_HINT)
    return left


def _resolve_within(host: str, port: int, deadline: float) -> list[IPAddress]:
    """``resolve`` with the overall deadline: getaddrinfo cannot be interrupted, so it runs in a
    daemon thread that is abandoned if it takes too long."""
    found: list[IPAddress] = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            found.extend(resolve(host, port))
        except BaseException as exc:
            failed.append(exc)

    worker = threading.Thread(target=work, name="tamis-fetch-resolve", daemon=True)
    worker.start()
    worker.join(_remaining(deadline, f"resolving {host}"))
    if worker.is_alive():
        raise FetchTimedOut(
            f"resolving {host} took longer than the time allowed", hint=TIMEOUT_HINT
        )
    if failed:
        exc = failed[0]
        if isinstance(exc, socket.gaierror):
            raise FetchFailed(f"cannot resolve {host}: {exc.strerror}", hint="check the URL")
        raise FetchFailed(f"cannot resolve {host}: {exc}", hint="check the URL")
    return found


# --- connections -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _default_tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def tls_context() -> ssl.SSLContext:
    """The context every https hop uses: system CAs, hostname checked. Tests replace this."""
    return _default_tls_context()


def _open_socket(hop: _Hop, policy: FetchPolicy, deadline: float) -> socket.socket:
    """A connected (and for https, TLS-verified) socket to one of the hop's vetted addresses."""
    problems: list[str] = []
    for addr in hop.addresses:
        left = _remaining(deadline, f"connecting to {hop.host}")
        family = socket.AF_INET6 if addr.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(min(policy.connect_timeout, left))
            sock.connect((str(addr), hop.port))
        except OSError as exc:
            sock.close()
            problems.append(f"{addr}: {'timed out' if isinstance(exc, TimeoutError) else exc}")
            continue
        try:
            sock.settimeout(
                min(policy.read_timeout, _remaining(deadline, f"connecting to {hop.host}"))
            )
            if hop.scheme == "https":
                return tls_context().wrap_socket(sock, server_hostname=hop.host)
        except ssl.SSLCertVerificationError as exc:
            sock.close()
            raise FetchFailed(
                f"the TLS certificate of {hop.host} cannot be trusted: {exc.verify_message}",
                hint="the site's certificate is invalid, expired or for another name",
            ) from None
        except TimeoutError:
            sock.close()
            raise FetchTimedOut(f"TLS with {hop.host} timed out", hint=TIMEOUT_HINT) from None
        except OSError as exc:
            sock.close()
            raise FetchFailed(f"TLS with {hop.host} failed: {exc}") from None
        except BaseException:
            sock.close()
            raise
        return sock
    message = f"cannot connect to {hop.host} port {hop.port} ({'; '.join(problems)})"
    if all(p.endswith("timed out") for p in problems):
        raise FetchTimedOut(message, hint=TIMEOUT_HINT)
    raise FetchFailed(message, hint="check the URL and that the server is up")


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTPConnection that uses a socket opened beforehand: the Host header names
    ``host``, the bytes go to the address that was checked."""

    def __init__(self, host: str, port: int, opener: Callable[[], socket.socket]) -> None:
        super().__init__(host, port)
        self._opener = opener

    def connect(self) -> None:
        self.sock = self._opener()


class _PinnedHTTPSConnection(_PinnedConnection):
    default_port = http.client.HTTPS_PORT


class _Watchdog:
    """Shuts a socket down when the overall deadline passes, ending any read in progress."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        self.fired = False
        self._done = False
        self._sock = sock
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            with contextlib.suppress(OSError):
                # the plain socket's shutdown, not SSLSocket's (which unwraps TLS state)
                socket.socket.shutdown(self._sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()


def _doing(method: str, url: str) -> str:
    return f"fetching {_show(url)}" if method == "GET" else f"{method} to {_show(url)}"


def _timeout(url: str, method: str = "GET") -> FetchTimedOut:
    return FetchTimedOut(
        f"{_doing(method, url)} took longer than the time allowed", hint=TIMEOUT_HINT
    )


class _Answer(NamedTuple):
    status: int
    reason: str
    location: str
    content_type: str
    data: bytes  # read only for a 2xx answer to a GET


def _request(
    hop: _Hop,
    policy: FetchPolicy,
    deadline: float,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> _Answer:
    """One request on a fresh connection to one of the hop's vetted addresses. ``headers``
    replace the defaults of the same name (case-insensitive). A body is sent with its
    ``Content-Length``; the answer's body is read (capped) only for a 2xx answer to a GET."""
    sent: dict[str, tuple[str, str]] = {
        name.lower(): (name, value)
        for name, value in (
            ("User-Agent", policy.user_agent),
            ("Accept", "*/*"),
            ("Accept-Encoding", "identity"),
        )
    }
    for name, value in (headers or {}).items():
        sent[name.lower()] = (name, value)
    sent["connection"] = ("Connection", "close")
    if body is not None:
        sent["content-length"] = ("Content-Length", str(len(body)))
    cls = _PinnedHTTPSConnection if hop.scheme == "https" else _PinnedConnection
    conn = cls(hop.host, hop.port, lambda: _open_socket(hop, policy, deadline))
    watchdog: _Watchdog | None = None
    response: http.client.HTTPResponse | None = None
    try:
        conn.connect()
        assert conn.sock is not None
        watchdog = _Watchdog(conn.sock, deadline - time.monotonic())
        conn.putrequest(method, hop.target, skip_accept_encoding=True)
        for name, value in sent.values():
            conn.putheader(name, value)
        conn.endheaders(body)
        response = conn.getresponse()
        if watchdog.fired:
            raise _timeout(hop.url, method)
        status = response.status
        reason = response.reason or ""
        location = response.getheader("Location") or ""
        content_type = response.getheader("Content-Type") or ""
        if method != "GET" or not 200 <= status < 300:
            return _Answer(status, reason, location, content_type, b"")
        if response.length is not None and response.length > policy.max_bytes:
            raise _too_large(hop.url, policy, f"announces {response.length} bytes")
        data = _read_capped(response, hop, policy, watchdog)
        return _Answer(status, reason, location, content_type, data)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if (watchdog is not None and watchdog.fired) or isinstance(exc, TimeoutError):
            raise _timeout(hop.url, method) from None
        raise FetchFailed(f"{_doing(method, hop.url)} failed: {exc!r}") from None
    finally:
        if watchdog is not None:
            watchdog.cancel()
        if response is not None:
            response.close()
        conn.close()


def _too_large(url: str, policy: FetchPolicy, detail: str) -> MediaTooLarge:
    return MediaTooLarge(
        f"{_show(url)} {detail}, more than the {policy.max_bytes} bytes allowed",
        hint="TAMIS_FETCH_MAX_BYTES sets the limit",
    )


def _read_capped(
    response: http.client.HTTPResponse, hop: _Hop, policy: FetchPolicy, watchdog: _Watchdog
) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read(min(_CHUNK, policy.max_bytes + 1 - total))
        if watchdog.fired:  # a read cut short by the deadline looks like the end of the body
            raise _timeout(hop.url)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > policy.max_bytes:
            raise _too_large(hop.url, policy, "is larger")
        chunks.append(chunk)


# --- entry points ------------------------------------------------------------------------------


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` under ``policy``, following redirects. Raises FetchRefused when a hop is not
    allowed, FetchFailed on network errors, timeouts and non-2xx final statuses, MediaTooLarge
    when the body is over ``max_bytes``."""
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    current = url
    for _ in range(policy.max_redirects + 1):
        hop = _check(current, policy, deadline)
        status, _, location, content_type, data = _request(hop, policy, deadline)
        if status in _REDIRECTS:
            if not location:
                raise FetchFailed(
                    f"{_show(current)} answered HTTP {status} without a Location", status=status
                )
            current = urljoin(current, location)
            continue
        if not 200 <= status < 300:
            raise FetchFailed(
                f"{_show(current)} answered HTTP {status}",
                hint="check that the URL is right and publicly readable",
                status=status,
            )
        return Fetched(current, status, content_type, data)
    raise FetchFailed(
        f"{_show(url)} redirected more than {policy.max_redirects} times"
        f" (last to {_show(current)})",
        hint="the site redirects in a loop, or through too many hops",
    )


async def fetch_async(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """``fetch`` in a worker thread, for async callers."""
    return await asyncio.to_thread(fetch, url, policy)


def post(
    url: str, body: bytes, headers: Mapping[str, str], policy: FetchPolicy | None = None
) -> Posted:
    """POST ``body`` to ``url`` under ``policy``: the URL is checked like a fetch's, its host
    resolved once, and the connection made to one of the addresses just checked (for https,
    with SNI and the certificate check on the host name). One request: a redirect is returned
    as it came, never followed, and the answer's body is not read.

    ``headers`` are sent as given, replacing the defaults of the same name (``User-Agent``,
    ``Accept``, ``Accept-Encoding``); ``Host``, ``Content-Length``, ``Connection`` and
    ``Transfer-Encoding`` are the connection's own (``ValueError`` if given). The policy's
    ``connect_timeout`` bounds connecting, its ``read_timeout`` each send and read, its
    ``total_timeout`` the whole exchange, lookup included.

    Raises FetchRefused when the target may not be reached, FetchTimedOut when a step or the
    whole exchange takes too long, FetchFailed for lookup, network, TLS and HTTP errors.
    """
    own = sorted(name for name in headers if name.lower() in _OWN_HEADERS)
    if own:
        raise ValueError(f"headers {own} are set by the connection, not by the caller")
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    hop = _check(url, policy, deadline)
    answer = _request(hop, policy, deadline, method="POST", body=body, headers=headers)
    return Posted(url, answer.status, answer.reason, answer.location)
