"""`Idempotency-Key`: the first response to a key is stored in the same transaction as the
work it describes; a repeat with the same body gets that response, a different body a 409."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tamis.errors import Conflict, InputError
from tamis.services.keys import Principal
from tamis.storage.db import Database
from tamis.storage.models import IdempotencyKey


def run(
    db: Database,
    who: Principal,
    key: str | None,
    request_body: Any,
    work: Callable[[Session], dict[str, Any]],
    *,
    status_code: int = 200,
    secrets: tuple[str, ...] = (),
    session: Session | None = None,
) -> tuple[int, dict[str, Any]]:
    """`secrets` names response fields (API keys, signing secrets) that are shown once and so
    never stored: a replay gets the response with those fields set to null.

    `session`: the request's session, in the transaction that authenticated it
    (`deps.require_in_transaction`); the first attempt works and commits in it. Without it,
    and for the retry after a concurrent request with the same key won, a new session."""
    if key is None:
        with _transaction(db, session) as s:
            return status_code, work(s)
    if not 1 <= len(key) <= 256:
        raise InputError(
            "Idempotency-Key must have 1 to 256 characters", hint="Use a UUID per logical request."
        )
    digest = hashlib.sha256(
        json.dumps(request_body, sort_keys=True, default=str).encode()
    ).hexdigest()
    for attempt in range(2):
        try:
            with _transaction(db, session if attempt == 0 else None) as s:
                row = s.scalar(
                    select(IdempotencyKey).where(
                        IdempotencyKey.tenant_id == who.tenant_id, IdempotencyKey.key == key
                    )
                )
                if row is not None:
                    if row.request_hash != digest:
                        raise Conflict(
                            "this Idempotency-Key was used with a different request",
                            hint="Use a new key for a new request.",
                        )
                    return row.status_code, dict(row.body)
                body = work(s)
                s.add(
                    IdempotencyKey(
                        tenant_id=who.tenant_id,
                        key=key,
                        request_hash=digest,
                        status_code=status_code,
                        body=_without(body, secrets),
                    )
                )
                return status_code, body
        except IntegrityError:
            continue  # a concurrent request with the same key won: read its response
    raise Conflict(
        "a request with this Idempotency-Key is still in progress", hint="Retry in a moment."
    )


@contextmanager
def _transaction(db: Database, session: Session | None) -> Iterator[Session]:
    """`session`'s transaction (committed on success, rolled back on error), or a new one."""
    if session is None:
        with db.session() as s:
            yield s
        return
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _without(body: dict[str, Any], secrets: tuple[str, ...]) -> dict[str, Any]:
    if not secrets:
        return body
    out = {k: (None if k in secrets else v) for k, v in body.items()}
    for k, v in body.items():
        if isinstance(v, dict) and k not in secrets:
            out[k] = _without(v, secrets)
    if any(k in body for k in secrets):
        out["secrets_redacted_on_replay"] = True
    return out
