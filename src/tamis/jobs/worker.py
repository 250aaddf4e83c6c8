"""Workers: `tamis worker` standalone, or inside `tamis serve`. A worker killed mid-job (even
with SIGKILL) stops sending heartbeats; every worker periodically re-queues the jobs of
workers silent for longer than `stalled_after_s`, so the job completes elsewhere."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Coroutine
from typing import Any

import procrastinate

from tamis.config import Settings
from tamis.jobs.queue import QUEUE
from tamis.jobs.runtime import Runtime, set_runtime
from tamis.jobs.tasks import tasks
from tamis.services.moderation import ModerationService
from tamis.storage.db import Database

log = logging.getLogger("tamis.worker")
_RESTART_MIN_S, _RESTART_MAX_S = 1.0, 30.0


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
    # procrastinate stops its worker when the database goes away (a side task fails); this
    # worker starts it again until asked to stop: by cancellation, or SIGINT/SIGTERM when
    # `install_signal_handlers` (graceful; a second signal ends the process at once).
    loop = asyncio.get_running_loop()
    stop_requested = False
    current: asyncio.Task[None] | None = None

    def on_signal() -> None:
        nonlocal stop_requested
        stop_requested = True
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        if current is not None:
            current.cancel()  # procrastinate finishes the running jobs, then stops

    async def stopped_by_signal(step: Coroutine[Any, Any, None]) -> bool:
        nonlocal current
        if stop_requested:
            step.close()
            return True
        current = asyncio.create_task(step)
        try:
            await current
        except asyncio.CancelledError:
            if stop_requested:
                return True
            raise  # cancelled from outside (`tamis serve` stopping)
        return False

    if install_signal_handlers:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal)
    async with app.open_async():
        checker = asyncio.create_task(_stalled_loop(app, stalled_after_s))
        delay = _RESTART_MIN_S / 2
        try:
            while True:
                started = loop.time()
                try:
                    run = app.run_worker_async(
                        queues=[QUEUE],
                        concurrency=concurrency,
                        wait=True,
                        update_heartbeat_interval=heartbeat_s,
                        stalled_worker_timeout=stalled_after_s,
                        install_signal_handlers=False,
                        delete_jobs="successful",
                    )
                    if await stopped_by_signal(run):
                        break
                    log.warning("job worker stopped (database unreachable?)")
                except Exception:
                    log.exception("job worker failed")
                long_run = loop.time() - started > 60
                delay = _RESTART_MIN_S if long_run else min(delay * 2, _RESTART_MAX_S)
                log.warning("restarting the job worker in %g s", delay)
                if await stopped_by_signal(asyncio.sleep(delay)):
                    break
        finally:
            checker.cancel()
            if install_signal_handlers and not stop_requested:
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(sig)
