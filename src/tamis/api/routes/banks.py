"""Hash banks (admin scope): /v1/banks, their entries, import/export and matching."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tamis.api.deps import Admin, StateDep
from tamis.api.errors import first_error
from tamis.errors import InputError
from tamis.hashing import pdq
from tamis.hashing.pdq import HashListFormat
from tamis.services import banks

router = APIRouter(prefix="/v1/banks", tags=["hash banks"])

_MEDIA_TYPES = {
    HashListFormat.CSV: "text/csv",
    HashListFormat.TSV: "text/tab-separated-values",
    HashListFormat.TE: "text/plain",
    HashListFormat.TXT: "text/plain",
}


class BankIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=64)
    description: str = Field(default="", max_length=2000)


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pdq: str = Field(max_length=64)
    quality: int | None = Field(default=None, ge=0, le=100)
    label: str = Field(default="", max_length=256)
    notes: str = Field(default="", max_length=2000)
    source: str = Field(default="", max_length=256)


class EntriesIn(BaseModel):
    """Give `hashes` (64-hex PDQ strings), `entries` (with quality, label, notes) or
    `image_base64` (hashed by the server, as the detector hashes)."""

    model_config = ConfigDict(extra="forbid")
    hashes: list[str] | None = Field(default=None, max_length=banks.MAX_ENTRIES_PER_REQUEST)
    entries: list[EntryIn] | None = Field(default=None, max_length=banks.MAX_ENTRIES_PER_REQUEST)
    image_base64: str | None = None
    label: str = Field(default="", max_length=256)
    notes: str = Field(default="", max_length=2000)
    min_quality: int = Field(default=pdq.QUALITY_FLOOR, ge=0, le=100)

    @model_validator(mode="after")
    def _one_input(self) -> EntriesIn:
        given = [x for x in (self.hashes, self.entries, self.image_base64) if x is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of hashes, entries or image_base64")
        return self


class RemoveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[int] = Field(default_factory=list, max_length=banks.MAX_ENTRIES_PER_REQUEST)
    hashes: list[str] = Field(default_factory=list, max_length=banks.MAX_ENTRIES_PER_REQUEST)


def _decode_b64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InputError("image_base64 is not valid base64") from None


async def _upload(request: Request) -> tuple[bytes, dict[str, str]] | None:
    """The image of a multipart body (field `file`) and its text fields; None for JSON."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return None
    async with request.form(max_files=1, max_fields=10) as form:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InputError(
                "multipart body without a `file` part",
                hint="Send the image as the form field `file`.",
            )
        data = await upload.read()
        return data, {k: v for k, v in form.items() if isinstance(v, str)}


@router.post("", status_code=201)
def create_bank(body: BankIn, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return banks.create(s, who.tenant_id, body.name, body.description, actor=who.actor)


@router.get("")
def list_banks(who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": banks.list_all(s, who.tenant_id)}


@router.get("/{name}")
def get_bank(name: str, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return banks.get(s, who.tenant_id, name)


@router.delete("/{name}", status_code=204)
def delete_bank(name: str, who: Admin, state: StateDep) -> Response:
    with state.db.session() as s:
        banks.delete(s, who.tenant_id, name, actor=who.actor)
    return Response(status_code=204)


@router.get("/{name}/entries")
def list_entries(
    name: str,
    who: Admin,
    state: StateDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    after_id: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    with state.db.session() as s:
        items = banks.entries(s, who.tenant_id, name, limit=limit, after_id=after_id)
    return {"items": items, "next_after_id": items[-1]["id"] if len(items) == limit else None}


@router.post("/{name}/entries", status_code=201)
async def add_entries(name: str, request: Request, who: Admin, state: StateDep) -> dict[str, Any]:
    """JSON (`hashes`, `entries` or `image_base64`) or a multipart image upload (field `file`,
    optional `label`, `notes`, `min_quality`)."""
    settings = state.settings
    upload = await _upload(request)
    if upload is not None:
        data, fields = upload
        try:
            min_quality = int(fields.get("min_quality", pdq.QUALITY_FLOOR))
        except ValueError:
            raise InputError("min_quality must be a number") from None
        with state.db.session() as s:
            return banks.add_image(
                s,
                who.tenant_id,
                name,
                data,
                actor=who.actor,
                label=fields.get("label", "")[:256],
                notes=fields.get("notes", "")[:2000],
                max_bytes=settings.max_body_bytes,
                max_pixels=settings.max_image_pixels,
                min_quality=min_quality,
            )
    try:
        body = EntriesIn.model_validate_json(await request.body())
    except ValidationError as exc:
        raise InputError(first_error(exc), hint="See docs/hashing.md.") from None
    with state.db.session() as s:
        if body.image_base64 is not None:
            return banks.add_image(
                s,
                who.tenant_id,
                name,
                _decode_b64(body.image_base64),
                actor=who.actor,
                label=body.label,
                notes=body.notes,
                max_bytes=settings.max_body_bytes,
                max_pixels=settings.max_image_pixels,
                min_quality=body.min_quality,
            )
        if body.hashes is not None:
            records = [
                pdq.HashRecord(pdq.from_hex(h), None, body.label, body.notes) for h in body.hashes
            ]
        else:
            records = [
                pdq.HashRecord(pdq.from_hex(e.pdq), e.quality, e.label, e.notes, e.source)
                for e in body.entries or []
            ]
        return banks.add(s, who.tenant_id, name, records, actor=who.actor, source="api")


@router.delete("/{name}/entries")
def remove_entries(name: str, body: RemoveIn, who: Admin, state: StateDep) -> dict[str, Any]:
    hashes = [pdq.from_hex(h) for h in body.hashes]
    with state.db.session() as s:
        return banks.remove(s, who.tenant_id, name, ids=body.ids, hashes=hashes, actor=who.actor)


@router.delete("/{name}/entries/{entry_id}")
def remove_entry(name: str, entry_id: int, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return banks.remove(s, who.tenant_id, name, ids=[entry_id], actor=who.actor)


@router.get("/{name}/export", response_class=PlainTextResponse)
def export_bank(
    name: str,
    who: Admin,
    state: StateDep,
    format: Annotated[HashListFormat, Query()] = HashListFormat.CSV,
) -> PlainTextResponse:
    with state.db.session() as s:
        text = banks.export(s, who.tenant_id, name, format)
    return PlainTextResponse(
        text,
        media_type=_MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{format.value}"'},
    )


@router.post("/{name}/import")
async def import_bank(
    name: str,
    request: Request,
    who: Admin,
    state: StateDep,
    format: Annotated[HashListFormat, Query()] = HashListFormat.CSV,
    source: Annotated[str, Query(max_length=256)] = "import",
) -> dict[str, Any]:
    """The body is the list itself (any content type), or a multipart upload (field `file`).
    A bad line fails the whole import."""
    upload = await _upload(request)
    raw = upload[0] if upload is not None else await request.body()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the hash list is not UTF-8 text") from None
    with state.db.session() as s:
        return banks.import_list(
            s, who.tenant_id, name, text, format, actor=who.actor, source=source
        )


@router.post("/{name}/match")
async def match_image(
    name: str,
    request: Request,
    who: Admin,
    state: StateDep,
    distance: Annotated[int, Query(ge=0, le=64)] = pdq.MATCH_DISTANCE,
) -> dict[str, Any]:
    """The entries of the bank near an image (multipart `file`, or JSON `image_base64`)."""
    upload = await _upload(request)
    if upload is not None:
        data = upload[0]
    else:
        try:
            body = await request.json()
        except ValueError:
            raise InputError("send the image as multipart `file` or JSON `image_base64`") from None
        if not isinstance(body, dict) or not isinstance(body.get("image_base64"), str):
            raise InputError("send the image as multipart `file` or JSON `image_base64`")
        data = _decode_b64(body["image_base64"])
    settings = state.settings
    with state.db.session() as s:
        return banks.match(
            s,
            state.moderation.banks,
            who.tenant_id,
            name,
            data,
            distance=distance,
            max_bytes=settings.max_body_bytes,
            max_pixels=settings.max_image_pixels,
        )
