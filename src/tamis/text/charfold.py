"""Per-character folding tables: compatibility forms, case, accents, invisibles, look-alikes,
leetspeak and traditional Chinese. Built once, lazily per character."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib.resources import files

import opencc

# Characters removed outright: format characters (zero-width, bidi overrides, BOM), controls
# other than whitespace, variation selectors, and combining marks (accents: é -> e).
_DROP_CATEGORIES = frozenset({"Cf", "Cc", "Mn", "Me", "Cs", "Co"})
_KEEP_CONTROLS = frozenset("\t\n\r")

CJK_CLASS = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003134f"
)
CJK_RE = re.compile(f"[{CJK_CLASS}]")


def is_cjk(ch: str) -> bool:
    return CJK_RE.match(ch) is not None


class _FoldTable(dict[str, str]):
    """char -> folded string ('' to drop). Missing entries are computed on first sight."""

    def __missing__(self, ch: str) -> str:
        value = _fold_char(ch)
        self[ch] = value
        return value


def _fold_char(ch: str) -> str:
    if ch in _KEEP_CONTROLS or ch.isspace():
        return " "
    if unicodedata.category(ch) in _DROP_CATEGORIES:
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch).casefold()):
        if c in _KEEP_CONTROLS or c.isspace():
            out.append(" ")
        elif unicodedata.category(c) not in _DROP_CATEGORIES:
            out.append(c)
    return unicodedata.normalize("NFKC", "".join(out))


FOLD = _FoldTable()


@cache
def homoglyphs() -> dict[str, str]:
    """Non-ASCII letters that look like one ASCII letter or digit, mapped to it (Cyrillic а ->
    a, Greek ο -> o, ...). From the Unicode confusables data shipped by confusable_homoglyphs.
    CJK characters are never folded to Latin."""
    raw = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for src, entries in raw.items():
        if len(src) != 1 or src.isascii() or is_cjk(src):
            continue
        folded_src = FOLD[src]
        if len(folded_src) != 1 or folded_src.isascii() or not folded_src.isalpha():
            continue
        for entry in entries:
            target = entry["c"]
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[folded_src] = target.lower()
                break
    table.update(_LOOKALIKE_OVERRIDES)
    return table


# Where the confusables data picks a letter that evaders do not mean (Cyrillic і as "l",
# Greek η as "h"), the letter people read wins. Keys are lower case (folding comes first).
_LOOKALIKE_OVERRIDES = {
    "і": "i",
    "ї": "i",
    "ё": "e",
    "ι": "i",
    "η": "n",
    "υ": "u",
    "ν": "v",
    "ω": "w",
    "μ": "u",
    "к": "k",
    "ѵ": "v",
}


# Leetspeak: applied only inside tokens that are mostly letters (see normalization.py).
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
        "€": "e",
    }
)

_T2S = opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese, character for character (same length)."""
    converted: str = _T2S.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_t2s_char(c) for c in text)


@cache
def _t2s_char(ch: str) -> str:
    out: str = _T2S.convert(ch)
    return out if len(out) == 1 else ch
