"""Where policies live: shipped defaults, overridden by ``$TAMIS_HOME/policies/NAME.yaml``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tamis.errors import ConfigError, NotFound, Refused
from tamis.policy.model import Policy


def parse_policy(data: Any, *, source: str) -> Policy:
    if not isinstance(data, dict):
        raise ConfigError(
            "a policy file holds a mapping (name:, labels:, ...)",
            source=source,
            hint="See docs/policy.md for the format.",
        )
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(
            err["msg"].removeprefix("Value error, "),
            source=source,
            key=".".join(str(p) for p in err["loc"]),
            hint="See docs/policy.md for the format.",
        ) from None
    except Refused as exc:
        raise Refused(f"{source}: {exc.message}", hint=exc.hint) from None
    _check_detectors(policy, source)
    _check_decoders(policy, source)
    return policy


def _check_plugins(
    section: str,
    settings_by_name: dict[str, dict[str, Any]],
    get: Callable[[str], Any],
    source: str,
) -> None:
    """Every plugin a policy names exists, and its settings validate against its Config."""
    for name, settings in settings_by_name.items():
        try:
            cls = get(name)
        except NotFound as exc:
            raise ConfigError(
                exc.message, source=source, key=f"{section}.{name}", hint=exc.hint
            ) from None
        try:
            cls.Config.model_validate(settings or {})
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join([section, name, *(str(p) for p in err["loc"])])
            raise ConfigError(
                err["msg"], source=source, key=key, hint=f"See docs/{section}/{name}.md."
            ) from None


def _check_detectors(policy: Policy, source: str) -> None:
    from tamis.detectors import registry

    _check_plugins("detectors", policy.detectors, registry.get, source)


def _check_decoders(policy: Policy, source: str) -> None:
    from tamis.decoding import base as decoding

    _check_plugins("decoders", policy.decoders, decoding.get, source)


def load_policy_file(path: Path) -> Policy:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read policy: {exc}",
            source=str(path),
            hint="A policy is a UTF-8 YAML file; see docs/policy.md.",
        ) from None
    return parse_policy(data, source=str(path))


@cache
def shipped_policies() -> dict[str, Policy]:
    out: dict[str, Policy] = {}
    folder = files("tamis.policy").joinpath("default")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            p = parse_policy(yaml.safe_load(entry.read_text("utf-8")), source=f"tamis:{entry.name}")
            out[p.name] = p
    return out


class PolicyStore:
    """Shipped policies plus the operator's files, re-read only when a file changed."""

    def __init__(self, user_dir: Path | None) -> None:
        self.user_dir = user_dir
        self._cache: tuple[object, dict[str, Policy]] | None = None

    def _revision(self) -> object:
        if self.user_dir is None or not self.user_dir.is_dir():
            return ()
        return tuple(
            (p.name, p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(self.user_dir.glob("*.yaml"))
        )

    def all(self) -> dict[str, Policy]:
        revision = self._revision()
        if self._cache is not None and self._cache[0] == revision:
            return self._cache[1]
        out = dict(shipped_policies())
        if self.user_dir is not None and self.user_dir.is_dir():
            for path in sorted(self.user_dir.glob("*.yaml")):
                p = load_policy_file(path)
                out[p.name] = p
        self._cache = (revision, out)
        return out

    def get(self, name: str) -> Policy:
        policies = self.all()
        try:
            return policies[name]
        except KeyError:
            raise NotFound(
                f"no policy named {name!r}",
                hint="Available: " + ", ".join(sorted(policies)) + ".",
            ) from None
