from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from tamis.errors import InputError, NotFound
from tamis.mediastore import FileMediaStore, MediaStore, check_hash

DATA = b"\x89PNG\r\n\x1a\n not really an image"
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> FileMediaStore:
    return FileMediaStore(tmp_path / "media")


def test_put_returns_the_sha256_and_get_returns_the_bytes(store: FileMediaStore) -> None:
    assert store.put(DATA) == SHA
    assert store.get(SHA) == DATA
    assert store.exists(SHA)


def test_layout_fans_out_by_the_first_four_hex_digits(store: FileMediaStore) -> None:
    store.put(DATA)
    assert (store.root / SHA[:2] / SHA[2:4] / SHA).read_bytes() == DATA


def test_put_is_idempotent(store: FileMediaStore) -> None:
    assert store.put(DATA) == store.put(DATA) == SHA
    folder = store.root / SHA[:2] / SHA[2:4]
    assert [p.name for p in folder.iterdir()] == [SHA]  # no leftover temporary files
    assert list(store.iter_hashes()) == [SHA]


def test_empty_content_is_storable(store: FileMediaStore) -> None:
    sha = store.put(b"")
    assert sha == hashlib.sha256(b"").hexdigest()
    assert store.get(sha) == b""


def test_missing_media_is_not_found(store: FileMediaStore) -> None:
    absent = "0" * 64
    assert not store.exists(absent)
    with pytest.raises(NotFound, match=r"no media with hash 0{64}") as caught:
        store.get(absent)
    assert caught.value.code == "not_found"
    assert store.delete(absent) is False
    assert list(store.iter_hashes()) == []


def test_delete_removes_the_file_and_empty_folders(store: FileMediaStore) -> None:
    store.put(DATA)
    assert store.delete(SHA) is True
    assert not store.exists(SHA)
    assert not (store.root / SHA[:2]).exists()
    assert store.root.is_dir()
    with pytest.raises(NotFound):
        store.get(SHA)


def test_delete_keeps_folders_that_still_hold_media(store: FileMediaStore) -> None:
    store.put(DATA)
    sibling = store.root / SHA[:2] / SHA[2:4] / (SHA[:4] + "f" * 60)
    sibling.write_bytes(b"other")
    assert store.delete(SHA)
    assert sibling.is_file()


def test_iter_hashes_lists_every_item_and_ignores_strays(store: FileMediaStore) -> None:
    blobs = [b"one", b"two", b"three", DATA]
    hashes = {store.put(b) for b in blobs}
    folder = store.root / SHA[:2] / SHA[2:4]
    (folder / ".tmp-abc.part").write_bytes(b"half written")
    (folder / ("0" * 64)).write_bytes(b"in the wrong folder")
    (store.root / "README").write_text("not media")
    (store.root / "zz").mkdir()
    assert set(store.iter_hashes()) == hashes
    assert len(list(store.iter_hashes())) == len(blobs)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "abc",
        SHA.upper(),
        SHA[:-1],
        SHA + "0",
        "../" + SHA[3:],
        "/etc/passwd",
        "..",
        SHA[:62] + "/x",
        "g" * 64,
        " " + SHA[1:],
        SHA[:63] + "\n",
    ],
)
def test_malformed_hashes_are_rejected(store: FileMediaStore, bad: str) -> None:
    for call in (store.get, store.exists, store.delete):
        with pytest.raises(InputError, match="is not a SHA-256 hash"):
            call(bad)
    with pytest.raises(InputError):
        check_hash(bad)
    assert not store.root.exists()  # nothing was created or touched


def test_failed_write_leaves_no_file(
    store: FileMediaStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.put(DATA)
    monkeypatch.undo()
    assert not store.exists(SHA)
    assert list((store.root / SHA[:2] / SHA[2:4]).iterdir()) == []


def test_concurrent_puts_of_the_same_bytes_agree(store: FileMediaStore) -> None:
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(store.put(DATA))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [SHA] * 8
    assert store.get(SHA) == DATA
    assert list(store.iter_hashes()) == [SHA]


def test_file_store_satisfies_the_protocol(tmp_path: Path) -> None:
    def roundtrip(media: MediaStore) -> bytes:
        return media.get(media.put(b"x"))

    assert roundtrip(FileMediaStore(str(tmp_path))) == b"x"
