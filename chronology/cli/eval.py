"""`chronology eval ...`: scoring the tagger against annotated corpora (owned by the eval work)."""

from __future__ import annotations

import typer

from chronology.cli import app

eval_app = typer.Typer(help="Score the temporal tagger against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
