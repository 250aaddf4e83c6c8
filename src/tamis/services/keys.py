"""Tenants and API keys. A key is shown once; only its SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tamis.errors import Conflict, Forbidden, InputError, NotFound, Unauthenticated
from tamis.services import audit
from tamis.storage.models import ApiKey, BankState, Tenant, Webhook

SCOPES = ("moderate", "review", "admin", "tenants")
KEY_PREFIX = "tms_"
DEFAULT_TENANT = "default"


@dataclass(frozen=True, slots=True)
class TenantState:
    """What per-request work needs to know of the tenant's configuration, read by
    `authenticate` in the query that checks the key: the revision of its policies and lists
    (`tenants.config_revision`), of its hash banks (`bank_state.revision`), and whether it has
    any active webhook. Valid only in the transaction that read it: a request working in that
    transaction sees every change committed before it authenticated."""

    config_revision: int
    bank_revision: int
    has_webhooks: bool


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's id, its tenant and its scopes; `tenant_state` when the caller
    works in the transaction that authenticated it (None otherwise: a job, a route that
    authenticated in a transaction of its own; then services read what they need)."""

    key_id: uuid.UUID
    tenant_id: uuid.UUID
    tenant_name: str
    scopes: frozenset[str]
    tenant_state: TenantState | None = None

    @property
    def actor(self) -> str:
        return f"key:{self.key_id}"

    def require(self, scope: str) -> None:
        if scope not in self.scopes:
            raise Forbidden(
                f"this key lacks the {scope!r} scope",
                hint="Create a key with that scope: POST /v1/keys (admin).",
            )


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _key_dict(k: ApiKey) -> dict[str, Any]:
    return {
        "id": str(k.id),
        "name": k.name,
        "prefix": k.prefix,
        "scopes": list(k.scopes),
        "created_at": k.created_at.isoformat() if k.created_at else None,
        "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
        "last_used_at": k.last_used_at.isoformat() if k.last_used_at else None,
    }


def create_tenant(s: Session, name: str) -> Tenant:
    if not name or len(name) > 128:
        raise InputError("a tenant name has 1 to 128 characters", hint="Choose a shorter name.")
    if s.scalar(select(Tenant).where(Tenant.name == name)) is not None:
        raise Conflict(f"a tenant named {name!r} exists already", hint="Pick another name.")
    tenant = Tenant(name=name)
    s.add(tenant)
    s.flush()
    return tenant


def list_tenants(s: Session) -> list[dict[str, Any]]:
    return [
        {"id": str(t.id), "name": t.name, "created_at": t.created_at.isoformat()}
        for t in s.scalars(select(Tenant).order_by(Tenant.created_at)).all()
    ]


def create_key(
    s: Session, tenant_id: uuid.UUID, name: str, scopes: list[str], *, actor: str
) -> tuple[dict[str, Any], str]:
    bad = [x for x in scopes if x not in SCOPES]
    if bad or not scopes:
        raise InputError(
            f"unknown or missing scopes: {bad or scopes}",
            hint="Scopes are: " + ", ".join(SCOPES) + ".",
        )
    prefix = secrets.token_hex(4)
    raw = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(
        tenant_id=tenant_id,
        name=name[:128],
        prefix=prefix,
        secret_hash=_hash(raw),
        scopes=sorted(set(scopes)),
    )
    s.add(key)
    s.flush()
    info = _key_dict(key)
    audit.record(s, tenant_id, actor, "key.create", "api_key", str(key.id), None, info)
    return info, raw


def list_keys(s: Session, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = s.scalars(
        select(ApiKey).where(ApiKey.tenant_id == tenant_id).order_by(ApiKey.created_at)
    ).all()
    return [_key_dict(k) for k in rows]


def revoke_key(s: Session, tenant_id: uuid.UUID, key_id: uuid.UUID, *, actor: str) -> None:
    key = s.scalar(select(ApiKey).where(ApiKey.tenant_id == tenant_id, ApiKey.id == key_id))
    if key is None:
        raise NotFound(f"no key {key_id}", hint="GET /v1/keys lists this tenant's keys.")
    before = _key_dict(key)
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
    audit.record(s, tenant_id, actor, "key.revoke", "api_key", str(key.id), before, _key_dict(key))


def authenticate(s: Session, raw: str | None) -> Principal:
    if not raw:
        raise Unauthenticated(
            "no API key given", hint="Send `Authorization: Bearer tms_...` or `X-API-Key`."
        )
    has_webhooks = (
        select(Webhook.id)
        .where(Webhook.tenant_id == ApiKey.tenant_id, Webhook.active.is_(True))
        .exists()
    )
    row = s.execute(
        select(
            ApiKey.id,
            ApiKey.tenant_id,
            ApiKey.scopes,
            ApiKey.revoked_at,
            Tenant.name,
            Tenant.config_revision,
            BankState.revision,
            has_webhooks,
        )
        .join(Tenant, Tenant.id == ApiKey.tenant_id)
        .outerjoin(BankState, BankState.tenant_id == ApiKey.tenant_id)
        .where(ApiKey.secret_hash == _hash(raw.strip()))
    ).first()
    if row is None:
        raise Unauthenticated("unknown API key", hint="Check the key; keys are shown once.")
    key_id, tenant_id, scopes, revoked_at, tenant_name, config_rev, bank_rev, hooks = row
    if revoked_at is not None:
        raise Unauthenticated("this API key was revoked", hint="Ask an admin for a new key.")
    state = TenantState(int(config_rev or 0), int(bank_rev or 0), bool(hooks))
    return Principal(key_id, tenant_id, tenant_name, frozenset(scopes), state)


def touch(s: Session, key_id: uuid.UUID) -> None:
    s.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=datetime.now(UTC)))


def bootstrap(s: Session) -> str | None:
    """Make sure the default tenant exists with an admin key; return the key if it is new."""
    tenant = s.scalar(select(Tenant).where(Tenant.name == DEFAULT_TENANT))
    if tenant is None:
        tenant = create_tenant(s, DEFAULT_TENANT)
    has_admin = s.scalar(
        select(ApiKey.id)
        .where(
            ApiKey.tenant_id == tenant.id,
            ApiKey.revoked_at.is_(None),
            ApiKey.scopes.contains(["admin"]),
        )
        .limit(1)
    )
    if has_admin is not None:
        return None
    _, raw = create_key(s, tenant.id, "bootstrap admin", list(SCOPES), actor="system:bootstrap")
    return raw
