"""Rule-based detector for advertising (contact details, links, wallets) and spam shapes.

It reads the original text (``part.payload``) so every span is in original-string character
offsets and ``text[start:end]`` equals the evidence ``match``. See docs/detectors/ads_spam.md.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

import phonenumbers
from pydantic import Field, field_validator

from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.detectors.text import ads_patterns as pat
from tamis.findings import Finding
from tamis.media import Modality, Part

# Scores (documented in docs/detectors/ads_spam.md).
SCORE_URL = 0.9  # scheme or www. URL, or a bare domain with a path
SCORE_URL_OBFUSCATED = 0.8  # hxxp://, example[.]com, example dot com, 点com, c0m
SCORE_DOMAIN = 0.7  # bare domain, plain dots, no path
SCORE_MESSAGING_LINK = 0.9  # t.me/…, wa.me/…, discord.gg/…
SCORE_EMAIL = 0.85
SCORE_EMAIL_OBFUSCATED = 0.8
SCORE_PHONE = 0.8  # valid number in a configured region (or with an international prefix)
SCORE_PHONE_STRONG = 0.9  # valid and (contact words nearby or written to evade)
SCORE_PHONE_WEAK = 0.6  # only a possible (e.g. local-only) number, with context or evasion
SCORE_HANDLE = 0.85  # messaging keyword followed by an id
SCORE_AT_HANDLE = 0.75  # @name with a messaging platform named nearby
SCORE_AT_HANDLE_CONTACT = 0.6  # @name with "follow", "contact me", "联系"… nearby
SCORE_SHORTCODE = 0.6  # "txt WIN to 87066": a premium-rate SMS short code
SCORE_WALLET = 0.9  # checksum-valid BTC/Tron, bech32, or distinctive ETH/XMR shapes
SCORE_WALLET_SHAPE = 0.6  # base58 shape of BTC/Tron without a valid checksum
SCORE_REPEAT = 0.6  # a run of one repeated character, or a phrase repeated
SCORE_REPEAT_LONG = 0.7  # run three times the minimum, or twice the minimum repeats
SCORE_EMOJI_BASE = 0.5  # emoji flood: 0.5 + 0.4 × emoji ratio, at most 0.9
SCORE_SHOUTING = 0.5
SCORE_SHOUTING_LONG = 0.6  # ≥ 3 × caps_min_letters letters and ≥ 95 % upper-case
SCORE_PHRASE = 0.4  # a typical spam phrase

Hit = tuple[str, float, int, int, dict[str, Any]]  # label, score, start, end, evidence
_CLOSERS = {")": "(", "]": "[", "}": "{"}


class AdsSpamConfig(DetectorConfig):
    """Settings of the ads_spam detector; every option is described in the docs page."""

    detect_ads: bool = True
    detect_spam: bool = True
    phone_regions: list[str] = Field(default_factory=lambda: ["US", "GB", "FR", "CN", "DE", "IN"])
    phone_min_digits: int = Field(7, ge=5, le=15)
    min_repeat_run: int = Field(10, ge=3)
    repeat_ignore_chars: str = "-=_*#~.哈啊呵嘻嘿哦噢呜嗚"
    min_phrase_repeats: int = Field(4, ge=2)
    min_phrase_chars: int = Field(12, ge=4)
    min_emoji: int = Field(10, ge=1)
    max_emoji_ratio: float = Field(0.3, gt=0.0, le=1.0)
    emoji_flood_count: int = Field(30, ge=1)
    caps_min_letters: int = Field(40, ge=1)
    caps_ratio: float = Field(0.8, gt=0.0, le=1.0)
    spam_phrases: bool = True
    extra_spam_phrases: list[str] = Field(default_factory=list)
    max_findings: int = Field(50, ge=1)
    max_evidence_chars: int = Field(200, ge=16)

    @field_validator("phone_regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        supported = phonenumbers.SUPPORTED_REGIONS
        out = []
        for region in value:
            code = region.strip().upper()
            if code not in supported:
                raise ValueError(f"unknown phone region {region!r} (use ISO codes like 'US')")
            out.append(code)
        return out


# Regions where national numbers are commonly written without their trunk prefix.
_TRUNK_OPTIONAL = frozenset({"IN"})


@lru_cache(maxsize=4096)
def _classify_phone(digits: str, plus: bool, regions: tuple[str, ...]) -> tuple[str, str, str]:
    """('valid'|'possible'|'', E.164 number, region) for a digit string."""
    attempts: list[tuple[str, str | None]] = []
    if plus:
        attempts.append(("+" + digits, None))
    elif digits.startswith("00") and len(digits) >= 11:
        attempts.append(("+" + digits[2:], None))  # 0044 20 ...: international prefix
    else:
        attempts.extend((digits, r) for r in regions)
    possible: tuple[str, str, str] = ("", "", "")
    for raw, region in attempts:
        try:
            num = phonenumbers.parse(raw, region)
            valid = phonenumbers.is_valid_number(num)
            if valid and region is not None and region not in _TRUNK_OPTIONAL:
                # Valid only once a trunk prefix is added (DE "0340…" written "340…"): nobody
                # writes a national number that way, so it is at most possible.
                national = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
                valid = re.sub(r"\D", "", national) == raw
            if valid:
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                return "valid", e164, phonenumbers.region_code_for_number(num) or region or ""
            if not possible[0] and phonenumbers.is_possible_number(num):
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                possible = ("possible", e164, region or "")
        except Exception:  # phonenumbers may raise on odd input: never crash
            continue
    return possible


class AdsSpamDetector(Detector):
    """Finds advertising (URLs, e-mails, phones, messaging handles, wallets) and spam shapes."""

    name = "ads_spam"
    version = "1"
    modalities = frozenset({Modality.TEXT})
    labels = ("ads", "spam")

    Config = AdsSpamConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        cfg = self.config
        assert isinstance(cfg, AdsSpamConfig)
        self.cfg = cfg
        self._regions = tuple(cfg.phone_regions)
        self._repeat_ignore = frozenset(cfg.repeat_ignore_chars)
        # (.) then the same character n-1 more times, unrolled: faster than \1{n-1,}.
        self._repeat_re = re.compile(r"(?s)(.)" + r"\1" * (cfg.min_repeat_run - 1) + r"\1*")
        self._phrase_repeat_re = re.compile(
            r"(?P<u>\w[^\n]{0,19}?)(?:[\s,;.!?、，。！？|/\-]{0,3}(?P=u))"
            rf"{{{cfg.min_phrase_repeats - 1},}}"
        )
        builtin = pat.SPAM_PHRASES if cfg.spam_phrases else ()
        self._hints = pat.build_hints((*builtin, *cfg.extra_spam_phrases))

    # ---------------------------------------------------------------------------------------

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        out: list[list[Finding]] = []
        for part in parts:
            text = part.payload
            if part.modality is not Modality.TEXT or not isinstance(text, str) or not text:
                out.append([])
                continue
            low = pat.lower_same_length(text)
            kinds, n_digit_words, phrases = pat.scan_hints(self._hints, low)
            words = low.split()
            hits: list[Hit] = []
            if self.cfg.detect_ads:
                hits.extend(self._resolve_overlaps(self._ads(text, kinds, n_digit_words, words)))
            if self.cfg.detect_spam:
                hits.extend(self._spam(text, words, phrases))
            if len(hits) > self.cfg.max_findings:
                hits.sort(key=lambda h: -h[1])
                hits = hits[: self.cfg.max_findings]
            hits.sort(key=lambda h: (h[2], h[3]))
            out.append([self._make(part, text, *h) for h in hits])
        return out

    def _make(
        self, part: Part, text: str, label: str, score: float, s: int, e: int, ev: dict[str, Any]
    ) -> Finding:
        limit = self.cfg.max_evidence_chars
        match = text[s:e]
        evidence: dict[str, Any] = {"kind": ev.pop("kind"), "match": match[:limit]}
        if len(match) > limit:
            evidence["truncated"] = True
        evidence.update(ev)
        score = min(1.0, max(0.0, score))
        return self.finding(label, score, span=(s, e), evidence=evidence, part=part)

    @staticmethod
    def _resolve_overlaps(
        hits: list[Hit],
    ) -> list[Hit]:
        """Among overlapping ads hits keep the longest (then the highest-scored) one."""
        if len(hits) < 2:
            return hits
        kept: list[Hit] = []
        for h in sorted(hits, key=lambda h: (-(h[3] - h[2]), -h[1], h[2])):
            if all(h[3] <= k[2] or h[2] >= k[3] for k in kept):
                kept.append(h)
        return kept

    # --------------------------------------------------------------------------------- ads

    def _ads(self, text: str, kinds: set[int], n_digit_words: int, words: list[str]) -> list[Hit]:
        hits: list[Hit] = []
        cap = self.cfg.max_findings
        if "//" in text:
            for m in pat.SCHEME_URL_RE.finditer(text):
                hits.append(self._scheme_url(m))
                if len(hits) >= cap:
                    break
        if self._may_have_domain(text, kinds):
            n = 0
            for m in pat.DOMAIN_RE.finditer(text):
                hit = self._domain(text, m)
                if hit is not None:
                    hits.append(hit)
                    n += 1
                    if n >= cap:
                        break
        self._handles(text, kinds, hits)
        if words and max(map(len, words)) >= 26:
            for m in pat.WALLET_RE.finditer(text):
                hit = self._wallet(m)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= 4 * cap:
                        break
        self._phones(text, n_digit_words, hits)
        return hits

    @staticmethod
    def _may_have_domain(text: str, kinds: set[int]) -> bool:
        if pat.HINT_DOT in kinds or " . " in text or pat.BRACKET_DOT_HINT_RE.search(text):
            return True
        for m in pat.DOT_TLD_HINT_RE.finditer(text):
            if (m.group("sp") == "" or text[m.start()] != ".") and pat.is_tld(m.group("t")):
                return True
        return False

    @staticmethod
    def _trim_url(url: str) -> str:
        url = url.rstrip(".,;:!?'\"")
        while url and url[-1] in _CLOSERS and url.count(url[-1]) > url.count(_CLOSERS[url[-1]]):
            url = url[:-1].rstrip(".,;:!?'\"")
        return url

    def _scheme_url(self, m: re.Match[str]) -> Hit:
        s = m.start()
        rest = self._trim_url(m.group("rest"))
        e = m.start("rest") + len(rest)
        host_raw = re.split(r"[/?#]", rest, maxsplit=1)[0]
        host = pat.DOT_RE.sub(".", host_raw).lower().rsplit("@", 1)[-1].split(":", 1)[0]
        defanged = (
            m.group("scheme").lower() not in ("http", "https", "ftp") or m.group("colon") != ":"
        )
        obfuscated = defanged or not pat.PLAIN_HOST_RE.fullmatch(host_raw.split(":", 1)[0])
        platform = self._messaging_platform(host, rest[len(host_raw) :])
        if platform:
            ev = {"kind": "handle", "platform": platform, "host": host}
            return "ads", SCORE_MESSAGING_LINK, s, e, ev
        score = SCORE_URL_OBFUSCATED if obfuscated else SCORE_URL
        return "ads", score, s, e, {"kind": "url", "host": host, "obfuscated": obfuscated}

    @staticmethod
    def _messaging_platform(host: str, path: str) -> str | None:
        host = host.removeprefix("www.")
        if host in pat.MESSAGING_HOSTS and (path.strip("/") or host == "chat.whatsapp.com"):
            return pat.MESSAGING_HOSTS[host]
        if host in ("discord.com", "discordapp.com") and path.startswith("/invite/"):
            return "discord"
        return None

    def _domain(self, text: str, m: re.Match[str]) -> Hit | None:
        host_raw, tld_raw, path = m.group("host"), m.group("tld"), m.group("path")
        tld = tld_raw.lower()
        tld = pat.LEET_TLDS.get(tld, tld)
        if tld_raw[0].isupper() and not tld_raw.isupper():
            return None  # "store.It was": a sentence without a space, not a domain
        labels = pat.DOT_RE.split(host_raw)
        host = ".".join(labels[:-1]).lower() + "." + tld
        if host in pat.NOT_DOMAINS:
            return None
        plain = pat.PLAIN_HOST_RE.fullmatch(host_raw) is not None
        obfuscated = not plain or tld_raw.lower() in pat.LEET_TLDS
        spaced = not plain and pat.SPACED_DOT_RE.search(host_raw) is not None
        if spaced and any(lbl.lower() in pat.SPELLED_DOT_STOPWORDS for lbl in labels[:-1]):
            return None  # "the dot com bubble", "it . me"
        s, e_host = m.start("host"), m.end("host")
        # E-mail: a local part and an "at" right in front of the domain.
        if s > 0:
            tail = pat.EMAIL_TAIL_RE.search(text, max(0, s - 80), s)
            if tail is not None:
                at = tail.group("at")
                spelled = at.strip().lower() in ("at", "arobase")
                if not spelled or obfuscated or labels[-2].lower() in pat.MAIL_PROVIDERS:
                    address = f"{tail.group('local').lower()}@{host}"
                    obf = obfuscated or at not in ("@",)
                    score = SCORE_EMAIL_OBFUSCATED if obf else SCORE_EMAIL
                    ev = {"kind": "email", "address": address, "obfuscated": obf}
                    return "ads", score, tail.start(), e_host, ev
        path = self._trim_url(path)
        if (
            (plain or (spaced and not re.search(r"(?i)\sdot\s|\spunkt\s", host_raw)))
            and len(labels) == 2
            and tld in pat.WEAK_TLDS
            and not path.strip("/")
            and not re.search(r"[\d\-]", labels[0])
        ):
            return None  # "differ.be", "her.my", "trop . il", "au point de vue"
        e = e_host + len(path)
        platform = self._messaging_platform(host, path)
        if platform:
            ev = {"kind": "handle", "platform": platform, "host": host}
            return "ads", SCORE_MESSAGING_LINK, s, e, ev
        if obfuscated:
            score = SCORE_URL_OBFUSCATED
        elif path.strip("/") or host.startswith("www."):
            score = SCORE_URL
        else:
            score = SCORE_DOMAIN
        return "ads", score, s, e, {"kind": "url", "host": host, "obfuscated": obfuscated}

    def _handles(self, text: str, kinds: set[int], hits: list[Hit]) -> None:
        cap = self.cfg.max_findings
        if pat.HINT_SHORTCODE in kinds:
            for m in islice(pat.SHORTCODE_RE.finditer(text), cap):
                ev = {"kind": "shortcode", "code": m.group("code")}
                hits.append(("ads", SCORE_SHORTCODE, m.start(), m.end(), ev))
        if pat.HINT_WECHAT in kinds:
            for m in islice(pat.WECHAT_RE.finditer(text), cap):
                hid = m.group("id")
                if hid.isalpha() and (
                    m.group("weak") or not re.search(r"[:：=＝号號码碼是为為]", m.group("sep"))
                ):
                    continue  # "I use wechat everyday", "the v: version"
                ev = {"kind": "handle", "platform": "wechat", "handle": hid}
                hits.append(("ads", SCORE_HANDLE, m.start(), m.end(), ev))
        if pat.HINT_QQ in kinds:
            for m in islice(pat.QQ_RE.finditer(text), cap):
                ev = {"kind": "handle", "platform": "qq", "handle": m.group("id")}
                hits.append(("ads", SCORE_HANDLE, m.start(), m.end(), ev))
        if pat.HINT_PLATFORM in kinds:
            for m in islice(pat.PLATFORM_HANDLE_RE.finditer(text), cap):
                hid = m.group("id")
                if hid.replace(".", "").isdigit():
                    continue  # a number: the phone finder reports it with its context
                kw = m.group("kw") or m.group("cjk") or ""
                if kw.lower() in ("tg", "ig") and m.group("sep") in "@＠":
                    continue  # "tg @x": "tg" is also French slang; ask for "tg: x"
                platform = pat.platform_name(kw)
                ev = {"kind": "handle", "platform": platform, "handle": hid}
                hits.append(("ads", SCORE_HANDLE, m.start(), m.end(), ev))
        if (pat.HINT_PLATFORM in kinds or pat.HINT_WECHAT in kinds) and (
            "@" in text or "＠" in text
        ):
            for m in islice(pat.AT_HANDLE_RE.finditer(text), cap):
                window = text[max(0, m.start() - 40) : m.end() + 30]
                kw = pat.PLATFORM_KW_RE.search(window)
                if kw is None:
                    continue
                platform = pat.platform_name(kw.group())
                score = SCORE_AT_HANDLE if platform != "unknown" else SCORE_AT_HANDLE_CONTACT
                ev = {"kind": "handle", "platform": platform, "handle": m.group("id")}
                hits.append(("ads", score, m.start(), m.end(), ev))

    @staticmethod
    def _wallet(m: re.Match[str]) -> Hit | None:
        chain = m.lastgroup or ""
        addr = m.group()
        score = SCORE_WALLET
        if chain == "btc" or chain == "tron":
            version = pat.base58check_version(addr)
            expected = (0x41,) if chain == "tron" else (0x00, 0x05)
            if version not in expected:
                if addr.isalpha() or addr.isdigit() or addr.islower() or addr.isupper():
                    return None  # real base58 addresses mix digits and both cases
                score = SCORE_WALLET_SHAPE
        elif chain == "bech32":
            if not pat.bech32_valid(addr):
                score = SCORE_WALLET_SHAPE
            chain = "btc"
        ev = {"kind": "wallet", "chain": {"eth": "eth", "xmr": "xmr"}.get(chain, chain)}
        return "ads", score, m.start(), m.end(), ev

    def _phones(self, text: str, n_digit_words: int, hits: list[Hit]) -> None:
        cfg = self.cfg
        budget = 64  # phone candidates examined per text: bounds the cost of adversarial input
        spelled = n_digit_words >= 2
        rx = pat.PHONE_CANDIDATE_RE if spelled else pat.NUMERIC_PHONE_CANDIDATE_RE
        for m in rx.finditer(text):
            budget -= 1
            if budget < 0:
                break
            if m.end() - m.start() > 120:
                continue  # a wall of numbers, not a phone number
            tokens = list(pat.DIGIT_TOKEN_RE.finditer(text, m.start(), m.end()))
            if len(tokens) < cfg.phone_min_digits:
                continue
            raw = m.group()
            if raw.isascii() and self._not_a_phone(raw):
                continue
            if "isbn" in text[max(0, m.start() - 12) : m.start()].lower():
                continue
            # Groups: tokens separated by nothing belong together.
            groups: list[list[re.Match[str]]] = [[tokens[0]]]
            for tok in tokens[1:]:
                if tok.start() == groups[-1][-1].end() and tok.group().isdigit():
                    groups[-1].append(tok)
                else:
                    groups.append([tok])
            found = self._phone_in_groups(text, m, groups)
            if found is not None:
                hits.append(found)

    @staticmethod
    def _not_a_phone(raw: str) -> bool:
        """Dates, IP addresses, decimals, thousands and version numbers."""
        core = raw.strip(" +＋")
        if pat.is_date(core) or pat.IP_RE.fullmatch(core) or pat.DECIMAL_RE.fullmatch(core):
            return True
        if pat.THOUSANDS_RE.fullmatch(core):
            return True
        seps = set(re.sub(r"\d", "", core))
        if seps == {"."}:
            lengths = [len(g) for g in core.split(".")]
            if len(lengths) >= 3 and not all(2 <= n <= 4 for n in lengths):
                return True  # 10.0.19041.1, 1.2.3.4.5.6.7
        return False

    @staticmethod
    def _bare_not_phone(text: str, digits: str, groups: list[list[re.Match[str]]]) -> bool:
        """For a number with no contact word, no + and no evasion: too short (a local number
        at best), a list of small numbers ("17-19-21-22"), or dots mixed with other separators
        ("506 1.96 2582")."""
        if len(digits) < 10:
            return True
        lengths = [sum(len(t.group()) for t in g) for g in groups]
        if len(lengths) > 1 and max(lengths) < 4 and not digits.startswith("0"):
            return True
        seps = [text[a[-1].end() : b[0].start()] for a, b in itertools.pairwise(groups)]
        dotted = [("." in sep) for sep in seps]
        return any(dotted) and not all(dotted)

    def _phone_in_groups(
        self, text: str, m: re.Match[str], groups: list[list[re.Match[str]]]
    ) -> Hit | None:
        cfg = self.cfg
        plus = m.group()[0] in "+＋"
        ng = len(groups)
        digits_of = ["".join(pat.token_digit(t.group()) for t in g) for g in groups]
        # Longest windows of whole groups first; at most 12 tries per candidate.
        windows = ((i, i + size) for size in range(ng, 0, -1) for i in range(ng - size + 1))
        tries = 0
        for i, j in windows:
            digits = "".join(digits_of[i:j])
            if not cfg.phone_min_digits <= len(digits) <= 15:
                continue
            if digits in "01234567890" or digits in "98765432109":
                continue  # 1234567: counting, not a number
            if max(digits.count(c) for c in set(digits)) >= len(digits) - 2:
                continue  # 0000000, 2333333333 (laughter)
            tries += 1
            if tries > 12:
                break
            status, number, region = _classify_phone(digits, plus and i == 0, self._regions)
            if not status:
                continue
            s = m.start() if (plus and i == 0) else groups[i][0].start()
            e = groups[j - 1][-1].end()
            if s > 0 and text[s - 1] in "(（" and any(c in text[s:e] for c in ")）"):
                s -= 1  # "(415) 555-2671"
            toks = [t.group() for g in groups[i:j] for t in g]
            evasive = any(not t.isascii() or not t.isdigit() for t in toks) or (
                sum(1 for g in groups[i:j] if len(g) == 1) >= 5
            )
            context = pat.PHONE_CONTEXT_RE.search(text, max(0, s - 40), min(len(text), e + 20))
            if not (evasive or context or (plus and i == 0)) and self._bare_not_phone(
                text, digits, groups[i:j]
            ):
                continue
            if status == "valid":
                score = SCORE_PHONE_STRONG if (evasive or context) else SCORE_PHONE
            elif evasive or context or (plus and i == 0):
                score = SCORE_PHONE_WEAK
            else:
                continue
            ev = {"kind": "phone", "number": number, "region": region, "obfuscated": evasive}
            return "ads", score, s, e, ev
        return None

    # -------------------------------------------------------------------------------- spam

    def _spam(self, text: str, words: list[str], phrases: list[tuple[int, int, str]]) -> list[Hit]:
        cfg = self.cfg
        hits: list[Hit] = []
        cap = cfg.max_findings
        for m in self._repeat_re.finditer(text):
            ch = m.group(1)
            if ch.isspace() or ch.isdigit() or ch in self._repeat_ignore:
                continue
            n = m.end() - m.start()
            score = SCORE_REPEAT_LONG if n >= 3 * cfg.min_repeat_run else SCORE_REPEAT
            ev = {"kind": "repeated_chars", "char": ch, "length": n}
            hits.append(("spam", score, m.start(), m.end(), ev))
            if len(hits) >= cap:
                break
        if self._may_repeat_phrase(text, words):
            n_phr = 0
            for m in self._phrase_repeat_re.finditer(text):
                unit = m.group("u")
                core = unit.strip().lower()
                if (
                    len(set(core)) < 2
                    or m.end() - m.start() < cfg.min_phrase_chars
                    or "@" in unit
                    or core in pat.LAUGH_UNITS
                ):
                    continue  # one character, too short, "@user @user", "hahaha"
                count = m.group().count(unit)
                long = count >= 2 * cfg.min_phrase_repeats
                ev = {"kind": "repeated_phrase", "unit": unit, "count": count}
                hits.append(("spam", SCORE_REPEAT_LONG if long else SCORE_REPEAT, *m.span(), ev))
                n_phr += 1
                if n_phr >= cap:
                    break
        if not text.isascii():
            self._emoji(text, hits)
        n_up = len(pat.UPPER_RE.findall(text))
        if n_up >= cfg.caps_min_letters:
            n_low = len(pat.LOWER_RE.findall(text))
            ratio = n_up / (n_up + n_low)
            if ratio >= cfg.caps_ratio:
                s = len(text) - len(text.lstrip())
                e = len(text.rstrip())
                strong = ratio >= 0.95 and n_up >= 3 * cfg.caps_min_letters
                ev = {"kind": "shouting", "ratio": round(ratio, 3), "letters": n_up + n_low}
                hits.append(("spam", SCORE_SHOUTING_LONG if strong else SCORE_SHOUTING, s, e, ev))
        seen: dict[str, dict[str, Any]] = {}
        for start, end, phrase in phrases:
            if phrase in seen:
                seen[phrase]["count"] += 1
                continue
            if len(seen) >= cap:
                break
            seen[phrase] = {"kind": "spam_phrase", "phrase": phrase, "count": 1}
            hits.append(("spam", SCORE_PHRASE, start, end, seen[phrase]))
        return hits

    def _may_repeat_phrase(self, text: str, words: list[str]) -> bool:
        """Cheap test before the repeated-phrase regex: low word or character diversity."""
        cfg = self.cfg
        if len(words) >= cfg.min_phrase_repeats and len(set(words)) * 2 <= len(words):
            return True
        if len(text) < cfg.min_phrase_chars:
            return False
        if len(words) * 8 < len(text):  # few spaces: CJK or glued words
            return len(set(text)) * 3 <= len(text)
        if max(map(len, words), default=0) < cfg.min_phrase_chars:
            return False
        return any(len(w) >= cfg.min_phrase_chars and len(set(w)) * 2 <= len(w) for w in words)

    def _emoji(self, text: str, hits: list[Hit]) -> None:
        cfg = self.cfg
        found = pat.EMOJI_RE.findall(text)
        count = len(found)
        if count < cfg.min_emoji:
            return
        visible = len(text) - sum(text.count(c) for c in " \t\r\n\u200d\ufe0f")
        ratio = count / max(1, visible)
        if ratio < cfg.max_emoji_ratio and count < cfg.emoji_flood_count:
            return
        first = pat.EMOJI_RE.search(text)
        assert first is not None
        last_char = found[-1]
        e = text.rindex(last_char) + 1
        ev = {"kind": "emoji_flood", "count": count, "ratio": round(min(1.0, ratio), 3)}
        score = round(min(0.9, SCORE_EMOJI_BASE + 0.4 * min(1.0, ratio)), 3)
        hits.append(("spam", score, first.start(), e, ev))

    # ----------------------------------------------------------------------------- examples

    @classmethod
    def examples(cls) -> list[Example]:
        ads, spam = frozenset({"ads"}), frozenset({"spam"})
        both = frozenset({"ads", "spam"})
        return [
            Example("Best deals at https://cheap-pills.example.com/buy now", expect=ads),
            Example("visit example dot com for more", expect=ads),
            Example("write to john.doe@gmail.com", expect=ads),
            Example("Call me at +44 20 7946 0958 tonight", expect=ads),
            Example("加微信：abc_12345 了解详情", expect=ads),
            Example("join t.me/cryptopumpgroup", expect=ads),
            Example("send BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", expect=ads),
            Example("appelez le zéro six douze", absent=ads),
            Example("BUY NOW!!!!!!!!!!!! CHEAP WATCHES FOR EVERYONE TODAY", expect=spam),
            Example("🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥 hot 🔥🔥🔥", expect=spam),
            Example("Cliquez ici : www.gagner-vite.fr", expect=both),
            Example("I'll meet you at 10.30, bring version 2.0.1 e.g. tomorrow.", absent=both),
            Example("Mr. Smith paid $19.99 on 2024-05-01, ok...", absent=both),
            Example("今天天气很好，我们去公园散步吧。", absent=both),
        ]
