"""Actors joined to the full names a document uses, and reporting events dated on the article's day.

First on small texts (the rules), then on the development corpus as `build` reads it (that the
rules hold on real articles).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronology.events.actors import clause_actors, find_names, index_names
from chronology.events.clauses import tokenize
from chronology.model import Chronology


def actors_in(text: str, clause: str) -> list[str]:
    start = text.rindex(clause)
    return clause_actors(tokenize(clause, start), index_names(text), sentence_start=start)


@pytest.mark.parametrize(("text", "clause", "expected"), [
    ("Ed Balls spoke first. Later Balls said no.", "Balls said no", ["Ed Balls"]),
    ("Ed Balls spoke first. Later Mr Balls said no.", "Mr Balls said no", ["Ed Balls"]),
    ("Ed Balls spoke first. Later Mr. Balls said no.", "Later Mr. Balls said no", ["Ed Balls"]),
    ("J. K. Rowling wrote first. Rowling said no.", "Rowling said no", ["J. K. Rowling"]),
    ("Haringey council met. The council said no.", "The council said no", ["Haringey council"]),
    # Two councils: "the council" is the one named last before it.
    ("Camden council met Haringey council. The council said no.", "The council said no", ["Haringey council"]),
    # ... and with none named before it and two in the text, it stays unresolved.
    ("The council said no. Camden council and Haringey council disagreed.", "The council said no", []),
    ("Victoria Climbié was eight. Victoria was known to the police.", "Victoria was known", ["Victoria Climbié"]),
    # A headline line's last word and the next line's first word are not one name.
    ("Minister Speaks Out On Social Care Reforms Today, Says Balls\nChild workers met Ed Balls. Balls said so.",
     "Balls said so", ["Ed Balls"]),
    ("The British Association of Social Workers met. Social workers said no.", "Social workers said no", []),
])
def test_short_forms_join_the_full_name(text, clause, expected):
    assert actors_in(text, clause) == expected


# (clause, the names found in it): a possessive ends a name after a proper name, but a common noun
# or a saint owns the rest of the name; date words and day numbers never open one.
NAMES = [
    ("on BBC Radio 4's Woman's Hour the following day", ["BBC Radio 4", "Woman's Hour"]),
    ("The Children's Society said", ["Children's Society"]),
    ("in the Queen's Speech", ["Queen's Speech"]),
    ("Women's Aid agreed", ["Women's Aid"]),
    ("a study by King's College London", ["King's College London"]),
    ("St Mary's Hospital confirmed it", ["St Mary's Hospital"]),
    ("St. Thomas's Hospital confirmed it", ["St. Thomas's Hospital"]),
    ("Yesterday Haringey's Sharon Shoesmith said", ["Haringey", "Sharon Shoesmith"]),
    ("Ed Balls's department said", ["Ed Balls"]),
    ("Martin Luther King's Dream", ["Martin Luther King", "Dream"]),
    ("Women's March", ["Women"]),
    ("On 3 March 2009 Vera Ivanova resigned", ["Vera Ivanova"]),
    ("On 3 March 2009 the council met", []),
    ("In 2009 Haringey Council resigned", ["Haringey Council"]),
    # Initials and titles keep their period inside a name; a sentence opener after one ends it.
    ("a book by J. K. Rowling", ["J. K. Rowling"]),
    ("the novel by É. Zola came out", ["É. Zola"]),
    ("Dr. Ö. Pamuk spoke", ["Dr. Ö. Pamuk"]),
    ("It was Plan B. The council said no", ["Plan B"]),
    # A capitalised word before a title opens the sentence; it is not part of the name.
    ("Later Mr Balls said no", ["Mr Balls"]),
]


@pytest.mark.parametrize(("clause", "expected"), NAMES, ids=[c for c, _ in NAMES])
def test_names_in_a_clause(clause, expected):
    assert [n.text for n in find_names(tokenize(clause))] == expected


def test_a_name_with_a_possessive_inside_is_one_actor_and_no_person():
    text = ("The former director spoke to the presenter of Woman's Hour on the radio on Friday. "
            "Later the presenter said that Woman's Hour had asked her about the council in Haringey.")
    index = index_names(text)
    assert index.orgs == ("Woman's Hour",) and not index.people
    assert actors_in(text, "Woman's Hour had asked her about the council") == ["Woman's Hour"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Chronology, dict[str, str]]:
    from typer.testing import CliRunner

    from chronology.cli import app
    from tests.conftest import SEEDS

    out = tmp_path_factory.mktemp("actors")
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--format", "json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    chronology = Chronology.model_validate_json((out / "timeline.json").read_text(encoding="utf-8"))
    return chronology, {d.id: Path(d.path).name for d in chronology.documents}


def mention(corpus, file_prefix: str, expression: str, clause_has: str):
    chronology, files = corpus
    found = [m for e in chronology.events for m in e.mentions
             if files[m.document].startswith(file_prefix) and m.expression.text == expression
             and clause_has in m.sentence]
    assert len(found) == 1, (file_prefix, expression, [m.clause for m in found])
    return found[0]


@pytest.mark.parametrize(("file", "expression", "sentence_has", "actors"), [
    ("000_", "December", "removed from office", {"Sharon Shoesmith", "Ed Balls"}),  # "by Balls"
    ("03-", "1 January", "chosen by Mr Balls", {"Ed Balls"}),
    ("10-", "May", "Barker was convicted", {"Steven Barker"}),
    ("08-", "December", "the council sacked", {"Haringey council", "Sharon Shoesmith"}),
    ("06-", "2002", "the commission has run", {"Audit Commission"}),
    ("06-", "2000", "Victoria, who was eight", {"Victoria Climbié"}),
])
def test_dev_corpus_actors_are_full_names(corpus, file, expression, sentence_has, actors):
    assert actors <= set(mention(corpus, file, expression, sentence_has).actors)


@pytest.mark.parametrize(("file", "sentence_has", "published"), [
    ("000_", "Ed Balls said today", dt.date(2009, 3, 6)),
    ("001_", "Ed Balls said today", dt.date(2009, 10, 23)),
])
def test_said_today_is_a_reporting_event_of_the_articles_day(corpus, file, sentence_has, published):
    m = mention(corpus, file, "today", sentence_has)
    assert m.kind == "reporting"
    assert m.date.value == published.isoformat() and m.date.start == m.date.end == published
    assert m.title.startswith("Balls said") and "Ed Balls" in m.actors


def test_what_was_said_about_the_past_is_dated_by_its_own_expression(corpus):
    # "He admitted that ... child protection reforms introduced in 2005 were ...": the admitting is
    # not dated, the reforms are, by "2005".
    reforms = mention(corpus, "000_", "2005", "reforms introduced in 2005")
    assert reforms.kind == "reported" and reforms.date.value == "2005"
    assert reforms.title == "Child protection reforms introduced"
    removed = mention(corpus, "000_", "December", "removed from office")
    assert removed.kind == "reported" and removed.date.value == "2008-12"
