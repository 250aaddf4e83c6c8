"""Term-list detector: hits in block / review lists become ``list:<name>`` findings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field

from tamis.config import Settings
from tamis.detectors.base import Detector, DetectorConfig, Example
from tamis.errors import NotFound
from tamis.findings import Finding
from tamis.lists.matcher import TermMatcher
from tamis.lists.model import TermList
from tamis.lists.store import ListSource, ListStore
from tamis.media import Modality, Part


class TermListsConfig(DetectorConfig):
    lists: tuple[str, ...] | None = Field(
        default=None, description="Names of the lists to match; all lists when unset."
    )
    user_lists_dir: str | None = Field(
        default=None, description="Folder of user list files; $TAMIS_HOME/lists when unset."
    )
    include_defaults: bool = Field(default=True, description="Also use the shipped lists.")
    masked_score: float = Field(
        default=0.9,
        ge=0.0,
        le=1.0,
        description="Score of a hit found through a masked word (f*ck) rather than spelled out.",
    )


class TermListDetector(Detector):
    name = "term_lists"
    version = "1"
    modalities = frozenset({Modality.TEXT})
    labels = ("list:<name>",)
    Config = TermListsConfig

    def __init__(
        self,
        config: DetectorConfig | None = None,
        *,
        extra_lists: Sequence[TermList] = (),
        source: ListSource | None = None,
    ) -> None:
        super().__init__(config)
        cfg = self.config
        assert isinstance(cfg, TermListsConfig)
        if source is None:
            user_dir = (
                Path(cfg.user_lists_dir) if cfg.user_lists_dir else Settings.from_env().lists_dir
            )
            source = ListStore(user_dir, include_defaults=cfg.include_defaults)
        self.store = source
        self._extra = tuple(extra_lists)
        self._masked_score = cfg.masked_score
        self._selected = cfg.lists
        self._revision: object = None
        self._matcher = self._build()

    def _build(self) -> TermMatcher:
        self._revision = self.store.revision()
        available = self.store.lists()
        for tl in self._extra:
            available[tl.name] = tl
        if self._selected is not None:
            missing = [n for n in self._selected if n not in available]
            if missing:
                raise NotFound(
                    f"term lists not found: {', '.join(missing)}",
                    hint="`tamis lists show` lists the available ones.",
                )
            available = {n: available[n] for n in self._selected}
        return TermMatcher(list(available.values()))

    @property
    def matcher(self) -> TermMatcher:
        """The current matcher; rebuilt when a list file changed since the last batch."""
        if self.store.revision() != self._revision:
            self._matcher = self._build()
        return self._matcher

    def detect(self, parts: Sequence[Part]) -> list[list[Finding]]:
        matcher = self.matcher
        out: list[list[Finding]] = []
        for part in parts:
            findings = []
            for hit in matcher.find(part.normalized):
                evidence = {
                    "list": hit.list_name,
                    "kind": hit.kind.value,
                    "term": hit.term,
                    "match": part.payload[hit.span[0] : hit.span[1]],
                }
                if hit.label:
                    evidence["category"] = hit.label
                if hit.lang:
                    evidence["term_lang"] = hit.lang
                if hit.masked:
                    evidence["masked"] = True
                score = self._masked_score if hit.masked else 1.0
                findings.append(
                    self.finding(
                        f"list:{hit.list_name}", score, span=hit.span, evidence=evidence, part=part
                    )
                )
            out.append(findings)
        return out

    @classmethod
    def examples(cls) -> list[Example]:
        return [
            Example("what the f*ck is this", frozenset({"list:profanity"})),
            Example("v1agra and pr0n, s.e.x chat", frozenset({"list:sexual"})),
            Example("你这个傻逼", frozenset({"list:profanity"})),
            Example("Espèce de connard", frozenset({"list:profanity"})),
            Example(
                "We drank a cocktail in Scunthorpe with an assassin.",
                absent=frozenset({"list:profanity", "list:sexual"}),
            ),
            Example(
                "Shiitake mushrooms are classic.",
                absent=frozenset({"list:profanity", "list:sexual"}),
            ),
        ]
