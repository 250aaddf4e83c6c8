"""Stored results: GET /v1/cases (filters, cursor pagination), GET /v1/cases/{id}."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from tamis.api.deps import Reviewer, StateDep
from tamis.services import cases

router = APIRouter(prefix="/v1/cases", tags=["cases"])


@router.get("")
def list_cases(
    who: Reviewer,
    state: StateDep,
    action: Literal["allow", "label", "review", "block"] | None = None,
    label: str | None = None,
    policy: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    with state.db.session() as s:
        return cases.search(
            s,
            who.tenant_id,
            action=action,
            label=label,
            policy=policy,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )


@router.get("/{case_id}")
def get_case(case_id: uuid.UUID, who: Reviewer, state: StateDep) -> dict[str, Any]:
    with state.db.session() as s:
        return cases.get(s, who.tenant_id, case_id)
