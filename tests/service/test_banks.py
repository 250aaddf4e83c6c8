"""Hash banks through the API, on the real PostgreSQL: tenant-scoped banks, adding by image or
hash, matching a near-duplicate (resized, re-encoded) but not an unrelated image, import and
export round trips, moderation of a banked image (bank:<name> → block by default), and the
durable snapshot job that a new process starts from."""

from __future__ import annotations

import base64
import io
import uuid
from typing import Any

import httpx
import numpy as np
from PIL import Image
from sqlalchemy import text

from tamis.config import Settings
from tamis.hashing import pdq
from tamis.services import banks, keys
from tests.service.conftest import Api


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    err: dict[str, Any] = r.json()["error"]
    assert err["code"] == code, err
    return err


def photo(seed: int, size: tuple[int, int] = (480, 360)) -> Image.Image:
    """A detailed synthetic picture (smooth random structure, like a photo for PDQ)."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, size=(24, 32, 3), dtype=np.uint8)
    return Image.fromarray(small, "RGB").resize(size, Image.Resampling.BICUBIC)


def encode(img: Image.Image, fmt: str = "PNG", **kw: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def near_duplicate(img: Image.Image) -> bytes:
    """Resized to two thirds and re-encoded as a lossy JPEG."""
    w, h = img.size
    return encode(
        img.resize((w * 2 // 3, h * 2 // 3), Image.Resampling.LANCZOS), "JPEG", quality=70
    )


def create_bank(api: Api, name: str, key: str | None = None) -> None:
    ok(api.client.post("/v1/banks", json={"name": name}, headers=api.headers(key)), 201)


def add_image(api: Api, bank: str, data: bytes, label: str = "") -> dict[str, Any]:
    r = api.client.post(
        f"/v1/banks/{bank}/entries",
        files={"file": ("x.png", data, "image/png")},
        data={"label": label},
        headers=api.headers(),
    )
    out: dict[str, Any] = ok(r, 201)
    return out


def match(api: Api, bank: str, data: bytes, key: str | None = None) -> httpx.Response:
    return api.client.post(
        f"/v1/banks/{bank}/match",
        files={"file": ("q.jpg", data, "image/jpeg")},
        headers=api.headers(key),
    )


def other_tenant(api: Api, name: str = "other") -> str:
    r = ok(api.client.post("/v1/tenants", json={"name": name}, headers=api.headers()), 201)
    return str(r["admin_key"]["key"])


def tenant_id(api: Api) -> uuid.UUID:
    with api.db.session() as s:
        return keys.authenticate(s, api.admin_key).tenant_id


def test_banks_are_tenant_data(api: Api) -> None:
    create_bank(api, "known")
    error(
        api.client.post("/v1/banks", json={"name": "known"}, headers=api.headers()), 409, "conflict"
    )
    error(
        api.client.post("/v1/banks", json={"name": "Bad Name"}, headers=api.headers()),
        400,
        "invalid_input",
    )
    img = photo(1)
    added = add_image(api, "known", encode(img), label="case-17")
    assert added["added"] == 1 and added["quality"] >= 50 and len(added["pdq"]) == 64
    assert ok(api.client.get("/v1/banks", headers=api.headers()))["items"] == [
        {**ok(api.client.get("/v1/banks/known", headers=api.headers())), "entries": 1}
    ]

    other = other_tenant(api)
    assert ok(api.client.get("/v1/banks", headers=api.headers(other)))["items"] == []
    error(api.client.get("/v1/banks/known", headers=api.headers(other)), 404, "not_found")
    error(match(api, "known", near_duplicate(img), key=other), 404, "not_found")
    # the other tenant's own bank of the same name is a different bank
    create_bank(api, "known", key=other)
    assert ok(match(api, "known", near_duplicate(img), key=other))["matches"] == []
    assert ok(match(api, "known", near_duplicate(img)))["matches"][0]["label"] == "case-17"

    ok(api.client.delete("/v1/banks/known", headers=api.headers()), 204)
    error(api.client.get("/v1/banks/known", headers=api.headers()), 404, "not_found")
    create_bank(api, "known")  # the name is free again, and the new bank is empty
    assert ok(match(api, "known", near_duplicate(img)))["matches"] == []
    # only admins manage banks
    key = ok(
        api.client.post(
            "/v1/keys", json={"name": "mod", "scopes": ["moderate"]}, headers=api.headers()
        ),
        201,
    )["key"]
    error(api.client.get("/v1/banks", headers=api.headers(key)), 403, "forbidden")


def test_match_finds_a_near_duplicate_and_not_an_unrelated_image(api: Api) -> None:
    create_bank(api, "ncii")
    img = photo(2)
    entry = add_image(api, "ncii", encode(img), label="report 9")["entries"][0]
    found = ok(match(api, "ncii", near_duplicate(img)))
    assert [m["id"] for m in found["matches"]] == [entry["id"]]
    assert found["matches"][0]["distance"] <= 31 and found["quality"] >= 50
    assert ok(match(api, "ncii", near_duplicate(photo(3))))["matches"] == []
    # JSON with base64 works the same
    body = {"image_base64": base64.b64encode(near_duplicate(img)).decode()}
    r = api.client.post("/v1/banks/ncii/match", json=body, headers=api.headers())
    assert ok(r)["matches"][0]["id"] == entry["id"]
    # a flat image is too featureless to bank
    flat = encode(Image.new("RGB", (64, 64), (120, 120, 120)))
    r = api.client.post(
        "/v1/banks/ncii/entries",
        files={"file": ("f.png", flat, "image/png")},
        headers=api.headers(),
    )
    assert "quality" in error(r, 400, "invalid_input")["message"]


def test_add_by_hash_remove_and_list_entries(api: Api) -> None:
    create_bank(api, "hashes")
    h1, h2, h3 = "a" * 64, "b" * 64, "c" * 64
    r = api.client.post(
        "/v1/banks/hashes/entries", json={"hashes": [h1, h2, h1]}, headers=api.headers()
    )
    assert ok(r, 201)["added"] == 2 and r.json()["duplicates"] == 1
    r = api.client.post(
        "/v1/banks/hashes/entries",
        json={"entries": [{"pdq": h3, "quality": 90, "label": "x"}, {"pdq": h1}]},
        headers=api.headers(),
    )
    assert ok(r, 201)["added"] == 1
    items = ok(api.client.get("/v1/banks/hashes/entries", headers=api.headers()))["items"]
    assert [i["pdq"] for i in items] == [h1, h2, h3] and items[2]["quality"] == 90
    bad = api.client.post(
        "/v1/banks/hashes/entries", json={"hashes": ["xyz"]}, headers=api.headers()
    )
    error(bad, 400, "invalid_input")
    r = api.client.request(
        "DELETE", "/v1/banks/hashes/entries", json={"hashes": [h2]}, headers=api.headers()
    )
    assert ok(r)["removed"] == 1
    r = api.client.delete(f"/v1/banks/hashes/entries/{items[0]['id']}", headers=api.headers())
    assert ok(r)["removed"] == 1
    items = ok(api.client.get("/v1/banks/hashes/entries", headers=api.headers()))["items"]
    assert [i["pdq"] for i in items] == [h3]
    assert ok(api.client.get("/v1/banks/hashes", headers=api.headers()))["entries"] == 1


def test_import_export_round_trip(api: Api) -> None:
    create_bank(api, "shared")
    rng = np.random.default_rng(5)
    hashes = [rng.bytes(32).hex() for _ in range(50)]
    body = "signal_type,signal_str,collab,category,tags\n" + "".join(
        f"pdq,{h},Sample,POSITIVE_CLASS,t{i}\n" for i, h in enumerate(hashes)
    )
    body += "video_md5,d41d8cd98f00b204e9800998ecf8427e,Sample,POSITIVE_CLASS,\n"
    r = api.client.post(
        "/v1/banks/shared/import?format=csv",
        content=body.encode(),
        headers={**api.headers(), "Content-Type": "text/csv"},
    )
    assert ok(r) == {"bank": "shared", "added": 50, "duplicates": 0, "skipped": 1}
    for fmt in ("csv", "tsv", "te", "txt"):
        r = api.client.get(f"/v1/banks/shared/export?format={fmt}", headers=api.headers())
        parsed = pdq.parse_hash_list(ok(r) if False else r.text, fmt).records
        assert [p.bits.hex() for p in parsed] == hashes, fmt
        if fmt == "csv":
            assert [p.notes for p in parsed] == [f"t{i}" for i in range(50)]
            assert parsed[0].source == "Sample" and parsed[0].label == "POSITIVE_CLASS"
        # into another bank and back out: the same hashes
        create_bank(api, f"copy-{fmt}")
        r = api.client.post(
            f"/v1/banks/copy-{fmt}/import?format={fmt}",
            files={"file": (f"x.{fmt}", r.content, "text/plain")},
            headers=api.headers(),
        )
        assert ok(r)["added"] == 50
        again = api.client.get(f"/v1/banks/copy-{fmt}/export?format=txt", headers=api.headers())
        assert again.text.split() == hashes
    # a bad line fails the whole import, naming the line
    r = api.client.post(
        "/v1/banks/shared/import?format=txt",
        content=f"{'d' * 64}\nnot a hash\n".encode(),
        headers=api.headers(),
    )
    assert "body:2" in error(r, 400, "invalid_input")["message"]
    assert ok(api.client.get("/v1/banks/shared", headers=api.headers()))["entries"] == 50


def test_moderation_blocks_a_banked_image(api: Api) -> None:
    create_bank(api, "known-bad")
    img = photo(11)
    entry = add_image(api, "known-bad", encode(img))["entries"][0]

    def moderate(data: bytes, policy: str = "default") -> dict[str, Any]:
        r = api.client.post(
            "/v1/moderate/image",
            files={"file": ("u.jpg", data, "image/jpeg")},
            data={"policy": policy},
            headers=api.headers(),
        )
        out: dict[str, Any] = ok(r)["result"]
        return out

    result = moderate(near_duplicate(img))
    assert result["decision"]["action"] == "block"
    banked = [f for f in result["findings"] if f["label"] == "bank:known-bad"]
    assert len(banked) == 1
    ev = banked[0]["evidence"]
    assert ev["entry_id"] == entry["id"] and 0 <= ev["distance"] <= 31 and ev["quality"] >= 50
    assert ev["bank"] == "known-bad" and banked[0]["detector"] == "hash_banks"
    assert any(r["rule"] == "bank:known-bad:block" for r in result["decision"]["reasons"])

    unrelated = moderate(near_duplicate(photo(12)))
    assert not [f for f in unrelated["findings"] if f["label"].startswith("bank:")]

    # a policy may map a bank to another action
    policy = {"detectors": {"hash_banks": {}}, "banks": {"known-bad": "review"}}
    ok(api.client.put("/v1/policies/gentle", json=policy, headers=api.headers()))
    assert moderate(near_duplicate(img), "gentle")["decision"]["action"] == "review"
    # removing the entry takes effect on the next request
    ok(api.client.delete(f"/v1/banks/known-bad/entries/{entry['id']}", headers=api.headers()))
    after = moderate(near_duplicate(img), "gentle")
    assert after["decision"]["action"] == "allow" and not after["findings"]


def test_snapshot_job_and_a_new_process(api: Api, settings: Settings) -> None:
    """Changes queue the durable job; its snapshot lets a new process start without reading
    every row, and catch up on changes made after it."""
    create_bank(api, "snap")
    imgs = [photo(20 + i) for i in range(3)]
    ids = [add_image(api, "snap", encode(im))["entries"][0]["id"] for im in imgs[:2]]
    with api.db.session() as s:
        queued = s.execute(
            text("SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'tamis.bank_index'")
        ).scalar_one()
    assert queued >= 3  # create + two additions, each in its own transaction
    tid = tenant_id(api)
    with api.db.session() as s:
        rev = banks.build_snapshot(s, settings, tid)
        assert banks.build_snapshot(s, settings, tid) == rev  # idempotent
    assert banks.snapshot_path(settings, tid).is_file()

    add_image(api, "snap", encode(imgs[2]))  # after the snapshot
    ok(api.client.delete(f"/v1/banks/snap/entries/{ids[0]}", headers=api.headers()))

    fresh = banks.BankSources(settings)  # what a newly started process has
    with api.db.session() as s:
        source = fresh.for_tenant(s, tid)
    snap = source.snapshot()
    assert len(snap.index) == 2 and set(snap.names.values()) == {"snap"}
    for im, expect in zip(imgs, [False, True, True], strict=True):
        h = pdq.hash_bytes(near_duplicate(im))
        assert bool(snap.index.search([h.bits], 31)[0]) is expect
