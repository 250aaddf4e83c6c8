"""Content-addressed storage for submitted media: bytes are stored and found by their SHA-256.

The same bytes always get the same key, so storing them twice stores them once, and a key can
never point at other content. See docs/media-storage.md.

Another backend implements ``MediaStore``; an S3-compatible one would, for example:

- use the key ``<prefix>/ab/cd/<sha256>`` in one bucket (the same fan-out keeps listings cheap);
- ``put``: hash locally, skip the upload when ``HeadObject`` finds the key, else ``PutObject``
  with ``ChecksumSHA256`` (or ``Content-MD5``) so the service rejects a corrupted upload; an
  object appears whole or not at all, so no temporary name is needed;
- ``get``: ``GetObject``, mapping ``NoSuchKey``/404 to ``NotFound``;
- ``exists``: ``HeadObject``; ``delete``: ``HeadObject`` then ``DeleteObject`` (S3 deletes
  succeed for missing keys, so the check gives the boolean);
- ``iter_hashes``: ``ListObjectsV2`` pages under the prefix, keeping keys whose last part is a
  well-formed hash;
- validate every hash with ``check_hash`` before building a key, exactly as the file store does.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from tamis.errors import InputError, NotFound

_HASH_RE = re.compile(r"[0-9a-f]{64}")


def check_hash(sha256: str) -> str:
    """``sha256`` if it is 64 lowercase hex digits; InputError otherwise (so a key can never be
    a path such as ``../x``)."""
    if not isinstance(sha256, str) or not _HASH_RE.fullmatch(sha256):
        raise InputError(
            f"{sha256!r:.80} is not a SHA-256 hash",
            hint="media keys are 64 lowercase hexadecimal digits",
        )
    return sha256


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class MediaStore(Protocol):
    """Where submitted media lives, keyed by the SHA-256 of its bytes (lowercase hex)."""

    def put(self, data: bytes) -> str:
        """Store ``data`` (a no-op when already stored) and return its SHA-256."""
        ...

    def get(self, sha256: str) -> bytes:
        """The stored bytes; NotFound when absent."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def delete(self, sha256: str) -> bool:
        """Remove the media; True if it was there."""
        ...

    def iter_hashes(self) -> Iterator[str]:
        """Every stored hash, in no particular order."""
        ...


class FileMediaStore(MediaStore):
    """Media as files under ``root``: ``root/ab/cd/abcd…`` for the hash ``abcd…``.

    Writes go to a temporary file in the destination folder, are flushed to disk and then
    renamed into place, so a reader sees either nothing or the whole file, and concurrent puts
    of the same bytes are harmless.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _path(self, sha256: str) -> Path:
        check_hash(sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        sha256 = sha256_hex(data)
        path = self._path(sha256)
        if path.is_file():
            return sha256
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(path.parent)
        return sha256

    def get(self, sha256: str) -> bytes:
        path = self._path(sha256)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise NotFound(
                f"no media with hash {sha256}", hint="it was never stored, or was deleted"
            ) from None

    def exists(self, sha256: str) -> bool:
        return self._path(sha256).is_file()

    def delete(self, sha256: str) -> bool:
        path = self._path(sha256)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        for folder in (path.parent, path.parent.parent):  # tidy up emptied fan-out folders
            try:
                folder.rmdir()
            except OSError:
                break
        return True

    def iter_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for first in sorted(self.root.iterdir()):
            if not (len(first.name) == 2 and first.is_dir()):
                continue
            for second in sorted(first.iterdir()):
                if not (len(second.name) == 2 and second.is_dir()):
                    continue
                prefix = first.name + second.name
                for entry in sorted(second.iterdir()):
                    name = entry.name
                    if _HASH_RE.fullmatch(name) and name.startswith(prefix) and entry.is_file():
                        yield name


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
