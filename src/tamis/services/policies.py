"""Tenant policies: every save is a new version; shipped policies are the base layer."""

from __future__ import annotations

import uuid
from contextlib import suppress
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tamis.errors import InputError, NotFound
from tamis.policy.model import Policy
from tamis.policy.store import parse_policy, shipped_policies
from tamis.services import audit
from tamis.storage.models import PolicyVersion, Tenant


def bump_revision(s: Session, tenant_id: uuid.UUID) -> None:
    s.execute(
        update(Tenant)
        .where(Tenant.id == tenant_id)
        .values(config_revision=Tenant.config_revision + 1)
    )


def _latest(s: Session, tenant_id: uuid.UUID) -> dict[str, PolicyVersion]:
    newest = (
        select(PolicyVersion.name, func.max(PolicyVersion.version).label("v"))
        .where(PolicyVersion.tenant_id == tenant_id)
        .group_by(PolicyVersion.name)
        .subquery()
    )
    rows = s.scalars(
        select(PolicyVersion)
        .join(newest, (PolicyVersion.name == newest.c.name) & (PolicyVersion.version == newest.c.v))
        .where(PolicyVersion.tenant_id == tenant_id)
    ).all()
    return {r.name: r for r in rows}


def effective(s: Session, tenant_id: uuid.UUID) -> dict[str, Policy]:
    out = dict(shipped_policies())
    shipped = shipped_policies()
    for name, row in _latest(s, tenant_id).items():
        if row.deleted:  # a deleted override uncovers the shipped policy, if any
            if name not in shipped:
                out.pop(name, None)
        else:
            out[name] = parse_policy(row.body, source=f"policy {name} v{row.version}")
    return out


def _view(policy: Policy, *, version: int | None, source: str) -> dict[str, Any]:
    return {
        "name": policy.name,
        "version": version,
        "digest": policy.version,
        "source": source,
        "policy": policy.model_dump(mode="json"),
    }


def get(s: Session, tenant_id: uuid.UUID, name: str) -> dict[str, Any]:
    row = _latest(s, tenant_id).get(name)
    if row is not None and not row.deleted:
        return _view(parse_policy(row.body, source=name), version=row.version, source="tenant")
    shipped = shipped_policies().get(name)
    if shipped is None:
        raise NotFound(f"no policy named {name!r}", hint="GET /v1/policies lists them.")
    return _view(shipped, version=None, source="shipped")


def list_all(s: Session, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    latest = _latest(s, tenant_id)
    out = []
    for name, policy in sorted(effective(s, tenant_id).items()):
        row = latest.get(name)
        own = row is not None and not row.deleted
        out.append(
            {
                "name": name,
                "digest": policy.version,
                "version": row.version if own and row else None,
                "source": "tenant" if own else "shipped",
                "description": policy.description,
            }
        )
    return out


def versions(s: Session, tenant_id: uuid.UUID, name: str) -> list[dict[str, Any]]:
    rows = s.scalars(
        select(PolicyVersion)
        .where(PolicyVersion.tenant_id == tenant_id, PolicyVersion.name == name)
        .order_by(PolicyVersion.version.desc())
    ).all()
    if not rows:
        raise NotFound(f"policy {name!r} has no saved versions", hint="PUT it first.")
    return [
        {
            "version": r.version,
            "digest": r.digest,
            "deleted": r.deleted,
            "created_at": r.created_at.isoformat(),
            "policy": r.body,
        }
        for r in rows
    ]


def put(
    s: Session, tenant_id: uuid.UUID, name: str, body: dict[str, Any], *, actor: str
) -> dict[str, Any]:
    body = {**body, "name": body.get("name", name)}
    if body["name"] != name:
        raise InputError(
            f"the body names policy {body['name']!r}, the URL {name!r}", hint="Make them equal."
        )
    policy = parse_policy(body, source="request body")
    before = None
    with suppress(NotFound):
        before = get(s, tenant_id, name)["policy"]
    current = (
        s.scalar(
            select(func.max(PolicyVersion.version)).where(
                PolicyVersion.tenant_id == tenant_id, PolicyVersion.name == name
            )
        )
        or 0
    )
    data = policy.model_dump(mode="json")
    row = PolicyVersion(
        tenant_id=tenant_id, name=name, version=current + 1, digest=policy.version, body=data
    )
    s.add(row)
    bump_revision(s, tenant_id)
    audit.record(s, tenant_id, actor, "policy.put", "policy", name, before, data)
    return _view(policy, version=row.version, source="tenant")


def delete(s: Session, tenant_id: uuid.UUID, name: str, *, actor: str) -> None:
    view = get(s, tenant_id, name)
    if view["source"] != "tenant":
        raise NotFound(
            f"policy {name!r} is shipped with tamis; it cannot be deleted",
            hint="PUT a policy of the same name to change it.",
        )
    current = (
        s.scalar(
            select(func.max(PolicyVersion.version)).where(
                PolicyVersion.tenant_id == tenant_id, PolicyVersion.name == name
            )
        )
        or 0
    )
    s.add(
        PolicyVersion(
            tenant_id=tenant_id,
            name=name,
            version=current + 1,
            digest=view["digest"],
            body=view["policy"],
            deleted=True,
        )
    )
    bump_revision(s, tenant_id)
    audit.record(s, tenant_id, actor, "policy.delete", "policy", name, view["policy"], None)
