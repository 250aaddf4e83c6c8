"""Liveness, readiness and Prometheus metrics (no API key needed)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from tamis.api.deps import StateDep
from tamis.jobs.queue import depth

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(state: StateDep) -> JSONResponse:
    try:
        state.db.check()
        revision = state.db.current_revision()
    except Exception as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)[:200]}, 503)
    return JSONResponse({"status": "ready", "schema": revision})


@router.get("/metrics")
def metrics(state: StateDep) -> PlainTextResponse:
    try:
        with state.db.session() as s:
            counts = depth(s)
        for status in ("todo", "doing"):
            state.metrics.queue.labels(status).set(counts.get(status, 0))
    except Exception:  # metrics stay available while the database is down
        pass
    return PlainTextResponse(
        generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST
    )
