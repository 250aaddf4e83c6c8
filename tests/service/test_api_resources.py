"""Resources through the API: policies with versions, term lists, cases (filters, cursor
pagination), keys, the audit log, metrics, and the image endpoint with media storage."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from PIL import Image
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select, text

from tamis.mediastore import FileMediaStore
from tamis.storage.models import ApiKey, Case, IdempotencyKey, WebhookDelivery
from tests.service.conftest import Api
from tests.service.test_api_bad_input import assert_error

PROFANE = "what the fuck"  # list:profanity: review under `default`, label under `comments`
SEXUAL = "free porn here"  # list:sexual: block under `default`


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def moderate(api: Api, text: str, policy: str = "default", key: str | None = None) -> Any:
    body = {"text": text, "policy": policy}
    r = ok(api.client.post("/v1/moderate/text", json=body, headers=api.headers(key)))
    return r["results"][0]


def action(api: Api, text: str, policy: str = "default") -> str:
    return str(moderate(api, text, policy)["decision"]["action"])


def get(api: Api, url: str, **params: Any) -> Any:
    return ok(api.client.get(url, params=params, headers=api.headers()))


def admin_key_id(api: Api) -> str:
    keys = get(api, "/v1/keys")["items"]
    return str(next(k["id"] for k in keys if k["name"] == "bootstrap admin"))


# --- policies -------------------------------------------------------------------------------
def test_policy_versions_and_the_digest_cases_record(api: Api) -> None:
    v1 = {"description": "strict", "lists": {"profanity": "block"}}
    r1 = ok(api.client.put("/v1/policies/strict", json=v1, headers=api.headers()))
    assert (r1["name"], r1["version"], r1["source"]) == ("strict", 1, "tenant")
    case1 = moderate(api, PROFANE, "strict")
    assert case1["decision"]["action"] == "block"
    assert case1["decision"]["policy_version"] == r1["digest"]

    v2 = {"name": "strict", "description": "strict", "lists": {"profanity": "label"}}
    r2 = ok(api.client.put("/v1/policies/strict", json=v2, headers=api.headers()))
    assert r2["version"] == 2 and r2["digest"] != r1["digest"]
    case2 = moderate(api, PROFANE, "strict")  # the very next call uses version 2
    assert case2["decision"]["action"] == "label"
    assert case2["decision"]["policy_version"] == r2["digest"]

    current = get(api, "/v1/policies/strict")
    assert (current["version"], current["digest"], current["source"]) == (2, r2["digest"], "tenant")
    assert current["policy"]["lists"] == {"profanity": "label"}
    versions = get(api, "/v1/policies/strict/versions")["items"]
    assert [(v["version"], v["digest"], v["deleted"]) for v in versions] == [
        (2, r2["digest"], False),
        (1, r1["digest"], False),
    ]
    assert versions[1]["policy"]["lists"] == {"profanity": "block"}

    # the stored cases keep the digest of the version that decided them
    for case, digest, act in ((case1, r1["digest"], "block"), (case2, r2["digest"], "label")):
        stored = get(api, f"/v1/cases/{case['case_id']}")
        assert (stored["policy"], stored["policy_version"], stored["action"]) == (
            "strict",
            digest,
            act,
        )
    listed = {p["name"]: p for p in get(api, "/v1/policies")["items"]}
    assert listed["strict"] == {
        "name": "strict",
        "digest": r2["digest"],
        "version": 2,
        "source": "tenant",
        "description": "strict",
    }
    assert listed["default"]["source"] == "shipped" and listed["default"]["version"] is None

    # saving the same content again is a new version with the same digest
    r3 = ok(api.client.put("/v1/policies/strict", json=v2, headers=api.headers()))
    assert (r3["version"], r3["digest"]) == (3, r2["digest"])


def test_deleting_a_tenant_policy(api: Api) -> None:
    ok(api.client.put("/v1/policies/temp", json={"lists": {"*": "label"}}, headers=api.headers()))
    assert action(api, PROFANE, "temp") == "label"
    assert api.client.delete("/v1/policies/temp", headers=api.headers()).status_code == 204
    assert_error(api.client.get("/v1/policies/temp", headers=api.headers()), 404, "not_found")
    r = api.client.post(
        "/v1/moderate/text", json={"text": "x", "policy": "temp"}, headers=api.headers()
    )
    assert_error(r, 404, "not_found")
    assert "temp" not in [p["name"] for p in get(api, "/v1/policies")["items"]]
    versions = get(api, "/v1/policies/temp/versions")["items"]
    assert [(v["version"], v["deleted"]) for v in versions] == [(2, True), (1, False)]
    assert_error(api.client.delete("/v1/policies/temp", headers=api.headers()), 404)
    # saved again: the numbering goes on
    r = ok(api.client.put("/v1/policies/temp", json={}, headers=api.headers()))
    assert r["version"] == 3
    assert action(api, PROFANE, "temp") == "block"  # no mapping: the list's own kind


def test_deleting_an_override_uncovers_the_shipped_policy(api: Api) -> None:
    shipped = get(api, "/v1/policies/default")
    assert shipped["source"] == "shipped" and shipped["version"] is None
    assert action(api, PROFANE) == "review"
    override = {**shipped["policy"], "lists": {"profanity": "block", "sexual": "block"}}
    r = ok(api.client.put("/v1/policies/default", json=override, headers=api.headers()))
    assert r["source"] == "tenant" and r["version"] == 1 and r["digest"] != shipped["digest"]
    assert action(api, PROFANE) == "block"
    assert api.client.delete("/v1/policies/default", headers=api.headers()).status_code == 204
    again = get(api, "/v1/policies/default")
    assert again["source"] == "shipped" and again["digest"] == shipped["digest"]
    result = moderate(api, PROFANE)
    assert result["decision"]["action"] == "review"
    assert result["decision"]["policy_version"] == shipped["digest"]
    # and the shipped policy itself cannot be deleted
    err = assert_error(api.client.delete("/v1/policies/default", headers=api.headers()), 404)
    assert "shipped" in err["message"]


def test_shipped_policies_cannot_be_deleted(api: Api) -> None:
    for name in [p["name"] for p in get(api, "/v1/policies")["items"]]:
        r = api.client.delete(f"/v1/policies/{name}", headers=api.headers())
        err = assert_error(r, 404, "not_found")
        assert "shipped" in err["message"]
        assert get(api, f"/v1/policies/{name}")["source"] == "shipped"
    assert get(api, "/v1/audit")["items"][0]["action"] == "key.create"  # nothing recorded


# --- term lists -----------------------------------------------------------------------------
def test_list_crud_applies_to_the_very_next_call(api: Api) -> None:
    body = {"kind": "block", "label": "ads", "terms": {"en": ["glorbnik"]}}
    r = ok(api.client.put("/v1/lists/house", json=body, headers=api.headers()))
    assert (r["name"], r["source"], r["revision"], r["terms_count"]) == ("house", "tenant", 1, 1)
    hit = moderate(api, "buy glorbnik now")
    assert hit["decision"]["action"] == "block"
    assert [f["label"] for f in hit["findings"] if f["label"].startswith("list:")] == ["list:house"]
    assert action(api, "snarfle") == "allow"

    add = {"terms": ["snarfle", "glorbnik"], "lang": "en"}
    r = ok(api.client.post("/v1/lists/house/terms", json=add, headers=api.headers()))
    assert r["revision"] == 2 and r["terms_count"] == 2  # no duplicate
    assert action(api, "snarfle") == "block"

    r = ok(
        api.client.request(
            "DELETE", "/v1/lists/house/terms", json={"terms": ["glorbnik"]}, headers=api.headers()
        )
    )
    assert r["revision"] == 3 and r["list"]["terms"] == {"en": ["snarfle"]}
    assert action(api, "buy glorbnik now") == "allow"
    assert action(api, "snarfle") == "block"

    listed = {x["name"]: x for x in get(api, "/v1/lists")["items"]}
    assert listed["house"] == {
        "name": "house",
        "kind": "block",
        "label": "ads",
        "terms_count": 1,
        "source": "tenant",
        "revision": 3,
    }
    assert listed["profanity"]["source"] == "shipped"

    # PUT replaces the whole list
    ok(api.client.put("/v1/lists/house", json={"kind": "review"}, headers=api.headers()))
    assert action(api, "snarfle") == "allow"
    assert get(api, "/v1/lists/house")["revision"] == 4

    assert api.client.delete("/v1/lists/house", headers=api.headers()).status_code == 204
    assert_error(api.client.get("/v1/lists/house", headers=api.headers()), 404, "not_found")
    assert_error(api.client.delete("/v1/lists/house", headers=api.headers()), 404, "not_found")
    assert "house" not in [x["name"] for x in get(api, "/v1/lists")["items"]]


def list_hits(api: Api, text: str) -> list[str]:
    return [f["label"] for f in moderate(api, text)["findings"] if f["label"].startswith("list:")]


def test_overriding_and_restoring_a_shipped_list(api: Api) -> None:
    assert list_hits(api, PROFANE) == ["list:profanity"]
    shipped = get(api, "/v1/lists/profanity")
    assert shipped["source"] == "shipped" and shipped["terms_count"] > 10
    empty = {"kind": "block", "label": "profanity"}
    ok(api.client.put("/v1/lists/profanity", json=empty, headers=api.headers()))
    assert list_hits(api, PROFANE) == []  # switched off
    assert api.client.delete("/v1/lists/profanity", headers=api.headers()).status_code == 204
    assert get(api, "/v1/lists/profanity")["source"] == "shipped"
    assert list_hits(api, PROFANE) == ["list:profanity"]
    err = assert_error(api.client.delete("/v1/lists/profanity", headers=api.headers()), 404)
    assert "shipped" in err["message"].lower() or "shipped" in err["hint"].lower()


def test_list_body_naming_another_list_is_409(api: Api) -> None:
    r = api.client.put(
        "/v1/lists/house", json={"name": "other", "kind": "block"}, headers=api.headers()
    )
    assert_error(r, 409, "conflict")


# --- cases ----------------------------------------------------------------------------------
def test_case_filters(api: Api) -> None:
    labeller = {"lists": {"profanity": "label"}}  # no `labels`: only list hits act
    ok(api.client.put("/v1/policies/labeller", json=labeller, headers=api.headers()))
    made = {
        "allow": moderate(api, "hello there"),
        "review": moderate(api, PROFANE),
        "block": moderate(api, SEXUAL),
        "label": moderate(api, PROFANE, "labeller"),
    }
    assert {k: v["decision"]["action"] for k, v in made.items()} == {k: k for k in made}
    ids = {k: v["case_id"] for k, v in made.items()}

    def found(**params: Any) -> set[str]:
        return {c["id"] for c in get(api, "/v1/cases", **params)["items"]}

    assert found() == set(ids.values())
    for act, case_id in ids.items():
        assert found(action=act) == {case_id}
    assert found(label="list:profanity") == {ids["review"], ids["label"]}
    assert found(label="list:sexual") == {ids["block"]}
    assert found(label="list:nothing") == set()
    assert found(policy="labeller") == {ids["label"]}
    assert found(policy="default") == {ids["allow"], ids["review"], ids["block"]}
    assert found(policy="nope") == set()
    assert found(action="review", label="list:profanity") == {ids["review"]}
    assert found(action="label", policy="default") == set()

    cases = get(api, "/v1/cases")["items"]
    assert [c["id"] for c in cases] == [ids[k] for k in ("label", "block", "review", "allow")]
    stamps = {c["id"]: datetime.fromisoformat(c["created_at"]) for c in cases}
    t_review = stamps[ids["review"]]
    assert found(since=t_review.isoformat()) == {ids["review"], ids["block"], ids["label"]}
    assert found(until=t_review.isoformat()) == {ids["allow"]}
    assert found(since=t_review.isoformat(), until=stamps[ids["label"]].isoformat()) == {
        ids["review"],
        ids["block"],
    }
    later = max(stamps.values()) + timedelta(seconds=1)
    assert found(since=later.isoformat()) == set()
    # the same instant written in another time zone
    shifted = t_review.astimezone(datetime.now().astimezone().tzinfo)
    assert found(until=shifted.isoformat()) == {ids["allow"]}

    one = get(api, f"/v1/cases/{ids['review']}")
    assert set(one) == {
        "id",
        "external_id",
        "modality",
        "action",
        "labels",
        "policy",
        "policy_version",
        "created_at",
        "result",
    }
    assert "list:profanity" in one["labels"] and one["modality"] == "text"
    assert one["result"]["text"] == PROFANE  # flagged: kept
    assert "text" not in get(api, f"/v1/cases/{ids['allow']}")["result"]  # allowed: not kept


def test_store_false_keeps_no_case(api: Api) -> None:
    body = {"text": PROFANE, "store": False}
    r = ok(api.client.post("/v1/moderate/text", json=body, headers=api.headers()))
    assert "case_id" not in r["results"][0]
    assert get(api, "/v1/cases")["items"] == []


def page_all(api: Api, limit: int, **params: Any) -> tuple[list[str], list[int]]:
    ids: list[str] = []
    sizes: list[int] = []
    cursor = None
    while True:
        q = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        page = get(api, "/v1/cases", **q)
        ids += [c["id"] for c in page["items"]]
        sizes.append(len(page["items"]))
        cursor = page["next_cursor"]
        if cursor is None:
            return ids, sizes
        assert len(sizes) < 100, "the cursor never ends"


def test_cursor_pagination_has_no_duplicates_and_no_gaps(api: Api) -> None:
    expected: list[str] = []
    for batch in range(3):  # cases of one request share created_at: ties are broken by id
        texts = [f"hello number {batch}-{i}" for i in range(40)]
        r = ok(api.client.post("/v1/moderate/text", json={"texts": texts}, headers=api.headers()))
        expected += [x["case_id"] for x in r["results"]]
    assert len(set(expected)) == 120

    ids, sizes = page_all(api, 50)
    assert sizes == [50, 50, 20]
    assert len(ids) == len(set(ids)) == 120
    assert set(ids) == set(expected)
    everything = get(api, "/v1/cases", limit=500)
    assert [c["id"] for c in everything["items"]] == ids  # the same order as one big page
    assert everything["next_cursor"] is None
    stamps = [c["created_at"] for c in everything["items"]]
    assert stamps == sorted(stamps, reverse=True)

    ids7, sizes7 = page_all(api, 7)
    assert ids7 == ids and sizes7 == [7] * 17 + [1]
    exact, sizes_exact = page_all(api, 40)
    assert exact == ids and sizes_exact[-1] in (0, 40)


def test_cursor_pages_do_not_shift_when_cases_are_added(api: Api) -> None:
    for _ in range(2):
        texts = [f"text {i}" for i in range(30)]
        ok(api.client.post("/v1/moderate/text", json={"texts": texts}, headers=api.headers()))
    first = get(api, "/v1/cases", limit=25)
    seen = [c["id"] for c in first["items"]]
    ok(api.client.post("/v1/moderate/text", json={"texts": ["new"] * 5}, headers=api.headers()))
    cursor = first["next_cursor"]
    while cursor:
        page = get(api, "/v1/cases", limit=25, cursor=cursor)
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 60  # the 5 newer cases are before the cursor


def test_cursor_pagination_with_a_filter(api: Api) -> None:
    texts = [PROFANE if i % 3 == 0 else f"fine {i}" for i in range(60)]
    ok(api.client.post("/v1/moderate/text", json={"texts": texts}, headers=api.headers()))
    ids, sizes = page_all(api, 6, action="review")
    assert len(ids) == len(set(ids)) == 20 and sizes[:3] == [6, 6, 6]
    assert all(get(api, f"/v1/cases/{i}")["action"] == "review" for i in ids[:3])


# --- keys -----------------------------------------------------------------------------------
def test_key_secret_is_shown_once_and_revocation_is_immediate(api: Api) -> None:
    created = ok(
        api.client.post(
            "/v1/keys", json={"name": "ci", "scopes": ["moderate", "review"]}, headers=api.headers()
        ),
        201,
    )
    raw = created["key"]
    assert raw.startswith(f"tms_{created['prefix']}_") and len(raw) > 40
    assert created["scopes"] == ["moderate", "review"] and created["revoked_at"] is None
    listing = api.client.get("/v1/keys", headers=api.headers())
    secret = raw.split("_", 2)[2]  # tms_<prefix>_<secret>; the secret itself may hold "_"
    assert raw not in listing.text and secret not in listing.text
    for k in listing.json()["items"]:
        assert "key" not in k and "secret_hash" not in k and "secret" not in k
    entry = next(k for k in listing.json()["items"] if k["id"] == created["id"])
    assert entry["prefix"] == created["prefix"] and entry["name"] == "ci"
    # the database keeps only a hash
    with api.db.session() as s:
        row = s.get(ApiKey, uuid.UUID(created["id"]))
        assert row is not None and raw not in row.secret_hash
        assert row.secret_hash == hashlib.sha256(raw.encode()).hexdigest()

    assert moderate(api, "hi", key=raw)["decision"]["action"] == "allow"
    assert api.client.delete(f"/v1/keys/{created['id']}", headers=api.headers()).status_code == 204
    err = assert_error(
        api.client.post("/v1/moderate/text", json={"text": "hi"}, headers=api.headers(raw)),
        401,
        "unauthenticated",
    )
    assert "revoked" in err["message"]
    entry = next(k for k in get(api, "/v1/keys")["items"] if k["id"] == created["id"])
    assert entry["revoked_at"] is not None


def test_keys_are_listed_oldest_first(api: Api) -> None:
    for name in ("one", "two", "three"):
        api.client.post(
            "/v1/keys", json={"name": name, "scopes": ["moderate"]}, headers=api.headers()
        )
    names = [k["name"] for k in get(api, "/v1/keys")["items"]]
    assert names == ["bootstrap admin", "one", "two", "three"]


# --- audit ----------------------------------------------------------------------------------
def test_audit_log_records_before_and_after(api: Api) -> None:
    me = f"key:{admin_key_id(api)}"
    h = api.headers()
    c = api.client
    ok(c.put("/v1/policies/audited", json={"lists": {"profanity": "block"}}, headers=h))
    ok(c.put("/v1/policies/audited", json={"lists": {"profanity": "label"}}, headers=h))
    assert c.delete("/v1/policies/audited", headers=h).status_code == 204
    ok(c.put("/v1/lists/al", json={"kind": "block", "terms": {"en": ["aa"]}}, headers=h))
    ok(c.post("/v1/lists/al/terms", json={"terms": ["bb"], "lang": "en"}, headers=h))
    ok(c.request("DELETE", "/v1/lists/al/terms", json={"terms": ["aa"]}, headers=h))
    assert c.delete("/v1/lists/al", headers=h).status_code == 204
    key = ok(c.post("/v1/keys", json={"name": "audited", "scopes": ["review"]}, headers=h), 201)
    assert c.delete(f"/v1/keys/{key['id']}", headers=h).status_code == 204
    hook = ok(c.post("/v1/webhooks", json={"url": "https://example.com/h"}, headers=h), 201)
    assert c.delete(f"/v1/webhooks/{hook['id']}", headers=h).status_code == 204

    r = c.get("/v1/audit", headers=h)
    assert key["key"] not in r.text and hook["secret"] not in r.text  # no secrets in the log
    entries = list(reversed(r.json()["items"]))  # oldest first
    assert entries[0]["actor"] == "system:bootstrap"
    mine = entries[1:]
    assert all(e["actor"] == me for e in mine)
    assert [(e["action"], e["object_type"], e["object_id"]) for e in mine] == [
        ("policy.put", "policy", "audited"),
        ("policy.put", "policy", "audited"),
        ("policy.delete", "policy", "audited"),
        ("list.put", "term_list", "al"),
        ("list.add_terms", "term_list", "al"),
        ("list.remove_terms", "term_list", "al"),
        ("list.delete", "term_list", "al"),
        ("key.create", "api_key", key["id"]),
        ("key.revoke", "api_key", key["id"]),
        ("webhook.create", "webhook", hook["id"]),
        ("webhook.delete", "webhook", hook["id"]),
    ]
    p1, p2, pdel, l1, ladd, lrem, ldel, k1, krev, w1, wdel = mine
    assert p1["before"] is None and p1["after"]["lists"] == {"profanity": "block"}
    assert p2["before"]["lists"] == {"profanity": "block"}
    assert p2["after"]["lists"] == {"profanity": "label"}
    assert pdel["before"]["lists"] == {"profanity": "label"} and pdel["after"] is None
    assert l1["before"] is None and l1["after"]["terms"] == {"en": ["aa"]}
    assert ladd["before"]["terms"] == {"en": ["aa"]} and ladd["after"]["terms"] == {
        "en": ["aa", "bb"]
    }
    assert lrem["before"]["terms"] == {"en": ["aa", "bb"]} and lrem["after"]["terms"] == {
        "en": ["bb"]
    }
    assert ldel["before"]["terms"] == {"en": ["bb"]} and ldel["after"] is None
    assert k1["before"] is None and k1["after"]["name"] == "audited"
    assert krev["before"]["revoked_at"] is None and krev["after"]["revoked_at"] is not None
    assert w1["before"] is None and w1["after"]["url"] == "https://example.com/h"
    assert wdel["before"]["url"] == "https://example.com/h" and wdel["after"] is None
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    # timestamps are ISO 8601 with a zone
    assert all(datetime.fromisoformat(e["at"]).tzinfo is not None for e in entries)

    # paging by before_id
    page1 = get(api, "/v1/audit", limit=5)["items"]
    page2 = get(api, "/v1/audit", limit=5, before_id=page1[-1]["id"])["items"]
    assert [e["id"] for e in page1 + page2] == [e["id"] for e in reversed(entries)][:10]


def test_reads_and_refused_writes_are_not_audited(api: Api) -> None:
    before = get(api, "/v1/audit")["items"]
    get(api, "/v1/policies")
    get(api, "/v1/lists/profanity")
    api.client.put("/v1/policies/bad", json={"on_failure": "allow"}, headers=api.headers())
    api.client.post("/v1/keys", json={"name": "x", "scopes": ["root"]}, headers=api.headers())
    moderate(api, PROFANE)
    assert get(api, "/v1/audit")["items"] == before


# --- metrics --------------------------------------------------------------------------------
def metric(api: Api, name: str, **labels: str) -> float:
    text = api.client.get("/metrics").text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


def test_metrics_counters_move(api: Api) -> None:
    route = {"method": "POST", "route": "/v1/moderate/text", "status": "200"}
    requests0 = metric(api, "tamis_http_requests_total", **route)
    review0 = metric(api, "tamis_decisions_total", action="review", policy="default")
    findings0 = metric(api, "tamis_findings_total", label="list")
    errors0 = metric(
        api, "tamis_http_requests_total", method="GET", route="/v1/cases/{case_id}", status="404"
    )
    moderate(api, PROFANE)
    moderate(api, PROFANE)
    moderate(api, "hello")
    api.client.get("/v1/cases/00000000-0000-0000-0000-000000000000", headers=api.headers())
    assert metric(api, "tamis_http_requests_total", **route) == requests0 + 3
    assert metric(api, "tamis_decisions_total", action="review", policy="default") == review0 + 2
    assert metric(api, "tamis_findings_total", label="list") == findings0 + 2
    assert (
        metric(
            api,
            "tamis_http_requests_total",
            method="GET",
            route="/v1/cases/{case_id}",
            status="404",
        )
        == errors0 + 1
    )
    count = metric(api, "tamis_http_request_duration_seconds_count", route="/v1/moderate/text")
    assert count >= 3
    # a refused oversize body is counted too, as 413
    big = b'{"text": "' + b"a" * (26 * 1024 * 1024) + b'"}'
    r = api.client.post(
        "/v1/moderate/text",
        content=big,
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert metric(api, "tamis_http_requests_total", method="POST", status="413") >= 1


# --- images ---------------------------------------------------------------------------------
def png(width: int = 16, height: int = 12, colour: tuple[int, int, int] = (10, 200, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buf, format="PNG")
    return buf.getvalue()


TEXT_ONLY = {"detectors": {"term_lists": {}}}  # a policy that runs no image detector


def test_image_endpoint_happy_path(api: Api) -> None:
    ok(api.client.put("/v1/policies/text-only", json=TEXT_ONLY, headers=api.headers()))
    data = png()
    r = api.client.post(
        "/v1/moderate/image",
        files={"file": ("a.png", data, "image/png")},
        data={"id": "avatar-1", "policy": "text-only"},
        headers=api.headers(),
    )
    result = ok(r)["result"]
    assert result["id"] == "avatar-1" and result["modality"] == "image"
    assert result["decision"]["action"] == "allow"
    assert result["decision"]["policy"] == "text-only"
    assert result["image"] == {"format": "PNG", "width": 16, "height": 12}
    assert result["warnings"] == [
        "policy 'text-only' runs no image detector or decoder, so an image gets no findings "
        "under it: it is only checked (format, size, integrity)"
    ]
    case = get(api, f"/v1/cases/{result['case_id']}")
    assert (case["modality"], case["external_id"], case["action"]) == ("image", "avatar-1", "allow")

    # the same as JSON with base64, not stored
    body = {
        "image_base64": base64.b64encode(data).decode(),
        "id": "avatar-2",
        "store": False,
        "policy": "text-only",
    }
    result = ok(api.client.post("/v1/moderate/image", json=body, headers=api.headers()))["result"]
    assert result["image"]["width"] == 16 and "case_id" not in result
    assert len(get(api, "/v1/cases")["items"]) == 1
    # the shipped default policy answers too
    r = api.client.post(
        "/v1/moderate/image", files={"file": ("a.png", data, "image/png")}, headers=api.headers()
    )
    result = ok(r)["result"]
    assert result["image"]["format"] == "PNG" and result["decision"]["policy"] == "default"
    assert all(isinstance(w, str) for w in result.get("warnings", []))
    # store_media `flagged`: an allowed image is not kept
    if result["decision"]["action"] == "allow":
        assert list(FileMediaStore(api_media_dir(api)).iter_hashes()) == []


@pytest.mark.parametrize(
    "stages",
    [{"detectors": {"hash_banks": {}}}, {"detectors": {"term_lists": {}}, "decoders": {"qr": {}}}],
)
def test_no_image_warning_when_the_policy_reads_images(api: Api, stages: dict[str, Any]) -> None:
    """An image detector (hash-bank matching counts) or an image decoder (OCR, QR) can give
    findings: no warning then."""
    ok(api.client.put("/v1/policies/images", json=stages, headers=api.headers()))
    r = api.client.post(
        "/v1/moderate/image",
        files={"file": ("a.png", png(), "image/png")},
        data={"policy": "images", "store": "false"},
        headers=api.headers(),
    )
    result = ok(r)["result"]
    assert result["decision"]["policy"] == "images" and "warnings" not in result


def api_media_dir(api: Api) -> Any:
    return api.client.app.state.tamis.settings.media_dir  # type: ignore[attr-defined]


def test_store_media_always_keeps_the_image(api: Api) -> None:
    keep = {"store_media": "always", **TEXT_ONLY}
    ok(api.client.put("/v1/policies/keep", json=keep, headers=api.headers()))
    data = png(20, 20, (1, 2, 3))
    sha = hashlib.sha256(data).hexdigest()
    store = FileMediaStore(api_media_dir(api))
    assert not store.exists(sha)
    r = api.client.post(
        "/v1/moderate/image",
        files={"file": ("k.png", data, "image/png")},
        data={"policy": "keep"},
        headers=api.headers(),
    )
    result = ok(r)["result"]
    assert store.exists(sha) and store.get(sha) == data
    assert list(store.iter_hashes()) == [sha]
    with api.db.session() as s:
        case = s.scalar(select(Case).where(Case.id == uuid.UUID(result["case_id"])))
        assert case is not None and case.media_sha256 == sha
    # sent again: stored once (content-addressed)
    again = api.client.post(
        "/v1/moderate/image",
        json={"image_base64": base64.b64encode(data).decode(), "policy": "keep"},
        headers=api.headers(),
    )
    ok(again)
    assert list(store.iter_hashes()) == [sha]
    # text under the same policy keeps the text even when allowed
    case = get(api, f"/v1/cases/{moderate(api, 'hello', 'keep')['case_id']}")
    assert case["result"]["text"] == "hello"


def test_image_idempotency_replays_the_stored_response(api: Api) -> None:
    data = png()
    h = {**api.headers(), "Idempotency-Key": "img-1"}
    files = {"file": ("a.png", data, "image/png")}
    first = ok(api.client.post("/v1/moderate/image", files=files, headers=h))
    second = ok(api.client.post("/v1/moderate/image", files=files, headers=h))
    assert first == second
    assert len(get(api, "/v1/cases")["items"]) == 1
    other = api.client.post(
        "/v1/moderate/image", files={"file": ("b.png", png(17, 12), "image/png")}, headers=h
    )
    assert_error(other, 409, "conflict")


def test_webhook_lifecycle(api: Api) -> None:
    h = api.headers()
    hook = ok(
        api.client.post(
            "/v1/webhooks",
            json={"url": "https://example.com/hook", "events": ["case.decided"]},
            headers=h,
        ),
        201,
    )
    assert len(hook["secret"]) >= 16 and hook["events"] == ["case.decided"] and hook["active"]
    listing = api.client.get("/v1/webhooks", headers=h)
    assert hook["secret"] not in listing.text
    assert [x["id"] for x in listing.json()["items"]] == [hook["id"]]
    moderate(api, PROFANE)
    assert ok(api.client.post(f"/v1/webhooks/{hook['id']}/test", headers=h), 202) == {
        "queued": True
    }
    deliveries = get(api, f"/v1/webhooks/{hook['id']}/deliveries")["items"]
    assert sorted(d["event_type"] for d in deliveries) == ["case.decided", "test"]
    assert all(d["status"] == "pending" and d["attempts"] == 0 for d in deliveries)
    assert len(get(api, f"/v1/webhooks/{hook['id']}/deliveries", limit=1)["items"]) == 1
    assert api.client.delete(f"/v1/webhooks/{hook['id']}", headers=h).status_code == 204
    assert get(api, "/v1/webhooks")["items"] == []
    assert_error(api.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=h), 404)


def test_image_case_emits_case_decided_like_text(api: Api) -> None:
    """A stored image case queues a `case.decided` delivery in its transaction, with the
    same data keys as a text case and no image content, even when the policy keeps it."""
    h = api.headers()
    ok(api.client.put("/v1/policies/keep", json={"store_media": "always", **TEXT_ONLY}, headers=h))
    hook = ok(
        api.client.post(
            "/v1/webhooks",
            json={"url": "https://example.com/hook", "events": ["case.decided"]},
            headers=h,
        ),
        201,
    )
    text_case = moderate(api, PROFANE)["case_id"]
    data = png(20, 20, (4, 5, 6))
    files = {"file": ("a.png", data, "image/png")}
    idem = {**h, "Idempotency-Key": "img-hook"}
    fields = {"id": "avatar-9", "policy": "keep"}
    result = ok(api.client.post("/v1/moderate/image", files=files, data=fields, headers=idem))
    result = result["result"]
    # a replay and an unstored image emit nothing more
    ok(api.client.post("/v1/moderate/image", files=files, data=fields, headers=idem))
    body = {"image_base64": base64.b64encode(data).decode(), "store": False}
    ok(api.client.post("/v1/moderate/image", json=body, headers=h))

    deliveries = get(api, f"/v1/webhooks/{hook['id']}/deliveries")["items"]
    assert [d["event_type"] for d in deliveries] == ["case.decided", "case.decided"]
    with api.db.session() as s:
        rows = s.scalars(select(WebhookDelivery)).all()
        events = {r.payload["data"]["case_id"]: r.payload for r in rows}
        queued = s.scalars(
            text("SELECT args FROM procrastinate_jobs WHERE task_name = 'tamis.deliver_webhook'")
        ).all()
    assert sorted(q["delivery_id"] for q in queued) == sorted(str(r.id) for r in rows)
    assert set(events) == {text_case, result["case_id"]}
    image_event = events[result["case_id"]]
    assert image_event["type"] == "case.decided"
    assert set(image_event["data"]) == set(events[text_case]["data"])
    assert image_event["data"] == {
        "case_id": result["case_id"],
        "external_id": "avatar-9",
        "action": "allow",
        "labels": [],
        "policy": "keep",
        "policy_version": result["decision"]["policy_version"],
    }
    raw = json.dumps(image_event)
    assert base64.b64encode(data).decode() not in raw and data.hex() not in raw


def test_job_is_queued_and_readable(api: Api) -> None:
    body = {"kind": "text_batch", "items": [{"id": "a", "text": "hi"}, {"text": PROFANE}]}
    job = ok(api.client.post("/v1/jobs", json=body, headers=api.headers()), 202)
    assert job["status"] == "queued" and job["kind"] == "text_batch" and job["policy"] == "default"
    again = get(api, f"/v1/jobs/{job['id']}")
    assert again["id"] == job["id"] and again["status"] == "queued"
    with_callback = {**body, "callback_url": "https://example.com/cb"}
    job2 = ok(api.client.post("/v1/jobs", json=with_callback, headers=api.headers()), 202)
    assert len(job2["callback_secret"]) >= 16
    assert "callback_secret" not in get(api, f"/v1/jobs/{job2['id']}")
    assert json.dumps(get(api, f"/v1/jobs/{job2['id']}")).count(job2["callback_secret"]) == 0


def test_key_creation_replay_stores_no_secret(api: Api) -> None:
    h = {**api.headers(), "Idempotency-Key": "key-1"}
    body = {"name": "replayed", "scopes": ["moderate"]}
    first = ok(api.client.post("/v1/keys", json=body, headers=h), 201)
    replay = ok(api.client.post("/v1/keys", json=body, headers=h), 201)
    assert replay["id"] == first["id"]
    assert [k["name"] for k in get(api, "/v1/keys")["items"]].count("replayed") == 1
    with api.db.session() as s:
        stored = [json.dumps(r.body) for r in s.scalars(select(IdempotencyKey)).all()]
    assert stored and all(first["key"] not in b for b in stored)  # only the hash is kept
