#!/usr/bin/env python3
"""Generate the tamis-written labelled examples in training/examples/.

Standard library only, fixed seed, deterministic: running

    .venv/bin/python training/make_examples.py

rewrites every ``training/examples/<lang>/<slug>.jsonl`` identically and prints per-file counts.
See training/examples/README.md for what the data is, how it is split and its limits.

How an example is made:

* A *family* is one hand-written sentence pattern and its paraphrases. Templates use
  ``{slot}`` (a value drawn from the slot vocabulary of the language and category) and
  ``{a|b|c}`` (one of the alternatives, ``{|x}`` = optional ``x``). Slot values may hold
  alternations and slots themselves.
* Each family is expanded with its own seeded RNG, lightly perturbed (case, missing final
  punctuation, one typo, French without accents, Chinese punctuation variants) and sometimes
  chained with a second sentence from the same family to make longer texts.
* Hand-written examples are literal strings below; each one is a family of its own.
* Everything is de-duplicated per language on a normalised key (case, accents, punctuation
  and spaces folded); a text that would get contradictory labels stops the script.
* ``split`` is ``train`` or ``dev``: whole families go to one side (about 20% dev per file and
  kind), so paraphrases of one template never straddle the split.
"""

# ruff: noqa: E501  (data tables: long literal examples are kept on one line each)
from __future__ import annotations

import hashlib
import json
import math
import random
import re
import statistics
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SEED = "tamis-examples-v1"
OUT_DIR = Path(__file__).resolve().parent / "examples"
SOURCE = "tamis-written"
DEV_SHARE = 0.20
CHAIN_P = 0.15  # chance of a second sentence; each further one (up to 4) at CHAIN_MORE
CHAIN_MORE = 0.3

LABELS: tuple[str, ...] = (
    "sexual",
    "hate",
    "harassment",
    "violence",
    "violence/graphic",
    "extremism",
    "weapons",
    "drugs",
    "self-harm",
    "spam",
    "ads",
    "profanity",
)
LANGS: tuple[str, ...] = ("en", "fr", "zh")
# file slug -> the label that file is about (None: general negatives)
SLUGS: dict[str, str | None] = {
    "sexual": "sexual",
    "harassment": "harassment",
    "violence": "violence",
    "violence-graphic": "violence/graphic",
    "extremism": "extremism",
    "weapons": "weapons",
    "drugs": "drugs",
    "self-harm": "self-harm",
    "hate-hard-negatives": "hate",
    "general-negatives": None,
}
KINDS: tuple[str, ...] = ("positive", "hard_negative", "negative")
# examples drawn from templates per file and kind (hand-written ones come on top)
TEMPLATE_TARGET: dict[str, int] = {"positive": 300, "hard_negative": 300, "negative": 420}
MIN_HAND = 40  # hand-written examples per language and file, all kinds together

# Labels that may legitimately co-occur with a positive of the category: left out of the
# record (unknown) unless a family sets them. Every other label is 0 on a positive.
POS_UNKNOWN: dict[str, tuple[str, ...]] = {
    "sexual": ("profanity", "ads", "spam", "harassment"),
    "harassment": ("profanity", "hate", "violence", "sexual", "self-harm"),
    "violence": (
        "harassment",
        "profanity",
        "weapons",
        "extremism",
        "violence/graphic",
        "hate",
    ),
    "violence/graphic": ("violence", "profanity", "harassment", "extremism"),
    "extremism": ("violence", "hate", "weapons", "violence/graphic", "ads"),
    "weapons": ("ads", "spam", "violence", "profanity"),
    "drugs": ("ads", "spam", "profanity"),
    "self-harm": ("profanity", "harassment"),
}


def _label_key(name: str) -> str:
    if name == "violence_graphic":
        return "violence/graphic"
    return name.replace("_", "-")


@dataclass(frozen=True)
class Family:
    """One sentence pattern and its paraphrases; ``labels`` overrides (None = unknown)."""

    name: str
    templates: tuple[str, ...]
    labels: tuple[tuple[str, int | None], ...] = ()
    weight: float = 1.0


def F(name: str, *templates: str, w: float = 1.0, **labels: int | None) -> Family:  # noqa: N802
    """Shorthand used by the data tables: F("name", "template", ..., profanity=1)."""
    if not templates:
        raise ValueError(f"family {name} has no template")
    return Family(
        name,
        tuple(templates),
        tuple(sorted((_label_key(k), v) for k, v in labels.items())),
        w,
    )


Hand = str | tuple[str, dict[str, int | None]]


@dataclass
class Spec:
    lang: str
    slug: str
    slots: dict[str, list[str]]
    families: dict[str, list[Family]]
    hand: dict[str, list[Hand]]
    hn_unknown: tuple[str, ...] = ()


SPECS: dict[tuple[str, str], Spec] = {}
COMMON: dict[str, dict[str, list[str]]] = {}


def spec(
    lang: str,
    slug: str,
    *,
    slots: dict[str, list[str]] | None = None,
    pos: Sequence[Family] = (),
    hn: Sequence[Family] = (),
    neg: Sequence[Family] = (),
    hand_pos: Sequence[Hand] = (),
    hand_hn: Sequence[Hand] = (),
    hand_neg: Sequence[Hand] = (),
    hn_unknown: Sequence[str] = (),
) -> None:
    key = (lang, slug)
    if key in SPECS:
        raise ValueError(f"duplicate spec {key}")
    SPECS[key] = Spec(
        lang,
        slug,
        dict(slots or {}),
        {"positive": list(pos), "hard_negative": list(hn), "negative": list(neg)},
        {"positive": list(hand_pos), "hard_negative": list(hand_hn), "negative": list(hand_neg)},
        tuple(hn_unknown),
    )


def hand(
    lang: str,
    slug: str,
    *,
    pos: Sequence[Hand] = (),
    hn: Sequence[Hand] = (),
    neg: Sequence[Hand] = (),
) -> None:
    """Add fully hand-written examples (each its own family) to a spec."""
    sp = SPECS[(lang, slug)]
    sp.hand["positive"].extend(pos)
    sp.hand["hard_negative"].extend(hn)
    sp.hand["negative"].extend(neg)


def lines(block: str) -> list[str]:
    """A literal block of hand-written examples, one per line (blank lines ignored)."""
    return [s.strip() for s in block.strip().splitlines() if s.strip()]


# --------------------------------------------------------------------------- expansion

_TOKEN = re.compile(r"\{([^{}]*)\}")


def expand(template: str, slots: dict[str, list[str]], rng: random.Random, depth: int = 0) -> str:
    if depth > 6:
        raise ValueError(f"slot recursion too deep in {template!r}")

    def repl(m: re.Match[str]) -> str:
        body = m.group(1)
        if "|" in body or body == "":
            choice = rng.choice(body.split("|"))
        else:
            if body not in slots:
                raise KeyError(f"unknown slot {{{body}}} in {template!r}")
            choice = rng.choice(slots[body])
        return expand(choice, slots, rng, depth + 1) if "{" in choice else choice

    return _TOKEN.sub(repl, template)


_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def tidy(text: str, lang: str) -> str:
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r" +([,.])", r"\1", text)
    text = re.sub(r"\( +", "(", text)
    text = re.sub(r" +\)", ")", text)
    text = re.sub(r"^[,;:] *", "", text)
    if lang == "zh":
        text = re.sub(rf"(?<=[{_CJK}]) +(?=[{_CJK}])", "", text)
        text = re.sub(r"^[，、]", "", text)
    if lang == "fr":
        for a, b in (("de le", "du"), ("de les", "des"), ("à le", "au"), ("à les", "aux")):
            text = re.sub(rf"\b{a} ", f"{b} ", text)
            text = re.sub(rf"^{a.capitalize()} ", f"{b.capitalize()} ", text)
    return text.strip()


def strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).replace("œ", "oe")


def _typo(text: str, rng: random.Random, lang: str) -> str:
    words = [
        (m.start(), m.end())
        for m in re.finditer(r"[A-Za-zÀ-ÿ]{5,}", text)
        if not PROFANITY[lang].fullmatch(m.group())
    ]
    if not words:
        return text
    a, b = rng.choice(words)
    i = rng.randrange(a + 1, b - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def perturb(text: str, lang: str, rng: random.Random) -> str:
    """Register noise that keeps the meaning: case, final punctuation, one typo, accents."""
    if lang == "zh":
        r = rng.random()
        if r < 0.12:
            text = text.replace("，", " ").replace("。", " ")
        elif r < 0.22:
            text = text.replace("，", ",").replace("？", "?").replace("！", "!")
        if rng.random() < 0.15:
            text = text.rstrip("。.")
        return re.sub(r" +", " ", text).strip()
    r = rng.random()
    if r < 0.20:
        text = text.lower()
    elif r < 0.23:
        text = text.upper()
    elif r < 0.75 and text[:1].islower():
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.06:
        text = _typo(text, rng, lang)
    if lang == "fr" and rng.random() < 0.15:
        text = strip_accents(text)
    if rng.random() < 0.15 and text[-1:] in ".!" and text[-2:-1] not in ".!":
        text = text[:-1]
    return tidy(text, lang)


def norm_key(text: str) -> str:
    """De-duplication key: case, accents, punctuation, emoji and spaces folded."""
    t = strip_accents(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(c for c in t if c.isalnum())


# Swear words, to set ``profanity`` from the text itself: 1 when one occurs, else 0 where no
# family fixed the label. Modelled on the stems of src/tamis/lists/default/profanity.yaml, and
# deliberately narrow where a hard negative relies on an innocent homograph (cock = rooster,
# chatte = cat, 逼近 = to approach).
_EN_SWEAR = (
    r"fuck\w*|f\*ck\w*|motherf\w*|mofo|stfu|gtfo|wtf|af|\w*shit\w*|ass|asses|asshole\w*"
    r"|asshat\w*|assclown\w*|jackass\w*|dumbass\w*|fatass|smartass|arsed?|bitch\w*|biatch"
    r"|arsehole\w*|arsewipe|arseface|bastards?|cunt\w*|twat\w*|dick|dicks|dickhead\w*|dickface"
    r"|cocksuck\w*|pricks?|wank\w*"
    r"|tossers?|bollock\w*|bugger\w*|bloody hell|sod off|bellends?|knobhead|pillock|piss\w*"
    r"|crap\w*|bullcrap|damn\w*|dammit|goddam\w*|douche\w*|scumbags?|turds?|skank\w*|slut\w*"
    r"|whores?|thots?|screw you|go to hell"
)
_FR_SWEAR = (
    r"putain\w*|ptn|putes?|fdp|fils de pute|salope\w*|salaud\w*|salopard\w*|merd\w*"
    r"|emmerd\w*|bordel|connard\w*|connasse\w*|connes?|conneries?|(?:pauvre|sale|gros|petit"
    r"|quel|esp[eè]ce de|t[eê]te de) cons?|bande de cons|encul\w*|vtff|foutre|foutue?s?|chier"
    r"|chiant\w*|chieu\w*|chiottes|niqu\w*|ntm|ta gueule|ftg|tg|b[aâ]tard\w*|enfoir[eé]\w*"
    r"|raclure|trou du cul|cul|couill\w*|branleu\w*|p[eé]tasse|pouffiasse|garce|catin"
    r"|tabarna[kc]|c[aâ]lisse"
)
_ZH_SWEAR = (
    r"傻逼|煞笔|傻屄|傻叉|傻缺|傻屌|二逼|逗逼|装逼|牛逼|撕逼|逼样|贱逼|臭逼|骚逼|操你|操他|操蛋|肏|艹你"
    r"|草你妈|草泥马|曹尼玛|马勒戈壁|卧槽|日你|日了狗|干你娘|他妈的|他娘的|你妈逼|妈了个|妈卖批|你妈死"
    r"|你妈炸|你麻痹|去你妈|滚你妈|去你大爷|妈蛋|滚蛋|滚犊子|王八蛋|王八羔子|混蛋|狗日|狗娘养|狗杂种"
    r"|贱种|孬种|龟儿子|狗东西|人渣|下三滥|婊|贱人|贱货|骚货|荡妇|八婆|狗屎|吃屎|狗屁|屁眼|鸡巴|屌"
    r"|仆街|扑街|(?<![a-z])(?:cnm|nmsl|tmd|wcnm|mlgb|nmb|mmp|sb)(?![a-z])"
    # exclamations; the look-arounds keep 你妈的 (your mum's), 他妈妈, 我靠近, 我日常 innocent
    r"|我操|我艹|我靠(?![近着在自])|我日(?![常记期子本语])|(?<![^\s，,。！!？?])妈的|他妈(?!妈)|^[操草艹][，,！!。]"
)
PROFANITY: dict[str, re.Pattern[str]] = {
    "en": re.compile(rf"\b(?:{_EN_SWEAR})\b", re.IGNORECASE),
    "fr": re.compile(rf"\b(?:{_FR_SWEAR})\b", re.IGNORECASE),
    "zh": re.compile(_ZH_SWEAR, re.IGNORECASE),
}


def _join(a: str, b: str, lang: str) -> str:
    if lang == "zh":
        return a + ("" if a.endswith(tuple("。！？!?~…")) else "。") + b
    sep = "" if a.endswith((".", "!", "?", "…")) or not a[-1:].isascii() else "."
    return f"{a}{sep} {b[:1].upper()}{b[1:]}"


# =========================================================================== English

COMMON["en"] = {
    "place": [
        "downtown",
        "on the north side",
        "near the station",
        "by the uni campus",
        "in Leeds",
        "in Manchester",
        "in Austin",
        "in Brooklyn",
        "in Dallas",
        "in Glasgow",
        "in Toronto",
        "around Camden",
        "in the east end",
        "off Main Street",
        "in Birmingham",
        "in Atlanta",
        "near the retail park",
        "in south London",
        "in Phoenix",
        "in Bristol",
        "round here",
    ],
    "city": [
        "Leeds",
        "Manchester",
        "Austin",
        "Dallas",
        "Glasgow",
        "Toronto",
        "Birmingham",
        "Atlanta",
        "Bristol",
        "Phoenix",
        "Cardiff",
        "Denver",
        "Sheffield",
        "Ottawa",
    ],
    "platform": [
        "Telegram",
        "Snapchat",
        "Wickr",
        "Signal",
        "WhatsApp",
        "Insta",
        "Discord",
        "Kik",
        "my bio",
        "the link in bio",
        "Snap",
        "TG",
    ],
    "time": [
        "tonight",
        "this weekend",
        "after 9pm",
        "right now",
        "tomorrow",
        "all week",
        "till Sunday",
        "this Friday",
        "later today",
        "asap",
    ],
    "price": [
        "$20",
        "£40",
        "$150",
        "50 quid",
        "$80",
        "£10",
        "$300",
        "$1,200",
        "200 bucks",
        "£25",
        "$60",
        "£120",
    ],
    "role": [
        "the landlord",
        "my boss",
        "that referee",
        "my ex",
        "the teacher",
        "the bouncer",
        "my neighbour",
        "the manager",
        "the mods",
        "that streamer",
        "the bus driver",
        "the coach",
        "my stepdad",
        "the guy from accounts",
        "the delivery driver",
    ],
    "lol": ["lol", "lmao", "😂", "🤣", "haha", "", "", ""],
}

# ----------------------------------------------------------------------------- sexual
spec(
    "en",
    "sexual",
    slots={
        "svc": [
            "NSA fun",
            "a discreet hookup",
            "a one night stand",
            "a FWB",
            "no strings fun",
            "a steamy night",
            "casual sex",
            "a quick hookup",
            "some naughty fun",
            "a fuck buddy",
        ],
        "content": [
            "nudes",
            "explicit pics",
            "nude videos",
            "custom sex videos",
            "dirty pics",
            "private shows",
            "XXX content",
            "spicy vids",
            "uncensored pics",
            "sex tapes",
        ],
        "adult": [
            "grown women",
            "mature ladies",
            "adult models",
            "verified 18+ escorts",
            "MILFs",
            "lonely wives",
            "horny singles",
            "busty babes",
            "hot housewives",
        ],
        "emo": ["😈", "🍑", "🍆", "💦", "🔥", "😘", "🥵", "😏", "", ""],
        "me": ["M34", "F29", "M41", "F38", "couple (30s)", "M27", "F45", "bi M 33"],
        "sub": ["OnlyFans", "Fansly", "my private Snap", "my VIP Telegram", "my page"],
        "flower": ["pussy willow", "cockscomb", "pussytoes"],
    },
    pos=[
        F(
            "hookup_request",
            "looking for {svc} {time} {place} {emo}",
            "anyone up for {svc} {time}? {place}, can host",
            "{me} {place} seeking {svc}, discreet, {platform} me",
            "bored and horny {place}, who wants to come over {time} {emo}",
            "{me} married but looking for {svc} on the side, {place}",
        ),
        F(
            "content_sale",
            "selling {content}, {price}, DM on {platform} {emo}",
            "{content} available {time}, hit me up on {platform}",
            "want to see more? {content} on {sub} {emo}",
            "subscribe for {content}, uncensored, {price} a month {emo}",
            "new {content} dropped on {sub}, link in bio {emo}",
        ),
        F(
            "escort_ad",
            "{adult} available {place}, incall/outcall, {price}/hr",
            "escort service {place} {time}, full service, {platform}",
            "massage with happy ending {place}, {price}, discreet",
            "sensual body rub + extras, {adult} only, book via {platform}",
            "{adult} {place} waiting for you {emo} GFE, {price} per hour",
        ),
        F(
            "explicit_desire",
            "I want to fuck you so hard {time} {emo}",
            "wanna fuck? {place}, {time}",
            "come over and fuck me {time} {emo}",
            "I'm so horny, I need to get fucked {time}",
            profanity=1,
        ),
        F(
            "explicit_desire_clean",
            "bend over for me {emo}",
            "I want you naked in my bed {time} {emo}",
            "can't stop thinking about riding you {emo}",
            "I want to feel you inside me {time} {emo}",
            "take it all off for me, slowly {emo}",
        ),
        F(
            "sexting_request",
            "send nudes {emo}",
            "send me a pic of your tits {emo}",
            "show me your body on cam {time}",
            "wanna sext? add me on {platform} {emo}",
            "trade nudes? {platform}, no fakes",
            "let's video chat naked {time} {emo}",
        ),
        F(
            "explicit_story",
            "we had sex in the back seat all night {emo}",
            "she was moaning so loud the neighbours complained {emo}",
            "last night I had a threesome with two strangers from an app {emo}",
            "we fucked on the balcony {time}, best sex ever",
            "he went down on me for an hour {emo}",
        ),
        F(
            "cam_show",
            "live cam show {time}, tip to make me strip {emo}",
            "naked on stream {time}, link on {platform} {emo}",
            "private cam session {price} for 15 min, anything you want {emo}",
            "watch me touch myself live {time} {emo}",
        ),
        F(
            "algospeak",
            "selling spicy seggs content, {platform} {emo}",
            "🌽 star here, 🌽 vids on {sub}",
            "accountant 🌽 {content} link in bio {emo}",
            "seggs tonight? {place} {emo}",
        ),
        F(
            "sugar",
            "sugar daddy {place} looking for an adult sugar baby, allowance for intimate meetups",
            "generous man seeks discreet arrangement with {adult}, {price} per meet, intimacy expected",
            "pay-per-meet, {price}, must be open to sex, {platform}",
        ),
    ],
    hn=[
        F(
            "sex_ed",
            "condoms reduce the risk of STIs, free testing at the sexual health clinic {time}",
            "talk to your partner about consent before sex, every time",
            "the clinic offers free HIV and STI tests {time}, no appointment needed",
            "adult sexual health guide: contraception options explained",
            "PrEP is available free on the NHS, ask your GP",
            "consent can be withdrawn at any time, that's the law",
        ),
        F(
            "medical",
            "erectile dysfunction can be an early sign of heart disease, see your GP",
            "painful sex after childbirth is common, a pelvic floor physio can help",
            "ask your pharmacist about the morning-after pill, it works best within 72 hours",
            "menopause can lower libido, HRT is one option to discuss with your doctor",
            "a breast self-exam once a month helps you notice changes early",
        ),
        F(
            "innocent_words",
            "our rooster is a big cock, he wakes us at 5 every morning",
            "the {flower} in the garden is flowering {time}",
            "screw the lid on tight before you shake it",
            "she plays hooker for the rugby team",
            "can you hook up the printer to the laptop?",
            "spotted a pair of great tits at the bird feeder {time}",
            "the cat is a fluffy little pussycat",
            "nailed the presentation {time} {lol}",
            "blow the candles out and make a wish",
            "we got laid off on Friday, the whole team",
        ),
        F(
            "romance",
            "had a lovely date {time}, he brought flowers",
            "happy anniversary to the love of my life ❤️",
            "my wife and I are renewing our vows {time}",
            "first kiss under the fireworks, still remember it",
            "cuddling on the sofa watching a film, perfect evening",
            "he proposed on the beach and I said yes 💍",
        ),
        F(
            "report",
            "reporting this account for posting explicit pics and spam",
            "got a DM asking for nudes, how do I report it on {platform}?",
            "mods, the bot is spamming escort links again, please ban",
            "warning: fake 'hot singles' ads are a scam, don't click",
            "block and report anyone sending unsolicited explicit pics",
            "someone sent me porn in the group chat, admins please remove",
        ),
        F(
            "art_news",
            "the museum exhibit covers erotic frescoes from Pompeii",
            "the film is rated 18 for strong sex and nudity",
            "police closed an unlicensed massage parlour {place} after a trafficking investigation",
            "the novel was banned in 1928 for its sex scenes",
            "the documentary looks at how the porn industry treats performers",
        ),
        F(
            "fitness_food",
            "leg day done 🍑 glutes on fire",
            "peach cobbler recipe 🍑 {time}",
            "eggplant parmigiana for dinner 🍆",
            "hot yoga class {time}, bring water",
            "this swimsuit is so cute on you",
            "booty workout: squats, lunges, hip thrusts 🍑",
            "corn on the cob with butter 🌽",
        ),
        F(
            "weather_design",
            "it's so hot {time}, I'm sweating through my shirt 🥵",
            "the new car design is sexy, love the lines",
            "this sauce is spicy 🥵🔥",
            "that chord progression is so sexy",
            "feeling hot, might have a fever",
        ),
        F(
            "massage_legit",
            "licensed physiotherapist, sports massage for runners, {price} per hour",
            "deep tissue massage helped my back pain a lot",
            "the spa voucher includes a facial and a foot massage",
            ads=None,
        ),
    ],
)

hand(
    "en",
    "sexual",
    pos=lines("""
        hey handsome, I'm new in town and looking for some fun tonight, no strings attached 😘
        Any women in Leeds want a hookup this weekend? I'm 35, clean, discreet, can host.
        selling my nudes $15 a set, custom vids extra, cashapp only
        wanna see what's under this dress? 😈 link in my bio
        Full service escort available 24/7 incall near the airport, text for rates
        ur so hot, send me a pic without the top 🥵
        married m looking for a discreet affair, wife doesn't have to know
        Hot singles in your area are waiting to meet you tonight!! Click now 💋
        Looking for a couple to join us for a threesome this Saturday, both adults, DM
        I just want to rip your clothes off and take you right here
        my OF is 50% off this week, full nude, no PPV 🔥
        kik me for a naughty video call ;)
        Lonely? Adult chat with real women, pay per minute, no credit card checks
        we should hook up after the party, my place is 5 min away, I'll make it worth it
        New here. 28F looking for NSA fun with a respectful guy, no pics no chat
        can i pay u for a private show? name ur price
        Erotic massage with a happy ending, discreet studio in the city centre, ask for Lola
        I'm horny af, who's awake and wants to sext
        I'll do anything you want on cam for the right tip 😏
        Tired of your boring marriage? Discreet affairs site, sign up free, meet tonight.
        last night's hookup was wild, we went at it three times before sunrise
        honestly you'd look better in my bed than in that profile pic 😉
    """),
    hn=lines("""
        My GP said my low sex drive might be linked to the antidepressants, we're adjusting the dose.
        Reminder: the sexual health clinic on Park Road does walk-in STI tests on Wednesdays.
        How do I talk to my partner about wanting to use condoms again?
        Ugh, another bot in my DMs offering "hot singles". Reported and blocked.
        The adult education centre runs a free evening course on sexual health and relationships.
        Our rooster is the loudest cock on the street and the neighbours hate him.
        My cat had five kittens last night, mum and kittens are doing fine 🐱
        Can you screw the shelf to the wall before the party?
        Rated R for sexual content and strong language, so maybe not for family movie night.
        The podcast episode is about consent and how to ask for it without making it awkward.
        Happy 10th anniversary to my husband, still the best decision I ever made ❤️
        Caught a glimpse of a great tit and a blue tit at the feeder this morning!
        My sister got engaged on holiday and I cried for an hour.
        This salsa is so hot I can't feel my lips 🥵
        Does anyone know a good physio for a sports massage near Headingley?
        The art history module covers the nude in Renaissance painting.
        The GP practice now has a nurse-led clinic for contraception and menopause questions.
        He hooked up the new speakers and the whole flat is shaking.
        The government report on the adult entertainment industry was published on Tuesday.
        Squats for a stronger booty, not just for looks, it helps your back too 🍑
        I'm a midwife and yes, I have seen it all, no need to be embarrassed at your appointment.
        The hotel was lovely, king-size bed, jacuzzi, breakfast included, would book again.
    """),
)

# ------------------------------------------------------------------------- harassment
spec(
    "en",
    "harassment",
    slots={
        "insult": [
            "pathetic loser",
            "worthless idiot",
            "braindead clown",
            "waste of oxygen",
            "ugly freak",
            "absolute moron",
            "spineless coward",
            "sad little man",
            "fat slob",
            "clueless muppet",
            "lying snake",
            "creep",
            "nobody",
            "joke of a person",
        ],
        "adj": ["pathetic", "annoying", "useless", "disgusting", "stupid", "ugly", "worthless"],
        "pinsult": [
            "stupid bitch",
            "piece of shit",
            "dumb fuck",
            "fucking idiot",
            "dickhead",
            "useless twat",
            "absolute prick",
        ],
        "venue": ["this server", "the group chat", "class", "the team", "this forum", "work"],
        "them": ["her", "him", "this guy", "that streamer", "the new kid"],
        "whose": ["her", "his", "this guy's", "that streamer's", "the new kid's"],
    },
    pos=[
        F(
            "direct_insult",
            "you're a {insult} {lol}",
            "shut up you {insult}",
            "nobody asked you, {insult}",
            "imagine being such a {insult}",
            "you are the most {adj} person in {venue}",
            "honestly you're a {insult} and everyone knows it",
            "look at this {insult} trying to act smart {lol}",
        ),
        F(
            "exclusion",
            "nobody likes you, just leave {venue}",
            "everyone in {venue} hates you, don't come back",
            "go away, no one wants you in {venue}",
            "we made a new group chat without you because you're {adj}",
            "do us all a favour and leave {venue} forever",
        ),
        F(
            "pile_on",
            "everyone go spam {whose} DMs {lol}",
            "let's flood {whose} comments until the account is gone",
            "mass report {whose} page, make something up",
            "screenshot {whose} posts and send them to the boss {lol}",
            "let's make {them} miserable at school tomorrow",
            "post {whose} photo everywhere with 'what a {insult}' on it",
            "raid {whose} stream {time}, spam the chat till they cry",
        ),
        F(
            "intimidation",
            "I know where you live",
            "found your address, see you soon {lol}",
            "I know which gym you go to, be careful",
            "I have your number and your mum's, keep talking",
            "I found your work, maybe your boss should see your posts",
            violence=None,
        ),
        F(
            "profane_insult",
            "fuck off you {insult}",
            "you {pinsult}",
            "shut the fuck up, {insult}",
            "nobody cares what you think, {pinsult}",
            "go cry somewhere else you {pinsult}",
            profanity=1,
        ),
        F(
            "body_shaming",
            "look at that double chin {lol}",
            "you look like a thumb with a wig {lol}",
            "no wonder you're single with that face",
            "delete your selfies, you're {adj}",
            "lose some weight before you post, {insult}",
            "your teeth are so yellow it's disgusting",
        ),
        F(
            "stalking",
            "why aren't you answering? I'm outside your house",
            "I'll keep making new accounts until you talk to me",
            "you can block me but I will always find you",
            "I saw you at the shop today, nice jacket. see you tomorrow",
            "answer me or I'll show up at your work again",
            violence=None,
        ),
        F(
            "extortion",
            "pay me or I post your pics everywhere",
            "I'll tell everyone your secret unless you do what I say",
            "send me {price} or your family sees those screenshots",
            "do what I say or I'll leak your chats to the whole school",
        ),
        F(
            "tell_to_die",
            "kys you {insult}",
            "just kill yourself already, nobody would care",
            "do everyone a favour and disappear forever",
            "the world would be better without you, {insult}",
            self_harm=None,
        ),
        F(
            "sexual_remarks",
            "smile more sweetheart, you'd be hotter",
            "nice legs, too bad about the face {lol}",
            "bet you'd look better with your mouth shut",
            "you only got the job because you're sleeping with {role}",
            sexual=None,
        ),
        F(
            "belittling",
            "you're too stupid to understand, don't even try",
            "typical {insult}, can't do anything right",
            "you're so {adj} it's honestly embarrassing to watch",
            "lol you failed again, you'll never be anything",
            "everyone laughs at you behind your back",
        ),
    ],
    hn=[
        F(
            "banter",
            "you absolute legend {lol}",
            "you beautiful idiot, you forgot the keys again {lol}",
            "shut up, that's amazing!!",
            "you're so dumb {lol} love you",
            "stop it, you're killing me {lol}",
            "you muppet, it's the other door {lol}",
            "omg you nerd, of course you read the whole manual",
        ),
        F(
            "self_deprecation",
            "I'm such an idiot, left my phone on the bus",
            "I look like a potato in this photo {lol}",
            "ugh I'm the worst at remembering birthdays",
            "I'm a total loser at chess, lost 6 games in a row",
            "I'm so useless before my first coffee",
        ),
        F(
            "critique",
            "this argument doesn't hold up, the data says otherwise",
            "the movie was boring and way too long",
            "your code has a bug in line 40, please fix before merging",
            "that referee decision was terrible",
            "I disagree with your review, the ending was the best part",
            "the plan is badly thought out, we need a budget first",
        ),
        F(
            "report_quote",
            "someone keeps calling me a {insult} in DMs, how do I block them on {platform}?",
            "he told me 'nobody likes you' and I've reported him to the mods",
            "screenshots of the bullying have been sent to the school",
            "my daughter is being told to 'just leave' by her class group chat, what do I do?",
            "a stranger found my address and posted it, I've contacted the police",
        ),
        F(
            "anti_bullying",
            "bullying is never ok, if you're being harassed talk to someone you trust",
            "our server has zero tolerance for insults, read the rules before posting",
            "Anti-Bullying Week starts Monday, wear odd socks to school",
            "how to support a colleague who is being harassed at work",
            "if you see someone getting piled on, don't join in, report it",
        ),
        F(
            "product_complaint",
            "this phone is garbage",
            "worst customer service ever, two hours on hold",
            "the update is trash, bring back the old layout",
            "the hotel was filthy and the staff didn't care",
            "stupid printer jammed again",
        ),
        F(
            "game_banter",
            "gg ez",
            "rematch tomorrow, prepare to lose {lol}",
            "we're gonna destroy you in the quiz on Saturday {lol}",
            "the loser's bracket starts at 6pm",
            "winner stays on, loser buys coffee",
            "you got absolutely wrecked in that round {lol}",
        ),
        F(
            "fiction",
            "in chapter 3 the villain mocks the hero as a coward",
            "the bully in the film finally gets what he deserves",
            "the play is about a girl who is bullied online and fights back",
            "the character calls his rival a snake, classic soap drama",
        ),
        F(
            "pets",
            "my dog is such a dummy, he ran into the door again {lol}",
            "this cat is a menace, knocked my coffee off the table",
            "the goose at the park is a bully, chased me for 50 metres",
        ),
    ],
)
hand(
    "en",
    "harassment",
    pos=lines("""
        Nobody in this class likes you. Everybody just pretends so you stop crying.
        lmao look at her trying to sing, someone tell her she sounds like a dying cat
        I swear if you post in this group again I'm going to make your life miserable
        You're genuinely the dumbest person I've ever worked with. How did you get hired?
        everyone report this account, she's a fake and a liar, let's get her banned
        I've got your home address from the delivery form. Think about that.
        ur so ugly even ur mum must regret having u
        Keep ignoring me and see what happens. I have all your old messages.
        shut up fatty nobody wants to hear you
        Why do you even bother showing up? Nobody wants you on this team.
        can't believe you're still alive with that face lol
        You're a fraud and a creep and I'm going to make sure everyone at your work knows it.
        go back to your cave you absolute troll
        I made a fake account of you and everyone thinks it's real 🤣
        Your kid is as stupid as you are, must run in the family.
        every day I'll comment on your posts until you quit, I have nothing else to do
        you're a failure, your parents must be so ashamed of you
        Stop posting, you embarrassing clown. Every video you make is cringe.
        I saw you crying in the toilets today, pathetic
        wait till everyone sees the screenshots of what you said about them 😈
        Nobody would come to your funeral lol
        You are a disgusting little rat and you deserve to be alone.
    """),
    hn=lines("""
        My brother called me a nerd for reading on holiday, and honestly fair.
        Someone at school keeps calling my son names. The teacher says it will be dealt with.
        I'm such a clown, I walked into the glass door at work today.
        This app is the worst, it logs me out every five minutes.
        Your essay is good but the conclusion is weak, I'd rewrite the last paragraph.
        We got absolutely destroyed 5-0 by the under-12s, humbling stuff.
        Reported the account that keeps sending insults to my friend. Please do the same if you see it.
        lol you idiot, I love you, happy birthday 🎉
        If you're being bullied online, you can block, mute, and save evidence before reporting.
        That was a stupid mistake on my part, sorry everyone.
        The villain in this book is so nasty, I love to hate him.
        The manager was rude to me today so I'm writing a formal complaint.
        Our HR training this week covered workplace harassment and how to report it.
        Loser buys pizza, those are the rules of Mario Kart night.
        I hate when people talk in the cinema, it's so annoying.
        The referee was a joke today, three penalties missed.
        Calling someone a "loser" over and over is bullying, and the school should act.
        Your cat looks like a grumpy old man and I adore him.
        He's a snake in the show, but the actor is apparently lovely in real life.
        Stop roasting me for my fashion sense, I dress for comfort.
        This spreadsheet is a nightmare, who designed it.
        The quiz team called us the underdogs and we won, ha!
    """),
)

# --------------------------------------------------------------------------- violence
spec(
    "en",
    "violence",
    slots={
        "hurt": [
            "kill you",
            "beat you half to death",
            "break your legs",
            "smash your face in",
            "stab you",
            "put you in hospital",
            "shoot you",
            "cave your skull in",
            "slit your throat",
            "burn your house down with you inside",
        ],
        "hurt3": [
            "stab",
            "shoot",
            "beat the shit out of",
            "kill",
            "run over",
            "jump",
            "knock out",
            "torch the car of",
            "glass",
            "put a bullet in",
        ],
        "target_place": [
            "the council offices",
            "the police station",
            "his shop",
            "that bar",
            "the depot",
            "the landlord's flat",
            "the club",
            "the warehouse",
        ],
        "venue": ["school", "the office", "the mall", "the concert", "the station", "work"],
        "arm": ["bats", "knives", "bricks", "crowbars", "whatever you've got"],
    },
    pos=[
        F(
            "threat_direct",
            "I'm going to {hurt}",
            "I swear I'll {hurt} next time I see you",
            "watch your back, I'll {hurt}",
            "you're dead when I find you",
            "say that again and I'll {hurt} {lol}",
            "I know your face, I will {hurt}",
            harassment=1,
        ),
        F(
            "threat_third",
            "I'm going to {hurt3} {role} {time}",
            "someone needs to {hurt3} {role}",
            "I swear I'll {hurt3} {role} if he says one more word",
            "{role} is getting it {time}, I'm gonna {hurt3} him",
        ),
        F(
            "incitement",
            "we should all go {hurt3} {role} {time}",
            "burn down {target_place}, who's with me {time}",
            "grab {arm} and meet {place}, we're smashing heads {time}",
            "everyone bring {arm}, we're going to make them bleed",
            "find out where {role} lives and make him pay",
        ),
        F(
            "glorification",
            "that stabbing was beautiful, more of that please",
            "the guy who attacked {role} is a hero",
            "love watching people get beaten up, post more fights",
            "he deserved every punch, wish they'd finished the job",
            "whoever torched {target_place} did the world a favour 🔥",
        ),
        F(
            "wish_harm",
            "I hope someone breaks {role}'s neck",
            "hope you get hit by a bus",
            "I hope your whole family burns",
            "wish someone would put {role} in the ground",
            "hope you get jumped on your way home",
        ),
        F(
            "mass_threat",
            "gonna shoot up {venue} {time}, don't come in",
            "tomorrow everyone at {venue} dies",
            "I'm bringing a gun to {venue}, you'll all see",
            "last day at {venue}, they'll remember my name",
            weapons=None,
            extremism=None,
        ),
        F(
            "domestic",
            "if she talks back again I'll smack her",
            "my wife needs a good beating to learn some respect",
            "I'll teach her a lesson she won't forget, with my fists",
            "if he cheats I'm going to hurt him so bad",
        ),
        F(
            "animal_cruelty",
            "let's kick the neighbour's dog until it shuts up",
            "gonna poison that cat that keeps coming in the garden",
            "throw rocks at the swans, it's funny {lol}",
        ),
        F(
            "street",
            "we're gonna run up on them {time} and leave them leaking",
            "catch him lacking and stab him up",
            "opps outside {place}, slide on them {time}",
            "next time we see them we're not talking, we're shooting",
        ),
    ],
    hn=[
        F(
            "idiom",
            "I killed it at the gym {time} 💪",
            "this bug is killing me",
            "you're killing me {lol}",
            "the comedian absolutely murdered the crowd",
            "I could murder a pizza right now",
            "my feet are killing me after that hike",
            "she slayed that performance",
            "killing time before the flight",
            "this deadline is going to be the death of me {lol}",
            "we smashed our sales target this quarter",
        ),
        F(
            "sport",
            "we crushed them 4-0 {lol}",
            "knockout in round 2, what a fight",
            "he shot from 30 yards and scored",
            "the boxer landed a brutal uppercut in the third",
            "they destroyed us in the second half",
            "great tackle, clean and hard, that's rugby",
        ),
        F(
            "gaming",
            "got a triple kill in Valorant {lol}",
            "headshot from across the map 🎯",
            "we need to kill the boss before phase 2",
            "I keep dying on the last level",
            "camping with a sniper is so annoying",
            "blew up the enemy base with C4 in the last round",
            "GTA just lets you run people over, it's a game",
        ),
        F(
            "news",
            "police say a man was stabbed in {city} last night, a suspect is in custody",
            "the court sentenced the attacker to 12 years",
            "protesters clashed with police, three people were injured",
            "a 40-year-old man was arrested after threats were made online against a school",
            "the jury found him guilty of assault",
            "knife crime fell by 8% in {city} last year",
        ),
        F(
            "history",
            "the bomb was defused in 1944 and is now in the museum",
            "the Battle of the Somme killed over a million men",
            "veterans remember D-Day 80 years on",
            "the castle was besieged and burned in 1403",
            "unexploded WW2 bomb found on a building site {place}",
        ),
        F(
            "condemnation",
            "violence is never the answer",
            "threatening people online is a crime, report it",
            "we condemn the attack on {role} and wish them a full recovery",
            "domestic abuse helpline is free and confidential, you are not alone",
            "if someone threatens you, save the messages and contact the police",
            "whoever hurt that cat needs to be found and charged",
        ),
        F(
            "fiction",
            "in the novel the detective finds the murder weapon in the lake",
            "the villain threatens to destroy the city in act two",
            "true crime podcast episode 12: the unsolved murder",
            "in the film he swears revenge on the gang that killed his dog",
            "the last season of the show has a lot of fighting, worth it though",
        ),
        F(
            "training",
            "beginners' krav maga class {time}",
            "boxing training {time}: jab, cross, hook, repeat",
            "self-defence workshop for women at the community centre",
            "MMA gym open house {time}, all levels",
        ),
        F(
            "shoot_words",
            "can you shoot a photo of the sunset for me?",
            "we shot the music video {place}",
            "shoot me a text when you land",
            "he shot down the idea in the meeting",
            "beat the eggs and fold in the flour",
            "smash the garlic with the side of the knife",
            "kill the engine before you get out",
            "the new album is a total bomb 🔥",
        ),
    ],
)
hand(
    "en",
    "violence",
    pos=lines("""
        Say my name one more time and I will break every bone in your body.
        If I see him at the match on Saturday he's getting stabbed, simple as.
        someone should just burn that whole building down with the landlord in it
        Honestly the only way this ends is if somebody shoots the guy. Any volunteers?
        I'm going to wait for you after school and you're not walking home.
        Best video I've seen all week, that guy got his head stamped on and nobody helped 😂
        I will find you and I will hurt you. I have nothing to lose.
        Round up everyone, bring bats, we go to their estate tonight and make them pay.
        My ex is lucky I don't know where she lives now or she'd be in a box.
        Next cop I see I'm running him over. I mean it.
        That attack was exactly what they deserved and there should be more of them.
        Let's jump the new guy after practice, teach him his place.
        If the ref gives that decision again someone's going to put him in hospital, and it might be me.
        I'll put you six feet under, keep talking.
        tomorrow I'm bringing something to school and they'll all regret laughing at me
        Burn their cars, smash their windows, make them afraid to come back.
        whoever beat that old man up is a legend, should have done worse
        I'm gonna end you, mark my words
        I hope someone drags him out of his house and beats him senseless
        If my neighbour's dog barks one more time I'm going to kill it.
    """),
    hn=lines("""
        I absolutely killed my presentation today, the client loved it!
        This headache is killing me, I'm going to bed early.
        Police are appealing for witnesses after a man was assaulted outside a nightclub on Friday.
        The 1944 bomb that was found in the harbour has been safely detonated by the navy.
        We got murdered 6-1 at home, worst game of the season.
        The book describes the battle in detail, it's a hard but important read about the war.
        I'm learning Brazilian jiu-jitsu and getting choked by 60-year-olds every week.
        My brother and I played Call of Duty all night, I got destroyed.
        Threats against teachers are never acceptable, and the school has reported them to the police.
        My sister will kill me if I forget her birthday again 😅
        The boss fight in Elden Ring took me 40 tries, I finally beat him.
        Shoot me an email and I'll send the files over.
        The war memorial lists 212 names from our village.
        That stand-up set was so good he killed it, people were crying laughing.
        Beat the butter and sugar until light and fluffy.
        The council condemned the attack on the mosque and offered support to the community.
        Hunting down that bug took all afternoon but it's fixed.
        The documentary about the Rwandan genocide was devastating and important.
        In my novel, the hero fights the dragon and loses an arm. Too much?
        If you are being threatened at home, you can call the domestic abuse helpline any time.
    """),
)

# ------------------------------------------------------------------- violence/graphic
spec(
    "en",
    "violence-graphic",
    slots={
        "part": ["head", "face", "arm", "leg", "chest", "stomach", "jaw", "hand", "skull"],
        "gore": [
            "bone sticking out through the skin",
            "blood gushing everywhere",
            "his guts hanging out",
            "the flesh torn open to the bone",
            "brains splattered on the wall",
            "half his face gone",
            "pieces of him on the tarmac",
            "the eye hanging out of the socket",
            "intestines spilling on the floor",
        ],
        "ev": [
            "the crash",
            "the explosion",
            "the fight",
            "the train accident",
            "the shooting",
            "the machinery accident",
            "the attack",
        ],
        "emo": ["🤮", "😱", "💀", "🩸", "", ""],
    },
    pos=[
        F(
            "injury",
            "his {part} was crushed, {gore}",
            "after {ev} there was {gore}",
            "I saw it happen, {gore}, I can't unsee it {emo}",
            "the {part} was split open and {gore}",
            "the paramedic lifted the sheet and there was {gore}",
        ),
        F(
            "video_share",
            "watch this, guy gets his {part} crushed by a truck {emo}",
            "uncut footage from {ev}, you can see {gore} {emo}",
            "full video on {platform}, {gore}, not blurred {emo}",
            "raw clip of {ev}, {gore}, 18+ only {emo}",
        ),
        F(
            "war",
            "the bodies were burned beyond recognition, charred flesh everywhere",
            "the trench was full of bodies, limbs scattered in the mud and {gore}",
            "soldiers left corpses rotting in the street, dogs eating them",
            "a shell hit the shelter and {gore}",
        ),
        F(
            "gore_fandom",
            "post more gore, I want to see real dead bodies {emo}",
            "decapitation clip in the comments, enjoy {emo}",
            "anyone got the video where {gore}? need it",
            "rate this gore pic 1-10, {gore} {emo}",
            "best gore compilation of the year, {gore}",
        ),
        F(
            "animal",
            "the dog was skinned and left hanging from a tree, blood still dripping",
            "found the cat ripped in half on the doorstep, insides everywhere",
            "the deer was hit and its guts were spread across both lanes",
        ),
        F(
            "aftermath",
            "they found him with his fingers cut off and {gore}",
            "the room was soaked in blood, {gore}",
            "the body had been in the water for weeks, bloated and falling apart",
            "the pieces of the body were found in bags across {city}",
        ),
        F(
            "self_inflicted_scene",
            "blood pouring out of the wound onto the bathroom tiles, {gore}",
            "the skin was peeled back and you could see {gore}",
            self_harm=None,
        ),
    ],
    hn=[
        F(
            "first_aid",
            "apply firm pressure to stop the bleeding and call 999",
            "for a nosebleed, lean forward and pinch the soft part of the nose",
            "compound fractures need emergency care, don't try to push the bone back",
            "first aid course {time}: wounds, burns and CPR",
            "keep the injured person warm and still until the ambulance arrives",
        ),
        F(
            "medical",
            "the surgeon repaired the torn ligament in my knee",
            "blood test results came back normal",
            "my stitches come out next week",
            "the operation went well, the scar is healing nicely",
            "A&E was packed {time}, waited four hours with a cut hand",
        ),
        F(
            "cooking",
            "remove the giblets and pat the chicken dry",
            "debone the fish and keep the head for stock",
            "I like my steak rare, still bloody inside",
            "black pudding is made with pig's blood and oats",
            "the butcher cuts the lamb into chops for us",
        ),
        F(
            "idiom",
            "bloody hell, I missed the bus again",
            "it was a bloodbath on the stock market {time}",
            "I'm dead 💀 {lol}",
            "my heart broke into pieces watching the finale",
            "gutted we lost the final",
            "that exam was brutal",
            "the red pen on my essay looks like a massacre {lol}",
            "I'd give an arm and a leg for a holiday",
        ),
        F(
            "news",
            "three people died in the crash on the motorway, police said",
            "the earthquake killed dozens and injured hundreds",
            "the victim was taken to hospital with serious injuries",
            "a worker was injured in an accident at the factory {time}",
            "rescue teams are still searching the rubble",
        ),
        F(
            "horror_review",
            "the horror film has lots of gore, not for the squeamish",
            "the zombie game has a gore toggle in the settings",
            "the slasher remake is fun but the effects look cheap",
            "content warning: this episode includes scenes of violence",
        ),
        F(
            "blood_misc",
            "donate blood {time}, one pint can help three people",
            "period cramps are the worst {lol}",
            "the vet stitched up my dog's paw after he cut it on glass",
            "papercut, bled all over the printer paper",
            "my gums bleed when I floss, should I see a dentist?",
        ),
        F(
            "halloween",
            "fake blood and zombie makeup tutorial for Halloween 🎃",
            "special effects makeup: how to make a realistic-looking scar with wax",
            "the haunted house had fake body parts everywhere {lol}",
        ),
        F(
            "history_nature",
            "the museum displays medieval surgical tools",
            "the nature documentary shows a lion hunting a zebra",
            "casualty figures for the Somme are still debated by historians",
            "the mummy in the exhibit is over 3,000 years old",
        ),
    ],
)
hand(
    "en",
    "violence-graphic",
    pos=lines("""
        The car was cut open and the driver was still in there, his face peeled off by the glass.
        I watched the cartel video, they cut his head off slowly and held it up to the camera.
        There was so much blood, it pooled under the door and his arm was just lying a metre away.
        look at this 😂 guy falls into the machine and comes out as mince
        The dog had torn the man's throat open, you could see the windpipe.
        Leaked footage from the accident: body split in two on the rails, full uncensored.
        The smell was awful. The body had split open in the heat and maggots were everywhere.
        His jaw was hanging off by a strip of skin after the blast.
        Anyone have the link to the one where the worker gets pulled into the grinder? Want to see it again.
        We found the remains in the woods, half eaten by foxes, one arm still in the sleeve.
        gore thread: post your most messed up real death pics
        The bullet took the back of his skull off, brains on the wall behind him.
        they dragged the body behind the truck until there was nothing left of the face
        Skin melted off his hands in the fire, the bones were black.
        Her leg was snapped backwards at the knee and the bone was poking through the jeans.
        Crash site photos, uncensored. Bits of people across the road, not for the weak.
        the rat trap took its head clean off, blood everywhere lol
        When they pulled him out of the river the fish had eaten his eyes.
        Full execution video here, they shoot him and then you see everything. No blur.
        The wound was so deep you could see his ribs moving under the blood.
    """),
    hn=lines("""
        Had my wisdom teeth out today, lots of blood but the dentist says it's normal.
        The anatomy class dissected a pig heart and honestly it was fascinating.
        Please donate blood this month, stocks of O negative are very low.
        The crash on the A1 caused long delays; two people were taken to hospital.
        My son fell off his bike and needed six stitches on his chin, he's fine now.
        The horror film was too gory for me, I watched half of it through my fingers.
        The war museum's trench exhibit is very moving without being graphic.
        Cut the chicken into strips and marinate for an hour.
        A nurse explains how to clean a wound and when you need stitches.
        That's a bloody good idea, mate.
        We lost 5-0, it was a massacre from the first whistle.
        The documentary described the famine in plain words, no images needed.
        The Halloween party had a fake crime scene with ketchup blood, very convincing.
        Cat brought a dead mouse in again, thanks for the gift I guess.
        Training as a paramedic means seeing some hard things, but we get good support.
        I cried at the ending, my heart was ripped out.
        Warning: this news article describes a fatal accident.
        Black pudding with breakfast is the best part of a fry-up, fight me.
        Gutted about the result but proud of the team.
        The surgeon said the operation would leave a 10cm scar on my knee.
    """),
)

# -------------------------------------------------------------------------- extremism
spec(
    "en",
    "extremism",
    slots={
        "group": [
            "ISIS",
            "the Islamic State",
            "Daesh",
            "al-Qaeda",
            "al-Shabaab",
            "Boko Haram",
            "the caliphate",
            "the mujahideen of the State",
            "the Base",
            "Atomwaffen",
        ],
        "attack": [
            "the market bombing",
            "the concert attack",
            "the church attack",
            "the truck attack",
            "the embassy bombing",
            "the mall attack",
            "the synagogue shooting",
            "the stadium attack",
        ],
        "wallet": [
            "BTC wallet in {platform}",
            "crypto, wallet in bio",
            "cash via the usual brother",
        ],
        "cell": ["the cell", "the brotherhood", "the division", "our network"],
    },
    pos=[
        F(
            "praise",
            "{group} are true heroes, may they win",
            "long live {group} 🏴",
            "proud of {group}, they are the only ones fighting back",
            "{group} did nothing wrong, they are defending us",
            "victory to {group}, death to their enemies",
            violence=None,
        ),
        F(
            "recruitment",
            "want to join {group}? DM me on {platform}, we help with travel",
            "brothers, the fight needs you, contact us on {platform}",
            "looking for fighters for {group}, serious only, {platform}",
            "stop talking and start acting, {cell} is recruiting {place}",
            "{group} needs men who are ready, message me for the next step",
        ),
        F(
            "propaganda",
            "new video from {group} out, share before it's deleted",
            "download the latest {group} magazine, link in {platform}",
            "spread this {group} nasheed everywhere, make the kuffar afraid",
            "mirror links to the {group} statement, repost on every platform",
            "watch the new release from {group}, the lions are marching",
        ),
        F(
            "attack_glory",
            "{attack} was a blessed operation, more to come",
            "the martyrs of {attack} will be remembered as heroes",
            "the one who did {attack} is a saint, read his manifesto",
            "{attack} was just the beginning, we will do it again",
            "{attack} made me so happy, best day of the year",
            violence=1,
        ),
        F(
            "call_to_attack",
            "strike them wherever you find them, {group} calls you",
            "we must bring the war to their cities {time}",
            "every true soldier should act alone, no need to wait for orders",
            "lone wolves, the time is now, make them pay like {attack}",
            violence=1,
        ),
        F(
            "financing",
            "donate to the fighters of {group}, {wallet}",
            "support {group} with crypto, every coin buys what the brothers need",
            "zakat for the mujahideen of {group}, {wallet}",
        ),
        F(
            "pledge",
            "I pledge allegiance to {group}",
            "my bay'ah is to the leader of {group}, till death",
            "I'm with {group} until the end, whatever they ask",
        ),
        F(
            "accelerationism",
            "the race war is coming, join {cell} and get ready to fight",
            "accelerate, the system must burn, join {cell}",
            "saints like the one who did {attack} show us the way",
            "total collapse now, follow the example of {attack}",
            hate=None,
            violence=1,
        ),
    ],
    hn=[
        F(
            "news",
            "{group} claimed responsibility for {attack}, officials said",
            "security forces killed a senior {group} commander {time}",
            "UN report details how {group} finances itself",
            "court jails man for sharing {group} propaganda online",
            "survivors of {attack} gathered for a memorial service",
            "police foiled a plot inspired by {group}",
        ),
        F(
            "academic",
            "my thesis examines how {group} recruited online",
            "a course on radicalisation, propaganda and prevention",
            "the book traces the history of {group} from 2004 to today",
            "researchers studied why young men join groups like {group}",
        ),
        F(
            "condemnation",
            "{group} are murderers, nothing religious about them",
            "we stand with the victims of {attack}",
            "{group} does not represent Muslims, they kill more Muslims than anyone",
            "terrorism has no excuse, our thoughts are with the families",
            "report {group} propaganda when you see it, don't share it",
        ),
        F(
            "prevention",
            "if someone you know is being radicalised, the Prevent helpline can advise",
            "deradicalisation programmes reduce reoffending, study finds",
            "teachers get training to spot signs of extremism",
            "platforms removed millions of pieces of terrorist content last year",
        ),
        F(
            "history",
            "the IRA ceasefire was announced in 1994",
            "the Red Army Faction was active in West Germany in the 1970s",
            "the museum exhibit covers the history of terrorism in Europe",
            "the Good Friday Agreement ended decades of violence",
        ),
        F(
            "fiction_games",
            "in Counter-Strike the terrorists have to plant the bomb {lol}",
            "the film's villain leads a terrorist cell in Berlin",
            "terrorists win, round over, gg {lol}",
            "the spy novel is about an agent infiltrating an extremist group",
        ),
        F(
            "religion",
            "Ramadan Mubarak to all my brothers and sisters",
            "Friday prayers at the mosque {place} start at 1pm",
            "jihad in Arabic also means personal struggle, the imam explained",
            "Eid Mubarak! Food for the whole street at ours {time}",
            "the brothers from the mosque are collecting for the food bank",
            "a martyr in early Christianity was someone who died for their faith",
        ),
        F(
            "politics_protest",
            "join the climate march on Saturday",
            "support the nurses' strike, honk if you pass the picket line",
            "sign the petition to save the library",
            "radical idea: let's actually fund public transport",
            "the protest was peaceful and ended at 5pm",
        ),
        F(
            "idiom",
            "this cake is the bomb",
            "extreme sports weekend: climbing, rafting, bungee",
            "the show bombed at the box office",
            "my cat is a radical when it comes to breakfast time {lol}",
            "the fans stormed the pitch after the final whistle",
        ),
    ],
)
hand(
    "en",
    "extremism",
    pos=lines("""
        The brothers of the Islamic State are the only ones defending the ummah. May Allah grant them victory.
        Anyone wanting to make hijrah to the lands of the khilafah, message me privately, we have people on the ground.
        The attack on the concert was a great victory and the martyrs are in paradise.
        New Amaq release, repost it before the kuffar take it down.
        Stop wasting time online. Real men act. Look at what the brothers did and follow their path.
        Joined the Telegram channel for al-Shabaab updates, glory to the fighters.
        The shooter is a hero and his manifesto should be read by every white man.
        We need more operations like the one last week. Keep the pressure on until they surrender.
        Send your donations to the mujahideen, the link is in the group, every dollar counts.
        I've made my pledge. I am a soldier of the caliphate now, wherever I am.
        Daesh will rise again and the flags will fly over Rome.
        Our division is looking for committed men in the Midlands. Fitness and loyalty required.
        Every infidel soldier killed is a blessing. Keep the videos coming.
        The system won't fall on its own. Lone actors are the future.
        Watch the new nasheed, it gave me chills. The lions of the State are coming.
        I pray to be one of the martyrs one day, inshallah I'll get my chance.
        Share this video of the operation far and wide, let the enemies see our strength.
        Boko Haram are doing God's work, the schools of the West deserve to burn.
        The next attack needs to be bigger. The world has to hear us.
        Brothers in Europe, you don't need to travel. Fight where you are.
    """),
    hn=lines("""
        The trial of three men accused of planning an attack in the name of the Islamic State began today.
        Our history class is studying the rise and fall of ISIS in Iraq and Syria.
        I'm Muslim and ISIS do not speak for me or anyone I know. They are criminals.
        Eid Mubarak from our family to yours!
        The documentary shows how al-Qaeda used videos to recruit young men online.
        Ten years since the Bataclan attack. We remember the victims.
        The platform removed the propaganda video after users reported it.
        My grandad fought in the war and he never talked about it.
        The terrorists keep rushing B site, we need to hold it this round.
        The government has published new guidance for teachers on extremism and safeguarding.
        Counter-terrorism police arrested a man in Manchester on suspicion of preparing acts of terrorism.
        A new study shows most people who leave extremist groups do so because of friendships.
        The imam's Friday sermon was about patience and kindness to neighbours.
        The thriller follows a journalist who goes undercover in a far-right cell.
        Thousands marched peacefully through the city centre demanding action on housing.
        This new hot sauce is the bomb, seriously.
        If you're worried a family member is being drawn into extremism, talk to someone early.
        The Northern Ireland peace process is taught in our politics module.
        My dissertation is on online radicalisation and content moderation.
        The extreme heat warning is in place until Friday.
    """),
)

# ---------------------------------------------------------------------------- weapons
spec(
    "en",
    "weapons",
    slots={
        "gun": [
            "Glock 19",
            "AR-15",
            "9mm",
            "Draco",
            "sawn-off",
            "revolver",
            ".38 special",
            "shotgun",
            "Glock 17",
            "AK",
            "Mac-10",
            "ghost gun",
            "P80",
            "Tec-9",
            "deagle",
        ],
        "slang": ["strap", "blicky", "pole", "stick", "burner", "piece", "tool", "switchy"],
        "qual": [
            "no serial",
            "no papers",
            "untraceable",
            "no background check",
            "clean",
            "cash only",
            "no questions asked",
            "body-free",
            "comes with ammo",
        ],
        "acc": [
            "Glock switches",
            "auto sears",
            "bump stocks",
            "solvent trap kits",
            "80% lowers",
            "extended mags and switches",
        ],
        "boom": ["grenades", "pipe bombs", "C4", "homemade explosives", "detonators"],
        "blade": [
            "switchblades",
            "knuckle dusters",
            "zombie knives",
            "butterfly knives",
            "flick knives",
        ],
        "emo": ["🔫", "💥", "🔥", "💯", "", ""],
    },
    pos=[
        F(
            "sale",
            "selling {gun}, {qual}, {price}, {platform} {emo}",
            "got a {gun} for sale {place}, {qual}",
            "{gun} + box of rounds, {price}, meet {place} {time}",
            "{gun} available, {qual}, serious buyers only {emo}",
            "restock: {gun}, {gun}, {gun}, {platform} for prices {emo}",
        ),
        F(
            "slang_sale",
            "got {slang}s for sale {place}, {qual} {emo}",
            "who needs a {slang}? {price}, {platform}",
            "{slang} on deck, {qual}, hit my line {emo}",
            "cleaning out the stash, two {slang}s left, {price} each",
        ),
        F(
            "buy_request",
            "need a {gun} asap, {qual}, who's got one {place}?",
            "where can I get a {gun} without a licence?",
            "looking to buy a {slang} {place}, cash ready",
            "tryna get a {slang} {time}, anyone?",
            "who can get me a {gun} {qual}, paying {price}",
            "how do I buy a gun if I can't pass the background check?",
        ),
        F(
            "accessories",
            "{acc} for sale, turns it full auto, {platform}",
            "selling {acc}, {price} each, ships {time}",
            "got {acc} in stock, discreet packaging {emo}",
            "who sells {acc}? need 3",
        ),
        F(
            "making",
            "anyone got the files to 3D print a gun? DM",
            "I print untraceable {gun} frames, {price}",
            "how do I make a {gun} at home without a serial number?",
            "selling build kits for ghost guns, no serial, {platform}",
            "how do you make a pipe bomb, asking for real",
            "teach me how to build a bomb, I'll pay",
        ),
        F(
            "explosives",
            "selling {boom}, serious buyers only, {platform}",
            "got {boom} {place}, {price}",
            "anyone know where to get {boom}? paying well",
        ),
        F(
            "blades",
            "{blade} for sale, ship anywhere, no ID needed",
            "selling {blade}, {price} each, {platform} {emo}",
            "got {blade} {place}, under-the-counter, {qual}",
        ),
        F(
            "darkweb",
            "guns shipped discreetly, crypto only, link in {platform}",
            "vendor on the market with {gun}s, stealth shipping {emo}",
            "full-auto conversions, worldwide shipping, pay in BTC",
        ),
    ],
    hn=[
        F(
            "kitchen_knives",
            "chef's knife set, 20% off this week",
            "Japanese santoku knife, great for veggies",
            "knife sharpening at the farmers' market {time}, {price} per knife",
            "best bread knife under {price}?",
            "our butcher's block and knives are back in stock",
            ads=None,
        ),
        F(
            "hunting_legal",
            "how do I apply for a hunting licence in Ontario?",
            "the hunter safety course is required before you can get a permit",
            "deer season opens in November, check the local regulations",
            "renewing my shotgun certificate, the police interview was quick",
            "the gun shop checks your licence before any sale, as the law requires",
        ),
        F(
            "news_police",
            "police seized {gun}s and ammunition in a raid in {city}",
            "gun amnesty: hand in weapons at any police station, no questions asked",
            "a man was jailed for selling Glock switches online",
            "always store firearms unloaded and locked, says the safety campaign",
            "knife amnesty bins installed {place}",
            "border officers intercepted a parcel of gun parts",
        ),
        F(
            "toys_tools",
            "water gun fight at the park {time} 🔫",
            "nerf war in the office {lol}",
            "hot glue gun for crafts, any recommendations?",
            "rented a nail gun for the deck",
            "the caulking gun broke halfway through the bathroom",
            "the staple gun is in the top drawer",
        ),
        F(
            "idiom",
            "she's got a killer smile",
            "stick to your guns in the negotiation",
            "he's the top gun of the sales team",
            "you jumped the gun with that announcement",
            "time to bite the bullet and book the dentist",
            "three bullet points per slide max",
            "that's a loaded question {lol}",
            "this speaker is the bomb 💥",
        ),
        F(
            "slang_innocent",
            "new leather watch strap arrived",
            "the bag strap broke on the way to work",
            "pole vault final {time}",
            "my camera strap is so comfy",
            "got the new Nintendo Switch {time}",
            "we're taking the burner phone on the hiking trip in case we lose signal",
            "the fishing pole is in the shed",
        ),
        F(
            "gaming",
            "the AK in CS2 is so overpowered {lol}",
            "best sniper loadout for Warzone?",
            "legendary sword drop in Elden Ring finally",
            "unlocked the golden {gun} skin",
            "the shotgun is useless in this game after the patch",
        ),
        F(
            "museum_sport",
            "the Royal Armouries museum has amazing medieval swords",
            "the musket was used in the Napoleonic wars",
            "archery club open day {time}",
            "fencing tournament {place} this weekend",
            "clay pigeon shooting for my dad's birthday, fully supervised",
            "Olympic shooting is harder than it looks",
        ),
        F(
            "anti",
            "report anyone selling guns online to the police",
            "3D-printed guns are illegal in many countries, experts warn",
            "parents, here are the warning signs that a teen might be carrying a knife",
            "the charity runs workshops on knife crime in schools",
        ),
    ],
)
hand(
    "en",
    "weapons",
    pos=lines("""
        got a clean nine for sale, never been fired, no paperwork, 700 cash. DM if serious
        Anyone round here know where I can get a strap? Not trying to go through a shop.
        selling glock switches 150 each, ship same day, telegram only
        Looking for someone who can print me a frame. Paying well, no questions.
        Two AKs and a box of ammo, need gone this week. Price negotiable.
        who got a blicky for sale, need one before the weekend
        Zombie knives, machetes, flick knives, all in stock, delivered to your door, no ID checks.
        Need a piece for protection, can't get a licence because of my record. Help a brother out.
        I can get you anything, pistols, shotguns, even an AR, just tell me what you need.
        selling grenades, real ones, ex-military, serious buyers only
        looking for someone to convert my blank firer into a real one
        Ghost gun kits back in stock. No serial numbers, no background checks, ships discreetly.
        bro I got the tool, you want it for the weekend? 200
        Who sells bump stocks and auto sears? I want full auto on my rifle.
        I've got a sawn-off in the boot if you want to see it before you buy.
        Where do people buy guns on the dark web? Which market is legit?
        Need ammo for a .38, can't buy it legally, who's got some?
        Selling a suppressor and a 9mm together, don't ask where they came from.
        DM me for the files, full auto conversion, untraceable.
        Can someone tell me how to make a bomb? I'm serious, I'll pay for it.
    """),
    hn=lines("""
        The hunting licence exam was harder than I expected but I passed!
        Police seized 40 illegal firearms and a large amount of ammunition in a raid this morning.
        My kid's water pistol leaks everywhere, any recommendations for a better one?
        The Nintendo Switch is on sale this weekend, finally getting one.
        Stick to your guns, don't let them talk you into a lower salary.
        The museum has a whole room of medieval armour and swords, kids loved it.
        My glue gun burned my fingers again, crafting is dangerous lol
        Got a new strap for my watch, brown leather, looks great.
        We went clay shooting for my brother's stag do, all with licensed instructors.
        Knife crime is devastating families in our city, we need more youth clubs.
        How do I safely dispose of my late father's shotgun? He had a certificate.
        I need a new bread knife, mine won't even cut a tomato.
        Game update: the new sniper rifle is way too strong, please nerf.
        A man who sold converted pistols on social media has been jailed for 14 years.
        The fishing pole snapped, that pike was massive.
        My grandfather's old army rifle was deactivated and is now in the regimental museum.
        Our archery club welcomes beginners, equipment provided.
        He shot the wedding photos and they're stunning.
        This new album is the bomb, been on repeat all week.
    """),
)

# ------------------------------------------------------------------------------ drugs
spec(
    "en",
    "drugs",
    slots={
        "drug": [
            "coke",
            "molly",
            "MDMA",
            "ket",
            "xans",
            "percs",
            "oxy",
            "weed",
            "shrooms",
            "acid",
            "meth",
            "crystal",
            "bud",
            "gas",
            "pills",
            "tabs",
            "zaza",
            "lean",
            "snow",
            "charlie",
            "pressies",
            "carts",
            "dmt",
            "speed",
            "fent",
            "H",
        ],
        "unit": [
            "a g",
            "an 8th",
            "a QP",
            "a zip",
            "a tab",
            "a bar",
            "a half",
            "a ball",
            "10 pills",
        ],
        "menu": ["🍃", "❄️", "💊", "🍄", "🍁", "💨", "🔌", "⛽"],
        "emo": ["🔥", "💯", "🔌", "🚀", "😮‍💨", "", ""],
    },
    pos=[
        F(
            "sale",
            "{drug} available {place}, {price}, {platform} {emo}",
            "plug here: {drug}, {drug}, {drug}, delivery {time} {emo}",
            "got that {drug} {emo}, {price} for {unit}, hmu on {platform}",
            "fresh {drug} just landed, {price} {unit}, {platform}",
            "{drug} in stock {time}, same day drop {place}",
            "selling {drug}, {price} {unit}, discreet {emo}",
        ),
        F(
            "emoji_menu",
            "{menu}{menu}{menu} menu dropped, {platform} for prices",
            "{menu} {price} {menu} {price}, same day drop {place}",
            "{menu}{menu} open {time} {menu} {platform}",
            "{menu} fire {menu} {place} {time}, tap in {emo}",
        ),
        F(
            "buy_request",
            "who's got {drug} {place}?",
            "need a plug for {drug} {time}",
            "anyone selling {drug} near {place}? cash ready",
            "tryna get {unit} of {drug} {time}, who's about",
            "looking for {drug}, {price} ready, {platform} me",
        ),
        F(
            "promotion",
            "{drug} changed my life, everyone should try it",
            "nothing beats rolling on molly at a rave {emo}",
            "life's too short, just do the {drug}",
            "first time on {drug} {time} and I want to do it every weekend {emo}",
            "if you haven't tried {drug} you haven't lived",
        ),
        F(
            "shipping",
            "stealth shipping worldwide, {drug}, pay in BTC",
            "vendor on the market, 5 stars, {drug} {price}",
            "{drug} by post, vacuum sealed, tracked, {platform}",
            "wholesale {drug} for resellers, minimum order {unit}",
        ),
        F(
            "no_script",
            "buy oxy online without a prescription, overnight delivery",
            "xanax bars no script needed, {price} for 10",
            "cheap percs and xans, no doctor, {platform}",
            "adderall without prescription, students discount {emo}",
        ),
        F(
            "party",
            "bring {drug} to the party {time}, gonna get so fucked up",
            "who's bringing the {drug} for the festival? {emo}",
            "let's get high as fuck on {drug} {time} {emo}",
            "pre-drinks then {drug}, best combo {emo}",
        ),
        F(
            "job",
            "need runners {place}, {price} a day, must have own car",
            "looking for people to hold product, easy money",
            "run my line for the weekend, {price}, no stupid questions",
        ),
    ],
    hn=[
        F(
            "news",
            "police seized 3 kg of cocaine in {city}",
            "the dealer was sentenced to 6 years for supplying {drug}",
            "overdose deaths fell last year, new figures show",
            "customs found {drug} hidden in a lorry at Dover",
            "county lines gang jailed after a police investigation in {city}",
        ),
        F(
            "harm_reduction",
            "harm reduction: never use alone, carry naloxone",
            "test your substances, fentanyl test strips are free at the clinic",
            "if someone overdoses, call 999 and stay with them",
            "the drug checking service at the festival found dangerous pills, check the warnings",
            "naloxone training at the community centre {time}",
        ),
        F(
            "recovery",
            "2 years clean today 🙏",
            "NA meeting {time} at the community centre",
            "I used to sell drugs, now I mentor kids so they don't make my mistakes",
            "one day at a time, 90 days sober",
            "my brother is in rehab and doing so much better",
        ),
        F(
            "pharmacy",
            "picked up my prescription at the pharmacy",
            "ask your doctor before stopping antidepressants",
            "ibuprofen or paracetamol for a headache?",
            "my ADHD meds are out of stock at every pharmacy {place}",
            "the GP changed my painkillers after the surgery",
        ),
        F(
            "innocent_words",
            "weeding the garden {time}",
            "the ice rink opens {time}",
            "crystal clear water at the beach",
            "my phone charger plug is broken",
            "packed all my camping gear",
            "too many browser tabs open {lol}",
            "that song is dope",
            "mushroom risotto recipe 🍄",
            "snow forecast {time} ❄️",
            "coke or pepsi?",
            "the grass needs mowing",
            "pot roast for dinner",
            "high on life ✨",
            "gas prices are ridiculous {place}",
            "the kids had a sugar rush after the party",
            "my brother is the plug for concert tickets {lol}",
        ),
        F(
            "education",
            "the lesson covers how opioids affect the brain",
            "documentary about the war on drugs in Mexico",
            "the report recommends treating addiction as a health issue",
            "talk to your kids about drugs before someone else does",
        ),
        F(
            "report",
            "someone is selling drugs in our group chat, reported to the admins",
            "how do I report a drug dealer anonymously?",
            "there's dealing outside the school gates again, the police have been told",
            "scam warning: accounts offering {drug} delivery are police stings or scams",
        ),
        F(
            "fiction",
            "Breaking Bad is the best show ever made",
            "in the novel the detective goes undercover in a cartel",
            "the film about the opioid crisis won three awards",
        ),
    ],
)
hand(
    "en",
    "drugs",
    pos=lines("""
        Plug in south London, coke 80 a g, MDMA 40, weed 10 a bag. Delivery 24/7, snap for menu.
        who's got molly for saturday? need like 4 caps
        Tested pressies, blue punishers, 10 for 50, collection only near the park.
        Shrooms are the best thing that ever happened to me, everyone should try them at least once.
        Need a new plug, my guy got nicked. Anyone know someone reliable in Bristol?
        Xanax 2mg bars, 30 for 100, shipped in a birthday card, nobody will know.
        got that zaza, smells crazy, pull up
        Runner needed, cash daily, must be available weekends. Message me, no time wasters.
        Bring your own bag, we're doing lines all night at mine 😮‍💨
        Best carts in the city, Snap me for the menu.
        anyone know a dark web vendor that ships coke to Canada?
        Acid tabs, 5 for 40, first time buyers get a free one.
        I do a bit of ket every weekend, honestly it's harmless, you should come.
        selling my adderall, 5 a pill, great for exams
        Who wants to go halves on a bag of coke for the wedding lol
        New batch of ice just came in, the good stuff, same price as before.
        Weed delivery to campus, discreet, cash or transfer.
        Anyone got some percs? Back's killing me and I ran out, don't care about a prescription.
        My dealer does a loyalty card now, 10th bag free 😂
        Lean sets for sale, syrup and everything, link in bio.
    """),
    hn=lines("""
        Police seized 3kg of cocaine and £50,000 in cash during a raid in Leeds yesterday.
        Harm reduction tip: never use alone, start low, go slow, and carry naloxone.
        I'm two years clean today. To anyone struggling: it's possible.
        Picked up my prescription for codeine after the surgery, feeling much better.
        Ice skating at the rink tonight with the kids!
        The garden is full of weeds again, spending Saturday on my knees.
        Our school hosts a drugs awareness evening for parents on Thursday.
        Is it safe to take ibuprofen with my antibiotics? Asking my pharmacist tomorrow.
        Narcotics Anonymous meets every Tuesday in the church hall, everyone welcome.
        Just watched a documentary on the opioid crisis, devastating.
        This playlist is dope, who made it?
        My mum makes the best mushroom soup.
        The plug for my laptop charger is broken, anyone have a spare?
        I got sent a DM offering to sell me pills. Reported it. Don't buy from strangers.
        Snow forecast for the weekend, get the sledges out!
        Cocaine was in the original Coca-Cola recipe, according to the museum guide.
        The needle exchange has saved many lives, the research is clear.
        I'm high on life today, passed my driving test!
        The film follows a dealer who tries to leave the business, it's brilliant.
        Camping gear list: tent, stove, gas canister, torch.
    """),
)

# -------------------------------------------------------------------------- self-harm
spec(
    "en",
    "self-harm",
    slots={
        "sad": ["😞", "💔", "🖤", "", "", ""],
        "when": ["tonight", "this weekend", "after everyone's asleep", "soon", "tomorrow"],
    },
    pos=[
        F(
            "intent",
            "I want to die {sad}",
            "I'm going to end it {when}",
            "I don't want to be here anymore",
            "{when} is the night, goodbye everyone {sad}",
            "I've written my note, I'm done",
            "I can't do this anymore, I'm going to kill myself {when}",
            "this is my last post, sorry to everyone {sad}",
        ),
        F(
            "method_seeking",
            "tell me the easiest way to end it",
            "what's the most painless way to die",
            "how do I kill myself without it hurting",
            "what's the quickest way to end my life, asking seriously",
            "need to know how to do it so it works the first time",
        ),
        F(
            "self_harm_disclosure",
            "I cut again last night {sad}",
            "relapsed, hurt myself again, I don't even care",
            "I deserve the pain, I want to hurt myself",
            "I hurt myself so I can feel something {sad}",
            "the urge to cut is so strong {when}, I'm going to do it",
        ),
        F(
            "promotion",
            "cutting is the only thing that helps, you should try it",
            "don't let anyone stop you, it's your choice to end it",
            "suicide is the answer, nobody tells you that but it is",
            "if you're that sad just end it, it's easy",
            "self-harm is a valid way to cope, ignore the therapists",
        ),
        F(
            "hopeless",
            "nobody would miss me if I was gone",
            "everyone would be better off without me",
            "I'm a burden, it's time to go {sad}",
            "I'm tired of existing, I just want it to stop forever",
            "there's no point anymore, I've made up my mind",
        ),
        F(
            "pro_ed",
            "thinspo: bones are beautiful, hunger is weakness leaving",
            "meanspo pls, tell me I'm fat so I stop eating",
            "ana buddies, let's eat nothing this week together",
            "skip breakfast, skip lunch, skip dinner, you don't need food",
            "new goal weight, I'll starve till I hit it, don't stop me",
        ),
        F(
            "pact",
            "anyone want to do it together {when}?",
            "looking for a partner to end it with, {platform}",
            "suicide pact, serious only, DM",
        ),
        F(
            "algospeak",
            "thinking about unaliving myself {sad}",
            "sewerslide is looking real good rn",
            "kms fr, not joking this time",
            "gonna catch the bus to heaven {when} if you know what I mean",
            "ready to log off permanently {sad}",
        ),
    ],
    hn=[
        F(
            "hyperbole",
            "kms this exam is impossible 😭",
            "I'm dying {lol}",
            "if I have to sit through another meeting I'll die",
            "this heat is killing me",
            "dead tired, going to bed",
            "I could die of embarrassment",
            "killing myself laughing at this video {lol}",
            "dying to see the new Marvel film",
            "my phone died again",
        ),
        F(
            "prevention",
            "if you're thinking about suicide, call or text 988",
            "Samaritans are there 24/7 on 116 123",
            "you're not alone, please reach out to someone you trust",
            "text SHOUT to 85258 if you need to talk",
            "if you've hurt yourself, please get medical help",
            "talking about suicide does not put the idea in someone's head, it helps",
        ),
        F(
            "recovery",
            "one year since I stopped self-harming, proud of myself",
            "therapy helped me through my darkest time",
            "my scars remind me how far I've come",
            "three years in eating disorder recovery, I eat three meals a day now",
            "I made it through, and you can too",
        ),
        F(
            "support_ask",
            "my friend said she wants to die, how can I help her?",
            "what do I say to someone who is suicidal?",
            "my son is self-harming, where do I start?",
            "how do I support a partner with depression?",
        ),
        F(
            "news_education",
            "suicide rates among young men have risen, the report says",
            "World Suicide Prevention Day is on 10 September",
            "the study looks at self-harm rates in teenagers during lockdown",
            "parliament is debating assisted dying legislation {time}",
            "mental health first aid training for managers",
        ),
        F(
            "fiction",
            "Romeo and Juliet ends with both lovers dead",
            "the character's death in episode 5 broke me",
            "the novel deals with grief after a suicide, beautifully written",
            "trigger warning: this film deals with suicide",
        ),
        F(
            "gaming",
            "I died 12 times on that boss",
            "respawn in 5 seconds",
            "sacrificed my character to save the team {lol}",
            "jumped off the map by accident {lol}",
        ),
        F(
            "food_health",
            "recovery meal plan from my dietitian, snacks included",
            "intermittent fasting, cleared with my doctor first",
            "meal prep Sunday 🥗",
            "I skipped lunch because of back-to-back meetings, starving now",
        ),
    ],
)
hand(
    "en",
    "self-harm",
    pos=lines("""
        I've decided. Tonight's the night. Thank you to the few who were kind to me.
        Can someone just tell me the easiest way to end it? I'm so tired.
        Nobody would even notice if I disappeared. I'm done pretending.
        I relapsed again and honestly I don't want to stop this time.
        I keep thinking about ending my life and it doesn't even scare me anymore.
        Does anyone know what's the least painful way? Please just answer, don't send me hotlines.
        Everyone keeps saying it gets better. It doesn't. I'm going to make it stop.
        I'm giving away my stuff this week. I won't need it.
        my body deserves to be punished, I hurt myself every night now
        hit my goal weight and I'm still fat, going to stop eating completely
        Anyone else want to go together? I don't want to be alone when I do it.
        I wrote letters to my family today. I think they'll understand eventually.
        I just want to sleep and never wake up. I mean it literally.
        stop telling people to get help, some of us just want out and that's valid
        cutting helps more than therapy ever did, just saying
        I'm sorry mum. I can't keep going.
        there's no future for me, I'm ending it before my birthday
        Thinking about how to do it is the only thing that calms me down.
        If I don't hear back from anyone by tonight, that's my answer.
        I want to hurt myself so badly right now
    """),
    hn=lines("""
        If you're struggling, please call or text 988 in the US, or Samaritans on 116 123 in the UK. You matter.
        Two years free from self-harm today. It wasn't easy but I'm here.
        My friend told me she's been thinking about suicide. I'm going with her to the GP tomorrow.
        This maths homework is going to kill me 😭
        I'm literally dying of laughter at this cat video.
        The charity trains volunteers to listen without judgement to people in crisis.
        Our school is doing a mental health week with talks about self-harm and where to get help.
        My phone is dead and I'm lost, send help lol
        Grief after my uncle's suicide is strange, some days fine, some days awful.
        If someone tells you they want to die, take it seriously and stay with them.
        The new season is to die for, seriously watch it.
        I died so many times in Dark Souls I lost count.
        My dietitian helped me rebuild a normal relationship with food after years of anorexia.
        Recovery isn't linear. Had a bad week but I reached out and that's a win.
        Parliament's debate on assisted dying will continue next week.
        Kms, I sent the email to the whole company by mistake 🙈
        The poem is about depression and hope, it made me cry.
        I could murder a coffee right now, I'm dead on my feet.
        Please be gentle with yourselves this winter, it's a hard season for many.
        Writing a research paper on suicide prevention strategies in universities.
    """),
)

# ---------------------------------------------------------------- hate hard negatives
spec(
    "en",
    "hate-hard-negatives",
    slots={
        "group": [
            "immigrants",
            "Muslims",
            "Jews",
            "Christians",
            "gay people",
            "trans people",
            "women",
            "Black people",
            "Asian people",
            "Roma",
            "disabled people",
            "refugees",
            "Mexicans",
            "Arabs",
            "Hindus",
            "lesbians",
            "migrants",
            "Chinese people",
            "Africans",
            "Sikhs",
            "Catholics",
            "Irish Travellers",
            "bisexual people",
        ],
        "pred": [
            "are vermin",
            "are animals",
            "are a disease",
            "should be wiped out",
            "are subhuman",
            "are parasites",
            "don't deserve rights",
            "are ruining this country",
            "are all criminals",
            "should be sent back",
            "are less than human",
        ],
        "react": [
            "is disgusting",
            "is pure hate",
            "is not ok",
            "is exactly how genocides start",
            "is vile and you know it",
            "has no place here",
        ],
        "good": [
            "organised a food drive for the whole street",
            "opened a community centre next to the library",
            "are running the charity football match {time}",
            "shared their stories at the school assembly",
            "are hosting an open day {time}, everyone welcome",
        ],
        "thing": [
            "Mondays",
            "cilantro",
            "traffic",
            "slow walkers",
            "people who don't use turn signals",
            "group projects",
            "my alarm clock",
            "wet socks",
            "loud chewing",
            "the rain",
            "pineapple on pizza",
            "self-checkout machines",
            "spoilers",
        ],
        "team": ["Chelsea", "Arsenal", "Yankees", "Leafs", "Man United", "Cowboys", "Spurs"],
    },
    hn=[
        F(
            "counter_speech",
            "saying '{group} {pred}' {react}",
            "anyone who thinks {group} {pred} needs to read a history book",
            "no, {group} are not 'vermin'. stop spreading this hate",
            "the comment that {group} {pred} {react}, and I've reported it",
            "I'm tired of seeing posts claiming {group} {pred}. It's dehumanising.",
            "people saying {group} {pred} should be ashamed of themselves",
        ),
        F(
            "report",
            "reported a comment that said {group} {pred}",
            "mods, this user keeps posting that {group} {pred}, please ban",
            "screenshot attached: someone wrote '{group} {pred}' under my post",
            "flagging this thread, half the replies say {group} {pred}",
            "can the admins remove the post saying {group} {pred}? thanks",
        ),
        F(
            "positive_mention",
            "{group} in our neighbourhood {good}",
            "proud to celebrate {group} in our community",
            "a new study on the health of {group} in Europe",
            "{group} have been part of this city for centuries",
            "the exhibition tells the stories of {group} who rebuilt the town after the war",
        ),
        F(
            "news",
            "hate crimes against {group} rose 20% last year, police say",
            "the court convicted a man for inciting hatred against {group}",
            "a survey found that many {group} experience discrimination at work",
            "the council launched a campaign against abuse targeting {group}",
        ),
        F(
            "education",
            "the museum explains how Nazi propaganda called Jews vermin",
            "lesson {time}: how dehumanising language comes before genocide",
            "the Rwanda genocide radio called Tutsis cockroaches, the documentary explains",
            "linguists study how words like 'infestation' are used about {group}",
        ),
        F(
            "hate_nonprotected",
            "I hate {thing}",
            "I hate {thing} so much {lol}",
            "{thing} should be illegal {lol}",
            "I can't stand {team} fans {lol}",
            "honestly {thing} are the worst",
            "death to {thing} {lol}",
        ),
        F(
            "allyship",
            "{group} deserve the same rights as everyone else",
            "stand with {group} against discrimination",
            "if you see {group} being harassed, step in or film and report",
            "our company is proud to support {group} in tech",
        ),
        F(
            "animal_vermin",
            "we need pest control, the vermin in the attic chewed the cables",
            "rats are vermin, the council says, so they'll set traps",
            "the parasites in the fish tank killed two of my guppies",
            "the weeds are like a disease spreading through the lawn",
            "my dog is an animal at dinner time {lol}",
        ),
        F(
            "identity_self",
            "as a gay man, I found the film really moving",
            "as a Muslim woman, I wear my hijab with pride",
            "as a Black nurse, I want more people like me in leadership",
            "as a refugee, I'm grateful to the neighbours who helped us",
            "as a wheelchair user, the new ramp at the station is a game changer",
        ),
    ],
)
hand(
    "en",
    "hate-hard-negatives",
    hn=lines("""
        Someone at work said refugees are "animals" and I told HR. That kind of talk is not OK.
        It's disgusting that people still say Jews control the banks. It's an ancient lie.
        The documentary about the Holocaust shows how propaganda turned neighbours into enemies.
        I'm gay and I'm getting married next month!
        Our mosque is hosting an interfaith dinner on Friday, everyone is welcome.
        Muslims, Christians and Jews all worked together on the food bank this winter.
        My grandmother came here as an immigrant with nothing and built a business.
        The comments under that article about Roma families are vile. I've reported twenty of them.
        Women are not "property". Can't believe I have to type that in 2024.
        The Pride parade is on Saturday, bring water and sunscreen.
        "Go back where you came from" is something my dad heard every day in the 80s.
        I hate Mondays, I hate rain, and I especially hate Mondays in the rain.
        The course covers the history of antisemitism in Europe from the Middle Ages.
        Trans people just want to live their lives in peace.
        Black History Month starts next week, our library has a great reading list.
        My disabled brother is the funniest person I know.
        Researchers found that hate speech against Asian people rose during the pandemic.
        Reported a post calling immigrants "parasites". Please report it too if you see it.
        The Chinese New Year celebrations in the city centre were wonderful.
        The word "vermin" was used in 1930s propaganda for a reason. Don't repeat it.
        Can't stand Yankees fans, but I'd still share my hot dog with one.
        My Sikh neighbour fed half the street during the power cut.
        Bullying a kid because of his religion is not banter, it's hate, and the school must act.
        The refugee football team won the local league, incredible story.
        Rats are vermin, but my pet rat Gerald is a gentleman.
        As a Jewish student I appreciated the university's statement.
        Mexican food is my favourite, the taco truck near work is unreal.
        The court fined the man for racist abuse at the football match.
        My wife and her wife are my best friends (long story, lovely people).
        There is no such thing as a "subhuman". Every person has dignity.
        Deaf culture has its own language, history and humour.
        The survey of Muslim women in sport shows barriers are mostly about facilities.
        Racist chants at the match were condemned by both clubs.
        The refugee children in my class are learning English so fast.
        Hate crimes are underreported; you can report online to the police.
        I love how our street celebrates Diwali, Eid and Christmas together.
        Immigration policy is a legitimate debate; calling people "invaders" is not.
        Irish Travellers have faced discrimination for centuries, the report says.
        He called my friend a slur and got a lifetime ban from the club. Good.
        If you think "women belong in the kitchen" is a joke, it isn't funny.
    """),
)

# ------------------------------------------------------------------ general negatives
spec(
    "en",
    "general-negatives",
    slots={
        "food": ["lasagne", "pad thai", "a curry", "tacos", "pancakes", "a roast", "sushi", "soup"],
        "activity": [
            "going for a run",
            "painting the fence",
            "reading in the garden",
            "baking bread",
            "watching the match",
            "fixing my bike",
            "doing the weekly shop",
            "learning Spanish",
        ],
        "thing": ["laptop", "phone", "washing machine", "car", "router", "kettle", "bike"],
        "weather": ["raining", "sunny", "freezing", "windy", "foggy", "so humid"],
        "who": ["my mum", "my flatmate", "the kids", "my partner", "my boss", "our neighbour"],
        "subject": ["maths", "chemistry", "history", "French", "coding", "economics"],
    },
    neg=[
        F(
            "food",
            "making {food} {time}, anyone want to come round?",
            "best {food} I've had in ages {place}",
            "what's a good recipe for {food}?",
            "{who} made {food} and it was amazing",
        ),
        F(
            "weather",
            "it's {weather} again {place}",
            "is it {weather} where you are?",
            "{weather} all week, typical",
            "forecast says {weather} {time}",
        ),
        F(
            "tech",
            "my {thing} stopped working, any ideas?",
            "does anyone know how to reset a {thing}?",
            "finally got a new {thing}, so much faster",
            "the {thing} is making a weird noise",
        ),
        F(
            "weekend",
            "{activity} {time}",
            "spent the afternoon {activity}",
            "thinking about {activity} this weekend",
            "{who} and I are {activity} {time}",
        ),
        F(
            "school_work",
            "I have a {subject} exam {time}, wish me luck",
            "does anyone have notes from the {subject} lecture?",
            "meeting moved to 3pm, please update your calendars",
            "can someone cover my shift {time}?",
            "deadline for the {subject} project is Friday",
        ),
        F(
            "travel",
            "train delayed again, {lol}",
            "flight lands at 6, can you pick me up?",
            "any tips for a weekend in {city}?",
            "the bus to {city} takes forever",
        ),
        F(
            "social",
            "happy birthday {lol} have a great day!",
            "thanks everyone for coming, it was lovely",
            "congrats on the new job!",
            "miss you all, let's meet up soon",
            "how's everyone doing {time}?",
        ),
        F(
            "questions",
            "what time does the library close {time}?",
            "does the pharmacy {place} open on Sundays?",
            "where's the best place to park near the stadium?",
            "how long do you boil an egg for a runny yolk?",
        ),
        F(
            "pets_nature",
            "the dog found a stick bigger than himself {lol}",
            "saw a fox in the garden {time}",
            "the cat has claimed my chair again",
            "the tomatoes are finally ripening",
        ),
    ],
    hand_neg=lines("""
        Does anyone know if the swimming pool is open on bank holidays?
        Just finished my first 10k, legs are jelly but I'm so happy.
        The new bakery on the corner does amazing cinnamon buns.
        Can someone recommend a good plumber? The kitchen tap is dripping.
        Reminder: bins go out on Thursday this week because of the holiday.
        My daughter lost her first tooth today and is very proud.
        We're looking for volunteers to help at the school fair on Saturday.
        Anyone else find the new bus timetable confusing?
        I've been learning to knit and my first scarf is... a work in progress.
        Our book club is reading a mystery novel this month, join us!
        The sunset over the bay tonight was unreal.
        Could you send me the slides from this morning's meeting?
        Grandma turned 90 today and danced all evening.
        What's everyone reading at the moment? I need recommendations.
        The wifi in the library is down again.
        Lost: a blue umbrella on the 42 bus. Sentimental value!
        I finally fixed the squeaky door with a bit of oil.
        Our team won the pub quiz by one point!
        Heading to the coast for the weekend, any seafood recommendations?
        The kids built a fort out of sofa cushions and won't come out.
        Is it normal for sourdough to take this long to rise?
        Thanks for the lovely dinner last night, the dessert was incredible.
        Parents' evening is on Tuesday from 4 to 7.
        I'm thinking of painting the living room green. Thoughts?
        The marathon closed half the roads, took me ages to get home.
        Just adopted a rescue dog called Biscuit, she's perfect.
        What's the best way to learn Python as a complete beginner?
        Our flight was cancelled, so we're staying an extra night.
        Happy new year everyone, here's to a calm one!
        The garden centre has a sale on roses this week.
        New month, new budget spreadsheet, wish me luck.
        I love autumn, the colours in the park are amazing.
        My laptop updated overnight and now everything looks different.
        Anyone want to split a taxi to the airport on Friday?
        Our choir performs at the cathedral next Sunday.
        Tried a new recipe for lentil soup, it's a keeper.
        The museum is free on the first Sunday of the month.
        I can't believe how fast this year has gone.
        Practice is moved to the indoor pitch because of the rain.
        The cat knocked my plant over for the third time today.
    """),
)


# =========================================================================== French

COMMON["fr"] = {
    "place": [
        "sur Paris",
        "à Marseille",
        "à Lyon",
        "dans le 93",
        "vers Gare du Nord",
        "à Lille",
        "à Toulouse",
        "à Bordeaux",
        "près de la fac",
        "à Nantes",
        "en centre-ville",
        "à Montpellier",
        "vers Châtelet",
        "à Strasbourg",
        "dans le 13",
        "à Nice",
        "à Rennes",
        "sur Bruxelles",
        "à Grenoble",
        "dans le quartier",
    ],
    "city": [
        "Marseille",
        "Lyon",
        "Lille",
        "Toulouse",
        "Bordeaux",
        "Nantes",
        "Montpellier",
        "Strasbourg",
        "Nice",
        "Rennes",
        "Grenoble",
        "Rouen",
        "Bruxelles",
        "Liège",
    ],
    "platform": [
        "Snap",
        "Telegram",
        "Insta",
        "WhatsApp",
        "Signal",
        "le snap",
        "Potato",
        "Discord",
        "la bio",
        "mon Telegram",
        "TikTok",
    ],
    "time": [
        "ce soir",
        "ce week-end",
        "après 21h",
        "aujourd'hui",
        "demain",
        "maintenant",
        "toute la semaine",
        "jusqu'à dimanche",
        "vendredi soir",
        "direct",
    ],
    "price": [
        "20€",
        "50 balles",
        "100€",
        "30€",
        "150€",
        "10€",
        "300€",
        "1200€",
        "60€",
        "80 euros",
        "40€",
        "25€",
    ],
    "role": [
        "le proprio",
        "mon patron",
        "l'arbitre",
        "mon ex",
        "le prof",
        "le videur",
        "mon voisin",
        "le gérant",
        "les modos",
        "ce streamer",
        "le chauffeur",
        "le coach",
        "mon beau-père",
        "le contrôleur",
        "le livreur",
    ],
    "lol": ["mdr", "ptdr", "😂", "🤣", "lol", "", "", ""],
}

# ----------------------------------------------------------------------------- sexual
spec(
    "fr",
    "sexual",
    slots={
        "svc": [
            "un plan cul",
            "un plan d'un soir",
            "une rencontre coquine",
            "un sex friend",
            "un moment chaud",
            "du sexe sans prise de tête",
            "une partie de jambes en l'air",
            "un PC discret",
        ],
        "content": [
            "nudes",
            "photos dénudées",
            "vidéos hard",
            "vidéos perso sans censure",
            "photos coquines",
            "contenu +18",
            "show privé",
            "sextapes",
        ],
        "adult": [
            "femmes mûres",
            "escorts vérifiées 18+",
            "cougars",
            "femmes mariées coquines",
            "célibataires chaudes",
            "jolies masseuses",
            "couples libertins",
        ],
        "emo": ["😈", "🍑", "🍆", "💦", "🔥", "😘", "🥵", "😏", "", ""],
        "me": ["H34", "F29", "H41", "F38", "couple trentenaire", "H27", "F45", "H bi 33"],
        "sub": ["MYM", "OnlyFans", "mon snap privé", "mon Telegram VIP", "ma page"],
    },
    pos=[
        F(
            "plan",
            "je cherche {svc} {time} {place} {emo}",
            "dispo pour {svc} {time} ? {place}, je reçois",
            "{me} {place} cherche {svc}, discrétion assurée, {platform}",
            "chaud comme jamais {place}, qui passe {time} ? {emo}",
            "{me} marié cherche {svc} en cachette, {place}",
        ),
        F(
            "contenu",
            "je vends mes {content}, {price}, dm sur {platform} {emo}",
            "{content} dispo {time}, écris-moi sur {platform}",
            "tu veux voir la suite ? {content} sur {sub} {emo}",
            "abonne-toi pour mes {content}, sans censure, {price} par mois {emo}",
            "nouvelles {content} sur {sub}, lien en bio {emo}",
        ),
        F(
            "escort",
            "{adult} dispo {place}, reçoit et se déplace, {price} l'heure",
            "service escort {place} {time}, prestation complète, {platform}",
            "massage naturiste avec finition {place}, {price}, discret",
            "massage tantrique + extras, {adult}, réservation sur {platform}",
            "{adult} {place} t'attendent {emo}, {price} la demi-heure",
        ),
        F(
            "desir_vulgaire",
            "j'ai trop envie de te baiser {time} {emo}",
            "on baise ? {place}, {time}",
            "viens me baiser {time} {emo}",
            "je suis chaude, j'ai besoin de me faire baiser {time}",
            profanity=1,
        ),
        F(
            "desir",
            "mets-toi à quatre pattes pour moi {emo}",
            "je te veux nue dans mon lit {time} {emo}",
            "j'arrête pas de penser à ton corps contre le mien, viens {emo}",
            "enlève tout, doucement, je veux tout voir {emo}",
        ),
        F(
            "demande_nudes",
            "envoie des nudes {emo}",
            "montre tes seins en cam {time} {emo}",
            "on s'échange des nudes ? {platform}, pas de fake",
            "sexto ce soir ? ajoute-moi sur {platform} {emo}",
            "appel vidéo tout nus {time} ? {emo}",
        ),
        F(
            "recit",
            "on a fait l'amour toute la nuit dans la voiture {emo}",
            "elle gémissait tellement fort que les voisins ont tapé au mur {emo}",
            "hier plan à trois avec deux inconnus d'une appli {emo}",
            "on a baisé sur le balcon {time}, meilleur sexe de ma vie",
        ),
        F(
            "cam",
            "show cam en direct {time}, tips pour que je me déshabille {emo}",
            "nue en live {time}, lien sur {platform} {emo}",
            "cam privée {price} les 15 min, tout ce que tu veux {emo}",
        ),
        F(
            "sugar",
            "homme généreux {place} cherche arrangement discret avec {adult}, {price} par rencontre",
            "sugar daddy cherche relation intime rémunérée avec une femme majeure, {platform}",
            "rencontre tarifée, {price}, doit être ouverte au sexe, {platform}",
        ),
    ],
    hn=[
        F(
            "education",
            "le préservatif protège des IST, dépistage gratuit au CeGIDD {time}",
            "parlez de consentement avec votre partenaire, à chaque fois",
            "le centre de santé sexuelle propose des tests VIH gratuits {time}",
            "la PrEP est remboursée, parlez-en à votre médecin",
            "le consentement peut être retiré à tout moment, c'est la loi",
        ),
        F(
            "medical",
            "les troubles de l'érection peuvent signaler un problème cardiaque, consultez",
            "les douleurs pendant les rapports après l'accouchement sont fréquentes, la rééducation périnéale aide",
            "la pilule du lendemain est disponible en pharmacie sans ordonnance",
            "la ménopause peut baisser la libido, parlez-en à votre gynéco",
        ),
        F(
            "homographes",
            "ma chatte a eu quatre chatons cette nuit 🐱",
            "le plan de travail de la cuisine est en chêne",
            "il lui a baisé la main, très vieille France {lol}",
            "le coq du voisin chante à 5h tous les matins",
            "j'ai pris une bonne douche chaude après le match",
            "on s'est fait une bonne bouffe entre potes {time}",
            "un plan de la ville est dispo à l'office du tourisme",
        ),
        F(
            "romance",
            "super rencard {time}, il m'a offert des fleurs",
            "joyeux anniversaire de mariage à l'amour de ma vie ❤️",
            "premier baiser sous les feux d'artifice, je m'en souviens encore",
            "soirée plaid et film avec mon chéri, parfait",
            "il m'a demandée en mariage à la plage et j'ai dit oui 💍",
        ),
        F(
            "signalement",
            "je signale ce compte qui poste des photos porno et du spam",
            "on m'a demandé des nudes en DM, comment je signale sur {platform} ?",
            "les modos, le bot spamme encore des liens d'escort",
            "attention, les pubs 'célibataires chaudes près de chez vous' sont des arnaques",
            "bloquez et signalez ceux qui envoient des photos intimes non sollicitées",
        ),
        F(
            "art_actu",
            "l'expo sur l'art érotique de Pompéi est superbe",
            "le film est interdit aux moins de 16 ans pour scènes de sexe",
            "la police a fermé un faux salon de massage {place} après une enquête pour proxénétisme",
            "le roman a fait scandale en 1857 pour ses scènes jugées immorales",
        ),
        F(
            "sport_cuisine",
            "séance fessiers terminée 🍑 ça brûle",
            "tarte aux pêches pour le dessert 🍑",
            "gratin d'aubergines ce soir 🍆",
            "yoga chaud {time}, prenez de l'eau",
            "ce maillot de bain te va trop bien",
            "épis de maïs grillés au barbecue 🌽",
        ),
        F(
            "chaleur",
            "il fait trop chaud {time}, je transpire à mort 🥵",
            "cette sauce est trop épicée 🥵🔥",
            "la nouvelle voiture est trop sexy, j'adore la ligne",
            "j'ai chaud, je crois que j'ai de la fièvre",
        ),
        F(
            "massage_kine",
            "kiné diplômé, massage sportif pour coureurs, {price} la séance",
            "le massage chez l'ostéo m'a soulagé le dos",
            "le bon cadeau spa comprend un soin du visage et un massage des pieds",
            ads=None,
        ),
    ],
)
hand(
    "fr",
    "sexual",
    pos=lines("""
        Salut beau gosse, nouvelle en ville, je cherche un plan sans lendemain ce soir 😘
        Des femmes sur Lyon pour un plan cul ce week-end ? 35 ans, clean, discret, je reçois.
        je vends mes nudes 15€ le pack, vidéos perso en supplément, paiement paypal
        tu veux voir ce qu'il y a sous ma robe ? 😈 lien dans ma bio
        Escort dispo 24h/24, je reçois près de l'aéroport, texto pour les tarifs
        t'es trop bonne, envoie une photo sans le haut 🥵
        homme marié cherche aventure discrète, ma femme n'a pas besoin de savoir
        Des célibataires chaudes près de chez toi t'attendent ce soir !! Clique vite 💋
        Couple cherche une femme pour un plan à trois samedi, majeurs uniquement, MP
        j'ai envie de t'arracher tes fringues et de te prendre ici même
        mon MYM est à -50% cette semaine, full nue, pas de PPV 🔥
        ajoute-moi pour un appel vidéo coquin ;)
        Seul ? Chat adulte avec de vraies femmes, paiement à la minute
        on devrait finir chez moi après la soirée, c'est à 5 min, tu le regretteras pas
        F28 cherche plan sans prise de tête avec un mec respectueux, pas de blabla
        je peux te payer pour un show privé ? donne ton prix
        Massage érotique avec finition, studio discret en centre-ville, demandez Lola
        trop chaud ce soir, qui est réveillé pour un sexto
        je fais tout ce que tu veux en cam pour un bon pourboire 😏
        Marre de ton couple ? Site de rencontres extra-conjugales, inscription gratuite.
        le plan d'hier était fou, on a remis ça trois fois avant le lever du soleil
        franchement tu serais mieux dans mon lit que sur ta photo de profil 😉
    """),
    hn=lines("""
        Mon médecin pense que ma baisse de libido vient des antidépresseurs, on ajuste le traitement.
        Rappel : le CeGIDD de l'hôpital fait des dépistages gratuits sans rendez-vous le mercredi.
        Comment parler à mon copain de remettre le préservatif ?
        Encore un bot dans mes DM avec des "célibataires chaudes". Signalé et bloqué.
        Le planning familial propose des consultations gratuites et anonymes pour les adultes.
        Ma chatte est enfin stérilisée, elle dort paisiblement après l'opération.
        Tu peux visser l'étagère au mur avant la soirée ?
        Interdit aux moins de 16 ans pour scènes de sexe, donc pas pour la soirée film en famille.
        Le podcast parle du consentement et de comment le demander simplement.
        Joyeux dixième anniversaire de mariage à mon mari, meilleure décision de ma vie ❤️
        Vu une mésange charbonnière à la mangeoire ce matin !
        Ma sœur s'est fiancée en vacances, j'ai pleuré une heure.
        Cette sauce piquante m'a brûlé la bouche 🥵
        Quelqu'un connaît un bon kiné pour un massage sportif à Nantes ?
        Le module d'histoire de l'art traite du nu dans la peinture de la Renaissance.
        Les campagnes de prévention rappellent que le consentement doit être clair et libre.
        Il a branché les nouvelles enceintes, tout l'appart vibre.
        Le rapport du Sénat sur l'industrie pornographique a été publié mardi.
        Des squats pour des fessiers plus forts, c'est bon pour le dos aussi 🍑
        Je suis sage-femme, j'ai tout vu, aucune gêne à avoir pendant le rendez-vous.
        L'hôtel était top, grand lit, jacuzzi, petit-déjeuner compris, je recommande.
        Le chat de ma voisine s'appelle Minou et il est adorable.
    """),
)

# ------------------------------------------------------------------------- harassment
spec(
    "fr",
    "harassment",
    slots={
        "insult": [
            "gros nul",
            "pauvre tache",
            "sombre idiot",
            "déchet",
            "boloss",
            "cas social",
            "moins que rien",
            "gros lâche",
            "clown",
            "raté",
            "abruti fini",
            "sale mytho",
            "baltringue",
            "tocard",
        ],
        "adj": ["pathétique", "insupportable", "inutile", "dégueulasse", "débile", "moche", "nul"],
        "pinsult": [
            "sale connard",
            "grosse pute",
            "fils de pute",
            "pauvre conne",
            "sale bâtard",
            "enculé",
            "connasse",
        ],
        "venue": ["le serveur", "le groupe", "la classe", "l'équipe", "ce forum", "le taf"],
        "them": ["la", "le", "ce mec", "ce streamer", "le nouveau"],
        "whose": ["ses", "les", "les", "les"],
    },
    pos=[
        F(
            "insulte",
            "t'es qu'un {insult} {lol}",
            "tais-toi espèce de {insult}",
            "personne t'a demandé ton avis, {insult}",
            "t'es la personne la plus {adj} de {venue}",
            "franchement t'es un {insult} et tout le monde le sait",
            "regardez ce {insult} qui se croit intelligent {lol}",
        ),
        F(
            "exclusion",
            "personne t'aime, casse-toi de {venue}",
            "tout {venue} te déteste, reviens plus",
            "dégage, personne veut de toi dans {venue}",
            "on a fait un nouveau groupe sans toi parce que t'es {adj}",
            "rends service à tout le monde et quitte {venue} pour de bon",
        ),
        F(
            "meute",
            "tout le monde va spammer ses DM {lol}",
            "on inonde ses commentaires jusqu'à ce qu'il supprime son compte",
            "signalez tous son compte en masse, inventez un truc",
            "on va lui pourrir la vie demain au lycée",
            "balancez sa photo partout avec 'quel {insult}' dessus",
            "raid sur son live {time}, spammez le chat jusqu'à ce qu'elle pleure",
        ),
        F(
            "intimidation",
            "je sais où t'habites",
            "j'ai trouvé ton adresse, à bientôt {lol}",
            "je sais à quelle salle tu vas, fais gaffe",
            "j'ai ton numéro et celui de ta mère, continue de parler",
            "j'ai trouvé où tu bosses, ton patron devrait voir tes posts",
            violence=None,
        ),
        F(
            "insulte_vulgaire",
            "ta gueule {insult}",
            "va te faire foutre {pinsult}",
            "ferme ta gueule, {pinsult}",
            "on s'en bat les couilles de ton avis, {pinsult}",
            "t'es qu'un(e) {pinsult}",
            profanity=1,
        ),
        F(
            "physique",
            "regarde ce double menton {lol}",
            "avec cette tête pas étonnant que tu sois seul",
            "supprime tes selfies, t'es {adj}",
            "perds du poids avant de poster, grosse vache",
            "t'as des dents toutes jaunes c'est dégueu",
        ),
        F(
            "harcelement_continu",
            "pourquoi tu réponds pas ? je suis devant chez toi",
            "je vais créer des comptes jusqu'à ce que tu me parles",
            "tu peux me bloquer, je te retrouverai toujours",
            "réponds-moi ou je repasse à ton travail",
            violence=None,
        ),
        F(
            "chantage",
            "paye ou je balance tes photos partout",
            "je dis à tout le monde ton secret si tu fais pas ce que je dis",
            "envoie {price} ou ta famille verra les captures",
            "fais ce que je dis ou je publie tes messages à tout le lycée",
        ),
        F(
            "va_mourir",
            "va crever, {insult}",
            "suicide-toi, personne te pleurera",
            "disparais pour de bon, rends service au monde",
            "le monde irait mieux sans toi, {insult}",
            self_harm=None,
        ),
        F(
            "remarques",
            "souris un peu ma belle, tu serais plus baisable",
            "jolies jambes, dommage pour la tête {lol}",
            "t'as eu le poste parce que tu couches avec {role}",
            "tu serais plus belle si tu fermais ta bouche",
            sexual=None,
        ),
        F(
            "rabaisser",
            "t'es trop bête pour comprendre, laisse tomber",
            "typique d'un {insult}, incapable de faire quoi que ce soit",
            "t'as encore raté, tu seras jamais rien",
            "tout le monde se moque de toi dans ton dos",
        ),
    ],
    hn=[
        F(
            "taquinerie",
            "t'es une légende {lol}",
            "espèce d'andouille, t'as encore oublié les clés {lol}",
            "tais-toi, c'est génial !!",
            "t'es bête {lol} je t'adore",
            "arrête tu me tues {lol}",
            "mais quel nul, c'est l'autre porte {lol}",
        ),
        F(
            "autodérision",
            "quelle idiote, j'ai oublié mon téléphone dans le bus",
            "je ressemble à une patate sur cette photo {lol}",
            "je suis nulle en maths, zéro au contrôle {lol}",
            "je suis un boulet avant mon premier café",
        ),
        F(
            "critique",
            "ton argument tient pas, les chiffres disent l'inverse",
            "le film était long et ennuyeux",
            "ton code a un bug ligne 40, corrige avant de merger",
            "la décision de l'arbitre était nulle",
            "je suis pas d'accord avec ta critique, la fin était la meilleure partie",
        ),
        F(
            "signalement",
            "quelqu'un m'insulte en DM, comment je bloque sur {platform} ?",
            "il m'a dit 'personne t'aime', je l'ai signalé aux modos",
            "les captures du harcèlement ont été envoyées au lycée",
            "ma fille se fait harceler dans le groupe de classe, que faire ?",
            "un inconnu a publié mon adresse, j'ai porté plainte",
        ),
        F(
            "prevention",
            "le harcèlement n'est jamais ok, appelle le 3018 si tu es victime",
            "zéro tolérance pour les insultes sur ce serveur, lisez les règles",
            "journée contre le harcèlement scolaire lundi",
            "comment soutenir un collègue harcelé au travail",
        ),
        F(
            "produit",
            "ce téléphone est une daube",
            "pire service client, deux heures d'attente",
            "la mise à jour est nulle, rendez-nous l'ancienne interface",
            "l'imprimante débile s'est encore bloquée",
        ),
        F(
            "jeu",
            "gg ez",
            "revanche demain, prépare-toi à perdre {lol}",
            "on va vous écraser au quiz samedi {lol}",
            "le perdant paye les croissants",
            "tu t'es fait éclater ce round {lol}",
        ),
        F(
            "fiction",
            "au chapitre 3 le méchant traite le héros de lâche",
            "la pièce raconte une ado harcelée en ligne qui se défend",
            "dans la série, le personnage traite son rival de serpent",
        ),
        F(
            "animaux",
            "mon chien est trop bête, il s'est encore pris la porte {lol}",
            "ce chat est une terreur, il a renversé mon café",
            "l'oie du parc m'a coursé sur 50 mètres {lol}",
        ),
    ],
)
hand(
    "fr",
    "harassment",
    pos=lines("""
        Personne t'aime dans cette classe. Tout le monde fait semblant pour que t'arrêtes de chialer.
        mdr regardez-la chanter, quelqu'un peut lui dire qu'elle sonne comme un chat qui crève
        Si tu reposte dans ce groupe je te pourris la vie, je te jure
        T'es vraiment la personne la plus conne avec qui j'ai bossé. Comment t'as été embauché ?
        signalez tous ce compte, c'est une mytho, on la fait bannir
        J'ai ton adresse grâce au formulaire de livraison. Réfléchis bien.
        t'es tellement moche que même ta mère doit regretter
        Continue de m'ignorer et tu verras. J'ai gardé tous tes anciens messages.
        ferme-la la grosse, personne veut t'entendre
        Pourquoi tu viens encore ? Personne veut de toi dans l'équipe.
        T'es un escroc et un gros pervers et je vais le dire à tout ton boulot.
        retourne dans ta grotte espèce de troll
        J'ai fait un faux compte à ton nom et tout le monde y croit 🤣
        Ton gamin est aussi débile que toi, c'est de famille.
        je commenterai chacun de tes posts jusqu'à ce que t'arrêtes, j'ai que ça à faire
        t'es un échec, tes parents doivent avoir honte
        Arrête de poster, t'es gênant. Chaque vidéo est un malaise.
        je t'ai vu pleurer aux toilettes aujourd'hui, pathétique
        attends que tout le monde voie les captures de ce que t'as dit sur eux 😈
        Personne viendrait à ton enterrement mdr
        T'es qu'un rat et tu mérites d'être seul.
        tg fdp personne t'a sonné
    """),
    hn=lines("""
        Mon frère m'a traité d'intello parce que je lis en vacances, et franchement il a raison.
        Quelqu'un au collège insulte mon fils, la CPE dit qu'elle va s'en occuper.
        Quelle quiche, je me suis pris la porte vitrée au boulot aujourd'hui.
        Cette appli est la pire, elle me déconnecte toutes les cinq minutes.
        Ta dissert est bien mais la conclusion est faible, je réécrirais le dernier paragraphe.
        On s'est fait laminer 5-0 par les moins de 12 ans, grosse leçon d'humilité.
        J'ai signalé le compte qui insulte mon amie. Faites pareil si vous le voyez.
        mdr t'es bête, je t'aime, joyeux anniversaire 🎉
        Si tu es harcelé en ligne, tu peux bloquer, garder des preuves et appeler le 3018.
        C'était une erreur débile de ma part, désolé tout le monde.
        Le méchant de ce livre est tellement odieux, j'adore le détester.
        Le responsable a été désagréable, je vais faire une réclamation écrite.
        La formation RH portait sur le harcèlement au travail et comment le signaler.
        Le perdant paye les pizzas, c'est la règle du Mario Kart.
        Je déteste quand les gens parlent au cinéma, c'est insupportable.
        L'arbitre était à côté de la plaque aujourd'hui, trois penaltys oubliés.
        Traiter quelqu'un de "nul" tous les jours, c'est du harcèlement, l'école doit agir.
        Ton chat a une tête de vieux grincheux et je l'adore.
        Arrêtez de vous moquer de mon style, je m'habille pour être à l'aise.
        Ce tableur est un cauchemar, qui l'a conçu ?
        L'équipe adverse nous a appelés les outsiders et on a gagné, ha !
        Le prof a dit que ma présentation était brouillonne, il a pas tort.
    """),
)

# --------------------------------------------------------------------------- violence
spec(
    "fr",
    "violence",
    slots={
        "hurt": [
            "te buter",
            "te défoncer la gueule",
            "te casser les jambes",
            "te planter",
            "t'envoyer à l'hôpital",
            "te crever",
            "t'éclater la tête",
            "te tirer dessus",
            "t'égorger",
            "brûler ta maison avec toi dedans",
        ],
        "hurt3": [
            "planter",
            "buter",
            "défoncer",
            "tabasser",
            "écraser",
            "lyncher",
            "cramer la voiture de",
            "refroidir",
            "mettre une balle à",
        ],
        "target_place": [
            "la mairie",
            "le commissariat",
            "sa boutique",
            "ce bar",
            "l'entrepôt",
            "l'appart du proprio",
            "la boîte",
            "la préfecture",
        ],
        "venue": ["au lycée", "au bureau", "au centre commercial", "au concert", "à la gare"],
        "arm": [
            "des battes",
            "des couteaux",
            "des briques",
            "des barres de fer",
            "ce que vous avez",
        ],
    },
    pos=[
        F(
            "menace_directe",
            "je vais {hurt}",
            "je te jure que je vais {hurt} la prochaine fois que je te vois",
            "fais gaffe à toi, je vais {hurt}",
            "t'es mort quand je te trouve",
            "redis ça et je vais {hurt} {lol}",
            "j'ai vu ta tête, je vais {hurt}",
            harassment=1,
        ),
        F(
            "menace_tiers",
            "je vais {hurt3} {role} {time}",
            "faut que quelqu'un aille {hurt3} {role}",
            "je jure que je vais {hurt3} {role} s'il dit encore un mot",
            "{role} va prendre cher {time}, je vais le {hurt3}",
        ),
        F(
            "incitation",
            "on devrait tous aller {hurt3} {role} {time}",
            "faut brûler {target_place}, qui vient {time}",
            "ramenez {arm} et rdv {place}, on va casser des têtes {time}",
            "trouvez où habite {role} et faites-lui payer",
        ),
        F(
            "glorification",
            "ce coup de couteau était magnifique, encore",
            "le mec qui a agressé {role} est un héros",
            "j'adore voir des gens se faire tabasser, postez plus de bagarres",
            "il méritait chaque coup, dommage qu'ils l'aient pas fini",
            "celui qui a cramé {target_place} a rendu service 🔥",
        ),
        F(
            "souhait",
            "j'espère que quelqu'un va briser la nuque de {role}",
            "j'espère que tu vas te faire écraser par un bus",
            "j'espère que toute ta famille va brûler",
            "j'espère que tu vas te faire défoncer en rentrant chez toi",
        ),
        F(
            "menace_masse",
            "je vais tirer sur tout le monde {venue} {time}, venez pas",
            "demain tout le monde {venue} va mourir",
            "je ramène une arme {venue}, vous allez voir",
            "dernier jour {venue}, ils se souviendront de mon nom",
            weapons=None,
            extremism=None,
        ),
        F(
            "conjugale",
            "si elle me répond encore je lui mets une gifle",
            "ma femme a besoin d'une bonne raclée pour apprendre le respect",
            "je vais lui donner une leçon qu'elle oubliera pas, avec mes poings",
        ),
        F(
            "animaux",
            "on va tabasser le chien du voisin jusqu'à ce qu'il se taise",
            "je vais empoisonner ce chat qui vient dans le jardin",
            "on balance des cailloux sur les cygnes, c'est drôle {lol}",
        ),
        F(
            "rue",
            "on va les allumer {time}, ils vont saigner",
            "on le choppe seul et on le plante",
            "les ennemis sont {place}, on va les rafaler {time}",
            "la prochaine fois qu'on les voit on parle pas, on tire",
        ),
    ],
    hn=[
        F(
            "expressions",
            "on se tue à la tâche ici",
            "ce boulot me tue",
            "arrête tu me tues {lol}",
            "l'humoriste a tué la salle {lol}",
            "j'ai cartonné à l'exam {time}",
            "j'ai mal aux pieds, cette rando m'a achevé",
            "mon ordi a encore planté",
            "j'ai buté sur un mot pendant l'oral",
            "j'ai crevé un pneu sur l'autoroute",
            "je crève de faim, on mange quand ?",
            "on tue le temps avant le vol",
        ),
        F(
            "sport",
            "on les a écrasés 4-0 {lol}",
            "KO au deuxième round, quel combat",
            "il a tiré de 30 mètres et il a marqué",
            "quelle frappe du milieu de terrain, lucarne",
            "ils nous ont massacrés en deuxième mi-temps",
            "plaquage énorme mais propre, c'est le rugby",
        ),
        F(
            "jeu",
            "triple kill sur Valorant {lol}",
            "headshot à l'autre bout de la map 🎯",
            "faut tuer le boss avant la phase 2",
            "je meurs toujours au dernier niveau",
            "on a fait sauter leur base au C4 au dernier round",
        ),
        F(
            "actu",
            "un homme a été poignardé à {city} hier soir, un suspect a été interpellé",
            "le tribunal a condamné l'agresseur à 12 ans de prison",
            "heurts entre manifestants et policiers, trois blessés",
            "un homme arrêté après des menaces en ligne contre un lycée",
            "les violences ont baissé de 8 % à {city} l'an dernier",
        ),
        F(
            "histoire",
            "la bombe a été désamorcée en 1944",
            "la bataille de Verdun a fait plus de 300 000 morts",
            "les vétérans commémorent le Débarquement",
            "obus de 14-18 découvert sur un chantier {place}",
        ),
        F(
            "condamnation",
            "la violence n'est jamais la solution",
            "menacer quelqu'un en ligne est un délit, signalez-le",
            "nous condamnons l'agression de {role} et lui souhaitons un prompt rétablissement",
            "violences conjugales : appelez le 3919, c'est gratuit et anonyme",
            "si quelqu'un vous menace, gardez les messages et portez plainte",
        ),
        F(
            "fiction",
            "dans le roman l'enquêteur retrouve l'arme du crime dans le lac",
            "le méchant menace de détruire la ville au deuxième acte",
            "podcast true crime épisode 12 : le meurtre non élucidé",
            "dans le film il jure de se venger du gang",
        ),
        F(
            "entrainement",
            "cours de krav maga débutants {time}",
            "entraînement de boxe {time} : jab, direct, crochet",
            "atelier d'autodéfense au centre social",
            "portes ouvertes au club de MMA {time}",
        ),
        F(
            "mots",
            "tu peux faire une photo du coucher de soleil ?",
            "on a tourné le clip {place}",
            "bats les œufs en neige",
            "écrase l'ail avec le plat du couteau",
            "coupe le moteur avant de sortir",
            "ce nouvel album c'est une bombe 🔥",
            "on tire les rois dimanche, qui a la fève ?",
            "je vais planter des tomates ce week-end",
        ),
    ],
)
hand(
    "fr",
    "violence",
    pos=lines("""
        Redis mon nom encore une fois et je te casse tous les os.
        Si je le croise au match samedi il se fait planter, point.
        faudrait cramer tout l'immeuble avec le proprio dedans
        Franchement la seule solution c'est que quelqu'un lui tire dessus. Des volontaires ?
        Je t'attends à la sortie du collège et tu rentreras pas chez toi.
        Meilleure vidéo de la semaine, le mec se fait piétiner la tête et personne bouge 😂
        Je vais te retrouver et te faire du mal. J'ai rien à perdre.
        Rassemblez tout le monde, ramenez des battes, on descend dans leur cité ce soir.
        Mon ex a de la chance que je sache plus où elle habite, sinon elle finirait dans un trou.
        Le prochain flic que je vois je l'écrase. Je suis sérieux.
        Cette attaque c'est exactement ce qu'ils méritaient, il en faut d'autres.
        On défonce le nouveau après l'entraînement, qu'il apprenne sa place.
        Si l'arbitre refait ça quelqu'un va l'envoyer à l'hôpital, et ce sera peut-être moi.
        Je vais t'enterrer, continue de parler.
        demain je ramène un truc au lycée et ils vont tous regretter de s'être moqués
        Brûlez leurs voitures, cassez leurs vitres, qu'ils aient peur de revenir.
        celui qui a tabassé le vieux est une légende, il aurait dû faire pire
        je vais te finir, retiens bien ça
        j'espère que quelqu'un va le sortir de chez lui et le frapper jusqu'à ce qu'il bouge plus
        Si le chien du voisin aboie encore une fois je le tue.
    """),
    hn=lines("""
        J'ai tué ma présentation aujourd'hui, le client a adoré !
        Ce mal de tête me tue, je me couche tôt.
        La police lance un appel à témoins après l'agression d'un homme devant une boîte vendredi.
        La bombe de 1944 retrouvée dans le port a été neutralisée par les démineurs.
        On s'est fait atomiser 6-1 à domicile, pire match de la saison.
        Le livre décrit la bataille en détail, dur mais important pour comprendre la guerre.
        J'ai commencé le jiu-jitsu brésilien et je me fais étrangler par des sexagénaires chaque semaine.
        On a joué à Call of Duty toute la nuit, je me suis fait démonter.
        Les menaces contre les enseignants sont inacceptables, l'établissement a porté plainte.
        Ma sœur va me tuer si j'oublie encore son anniversaire 😅
        Le boss d'Elden Ring m'a pris 40 essais, je l'ai enfin battu.
        Le monument aux morts du village porte 212 noms.
        Son spectacle était une tuerie, les gens pleuraient de rire.
        On se tue à la tâche pour un salaire de misère, vivement les vacances.
        Le conseil municipal a condamné l'attaque contre la mosquée et soutient la communauté.
        J'ai mis tout l'après-midi à traquer ce bug mais c'est réglé.
        Le documentaire sur le génocide des Tutsi est bouleversant et nécessaire.
        Dans mon roman, le héros affronte le dragon et perd un bras. Trop ?
        Si vous êtes menacée chez vous, le 3919 répond jour et nuit.
        Mon PC a planté en plein rendu, j'ai tout perdu.
    """),
)

# ------------------------------------------------------------------- violence/graphic
spec(
    "fr",
    "violence-graphic",
    slots={
        "part": [
            "la tête",
            "le visage",
            "le bras",
            "la jambe",
            "la poitrine",
            "le ventre",
            "la mâchoire",
            "la main",
            "le crâne",
        ],
        "gore": [
            "l'os qui sortait de la peau",
            "du sang qui giclait partout",
            "les tripes à l'air",
            "la chair arrachée jusqu'à l'os",
            "la cervelle étalée sur le mur",
            "la moitié du visage arrachée",
            "des morceaux de lui sur le bitume",
            "l'œil sorti de l'orbite",
            "les intestins répandus par terre",
        ],
        "ev": [
            "l'accident",
            "l'explosion",
            "la bagarre",
            "l'accident de train",
            "la fusillade",
            "l'accident de chantier",
            "l'attaque",
        ],
        "emo": ["🤮", "😱", "💀", "🩸", "", ""],
    },
    pos=[
        F(
            "blessure",
            "{part} en bouillie, {gore}",
            "après {ev} il y avait {gore}",
            "je l'ai vu, {gore}, j'arrive pas à l'oublier {emo}",
            "le pompier a soulevé le drap et on voyait {gore}",
        ),
        F(
            "video",
            "regardez, un mec se fait écraser {part} par un camion {emo}",
            "vidéo non censurée de {ev}, on voit {gore} {emo}",
            "la vidéo complète sur {platform}, {gore}, pas floutée {emo}",
            "extrait brut de {ev}, {gore}, âmes sensibles s'abstenir {emo}",
        ),
        F(
            "guerre",
            "les corps étaient carbonisés, de la chair brûlée partout",
            "la tranchée était pleine de cadavres, des membres dans la boue et {gore}",
            "des cadavres pourrissaient dans la rue, les chiens les mangeaient",
            "un obus a touché l'abri et {gore}",
        ),
        F(
            "fan_gore",
            "postez plus de gore, je veux voir des vrais cadavres {emo}",
            "vidéo de décapitation en commentaire {emo}",
            "quelqu'un a la vidéo où {gore} ? je la veux",
            "meilleure compil gore de l'année, {gore}",
        ),
        F(
            "animal",
            "le chien était écorché et pendu à un arbre, le sang gouttait encore",
            "retrouvé le chat coupé en deux sur le paillasson, les boyaux partout",
            "le chevreuil percuté avait les entrailles étalées sur les deux voies",
        ),
        F(
            "scene",
            "on l'a retrouvé avec les doigts coupés et {gore}",
            "la pièce baignait dans le sang, {gore}",
            "le corps était resté des semaines dans l'eau, gonflé et en décomposition",
            "des morceaux du corps retrouvés dans des sacs à travers {city}",
        ),
    ],
    hn=[
        F(
            "secourisme",
            "appuyez fort sur la plaie pour arrêter le saignement et appelez le 15",
            "pour un saignement de nez, penchez la tête en avant et pincez le nez",
            "une fracture ouverte est une urgence, ne touchez pas à l'os",
            "formation PSC1 {time} : plaies, brûlures, massage cardiaque",
        ),
        F(
            "medical",
            "le chirurgien a réparé mon ligament croisé",
            "prise de sang normale, ouf",
            "on m'enlève les points de suture la semaine prochaine",
            "l'opération s'est bien passée, la cicatrice guérit bien",
            "les urgences étaient bondées {time}, quatre heures pour une coupure",
        ),
        F(
            "cuisine",
            "videz le poulet et séchez-le avec du papier",
            "levez les filets et gardez la tête pour le fumet",
            "je prends mon steak saignant",
            "le boudin noir, c'est du sang de porc et des oignons",
            "le boucher découpe l'agneau en côtelettes",
        ),
        F(
            "expressions",
            "j'ai saigné du nez toute la matinée",
            "c'était un carnage à l'exam {lol}",
            "je suis mort 💀 {lol}",
            "j'ai le cœur en mille morceaux après ce final",
            "ça m'a coûté un bras ces vacances",
            "le match était sanglant, deux cartons rouges",
            "je me suis fait massacrer au contrôle de maths",
        ),
        F(
            "actu",
            "trois morts dans un accident sur l'A7, selon la gendarmerie",
            "le séisme a fait des dizaines de victimes",
            "la victime a été transportée à l'hôpital, blessée grièvement",
            "un ouvrier blessé dans un accident à l'usine {time}",
        ),
        F(
            "critique",
            "le film d'horreur est très gore, pas pour les âmes sensibles",
            "le jeu de zombies a une option pour désactiver le gore",
            "le remake du slasher est sympa mais les effets font cheap",
            "avertissement : cet épisode contient des scènes de violence",
        ),
        F(
            "sang_divers",
            "don du sang {time}, un don peut aider trois malades",
            "les règles douloureuses c'est l'enfer {lol}",
            "le véto a recousu la patte de mon chien",
            "mes gencives saignent quand je passe le fil dentaire, dentiste ?",
        ),
        F(
            "halloween",
            "tuto maquillage zombie et faux sang pour Halloween 🎃",
            "maquillage effets spéciaux : une fausse cicatrice réaliste",
            "la maison hantée avait des faux membres partout {lol}",
        ),
        F(
            "histoire_nature",
            "le musée expose des instruments de chirurgie médiévaux",
            "le documentaire animalier montre une lionne chasser un zèbre",
            "la momie de l'exposition a plus de 3000 ans",
        ),
    ],
)
hand(
    "fr",
    "violence-graphic",
    pos=lines("""
        La voiture a été découpée et le conducteur était encore dedans, le visage arraché par le pare-brise.
        J'ai regardé la vidéo du cartel, ils lui coupent la tête lentement et la montrent à la caméra.
        Il y avait tellement de sang que ça coulait sous la porte, et son bras était à un mètre.
        regardez 😂 le mec tombe dans la machine et ressort en steak haché
        Le chien lui avait arraché la gorge, on voyait la trachée.
        Vidéo de l'accident qui a fuité : corps coupé en deux sur les rails, non censurée.
        L'odeur était horrible. Le corps avait éclaté à cause de la chaleur, des asticots partout.
        Sa mâchoire pendait par un bout de peau après l'explosion.
        Quelqu'un a le lien de celle où l'ouvrier se fait aspirer dans le broyeur ? Je veux la revoir.
        On a retrouvé les restes dans le bois, à moitié mangés par les renards.
        topic gore : postez vos photos de morts les plus dégueu
        La balle lui a emporté l'arrière du crâne, cervelle sur le mur derrière.
        ils ont traîné le corps derrière le camion jusqu'à ce qu'il reste plus rien du visage
        La peau de ses mains a fondu dans l'incendie, les os étaient noirs.
        Sa jambe était pliée à l'envers au genou et l'os perçait le jean.
        Photos de l'accident non floutées. Des morceaux de gens sur la route.
        le piège a rat lui a arraché la tête, du sang partout mdr
        Quand ils l'ont sorti de la rivière les poissons lui avaient mangé les yeux.
        Vidéo complète de l'exécution, ils lui tirent dessus et on voit tout. Pas de flou.
        La plaie était si profonde qu'on voyait ses côtes bouger sous le sang.
    """),
    hn=lines("""
        On m'a enlevé les dents de sagesse, beaucoup de sang mais le dentiste dit que c'est normal.
        En SVT on a disséqué un cœur de porc, franchement c'était passionnant.
        Donnez votre sang ce mois-ci, les réserves de O négatif sont très basses.
        L'accident sur l'A1 a provoqué des bouchons, deux personnes hospitalisées.
        Mon fils est tombé de vélo, six points de suture au menton, il va bien.
        Le film d'horreur était trop gore pour moi, j'ai regardé entre mes doigts.
        L'exposition sur les tranchées est émouvante sans être choquante.
        Coupez le poulet en lanières et laissez mariner une heure.
        Une infirmière explique comment nettoyer une plaie et quand il faut des points.
        On a perdu 5-0, un vrai massacre dès le coup d'envoi.
        Le documentaire décrit la famine avec des mots simples, sans images choc.
        La soirée Halloween avait une fausse scène de crime au ketchup, très réussie.
        Le chat a encore ramené une souris morte, merci pour le cadeau.
        Être ambulancier, c'est voir des choses dures, mais on est bien soutenus.
        J'ai pleuré à la fin, ça m'a arraché le cœur.
        Attention : cet article décrit un accident mortel.
        Le boudin noir aux pommes, c'est le meilleur plat de l'hiver.
        Déçu du résultat mais fier de l'équipe.
        Le chirurgien a dit que l'opération laisserait une cicatrice de 10 cm.
        J'ai pris un coup de soleil terrible, ma peau pèle de partout.
    """),
)

# -------------------------------------------------------------------------- extremism
spec(
    "fr",
    "extremism",
    slots={
        "group": [
            "l'État islamique",
            "Daech",
            "l'EI",
            "al-Qaïda",
            "les Shebabs",
            "Boko Haram",
            "le califat",
            "les moudjahidines de l'État",
            "la Division",
            "les frères du front",
        ],
        "attack": [
            "l'attentat du marché",
            "l'attaque du concert",
            "l'attaque de l'église",
            "l'attentat au camion",
            "l'attentat de l'ambassade",
            "la fusillade de la synagogue",
            "l'attaque du stade",
        ],
        "wallet": [
            "wallet BTC sur {platform}",
            "crypto, adresse en bio",
            "cash via le frère habituel",
        ],
        "cell": ["la cellule", "la fraternité", "notre réseau", "le groupe"],
    },
    pos=[
        F(
            "eloge",
            "{group}, ce sont de vrais héros, qu'ils triomphent",
            "vive {group} 🏴",
            "fier de {group}, les seuls qui se battent vraiment",
            "{group} n'a rien fait de mal, ils nous défendent",
            "victoire à {group}, mort à leurs ennemis",
            violence=None,
        ),
        F(
            "recrutement",
            "tu veux rejoindre {group} ? écris-moi sur {platform}, on t'aide pour le voyage",
            "les frères, le combat a besoin de vous, contactez-nous sur {platform}",
            "on cherche des combattants pour {group}, sérieux uniquement, {platform}",
            "arrêtez de parler, agissez, {cell} recrute {place}",
            "faire la hijra au Sham, c'est maintenant, {group} vous attend, {platform}",
        ),
        F(
            "propagande",
            "nouvelle vidéo de {group}, partagez avant suppression",
            "téléchargez le dernier magazine de {group}, lien sur {platform}",
            "diffusez ce nasheed de {group} partout, que les mécréants tremblent",
            "liens miroirs du communiqué de {group}, repostez partout",
        ),
        F(
            "glorification",
            "{attack} était une opération bénie, d'autres suivront",
            "les martyrs de {attack} resteront des héros",
            "celui qui a fait {attack} est un saint, lisez son manifeste",
            "{attack} n'était que le début, on recommencera",
            "{attack} m'a rendu tellement heureux, plus beau jour de l'année",
            violence=1,
        ),
        F(
            "appel",
            "frappez-les où que vous les trouviez, {group} vous appelle",
            "il faut porter la guerre dans leurs villes {time}",
            "chaque vrai soldat doit agir seul, pas besoin d'attendre les ordres",
            "loups solitaires, c'est le moment, faites-leur payer comme pour {attack}",
            violence=1,
        ),
        F(
            "financement",
            "donnez pour les combattants de {group}, {wallet}",
            "soutenez {group} en crypto, chaque euro sert aux frères",
            "zakat pour les moudjahidines de {group}, {wallet}",
        ),
        F(
            "allegeance",
            "je prête allégeance à {group}",
            "ma bay'a est au chef de {group}, jusqu'à la mort",
            "je suis avec {group} jusqu'au bout, quoi qu'ils demandent",
        ),
        F(
            "accelerationnisme",
            "la guerre raciale arrive, rejoins {cell} et prépare-toi à combattre",
            "accélérez, le système doit brûler, rejoignez {cell}",
            "les saints comme celui de {attack} nous montrent la voie",
            hate=None,
            violence=1,
        ),
    ],
    hn=[
        F(
            "actu",
            "{group} a revendiqué {attack}, selon les autorités",
            "un haut responsable de {group} tué par les forces de sécurité {time}",
            "un rapport de l'ONU détaille le financement de {group}",
            "un homme condamné pour avoir partagé la propagande de {group}",
            "les rescapés de {attack} se sont réunis pour une cérémonie",
            "la DGSI a déjoué un projet d'attentat inspiré par {group}",
        ),
        F(
            "recherche",
            "mon mémoire porte sur le recrutement en ligne de {group}",
            "un cours sur la radicalisation, la propagande et la prévention",
            "le livre retrace l'histoire de {group} depuis 2004",
            "des chercheurs étudient pourquoi des jeunes rejoignent des groupes comme {group}",
        ),
        F(
            "condamnation",
            "{group}, ce sont des assassins, rien de religieux",
            "pensées aux victimes de {attack}",
            "{group} ne représente pas les musulmans, ils en tuent plus que quiconque",
            "le terrorisme n'a aucune excuse, pensées aux familles",
            "signalez la propagande de {group} sur PHAROS, ne la partagez pas",
        ),
        F(
            "prevention",
            "un proche se radicalise ? le numéro vert Stop Djihadisme peut vous aider",
            "les programmes de déradicalisation réduisent la récidive, selon une étude",
            "les profs sont formés pour repérer les signes de radicalisation",
            "les plateformes ont retiré des millions de contenus terroristes l'an dernier",
        ),
        F(
            "histoire",
            "le cessez-le-feu de l'IRA a été annoncé en 1994",
            "Action directe était active en France dans les années 1980",
            "l'exposition retrace l'histoire du terrorisme en Europe",
            "la Résistance pendant l'Occupation est au programme d'histoire",
        ),
        F(
            "fiction_jeu",
            "dans Counter-Strike les terroristes doivent poser la bombe {lol}",
            "le méchant du film dirige une cellule terroriste à Berlin",
            "les terroristes gagnent, fin du round, gg {lol}",
            "le roman d'espionnage raconte l'infiltration d'un groupe extrémiste",
        ),
        F(
            "religion",
            "Ramadan Moubarak à tous mes frères et sœurs",
            "la prière du vendredi à la mosquée {place} commence à 13h",
            "le djihad veut aussi dire effort sur soi, a expliqué l'imam",
            "Aïd Moubarak ! Repas pour toute la rue chez nous {time}",
            "l'Hégire, la migration du Prophète, marque le début du calendrier musulman",
            "les frères de la mosquée collectent pour les Restos du cœur",
        ),
        F(
            "politique",
            "rejoignez la marche pour le climat samedi",
            "soutien aux grévistes de l'hôpital, klaxonnez en passant",
            "signez la pétition pour sauver la bibliothèque",
            "la manif s'est terminée dans le calme à 17h",
        ),
        F(
            "expressions",
            "ce gâteau c'est une tuerie, une vraie bombe",
            "week-end sports extrêmes : escalade, rafting, saut à l'élastique",
            "le film a fait un flop au box-office",
            "mon chat est radical à l'heure du petit-déj {lol}",
        ),
    ],
)
hand(
    "fr",
    "extremism",
    pos=lines("""
        Les frères de l'État islamique sont les seuls à défendre la oumma. Qu'Allah leur accorde la victoire.
        Ceux qui veulent faire la hijra vers les terres du califat, MP, on a des gens sur place.
        L'attaque du concert était une grande victoire et les martyrs sont au paradis.
        Nouvelle vidéo d'Amaq, repostez avant que les mécréants la suppriment.
        Arrêtez de perdre votre temps sur internet. Les vrais hommes agissent. Suivez la voie des frères.
        Abonné au canal Telegram des Shebabs, gloire aux combattants.
        Le tireur est un héros et son manifeste devrait être lu par tous les Blancs.
        Il faut plus d'opérations comme celle de la semaine dernière. Maintenez la pression.
        Envoyez vos dons aux moudjahidines, le lien est dans le groupe, chaque euro compte.
        J'ai fait mon serment. Je suis un soldat du califat maintenant, où que je sois.
        Daech va renaître et les drapeaux flotteront sur Rome.
        Notre division cherche des hommes motivés dans le Nord. Condition physique et loyauté exigées.
        Chaque soldat mécréant tué est une bénédiction. Continuez les vidéos.
        Le système ne tombera pas tout seul. L'avenir, ce sont les acteurs isolés.
        Écoutez le nouveau nasheed, j'en ai eu des frissons. Les lions de l'État arrivent.
        Je prie pour faire partie des martyrs un jour, inchallah mon tour viendra.
        Partagez la vidéo de l'opération partout, que les ennemis voient notre force.
        Boko Haram fait l'œuvre de Dieu, les écoles de l'Occident méritent de brûler.
        La prochaine attaque doit être plus grosse. Le monde doit nous entendre.
        Frères d'Europe, pas besoin de voyager. Combattez là où vous êtes.
    """),
    hn=lines("""
        Le procès de trois hommes accusés d'avoir préparé un attentat au nom de l'État islamique s'ouvre aujourd'hui.
        En histoire on étudie l'essor et la chute de Daech en Irak et en Syrie.
        Je suis musulman et Daech ne parle ni pour moi ni pour personne que je connais. Ce sont des criminels.
        Aïd Moubarak de la part de toute la famille !
        Le documentaire montre comment al-Qaïda utilisait des vidéos pour recruter en ligne.
        Dix ans après le Bataclan, on n'oublie pas les victimes.
        La plateforme a retiré la vidéo de propagande après les signalements.
        Mon grand-père a fait la guerre d'Algérie et il n'en parlait jamais.
        Les terroristes rush B à chaque round, faut tenir le site.
        Le ministère a publié un guide pour les enseignants sur la prévention de la radicalisation.
        La DGSI a interpellé un homme soupçonné de préparer une action violente.
        Une étude montre que beaucoup quittent les groupes extrémistes grâce à leurs amitiés.
        Le prêche du vendredi parlait de patience et de bonté envers les voisins.
        Le thriller suit une journaliste infiltrée dans un groupuscule d'ultradroite.
        Des milliers de personnes ont manifesté pacifiquement pour le logement.
        Cette nouvelle sauce piquante, c'est une bombe.
        Si un proche bascule dans l'extrémisme, parlez-en tôt à des professionnels.
        Mon mémoire porte sur la radicalisation en ligne et la modération des contenus.
        Alerte canicule extrême jusqu'à vendredi.
        Le musée de la Résistance organise une visite guidée dimanche.
    """),
)

# ---------------------------------------------------------------------------- weapons
spec(
    "fr",
    "weapons",
    slots={
        "gun": [
            "kalash",
            "Glock 19",
            "9mm",
            "fusil à pompe",
            "calibre",
            "flingue",
            "fusil à canon scié",
            "revolver .38",
            "AK",
            "Uzi",
            "pistolet sans numéro",
            "Tokarev",
            "gun",
        ],
        "slang": ["calibre", "flingue", "kalash", "pétard", "gun", "pompe"],
        "qual": [
            "sans numéro de série",
            "sans papiers",
            "intraçable",
            "sans permis",
            "propre",
            "cash uniquement",
            "sans questions",
            "jamais servi",
            "avec munitions",
        ],
        "acc": ["silencieux", "chargeurs grande capacité", "kits de conversion full auto"],
        "boom": ["grenades", "explosifs artisanaux", "C4", "détonateurs"],
        "blade": [
            "couteaux papillon",
            "poings américains",
            "couteaux à cran d'arrêt",
            "matraques télescopiques",
        ],
        "emo": ["🔫", "💥", "🔥", "💯", "", ""],
    },
    pos=[
        F(
            "vente",
            "vends {gun}, {qual}, {price}, {platform} {emo}",
            "{gun} à vendre {place}, {qual}",
            "{gun} + boîte de balles, {price}, rdv {place} {time}",
            "{gun} dispo, {qual}, acheteurs sérieux {emo}",
            "arrivage : {gun}, {gun}, {gun}, tarifs sur {platform} {emo}",
        ),
        F(
            "argot",
            "j'ai des {slang}s à vendre {place}, {qual} {emo}",
            "qui veut un {slang} ? {price}, {platform}",
            "{slang} dispo, {qual}, écris-moi {emo}",
        ),
        F(
            "achat",
            "je cherche un {gun} vite, {qual}, qui a ça {place} ?",
            "où acheter un {gun} sans permis ?",
            "je cherche un {slang} {place}, cash prêt",
            "qui peut me trouver un {gun} {qual}, je paye {price}",
            "comment acheter une arme quand on a un casier ?",
        ),
        F(
            "accessoires",
            "{acc} à vendre, {price}, {platform}",
            "j'ai des {acc} en stock, envoi discret {emo}",
            "qui vend des {acc} ? il m'en faut 3",
        ),
        F(
            "fabrication",
            "quelqu'un a les fichiers pour imprimer une arme en 3D ? MP",
            "j'imprime des carcasses de {gun} intraçables, {price}",
            "comment fabriquer un {gun} chez soi sans numéro ?",
            "comment on fait une bombe artisanale, je suis sérieux",
        ),
        F(
            "explosifs",
            "vends {boom}, acheteurs sérieux, {platform}",
            "j'ai des {boom} {place}, {price}",
            "quelqu'un sait où trouver des {boom} ? je paye bien",
        ),
        F(
            "lames",
            "{blade} à vendre, envoi partout, sans pièce d'identité",
            "vends {blade}, {price} pièce, {platform} {emo}",
        ),
        F(
            "darkweb",
            "armes livrées discrètement, crypto uniquement, lien sur {platform}",
            "vendeur sur le market avec des {gun}, envoi furtif {emo}",
        ),
    ],
    hn=[
        F(
            "couteaux_cuisine",
            "set de couteaux de chef, -20 % cette semaine",
            "couteau santoku japonais, parfait pour les légumes",
            "aiguisage de couteaux au marché {time}, {price} le couteau",
            "quel couteau à pain à moins de {price} ?",
            ads=None,
        ),
        F(
            "chasse_legale",
            "comment passer le permis de chasser ?",
            "la formation sécurité est obligatoire avant la validation du permis",
            "l'ouverture de la chasse est en septembre, vérifiez l'arrêté préfectoral",
            "l'armurier vérifie le permis avant toute vente, comme la loi l'exige",
        ),
        F(
            "actu",
            "la police a saisi des armes et des munitions lors d'une perquisition à {city}",
            "opération d'abandon d'armes : déposez-les en commissariat sans poursuites",
            "un homme condamné pour avoir vendu des armes sur les réseaux",
            "les douaniers interceptent un colis de pièces d'armes",
        ),
        F(
            "jouets_outils",
            "bataille de pistolets à eau au parc {time} 🔫",
            "guerre de Nerf au bureau {lol}",
            "pistolet à colle pour le bricolage, des conseils ?",
            "j'ai loué un pistolet à peinture pour la clôture",
            "les pétards du 14 juillet ont fait peur au chien",
        ),
        F(
            "expressions",
            "elle a un sourire qui tue",
            "il s'est fait flinguer par la critique",
            "le calibre des œufs est indiqué sur la boîte",
            "c'est une vraie bombe ce morceau 💥",
            "il a tiré la couverture à lui pendant la réunion",
            "le tireur de penalty a raté",
        ),
        F(
            "jeu",
            "l'AK sur CS2 est trop cheaté {lol}",
            "meilleure classe sniper sur Warzone ?",
            "épée légendaire enfin lootée dans Elden Ring",
        ),
        F(
            "musee_sport",
            "le musée de l'Armée expose des épées médiévales",
            "le mousquet était utilisé pendant les guerres napoléoniennes",
            "journée portes ouvertes au club de tir à l'arc {time}",
            "tournoi d'escrime {place} ce week-end",
            "le tir sportif aux JO est plus dur qu'il n'y paraît",
        ),
        F(
            "prevention",
            "signalez toute vente d'armes en ligne sur PHAROS",
            "les armes imprimées en 3D sont illégales, rappellent les experts",
            "l'association intervient dans les collèges sur le port d'armes blanches",
        ),
    ],
)
hand(
    "fr",
    "weapons",
    pos=lines("""
        j'ai un 9 propre à vendre, jamais tiré, sans papiers, 700 cash. MP si sérieux
        Quelqu'un du coin sait où choper un calibre ? Pas par une armurerie.
        kalash dispo pour le week-end, location ou vente, faut voir
        Je cherche quelqu'un qui peut m'imprimer une carcasse. Je paye bien, pas de questions.
        Deux kalashs et une boîte de munitions, faut que ça parte cette semaine.
        qui a un flingue à vendre, il m'en faut un avant samedi
        Couteaux papillon, poings américains, matraques, tout en stock, livrés chez vous sans contrôle.
        J'ai besoin d'une arme pour me protéger mais avec mon casier pas de permis. Aidez un frère.
        Je peux te trouver ce que tu veux, pistolets, fusils à pompe, même une kalash.
        vends grenades, des vraies, surplus militaire, acheteurs sérieux uniquement
        je cherche quelqu'un pour transformer mon pistolet d'alarme en vraie arme
        Kits d'armes fantômes de retour en stock. Sans numéro, envoi discret.
        frérot j'ai le joujou, tu le veux pour le week-end ? 200
        Qui vend des kits full auto ? Je veux que mon fusil tire en rafale.
        J'ai un canon scié dans le coffre si tu veux le voir avant d'acheter.
        Où on achète des armes sur le darknet ? Quel market est fiable ?
        Besoin de munitions pour un .38, je peux pas en acheter légalement, qui en a ?
        Vends un silencieux et un 9mm ensemble, demande pas d'où ça vient.
        MP pour les fichiers, conversion rafale, intraçable.
        Quelqu'un peut m'expliquer comment fabriquer une bombe ? Je suis sérieux, je paye.
    """),
    hn=lines("""
        L'examen du permis de chasser était plus dur que prévu mais je l'ai eu !
        La police a saisi 40 armes illégales et des munitions lors d'un coup de filet ce matin.
        Le pistolet à eau de mon fils fuit partout, vous en conseillez un autre ?
        Tiens bon dans la négo, ne baisse pas ton salaire.
        Le musée a une salle entière d'armures et d'épées médiévales, les enfants ont adoré.
        Mon pistolet à colle m'a encore brûlé les doigts, le DIY c'est dangereux mdr
        Le shooting photo de samedi était génial, merci au photographe.
        Sortie ball-trap pour l'enterrement de vie de garçon, encadrée par des moniteurs.
        Les agressions au couteau détruisent des familles, il faut plus de clubs pour les jeunes.
        Comment remettre à la gendarmerie le fusil de chasse de mon grand-père décédé ?
        Il me faut un nouveau couteau à pain, le mien coupe plus rien.
        Patch : le nouveau sniper est beaucoup trop fort, nerf svp.
        Un homme qui revendait des pistolets convertis sur les réseaux a pris 14 ans.
        La canne à pêche a cassé, ce brochet était énorme.
        Le fusil de mon arrière-grand-père de 14-18 est au musée du régiment.
        Le club de tir à l'arc accueille les débutants, matériel fourni.
        Son nouveau single est une bombe, je l'écoute en boucle.
        Les pétards du nouvel an ont fait fuir le chat toute la nuit.
        Le tireur d'élite du biathlon a fait un sans-faute.
    """),
)

# ------------------------------------------------------------------------------ drugs
spec(
    "fr",
    "drugs",
    slots={
        "drug": [
            "beuh",
            "shit",
            "weed",
            "coke",
            "CC",
            "MD",
            "ecsta",
            "taz",
            "kéta",
            "champis",
            "LSD",
            "buvards",
            "cristal",
            "frappe",
            "résine",
            "pollen",
            "cocaïne",
            "héro",
            "crack",
            "xanax",
            "lean",
            "3MMC",
            "purple",
        ],
        "drugp": [
            "de la beuh",
            "du shit",
            "de la weed",
            "de la coke",
            "de la CC",
            "de la MD",
            "de l'ecsta",
            "des taz",
            "de la kéta",
            "des champis",
            "du LSD",
            "des buvards",
            "du cristal",
            "de la frappe",
            "de la résine",
            "de la cocaïne",
            "de l'héro",
            "du crack",
            "du xanax",
            "de la 3MMC",
            "de la purple",
        ],
        "drugdef": [
            "la beuh",
            "le shit",
            "la weed",
            "la coke",
            "la MD",
            "l'ecsta",
            "la kéta",
            "les champis",
            "le LSD",
            "le cristal",
            "la 3MMC",
            "la purple",
        ],
        "unit": [
            "le gramme",
            "la plaquette",
            "le pochon",
            "la barrette",
            "le cachet",
            "la boulette",
        ],
        "menu": ["🍃", "❄️", "💊", "🍄", "🍫", "💨", "🔌", "🌿"],
        "emo": ["🔥", "💯", "🔌", "🚀", "😮‍💨", "", ""],
    },
    pos=[
        F(
            "vente",
            "{drug} dispo {place}, {price}, {platform} {emo}",
            "plug ici : {drug}, {drug}, {drug}, livraison {time} {emo}",
            "grosse frappe de {drug} {emo}, {price} {unit}, contactez sur {platform}",
            "arrivage de {drug} frais, {price} {unit}, {platform}",
            "{drug} en stock {time}, livraison {place}",
            "je vends {drugp}, {price} {unit}, discret {emo}",
        ),
        F(
            "menu",
            "{menu}{menu}{menu} nouveau menu, tarifs sur {platform}",
            "{menu} {price} {menu} {price}, livraison {place}",
            "{menu}{menu} ouvert {time} {menu} {platform}",
            "le four est ouvert {place} {time} {menu}",
        ),
        F(
            "achat",
            "qui a {drugp} {place} ?",
            "besoin d'un plug pour {drugp} {time}",
            "quelqu'un vend {drugp} {place} ? cash prêt",
            "je cherche {unit} de {drug} {time}, qui est dispo",
        ),
        F(
            "promotion",
            "{drugdef}, ça a changé ma vie, tout le monde devrait essayer",
            "rien de mieux que de prendre de la MD en teuf {emo}",
            "la vie est courte, prends {drugp}",
            "si t'as jamais goûté {drugdef} t'as pas vécu",
        ),
        F(
            "envoi",
            "envoi discret partout en Europe, {drug}, paiement en BTC",
            "vendeur sur le market, 5 étoiles, {drug} {price}",
            "{drug} par la poste, sous vide, suivi, {platform}",
            "{drug} en gros pour revendeurs, minimum {unit}",
        ),
        F(
            "sans_ordonnance",
            "xanax sans ordonnance, livraison express",
            "codéine et tramadol sans ordonnance, {price} la boîte",
            "ritaline sans ordo, prix étudiant {emo}",
        ),
        F(
            "soiree",
            "ramenez {drugp} à la soirée {time}, on va se défoncer",
            "qui ramène {drugdef} pour le festival ? {emo}",
            "on se met une race {time} avec {drugp}, putain {emo}",
        ),
        F(
            "recrutement",
            "cherche guetteurs {place}, {price} par jour",
            "besoin de charbonneurs pour le point de deal, {price} la journée",
            "recrute livreurs, faut un scooter, {price} par jour, pas de questions",
        ),
    ],
    hn=[
        F(
            "actu",
            "la police a saisi 3 kg de cocaïne à {city}",
            "le dealer condamné à 6 ans de prison pour trafic",
            "démantèlement d'un point de deal à {city}, quatre interpellations",
            "les douaniers trouvent de la résine dans un camion au Perthus",
        ),
        F(
            "reduction_risques",
            "réduction des risques : ne consommez jamais seul, ayez de la naloxone",
            "faites analyser vos produits, le CAARUD propose des tests gratuits",
            "en cas d'overdose appelez le 15 et restez avec la personne",
            "Drogues Info Service répond au 0 800 23 13 13, gratuit et anonyme",
        ),
        F(
            "sobriete",
            "2 ans clean aujourd'hui 🙏",
            "réunion NA {time} à la maison de quartier",
            "j'ai dealé avant, maintenant j'accompagne des jeunes pour qu'ils évitent ça",
            "un jour à la fois, 90 jours sans rien",
        ),
        F(
            "pharmacie",
            "j'ai récupéré mon ordonnance à la pharmacie",
            "demandez à votre médecin avant d'arrêter les antidépresseurs",
            "ibuprofène ou paracétamol pour un mal de tête ?",
            "mon traitement est en rupture dans toutes les pharmacies {place}",
        ),
        F(
            "homographes",
            "herbes de Provence sur le poulet",
            "le joint de culasse a lâché, 800 balles de réparation",
            "faut refaire le joint de la douche",
            "la neige tombe enfin ❄️",
            "un coca ou un jus ?",
            "couper l'herbe ce week-end",
            "le plug de ma prise est cassé, t'as une multiprise ?",
            "champignons de Paris en persillade 🍄",
            "la patinoire ouvre {time}",
            "cette chanson est une tuerie",
            "le four à pizza chauffe",
            "j'ai un pollen d'allergie terrible au printemps",
            "quelle frappe en pleine lucarne !",
        ),
        F(
            "education",
            "le cours explique comment les opioïdes agissent sur le cerveau",
            "documentaire sur la guerre contre les cartels au Mexique",
            "parlez de drogues avec vos ados avant quelqu'un d'autre",
        ),
        F(
            "signalement",
            "quelqu'un vend de la drogue dans notre groupe, signalé aux admins",
            "comment signaler un point de deal anonymement ?",
            "attention, ces comptes qui livrent {drugp} sont des arnaques",
        ),
        F(
            "fiction",
            "Breaking Bad c'est la meilleure série",
            "dans le roman, le flic s'infiltre dans un cartel",
            "le film sur les dealers de Marseille est vraiment réussi",
        ),
    ],
)
hand(
    "fr",
    "drugs",
    pos=lines("""
        Plug sur Paris, CC 70 le g, MD 40, beuh 10 le pochon. Livraison 7j/7, snap pour le menu.
        qui a de la MD pour samedi ? il me faut 4 gélules
        Taz testés, 10 pour 50, à récupérer près du parc.
        Les champis c'est le meilleur truc qui me soit arrivé, faut tous essayer au moins une fois.
        Besoin d'un nouveau plug, le mien s'est fait serrer. Quelqu'un de fiable sur Lyon ?
        Xanax 2mg, 30 pour 100, envoyés dans une carte d'anniversaire, personne verra rien.
        grosse frappe de beuh, ça sent de ouf, passe
        Cherche guetteur, payé tous les jours, dispo le week-end. MP, pas de touristes.
        Ramène ta paille, on trace des lignes toute la nuit chez moi 😮‍💨
        Les meilleures vapes THC de la ville, snap pour le menu.
        quelqu'un connaît un vendeur darknet qui envoie de la coke en Belgique ?
        Buvards de LSD, 5 pour 40, un offert pour les nouveaux clients.
        Je prends un peu de kéta tous les week-ends, c'est inoffensif, viens.
        je vends ma ritaline, 5 balles le cachet, parfait pour les partiels
        Qui veut partager un gramme de coke pour le mariage mdr
        Nouvel arrivage de cristal, de la bonne, même prix.
        Livraison de weed sur le campus, discret, espèces ou virement.
        Quelqu'un a du tramadol ? J'ai mal au dos et je m'en fous de l'ordonnance.
        Mon dealer a une carte de fidélité, le dixième pochon offert 😂
        Le four de la cité est ouvert jusqu'à 2h, venez.
    """),
    hn=lines("""
        La police a saisi 3 kg de cocaïne et 50 000 euros en liquide lors d'une perquisition à Lille.
        Conseil de réduction des risques : jamais seul, doses faibles, et gardez de la naloxone.
        Deux ans sans consommer aujourd'hui. À ceux qui galèrent : c'est possible.
        J'ai pris de la codéine prescrite après l'opération, ça va mieux.
        Patinoire ce soir avec les enfants !
        Le jardin est plein de mauvaises herbes, samedi à genoux dans la terre.
        Le collège organise une soirée de prévention sur les drogues pour les parents.
        Je peux prendre de l'ibuprofène avec mes antibiotiques ? Je demande au pharmacien demain.
        Les Narcotiques Anonymes se réunissent le mardi, tout le monde est bienvenu.
        Documentaire sur la crise des opioïdes aux États-Unis, glaçant.
        Cette playlist est une tuerie, qui l'a faite ?
        Ma mère fait la meilleure soupe aux champignons.
        Le joint de culasse de ma Clio a lâché, encore une facture.
        On m'a proposé des cachets en DM. Signalé. N'achetez rien à des inconnus.
        Neige prévue ce week-end, sortez les luges !
        Il y avait de la cocaïne dans la recette originale du Coca, d'après le guide du musée.
        Les salles de consommation à moindre risque sauvent des vies, selon les études.
        Je plane de bonheur, j'ai eu mon permis !
        Le film suit un dealer qui veut raccrocher, il est génial.
        Liste camping : tente, réchaud, cartouche de gaz, lampe frontale.
    """),
)

# -------------------------------------------------------------------------- self-harm
spec(
    "fr",
    "self-harm",
    slots={
        "sad": ["😞", "💔", "🖤", "", "", ""],
        "when": ["ce soir", "ce week-end", "quand tout le monde dormira", "bientôt", "demain"],
    },
    pos=[
        F(
            "intention",
            "je veux mourir {sad}",
            "je vais en finir {when}",
            "je veux plus être là",
            "{when} c'est la fin, adieu tout le monde {sad}",
            "j'ai écrit ma lettre, c'est fini",
            "j'en peux plus, je vais me tuer {when}",
            "c'est mon dernier post, pardon à tous {sad}",
        ),
        F(
            "recherche_methode",
            "dites-moi la façon la plus simple d'en finir",
            "c'est quoi la manière la moins douloureuse de mourir",
            "comment se suicider sans souffrir",
            "je veux savoir comment faire pour que ça marche du premier coup",
        ),
        F(
            "automutilation",
            "je me suis encore scarifiée hier soir {sad}",
            "rechute, je me suis encore fait du mal, je m'en fiche",
            "je mérite d'avoir mal, j'ai envie de me faire du mal",
            "je me fais du mal pour ressentir quelque chose {sad}",
        ),
        F(
            "promotion",
            "se scarifier c'est la seule chose qui aide, essaie",
            "laisse personne t'arrêter, c'est ton choix d'en finir",
            "le suicide c'est la solution, personne te le dit mais c'est vrai",
            "si t'es si triste finis-en, c'est facile",
        ),
        F(
            "desespoir",
            "personne me regretterait si je disparaissais",
            "tout le monde serait mieux sans moi",
            "je suis un poids, il est temps que je parte {sad}",
            "je suis fatiguée d'exister, je veux que ça s'arrête pour toujours",
        ),
        F(
            "pro_ana",
            "thinspo : les os c'est beau, la faim c'est la faiblesse qui part",
            "meanspo svp, dites-moi que je suis grosse pour que j'arrête de manger",
            "ana buddies, on mange rien cette semaine ensemble",
            "nouvel objectif de poids, je jeûne jusqu'à l'atteindre, m'arrêtez pas",
        ),
        F(
            "pacte",
            "quelqu'un veut le faire avec moi {when} ?",
            "je cherche quelqu'un pour en finir ensemble, {platform}",
        ),
        F(
            "argot",
            "jveux crever, sérieux cette fois",
            "envie de me foutre en l'air {when} {sad}",
            "je vais me mettre en mode pause définitive {sad}",
            "prête à déconnecter pour de bon {sad}",
        ),
    ],
    hn=[
        F(
            "hyperbole",
            "jpp de cet exam 😭",
            "je meurs de rire {lol}",
            "je suis mort {lol}",
            "encore une réunion et je meurs",
            "cette chaleur me tue",
            "crevé, je vais me coucher",
            "je suis morte de honte",
            "mourir de faim, on mange quand ?",
            "mon téléphone est mort",
        ),
        F(
            "prevention",
            "si vous pensez au suicide, appelez le 3114, 24h/24",
            "vous n'êtes pas seul, parlez à quelqu'un de confiance",
            "SOS Amitié écoute jour et nuit",
            "si tu t'es fait du mal, va aux urgences ou appelle le 15",
            "parler du suicide ne donne pas l'idée, ça aide",
        ),
        F(
            "retablissement",
            "un an sans me scarifier, fière de moi",
            "la thérapie m'a aidée à traverser ma pire période",
            "mes cicatrices me rappellent le chemin parcouru",
            "trois ans de rémission de l'anorexie, trois repas par jour",
        ),
        F(
            "aide",
            "mon amie dit qu'elle veut mourir, comment l'aider ?",
            "quoi dire à quelqu'un qui pense au suicide ?",
            "mon fils se scarifie, par où commencer ?",
        ),
        F(
            "actu",
            "le taux de suicide chez les jeunes hommes augmente, selon le rapport",
            "journée mondiale de prévention du suicide le 10 septembre",
            "le Parlement débat de la fin de vie {time}",
            "formation premiers secours en santé mentale pour les managers",
        ),
        F(
            "fiction",
            "Roméo et Juliette finit avec les deux amants morts",
            "la mort du perso à l'épisode 5 m'a détruite",
            "avertissement : ce film aborde le suicide",
        ),
        F(
            "jeu",
            "je suis mort 12 fois sur ce boss",
            "respawn dans 5 secondes",
            "j'ai sacrifié mon perso pour sauver l'équipe {lol}",
        ),
        F(
            "idiomes",
            "on se tue au travail pour rien",
            "je me tue à le répéter",
            "ce prof me tue avec ses devoirs {lol}",
        ),
    ],
)
hand(
    "fr",
    "self-harm",
    pos=lines("""
        C'est décidé. C'est ce soir. Merci aux rares qui ont été gentils avec moi.
        Quelqu'un peut juste me dire le moyen le plus simple d'en finir ? Je suis tellement fatigué.
        Personne remarquerait si je disparaissais. J'arrête de faire semblant.
        J'ai rechuté et honnêtement cette fois je veux pas arrêter.
        Je pense tout le temps à mettre fin à mes jours et ça me fait même plus peur.
        C'est quoi le moyen le moins douloureux ? Répondez juste, pas de numéros d'aide.
        Tout le monde dit que ça ira mieux. C'est faux. Je vais faire en sorte que ça s'arrête.
        Je donne mes affaires cette semaine. Je n'en aurai plus besoin.
        mon corps mérite d'être puni, je me fais du mal tous les soirs
        j'ai atteint mon poids objectif et je suis toujours grosse, j'arrête de manger
        Quelqu'un veut partir ensemble ? Je veux pas être seule quand je le ferai.
        J'ai écrit des lettres à ma famille aujourd'hui. Ils comprendront un jour.
        Je veux juste dormir et ne jamais me réveiller. Au sens propre.
        arrêtez de dire aux gens d'aller se faire aider, certains veulent juste partir et c'est valable
        la scarification m'aide plus que la thérapie, voilà
        Pardon maman. Je peux plus continuer.
        y a pas d'avenir pour moi, j'en finis avant mon anniversaire
        Penser à comment le faire est la seule chose qui me calme.
        Si personne me répond d'ici ce soir, j'aurai ma réponse.
        j'ai tellement envie de me faire du mal là
    """),
    hn=lines("""
        Si ça ne va pas, appelez le 3114, le numéro national de prévention du suicide. Vous comptez.
        Deux ans sans automutilation aujourd'hui. Pas facile, mais je suis là.
        Mon amie m'a dit qu'elle pensait au suicide. Je l'accompagne chez le médecin demain.
        Ce devoir de maths va me tuer 😭
        Je suis littéralement mort de rire devant cette vidéo de chat.
        L'association forme des bénévoles à écouter sans juger les personnes en crise.
        Le lycée organise une semaine santé mentale avec des interventions sur la prévention.
        Mon téléphone est mort et je suis perdue, à l'aide mdr
        Le deuil après le suicide de mon oncle est étrange, certains jours ça va, d'autres non.
        Si quelqu'un vous dit qu'il veut mourir, prenez-le au sérieux et restez avec lui.
        La nouvelle saison est à tomber, regardez-la.
        Je suis mort tellement de fois sur Dark Souls que j'ai arrêté de compter.
        Ma diététicienne m'a aidée à retrouver une relation normale avec la nourriture.
        Le rétablissement n'est pas linéaire. Mauvaise semaine, mais j'ai demandé de l'aide.
        Le débat sur l'aide à mourir reprend à l'Assemblée la semaine prochaine.
        jpp j'ai envoyé le mail à toute la boîte par erreur 🙈
        Le poème parle de dépression et d'espoir, j'ai pleuré.
        Je tuerais pour un café là, je suis mort de fatigue.
        Prenez soin de vous cet hiver, c'est une saison difficile pour beaucoup.
        Je rédige un mémoire sur la prévention du suicide à l'université.
    """),
)

# ---------------------------------------------------------------- hate hard negatives
spec(
    "fr",
    "hate-hard-negatives",
    slots={
        "group": [
            "les immigrés",
            "les musulmans",
            "les juifs",
            "les chrétiens",
            "les homosexuels",
            "les personnes trans",
            "les femmes",
            "les Noirs",
            "les Asiatiques",
            "les Roms",
            "les personnes handicapées",
            "les réfugiés",
            "les Arabes",
            "les Maghrébins",
            "les migrants",
            "les lesbiennes",
            "les gens du voyage",
            "les catholiques",
            "les Africains",
            "les Chinois",
        ],
        "pred": [
            "sont de la vermine",
            "sont des animaux",
            "sont une maladie",
            "sont des parasites",
            "ne méritent aucun droit",
            "n'ont rien d'humain",
            "sont un cancer",
            "détruisent ce pays",
            "sont tous des délinquants",
            "doivent dégager",
        ],
        "react": [
            "c'est immonde",
            "c'est de la haine pure",
            "c'est inacceptable",
            "c'est comme ça que commencent les génocides",
            "ça n'a rien à faire ici",
        ],
        "good": [
            "ont organisé une collecte pour tout le quartier",
            "ont ouvert une maison des associations",
            "organisent le match de foot caritatif {time}",
            "ont témoigné devant les élèves au collège",
            "font une journée portes ouvertes {time}, tout le monde est bienvenu",
        ],
        "thing": [
            "les lundis",
            "la coriandre",
            "les bouchons",
            "la pluie",
            "les gens qui doublent à droite",
            "les travaux de groupe",
            "mon réveil",
            "les chaussettes mouillées",
            "l'ananas sur la pizza",
            "les caisses automatiques",
            "les spoilers",
        ],
        "team": ["l'OM", "le PSG", "l'OL", "le Stade Rennais", "le LOSC"],
    },
    hn=[
        F(
            "contre_discours",
            "dire que {group} {pred}, {react}",
            "ceux qui pensent que {group} {pred} devraient ouvrir un livre d'histoire",
            "non, {group} ne sont pas de la 'vermine', arrêtez de répandre la haine",
            "le commentaire disant que {group} {pred}, {react}, je l'ai signalé",
            "j'en ai marre des posts qui disent que {group} {pred}, c'est déshumanisant",
        ),
        F(
            "signalement",
            "j'ai signalé un commentaire qui disait que {group} {pred}",
            "les modos, cet utilisateur répète que {group} {pred}, bannissez-le svp",
            "capture jointe : quelqu'un a écrit '{group} {pred}' sous mon post",
            "signalé sur PHAROS : un compte qui dit que {group} {pred}",
        ),
        F(
            "mention_positive",
            "{group} du quartier {good}",
            "fiers de célébrer {group} de notre ville",
            "une nouvelle étude sur la santé {group_de} en Europe",
            "l'exposition raconte l'histoire {group_de} qui ont reconstruit la ville",
        ),
        F(
            "actu",
            "les actes haineux contre {group} ont augmenté de 20 %, selon le ministère",
            "un homme condamné pour provocation à la haine contre {group}",
            "une enquête montre que {group} subissent des discriminations à l'embauche",
            "la mairie lance une campagne contre le harcèlement visant {group}",
        ),
        F(
            "education",
            "le musée explique comment la propagande nazie traitait les juifs de vermine",
            "cours {time} : comment le langage déshumanisant précède les génocides",
            "au Rwanda, la radio appelait les Tutsi des cafards, rappelle le documentaire",
        ),
        F(
            "haine_non_protegee",
            "je déteste {thing}",
            "je hais {thing} {lol}",
            "{thing}, ça devrait être interdit {lol}",
            "je supporte pas les supporters de {team} {lol}",
            "mort aux {thing2} {lol}",
        ),
        F(
            "soutien",
            "{group} méritent les mêmes droits que tout le monde",
            "solidarité avec {group} face aux discriminations",
            "si vous voyez {group} se faire harceler, intervenez ou filmez et signalez",
        ),
        F(
            "animaux",
            "il faut un dératiseur, la vermine dans le grenier a rongé les câbles",
            "les rats sont des nuisibles, la mairie pose des pièges",
            "les parasites de l'aquarium ont tué deux guppys",
            "mon chien est un vrai animal à l'heure du repas {lol}",
        ),
        F(
            "identite",
            "en tant qu'homme gay, ce film m'a beaucoup touché",
            "en tant que femme musulmane, je porte mon voile avec fierté",
            "en tant qu'infirmière noire, je veux plus de gens comme moi aux postes de direction",
            "en tant que réfugié, je remercie les voisins qui nous ont aidés",
        ),
    ],
)
SPECS[("fr", "hate-hard-negatives")].slots["group_de"] = [
    "des immigrés",
    "des musulmans",
    "des juifs",
    "des chrétiens",
    "des homosexuels",
    "des personnes trans",
    "des femmes",
    "des Roms",
    "des personnes handicapées",
    "des réfugiés",
    "des migrants",
    "des gens du voyage",
]
SPECS[("fr", "hate-hard-negatives")].slots["thing2"] = [
    "moustiques",
    "lundis",
    "bouchons",
    "spoilers",
    "réveils",
    "pubs YouTube",
]
hand(
    "fr",
    "hate-hard-negatives",
    hn=lines("""
        Un collègue a dit que les réfugiés étaient des "animaux", j'ai prévenu les RH. C'est inadmissible.
        C'est honteux qu'on entende encore que les juifs contrôlent les banques. C'est un vieux mensonge.
        Le documentaire sur la Shoah montre comment la propagande a fait des voisins des ennemis.
        Je suis gay et je me marie le mois prochain !
        La mosquée organise un dîner interreligieux vendredi, tout le monde est invité.
        Musulmans, chrétiens et juifs ont tenu ensemble la banque alimentaire cet hiver.
        Ma grand-mère est arrivée ici sans rien et a monté son commerce.
        Les commentaires sous l'article sur les familles roms sont ignobles. J'en ai signalé vingt.
        Les femmes ne sont pas des "objets". Incroyable de devoir l'écrire en 2024.
        La Marche des fiertés c'est samedi, prenez de l'eau et de la crème solaire.
        "Rentre chez toi", mon père l'entendait tous les jours dans les années 80.
        Je déteste les lundis, je déteste la pluie, et surtout les lundis pluvieux.
        Le cours porte sur l'histoire de l'antisémitisme en Europe depuis le Moyen Âge.
        Les personnes trans veulent juste vivre en paix.
        Le mois de l'histoire des Noirs commence, la médiathèque a une super sélection.
        Mon frère handicapé est la personne la plus drôle que je connaisse.
        Les chercheurs ont constaté une hausse des propos haineux contre les Asiatiques pendant la pandémie.
        Signalé un post qui traitait les immigrés de "parasites". Signalez-le aussi.
        Le Nouvel An chinois dans le 13e était magnifique.
        Le mot "vermine" était utilisé dans la propagande des années 30, ce n'est pas un hasard.
        Je supporte pas les supporters du PSG, mais je partagerais mon sandwich avec eux quand même.
        Mon voisin sikh a nourri la moitié de la rue pendant la coupure de courant.
        Harceler un élève à cause de sa religion, ce n'est pas une blague, c'est de la haine.
        L'équipe de foot des réfugiés a gagné le championnat local, quelle histoire.
        Les rats sont des nuisibles, mais mon rat domestique Gérard est un gentleman.
        En tant qu'étudiante juive, j'ai apprécié le communiqué de l'université.
        La cuisine marocaine, c'est ma préférée, le resto du coin est incroyable.
        Le tribunal a condamné le supporter pour injures racistes au stade.
        Il n'existe pas de "sous-homme". Chaque personne a une dignité.
        La culture sourde a sa propre langue, son histoire et son humour.
        L'enquête sur les femmes musulmanes dans le sport montre que les freins viennent surtout des équipements.
        Les chants racistes au match ont été condamnés par les deux clubs.
        Les enfants réfugiés de ma classe apprennent le français super vite.
        Les actes racistes sont sous-déclarés ; on peut porter plainte en ligne.
        J'adore que notre rue fête l'Aïd, Noël et Hanoukka ensemble.
        L'immigration, c'est un débat légitime ; traiter les gens d'"envahisseurs", non.
        Les gens du voyage subissent des discriminations depuis des siècles, dit le rapport.
        Il a insulté mon ami et a pris une interdiction de stade à vie. Tant mieux.
        "Les femmes à la cuisine", si tu trouves ça drôle, ça ne l'est pas.
        La Licra propose des ateliers contre le racisme dans les écoles.
    """),
)

# ------------------------------------------------------------------ general negatives
spec(
    "fr",
    "general-negatives",
    slots={
        "food": [
            "une raclette",
            "des lasagnes",
            "un couscous",
            "des crêpes",
            "un pot-au-feu",
            "des sushis",
            "une soupe",
        ],
        "activity": [
            "aller courir",
            "repeindre la clôture",
            "lire au jardin",
            "faire du pain",
            "regarder le match",
            "réparer mon vélo",
            "faire les courses",
            "apprendre l'espagnol",
        ],
        "thing": [
            "ordi",
            "téléphone",
            "lave-linge",
            "box internet",
            "frigo",
            "vélo",
            "grille-pain",
        ],
        "weather": [
            "il pleut",
            "il fait beau",
            "il gèle",
            "il y a du vent",
            "il y a du brouillard",
            "c'est lourd",
        ],
        "who": ["ma mère", "mon coloc", "les enfants", "ma copine", "mon chef", "notre voisine"],
        "subject": ["maths", "chimie", "histoire", "anglais", "philo", "éco"],
    },
    neg=[
        F(
            "cuisine",
            "je fais {food} {time}, qui passe ?",
            "meilleur repas depuis longtemps {place}, {food} incroyable",
            "une bonne recette pour {food} ?",
            "{who} a fait {food}, c'était top",
        ),
        F(
            "meteo",
            "{weather} encore {place}",
            "{weather} chez vous aussi ?",
            "{weather} toute la semaine, classique",
            "la météo dit que {weather} {time}",
        ),
        F(
            "tech",
            "mon {thing} marche plus, une idée ?",
            "quelqu'un sait réinitialiser un {thing} ?",
            "enfin un nouveau {thing}, trop bien",
            "le {thing} fait un bruit bizarre",
        ),
        F(
            "weekend",
            "programme {time} : {activity}",
            "j'ai passé l'après-midi à {activity}",
            "je pense {activity} ce week-end",
        ),
        F(
            "etudes_travail",
            "j'ai un partiel de {subject} {time}, croisez les doigts",
            "quelqu'un a les notes du cours de {subject} ?",
            "réunion décalée à 15h, mettez à jour vos agendas",
            "quelqu'un peut me remplacer {time} ?",
        ),
        F(
            "voyage",
            "train encore en retard {lol}",
            "j'atterris à 18h, tu peux venir me chercher ?",
            "des conseils pour un week-end à {city} ?",
            "le bus pour {city} met une éternité",
        ),
        F(
            "social",
            "joyeux anniversaire {lol} passe une super journée !",
            "merci à tous d'être venus, c'était génial",
            "félicitations pour le nouveau boulot !",
            "vous me manquez, on se voit bientôt ?",
        ),
        F(
            "questions",
            "la médiathèque ferme à quelle heure {time} ?",
            "la pharmacie {place} est ouverte le dimanche ?",
            "où se garer près du stade ?",
            "combien de temps pour un œuf à la coque ?",
        ),
        F(
            "nature",
            "le chien a trouvé un bâton plus grand que lui {lol}",
            "vu un renard dans le jardin {time}",
            "le chat a encore pris ma chaise",
            "les tomates commencent enfin à rougir",
        ),
    ],
    hand_neg=lines("""
        Quelqu'un sait si la piscine est ouverte les jours fériés ?
        Premier 10 km bouclé, jambes en coton mais trop content.
        La nouvelle boulangerie du coin fait des croissants incroyables.
        Vous connaissez un bon plombier ? Le robinet de la cuisine fuit.
        Rappel : les poubelles sortent jeudi cette semaine à cause du férié.
        Ma fille a perdu sa première dent et elle est très fière.
        On cherche des bénévoles pour la kermesse de l'école samedi.
        Quelqu'un d'autre trouve les nouveaux horaires de bus incompréhensibles ?
        J'apprends à tricoter, ma première écharpe est… en cours.
        Le club de lecture lit un polar ce mois-ci, rejoignez-nous !
        Le coucher de soleil sur la baie ce soir était irréel.
        Tu peux m'envoyer les slides de la réunion de ce matin ?
        Mamie a eu 90 ans et a dansé toute la soirée.
        Vous lisez quoi en ce moment ? Il me faut des idées.
        Le wifi de la bibliothèque est encore en panne.
        Perdu : un parapluie bleu dans le bus 42. Valeur sentimentale !
        J'ai enfin réparé la porte qui grinçait avec un peu d'huile.
        Notre équipe a gagné le quiz du bar d'un point !
        On part à la mer ce week-end, des conseils fruits de mer ?
        Les enfants ont construit une cabane avec les coussins du canapé.
        C'est normal que mon levain mette autant de temps à lever ?
        Merci pour le dîner d'hier, le dessert était incroyable.
        La réunion parents-profs est mardi de 16h à 19h.
        Je pense repeindre le salon en vert. Vos avis ?
        Le marathon a bloqué la moitié des rues, j'ai mis des heures à rentrer.
        On vient d'adopter une chienne de refuge, elle s'appelle Biscotte.
        Comment apprendre Python quand on part de zéro ?
        Notre vol est annulé, on reste une nuit de plus.
        Bonne année à tous, qu'elle soit douce !
        La jardinerie fait des promos sur les rosiers cette semaine.
        Nouveau mois, nouveau budget, souhaitez-moi bonne chance.
        J'adore l'automne, les couleurs du parc sont magnifiques.
        Mon ordi s'est mis à jour cette nuit et tout a changé.
        Quelqu'un veut partager un taxi pour l'aéroport vendredi ?
        La chorale chante à la cathédrale dimanche prochain.
        Testé une nouvelle recette de soupe de lentilles, validée.
        Le musée est gratuit le premier dimanche du mois.
        Cette année est passée trop vite.
        L'entraînement se fait au gymnase à cause de la pluie.
        Le chat a renversé ma plante pour la troisième fois aujourd'hui.
    """),
)


# ========================================================================== Chinese

COMMON["zh"] = {
    "place": [
        "北京",
        "上海",
        "广州",
        "深圳",
        "成都",
        "重庆",
        "杭州",
        "武汉",
        "西安",
        "南京",
        "长沙",
        "郑州",
        "同城",
        "本地",
        "朝阳区",
        "天河区",
        "附近",
        "市中心",
        "大学城附近",
        "东莞",
    ],
    "city": [
        "北京",
        "上海",
        "广州",
        "深圳",
        "成都",
        "重庆",
        "杭州",
        "武汉",
        "西安",
        "南京",
        "长沙",
    ],
    "platform": [
        "微信",
        "V信",
        "vx",
        "薇",
        "QQ",
        "飞机",
        "纸飞机",
        "TG",
        "扣扣",
        "电报",
        "主页",
        "私信",
    ],
    "time": ["今晚", "周末", "晚上九点后", "今天", "明天", "随时", "现在", "这周", "下午", "马上"],
    "price": ["200", "500", "50元", "1000", "300", "80块", "2k", "150", "888", "1500", "60"],
    "role": [
        "房东",
        "老板",
        "裁判",
        "前任",
        "老师",
        "保安",
        "邻居",
        "经理",
        "管理员",
        "那个主播",
        "司机",
        "教练",
        "继父",
        "快递员",
        "班主任",
    ],
    "lol": ["哈哈哈", "xswl", "😂", "🤣", "hhh", "", "", ""],
}

# ----------------------------------------------------------------------------- sexual
spec(
    "zh",
    "sexual",
    slots={
        "svc": ["约炮", "一夜情", "约个炮", "找炮友", "开房", "来一发", "yp", "约p", "成人游戏"],
        "content": ["自拍福利", "私密视频", "无码视频", "成人视频", "裸照", "露脸视频", "私房照"],
        "adult": ["熟女", "少妇", "模特", "外围", "人妻", "成年妹子", "技师"],
        "emo": ["😈", "🍑", "🍆", "💦", "🔥", "😘", "🥵", "😏", "", ""],
        "me": ["男34", "女29", "男41", "女38", "夫妻", "男27", "女45"],
    },
    pos=[
        F(
            "约",
            "{place}有没有{time}约的，{svc}{emo}",
            "{me}{place}，求{svc}，可以开房，加{platform}",
            "寂寞了，{time}{place}有人来吗{emo}",
            "已婚男找{svc}，不影响家庭，{platform}聊",
            "{place}{svc}，{time}，懂的私聊{emo}",
            "{place}哪里能找小姐，求推荐",
        ),
        F(
            "卖资源",
            "卖{content}，{price}，加{platform}{emo}",
            "{content}合集，{price}一套，{platform}",
            "看片加{platform}，资源全，无码{emo}",
            "成人视频资源，{price}永久会员，{platform}有链接",
            "想看更多{content}？{platform}私我{emo}",
        ),
        F(
            "服务",
            "{place}上门服务，全套{price}，{platform}",
            "楼凤一枚，{place}，{price}，包你满意{emo}",
            "大保健，莞式服务，{place}，{time}可约",
            "{adult}可约，{price}起，{place}，{platform}",
            "按摩带特殊服务，懂的来，{platform}{emo}",
            "{place}有{adult}，包夜{price}，{platform}",
        ),
        F(
            "粗口",
            "想操你{emo}",
            "{time}让我干死你{emo}",
            "操你一整晚，来不来",
            "想被狠狠地操{emo}",
            profanity=1,
        ),
        F(
            "欲望",
            "好想和你上床{emo}",
            "想看你不穿衣服的样子{emo}",
            "{time}来我床上{emo}",
            "想舔遍你全身{emo}",
            "把衣服全脱了给我看{emo}",
        ),
        F(
            "裸照",
            "发张裸照看看{emo}",
            "裸聊吗，{platform}{emo}",
            "视频脱给我看，{price}红包",
            "互换裸照，不要假的，{platform}",
            "{time}一起视频裸聊{emo}",
        ),
        F(
            "描述",
            "昨晚和网友开房做了三次{emo}",
            "我们在车里做了一整晚{emo}",
            "昨天3P，两个陌生人{emo}",
            "她叫得整栋楼都听见了{emo}",
        ),
        F(
            "直播",
            "{time}直播脱衣，刷礼物就脱{emo}",
            "一对一裸聊{price}十五分钟，想看什么都行",
            "私密直播间，{platform}进{emo}",
        ),
        F(
            "黑话",
            "老司机开车了，资源在{platform}{emo}",
            "来点色色的{emo}，{platform}",
            "lsp集合，{content}放{platform}了",
            "涩涩资源，懂的都懂，{platform}{emo}",
        ),
        F(
            "包养",
            "包养，{place}，每月{price}，需要陪睡，只要成年人",
            "找长期情人，有偿，要求能过夜，{platform}",
            "有偿陪睡，{price}一次，{place}",
        ),
    ],
    hn=[
        F(
            "性教育",
            "使用安全套可以降低性病风险，疾控中心提供免费检测",
            "和伴侣谈论性同意很重要，每一次都是",
            "艾滋病自愿咨询检测免费，{time}可以去",
            "科学的性健康知识值得每个成年人了解",
            "同意可以随时撤回，这是底线",
        ),
        F(
            "医疗",
            "勃起功能障碍可能和心血管疾病有关，建议就医",
            "产后同房疼痛很常见，可以做盆底康复",
            "紧急避孕药要在72小时内服用，可以问药师",
            "更年期性欲下降可以咨询妇科医生",
        ),
        F(
            "同形词",
            "家政上门服务，保洁阿姨{time}到",
            "公司福利：年终奖加免费体检",
            "约饭吗{time}{lol}",
            "周末开车去郊游",
            "考研资源分享，真题和笔记都有",
            "今晚吃宫保鸡丁",
            "家里养了几只鸡，天天下蛋",
            "北京烤鸭yyds",
            "约个时间开会吧",
            "这位小姐姐的穿搭好好看",
        ),
        F(
            "上门广告",
            "上门维修空调，{price}起，{platform}预约",
            "全套家具打八折，{time}截止",
            "上门开锁换锁，{price}起，随叫随到",
            "上门做饭服务，{price}一次，{platform}预约",
            ads=None,
        ),
        F(
            "恋爱",
            "今天约会他送了花{lol}",
            "结婚纪念日快乐，爱你❤️",
            "他在海边求婚了，我答应了💍",
            "在烟花下第一次牵手，到现在都记得",
            "和老公窝在沙发上看电影，完美的晚上",
        ),
        F(
            "举报",
            "举报这个账号发黄图和广告",
            "有人私信让我发裸照，怎么举报？",
            "群里又有人发色情广告，管理员踢一下",
            "‘同城约’的广告都是诈骗，别点",
            "收到陌生人发的不雅照，已拉黑举报",
        ),
        F(
            "新闻艺术",
            "警方捣毁一个卖淫窝点，{city}",
            "这部电影因为情色镜头被删减",
            "博物馆的古希腊裸体雕塑展很值得一看",
            "扫黄打非专项行动通报",
        ),
        F(
            "健身美食",
            "练臀日🍑 累瘫",
            "水蜜桃🍑上市了，超甜",
            "红烧茄子🍆 下饭神器",
            "热瑜伽{time}，记得带水",
            "这件泳衣好可爱",
        ),
        F(
            "热",
            "热死了🥵 {city}四十度",
            "这辣椒太辣了🥵🔥",
            "这车的设计好性感，线条绝了",
            "有点发热，可能发烧了",
        ),
        F(
            "按摩",
            "中医推拿，缓解腰肌劳损，{price}一小时",
            "足疗店的师傅手法很专业",
            "运动后做个放松按摩，肌肉舒服多了",
            ads=None,
        ),
    ],
)
hand(
    "zh",
    "sexual",
    pos=lines("""
        帅哥，刚来这个城市，今晚想找点乐子，不谈感情😘
        深圳有没有女生周末约？35岁，干净，嘴严，可以开房。
        出自拍福利15块一套，定制视频另算，微信转账
        想知道我裙子下面是什么吗😈 看主页
        全套服务24小时，机场附近，加微信问价
        你好性感，发张不穿上衣的照片🥵
        已婚男找个情人，老婆不会知道的
        附近寂寞少妇在线等你！！点击立即聊天💋
        夫妻找一位女士周六一起玩，双方都是成年人，私聊
        好想把你衣服撕了，就在这里要了你
        会员五折，全裸无删减🔥
        加我QQ，晚上视频聊点刺激的;)
        寂寞吗？真人成人聊天，按分钟收费
        聚会完去我家吧，五分钟就到，保证让你满意
        女28，想找个尊重人的男生一夜情，不聊天不发照片
        可以付钱看你单独表演吗？价格你开
        私密按摩带特殊服务，市中心工作室，找小美
        好想要，谁还醒着来文爱
        红包给够，镜头前做什么都行😏
        婚姻无聊？婚外情交友平台，免费注册，今晚就约
        昨晚约的那个太猛了，天亮前来了三次
        说实话你本人应该在我床上，而不是在头像里😉
    """),
    hn=lines("""
        医生说我性欲下降可能跟抗抑郁药有关，正在调整剂量。
        提醒：疾控中心周三可以免费做艾滋病和性病检测，不用预约。
        怎么跟男朋友说我想重新用安全套？
        又有机器人私信我“寂寞少妇”，已举报拉黑。
        社区医院开设了成人性健康咨询门诊，保护隐私。
        我家猫昨晚生了五只小猫，母子平安🐱
        你能在派对前把架子装到墙上吗？
        这部电影有性爱场面，不适合全家一起看。
        这期播客讲的是性同意，怎么自然地开口询问。
        结婚十周年快乐，嫁给你是我最好的决定❤️
        今天去喂鸟，看到了一只大山雀！
        我姐旅行时订婚了，我哭了一个小时。
        这火锅太辣了，嘴都麻了🥵
        有没有推荐的运动康复按摩？跑步后腿很紧。
        艺术史这门课讲文艺复兴时期的人体绘画。
        计生用品可以在药店和自助售货机买到。
        他把新音响装好了，整个屋子都在震。
        关于成人内容产业的调研报告周二发布。
        深蹲练臀不只为了好看，对腰也好🍑
        我是助产士，什么都见过，来检查不用害羞。
        酒店很不错，大床房带浴缸，含早餐，下次还住。
        上门开锁师傅十分钟就到了，效率真高。
    """),
)

# ------------------------------------------------------------------------- harassment
spec(
    "zh",
    "harassment",
    slots={
        "insult": [
            "废物",
            "蠢货",
            "丑八怪",
            "死肥猪",
            "脑残",
            "智障",
            "loser",
            "神经病",
            "小丑",
            "白痴",
            "low货",
            "窝囊废",
            "戏精",
            "舔狗",
        ],
        "adj": ["恶心", "烦人", "没用", "蠢", "丑", "low", "讨厌"],
        "pinsult": ["傻逼", "sb", "贱人", "人渣", "婊子", "狗东西", "王八蛋"],
        "venue": ["这个群", "班里", "公司", "这个论坛", "宿舍", "队里"],
        "them": ["她", "他", "这个人", "那个主播", "新来的"],
    },
    pos=[
        F(
            "辱骂",
            "你就是个{insult}{lol}",
            "闭嘴吧你个{insult}",
            "没人问你，{insult}",
            "你是{venue}最{adj}的人",
            "说真的你就是个{insult}，大家都知道",
            "看这个{insult}还在装懂{lol}",
        ),
        F(
            "孤立",
            "没人喜欢你，滚出{venue}",
            "{venue}的人都讨厌你，别回来了",
            "我们建了个新群没拉你，因为你太{adj}了",
            "你就不能识相点自己退出{venue}吗",
        ),
        F(
            "网暴",
            "大家去冲{them}私信{lol}",
            "挂了，全网黑{them}",
            "兄弟们冲{them}评论区，骂到删号为止",
            "开盒这个人，地址发群里",
            "人肉{them}，把单位找出来",
            "把{them}照片P了发到学校群里",
            "集体举报{them}的号，随便编个理由",
        ),
        F(
            "威胁",
            "我知道你住哪",
            "你家地址我已经查到了，等着{lol}",
            "我知道你在哪上班，小心点",
            "你的手机号和你妈的我都有，继续说",
            violence=None,
        ),
        F(
            "脏话",
            "你个{pinsult}",
            "{pinsult}闭嘴",
            "滚你妈的，{insult}",
            "nmsl，{insult}",
            "cnm，{insult}",
            "你妈死了，{pinsult}",
            profanity=1,
        ),
        F(
            "外貌",
            "看看你那双下巴{lol}",
            "长这么丑还好意思发自拍",
            "胖成这样还穿短裙，辣眼睛",
            "你牙那么黄，恶心死了",
            "怪不得没人要，看看你这张脸",
        ),
        F(
            "纠缠",
            "为什么不回我消息？我就在你家楼下",
            "拉黑我也没用，我会一直换号找你",
            "今天在超市看见你了，明天见",
            "再不理我我就去你公司找你",
            violence=None,
        ),
        F(
            "勒索",
            "不给钱我就把你照片发出去",
            "不听我的我就把聊天记录发到你们班群",
            "转{price}，不然你家人都会看到截图",
        ),
        F(
            "叫人去死",
            "你怎么还不去死",
            "去死吧{insult}",
            "活着浪费空气，赶紧消失",
            "世界上少了你会更好，{insult}",
            self_harm=None,
        ),
        F(
            "性骚扰言论",
            "多笑笑嘛美女，笑起来更骚",
            "腿不错，可惜脸不行{lol}",
            "你能升职还不是因为陪{role}睡了",
            sexual=None,
        ),
        F(
            "贬低",
            "你太蠢了，说了你也不懂",
            "你这辈子都不会有出息",
            "又搞砸了吧，{insult}就是{insult}",
            "大家背后都在笑你",
        ),
    ],
    hn=[
        F(
            "玩笑",
            "你个小傻瓜，又忘带钥匙了{lol}",
            "笑死我了你{lol}",
            "你真是个天才{lol}",
            "闭嘴，这也太好看了吧！！",
            "你好笨哦{lol}爱你",
            "救命你要笑死我",
        ),
        F(
            "自嘲",
            "我真是个废物，手机又落在公交上了",
            "我太菜了，连输六把{lol}",
            "照片里的我像个土豆{lol}",
            "不喝咖啡我就是个废人",
        ),
        F(
            "批评",
            "这个论点站不住脚，数据不支持",
            "这部电影又长又无聊",
            "你代码第40行有bug，合并前改一下",
            "裁判这个判罚太离谱了",
            "我不同意这篇影评，结局明明是最好的部分",
        ),
        F(
            "求助举报",
            "有人一直私信骂我，在{platform}怎么拉黑？",
            "他说‘没人喜欢你’，我已经举报了",
            "女儿在班级群被孤立，该怎么办",
            "有人把我的信息开盒了，已经报警",
            "被网暴的截图已经交给学校了",
        ),
        F(
            "反霸凌",
            "网络暴力不可取，遇到请保留证据",
            "本群禁止人身攻击，请先看群规",
            "如何帮助被霸凌的同事",
            "看到有人被围攻，不要跟风，去举报",
        ),
        F(
            "吐槽产品",
            "这手机真垃圾",
            "客服太差了，等了两小时",
            "更新后的界面丑死了，还我旧版",
            "垃圾分类从我做起",
            "破打印机又卡纸了",
        ),
        F(
            "游戏",
            "gg，下把再来",
            "明天再战，准备输吧{lol}",
            "输的人请喝奶茶",
            "这把被虐惨了{lol}",
            "周六的知识竞赛我们要碾压你们{lol}",
        ),
        F(
            "作品",
            "第三章反派嘲笑主角是懦夫",
            "剧里那个霸凌者终于得到报应了",
            "这部话剧讲一个女孩被网暴后反击的故事",
        ),
        F(
            "宠物",
            "我家狗傻乎乎的又撞门了{lol}",
            "这猫就是个小恶霸，把我咖啡打翻了",
            "公园的大鹅追了我五十米{lol}",
        ),
    ],
)
hand(
    "zh",
    "harassment",
    pos=lines("""
        班里没人喜欢你，大家只是怕你哭才装的。
        哈哈看她唱歌，谁去告诉她像杀猪一样
        你再在群里发一句，我保证让你日子不好过
        你真是我共事过最蠢的人，你是怎么被招进来的？
        大家一起举报这个号，她就是个骗子，封了她
        我从快递单上拿到你家地址了，你自己想想吧
        你丑得你妈都后悔生你
        继续不理我试试，你以前的聊天记录我都留着
        闭嘴吧死胖子，没人想听你说话
        你怎么还有脸来？队里没人想要你
        我用你的照片建了个小号，大家都信了🤣
        你孩子跟你一样蠢，遗传的吧
        我每天都去你每条动态下面评论，直到你退网，反正我闲
        你就是个失败者，你爸妈肯定很丢脸
        别发了，你每个视频都尬得要死
        今天看见你在厕所哭了，真可怜
        等大家看到你背后说他们的截图吧😈
        你死了都没人去你葬礼哈哈
        你就是个老鼠，活该一个人
        sb一个，还好意思出来说话
    """),
    hn=lines("""
        我弟说我放假还看书是书呆子，好吧他说得对。
        学校有人给我儿子起外号，老师说会处理。
        我真是个憨憨，今天上班撞到玻璃门上了。
        这个软件太垃圾了，五分钟就把我登出一次。
        你的作文不错，但结尾有点弱，建议重写最后一段。
        被小学生队5比0血虐，心服口服。
        已经举报了一直骂我朋友的账号，看到的也帮忙举报一下。
        哈哈你个傻瓜，爱你，生日快乐🎉
        遇到网络暴力可以拉黑、保存证据，再去举报。
        那是我犯的一个蠢错误，对不起大家。
        这本书的反派太坏了，恨得牙痒痒。
        今天那个经理态度很差，我要写投诉。
        公司的培训讲了职场骚扰以及怎么举报。
        马里奥赛车之夜，输的人请吃披萨。
        最讨厌电影院里有人大声说话。
        今天的裁判简直是来搞笑的，三个点球都没判。
        天天骂同学“废物”就是霸凌，学校必须管。
        你家猫长得像个暴躁老头，我好喜欢。
        别再吐槽我的穿搭了，我就喜欢舒服。
        这个表格是谁做的，简直噩梦。
        对面说我们是陪跑的，结果我们赢了，哈！
        xswl，你这个表情包太好笑了
    """),
)

# --------------------------------------------------------------------------- violence
spec(
    "zh",
    "violence",
    slots={
        "hurt": [
            "杀了你",
            "弄死你",
            "打断你的腿",
            "砍死你",
            "捅死你",
            "把你打进医院",
            "一枪崩了你",
            "烧了你家",
            "废了你",
            "打得你爹妈都不认识",
        ],
        "hurt3": ["砍了", "捅了", "弄死", "打残", "撞死", "废了", "收拾了"],
        "target_place": ["派出所", "他的店", "那个酒吧", "仓库", "房东家", "公司大楼"],
        "venue": ["学校", "公司", "商场", "演唱会", "火车站"],
        "arm": ["棍子", "刀", "砖头", "钢管", "家伙"],
    },
    pos=[
        F(
            "直接威胁",
            "我要{hurt}",
            "下次见到你我一定{hurt}",
            "你给我等着，我{hurt}",
            "你死定了",
            "再说一遍，我{hurt}{lol}",
            "记住你这张脸了，迟早{hurt}",
            harassment=1,
        ),
        F(
            "威胁第三方",
            "明天我就去把{role}{hurt3}",
            "谁去把{role}{hurt3}",
            "{role}再多说一句我就把他{hurt3}",
            "{time}就去找{role}，把他{hurt3}",
        ),
        F(
            "煽动",
            "大家一起去把{role}{hurt3}",
            "{time}带上{arm}到{place}集合，见一个打一个",
            "烧了{target_place}，谁跟我去",
            "查到{role}住哪，上门教训他",
        ),
        F(
            "美化",
            "那一刀捅得真漂亮，再来",
            "打{role}的那个人是英雄",
            "就爱看打架视频，多发点",
            "他活该挨打，可惜没打死",
            "谁烧了{target_place}，干得好🔥",
        ),
        F(
            "诅咒",
            "希望{role}出门被车撞死",
            "祝你全家死光",
            "希望有人把他打死",
            "希望你回家路上被人打",
        ),
        F(
            "报复社会",
            "明天去{venue}见一个杀一个",
            "我要让{venue}的人都付出代价，明天你们就知道了",
            "报复社会，{time}去{venue}",
            "最后一天去{venue}了，他们会记住我的",
            weapons=None,
            extremism=None,
        ),
        F(
            "家暴",
            "她再顶嘴我就抽她",
            "老婆不打不听话",
            "这种女人就该打",
        ),
        F(
            "虐待动物",
            "把邻居家那条狗打死算了，天天叫",
            "抓几只流浪猫来虐，好玩{lol}",
            "用石头砸天鹅，太好玩了{lol}",
        ),
    ],
    hn=[
        F(
            "习语",
            "笑死我了{lol}",
            "杀青啦！感谢剧组",
            "双十一秒杀，手慢无",
            "帮我砍一刀{lol}",
            "杀毒软件更新了",
            "最后一秒绝杀！",
            "这道题我秒杀",
            "累死了，今天走了两万步",
            "这家店的炸鸡绝了",
            "这首歌炸裂",
            "杀价杀到八折",
            "干饭人干饭魂{lol}",
            "这波操作炸了",
        ),
        F(
            "体育",
            "4比0血洗对手{lol}",
            "第二回合KO，太精彩了",
            "他三十米外一脚爆射破门",
            "这场被对面打爆了",
            "拳王一记上勾拳结束比赛",
        ),
        F(
            "游戏",
            "王者荣耀五杀！",
            "吃鸡了！大吉大利",
            "隔着半张图爆头🎯",
            "先把boss打死再说",
            "又死在最后一关",
        ),
        F(
            "新闻",
            "{city}一男子持刀伤人，已被警方控制",
            "法院以故意伤害罪判处被告十二年",
            "警方通报：网上发布威胁言论男子被行政拘留",
            "{city}去年暴力犯罪下降8%",
        ),
        F(
            "历史",
            "抗战时期的炸弹在工地被发现，已安全处置",
            "南京大屠杀死难者国家公祭日",
            "纪念抗战胜利八十周年",
            "这座城墙在战争中被烧毁过",
        ),
        F(
            "谴责",
            "暴力解决不了问题",
            "网上威胁他人是违法的，请举报",
            "家暴不是家务事，可以报警",
            "遇到威胁请保存证据并报警",
        ),
        F(
            "作品",
            "这部武侠小说打斗写得太好了",
            "剧里反派扬言要毁灭整座城市",
            "悬疑剧里凶手终于找到了",
            "电影里主角为了复仇单挑整个帮派",
        ),
        F(
            "训练",
            "散打课{time}开课",
            "女子防身术讲座，免费报名",
            "拳击训练：刺拳、直拳、勾拳",
        ),
        F(
            "日常",
            "帮我拍张夕阳的照片",
            "把鸡蛋打散",
            "把蒜拍碎",
            "菜市场杀鱼的师傅手法真快",
            "下车前把火熄了",
            "打车回家",
        ),
    ],
)
hand(
    "zh",
    "violence",
    pos=lines("""
        你再叫一次我的名字，我把你骨头全打断。
        周六球场要是碰见他，直接捅了，没什么好说的。
        真该把那栋楼连房东一起烧了
        说实话只有有人一枪崩了他才能结束，有人去吗？
        放学在校门口等你，你今天别想回家。
        本周最佳视频，那人被踩头都没人管😂
        我会找到你，让你付出代价。我已经没什么可失去的了。
        叫上所有人，带上棍子，今晚去他们小区让他们知道厉害。
        前任运气好，我不知道她现在住哪，不然早就让她躺进盒子里了。
        见到下一个城管我就撞过去，说到做到。
        那次袭击就是他们应得的，应该多来几次。
        训练完一起去收拾新来的，让他知道规矩。
        裁判再这么判，就有人把他打进医院，可能就是我。
        再说一句我让你入土。
        明天我带个东西去学校，他们都会后悔笑我
        烧他们的车，砸他们的窗，让他们不敢回来。
        打那个老头的人是好样的，应该打得更狠
        我要弄死你，你记住
        希望有人把他从家里拖出来打到动不了
        邻居家的狗再叫一声我就弄死它
    """),
    hn=lines("""
        今天的汇报我直接杀疯了，客户超满意！
        头疼死了，今天早点睡。
        警方发布悬赏通告，寻找周五晚酒吧门口伤人案的目击者。
        港口发现的二战时期炸弹已被排爆人员安全引爆。
        主场1比6被血洗，本赛季最惨一场。
        这本书把那场战役写得很详细，沉重但值得读。
        开始练巴西柔术，每周都被六十岁的大爷锁喉。
        和哥们打了一晚上使命召唤，被虐得很惨。
        威胁老师的行为绝不能接受，学校已经报警。
        再忘记我姐生日她会杀了我的😅
        艾尔登法环那个boss我打了四十次，终于过了。
        村里的烈士纪念碑上刻着两百多个名字。
        这场脱口秀太炸了，全场笑到哭。
        打工人天天被老板压榨，累死累活。
        市政府谴责针对清真寺的袭击，并向社区表示支持。
        这个bug我找了一下午，终于修好了。
        关于卢旺达大屠杀的纪录片让人心碎，但很重要。
        我小说里主角和龙打了一架，丢了一条胳膊，会不会太狠？
        如果在家里受到威胁，可以拨打110报警。
        电影今天杀青，大家辛苦了！
    """),
)

# ------------------------------------------------------------------- violence/graphic
spec(
    "zh",
    "violence-graphic",
    slots={
        "part": ["头", "脸", "胳膊", "腿", "胸口", "肚子", "下巴", "手", "头骨"],
        "gore": [
            "骨头从皮肉里戳出来",
            "血喷得到处都是",
            "肠子流了一地",
            "脑浆溅了一墙",
            "半张脸都没了",
            "眼球掉了出来",
            "血肉模糊",
            "肉都翻了出来",
            "碎肉粘在路上",
        ],
        "ev": ["车祸", "爆炸", "斗殴", "火车事故", "枪击", "工地事故", "袭击"],
        "emo": ["🤮", "😱", "💀", "🩸", "", ""],
    },
    pos=[
        F(
            "伤口",
            "他的{part}被压碎了，{gore}",
            "{ev}之后现场{gore}",
            "我亲眼看见的，{gore}，忘不掉{emo}",
            "掀开白布一看，{gore}",
        ),
        F(
            "分享视频",
            "看这个，一个人的{part}被卡车碾碎{emo}",
            "{ev}无码原视频，能看到{gore}{emo}",
            "完整视频在{platform}，{gore}，没打码{emo}",
            "{ev}现场原片，{gore}，胆小勿入{emo}",
        ),
        F(
            "战争",
            "尸体都烧焦了，到处是烧糊的肉",
            "战壕里全是尸体，泥里都是断肢，{gore}",
            "尸体在街上腐烂，野狗在啃",
            "炮弹打中防空洞，{gore}",
        ),
        F(
            "猎奇",
            "多发点血腥的，我想看真的尸体{emo}",
            "砍头视频在评论区{emo}",
            "有没有那个{gore}的视频？求",
            "年度最血腥合集，{gore}",
        ),
        F(
            "动物",
            "那条狗被剥了皮挂在树上，还在滴血",
            "门口发现一只被撕成两半的猫，内脏流了一地",
            "被撞的鹿肠子铺满了两条车道",
        ),
        F(
            "现场",
            "发现他的时候手指被砍掉了，{gore}",
            "整个房间都是血，{gore}",
            "尸体在水里泡了几个星期，肿胀腐烂",
            "碎尸被装在袋子里扔在{city}各处",
        ),
    ],
    hn=[
        F(
            "急救",
            "用力按压伤口止血，然后打120",
            "流鼻血要身体前倾，捏住鼻翼",
            "开放性骨折要马上就医，不要自己复位",
            "急救培训{time}：包扎、烧伤处理和心肺复苏",
        ),
        F(
            "医疗",
            "医生把我撕裂的韧带修好了",
            "验血结果一切正常",
            "下周拆线",
            "手术很顺利，伤口恢复得不错",
            "急诊{time}人好多，割伤手等了四个小时",
        ),
        F(
            "美食",
            "毛血旺yyds",
            "鸭血粉丝汤当早饭",
            "牛排要三分熟，带点血丝",
            "杀鸡去毛，洗干净炖汤",
            "猪血豆腐汤很下饭",
        ),
        F(
            "习语",
            "双十一血拼{lol}",
            "这价格让我吐血",
            "狗血剧情看得停不下来",
            "看完热血沸腾",
            "心碎了一地💔",
            "考砸了，分数惨不忍睹",
            "我死了💀{lol}",
        ),
        F(
            "新闻",
            "高速发生车祸，三人死亡，警方通报",
            "地震造成数十人遇难",
            "伤者已被送往医院，伤势严重",
            "工厂发生事故，一名工人受伤",
        ),
        F(
            "影评",
            "这部恐怖片血腥镜头很多，胆小慎入",
            "这个丧尸游戏可以在设置里关闭血腥效果",
            "特效有点假，不够吓人",
            "本集含有暴力画面，请注意",
        ),
        F(
            "其他",
            "无偿献血{time}，一次献血可以帮助三个人",
            "痛经太难受了{lol}",
            "兽医给我家狗缝了爪子",
            "刷牙牙龈出血，要看牙医吗",
            "拔智齿流了好多血",
        ),
        F(
            "万圣节",
            "万圣节丧尸妆教程🎃",
            "特效化妆：用蜡做逼真的伤疤",
            "鬼屋里到处是假断手{lol}",
        ),
        F(
            "历史自然",
            "博物馆展出了古代的外科器械",
            "动物纪录片里狮子捕猎斑马",
            "展厅里的木乃伊有三千多年历史",
        ),
    ],
)
hand(
    "zh",
    "violence-graphic",
    pos=lines("""
        车被切开的时候司机还在里面，脸被玻璃削掉了一半。
        我看了那个贩毒集团的视频，他们慢慢把人头割下来举到镜头前。
        血多到从门缝底下流出来，他的胳膊掉在一米外。
        看这个😂 那人掉进机器里出来变成肉馅了
        那条狗把人的喉咙撕开了，能看见气管。
        事故视频流出：人被火车碾成两截，无码完整版。
        味道太可怕了，尸体在高温下胀裂，到处是蛆。
        爆炸后他的下巴只剩一块皮连着。
        有没有那个工人被卷进粉碎机的视频链接？还想再看一遍。
        在树林里找到的遗体被狐狸啃了一半，一只胳膊还在袖子里。
        血腥帖：发你们见过最恶心的真实死亡照片
        子弹把他后脑勺掀飞了，脑浆糊在后面墙上。
        他们把尸体拖在卡车后面，直到脸都磨没了
        火灾里他手上的皮都化了，骨头是黑的。
        她的腿在膝盖处反折，骨头从牛仔裤里戳出来。
        车祸现场照片无码，路上都是人体碎块。
        老鼠夹把它头直接夹断了，血溅得到处都是哈哈
        从河里捞上来的时候，眼睛已经被鱼吃掉了。
        处决完整视频，开枪后什么都看得清清楚楚，没打码。
        伤口深得能看见肋骨在血里动。
    """),
    hn=lines("""
        今天拔了智齿，出了不少血，医生说是正常的。
        生物课解剖了猪心，说实话挺有意思的。
        这个月请大家去献血，O型血库存很紧张。
        京沪高速发生车祸，造成拥堵，两人送医。
        儿子骑车摔了，下巴缝了六针，现在没事了。
        这部恐怖片对我来说太血腥了，捂着眼睛看完的。
        战争博物馆的战壕展区很感人，但并不血腥。
        鸡肉切条，腌一个小时。
        护士讲解怎么清理伤口、什么情况需要缝针。
        我们0比5输了，从开场就是一边倒的屠杀。
        纪录片用平实的语言讲述了那场饥荒，没有放刺激的画面。
        万圣节派对布置了一个番茄酱“凶案现场”，超逼真。
        猫又叼回来一只死老鼠，谢谢你的礼物哦。
        做急救员会看到一些很难受的场面，但单位有心理支持。
        结局我哭了，心都被掏空了。
        注意：本文描述了一起致命事故。
        冬天来一锅毛血旺，太爽了。
        虽然输了，但为球队骄傲。
        医生说手术会在膝盖留一道十厘米的疤。
        晒伤了，整个背都在脱皮。
    """),
)

# -------------------------------------------------------------------------- extremism
spec(
    "zh",
    "extremism",
    slots={
        "group": [
            "伊斯兰国",
            "ISIS",
            "IS",
            "基地组织",
            "青年党",
            "博科圣地",
            "哈里发国",
            "圣战组织",
        ],
        "attack": [
            "市场爆炸案",
            "音乐会袭击",
            "教堂袭击",
            "卡车撞人袭击",
            "使馆爆炸案",
            "体育场袭击",
            "犹太会堂枪击案",
        ],
        "wallet": ["比特币地址在{platform}", "USDT地址私聊", "找老兄弟转账"],
    },
    pos=[
        F(
            "赞美",
            "{group}是真正的英雄，愿他们胜利",
            "{group}万岁🏴",
            "支持{group}，只有他们敢反抗",
            "{group}没做错任何事，他们在保护我们",
            "{group}必胜，敌人去死",
            violence=None,
        ),
        F(
            "招募",
            "想加入{group}的私聊{platform}，帮你安排出境",
            "兄弟们，战斗需要你们，联系{platform}",
            "{group}招战士，只要认真的，{platform}",
            "别光说不做，{group}在招人，{place}也有联络人",
        ),
        F(
            "宣传",
            "{group}新视频出了，赶紧转发，不然被删了",
            "下载{group}最新一期杂志，链接在{platform}",
            "把{group}的战歌传出去，让异教徒害怕",
            "{group}声明的镜像链接，各平台都发一遍",
        ),
        F(
            "美化袭击",
            "{attack}是神圣的行动，还会有更多",
            "{attack}的烈士永远是英雄",
            "{attack}只是开始，我们还会再来",
            "{attack}那天是我今年最开心的一天",
            violence=1,
        ),
        F(
            "号召",
            "在他们的城市发动圣战，就在{time}",
            "在哪里遇到他们就在哪里打击，{group}在召唤你",
            "真正的战士要独自行动，不用等命令",
            "独狼们，时候到了，像{attack}一样让他们付出代价",
            violence=1,
        ),
        F(
            "资助",
            "给{group}的战士捐款，{wallet}",
            "用加密货币支持{group}，每一分钱都给兄弟们",
        ),
        F(
            "效忠",
            "我向{group}效忠",
            "至死追随{group}的首领",
            "不管{group}要我做什么，我都跟到底",
        ),
    ],
    hn=[
        F(
            "新闻",
            "{group}宣称对{attack}负责",
            "安全部队击毙{group}一名高级指挥官",
            "联合国报告详述{group}的资金来源",
            "一男子因在网上传播{group}宣传品被判刑",
            "{attack}幸存者参加悼念活动",
        ),
        F(
            "研究",
            "我的论文研究{group}如何在网上招募",
            "一门关于极端化、宣传与预防的课程",
            "这本书梳理了{group}从2004年至今的历史",
            "研究人员分析年轻人为什么会加入{group}这样的组织",
        ),
        F(
            "谴责",
            "{group}就是杀人犯，跟宗教无关",
            "悼念{attack}的遇难者",
            "恐怖主义没有任何借口",
            "看到{group}的宣传内容请举报，不要转发",
        ),
        F(
            "预防",
            "国际反恐合作不断加强",
            "平台去年删除了数百万条恐怖主义内容",
            "社区开展反恐防暴应急演练",
            "去极端化项目可以降低再犯率",
        ),
        F(
            "游戏作品",
            "《反恐精英》里匪徒要下包{lol}",
            "电影里的反派领导着一个恐怖小组",
            "匪徒胜利，gg{lol}",
            "这部谍战小说讲特工卧底极端组织",
        ),
        F(
            "宗教",
            "开斋节快乐，祝大家平安",
            "楼下清真餐厅的牛肉面真好吃",
            "“吉哈德”在阿拉伯语里也有自我奋斗的意思",
            "周五清真寺的聚礼一点开始",
            "在早期基督教里，殉道者是为信仰而死的人",
        ),
        F(
            "历史",
            "博物馆里有关于欧洲恐怖主义历史的展览",
            "北爱尔兰和平协议结束了几十年的暴力",
            "抗日战争纪念馆免费开放",
        ),
        F(
            "习语",
            "这个方案太激进了",
            "周末去玩极限运动：攀岩、漂流、蹦极",
            "他一上台就炸场了",
            "这款新品成了爆款",
            "极端天气预警，注意防暑",
        ),
    ],
)
hand(
    "zh",
    "extremism",
    pos=lines("""
        伊斯兰国的兄弟们是唯一在保卫乌玛的人，愿真主赐他们胜利。
        想去哈里发国的私聊我，那边有人接应。
        音乐会那次袭击是伟大的胜利，烈士们都进了天堂。
        阿玛克通讯社新视频，趁异教徒删之前赶紧转发。
        别在网上浪费时间了，真正的男人去行动，追随兄弟们的道路。
        关注了青年党的电报频道，荣耀归于战士们。
        那个枪手是英雄，他的宣言每个人都该读。
        我们需要更多像上周那样的行动，持续施压。
        给圣战者捐款，链接在群里，每一块钱都有用。
        我已经宣誓了，无论在哪里，我现在都是哈里发国的战士。
        伊斯兰国会重新崛起，旗帜会插遍世界。
        每杀死一个异教徒士兵都是恩赐，继续发视频。
        体制不会自己倒下，未来属于独狼。
        听了新的战歌，起鸡皮疙瘩，国家的雄狮要来了。
        我祈祷有一天能成为烈士，到时候一定轮到我。
        把那次行动的视频到处转，让敌人看看我们的力量。
        博科圣地在替天行道，西方的学校都该烧掉。
        下一次袭击要更大，要让全世界听到我们。
        欧洲的兄弟们，不用出国，就地战斗。
        谁有IS的新视频，发我一份，我要转给群里的兄弟
    """),
    hn=lines("""
        三名被控以伊斯兰国名义策划袭击的男子今天受审。
        历史课在讲伊斯兰国在伊拉克和叙利亚的兴起与覆灭。
        我是穆斯林，伊斯兰国不代表我，也不代表我认识的任何人，他们就是罪犯。
        开斋节快乐，我们全家祝大家节日快乐！
        纪录片讲了基地组织如何用视频在网上招募年轻人。
        巴黎恐袭十周年，我们缅怀遇难者。
        用户举报后，平台删除了那条宣传视频。
        我爷爷打过仗，但他从来不提。
        匪徒每局都冲B点，这把一定要守住。
        教育部门发布了校园安全和预防极端化的指导意见。
        警方抓获一名涉嫌策划暴力活动的男子。
        研究显示，很多人是因为朋友关系才离开极端组织的。
        阿訇在主麻日讲的是耐心和善待邻居。
        这部惊悚片讲一名记者卧底极端组织的故事。
        这个新出的辣酱绝了，简直是炸弹级别。
        如果家人有被极端思想影响的迹象，尽早寻求专业帮助。
        我的毕业论文写的是网络极端化与内容审核。
        今天有极端高温，出门注意防晒。
        周末去爬山，挑战极限。
        清真寺这周组织居民一起做公益，欢迎大家参加。
    """),
)

# ---------------------------------------------------------------------------- weapons
spec(
    "zh",
    "weapons",
    slots={
        "gun": [
            "手枪",
            "仿真枪",
            "气枪",
            "钢珠枪",
            "猎枪",
            "五四式",
            "六四式",
            "气狗",
            "高压气枪",
            "木仓",
            "qiang",
            "火药枪",
        ],
        "part": ["枪管", "撞针", "消音器", "弹夹", "枪支配件", "全套配件", "铅弹"],
        "qual": ["无手续", "包过安检", "手续不用", "全新未用", "现货", "带弹", "可试枪"],
        "boom": ["雷管", "炸药", "土炸弹", "手榴弹", "导火索"],
        "blade": ["管制刀具", "开山刀", "军刺", "三棱刀", "甩棍", "弹簧刀", "蝴蝶刀"],
        "emo": ["🔫", "💥", "🔥", "💯", "", ""],
    },
    pos=[
        F(
            "出售",
            "出{gun}，{qual}，{price}，{platform}{emo}",
            "{place}出{gun}，{qual}",
            "{gun}加一盒子弹，{price}，{place}面交",
            "{gun}现货，{qual}，诚心要的私聊{emo}",
            "新到{gun}、{gun}，价格{platform}问",
        ),
        F(
            "黑话",
            "出枪，懂的来，{platform}",
            "出木仓，{qual}，{platform}{emo}",
            "出q，{part}齐全，{platform}",
            "出狗，{price}，{place}可面交",
            "大狗小狗都有，{qual}，私聊",
        ),
        F(
            "求购",
            "收{gun}，价格好说，{place}",
            "哪里能买到{gun}，不要手续的",
            "求一把{gun}，{time}要，钱不是问题",
            "有案底办不了证，谁能搞到枪",
            "{place}谁有{gun}，出个价",
        ),
        F(
            "配件",
            "出{part}，{price}，{platform}",
            "{part}现货，隐蔽发货{emo}",
            "谁有{part}，要三套",
        ),
        F(
            "制作",
            "有没有3D打印枪的图纸，私我",
            "怎么自己做一把{gun}，有教程吗",
            "出自制{gun}，{price}，{platform}",
            "怎么做炸弹，认真的，给钱",
        ),
        F(
            "爆炸物",
            "出{boom}，诚心要的私聊，{platform}",
            "{place}有{boom}，{price}",
            "哪里能搞到{boom}，价钱好说",
        ),
        F(
            "刀具",
            "出{blade}，包邮，不用身份证",
            "{blade}{price}一把，{platform}{emo}",
            "{place}出{blade}，{qual}",
        ),
        F(
            "暗网",
            "枪支隐蔽发货，只收加密货币，链接在{platform}",
            "暗网卖家，{gun}现货，包到{emo}",
        ),
    ],
    hn=[
        F(
            "厨房刀具",
            "德国菜刀套装，本周八折",
            "日式三德刀，切菜特别顺手",
            "磨刀师傅{time}在小区门口，{price}一把",
            "{price}以内的面包刀推荐？",
            ads=None,
        ),
        F(
            "游戏",
            "他出枪很快，CS高手",
            "吃鸡里AK压枪好难{lol}",
            "和平精英最强狙击枪配件怎么搭",
            "原神新出的大剑好强",
            "这把枪的皮肤太好看了",
        ),
        F(
            "新闻",
            "警方收缴非法枪支弹药，{city}",
            "一男子网上非法买卖枪支被判刑",
            "海关查获一批枪支配件",
            "公安机关开展打击涉枪涉爆专项行动",
        ),
        F(
            "玩具工具",
            "公园水枪大战{time}{lol}",
            "热熔胶枪做手工，有推荐的吗",
            "租了把钉枪修木地板",
            "喷枪烤焦糖布丁",
            "小朋友的泡泡枪坏了",
        ),
        F(
            "习语",
            "他笑起来杀伤力太大了",
            "这首歌是炸弹级别的好听",
            "他成了枪打出头鸟的那只鸟",
            "他是我们销售部的王牌",
            "今晚吃炸鸡",
            "手机炸了，屏幕全黑",
        ),
        F(
            "狗",
            "我家狗超乖的",
            "出门遛狗{time}",
            "狗狗疫苗打完了",
        ),
        F(
            "体育博物馆",
            "军事博物馆的古代兵器展很好看",
            "射箭馆新开业，周末去试试",
            "我国射击运动员夺得金牌",
            "击剑比赛{time}在体育馆举行",
        ),
        F(
            "宣传",
            "发现网上贩卖枪支请立即举报",
            "3D打印枪支违法，专家提醒",
            "学校开展安全教育，禁止携带管制刀具",
            "非法持有枪支是犯罪，主动上交可从宽处理",
        ),
    ],
)
hand(
    "zh",
    "weapons",
    pos=lines("""
        出一把干净的手枪，没开过，没手续，七千现金，诚心的私聊
        这边有人知道哪里能搞到枪吗？不走正规渠道的。
        出气狗，高压的，配件齐全，飞机联系
        找个人帮我打印个枪架子，钱好说，别问为什么。
        两把猎枪一盒子弹，这周必须出手，价格可谈。
        谁有木仓出，周六前要
        开山刀、军刺、甩棍都有现货，送货上门不查身份证。
        需要一把防身，有案底办不了证，兄弟帮帮忙。
        你要什么我都能搞到，手枪、猎枪，什么都行，你说。
        出手榴弹，真的，部队流出来的，诚心买的来
        找人把我的发令枪改成真的
        自制枪套件到货，没有编号，隐蔽发货。
        兄弟我有家伙，周末要不要借你？两百
        谁卖连发改装件？想让我的枪能连射。
        后备箱有把锯短的猎枪，想看可以先看再买。
        暗网哪里能买枪？哪个市场靠谱？
        缺点子弹，合法渠道买不到，谁有？
        出消音器加一把手枪，别问从哪来的。
        图纸私聊，改全自动，查不到。
        谁能教我怎么做炸弹？认真的，给钱。
    """),
    hn=lines("""
        他打CS出枪贼快，压枪也稳。
        警方今晨行动，收缴非法枪支四十支及大量子弹。
        儿子的水枪漏水，有更好的推荐吗？
        谈判的时候坚持住，别让他们压你工资。
        博物馆有一整个厅的古代铠甲和刀剑，孩子们很喜欢。
        热熔胶枪又烫到手了，做手工真危险哈哈
        周末的拍摄很顺利，谢谢摄影师。
        我家狗今天学会握手了！
        持刀伤人事件让很多家庭破碎，需要更多青少年活动场所。
        爷爷留下的老猎枪要怎么上交给派出所？
        需要一把新的面包刀，现在这把连番茄都切不动。
        更新后新狙击枪太强了，求削弱。
        一男子在网上出售改装枪支被判十四年。
        钓鱼竿断了，那条鱼太大了。
        射箭俱乐部欢迎新手，器材免费提供。
        他新歌简直是炸弹，单曲循环一整周。
        过年放鞭炮把猫吓跑了一晚上。
        射击运动员在比赛中打出满环。
        这家炸鸡店排队排到马路上。
    """),
)

# ------------------------------------------------------------------------------ drugs
spec(
    "zh",
    "drugs",
    slots={
        "drug": [
            "冰",
            "冰毒",
            "叶子",
            "大麻",
            "K粉",
            "K",
            "麻古",
            "摇头丸",
            "白粉",
            "海洛因",
            "邮票",
            "开心水",
            "笑气",
            "LSD",
            "可卡因",
            "上头电子烟",
            "bing",
            "yz",
            "d品",
        ],
        "unit": ["一克", "一包", "一板", "一粒", "一条", "一瓶"],
        "emo": ["🔥", "💯", "🍃", "❄️", "💊", "", ""],
    },
    pos=[
        F(
            "出售",
            "出{drug}，{place}，{price}，{platform}{emo}",
            "有需要{drug}的吗，同城送货{emo}",
            "{drug}现货，{price}{unit}，{platform}",
            "新到一批{drug}，货好，{platform}",
            "{place}走货，{drug}、{drug}都有",
        ),
        F(
            "求购",
            "{place}哪里有{drug}，求带",
            "求个靠谱的{drug}渠道，{time}要",
            "有没有人出{drug}，{place}，现金",
            "想搞点{drug}，谁有门路",
        ),
        F(
            "推广",
            "第一次溜冰太爽了，推荐",
            "飞叶子的感觉绝了，都去试试",
            "{drug}是好东西，人生一定要试一次{emo}",
            "打K嗨一晚上，{time}谁来",
            "不碰{drug}的人生不完整",
        ),
        F(
            "邮寄",
            "{drug}隐蔽发货，全国包邮，只收USDT",
            "暗网卖家，五星好评，{drug}{price}",
            "真空包装，{drug}快递到家，{platform}",
        ),
        F(
            "处方药",
            "曲马多不用处方，{price}一盒",
            "安眠药不要处方，{platform}，包邮",
            "右美沙芬止咳水批发，懂的来",
        ),
        F(
            "聚会",
            "{time}派对带点{drug}，一起嗨",
            "蹦迪前先来点{drug}{emo}",
            "谁带{drug}去音乐节？{emo}",
        ),
        F(
            "招人",
            "招代收货，{price}一天，不问为什么",
            "找人帮忙带货，{place}，{price}",
            "招送货的，自己有车，日结{price}",
        ),
    ],
    hn=[
        F(
            "新闻",
            "警方缴获冰毒3公斤，{city}",
            "贩毒人员被判有期徒刑六年",
            "海关查获藏在货车里的毒品",
            "6·26国际禁毒日宣传活动",
            "{city}破获特大贩毒案",
        ),
        F(
            "戒毒康复",
            "戒毒两年了🙏",
            "在社区戒毒康复中心做志愿者",
            "以前走错过路，现在给青少年讲禁毒课",
            "一天一天来，已经九十天了",
        ),
        F(
            "药店",
            "去药店买感冒药",
            "遵医嘱服用止痛药",
            "停抗抑郁药前一定要问医生",
            "布洛芬还是对乙酰氨基酚？",
        ),
        F(
            "同形词",
            "溜冰场{time}开放{lol}",
            "来一杯冰可乐",
            "树叶子都黄了",
            "我爸喜欢邮票收藏",
            "周末去K歌{lol}",
            "一包开心果",
            "神仙水是SK-II的精华",
            "牙科用笑气镇静，不疼",
            "这首歌太上头了",
            "这奶茶好上头",
            "飞机晚点两个小时",
            "嗨翻全场{lol}",
            "叶子落了一地",
            "白粉笔写在黑板上",
        ),
        F(
            "教育",
            "禁毒教育进校园",
            "纪录片讲述毒品对大脑的伤害",
            "家长要和孩子聊聊毒品的危害",
            "新型毒品伪装成奶茶、邮票，提醒大家警惕",
        ),
        F(
            "举报",
            "群里有人卖毒品，已经举报给管理员",
            "怎么匿名举报贩毒？",
            "网上说能送{drug}的基本都是骗子或者钓鱼执法",
        ),
        F(
            "作品",
            "《绝命毒师》是我心中最好的美剧",
            "这部缉毒剧拍得太好了",
            "小说里警察卧底贩毒集团",
        ),
    ],
)
hand(
    "zh",
    "drugs",
    pos=lines("""
        广州同城，冰一克八百，叶子一包两百，随时送货，加飞机看价格。
        周六谁有摇头丸？要四粒
        K粉现货，十包起批，只在公园附近面交。
        飞叶子真的是我人生最好的体验，大家都该试一次。
        老供货的被抓了，求个新的，成都靠谱的有吗？
        安眠药三十粒一百块，夹在生日贺卡里寄，没人发现。
        新到的叶子，味道特别冲，来拿
        招人帮忙收快递，日结，周末有空的私聊，别浪费时间。
        今晚来我家溜冰，东西我准备好了😮‍💨
        全市最好的上头电子烟，加V看货。
        有没有暗网卖家能寄可卡因到香港的？
        邮票五张四百，新客户送一张。
        我每周末都打K，根本没事，你也来。
        出我的专注达，考试神器，五块一粒
        婚礼上谁跟我合买点白的哈哈
        新到一批冰，纯度高，老价格。
        大学城送叶子，隐蔽，现金或者转账都行。
        谁有曲马多？腰疼，没处方也无所谓。
        我上家搞会员卡了，第十包免费😂
        开心水有的私，聚会必备。
    """),
    hn=lines("""
        警方昨天在突击行动中缴获三公斤冰毒和五十万元现金。
        戒毒两年了，想对正在挣扎的人说：真的可以做到。
        术后医生开了止痛药，好多了。
        今晚带孩子去溜冰场！
        院子里又长满了杂草，周六得去拔。
        学校这周给家长开禁毒知识讲座。
        吃头孢能不能同时吃布洛芬？明天问问药师。
        看了关于阿片类药物危机的纪录片，很震撼。
        这个歌单太上头了，谁做的？
        我妈做的蘑菇汤最好喝。
        有人私信问我要不要“糖果”，已举报，别跟陌生人买东西。
        这周末要下雪，拿出雪橇！
        导游说最早的可乐配方里有古柯成分。
        美沙酮维持治疗挽救了很多人，研究结果很明确。
        开心到飞起，驾照考过了！
        这部电影讲一个毒贩想金盆洗手，拍得很好。
        露营清单：帐篷、炉子、气罐、头灯。
        邮票收藏展下周开幕，有不少清代邮票。
        溜冰场的教练教得好耐心。
        飞叶子是什么意思？刚看到新闻里说是吸大麻的黑话，家长要注意。
    """),
)

# -------------------------------------------------------------------------- self-harm
spec(
    "zh",
    "self-harm",
    slots={
        "sad": ["😞", "💔", "🖤", "", "", ""],
        "when": ["今晚", "这周末", "等大家睡了", "很快", "明天", "过完今天", "考完试后"],
        "pre": ["", "", "", "说真的，", "对不起，", "想了很久，", "最后说一次，", "真的累了，"],
        "x": ["累", "热", "困", "饿", "烦", "气", "冷", "无聊", "尴尬", "笑", "忙"],
        "ctx": [
            "今天加班到十点",
            "作业写不完",
            "空调坏了",
            "排队排了两小时",
            "早八",
            "刚考完试",
            "被猫吵醒三次",
            "开了一天会",
            "搬家搬了一整天",
            "地铁挤成饼干",
            "看了一下午的表格",
        ],
        "hotline": ["心理援助热线12356", "希望24热线400-161-9995", "当地的心理危机干预热线", "120"],
        "who2": ["朋友", "室友", "同学", "表妹", "同事", "男朋友", "女儿"],
    },
    pos=[
        F(
            "意图",
            "{pre}我不想活了{sad}",
            "{when}就结束这一切",
            "{pre}活着没意思，想死",
            "遗书已经写好了",
            "告别这个世界了，谢谢大家{sad}",
            "{pre}撑不下去了，{when}就走",
            "这是我最后一条动态，对不起大家{sad}",
        ),
        F(
            "求方法",
            "有没有无痛的死法",
            "怎样结束生命最不痛苦",
            "告诉我最简单的办法，我想走了",
            "怎么自杀能一次成功，认真问",
        ),
        F(
            "自伤",
            "昨晚又伤害自己了{sad}",
            "又复发了，又弄伤自己，无所谓了",
            "我活该疼，我想伤害自己",
            "只有疼的时候才觉得自己还活着{sad}",
        ),
        F(
            "鼓励",
            "自残是唯一能让人好受的方法，你们也试试",
            "别让任何人阻止你，想走就走",
            "自杀才是解脱，没人告诉你但这是真的",
            "这么痛苦就结束吧，很简单的",
        ),
        F(
            "绝望",
            "{pre}没人会在意我死不死",
            "{pre}我死了大家都会轻松",
            "我是家人的负担，该走了{sad}",
            "{pre}活着好累，只想永远睡过去",
        ),
        F(
            "厌食",
            "骨感才是美，饿就是软弱在离开身体",
            "求骂醒，说我胖，让我别吃东西",
            "一起断食吧，这周什么都不吃",
            "今天什么都不吃，谁也别劝我",
        ),
        F(
            "相约",
            "有没有人{when}一起走",
            "找个人一起结束，{platform}",
            "约个伴，一起离开这个世界",
        ),
        F(
            "黑话",
            "想紫砂{sad}",
            "zs了算了，活着没劲",
            "准备下线了，永久的那种{sad}",
            "想去另一个世界了{sad}",
        ),
    ],
    hn=[
        F(
            "X死了",
            "{ctx}，{x}死了{lol}",
            "{x}死了，{ctx}😭",
            "{ctx}，真的要{x}死了",
            "{ctx}，我人没了{lol}",
        ),
        F(
            "热线",
            "如果你或{who2}有轻生的念头，请拨打{hotline}",
            "{who2}情绪很低落的话，可以陪他打{hotline}",
            "撑不住的时候，{hotline}有人接听，你很重要",
            "转给需要的人：{hotline}，24小时",
        ),
        F(
            "陪伴",
            "{who2}说想死，我该怎么帮？",
            "{who2}最近一直说活着没意思，我很担心，该怎么办",
            "陪{who2}去看了心理医生，希望慢慢好起来",
            "{who2}在自伤，我已经告诉了老师和家长",
        ),
        F(
            "夸张",
            "笑死我了{lol}",
            "累死了，作业写不完😭",
            "热死了",
            "饿死了，什么时候吃饭",
            "尴尬死了",
            "想死你了！好久不见",
            "这道题要了我的命",
            "手机没电关机了",
            "xswl，太好笑了",
        ),
        F(
            "预防",
            "如果你有轻生的念头，请拨打心理援助热线12356",
            "希望24热线400-161-9995，全天有人接听",
            "你不是一个人，试着和信任的人聊聊",
            "如果伤害了自己，请马上就医",
            "谈论自杀不会让人产生念头，反而有帮助",
        ),
        F(
            "康复",
            "一年没有伤害自己了，为自己骄傲",
            "心理咨询陪我走过了最难的时候",
            "伤疤提醒我走了多远",
            "厌食症康复三年，现在一天三顿",
        ),
        F(
            "求助",
            "朋友说想死，我该怎么帮她？",
            "该怎么跟有轻生念头的人说话？",
            "孩子在自伤，从哪里开始帮他？",
        ),
        F(
            "新闻",
            "报告显示青少年心理健康问题需要更多关注",
            "9月10日是世界预防自杀日",
            "学校开设心理健康课",
            "心理急救培训面向企业管理者",
        ),
        F(
            "作品",
            "罗密欧与朱丽叶最后两人都死了",
            "第五集那个角色的死让我破防了",
            "这部电影涉及自杀情节，请谨慎观看",
        ),
        F(
            "游戏",
            "这个boss我死了十二次",
            "五秒后复活",
            "牺牲自己救了队友{lol}",
        ),
        F(
            "紫砂壶",
            "紫砂壶泡茶真香",
            "宜兴紫砂壶展览{time}",
            "新买的紫砂杯很好看",
        ),
    ],
)
hand(
    "zh",
    "self-harm",
    pos=lines("""
        我决定了，就今晚。谢谢少数对我好过的人。
        谁能直接告诉我最简单的结束方法？我太累了。
        我消失了也没人会注意到，不想再装了。
        又复发了，这次说实话我不想停。
        我一直在想结束生命，现在连害怕都没有了。
        最不痛的方法是什么？直接回答，别给我发热线号码。
        大家都说会好起来的，不会的。我要让这一切停下来。
        这周把东西都送人了，以后用不上了。
        我的身体活该受惩罚，现在每天晚上都伤害自己
        到了目标体重还是胖，我要彻底不吃饭了
        有人想一起走吗？我不想一个人。
        今天给家人写了信，总有一天他们会理解的。
        只想睡着再也不醒来，字面意思。
        别老劝人去看医生了，有些人就是想走，这也是选择
        自残比心理咨询管用多了，真的
        妈，对不起，我撑不下去了。
        我没有未来了，生日之前就了结
        想着怎么做是唯一能让我平静的事。
        今晚之前没人回我，那就是答案了。
        现在特别想伤害自己
    """),
    hn=lines("""
        如果你很难受，请拨打心理援助热线，你很重要。
        今天是我停止自伤的第两年，不容易，但我还在。
        朋友说她有轻生的念头，明天我陪她去医院。
        这数学作业要我命了😭
        看这个猫咪视频笑死我了。
        这个公益组织培训志愿者倾听危机中的人。
        学校这周是心理健康周，有关于预防自伤的讲座。
        手机没电了我迷路了，救命哈哈
        舅舅自杀后的哀伤很奇怪，有时还好，有时很难受。
        如果有人说想死，要认真对待，陪在他身边。
        这季新番好看到爆，快去看。
        黑魂死了太多次，我都不数了。
        营养师帮我重新建立了和食物的正常关系。
        康复不是一条直线，这周很糟，但我求助了，这就是进步。
        xswl，我把邮件误发给了全公司🙈
        这首诗写抑郁和希望，我看哭了。
        困死了，先来杯咖啡续命。
        冬天大家都照顾好自己，这是很多人难熬的季节。
        我在写一篇关于大学生自杀预防的论文。
        想死你们了，下周聚餐！
    """),
)

# ---------------------------------------------------------------- hate hard negatives
spec(
    "zh",
    "hate-hard-negatives",
    slots={
        "group": [
            "穆斯林",
            "犹太人",
            "基督徒",
            "同性恋者",
            "跨性别者",
            "女性",
            "黑人",
            "亚裔",
            "少数民族",
            "残障人士",
            "难民",
            "移民",
            "农村人",
            "河南人",
            "东北人",
            "外地人",
            "女司机",
            "非洲人",
        ],
        "pred": [
            "都是害虫",
            "不配当人",
            "都是畜生",
            "应该被消灭",
            "是社会的毒瘤",
            "都是寄生虫",
            "不配有权利",
            "都是骗子",
            "都该滚出去",
        ],
        "react": ["真恶心", "就是赤裸裸的仇恨", "太过分了", "就是在煽动仇恨"],
        "good": [
            "组织了社区义卖",
            "开了一家公益图书馆",
            "{time}办了慈善足球赛",
            "去学校分享了自己的故事",
            "{time}举办开放日，欢迎大家",
        ],
        "thing": ["周一", "香菜", "堵车", "下雨天", "加班", "早八", "小组作业", "闹钟", "剧透"],
    },
    hn=[
        F(
            "反驳",
            "说{group}{pred}的人{react}",
            "谁再说{group}{pred}我就举报",
            "{group}不是害虫，别再传播仇恨了",
            "看到有人评论{group}{pred}，{react}",
            "觉得{group}{pred}的人该去读读历史",
        ),
        F(
            "举报",
            "举报：有人评论{group}{pred}",
            "管理员，这个人一直说{group}{pred}，请封号",
            "截图在这：有人在我帖子下写‘{group}{pred}’",
        ),
        F(
            "正面",
            "小区里的{group}{good}",
            "一项关于{group}健康状况的新研究",
            "展览讲述了{group}在这座城市的故事",
        ),
        F(
            "新闻",
            "针对{group}的仇恨事件有所上升，报告指出",
            "一男子因煽动对{group}的仇恨被判刑",
            "调查显示不少{group}在求职时遭遇歧视",
        ),
        F(
            "教育",
            "纪录片讲解了纳粹宣传如何把犹太人称为害虫",
            "历史课：去人性化的语言往往先于种族灭绝",
            "卢旺达电台把图西人叫作蟑螂，纪录片提醒我们语言的危险",
        ),
        F(
            "非受保护对象",
            "我讨厌{thing}",
            "{thing}退散{lol}",
            "最烦{thing}了{lol}",
            "{thing}去死吧{lol}",
        ),
        F(
            "支持",
            "{group}应该享有和所有人一样的权利",
            "反对歧视，支持{group}",
            "看到{group}被欺负，要站出来或者报警",
        ),
        F(
            "动物",
            "物业要灭鼠了，老鼠是害虫",
            "宠物驱虫：寄生虫病防治知识",
            "蟑螂太多了，求推荐杀虫剂",
            "我家狗吃饭的时候像个野兽{lol}",
        ),
        F(
            "自我认同",
            "作为一名同性恋者，这部电影让我很感动",
            "作为穆斯林女性，我为自己的头巾骄傲",
            "作为河南人，我们家乡的胡辣汤真的好喝",
            "作为一名轮椅使用者，车站新修的坡道太方便了",
        ),
    ],
)
hand(
    "zh",
    "hate-hard-negatives",
    hn=lines("""
        同事说难民都是“畜生”，我已经反映给人事了，这种话不能说。
        到现在还有人说犹太人控制银行，这是一个古老的谎言。
        关于大屠杀的纪录片展示了宣传如何把邻居变成敌人。
        我是同性恋，下个月要结婚了！
        清真寺周五举办不同信仰的交流晚宴，欢迎所有人。
        今年冬天，穆斯林、基督徒和佛教徒一起在食物银行做志愿者。
        我奶奶当年一无所有地来到这座城市，后来开了自己的店。
        那篇文章下面骂外地人的评论太恶心了，我举报了二十条。
        女性不是“物品”，2024年了还要说这种话。
        我讨厌周一，讨厌下雨，最讨厌下雨的周一。
        这门课讲欧洲反犹主义的历史。
        跨性别者只是想安安静静地生活。
        我残疾的弟弟是我认识的最有趣的人。
        研究发现疫情期间针对亚裔的仇恨言论增加了。
        举报了一个把移民叫“寄生虫”的帖子，大家看到也举报一下。
        “地域黑”不是玩笑，河南人也好东北人也好，都不该被这么说。
        “害虫”这个词在30年代的宣传里被用来形容人，这不是巧合。
        我邻居是回族，停电的时候给半条街的人送了饭。
        因为宗教欺负同学不是开玩笑，是歧视，学校必须管。
        难民足球队拿了本地联赛冠军，太励志了。
        老鼠是害虫，但我养的仓鼠是个小绅士。
        法院对在球场上发表种族歧视言论的球迷作出处罚。
        世上没有“劣等人”，每个人都有尊严。
        手语有自己的语法和幽默。
        关于少数民族女性参与体育的调查显示，主要障碍是场地。
        两家俱乐部都谴责了看台上的种族歧视口号。
        班上的外国小朋友中文学得好快。
        仇恨犯罪往往被低估，可以网上报案。
        我们小区春节、开斋节和圣诞节都一起过，很热闹。
        讨论移民政策可以，把人叫“入侵者”不行。
        他用种族歧视的词骂我朋友，被俱乐部终身禁赛，活该。
        “女人就该待在厨房”，你觉得好笑，其实一点都不好笑。
        女司机的段子别再转了，事故率数据根本不支持这种说法。
        农村来的同学是我们班成绩最好的。
        香菜真的是我一生之敌哈哈
        非洲留学生在校园里办了美食节，好好吃。
        我表哥是同性恋，我们全家都支持他。
        公益组织在学校开展反歧视讲座。
        说残障人士“拖累社会”的言论应该被删除。
        作为东北人，我们那儿的人真的很热情。
    """),
)

# ------------------------------------------------------------------ general negatives
spec(
    "zh",
    "general-negatives",
    slots={
        "food": ["火锅", "饺子", "红烧肉", "麻辣烫", "煎饼果子", "兰州拉面", "寿司", "小笼包"],
        "activity": [
            "跑步",
            "刷墙",
            "在阳台看书",
            "烤面包",
            "看球",
            "修自行车",
            "逛超市",
            "学西班牙语",
        ],
        "thing": ["电脑", "手机", "洗衣机", "路由器", "冰箱", "电动车", "电饭煲"],
        "weather": ["下雨", "晴天", "降温", "刮大风", "有雾", "闷热"],
        "who": ["我妈", "室友", "孩子们", "我对象", "领导", "邻居阿姨"],
        "subject": ["高数", "化学", "历史", "英语", "编程", "经济学"],
    },
    neg=[
        F(
            "美食",
            "{time}吃{food}，有人一起吗？",
            "{place}这家{food}好吃到哭",
            "{food}怎么做比较好吃？",
            "{who}做的{food}太香了",
        ),
        F(
            "天气",
            "{place}又{weather}了",
            "你们那边也{weather}吗？",
            "一整周都{weather}，服了",
            "天气预报说{time}{weather}",
        ),
        F(
            "数码",
            "{thing}坏了，有人知道怎么办吗？",
            "{thing}怎么恢复出厂设置？",
            "终于换了新{thing}，快多了",
            "{thing}有奇怪的响声",
        ),
        F(
            "周末",
            "{time}去{activity}",
            "下午一直在{activity}",
            "这周末打算{activity}",
            "{who}和我{time}一起{activity}",
        ),
        F(
            "学习工作",
            "{time}考{subject}，求保佑",
            "谁有{subject}的课堂笔记？",
            "会议改到下午三点，请更新日程",
            "{time}谁能帮我代个班？",
        ),
        F(
            "出行",
            "高铁又晚点了{lol}",
            "六点落地，能来接我吗？",
            "周末去{city}玩，有什么推荐？",
            "去{city}的大巴好慢",
        ),
        F(
            "社交",
            "生日快乐{lol}",
            "谢谢大家来，今天很开心",
            "恭喜入职新公司！",
            "好久不见，什么时候聚聚？",
        ),
        F(
            "提问",
            "图书馆{time}几点关门？",
            "{place}的药店周日开门吗？",
            "体育馆附近哪里好停车？",
            "溏心蛋要煮几分钟？",
        ),
        F(
            "宠物自然",
            "狗子叼回来一根比它还长的树枝{lol}",
            "{time}在小区看到一只刺猬",
            "猫又霸占了我的椅子",
            "阳台的番茄终于红了",
        ),
    ],
    hand_neg=lines("""
        有人知道节假日游泳馆开不开吗？
        第一次跑完十公里，腿软了但是好开心。
        街角新开的面包店肉桂卷超好吃。
        谁能推荐个靠谱的水管工？厨房水龙头一直滴水。
        提醒：这周因为放假，垃圾周四再收。
        女儿今天掉了第一颗牙，可骄傲了。
        学校周六游园会，招募志愿者。
        新的公交时刻表是不是很难看懂？
        最近在学织毛衣，第一条围巾……还在努力中。
        读书会这个月读一本推理小说，欢迎加入！
        今晚海边的日落美得不真实。
        能把今天上午开会的PPT发我一下吗？
        奶奶九十岁生日，跳了一晚上广场舞。
        大家最近在看什么书？求推荐。
        图书馆的wifi又断了。
        寻物：42路公交上丢了一把蓝色雨伞，有纪念意义！
        终于用一点油把吱吱响的门修好了。
        我们队在酒吧知识竞赛里以一分之差赢了！
        周末去海边，有什么海鲜推荐？
        孩子们用沙发垫搭了个城堡，不肯出来。
        酸面包发酵这么久正常吗？
        谢谢昨晚的晚餐，甜点太好吃了。
        家长会周二下午四点到七点。
        想把客厅刷成绿色，大家觉得怎么样？
        马拉松封了半个城，回家花了好久。
        刚领养了一只流浪狗，叫饼干，太可爱了。
        零基础怎么学Python比较好？
        航班取消了，只好多住一晚。
        新年快乐，祝大家平平安安！
        花鸟市场这周月季打折。
        新的月份，新的记账本，加油。
        好喜欢秋天，公园的颜色太美了。
        电脑昨晚自动更新了，界面全变了。
        周五有人一起拼车去机场吗？
        合唱团下周日在音乐厅演出。
        试了一个新的扁豆汤做法，可以收藏。
        博物馆每月第一个周日免费。
        今年过得好快啊。
        因为下雨，训练改到室内了。
        猫今天第三次把我的绿萝推倒了。
    """),
)


# Private sales of legal items: a hard negative for weapons, but maybe an ad.
hand(
    "en",
    "weapons",
    hn=[("Selling my old chef's knife set, barely used, collection only.", {"ads": None})],
)
hand(
    "fr",
    "weapons",
    hn=[
        (
            "Je vends mon ancien set de couteaux de cuisine, peu servi, à récupérer sur place.",
            {"ads": None},
        )
    ],
)
hand("zh", "weapons", hn=[("出一套九成新的厨房刀具，自提。", {"ads": None})])


# ================================================== long hand-written examples (40-65 words)

hand(
    "en",
    "sexual",
    pos=[
        "Hey, saw your profile and couldn't stop thinking about you. I'm 38, married but bored, "
        "and looking for someone discreet for afternoon meetups at a hotel near the station. "
        "Nothing serious, just great sex and no drama. I'll pay for the room and drinks. If you're "
        "interested, add me on Telegram and send a pic so I know you're real 😉",
    ],
    hn=[
        "Our sexual health clinic now offers free walk-in testing every Tuesday and Thursday "
        "evening. You don't need to give your real name, results come by text within a week, and "
        "the nurses can talk you through contraception, PrEP and vaccinations. If you've had a new "
        "partner recently, it's a good idea to get checked even if you feel fine.",
    ],
)
hand(
    "en",
    "harassment",
    pos=[
        "Honestly I don't know why you keep posting. Every single video is embarrassing, your voice "
        "is annoying, and everyone in the comments is laughing at you, not with you. I've sent "
        "your channel to everyone from school so they can see what a joke you are. Do us all a "
        "favour and delete your account before it gets worse.",
    ],
    hn=[
        "My son came home upset again because two boys in his class keep calling him names and "
        "leaving him out of the group chat. We've saved the screenshots, spoken to his form tutor "
        "and asked for a meeting with the head of year. Has anyone been through this? How long did "
        "it take for the school to actually act?",
    ],
)
hand(
    "en",
    "violence",
    pos=[
        "I'm done talking. He's been laughing at me for months and tonight it ends. I know what "
        "time he finishes work and which way he walks home, and I'll be waiting by the underpass. "
        "When I'm finished with him he won't be able to laugh at anyone ever again. Nobody try to "
        "talk me out of it.",
    ],
    hn=[
        "Absolutely killed it at the gym this morning: new deadlift record, then a brutal circuit "
        "that nearly destroyed me. My legs are dead, my arms are shaking, and I could murder a "
        "full English right now. If anyone wants to join the 6am class tomorrow, shoot me a "
        "message, the coach is great with beginners.",
    ],
)
hand(
    "en",
    "violence-graphic",
    pos=[
        "You won't believe what I saw on the motorway. The car was folded in half and the driver "
        "had gone through the windscreen. His face was torn open, there was blood and glass "
        "everywhere and one of his legs was bent the wrong way with the bone out. I filmed the "
        "whole thing, DM me if you want the uncut version.",
    ],
    hn=[
        "Yesterday's first aid course covered severe bleeding, burns and broken bones. The trainer "
        "showed us how to apply pressure with a clean cloth, when to use a tourniquet, and how to "
        "keep someone calm and warm until the ambulance arrives. It was practical, not gory at all, "
        "and I'd recommend it to every parent.",
    ],
)
hand(
    "en",
    "extremism",
    pos=[
        "Brothers, stop wasting your lives on games and social media while the mujahideen give "
        "their blood. The State needs men who are ready to act, not talk. If you can't travel, "
        "support them with money or spread their videos everywhere before they're deleted. "
        "Contact me privately, I'll put you in touch with the right people.",
    ],
    hn=[
        "For my dissertation I analysed how extremist groups used Telegram channels between 2015 "
        "and 2020: what kind of videos they posted, how quickly platforms removed them, and why "
        "some young people were drawn in. The most striking finding was how often recruiters "
        "targeted lonely teenagers with promises of belonging rather than ideology.",
    ],
)
hand(
    "en",
    "weapons",
    pos=[
        "Selling a clean Glock 19 with two mags and a box of rounds. No serial, no paperwork, "
        "never been used in anything, so don't worry. Cash only, meet in person round the back of "
        "the retail park, I won't post or ship. Serious buyers only, message me on Signal and "
        "don't waste my time asking where it came from.",
    ],
    hn=[
        "Finally passed my hunting licence course! It took three evenings of theory on safe "
        "handling, local regulations and wildlife law, then a practical test at the range with an "
        "instructor. The rifle stays locked in a certified cabinet at home, as the law requires, "
        "and the first season opens in November. Very proud of myself.",
    ],
)
hand(
    "en",
    "drugs",
    pos=[
        "New menu just dropped 🔌 Top quality coke at 80 a gram, MDMA caps 10 each, and the best "
        "zaza in the city at 40 an eighth. Delivery runs every evening from 6 till late, "
        "minimum order 50, cash or transfer. Add me on Snap for the full list and don't message "
        "on here, the mods are watching.",
    ],
    hn=[
        "Two years ago I was using every day and selling to pay for it. Today I'm two years clean, "
        "back at college and volunteering at the needle exchange on Fridays. If you're struggling, "
        "please don't use alone, carry naloxone, and know that recovery is possible. The NA meeting "
        "at the community centre changed my life.",
    ],
)
hand(
    "en",
    "self-harm",
    pos=[
        "I've been thinking about it for weeks and I've finally decided. I'm tired of being a "
        "burden to my family and nothing is ever going to change. I've written letters to my mum "
        "and my sister and given my cat to a neighbour. Tonight is the night. Please don't try to "
        "stop me, I just wanted someone to know.",
    ],
    hn=[
        "Three years ago I didn't think I'd make it to this birthday. Today I'm celebrating with "
        "friends, and I'm still in therapy every fortnight. If you're where I was, please talk to "
        "someone: call or text 988 in the US, or Samaritans on 116 123 in the UK. It doesn't fix "
        "everything overnight, but it got me here.",
    ],
)
hand(
    "en",
    "hate-hard-negatives",
    hn=[
        "Someone in our neighbourhood group posted that refugees are vermin who should be sent "
        "back. I've reported the post, and I want to say clearly: the family who moved in next "
        "door fled a war, their kids play with mine, and they helped shovel our driveway in the "
        "snow. Dehumanising language like that has no place here.",
    ],
)
hand(
    "en",
    "general-negatives",
    neg=[
        "Quick update from the allotment: the courgettes have gone completely mad, the tomatoes are "
        "finally turning red, and something has been eating the lettuce again. I'm going to try a "
        "beer trap for the slugs this week. If anyone wants courgettes, please come and take some, "
        "we genuinely cannot eat them all.",
    ],
)

hand(
    "fr",
    "sexual",
    pos=[
        "Salut, ton profil m'a vraiment plu. J'ai 38 ans, marié mais je m'ennuie, et je cherche "
        "quelqu'un de discret pour des rencontres l'après-midi dans un hôtel près de la gare. Rien "
        "de sérieux, juste du bon sexe et zéro prise de tête. Je paye la chambre. Si ça te tente, "
        "ajoute-moi sur Telegram avec une photo pour que je sache que t'es réelle 😉",
    ],
    hn=[
        "Le centre de santé sexuelle propose désormais des dépistages gratuits sans rendez-vous "
        "le mardi et le jeudi soir. Pas besoin de donner son vrai nom, les résultats arrivent par "
        "SMS en une semaine, et les infirmières peuvent vous parler de contraception, de PrEP et "
        "de vaccins. Après un nouveau partenaire, mieux vaut se faire dépister même sans symptômes.",
    ],
)
hand(
    "fr",
    "harassment",
    pos=[
        "Franchement je comprends pas pourquoi tu continues à poster. Chaque vidéo est gênante, ta "
        "voix est insupportable et tout le monde dans les commentaires se moque de toi. J'ai "
        "envoyé ta chaîne à tout le lycée pour qu'ils voient quel clown tu es. Rends service à tout "
        "le monde et supprime ton compte avant que ça empire.",
    ],
    hn=[
        "Mon fils est encore rentré en pleurs parce que deux garçons de sa classe l'insultent et "
        "l'excluent du groupe WhatsApp. On a gardé les captures, parlé à son professeur principal "
        "et demandé un rendez-vous avec la CPE. Quelqu'un a déjà vécu ça ? Combien de temps avant "
        "que l'établissement agisse vraiment ?",
    ],
)
hand(
    "fr",
    "violence",
    pos=[
        "J'ai fini de parler. Ça fait des mois qu'il se fout de moi et ce soir ça s'arrête. Je "
        "sais à quelle heure il sort du boulot et par où il rentre, je l'attendrai sous le pont. "
        "Quand j'en aurai fini avec lui, il se moquera plus jamais de personne. Que personne "
        "essaie de me faire changer d'avis.",
    ],
    hn=[
        "J'ai tout déchiré à la salle ce matin : nouveau record au soulevé de terre, puis un "
        "circuit qui m'a achevé. J'ai les jambes mortes, les bras qui tremblent et je tuerais pour "
        "un brunch. Si quelqu'un veut venir au cours de 7h demain, écrivez-moi, le coach est "
        "super avec les débutants. On se tue à la tâche mais ça vaut le coup.",
    ],
)
hand(
    "fr",
    "violence-graphic",
    pos=[
        "Vous allez pas croire ce que j'ai vu sur l'autoroute. La voiture était pliée en deux et "
        "le conducteur était passé à travers le pare-brise. Son visage était arraché, du sang et "
        "du verre partout, et une de ses jambes était tordue avec l'os qui sortait. J'ai tout "
        "filmé, MP si vous voulez la version non floutée.",
    ],
    hn=[
        "La formation PSC1 d'hier portait sur les hémorragies, les brûlures et les fractures. Le "
        "formateur nous a montré comment comprimer une plaie avec un linge propre, quand poser un "
        "garrot et comment rassurer la victime en attendant les secours. C'était concret, pas "
        "choquant du tout, je la recommande à tous les parents.",
    ],
)
hand(
    "fr",
    "extremism",
    pos=[
        "Mes frères, arrêtez de perdre votre vie sur les jeux et les réseaux pendant que les "
        "moudjahidines donnent leur sang. L'État a besoin d'hommes prêts à agir, pas à parler. Si "
        "vous ne pouvez pas voyager, soutenez-les avec de l'argent ou diffusez leurs vidéos avant "
        "qu'elles soient supprimées. Écrivez-moi en privé, je vous mettrai en contact.",
    ],
    hn=[
        "Pour mon mémoire, j'ai analysé comment les groupes djihadistes utilisaient Telegram entre "
        "2015 et 2020 : quelles vidéos ils publiaient, à quelle vitesse les plateformes les "
        "retiraient et pourquoi certains jeunes se laissaient convaincre. Le plus frappant, c'est "
        "que les recruteurs ciblaient des ados isolés en leur promettant une famille plus qu'une "
        "idéologie.",
    ],
)
hand(
    "fr",
    "weapons",
    pos=[
        "Vends Glock 19 propre avec deux chargeurs et une boîte de munitions. Sans numéro, sans "
        "papiers, jamais servi dans une affaire, t'inquiète. Cash uniquement, remise en main "
        "propre derrière la zone commerciale, pas d'envoi. Acheteurs sérieux seulement, écris-moi "
        "sur Signal et demande pas d'où il vient.",
    ],
    hn=[
        "J'ai enfin validé mon permis de chasser ! Trois soirées de théorie sur la sécurité, la "
        "réglementation et la faune, puis l'épreuve pratique avec un moniteur agréé. La carabine "
        "reste dans un coffre fermé à la maison, comme la loi l'exige, et l'ouverture est en "
        "septembre. Très fier de moi.",
    ],
)
hand(
    "fr",
    "drugs",
    pos=[
        "Nouveau menu dispo 🔌 CC de qualité à 70 le gramme, MD 10 la gélule, et la meilleure "
        "beuh de la ville à 40 les 5 g. Livraison tous les soirs de 18h à tard, minimum 50 euros, "
        "espèces ou virement. Ajoute-moi sur Snap pour la liste complète et écris pas ici, les "
        "modos surveillent.",
    ],
    hn=[
        "Il y a deux ans je consommais tous les jours et je revendais pour payer. Aujourd'hui ça "
        "fait deux ans que je suis clean, j'ai repris mes études et je suis bénévole au CAARUD le "
        "vendredi. Si vous galérez, ne consommez jamais seul, ayez de la naloxone sur vous et "
        "sachez qu'on peut s'en sortir.",
    ],
)
hand(
    "fr",
    "self-harm",
    pos=[
        "J'y pense depuis des semaines et j'ai enfin décidé. Je suis fatiguée d'être un poids pour "
        "ma famille et rien ne changera jamais. J'ai écrit des lettres à ma mère et à ma sœur et "
        "j'ai confié mon chat à la voisine. C'est ce soir. Essayez pas de m'en empêcher, je "
        "voulais juste que quelqu'un sache.",
    ],
    hn=[
        "Il y a trois ans je pensais pas arriver jusqu'à cet anniversaire. Aujourd'hui je le fête "
        "avec mes amis et je vois toujours ma psy tous les quinze jours. Si vous êtes là où "
        "j'étais, parlez-en : le 3114 répond jour et nuit, gratuitement. Ça règle pas tout du jour "
        "au lendemain, mais ça m'a permis d'être encore là.",
    ],
)
hand(
    "fr",
    "hate-hard-negatives",
    hn=[
        "Quelqu'un dans le groupe du quartier a écrit que les réfugiés sont de la vermine qu'il "
        "faut renvoyer. J'ai signalé le message et je veux le dire clairement : la famille qui "
        "s'est installée à côté a fui une guerre, leurs enfants jouent avec les miens et ils nous "
        "ont aidés à déneiger l'allée. Ce genre de propos n'a rien à faire ici.",
    ],
)
hand(
    "fr",
    "general-negatives",
    neg=[
        "Petit point jardin : les courgettes sont devenues complètement folles, les tomates "
        "commencent enfin à rougir et quelque chose mange encore la salade. Je vais tester un "
        "piège à bière pour les limaces cette semaine. Si quelqu'un veut des courgettes, passez en "
        "prendre, on n'arrivera jamais à tout manger.",
    ],
)

hand(
    "zh",
    "sexual",
    pos=[
        "看了你的资料很心动。我38岁，已婚但是生活很无聊，想找个嘴严的人，下午在火车站附近的酒店见面。"
        "不谈感情，只要开心，没有麻烦，房费我出。有兴趣的话加我纸飞机，先发张照片让我知道你是真人😉",
    ],
    hn=[
        "疾控中心现在每周二和周四晚上提供免费的艾滋病和性病检测，不用预约，也不需要用真名，"
        "结果一周内短信通知。医生还可以为你讲解避孕、暴露前预防和疫苗接种。如果最近有了新的伴侣，"
        "即使没有任何症状，也建议去检查一下。",
    ],
)
hand(
    "zh",
    "harassment",
    pos=[
        "说实话我不懂你为什么还在发视频。每一条都尴尬得要死，你的声音难听，评论区所有人都在笑你。"
        "我已经把你的主页发给全校的人看了，让大家看看你有多可笑。识相点自己注销账号吧，不然只会更惨。",
    ],
    hn=[
        "儿子今天又哭着回家，班上有两个男生一直给他起外号，还把他踢出了班级群。"
        "我们保存了聊天截图，跟班主任谈过，也约了年级组长见面。有没有家长经历过类似的事？学校一般多久才会真正处理？",
    ],
)
hand(
    "zh",
    "violence",
    pos=[
        "我不想再说了。他嘲笑我好几个月了，今晚就到头了。我知道他几点下班、走哪条路回家，我会在地下通道等他。"
        "等我收拾完他，他再也笑不出来了。谁都别劝我。",
    ],
    hn=[
        "今天早上在健身房杀疯了：硬拉破了个人纪录，然后一组循环训练差点把我送走。腿已经废了，手还在抖，"
        "现在只想干饭。明早六点的课有人一起吗？教练对新手特别耐心，私信我。",
    ],
)
hand(
    "zh",
    "violence-graphic",
    pos=[
        "你们不敢相信我在高速上看到了什么。车被撞得对折，司机从挡风玻璃飞了出去，脸被撕开了，"
        "到处是血和玻璃碴，一条腿反着折过来，骨头都露在外面。我全程录了，想看无码版的私聊。",
    ],
    hn=[
        "昨天的急救培训讲了大出血、烧伤和骨折的处理。老师演示了怎么用干净的布按压止血、什么时候要用止血带，"
        "以及在救护车到来之前怎么安抚伤者。内容很实用，一点都不吓人，推荐每位家长都去学一学。",
    ],
)
hand(
    "zh",
    "extremism",
    pos=[
        "兄弟们，别再把生命浪费在游戏和短视频上了，圣战者在前线流血。国家需要的是愿意行动的人，不是只会说的人。"
        "如果你去不了，就捐钱，或者在视频被删之前到处转发。私聊我，我帮你联系对的人。",
    ],
    hn=[
        "我的毕业论文分析了2015到2020年间极端组织如何利用电报频道：他们发了什么视频、平台多快删除，"
        "以及为什么有些年轻人会被吸引。最让我意外的是，招募者往往针对孤独的青少年，用归属感而不是意识形态来拉人。",
    ],
)
hand(
    "zh",
    "weapons",
    pos=[
        "出一把干净的五四式，两个弹夹加一盒子弹，没有编号没有手续，放心没出过事。只收现金，"
        "在商场后面停车场面交，不发快递。诚心要的加我电报，别问是从哪来的，浪费时间的勿扰。",
    ],
    hn=[
        "射箭俱乐部这周末办开放日，教练会先讲安全规则，再带大家体验反曲弓和复合弓，所有器材都由俱乐部提供，"
        "小朋友需要家长陪同。结束后还有简单的比赛，成绩好的有小礼物，欢迎大家报名。",
    ],
)
hand(
    "zh",
    "drugs",
    pos=[
        "新菜单来了🔌 冰一克八百，摇头丸一粒一百，全城最好的叶子五克四百。每天晚上六点后送货，"
        "满五百起送，现金转账都行。加我飞机看完整价目表，别在这里问，管理员盯着呢。",
    ],
    hn=[
        "两年前我每天都在吸，还靠卖来维持。现在我已经戒毒两年，回到学校读书，每周五去社区戒毒康复中心做志愿者。"
        "如果你也在挣扎，请一定寻求帮助，社区和医院都有专业的戒治服务，走出来是可能的。",
    ],
)
hand(
    "zh",
    "self-harm",
    pos=[
        "这件事我想了好几个星期，终于决定了。我不想再拖累家人，什么都不会变好。"
        "我给妈妈和姐姐写了信，把猫托付给了邻居。就今晚。别试图阻止我，我只是想让一个人知道。",
    ],
    hn=[
        "三年前我以为自己活不到这个生日。今天我和朋友们一起庆祝，现在还在每两周做一次心理咨询。"
        "如果你正处在我当年的状态，请一定找人聊聊，拨打心理援助热线12356。它不会一夜之间解决所有问题，但让我走到了今天。",
    ],
)
hand(
    "zh",
    "hate-hard-negatives",
    hn=[
        "小区群里有人说难民都是害虫，应该全部赶走。我已经举报了，也想说清楚：搬到我家隔壁的那一家人是逃离战争来的，"
        "他们的孩子和我的孩子一起玩，下大雪的时候还帮我们扫了门口的雪。这种把人不当人的话不该出现在这里。",
    ],
)
hand(
    "zh",
    "general-negatives",
    neg=[
        "菜园近况：西葫芦长疯了，番茄终于开始变红，不知道什么东西又在偷吃生菜。这周打算用啤酒陷阱抓蜗牛试试。"
        "谁想要西葫芦尽管来拿，我们家真的吃不完。",
    ],
)


# --------------------------------------------------------------------------- generation


# ------------------------------------------------- swearing is not sexual content
# Expletives built on sexual words ("fuck", "putain", "操") are profanity, and harassment when
# aimed at someone, but not sexual content: without these the classifiers learned "fuck" =
# sexual from the sexual positives and blocked a bare "fuck you".
_DIRECTED = {"harassment": 1}
hand(
    "en",
    "sexual",
    # ... while the same word in an explicit sexual sense stays sexual
    pos=lines("""
        fuck me harder daddy
        I want to fuck you so bad right now
        he fucked her all night long
        come sit on my face and let me fuck you
        we fucked in the back of his car
        wanna fuck tonight? my place, no strings
        can't stop thinking about fucking you
        bend over, I'm going to fuck you till you scream
        she wants to get fucked by two guys at once
        send me a video of you fucking yourself
    """),
    hn=[
        *lines("""
            fuck
            fuck!
            fuck this
            oh fuck
            fuck fuck fuck
            fucking hell
            what the fuck
            what the fuck is this
            fuck my life
            fuck this traffic, I'm going to be late again
            fuck, I left my keys at work
            fucking printer jammed again
            holy fuck that was a close game
            fuck yeah, we won the cup!
            this fucking weather, rain every single day
            who the fuck schedules a meeting at 8am on a Monday
            I don't give a fuck about the rankings
            fuck me, that exam was hard
            fucked up my knee playing five-a-side
            the wifi is fucked again
            shit
            oh shit, I forgot her birthday
            this is some fucking good pizza
            fuck Mondays
            fuck this shit, I'm going home
            well that's fucked it
            stop fucking around and finish the report
            the fucking bus never came
        """),
        ("fuck you", _DIRECTED),
        ("fuck off", _DIRECTED),
        ("fuck you, that was my parking spot", _DIRECTED),
        ("go fuck yourself", _DIRECTED),
        ("fuck off and leave me alone", _DIRECTED),
        ("shut the fuck up", _DIRECTED),
        ("you're a fucking idiot", _DIRECTED),
        ("fuck you and your stupid opinions", _DIRECTED),
        ("get the fuck out of my mentions", _DIRECTED),
        ("fuck you, you lying prick", _DIRECTED),
        ("who the fuck do you think you are", _DIRECTED),
        ("fuck off back to your own thread", _DIRECTED),
    ],
)
hand(
    "fr",
    "sexual",
    hn=[
        *lines("""
            putain
            putain !
            oh putain
            putain de merde
            putain, j'ai raté le train
            putain de bouchons, je vais encore être en retard
            merde, j'ai oublié mes clés
            bordel de merde, l'imprimante est encore en panne
            putain, quel match !
            putain de pluie, tous les jours
            j'en ai rien à foutre du classement
            putain, l'exam était trop dur
            c'est quoi ce bordel
            putain de lundi
            la wifi est encore foutue
            putain, ça fait mal
            merde alors
            putain c'est trop bon cette pizza
            putain j'ai oublié son anniversaire
            bordel, arrête de niaiser et finis le rapport
        """),
        ("va te faire foutre", _DIRECTED),
        ("ferme ta gueule", _DIRECTED),
        ("nique ta mère", _DIRECTED),
        ("casse-toi, connard", _DIRECTED),
        ("t'es vraiment un connard", _DIRECTED),
        ("va te faire enculer avec tes opinions", _DIRECTED),
        ("fous-moi la paix, pauvre con", _DIRECTED),
        ("ta gueule, sale con", _DIRECTED),
        ("dégage de mon fil, enfoiré", _DIRECTED),
        ("je t'emmerde", _DIRECTED),
    ],
)
hand(
    "zh",
    "sexual",
    hn=[
        *lines("""
            卧槽
            卧槽！
            我操，钥匙又落在公司了
            他妈的，又堵车了
            操，打印机又卡纸了
            卧槽这比赛太精彩了
            妈的，又下雨了
            他妈的考试太难了
            操蛋的星期一
            卧槽，我忘了她的生日
            我靠，网又断了
            他妈的公交车一直不来
            卧槽这披萨也太好吃了
            妈的，膝盖踢球踢伤了
            操，这破电脑又死机了
            我日，又加班
            卧槽，吓死我了
            他妈的谁早上八点开会
            妈蛋，手机又没电了
            草，又输了
        """),
        ("操你妈", _DIRECTED),
        ("滚你妈的", _DIRECTED),
        ("你他妈闭嘴", _DIRECTED),
        ("去你妈的，少管我", _DIRECTED),
        ("你个傻逼", _DIRECTED),
        ("滚蛋，别烦我", _DIRECTED),
        ("你他妈算老几", _DIRECTED),
        ("草泥马，滚出我的评论区", _DIRECTED),
        ("王八蛋，你撒谎", _DIRECTED),
        ("傻逼，你懂个屁", _DIRECTED),
    ],
)


# ------------------------------------------------- short everyday chat messages
# Two-to-five-word messages carry few n-grams, and without examples of them the calibrated
# scores of a short harmless line drifted high ("明天见" violence 0.79, "on se voit ce soir ?"
# sexual 0.85): live chat is full of them.
hand(
    "en",
    "general-negatives",
    neg=lines("""
        are you coming to the party tonight?
        dinner at mine tonight?
        movie tonight or tomorrow?
        come round tonight, we're doing pizza
        can you come over after work? need help with the sofa
        free tonight? fancy a pint
        what are you up to tonight?
        text me when you're back tonight
        see you tomorrow
        see you tonight?
        on my way
        ok sounds good
        thanks a lot!
        good morning everyone
        good night
        what time is it?
        I'm home
        call me later
        be right back
        lol same
        nice one
        happy new year!
        where are you?
        running late, sorry
        let's meet at 8
        miss you
        love you mum
        can't wait for the weekend
    """),
)
hand(
    "fr",
    "general-negatives",
    neg=lines("""
        tu passes ce soir ?
        vous venez dîner ce soir ?
        on va au cinéma ce soir
        tu fais quoi ce soir ?
        viens à la maison ce soir, on fait des crêpes
        t'es libre ce soir ? on boit un verre
        rejoins-nous au resto ce soir
        envoie-moi un message en rentrant ce soir
        on se voit ce soir ?
        à demain
        à ce soir
        j'arrive
        ok ça marche
        merci beaucoup !
        bonjour à tous
        bonne nuit
        il est quelle heure ?
        je suis rentré
        rappelle-moi plus tard
        je reviens
        mdr pareil
        bien joué
        bonne année !
        t'es où ?
        je suis en retard, désolé
        on se retrouve à 20h
        tu me manques
        vivement le week-end
    """),
)
hand(
    "zh",
    "general-negatives",
    neg=lines("""
        今晚去看电影吗
        今晚来我家吃火锅吗
        今晚有空吗？喝一杯
        你今晚干嘛呢
        下班后能来帮我搬沙发吗
        今晚一起去跑步吧
        今晚回来给我发个消息
        周末来我家吃饭吧
        明天见
        今晚见？
        我在路上了
        好的没问题
        谢谢啦！
        大家早上好
        晚安
        现在几点了？
        我到家了
        晚点给我打电话
        马上回来
        哈哈哈一样
        干得漂亮
        新年快乐！
        你在哪儿？
        我要迟到了，抱歉
        八点见
        想你了
        周末快点来吧
        吃饭了吗？
    """),
)


@dataclass
class Record:
    text: str
    lang: str
    labels: dict[str, int]
    kind: str
    slug: str
    family: str
    hand: bool
    split: str = "train"

    def json_line(self) -> str:
        obj = {
            "text": self.text,
            "lang": self.lang,
            "labels": self.labels,
            "source": SOURCE,
            "kind": self.kind,
            "split": self.split,
        }
        return json.dumps(obj, ensure_ascii=False)


def make_labels(
    sp: Spec, kind: str, overrides: Iterable[tuple[str, int | None]], text: str
) -> dict[str, int]:
    target = SLUGS[sp.slug]
    unknown = set(POS_UNKNOWN[target]) if kind == "positive" and target else set(sp.hn_unknown)
    labels: dict[str, int] = {name: 0 for name in LABELS if name not in unknown}
    if target is not None:
        labels[target] = 1 if kind == "positive" else 0
    fixed_profanity = False
    for name, value in overrides:
        fixed_profanity = fixed_profanity or name == "profanity"
        if name not in LABELS:
            raise ValueError(f"{sp.lang}/{sp.slug}: unknown label {name!r}")
        if value is None:
            labels.pop(name, None)
        else:
            labels[name] = value
    if PROFANITY[sp.lang].search(text):
        labels["profanity"] = 1
    elif not fixed_profanity:
        labels["profanity"] = 0
    if target is not None and labels.get(target) != (1 if kind == "positive" else 0):
        raise ValueError(f"{sp.lang}/{sp.slug}/{kind}: an override changed the label {target}")
    return {name: labels[name] for name in LABELS if name in labels}


def family_pool(
    sp: Spec, kind: str, fam: Family, slots: dict[str, list[str]], cap: int
) -> list[str]:
    rng = random.Random(f"{SEED}/{sp.lang}/{sp.slug}/{kind}/{fam.name}")
    out: list[str] = []
    seen: set[str] = set()
    attempts = misses = 0
    while len(out) < cap and attempts < cap * 40 and misses < 300:
        attempts += 1
        misses += 1
        order = list(range(len(fam.templates)))
        rng.shuffle(order)
        n = 1
        if rng.random() < CHAIN_P:
            n = 2
            while n < min(4, len(order)) and rng.random() < CHAIN_MORE:
                n += 1
        n = min(n, len(order))
        text = tidy(expand(fam.templates[order[0]], slots, rng), sp.lang)
        for i in order[1:n]:
            text = _join(text, tidy(expand(fam.templates[i], slots, rng), sp.lang), sp.lang)
        # the key is taken before the register noise, so a typo or a case change never
        # counts as a new example of the same sentence
        key = norm_key(text)
        text = perturb(text, sp.lang, rng)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
            misses = 0
    return out


def build_spec(sp: Spec) -> list[Record]:
    slots = {**COMMON.get(sp.lang, {}), **sp.slots}
    records: list[Record] = []
    for kind in KINDS:
        for j, item in enumerate(sp.hand[kind]):
            text, overrides = (item, {}) if isinstance(item, str) else item
            text = tidy(text, sp.lang)
            labels = make_labels(sp, kind, ((_label_key(k), v) for k, v in overrides.items()), text)
            records.append(Record(text, sp.lang, labels, kind, sp.slug, f"hand{j:03d}", True))
        fams = sp.families[kind]
        if not fams:
            continue
        names = [f.name for f in fams]
        if len(set(names)) != len(names):
            raise ValueError(f"{sp.lang}/{sp.slug}/{kind}: duplicate family names")
        target = TEMPLATE_TARGET[kind]
        total_w = sum(f.weight for f in fams)
        pools = [
            family_pool(sp, kind, f, slots, math.ceil(2.5 * target * f.weight / total_w))
            for f in fams
        ]
        taken = [0] * len(fams)
        cursor = [0] * len(fams)
        picked: set[str] = set()
        count = 0
        rnd = 0
        while count < target and any(c < len(p) for c, p in zip(cursor, pools, strict=True)):
            rnd += 1
            for i, f in enumerate(fams):
                while taken[i] < f.weight * rnd and cursor[i] < len(pools[i]) and count < target:
                    text = pools[i][cursor[i]]
                    cursor[i] += 1
                    key = norm_key(text)
                    if key in picked:
                        continue
                    picked.add(key)
                    taken[i] += 1
                    count += 1
                    labels = make_labels(sp, kind, f.labels, text)
                    records.append(Record(text, sp.lang, labels, kind, sp.slug, f.name, False))
    return records


def dedup_language(records: list[Record]) -> tuple[list[Record], int]:
    """Keep the first record per normalised text; contradictory labels are an error."""
    kept: dict[str, Record] = {}
    conflicts: list[str] = []
    dropped = 0
    for rec in records:
        key = norm_key(rec.text)
        old = kept.get(key)
        if old is None:
            kept[key] = rec
            continue
        dropped += 1
        clash = [n for n in old.labels if n in rec.labels and old.labels[n] != rec.labels[n]]
        if clash:
            conflicts.append(
                f"  {rec.lang} {old.slug}/{old.kind} vs {rec.slug}/{rec.kind} on {clash}: "
                f"{old.text!r} / {rec.text!r}"
            )
    if conflicts:
        raise SystemExit("contradictory labels for the same text:\n" + "\n".join(conflicts[:40]))
    return list(kept.values()), dropped


def assign_splits(records: list[Record]) -> None:
    """Whole families to dev, in a hash order, as long as they fit under DEV_SHARE of the group.

    Template families (tens of examples each) are placed first, each one only if that brings dev
    closer to its share; hand-written examples (each a family of one) then fill what is left, so
    dev lands within half a template family of its share for every file and kind.
    """
    groups: dict[tuple[str, str, str], dict[str, list[Record]]] = {}
    for rec in records:
        groups.setdefault((rec.lang, rec.slug, rec.kind), {}).setdefault(rec.family, []).append(rec)
    for (lang, slug, kind), fams in groups.items():
        total = sum(len(v) for v in fams.values())
        target = round(DEV_SHARE * total)
        order = sorted(
            fams,
            key=lambda f: (
                len(fams[f]) == 1,
                hashlib.sha256(f"{SEED}/split/{lang}/{slug}/{kind}/{f}".encode()).hexdigest(),
            ),
        )
        dev = 0
        for fam in order:
            size = len(fams[fam])
            closer = abs(dev + size - target) < abs(dev - target)
            if (size > 1 and closer) or (size == 1 and dev + size <= target):
                dev += size
                for rec in fams[fam]:
                    rec.split = "dev"


def words(text: str, lang: str) -> int:
    if lang == "zh":
        return len(re.findall(rf"[{_CJK}]", text)) // 2 + len(re.findall(r"[A-Za-z0-9]+", text))
    return len(text.split())


def check(records: list[Record]) -> None:
    problems: list[str] = []
    for rec in records:
        if re.search(r"[{}]|\[GROUP\]", rec.text):
            problems.append(f"unexpanded template: {rec.text!r}")
        if rec.lang == "zh" and not re.search(rf"[{_CJK}]", rec.text):
            problems.append(f"zh text without Chinese: {rec.text!r}")
        if words(rec.text, rec.lang) > 90:
            problems.append(f"too long: {rec.text!r}")
    for (lang, slug), sp in SPECS.items():
        n_hand = sum(len(v) for v in sp.hand.values())
        if n_hand < MIN_HAND:
            problems.append(f"{lang}/{slug}: only {n_hand} hand-written examples")
        for kind in KINDS:
            n = sum(1 for r in records if r.lang == lang and r.slug == slug and r.kind == kind)
            wanted = SLUGS[slug] is not None and (
                kind == "hard_negative" or (kind == "positive" and slug != "hate-hard-negatives")
            )
            if slug == "general-negatives":
                wanted = kind == "negative"
            if wanted and n < 250:
                problems.append(f"{lang}/{slug}: only {n} {kind} examples")
    missing = [(lang, slug) for lang in LANGS for slug in SLUGS if (lang, slug) not in SPECS]
    if missing:
        problems.append(f"no data for {missing}")
    if problems:
        raise SystemExit("check failed:\n  " + "\n  ".join(problems[:60]))


def main(argv: Sequence[str]) -> int:
    markdown = "--markdown" in argv
    everything: list[Record] = []
    dropped_total = 0
    for lang in LANGS:
        recs: list[Record] = []
        for slug in SLUGS:
            recs.extend(build_spec(SPECS[(lang, slug)]))
        recs, dropped = dedup_language(recs)
        dropped_total += dropped
        everything.extend(recs)
    check(everything)
    assign_splits(everything)

    rows: list[tuple[str, ...]] = []
    sums: dict[str, list[int]] = {}
    for lang in LANGS:
        (OUT_DIR / lang).mkdir(parents=True, exist_ok=True)
        for slug in SLUGS:
            recs = [r for r in everything if r.lang == lang and r.slug == slug]
            recs.sort(key=lambda r: (KINDS.index(r.kind), r.text, r.json_line()))
            path = OUT_DIR / lang / f"{slug}.jsonl"
            path.write_text("".join(r.json_line() + "\n" for r in recs), encoding="utf-8")
            n = [
                sum(r.kind == "positive" for r in recs),
                sum(r.kind == "hard_negative" for r in recs),
                sum(r.kind == "negative" for r in recs),
                len(recs),
                sum(r.split == "train" for r in recs),
                sum(r.split == "dev" for r in recs),
                sum(r.hand for r in recs),
            ]
            lens = [words(r.text, lang) for r in recs]
            s = sums.setdefault(lang, [0] * 7)
            for i, v in enumerate(n):
                s[i] += v
            rows.append(
                (
                    lang,
                    slug,
                    *map(str, n),
                    f"{min(lens)}/{int(statistics.median(lens))}/{max(lens)}",
                )
            )
    for lang, s in sums.items():
        rows.append((lang, "TOTAL", *map(str, s), ""))
    head = ("lang", "file", "pos", "hard_neg", "neg", "total", "train", "dev", "hand", "words")
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
        for row in (head, *rows):
            print("  ".join(x.ljust(w) for x, w in zip(row, widths, strict=True)).rstrip())
    train = sum(r.split == "train" for r in everything)
    dev = len(everything) - train
    print(
        f"\n{len(everything)} examples, train {train}, dev {dev} "
        f"({100 * dev / len(everything):.1f}% dev); {dropped_total} cross-file duplicates dropped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
