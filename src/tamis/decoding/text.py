"""Text decoding: bytes to str (UTF-8, strictly), limits, language."""

from __future__ import annotations

from tamis.config import Settings
from tamis.decoding.language import identify
from tamis.errors import InvalidEncoding, TextTooLong, UnsupportedMedia
from tamis.media import Locator, Media, Modality, Part


def decode_bytes(data: bytes, *, what: str = "text") -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(
            f"{what} is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})",
            hint="Send text as UTF-8; re-encode files with `iconv -t UTF-8`.",
        ) from None


def decode_text(media: Media, settings: Settings) -> list[Part]:
    if media.modality is not Modality.TEXT:
        raise UnsupportedMedia(
            f"{media.id}: expected text, got {media.modality}",
            hint="Send images, video and audio to their own endpoints.",
        )
    if media.data is None:
        raise UnsupportedMedia(
            f"{media.id}: text must be sent inline", hint="Put the text itself in the request."
        )
    text = media.data if isinstance(media.data, str) else decode_bytes(media.data)
    if len(text) > settings.max_text_chars:
        raise TextTooLong(
            f"{media.id}: text has {len(text):,} characters; the limit is "
            f"{settings.max_text_chars:,}",
            hint="Split the text, or raise TAMIS_MAX_TEXT_CHARS.",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidEncoding(
            f"{media.id}: text holds a lone surrogate at character {exc.start}",
            hint="Send well-formed Unicode text.",
        ) from None
    lang, score = identify(text) if settings.langid else (None, None)
    return [Part(media.id, Modality.TEXT, text, Locator(char_span=(0, len(text))), lang, score)]
