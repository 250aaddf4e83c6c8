"""REST API benchmark: `tamis serve` on loopback against the in-process engine, same run.

    python bench/run.py api [--quick]

Starts `tamis serve` (embedded PostgreSQL, fresh TAMIS_HOME in a temp dir, TAMIS_WORKER=false)
and measures start-up to ready (/readyz 200): the first start (initdb, migrations), a restart
with PostgreSQL left running (SIGTERM stops only the API process) and a restart after
PostgreSQL was stopped too. Then, on loopback:

* open loop: POST /v1/moderate/text with one short text per request at a fixed rate (default
  200/s), each request scheduled at its intended send time and its latency counted from that
  time (queueing included, no coordinated omission); a sweep of lower rates first, then the
  target rate with `store` true and false; a run stops sending once requests wait 10 s
  (saturated: reported, and the rest counted as errors);
* closed loop: N connections (default 16) sending back to back, `store` true and false, and
  batches of 64 texts per request;
* baseline: the same texts through `tamis.engine.Engine().moderate_many` in this process, one
  at a time and in batches of 64.

The load generator (httpx.AsyncClient) shares the machine's cores with the server and
PostgreSQL; its own CPU use is reported. Server RSS is sampled with psutil during the load
(PostgreSQL processes apart). The per-key rate limit is raised for the server under test.
Figures are printed next to the issue's targets and written to bench/results/api.json.
Nothing here asserts a wall-clock limit.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

RESULTS = HERE / "results" / "api.json"
KEY_RE = re.compile(r"admin API key[^:]*:\s*(tms_[A-Za-z0-9_-]+)")
BATCH = 64

TARGETS = {
    "p99_ms_at_rate": 50.0,
    "server_rss_mb": 1024.0,
    "restart_ready_s": 10.0,
}


# --------------------------------------------------------------------------------------------
# Arguments


def _parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="bench/run.py api", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="5 s open loop, 3 s closed loop")
    ap.add_argument("--rate", type=float, default=200.0, help="open-loop requests/s")
    ap.add_argument("--duration", type=float, help="open-loop seconds (default 20; quick 5)")
    ap.add_argument("--connections", type=int, default=16, help="closed-loop connections")
    ap.add_argument("--closed", type=float, help="closed-loop seconds (default 10; quick 3)")
    ap.add_argument(
        "--sweep", help="open-loop rates run first, store true (default 50,100,150; quick 100)"
    )
    ap.add_argument("--sweep-s", type=float, help="seconds per sweep rate (default 5; quick 3)")
    ap.add_argument("--texts", type=int, default=5000, help="distinct corpus texts sent")
    ap.add_argument("--baseline-items", type=int, help="in-process items (default 3000; 1000)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--json", type=Path, default=RESULTS, help="where to write the figures")
    args = ap.parse_args(argv)
    if args.duration is None:
        args.duration = 5.0 if args.quick else 20.0
    if args.closed is None:
        args.closed = 3.0 if args.quick else 10.0
    if args.sweep is None:
        args.sweep = "100" if args.quick else "50,100,150"
    args.sweep = [float(x) for x in args.sweep.split(",") if x.strip()]
    if args.sweep_s is None:
        args.sweep_s = 3.0 if args.quick else 5.0
    if args.baseline_items is None:
        args.baseline_items = 1000 if args.quick else 3000
    return args


# --------------------------------------------------------------------------------------------
# Statistics


def _pctl(sorted_xs: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (nan when empty)."""
    if not sorted_xs:
        return float("nan")
    k = max(0, min(len(sorted_xs) - 1, int(-(-q * len(sorted_xs) // 100)) - 1))
    return sorted_xs[k]


def _lat_summary(lat_s: list[float]) -> dict[str, float]:
    xs = sorted(lat_s)
    return {
        "n": len(xs),
        "p50_ms": 1e3 * _pctl(xs, 50),
        "p90_ms": 1e3 * _pctl(xs, 90),
        "p99_ms": 1e3 * _pctl(xs, 99),
        "max_ms": 1e3 * xs[-1] if xs else float("nan"),
        "mean_ms": 1e3 * sum(xs) / len(xs) if xs else float("nan"),
    }


# --------------------------------------------------------------------------------------------
# The server under test


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tamis_cmd() -> list[str]:
    exe = shutil.which("tamis", path=str(Path(sys.executable).parent)) or shutil.which("tamis")
    if exe:
        return [exe]
    return [sys.executable, "-c", "from tamis.cli.main import run; run()"]


def _pg_pids(pgdata: Path) -> list[int]:
    import psutil

    try:
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
        root = psutil.Process(pid)
        return [pid, *(c.pid for c in root.children(recursive=True))]
    except (OSError, ValueError, IndexError, psutil.Error):
        return []


@dataclass
class Server:
    home: Path
    port: int
    log_dir: Path
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    def env(self) -> dict[str, str]:
        env = os.environ.copy()
        env.update(
            TAMIS_HOME=str(self.home),
            TAMIS_WORKER="false",
            TAMIS_RATE_LIMIT="100000000",  # the limiter would cap one key at 100/s
            COLUMNS="400",  # rich must not wrap the admin-key line
            PYTHONUNBUFFERED="1",
        )
        env.pop("TAMIS_DATABASE_URL", None)
        return env

    def start(self, timeout: float = 180.0) -> float:
        """Start `tamis serve`; return seconds from spawn to the first /readyz 200."""
        import httpx

        self.starts += 1
        out = self.log_dir / f"serve-{self.starts}.log"
        with out.open("wb") as fh:
            t0 = time.perf_counter()
            self.proc = subprocess.Popen(
                [*_tamis_cmd(), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=self.env(),
                stdout=fh,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        with httpx.Client(timeout=2.0) as client:
            while True:
                if self.proc.poll() is not None:
                    raise RuntimeError(
                        f"tamis serve exited with {self.proc.returncode}:\n"
                        + out.read_text("utf-8", "replace")[-3000:]
                    )
                try:
                    if client.get(self.url + "/readyz").status_code == 200:
                        return time.perf_counter() - t0
                except httpx.TransportError:
                    pass
                if time.perf_counter() - t0 > timeout:
                    raise RuntimeError(f"tamis serve not ready after {timeout:.0f}s")
                time.sleep(0.02)

    def admin_key(self) -> str | None:
        for log in sorted(self.log_dir.glob("serve-*.log")):
            m = KEY_RE.search(log.read_text("utf-8", "replace"))
            if m:
                return m.group(1)
        return None

    def stop(self, timeout: float = 30.0) -> float | None:
        """SIGTERM the API process and wait; return the seconds it took to exit."""
        if self.proc is None or self.proc.poll() is not None:
            self.proc = None
            return None
        t0 = time.perf_counter()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None
        return time.perf_counter() - t0

    def stop_postgres(self) -> None:
        from tamis.storage.embedded import stop_embedded

        stop_embedded(self.pgdata)


class Sampler:
    """Samples the server's RSS every `interval` s and PostgreSQL's memory each second, in a
    thread; the process lists (server children, PostgreSQL backends) are refreshed each second
    so the sampling itself stays cheap next to the load generator."""

    def __init__(self, server_pid: int, pgdata: Path, interval: float = 0.1) -> None:
        import psutil

        self.server = psutil.Process(server_pid)
        self.pgdata = pgdata
        self.interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.peak_rss = 0
        self.peak_pg_rss = 0
        self.peak_pg_pss = 0
        self._children: list[Any] = []
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._refresh()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _refresh(self) -> None:
        import psutil

        pg = set(_pg_pids(self.pgdata))
        try:
            kids = [c for c in self.server.children(recursive=True) if c.pid not in pg]
        except psutil.Error:
            kids = []
        with self._lock:
            self._children = kids

    def server_rss(self) -> int:
        import psutil

        total = self.server.memory_info().rss
        for c in self._children:
            with contextlib.suppress(psutil.Error):
                total += c.memory_info().rss
        return total

    def pg_memory(self) -> tuple[int, int, int]:
        """(RSS, PSS, processes) of the embedded PostgreSQL; RSS counts shared buffers once
        per process, PSS shares them out."""
        import psutil

        rss = pss = n = 0
        for pid in _pg_pids(self.pgdata):
            try:
                info = psutil.Process(pid).memory_full_info()
            except psutil.Error:
                continue
            n += 1
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        return rss, pss, n

    def cpu(self) -> tuple[float, dict[int, float]]:
        """Server CPU seconds so far (with its children), and CPU seconds per PostgreSQL pid."""
        import psutil

        t = self.server.cpu_times()
        server = t.user + t.system + t.children_user + t.children_system
        pg: dict[int, float] = {}
        for pid in _pg_pids(self.pgdata):
            with contextlib.suppress(psutil.Error):
                t = psutil.Process(pid).cpu_times()
                pg[pid] = t.user + t.system
        return server, pg

    def reset(self) -> None:
        with self._lock:
            self.peak_rss = self.peak_pg_rss = self.peak_pg_pss = 0

    def _run(self) -> None:
        last = 0.0
        while not self._stop.is_set():
            try:
                rss = self.server_rss()
                with self._lock:
                    self.peak_rss = max(self.peak_rss, rss)
                if time.monotonic() - last >= 1.0:
                    last = time.monotonic()
                    self._refresh()
                    prss, ppss, _ = self.pg_memory()
                    with self._lock:
                        self.peak_pg_rss = max(self.peak_pg_rss, prss)
                        self.peak_pg_pss = max(self.peak_pg_pss, ppss)
            except Exception:  # the server went away: the phase reports it
                pass
            self._stop.wait(self.interval)


def _machine_busy_s() -> float:
    import psutil

    t = psutil.cpu_times()
    return (
        sum(t)
        - t.idle
        - getattr(t, "iowait", 0.0)
        - getattr(t, "guest", 0.0)
        - getattr(t, "guest_nice", 0.0)
    )


@dataclass
class Phase:
    """CPU use of client, server and PostgreSQL, and memory peaks, over one measurement."""

    sampler: Sampler
    t0: float = 0.0
    client0: float = 0.0
    server0: float = 0.0
    pg0: dict[int, float] = field(default_factory=dict)
    busy0: float = 0.0
    out: dict[str, float] = field(default_factory=dict)

    def __enter__(self) -> Phase:
        self.sampler.reset()
        self.t0 = time.perf_counter()
        self.client0 = time.process_time()
        self.server0, self.pg0 = self.sampler.cpu()
        self.busy0 = _machine_busy_s()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self.t0
        client = time.process_time() - self.client0
        server, pg = self.sampler.cpu()
        # Backends that started during the phase count from zero; ones that ended are lost.
        pg_s = sum(max(0.0, v - self.pg0.get(pid, 0.0)) for pid, v in pg.items())
        busy = _machine_busy_s() - self.busy0
        self.out = {
            "wall_s": wall,
            "client_cpu_pct": 100 * client / wall,
            "server_cpu_pct": 100 * (server - self.server0) / wall,
            "pg_cpu_pct": 100 * pg_s / wall,
            # Everything else on the machine (other users' processes): noise in the figures.
            "other_cpu_pct": 100 * max(0.0, busy - client - (server - self.server0) - pg_s) / wall,
            "server_peak_rss_mb": self.sampler.peak_rss / 2**20,
            "pg_peak_rss_mb": self.sampler.peak_pg_rss / 2**20,
            "pg_peak_pss_mb": self.sampler.peak_pg_pss / 2**20,
        }


# --------------------------------------------------------------------------------------------
# Load generators


def _bodies(texts: list[str], store: bool) -> list[bytes]:
    return [json.dumps({"text": t, "store": store}).encode() for t in texts]


def _ok(status: int, content: bytes) -> bool:
    return status == 200 and b'"decision"' in content


async def _open_loop(
    client: Any,
    url: str,
    bodies: list[bytes],
    rate: float,
    duration: float,
    *,
    offset: int = 0,
    in_flight: int = 64,
    give_up_s: float = 10.0,
    drain_s: float = 20.0,
) -> dict[str, Any]:
    """Send `rate * duration` requests, request i due at t0 + i / rate whatever the responses;
    latency runs from that intended time, so waiting for one of the `in_flight` slots (the
    connection pool) counts. When the oldest waiting request is `give_up_s` late the server is
    saturated: the rest are not sent (errors "not sent"), which keeps the run short. Requests
    still open `drain_s` after the last send are cancelled ("unfinished") and kept in the
    latency figures with the time they had waited (a lower bound)."""
    n = int(rate * duration)
    lat: list[float] = []
    lag: list[float] = []
    errors: Counter[str] = Counter()
    done_at: list[float] = []
    pending: dict[int, float] = {}
    waiting: dict[int, float] = {}
    slots = asyncio.Semaphore(in_flight)  # FIFO, O(1); httpcore's own queue is O(n) per event

    async def one(i: int, intended: float) -> None:
        pending[i] = waiting[i] = intended
        ok = False
        try:
            async with slots:
                del waiting[i]
                lag.append(time.perf_counter() - intended)
                r = await client.post(url, content=bodies[(offset + i) % len(bodies)])
            ok = _ok(r.status_code, r.content)
            if not ok:
                errors[f"HTTP {r.status_code}"] += 1
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            errors[type(exc).__name__] += 1
        finally:
            pending.pop(i, None)
            waiting.pop(i, None)
        now = time.perf_counter()
        if ok:
            lat.append(now - intended)
            done_at.append(now)

    tasks = []
    t0 = time.perf_counter() + 0.01
    for i in range(n):
        intended = t0 + i / rate
        delay = intended - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if waiting and time.perf_counter() - min(waiting.values()) > give_up_s:
            errors["not sent (saturated)"] += n - i
            break
        tasks.append(asyncio.create_task(one(i, intended)))
    late: set[asyncio.Task[None]] = set()
    if tasks:
        _, late = await asyncio.wait(tasks, timeout=drain_s)
    if late:
        now = time.perf_counter()
        lat.extend(now - t for t in pending.values())
        errors["unfinished"] += len(late)
        for t in late:
            t.cancel()
        await asyncio.gather(*late, return_exceptions=True)
    end = max(done_at) if done_at else time.perf_counter()
    lag.sort()
    return {
        "offered_rate": rate,
        "duration_s": duration,
        "sent": len(tasks),
        "planned": n,
        "ok": len(done_at),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "saturated": "not sent (saturated)" in errors,
        "achieved_per_s": len(done_at) / (end - t0),
        "latency": _lat_summary(lat),
        "slot_wait_p99_ms": 1e3 * _pctl(lag, 99),
        "slot_wait_max_ms": 1e3 * lag[-1] if lag else float("nan"),
    }


async def _closed_loop(
    client: Any, url: str, bodies: list[bytes], conns: int, duration: float, warm: float = 1.0
) -> dict[str, Any]:
    """`conns` senders back to back; counts what completes after `warm` seconds."""
    lat: list[float] = []
    errors: Counter[str] = Counter()
    start = time.perf_counter()
    mark, end = start + warm, start + warm + duration
    counter = iter(range(10**9))

    async def sender() -> None:
        while (now := time.perf_counter()) < end:
            i = next(counter)
            try:
                r = await client.post(url, content=bodies[i % len(bodies)])
                ok = _ok(r.status_code, r.content)
                kind = f"HTTP {r.status_code}"
            except Exception as exc:
                ok, kind = False, type(exc).__name__
            done = time.perf_counter()
            if mark <= done <= end:
                if ok:
                    lat.append(done - now)
                else:
                    errors[kind] += 1

    await asyncio.gather(*(sender() for _ in range(conns)))
    return {
        "connections": conns,
        "duration_s": duration,
        "ok": len(lat),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "requests_per_s": len(lat) / duration,
        "latency": _lat_summary(lat),
    }


def _client(key: str, conns: int) -> Any:
    import importlib.util

    import httpx

    if importlib.util.find_spec("sniffio") is None:
        # httpcore tries `import sniffio` on every request and falls back to asyncio when it
        # is missing; a failed import is not cached, so each try walks sys.path. A None
        # entry makes the same fallback immediate (client CPU is shared with the server).
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    return httpx.AsyncClient(
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        limits=limits,
        timeout=httpx.Timeout(60.0),
    )


def _settle(sampler: Sampler, limit_s: float = 30.0) -> None:
    """Wait until the server is idle (under 20 % CPU over 0.5 s): requests the client gave
    up on may still be running there."""
    t_end = time.perf_counter() + limit_s
    while time.perf_counter() < t_end:
        before = sampler.cpu()[0]
        time.sleep(0.5)
        if sampler.cpu()[0] - before < 0.1:
            return


def _say_open(res: dict[str, Any]) -> None:
    lat = res["latency"]
    print(
        f"    p50 {lat['p50_ms']:.1f} ms, p99 {lat['p99_ms']:.1f} ms, "
        f"{res['achieved_per_s']:.0f}/s, {res['errors']} errors"
        f"{' (saturated: stopped sending)' if res['saturated'] else ''}, CPU client "
        f"{res['client_cpu_pct']:.0f}% server {res['server_cpu_pct']:.0f}% "
        f"other processes {res['other_cpu_pct']:.0f}%",
        flush=True,
    )


async def _load(
    args: argparse.Namespace, server: Server, key: str, texts: list[str], sampler: Sampler
) -> dict[str, Any]:
    url = server.url + "/v1/moderate/text"
    bodies = {"store": _bodies(texts, True), "no_store": _bodies(texts, False)}
    out: dict[str, Any] = {"sweep": {}}
    # Open loop: 64 connections, and at most 64 requests handed to httpx at once (its pool
    # scans every connection and queued request per event). More would only queue in the
    # server's 40 threads. Waiting for a free connection counts, from the intended time.
    async with _client(key, 64) as client:
        print("  warm-up (2 s open loop) ...", flush=True)
        await _open_loop(client, url, bodies["store"], args.rate / 2, 2.0, offset=len(texts) // 2)
        _settle(sampler)
        for rate in args.sweep:
            print(f"  open loop {rate:.0f} req/s for {args.sweep_s:.0f}s, store ...", flush=True)
            with Phase(sampler) as ph:
                res = await _open_loop(client, url, bodies["store"], rate, args.sweep_s)
            res.update(ph.out)
            out["sweep"][f"{rate:g}"] = res
            _say_open(res)
            _settle(sampler)
        for store in ("store", "no_store"):
            print(
                f"  open loop {args.rate:.0f} req/s for {args.duration:.0f}s, {store} ...",
                flush=True,
            )
            with Phase(sampler) as ph:
                res = await _open_loop(client, url, bodies[store], args.rate, args.duration)
            res.update(ph.out)
            out[f"open_{store}"] = res
            _say_open(res)
            _settle(sampler)
    async with _client(key, args.connections) as client:
        for store in ("store", "no_store"):
            print(
                f"  closed loop {args.connections} connections for {args.closed:.0f}s, {store} ...",
                flush=True,
            )
            with Phase(sampler) as ph:
                res = await _closed_loop(client, url, bodies[store], args.connections, args.closed)
            res.update(ph.out)
            out[f"closed_{store}"] = res
            print(
                f"    {res['requests_per_s']:.0f} req/s, {res['errors']} errors, "
                f"other processes {res['other_cpu_pct']:.0f}% CPU",
                flush=True,
            )
        batches = [
            json.dumps({"texts": texts[i : i + BATCH], "store": False}).encode()
            for i in range(0, len(texts) - BATCH + 1, BATCH)
        ]
        conns = 4
        print(f"  closed loop, batches of {BATCH}, {conns} connections ...", flush=True)
        with Phase(sampler) as ph:
            res = await _closed_loop(client, url, batches, conns, args.closed)
        res.update(ph.out)
        res["items_per_s"] = res["requests_per_s"] * BATCH
        out["closed_batch_no_store"] = res
        print(f"    {res['items_per_s']:,.0f} items/s", flush=True)
    return out


def _wrk(server: Server, key: str, text: str, tmp: Path, seconds: float) -> dict[str, Any] | None:
    """Optional cross-check with wrk (closed loop, store=false) when it is installed."""
    exe = shutil.which("wrk")
    if not exe:
        return None
    script = tmp / "post.lua"
    body = json.dumps({"text": text, "store": False})
    script.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Authorization"] = "Bearer {key}"\n',
        "utf-8",
    )
    cmd = [exe, "-t2", "-c16", f"-d{max(1, int(seconds))}s", "--latency", "-s", str(script)]
    run = subprocess.run([*cmd, server.url + "/v1/moderate/text"], capture_output=True, text=True)
    m = re.search(r"Requests/sec:\s*([\d.]+)", run.stdout)
    return {"requests_per_s": float(m.group(1)) if m else None, "output": run.stdout[-2000:]}


# --------------------------------------------------------------------------------------------
# In-process baseline


def _baseline(texts: list[str]) -> dict[str, Any]:
    from tamis.engine import Engine
    from tamis.errors import TamisError
    from tamis.media import Media

    engine = Engine()
    for t in texts[:200]:
        engine.moderate_many([Media.text(t, id="w")], "default")
    t0 = time.perf_counter()
    actions = []
    for t in texts:
        (res,) = engine.moderate_many([Media.text(t, id="text")], "default")
        actions.append("error" if isinstance(res, TamisError) else str(res.decision.action))
    single = len(texts) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        engine.moderate_many([Media.text(t, id="x") for t in texts[i : i + BATCH]], "default")
    batched = len(texts) / (time.perf_counter() - t0)
    return {
        "items": len(texts),
        "single_items_per_s": single,
        "batch_items_per_s": batched,
        "actions": actions,
    }


def _api_actions(server: Server, key: str, texts: list[str]) -> list[str]:
    import httpx

    out: list[str] = []
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=60) as client:
        for i in range(0, len(texts), 256):
            r = client.post(
                server.url + "/v1/moderate/text",
                json={"texts": texts[i : i + 256], "store": False},
            )
            r.raise_for_status()
            for res in r.json()["results"]:
                out.append(res["decision"]["action"] if "decision" in res else "error")
    return out


# --------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tamis-api-bench-") as tmp:
        home = Path(tmp) / "home"
        logs = Path(tmp) / "logs"
        logs.mkdir()
        previous = os.environ.get("TAMIS_HOME")
        os.environ["TAMIS_HOME"] = str(home)  # the in-process baseline reads the same home
        server = Server(home, _free_port(), logs)
        try:
            return _bench(args, server, Path(tmp), t_start)
        finally:
            server.stop()
            try:
                server.stop_postgres()
            except Exception as exc:
                print(f"warning: could not stop the embedded PostgreSQL: {exc}", file=sys.stderr)
            if previous is None:
                os.environ.pop("TAMIS_HOME", None)
            else:
                os.environ["TAMIS_HOME"] = previous


def _bench(args: argparse.Namespace, server: Server, tmp: Path, t_start: float) -> int:
    from better_profanity import profanity

    from text_bench import _shared_words

    load0 = os.getloadavg()

    profanity.load_censor_words()
    shared = _shared_words({str(w) for w in profanity.CENSOR_WORDSET})
    items = corpus.make_corpus(args.texts, shared, seed=args.seed)
    texts = [i.text for i in items]
    mean_chars = sum(map(len, texts)) / len(texts)
    print(
        f"api benchmark: {len(texts):,} texts (mean {mean_chars:.0f} chars), open loop "
        f"{args.rate:.0f} req/s x {args.duration:.0f}s, closed loop {args.connections} "
        f"connections x {args.closed:.0f}s, {os.cpu_count()} CPUs",
        flush=True,
    )

    print(f"  in-process baseline on {args.baseline_items:,} texts ...", flush=True)
    base = _baseline(texts[: args.baseline_items])
    print(
        f"    {base['single_items_per_s']:,.0f} items/s one at a time, "
        f"{base['batch_items_per_s']:,.0f} in batches of {BATCH}",
        flush=True,
    )

    startup: dict[str, Any] = {}
    print(f"  first start of tamis serve on port {server.port} ...", flush=True)
    startup["first_s"] = server.start()
    key = server.admin_key()
    if not key:
        raise RuntimeError("no admin key in the output of the first `tamis serve`")
    startup["first_stop_s"] = server.stop()
    print(f"    ready in {startup['first_s']:.2f}s", flush=True)
    startup["restart_pg_running_s"] = server.start()
    startup["second_stop_s"] = server.stop()
    print(f"    restart (PostgreSQL running): {startup['restart_pg_running_s']:.2f}s", flush=True)
    server.stop_postgres()
    startup["restart_pg_stopped_s"] = server.start()
    print(f"    restart (PostgreSQL stopped): {startup['restart_pg_stopped_s']:.2f}s", flush=True)
    assert server.proc is not None

    with Sampler(server.proc.pid, server.pgdata) as sampler:
        idle_rss = sampler.server_rss() / 2**20
        api_actions = _api_actions(server, key, texts[: args.baseline_items])
        disagree = sum(a != b for a, b in zip(api_actions, base["actions"], strict=True))
        load = asyncio.run(_load(args, server, key, texts, sampler))
        after_rss = sampler.server_rss() / 2**20
        pg_rss, pg_pss, pg_n = sampler.pg_memory()
        wrk = _wrk(server, key, texts[0], tmp, args.closed)
    phases = {k: v for k, v in load.items() if k != "sweep"}
    phases.update({f"sweep_{k}": v for k, v in load["sweep"].items()})
    peak_rss = max(v["server_peak_rss_mb"] for v in phases.values())

    api_single = load["closed_no_store"]["requests_per_s"]
    api_store = load["closed_store"]["requests_per_s"]
    ratio = api_single / base["single_items_per_s"]
    ratio_store = api_store / base["single_items_per_s"]
    ratio_batch = load["closed_batch_no_store"]["items_per_s"] / base["batch_items_per_s"]
    ol, oln = load["open_store"], load["open_no_store"]
    rate = f"{args.rate:.0f}/s"
    rows: list[tuple[str, str, str, str, str]] = []

    def lat_rows(name: str, r: dict[str, Any], target: bool) -> None:
        lat = r["latency"]
        p99_target = f"<= {TARGETS['p99_ms_at_rate']:.0f} ms" if target else ""
        rows.extend(
            [
                (f"{name}: p50 ms", f"{lat['p50_ms']:.1f}", "", "", ""),
                (f"{name}: p90 ms", f"{lat['p90_ms']:.1f}", "", "", ""),
                (f"{name}: p99 ms [headline]", f"{lat['p99_ms']:.1f}", "", "", p99_target),
                (f"{name}: max ms", f"{lat['max_ms']:.1f}", "", "", ""),
                (
                    f"{name}: achieved req/s, errors",
                    f"{r['achieved_per_s']:.0f}, {r['errors']}"
                    + (" (saturated)" if r["saturated"] else ""),
                    "",
                    "",
                    f"{args.rate:.0f}, 0",
                ),
                (
                    f"{name}: CPU % client/server/pg/others",
                    "/".join(
                        f"{r[k]:.0f}"
                        for k in ("client_cpu_pct", "server_cpu_pct", "pg_cpu_pct", "other_cpu_pct")
                    ),
                    "",
                    "",
                    "",
                ),
            ]
        )

    for r_name, r in load["sweep"].items():
        lat = r["latency"]
        rows.append(
            (
                f"open loop {r_name}/s, store: p50 / p99 ms",
                f"{lat['p50_ms']:.1f} / {lat['p99_ms']:.1f}"
                + (" (saturated)" if r["saturated"] else ""),
                "",
                "",
                f"p99 <= {TARGETS['p99_ms_at_rate']:.0f} ms" if float(r_name) >= args.rate else "",
            )
        )
    lat_rows(f"open loop {rate}, store", ol, True)
    lat_rows(f"open loop {rate}, no store", oln, True)
    c_st, c_no, c_b = load["closed_store"], load["closed_no_store"], load["closed_batch_no_store"]
    rows += [
        (
            f"max req/s, {args.connections} conns, store",
            f"{api_store:,.0f}",
            f"{base['single_items_per_s']:,.0f}",
            f"{ratio_store:.2f}x",
            "",
        ),
        (
            f"max req/s, {args.connections} conns, no store",
            f"{api_single:,.0f}",
            f"{base['single_items_per_s']:,.0f}",
            f"{ratio:.2f}x",
            "",
        ),
        (
            "  p50/p99 ms (store | no store)",
            f"{c_st['latency']['p50_ms']:.0f}/{c_st['latency']['p99_ms']:.0f} | "
            f"{c_no['latency']['p50_ms']:.0f}/{c_no['latency']['p99_ms']:.0f}",
            "",
            "",
            "",
        ),
        (
            "  CPU ms/req client/server/pg (store | no store)",
            f"{_ms_per_req(c_st)} | {_ms_per_req(c_no)}",
            "",
            "",
            "",
        ),
        (
            f"items/s, batches of {BATCH}, 4 conns, no store",
            f"{c_b['items_per_s']:,.0f}",
            f"{base['batch_items_per_s']:,.0f}",
            f"{ratio_batch:.2f}x",
            "",
        ),
        ("server RSS MB, peak under load", f"{peak_rss:.0f}", "", "", "<= 1024"),
        (
            "server RSS MB, idle after start / after load",
            f"{idle_rss:.0f} / {after_rss:.0f}",
            "",
            "",
            "",
        ),
        (
            f"PostgreSQL RSS / PSS MB ({pg_n} procs, info)",
            f"{pg_rss / 2**20:.0f} / {pg_pss / 2**20:.0f}",
            "",
            "",
            "",
        ),
        ("start-up to ready s, first (initdb+migrate)", f"{startup['first_s']:.2f}", "", "", ""),
        (
            "start-up to ready s, restart, PG running",
            f"{startup['restart_pg_running_s']:.2f}",
            "",
            "",
            f"<= {TARGETS['restart_ready_s']:.0f}",
        ),
        (
            "start-up to ready s, restart, PG stopped",
            f"{startup['restart_pg_stopped_s']:.2f}",
            "",
            "",
            f"<= {TARGETS['restart_ready_s']:.0f}",
        ),
    ]
    if wrk is not None:
        rows.append(
            ("wrk 16 conns, no store, req/s (info)", f"{wrk['requests_per_s']}", "", "", "")
        )
    total_s = time.perf_counter() - t_start
    _print_table(rows)
    print(
        f"\nbaseline column: tamis.engine.Engine().moderate_many in this process, one text per "
        f"call (batch row: {BATCH} per call); ratio = API / in-process"
    )
    print(
        f"API vs in-process decisions on {len(api_actions):,} texts: {disagree} disagreements; "
        f"open-loop wait for a free connection p99 {ol['slot_wait_p99_ms']:.1f} ms (store), "
        f"{oln['slot_wait_p99_ms']:.1f} ms (no store)"
    )
    errs = {k: v["error_kinds"] for k, v in phases.items() if v["error_kinds"]}
    if errs:
        print(f"errors: {errs}")
    print(f"wrk: {'not installed' if wrk is None else 'ran (see JSON)'}")
    others = max(v["other_cpu_pct"] for v in phases.values())
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load0[0]:.1f} at start, "
        f"{os.getloadavg()[0]:.1f} at end; other processes used up to {others:.0f}% CPU "
        "during a measurement (figures are noisy when that is high)"
    )
    print(f"total run time {total_s:.0f}s", flush=True)

    report = {
        "benchmark": "api",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "loadavg_start": load0,
            "loadavg_end": os.getloadavg(),
        },
        "config": {
            "texts": len(texts),
            "mean_chars": mean_chars,
            "rate": args.rate,
            "duration_s": args.duration,
            "sweep": args.sweep,
            "sweep_s": args.sweep_s,
            "connections": args.connections,
            "closed_s": args.closed,
            "batch": BATCH,
            "baseline_items": args.baseline_items,
            "seed": args.seed,
            "quick": args.quick,
            "server_env": {"TAMIS_WORKER": "false", "TAMIS_RATE_LIMIT": "100000000"},
        },
        "startup": startup,
        "load": load,
        "server_rss_mb": {"idle": idle_rss, "peak_under_load": peak_rss, "after_load": after_rss},
        "postgres": {"rss_mb": pg_rss / 2**20, "pss_mb": pg_pss / 2**20, "processes": pg_n},
        "baseline": {k: v for k, v in base.items() if k != "actions"},
        "ratios": {
            "api_no_store_vs_inprocess": ratio,
            "api_store_vs_inprocess": ratio_store,
            "api_batch_vs_inprocess_batch": ratio_batch,
        },
        "api_vs_inprocess_disagreements": disagree,
        "wrk": wrk,
        "targets": TARGETS,
        "total_run_s": total_s,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.json}")
    return 0


def _ms_per_req(r: dict[str, Any]) -> str:
    """CPU milliseconds per request of client, server and PostgreSQL in a closed-loop run."""
    per = 10.0 / max(r["requests_per_s"], 1e-9)  # percent of a core -> ms per request
    return "/".join(f"{r[k] * per:.1f}" for k in ("client_cpu_pct", "server_cpu_pct", "pg_cpu_pct"))


def _print_table(rows: list[tuple[str, str, str, str, str]]) -> None:
    head = ("metric", "tamis API", "in-process", "ratio", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    print()
    print(
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(head, widths, strict=True))
        )
    )
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )


if __name__ == "__main__":
    raise SystemExit(main())
