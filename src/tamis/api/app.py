"""The FastAPI application. `create_app` takes a ready database; `tamis serve` starts it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

import tamis
from tamis.api import errors
from tamis.api.middleware import LimitsAndMetrics
from tamis.api.routes import admin, banks, cases, health, images, jobs, moderate
from tamis.api.state import AppState, RateLimiter
from tamis.config import Settings
from tamis.mediastore import FileMediaStore
from tamis.services.moderation import ModerationService
from tamis.storage.db import Database

log = logging.getLogger("tamis.api")


def warm_up() -> None:
    """Load the language model and the shipped detectors before the first request."""
    from tamis.decoding.language import identify
    from tamis.detectors import registry

    identify("warm up")
    for name in registry.names():
        registry.get(name)


def create_app(settings: Settings, db: Database, *, run_worker: bool | None = None) -> FastAPI:
    state = AppState(
        settings=settings,
        db=db,
        moderation=ModerationService(settings),
        media=FileMediaStore(settings.media_dir),
        limiter=RateLimiter(settings.rate_limit),
    )
    worker = settings.worker if run_worker is None else run_worker

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        warm_up()
        task = None
        if worker:
            from tamis.jobs.worker import run_worker_async

            task = asyncio.create_task(
                run_worker_async(settings, db, state.moderation, install_signal_handlers=False)
            )
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    # Swagger UI and ReDoc served from files in the fastapi-offline wheel: no CDN at run time.
    app = FastAPIOffline(
        title="tamis",
        version=tamis.__version__,
        lifespan=lifespan,
        description="Self-hosted content moderation. Errors are "
        '`{"error": {"code", "message", "hint"}}`.',
    )
    app.state.tamis = state
    errors.install(app)
    for r in (health.router, moderate.router, jobs.router, cases.router, admin.router):
        app.include_router(r)
    app.include_router(images.router)
    app.include_router(banks.router)
    app.add_middleware(LimitsAndMetrics, max_body=settings.max_body_bytes, metrics=state.metrics)
    return app
