"""The one label taxonomy, its mapping to hosted-API categories, and what tamis refuses to label.

Labels are plain strings. Fixed labels are listed in LABELS; two families are open:
``list:<name>`` (a hit in a term list) and ``bank:<name>`` (a match in a hash bank).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tamis.errors import InputError, Refused


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    description: str
    openai: tuple[str, ...] = ()
    azure: tuple[str, ...] = ()
    alibaba: tuple[str, ...] = ()


LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label(
            "sexual",
            "Sexual content or solicitation between adults.",
            ("sexual",),
            ("Sexual",),
            ("porn",),
        ),
        Label(
            "sexual/minors",
            "Any sexual content involving minors.",
            ("sexual/minors",),
            ("Sexual",),
            ("porn",),
        ),
        Label(
            "suggestive",
            "Suggestive, non-explicit sexual content (images).",
            (),
            ("Sexual",),
            ("sexy",),
        ),
        Label(
            "hate",
            "Attacks or dehumanisation of people for a protected characteristic.",
            ("hate", "hate/threatening"),
            ("Hate",),
            ("abuse",),
        ),
        Label(
            "harassment",
            "Insults, bullying or threats aimed at a person.",
            ("harassment", "harassment/threatening"),
            ("Hate", "Violence"),
            ("abuse",),
        ),
        Label(
            "violence",
            "Threats, incitement or glorification of violence.",
            ("violence",),
            ("Violence",),
            ("terrorism",),
        ),
        Label(
            "violence/graphic",
            "Gore, graphic injury or death.",
            ("violence/graphic",),
            ("Violence",),
            ("terrorism",),
        ),
        Label(
            "extremism",
            "Support for violent extremist or terrorist groups and acts.",
            ("illicit/violent",),
            ("Violence",),
            ("terrorism",),
        ),
        Label(
            "weapons",
            "Weapons: depiction, sale or instructions.",
            ("illicit/violent",),
            ("Violence",),
            ("contraband",),
        ),
        Label(
            "drugs",
            "Illegal drugs: sale, promotion or instructions.",
            ("illicit",),
            (),
            ("contraband",),
        ),
        Label(
            "self-harm",
            "Promotion of, intent to or instructions for self-harm or suicide.",
            ("self-harm", "self-harm/intent", "self-harm/instructions"),
            ("SelfHarm",),
            (),
        ),
        Label(
            "spam", "Bulk, repetitive or deceptive unsolicited content.", (), (), ("spam", "flood")
        ),
        Label(
            "ads",
            "Advertising and solicitation: URLs, contact details, handles, wallets.",
            (),
            (),
            ("ad",),
        ),
        Label("profanity", "Swearing and vulgar language.", (), (), ("abuse",)),
        Label(
            "face",
            "A human face (location only: never identity, age, gender or ethnicity).",
            (),
            (),
            (),
        ),
    )
}

OPEN_FAMILIES = ("list:", "bank:")
_FAMILY_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")

# What tamis will never infer about a person. Asked-for names are compared after folding case,
# spaces, hyphens and underscores, so "Sexual-Orientation" and "sexual_orientation" both refuse.
_PROTECTED: dict[str, str] = {
    **dict.fromkeys(
        ("ethnicity", "ethnic", "race", "racial", "skincolor", "skintone"), "ethnicity or race"
    ),
    **dict.fromkeys(("religion", "religious", "faith", "belief"), "religion or belief"),
    **dict.fromkeys(
        ("sexualorientation", "orientation", "gay", "lgbt", "lgbtq"), "sexual orientation"
    ),
    **dict.fromkeys(("gender", "sex", "genderidentity", "male", "female"), "gender"),
    **dict.fromkeys(("age", "ageestimation"), "a person's age"),
    **dict.fromkeys(("disability", "health", "healthstatus"), "disability or health"),
    **dict.fromkeys(
        (
            "political",
            "politics",
            "politicalopinion",
            "politicalspeech",
            "partisanship",
            "ideology",
        ),
        "political opinion",
    ),
    **dict.fromkeys(
        (
            "identity",
            "identify",
            "faceid",
            "facerecognition",
            "recognition",
            "personid",
            "celebrity",
            "whoisthis",
        ),
        "the identity of a person",
    ),
    **dict.fromkeys(("nationality", "citizenship", "migrationstatus"), "nationality"),
}


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-/]+", "", name.strip().lower())


def refuse_if_protected(name: str) -> None:
    """Raise Refused when `name` asks for a protected attribute of a person."""
    what = _PROTECTED.get(_fold(name))
    if what is not None:
        raise Refused(
            f"tamis does not infer {what} ({name!r}): it never classifies protected attributes "
            "of people, identifies individuals, or classifies political opinion.",
            hint="See docs/refusals.md. Moderate what content does (hate, harassment, ...), "
            "not who someone is.",
        )


def check_label(name: str) -> str:
    """Return `name` if it is a taxonomy label; refuse protected attributes; else InputError."""
    if name in LABELS:
        return name
    for family in OPEN_FAMILIES:
        if name.startswith(family) and _FAMILY_NAME.match(name[len(family) :]):
            return name
    refuse_if_protected(name)
    raise InputError(
        f"unknown label {name!r}",
        hint="Labels are: " + ", ".join(LABELS) + ", list:<name>, bank:<name>.",
    )
