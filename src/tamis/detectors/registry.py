"""Detectors: the ``tamis.detectors`` entry-point group (see tamis.plugins)."""

from __future__ import annotations

from tamis import plugins
from tamis.detectors.base import Detector

GROUP = "tamis.detectors"


def names() -> list[str]:
    return plugins.names(GROUP)


def get(name: str) -> type[Detector]:
    cls: type[Detector] = plugins.load(GROUP, name, Detector)
    return cls


def available() -> dict[str, type[Detector]]:
    """Every installed detector class by name (imports them all)."""
    return {n: get(n) for n in names()}
