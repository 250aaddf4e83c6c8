"""Typed dependencies: the process state, the caller (by API key) with a required scope."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from tamis.api.state import AppState
from tamis.services import keys
from tamis.services.keys import Principal
from tamis.storage.db import IN_TRANSACTION_REQUESTS


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


def _admit(request: Request, state: AppState, who: Principal, scope: str) -> Principal:
    """The checks after authentication, in order: rate limit, then scope."""
    state.limiter.check(str(who.key_id))
    who.require(scope)
    request.state.principal = who
    return who


def require(scope: str) -> Callable[..., Principal]:
    def dependency(
        request: Request,
        state: StateDep,
        authorization: Annotated[str | None, Header()] = None,
        x_api_key: Annotated[str | None, Header()] = None,
    ) -> Principal:
        with state.db.session() as s:
            who = keys.authenticate(s, _raw_key(authorization, x_api_key))
        # What it read of the tenant's configuration ended with that transaction.
        return _admit(request, state, replace(who, tenant_state=None), scope)

    return dependency


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated caller and the open session whose transaction authenticated it: the
    route does its work in that transaction and commits it (`idempotency.run(session=...)`);
    whatever it leaves uncommitted is rolled back when the request ends."""

    principal: Principal
    session: Session


def require_in_transaction(scope: str) -> Callable[..., Iterator[Caller]]:
    """`require`, in the transaction the route then works in: one pool checkout (and its
    pre-ping) and one transaction per request instead of two. The key is checked, the rate
    limit and the scope applied, before the route runs, exactly as `require` does; nothing
    was written when they refuse. For routes whose work starts at once (not after reading an
    upload or fetching a URL: the connection is held from here to the end of the route)."""

    def dependency(
        request: Request,
        state: StateDep,
        authorization: Annotated[str | None, Header()] = None,
        x_api_key: Annotated[str | None, Header()] = None,
    ) -> Iterator[Caller]:
        s = state.db.sessions()
        try:
            s.begin()
            who = keys.authenticate(s, _raw_key(authorization, x_api_key))
            yield Caller(_admit(request, state, who, scope), s)
        finally:
            s.close()  # rolls back what the route did not commit; returns the connection

    return dependency


Moderator = Annotated[Principal, Depends(require("moderate"))]
# The connection checked out here is held while the route waits for a worker thread (FastAPI
# runs the dependency and the route in separate threadpool calls). `max_concurrency` keeps
# fewer such requests in flight than the pool has connections, waiting without a thread:
# otherwise, under overload, every worker thread could block on a checkout while every
# connection belongs to a request waiting for a thread.
ModeratorInTransaction = Annotated[
    Caller,
    Depends(
        require_in_transaction("moderate"),
        scope="function",
        max_concurrency=IN_TRANSACTION_REQUESTS,
    ),
]
Reviewer = Annotated[Principal, Depends(require("review"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Operator = Annotated[Principal, Depends(require("tenants"))]
