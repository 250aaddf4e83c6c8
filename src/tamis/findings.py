"""What detectors observe (Finding), what policy decides (Decision), and the frozen result."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType
from typing import Any

from tamis.media import NO_LOCATION, Locator, Media
from tamis.taxonomy import check_label

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Action(IntEnum):
    """Ordered by severity: the most severe action wins."""

    ALLOW = 0
    LABEL = 1
    REVIEW = 2
    BLOCK = 3

    @classmethod
    def parse(cls, value: str) -> Action:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown action {value!r}; expected one of allow, label, review, block"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One observation: a label with a score in 0..1, where it is, and why."""

    detector: str
    detector_version: str
    label: str
    score: float
    locator: Locator = NO_LOCATION
    evidence: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    lang: str | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.score, int | float) and math.isfinite(self.score)):
            raise ValueError(f"score must be a finite number, got {self.score!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in 0..1, got {self.score}")
        check_label(self.label)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "score": round(float(self.score), 6),
            "detector": self.detector,
            "detector_version": self.detector_version,
        }
        loc = self.locator.to_dict()
        if loc:
            out["locator"] = loc
        if self.lang:
            out["lang"] = self.lang
        if self.evidence:
            out["evidence"] = dict(self.evidence)
        return out


@dataclass(frozen=True, slots=True)
class DetectorFailure:
    """A detector that raised on a batch. Policy turns it into review, never into allow."""

    detector: str
    error: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"detector": self.detector, "error": self.error, "message": self.message}


@dataclass(frozen=True, slots=True)
class Reason:
    """A rule that fired: its id, the action it asks for, and the findings behind it."""

    rule: str
    action: Action
    findings: tuple[int, ...] = ()  # indexes into ModerationResult.findings

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "action": str(self.action), "findings": list(self.findings)}


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    reasons: tuple[Reason, ...]
    policy_name: str
    policy_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": str(self.action),
            "policy": self.policy_name,
            "policy_version": self.policy_version,
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class ModerationResult:
    media: Media
    findings: tuple[Finding, ...]
    failures: tuple[DetectorFailure, ...]
    decision: Decision
    timings: Mapping[str, float]
    languages: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels that mattered: those of findings behind a rule that fired, sorted.
        (A classifier reports every label it scores; most of them fire nothing.)"""
        fired = {self.findings[i].label for r in self.decision.reasons for i in r.findings}
        return tuple(sorted(fired))

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape documented in docs/output.md."""
        return {
            "id": self.media.id,
            "modality": str(self.media.modality),
            "decision": self.decision.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "failures": [f.to_dict() for f in self.failures],
            "languages": list(self.languages),
            "timings_ms": {k: round(v * 1000, 3) for k, v in self.timings.items()},
        }
