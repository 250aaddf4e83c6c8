"""Malformed requests of every kind get a 4xx JSON error {"error": {code, message, hint}},
never a 500; odd but valid text is moderated."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from starlette.types import Message

from tamis.api.app import create_app
from tamis.config import Settings
from tamis.services import keys
from tamis.storage.db import Database
from tests.service.conftest import Api, PgServer

MAX_BODY = 64 * 1024
MAX_BATCH = 5
MAX_TEXT = 1000


def assert_error(
    r: httpx.Response, status: int | None = None, code: str | None = None
) -> dict[str, Any]:
    """A 4xx response with the one error shape; returns the `error` object."""
    assert r.status_code < 500, f"{r.status_code}: {r.text}"
    assert r.status_code >= 400, f"expected an error, got {r.status_code}: {r.text}"
    if status is not None:
        assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json"), r.headers
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "hint"}, err
    assert all(isinstance(err[k], str) for k in err), err
    assert err["code"] and err["message"] and err["hint"], err
    if code is not None:
        assert err["code"] == code, err
    return dict(err)


def small_settings(home: Path, **extra: str) -> Settings:
    env = {
        "TAMIS_HOME": str(home),
        "TAMIS_WORKER": "false",
        "TAMIS_MAX_BODY_BYTES": str(MAX_BODY),
        "TAMIS_MAX_BATCH": str(MAX_BATCH),
        "TAMIS_MAX_TEXT_CHARS": str(MAX_TEXT),
    }
    return Settings.from_env({**env, **extra})


@pytest.fixture
def settings(tamis_home: Path) -> Settings:
    """Small limits for every test of this module (the `api` fixture uses them)."""
    return small_settings(tamis_home)


@contextlib.contextmanager
def running_api(pg_server: PgServer, settings: Settings) -> Iterator[Api]:
    """The app on a database of its own, for fixtures wider than one test."""
    database = Database(pg_server.create_database(), pool_size=5)
    try:
        with database.session() as s:
            key = keys.bootstrap(s)
        assert key is not None
        app = create_app(settings, database, run_worker=False)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield Api(client, key, database)
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def shared(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One app on one database for the checks whose outcome no stored row can change; tests
    that count what was stored use the fresh `api`."""
    with running_api(pg_server, small_settings(tmp_path_factory.mktemp("home"))) as api:
        yield api


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def png_header_only(width: int, height: int, *, depth: int = 8, colour: int = 2) -> bytes:
    """A PNG whose IHDR claims `width`x`height` pixels (8-bit RGB unless told), with a tiny
    IDAT: a decompression bomb as far as any decoder that trusts the header is concerned."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def post_text(api: Api, body: Any, **kw: Any) -> httpx.Response:
    return api.client.post("/v1/moderate/text", json=body, headers=api.headers(), **kw)


def post_raw(api: Api, url: str, content: bytes, ctype: str = "application/json") -> httpx.Response:
    return api.client.post(url, content=content, headers={**api.headers(), "Content-Type": ctype})


# --- JSON bodies: syntax, types, fields ------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"null",
        b"[]",
        b'"just a string"',
        b'{"text": "unterminated',
        b'{"text": "a"} trailing',
        b'{"text": "\xff\xfe bad utf-8"}',
    ],
)
@pytest.mark.parametrize("url", ["/v1/moderate/text", "/v1/moderate/image", "/v1/jobs"])
def test_invalid_json_bodies(shared: Api, url: str, content: bytes) -> None:
    assert_error(post_raw(shared, url, content))


@pytest.mark.parametrize(
    "body",
    [
        {"text": 5},
        {"text": ["a"]},
        {"text": {"a": 1}},
        {"texts": "abc"},
        {"texts": [1, 2]},
        {"texts": [None]},
        {"items": [{"text": 1}]},
        {"items": ["plain string"]},
        {"items": {"id": "a", "text": "b"}},
        {"items": [{"id": 5, "text": "b"}]},
        {"items": [{"id": "x" * 300, "text": "b"}]},
        {"text": "a", "policy": 3},
        {"text": "a", "policy": None},
        {"text": "a", "store": "maybe"},
        {"text": "a", "store": [True]},
    ],
)
def test_wrong_types_are_422(shared: Api, body: Any) -> None:
    err = assert_error(post_text(shared, body), 422, "invalid_request")
    assert ":" in err["message"]  # names the field


@pytest.mark.parametrize(
    "body",
    [
        {"text": "a", "colour": "red"},
        {"text": "a", "Text": "b"},
        {"items": [{"id": "a", "text": "b", "lang": "en"}]},
    ],
)
def test_unknown_fields_are_422(shared: Api, body: Any) -> None:
    err = assert_error(post_text(shared, body), 422, "invalid_request")
    assert "extra" in err["message"].lower() or "not permitted" in err["message"].lower()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": None},
        {"policy": "default"},
        {"text": "a", "texts": ["b"]},
        {"text": "a", "items": [{"text": "b"}]},
        {"texts": ["a"], "items": [{"text": "b"}]},
        {"text": "a", "texts": ["b"], "items": [{"text": "c"}]},
        {"items": [{"id": "no text"}]},
    ],
)
def test_missing_or_ambiguous_input_is_422(shared: Api, body: Any) -> None:
    assert_error(post_text(shared, body), 422, "invalid_request")


@pytest.mark.parametrize("body", [{"texts": []}, {"items": []}])
def test_empty_batch_is_400(shared: Api, body: Any) -> None:
    assert_error(post_text(shared, body), 400, "invalid_input")


@pytest.mark.parametrize("key", ["texts", "items"])
def test_batch_over_max_batch_is_413(shared: Api, key: str) -> None:
    n = MAX_BATCH + 1
    batch: list[Any] = [f"t{i}" for i in range(n)]
    if key == "items":
        batch = [{"id": str(i), "text": t} for i, t in enumerate(batch)]
    err = assert_error(post_text(shared, {key: batch}), 413, "request_too_large")
    assert str(MAX_BATCH) in err["message"]
    ok = post_text(shared, {key: batch[:MAX_BATCH]})
    assert ok.status_code == 200 and len(ok.json()["results"]) == MAX_BATCH


# --- body size ------------------------------------------------------------------------------
def test_body_over_limit_with_content_length_is_413(shared: Api) -> None:
    body = b'{"text": "' + b"a" * MAX_BODY + b'"}'
    r = post_raw(shared, "/v1/moderate/text", body)
    assert "content-length" in {k.lower() for k in r.request.headers}
    err = assert_error(r, 413, "request_too_large")
    assert f"{MAX_BODY:,}" in err["message"]


def test_body_over_limit_chunked_is_413(shared: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY // 1024 + 2):
            yield b"a" * 1024
        yield b'"}'

    r = shared.client.post(
        "/v1/moderate/text",
        content=chunks(),
        headers={**shared.headers(), "Content-Type": "application/json"},
    )
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert r.request.headers.get("transfer-encoding") == "chunked"
    assert_error(r, 413, "request_too_large")


def test_chunked_body_under_limit_is_served(shared: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": '
        yield b'"hello there"}'

    r = shared.client.post(
        "/v1/moderate/text",
        content=chunks(),
        headers={**shared.headers(), "Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["decision"]["action"] == "allow"


def test_bad_content_length_header_is_413_not_500(shared: Api) -> None:
    """The ASGI level, where a Content-Length that is not a number can arrive."""
    app = shared.client.app
    sent: list[Message] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/moderate/text",
        "raw_path": b"/v1/moderate/text",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-length", b"lots"), (b"content-type", b"application/json")],
        "server": ("testserver", 80),
        "client": ("testclient", 50000),
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))  # type: ignore[operator]
    assert sent[0]["type"] == "http.response.start"
    assert 400 <= sent[0]["status"] < 500


def test_chunked_body_over_limit_in_many_messages_is_413(shared: Api) -> None:
    """Drive the middleware directly with many small `more_body` messages and no
    Content-Length: it must stop reading at the limit and answer 413."""
    app = shared.client.app
    sent: list[Message] = []
    read = {"n": 0}
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/moderate/text",
        "raw_path": b"/v1/moderate/text",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
        "server": ("testserver", 80),
        "client": ("testclient", 50000),
    }

    async def receive() -> Message:
        read["n"] += 1
        return {"type": "http.request", "body": b"a" * 1000, "more_body": True}  # endless

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))  # type: ignore[operator]
    assert sent[0]["status"] == 413
    assert read["n"] <= MAX_BODY // 1000 + 2  # stopped reading at the limit


# --- text content ---------------------------------------------------------------------------
def test_text_over_max_chars_is_a_per_item_error(shared: Api) -> None:
    r = post_text(
        shared,
        {"items": [{"id": "ok", "text": "hello"}, {"id": "big", "text": "a" * (MAX_TEXT + 1)}]},
    )
    assert r.status_code == 200, r.text
    ok, big = r.json()["results"]
    assert ok["decision"]["action"] == "allow" and ok["id"] == "ok"
    assert set(big) <= {"id", "error"}
    assert big["error"]["code"] == "text_too_long"
    assert big["error"]["message"] and big["error"]["hint"]
    single = post_text(shared, {"text": "b" * (MAX_TEXT + 1)})
    assert single.status_code == 200, single.text
    assert single.json()["results"][0]["error"]["code"] == "text_too_long"
    exact = post_text(shared, {"text": "c" * MAX_TEXT})
    assert "decision" in exact.json()["results"][0]


@pytest.mark.parametrize(
    "text",
    [
        "hello\x00world",
        "\x00",
        "what the fuck\x00",  # flagged: the text is kept with the case
        "\u202eevil\u202c text with RTL override",
        "\u202ekcuf\u202c",
        "\u200b\u200d\ufeff zero width",
        "a\u0301\u0302\u0303" * 50,
        "\U0001f600\U0001f4a9 emoji",
        "line\r\nbreaks\ttabs\x0b\x0c",
        "\x7f\x1b[31mansi",
    ],
)
def test_odd_characters_are_moderated(shared: Api, text: str) -> None:
    r = post_text(shared, {"text": text})
    assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    assert result["decision"]["action"] in ("allow", "label", "review", "block")
    case = shared.client.get(f"/v1/cases/{result['case_id']}", headers=shared.headers())
    assert case.status_code == 200, case.text


@pytest.mark.parametrize("item_id", ["id\x00nul", "\u202edi", "\x00"])
def test_odd_characters_in_item_ids(shared: Api, item_id: str) -> None:
    r = post_text(shared, {"items": [{"id": item_id, "text": "what the fuck"}]})
    assert r.status_code < 500, r.text
    if r.status_code == 200:
        result = r.json()["results"][0]
        case = shared.client.get(f"/v1/cases/{result['case_id']}", headers=shared.headers())
        assert case.status_code == 200, case.text
    else:
        assert_error(r)


def test_lone_surrogates_are_refused_not_500(shared: Api) -> None:
    r = post_raw(shared, "/v1/moderate/text", b'{"text": "a\\ud800b"}')
    assert r.status_code < 500, r.text
    if r.status_code == 200:
        assert r.json()["results"][0]["error"]["code"] == "invalid_encoding"
    else:
        assert_error(r)
    r = post_raw(shared, "/v1/moderate/text", b'{"items": [{"id": "\\udfff", "text": "hi"}]}')
    assert r.status_code < 500, r.text
    if r.status_code != 200:
        assert_error(r)


def test_unknown_policy_is_404(api: Api) -> None:
    err = assert_error(post_text(api, {"text": "hi", "policy": "no-such-policy"}), 404, "not_found")
    assert "no-such-policy" in err["message"]
    assert api.client.get("/v1/cases", headers=api.headers()).json()["items"] == []


# --- paths and query parameters -------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/v1/cases/not-a-uuid"),
        ("GET", "/v1/cases/1234"),
        ("GET", "/v1/jobs/zzzz"),
        ("DELETE", "/v1/webhooks/xyz"),
        ("GET", "/v1/webhooks/xyz/deliveries"),
        ("POST", "/v1/webhooks/xyz/test"),
        ("DELETE", "/v1/keys/%00"),
        ("DELETE", "/v1/keys/00000000-0000-0000-0000-00000000000g"),
    ],
)
def test_bad_uuids_in_paths_are_422(shared: Api, method: str, url: str) -> None:
    assert_error(
        shared.client.request(method, url, headers=shared.headers()), 422, "invalid_request"
    )


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/v1/cases/00000000-0000-0000-0000-000000000000"),
        ("GET", "/v1/jobs/00000000-0000-0000-0000-000000000000"),
        ("DELETE", "/v1/webhooks/00000000-0000-0000-0000-000000000000"),
        ("DELETE", "/v1/keys/00000000-0000-0000-0000-000000000000"),
        ("GET", "/v1/policies/nope"),
        ("GET", "/v1/lists/nope"),
        ("DELETE", "/v1/lists/nope"),
        ("GET", "/v1/policies/nope/versions"),
    ],
)
def test_unknown_ids_are_404(shared: Api, method: str, url: str) -> None:
    assert_error(shared.client.request(method, url, headers=shared.headers()), 404, "not_found")


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        base64.urlsafe_b64encode(b"no separator").decode(),
        base64.urlsafe_b64encode(b"notadate|00000000-0000-0000-0000-000000000000").decode(),
        base64.urlsafe_b64encode(b"2024-01-01T00:00:00+00:00|not-a-uuid").decode(),
        base64.urlsafe_b64encode(
            b"2024-01-01T00:00:00|00000000-0000-0000-0000-000000000000|x"
        ).decode(),
        base64.urlsafe_b64encode(b"\xff\xfe|\xff").decode(),
        "a",
        "YQ",
    ],
)
def test_bad_cursor_is_400(shared: Api, cursor: str) -> None:
    r = shared.client.get("/v1/cases", params={"cursor": cursor}, headers=shared.headers())
    assert_error(r, 400, "invalid_input")


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/v1/cases", {"limit": "0"}),
        ("/v1/cases", {"limit": "501"}),
        ("/v1/cases", {"limit": "ten"}),
        ("/v1/cases", {"limit": "-1"}),
        ("/v1/cases", {"action": "destroy"}),
        ("/v1/cases", {"since": "yesterday"}),
        ("/v1/cases", {"until": "2024-13-45"}),
        ("/v1/audit", {"limit": "0"}),
        ("/v1/audit", {"before_id": "abc"}),
        ("/v1/audit", {"before_id": "99999999999999999999999999"}),
        ("/v1/audit", {"limit": "1e3"}),
    ],
)
def test_bad_query_params_are_4xx(shared: Api, url: str, params: dict[str, str]) -> None:
    assert_error(shared.client.get(url, params=params, headers=shared.headers()))


def test_timezone_naive_and_aware_dates_both_work(shared: Api) -> None:
    post_text(shared, {"text": "hello"})
    for since in ("2000-01-01T00:00:00", "2000-01-01T00:00:00+02:00", "2000-01-01"):
        r = shared.client.get("/v1/cases", params={"since": since}, headers=shared.headers())
        assert r.status_code < 500, r.text


# --- policies and lists ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"labels": {"hate": {"review": 2}}}, "labels.hate.review"),
        ({"labels": {"hate": {"review": -0.1}}}, "labels.hate.review"),
        ({"labels": {"hate": {"review": "high"}}}, "labels.hate.review"),
        ({"labels": {"hate": {"review": 0.9, "block": 0.5}}}, "labels.hate"),
        ({"labels": {"hate": {}}}, "labels.hate"),
        ({"labels": {"hate": {"reveiw": 0.5}}}, "labels.hate.reveiw"),
        ({"labels": {"made-up": {"review": 0.5}}}, "labels"),
        ({"labels": {"list:profanity": {"review": 0.5}}}, "labels"),
        ({"labels": ["hate"]}, "labels"),
        ({"lists": {"profanity": "obliterate"}}, "lists"),
        ({"lists": ["profanity"]}, "lists"),
        ({"on_failure": "allow"}, "on_failure"),
        ({"store_media": "sometimes"}, "store_media"),
        ({"colour": "red"}, "colour"),
        ({"detectors": {"term_lists": {"masked_score": 5}}}, "detectors.term_lists.masked_score"),
        ({"detectors": {"term_lists": {"bogus": 1}}}, "detectors.term_lists.bogus"),
        ({"detectors": {"no-such-detector": {}}}, "detectors.no-such-detector"),
        ({"description": 5}, "description"),
    ],
)
def test_invalid_policy_bodies_are_422_naming_the_key(
    shared: Api, body: dict[str, Any], key: str
) -> None:
    r = shared.client.put("/v1/policies/mine", json=body, headers=shared.headers())
    err = assert_error(r, 422, "invalid_config")
    assert repr(key) in err["message"], err
    assert shared.client.get("/v1/policies/mine", headers=shared.headers()).status_code == 404


@pytest.mark.parametrize("name", ["Bad Name", "UPPER", "-leading", "x" * 65])
def test_invalid_policy_names_are_refused(shared: Api, name: str) -> None:
    r = shared.client.put(f"/v1/policies/{name}", json={}, headers=shared.headers())
    assert_error(r)


def test_policy_body_naming_another_policy_is_refused(shared: Api) -> None:
    r = shared.client.put("/v1/policies/mine", json={"name": "other"}, headers=shared.headers())
    assert_error(r, 400)


@pytest.mark.parametrize("content", [b"[]", b'"policy"', b"5", b"{", b"null"])
def test_policy_body_that_is_not_an_object(shared: Api, content: bytes) -> None:
    r = shared.client.put(
        "/v1/policies/mine",
        content=content,
        headers={**shared.headers(), "Content-Type": "application/json"},
    )
    assert_error(r, 422)


@pytest.mark.parametrize(
    "label", ["ethnicity", "religion", "sexual-orientation", "Sexual_Orientation", "gender"]
)
def test_protected_attribute_labels_are_refused_by_design(shared: Api, label: str) -> None:
    body = {"labels": {label: {"review": 0.5}}}
    r = shared.client.put("/v1/policies/mine", json=body, headers=shared.headers())
    err = assert_error(r, 422, "refused_by_design")
    assert label in err["message"]
    r = shared.client.put(
        "/v1/lists/mine",
        json={"kind": "block", "label": label, "terms": {"en": ["x"]}},
        headers=shared.headers(),
    )
    assert_error(r, 422, "refused_by_design")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"kind": "block", "patterns": ["(unclosed"]}, "patterns"),
        ({"kind": "block", "patterns": ["[z-a]"]}, "patterns"),
        ({"kind": "block", "patterns": ["a{2,1}"]}, "patterns"),
        ({"kind": "block", "patterns": ["*x"]}, "patterns"),
        ({"kind": "block", "patterns": "(abc"}, "patterns"),
        ({"kind": "obliterate"}, "kind"),
        ({"terms": {"en": ["x"]}}, "kind"),
        ({"kind": "block", "terms": {"en": ["  "]}}, "terms"),
        ({"kind": "block", "terms": {"en": "word"}}, "terms.en"),
        ({"kind": "block", "terms": ["word"]}, "terms"),
        ({"kind": "allow", "label": "profanity"}, ""),
        ({"kind": "block", "applies_to": ["x"]}, ""),
        ({"kind": "block", "label": "made-up"}, "label"),
        ({"kind": "block", "extra": 1}, "extra"),
    ],
)
def test_invalid_list_bodies_are_422(shared: Api, body: dict[str, Any], key: str) -> None:
    r = shared.client.put("/v1/lists/mine", json=body, headers=shared.headers())
    err = assert_error(r, 422)
    assert err["code"] in ("invalid_config", "invalid_request"), err
    if key:
        assert key in err["message"], err
    assert shared.client.get("/v1/lists/mine", headers=shared.headers()).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"terms": []},
        {"terms": "word"},
        {"terms": ["a"], "lang": "x" * 17},
        {"terms": ["a"], "colour": 1},
        {"terms": [1]},
    ],
)
def test_invalid_term_requests_are_422(shared: Api, body: dict[str, Any]) -> None:
    shared.client.put(
        "/v1/lists/terms-target",
        json={"kind": "block", "terms": {"en": ["x"]}},
        headers=shared.headers(),
    )
    for method in ("POST", "DELETE"):
        r = shared.client.request(
            method, "/v1/lists/terms-target/terms", json=body, headers=shared.headers()
        )
        assert_error(r, 422, "invalid_request")


def test_blank_term_added_to_a_list_is_refused(shared: Api) -> None:
    shared.client.put(
        "/v1/lists/terms-target",
        json={"kind": "block", "terms": {"en": ["x"]}},
        headers=shared.headers(),
    )
    r = shared.client.post(
        "/v1/lists/terms-target/terms", json={"terms": ["  "]}, headers=shared.headers()
    )
    assert_error(r, 422, "invalid_config")
    r = shared.client.post(
        "/v1/lists/absent/terms", json={"terms": ["a"]}, headers=shared.headers()
    )
    assert_error(r, 404, "not_found")


# --- other resources ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/v1/webhooks", {}),
        ("/v1/webhooks", {"url": 5}),
        ("/v1/webhooks", {"url": "ftp://example.com/x"}),
        ("/v1/webhooks", {"url": "not a url"}),
        ("/v1/webhooks", {"url": "https://example.com/h", "events": ["nope"]}),
        ("/v1/webhooks", {"url": "https://example.com/h", "events": []}),
        ("/v1/webhooks", {"url": "https://example.com/h", "events": "case.decided"}),
        ("/v1/webhooks", {"url": "https://example.com/" + "x" * 3000}),
        ("/v1/keys", {}),
        ("/v1/keys", {"name": "k"}),
        ("/v1/keys", {"name": "k", "scopes": []}),
        ("/v1/keys", {"name": "k", "scopes": ["root"]}),
        ("/v1/keys", {"name": "", "scopes": ["moderate"]}),
        ("/v1/keys", {"name": "k", "scopes": "moderate"}),
        ("/v1/tenants", {}),
        ("/v1/tenants", {"name": ""}),
        ("/v1/tenants", {"name": "x" * 200}),
    ],
)
def test_invalid_resource_bodies(shared: Api, url: str, body: dict[str, Any]) -> None:
    assert_error(shared.client.post(url, json=body, headers=shared.headers()))


def test_duplicate_tenant_is_409(api: Api) -> None:
    r = api.client.post("/v1/tenants", json={"name": "acme"}, headers=api.headers())
    assert r.status_code == 201, r.text
    r = api.client.post("/v1/tenants", json={"name": "acme"}, headers=api.headers())
    assert_error(r, 409, "conflict")


@pytest.mark.parametrize(
    ("url", "ctype", "content"),
    [
        ("/v1/moderate/text", "text/plain", b'{"text": "hi"}'),
        ("/v1/moderate/text", "application/x-www-form-urlencoded", b"text=hi"),
        ("/v1/moderate/text", "application/xml", b"<text>hi</text>"),
        ("/v1/moderate/text", "multipart/form-data; boundary=x", b"--x--"),
        ("/v1/moderate/image", "text/plain", b"hello"),
        ("/v1/moderate/image", "application/x-www-form-urlencoded", b"file=abc"),
        ("/v1/moderate/image", "multipart/form-data", b"no boundary"),
        ("/v1/moderate/image", "multipart/form-data; boundary=x", b"garbage"),
        ("/v1/jobs", "text/plain", b"kind=text_batch"),
        ("/v1/jobs", "multipart/form-data; boundary=x", b"--x--"),
        ("/v1/policies/mine", "text/yaml", b"name: mine"),
    ],
)
def test_wrong_content_types(shared: Api, url: str, ctype: str, content: bytes) -> None:
    method = "PUT" if url.startswith("/v1/policies") else "POST"
    r = shared.client.request(
        method, url, content=content, headers={**shared.headers(), "Content-Type": ctype}
    )
    assert_error(r)


def test_wrong_method_is_405(shared: Api) -> None:
    assert_error(shared.client.get("/v1/moderate/text", headers=shared.headers()), 405)
    assert_error(shared.client.put("/v1/cases", headers=shared.headers()), 405)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer nope"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"X-API-Key": "tms_00000000_zzzz"},
        {"Authorization": "Bearer " + "x" * 5000},
    ],
)
def test_missing_or_bad_keys_are_401(shared: Api, headers: dict[str, str]) -> None:
    r = shared.client.post("/v1/moderate/text", json={"text": "hi"}, headers=headers)
    assert_error(r, 401, "unauthenticated")


# --- images ---------------------------------------------------------------------------------
def post_image(api: Api, data: bytes, **fields: str) -> httpx.Response:
    return api.client.post(
        "/v1/moderate/image",
        files={"file": ("upload.png", data, "image/png")},
        data=fields,
        headers=api.headers(),
    )


def post_image_b64(api: Api, data: bytes) -> httpx.Response:
    body = {"image_base64": base64.b64encode(data).decode()}
    return api.client.post("/v1/moderate/image", json=body, headers=api.headers())


@pytest.mark.parametrize("send", [post_image, post_image_b64])
def test_empty_image_is_400(shared: Api, send: Any) -> None:
    assert_error(send(shared, b""), 400)


@pytest.mark.parametrize("send", [post_image, post_image_b64])
def test_truncated_png_is_400(shared: Api, send: Any) -> None:
    data = png_bytes(64, 64)
    for cut in (len(data) // 2, 30, 12):
        assert_error(send(shared, data[:cut]))


@pytest.mark.parametrize(
    "data",
    [b"hello, this is text", b"%PDF-1.4\n", b"\x00" * 100, b"GIF89a", b"\x89PNG\r\n\x1a\n"],
)
def test_not_an_image_is_4xx(shared: Api, data: bytes) -> None:
    assert_error(post_image(shared, data))


@pytest.mark.parametrize("size", [(100_000, 100_000), (8_000, 8_000), (1, 60_000_000)])
def test_decompression_bomb_is_413(shared: Api, size: tuple[int, int]) -> None:
    bomb = png_header_only(*size)
    assert len(bomb) < 200
    err = assert_error(post_image(shared, bomb), 413, "request_too_large")
    assert "pixels" in err["message"] or "bomb" in err["message"]
    assert_error(post_image_b64(shared, bomb), 413)


def test_oversize_image_is_413(shared: Api) -> None:
    noise = Image.frombytes("RGB", (160, 160), bytes(range(256)) * 300)
    buf = io.BytesIO()
    noise.save(buf, format="PNG", compress_level=0)
    data = buf.getvalue()
    assert len(data) > MAX_BODY
    assert_error(post_image(shared, data), 413, "request_too_large")
    assert_error(post_image_b64(shared, data), 413, "request_too_large")


def test_image_pixel_limit_is_the_setting(pg_server: PgServer, tmp_path: Path) -> None:
    """Uploads are probed against TAMIS_MAX_IMAGE_PIXELS, not a built-in default: lowered, an
    image over it is refused as soon as it is read; raised, an image over the default passes."""
    low = small_settings(tmp_path / "low", TAMIS_MAX_IMAGE_PIXELS="100")
    with running_api(pg_server, low) as api:
        for send in (post_image, post_image_b64):
            err = assert_error(send(api, png_bytes(11, 10)), 413, "request_too_large")
            assert "11x10 = 110 pixels; the limit is 100" in err["message"], err
        # refused when probed, before the policy is looked up
        assert_error(post_image(api, png_bytes(11, 10), policy="nope"), 413, "request_too_large")
        bare = {"detectors": {"term_lists": {}}}
        assert api.client.put("/v1/policies/bare", json=bare, headers=api.headers()).is_success
        assert post_image(api, png_bytes(10, 10), policy="bare").status_code == 200
    # 7200x7100 = 51.1 million pixels, over the default 50 million: a header-only bilevel PNG
    # (cheap to probe) that is then found truncated by the decoder, not refused for its size.
    high = small_settings(tmp_path / "high", TAMIS_MAX_IMAGE_PIXELS="60000000")
    big = png_header_only(7200, 7100, depth=1, colour=0)
    with running_api(pg_server, high) as api:
        err = assert_error(post_image(api, big), 400, "invalid_input")
        assert "truncated" in err["message"], err
        assert_error(post_image(api, png_header_only(8000, 8000)), 413, "request_too_large")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"image_base64": "!!!not base64!!!"},
        {"image_base64": "abc"},
        {"image_base64": 5},
        {"image_base64": "aGk=", "url": "https://example.com/a.png"},
        {"image_base64": "aGk=", "extra": 1},
        {"url": "file:///etc/passwd"},
        {"url": "http://127.0.0.1:1/x.png"},
        {"url": "not a url"},
    ],
)
def test_invalid_image_json_bodies(shared: Api, body: dict[str, Any]) -> None:
    assert_error(shared.client.post("/v1/moderate/image", json=body, headers=shared.headers()))


def test_image_multipart_without_file_part(shared: Api) -> None:
    r = shared.client.post(
        "/v1/moderate/image",
        data={"policy": "default"},
        files={"other": ("a", b"x")},
        headers=shared.headers(),
    )
    assert_error(r, 400)


def test_image_with_unknown_policy_is_404(shared: Api) -> None:
    assert_error(post_image(shared, png_bytes(), policy="nope"), 404, "not_found")


# --- jobs -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        {},
        {"kind": "text_batch"},
        {"kind": "text_batch", "items": []},
        {"kind": "text_batch", "items": "abc"},
        {"kind": "text_batch", "items": [{"id": "a"}]},
        {"kind": "pdf", "items": [{"text": "a"}]},
        {"kind": 5},
        {"kind": "video"},
        {"kind": "audio"},
        {"kind": "video", "url": ""},
        {"kind": "text_batch", "items": [{"text": "a"}], "extra": True},
        {"kind": "text_batch", "items": [{"text": "a"}], "callback_url": "ftp://x"},
        {"kind": "video", "url": "file:///etc/passwd"},
        {"kind": "video", "url": "http://127.0.0.1:1/v.mp4"},
    ],
)
def test_invalid_jobs_are_4xx(shared: Api, body: dict[str, Any]) -> None:
    assert_error(shared.client.post("/v1/jobs", json=body, headers=shared.headers()))


def test_job_multipart_errors(shared: Api) -> None:
    r = shared.client.post(
        "/v1/jobs", data={"kind": "video"}, files={"other": ("a", b"x")}, headers=shared.headers()
    )
    assert_error(r, 400)
    r = shared.client.post(
        "/v1/jobs",
        data={"kind": "opera"},
        files={"file": ("a.mp4", b"x")},
        headers=shared.headers(),
    )
    assert_error(r, 400)
    r = shared.client.post(
        "/v1/jobs",
        data={"kind": "video", "unknown": "1"},
        files={"file": ("a.mp4", b"x")},
        headers=shared.headers(),
    )
    assert_error(r, 400)


# --- idempotency ----------------------------------------------------------------------------
def test_idempotency_key_reuse(api: Api) -> None:
    h = {**api.headers(), "Idempotency-Key": "req-1"}
    first = api.client.post("/v1/moderate/text", json={"text": "what the fuck"}, headers=h)
    assert first.status_code == 200, first.text
    again = api.client.post("/v1/moderate/text", json={"text": "what the fuck"}, headers=h)
    assert again.status_code == 200
    assert again.json() == first.json()
    cases = api.client.get("/v1/cases", headers=api.headers()).json()["items"]
    assert [c["id"] for c in cases] == [first.json()["results"][0]["case_id"]]
    other = api.client.post("/v1/moderate/text", json={"text": "something else"}, headers=h)
    err = assert_error(other, 409, "conflict")
    assert "Idempotency-Key" in err["message"]
    assert len(api.client.get("/v1/cases", headers=api.headers()).json()["items"]) == 1


def test_idempotency_key_reuse_on_jobs_and_webhooks(api: Api) -> None:
    h = {**api.headers(), "Idempotency-Key": "job-1"}
    job = {"kind": "text_batch", "items": [{"text": "a"}]}
    first = api.client.post("/v1/jobs", json=job, headers=h)
    assert first.status_code == 202, first.text
    assert api.client.post("/v1/jobs", json=job, headers=h).json() == first.json()
    other = {"kind": "text_batch", "items": [{"text": "b"}]}
    assert_error(api.client.post("/v1/jobs", json=other, headers=h), 409, "conflict")
    hook = {"url": "https://example.com/hook"}
    h2 = {**api.headers(), "Idempotency-Key": "hook-1"}
    first = api.client.post("/v1/webhooks", json=hook, headers=h2)
    assert first.status_code == 201
    replay = api.client.post("/v1/webhooks", json=hook, headers=h2)
    assert replay.status_code == 201 and replay.json()["id"] == first.json()["id"]
    assert len(api.client.get("/v1/webhooks", headers=api.headers()).json()["items"]) == 1
    # the same key on another endpoint with another body is a different request
    assert_error(api.client.post("/v1/webhooks", json=hook, headers=h), 409, "conflict")


@pytest.mark.parametrize("key", ["", "k" * 257])
def test_idempotency_key_length(shared: Api, key: str) -> None:
    h = {**shared.headers(), "Idempotency-Key": key}
    assert_error(shared.client.post("/v1/moderate/text", json={"text": "hi"}, headers=h), 400)


# --- rate limit -----------------------------------------------------------------------------
@pytest.fixture
def limited(db: Database, tamis_home: Path) -> Iterator[Api]:
    with db.session() as s:
        key = keys.bootstrap(s)
    assert key is not None
    app = create_app(small_settings(tamis_home, TAMIS_RATE_LIMIT="3"), db, run_worker=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, key, db)


def test_rate_limit_is_429_with_retry_after(limited: Api) -> None:
    for _ in range(3):
        r = limited.client.post("/v1/moderate/text", json={"text": "hi"}, headers=limited.headers())
        assert r.status_code == 200, r.text
    r = limited.client.post("/v1/moderate/text", json={"text": "hi"}, headers=limited.headers())
    err = assert_error(r, 429, "rate_limited")
    retry_after = r.headers["Retry-After"]
    assert retry_after.isdigit() and int(retry_after) >= 1
    assert "Retry" in err["hint"]
    # another key has its own bucket
    with limited.db.session() as s:
        from tamis.services.keys import authenticate, create_key

        who = authenticate(s, limited.admin_key)
        _, other = create_key(s, who.tenant_id, "other", ["moderate"], actor="test")
    r = limited.client.post(
        "/v1/moderate/text", json={"text": "hi"}, headers=limited.headers(other)
    )
    assert r.status_code == 200, r.text


def test_nul_is_stored_as_a_replacement_character(shared: Api) -> None:
    """PostgreSQL cannot hold U+0000: a kept text and an id store U+FFFD in its place, while a
    literal backslash-u0000 in the text stays as written."""
    body = {"items": [{"id": "n\x00", "text": "what the fuck\x00 \\u0000"}]}
    r = post_text(shared, body)
    assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    assert result["id"] == "n\x00"  # the response answers the request as sent
    case = shared.client.get(f"/v1/cases/{result['case_id']}", headers=shared.headers()).json()
    assert case["external_id"] == "n\ufffd"
    assert case["result"]["text"] == "what the fuck\ufffd \\u0000"
