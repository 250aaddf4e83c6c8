"""End-to-end tests: `tamis serve` and `tamis worker` run as separate processes, started the
way a user starts them (the `tamis` console script next to this interpreter), configured only
through the environment, against a real PostgreSQL. Every process runs in its own process
group and is killed with it at teardown, whatever the test did."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import create_engine, text

from tamis.storage.db import Database
from tamis.storage.embedded import start_embedded, stop_embedded
from tests.service.conftest import TEMPLATE, PgServer

TAMIS = Path(sys.executable).with_name("tamis")
READY_TIMEOUT_S = 90.0
ADMIN_KEY = re.compile(r"admin API key \(shown once, keep it\): (\S+)")
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(
    check: Callable[[], T | None], timeout_s: float, what: str, interval_s: float = 0.2
) -> T:
    """Call `check` until it returns something truthy; fail after `timeout_s` (a deadline to
    stop waiting, not a performance assertion)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout_s:g} s waiting for {what}")
        time.sleep(interval_s)


class Proc:
    """One `tamis ...` process; stdout and stderr go to a log file shown when a test fails."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{name}.log"
        with self.log_path.open("wb") as log:
            self.popen = subprocess.Popen(
                [str(TAMIS), *args],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as a whole
            )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def output(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    def describe(self) -> str:
        state = "running" if self.alive() else f"exited with {self.popen.returncode}"
        return f"--- {self.name} ({state}), last output:\n{self.output()[-6000:]}"

    def signal_group(self, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, sig)

    def stop(self, grace_s: float = 10.0) -> None:
        """SIGTERM to the group, SIGKILL after `grace_s`; always reaps the process."""
        if self.alive():
            self.signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(grace_s)
        self.signal_group(signal.SIGKILL)  # whatever is left of the group
        self.popen.wait()


@dataclass
class Server:
    """A running `tamis serve`, with the admin key it printed at first start."""

    proc: Proc
    url: str
    admin_key: str
    client: httpx.Client

    def headers(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.admin_key}"}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, headers=self.headers(), **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.post(path, headers=self.headers(), **kw)


class Stack:
    """The processes of one test against one database; `close()` stops them all."""

    def __init__(self, tmp: Path, database_url: str) -> None:
        self.home = tmp / "tamis-home"
        self.logs = tmp / "logs"
        self.database_url = database_url
        self.port = free_port()
        self.procs: list[Proc] = []
        self.clients: list[httpx.Client] = []

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TAMIS_")}
        env.update(
            TAMIS_HOME=str(self.home),
            TAMIS_DATABASE_URL=self.database_url,
            TAMIS_HOST="127.0.0.1",
            TAMIS_PORT=str(self.port),
            # The tests' webhook receivers listen on loopback, which an operator must allow.
            TAMIS_FETCH_ALLOW="127.0.0.1/32",
            COLUMNS="1000",  # rich never wraps the printed key
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def start(self, name: str, *args: str, **env: str) -> Proc:
        proc = Proc(name, list(args), self.env(**env), self.logs)
        self.procs.append(proc)
        return proc

    def serve(self, *, worker: bool, name: str = "serve", **env: str) -> Server:
        proc = self.start(name, "serve", TAMIS_WORKER=str(worker).lower(), **env)
        url = f"http://127.0.0.1:{self.port}"

        def ready() -> bool:
            if not proc.alive():
                raise AssertionError("tamis serve exited before it was ready")
            try:
                return httpx.get(f"{url}/readyz", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        try:
            wait_for(ready, READY_TIMEOUT_S, "GET /readyz")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{proc.describe()}") from None
        found = ADMIN_KEY.search(proc.output())
        assert found, f"no admin key printed at first start\n{proc.describe()}"
        client = httpx.Client(base_url=url, timeout=30)
        self.clients.append(client)
        return Server(proc, url, found.group(1), client)

    def worker(self, name: str, *args: str) -> Proc:
        return self.start(name, "worker", *args)

    def report(self) -> str:
        return "\n".join(p.describe() for p in self.procs)

    def close(self) -> None:
        for client in self.clients:
            client.close()
        for proc in self.procs:
            proc.stop()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """This session's embedded PostgreSQL for end-to-end tests, like the service tests' one
    (`create_database()` gives a fresh migrated database) but apart from it, so that what
    these tests do to processes never disturbs them, and outside pytest's temporary root:
    every pytest run resets that root to mode 0700, which locks the server's own system user
    out of its data directory (pg_ctl then fails)."""
    root = Path(tempfile.mkdtemp(prefix="tamis-e2e-pg-"))
    data_dir = root / "pgdata"
    try:
        admin_url = start_embedded(data_dir)
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{TEMPLATE}"'))
        finally:
            admin.dispose()
        server = PgServer(data_dir, admin_url)
        template = Database(server.url(TEMPLATE))
        template.migrate()
        template.dispose()
        yield server
    finally:
        stop_embedded(data_dir)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def make_stack(tmp_path: Path) -> Iterator[Callable[[str], Stack]]:
    """Stacks on given database URLs; every process of every stack is stopped at teardown."""
    stacks: list[Stack] = []

    def make(database_url: str) -> Stack:
        stack = Stack(tmp_path / f"stack{len(stacks)}", database_url)
        stacks.append(stack)
        return stack

    yield make
    for stack in stacks:
        stack.close()
        print(stack.report())  # shown by pytest when the test failed


@pytest.fixture
def stack(pg_server: PgServer, make_stack: Callable[[str], Stack]) -> Stack:
    """Processes on a fresh, migrated database of the session's PostgreSQL."""
    return make_stack(pg_server.create_database())
