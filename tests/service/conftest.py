"""Service tests run against a real PostgreSQL: the embedded server, started once per test
session in a temporary folder; every test gets its own database cloned from a migrated
template, so tests never see each other's rows."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tamis.api.app import create_app
from tamis.config import Settings
from tamis.services import keys
from tamis.storage.db import Database
from tamis.storage.embedded import start_embedded, stop_embedded

TEMPLATE = "tamis_template"


@dataclass
class PgServer:
    data_dir: Path
    admin_url: str

    def url(self, database: str) -> str:
        return self.admin_url.replace("/postgres?", f"/{database}?", 1)

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"'))
        finally:
            admin.dispose()
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    # Outside pytest's own temporary root: the server runs as another system user, and pytest
    # resets that root to mode 0700 at every start.
    root = Path(tempfile.mkdtemp(prefix="tamis-test-pg-"))
    data_dir = root / "pgdata"
    admin_url = start_embedded(data_dir)
    server = PgServer(data_dir, admin_url)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{TEMPLATE}"'))
    admin.dispose()
    template = Database(server.url(TEMPLATE))
    template.migrate()
    template.dispose()
    yield server
    stop_embedded(data_dir)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def db(pg_server: PgServer) -> Iterator[Database]:
    database = Database(pg_server.create_database(), pool_size=5)
    yield database
    database.dispose()


@pytest.fixture
def settings(tamis_home: Path) -> Settings:
    return Settings.from_env({"TAMIS_HOME": str(tamis_home), "TAMIS_WORKER": "false"})


@dataclass
class Api:
    client: TestClient
    admin_key: str
    db: Database

    def headers(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.admin_key}"}


@pytest.fixture
def api(db: Database, settings: Settings) -> Iterator[Api]:
    """The real app in-process (no socket), on a fresh database, with the bootstrap key."""
    with db.session() as s:
        key = keys.bootstrap(s)
    assert key is not None
    app = create_app(settings, db, run_worker=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, key, db)
