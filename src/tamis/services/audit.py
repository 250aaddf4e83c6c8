"""Audit log of every change to policies, lists, keys and webhooks: who, what, when, before
and after."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tamis.storage.models import AuditEntry


def record(
    s: Session,
    tenant_id: uuid.UUID,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    s.add(
        AuditEntry(
            tenant_id=tenant_id,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
        )
    )


def entries(
    s: Session, tenant_id: uuid.UUID, *, limit: int = 100, before_id: int | None = None
) -> list[dict[str, Any]]:
    q = select(AuditEntry).where(AuditEntry.tenant_id == tenant_id)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    rows = s.scalars(q.order_by(AuditEntry.id.desc()).limit(limit)).all()
    return [
        {
            "id": r.id,
            "actor": r.actor,
            "action": r.action,
            "object_type": r.object_type,
            "object_id": r.object_id,
            "before": r.before,
            "after": r.after,
            "at": r.at.isoformat(),
        }
        for r in rows
    ]
