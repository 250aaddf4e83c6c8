"""Decoders that derive parts from parts: OCR and QR codes turn image parts into text parts
(with the box they came from), speech-to-text turns audio into timed text. They run before
detectors; detectors never feed each other. Registered in the ``tamis.decoders`` group."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pydantic import ValidationError

from tamis import plugins
from tamis.detectors.base import DetectorConfig
from tamis.errors import ConfigError
from tamis.media import Modality, Part

GROUP = "tamis.decoders"


class Decoder(ABC):
    name: ClassVar[str]
    version: ClassVar[str]
    modalities: ClassVar[frozenset[Modality]]  # the parts it reads
    Config: ClassVar[type[DetectorConfig]] = DetectorConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config if config is not None else self.Config()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> Decoder:
        try:
            config = cls.Config.model_validate(dict(settings or {}))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise ConfigError(
                err["msg"],
                source=f"decoder {cls.name}",
                key=".".join(str(p) for p in err["loc"]),
                hint=f"See docs/decoders/{cls.name}.md.",
            ) from None
        return cls(config)

    @abstractmethod
    def decode(self, parts: Sequence[Part]) -> list[list[Part]]:
        """One list of derived parts per input part, in order."""


def names() -> list[str]:
    return plugins.names(GROUP)


def get(name: str) -> type[Decoder]:
    cls: type[Decoder] = plugins.load(GROUP, name, Decoder)
    return cls
