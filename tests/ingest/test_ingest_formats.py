"""Each input format on realistic files: what text, metadata and date each one yields."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from chronology.model import PublishedFrom
from tests.ingest.ingest_helpers import INGEST_DATA as DATA
from tests.ingest.ingest_helpers import ingest, one

TEXT = DATA / "text"
HTML = DATA / "html"
RECORDS = DATA / "records"
ENCODINGS = DATA / "encodings"
BAD = DATA / "bad"


# --- HTML ------------------------------------------------------------------------------------


def test_html_article_dated_by_article_published_time_over_its_url():
    doc, warnings = one(HTML / "article-meta.html")
    assert doc.published == dt.date(2009, 3, 6)  # the URL says 2009/03/05: metadata wins
    assert doc.published_from is PublishedFrom.HTML_META
    assert doc.published_evidence == '<meta article:published_time="2009-03-06T07:15:00+00:00">'
    assert doc.title == "Councils struggle to improve child safeguarding, watchdog finds"
    assert doc.url == "https://civic-record.example/society/2009/03/05/councils-safeguarding-audit"
    assert doc.source == "The Civic Record"
    assert doc.language == "en-GB"
    assert "Most councils in England are struggling" in doc.text
    assert "Home" not in doc.text.split("\n")[0:1] and "All rights reserved" not in doc.text
    assert warnings == []  # a URL one day earlier is not worth a conflict warning


def test_html_with_only_json_ld_date_published():
    doc, warnings = one(HTML / "jsonld-only.html")
    assert doc.published == dt.date(2009, 12, 1)
    assert doc.published_from is PublishedFrom.HTML_META
    assert doc.published_evidence == 'JSON-LD datePublished: "2009-12-01T09:30:00Z"'
    assert doc.title == "Task force sets out plans for social work reform"
    assert "national college of social work" in doc.text and "Privacy" not in doc.text
    assert warnings == []


def test_html_without_an_article_is_skipped_with_a_reason():
    docs, warnings = ingest(HTML / "no-article.html")
    assert docs == []
    assert [(w.kind, w.message) for w in warnings] == [
        ("skipped", f"{HTML / 'no-article.html'}: no article text found in the HTML (trafilatura)")
    ]


# --- text and markdown -------------------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_the_body_is_the_text():
    doc, warnings = one(TEXT / "2009-11-12-front-matter.md")
    assert doc.title == "Haringey: the questions that remain"  # front matter over the # heading
    assert doc.source == "Northern Courier" and doc.language == "en"
    assert doc.url == "https://courier.example/news/haringey-questions"
    assert doc.published == dt.date(2008, 11, 12)  # `date:` alias, a written-out date
    assert doc.published_from is PublishedFrom.FRONT_MATTER
    assert doc.published_evidence == "front matter date: 12 November 2008"
    assert doc.text.startswith("# A headline in the body")
    # The file name says 2009-11-12: a lower source that disagrees is reported, not dropped.
    assert [w.kind for w in warnings] == ["date-conflict"]
    assert "url says 2009-11-12 (file name 2009-11-12-front-matter.md)" in warnings[0].message


@pytest.mark.parametrize(
    "name, date, evidence, span_text",
    [
        ("published-label.txt", "2009-03-05", "Published: 5 March 2009", "5 March 2009"),
        ("by-name.txt", "2009-03-06", "By Jane Smith, 6 March 2009", "6 March 2009"),
        ("daily-mail.txt", "2009-04-30", "Last updated at 10:32 AM on 30th April 2009", "30th April 2009"),
        ("reuters-dateline.txt", "2009-03-05", "WASHINGTON, March 5, 2009 (Reuters)", "March 5, 2009"),
    ],
)
def test_text_dated_by_a_byline_or_dateline(name, date, evidence, span_text):
    doc, warnings = one(TEXT / name)
    assert (doc.published.isoformat(), doc.published_from) == (date, PublishedFrom.BYLINE)
    assert doc.published_evidence == evidence
    assert doc.text[slice(*doc.published_span)] == span_text
    assert doc.title and not doc.title.startswith(evidence[:5])
    assert doc.furniture == []  # a byline at the top is not furniture
    assert warnings == []


def test_dateline_without_a_year_is_not_a_date_and_says_so():
    doc, warnings = one(TEXT / "yearless-dateline.txt")
    assert doc.published is None
    assert [w.kind for w in warnings] == ["bad-date", "undated"]
    assert "dateline 'LONDON, March 5 (Reuters)' has no year" in warnings[0].message


def test_dateline_without_a_year_borrows_the_year_of_the_url():
    docs, _ = ingest(RECORDS / "news.jsonl")
    wire = next(d for d in docs if d.title == "Wire copy")
    assert wire.published == dt.date(2009, 3, 5) and wire.published_from is PublishedFrom.BYLINE
    assert "year 2009 from the URL" in wire.published_evidence
    assert wire.text[slice(*wire.published_span)] == "March 5"


def test_impossible_byline_date_is_a_warning_not_a_crash():
    doc, warnings = one(TEXT / "impossible-byline.txt")
    assert doc.published is None
    assert [w.kind for w in warnings] == ["bad-date", "undated"]
    assert "2009-02-30 is not a calendar date" in warnings[0].message


def test_date_in_the_file_name_is_the_last_resort():
    doc, warnings = one(TEXT / "2009-03-05-file-name-date.txt")
    assert doc.published == dt.date(2009, 3, 5) and doc.published_from is PublishedFrom.URL
    assert doc.published_evidence == "file name 2009-03-05-file-name-date.txt"
    assert doc.title is None  # a wrapped first line is not a headline
    assert warnings == []


# --- JSON and JSONL records --------------------------------------------------------------------


def test_json_list_of_records_with_news_dataset_field_names():
    docs, warnings = ingest(RECORDS / "list.json")
    path = str(RECORDS / "list.json")
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#2", f"{path}#4"]
    first, second, undated = docs
    assert first.title == "Ofsted to lead inquiry into Haringey services"
    assert first.published == dt.date(2008, 11, 14)  # RFC 2822 pubDate
    assert first.published_from is PublishedFrom.RECORD
    assert first.published_evidence == "record field pubdate: Fri, 14 Nov 2008 12:00:00 GMT"
    assert (first.url, first.source) == ("https://care.example/news/ofsted-haringey-inquiry", "Care Weekly")
    assert second.source == "The Morning Dispatch" and second.language == "en"
    assert second.published == dt.date(2009, 3, 12)
    assert undated.published is None
    assert [(w.kind, w.message) for w in warnings] == [
        ("skipped", f"{path}: record 3: no text (looked for text, body, content, article ...)"),
        ("undated", f"{path}#4: no publication date (none in a manifest, metadata, byline, URL or file name); relative dates in it cannot be anchored"),
    ]


def test_json_object_holding_articles_newsapi_style():
    doc, warnings = one(RECORDS / "newsapi.json")
    assert doc.source == "Southbank Gazette"
    assert doc.published == dt.date(2009, 4, 29)
    assert doc.text.startswith("Haringey council said yesterday")
    assert warnings == []


def test_jsonl_keeps_good_lines_and_names_each_bad_line():
    docs, warnings = ingest(RECORDS / "news.jsonl")
    path = str(RECORDS / "news.jsonl")
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#3", f"{path}#6", f"{path}#7"]
    assert docs[1].published == dt.date(2009, 8, 11) and docs[1].title == "Names revealed"
    skipped = [(w.line, w.message) for w in warnings if w.kind == "skipped"]
    assert skipped == [
        (2, f"{path}: line 2: not valid JSON (Unterminated string starting at)"),
        (5, f"{path}: line 5: not a JSON object"),
    ]
    bad = [w for w in warnings if w.kind == "bad-date"]
    assert len(bad) == 1 and bad[0].line == 6 and "2009-02-30" in bad[0].message


def test_record_ids_come_from_the_record_not_its_position(tmp_path):
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    rec = '{"url": "https://x.example/1", "text": "Same article."}'
    a.write_text(rec + "\n")
    b.write_text('{"text": "Another."}\n' + rec + "\n")
    docs, _ = ingest(a, b)
    assert docs[0].id == docs[2].id != docs[1].id


def test_unparseable_json_file_is_skipped():
    docs, warnings = ingest(RECORDS / "broken.json")
    assert docs == []
    assert warnings[0].kind == "skipped"
    assert warnings[0].message == f"{RECORDS / 'broken.json'}: not valid JSON (line 2: Expecting ',' delimiter)"


# --- encodings and unreadable files ------------------------------------------------------------


def test_latin1_text_is_detected_and_reported():
    doc, _ = one(ENCODINGS / "latin1.txt")
    assert doc.encoding == "cp1252"
    assert "services à l'enfance, a été démise" in doc.text and "café" in doc.text


def test_utf16_with_bom():
    doc, _ = one(ENCODINGS / "utf16-bom.txt")
    assert doc.encoding == "utf-16"
    assert doc.title == "Baby P inquiry: the timeline"
    assert "13 November 2008 — the day after" in doc.text and "\ufeff" not in doc.text


def test_utf8_bom_does_not_hide_front_matter():
    doc, _ = one(ENCODINGS / "utf8-bom.md")
    assert doc.encoding == "utf-8-sig"
    assert doc.published == dt.date(2009, 3, 5) and doc.title == "A file with a UTF-8 byte-order mark"


def test_crlf_becomes_lf():
    doc, _ = one(ENCODINGS / "crlf.txt")
    assert "\r" not in doc.text
    assert doc.text.startswith("Title line of a Windows file\n\nThis file")
    assert doc.title == "Title line of a Windows file"


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("nul.txt", "binary file (contains NUL bytes), not text"),
        ("photo.txt", "binary file (PNG image), not text"),
        ("scan.pdf", "binary file (PDF), not text"),
    ],
)
def test_unreadable_files_are_skipped_with_a_reason(name, reason):
    docs, warnings = ingest(BAD / name)
    assert docs == []
    assert [(w.kind, w.path, w.message) for w in warnings] == [
        ("skipped", str(BAD / name), f"{BAD / name}: {reason}")
    ]


# --- standard input ----------------------------------------------------------------------------


def test_stdin_text():
    doc, _ = one("-", stdin=io.StringIO("Headline from a pipe\r\n\r\nPublished: 5 March 2009\r\n\r\nBody text said today.\r\n"))
    assert doc.path == "<stdin>" and doc.title == "Headline from a pipe"
    assert doc.published == dt.date(2009, 3, 5) and doc.published_from is PublishedFrom.BYLINE
    assert "\r" not in doc.text


def test_stdin_jsonl_by_content():
    lines = '{"title": "One", "text": "First.", "date": "2009-03-05"}\n{"title": "Two", "text": "Second."}\n'
    docs, warnings = ingest("-", stdin=io.StringIO(lines))
    assert [d.path for d in docs] == ["<stdin>#1", "<stdin>#2"]
    assert docs[0].published == dt.date(2009, 3, 5) and docs[0].published_from is PublishedFrom.RECORD
    assert [w.kind for w in warnings] == ["undated"]


def test_stdin_json_and_html_by_content():
    doc, _ = one("-", stdin=io.StringIO('{"headline": "H", "body": "A body.", "pubDate": "2009-03-05"}'))
    assert doc.title == "H" and doc.published == dt.date(2009, 3, 5)
    html = (HTML / "jsonld-only.html").read_text()
    doc, _ = one("-", stdin=io.StringIO(html))
    assert doc.published == dt.date(2009, 12, 1) and doc.published_from is PublishedFrom.HTML_META


def test_empty_stdin_is_skipped():
    docs, warnings = ingest("-", stdin=io.StringIO("  \n"))
    assert docs == [] and warnings[0].message == "<stdin>: empty input"
