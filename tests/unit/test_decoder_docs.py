"""Every registered decoder has its page, docs/decoders/NAME.md, naming each of its settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.decoding import base as decoding

DOCS = Path(__file__).resolve().parents[2] / "docs" / "decoders"


def test_decoders_are_registered() -> None:
    assert {"ocr", "qr"} <= set(decoding.names())


@pytest.mark.parametrize("name", decoding.names())
def test_every_decoder_has_a_page_with_every_setting(name: str) -> None:
    page = DOCS / f"{name}.md"
    assert page.is_file(), f"decoder {name!r} has no docs/decoders/{name}.md"
    text = page.read_text("utf-8")
    missing = [f for f in decoding.get(name).Config.model_fields if f"`{f}`" not in text]
    assert not missing, f"docs/decoders/{name}.md does not describe {missing}"
