"""Tenant isolation: one tenant's keys can neither read nor change another tenant's policies,
lists, webhooks, keys, cases, jobs or audit log; scopes and revocation are enforced."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tamis.config import Settings
from tests.service.conftest import Api, PgServer
from tests.service.test_api_bad_input import assert_error, running_api


@dataclass
class Tenant:
    name: str
    key: str  # admin key: moderate, review, admin
    policy: str = ""
    list_name: str = ""
    term: str = ""
    hook_id: str = ""
    hook_url: str = ""
    hook_secret: str = ""
    case_id: str = ""
    job_id: str = ""
    key_id: str = ""
    key_raw: str = ""
    admin_key_id: str = ""
    operator: bool = False  # its admin key also has the `tenants` scope

    def headers(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.key}"}

    def markers(self) -> list[str]:
        """Strings that only this tenant's data contains. The operator's key id is not one: it
        is the actor of the audit entry of the key it made for a new tenant, in that tenant's
        own log (who created the tenant's first key)."""
        markers = [
            self.policy,
            self.list_name,
            self.term,
            self.hook_id,
            self.hook_url,
            self.hook_secret,
            self.case_id,
            self.job_id,
            self.key_id,
            self.key_raw,
            "" if self.operator else self.admin_key_id,
            f"{self.name}-item",
            f"{self.name}-key",
        ]
        return [m for m in markers if m]


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def populate(api: Api, name: str, key: str) -> Tenant:
    """A policy, a term list, a webhook (with a delivery), a case, a job and a key."""
    t = Tenant(name=name, key=key)
    c = api.client
    h = t.headers()
    t.term = f"zq{name}blax"
    t.list_name = f"{name}-words"
    t.policy = f"{name}-policy"
    ok(
        c.put(
            f"/v1/lists/{t.list_name}",
            json={"kind": "review", "terms": {"en": [t.term]}},
            headers=h,
        )
    )
    pol = {"lists": {t.list_name: "block"}, "labels": {"hate": {"review": 0.5}}}
    ok(c.put(f"/v1/policies/{t.policy}", json=pol, headers=h))
    t.hook_url = f"https://{name}.example/hook"
    hook = ok(c.post("/v1/webhooks", json={"url": t.hook_url}, headers=h), 201)
    t.hook_id, t.hook_secret = hook["id"], hook["secret"]
    ok(c.post(f"/v1/webhooks/{t.hook_id}/test", headers=h), 202)
    body = {"items": [{"id": f"{name}-item", "text": f"{t.term} here"}], "policy": t.policy}
    r = ok(c.post("/v1/moderate/text", json=body, headers={**h, "Idempotency-Key": "same-key"}))
    result = r["results"][0]
    assert result["decision"]["action"] == "block", result
    t.case_id = result["case_id"]
    job = {"kind": "text_batch", "items": [{"id": f"{name}-job-item", "text": "hello"}]}
    t.job_id = ok(c.post("/v1/jobs", json=job, headers=h), 202)["id"]
    created = ok(
        c.post("/v1/keys", json={"name": f"{name}-key", "scopes": ["moderate"]}, headers=h), 201
    )
    t.key_id, t.key_raw = created["id"], created["key"]
    own = ok(c.get("/v1/keys", headers=h))["items"]
    t.admin_key_id = next(k["id"] for k in own if "admin" in k["scopes"])
    return t


def snapshot(api: Api, t: Tenant) -> dict[str, Any]:
    """Everything the tenant can read about its own objects."""
    c, h = api.client, t.headers()
    urls = [
        "/v1/policies",
        f"/v1/policies/{t.policy}",
        f"/v1/policies/{t.policy}/versions",
        "/v1/lists",
        f"/v1/lists/{t.list_name}",
        "/v1/webhooks",
        f"/v1/webhooks/{t.hook_id}/deliveries",
        "/v1/keys",
        "/v1/cases",
        f"/v1/cases/{t.case_id}",
        f"/v1/jobs/{t.job_id}",
        "/v1/audit",
    ]
    return {u: ok(c.get(u, headers=h)) for u in urls}


def two_tenants(api: Api) -> tuple[Tenant, Tenant]:
    """Tenant A is the bootstrap tenant "default", B one created through the API."""
    r = ok(api.client.post("/v1/tenants", json={"name": "globex"}, headers=api.headers()), 201)
    assert r["name"] == "globex" and r["admin_key"]["key"].startswith("tms_")
    assert sorted(r["admin_key"]["scopes"]) == ["admin", "moderate", "review"]
    a = populate(api, "default", api.admin_key)
    a.operator = True
    b = populate(api, "globex", r["admin_key"]["key"])
    return a, b


@pytest.fixture
def tenants(api: Api) -> tuple[Tenant, Tenant]:
    return two_tenants(api)


@dataclass
class World:
    api: Api
    a: Tenant
    b: Tenant


@pytest.fixture(scope="module")
def world(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Two populated tenants shared by the isolation matrix: each case checks that the
    victim's data is unchanged by its one call, so calls cannot hide each other's effects."""
    home = tmp_path_factory.mktemp("home")
    settings = Settings.from_env({"TAMIS_HOME": str(home), "TAMIS_WORKER": "false"})
    with running_api(pg_server, settings) as api:
        yield World(api, *two_tenants(api))


# What the other tenant's key tries, with "{x}" filled from the victim tenant. `expect` is the
# status; for 200 the check makes sure no victim data came back.
MATRIX: list[tuple[str, str, str, Any, int]] = [
    ("list-policies", "GET", "/v1/policies", None, 200),
    ("get-policy", "GET", "/v1/policies/{policy}", None, 404),
    ("policy-versions", "GET", "/v1/policies/{policy}/versions", None, 404),
    ("delete-policy", "DELETE", "/v1/policies/{policy}", None, 404),
    ("list-lists", "GET", "/v1/lists", None, 200),
    ("get-list", "GET", "/v1/lists/{list_name}", None, 404),
    ("add-terms", "POST", "/v1/lists/{list_name}/terms", {"terms": ["hijack"]}, 404),
    ("remove-terms", "DELETE", "/v1/lists/{list_name}/terms", {"terms": ["{term}"]}, 404),
    ("delete-list", "DELETE", "/v1/lists/{list_name}", None, 404),
    ("list-webhooks", "GET", "/v1/webhooks", None, 200),
    ("delete-webhook", "DELETE", "/v1/webhooks/{hook_id}", None, 404),
    ("webhook-deliveries", "GET", "/v1/webhooks/{hook_id}/deliveries", None, 404),
    ("webhook-test", "POST", "/v1/webhooks/{hook_id}/test", None, 404),
    ("list-keys", "GET", "/v1/keys", None, 200),
    ("revoke-key", "DELETE", "/v1/keys/{key_id}", None, 404),
    ("revoke-admin-key", "DELETE", "/v1/keys/{admin_key_id}", None, 404),
    ("list-cases", "GET", "/v1/cases", None, 200),
    ("cases-by-policy", "GET", "/v1/cases?policy={policy}", None, 200),
    ("cases-by-label", "GET", "/v1/cases?label=list:{list_name}", None, 200),
    ("get-case", "GET", "/v1/cases/{case_id}", None, 404),
    ("get-job", "GET", "/v1/jobs/{job_id}", None, 404),
    ("audit", "GET", "/v1/audit", None, 200),
    ("audit-page", "GET", "/v1/audit?before_id=999999999&limit=500", None, 200),
    ("moderate-with-policy", "POST", "/v1/moderate/text", {"text": "x", "policy": "{policy}"}, 404),
]


def fill(template: Any, t: Tenant) -> Any:
    values = {
        "policy": t.policy,
        "list_name": t.list_name,
        "term": t.term,
        "hook_id": t.hook_id,
        "key_id": t.key_id,
        "admin_key_id": t.admin_key_id,
        "case_id": t.case_id,
        "job_id": t.job_id,
    }
    if template is None:
        return None
    text = json.dumps(template) if not isinstance(template, str) else template
    for k, v in values.items():
        text = text.replace("{" + k + "}", v)
    return text if isinstance(template, str) else json.loads(text)


def assert_no_leak(r: httpx.Response, victim: Tenant, sent: str) -> None:
    """No string that only the victim's data holds is in the answer (unless the caller sent
    it: a 404 may name what was asked for)."""
    for marker in victim.markers():
        if marker and marker not in sent:
            assert marker not in r.text, f"{marker!r} leaked: {r.text}"


@pytest.mark.parametrize("direction", ["b-on-a", "a-on-b"])
@pytest.mark.parametrize(
    ("what", "method", "path", "body", "expect"), MATRIX, ids=[m[0] for m in MATRIX]
)
def test_a_tenant_cannot_reach_another_tenants_objects(
    world: World,
    direction: str,
    what: str,
    method: str,
    path: str,
    body: Any,
    expect: int,
) -> None:
    a, b = world.a, world.b
    victim, attacker = (a, b) if direction == "b-on-a" else (b, a)
    attempt(world.api, victim, attacker, what, method, path, body, expect)


# Calls that succeed, on the caller's own objects: a policy and a list of the victim's names
# (created in the caller's tenant, as version/revision 1) and a moderation of the victim's term.
WRITES: list[tuple[str, str, str, Any, int]] = [
    ("put-policy", "PUT", "/v1/policies/{policy}", {"on_failure": "block"}, 200),
    ("put-list", "PUT", "/v1/lists/{list_name}", {"kind": "allow", "terms": {"en": ["x"]}}, 200),
    ("moderate-term", "POST", "/v1/moderate/text", {"text": "{term}"}, 200),
]


@pytest.mark.parametrize("direction", ["b-on-a", "a-on-b"])
@pytest.mark.parametrize(
    ("what", "method", "path", "body", "expect"), WRITES, ids=[m[0] for m in WRITES]
)
def test_writes_with_another_tenants_names_stay_in_the_writers_tenant(
    api: Api,
    tenants: tuple[Tenant, Tenant],
    direction: str,
    what: str,
    method: str,
    path: str,
    body: Any,
    expect: int,
) -> None:
    a, b = tenants
    victim, attacker = (a, b) if direction == "b-on-a" else (b, a)
    r = attempt(api, victim, attacker, what, method, path, body, expect)
    if what == "put-policy":
        assert r.json()["version"] == 1 and r.json()["source"] == "tenant"
        mine = ok(api.client.get(f"/v1/policies/{victim.policy}", headers=attacker.headers()))
        theirs = ok(api.client.get(f"/v1/policies/{victim.policy}", headers=victim.headers()))
        assert (
            mine["policy"]["on_failure"] == "block" and theirs["policy"]["on_failure"] == "review"
        )
    if what == "put-list":
        assert r.json()["revision"] == 1
        assert (
            ok(api.client.get(f"/v1/lists/{victim.list_name}", headers=victim.headers()))["list"][
                "kind"
            ]
            == "review"
        )
    if what == "moderate-term":  # the victim's list does not apply to the attacker
        assert r.json()["results"][0]["decision"]["action"] == "allow"
    # the victim's policy still decides with the victim's list
    body = {"text": victim.term, "policy": victim.policy, "store": False}
    res = ok(api.client.post("/v1/moderate/text", json=body, headers=victim.headers()))
    assert res["results"][0]["decision"]["action"] == "block"


def attempt(
    api: Api,
    victim: Tenant,
    attacker: Tenant,
    what: str,
    method: str,
    path: str,
    body: Any,
    expect: int,
) -> httpx.Response:
    """One call by the attacker on the victim's objects: the expected status, none of the
    victim's data in the answer, the victim's data unchanged and its keys still working."""
    before = snapshot(api, victim)
    url, payload = fill(path, victim), fill(body, victim)
    r = api.client.request(method, url, json=payload, headers=attacker.headers())
    assert r.status_code < 500, r.text
    assert r.status_code == expect, f"{what}: {r.status_code} {r.text}"
    if expect == 404:
        assert_error(r, 404, "not_found")
    assert_no_leak(r, victim, url + json.dumps(payload))
    assert snapshot(api, victim) == before
    job = api.client.get(f"/v1/jobs/{victim.job_id}", headers=victim.headers(victim.key_raw))
    assert job.status_code == 200, job.text
    return r


def test_attacker_lists_show_only_its_own_objects(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, b = tenants
    for me, other in ((a, b), (b, a)):
        view = snapshot(api, me)
        assert [c["id"] for c in view["/v1/cases"]["items"]] == [me.case_id]
        assert [h["id"] for h in view["/v1/webhooks"]["items"]] == [me.hook_id]
        assert {k["id"] for k in view["/v1/keys"]["items"]} >= {me.key_id, me.admin_key_id}
        assert other.key_id not in {k["id"] for k in view["/v1/keys"]["items"]}
        tenant_policies = [
            p["name"] for p in view["/v1/policies"]["items"] if p["source"] == "tenant"
        ]
        assert tenant_policies == [me.policy]
        tenant_lists = [x["name"] for x in view["/v1/lists"]["items"] if x["source"] == "tenant"]
        assert tenant_lists == [me.list_name]
        deliveries = view[f"/v1/webhooks/{me.hook_id}/deliveries"]["items"]
        assert sorted(d["event_type"] for d in deliveries) == ["case.decided", "test"]
        text = json.dumps(view)
        for marker in other.markers():
            assert marker not in text, marker


def test_idempotency_keys_are_per_tenant(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    """Both tenants used Idempotency-Key "same-key" with different bodies: each got its own
    result, and a replay gives each its own response."""
    a, b = tenants
    assert a.case_id != b.case_id
    for t in (a, b):
        body = {"items": [{"id": f"{t.name}-item", "text": f"{t.term} here"}], "policy": t.policy}
        r = api.client.post(
            "/v1/moderate/text", json=body, headers={**t.headers(), "Idempotency-Key": "same-key"}
        )
        assert r.status_code == 200, r.text
        assert r.json()["results"][0]["case_id"] == t.case_id


def test_custom_terms_affect_only_their_tenant(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, b = tenants
    for me, other in ((a, b), (b, a)):
        r = ok(
            api.client.post(
                "/v1/moderate/text", json={"texts": [me.term, other.term]}, headers=me.headers()
            )
        )
        mine, theirs = r["results"]
        assert mine["decision"]["action"] == "review"  # the list's kind, under the default policy
        assert [f["label"] for f in mine["findings"] if f["label"].startswith("list:")] == [
            f"list:{me.list_name}"
        ]
        assert theirs["decision"]["action"] == "allow"
        assert not [f for f in theirs["findings"] if f["label"].startswith("list:")]
    # adding a term to B's list changes nothing for A
    word = "sharedvexword"
    ok(
        api.client.post(
            f"/v1/lists/{b.list_name}/terms", json={"terms": [word]}, headers=b.headers()
        )
    )
    got = {
        t.name: ok(api.client.post("/v1/moderate/text", json={"text": word}, headers=t.headers()))
        for t in (a, b)
    }
    assert got[b.name]["results"][0]["decision"]["action"] == "review"
    assert got[a.name]["results"][0]["decision"]["action"] == "allow"


def test_same_names_in_two_tenants_are_independent(
    api: Api, tenants: tuple[Tenant, Tenant]
) -> None:
    a, b = tenants
    for t, threshold in ((a, 0.3), (b, 0.7)):
        ok(
            api.client.put(
                "/v1/policies/shared-name",
                json={"labels": {"spam": {"review": threshold}}},
                headers=t.headers(),
            )
        )
    ok(
        api.client.put(
            "/v1/policies/shared-name",
            json={"labels": {"spam": {"review": 0.9}}},
            headers=b.headers(),
        )
    )
    va = ok(api.client.get("/v1/policies/shared-name/versions", headers=a.headers()))["items"]
    vb = ok(api.client.get("/v1/policies/shared-name/versions", headers=b.headers()))["items"]
    assert [v["version"] for v in va] == [1] and [v["version"] for v in vb] == [2, 1]
    assert va[0]["policy"]["labels"]["spam"]["review"] == 0.3
    assert api.client.delete("/v1/policies/shared-name", headers=b.headers()).status_code == 204
    assert ok(api.client.get("/v1/policies/shared-name", headers=a.headers()))["version"] == 1
    assert_error(api.client.get("/v1/policies/shared-name", headers=b.headers()), 404)


# --- scopes ---------------------------------------------------------------------------------
def make_key(api: Api, scopes: list[str], key: str | None = None) -> tuple[str, str]:
    r = ok(
        api.client.post(
            "/v1/keys", json={"name": "+".join(scopes), "scopes": scopes}, headers=api.headers(key)
        ),
        201,
    )
    return r["id"], r["key"]


ADMIN_ROUTES: list[tuple[str, str, Any]] = [
    ("GET", "/v1/policies", None),
    ("GET", "/v1/policies/default", None),
    ("GET", "/v1/policies/default/versions", None),
    ("PUT", "/v1/policies/mine", {}),
    ("DELETE", "/v1/policies/mine", None),
    ("GET", "/v1/lists", None),
    ("GET", "/v1/lists/profanity", None),
    ("PUT", "/v1/lists/mine", {"kind": "block"}),
    ("POST", "/v1/lists/profanity/terms", {"terms": ["x"]}),
    ("DELETE", "/v1/lists/profanity/terms", {"terms": ["x"]}),
    ("DELETE", "/v1/lists/mine", None),
    ("POST", "/v1/webhooks", {"url": "https://example.com/h"}),
    ("GET", "/v1/webhooks", None),
    ("DELETE", "/v1/webhooks/00000000-0000-0000-0000-000000000001", None),
    ("GET", "/v1/webhooks/00000000-0000-0000-0000-000000000001/deliveries", None),
    ("POST", "/v1/webhooks/00000000-0000-0000-0000-000000000001/test", None),
    ("POST", "/v1/keys", {"name": "k", "scopes": ["admin"]}),
    ("GET", "/v1/keys", None),
    ("DELETE", "/v1/keys/00000000-0000-0000-0000-000000000001", None),
    ("GET", "/v1/audit", None),
]
REVIEW_ROUTES: list[tuple[str, str, Any]] = [
    ("GET", "/v1/cases", None),
    ("GET", "/v1/cases/00000000-0000-0000-0000-000000000001", None),
]
MODERATE_ROUTES: list[tuple[str, str, Any]] = [
    ("POST", "/v1/moderate/text", {"text": "hi"}),
    ("POST", "/v1/jobs", {"kind": "text_batch", "items": [{"text": "hi"}]}),
    ("GET", "/v1/jobs/00000000-0000-0000-0000-000000000001", None),
]
TENANT_ROUTES: list[tuple[str, str, Any]] = [
    ("POST", "/v1/tenants", {"name": "evil"}),
    ("GET", "/v1/tenants", None),
]
ALL_ROUTES = ADMIN_ROUTES + REVIEW_ROUTES + MODERATE_ROUTES + TENANT_ROUTES


@pytest.mark.parametrize(
    ("scopes", "allowed"),
    [
        (["moderate"], MODERATE_ROUTES),
        (["review"], REVIEW_ROUTES),
        (["admin"], ADMIN_ROUTES),
        (["moderate", "review"], MODERATE_ROUTES + REVIEW_ROUTES),
    ],
    ids=["moderate", "review", "admin", "moderate+review"],
)
def test_scopes_are_enforced_on_every_route(
    api: Api, scopes: list[str], allowed: list[tuple[str, str, Any]]
) -> None:
    _, key = make_key(api, scopes)
    for method, url, body in ALL_ROUTES:
        r = api.client.request(method, url, json=body, headers=api.headers(key))
        if (method, url, body) in allowed:
            assert r.status_code not in (401, 403), f"{method} {url}: {r.text}"
            assert r.status_code < 500, f"{method} {url}: {r.text}"
        else:
            err = assert_error(r, 403, "forbidden")
            assert "scope" in err["message"], err
    # nothing was created by the refused calls
    names = [t["name"] for t in ok(api.client.get("/v1/tenants", headers=api.headers()))["items"]]
    assert "evil" not in names


def test_revoked_key_gets_401_everywhere(api: Api) -> None:
    key_id, key = make_key(api, ["moderate", "review", "admin"])
    assert api.client.get("/v1/cases", headers=api.headers(key)).status_code == 200
    assert api.client.delete(f"/v1/keys/{key_id}", headers=api.headers()).status_code == 204
    for method, url, body in ALL_ROUTES:
        r = api.client.request(method, url, json=body, headers=api.headers(key))
        err = assert_error(r, 401, "unauthenticated")
        assert "revoked" in err["message"]
    r = api.client.get("/v1/cases", headers={"X-API-Key": key})
    assert_error(r, 401, "unauthenticated")
    # revoking again is harmless; the listing shows when
    assert api.client.delete(f"/v1/keys/{key_id}", headers=api.headers()).status_code == 204
    listed = {k["id"]: k for k in ok(api.client.get("/v1/keys", headers=api.headers()))["items"]}
    assert listed[key_id]["revoked_at"] is not None


def test_a_key_can_revoke_itself(api: Api) -> None:
    key_id, key = make_key(api, ["admin"])
    assert api.client.delete(f"/v1/keys/{key_id}", headers=api.headers(key)).status_code == 204
    assert_error(api.client.get("/v1/keys", headers=api.headers(key)), 401)


def test_revoked_tenant_admin_key_gets_401(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    _, b = tenants
    assert api.client.delete(f"/v1/keys/{b.admin_key_id}", headers=b.headers()).status_code == 204
    assert_error(api.client.get("/v1/cases", headers=b.headers()), 401, "unauthenticated")
    # B's other key still works; A is untouched
    assert (
        api.client.post(
            "/v1/moderate/text", json={"text": "hi"}, headers=b.headers(b.key_raw)
        ).status_code
        == 200
    )
    assert api.client.get("/v1/cases", headers=api.headers()).status_code == 200


def test_keys_without_tenants_scope_cannot_create_tenants(
    api: Api, tenants: tuple[Tenant, Tenant]
) -> None:
    _, b = tenants
    _, admin_only = make_key(api, ["moderate", "review", "admin"])
    before_tenants = ok(api.client.get("/v1/tenants", headers=api.headers()))["items"]
    for key in (b.key, admin_only):
        assert_error(
            api.client.post("/v1/tenants", json={"name": "rogue"}, headers=api.headers(key)),
            403,
            "forbidden",
        )
        assert_error(api.client.get("/v1/tenants", headers=api.headers(key)), 403, "forbidden")
        for scopes in (["tenants"], ["admin", "tenants"], ["moderate", "tenants", "tenants"]):
            r = api.client.post(
                "/v1/keys", json={"name": "escalate", "scopes": scopes}, headers=api.headers(key)
            )
            assert_error(r, 403, "forbidden")
    assert ok(api.client.get("/v1/tenants", headers=api.headers()))["items"] == before_tenants
    for t_key in (b.key, api.admin_key):
        names = [
            k["name"] for k in ok(api.client.get("/v1/keys", headers=api.headers(t_key)))["items"]
        ]
        assert "escalate" not in names
    # the operator key may mint one
    created = ok(
        api.client.post(
            "/v1/keys", json={"name": "op", "scopes": ["tenants"]}, headers=api.headers()
        ),
        201,
    )
    assert created["scopes"] == ["tenants"]
    ok(
        api.client.post(
            "/v1/tenants", json={"name": "initech"}, headers=api.headers(created["key"])
        ),
        201,
    )


def test_new_tenant_admin_key_has_no_tenants_scope(api: Api) -> None:
    r = ok(api.client.post("/v1/tenants", json={"name": "umbrella"}, headers=api.headers()), 201)
    key = r["admin_key"]["key"]
    assert "tenants" not in r["admin_key"]["scopes"]
    listed = ok(api.client.get("/v1/keys", headers=api.headers(key)))["items"]
    assert [k["id"] for k in listed] == [r["admin_key"]["id"]]
    assert "key" not in listed[0] and "secret_hash" not in listed[0]
    # a fresh tenant starts empty: shipped policies and lists only, no cases, no webhooks
    assert ok(api.client.get("/v1/cases", headers=api.headers(key)))["items"] == []
    assert ok(api.client.get("/v1/webhooks", headers=api.headers(key)))["items"] == []
    assert all(
        p["source"] == "shipped"
        for p in ok(api.client.get("/v1/policies", headers=api.headers(key)))["items"]
    )
