"""A policy as written in YAML, validated at load."""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from itertools import pairwise
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from tamis.errors import InputError, Refused
from tamis.findings import Action
from tamis.lists.model import NAME_PATTERN
from tamis.taxonomy import check_label

DEFAULT_DETECTORS: dict[str, dict[str, Any]] = {
    "term_lists": {},
    "ads_spam": {},
    "sexual_minors": {},
    "text_classifier": {},
}


def _action(value: Any) -> Action:
    if isinstance(value, Action):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an action name, got {value!r}")
    return Action.parse(value)


class Thresholds(BaseModel):
    """Minimum score for each action; the most severe action reached wins."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: float | None = Field(default=None, ge=0.0, le=1.0)
    review: float | None = Field(default=None, ge=0.0, le=1.0)
    block: float | None = Field(default=None, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        steps = [
            (n, v)
            for n, v in (("label", self.label), ("review", self.review), ("block", self.block))
            if v is not None
        ]
        if not steps:
            raise ValueError("give at least one of label, review, block")
        for (n1, v1), (n2, v2) in pairwise(steps):
            if v2 < v1:
                raise ValueError(f"{n2} threshold {v2} is below {n1} threshold {v1}")
        return self

    def action_for(self, score: float) -> tuple[Action, float] | None:
        for action, value in (
            (Action.BLOCK, self.block),
            (Action.REVIEW, self.review),
            (Action.LABEL, self.label),
        ):
            if value is not None and score >= value:
                return action, value
        return None


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=NAME_PATTERN)
    description: str = ""
    labels: dict[str, Thresholds] = Field(default_factory=dict)
    lists: dict[str, Action] = Field(default_factory=dict)
    banks: dict[str, Action] = Field(default_factory=dict)
    on_failure: Action = Action.REVIEW
    store_media: Literal["never", "flagged", "always"] = "flagged"
    detectors: dict[str, dict[str, Any]] = Field(default_factory=lambda: dict(DEFAULT_DETECTORS))
    decoders: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, value: dict[str, Thresholds]) -> dict[str, Thresholds]:
        for label in value:
            if label.startswith("list:"):
                raise ValueError(f"{label}: list hits are configured under `lists`, by list name")
            if label.startswith("bank:"):
                raise ValueError(f"{label}: bank matches are configured under `banks`, by name")
            try:
                check_label(label)
            except Refused:
                raise
            except InputError as exc:
                raise ValueError(f"{exc.message}. {exc.hint}") from None
        return value

    @field_validator("lists", "banks", mode="before")
    @classmethod
    def _list_actions(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: _action(v) for k, v in value.items()}
        return value

    @field_serializer("lists", "banks", when_used="json")
    def _list_action_names(self, value: dict[str, Action]) -> dict[str, str]:
        # By name, as written: an IntEnum would dump as a number that parsing rejects.
        return {k: str(v) for k, v in value.items()}

    @field_serializer("on_failure", when_used="json")
    def _failure_action_name(self, value: Action) -> str:
        return str(value)

    @field_validator("on_failure", mode="before")
    @classmethod
    def _failure_action(cls, value: Any) -> Action:
        action = _action(value)
        if action < Action.REVIEW:
            raise ValueError("on_failure must be review or block: a failed detector never allows")
        return action

    @cached_property
    def version(self) -> str:
        """A digest of the policy's content: any change gives a new version."""
        data = self.model_dump(mode="json")
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:12]
