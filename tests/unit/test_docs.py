"""Public behaviour is documented: these fail when a setting, label, command, error code,
policy key or output key is missing from docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis import errors
from tamis.config import SETTINGS
from tamis.policy.model import Policy
from tamis.taxonomy import LABELS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _read(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{SETTINGS[name].env}`" in _read("settings.md")


@pytest.mark.parametrize("label", sorted(LABELS))
def test_every_label_is_documented_with_its_mapping(label: str) -> None:
    row = next(
        line for line in _read("taxonomy.md").splitlines() if line.startswith(f"| `{label}` |")
    )
    for name in LABELS[label].openai + LABELS[label].azure + LABELS[label].alibaba:
        assert name in row


def _error_classes() -> list[type[errors.TamisError]]:
    found = [errors.TamisError]
    for cls in found:
        found.extend(cls.__subclasses__())
    return found[1:]


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_error_code_is_documented(cls: type[errors.TamisError]) -> None:
    assert f"| `{cls.code}` | {cls.exit_code} | {cls.http_status} |" in _read("errors.md")


@pytest.mark.parametrize("key", sorted(Policy.model_fields))
def test_every_policy_key_is_documented(key: str) -> None:
    assert f"| `{key}` |" in _read("policy.md")


def test_every_cli_command_is_documented() -> None:
    from typer.main import get_command

    from tamis.cli.main import app

    text = _read("cli.md")
    root = get_command(app)
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        for sub in subs or [None]:
            usage = f"`tamis {name}" + (f" {sub}" if sub else "")
            assert usage in text, f"{usage}` is not in docs/cli.md"


def test_every_output_key_is_documented() -> None:
    from tamis.findings import Action, Decision, Finding, ModerationResult
    from tamis.media import Media

    result = ModerationResult(
        Media.text("x"),
        (Finding("d", "1", "spam", 0.5),),
        (),
        Decision(Action.ALLOW, (), "p", "v"),
        {},
        (),
    )
    text = _read("output.md")
    for key in result.to_dict():
        assert f"`{key}" in text, key


def test_image_output_is_documented() -> None:
    """What an image result carries: every locator key, and the `image` key that the API,
    `tamis moderate image --json` and `tamis scan` add."""
    from tamis.media import Box, Locator, Modality

    text = _read("output.md")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    locator = Locator(frame=1, start_s=0.5, char_span=(0, 3), box=Box(1.0, 2.0, 3.0, 4.0))
    for key in locator.to_dict():
        assert any(r.startswith("| `findings[].locator") and key in r for r in rows), key
    (modality,) = [r for r in rows if r.startswith("| `modality`")]
    assert f"`{Modality.IMAGE}`" in modality and "later `image`" not in modality
    (image,) = [r for r in rows if r.startswith("| `image`")]
    assert all(f"`{k}`" in image for k in ("format", "width", "height")), image
    assert "later `box`" not in text
