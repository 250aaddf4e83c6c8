"""Failures a deployment meets: a worker killed mid-job, the database restarting under load."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tamis.storage.embedded import start_embedded, stop_embedded
from tests.e2e.conftest import Stack, wait_for

JOB_ITEMS = 2_000  # a few seconds of work for one worker: long enough to be killed mid-job


def _cases(database_url: str, prefix: str) -> list[tuple[str, str]]:
    """(external_id, case id) of every stored case whose external id starts with `prefix`."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT external_id, id::text FROM cases WHERE external_id LIKE :p"),
                {"p": f"{prefix}%"},
            ).all()
    finally:
        engine.dispose()
    return [(str(ext), str(cid)) for ext, cid in rows]


def test_job_of_a_killed_worker_completes_once_on_another(stack: Stack) -> None:
    server = stack.serve(worker=False)
    items = [{"id": f"k{i}", "text": f"message {i}: what the fuck"} for i in range(JOB_ITEMS)]
    r = server.post("/v1/jobs", json={"kind": "text_batch", "items": items})
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]

    def job() -> dict[str, object]:
        resp = server.get(f"/v1/jobs/{job_id}")
        assert resp.status_code == 200, resp.text
        body: dict[str, object] = resp.json()
        return body

    worker_a = stack.worker("worker-a", "--stalled-after", "3")
    wait_for(lambda: job()["status"] == "running", 60, "worker A to start the job", 0.05)
    os.kill(worker_a.pid, signal.SIGKILL)
    worker_a.popen.wait(10)
    assert job()["status"] == "running", "the job ended before worker A was killed: make it longer"

    worker_b = stack.worker("worker-b", "--stalled-after", "3")
    final = wait_for(
        lambda: (j := job())["status"] in ("done", "failed") and j, 120, "the job to finish"
    )
    assert final["status"] == "done", final
    assert final["attempts"] == 2  # once on A (killed), once on B
    result = final["result"]
    assert isinstance(result, dict)
    results = result["results"]
    assert [res["id"] for res in results] == [it["id"] for it in items]
    assert {res["decision"]["action"] for res in results} == {"review"}

    # Exactly one set of cases in effect, the one the result names: A's transaction was rolled
    # back with its connection.
    stored = _cases(stack.database_url, "k")
    assert len(stored) == JOB_ITEMS
    assert sorted(stored) == sorted((res["id"], res["case_id"]) for res in results)

    # SIGTERM stops a worker gracefully.
    worker_b.popen.send_signal(signal.SIGTERM)
    assert worker_b.popen.wait(30) == 0, worker_b.describe()


# --- the database restarting while requests arrive ----------------------------------------------
@dataclass
class OwnPg:
    data_dir: Path
    url: str  # the `tamis` database


@pytest.fixture
def own_pg() -> Iterator[OwnPg]:
    """A PostgreSQL server of this test alone: stopping it disturbs no other test. Outside
    pytest's temporary root, for the reason given in conftest.pg_server."""
    root = Path(tempfile.mkdtemp(prefix="tamis-e2e-restart-"))
    data_dir = root / "pgdata"
    try:
        admin_url = start_embedded(data_dir)
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text('CREATE DATABASE "tamis"'))
        finally:
            admin.dispose()
        yield OwnPg(data_dir, admin_url.replace("/postgres?", "/tamis?", 1))
    finally:
        stop_embedded(data_dir)
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Outcome:
    request_id: str
    status: int | None  # None: no HTTP response (timeout, connection error)
    body: object
    at: float


REQUESTS = 300
PACE_S = 0.005


def _send_all(server_url: str, key: str, outcomes: list[Outcome]) -> None:
    with httpx.Client(base_url=server_url, timeout=15) as client:
        for i in range(REQUESTS):
            rid = f"req-{i}"
            try:
                r = client.post(
                    "/v1/moderate/text",
                    json={"items": [{"id": rid, "text": f"request {i}, what the fuck"}]},
                    headers={"Authorization": f"Bearer {key}"},
                )
                try:
                    body: object = r.json()
                except ValueError:
                    body = r.text
                outcomes.append(Outcome(rid, r.status_code, body, time.monotonic()))
            except httpx.HTTPError as exc:
                outcomes.append(Outcome(rid, None, repr(exc), time.monotonic()))
            time.sleep(PACE_S)


def test_database_restart_while_requests_arrive(
    own_pg: OwnPg, make_stack: Callable[[str], Stack]
) -> None:
    stack = make_stack(own_pg.url)
    server = stack.serve(worker=True)
    outcomes: list[Outcome] = []
    sender = threading.Thread(
        target=_send_all, args=(server.url, server.admin_key, outcomes), daemon=True
    )
    sender.start()
    try:
        wait_for(lambda: len(outcomes) >= 40, 60, "requests before the restart")
        stop_embedded(own_pg.data_dir)
        # Keep it down until requests have met the outage.
        wait_for(
            lambda: sum(o.status != 200 for o in outcomes) >= 5, 30, "failures during the outage"
        )
        restarted_at = time.monotonic()
    finally:
        start_embedded(own_pg.data_dir)
    sender.join(180)
    assert not sender.is_alive(), "the client thread hung"

    assert len(outcomes) == REQUESTS
    ok = [o for o in outcomes if o.status is not None and 200 <= o.status < 300]
    failed = [o for o in outcomes if o not in ok]
    for o in failed:  # every failure is the documented one: no 500, no hang, no reset
        assert o.status == 503, o
        assert isinstance(o.body, dict) and o.body["error"]["code"] == "service_unavailable", o
    assert failed, "no request met the outage"
    assert any(o.at > restarted_at for o in ok), "nothing succeeded after the restart"
    assert outcomes[-1] in ok, "the service did not recover"

    stored = [ext for ext, _ in _cases(own_pg.url, "req-")]
    assert len(stored) == len(set(stored)), "a request was stored twice"
    missing = [o.request_id for o in ok if o.request_id not in set(stored)]
    assert not missing, f"answered 2xx but not stored: {missing}"
    print(f"{len(ok)} stored, {len(failed)} refused with 503 during the outage")
    # The readiness probe follows the database.
    assert server.client.get("/readyz").status_code == 200
    # The in-process job worker came back too (procrastinate stops its worker on a lost
    # connection; tamis starts it again).
    r = server.post("/v1/jobs", json={"kind": "text_batch", "items": [{"text": "hello"}]})
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    wait_for(
        lambda: server.get(f"/v1/jobs/{job_id}").json()["status"] == "done",
        60,
        "a job queued after the restart to be done",
    )
