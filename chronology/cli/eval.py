"""`chronology eval ...`: scoring the tagger against annotated corpora (owned by the eval work)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from chronology.cli import app
from chronology.cli.common import fail
from chronology.errors import ChronologyError

eval_app = typer.Typer(help="Score the temporal tagger against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the whole report as JSON instead of tables.")]
ErrorsOption = Annotated[bool, typer.Option("--errors", help="List every miss, spurious find and wrong value in context.")]

_TEMPEVAL_EPILOG = """
Example:

  chronology eval tempeval ../shared/data/tempeval3/tbaq --out /tmp/tbaq-out --errors

The files written by --out can be scored by the TempEval-3 tools (te3score.py GOLD_DIR OUT_DIR).
"""


def _console() -> Console:
    # No terminal width under a pipe or a test runner: keep the tables and context lines whole.
    return Console(width=160, soft_wrap=True, highlight=False)


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


@eval_app.command(epilog=_TEMPEVAL_EPILOG)
def tempeval(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of TimeML .tml gold files (searched recursively).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write our TimeML, one file per gold file (same relative path).")
    ] = None,
    errors: ErrorsOption = False,
    as_json: JsonOption = False,
) -> None:
    """Tag the TEXT of each TempEval-3 document with its DCT and score it as the TempEval-3 scorer does."""
    from chronology.eval.tempeval import evaluate

    try:
        report = evaluate(gold_dir, out_dir=out)
    except ChronologyError as error:
        raise fail(error) from None
    if as_json:
        data = report.summary()
        if not errors:
            data.pop("errors")
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    console = _console()
    m, c = report.metrics, report.total
    table = Table(title=f"TempEval-3 timex scores: {len(report.files)} files in {gold_dir}", title_justify="left", box=box.SIMPLE)
    for col in ("", "P", "R", "F1"):
        table.add_column(col, justify="right" if col else "left")
    table.add_row("strict", _pct(m.strict_p), _pct(m.strict_r), _pct(m.strict_f1))
    table.add_row("relaxed", _pct(m.relaxed_p), _pct(m.relaxed_r), _pct(m.relaxed_f1))
    table.add_row("value", "", "", _pct(m.value_f1))
    table.add_row("type", "", "", _pct(m.type_f1))
    console.print(table)
    console.print(
        f"gold {c.gold}  system {c.system}  matched (relaxed) {c.relaxed_r}  strict {c.strict_r}  "
        f"value correct {c.value_ok} ({_pct(m.value_accuracy).strip()}% of matches)  "
        f"type correct {c.type_ok} ({_pct(m.type_accuracy).strip()}%)"
    )
    classes = Table(title="by value class (of the gold timex; spurious by ours)", title_justify="left", box=box.SIMPLE)
    for col in ("class", "gold", "matched", "value ok", "spurious"):
        classes.add_column(col, justify="left" if col == "class" else "right")
    for name, row in report.classes.items():
        classes.add_row(name, str(row.gold), str(row.matched), str(row.value_ok), str(row.spurious))
    console.print(classes)
    if report.failed:
        typer.echo(f"warning: the tagger failed on {len(report.failed)} file(s), scored as empty: "
                   f"{', '.join(report.failed[:5])}", err=True)
    if report.warnings:
        typer.echo(f"{len(report.warnings)} timex(es) or files not scored as written (see --json warnings)", err=True)
    if out is not None:
        console.print(f"our TimeML written under {out}")
    if errors:
        _print_tempeval_errors(console, report.errors)


def _print_tempeval_errors(console: Console, errors) -> None:
    groups: dict[str, list] = {}
    for e in errors:
        groups.setdefault(e.value_class, []).append(e)
    for name in sorted(groups, key=lambda k: -len(groups[k])):
        console.rule(f"{name}: {len(groups[name])} error(s)", align="left")
        for e in sorted(groups[name], key=lambda e: (e.kind, e.file, e.start)):
            if e.kind == "missed":
                what = f"gold {e.gold_type} {e.gold_value}"
            elif e.kind == "spurious":
                what = f"ours {e.system_type} {e.system_value}"
            elif e.kind == "extent":
                what = f"gold {e.gold_text!r} ours {e.system_text!r}"
            else:
                what = f"gold {e.gold_type} {e.gold_value}  ours {e.system_type} {e.system_value}"
            console.print(f"{e.kind:<8} {e.file}:{e.start}  {what}\n         {e.context}", markup=False)


@eval_app.command()
def gold(
    gold_json: Annotated[Path, typer.Argument(help="Gold expressions: a JSON list like tests/data/gold.json.")],
    articles_dir: Annotated[Path, typer.Argument(help="Folder of the articles it names (Markdown with front matter).")],
    published: Annotated[list[str] | None, typer.Option(
        "--published", metavar="FILE=DATE",
        help="Creation time of an article whose front matter has none (repeatable), e.g. 11-undated-task-force.md=2009-12-02.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score the tagger on articles with gold expressions: exact extent and value, misses, spurious finds.

    Example: chronology eval gold tests/data/gold.json seeds/babyp
    """
    from chronology.eval.gold import evaluate_gold

    dates = {}
    for item in published or []:
        name, _, value = item.partition("=")
        try:
            dates[name.strip()] = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise typer.BadParameter(f"{item!r}: expected FILE=YYYY-MM-DD", param_hint="--published") from None
    try:
        report = evaluate_gold(gold_json, articles_dir, published=dates)
    except ChronologyError as error:
        raise fail(error) from None
    if as_json:
        typer.echo(json.dumps(report.summary(), ensure_ascii=False, indent=1))
        return
    console = _console()
    table = Table(title=f"gold expressions: {gold_json} over {articles_dir}", title_justify="left", box=box.SIMPLE)
    for col in ("file", "published", "gold", "ours", "extent ok", "extent+value ok"):
        table.add_column(col, justify="left" if col in ("file", "published") else "right")
    for f in report.files:
        table.add_row(f.file, str(f.published or "-"), str(f.gold), str(f.system), str(f.extent_ok), str(f.correct))
    table.add_row("total", "", str(report.gold), str(report.system), str(report.extent_ok), str(report.correct))
    console.print(table)
    console.print(
        f"extent+value accuracy {_pct(report.accuracy).strip()}% ({report.correct}/{report.gold})  "
        f"precision {_pct(report.precision).strip()}% ({report.correct}/{report.system})"
    )
    for e in report.errors:
        if e.kind == "missed":
            what = f"gold {e.gold_type} {e.gold_value}" + (f"  (ours overlaps: {e.overlapping})" if e.overlapping else "")
        elif e.kind == "spurious":
            what = f"ours {e.system_type} {e.system_value}"
        else:
            what = f"gold {e.gold_type} {e.gold_value}  ours {e.system_type} {e.system_value}"
        console.print(f"{e.kind:<8} {e.file}:{e.start} {e.text!r}  {what}\n         {e.context}", markup=False)
