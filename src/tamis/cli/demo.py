"""`tamis demo`: what `make run` shows until the service lands."""

from __future__ import annotations

from tamis.cli.common import console
from tamis.cli.render import print_result
from tamis.engine import Engine
from tamis.media import Media

SAMPLES = [
    "Great article, thanks for sharing!",
    "what the f*ck is this sh1t",
    "FREE p0rn!!! visit example dot com or mail deals at gmail dot com",
    "加我薇信 abc12345 看片，這個傻.逼",
    "Espèce de c0nnard, appelle le 06 12 34 56 78",
    "We had a cocktail in Scunthorpe; the assassin ordered shiitake.",
]


def demo() -> None:
    """Moderate a few sample texts in English, French and Chinese with evasion tricks."""
    engine = Engine()
    for i, text in enumerate(SAMPLES):
        print_result(console, engine.moderate(Media.text(text, id=f"demo-{i}"), "default"))
        console.print()
    console.print(
        '[bold]Next:[/] tamis moderate text "your text" --json  |  '
        "tamis scan FOLDER --out results.jsonl  |  tamis lists show  |  tamis policy show\n"
        "The REST service and review console are not built yet (see the open issues); "
        "docs/ explains policies, lists and output."
    )
