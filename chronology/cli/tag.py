"""`chronology tag`: the temporal expressions of one text (or of JSON lines), resolved and explained."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from chronology.cli import app
from chronology.cli.common import PublishedOption, fail, parse_published
from chronology.errors import InputError

_EPILOG = """
Examples:

  echo "Balls removed her in December." | chronology tag - --published 2009-03-06

  chronology tag article.txt --published 2009-03-06 --format json

  chronology tag --jsonl texts.jsonl      # lines of {"id", "text", "published"}

  chronology tag review.txt --published 2008-11-12 --narrative   # a case chronology's account

Offsets are character offsets into the text exactly as given.
"""


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{source}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise InputError(f"{source}: {err.strerror}") from None


def _mention_json(m) -> dict:
    return m.model_dump(mode="json", exclude_none=True)


@app.command(epilog=_EPILOG)
def tag(
    source: Annotated[str | None, typer.Argument(help="A text file, or - for standard input.")] = None,
    published: PublishedOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or timeml.")] = "text",
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help='Read JSON lines {"id", "text", "published"} from FILE or -; write JSON lines.')
    ] = None,
    narrative: Annotated[bool, typer.Option(
        "--narrative", help="Read the text as a narrative (a case chronology, a report): a date without its year follows "
                            "the time the text last talked about, not the publication date.")] = False,
) -> None:
    """Find every temporal expression in a text and resolve it against the publication date."""
    from functools import partial

    from chronology.temporal import tag as tag_text

    tag_text = partial(tag_text, narrative=narrative)

    if fmt not in ("text", "json", "timeml"):
        raise typer.BadParameter("choose text, json or timeml", param_hint="--format")
    try:
        if jsonl is not None:
            _tag_jsonl(jsonl, tag_text)
            return
        if source is None:
            raise typer.BadParameter("give a FILE, - for standard input, or --jsonl FILE")
        text = _read(source)
        anchor = parse_published(published)
        mentions = tag_text(text, published=anchor)
    except InputError as error:
        raise fail(error) from None
    if fmt == "json":
        payload = {"published": anchor.isoformat() if anchor else None, "timexes": [_mention_json(m) for m in mentions]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    elif fmt == "timeml":
        from chronology.eval.timeml import to_timeml

        name = "stdin" if source == "-" else source
        typer.echo(to_timeml(text, mentions, anchor.isoformat() if anchor else None, name), nl=False)
    else:
        if not mentions:
            typer.echo("no temporal expressions found")
        for m in mentions:
            mod = f" mod={m.mod}" if m.mod else ""
            typer.echo(f"{m.start:>6}-{m.end:<6} {m.type:<8} {m.value:<16} {m.text!r}{mod}")
            if m.explanation:
                typer.echo(f"{'':14}{m.explanation}")


def _tag_jsonl(source: str, tag_text) -> None:
    stream = sys.stdin if source == "-" else None
    if stream is None:
        try:
            stream = open(source, encoding="utf-8")  # noqa: SIM115 - closed by the "with stream" below, like stdin
        except OSError as err:
            raise InputError(f"{source}: {err.strerror or err}") from None
    bad = 0
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
                anchor = parse_published(record.get("published")) if record.get("published") else None
            except (ValueError, KeyError, TypeError, typer.BadParameter) as err:
                bad += 1
                typer.echo(f"warning: {source}:{number}: skipped ({_reason(err)})", err=True)
                continue
            out = {"id": record.get("id"), "timexes": [_mention_json(m) for m in tag_text(text, published=anchor)]}
            typer.echo(json.dumps(out, ensure_ascii=False))
    if bad:
        typer.echo(f"warning: {bad} line(s) of {source} skipped", err=True)


def _reason(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"no {err.args[0]!r} field"
    if isinstance(err, typer.BadParameter):
        return f"published: {err.message}"
    return str(err).splitlines()[0]
