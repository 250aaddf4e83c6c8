"""Where each shipped model comes from, its files' SHA-256, its licence; loading verifies the
checksums once per process. An operator may point a model at their own files by putting a
folder of the same name (with its own MODEL.json) in TAMIS_MODELS_DIR.

MODEL.json:
    {"name": "text-ngram", "version": "1", "licence": "Apache-2.0 ...", "source": "...",
     "card": "docs/models/text-ngram.md", "files": {"weights.npz": "<sha256>", ...}}
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from tamis.config import Settings
from tamis.errors import ConfigError, NotFound


class ModelIntegrityError(ConfigError):
    code = "model_integrity"


@dataclass(frozen=True)
class ShippedModel:
    name: str
    version: str
    licence: str
    source: str
    card: str
    folder: Path
    files: dict[str, str]
    meta: dict[str, Any]

    def path(self, filename: str) -> Path:
        if filename not in self.files:
            raise NotFound(
                f"model {self.name} has no file {filename!r}",
                hint=f"Files: {', '.join(self.files)}.",
            )
        return self.folder / filename


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _folders(name: str) -> list[Path]:
    out = []
    custom = Settings.from_env().models_dir
    if custom is not None:
        out.append(custom / name)
    out.append(Path(str(files("tamis.models").joinpath(name))))
    return out


@cache
def load(name: str) -> ShippedModel:
    """The model `name`, its files verified against MODEL.json."""
    for folder in _folders(name):
        manifest = folder / "MODEL.json"
        if manifest.is_file():
            break
    else:
        raise NotFound(
            f"no model named {name!r} is installed",
            hint="Reinstall tamis, or set TAMIS_MODELS_DIR to a folder holding it.",
        )
    try:
        data = json.loads(manifest.read_text("utf-8"))
        model = ShippedModel(
            name=data["name"],
            version=str(data["version"]),
            licence=data["licence"],
            source=data["source"],
            card=data["card"],
            folder=folder,
            files=dict(data["files"]),
            meta=dict(data.get("meta", {})),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"invalid model manifest: {exc}",
            source=str(manifest),
            hint="MODEL.json needs name, version, licence, source, card, files.",
        ) from None
    for filename, expected in model.files.items():
        path = folder / filename
        if not path.is_file():
            raise ModelIntegrityError(
                f"model {name}: file {filename} is missing in {folder}",
                hint="Reinstall tamis (or fix TAMIS_MODELS_DIR).",
            )
        actual = _sha256(path)
        if actual != expected:
            raise ModelIntegrityError(
                f"model {name}: {filename} has SHA-256 {actual[:12]}…, expected {expected[:12]}…",
                hint="The file is corrupt or was replaced; reinstall tamis.",
            )
    return model


def installed() -> list[str]:
    root = Path(str(files("tamis.models")))
    return sorted(p.name for p in root.iterdir() if (p / "MODEL.json").is_file())


def write_manifest(
    folder: Path,
    *,
    name: str,
    version: str,
    licence: str,
    source: str,
    card: str,
    meta: dict[str, Any] | None = None,
) -> Path:
    """Used by training scripts: checksum every file in `folder` into MODEL.json."""
    entries = {
        p.name: _sha256(p)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "MODEL.json"
    }
    manifest = folder / "MODEL.json"
    manifest.write_text(
        json.dumps(
            {
                "name": name,
                "version": version,
                "licence": licence,
                "source": source,
                "card": card,
                "files": entries,
                "meta": meta or {},
            },
            indent=2,
        )
        + "\n",
        "utf-8",
    )
    return manifest
