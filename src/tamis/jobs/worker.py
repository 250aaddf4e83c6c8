"""Workers: `tamis worker` standalone, or inside `tamis serve`. A worker killed mid-job (even
with SIGKILL) stops sending heartbeats; every worker periodically re-queues the jobs of
workers silent for longer than `stalled_after_s`, so the job completes elsewhere."""

from __future__ import annotations

import asyncio
import logging

import procrastinate

from tamis.config import Settings
from tamis.jobs.queue import QUEUE
from tamis.jobs.runtime import Runtime, set_runtime
from tamis.jobs.tasks import tasks
from tamis.services.moderation import ModerationService
from tamis.storage.db import Database

log = logging.getLogger("tamis.worker")


def conninfo(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+psycopg://", "postgresql://", 1)


def make_app(db_url: str) -> procrastinate.App:
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(db_url)))
    app.add_tasks_from(tasks, namespace="")
    return app


async def retry_stalled(app: procrastinate.App, stalled_after_s: float) -> int:
    stalled = list(
        await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after_s)
    )
    for job in stalled:
        log.warning("re-queueing stalled job %s (%s)", job.id, job.task_name)
        await app.job_manager.retry_job(job)
    return len(stalled)


async def _stalled_loop(app: procrastinate.App, stalled_after_s: float) -> None:
    while True:
        try:
            await retry_stalled(app, stalled_after_s)
        except Exception:  # keep checking: a transient database error must not stop it
            log.exception("stalled-job check failed")
        await asyncio.sleep(max(1.0, stalled_after_s / 3))


async def run_worker_async(
    settings: Settings,
    db: Database,
    moderation: ModerationService,
    *,
    concurrency: int = 2,
    heartbeat_s: float = 2.0,
    stalled_after_s: float = 10.0,
    install_signal_handlers: bool = True,
) -> None:
    set_runtime(Runtime(settings, db, moderation))
    app = make_app(db.url)
    async with app.open_async():
        checker = asyncio.create_task(_stalled_loop(app, stalled_after_s))
        try:
            await app.run_worker_async(
                queues=[QUEUE],
                concurrency=concurrency,
                wait=True,
                update_heartbeat_interval=heartbeat_s,
                stalled_worker_timeout=stalled_after_s,
                install_signal_handlers=install_signal_handlers,
                delete_jobs="successful",
            )
        finally:
            checker.cancel()
