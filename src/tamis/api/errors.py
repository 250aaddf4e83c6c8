"""The one place where the API turns errors into responses: {"error": {code, message, hint}}."""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException

from tamis.errors import RateLimited, TamisError

log = logging.getLogger("tamis.api")


def first_error(exc: ValidationError) -> str:
    """`field.path: message` of the first validation error."""
    errs = exc.errors()
    if not errs:
        return "invalid"
    where = ".".join(str(p) for p in errs[0].get("loc", ()))
    return f"{where}: {errs[0]['msg']}" if where else str(errs[0]["msg"])


def error_response(
    status: int, code: str, message: str, hint: str = "", headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "hint": hint}},
        status_code=status,
        headers=headers,
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(TamisError)
    async def tamis_error(_: Request, exc: TamisError) -> JSONResponse:
        headers = None
        if isinstance(exc, RateLimited):  # whole seconds, rounded up: never too early
            headers = {"Retry-After": str(max(1, math.ceil(exc.retry_after)))}
        return error_response(exc.http_status, exc.code, exc.message, exc.hint, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        errs = exc.errors()
        first = errs[0] if errs else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        msg = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        return error_response(
            422,
            "invalid_request",
            msg,
            "See the request schema at /docs (OpenAPI at /openapi.json).",
        )

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(
            exc.status_code,
            code,
            str(exc.detail),
            "See /docs for the routes.",
            dict(exc.headers or {}),
        )

    @app.exception_handler(OperationalError)
    async def db_down(_: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc.orig)
        return error_response(
            503,
            "service_unavailable",
            "the database cannot be reached",
            "Nothing was stored; retry later.",
            {"Retry-After": "2"},
        )

    @app.exception_handler(DataError)
    async def unstorable(_: Request, exc: DataError) -> JSONResponse:
        # A value PostgreSQL refuses (a NUL character, a number out of range): the client's.
        log.warning("value refused by the database: %s", exc.orig)
        return error_response(
            400,
            "invalid_input",
            f"a value in the request cannot be stored or searched: {str(exc.orig)[:200]}",
            "Remove NUL characters (U+0000) and keep numbers within 64-bit integers.",
        )

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(
            500,
            "internal_error",
            "unexpected server error",
            "This is a bug in tamis; the server log has the details.",
        )
