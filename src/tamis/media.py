"""What is submitted (Media) and what decoding makes of it (Part, with a Locator)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tamis.text.normalization import NormalizedText

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Modality(StrEnum):
    TEXT = "text"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class Box:
    """Axis-aligned box in pixels of the original image: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.w, self.h)
        if min(self.w, self.h) < 0 or not all(math.isfinite(v) for v in values):
            raise ValueError(f"invalid box {self!r}")


@dataclass(frozen=True, slots=True)
class Locator:
    """Where in the media a part or finding sits. Every field is optional."""

    frame: int | None = None
    start_s: float | None = None
    end_s: float | None = None
    char_span: tuple[int, int] | None = None
    box: Box | None = None

    def __post_init__(self) -> None:
        if self.char_span is not None:
            start, end = self.char_span
            if not 0 <= start <= end:
                raise ValueError(f"invalid char_span {self.char_span}")
        if self.start_s is not None and self.end_s is not None and self.end_s < self.start_s:
            raise ValueError(f"end_s {self.end_s} before start_s {self.start_s}")
        if self.frame is not None and self.frame < 0:
            raise ValueError(f"invalid frame {self.frame}")

    def merged(self, inner: Locator) -> Locator:
        """This part's locator refined by a finding's locator inside the part."""
        return Locator(
            frame=inner.frame if inner.frame is not None else self.frame,
            start_s=inner.start_s if inner.start_s is not None else self.start_s,
            end_s=inner.end_s if inner.end_s is not None else self.end_s,
            char_span=inner.char_span if inner.char_span is not None else self.char_span,
            box=inner.box if inner.box is not None else self.box,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.frame is not None:
            out["frame"] = self.frame
        if self.start_s is not None:
            out["start_s"] = self.start_s
        if self.end_s is not None:
            out["end_s"] = self.end_s
        if self.char_span is not None:
            out["char_span"] = list(self.char_span)
        if self.box is not None:
            out["box"] = [self.box.x, self.box.y, self.box.w, self.box.h]
        return out


NO_LOCATION = Locator()


@dataclass(frozen=True)
class Media:
    """One submitted item: inline data (str for text, bytes otherwise) or a URI."""

    id: str
    modality: Modality
    data: str | bytes | None = None
    uri: str | None = None
    mime: str | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        if (self.data is None) == (self.uri is None):
            raise ValueError("Media needs exactly one of data or uri")
        if not self.id:
            raise ValueError("Media needs a non-empty id")

    @classmethod
    def text(cls, text: str, *, id: str = "text", meta: Mapping[str, Any] | None = None) -> Media:
        return cls(id=id, modality=Modality.TEXT, data=text, mime="text/plain", meta=meta or _EMPTY)


@dataclass(frozen=True)
class Part:
    """A piece of decoded media that detectors look at, with where it came from.

    For text parts `payload` is the original string; `lang` is set by decoding.
    """

    media_id: str
    modality: Modality
    payload: Any
    locator: Locator = NO_LOCATION
    lang: str | None = None
    lang_score: float | None = None

    @cached_property
    def normalized(self) -> NormalizedText:
        """The evasion-resistant view of a text part, computed once and shared by detectors."""
        from tamis.text.normalization import normalize

        if self.modality is not Modality.TEXT or not isinstance(self.payload, str):
            raise TypeError(f"part of {self.media_id} is {self.modality}, not text")
        return normalize(self.payload)

    @classmethod
    def text(cls, text: str, *, media_id: str = "text", lang: str | None = None) -> Part:
        return cls(media_id=media_id, modality=Modality.TEXT, payload=text, lang=lang)
