"""`tamis serve`, `tamis worker`, `tamis keys`."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import select

from tamis.cli.common import console, print_json
from tamis.config import Settings
from tamis.errors import NotFound
from tamis.services import keys as key_service
from tamis.storage.db import Database, open_database
from tamis.storage.models import Tenant

keys_app = typer.Typer(no_args_is_help=True, help="API keys, from the server's machine.")


def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (TAMIS_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (TAMIS_PORT).")] = None,
    worker: Annotated[bool | None, typer.Option(help="Run a job worker in-process.")] = None,
) -> None:
    """Run the REST API (and a job worker) on the configured or embedded PostgreSQL."""
    import uvicorn

    from tamis.api.app import create_app

    settings = Settings.from_env()
    db = open_database(settings)
    with db.session() as s:
        new_key = key_service.bootstrap(s)
    bind_host, bind_port = host or settings.host, port or settings.port
    url = f"http://{bind_host}:{bind_port}"
    console.print(f"tamis serving on {url}  (API docs {url}/docs, data in {settings.home})")
    if new_key:
        console.print(f"admin API key (shown once, keep it): {new_key}", style="bold")
        console.print(
            f"try: curl -s {url}/v1/moderate/text -H 'Authorization: Bearer {new_key}' "
            "-H 'Content-Type: application/json' -d '{\"text\": \"what the f*ck\"}'"
        )
    else:
        console.print(
            "admin key: printed at first start; make another with "
            "`tamis keys create --scopes moderate,review,admin`"
        )
    app = create_app(settings, db, run_worker=worker)
    uvicorn.run(app, host=bind_host, port=bind_port, log_level="warning", access_log=False)


def worker(
    concurrency: Annotated[int, typer.Option(help="Jobs run at once.")] = 2,
    stalled_after: Annotated[
        float, typer.Option(help="Seconds without heartbeat before a worker's jobs are re-queued.")
    ] = 10.0,
) -> None:
    """Run a standalone job worker against the same database as the API."""
    from tamis.jobs.worker import run_worker_async
    from tamis.services.moderation import ModerationService

    settings = Settings.from_env()
    db = open_database(settings)
    console.print(f"tamis worker: concurrency {concurrency}, database {_safe(db.url)}")
    asyncio.run(
        run_worker_async(
            settings,
            db,
            ModerationService(settings),
            concurrency=concurrency,
            stalled_after_s=stalled_after,
        )
    )


def _safe(url: str) -> str:
    head, _, tail = url.partition("@")
    return f"{head.split(':')[0]}:***@{tail}" if tail else url


def _tenant_id(db: Database, name: str) -> uuid.UUID:
    with db.session() as s:
        tid = s.scalar(select(Tenant.id).where(Tenant.name == name))
    if tid is None:
        raise NotFound(f"no tenant named {name!r}", hint="Tenants are created via the API.")
    return tid


@keys_app.command("create")
def keys_create(
    scopes: Annotated[
        str, typer.Option(help="Comma-separated: moderate,review,admin,tenants")
    ] = "moderate",
    name: Annotated[str, typer.Option()] = "cli",
    tenant: Annotated[str, typer.Option()] = key_service.DEFAULT_TENANT,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create a key; it is printed once."""
    db = open_database(Settings.from_env())
    tid = _tenant_id(db, tenant)
    with db.session() as s:
        info, raw = key_service.create_key(s, tid, name, scopes.split(","), actor="cli")
    if as_json:
        print_json({**info, "key": raw})
    else:
        console.print(f"{raw}\n(shown once; scopes {', '.join(info['scopes'])})")


@keys_app.command("list")
def keys_list(tenant: Annotated[str, typer.Option()] = key_service.DEFAULT_TENANT) -> None:
    """Keys of a tenant (never their secrets)."""
    db = open_database(Settings.from_env())
    tid = _tenant_id(db, tenant)
    with db.session() as s:
        rows = key_service.list_keys(s, tid)
    table = Table("id", "name", "prefix", "scopes", "created", "revoked")
    for k in rows:
        table.add_row(
            k["id"],
            k["name"],
            k["prefix"],
            ",".join(k["scopes"]),
            k["created_at"] or "",
            k["revoked_at"] or "",
        )
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(
    key_id: uuid.UUID, tenant: Annotated[str, typer.Option()] = key_service.DEFAULT_TENANT
) -> None:
    """Revoke a key at once."""
    db = open_database(Settings.from_env())
    tid = _tenant_id(db, tenant)
    with db.session() as s:
        key_service.revoke_key(s, tid, key_id, actor="cli")
    console.print(f"revoked {key_id}")
