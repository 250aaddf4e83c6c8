"""Webhook endpoints, events and the delivery log. Each delivery is a durable job."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tamis.errors import InputError, NotFound
from tamis.jobs.queue import defer
from tamis.net.safe_fetch import FetchPolicy, check_target
from tamis.services import audit
from tamis.sinks.webhook_signing import new_secret
from tamis.storage.models import Webhook, WebhookDelivery

EVENTS = ("case.decided", "job.completed", "review.decided", "test")
DELIVER_TASK = "tamis.deliver_webhook"


def _view(h: Webhook, *, secret: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": str(h.id),
        "url": h.url,
        "events": list(h.events),
        "active": h.active,
        "created_at": h.created_at.isoformat(),
    }
    if secret:
        out["secret"] = h.secret
    return out


def create(
    s: Session,
    tenant_id: uuid.UUID,
    url: str,
    events: list[str],
    *,
    actor: str,
    fetch_policy: FetchPolicy | None = None,
) -> dict[str, Any]:
    """`url` must be an http(s) endpoint; literal private addresses are refused unless the
    operator allow-listed them (host names are checked again at each delivery)."""
    check_target(url, fetch_policy, resolve=False)
    bad = [e for e in events if e not in EVENTS]
    if bad or not events:
        raise InputError(
            f"unknown or missing events: {bad or events}",
            hint="Events are: " + ", ".join(EVENTS[:-1]) + ".",
        )
    hook = Webhook(tenant_id=tenant_id, url=url, secret=new_secret(), events=sorted(set(events)))
    s.add(hook)
    s.flush()
    audit.record(s, tenant_id, actor, "webhook.create", "webhook", str(hook.id), None, _view(hook))
    return _view(hook, secret=True)


def _get(s: Session, tenant_id: uuid.UUID, hook_id: uuid.UUID) -> Webhook:
    hook = s.scalar(select(Webhook).where(Webhook.tenant_id == tenant_id, Webhook.id == hook_id))
    if hook is None:
        raise NotFound(f"no webhook {hook_id}", hint="GET /v1/webhooks lists them.")
    return hook


def list_all(s: Session, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    return [
        _view(h)
        for h in s.scalars(
            select(Webhook).where(Webhook.tenant_id == tenant_id).order_by(Webhook.created_at)
        ).all()
    ]


def delete(s: Session, tenant_id: uuid.UUID, hook_id: uuid.UUID, *, actor: str) -> None:
    hook = _get(s, tenant_id, hook_id)
    before = _view(hook)
    s.delete(hook)
    audit.record(s, tenant_id, actor, "webhook.delete", "webhook", str(hook_id), before, None)


def deliveries(
    s: Session, tenant_id: uuid.UUID, hook_id: uuid.UUID, limit: int = 100
) -> list[dict[str, Any]]:
    _get(s, tenant_id, hook_id)
    rows = s.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.tenant_id == tenant_id, WebhookDelivery.webhook_id == hook_id)
        .order_by(WebhookDelivery.created_at.desc())
        .limit(limit)
    ).all()
    return [
        {
            "id": str(d.id),
            "event_id": str(d.event_id),
            "event_type": d.event_type,
            "status": d.status,
            "attempts": d.attempts,
            "last_status_code": d.last_status_code,
            "last_error": d.last_error,
            "created_at": d.created_at.isoformat(),
            "delivered_at": d.delivered_at.isoformat() if d.delivered_at else None,
        }
        for d in rows
    ]


def envelope(tenant_name: str, event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "created_at": datetime.now(UTC).isoformat(),
        "tenant": tenant_name,
        "data": data,
    }


def emit(
    s: Session,
    tenant_id: uuid.UUID,
    tenant_name: str,
    event_type: str,
    data: dict[str, Any],
    *,
    only: uuid.UUID | None = None,
) -> int:
    """Record a delivery per subscribed endpoint and enqueue it, in the caller's transaction."""
    q = select(Webhook).where(Webhook.tenant_id == tenant_id, Webhook.active.is_(True))
    q = q.where(Webhook.id == only) if only else q.where(Webhook.events.contains([event_type]))
    count = 0
    for hook in s.scalars(q).all():
        event = envelope(tenant_name, event_type, data)
        delivery = WebhookDelivery(
            tenant_id=tenant_id,
            webhook_id=hook.id,
            event_id=uuid.UUID(event["id"]),
            event_type=event_type,
            payload=event,
        )
        s.add(delivery)
        s.flush()
        defer(s, DELIVER_TASK, {"delivery_id": str(delivery.id)})
        count += 1
    return count


def send_test(
    s: Session, tenant_id: uuid.UUID, tenant_name: str, hook_id: uuid.UUID
) -> dict[str, Any]:
    _get(s, tenant_id, hook_id)
    emit(s, tenant_id, tenant_name, "test", {"message": "tamis test event"}, only=hook_id)
    return {"queued": True}
