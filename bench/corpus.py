"""Deterministic benchmark corpora for the text pipeline.

Everything here is generated from a fixed seed with ``random.Random`` (never the global RNG,
never iteration over unsorted sets), so two runs see exactly the same texts:

* ``make_corpus``: short (< 280 chars) English / French / Chinese messages, mostly clean,
  ~15 % with a profane or sexual word (some obfuscated), some with URLs, phones or handles;
* ``make_recall_set``: profane words in sentences, one row per obfuscation kind;
* ``scunthorpe_set``: innocent texts that contain or resemble listed terms;
* ``make_terms``: random pronounceable words (and CJK pairs) for a large user block list.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

MAX_CHARS = 279


def _words(text: str) -> list[str]:
    return text.split()


# --------------------------------------------------------------------------------------------
# Vocabulary (clean)

EN_NAMES = _words("""
Alice Bob Carol David Emma Frank Grace Henry Isla Jack Karen Liam Maya Noah Olivia
Paul Quinn Rosa Sam Tara Umar Vera Will Xena Yusuf Zoe Priya Diego Hana Kenji Amara Lucas Nina
Omar Sofia Tom Lena Ravi Chloe Ethan""")
EN_NOUNS = _words("""
book camera coffee bike phone garden recipe movie song album jacket backpack
laptop charger ticket concert bakery museum report project meeting schedule invoice parcel
delivery review update keyboard monitor lamp chair table sofa blanket kettle oven bread cheese
salad soup pizza burger noodles sandwich apple orange banana tomato carrot potato train bus
flight hotel beach mountain river lake forest park bridge library school office stadium game
match team player coach teacher student lesson course podcast article newsletter photo video
painting sculpture guitar piano violin drum festival market shop store price discount
warranty refund battery screen speaker headset printer router network server database
spreadsheet presentation budget contract proposal garden tent map guidebook umbrella""")
EN_ADJS = _words("""
great lovely awful quick slow cheap expensive tiny huge quiet noisy fresh stale
bright dark warm cold modern classic simple complex friendly helpful boring exciting strange
beautiful ugly clean messy comfortable useful reliable broken new old fantastic decent
average excellent terrible perfect solid fragile colourful elegant practical delicious""")
EN_PLACES = [
    "the station",
    "the airport",
    "the mall",
    "the office",
    "the park",
    "the library",
    "the gym",
    "the beach",
    "the market",
    "the cafe",
    "the museum",
    "the harbour",
    "the stadium",
    "the clinic",
    "the bakery",
    "the cinema",
    "the old town",
    "the riverside",
    "the hotel lobby",
]
EN_CITIES = _words("""
London Paris Berlin Madrid Rome Lisbon Dublin Boston Chicago Seattle Toronto
Sydney Tokyo Osaka Seoul Singapore Mumbai Nairobi Lagos Cairo Lima Bogota Denver Austin Leeds
Glasgow Lyon Marseille Montreal Vancouver Shanghai Beijing Shenzhen Taipei Hanoi""")
EN_TIMES = [
    "today",
    "tomorrow",
    "tonight",
    "this weekend",
    "next week",
    "on Monday",
    "on Friday",
    "later",
    "soon",
    "this morning",
    "after lunch",
    "next month",
]
EN_PAST = [
    "yesterday",
    "last night",
    "this morning",
    "last week",
    "on Tuesday",
    "two days ago",
    "an hour ago",
    "last month",
]
EN_OPINIONS = [
    "really happy with it",
    "not sure it was worth it",
    "would recommend",
    "five stars",
    "could be better",
    "totally worth the wait",
    "a bit disappointing",
    "love it so far",
    "the staff were very kind",
    "packaging was neat",
    "works as advertised",
    "I will buy again",
    "nothing special",
    "better than expected",
]
EN_VERBS_PAST = _words("""
bought fixed tried visited cooked watched read ordered returned painted
cleaned booked found lost borrowed reviewed shared finished started planned""")

EN_TEMPLATES = [
    "{name} said the {adj} {noun} at {place} was {opinion}.",
    "Just got back from {city} with {name}, the {noun} was {adj}!",
    "Does anyone know where I can find a {adj} {noun} near {city}?",
    "I {verb} the {noun} {past} and it was {adj}.",
    "Great {noun}, thanks for sharing. I will try it {time}.",
    "The {noun} arrived {past}; {opinion}.",
    "Meeting at {hour} in {city} to talk about the {noun}.",
    "Can't wait for the {noun} {time}!",
    "Our team finished the {noun} {past}, {opinion}.",
    "Price drop: {adj} {noun} now {price} at {place}.",
    "Has anyone tried the new {noun} from {city}? Looks {adj}.",
    "Reminder: bring your {noun} to {place} {time}.",
    "{name} and {name2} {verb} a {adj} {noun} {past}.",
    "Honestly the {noun} is {adj} but the {noun2} is {adj2}.",
    "Weather in {city} is {adj} {time}, take a {noun}.",
    "Thanks {name}! The {noun} looks {adj}, {opinion}.",
]

FR_NAMES = _words("""
Camille Léa Manon Chloé Inès Louise Jade Hugo Lucas Louis Gabriel Arthur Jules
Mathis Nathan Théo Élodie Amélie Benoît Céline Damien Élise Fabien Hélène Julien Margaux
Nicolas Océane Pierre Sylvie""")
FR_NOUNS_M = _words("""
livre gâteau vélo téléphone jardin film concert musée rapport projet
billet train bus vol hôtel marché parc pont lac restaurant café fromage pain croissant
ordinateur écran clavier colis cours match quartier voyage spectacle festival magasin
appartement canapé manteau sac chapeau journal article podcast album""")
FR_ADJS_M = _words("""
génial magnifique horrible rapide lent cher petit grand calme bruyant frais
moderne simple compliqué sympa utile ennuyeux incroyable beau propre pratique délicieux
parfait solide élégant confortable excellent étrange""")
FR_CITIES = _words("""
Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille
Rennes Reims Grenoble Dijon Angers Brest Genève Bruxelles Montréal Québec""")
FR_TIMES = [
    "aujourd'hui",
    "demain",
    "ce soir",
    "ce week-end",
    "la semaine prochaine",
    "lundi",
    "vendredi",
    "plus tard",
    "bientôt",
    "ce matin",
]
FR_PAST = [
    "hier",
    "hier soir",
    "ce matin",
    "la semaine dernière",
    "mardi",
    "il y a deux jours",
    "le mois dernier",
]
FR_OPINIONS = [
    "je suis ravi",
    "pas sûr que ça valait le coup",
    "je recommande",
    "cinq étoiles",
    "ça pourrait être mieux",
    "ça valait l'attente",
    "un peu décevant",
    "j'adore",
    "le personnel était très gentil",
    "rien de spécial",
    "mieux que prévu",
]
FR_VERBS_PAST = _words("""
acheté réparé essayé visité regardé lu commandé rendu trouvé perdu
emprunté partagé fini commencé réservé""")
FR_TEMPLATES = [
    "{name} a dit que le {noun} était vraiment {adj}.",
    "Je suis allé à {city} avec {name}, le {noun} était {adj} !",
    "Quelqu'un sait où trouver un {noun} {adj} près de {city} ?",
    "J'ai {verb} le {noun} {past} et il était {adj}.",
    "Merci pour le partage, je vais essayer le {noun} {time}.",
    "Le {noun} est arrivé {past}, {opinion}.",
    "Rendez-vous à {hour} à {city} pour parler du {noun}.",
    "Vivement le {noun} {time} !",
    "Promo : {noun} {adj} à {price} à {city}.",
    "Quelqu'un a testé le nouveau {noun} ? Il a l'air {adj}.",
    "{name} et {name2} ont {verb} un {noun} {adj} {past}.",
    "Il fait {adj} à {city} {time}, prenez un {noun}.",
]

ZH_NAMES = _words("小明 小红 李华 王芳 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周杰 吴敏 徐鹏 孙悦 马超")
ZH_NOUNS = _words("""
手机 电脑 咖啡 蛋糕 自行车 书 电影 音乐会 博物馆 报告 项目 火车票 酒店 市场 公园
图书馆 餐厅 面包 水果 衣服 背包 耳机 键盘 显示器 快递 课程 比赛 照片 视频 杂志 雨伞
沙发 台灯 茶叶 月饼 饺子 面条 火锅 包子""")
ZH_ADJS = _words("""
好 漂亮 便宜 贵 快 慢 新 旧 安静 热闹 好吃 有意思 方便 舒服 干净 实用 精彩 简单
复杂 可爱""")
ZH_PLACES = _words("""
商场 车站 机场 公司 学校 公园 超市 咖啡馆 图书馆 体育馆 海边 老街 广场
医院 银行""")
ZH_CITIES = _words("""
北京 上海 广州 深圳 杭州 成都 重庆 南京 武汉 西安 苏州 天津 长沙 青岛 厦门
昆明 台北 香港""")
ZH_TIMES = _words("今天 明天 今晚 周末 下周 周一 周五 晚点 早上 下午 月底")
ZH_PAST = _words("昨天 昨晚 上周 前天 刚才 上个月 早上")
ZH_OPINIONS = _words("""
非常满意 性价比很高 值得推荐 有点失望 还可以 比想象的好 服务很好 下次还来
包装很仔细 质量不错""")
ZH_VERBS = _words("买 修 试 看 读 订 退 找 借 吃 做 拍")
ZH_TEMPLATES = [
    "我{past}在{place}{verb}了{noun}，{opinion}。",
    "{name}说这个{noun}非常{adj}。",
    "有人知道{city}哪里有{adj}的{noun}吗？",
    "谢谢分享，我{time}去试试这个{noun}。",
    "我们{time}在{city}见面，讨论{noun}的事情。",
    "{city}的{noun}真{adj}，{opinion}！",
    "{name}和{name2}{past}一起去{place}{verb}{noun}。",
    "这家{place}的{noun}{adj}又{adj2}，{opinion}。",
    "{time}{city}天气很{adj}，记得带{noun}。",
    "新到的{noun}{price}，{opinion}。",
]

PROFANE_EN = [
    "What the {w} is this?",
    "This is total {w}.",
    "You {w}!",
    "Such a {w}, honestly.",
    "{w} this, I'm done.",
    "Stop being a {w}.",
    "lol {w}",
    "Oh {w}, not again.",
    "{w}!!",
    "That {w} never answers.",
]
PROFANE_FR = ["Franchement, {w} !", "Quel {w}...", "C'est du {w}, sérieux.", "{w} alors."]
PROFANE_ZH = ["真是{w}！", "{w}，太过分了。", "这个人就是{w}。", "什么{w}东西。"]

DOMAINS = _words("""
example-shop.com bestdeals.net mybakery.fr cheap-tickets.io travelblog.org
gadgetzone.xyz news-daily.co.uk le-marche.fr promo-club.shop videohub.tv""")
HANDLES = _words("jenny_shop bigdeals88 linlin2024 promo_king marie.laure fastcash_vip")


def _url(rng: random.Random) -> str:
    d = rng.choice(DOMAINS)
    if rng.random() < 0.5:
        return f"https://www.{d}/p/{rng.randint(100, 99999)}"
    return d


def _phone(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"+1 (415) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"
    if kind == 1:
        return "06 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4))
    if kind == 2:
        return f"138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    return f"+44 7700 {rng.randint(100000, 999999)}"


def _contact(rng: random.Random, lang: str) -> str:
    kind = rng.randrange(5)
    handle = rng.choice(HANDLES)
    if lang == "zh":
        return [
            f"详情看 {_url(rng)}",
            f"电话 {_phone(rng)}",
            f"加微信: {handle.replace('.', '_')}",
            f"QQ {rng.randint(10000000, 999999999)}",
            f"联系 @{handle.replace('.', '_')}",
        ][kind]
    if lang == "fr":
        return [
            f"Plus d'infos sur {_url(rng)}",
            f"Appelez le {_phone(rng)}",
            f"Écrivez-moi : {handle}@gmail.com",
            f"telegram: {handle.replace('.', '_')}",
            f"suivez @{handle.replace('.', '_')}",
        ][kind]
    return [
        f"Check {_url(rng)}",
        f"Call me at {_phone(rng)}",
        f"DM me on telegram: {handle.replace('.', '_')}",
        f"email {handle}@outlook.com",
        f"follow @{handle.replace('.', '_')} on instagram",
    ][kind]


def _price(rng: random.Random, lang: str) -> str:
    n = rng.randint(3, 900)
    return {
        "en": f"${n}.{rng.randint(0, 99):02d}",
        "fr": f"{n},{rng.randint(0, 99):02d} €",
        "zh": f"只要{n}元",
    }[lang]


def _sentence(rng: random.Random, lang: str) -> str:
    hour = f"{rng.randint(7, 21)}:{rng.choice(['00', '15', '30', '45'])}"
    if lang == "en":
        t = rng.choice(EN_TEMPLATES)
        return t.format(
            name=rng.choice(EN_NAMES),
            name2=rng.choice(EN_NAMES),
            noun=rng.choice(EN_NOUNS),
            noun2=rng.choice(EN_NOUNS),
            adj=rng.choice(EN_ADJS),
            adj2=rng.choice(EN_ADJS),
            place=rng.choice(EN_PLACES),
            city=rng.choice(EN_CITIES),
            time=rng.choice(EN_TIMES),
            past=rng.choice(EN_PAST),
            opinion=rng.choice(EN_OPINIONS),
            verb=rng.choice(EN_VERBS_PAST),
            hour=hour,
            price=_price(rng, "en"),
        )
    if lang == "fr":
        t = rng.choice(FR_TEMPLATES)
        return t.format(
            name=rng.choice(FR_NAMES),
            name2=rng.choice(FR_NAMES),
            noun=rng.choice(FR_NOUNS_M),
            adj=rng.choice(FR_ADJS_M),
            city=rng.choice(FR_CITIES),
            time=rng.choice(FR_TIMES),
            past=rng.choice(FR_PAST),
            opinion=rng.choice(FR_OPINIONS),
            verb=rng.choice(FR_VERBS_PAST),
            hour=hour.replace(":", "h"),
            price=_price(rng, "fr"),
        )
    t = rng.choice(ZH_TEMPLATES)
    return t.format(
        name=rng.choice(ZH_NAMES),
        name2=rng.choice(ZH_NAMES),
        noun=rng.choice(ZH_NOUNS),
        adj=rng.choice(ZH_ADJS),
        adj2=rng.choice(ZH_ADJS),
        place=rng.choice(ZH_PLACES),
        city=rng.choice(ZH_CITIES),
        time=rng.choice(ZH_TIMES),
        past=rng.choice(ZH_PAST),
        opinion=rng.choice(ZH_OPINIONS),
        verb=rng.choice(ZH_VERBS),
        price=_price(rng, "zh"),
    )


# --------------------------------------------------------------------------------------------
# Obfuscation

LEET_DIGITS = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "g": "9", "b": "8"}
LEET_SYMBOLS = {"a": "@", "s": "$", "i": "!", "l": "|"}
# Cyrillic and Greek letters that look like Latin ones.
HOMOGLYPHS = {
    "a": "а", "c": "с", "e": "е", "i": "і", "j": "ј", "o": "о", "p": "р", "s": "ѕ", "x": "х",
    "y": "у", "h": "һ", "k": "κ", "v": "ν", "n": "η", "t": "τ", "u": "υ",
}  # fmt: skip
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def _replace_some(word: str, table: dict[str, str], rng: random.Random) -> str | None:
    positions = [i for i, c in enumerate(word) if c in table]
    if not positions:
        return None
    k = max(1, round(len(positions) * rng.uniform(0.4, 1.0)))
    chosen = set(rng.sample(positions, k))
    return "".join(table[c] if i in chosen else c for i, c in enumerate(word))


def _mask(word: str, rng: random.Random) -> str | None:
    if len(word) < 3:
        return None
    middle = list(range(1, len(word) - 1))
    k = max(1, min(len(middle), len(word) // 2 - (len(word) > 4), round(len(middle) / 2)))
    chosen = set(rng.sample(middle, k))
    return "".join("*" if i in chosen else c for i, c in enumerate(word))


def _repeat(word: str, rng: random.Random) -> str:
    vowels = [i for i, c in enumerate(word) if c in "aeiouy"]
    i = rng.choice(vowels or list(range(len(word))))
    return word[: i + 1] + word[i] * rng.randint(2, 5) + word[i + 1 :]


def _zero_width(word: str, rng: random.Random) -> str:
    gaps = list(range(1, len(word)))
    chosen = set(rng.sample(gaps, min(len(gaps), rng.randint(1, 3))))
    return "".join((rng.choice(ZERO_WIDTH) if i in chosen else "") + c for i, c in enumerate(word))


def _mixed_case(word: str, rng: random.Random) -> str:
    for _ in range(20):
        out = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
        if out != word and out != word.upper() and out != word.capitalize():
            return out
    return word[0] + word[1:].upper()


def _fullwidth(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


OBFUSCATIONS: dict[str, Callable[[str, random.Random], str | None]] = {
    "leet_digits": lambda w, r: _replace_some(w, LEET_DIGITS, r),
    "leet_symbols": lambda w, r: _replace_some(w, LEET_SYMBOLS, r),
    "masked": _mask,
    "dots": lambda w, r: ".".join(w),
    "spaces": lambda w, r: " ".join(w),
    "hyphens": lambda w, r: "-".join(w),
    "repeated": _repeat,
    "fullwidth": lambda w, r: _fullwidth(w),
    "homoglyph": lambda w, r: _replace_some(w, HOMOGLYPHS, r),
    "zero_width": _zero_width,
    "mixed_case": _mixed_case,
}


def obfuscate(word: str, kind: str, rng: random.Random) -> str | None:
    """An obfuscated spelling of `word`, or None when the kind does not apply to it."""
    if kind == "plain":
        return word
    out = OBFUSCATIONS[kind](word, rng)
    return None if out is None or out == word else out


# --------------------------------------------------------------------------------------------
# Corpus


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    lang: str
    profane: bool = False  # holds a word both tamis and better_profanity list
    obfuscated: bool = False
    contact: bool = False
    tags: tuple[str, ...] = field(default=())


def make_corpus(
    n: int,
    profane_words: Sequence[str],
    *,
    seed: int = 1234,
    profane_rate: float = 0.15,
    contact_rate: float = 0.12,
    obfuscated_share: float = 0.3,
) -> list[Item]:
    """`n` short messages: 50 % English, 25 % French, 25 % Chinese."""
    rng = random.Random(seed)
    kinds = sorted(OBFUSCATIONS)
    items: list[Item] = []
    while len(items) < n:
        lang = rng.choices(["en", "fr", "zh"], weights=[2, 1, 1])[0]
        clean = [_sentence(rng, lang) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        profane = rng.random() < profane_rate and bool(profane_words)
        obfuscated = False
        insult = ""
        if profane:
            word = rng.choice(profane_words)
            if rng.random() < obfuscated_share:
                spelled = obfuscate(word, rng.choice(kinds), rng)
                obfuscated = spelled is not None
                word = spelled or word
            frame = rng.choice({"en": PROFANE_EN, "fr": PROFANE_FR, "zh": PROFANE_ZH}[lang])
            insult = frame.format(w=word)
        where = rng.randrange(len(clean) + 1)
        contact = rng.random() < contact_rate
        extra = _contact(rng, lang) if contact else ""
        sep = "" if lang == "zh" else " "
        while True:
            parts = clean[:where] + ([insult] if insult else []) + clean[where:]
            text = sep.join(parts + ([extra] if extra else []))
            if len(text) <= MAX_CHARS or len(clean) <= 1:
                break
            clean.pop()  # drop a clean sentence until it fits
            where = min(where, len(clean))
        if len(text) > MAX_CHARS:
            continue
        items.append(Item(text, lang, profane, obfuscated, contact))
    return items


# --------------------------------------------------------------------------------------------
# Recall and false-positive sets


@dataclass(frozen=True, slots=True)
class RecallCase:
    word: str
    kind: str
    variant: str
    text: str
    span: tuple[int, int]  # of the variant in text


RECALL_FRAMES = [
    "I can't believe you said {w} to me yesterday.",
    "Honestly, {w} is the only word for it.",
    "He wrote {w} all over the forum again.",
    "Why would anyone post {w} here?",
    "Mods, this user keeps typing {w} in every thread.",
    "{w} was the first thing she said.",
    "Lol, the chat is full of {w} tonight.",
    "Please remove the comment that says {w}.",
]


def make_recall_set(
    words: Sequence[str], kinds: Iterable[str], *, seed: int = 99
) -> list[RecallCase]:
    rng = random.Random(seed)
    cases = []
    for word in words:
        for kind in kinds:
            variant = obfuscate(word, kind, rng)
            if variant is None:
                continue
            frame = rng.choice(RECALL_FRAMES)
            start = frame.index("{w}")
            text = frame.replace("{w}", variant)
            cases.append(RecallCase(word, kind, variant, text, (start, start + len(variant))))
    return cases


SCUNTHORPE_WORDS = _words("""

Scunthorpe cocktail assassin shiitake Essex class bass Sussex Middlesex classic
glass grass compass passion embassy massage hassle assess assist assume arsenal arsenic parse
cockpit peacock Hancock Hitchcock Dickens Dickinson document circumstance cucumber accumulate
analysis analyst canal sextant sextet Penistone Clitheroe shuttlecock Saturday scrap skyscraper
prickly Pissarro feckless therapist grape butter button buttress title constitution hello
shell cockatoo cumulative spicy butterfly titanium Cockburn pianist grasshopper passenger
bassoon harass mass Shitake Matsushita Sexton Wessex Titus cumin Dickson""")
SCUNTHORPE_FRAMES = [
    "We talked about {w} for most of the afternoon.",
    "The word of the day is {w}.",
    "My notes mention {w} twice.",
]
SCUNTHORPE_EXTRA = [
    "We drank a cocktail in Scunthorpe with an assassin.",
    "Shiitake mushrooms are classic in this soup.",
    "The bass player from Essex took a class in analysis.",
    "Please assess the document before the cumulative review.",
    "Le calcul de la circulation à Martinique est unique.",
    "Dominique a une culture technique et une connexion rapide.",
    "Il faut baisser le prix du fichier, c'est ridicule.",
    "Le cul-de-sac près de la clinique est calme.",
    "Sa salopette est dans le véhicule particulier.",
    "On a bu un chianti bordelais avec du pain batard.",
    "我们在路口交通灯前等了很久。",
    "他一直在做爱心公益活动。",
    "太阳具有巨大的能量。",
    "这个角色情感很丰富。",
    "我们在操场上跑步，她参加了体操比赛。",
    "这个港口交通便利，出口交易很多。",
    "乌龟头很小，很可爱。",
    "林阴道上有很多人散步。",
]


def scunthorpe_set(*, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(SCUNTHORPE_FRAMES).format(w=w) for w in SCUNTHORPE_WORDS] + list(
        SCUNTHORPE_EXTRA
    )


# --------------------------------------------------------------------------------------------
# A large user term list

_ONSETS = _words("b c d f g h j k l m n p r s t v w z br cr dr fr gr pl tr st sp ch sh th")
_VOWELS = _words("a e i o u a e i o ou ai ea")
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "x", "t", "nd", "rt"]
_TOKEN = re.compile(r"[^\W\d_]+")


def _pronounceable(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if i else "")
        for i in range(syllables)
    )


def make_terms(
    n: int,
    avoid_texts: Iterable[str],
    *,
    cjk_pool: Sequence[str],
    seed: int = 4321,
    zh_share: float = 0.1,
) -> dict[str, list[str]]:
    """`n` distinct terms (en/fr pronounceable words, zh pairs from `cjk_pool`) that occur as
    no word of `avoid_texts`, so the list adds matching work but no false positives."""
    rng = random.Random(seed)
    avoid: set[str] = set()
    for text in avoid_texts:
        avoid.update(t.lower() for t in _TOKEN.findall(text))
    n_zh = int(n * zh_share)
    seen: set[str] = set()
    out: dict[str, list[str]] = {"en": [], "fr": [], "zh": []}
    while len(out["zh"]) < n_zh:
        term = "".join(rng.sample(list(cjk_pool), rng.randint(2, 3)))
        if term not in seen:
            seen.add(term)
            out["zh"].append(term)
    latin = n - n_zh
    while len(out["en"]) + len(out["fr"]) < latin:
        word = _pronounceable(rng)
        if len(word) < 5 or word in seen or word in avoid:
            continue
        seen.add(word)
        out["en" if rng.random() < 0.5 else "fr"].append(word)
    return out


def cjk_pool(avoid_texts: Iterable[str], size: int = 300, *, seed: int = 8765) -> list[str]:
    """CJK characters (already simplified) that occur in none of `avoid_texts`, so terms built
    from them cannot match as substrings there."""
    from tamis.text.charfold import to_simplified

    used: set[str] = set()
    for text in avoid_texts:
        used.update(to_simplified(text))
    rng = random.Random(seed)
    pool: list[str] = []
    seen: set[str] = set()
    while len(pool) < size:
        ch = chr(rng.randint(0x4E00, 0x9FA5))
        simple = to_simplified(ch)
        if simple == ch and ch not in used and ch not in seen:
            seen.add(ch)
            pool.append(ch)
    return pool
