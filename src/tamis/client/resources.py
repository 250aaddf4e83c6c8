"""Typed views of the configuration resources: policies, term lists, webhooks and their
deliveries, API keys, audit entries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tamis.client.models import _dt, _raw, _req_dt


@dataclass(frozen=True)
class PolicySummary:
    name: str
    digest: str
    version: int | None  # the tenant's version number; None for a shipped policy
    source: str  # "tenant" or "shipped"
    description: str = ""
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PolicySummary:
        return cls(
            d["name"], d["digest"], d.get("version"), d["source"], d.get("description", ""), d
        )


@dataclass(frozen=True)
class Policy:
    name: str
    version: int | None
    digest: str
    source: str
    definition: Mapping[str, Any]  # the policy as validated, see docs/policy.md
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Policy:
        return cls(d["name"], d.get("version"), d["digest"], d["source"], d["policy"], d)


@dataclass(frozen=True)
class PolicyVersion:
    version: int
    digest: str
    deleted: bool
    created_at: datetime
    definition: Mapping[str, Any]
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PolicyVersion:
        return cls(
            int(d["version"]),
            d["digest"],
            bool(d.get("deleted")),
            _req_dt(d["created_at"]),
            d.get("policy") or {},
            d,
        )


@dataclass(frozen=True)
class TermListSummary:
    name: str
    kind: str  # block, review or allow
    label: str | None
    terms_count: int
    source: str
    revision: int | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TermListSummary:
        return cls(
            d["name"],
            d["kind"],
            d.get("label"),
            int(d.get("terms_count", 0)),
            d["source"],
            d.get("revision"),
            d,
        )


@dataclass(frozen=True)
class TermList:
    name: str
    source: str
    revision: int | None
    terms_count: int
    definition: Mapping[str, Any]  # the list as validated, see docs/lists.md
    raw: Mapping[str, Any] = _raw()

    @property
    def terms(self) -> Mapping[str, tuple[str, ...]]:
        """Terms by language."""
        return {k: tuple(v) for k, v in (self.definition.get("terms") or {}).items()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TermList:
        return cls(
            d["name"], d["source"], d.get("revision"), int(d.get("terms_count", 0)), d["list"], d
        )


@dataclass(frozen=True)
class Webhook:
    id: str
    url: str
    events: tuple[str, ...]
    active: bool
    created_at: datetime
    secret: str | None = None  # only in the response that created the endpoint
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Webhook:
        return cls(
            d["id"],
            d["url"],
            tuple(d.get("events", ())),
            bool(d.get("active", True)),
            _req_dt(d["created_at"]),
            d.get("secret"),
            d,
        )


@dataclass(frozen=True)
class Delivery:
    id: str
    event_id: str
    event_type: str
    status: str  # pending, delivered or failed
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Delivery:
        return cls(
            d["id"],
            d["event_id"],
            d["event_type"],
            d["status"],
            int(d.get("attempts", 0)),
            d.get("last_status_code"),
            d.get("last_error"),
            _req_dt(d["created_at"]),
            _dt(d.get("delivered_at")),
            d,
        )


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    key: str | None = None  # the secret itself: only in the response that created it
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ApiKey:
        return cls(
            d["id"],
            d["name"],
            d.get("prefix", ""),
            tuple(d.get("scopes", ())),
            _dt(d.get("created_at")),
            _dt(d.get("revoked_at")),
            _dt(d.get("last_used_at")),
            d.get("key"),
            d,
        )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    actor: str
    action: str
    object_type: str
    object_id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    at: datetime
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> AuditEntry:
        return cls(
            int(d["id"]),
            d["actor"],
            d["action"],
            d["object_type"],
            d["object_id"],
            d.get("before"),
            d.get("after"),
            _req_dt(d["at"]),
            d,
        )
