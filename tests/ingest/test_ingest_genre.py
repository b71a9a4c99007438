"""A document says how its dates are read: news (the default) or narrative, from its front
matter, its record or the manifest; a build may give the default for those that do not say."""

from __future__ import annotations

import json

from chronology.ingest import iter_inputs
from chronology.model import Document, Warning_
from chronology.pipeline import analyse

STORY = "On 11 December 2006 he was taken to hospital. The case conference on 22 December decided to act."


def _docs(paths, **kw):
    out = list(iter_inputs(paths, **kw))
    return [d for d in out if isinstance(d, Document)], [w for w in out if isinstance(w, Warning_)]


def test_front_matter_genre_makes_a_narrative(tmp_path):
    (tmp_path / "review.md").write_text(f"---\ngenre: Narrative\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    (tmp_path / "news.md").write_text(f"---\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    docs, warnings = _docs([tmp_path])
    by_name = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    assert (by_name["review.md"].genre, by_name["news.md"].genre) == ("narrative", "news")
    assert [m.value for m in analyse(by_name["review.md"]).mentions] == ["2006-12-11", "2006-12-22"]
    assert [m.value for m in analyse(by_name["news.md"]).mentions] == ["2006-12-11", "2008-12-22"]
    assert warnings == []


def test_manifest_column_and_record_field(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published,genre\na.txt,2008-11-12,narrative\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": STORY, "date": "2008-11-12", "genre": "narrative"}) + "\n",
                                      encoding="utf-8")
    docs, _ = _docs([tmp_path])
    assert sorted(d.genre for d in docs) == ["narrative", "narrative"]


def test_the_build_default_applies_to_documents_that_do_not_say(tmp_path):
    (tmp_path / "a.md").write_text(f"---\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\ngenre: news\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    docs, _ = _docs([tmp_path], genre="narrative")
    assert sorted((d.path.rsplit("/", 1)[-1], d.genre) for d in docs) == [("a.md", "narrative"), ("b.md", "news")]


def test_an_unknown_genre_is_read_as_news_with_a_warning(tmp_path):
    (tmp_path / "a.md").write_text(f"---\ngenre: memoir\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    docs, warnings = _docs([tmp_path])
    assert docs[0].genre == "news"
    assert [w.message for w in warnings] == [f"{tmp_path / 'a.md'}: genre 'memoir' is neither news nor narrative; read as news"]


def test_build_narrative_option_and_its_cache(tmp_path):
    """`build --narrative` reads documents that do not say as narratives; switching it on or off
    is a different build, never answered from the last one's cache."""
    from typer.testing import CliRunner

    from chronology.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "review.md").write_text(f"---\npublished: 2008-11-12\n---\n{STORY}\n", encoding="utf-8")
    out = tmp_path / "out"

    def values(*options):
        result = CliRunner().invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--format", "json", *options])
        assert result.exit_code == 0, result.output
        chron = json.loads((out / "timeline.json").read_text())
        return chron["documents"][0]["genre"], sorted(m["expression"]["value"] for e in chron["events"] for m in e["mentions"])

    assert values() == ("news", ["2006-12-11", "2008-12-22"])
    assert values("--narrative") == ("narrative", ["2006-12-11", "2006-12-22"])
    assert values() == ("news", ["2006-12-11", "2008-12-22"])
