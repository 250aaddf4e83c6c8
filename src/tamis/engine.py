"""decode -> detect (batched) -> decide, the same code for one item or a batch."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from tamis.config import Settings
from tamis.decoding import base as decoding
from tamis.decoding.base import Decoder
from tamis.decoding.image import decode_image
from tamis.decoding.language import identify
from tamis.decoding.text import decode_text
from tamis.detectors import registry
from tamis.detectors.base import Detector
from tamis.detectors.text.term_lists import TermListDetector
from tamis.errors import NotFound, TamisError, UnsupportedMedia
from tamis.findings import DetectorFailure, Finding, ModerationResult
from tamis.lists.store import ListSource
from tamis.media import Locator, Media, Modality, Part
from tamis.policy.decide import decide
from tamis.policy.model import Policy
from tamis.policy.store import PolicyStore

if TYPE_CHECKING:
    from tamis.detectors.image.hash_banks import BankSource

T = TypeVar("T")


class Engine:
    """Holds loaded detectors (shared between policies that configure them alike)."""

    def __init__(
        self,
        policies: PolicyStore | Mapping[str, Policy] | None = None,
        settings: Settings | None = None,
        detectors: Mapping[str, Detector] | None = None,
        *,
        shared: dict[str, Detector] | None = None,
        list_source: ListSource | None = None,
        bank_source: BankSource | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._policies: PolicyStore | Mapping[str, Policy] = (
            policies if policies is not None else PolicyStore(self.settings.policies_dir)
        )
        # Detectors are shared between engines (tenants) that configure them alike, except the
        # term-list detector when this engine reads its lists from its own source.
        self._detectors: dict[str, Detector] = shared if shared is not None else {}
        self._list_source = list_source
        self._bank_source = bank_source  # the hash_banks detector's banks (a tenant's rows)
        self._own: dict[str, Detector] = {}
        self._decoders: dict[str, Decoder] = {}
        # Pre-built detectors (tests, embedding apps) are used for their name whatever the
        # policy's settings say.
        self._fixed = dict(detectors or {})

    def policy(self, name: str) -> Policy:
        if isinstance(self._policies, PolicyStore):
            return self._policies.get(name)
        if name not in self._policies:
            raise NotFound(
                f"no policy named {name!r}",
                hint="Available: " + ", ".join(sorted(self._policies)) + ".",
            )
        return self._policies[name]

    def detector(self, name: str, settings: Mapping[str, Any] | None) -> Detector:
        if name in self._fixed:
            return self._fixed[name]
        key = name + json.dumps(settings or {}, sort_keys=True)
        if name == TermListDetector.name and self._list_source is not None:
            if key not in self._own:
                cfg = TermListDetector.Config.model_validate(dict(settings or {}))
                self._own[key] = TermListDetector(cfg, source=self._list_source)
            return self._own[key]
        if name == "hash_banks" and self._bank_source is not None:
            if key not in self._own:
                from tamis.detectors.image.hash_banks import HashBankDetector

                self._own[key] = HashBankDetector.with_source(settings, self._bank_source)
            return self._own[key]
        if key not in self._detectors:
            self._detectors[key] = registry.get(name).from_settings(settings)
        return self._detectors[key]

    def moderate(self, media: Media, policy: str = "default") -> ModerationResult:
        result = self.moderate_many([media], policy)[0]
        if isinstance(result, TamisError):
            raise result
        return result

    def decoder(self, name: str, settings: Mapping[str, Any] | None) -> Decoder:
        key = "decoder:" + name + json.dumps(settings or {}, sort_keys=True)
        if key not in self._decoders:
            self._decoders[key] = decoding.get(name).from_settings(settings)
        return self._decoders[key]

    def _decode(self, item: Media) -> list[Part]:
        if item.modality is Modality.TEXT:
            return decode_text(item, self.settings)
        if item.modality is Modality.IMAGE:
            if not isinstance(item.data, bytes):
                raise UnsupportedMedia(
                    f"{item.id}: images are moderated from their bytes",
                    hint="Send the bytes; the API fetches URLs first.",
                )
            frames = decode_image(
                item.data,
                max_bytes=self.settings.max_body_bytes,
                max_pixels=self.settings.max_image_pixels,
            )
            return [
                Part(item.id, Modality.IMAGE, f, Locator(frame=f.frame, start_s=f.timestamp_s))
                for f in frames
            ]
        raise UnsupportedMedia(
            f"{item.id}: no {item.modality} decoder is installed yet",
            hint="This version of tamis moderates text and images.",
        )

    def moderate_many(
        self, items: Sequence[Media], policy: str = "default"
    ) -> list[ModerationResult | TamisError]:
        pol = self.policy(policy)
        detectors = [self.detector(n, s) for n, s in pol.detectors.items()]
        decoders = [self.decoder(n, s) for n, s in pol.decoders.items()]
        timings: list[dict[str, float]] = [{} for _ in items]
        decoded: list[list[Part] | TamisError] = []
        for i, item in enumerate(items):
            t0 = time.perf_counter()
            try:
                decoded.append(self._decode(item))
            except TamisError as exc:
                decoded.append(exc)
            timings[i]["decode"] = time.perf_counter() - t0

        parts: list[Part] = []
        owner: list[int] = []
        for i, d in enumerate(decoded):
            if not isinstance(d, TamisError):
                parts.extend(d)
                owner.extend([i] * len(d))
        findings: list[list[Finding]] = [[] for _ in items]
        failures: list[list[DetectorFailure]] = [[] for _ in items]

        # Decoders derive parts (OCR text with its box, QR payloads) from the decoded ones.
        for dec in decoders:
            t0 = time.perf_counter()
            idx = [k for k, p in enumerate(parts) if p.modality in dec.modalities]
            derived = _run_stage(dec.name, dec.decode, [parts[k] for k in idx])
            for k, got in zip(idx, derived, strict=True):
                if isinstance(got, DetectorFailure):
                    failures[owner[k]].append(got)
                    continue
                for new in got:
                    parts.append(self._with_language(new))
                    owner.append(owner[k])
            for i in {owner[k] for k in idx}:
                timings[i][f"decode:{dec.name}"] = (time.perf_counter() - t0) / max(len(idx), 1)

        for det in detectors:
            t0 = time.perf_counter()
            idx = [k for k, p in enumerate(parts) if p.modality in det.modalities]
            per_part = _run_stage(det.name, det.detect, [parts[k] for k in idx])
            share = (time.perf_counter() - t0) / max(len(idx), 1)
            for k, found in zip(idx, per_part, strict=True):
                if isinstance(found, DetectorFailure):
                    failures[owner[k]].append(found)
                else:
                    findings[owner[k]].extend(_place(f, parts[k]) for f in found)
            for i in {owner[k] for k in idx}:
                timings[i][f"detect:{det.name}"] = share

        results: list[ModerationResult | TamisError] = []
        for i, item in enumerate(items):
            if isinstance(decoded[i], TamisError):
                results.append(decoded[i])  # type: ignore[arg-type]
                continue
            t0 = time.perf_counter()
            decision = decide(pol, findings[i], failures[i])
            timings[i]["decide"] = time.perf_counter() - t0
            own = [p for p, o in zip(parts, owner, strict=True) if o == i]
            langs = tuple(dict.fromkeys(p.lang for p in own if p.lang))
            results.append(
                ModerationResult(
                    item, tuple(findings[i]), tuple(failures[i]), decision, timings[i], langs
                )
            )
        return results

    def _with_language(self, part: Part) -> Part:
        if part.modality is not Modality.TEXT or part.lang or not self.settings.langid:
            return part
        lang, score = identify(str(part.payload))
        return replace(part, lang=lang, lang_score=score)


def image_policy_warning(policy: Policy) -> str | None:
    """A warning when `policy` runs no stage that reads images (no image detector, no
    decoder such as OCR or QR): an image moderated under it can get no finding."""
    stages = [registry.get(n).modalities for n in policy.detectors]
    stages += [decoding.get(n).modalities for n in policy.decoders]
    if any(Modality.IMAGE in m for m in stages):
        return None
    return (
        f"policy {policy.name!r} runs no image detector or decoder, so an image gets no "
        "findings under it: it is only checked (format, size, integrity)"
    )


def _place(finding: Finding, part: Part) -> Finding:
    """Put a finding on the part's coordinates (box, frame, time) and language."""
    locator = part.locator.merged(finding.locator)
    lang = finding.lang or part.lang
    if locator == finding.locator and lang == finding.lang:
        return finding
    return replace(finding, locator=locator, lang=lang)


def _run_stage(
    name: str, run: Callable[[list[Part]], list[list[T]]], parts: list[Part]
) -> list[list[T] | DetectorFailure]:
    """Run a batch; if it fails, run each part alone so one bad item cannot fail the rest."""
    if not parts:
        return []
    try:
        got = run(parts)
        if len(got) != len(parts):
            raise RuntimeError(f"returned {len(got)} results for {len(parts)} parts")
        return list(got)
    except Exception as exc:
        if len(parts) == 1:
            return [DetectorFailure(name, type(exc).__name__, str(exc)[:500])]
        return [one for p in parts for one in _run_stage(name, run, [p])]
