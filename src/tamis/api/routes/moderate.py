"""POST /v1/moderate/text and /v1/moderate/image (synchronous)."""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tamis.api import idempotency
from tamis.api.deps import Moderator, ModeratorInTransaction, StateDep
from tamis.api.errors import first_error
from tamis.decoding.image import probe_image
from tamis.engine import image_policy_warning
from tamis.errors import InputError, RequestTooLarge
from tamis.findings import Action
from tamis.media import Media, Modality
from tamis.services import media as media_service
from tamis.services.moderation import TextItem

router = APIRouter(prefix="/v1/moderate", tags=["moderate"])
IdemKey = Annotated[str | None, Header(alias="Idempotency-Key")]


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=256)
    text: str


class ModerateText(BaseModel):
    """Give `text` (one item), `texts` (a batch of strings) or `items` (a batch with ids)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    texts: list[str] | None = None
    items: list[TextIn] | None = None
    policy: str = "default"
    store: bool = True

    @model_validator(mode="after")
    def _one_input(self) -> ModerateText:
        given = [x for x in (self.text, self.texts, self.items) if x is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, texts or items")
        return self

    def to_items(self) -> list[TextItem]:
        if self.text is not None:
            return [TextItem("text", self.text)]
        if self.texts is not None:
            return [TextItem(str(i), t) for i, t in enumerate(self.texts)]
        return [TextItem(it.id or str(i), it.text) for i, it in enumerate(self.items or [])]


def _observe(state: Any, results: list[dict[str, Any]]) -> None:
    for r in results:
        if "decision" in r:
            state.metrics.decisions.labels(r["decision"]["action"], r["decision"]["policy"]).inc()
            for f in r["findings"]:
                label = f["label"] if not f["label"].startswith("list:") else "list"
                state.metrics.findings.labels(label).inc()


@router.post("/text")
def moderate_text(
    body: ModerateText,
    caller: ModeratorInTransaction,
    state: StateDep,
    idempotency_key: IdemKey = None,
) -> JSONResponse:
    # Authentication, the idempotency check, the tenant's revisions, the case and its
    # events: one transaction on one connection.
    who = caller.principal
    items = body.to_items()
    if not items:
        raise InputError("the batch is empty", hint="Send at least one text.")
    if len(items) > state.settings.max_batch:
        raise RequestTooLarge(
            f"{len(items)} texts in one request; the limit is {state.settings.max_batch}",
            hint="Split the batch, or use POST /v1/jobs for large batches.",
        )

    def work(s: Any) -> dict[str, Any]:
        results = state.moderation.moderate_texts(s, who, items, body.policy, store=body.store)
        return {"results": results}

    status, out = idempotency.run(
        state.db, who, idempotency_key, body.model_dump(), work, session=caller.session
    )
    _observe(state, out["results"])
    return JSONResponse(out, status_code=status)


class ModerateImageJson(BaseModel):
    model_config = ConfigDict(extra="forbid")
    image_base64: str | None = None
    url: str | None = None
    id: str | None = Field(default=None, max_length=256)
    policy: str = "default"
    store: bool = True


@router.post("/image")
async def moderate_image(
    request: Request, who: Moderator, state: StateDep, idempotency_key: IdemKey = None
) -> JSONResponse:
    """Multipart upload (field `file`), JSON with `image_base64`, or JSON with an `url`
    fetched server-side."""
    data, meta = await _image_bytes(request, state)
    policy = str(meta.get("policy") or "default")
    info = probe_image(
        data,
        max_bytes=state.settings.max_body_bytes,
        max_pixels=state.settings.max_image_pixels,
    )
    item_id = str(meta.get("id") or "image")

    def work(s: Any) -> dict[str, Any]:
        engine = state.moderation.engine(s, who.tenant_id)
        pol = engine.policy(policy)
        media = Media(id=item_id, modality=Modality.IMAGE, data=data, mime=info.mime)
        result = engine.moderate(media, policy)
        out = result.to_dict()
        out["image"] = {"format": info.format, "width": info.width, "height": info.height}
        warning = image_policy_warning(pol)
        if warning:
            out["warnings"] = [warning]
        if meta.get("store", True):
            sha = None
            flagged = result.decision.action > Action.ALLOW
            if pol.store_media == "always" or (pol.store_media == "flagged" and flagged):
                sha = media_service.keep(
                    s,
                    state.media,
                    who.tenant_id,
                    data,
                    mime=info.mime,
                    retention_days=state.settings.media_retention_days,
                )
            case = state.moderation.record_case(s, who, result, keep_text=False, media_sha256=sha)
            out["case_id"] = str(case.id)
        return {"result": out}

    request_key = {
        "sha": hashlib.sha256(data).hexdigest(),  # all of it: a shared prefix is not a match
        "len": len(data),
        "policy": policy,
        "id": item_id,
        "store": bool(meta.get("store", True)),
    }
    status, out = idempotency.run(state.db, who, idempotency_key, request_key, work)
    return JSONResponse(out, status_code=status)


async def _image_bytes(request: Request, state: Any) -> tuple[bytes, dict[str, Any]]:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        async with request.form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise InputError(
                    "multipart body without a `file` part",
                    hint="Send the image as the form field `file`.",
                )
            data = await upload.read()
            meta: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
            if "store" in meta:
                meta["store"] = meta["store"].lower() not in ("0", "false", "no")
            return data, meta
    try:
        body = ModerateImageJson.model_validate_json(await request.body())
    except ValidationError as exc:
        raise InputError(
            f"invalid JSON body: {first_error(exc)}",
            hint="Send multipart `file`, or JSON with image_base64 or url.",
        ) from None
    if (body.image_base64 is None) == (body.url is None):
        raise InputError(
            "give exactly one of image_base64 or url",
            hint="Or upload the file as multipart/form-data.",
        )
    meta = body.model_dump(exclude={"image_base64", "url"})
    if body.image_base64 is not None:
        try:
            return base64.b64decode(body.image_base64, validate=True), meta
        except (binascii.Error, ValueError):
            raise InputError(
                "image_base64 is not valid base64", hint="Encode the file with standard base64."
            ) from None
    from tamis.api.fetching import fetch_media

    return fetch_media(body.url or "", state.settings), meta
