"""The detector plugin contract.

A detector does its expensive set-up in ``__init__`` and then answers ``detect(parts)`` for
batches: one list of findings per part, in order. It only observes: it never rewrites content
and never feeds another detector. The same class runs in-process, behind the API and inside a
Ray Data actor.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from tamis.errors import ConfigError
from tamis.findings import Finding
from tamis.media import Locator, Modality, Part


def check_model_labels(value: list[str], known: Sequence[str], detector: str) -> list[str]:
    """A `labels` setting's validator: every label must be one the detector's model emits."""
    for label in value:
        if label not in known:
            raise ValueError(f"unknown label {label!r} for {detector} (one of {', '.join(known)})")
    return value


class DetectorConfig(BaseModel):
    """Base of every detector's settings: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Example:
    """A documented example that the contract test runs: `text` must yield `expect` labels
    and none of `absent`."""

    text: str
    expect: frozenset[str] = field(default_factory=frozenset)
    absent: frozenset[str] = field(default_factory=frozenset)


class Detector(ABC):
    name: ClassVar[str]
    version: ClassVar[str]
    modalities: ClassVar[frozenset[Modality]]
    labels: ClassVar[tuple[str, ...]]
    Config: ClassVar[type[DetectorConfig]] = DetectorConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config if config is not None else self.Config()
        if not isinstance(self.config, self.Config):
            raise TypeError(f"{self.name} expects {self.Config.__name__}")

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None, *, source: str = "") -> Detector:
        """Build from untyped settings (a policy file), with loud errors naming the key."""
        try:
            config = cls.Config.model_validate(dict(settings or {}))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise ConfigError(
                err["msg"],
                source=source or f"detector {cls.name}",
                key=key,
                hint=f"See docs/detectors/{cls.name}.md for the settings of {cls.name}.",
            ) from None
        return cls(config)

    @abstractmethod
    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        """Return one list of findings per part, in the order of `parts`."""

    @classmethod
    def examples(cls) -> list[Example]:
        return []

    def finding(
        self,
        label: str,
        score: float,
        *,
        span: tuple[int, int] | None = None,
        evidence: Mapping[str, Any] | None = None,
        part: Part | None = None,
    ) -> Finding:
        """Build a finding stamped with this detector's name, version and the part's language."""
        return Finding(
            detector=self.name,
            detector_version=self.version,
            label=label,
            score=score,
            locator=Locator(char_span=span) if span is not None else Locator(),
            evidence=evidence or {},
            lang=part.lang if part is not None else None,
        )
