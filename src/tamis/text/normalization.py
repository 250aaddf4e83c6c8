"""Evasion-resistant normalisation that remembers where every character came from.

``normalize(text)`` folds compatibility forms (full-width, math letters), case, accents,
invisible characters, look-alike letters from other scripts, leetspeak, separators inside
words (``s.e.x``, ``s e x``), masking (``f*ck`` keeps ``*`` as a wildcard for the matcher),
letter floods (``fuuuuck``), traditional Chinese and punctuation between Chinese characters.

Every normalised character knows the original characters it came from, so a match in the
normalised text maps back to a span of the original string with ``original_span``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tamis.text.charfold import CJK_CLASS, CJK_RE, FOLD, LEET, homoglyphs, to_simplified

MASK = "*"

_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LEET_TOKEN = re.compile(r"[a-z0-9@$!|+€]{2,64}")
# Cheap pre-check: a leet character touching a letter ("hello!" alone does not count).
_LEET_HINT = re.compile(r"[a-z][0-9@$|+€]|[0-9@$!|+€][a-z]")
_MASKED_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{1,20}(?:[*#%]{1,4}[^\W\d_]{1,20}){1,3}(?![^\W_])")
# Three or more single letters split by up to three separators: s.e.x, s e x, f-u-c-k.
_SPLIT_WORD = re.compile(r"(?<![^\W_])[^\W\d_](?:[^\w\n]{1,3}[^\W\d_](?![^\W_])){2,}")
_CJK_GAP = re.compile(f"(?<=[{CJK_CLASS}])[\\W_]+(?=[{CJK_CLASS}])")
_FLOOD = re.compile(r"([^\W\d_])\1{2,}")
_SPACES = re.compile(r"  +")
_HOMOGLYPH_TOKEN = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class NormalizedForm:
    """One normalised string and, per character, the original [start, end) it came from.
    `starts`/`ends` are None when the mapping is the identity."""

    text: str
    starts: list[int] | None
    ends: list[int] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raise ValueError(f"empty span {start}:{end}")
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    form: NormalizedForm
    variants: tuple[NormalizedForm, ...] = ()

    @property
    def text(self) -> str:
        return self.form.text

    def forms(self) -> Iterator[NormalizedForm]:
        yield self.form
        yield from self.variants

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.form.original_span(start, end)


def normalize(text: str) -> NormalizedText:
    if text.isascii() and not _ASCII_CONTROL.search(text):
        form = NormalizedForm(text.lower(), None, None)
    else:
        form = _fold_chars(text)
        if not form.text.isascii():
            form = _fold_homoglyphs(form)
            if CJK_RE.search(form.text):
                form = NormalizedForm(to_simplified(form.text), form.starts, form.ends)
                form = _rewrite(form, _CJK_GAP, lambda m: ())
    form = _unleet(form)
    if MASK in form.text or "#" in form.text or "%" in form.text:
        form = _rewrite(form, _MASKED_WORD, _keep_mask)
    form = _rewrite(form, _SPLIT_WORD, _keep_word_chars)
    if "  " in form.text:
        form = _rewrite(form, _SPACES, lambda m: (m.start(),))
    flooded = _rewrite(form, _FLOOD, lambda m: (m.start(), m.start() + 1))
    if flooded is form:
        return NormalizedText(text, form)
    once = _rewrite(form, _FLOOD, lambda m: (m.start(),))
    return NormalizedText(text, flooded, (once,))


def _fold_chars(text: str) -> NormalizedForm:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    fold = FOLD
    for i, ch in enumerate(text):
        rep = fold[ch]
        if len(rep) == 1:
            out.append(rep)
            starts.append(i)
            ends.append(i + 1)
        elif rep:
            out.append(rep)
            starts.extend([i] * len(rep))
            ends.extend([i + 1] * len(rep))
        elif ends:
            # A dropped character (accent, zero-width, control) joins the span before it.
            ends[-1] = i + 1
    return NormalizedForm("".join(out), starts, ends)


def _fold_homoglyphs(form: NormalizedForm) -> NormalizedForm:
    """Fold look-alike letters to Latin in tokens that are Latin-mixed or entirely look-alike,
    so 'ѕех' (Cyrillic) reads 'sex' while a real Russian word keeps its letters."""
    table = homoglyphs()
    text = form.text
    pieces: list[str] = []
    last = 0
    for m in _HOMOGLYPH_TOKEN.finditer(text):
        token = m.group()
        if token.isascii() or not any(c in table for c in token):
            continue
        if all(c.isascii() or c in table for c in token):
            pieces.append(text[last : m.start()])
            pieces.append("".join(table.get(c, c) for c in token))
            last = m.end()
    if not pieces:
        return form
    pieces.append(text[last:])
    return NormalizedForm("".join(pieces), form.starts, form.ends)


def _unleet(form: NormalizedForm) -> NormalizedForm:
    text = form.text
    if not _LEET_HINT.search(text):
        return form

    def fix(m: re.Match[str]) -> str:
        token = m.group()
        letters = sum(c.isalpha() for c in token)
        digits = sum(c.isdigit() for c in token)
        if letters == 0 or (digits and letters < 2):
            return token  # numbers and product codes (a55, 2024) stay as they are
        core = token.rstrip("!|")  # "hello!" keeps its exclamation mark
        return core.translate(LEET) + token[len(core) :]

    new = _LEET_TOKEN.sub(fix, text)
    return form if new == text else NormalizedForm(new, form.starts, form.ends)


def _keep_mask(m: re.Match[str]) -> tuple[int, ...]:
    """Keep every character: each masking character (* # %) becomes one wildcard."""
    return tuple(range(m.start(), m.end()))


def _keep_word_chars(m: re.Match[str]) -> tuple[int, ...]:
    s = m.string
    return tuple(i for i in range(m.start(), m.end()) if s[i].isalnum())


def _rewrite(
    form: NormalizedForm,
    pattern: re.Pattern[str],
    keep: Callable[[re.Match[str]], tuple[int, ...]],
) -> NormalizedForm:
    """Replace each match by the characters at the positions `keep` returns, carrying their
    original offsets. Returns `form` itself when nothing matched."""
    text = form.text
    matches = list(pattern.finditer(text))
    if not matches:
        return form
    n = len(text)
    starts = form.starts if form.starts is not None else list(range(n))
    ends = form.ends if form.ends is not None else list(range(1, n + 1))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for m in matches:
        out.append(text[pos : m.start()])
        new_starts.extend(starts[pos : m.start()])
        new_ends.extend(ends[pos : m.start()])
        kept = keep(m)
        for k, i in enumerate(kept):
            out.append(MASK if text[i] in "#%" else text[i])
            new_starts.append(starts[m.start()] if k == 0 else starts[i])
            last = k == len(kept) - 1
            new_ends.append(ends[m.end() - 1] if last else ends[i])
        if not kept and new_ends:
            new_ends[-1] = max(new_ends[-1], ends[m.end() - 1])
        pos = m.end()
    out.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return NormalizedForm("".join(out), new_starts, new_ends)
