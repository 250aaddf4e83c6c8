"""Moderation as a service: per-tenant engines (rebuilt when the tenant's policies or lists
change), results stored as cases, events enqueued, all in the caller's transaction."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tamis.config import Settings
from tamis.detectors.base import Detector
from tamis.engine import Engine
from tamis.errors import TamisError
from tamis.findings import Action, ModerationResult
from tamis.media import Media
from tamis.services import banks, cases, lists, policies, webhooks
from tamis.services.keys import Principal
from tamis.storage.models import Case, Tenant


@dataclass(frozen=True, slots=True)
class TextItem:
    id: str
    text: str


class ModerationService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._shared: dict[str, Detector] = {}
        self._engines: dict[uuid.UUID, tuple[int, Engine]] = {}
        self._lock = threading.Lock()
        self.banks = banks.BankSources(settings)  # each tenant's hash-bank index, kept in sync

    def engine(
        self,
        s: Session,
        tenant_id: uuid.UUID,
        *,
        config_revision: int | None = None,
        bank_revision: int | None = None,
    ) -> Engine:
        """The tenant's engine, rebuilt if its policies or lists changed and its bank index
        brought up to date. Revisions given were read earlier in this transaction (see
        `Principal`); those not given are selected here."""
        bank_source = self.banks.for_tenant(s, tenant_id, bank_revision)
        revision = config_revision
        if revision is None:
            revision = s.scalar(select(Tenant.config_revision).where(Tenant.id == tenant_id)) or 0
        cached = self._engines.get(tenant_id)
        if cached is not None and cached[0] == revision:
            return cached[1]
        with self._lock:
            cached = self._engines.get(tenant_id)
            if cached is not None and cached[0] == revision:
                return cached[1]
            source = lists.TenantLists(revision, lists.effective(s, tenant_id))
            engine = Engine(
                policies.effective(s, tenant_id),
                self.settings,
                shared=self._shared,
                list_source=source,
                bank_source=bank_source,
            )
            self._engines[tenant_id] = (revision, engine)
            return engine

    def engine_for(self, s: Session, who: Principal) -> Engine:
        """`engine`, with the revisions read when `who` was authenticated, if that was in
        this transaction."""
        known = who.tenant_state
        if known is None:
            return self.engine(s, who.tenant_id)
        return self.engine(
            s,
            who.tenant_id,
            config_revision=known.config_revision,
            bank_revision=known.bank_revision,
        )

    def moderate_texts(
        self, s: Session, who: Principal, items: list[TextItem], policy: str, *, store: bool = True
    ) -> list[dict[str, Any]]:
        engine = self.engine_for(s, who)
        pol = engine.policy(policy)
        results = engine.moderate_many([Media.text(i.text, id=i.id) for i in items], policy)
        out: list[dict[str, Any]] = []
        for item, result in zip(items, results, strict=True):
            if isinstance(result, TamisError):
                out.append({"id": item.id, "error": result.to_dict()})
                continue
            out.append(self._record(s, who, result, pol.store_media, store))
        return out

    def _record(
        self, s: Session, who: Principal, result: ModerationResult, store_media: str, store: bool
    ) -> dict[str, Any]:
        data = result.to_dict()
        if not store:
            return data
        flagged = result.decision.action > Action.ALLOW
        keep = store_media == "always" or (store_media == "flagged" and flagged)
        case = self.record_case(s, who, result, keep_text=keep)
        data["case_id"] = str(case.id)
        return data

    def record_case(
        self,
        s: Session,
        who: Principal,
        result: ModerationResult,
        *,
        keep_text: bool,
        media_sha256: str | None = None,
    ) -> Case:
        """Store `result` as a case and emit its `case.decided` event, both in the caller's
        transaction. The event carries the case's id and decision, never the content (the
        text or image stays in the case and media storage, as the policy's `store_media`
        says)."""
        case = cases.store(s, who.tenant_id, result, keep_text=keep_text, media_sha256=media_sha256)
        if who.tenant_state is not None and not who.tenant_state.has_webhooks:
            return case  # no active endpoint when the request authenticated: nothing to emit
        webhooks.emit(
            s,
            who.tenant_id,
            who.tenant_name,
            "case.decided",
            {
                "case_id": str(case.id),
                "external_id": result.media.id,
                "action": str(result.decision.action),
                "labels": list(result.labels),
                "policy": result.decision.policy_name,
                "policy_version": result.decision.policy_version,
            },
        )
        return case
