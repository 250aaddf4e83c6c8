"""Find term-list hits in normalised text with one Aho-Corasick automaton over every list.

Latin-script (and any spaced-script) terms match on word boundaries, CJK terms as substrings.
A masked word (``f*ck``) is compared with terms of the same length. Allow-list hits suppress
the hits they contain. Spans are reported in the ORIGINAL text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from tamis.lists.model import ListKind, TermList
from tamis.text.charfold import CJK_RE
from tamis.text.normalization import MASK, NormalizedForm, NormalizedText, normalize

_PREFIX = 1  # term* : the word may continue to the right
_SUFFIX = 2  # *term : the word may start to the left
_SUBSTRING = 4  # CJK: no boundaries at all
_MASKED_TOKEN = re.compile(r"[\w*]*\*[\w*]*")


@dataclass(frozen=True, slots=True)
class Hit:
    list_name: str
    kind: ListKind
    label: str | None
    term: str
    lang: str | None
    span: tuple[int, int]
    masked: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    list_index: int
    term: str
    lang: str | None
    flags: int


@cache
def _is_word_char(ch: str) -> bool:
    return ch == MASK or (ch.isalnum() and not CJK_RE.match(ch))


def _bounded(text: str, start: int, end: int, flags: int) -> bool:
    if flags & _SUBSTRING:
        return True
    if not flags & _SUFFIX and start > 0 and _is_word_char(text[start - 1]):
        return False
    return bool(flags & _PREFIX) or end >= len(text) or not _is_word_char(text[end])


class TermMatcher:
    def __init__(self, lists: Sequence[TermList]) -> None:
        self.lists = tuple(lists)
        self._automaton = ahocorasick.Automaton()
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._prefixes_by_length: dict[int, list[str]] = defaultdict(list)
        self._patterns: list[tuple[int, re.Pattern[str]]] = []
        keys: dict[str, list[_Entry]] = defaultdict(list)
        for index, term_list in enumerate(self.lists):
            for lang, terms in term_list.terms.items():
                for term in terms:
                    key, flags = _term_key(term)
                    if key:
                        keys[key].append(_Entry(index, term, lang, flags))
            for pattern in term_list.patterns:
                self._patterns.append((index, re.compile(pattern)))
        for key, entries in keys.items():
            self._automaton.add_word(key, tuple(entries))
            if not CJK_RE.search(key) and " " not in key:
                self._by_length[len(key)].append(key)
                if any(e.flags & _PREFIX for e in entries):
                    self._prefixes_by_length[len(key)].append(key)
        self._keys = keys
        if keys:
            self._automaton.make_automaton()
        self.term_count = sum(len(v) for v in keys.values())

    def find(self, text: NormalizedText) -> list[Hit]:
        found: dict[tuple[int, str, tuple[int, int]], Hit] = {}
        for form in text.forms():
            for list_index, term, lang, flags, start, end, masked in self._raw_hits(form):
                span = form.original_span(start, end)
                if flags & _PREFIX and not flags & _SUBSTRING:
                    span = _extend_word(text, form, end, span)
                key = (list_index, term, span)
                if key not in found:
                    tl = self.lists[list_index]
                    found[key] = Hit(tl.name, tl.kind, tl.label, term, lang, span, masked)
        return _apply_allow(list(found.values()), self.lists)

    def _raw_hits(
        self, form: NormalizedForm
    ) -> list[tuple[int, str, str | None, int, int, int, bool]]:
        s = form.text
        out: list[tuple[int, str, str | None, int, int, int, bool]] = []
        if self._keys:
            for end_index, entries in self._automaton.iter(s):
                for e in entries:
                    start = end_index + 1 - len(_term_key(e.term)[0])
                    if _bounded(s, start, end_index + 1, e.flags):
                        out.append(
                            (e.list_index, e.term, e.lang, e.flags, start, end_index + 1, False)
                        )
        if MASK in s:
            for m in _MASKED_TOKEN.finditer(s):
                for key in self._wildcard_keys(m.group()):
                    for e in self._keys[key]:
                        out.append(
                            (e.list_index, e.term, e.lang, e.flags, m.start(), m.end(), True)
                        )
        for list_index, pattern in self._patterns:
            for m in pattern.finditer(s):
                if m.end() > m.start():
                    out.append(
                        (
                            list_index,
                            f"/{pattern.pattern}/",
                            None,
                            _SUBSTRING,
                            m.start(),
                            m.end(),
                            False,
                        )
                    )
        return out

    def _wildcard_keys(self, token: str) -> list[str]:
        """Terms a masked word can stand for: same length, or a prefix term (``bitch*`` for
        ``b*tchin``); the letters shown must agree and at least two must be shown."""
        if sum(c != MASK for c in token) < 2:
            return []
        found = []
        for length in range(2, len(token) + 1):
            keys = self._by_length.get(length, ()) if length == len(token) else ()
            prefixes = self._prefixes_by_length.get(length, ()) if length < len(token) else ()
            if not keys and not prefixes:
                continue
            head = token[:length]
            if MASK not in head or sum(c != MASK for c in head) < 2:
                continue
            rx = re.compile(re.escape(head).replace(re.escape(MASK), "."))
            found += [k for k in (*keys, *prefixes) if rx.fullmatch(k)]
        return found


@cache
def _term_key(term: str) -> tuple[str, int]:
    flags = 0
    core = term.strip()
    if core.endswith("*"):
        flags |= _PREFIX
        core = core.rstrip("*")
    if core.startswith("*"):
        flags |= _SUFFIX
        core = core.lstrip("*")
    key = normalize(core).text.strip()
    if CJK_RE.search(key):
        flags |= _SUBSTRING
    return key, flags


def _extend_word(
    text: NormalizedText, form: NormalizedForm, end: int, span: tuple[int, int]
) -> tuple[int, int]:
    """A prefix term's hit covers the rest of the word it starts."""
    s = form.text
    stop = end
    while stop < len(s) and _is_word_char(s[stop]):
        stop += 1
    return span if stop == end else (span[0], form.original_span(end, stop)[1])


def _apply_allow(hits: list[Hit], lists: Sequence[TermList]) -> list[Hit]:
    allows = [h for h in hits if h.kind is ListKind.ALLOW]
    if not allows:
        return hits
    scope = {tl.name: tl.applies_to for tl in lists if tl.kind is ListKind.ALLOW}
    kept = []
    for h in hits:
        if h.kind is ListKind.ALLOW:
            continue
        covered = any(
            a.span[0] <= h.span[0]
            and h.span[1] <= a.span[1]
            and (scope[a.list_name] is None or h.list_name in (scope[a.list_name] or ()))
            for a in allows
        )
        if not covered:
            kept.append(h)
    return kept
