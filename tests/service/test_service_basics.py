"""Smoke tests of the service fixtures and the core moderation call."""

from __future__ import annotations

from tests.service.conftest import Api


def test_moderate_text_is_stored_as_a_case(api: Api) -> None:
    r = api.client.post("/v1/moderate/text", json={"text": "what the fuck"}, headers=api.headers())
    assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    assert result["decision"]["action"] == "review"
    case = api.client.get(f"/v1/cases/{result['case_id']}", headers=api.headers()).json()
    assert case["action"] == "review" and "list:profanity" in case["labels"]
    assert case["result"]["text"] == "what the fuck"  # flagged: kept by store_media


def test_health_and_metrics(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    assert api.client.get("/readyz").json()["schema"] == api.db.current_revision()
    api.client.post("/v1/moderate/text", json={"text": "hello"}, headers=api.headers())
    metrics = api.client.get("/metrics").text
    assert 'tamis_decisions_total{action="allow",policy="default"} 1.0' in metrics
    assert "tamis_http_request_duration_seconds_bucket" in metrics
    assert "tamis_job_queue_depth" in metrics


def test_errors_are_json_with_code_and_hint(api: Api) -> None:
    r = api.client.post("/v1/moderate/text", json={"text": "x"})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"
    r = api.client.post("/v1/moderate/text", json={"txt": "x"}, headers=api.headers())
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = api.client.get("/v1/nothing-here", headers=api.headers())
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_api_docs_are_served_without_a_cdn(api: Api) -> None:
    page = api.client.get("/docs").text
    assert "cdn." not in page and "jsdelivr" not in page
    asset = page.split('src="')[1].split('"')[0]
    js = api.client.get(asset)
    assert js.status_code == 200 and len(js.content) > 100_000
    assert api.client.get("/openapi.json").json()["info"]["title"] == "tamis"


def test_idempotent_replays_never_store_secrets(api: Api) -> None:
    from sqlalchemy import text

    headers = {**api.headers(), "Idempotency-Key": "key-create-1"}
    first = api.client.post(
        "/v1/keys", json={"name": "ci", "scopes": ["moderate"]}, headers=headers
    )
    assert first.status_code == 201 and first.json()["key"].startswith("tms_")
    again = api.client.post(
        "/v1/keys", json={"name": "ci", "scopes": ["moderate"]}, headers=headers
    )
    assert again.status_code == 201
    assert again.json()["key"] is None and again.json()["secrets_redacted_on_replay"] is True
    assert again.json()["id"] == first.json()["id"]
    with api.db.session() as s:
        stored = s.execute(text("SELECT body::text FROM idempotency_keys")).scalars().all()
    assert stored and all(first.json()["key"] not in b for b in stored)


def test_webhooks_to_internal_addresses_are_refused(api: Api) -> None:
    for url in (
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest",
        "http://[::1]/x",
        "http://10.1.2.3/hook",
        "file:///etc/passwd",
        "http://0x7f.1/hook",
    ):
        r = api.client.post("/v1/webhooks", json={"url": url}, headers=api.headers())
        assert r.status_code == 400, (url, r.text)
        assert r.json()["error"]["code"] == "url_refused"
    r = api.client.post(
        "/v1/jobs",
        headers=api.headers(),
        json={
            "kind": "text_batch",
            "items": [{"text": "hi"}],
            "callback_url": "http://192.168.0.1/cb",
        },
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "url_refused"
    ok = api.client.post(
        "/v1/webhooks", json={"url": "https://hooks.example.com/tamis"}, headers=api.headers()
    )
    assert ok.status_code == 201  # names are checked at delivery time
