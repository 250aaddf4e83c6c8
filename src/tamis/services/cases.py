"""Stored moderation results: write, filter, page through with a cursor."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from tamis.errors import InputError, NotFound
from tamis.findings import ModerationResult
from tamis.storage.models import Case


def store(
    s: Session,
    tenant_id: uuid.UUID,
    result: ModerationResult,
    *,
    keep_text: bool,
    media_sha256: str | None = None,
) -> Case:
    data = result.to_dict()
    if keep_text and isinstance(result.media.data, str):
        data["text"] = result.media.data
    case = Case(
        tenant_id=tenant_id,
        external_id=result.media.id[:256].replace("\x00", "\ufffd"),  # no NUL in PostgreSQL
        modality=str(result.media.modality),
        policy_name=result.decision.policy_name,
        policy_version=result.decision.policy_version,
        action=str(result.decision.action),
        labels=list(result.labels),
        result=data,
        media_sha256=media_sha256,
    )
    s.add(case)
    s.flush()
    return case


def view(c: Case) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "external_id": c.external_id,
        "modality": c.modality,
        "action": c.action,
        "labels": list(c.labels),
        "policy": c.policy_name,
        "policy_version": c.policy_version,
        "created_at": c.created_at.isoformat(),
        "result": c.result,
    }


def get(s: Session, tenant_id: uuid.UUID, case_id: uuid.UUID) -> dict[str, Any]:
    c = s.scalar(select(Case).where(Case.tenant_id == tenant_id, Case.id == case_id))
    if c is None:
        raise NotFound(f"no case {case_id}", hint="GET /v1/cases lists this tenant's cases.")
    return view(c)


def _encode(c: Case) -> str:
    return base64.urlsafe_b64encode(f"{c.created_at.isoformat()}|{c.id}".encode()).decode()


def _decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        at, cid = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(at), uuid.UUID(cid)
    except (ValueError, UnicodeDecodeError):
        raise InputError("invalid cursor", hint="Pass back the next_cursor you got.") from None


def search(
    s: Session,
    tenant_id: uuid.UUID,
    *,
    action: str | None = None,
    label: str | None = None,
    policy: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    q = select(Case).where(Case.tenant_id == tenant_id)
    if action:
        q = q.where(Case.action == action)
    if label:
        q = q.where(Case.labels.contains([label]))
    if policy:
        q = q.where(Case.policy_name == policy)
    if since:
        q = q.where(Case.created_at >= since)
    if until:
        q = q.where(Case.created_at < until)
    if cursor:
        at, cid = _decode(cursor)
        q = q.where(tuple_(Case.created_at, Case.id) < tuple_(at, cid))
    rows = s.scalars(q.order_by(Case.created_at.desc(), Case.id.desc()).limit(limit + 1)).all()
    page = rows[:limit]
    return {
        "items": [view(c) for c in page],
        "next_cursor": _encode(page[-1]) if len(rows) > limit else None,
    }
