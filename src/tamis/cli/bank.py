"""`tamis bank`: hash banks on the local file store ($TAMIS_HOME/banks)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from tamis.cli.common import console, print_json
from tamis.config import Settings
from tamis.decoding.image import decode_image
from tamis.detectors.image.hash_banks import FileBankStore, HashBankDetector, HashBanksConfig
from tamis.errors import InputError
from tamis.hashing import pdq
from tamis.hashing.pdq import HashListFormat, Pipeline

app = typer.Typer(
    no_args_is_help=True,
    help="Hash banks: PDQ hashes of known images; a match is a `bank:<name>` finding.",
)

FormatOpt = Annotated[
    HashListFormat | None,
    typer.Option("--format", "-f", help="csv, tsv, te (python-threatexchange) or txt."),
]


def _store() -> FileBankStore:
    return FileBankStore(Settings.from_env().home / "banks")


def _format(fmt: HashListFormat | None, path: Path | None) -> HashListFormat:
    if fmt is not None:
        return fmt
    suffix = path.suffix.lower().lstrip(".") if path is not None else ""
    return (
        HashListFormat(suffix)
        if suffix in {f.value for f in HashListFormat}
        else HashListFormat.CSV
    )


def _read_image(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


@app.command("create")
def create(name: str, description: Annotated[str, typer.Option()] = "") -> None:
    """Create an empty bank."""
    _store().create(name, description)
    console.print(f"created bank {name}")


@app.command("list")
def list_banks(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every bank with its number of entries."""
    store = _store()
    rows = [{**store.info(n), "entries": len(store.entries(n))} for n in store.names()]
    if as_json:
        print_json(rows)
        return
    table = Table("name", "entries", "created", "description")
    for r in rows:
        table.add_row(r["name"], str(r["entries"]), r["created_at"], r["description"][:60])
    console.print(table)


@app.command("add")
def add(
    name: str,
    hashes: Annotated[list[str] | None, typer.Argument(help="PDQ hashes (64 hex).")] = None,
    image: Annotated[
        list[Path] | None, typer.Option("--image", "-i", help="Image files to hash and add.")
    ] = None,
    label: Annotated[str, typer.Option()] = "",
    notes: Annotated[str, typer.Option()] = "",
    min_quality: Annotated[int, typer.Option(help="Refuse images of lower PDQ quality.")] = (
        pdq.QUALITY_FLOOR
    ),
) -> None:
    """Add hashes, or images (hashed as the detector hashes them)."""
    records = [pdq.HashRecord(pdq.from_hex(h), None, label, notes, "cli") for h in hashes or []]
    for path in image or []:
        h = pdq.hash_bytes(_read_image(path))
        if h.quality < min_quality:
            raise InputError(
                f"{path}: PDQ quality {h.quality} is below {min_quality}: too featureless "
                "to match reliably",
                hint="Use --min-quality to add it anyway.",
            )
        records.append(pdq.HashRecord(h.bits, h.quality, label, notes, path.name))
    if not records:
        raise InputError("nothing to add", hint="Give hashes, or --image FILE.")
    added, dupes = _store().add(name, records)
    for r in added:
        console.print(f"{r.entry_id}\t{r.bits.hex()}\t{'' if r.quality is None else r.quality}")
    console.print(f"{name}: added {len(added)}, {dupes} already there")


@app.command("remove")
def remove(
    name: str,
    ids: Annotated[list[int] | None, typer.Option("--id", help="Entry ids.")] = None,
    hashes: Annotated[list[str] | None, typer.Option("--hash", help="PDQ hashes.")] = None,
) -> None:
    """Remove entries by id or by hash."""
    n = _store().remove(name, ids or [], [pdq.from_hex(h) for h in hashes or []])
    console.print(f"{name}: removed {n}")


@app.command("delete")
def delete(name: str) -> None:
    """Delete a bank and its entries."""
    _store().delete(name)
    console.print(f"deleted bank {name}")


@app.command("import")
def import_list(
    name: str,
    file: Annotated[Path, typer.Argument(help="Hash list; `-` reads stdin.")],
    fmt: FormatOpt = None,
    create: Annotated[bool, typer.Option("--create", help="Create the bank if missing.")] = False,
) -> None:
    """Import a hash list (a bad line imports nothing)."""
    store = _store()
    if create and name not in store.names():
        store.create(name)
    kind = _format(fmt, None if str(file) == "-" else file)
    text = typer.get_text_stream("stdin").read() if str(file) == "-" else file.read_text("utf-8")
    parsed = pdq.parse_hash_list(text, kind, name=str(file))
    source = "import" if str(file) == "-" else file.name
    records = [
        pdq.HashRecord(r.bits, r.quality, r.label, r.notes, r.source or source)
        for r in parsed.records
    ]
    added, dupes = store.add(name, records)
    console.print(
        f"{name}: added {len(added)}, {dupes} already there, {parsed.skipped} of other types"
    )


@app.command("export")
def export(
    name: str,
    fmt: FormatOpt = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File; stdout if unset.")] = None,
) -> None:
    """Write a bank as a hash list."""
    text = pdq.write_hash_list(_store().entries(name), _format(fmt, out))
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, "utf-8")
        console.print(f"wrote {out}")


@app.command("match")
def match(
    images: Annotated[list[Path], typer.Argument(help="Image files.")],
    bank: Annotated[list[str] | None, typer.Option("--bank", "-b", help="Only these.")] = None,
    distance: Annotated[int, typer.Option(min=0, max=64)] = pdq.MATCH_DISTANCE,
    dihedral: Annotated[bool, typer.Option(help="Also match rotated/mirrored.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Match images against the banks, as the hash_banks detector does."""
    store = _store()
    cfg = HashBanksConfig(
        distance=distance, banks=tuple(bank) if bank else "all", dihedral=dihedral
    )
    detector = HashBankDetector(cfg, source=store)
    banks = store.snapshot()
    settings = Settings.from_env()
    out: list[dict[str, Any]] = []
    for path in images:
        frame = decode_image(
            _read_image(path),
            max_bytes=settings.max_body_bytes,
            max_pixels=settings.max_image_pixels,
        )[0]
        h = pdq.hash_image(frame)
        findings = detector.match(frame, banks, banks.groups(bank))
        out.append(
            {
                "file": str(path),
                "pdq": h.hex,
                "quality": h.quality,
                "matches": [dict(f.evidence) for f in findings],
            }
        )
    if as_json:
        print_json(out)
        return
    for item in out:
        found = ", ".join(
            f"{m['bank']}#{m['entry_id']} (distance {m['distance']})" for m in item["matches"]
        )
        low = (
            " [quality below the floor: not matched]" if item["quality"] < pdq.QUALITY_FLOOR else ""
        )
        console.print(f"{item['file']}: {found or 'no match'}{low}")


@app.command("hash")
def hash_images(
    images: Annotated[list[Path], typer.Argument(help="Image files.")],
    pipeline: Annotated[Pipeline, typer.Option(help="tamis, reference or threatexchange.")] = (
        Pipeline.TAMIS
    ),
    dihedral: Annotated[bool, typer.Option(help="Also the 8 dihedral hashes.")] = False,
) -> None:
    """Print PDQ hash, quality and file, like Meta's pdq-photo-hasher."""
    for path in images:
        data = _read_image(path)
        h = pdq.hash_bytes(data, pipeline=pipeline)
        if not dihedral:
            typer.echo(f"{h.hex},{h.quality},{path}")
            continue
        if pipeline is Pipeline.REFERENCE:
            pixels = pdq.reference_pixels(data)
        elif pipeline is Pipeline.THREATEXCHANGE:
            pixels = pdq.threatexchange_pixels(data)
        else:
            pixels = decode_image(data, max_bytes=len(data) + 1)[0].rgb
        hashes, q = pdq.dihedral_hashes(pixels, resize=pipeline is not Pipeline.THREATEXCHANGE)
        typer.echo(",".join(v.hex() for v in hashes.values()) + f",{q},{path}")
