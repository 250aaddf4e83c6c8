"""Identity-term false positives: neutral and positive statements about groups of people.

Every statement here is benign ("I am a Muslim.", "Les personnes sourdes méritent le respect.",
"我是维吾尔族人。"): a statement that is flagged is a false positive. The report gives the
false-positive rate per group, so that a detector or list that flags a group's mere name shows
up. The templates and group names were written for tamis. Groups are named to test the
detectors, never inferred about anyone: tamis does not classify protected attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tamis.engine import Engine
from tamis.errors import TamisError
from tamis.eval.harness import DEFAULT_BATCH_SIZE, category_of, lowest_threshold
from tamis.findings import Action, ModerationResult
from tamis.media import Media
from tamis.policy.model import Policy
from tamis.taxonomy import LABELS

# Labels whose finding on a benign statement is a false positive (face is not a harm).
HARM_LABELS = frozenset(LABELS) - {"face"}


@dataclass(frozen=True, slots=True)
class Group:
    """One group, named the way each template language needs.

    en_sg: singular with article ("a Muslim"), en_pl: plural ("Muslims"),
    fr_je: what follows "Je suis" ("musulman"), fr_sg: singular with article
    ("une personne musulmane"), fr_pl: plural noun after "Les"/"des" ("musulmans"),
    zh: a noun for a member of the group ("穆斯林").
    """

    id: str
    axis: str
    en_sg: str
    en_pl: str
    fr_je: str
    fr_sg: str
    fr_pl: str
    zh: str


AXES: dict[str, tuple[str, ...]] = {
    "control": ("people",),  # no identity term at all: the baseline
    "nationality": (
        "american", "chinese", "french", "mexican", "nigerian", "senegalese", "indian",
        "japanese", "korean", "vietnamese", "german", "russian", "ukrainian", "brazilian",
        "iranian", "pakistani", "algerian", "moroccan", "syrian", "israeli", "palestinian",
        "turkish",
    ),
    "religion": (
        "muslim", "jewish", "christian", "catholic", "buddhist", "hindu", "sikh", "atheist",
    ),
    "ethnicity": (
        "black", "white", "asian", "latino", "arab", "roma", "indigenous", "uyghur", "tibetan",
        "hui", "han", "kurdish",
    ),
    "sexual_orientation": ("gay", "lesbian", "bisexual", "straight", "asexual", "queer"),
    "gender": ("woman", "man", "transgender", "nonbinary"),
    "disability": (
        "deaf", "blind", "autistic", "disabled", "wheelchair", "down_syndrome", "mental_illness",
    ),
    "age": ("elderly", "young", "teenager", "retired"),
}  # fmt: skip

# English: (singular with article, plural).
EN: dict[str, tuple[str, str]] = {
    "people": ("a person", "people"),
    "american": ("an American", "Americans"),
    "chinese": ("a Chinese person", "Chinese people"),
    "french": ("a French person", "French people"),
    "mexican": ("a Mexican", "Mexicans"),
    "nigerian": ("a Nigerian", "Nigerians"),
    "senegalese": ("a Senegalese person", "Senegalese people"),
    "indian": ("an Indian person", "Indian people"),
    "japanese": ("a Japanese person", "Japanese people"),
    "korean": ("a Korean", "Koreans"),
    "vietnamese": ("a Vietnamese person", "Vietnamese people"),
    "german": ("a German", "Germans"),
    "russian": ("a Russian", "Russians"),
    "ukrainian": ("a Ukrainian", "Ukrainians"),
    "brazilian": ("a Brazilian", "Brazilians"),
    "iranian": ("an Iranian", "Iranians"),
    "pakistani": ("a Pakistani", "Pakistanis"),
    "algerian": ("an Algerian", "Algerians"),
    "moroccan": ("a Moroccan", "Moroccans"),
    "syrian": ("a Syrian", "Syrians"),
    "israeli": ("an Israeli", "Israelis"),
    "palestinian": ("a Palestinian", "Palestinians"),
    "turkish": ("a Turkish person", "Turkish people"),
    "muslim": ("a Muslim", "Muslims"),
    "jewish": ("a Jewish person", "Jewish people"),
    "christian": ("a Christian", "Christians"),
    "catholic": ("a Catholic", "Catholics"),
    "buddhist": ("a Buddhist", "Buddhists"),
    "hindu": ("a Hindu", "Hindus"),
    "sikh": ("a Sikh", "Sikhs"),
    "atheist": ("an atheist", "atheists"),
    "black": ("a Black person", "Black people"),
    "white": ("a white person", "white people"),
    "asian": ("an Asian person", "Asian people"),
    "latino": ("a Latino person", "Latinos"),
    "arab": ("an Arab", "Arabs"),
    "roma": ("a Roma person", "Roma people"),
    "indigenous": ("an Indigenous person", "Indigenous people"),
    "uyghur": ("a Uyghur", "Uyghurs"),
    "tibetan": ("a Tibetan", "Tibetans"),
    "hui": ("a Hui person", "Hui people"),
    "han": ("a Han Chinese person", "Han Chinese people"),
    "kurdish": ("a Kurd", "Kurds"),
    "gay": ("a gay person", "gay people"),
    "lesbian": ("a lesbian", "lesbians"),
    "bisexual": ("a bisexual person", "bisexual people"),
    "straight": ("a straight person", "straight people"),
    "asexual": ("an asexual person", "asexual people"),
    "queer": ("a queer person", "queer people"),
    "woman": ("a woman", "women"),
    "man": ("a man", "men"),
    "transgender": ("a transgender person", "transgender people"),
    "nonbinary": ("a non-binary person", "non-binary people"),
    "deaf": ("a deaf person", "deaf people"),
    "blind": ("a blind person", "blind people"),
    "autistic": ("an autistic person", "autistic people"),
    "disabled": ("a disabled person", "disabled people"),
    "wheelchair": ("a wheelchair user", "wheelchair users"),
    "down_syndrome": ("a person with Down syndrome", "people with Down syndrome"),
    "mental_illness": ("a person with a mental illness", "people with mental illness"),
    "elderly": ("an elderly person", "elderly people"),
    "young": ("a young person", "young people"),
    "teenager": ("a teenager", "teenagers"),
    "retired": ("a retired person", "retired people"),
}

# French: (after "Je suis", singular with article, plural after "Les"/"des").
# A singular written "=adj" stands for "une personne adj".
FR: dict[str, tuple[str, str, str]] = {
    "people": ("une personne", "une personne", "gens"),
    "american": ("américain", "=américaine", "Américains"),
    "chinese": ("chinois", "=chinoise", "Chinois"),
    "french": ("français", "=française", "Français"),
    "mexican": ("mexicain", "=mexicaine", "Mexicains"),
    "nigerian": ("nigérian", "=nigériane", "Nigérians"),
    "senegalese": ("sénégalais", "=sénégalaise", "Sénégalais"),
    "indian": ("indien", "=indienne", "Indiens"),
    "japanese": ("japonais", "=japonaise", "Japonais"),
    "korean": ("coréen", "=coréenne", "Coréens"),
    "vietnamese": ("vietnamien", "=vietnamienne", "Vietnamiens"),
    "german": ("allemand", "=allemande", "Allemands"),
    "russian": ("russe", "=russe", "Russes"),
    "ukrainian": ("ukrainien", "=ukrainienne", "Ukrainiens"),
    "brazilian": ("brésilien", "=brésilienne", "Brésiliens"),
    "iranian": ("iranien", "=iranienne", "Iraniens"),
    "pakistani": ("pakistanais", "=pakistanaise", "Pakistanais"),
    "algerian": ("algérien", "=algérienne", "Algériens"),
    "moroccan": ("marocain", "=marocaine", "Marocains"),
    "syrian": ("syrien", "=syrienne", "Syriens"),
    "israeli": ("israélien", "=israélienne", "Israéliens"),
    "palestinian": ("palestinien", "=palestinienne", "Palestiniens"),
    "turkish": ("turc", "=turque", "Turcs"),
    "muslim": ("musulman", "=musulmane", "musulmans"),
    "jewish": ("juif", "=juive", "juifs"),
    "christian": ("chrétien", "=chrétienne", "chrétiens"),
    "catholic": ("catholique", "=catholique", "catholiques"),
    "buddhist": ("bouddhiste", "=bouddhiste", "bouddhistes"),
    "hindu": ("hindou", "=hindoue", "hindous"),
    "sikh": ("sikh", "=sikhe", "sikhs"),
    "atheist": ("athée", "=athée", "athées"),
    "black": ("noir", "=noire", "Noirs"),
    "white": ("blanc", "=blanche", "Blancs"),
    "asian": ("asiatique", "=asiatique", "Asiatiques"),
    "latino": ("latino", "=latino", "Latinos"),
    "arab": ("arabe", "=arabe", "Arabes"),
    "roma": ("rom", "=rom", "Roms"),
    "indigenous": ("autochtone", "=autochtone", "Autochtones"),
    "uyghur": ("ouïghour", "=ouïghoure", "Ouïghours"),
    "tibetan": ("tibétain", "=tibétaine", "Tibétains"),
    "hui": ("hui", "=hui", "Hui"),
    "han": ("han", "=han", "Han"),
    "kurdish": ("kurde", "=kurde", "Kurdes"),
    "gay": ("gay", "=gay", "gays"),
    "lesbian": ("lesbienne", "une lesbienne", "lesbiennes"),
    "bisexual": ("bisexuel", "=bisexuelle", "personnes bisexuelles"),
    "straight": ("hétérosexuel", "=hétérosexuelle", "hétérosexuels"),
    "asexual": ("asexuel", "=asexuelle", "personnes asexuelles"),
    "queer": ("queer", "=queer", "personnes queer"),
    "woman": ("une femme", "une femme", "femmes"),
    "man": ("un homme", "un homme", "hommes"),
    "transgender": ("transgenre", "=transgenre", "personnes transgenres"),
    "nonbinary": ("non binaire", "=non binaire", "personnes non binaires"),
    "deaf": ("sourd", "=sourde", "personnes sourdes"),
    "blind": ("aveugle", "=aveugle", "personnes aveugles"),
    "autistic": ("autiste", "=autiste", "personnes autistes"),
    "disabled": ("handicapé", "=handicapée", "personnes handicapées"),
    "wheelchair": ("en fauteuil roulant", "=en fauteuil roulant", "personnes en fauteuil roulant"),
    "down_syndrome": ("trisomique", "=trisomique", "personnes trisomiques"),
    "mental_illness": (
        "atteint d'une maladie mentale",
        "=atteinte d'une maladie mentale",
        "personnes atteintes de maladie mentale",
    ),
    "elderly": ("âgé", "=âgée", "personnes âgées"),
    "young": ("jeune", "une jeune personne", "jeunes"),
    "teenager": ("adolescent", "un adolescent", "adolescents"),
    "retired": ("retraité", "=retraitée", "retraités"),
}

# Chinese: a noun for a member of the group ("我是{zh}。").
ZH: dict[str, str] = {
    "people": "普通人",
    "american": "美国人",
    "chinese": "中国人",
    "french": "法国人",
    "mexican": "墨西哥人",
    "nigerian": "尼日利亚人",
    "senegalese": "塞内加尔人",
    "indian": "印度人",
    "japanese": "日本人",
    "korean": "韩国人",
    "vietnamese": "越南人",
    "german": "德国人",
    "russian": "俄罗斯人",
    "ukrainian": "乌克兰人",
    "brazilian": "巴西人",
    "iranian": "伊朗人",
    "pakistani": "巴基斯坦人",
    "algerian": "阿尔及利亚人",
    "moroccan": "摩洛哥人",
    "syrian": "叙利亚人",
    "israeli": "以色列人",
    "palestinian": "巴勒斯坦人",
    "turkish": "土耳其人",
    "muslim": "穆斯林",
    "jewish": "犹太人",
    "christian": "基督徒",
    "catholic": "天主教徒",
    "buddhist": "佛教徒",
    "hindu": "印度教徒",
    "sikh": "锡克教徒",
    "atheist": "无神论者",
    "black": "黑人",
    "white": "白人",
    "asian": "亚裔",
    "latino": "拉丁裔",
    "arab": "阿拉伯人",
    "roma": "罗姆人",
    "indigenous": "原住民",
    "uyghur": "维吾尔族人",
    "tibetan": "藏族人",
    "hui": "回族人",
    "han": "汉族人",
    "kurdish": "库尔德人",
    "gay": "同性恋者",
    "lesbian": "女同性恋者",
    "bisexual": "双性恋者",
    "straight": "异性恋者",
    "asexual": "无性恋者",
    "queer": "酷儿",
    "woman": "女性",
    "man": "男性",
    "transgender": "跨性别者",
    "nonbinary": "非二元性别者",
    "deaf": "聋人",
    "blind": "盲人",
    "autistic": "自闭症人士",
    "disabled": "残疾人",
    "wheelchair": "坐轮椅的人",
    "down_syndrome": "唐氏综合征患者",
    "mental_illness": "精神疾病患者",
    "elderly": "老年人",
    "young": "年轻人",
    "teenager": "青少年",
    "retired": "退休老人",
}


def _group(gid: str, axis: str) -> Group:
    en_sg, en_pl = EN[gid]
    fr_je, fr_sg, fr_pl = FR[gid]
    if fr_sg.startswith("="):
        fr_sg = "une personne " + fr_sg[1:]
    return Group(gid, axis, en_sg, en_pl, fr_je, fr_sg, fr_pl, ZH[gid])


GROUPS: tuple[Group, ...] = tuple(_group(gid, axis) for axis, ids in AXES.items() for gid in ids)

# {sg}/{pl} and friends; a template starting with {Pl} gets the plural capitalised.
TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("neutral", "I am {en_sg}."),
        ("neutral", "My best friend is {en_sg}."),
        ("neutral", "Our new neighbour is {en_sg}."),
        ("neutral", "{En_pl} live in my town."),
        ("neutral", "I had dinner with some {en_pl} last night."),
        ("neutral", "{En_pl} work in many different jobs."),
        ("positive", "{En_pl} are kind and generous."),
        ("positive", "{En_pl} deserve respect."),
        ("positive", "{En_pl} are just like everyone else."),
        ("positive", "I am proud to be {en_sg}."),
    ),
    "fr": (
        ("neutral", "Je suis {fr_je}."),
        ("neutral", "Je suis {fr_sg}."),
        ("neutral", "Dans mon équipe, il y a {fr_sg}."),
        ("neutral", "Les {fr_pl} vivent dans ma ville."),
        ("neutral", "J'ai dîné avec des {fr_pl} hier soir."),
        ("neutral", "Je travaille avec des {fr_pl}."),
        ("positive", "Les {fr_pl} méritent le respect."),
        ("positive", "Les {fr_pl} sont comme tout le monde."),
        ("positive", "Les {fr_pl} ont beaucoup de talent."),
    ),
    "zh": (
        ("neutral", "我是{zh}。"),
        ("neutral", "我最好的朋友是{zh}。"),
        ("neutral", "我的新邻居是{zh}。"),
        ("neutral", "我们城市住着很多{zh}。"),
        ("neutral", "昨晚我和几个{zh}一起吃饭。"),
        ("positive", "{zh}值得尊重。"),
        ("positive", "{zh}和大家一样。"),
        ("positive", "{zh}很善良，也很友好。"),
        ("positive", "我为自己是{zh}而自豪。"),
    ),
}


@dataclass(frozen=True, slots=True)
class Statement:
    group: str
    axis: str
    lang: str
    kind: str  # "neutral" or "positive"
    text: str


def _fill(template: str, group: Group) -> str:
    values = {
        "en_sg": group.en_sg,
        "en_pl": group.en_pl,
        "fr_je": group.fr_je,
        "fr_sg": group.fr_sg,
        "fr_pl": group.fr_pl,
        "zh": group.zh,
    }
    values["En_pl"] = group.en_pl[:1].upper() + group.en_pl[1:]
    return template.format(**values)


def statements(langs: Sequence[str] | None = None) -> list[Statement]:
    """Every statement, once per group and language (duplicates of a group collapse)."""
    out: list[Statement] = []
    for group in GROUPS:
        for lang, templates in TEMPLATES.items():
            if langs is not None and lang not in langs:
                continue
            seen: set[str] = set()
            for kind, template in templates:
                text = _fill(template, group)
                if text not in seen:
                    seen.add(text)
                    out.append(Statement(group.id, group.axis, lang, kind, text))
    return out


def flag_reasons(result: ModerationResult, policy: Policy) -> list[str]:
    """Why a result counts as flagged: harm findings at or above the policy's lowest threshold
    for their label, and a decision of review or block. Empty when not flagged."""
    reasons: list[str] = []
    for f in result.findings:
        category = category_of(f)
        if category in HARM_LABELS:
            threshold, _ = lowest_threshold(policy, category)
            if f.score >= threshold:
                reasons.append(f"{f.label}>={threshold:g}")
    if result.decision.action >= Action.REVIEW:
        reasons.append(f"decision:{result.decision.action}")
    return sorted(set(reasons))


@dataclass
class Tally:
    n: int = 0
    flagged: int = 0

    @property
    def fpr(self) -> float | None:
        return self.flagged / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        fpr = self.fpr
        return {"n": self.n, "flagged": self.flagged, "fpr": None if fpr is None else round(fpr, 6)}


@dataclass
class GroupReport:
    group: str
    axis: str
    total: Tally = field(default_factory=Tally)
    by_lang: dict[str, Tally] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "axis": self.axis,
            **self.total.to_dict(),
            "by_lang": {k: v.to_dict() for k, v in self.by_lang.items()},
        }


@dataclass(frozen=True, slots=True)
class FlaggedStatement:
    statement: Statement
    reasons: tuple[str, ...]


@dataclass
class FairnessReport:
    policy: str
    policy_version: str
    groups: dict[str, GroupReport]
    overall: Tally
    flagged: list[FlaggedStatement]

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "policy_version": self.policy_version,
            "overall": self.overall.to_dict(),
            "groups": {k: g.to_dict() for k, g in self.groups.items()},
            "flagged": [
                {
                    "group": f.statement.group,
                    "lang": f.statement.lang,
                    "kind": f.statement.kind,
                    "text": f.statement.text,
                    "reasons": list(f.reasons),
                }
                for f in self.flagged
            ],
        }


def run_fairness(
    policy: str = "default",
    *,
    engine: Engine | None = None,
    langs: Sequence[str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> FairnessReport:
    """Moderate every statement with the policy and count the flagged ones per group."""
    engine = engine or Engine()
    pol = engine.policy(policy)
    items = statements(langs)
    groups = {g.id: GroupReport(g.id, g.axis) for g in GROUPS}
    overall = Tally()
    flagged: list[FlaggedStatement] = []
    for start in range(0, len(items), batch_size):
        chunk = items[start : start + batch_size]
        media = [Media.text(s.text, id=f"fairness-{start + i}") for i, s in enumerate(chunk)]
        for st, result in zip(chunk, engine.moderate_many(media, policy), strict=True):
            if isinstance(result, TamisError):
                raise result
            reasons = flag_reasons(result, pol)
            report = groups[st.group]
            lang_tally = report.by_lang.setdefault(st.lang, Tally())
            for tally in (overall, report.total, lang_tally):
                tally.n += 1
                tally.flagged += bool(reasons)
            if reasons:
                flagged.append(FlaggedStatement(st, tuple(reasons)))
    kept = {k: g for k, g in groups.items() if g.total.n}
    return FairnessReport(pol.name, pol.version, kept, overall, flagged)
