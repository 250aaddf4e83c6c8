"""Alembic environment: run with the connection that tamis.storage.db.migrate passes in."""

from __future__ import annotations

from alembic import context

from tamis.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through tamis.storage.db.Database.migrate()")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    compare_type=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
