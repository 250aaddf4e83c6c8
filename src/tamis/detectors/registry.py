"""Detectors are found through the ``tamis.detectors`` entry-point group.

Built-in detectors are registered in tamis's own pyproject.toml, exactly as a third-party
package registers its own. A detector's module is imported only when it is asked for.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points

from tamis.detectors.base import Detector
from tamis.errors import ConfigError, NotFound

GROUP = "tamis.detectors"


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def names() -> list[str]:
    return sorted(_entry_points())


@cache
def get(name: str) -> type[Detector]:
    eps = _entry_points()
    if name not in eps:
        raise NotFound(
            f"no detector named {name!r}",
            hint="Installed detectors: " + ", ".join(sorted(eps)) + ".",
        )
    ep = eps[name]
    try:
        cls = ep.load()
    except Exception as exc:
        raise ConfigError(
            f"detector plugin {name!r} ({ep.value}) failed to load: {exc!r}",
            hint="Reinstall the package that provides it.",
        ) from exc
    if not (isinstance(cls, type) and issubclass(cls, Detector)):
        raise ConfigError(
            f"entry point {name} = {ep.value} is not a tamis Detector subclass",
            hint="A detector plugin must subclass tamis.detectors.base.Detector.",
        )
    if cls.name != name:
        raise ConfigError(
            f"entry point {name!r} loads a detector named {cls.name!r}",
            hint="The entry-point name must equal the detector's `name`.",
        )
    return cls


def available() -> dict[str, type[Detector]]:
    """Every installed detector class by name (imports them all)."""
    return {n: get(n) for n in names()}
