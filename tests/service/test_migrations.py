"""Migrations: upgrading an existing database keeps every row, and the tables the migrations
build are the ones the SQLAlchemy models describe."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from tamis.jobs.queue import defer
from tamis.services import cases, jobs, keys, webhooks
from tamis.storage.db import Database
from tamis.storage.models import Base
from tests.service.conftest import PgServer

# Tables of tamis's own, in an order where every foreign key points backwards.
TABLES = (
    "tenants",
    "api_keys",
    "policies",
    "term_lists",
    "cases",
    "jobs",
    "webhooks",
    "webhook_deliveries",
    "idempotency_keys",
    "audit_log",
    "media_objects",
)


def _head() -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("tamis.storage").joinpath("migrations")))
    return ScriptDirectory.from_config(cfg).get_current_head()


@pytest.fixture
def empty_db(pg_server: PgServer) -> Iterator[Database]:
    """A new, empty database (not a copy of the migrated template)."""
    name = f"m_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        database = Database(pg_server.url(name), pool_size=2)
        yield database
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.engine.connect() as conn:
        out = {
            table: [
                dict(row._mapping)
                for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
            ]
            for table in TABLES
        }
        out["procrastinate_jobs"] = [
            dict(row._mapping)
            for row in conn.execute(
                text("SELECT id, queue_name, task_name, args, status FROM procrastinate_jobs")
            )
        ]
    return out


RAW_KEY = "tms_0a1b2c3d_an-old-key-made-before-the-upgrade"

# One row in every table, written with plain SQL: at revision 0002 the models are ahead of
# the schema (tenants.config_revision does not exist yet).
SEED = """
INSERT INTO tenants (id, name) VALUES (:tenant, 'acme');
INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes)
    VALUES (:key, :tenant, 'old key', '0a1b2c3d', :key_hash, ARRAY['moderate', 'review', 'admin']);
INSERT INTO policies (id, tenant_id, name, version, digest, body)
    VALUES (:policy, :tenant, 'strict', 3, 'd1g3st', '{"name": "strict", "rules": [1, 2]}');
INSERT INTO term_lists (id, tenant_id, name, body, revision)
    VALUES (:list, :tenant, 'brands', '{"terms": {"en": ["acme"]}}', 7);
INSERT INTO cases (id, tenant_id, external_id, modality, policy_name, policy_version, action,
                   labels, result, media_sha256)
    VALUES (:case, :tenant, 'post-42', 'text', 'default', 'v1', 'review',
            ARRAY['list:profanity'], '{"decision": {"action": "review"}}', NULL);
INSERT INTO jobs (id, tenant_id, status, kind, request, callback_url, case_id, result,
                  attempts)
    VALUES (:job, :tenant, 'done', 'text_batch', '{"policy": "default", "items": []}',
            'https://example.invalid/cb', :case, '{"results": []}', 1);
INSERT INTO webhooks (id, tenant_id, url, secret, events)
    VALUES (:hook, :tenant, 'https://example.invalid/hook', 'whsec_old',
            ARRAY['case.decided']);
INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, event_id, event_type, payload,
                                status, attempts, last_status_code)
    VALUES (:delivery, :tenant, :hook, :event, 'case.decided', '{"id": "e"}', 'delivered', 1,
            200);
INSERT INTO idempotency_keys (tenant_id, key, request_hash, status_code, body)
    VALUES (:tenant, 'idem-1', 'abc', 200, '{"results": []}');
INSERT INTO audit_log (tenant_id, actor, action, object_type, object_id, before, after)
    VALUES (:tenant, 'cli', 'webhook.create', 'webhook', 'w', NULL, '{"url": "u"}');
INSERT INTO media_objects (tenant_id, sha256, size, mime, expires_at)
    VALUES (:tenant, :sha, 1234, 'image/png', now() + interval '30 days');
"""


def test_upgrade_from_0002_keeps_every_row(empty_db: Database) -> None:
    empty_db.migrate("0002")
    assert empty_db.current_revision() == "0002"
    ids = {
        name: uuid.uuid4()
        for name in ("tenant", "key", "policy", "list", "case", "job", "hook", "delivery")
    }
    params: dict[str, Any] = {
        **ids,
        "event": uuid.uuid4(),
        "key_hash": hashlib.sha256(RAW_KEY.encode()).hexdigest(),
        "sha": "ab" * 32,
    }
    with empty_db.session() as s:
        for statement in SEED.split(";"):
            if statement.strip():
                s.execute(text(statement), params)
        queued = defer(s, webhooks.DELIVER_TASK, {"delivery_id": str(ids["delivery"])})
    before = _snapshot(empty_db)
    assert all(len(rows) == 1 for rows in before.values()), before

    empty_db.migrate("head")
    assert empty_db.current_revision() == _head()
    after = _snapshot(empty_db)
    (tenant,) = after["tenants"]
    assert tenant.pop("config_revision") == 0  # the new column, with its default
    assert after == before

    # The old rows are usable through the services after the upgrade.
    with empty_db.session() as s:
        who = keys.authenticate(s, RAW_KEY)
        assert who.tenant_id == ids["tenant"] and who.tenant_name == "acme"
        assert jobs.get(s, who.tenant_id, ids["job"])["status"] == "done"
        assert cases.get(s, who.tenant_id, ids["case"])["external_id"] == "post-42"
        assert [h["id"] for h in webhooks.list_all(s, who.tenant_id)] == [str(ids["hook"])]
        assert webhooks.deliveries(s, who.tenant_id, ids["hook"])[0]["status"] == "delivered"
    assert [j["id"] for j in after["procrastinate_jobs"]] == [queued]


def test_models_match_the_migrations(empty_db: Database) -> None:
    empty_db.migrate("head")

    def ours(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
        return not str(table or "").startswith("procrastinate_")

    with empty_db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "compare_server_default": True, "include_object": ours},
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
