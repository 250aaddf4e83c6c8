"""Configuration resources: policies, term lists, webhooks, API keys, tenants, audit log."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from tamis.api import idempotency
from tamis.api.deps import Admin, Operator, StateDep
from tamis.api.fetching import fetch_policy
from tamis.services import audit, keys, lists, policies, webhooks

router = APIRouter(prefix="/v1", tags=["configuration"])
IdemKey = Annotated[str | None, Header(alias="Idempotency-Key")]
AnyBody = Annotated[dict[str, Any], Body()]


# --- policies -------------------------------------------------------------------------------
@router.get("/policies")
def list_policies(who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": policies.list_all(s, who.tenant_id)}


@router.get("/policies/{name}")
def get_policy(name: str, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return policies.get(s, who.tenant_id, name)


@router.get("/policies/{name}/versions")
def policy_versions(name: str, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": policies.versions(s, who.tenant_id, name)}


@router.put("/policies/{name}")
def put_policy(name: str, body: AnyBody, who: Admin, state: StateDep) -> dict[str, Any]:
    """Validated like `tamis policy check`; every save is a new version."""
    with state.db.session() as s:
        return policies.put(s, who.tenant_id, name, body, actor=who.actor)


@router.delete("/policies/{name}", status_code=204)
def delete_policy(name: str, who: Admin, state: StateDep) -> Response:
    with state.db.session() as s:
        policies.delete(s, who.tenant_id, name, actor=who.actor)
    return Response(status_code=204)


# --- term lists -----------------------------------------------------------------------------
class TermsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = Field(min_length=1, max_length=100_000)
    lang: str = Field(default="und", max_length=16)


@router.get("/lists")
def list_lists(who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": lists.list_all(s, who.tenant_id)}


@router.get("/lists/{name}")
def get_list(name: str, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return lists.get(s, who.tenant_id, name)


@router.put("/lists/{name}")
def put_list(name: str, body: AnyBody, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return lists.put(s, who.tenant_id, name, body, actor=who.actor)


@router.post("/lists/{name}/terms")
def add_terms(name: str, body: TermsIn, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return lists.add_terms(s, who.tenant_id, name, body.lang, body.terms, actor=who.actor)


@router.delete("/lists/{name}/terms")
def remove_terms(name: str, body: TermsIn, who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return lists.remove_terms(s, who.tenant_id, name, body.terms, actor=who.actor)


@router.delete("/lists/{name}", status_code=204)
def delete_list(name: str, who: Admin, state: StateDep) -> Response:
    with state.db.session() as s:
        lists.delete(s, who.tenant_id, name, actor=who.actor)
    return Response(status_code=204)


# --- webhooks -------------------------------------------------------------------------------
class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(max_length=2048)
    events: list[str] = Field(default_factory=lambda: ["case.decided", "job.completed"])


@router.post("/webhooks", status_code=201)
def create_webhook(
    body: WebhookIn, who: Admin, state: StateDep, idempotency_key: IdemKey = None
) -> JSONResponse:
    """The response holds the signing secret, shown this once."""
    status, out = idempotency.run(
        state.db,
        who,
        idempotency_key,
        body.model_dump(),
        lambda s: webhooks.create(
            s,
            who.tenant_id,
            body.url,
            body.events,
            actor=who.actor,
            fetch_policy=fetch_policy(state.settings),
        ),
        status_code=201,
        secrets=("secret",),
    )
    return JSONResponse(out, status_code=status)


@router.get("/webhooks")
def list_webhooks(who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": webhooks.list_all(s, who.tenant_id)}


@router.delete("/webhooks/{hook_id}", status_code=204)
def delete_webhook(hook_id: uuid.UUID, who: Admin, state: StateDep) -> Response:
    with state.db.session() as s:
        webhooks.delete(s, who.tenant_id, hook_id, actor=who.actor)
    return Response(status_code=204)


@router.get("/webhooks/{hook_id}/deliveries")
def webhook_deliveries(
    hook_id: uuid.UUID,
    who: Admin,
    state: StateDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": webhooks.deliveries(s, who.tenant_id, hook_id, limit)}


@router.post("/webhooks/{hook_id}/test", status_code=202)
def send_test_event(
    hook_id: uuid.UUID, who: Admin, state: StateDep, idempotency_key: IdemKey = None
) -> JSONResponse:
    status, out = idempotency.run(
        state.db,
        who,
        idempotency_key,
        {"test": str(hook_id)},
        lambda s: webhooks.send_test(s, who.tenant_id, who.tenant_name, hook_id),
        status_code=202,
    )
    return JSONResponse(out, status_code=status)


# --- API keys and tenants -------------------------------------------------------------------
class KeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=128)
    scopes: list[str] = Field(min_length=1)


@router.post("/keys", status_code=201)
def create_key(
    body: KeyIn, who: Admin, state: StateDep, idempotency_key: IdemKey = None
) -> JSONResponse:
    """The key itself is in the response, shown this once; only its hash is stored."""
    if "tenants" in body.scopes:
        who.require("tenants")

    def work(s: Any) -> dict[str, Any]:
        info, raw = keys.create_key(s, who.tenant_id, body.name, body.scopes, actor=who.actor)
        return {**info, "key": raw}

    status, out = idempotency.run(
        state.db,
        who,
        idempotency_key,
        body.model_dump(),
        work,
        status_code=201,
        secrets=("key",),
    )
    return JSONResponse(out, status_code=status)


@router.get("/keys")
def list_keys(who: Admin, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": keys.list_keys(s, who.tenant_id)}


@router.delete("/keys/{key_id}", status_code=204)
def revoke_key(key_id: uuid.UUID, who: Admin, state: StateDep) -> Response:
    with state.db.session() as s:
        keys.revoke_key(s, who.tenant_id, key_id, actor=who.actor)
    return Response(status_code=204)


class TenantIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=128)


@router.post("/tenants", status_code=201)
def create_tenant(body: TenantIn, who: Operator, state: StateDep) -> dict[str, Any]:
    """A new tenant with its first admin key (shown once)."""
    with state.db.session() as s:
        tenant = keys.create_tenant(s, body.name)
        info, raw = keys.create_key(
            s, tenant.id, "tenant admin", ["moderate", "review", "admin"], actor=who.actor
        )
        audit.record(
            s,
            who.tenant_id,
            who.actor,
            "tenant.create",
            "tenant",
            str(tenant.id),
            None,
            {"name": tenant.name},
        )
        return {"id": str(tenant.id), "name": tenant.name, "admin_key": {**info, "key": raw}}


@router.get("/tenants")
def list_tenants(who: Operator, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": keys.list_tenants(s)}


# --- audit ----------------------------------------------------------------------------------
@router.get("/audit")
def audit_log(
    who: Admin,
    state: StateDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before_id: int | None = None,
) -> dict[str, Any]:
    with state.db.session() as s:
        return {"items": audit.entries(s, who.tenant_id, limit=limit, before_id=before_id)}
