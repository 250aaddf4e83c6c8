"""Job records: created with their queue entry in one transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tamis.errors import NotFound
from tamis.jobs.queue import defer
from tamis.mediastore import MediaStore
from tamis.net.safe_fetch import FetchPolicy, check_target
from tamis.services.keys import Principal
from tamis.services.media import keep
from tamis.sinks.webhook_signing import new_secret
from tamis.storage.models import Job

MODERATE_TASK = "tamis.moderate_job"


def view(job: Job) -> dict[str, Any]:
    return {
        "id": str(job.id),
        "kind": job.kind,
        "status": job.status,
        "policy": job.request.get("policy"),
        "attempts": job.attempts,
        "callback_url": job.callback_url,
        "result": job.result,
        "error": job.error,
        "created_at": job.created_at.isoformat(),
        "updated_at": job.updated_at.isoformat(),
    }


def create(
    s: Session,
    who: Principal,
    kind: str,
    items: list[dict[str, Any]],
    policy: str,
    callback_url: str | None,
    media: bytes | None,
    store: MediaStore,
    retention_days: int = 30,
    fetch_policy: FetchPolicy | None = None,
) -> dict[str, Any]:
    request: dict[str, Any] = {"policy": policy}
    if kind == "text_batch":
        request["items"] = [
            {"id": it.get("id") or str(i), "text": it["text"]} for i, it in enumerate(items)
        ]
    if media is not None:
        request["media_sha256"] = keep(
            s, store, who.tenant_id, media, retention_days=retention_days
        )
    secret = None
    if callback_url is not None:
        check_target(callback_url, fetch_policy, resolve=False)
        secret = new_secret()
        request["callback"] = {"secret": secret}
    job = Job(
        tenant_id=who.tenant_id,
        status="queued",
        kind=kind,
        request=request,
        callback_url=callback_url,
    )
    s.add(job)
    s.flush()
    defer(s, MODERATE_TASK, {"job_id": str(job.id)})
    out = view(job)
    if secret is not None:
        out["callback_secret"] = secret  # shown once: verifies the callback's signature
    return out


def get(s: Session, tenant_id: uuid.UUID, job_id: uuid.UUID) -> dict[str, Any]:
    job = s.scalar(select(Job).where(Job.tenant_id == tenant_id, Job.id == job_id))
    if job is None:
        raise NotFound(f"no job {job_id}", hint="Use the id POST /v1/jobs returned.")
    return view(job)
