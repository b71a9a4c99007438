"""The command line: thin typer commands over the library (one module per command group)."""

from __future__ import annotations

import typer

from chronology import __version__

app = typer.Typer(
    name="chronology",
    help="Turn dated documents into a chronology of events: timeline.html and timeline.json.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chronology {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """chronology: anchor every 'yesterday' and 'last month' to its article's date, trace every event."""


def _register() -> None:
    # Command modules register themselves on `app`; imported here, after `app` exists.
    from chronology.cli import build, eval, schema, tag  # noqa: F401


_register()


def main() -> None:
    app()
