from __future__ import annotations

from collections.abc import Sequence

import pytest

from tamis.config import Settings
from tamis.detectors.base import Detector
from tamis.engine import Engine
from tamis.errors import InvalidEncoding, TextTooLong
from tamis.findings import Action, Finding, ModerationResult
from tamis.media import Media, Modality, Part
from tamis.policy.store import parse_policy

POLICIES = {
    "strict": parse_policy(
        {
            "name": "strict",
            "lists": {"*": "block"},
            "labels": {"ads": {"review": 0.5}},
            "detectors": {"term_lists": {}, "ads_spam": {}},
        },
        source="t",
    ),
    "lists-only": parse_policy({"name": "lists-only", "detectors": {"term_lists": {}}}, source="t"),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(POLICIES)


def _ok(result: object) -> ModerationResult:
    assert isinstance(result, ModerationResult), result
    return result


def test_text_end_to_end_with_spans_timings_and_language(engine: Engine) -> None:
    text = "Tu es vraiment un c0nnard, franchement, je ne te parlerai plus jamais."
    r = engine.moderate(Media.text(text, id="c1"), "strict")
    assert r.decision.action is Action.BLOCK
    hit = next(f for f in r.findings if f.label == "list:profanity")
    assert hit.locator.char_span is not None
    a, b = hit.locator.char_span
    assert text[a:b] == "c0nnard"
    assert hit.lang == "fr" and r.languages == ("fr",)
    assert {"decode", "detect:term_lists", "detect:ads_spam", "decide"} <= set(r.timings)
    data = r.to_dict()
    assert data["decision"]["action"] == "block" and data["id"] == "c1"


def test_batch_gives_the_same_results_as_one_by_one(engine: Engine) -> None:
    texts = ["hello there", "what the f*ck", "你这个傻逼", "visit example dot com today", ""]
    batch = engine.moderate_many([Media.text(t, id=str(i)) for i, t in enumerate(texts)], "strict")
    for i, t in enumerate(texts):
        one = engine.moderate(Media.text(t, id=str(i)), "strict")
        got = _ok(batch[i])
        assert got.decision == one.decision
        assert got.findings == one.findings


class _Exploding(Detector):
    name = "exploding"
    version = "0"
    modalities = frozenset({Modality.TEXT})
    labels = ("spam",)

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        if any("boom" in p.payload for p in parts):
            raise RuntimeError("cannot handle boom")
        return [[] for _ in parts]


def test_a_failing_detector_sends_only_its_item_to_review() -> None:
    policy = parse_policy({"name": "p", "detectors": {"term_lists": {}}}, source="t")
    eng = Engine({"p": policy}, detectors={"term_lists": _Exploding()})
    out = eng.moderate_many([Media.text("fine", id="a"), Media.text("boom", id="b")], "p")
    a, b = _ok(out[0]), _ok(out[1])
    assert a.decision.action is Action.ALLOW and not a.failures
    assert b.decision.action is Action.REVIEW
    assert b.failures[0].error == "RuntimeError"
    assert b.decision.reasons[0].rule == "failure:exploding:review"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x00\x00",
        "\u202egnp.exe",
        "😀" * 10_000,
        "a" * 1_000_000,
        "مرحبا بالعالم",
        "\ufeff\u200b\u200d",
    ],
)
def test_hostile_text_gets_a_result(engine: Engine, text: str) -> None:
    r = engine.moderate(Media.text(text), "strict")
    assert r.decision.action in set(Action)
    assert not r.failures


def test_bad_items_get_their_own_errors_and_others_proceed() -> None:
    eng = Engine(POLICIES, settings=Settings.from_env({"TAMIS_MAX_TEXT_CHARS": "100"}))
    items = [
        Media(id="bytes", modality=Modality.TEXT, data=b"caf\xe9"),
        Media.text("x" * 101, id="long"),
        Media.text("\ud800", id="surrogate"),
        Media.text("what the fuck", id="good"),
    ]
    out = eng.moderate_many(items, "lists-only")
    assert isinstance(out[0], InvalidEncoding) and "byte 3" in out[0].message
    assert isinstance(out[1], TextTooLong) and "101" in out[1].message
    assert isinstance(out[2], InvalidEncoding)
    assert _ok(out[3]).decision.action is Action.BLOCK


def test_utf8_bytes_are_decoded(engine: Engine) -> None:
    r = engine.moderate(Media(id="b", modality=Modality.TEXT, data="傻逼".encode()), "strict")
    assert r.decision.action is Action.BLOCK


def test_unknown_policy(engine: Engine) -> None:
    with pytest.raises(Exception, match="no policy named 'nope'"):
        engine.moderate(Media.text("x"), "nope")


def test_lists_edited_at_run_time_apply_to_the_next_call(engine: Engine) -> None:
    from tamis.lists.model import ListKind
    from tamis.lists.store import ListStore

    eng = Engine(POLICIES)
    assert eng.moderate(Media.text("zorglub"), "lists-only").decision.action is Action.ALLOW
    store = ListStore(Settings.from_env().lists_dir)
    store.create("custom", ListKind.REVIEW, "spam")
    store.add_terms("custom", "en", ["zorglub"])
    r = eng.moderate(Media.text("ZORGLUB!"), "lists-only")
    assert r.decision.action is Action.REVIEW
    assert r.findings[0].evidence["list"] == "custom"
    store.remove_terms("custom", ["zorglub"])
    assert eng.moderate(Media.text("zorglub"), "lists-only").decision.action is Action.ALLOW


def test_images_are_decoded_and_routed_only_to_image_detectors() -> None:
    import io

    from PIL import Image

    from tamis.errors import InputError, UnsupportedMedia

    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (0, 128, 0)).save(buf, format="PNG")
    eng = Engine(POLICIES)
    out = eng.moderate_many(
        [
            Media(id="img", modality=Modality.IMAGE, data=buf.getvalue()),
            Media(id="bad", modality=Modality.IMAGE, data=b"\x89PNG\r\n\x1a\nbroken"),
            Media(id="vid", modality=Modality.VIDEO, data=b"\x00\x00\x00\x18ftypmp42"),
            Media.text("what the fuck", id="txt"),
        ],
        "strict",
    )
    img = _ok(out[0])
    assert img.findings == () and img.failures == ()  # text detectors never see image parts
    assert "decode" in img.timings and "detect:term_lists" not in img.timings
    assert isinstance(out[1], InputError | UnsupportedMedia)
    assert isinstance(out[2], UnsupportedMedia) and "video" in out[2].message
    assert _ok(out[3]).decision.action is Action.BLOCK
