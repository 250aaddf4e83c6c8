"""Tenant term lists, stored as rows; the shipped lists are the base layer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tamis.errors import Conflict, NotFound
from tamis.lists.model import TermList, parse_list
from tamis.lists.store import default_lists
from tamis.services import audit
from tamis.services.policies import bump_revision
from tamis.storage.models import TermListRow


@dataclass(frozen=True)
class TenantLists:
    """A snapshot of a tenant's lists at one configuration revision (a ListSource)."""

    rev: int
    by_name: dict[str, TermList]

    def revision(self) -> object:
        return self.rev

    def lists(self) -> dict[str, TermList]:
        return dict(self.by_name)


def effective(s: Session, tenant_id: uuid.UUID) -> dict[str, TermList]:
    out = default_lists()
    for row in s.scalars(select(TermListRow).where(TermListRow.tenant_id == tenant_id)).all():
        out[row.name] = parse_list(row.body, source=f"list {row.name}")
    return out


def _row(s: Session, tenant_id: uuid.UUID, name: str) -> TermListRow | None:
    return s.scalar(
        select(TermListRow)
        .where(TermListRow.tenant_id == tenant_id, TermListRow.name == name)
        .with_for_update()
    )


def _view(tl: TermList, source: str, revision: int | None) -> dict[str, Any]:
    return {
        "name": tl.name,
        "source": source,
        "revision": revision,
        "terms_count": tl.term_count(),
        "list": tl.model_dump(mode="json"),
    }


def get(s: Session, tenant_id: uuid.UUID, name: str) -> dict[str, Any]:
    row = _row(s, tenant_id, name)
    if row is not None:
        return _view(parse_list(row.body, source=name), "tenant", row.revision)
    shipped = default_lists().get(name)
    if shipped is None:
        raise NotFound(f"no term list named {name!r}", hint="GET /v1/lists lists them.")
    return _view(shipped, "shipped", None)


def list_all(s: Session, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    own = {
        r.name: r.revision
        for r in s.scalars(select(TermListRow).where(TermListRow.tenant_id == tenant_id)).all()
    }
    return [
        {
            "name": n,
            "kind": t.kind.value,
            "label": t.label,
            "terms_count": t.term_count(),
            "source": "tenant" if n in own else "shipped",
            "revision": own.get(n),
        }
        for n, t in sorted(effective(s, tenant_id).items())
    ]


def _save(
    s: Session,
    tenant_id: uuid.UUID,
    tl: TermList,
    *,
    actor: str,
    action: str,
    before: dict[str, Any] | None,
) -> dict[str, Any]:
    data = tl.model_dump(mode="json")
    row = _row(s, tenant_id, tl.name)
    if row is None:
        row = TermListRow(tenant_id=tenant_id, name=tl.name, body=data, revision=1)
        s.add(row)
    else:
        row.body = data
        row.revision += 1
        row.updated_at = func.now()
    s.flush()
    bump_revision(s, tenant_id)
    audit.record(s, tenant_id, actor, action, "term_list", tl.name, before, data)
    return _view(tl, "tenant", row.revision)


def put(
    s: Session, tenant_id: uuid.UUID, name: str, body: dict[str, Any], *, actor: str
) -> dict[str, Any]:
    body = {**body, "name": body.get("name", name)}
    if body["name"] != name:
        raise Conflict(
            f"the body names list {body['name']!r}, the URL {name!r}", hint="Make them equal."
        )
    tl = parse_list(body, source="request body")
    before = _before(s, tenant_id, name)
    return _save(s, tenant_id, tl, actor=actor, action="list.put", before=before)


def _before(s: Session, tenant_id: uuid.UUID, name: str) -> dict[str, Any] | None:
    try:
        return dict(get(s, tenant_id, name)["list"])
    except NotFound:
        return None


def add_terms(
    s: Session, tenant_id: uuid.UUID, name: str, lang: str, terms: list[str], *, actor: str
) -> dict[str, Any]:
    before = _before(s, tenant_id, name)
    if before is None:
        raise NotFound(f"no term list named {name!r}", hint="PUT /v1/lists/{name} first.")
    current = {k: list(v) for k, v in before.get("terms", {}).items()}
    existing = current.setdefault(lang, [])
    existing += [t for t in terms if t not in existing]
    tl = parse_list({**before, "terms": current}, source="request body")
    return _save(s, tenant_id, tl, actor=actor, action="list.add_terms", before=before)


def remove_terms(
    s: Session, tenant_id: uuid.UUID, name: str, terms: list[str], *, actor: str
) -> dict[str, Any]:
    before = _before(s, tenant_id, name)
    if before is None:
        raise NotFound(f"no term list named {name!r}", hint="GET /v1/lists lists them.")
    drop = set(terms)
    current = {k: [t for t in v if t not in drop] for k, v in before.get("terms", {}).items()}
    tl = parse_list({**before, "terms": current}, source="request body")
    return _save(s, tenant_id, tl, actor=actor, action="list.remove_terms", before=before)


def delete(s: Session, tenant_id: uuid.UUID, name: str, *, actor: str) -> None:
    row = _row(s, tenant_id, name)
    if row is None:
        raise NotFound(
            f"tenant has no list {name!r} of its own",
            hint="Shipped lists cannot be deleted; PUT an empty list to disable one.",
        )
    before = dict(row.body)
    s.delete(row)
    bump_revision(s, tenant_id)
    audit.record(s, tenant_id, actor, "list.delete", "term_list", name, before, None)
