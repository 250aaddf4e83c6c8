"""What one synchronous moderation request costs the database: SQL statements, pool
checkouts, transactions and wire round trips, counted deterministically against the real
PostgreSQL (no timing involved)."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select, text

from tamis.api.app import create_app
from tamis.config import Settings
from tamis.services import keys
from tamis.storage.db import Database
from tamis.storage.models import WebhookDelivery
from tests.service.conftest import Api
from tests.service.test_api_bad_input import small_settings
from tests.service.test_api_resources import PROFANE

# libpq's trace: one line per protocol message; a frontend `Query` (simple protocol) or
# `Sync` (end of an extended-protocol exchange) is one wait for the server.
_ROUND_TRIP = re.compile(r"^F\t\d+\t(Query|Sync)\b", re.MULTILINE)


@dataclass
class Counts:
    statements: list[str] = field(default_factory=list)
    checkouts: int = 0
    commits: int = 0
    rollbacks: int = 0
    round_trips: int = 0

    def line(self) -> str:
        return (
            f"{len(self.statements)} statements, {self.checkouts} pool checkouts, "
            f"{self.commits} commits, {self.round_trips} round trips"
        )


@contextmanager
def counting(api: Api) -> Iterator[Counts]:
    """Count what the app's engine does inside the block. Round trips come from libpq's own
    protocol trace of every connection checked out meanwhile (pre-ping, BEGIN and COMMIT
    included, which SQLAlchemy's statement events do not see)."""
    engine = api.db.engine
    counts = Counts()
    fd, trace_path = tempfile.mkstemp(prefix="tamis-pq-trace-")
    traced: list[Any] = []

    def on_statement(*args: Any) -> None:
        counts.statements.append(" ".join(str(args[2]).split())[:160])

    def on_checkout(dbapi_conn: Any, *_: Any) -> None:
        counts.checkouts += 1

    def on_commit(*_: Any) -> None:
        counts.commits += 1

    def on_rollback(*_: Any) -> None:
        counts.rollbacks += 1

    def trace(dbapi_conn: Any, *_: Any) -> None:
        pgconn = dbapi_conn.pgconn
        if pgconn not in traced:
            pgconn.trace(fd)
            pgconn.set_trace_flags(_trace_flags())
            traced.append(pgconn)

    # Every connection the pool may hand out is traced before its checkout (and pre-ping):
    # those idle in the pool now, and any it opens meanwhile.
    pool = engine.pool
    for rec in list(pool._pool.queue):  # type: ignore[attr-defined]  # QueuePool's idle ones
        if rec.dbapi_connection is not None:
            trace(rec.dbapi_connection)
    listeners = [
        (engine, "before_cursor_execute", on_statement),
        (engine, "commit", on_commit),
        (engine, "rollback", on_rollback),
        (pool, "checkout", on_checkout),
        (pool, "connect", trace),
    ]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    try:
        yield counts
    finally:
        for target, name, fn in listeners:
            event.remove(target, name, fn)
        for pgconn in traced:
            pgconn.untrace()
        os.close(fd)
        with open(trace_path, encoding="utf-8", errors="replace") as f:
            log = f.read()
        counts.round_trips = len(_ROUND_TRIP.findall(log))
        if os.environ.get("TAMIS_SHOW_PQ_TRACE"):
            print(log)
        os.unlink(trace_path)


def _trace_flags() -> int:
    from psycopg.pq import Trace

    return int(Trace.SUPPRESS_TIMESTAMPS | Trace.REGRESS_MODE)


def _moderate(api: Api, text: str, **extra: Any) -> dict[str, Any]:
    headers = {**api.headers(), **extra.pop("headers", {})}
    r = api.client.post("/v1/moderate/text", json={"text": text, **extra}, headers=headers)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()["results"][0]
    return out


def _ok(r: Any, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def _cases(api: Api) -> int:
    with api.db.session() as s:
        return int(s.execute(text("SELECT count(*) FROM cases")).scalar_one())


# Per `POST /v1/moderate/text` with one text, the tenant's engine already built. The request
# authenticates, works and commits in one transaction on one connection: pre-ping, BEGIN,
# the key lookup (which also reads the tenant's revisions and whether it has webhooks), the
# case, COMMIT. (Before: 5 statements, 2 checkouts, 2 transactions, 11 round trips.)
BUDGETS: dict[str, tuple[int, int]] = {  # (statements, round trips)
    "stored": (2, 5),
    "store=false": (1, 4),
    "idempotency key": (4, 7),  # + the key lookup, + its row
    "idempotent replay": (2, 5),  # the key lookup answers
    "stored, with a webhook": (5, 8),  # + endpoints, + the delivery, + its job
}


def _measure(api: Api, label: str) -> Counts:
    variants: dict[str, dict[str, Any]] = {
        "store=false": {"store": False},
        "idempotency key": {"headers": {"Idempotency-Key": "k-1"}},
        "idempotent replay": {"headers": {"Idempotency-Key": "k-1"}},
    }
    kwargs = variants.get(label, {})
    with counting(api) as c:
        _moderate(api, "hello there", **kwargs)
    print(f"\n{label}: {c.line()}")
    for stmt in c.statements:
        print("   ", stmt)
    return c


def test_one_text_costs_one_transaction_and_few_statements(api: Api) -> None:
    _moderate(api, "warm up: the tenant's engine is built once")
    for label in ("stored", "store=false", "idempotency key", "idempotent replay"):
        c = _measure(api, label)
        statements, round_trips = BUDGETS[label]
        assert (c.checkouts, c.commits, c.rollbacks) == (1, 1, 0), c.line()
        assert len(c.statements) <= statements, c.statements
        assert c.round_trips <= round_trips, c.line()
    hook = {"url": "https://example.com/hook", "events": ["case.decided"]}
    _ok(api.client.post("/v1/webhooks", json=hook, headers=api.headers()), 201)
    c = _measure(api, "stored, with a webhook")
    statements, round_trips = BUDGETS["stored, with a webhook"]
    assert (c.checkouts, c.commits) == (1, 1), c.line()
    assert len(c.statements) <= statements, c.statements
    assert c.round_trips <= round_trips, c.line()


def test_changes_made_by_another_process_apply_to_the_next_request(
    api: Api, settings: Settings
) -> None:
    """The revisions a request uses are read when it authenticates: whatever another process
    (here a second app on the same database) committed before is seen by the next request of
    this one, whose engine and bank index were already built."""
    other = create_app(settings, api.db, run_worker=False)
    h = api.headers()
    with TestClient(other, raise_server_exceptions=False) as b:
        assert _moderate(api, PROFANE)["decision"]["action"] == "review"
        # a policy change
        shipped = _ok(b.get("/v1/policies/default", headers=h))["policy"]
        override = {**shipped, "lists": {**shipped.get("lists", {}), "profanity": "block"}}
        _ok(b.put("/v1/policies/default", json=override, headers=h))
        assert _moderate(api, PROFANE)["decision"]["action"] == "block"
        # a list change
        body = {"kind": "block", "label": "ads", "terms": {"en": ["glorbnik"]}}
        _ok(b.put("/v1/lists/house", json=body, headers=h))
        hits = [f["label"] for f in _moderate(api, "buy glorbnik now")["findings"]]
        assert "list:house" in hits
        # a new webhook gets the next case's event; a deleted one stops getting them
        hook = {"url": "https://example.com/hook", "events": ["case.decided"]}
        hook_id = _ok(b.post("/v1/webhooks", json=hook, headers=h), 201)["id"]
        case_id = _moderate(api, "hello")["case_id"]
        with api.db.session() as s:
            delivered = s.scalars(select(WebhookDelivery)).all()
        assert [d.payload["data"]["case_id"] for d in delivered] == [case_id]
        assert b.delete(f"/v1/webhooks/{hook_id}", headers=h).status_code == 204
        _moderate(api, "hello again")
        with api.db.session() as s:
            assert s.execute(text("SELECT count(*) FROM webhook_deliveries")).scalar_one() == 0
        # a bank change: the next request brings this process's bank index up to it
        _ok(b.post("/v1/banks", json={"name": "known"}, headers=h), 201)
        _ok(b.post("/v1/banks/known/entries", json={"hashes": ["ab" * 32]}, headers=h), 201)
        with api.db.session() as s:
            who = keys.authenticate(s, api.admin_key)
        assert who.tenant_state is not None and who.tenant_state.bank_revision >= 2
        _moderate(api, "hello")
        moderation = api.client.app.state.tamis.moderation  # type: ignore[attr-defined]
        synced = moderation.banks._by_tenant[who.tenant_id].revision
        assert synced == who.tenant_state.bank_revision
        # a revoked key
        key = _ok(b.post("/v1/keys", json={"name": "m", "scopes": ["moderate"]}, headers=h), 201)
        assert _moderate(api, "hi", headers={"Authorization": f"Bearer {key['key']}"})
        assert b.delete(f"/v1/keys/{key['id']}", headers=h).status_code == 204
        r = api.client.post(
            "/v1/moderate/text", json={"text": "hi"}, headers=api.headers(key["key"])
        )
        assert r.status_code == 401, r.text


def test_refusals_come_before_any_work(api: Api, db: Database, tamis_home: Path) -> None:
    before = _cases(api)
    # 401 before the body is looked at (a bad body too), as when authentication had its own
    # transaction
    r = api.client.post("/v1/moderate/text", json={"txt": "x"})
    assert r.status_code == 401, r.text
    # 403: a key without the scope
    body = {"name": "r", "scopes": ["review"]}
    reviewer = _ok(api.client.post("/v1/keys", json=body, headers=api.headers()), 201)["key"]
    r = api.client.post("/v1/moderate/text", json={"text": "x"}, headers=api.headers(reviewer))
    assert r.status_code == 403, r.text
    # 429: the rate limit, checked before the work
    app = create_app(small_settings(tamis_home, TAMIS_RATE_LIMIT="1"), db, run_worker=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/v1/moderate/text", json={"text": "x"}, headers=api.headers()).is_success
        with counting(api) as counts:
            r = c.post("/v1/moderate/text", json={"text": "x"}, headers=api.headers())
        assert r.status_code == 429, r.text
        assert (counts.commits, counts.rollbacks) == (0, 1) and len(counts.statements) == 1
    assert _cases(api) == before + 1


def test_many_concurrent_requests_on_a_small_pool(db: Database, settings: Settings) -> None:
    """Requests hold their connection from authentication to commit, across the hop from the
    dependency's worker thread to the route's: more requests than connections in flight must
    queue, not deadlock (every worker thread waiting for a connection held by a request
    waiting for a worker thread)."""
    with db.session() as s:
        key = keys.bootstrap(s)
    assert key is not None
    small = Database(db.url, pool_size=1)  # 1 + overflow: just over the in-flight limit
    try:
        app = create_app(settings, small, run_worker=False)
        with TestClient(app, raise_server_exceptions=False) as c:
            headers = {"Authorization": f"Bearer {key}"}
            assert c.post("/v1/moderate/text", json={"text": "warm"}, headers=headers).is_success

            def one(i: int) -> int:
                body = {"text": f"request {i}"}
                return c.post("/v1/moderate/text", json=body, headers=headers).status_code

            with ThreadPoolExecutor(max_workers=64) as pool:
                statuses = list(pool.map(one, range(128), timeout=120))
        assert statuses == [200] * 128
    finally:
        small.dispose()


def test_concurrent_requests_with_one_idempotency_key_store_one_case(api: Api) -> None:
    """The losers of the race fail on the key's row at commit, in the request's own
    transaction, and answer with the winner's stored response from a new one."""
    _moderate(api, "warm up")
    before = _cases(api)
    headers = {**api.headers(), "Idempotency-Key": "race-1"}

    def one(_: int) -> tuple[int, Any]:
        r = api.client.post("/v1/moderate/text", json={"text": "what the fuck"}, headers=headers)
        return r.status_code, r.json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(one, range(8), timeout=120))
    assert [status for status, _ in answers] == [200] * 8, answers
    assert all(body == answers[0][1] for _, body in answers)
    assert _cases(api) == before + 1
