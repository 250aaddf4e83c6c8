"""Plugins are found through entry-point groups, built-ins included, exactly as a third-party
package registers its own; a plugin's module is imported only when it is asked for."""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from tamis.errors import ConfigError, NotFound


def _entry_points(group: str) -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=group)}


def names(group: str) -> list[str]:
    return sorted(_entry_points(group))


@cache
def load(group: str, name: str, base: type[Any]) -> Any:
    """The class registered as `name` in `group`; it must subclass `base` and carry `name`."""
    eps = _entry_points(group)
    kind = group.rsplit(".", 1)[-1].rstrip("s")
    if name not in eps:
        raise NotFound(
            f"no {kind} named {name!r}",
            hint=f"Installed {kind}s: " + (", ".join(sorted(eps)) or "none") + ".",
        )
    ep = eps[name]
    try:
        cls = ep.load()
    except Exception as exc:
        raise ConfigError(
            f"{kind} plugin {name!r} ({ep.value}) failed to load: {exc!r}",
            hint="Reinstall the package that provides it.",
        ) from exc
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise ConfigError(
            f"entry point {name} = {ep.value} is not a {base.__name__} subclass",
            hint=f"A {kind} plugin must subclass {base.__module__}.{base.__name__}.",
        )
    declared = getattr(cls, "name", None)
    if declared != name:
        raise ConfigError(
            f"entry point {name!r} loads a {kind} named {declared!r}",
            hint=f"The entry-point name must equal the {kind}'s `name`.",
        )
    return cls
