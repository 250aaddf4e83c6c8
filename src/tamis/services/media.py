"""Media kept by policy: bytes in the content-addressed store, a row per tenant with its
expiry; the purge job deletes what expired."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from tamis.mediastore import MediaStore
from tamis.storage.models import MediaObject


def keep(
    s: Session,
    store: MediaStore,
    tenant_id: uuid.UUID,
    data: bytes,
    *,
    retention_days: int,
    mime: str | None = None,
) -> str:
    """Store `data` (idempotent by content) and (re)set its expiry for this tenant."""
    sha = store.put(data)
    expires = datetime.now(UTC) + timedelta(days=retention_days)
    s.execute(
        insert(MediaObject)
        .values(
            tenant_id=tenant_id,
            sha256=sha,
            size=len(data),
            mime=mime,
            expires_at=expires,
        )
        .on_conflict_do_update(index_elements=["tenant_id", "sha256"], set_={"expires_at": expires})
    )
    return sha
