"""The database: resolve the URL (external or embedded), apply migrations, hand out sessions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tamis.config import Settings
from tamis.errors import ServiceUnavailable
from tamis.storage.embedded import start_embedded, to_sqlalchemy_url

DATABASE_NAME = "tamis"
# The most requests that may hold a pooled connection while they wait for a worker thread
# (API routes that authenticate and work in one transaction: `api.deps`). The pool always has
# more connections than that, so those waiting can never take all of them.
IN_TRANSACTION_REQUESTS = 8
# `\u0000` escapes not preceded by an odd number of backslashes (those are literal text).
_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def json_dumps(value: Any) -> str:
    """JSON for JSONB columns. PostgreSQL refuses U+0000 in JSONB, and moderated text may hold
    it: stored values get U+FFFD in its place."""
    return _JSON_NUL.sub(r"\1\\ufffd", json.dumps(value))


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("tamis.storage").joinpath("migrations")))
    return cfg


def embedded_url(home: Path) -> str:
    """Start the embedded server under `home` and make sure the tamis database exists."""
    admin_url = start_embedded(home / "pgdata")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": DATABASE_NAME}
            ).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{DATABASE_NAME}"'))
    finally:
        admin.dispose()
    return admin_url.replace("/postgres?", f"/{DATABASE_NAME}?", 1)


class Database:
    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = url
        # Overflow connections open only under load; at least 2 are left for everything else
        # when IN_TRANSACTION_REQUESTS requests hold one each.
        max_overflow = max(pool_size, IN_TRANSACTION_REQUESTS + 2 - pool_size)
        self.engine: Engine = create_engine(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_pre_ping=True,
            pool_recycle=1800,
            json_serializer=json_dumps,
        )
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def check(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            raise ServiceUnavailable(
                f"cannot reach the database: {exc.orig}",
                hint="Is PostgreSQL running? Check TAMIS_DATABASE_URL.",
            ) from None

    def migrate(self, revision: str = "head") -> None:
        """Apply migrations up to `revision` (schema changes never drop data)."""
        cfg = _alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except Exception:
                return None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings) -> Database:
    """The configured database (external URL, or the embedded server), migrated to head."""
    url = settings.database_url or embedded_url(settings.home)
    db = Database(to_sqlalchemy_url(url) if settings.database_url else url)
    db.check()
    db.migrate()
    return db
