"""Asynchronous moderation jobs: POST /v1/jobs, GET /v1/jobs/{id}."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tamis.api import idempotency
from tamis.api.deps import Moderator, StateDep
from tamis.api.errors import first_error
from tamis.api.fetching import fetch_policy
from tamis.api.routes.moderate import TextIn
from tamis.errors import InputError, RequestTooLarge
from tamis.services import jobs as job_service

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
MAX_JOB_ITEMS = 100_000


class JobIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["text_batch", "video", "audio"]
    items: list[TextIn] | None = Field(default=None, description="For text_batch.")
    url: str | None = Field(default=None, description="For video/audio: fetched server-side.")
    policy: str = "default"
    callback_url: str | None = None


@router.post("", status_code=202)
async def create_job(
    request: Request,
    who: Moderator,
    state: StateDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    """JSON body (`text_batch` items, or `video`/`audio` by `url`), or multipart with a `file`
    part and `kind`, `policy`, `callback_url` fields."""
    ctype = request.headers.get("content-type", "")
    media: bytes | None = None
    if ctype.startswith("multipart/form-data"):
        async with request.form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise InputError(
                    "multipart body without a `file` part",
                    hint="Send the media as the form field `file`.",
                )
            media = await upload.read()
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            try:
                body = JobIn.model_validate(fields)
            except ValidationError as exc:
                raise InputError(
                    f"invalid job fields: {first_error(exc)}",
                    hint="Fields: kind, policy, callback_url.",
                ) from None
    else:
        try:
            body = JobIn.model_validate_json(await request.body())
        except ValidationError as exc:
            raise InputError(
                f"invalid job: {first_error(exc)}", hint="See POST /v1/jobs in /docs."
            ) from None
    if body.kind == "text_batch":
        if not body.items:
            raise InputError("a text_batch job needs items", hint="items: [{id, text}, ...]")
        if len(body.items) > MAX_JOB_ITEMS:
            raise RequestTooLarge(
                f"{len(body.items)} items; a job takes up to {MAX_JOB_ITEMS}",
                hint="Split it into several jobs.",
            )
    elif media is None and not body.url:
        raise InputError(
            f"a {body.kind} job needs a file upload or a url",
            hint="Upload the media as multipart `file`, or give `url`.",
        )
    if media is None and body.url:
        from tamis.api.fetching import fetch_media

        media = fetch_media(body.url, state.settings)

    def work(s: Any) -> dict[str, Any]:
        return job_service.create(
            s,
            who,
            body.kind,
            [i.model_dump() for i in body.items or []],
            body.policy,
            body.callback_url,
            media,
            state.media,
            retention_days=state.settings.media_retention_days,
            fetch_policy=fetch_policy(state.settings),
        )

    key_body = {**body.model_dump(), "media_len": len(media) if media else 0}
    status, out = idempotency.run(
        state.db,
        who,
        idempotency_key,
        key_body,
        work,
        status_code=202,
        secrets=("callback_secret",),
    )
    return JSONResponse(out, status_code=status)


@router.get("/{job_id}")
def get_job(job_id: uuid.UUID, who: Moderator, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return job_service.get(s, who.tenant_id, job_id)
