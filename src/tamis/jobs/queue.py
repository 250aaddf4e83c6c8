"""Enqueue a job inside the caller's transaction, so a job exists if and only if the row that
needs it (case, delivery, job record) was committed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

QUEUE = "tamis"

_DEFER = text(
    "SELECT unnest(procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, :priority, :lock, "
    ":queueing_lock, CAST(:args AS jsonb), CAST(:scheduled_at AS timestamptz))"
    "::procrastinate_job_to_defer_v1]))"
)


def defer(
    s: Session,
    task: str,
    args: dict[str, Any],
    *,
    lock: str | None = None,
    scheduled_at: datetime | None = None,
    priority: int = 0,
) -> int:
    """Insert a procrastinate job in this session's transaction; returns its id."""
    job_id = s.execute(
        _DEFER,
        {
            "queue": QUEUE,
            "task": task,
            "priority": priority,
            "lock": lock,
            "queueing_lock": None,
            "args": json.dumps(args),
            "scheduled_at": scheduled_at.isoformat() if scheduled_at else None,
        },
    ).scalar_one()
    return int(job_id)


def depth(s: Session) -> dict[str, int]:
    """Jobs per status in the tamis queue (for /metrics)."""
    rows = s.execute(
        text(
            "SELECT status::text, count(*) FROM procrastinate_jobs WHERE queue_name = :q "
            "AND status IN ('todo', 'doing') GROUP BY status"
        ),
        {"q": QUEUE},
    ).all()
    return {str(status): int(n) for status, n in rows}
