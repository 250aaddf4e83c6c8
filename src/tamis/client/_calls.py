"""The request of every API method and the parsing of its response, shared by the
synchronous and the asynchronous client."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tamis.client import models as m
from tamis.client import resources as r
from tamis.client._core import Call, Id, Image, JobKind, Texts

T = TypeVar("T")


def _none(_: Any) -> None:
    return None


def _seg(value: Id | str) -> str:
    """One path segment, escaped: a name can never reach another route."""
    return urllib.parse.quote(str(value), safe="")


# --- request bodies ---------------------------------------------------------------------------
def text_body(text: Texts) -> dict[str, Any]:
    if isinstance(text, str):
        return {"text": text}
    items = list(text)
    if all(isinstance(t, str) for t in items):
        return {"texts": items}
    if all(isinstance(t, tuple) and len(t) == 2 for t in items):
        return {"items": [{"id": str(i), "text": t} for i, t in items]}
    raise TypeError("give a str, a list of str, or a list of (id, text) tuples")


def _read(image: Image) -> tuple[str, bytes]:
    if isinstance(image, bytes):
        return "upload", image
    text = os.fspath(image)
    if text.startswith(("http://", "https://")):
        raise TypeError(f"{text!r} looks like a URL: pass it as url=... to have it fetched")
    path = Path(text)
    return path.name, path.read_bytes()


def _form(**fields: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in fields.items():
        if v is not None:
            out[k] = ("true" if v else "false") if isinstance(v, bool) else str(v)
    return out


def _items(parse: Callable[[Mapping[str, Any]], T]) -> Callable[[Any], list[T]]:
    return lambda body: [parse(x) for x in body["items"]]


# --- the calls --------------------------------------------------------------------------------
def moderate_text(
    text: Texts, policy: str, store: bool, idempotency_key: str | None
) -> Call[list[m.TextResult]]:
    body = {**text_body(text), "policy": policy, "store": store}
    return Call(
        "POST",
        "/v1/moderate/text",
        lambda b: [m.TextResult.from_dict(x) for x in b["results"]],
        json=body,
        idempotency_key=idempotency_key,
    )


def moderate_image(
    image: Image | None,
    url: str | None,
    item_id: str | None,
    policy: str,
    store: bool,
    idempotency_key: str | None,
) -> Call[m.ImageResult]:
    if (image is None) == (url is None):
        raise TypeError("give an image (path or bytes) or url=..., not both")

    def parse(b: Any) -> m.ImageResult:
        return m.ImageResult.from_dict(b["result"])

    path = "/v1/moderate/image"
    if url is not None:
        body = {"url": url, "id": item_id, "policy": policy, "store": store}
        return Call("POST", path, parse, json=body, idempotency_key=idempotency_key)
    assert image is not None
    name, data = _read(image)
    return Call(
        "POST",
        path,
        parse,
        files={"file": (name, data, "application/octet-stream")},
        data=_form(id=item_id, policy=policy, store=store),
        idempotency_key=idempotency_key,
    )


def create_job(
    kind: JobKind,
    items: Sequence[str] | Sequence[tuple[str | int, str]] | None,
    file: Image | None,
    url: str | None,
    policy: str,
    callback_url: str | None,
    idempotency_key: str | None,
) -> Call[m.Job]:
    if file is not None:
        name, data = _read(file)
        return Call(
            "POST",
            "/v1/jobs",
            m.Job.from_dict,
            files={"file": (name, data, "application/octet-stream")},
            data=_form(kind=kind, policy=policy, callback_url=callback_url),
            idempotency_key=idempotency_key,
        )
    body: dict[str, Any] = {"kind": kind, "policy": policy}
    if items is not None:
        texts = text_body([items] if isinstance(items, str) else items)
        if "texts" in texts:
            texts["items"] = [{"id": str(i), "text": t} for i, t in enumerate(texts["texts"])]
        body["items"] = texts["items"]
    if url is not None:
        body["url"] = url
    if callback_url is not None:
        body["callback_url"] = callback_url
    return Call("POST", "/v1/jobs", m.Job.from_dict, json=body, idempotency_key=idempotency_key)


def get_job(job_id: Id) -> Call[m.Job]:
    return Call("GET", f"/v1/jobs/{_seg(job_id)}", m.Job.from_dict)


def _when(value: datetime | str | None) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def cases_page(
    *,
    action: str | None = None,
    label: str | None = None,
    policy: str | None = None,
    since: datetime | str | None = None,
    until: datetime | str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Call[m.CasePage]:
    params = {
        "action": action,
        "label": label,
        "policy": policy,
        "since": _when(since),
        "until": _when(until),
        "cursor": cursor,
        "limit": limit,
    }
    return Call("GET", "/v1/cases", m.CasePage.from_dict, params=params)


def get_case(case_id: Id) -> Call[m.Case]:
    return Call("GET", f"/v1/cases/{_seg(case_id)}", m.Case.from_dict)


def policies() -> Call[list[r.PolicySummary]]:
    return Call("GET", "/v1/policies", _items(r.PolicySummary.from_dict))


def policy(name: str) -> Call[r.Policy]:
    return Call("GET", f"/v1/policies/{_seg(name)}", r.Policy.from_dict)


def put_policy(name: str, body: Mapping[str, Any]) -> Call[r.Policy]:
    return Call("PUT", f"/v1/policies/{_seg(name)}", r.Policy.from_dict, json=dict(body))


def delete_policy(name: str) -> Call[None]:
    return Call("DELETE", f"/v1/policies/{_seg(name)}", _none)


def policy_versions(name: str) -> Call[list[r.PolicyVersion]]:
    return Call("GET", f"/v1/policies/{_seg(name)}/versions", _items(r.PolicyVersion.from_dict))


def lists() -> Call[list[r.TermListSummary]]:
    return Call("GET", "/v1/lists", _items(r.TermListSummary.from_dict))


def get_list(name: str) -> Call[r.TermList]:
    return Call("GET", f"/v1/lists/{_seg(name)}", r.TermList.from_dict)


def put_list(name: str, body: Mapping[str, Any]) -> Call[r.TermList]:
    return Call("PUT", f"/v1/lists/{_seg(name)}", r.TermList.from_dict, json=dict(body))


def add_terms(name: str, terms: Sequence[str], lang: str) -> Call[r.TermList]:
    body = {"terms": list(terms), "lang": lang}
    return Call("POST", f"/v1/lists/{_seg(name)}/terms", r.TermList.from_dict, json=body)


def remove_terms(name: str, terms: Sequence[str]) -> Call[r.TermList]:
    body = {"terms": list(terms)}
    return Call("DELETE", f"/v1/lists/{_seg(name)}/terms", r.TermList.from_dict, json=body)


def delete_list(name: str) -> Call[None]:
    return Call("DELETE", f"/v1/lists/{_seg(name)}", _none)


def create_webhook(
    url: str, events: Sequence[str] | None, idempotency_key: str | None
) -> Call[r.Webhook]:
    body: dict[str, Any] = {"url": url}
    if events is not None:
        body["events"] = list(events)
    return Call(
        "POST", "/v1/webhooks", r.Webhook.from_dict, json=body, idempotency_key=idempotency_key
    )


def webhooks() -> Call[list[r.Webhook]]:
    return Call("GET", "/v1/webhooks", _items(r.Webhook.from_dict))


def delete_webhook(hook_id: Id) -> Call[None]:
    return Call("DELETE", f"/v1/webhooks/{_seg(hook_id)}", _none)


def deliveries(hook_id: Id, limit: int) -> Call[list[r.Delivery]]:
    return Call(
        "GET",
        f"/v1/webhooks/{_seg(hook_id)}/deliveries",
        _items(r.Delivery.from_dict),
        params={"limit": limit},
    )


def send_test_event(hook_id: Id, idempotency_key: str | None) -> Call[None]:
    return Call(
        "POST", f"/v1/webhooks/{_seg(hook_id)}/test", _none, idempotency_key=idempotency_key
    )


def create_key(name: str, scopes: Sequence[str], idempotency_key: str | None) -> Call[r.ApiKey]:
    body = {"name": name, "scopes": list(scopes)}
    return Call("POST", "/v1/keys", r.ApiKey.from_dict, json=body, idempotency_key=idempotency_key)


def keys() -> Call[list[r.ApiKey]]:
    return Call("GET", "/v1/keys", _items(r.ApiKey.from_dict))


def revoke_key(key_id: Id) -> Call[None]:
    return Call("DELETE", f"/v1/keys/{_seg(key_id)}", _none)


def audit(limit: int, before_id: int | None) -> Call[list[r.AuditEntry]]:
    params = {"limit": limit, "before_id": before_id}
    return Call("GET", "/v1/audit", _items(r.AuditEntry.from_dict), params=params)


def health() -> Call[m.Health]:
    return Call("GET", "/healthz", m.Health.from_dict, auth=False)


def ready() -> Call[m.Health]:
    # 503 is an answer here ("not ready"), not an error to raise or to retry.
    return Call("GET", "/readyz", m.Health.from_dict, accept=frozenset({503}), auth=False)
