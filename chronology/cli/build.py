"""`chronology build`: documents in, timeline.html, timeline.json and the other exports out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronology.cli import app
from chronology.cli.common import PublishedOption, fail, parse_published
from chronology.errors import ChronologyError
from chronology.export import FORMATS

_EPILOG = """
Examples:

  chronology build                                  # seeds/ -> output/

  chronology build articles/ --out out/ --title "Baby P: the aftermath"

  chronology build story.txt --published 2009-03-06 --format json --format html

Exit status: 0 when a chronology was built (even if some inputs were skipped or their analysis
failed: see the warnings); 1 when nothing could be read or an error stopped the build (or, with
--strict, when any input was skipped or failed); 2 for usage errors.
"""


@app.command(epilog=_EPILOG)
def build(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders to read (.txt .md .html .json .jsonl; folders recursively; - for stdin).",
            show_default="seeds/",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path("output"),
    formats: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help=f"Output to write; repeat for several ({', '.join(FORMATS)}). Default: all."),
    ] = None,
    published: PublishedOption = None,
    title: Annotated[str, typer.Option(help="Title shown on the page and in the exports.")] = "Chronology",
    db: Annotated[
        Path | None, typer.Option(help="SQLite store of every stage's output.", show_default="OUT/chronology.db")
    ] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Ignore the store's cache: analyse every document.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", "-j", min=1, help="Worker processes.", show_default="every core")
    ] = None,
    engine: Annotated[
        str, typer.Option(help="Where per-document stages run: 'local' (process pool) or 'dask'.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://HOST:8786); without it --engine dask starts a LocalCluster."),
    ] = None,
    plotlyjs: Annotated[
        str, typer.Option(help="'inline' embeds plotly.js (works offline); 'cdn' makes a small file for the web.")
    ] = "inline",
    ship_documents: Annotated[
        bool,
        typer.Option(
            "--send-text",
            help="With --engine dask: send every document's text to the workers. Without it, workers read "
            "the files from their paths where they can (a shared file system) and the rest are shipped.",
        ),
    ] = False,
    narrative: Annotated[bool, typer.Option(
        "--narrative", help="Read documents that do not say (front matter or manifest 'genre') as narratives, "
                            "e.g. case chronologies: a date without its year follows the story, not the publication date.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any input was skipped (or failed).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and warnings.")] = False,
) -> None:
    """Build a chronology from documents: resolve their dates, extract and merge events, write the outputs."""
    from chronology.build import run_build

    chosen = formats or list(FORMATS)
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise typer.BadParameter(f"unknown format {unknown[0]!r} (choose from {', '.join(FORMATS)})", param_hint="--format")
    if plotlyjs not in ("inline", "cdn"):
        raise typer.BadParameter("choose 'inline' or 'cdn'", param_hint="--plotlyjs")
    # Checked here, not only in make_engine, so that a mistyped engine is a usage error (exit 2).
    if engine not in ("local", "dask"):
        raise typer.BadParameter("choose 'local' or 'dask'", param_hint="--engine")
    paths = paths or ["seeds"]
    anchor = parse_published(published)
    if anchor is not None and len(paths) != 1:
        raise typer.BadParameter("--published applies to a single input", param_hint="--published")
    try:
        report = run_build(
            paths,
            out,
            formats=chosen,
            published=anchor,
            title=title,
            db=db,
            rebuild=rebuild,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            plotlyjs=plotlyjs,
            ship_documents=ship_documents,
            narrative=narrative,
            echo=(lambda s: None) if quiet else (lambda s: typer.echo(s, err=True)),
            warn=lambda s: typer.echo(s, err=True),
        )
    except ChronologyError as error:
        raise fail(error) from None
    if strict and report.skipped:
        typer.echo(f"Error: {len(report.skipped)} input(s) skipped (--strict)", err=True)
        raise typer.Exit(1)
