"""Tests of the ads / spam rule detector (tamis.detectors.text.ads_spam)."""

from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from tamis.detectors.base import Detector
from tamis.detectors.text.ads_spam import AdsSpamConfig, AdsSpamDetector
from tamis.errors import ConfigError
from tamis.findings import Finding
from tamis.media import Modality, Part


@pytest.fixture(scope="module")
def det() -> AdsSpamDetector:
    return AdsSpamDetector()


def scan(det: Detector, text: str, lang: str | None = None) -> list[Finding]:
    return det.detect([Part.text(text, lang=lang)])[0]


def check_well_formed(text: str, findings: list[Finding], max_chars: int = 200) -> None:
    for f in findings:
        assert f.label in ("ads", "spam")
        assert 0.0 <= f.score <= 1.0
        assert f.detector == "ads_spam"
        assert f.locator.char_span is not None
        start, end = f.locator.char_span
        assert 0 <= start <= end <= len(text)
        assert f.evidence["kind"]
        if end - start <= max_chars:
            assert text[start:end] == f.evidence["match"]
        else:
            assert f.evidence["truncated"] is True
            assert text[start:end].startswith(f.evidence["match"])


def kinds(findings: list[Finding], label: str | None = None) -> set[str]:
    return {f.evidence["kind"] for f in findings if label is None or f.label == label}


# ---------------------------------------------------------------------------------- ads

ADS_CASES = [
    # (text, kind, expected match)
    # URLs, explicit and obfuscated
    ("Best deals at https://cheap-pills.example.com/buy now", "url",
     "https://cheap-pills.example.com/buy"),
    ("(see https://example.com/a).", "url", "https://example.com/a"),
    ("http://example.com.", "url", "http://example.com"),
    ("Visit www.example.fr today", "url", "www.example.fr"),
    ("example.co.uk/path?x=1", "url", "example.co.uk/path?x=1"),
    ("visit example dot com for more", "url", "example dot com"),
    ("go to example[.]com now", "url", "example[.]com"),
    ("exa mple.c0m", "url", "mple.c0m"),
    ("hxxp://evil[.]com/x", "url", "hxxp://evil[.]com/x"),
    ("www . site . com", "url", "www . site . com"),
    ("example。com", "url", "example。com"),
    ("example．com", "url", "example．com"),
    ("访问 baidu点com 了解", "url", "baidu点com"),
    ("請上 google點com", "url", "google點com"),
    ("rendez-vous sur monsite point fr", "url", "monsite point fr"),
    ("bit.ly/3xYz", "url", "bit.ly/3xYz"),
    ("xn--bcher-kva.de", "url", "xn--bcher-kva.de"),
    ("casino-bonus.xyz", "url", "casino-bonus.xyz"),
    # e-mail
    ("write to john.doe@gmail.com", "email", "john.doe@gmail.com"),
    ("mail name at gmail dot com", "email", "name at gmail dot com"),
    ("name(at)gmail.com", "email", "name(at)gmail.com"),
    ("联系 name＠qq.com", "email", "name＠qq.com"),
    ("contact [at] example [dot] fr", "email", "contact [at] example [dot] fr"),
    ("écrivez à jean.dupont arobase orange point fr", "email",
     "jean.dupont arobase orange point fr"),
    # phones
    ("Call me at +44 20 7946 0958 tonight", "phone", "+44 20 7946 0958"),
    ("call (415) 555-2671", "phone", "(415) 555-2671"),
    ("appelez-moi au 06 12 34 56 78", "phone", "06 12 34 56 78"),
    ("appelle le 06.12.34.56.78", "phone", "06.12.34.56.78"),
    ("电话：13812345678", "phone", "13812345678"),
    ("five five five one two three four", "phone", "five five five one two three four"),
    ("5 5 5 - 1 2 3 4", "phone", "5 5 5 - 1 2 3 4"),
    ("zéro six un deux trois quatre cinq six sept huit", "phone",
     "zéro six un deux trois quatre cinq six sept huit"),
    ("手机 １３８１２３４５６７８", "phone", "１３８１２３４５６７８"),
    ("打幺三八一二三四五六七八", "phone", "幺三八一二三四五六七八"),
    ("一三八〇〇一三八〇〇〇", "phone", "一三八〇〇一三八〇〇〇"),
    # messaging handles
    ("加微信：abc_12345 了解详情", "handle", "微信：abc_12345"),
    ("加V：wxid_abc123", "handle", "加V：wxid_abc123"),
    ("VX: 13812345678", "handle", "VX: 13812345678"),
    ("QQ号：123456789", "handle", "QQ号：123456789"),
    ("扣扣 12345678", "handle", "扣扣 12345678"),
    ("撩薇sno730", "handle", "薇sno730"),
    ("v:cco38888", "handle", "v:cco38888"),
    ("join t.me/cryptopumpgroup", "handle", "t.me/cryptopumpgroup"),
    ("https://t.me/joinchat/abc", "handle", "https://t.me/joinchat/abc"),
    ("tg: cryptoking", "handle", "tg: cryptoking"),
    ("add me on whatsapp: +44 7911 123456", "phone", "+44 7911 123456"),
    ("contactez-moi sur Telegram : @vendeur_77", "handle", "Telegram : @vendeur_77"),
    ("@bobby_22 on telegram", "handle", "@bobby_22"),
    ("联系 @jenny_shop", "handle", "@jenny_shop"),
    ("suivez @bigdeals88", "handle", "@bigdeals88"),
    ("wa.me/14155552671", "handle", "wa.me/14155552671"),
    ("Line ID: john.doe", "handle", "Line ID: john.doe"),
    ("discord.gg/abcd", "handle", "discord.gg/abcd"),
    ("kik me @bobby22", "handle", "kik me @bobby22"),
    ("add me on snap: sexy_girl22", "handle", "snap: sexy_girl22"),
    ("Txt MUSIC to 87066 now", "shortcode", "Txt MUSIC to 87066"),
    # wallets
    ("send BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "wallet",
     "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
    ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "wallet", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    ("钱包 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "wallet",
     "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("ETH: 0x52908400098527886E0F7030069857D2E4169EE7", "wallet",
     "0x52908400098527886E0F7030069857D2E4169EE7"),
    ("USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "wallet",
     "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    ("XMR 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3"
     "RVGQBEP3A", "wallet",
     "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQB"
     "EP3A"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "match"), ADS_CASES)
def test_ads_positive(det: AdsSpamDetector, text: str, kind: str, match: str) -> None:
    findings = scan(det, text)
    check_well_formed(text, findings)
    ads = [f for f in findings if f.label == "ads"]
    assert [(f.evidence["kind"], f.evidence["match"]) for f in ads] == [(kind, match)]
    assert ads[0].score >= 0.6


def test_obfuscation_is_reported(det: AdsSpamDetector) -> None:
    plain = scan(det, "visit https://example.com")[0]
    obf = scan(det, "visit hxxp://example[.]com")[0]
    assert plain.evidence["obfuscated"] is False
    assert obf.evidence["obfuscated"] is True
    assert plain.score == 0.9
    assert obf.score == 0.8


def test_normalised_evidence(det: AdsSpamDetector) -> None:
    (email,) = scan(det, "name at gmail dot com")
    assert email.evidence["address"] == "name@gmail.com"
    (url,) = scan(det, "www . site . com")
    assert url.evidence["host"] == "www.site.com"
    (phone,) = scan(det, "Call me at +44 20 7946 0958")
    assert phone.evidence["number"] == "+442079460958"
    assert phone.evidence["region"] == "GB"
    (phone,) = scan(det, "打幺三八一二三四五六七八")
    assert phone.evidence["number"] == "+8613812345678"
    assert phone.evidence["obfuscated"] is True
    (handle,) = scan(det, "wa.me/14155552671")
    assert handle.evidence["platform"] == "whatsapp"


def test_wallet_checksum(det: AdsSpamDetector) -> None:
    good = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
    bad = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"  # last character changed: checksum fails
    assert scan(det, good)[0].score == 0.9
    (shape,) = scan(det, bad)
    assert shape.evidence["chain"] == "btc"
    assert shape.score == 0.6
    # Same length and alphabet, but nothing like an address: one case only, no checksum.
    assert scan(det, "1" + "abcdefghijkmnopqrstuvwxyzabcdefgh") == []


@pytest.mark.parametrize(
    "text",
    [
        "I'll meet you at 10.30",
        "Please install version 2.0.1 first.",
        "Some fruit, e.g. apples, and i.e. pears.",
        "Mr. Smith and Mrs. Jones came. Dr.Who was there.",
        "Pi is about 3.14159 and e is 2.71828",
        "It costs $19.99 or 19,99 € until 2024-05-01.",
        "Le 01/05/2024 à 10h30, c.-à-d. demain, ok...",
        "ok... see you",
        "My PIN is 1234",
        "Room 4521, floor 12",
        "ISBN 978-3-16-148410-0",
        "The server at 192.168.1.1 runs build 10.0.19041.1",
        "about 1.000.000 people and 1 000 000 birds",
        "population 8336817",
        "Open main.py, readme.md and file.zip",
        "I went to the store.It was closed.",
        "at some point I will",
        "the dot com bubble burst",
        "I like it . Me too",
        "I use wechat everyday",
        "the v: version, 薇薇 is nice",
        "send it to 12345 people",
        "ASP.NET and Node.js are frameworks",
        "Count: 1 2 3 4 5 6 7 8 9",
        "She sang one two three four, then stopped.",
        "user.name and self.id in the code",
        "今天天气很好，我们去公园散步吧。",
        "二〇二四年五月一日，我们一起去北京。",
        "这个电影真的很好看，我明天要去上班了，周末见。",
        "Il fait beau aujourd'hui, allons au parc. M. Dupont vient aussi.",
        "hahaha that is funny, hahahahahahahaha",
        "哈哈哈哈哈哈哈哈哈哈哈我真的笑死了",
        "c bon tg tu force",
        "trop c'est trop . il est plus urgent",
        "au point de vue de la loi",
        "Stupide.il n'est pas possible",
        "I need her.my love",
        "2333333333",
        "17-19-21-22-24",
        "3400 2500 2500 我看过",
        "I HAVE A DATE ON SUNDAY WITH WILL!!",
        "NASA and the FBI said OK",
        "I love it ❤️",
    ],
)
def test_no_false_positive(det: AdsSpamDetector, text: str) -> None:
    assert scan(det, text) == []


# --------------------------------------------------------------------------------- spam

SPAM_CASES = [
    ("BUY NOW!!!!!!!!!!!!", "repeated_chars", "!!!!!!!!!!!!"),
    ("soooooooooooo good", "repeated_chars", "oooooooooooo"),
    ("顶顶顶顶顶顶顶顶顶顶顶", "repeated_chars", "顶顶顶顶顶顶顶顶顶顶顶"),
    ("achetez achetez achetez achetez", "repeated_phrase", "achetez achetez achetez achetez"),
    ("好东西 加我加我加我加我加我加我 谢谢", "repeated_phrase", "加我加我加我加我加我加我"),
    ("deal deal deal deal deal deal", "repeated_phrase", "deal deal deal deal deal deal"),
    ("🔥🔥🔥 hot 🔥🔥🔥 sale 🔥🔥🔥🔥", "emoji_flood", "🔥🔥🔥 hot 🔥🔥🔥 sale 🔥🔥🔥🔥"),
    ("😀🎉🔥💰😀🎉🔥💰😀🎉🔥 promo", "emoji_flood", "😀🎉🔥💰😀🎉🔥💰😀🎉🔥"),
    ("THIS IS AN AMAZING OFFER YOU CANNOT MISS, ORDER TODAY", "shouting",
     "THIS IS AN AMAZING OFFER YOU CANNOT MISS, ORDER TODAY"),
    ("  OFFRE EXCEPTIONNELLE À NE PAS MANQUER AUJOURD'HUI  ", "shouting",
     "OFFRE EXCEPTIONNELLE À NE PAS MANQUER AUJOURD'HUI"),
    ("Click here to claim", "spam_phrase", "Click here"),
    ("Cliquez ici pour voir", "spam_phrase", "Cliquez ici"),
    ("Gagnez un iPhone", "spam_phrase", "Gagnez"),
    ("全部免费送", "spam_phrase", "免费送"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "match"), SPAM_CASES)
def test_spam_positive(det: AdsSpamDetector, text: str, kind: str, match: str) -> None:
    findings = scan(det, text)
    check_well_formed(text, findings)
    spam = [f for f in findings if f.label == "spam" and f.evidence["kind"] == kind]
    assert [f.evidence["match"] for f in spam] == [match]
    assert "ads" not in {f.label for f in findings}


def test_spam_phrase_counted_once(det: AdsSpamDetector) -> None:
    findings = scan(det, "buy now buy now buy now buy now")
    phrases = [f for f in findings if f.evidence["kind"] == "spam_phrase"]
    assert len(phrases) == 1
    assert phrases[0].evidence["count"] == 4
    assert phrases[0].score == 0.4
    assert "repeated_phrase" in kinds(findings)


def test_ads_and_spam_together(det: AdsSpamDetector) -> None:
    findings = scan(det, "Cliquez ici : www.gagner-vite.fr")
    assert {f.label for f in findings} == {"ads", "spam"}


def test_short_caps_and_few_emoji_are_fine(det: AdsSpamDetector) -> None:
    assert scan(det, "HELLO WORLD") == []
    assert scan(det, "Happy birthday 🎉🎂🎁 see you soon at the party tonight") == []


# ------------------------------------------------------------------------ configuration


def test_config_defaults_and_validation() -> None:
    cfg = AdsSpamConfig()
    assert cfg.phone_regions == ["US", "GB", "FR", "CN", "DE", "IN"]
    assert AdsSpamConfig(phone_regions=["fr", " us "]).phone_regions == ["FR", "US"]
    with pytest.raises(ValidationError):
        AdsSpamConfig(phone_regions=["XX"])
    with pytest.raises(ValidationError):
        AdsSpamConfig(min_repeat_run=1)
    with pytest.raises(ValidationError):
        AdsSpamConfig.model_validate({"no_such_option": 1})
    with pytest.raises(ConfigError):
        AdsSpamDetector.from_settings({"max_emoji_ratio": 2})
    with pytest.raises(TypeError):
        AdsSpamDetector(AdsSpamConfig.__base__())  # type: ignore[misc]


def test_config_switches() -> None:
    text = "Click here: www.example.com !!!!!!!!!!!!"
    no_ads = AdsSpamDetector(AdsSpamConfig(detect_ads=False))
    assert {f.label for f in scan(no_ads, text)} == {"spam"}
    no_spam = AdsSpamDetector.from_settings({"detect_spam": False})
    assert {f.label for f in scan(no_spam, text)} == {"ads"}
    no_phrases = AdsSpamDetector(AdsSpamConfig(spam_phrases=False))
    assert "spam_phrase" not in kinds(scan(no_phrases, text))
    extra = AdsSpamDetector(AdsSpamConfig(extra_spam_phrases=["super deal"]))
    assert "spam_phrase" in kinds(scan(extra, "a Super Deal today"))
    short_runs = AdsSpamDetector(AdsSpamConfig(min_repeat_run=4))
    assert "repeated_chars" in kinds(scan(short_runs, "wow!!!!"))
    assert "repeated_chars" not in kinds(scan(AdsSpamDetector(), "wow!!!!"))


def test_phone_regions_matter() -> None:
    text = "le 06 12 34 56 78 ce soir"
    fr = AdsSpamDetector(AdsSpamConfig(phone_regions=["FR"]))
    us = AdsSpamDetector(AdsSpamConfig(phone_regions=["US"]))
    assert [f.score for f in scan(fr, text)] == [0.8]
    assert scan(us, text) == []
    # With a contact word, a number that is only possible in the region is still reported.
    assert [f.score for f in scan(us, "appelle le 06 12 34 56 78")] == [0.6]


def test_max_findings_and_evidence_cap() -> None:
    det = AdsSpamDetector(AdsSpamConfig(max_findings=5, max_evidence_chars=20))
    text = " ".join(f"site{i}.com" for i in range(40))
    findings = scan(det, text)
    assert len(findings) == 5
    long_run = "x" * 500
    (f,) = scan(det, long_run)
    assert f.evidence["match"] == "x" * 20
    assert f.evidence["truncated"] is True
    assert f.evidence["length"] == 500
    check_well_formed(long_run, [f], max_chars=20)


# ------------------------------------------------------------------------ contract bits


def test_detector_metadata() -> None:
    assert AdsSpamDetector.name == "ads_spam"
    assert AdsSpamDetector.version == "1"
    assert AdsSpamDetector.modalities == frozenset({Modality.TEXT})
    assert AdsSpamDetector.labels == ("ads", "spam")
    assert AdsSpamDetector.Config is AdsSpamConfig


def test_registered_entry_point() -> None:
    from tamis.detectors import registry

    assert registry.get("ads_spam") is AdsSpamDetector


@pytest.mark.parametrize("example", AdsSpamDetector.examples(), ids=lambda e: e.text[:30])
def test_examples(det: AdsSpamDetector, example: object) -> None:
    from tamis.detectors.base import Example

    assert isinstance(example, Example)
    findings = scan(det, example.text)
    check_well_formed(example.text, findings)
    labels = {f.label for f in findings}
    assert example.expect <= labels
    assert not (example.absent & labels)


def test_examples_cover_both_labels() -> None:
    examples = AdsSpamDetector.examples()
    assert any("ads" in e.expect for e in examples)
    assert any("spam" in e.expect for e in examples)
    assert any(e.absent and not e.expect for e in examples)


def test_batch_order_lang_and_non_text(det: AdsSpamDetector) -> None:
    parts = [
        Part.text("write to john.doe@gmail.com", lang="en"),
        Part(media_id="img", modality=Modality.IMAGE, payload=b"\x89PNG"),
        Part.text("", lang="en"),
        Part(media_id="odd", modality=Modality.TEXT, payload=None),
        Part.text("今天天气很好", lang="zh"),
        Part.text("微信：abc_12345", lang="zh"),
    ]
    out = det.detect(parts)
    assert len(out) == len(parts)
    assert [len(x) for x in out] == [1, 0, 0, 0, 0, 1]
    assert out[0][0].lang == "en"
    assert out[5][0].lang == "zh"
    assert det.detect([]) == []


# ---------------------------------------------------------------------------- bad input

_M = 1_000_000
_rng = random.Random(7)
BAD_INPUTS = {
    "empty": "",
    "nul": "a\x00b\x00" * 10 + "x@y.com\x00",
    "nul-wall": "\x00" * 5000,
    "rlo": "\u202emoc.elpmaxe\u202c and \u202e" + "text" * 20,
    "emoji-10k": "😀" * 10_000,
    "surrogate": "\ud800",
    "surrogates": "ab\ud800cd\udfff 555 123 4567 \ud83d" * 50,
    "a-1mb": "a" * _M,
    "digits-1mb": "12 " * (_M // 3),
    "dots-1mb": "a." * (_M // 2),
    "mixed-1mb": "".join(_rng.choice("ab. @1-x0:/") for _ in range(_M)),
    "cjk-1mb": "".join(_rng.choice("今天一二三四五六七八九零点微信") for _ in range(_M)),
    "spelled-1mb": "one two three " * (_M // 14),
    "scheme-1mb": "http://" + "a" * _M,
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_never_crashes(det: AdsSpamDetector, name: str) -> None:
    text = BAD_INPUTS[name]
    findings = scan(det, text)
    assert len(findings) <= det.cfg.max_findings
    check_well_formed(text, findings)


def test_emoji_wall_is_flood(det: AdsSpamDetector) -> None:
    findings = scan(det, "😀" * 10_000)
    flood = [f for f in findings if f.evidence["kind"] == "emoji_flood"]
    assert len(flood) == 1
    assert flood[0].evidence["count"] == 10_000
    assert flood[0].score == 0.9


def test_random_texts_are_well_formed(det: AdsSpamDetector) -> None:
    rng = random.Random(3)
    alphabet = "ab c.@:/0123456789+-()[]点。微信QqTt一二三 \u202e\x00😀!"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        check_well_formed(text, scan(det, text))
