"""A typed Python client for the tamis REST API (docs/client.md).

    from tamis.client import Client

    with Client("http://127.0.0.1:8686", "tms_...") as tamis:
        [result] = tamis.moderate_text("hello")
        print(result.decision.action if result.decision else result.error)

`AsyncClient` has the same methods, awaited. Errors are `ApiError` subclasses by status.
"""

from __future__ import annotations

from tamis.client._core import Retry
from tamis.client.aio import AsyncClient
from tamis.client.errors import (
    ApiConnectionError,
    ApiError,
    AuthenticationError,
    BadRequestError,
    ClientError,
    ConflictError,
    JobTimeoutError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TamisClientError,
    UnprocessableError,
    UnsupportedMediaError,
)
from tamis.client.models import (
    Case,
    CasePage,
    Decision,
    ErrorInfo,
    Failure,
    Finding,
    Health,
    ImageInfo,
    ImageResult,
    Job,
    Reason,
    TextResult,
)
from tamis.client.resources import (
    ApiKey,
    AuditEntry,
    Delivery,
    Policy,
    PolicySummary,
    PolicyVersion,
    TermList,
    TermListSummary,
    Webhook,
)
from tamis.client.sync import Client

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiKey",
    "AsyncClient",
    "AuditEntry",
    "AuthenticationError",
    "BadRequestError",
    "Case",
    "CasePage",
    "Client",
    "ClientError",
    "ConflictError",
    "Decision",
    "Delivery",
    "ErrorInfo",
    "Failure",
    "Finding",
    "Health",
    "ImageInfo",
    "ImageResult",
    "Job",
    "JobTimeoutError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "Policy",
    "PolicySummary",
    "PolicyVersion",
    "RateLimitError",
    "Reason",
    "Retry",
    "ServerError",
    "ServiceUnavailableError",
    "TamisClientError",
    "TermList",
    "TermListSummary",
    "TextResult",
    "UnprocessableError",
    "UnsupportedMediaError",
    "Webhook",
]
