from __future__ import annotations

import pytest

from tamis.decoding.language import identify


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The weather is lovely today and we are going to the beach.", "en"),
        ("Il fait très beau aujourd'hui et nous allons à la plage.", "fr"),
        ("今天天气很好，我们去海边吧。", "zh"),
        ("這個週末我們一起去看電影吧", "zh"),
    ],
)
def test_languages_are_identified_offline(text: str, lang: str) -> None:
    code, score = identify(text)
    assert code == lang
    assert score is not None and 0.5 < score <= 1.0


@pytest.mark.parametrize("text", ["", "12345 678", "😀😀😀", "   \n\t "])
def test_text_without_letters_has_no_language(text: str) -> None:
    assert identify(text) == (None, None)
