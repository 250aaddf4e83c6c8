"""The durable tasks. Each is idempotent: running it twice (a retried stalled job) leaves the
same state as running it once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import procrastinate
from sqlalchemy import delete, select

from tamis.api.fetching import fetch_policy
from tamis.errors import TamisError, UnsupportedMedia
from tamis.jobs.queue import QUEUE, defer
from tamis.jobs.runtime import runtime
from tamis.services import webhooks
from tamis.services.jobs import MODERATE_TASK
from tamis.services.keys import Principal
from tamis.services.moderation import TextItem
from tamis.sinks.webhook_delivery import MAX_ATTEMPTS, backoff_schedule, deliver
from tamis.storage.models import Job, MediaObject, Tenant, Webhook, WebhookDelivery

tasks = procrastinate.Blueprint()

PURGE_TASK = "tamis.purge_media"


@tasks.task(name=webhooks.DELIVER_TASK, queue=QUEUE)
def deliver_webhook(delivery_id: str) -> None:
    rt = runtime()
    with rt.db.session() as s:
        d = s.get(WebhookDelivery, uuid.UUID(delivery_id), with_for_update=True)
        if d is None or d.status != "pending":
            return
        if d.webhook_id is not None:
            hook = s.get(Webhook, d.webhook_id)
            if hook is None or not hook.active:
                d.status, d.last_error = "failed", "endpoint deleted or disabled"
                return
            url, secret = hook.url, hook.secret
        else:
            url, secret = d.url or "", d.secret or ""
        event_type, event_id, payload = d.event_type, str(d.event_id), dict(d.payload)
    # The network call holds no database lock; delivery is at least once (receivers
    # de-duplicate on Tamis-Event-Id). `deliver` checks the target like any server-side fetch
    # and connects to the address it checked (no second lookup, so no DNS rebinding): a name
    # resolving to a private address is refused unless the operator allowed it, and a refusal
    # is final.
    result = deliver(url, secret, event_type, event_id, payload, policy=fetch_policy(rt.settings))
    with rt.db.session() as s:
        d = s.get(WebhookDelivery, uuid.UUID(delivery_id), with_for_update=True)
        if d is None or d.status != "pending":
            return
        d.attempts += 1
        d.last_status_code, d.last_error = result.status_code, result.error
        if result.ok:
            d.status, d.delivered_at = "delivered", datetime.now(UTC)
        elif result.refused or d.attempts >= MAX_ATTEMPTS:
            d.status = "failed"
        else:
            at = datetime.now(UTC) + timedelta(seconds=backoff_schedule(d.attempts))
            defer(s, webhooks.DELIVER_TASK, {"delivery_id": delivery_id}, scheduled_at=at)


@tasks.task(name=MODERATE_TASK, queue=QUEUE)
def moderate_job(job_id: str) -> None:
    rt = runtime()
    with rt.db.session() as s:
        job = s.get(Job, uuid.UUID(job_id), with_for_update=True)
        if job is None or job.status in ("done", "failed"):
            return
        job.status, job.attempts, job.updated_at = "running", job.attempts + 1, datetime.now(UTC)
    try:
        with rt.db.session() as s:
            job = s.get(Job, uuid.UUID(job_id), with_for_update=True)
            if job is None or job.status in ("done", "failed"):
                return
            tenant = s.get(Tenant, job.tenant_id)
            assert tenant is not None
            who = Principal(uuid.UUID(int=0), tenant.id, tenant.name, frozenset({"moderate"}))
            result = _run(s, rt, who, job)
            job.status, job.result, job.updated_at = "done", result, datetime.now(UTC)
            _completed(s, who, job)
    except TamisError as exc:
        with rt.db.session() as s:
            job = s.get(Job, uuid.UUID(job_id), with_for_update=True)
            if job is None or job.status in ("done", "failed"):
                return
            job.status, job.error, job.updated_at = "failed", exc.to_dict(), datetime.now(UTC)
            tenant = s.get(Tenant, job.tenant_id)
            assert tenant is not None
            who = Principal(uuid.UUID(int=0), tenant.id, tenant.name, frozenset())
            _completed(s, who, job)


def _run(s: Any, rt: Any, who: Principal, job: Job) -> dict[str, Any]:
    req = job.request
    if job.kind == "text_batch":
        items = [TextItem(i["id"], i["text"]) for i in req["items"]]
        results = rt.moderation.moderate_texts(s, who, items, req.get("policy", "default"))
        return {"results": results}
    raise UnsupportedMedia(
        f"no {job.kind} decoder is installed in this version of tamis",
        hint="Video and audio moderation land with their own issues; the job was kept.",
    )


def _completed(s: Any, who: Principal, job: Job) -> None:
    data = {
        "job_id": str(job.id),
        "status": job.status,
        "kind": job.kind,
        "error": job.error,
        "result": job.result,
    }
    webhooks.emit(s, who.tenant_id, who.tenant_name, "job.completed", data)
    callback = job.request.get("callback")
    if job.callback_url and callback:
        event = webhooks.envelope(who.tenant_name, "job.completed", data)
        d = WebhookDelivery(
            tenant_id=who.tenant_id,
            webhook_id=None,
            url=job.callback_url,
            secret=callback["secret"],
            event_id=uuid.UUID(event["id"]),
            event_type="job.completed",
            payload=event,
        )
        s.add(d)
        s.flush()
        defer(s, webhooks.DELIVER_TASK, {"delivery_id": str(d.id)})


@tasks.periodic(cron="17 * * * *", periodic_id="hourly")
@tasks.task(name=PURGE_TASK, queue=QUEUE, queueing_lock=PURGE_TASK)
def purge_media(timestamp: int | None = None) -> int:
    """Delete stored media past its retention date."""
    from tamis.mediastore import FileMediaStore

    rt = runtime()
    store = FileMediaStore(rt.settings.media_dir)
    now = datetime.now(UTC)
    with rt.db.session() as s:
        expired = s.execute(
            select(MediaObject.tenant_id, MediaObject.sha256).where(MediaObject.expires_at < now)
        ).all()
        s.execute(delete(MediaObject).where(MediaObject.expires_at < now))
        still_used = set(s.scalars(select(MediaObject.sha256)).all())
    for _, sha in expired:
        if sha not in still_used and store.exists(sha):
            store.delete(sha)
    return len(expired)


@tasks.task(name="tamis.bank_index", queue=QUEUE)
def bank_index(tenant_id: str) -> int:
    """Bring a tenant's hash-bank index snapshot up to date (see tamis.services.banks)."""
    from tamis.services import banks

    rt = runtime()
    with rt.db.session() as s:
        return banks.build_snapshot(s, rt.settings, uuid.UUID(tenant_id))
