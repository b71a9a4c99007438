"""Options and helpers shared by several commands (defined once)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from chronology.errors import ChronologyError


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2009-03-06") from None


PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        "-p",
        metavar="YYYY-MM-DD",
        help="Publication date of the (single) input: the anchor for 'yesterday', 'last month'...",
    ),
]


def fail(error: ChronologyError) -> typer.Exit:
    """Print a library error as one line and give the exit code for it."""
    typer.echo(f"Error: {error}", err=True)
    return typer.Exit(1)
