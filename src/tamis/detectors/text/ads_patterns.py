"""Pattern tables and small validators used by the ads / spam detector.

Everything here is compiled once at import. Every pattern is written so that it runs in time
linear in the text: quantifiers are bounded or sit on character classes that cannot overlap
with what follows them, so there is no catastrophic backtracking on adversarial input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import ahocorasick

# --------------------------------------------------------------------------------------------
# Domains and URLs

# A compact set of top-level domains that spam actually uses, plus the common country codes.
# Deliberately absent because they collide with file names, code (user.name, self.id) or words:
# py md sh zip mov rs js is no do so am pm id int name email host group one.
TLDS: frozenset[str] = frozenset((
    "com", "net", "org", "info", "biz", "pro", "mobi", "asia", "edu", "gov", "io", "co", "me",
    "tv", "cc", "ws", "xyz", "top", "online", "site", "shop", "store", "app", "dev", "ai", "gg",
    "ly", "to", "fm", "live", "club", "vip", "win", "bid", "loan", "work", "click", "link",
    "pw", "icu", "cyou", "buzz", "fun", "space", "website", "tech", "blog", "news", "today",
    "life", "world", "ltd", "money", "cash", "bet", "casino", "games", "porn", "sex", "xxx",
    "adult", "dating", "love", "chat", "pics", "art", "cloud", "press", "uk", "de", "fr", "es",
    "it", "nl", "be", "ch", "at", "pl", "se", "dk", "fi", "ie", "pt", "ru", "su", "ua", "cn",
    "hk", "tw", "mo", "jp", "kr", "in", "sg", "my", "th", "vn", "ph", "au", "nz", "ca", "us",
    "mx", "br", "ar", "cl", "za", "ng", "ke", "eg", "tr", "ir", "sa", "ae", "il", "gr", "cz",
    "ro", "hu", "bg", "hr", "sk", "si", "lt", "lv", "ee", "by", "kz", "pk", "bd", "lk", "np",
    "eu", "uz", "cy", "lu", "li", "mc", "ma", "tn", "dz",
))  # fmt: skip

# TLDs written with look-alike digits or symbols ("c0m"), mapped to what they stand for.
LEET_TLDS: dict[str, str] = {"c0m": "com", "c○m": "com", "c〇m": "com", "n3t": "net", "0rg": "org"}


def trie_regex(words: list[str]) -> str:
    """An alternation of `words` as a character trie: much faster for the regex engine than
    a flat list of 150 alternatives, tried after every dot."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_TLD_ALT = "xn--[a-z0-9]{2,59}|" + trie_regex(sorted([*TLDS, *LEET_TLDS]))
_LABEL = r"(?:xn--)?[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"

# Everything that can stand for the dot between two labels. Only a plain "." may touch the
# labels; a dot with spaces around it needs spaces on BOTH sides, so that the end of a sentence
# ("it. Me") is never read as a domain.
_DOT = (
    r"(?:\."
    r"|\s{0,3}[\[({<]\s{0,2}(?:\.|dot|点|點|。)\s{0,2}[\])}>]\s{0,3}"
    r"|\s{0,2}[。．｡点點]\s{0,2}"
    r"|\s{1,3}(?:dot|point|punto|punkt)\s{1,3}"
    r"|\s{1,3}\.\s{1,3})"
)
DOT_RE = re.compile(_DOT, re.IGNORECASE)

# Cheap pre-checks, each starting with a character class so the regex engine scans fast.
# A domain is only looked for when one of them hits.
DOT_TLD_HINT_RE = re.compile(
    r"[.。．｡点點](?P<sp>\s{0,2})(?P<t>xn--[a-z0-9\-]{1,59}|[a-z0-9○〇]{2,6})(?![a-z0-9\-_@＠])",
    re.IGNORECASE,
)
BRACKET_DOT_HINT_RE = re.compile(r"[\[({<]\s{0,2}(?:\.|dot|点|點|。)\s{0,2}[\])}>]", re.IGNORECASE)


def is_tld(word: str) -> bool:
    w = word.lower()
    return w in TLDS or w in LEET_TLDS or w.startswith("xn--")


_PATH = r"(?::\d{2,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]{0,2000})?"

DOMAIN_RE = re.compile(
    rf"(?<![a-z0-9_\-])(?P<host>(?:{_LABEL}{_DOT}){{1,8}}(?P<tld>{_TLD_ALT}))"
    rf"(?![a-z0-9\-_@＠])(?P<path>{_PATH})",
    re.IGNORECASE,
)

# Explicit scheme, also defanged: hxxp://, h**ps://, http[:]//
SCHEME_URL_RE = re.compile(
    r"(?<![a-z0-9])(?P<scheme>h[tx*]{2}ps?|ftp)\s{0,2}(?P<colon>:|\[:\]|\(:\))\s{0,2}//"
    r"(?P<rest>[^\s<>\"'`/\\][^\s<>\"'`\\]{0,2047})",
    re.IGNORECASE,
)

SPACED_DOT_RE = re.compile(r"\s(?:dot|point|punto|punkt|\.)\s", re.IGNORECASE)
PLAIN_HOST_RE = re.compile(r"[a-z0-9.\-]+", re.IGNORECASE)

# Labels that, in front of a spelled-out "dot", are English/French words, not domains
# ("the dot com bubble").
SPELLED_DOT_STOPWORDS: frozenset[str] = frozenset((
    "a", "an", "the", "this", "that", "of", "in", "on", "at", "to", "my", "your", "our", "its",
    "it", "is", "me", "we", "he", "she", "you", "i", "so", "le", "la", "les", "un", "une",
    "des", "du", "de", "ce", "et", "je", "il", "elle",
))  # fmt: skip
# TLDs that are also everyday words: "differ.be", "her.my" are missing spaces, "trop . il" and
# "au point de vue" are prose. A domain ending in one, with a single label, no www and no path,
# written with a plain dot, " . " or a spelled "point", is only reported when its label holds a
# digit or a hyphen.
WEAK_TLDS: frozenset[str] = frozenset((
    "be", "in", "my", "me", "it", "to", "at", "us", "la", "de", "es", "se", "ma", "mo", "ca", "il",
    "co", "by", "love", "life", "live", "world", "fun", "win", "work", "today", "news", "art",
    "chat", "money", "cash", "games",
))  # fmt: skip
# Technology names that look like domains in developer talk.
NOT_DOMAINS: frozenset[str] = frozenset({"asp.net", "vb.net", "ado.net", "node.js"})

# Hosts of messaging links, reported as handles with their platform.
MESSAGING_HOSTS: dict[str, str] = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "wa.me": "whatsapp",
    "chat.whatsapp.com": "whatsapp",
    "api.whatsapp.com": "whatsapp",
    "discord.gg": "discord",
    "line.me": "line",
    "kik.me": "kik",
    "snapchat.com": "snapchat",
    "qm.qq.com": "qq",
    "u.wechat.com": "wechat",
}

# --------------------------------------------------------------------------------------------
# E-mail: the part in front of a domain match, anchored at the domain.

EMAIL_TAIL_RE = re.compile(
    r"(?<![a-z0-9._%+\-])(?P<local>[a-z0-9][a-z0-9._%+\-]{0,63})\s{0,2}"
    r"(?P<at>@|＠|[\[({<]\s?(?:at|@)\s?[\])}>]|\s(?:at|arobase)\s)\s{0,2}\Z",
    re.IGNORECASE,
)
# A spelled " at " only makes an e-mail with an obfuscated dot or a well-known mail provider.
MAIL_PROVIDERS: frozenset[str] = frozenset((
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "me", "aol",
    "proton", "protonmail", "gmx", "mail", "yandex", "qq", "163", "126", "sina", "foxmail",
    "yeah", "orange", "free", "laposte", "wanadoo", "sfr",
))  # fmt: skip

# --------------------------------------------------------------------------------------------
# Phone numbers

WORD_DIGITS: dict[str, str] = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "zéro": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
    "sept": "7", "huit": "8", "neuf": "9",
}  # fmt: skip
CJK_DIGITS: dict[str, str] = {
    **dict.fromkeys("零〇○⓪", "0"), **dict.fromkeys("一幺壹①", "1"),
    **dict.fromkeys("二贰貳②", "2"), **dict.fromkeys("三叁參③", "3"),
    **dict.fromkeys("四肆④", "4"), **dict.fromkeys("五伍⑤", "5"),
    **dict.fromkeys("六陆陸⑥", "6"), **dict.fromkeys("七柒⑦", "7"),
    **dict.fromkeys("八捌⑧", "8"), **dict.fromkeys("九玖⑨", "9"),
}  # fmt: skip

_WORD_ALT = "|".join(sorted(WORD_DIGITS, key=lambda w: (-len(w), w)))
_DIGIT_TOKEN = rf"(?:\d|[{''.join(CJK_DIGITS)}]|(?<![^\W\d_])(?:{_WORD_ALT})(?![^\W\d_]))"
_PHONE_SEP = r"[ \t\u00a0\u3000\-‐‑–—.()/_·・]{0,3}"
DIGIT_TOKEN_RE = re.compile(_DIGIT_TOKEN, re.IGNORECASE)
# A run of at least 7 digit tokens, separated by at most 3 separator characters each. Tokens
# and separators are disjoint, so the repetition cannot backtrack badly.
PHONE_CANDIDATE_RE = re.compile(
    rf"(?:[+＋]\s{{0,2}})?(?:{_DIGIT_TOKEN}{_PHONE_SEP}){{6,}}{_DIGIT_TOKEN}", re.IGNORECASE
)
# The same without spelled-out words, much faster; used when no digit word is present.
_NUM_CLASS = rf"\d{''.join(CJK_DIGITS)}"
NUMERIC_PHONE_CANDIDATE_RE = re.compile(
    rf"[+＋{_NUM_CLASS}](?:(?<=[+＋])\s{{0,2}})?(?:{_PHONE_SEP}[{_NUM_CLASS}]){{6,}}"
)
PHONE_CONTEXT_RE = re.compile(
    r"tel\b|tél|phone|call|text me|sms|whats\s?app|viber|signal|hotline|mobile|contact"
    r"|appel|portable|numéro|joindre|电话|電話|手机|手機|联系|聯繫|致电|热线|微信|vx|wx",
    re.IGNORECASE,
)
DATE_RE = re.compile(
    r"(?<!\d)(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<a2>\d{1,2})[-/.](?P<b2>\d{1,2})[-/.](?P<y2>\d{4}))(?!\d)"
)
IP_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
DECIMAL_RE = re.compile(r"\d+[.,]\d+")
THOUSANDS_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?")


def token_digit(token: str) -> str:
    """The digit ("0".."9") a digit token stands for."""
    if len(token) == 1:
        if token in CJK_DIGITS:
            return CJK_DIGITS[token]
        return str(unicodedata.decimal(token, 0))
    return WORD_DIGITS.get(token.lower(), "0")


def is_date(text: str) -> bool:
    """Whether `text` contains a plausible calendar date such as 2024-05-01 or 01/05/2024."""
    for m in DATE_RE.finditer(text):
        if m.group("y1"):
            month, day = int(m.group("m1")), int(m.group("d1"))
        else:
            a, b = int(m.group("a2")), int(m.group("b2"))
            month, day = (b, a) if a > 12 else (a, b)
            if month > 12:
                month, day = day, month
        if 1 <= month <= 12 and 1 <= day <= 31:
            return True
    return False


# --------------------------------------------------------------------------------------------
# Messaging handles

WECHAT_RE = re.compile(
    r"(?P<kw>(?<![a-z])(?:wechat|weixin|vx|wx)(?![a-z])|微信|威信|薇信|徽信|[vｖ]信|加[vｖ]|加微"
    r"|(?P<weak>[加伽][韦薇威]|伽微|[+＋][vｖ](?![a-z])|薇|(?<![a-z0-9])[vｖ](?=\s?[:：])))"
    r"(?:\s?(?:id|号|號))?(?P<sep>[\s:：=＝\-是码碼为為]{0,5})"
    r"(?P<id>[a-z][a-z0-9_\-]{5,19}|\d{5,15})(?![a-z0-9_\-])",
    re.IGNORECASE,
)
QQ_RE = re.compile(
    r"(?:(?<![a-z0-9])qq?(?![a-z])|扣扣|企鹅|企鵝)(?:\s?(?:号|號|群|id))?[\s:：=＝]{0,4}"
    r"(?P<id>[1-9]\d{4,10})(?!\d)",
    re.IGNORECASE,
)
_PLATFORMS = (
    r"(?<![a-z])(?P<kw>telegram|tg|whats\s?app|signal|skype|kik|snap(?:chat)?|insta(?:gram)?"
    r"|ig|discord|line\s?id)(?![a-z])|(?P<cjk>电报|電報|纸飞机|紙飛機)"
)
PLATFORM_HANDLE_RE = re.compile(
    rf"(?:{_PLATFORMS})(?:\s?(?:id|号|號))?(?:\s{{1,2}}(?:me|us|me on|at))?\s{{0,2}}"
    r"(?P<sep>[:：=＝@＠])\s{0,2}@?(?P<id>[a-z0-9][a-z0-9_.]{2,31})(?![a-z0-9_])",
    re.IGNORECASE,
)
# Context for a bare @name: full platform names ("tg" is also French for "shut up") or an
# invitation to get in touch.
PLATFORM_KW_RE = re.compile(
    r"(?<![a-z])(?:telegram|whats\s?app|signal|skype|kik|snap(?:chat)?|insta(?:gram)?|discord"
    r"|wechat|weixin|contact me|dm me|contactez-moi|follow|suivez|suis-moi)(?![a-z])"
    r"|电报|電報|纸飞机|紙飛機|微信|联系|聯繫|加我|私信|关注|關注",
    re.IGNORECASE,
)
AT_HANDLE_RE = re.compile(
    r"(?<![a-z0-9_@.])[@＠](?P<id>[a-z][a-z0-9_]{3,31})(?![a-z0-9_@])", re.IGNORECASE
)
# Premium-rate SMS short codes: "Txt MUSIC to 87066".
SHORTCODE_RE = re.compile(
    r"(?<![a-z])(?:txt|text|sms|reply)(?![a-z])[^\n.!?]{0,40}?(?<![a-z])to\s{1,2}"
    r"(?:no[:.]?\s?)?(?P<code>\d{5,6})(?![\d.,])",
    re.IGNORECASE,
)
# Repeated "phrases" that are laughter, not spam.
LAUGH_UNITS: frozenset[str] = frozenset((
    "ha", "ah", "hah", "aha", "haha", "he", "eh", "heh", "hehe", "hi", "hih", "ho", "lol", "lo",
    "ol", "ja", "aj", "jaj", "jaja", "je", "ji", "kk", "xd", "wk", "wkwk", "mdr", "hh", "哈",
    "呵", "嘻", "嘿", "啊",
))  # fmt: skip

PLATFORM_NAMES: dict[str, str] = {
    "telegram": "telegram", "tg": "telegram", "whatsapp": "whatsapp", "signal": "signal",
    "skype": "skype", "kik": "kik", "snap": "snapchat", "snapchat": "snapchat",
    "insta": "instagram", "instagram": "instagram", "ig": "instagram", "discord": "discord",
    "lineid": "line", "电报": "telegram", "電報": "telegram", "纸飞机": "telegram",
    "紙飛機": "telegram", "wechat": "wechat", "weixin": "wechat", "微信": "wechat",
}  # fmt: skip
# Words that invite contact without naming a platform.
CONTACT_WORDS: frozenset[str] = frozenset((
    "contactme", "dmme", "contactez-moi", "follow", "suivez", "suis-moi", "联系", "聯繫", "加我",
    "私信", "关注", "關注",
))  # fmt: skip


def platform_name(keyword: str) -> str:
    key = re.sub(r"\s", "", keyword.lower())
    return "unknown" if key in CONTACT_WORDS else PLATFORM_NAMES.get(key, key)


# --------------------------------------------------------------------------------------------
# Crypto wallets

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}
WALLET_RE = re.compile(
    r"(?<![0-9a-zA-Z])(?:"
    r"(?P<eth>0x[0-9a-fA-F]{40})"
    r"|(?P<bech32>bc1[ac-hj-np-z02-9]{11,71}|BC1[AC-HJ-NP-Z02-9]{11,71})"
    r"|(?P<xmr>[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93})"
    r"|(?P<tron>T[1-9A-HJ-NP-Za-km-z]{33})"
    r"|(?P<btc>[13][1-9A-HJ-NP-Za-km-z]{25,34})"
    r")(?![0-9a-zA-Z])"
)


def base58check_version(address: str) -> int | None:
    """The version byte of a valid Base58Check string, or None when the checksum fails."""
    n = 0
    for ch in address:
        n = n * 58 + _B58_INDEX[ch]
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    pad = len(address) - len(address.lstrip("1"))
    raw = b"\x00" * pad + raw
    if len(raw) < 5:
        return None
    body, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] != check:
        return None
    return body[0]


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_valid(address: str) -> bool:
    """Whether a bc1... address has a valid bech32 or bech32m checksum."""
    addr = address.lower()
    hrp, _, data = addr.rpartition("1")
    if not hrp or len(data) < 6:
        return False
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    values += [_BECH32.index(c) for c in data]
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk in (1, 0x2BC830A3)


# --------------------------------------------------------------------------------------------
# Spam shapes

# Emoji and pictographs (including regional-indicator letters and skin-tone modifiers).
EMOJI_RE = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]")
UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
LOWER_RE = re.compile(r"[a-zß-öø-ÿ]")

# Kept short on purpose: a phrase alone is a weak signal, reported with a low score.
SPAM_PHRASES: tuple[str, ...] = (
    # English
    "click here", "free money", "limited offer", "limited time offer", "act now", "buy now",
    "100% free", "make money fast", "make money online", "earn money fast", "work from home",
    "double your money", "risk-free", "no credit check", "claim your prize", "you have won",
    "you've won", "you’ve won",
    # French
    "cliquez ici", "gagnez", "argent facile", "offre limitée", "gagner de l'argent",
    "travail à domicile", "vous avez gagné", "100% gratuit",
    # Chinese
    "加微信", "加我微信", "免费领取", "免费送", "免費送", "点击链接", "日赚", "刷单",
    "兼职赚钱", "稳赚", "包赚", "限时优惠", "扫码领取",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Keyword hints: one Aho-Corasick pass over the lower-cased text says which of the costlier
# regexes are worth running, and finds the spam phrases.

HINT_DOT, HINT_WECHAT, HINT_QQ, HINT_PLATFORM, HINT_DIGIT, HINT_PHRASE, HINT_SHORTCODE = range(7)

_HINT_WORDS: dict[int, tuple[str, ...]] = {
    HINT_DOT: ("dot", "point", "punto", "punkt"),
    HINT_WECHAT: ("wechat", "weixin", "vx", "wx", "微信", "威信", "薇信", "徽信", "v信", "ｖ信",
                  "加v", "加ｖ", "加微", "伽微", "加韦", "伽韦", "加薇", "伽薇", "加威", "伽威",
                  "薇", "+v", "＋v", "v:", "v：", "v :", "ｖ:", "ｖ："),
    HINT_QQ: ("qq", "扣扣", "企鹅", "企鵝", "q ", "q:", "q：", *(f"q{d}" for d in "123456789")),
    HINT_PLATFORM: ("telegram", "tg", "whatsapp", "whats app", "signal", "skype", "kik", "snap",
                    "snapchat", "insta", "instagram", "ig", "联系", "聯繫", "加我", "私信", "关注",
                    "關注", "contact me", "dm me", "contactez-moi", "follow", "suivez", "suis-moi",
                    "discord", "line", "电报", "電報", "纸飞机", "紙飛機"),
    HINT_DIGIT: tuple(WORD_DIGITS),
    HINT_SHORTCODE: ("txt", "text", "sms", "reply"),
}  # fmt: skip


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping any character whose lower case is longer as it is, so that
    offsets in the result are offsets in `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def build_hints(phrases: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton mapping each lower-cased keyword to (keyword, kinds)."""
    kinds: dict[str, set[int]] = {}
    for kind, words in _HINT_WORDS.items():
        for w in words:
            kinds.setdefault(w, set()).add(kind)
    for p in phrases:
        p = p.strip().lower()
        if p:
            kinds.setdefault(p, set()).add(HINT_PHRASE)
    automaton = ahocorasick.Automaton()
    for word, ks in kinds.items():
        automaton.add_word(word, (word, frozenset(ks)))
    automaton.make_automaton()
    return automaton


def scan_hints(automaton: Any, low: str) -> tuple[set[int], int, list[tuple[int, int, str]]]:
    """(kinds present, number of digit words, spam phrase hits as (start, end, phrase)).

    Latin keywords must stand alone: not glued to ASCII letters (handles, dots), to letters
    (digit words) or to word characters (phrases)."""
    present: set[int] = set()
    n_digit_words = 0
    phrases: list[tuple[int, int, str]] = []
    n = len(low)
    for end, (word, ks) in automaton.iter(low):
        end += 1
        start = end - len(word)
        before = low[start - 1] if start > 0 else " "
        after = low[end] if end < n else " "
        head, tail = _ascii_letter(word[0]), _ascii_letter(word[-1])
        for k in ks:
            if k == HINT_PHRASE:
                if (word[0].isascii() and word[0].isalnum() and _word_char(before)) or (
                    word[-1].isascii() and word[-1].isalnum() and _word_char(after)
                ):
                    continue
                phrases.append((start, end, word))
            elif k == HINT_DIGIT:
                if not (before.isalpha() or after.isalpha()):
                    n_digit_words += 1
            elif not (head and _ascii_letter(before)) and not (tail and _ascii_letter(after)):
                present.add(k)
    return present, n_digit_words, phrases
