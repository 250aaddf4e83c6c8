"""`tamis lists`: show, create, add, remove, test."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tamis.cli.common import console, print_json
from tamis.config import Settings
from tamis.lists.matcher import TermMatcher
from tamis.lists.model import ListKind
from tamis.lists.store import ListStore
from tamis.text.normalization import normalize

app = typer.Typer(no_args_is_help=True, help="Term lists: show and edit (changes apply at once).")


def _store() -> ListStore:
    return ListStore(Settings.from_env().lists_dir)


@app.command("show")
def show(
    name: Annotated[str | None, typer.Argument(help="A list to print in full.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List all term lists, or print one."""
    store = _store()
    if name is not None:
        tl = store.get(name)
        if as_json:
            print_json(tl.model_dump(mode="json"))
        else:
            console.print(tl.to_yaml())
        return
    all_lists = store.lists()
    if as_json:
        print_json(
            {
                n: {
                    "kind": t.kind.value,
                    "label": t.label,
                    "terms": t.term_count(),
                    "patterns": len(t.patterns),
                }
                for n, t in all_lists.items()
            }
        )
        return
    table = Table("name", "kind", "label", "terms", "languages", "description")
    for n, t in all_lists.items():
        table.add_row(
            n,
            t.kind.value,
            t.label or "",
            str(t.term_count()),
            ",".join(t.terms),
            t.description[:60],
        )
    console.print(table)


@app.command("create")
def create(
    name: str,
    kind: Annotated[ListKind, typer.Option(help="What a hit means.")] = ListKind.BLOCK,
    label: Annotated[str | None, typer.Option(help="Taxonomy label of the hits.")] = None,
    description: Annotated[str, typer.Option()] = "",
) -> None:
    """Create an empty list."""
    tl = _store().create(name, kind, label, description)
    console.print(f"created list {tl.name} ({tl.kind.value})")


@app.command("add")
def add(
    name: str,
    terms: Annotated[list[str], typer.Argument(help="Terms to add.")],
    lang: Annotated[str, typer.Option(help="Language of the terms.")] = "und",
) -> None:
    """Add terms to a list (a shipped list is copied to $TAMIS_HOME/lists first)."""
    tl = _store().add_terms(name, lang, terms)
    console.print(f"{tl.name}: {tl.term_count()} terms")


@app.command("remove")
def remove(name: str, terms: Annotated[list[str], typer.Argument()]) -> None:
    """Remove terms from a list."""
    tl, n = _store().remove_terms(name, terms)
    console.print(f"{tl.name}: removed {n}, {tl.term_count()} terms left")


@app.command("test")
def try_text(text: str, name: Annotated[list[str] | None, typer.Option("--list")] = None) -> None:
    """Show which list terms a text hits, after normalisation."""
    store = _store()
    lists = store.lists()
    chosen = [lists[n] for n in name] if name else list(lists.values())
    nt = normalize(text)
    console.print(f"normalised: {nt.text!r}")
    for hit in TermMatcher(chosen).find(nt):
        console.print(
            f"{hit.list_name} ({hit.kind.value}) term {hit.term!r} at "
            f"{hit.span[0]}:{hit.span[1]} {text[hit.span[0] : hit.span[1]]!r}"
        )
