"""Typed, frozen views of the API's JSON. Each keeps the object it was read from in `raw`,
so keys added by a newer server are never out of reach."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _req_dt(value: Any) -> datetime:
    parsed = _dt(value)
    if parsed is None:
        raise ValueError(f"expected an ISO 8601 timestamp, got {value!r}")
    return parsed


def _raw() -> Any:
    return field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class ErrorInfo:
    """`{"code", "message", "hint"}` of an item or a job that failed."""

    code: str
    message: str
    hint: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ErrorInfo:
        return cls(str(d.get("code", "")), str(d.get("message", "")), str(d.get("hint", "")))


@dataclass(frozen=True)
class Finding:
    """One observation. `span` is `[start, end)` in characters of the text, when located."""

    label: str
    score: float
    detector: str
    detector_version: str
    span: tuple[int, int] | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    lang: str | None = None
    locator: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Finding:
        locator = dict(d.get("locator") or {})
        span = locator.get("char_span")
        return cls(
            label=d["label"],
            score=float(d["score"]),
            detector=d.get("detector", ""),
            detector_version=d.get("detector_version", ""),
            span=(int(span[0]), int(span[1])) if span else None,
            evidence=dict(d.get("evidence") or {}),
            lang=d.get("lang"),
            locator=locator,
        )


@dataclass(frozen=True)
class Reason:
    """A rule that fired; `findings` are indexes into the result's findings."""

    rule: str
    action: str
    findings: tuple[int, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Reason:
        return cls(d["rule"], d["action"], tuple(d.get("findings", ())))


@dataclass(frozen=True)
class Decision:
    action: str  # allow, label, review or block
    policy: str
    policy_version: str
    reasons: tuple[Reason, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Decision:
        return cls(
            d["action"],
            d["policy"],
            d.get("policy_version", ""),
            tuple(Reason.from_dict(r) for r in d.get("reasons", ())),
        )


@dataclass(frozen=True)
class Failure:
    """A detector that failed on the item (the policy sends the item to review)."""

    detector: str
    error: str
    message: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Failure:
        return cls(d.get("detector", ""), d.get("error", ""), d.get("message", ""))


def _common(d: Mapping[str, Any]) -> dict[str, Any]:
    decision = d.get("decision")
    error = d.get("error")
    return {
        "id": str(d.get("id", "")),
        "decision": Decision.from_dict(decision) if decision else None,
        "findings": tuple(Finding.from_dict(f) for f in d.get("findings", ())),
        "failures": tuple(Failure.from_dict(f) for f in d.get("failures", ())),
        "case_id": d.get("case_id"),
        "error": ErrorInfo.from_dict(error) if isinstance(error, Mapping) else None,
        "raw": d,
    }


@dataclass(frozen=True)
class _Result:
    id: str
    decision: Decision | None
    findings: tuple[Finding, ...]
    failures: tuple[Failure, ...]
    case_id: str | None
    error: ErrorInfo | None

    @property
    def ok(self) -> bool:
        """False for an item the server could not process (see `error`)."""
        return self.error is None

    @property
    def action(self) -> str | None:
        return self.decision.action if self.decision else None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({f.label for f in self.findings}))


@dataclass(frozen=True)
class TextResult(_Result):
    """One text's result (docs/output.md). An item the server could not process has
    `error` set and no decision."""

    languages: tuple[str, ...] = ()
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TextResult:
        return cls(
            **_common(d),
            languages=tuple(d.get("languages", ())),
            timings_ms=dict(d.get("timings_ms") or {}),
        )


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


@dataclass(frozen=True)
class ImageResult(_Result):
    image: ImageInfo | None = None
    warnings: tuple[str, ...] = ()
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ImageResult:
        img = d.get("image")
        return cls(
            **_common(d),
            image=ImageInfo(img["format"], int(img["width"]), int(img["height"])) if img else None,
            warnings=tuple(d.get("warnings", ())),
        )


JOB_DONE = frozenset({"done", "failed"})


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    status: str  # queued, running, done or failed
    policy: str | None
    attempts: int
    callback_url: str | None
    result: Mapping[str, Any] | None
    error: ErrorInfo | None
    created_at: datetime
    updated_at: datetime
    callback_secret: str | None = None  # only in the response that created the job
    raw: Mapping[str, Any] = _raw()

    @property
    def finished(self) -> bool:
        return self.status in JOB_DONE

    @property
    def results(self) -> tuple[TextResult, ...]:
        """The per-item results of a finished text_batch job."""
        items = (self.result or {}).get("results", ())
        return tuple(TextResult.from_dict(r) for r in items)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Job:
        return cls(
            id=d["id"],
            kind=d["kind"],
            status=d["status"],
            policy=d.get("policy"),
            attempts=int(d.get("attempts", 0)),
            callback_url=d.get("callback_url"),
            result=d.get("result"),
            error=ErrorInfo.from_dict(d["error"]) if d.get("error") else None,
            created_at=_req_dt(d["created_at"]),
            updated_at=_req_dt(d["updated_at"]),
            callback_secret=d.get("callback_secret"),
            raw=d,
        )


@dataclass(frozen=True)
class Case:
    """A stored result. `result` is the result object; it holds `text` only when the policy's
    `store_media` kept it."""

    id: str
    external_id: str
    modality: str
    action: str
    labels: tuple[str, ...]
    policy: str
    policy_version: str
    created_at: datetime
    result: Mapping[str, Any]
    raw: Mapping[str, Any] = _raw()

    @property
    def text(self) -> str | None:
        value = self.result.get("text")
        return value if isinstance(value, str) else None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Case:
        return cls(
            id=d["id"],
            external_id=d.get("external_id", ""),
            modality=d.get("modality", ""),
            action=d["action"],
            labels=tuple(d.get("labels", ())),
            policy=d.get("policy", ""),
            policy_version=d.get("policy_version", ""),
            created_at=_req_dt(d["created_at"]),
            result=d.get("result") or {},
            raw=d,
        )


@dataclass(frozen=True)
class CasePage:
    items: tuple[Case, ...]
    next_cursor: str | None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CasePage:
        return cls(tuple(Case.from_dict(c) for c in d.get("items", ())), d.get("next_cursor"))


@dataclass(frozen=True)
class Health:
    """`/healthz` or `/readyz`: `schema` is the database migration, `reason` why not ready."""

    status: str
    schema: str | None = None
    reason: str | None = None
    raw: Mapping[str, Any] = _raw()

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "ready")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Health:
        return cls(str(d.get("status", "")), d.get("schema"), d.get("reason"), d)
