"""Typed dependencies: the process state, the caller (by API key) with a required scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Header, Request

from tamis.api.state import AppState
from tamis.services import keys
from tamis.services.keys import Principal


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.tamis
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def _raw_key(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def require(scope: str) -> Callable[..., Principal]:
    def dependency(
        request: Request,
        state: StateDep,
        authorization: Annotated[str | None, Header()] = None,
        x_api_key: Annotated[str | None, Header()] = None,
    ) -> Principal:
        with state.db.session() as s:
            who = keys.authenticate(s, _raw_key(authorization, x_api_key))
        state.limiter.check(str(who.key_id))
        who.require(scope)
        request.state.principal = who
        return who

    return dependency


Moderator = Annotated[Principal, Depends(require("moderate"))]
Reviewer = Annotated[Principal, Depends(require("review"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Operator = Annotated[Principal, Depends(require("tenants"))]
