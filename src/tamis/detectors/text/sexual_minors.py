"""`sexual/minors` by rule: a word saying a person is a child near an explicit sexual signal,
or a term that sexualises children by itself.

No classifier is trained for this label: tamis does not generate or collect sexual text
involving children to train on. The rule is deliberately broad and scores below certainty so
that policies send hits to review; reporting of abuse cases (news, court records) can match
and is expected to be reviewed by a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from typing import Any

import yaml
from pydantic import Field

from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.findings import Finding
from tamis.lists.matcher import Hit, TermMatcher
from tamis.lists.model import ListKind, TermList
from tamis.media import Modality, Part


class SexualMinorsConfig(DetectorConfig):
    window: int = Field(
        default=120,
        ge=10,
        le=2000,
        description="Most characters between a minor word and a sexual signal.",
    )
    pair_score: float = Field(
        default=0.7,
        ge=0.0,
        le=1.0,
        description="Score when a minor word stands near a sexual signal.",
    )
    standalone_score: float = Field(
        default=0.9, ge=0.0, le=1.0, description="Score of a term that sexualises children."
    )


def _signal_lists() -> list[TermList]:
    raw: dict[str, Any] = yaml.safe_load(
        files("tamis.detectors.text").joinpath("data/minors.yaml").read_text("utf-8")
    )
    return [
        TermList(
            name=name,
            kind=ListKind.REVIEW,
            terms={lang: tuple(terms) for lang, terms in raw[name].items()},
        )
        for name in ("minor", "sexual", "standalone")
    ]


class SexualMinorsDetector(Detector):
    name = "sexual_minors"
    version = "1"
    modalities = frozenset({Modality.TEXT})
    labels = ("sexual/minors",)
    Config = SexualMinorsConfig

    def __init__(self, config: DetectorConfig | None = None) -> None:
        super().__init__(config)
        assert isinstance(self.config, SexualMinorsConfig)
        self.cfg: SexualMinorsConfig = self.config
        self._matcher = TermMatcher(_signal_lists())

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        return [self._one(p) for p in parts]

    def _one(self, part: Part) -> list[Finding]:
        hits = self._matcher.find(part.normalized)
        minors = [h for h in hits if h.list_name == "minor"]
        sexual = [h for h in hits if h.list_name == "sexual"]
        out: list[Finding] = []
        for h in hits:
            if h.list_name == "standalone":
                out.append(
                    self.finding(
                        "sexual/minors",
                        self.cfg.standalone_score,
                        span=h.span,
                        evidence={
                            "kind": "standalone",
                            "term": h.term,
                            "match": part.payload[h.span[0] : h.span[1]],
                        },
                        part=part,
                    )
                )
        pair = self._closest(minors, sexual)
        if pair is not None:
            m, s = pair
            span = (min(m.span[0], s.span[0]), max(m.span[1], s.span[1]))
            out.append(
                self.finding(
                    "sexual/minors",
                    self.cfg.pair_score,
                    span=span,
                    evidence={
                        "kind": "minor_and_sexual",
                        "minor_term": m.term,
                        "sexual_term": s.term,
                        "match": part.payload[span[0] : span[1]][:300],
                    },
                    part=part,
                )
            )
        return out

    def _closest(self, minors: list[Hit], sexual: list[Hit]) -> tuple[Hit, Hit] | None:
        best: tuple[int, Hit, Hit] | None = None
        for m in minors:
            for s in sexual:
                gap = max(s.span[0] - m.span[1], m.span[0] - s.span[1], 0)
                if gap <= self.cfg.window and (best is None or gap < best[0]):
                    best = (gap, m, s)
        return None if best is None else (best[1], best[2])

    @classmethod
    def examples(cls) -> list[Example]:
        return [
            Example("she's only 13, underage, send me her nudes", frozenset({"sexual/minors"})),
            Example("looking for jailbait pics", frozenset({"sexual/minors"})),
            Example("cherche des photos nues d'une collégienne", frozenset({"sexual/minors"})),
            Example("有没有幼女裸照", frozenset({"sexual/minors"})),
            Example("My kids love the new playground.", absent=frozenset({"sexual/minors"})),
            Example(
                "Sex education for teenagers should start early.",
                absent=frozenset({"sexual/minors"}),
            ),
            Example("这个初中生数学考了满分", absent=frozenset({"sexual/minors"})),
            Example("Adults only: send nudes", absent=frozenset({"sexual/minors"})),
        ]
