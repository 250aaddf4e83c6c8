"""Entry point. This module is the one place where errors become CLI output."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape
from typer.exceptions import Abort, Exit, TyperException

from tamis.cli import bank, demo, lists, moderate, policy, redact, scan, service
from tamis.cli import eval as eval_cli
from tamis.errors import TamisError

app = typer.Typer(
    name="tamis",
    no_args_is_help=True,
    add_completion=False,
    help="Self-hosted content moderation. Docs: docs/cli.md",
)
app.add_typer(moderate.app, name="moderate")
app.add_typer(lists.app, name="lists")
app.add_typer(bank.app, name="bank")
app.add_typer(policy.app, name="policy")
app.add_typer(eval_cli.app, name="eval")
app.command("scan")(scan.scan)
app.command("redact")(redact.redact)
app.command("demo")(demo.demo)
app.command("labels")(policy.labels)
app.command("serve")(service.serve)
app.command("worker")(service.worker)
app.add_typer(service.keys_app, name="keys")

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def run(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=False)
    except TamisError as exc:
        _err.print(f"[bold red]error[/] ({escape(exc.code)}): {escape(exc.message)}")
        if exc.hint:
            _err.print(f"[bold]hint[/]: {escape(exc.hint)}")
        sys.exit(exc.exit_code)
    except Exit as exc:
        sys.exit(exc.exit_code)
    except TyperException as exc:  # usage errors: Typer prints them with the usage line
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            _err.print(f"error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except (Abort, KeyboardInterrupt):
        _err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    run()
