"""Headline, byline block and page furniture on texts shaped like copied web pages."""

from __future__ import annotations

from chronology.ingest.layout import analyse

BODY = (
    "The council said on Tuesday that it would publish its action plan within a month, and that "
    "the plan would be monitored by an independent panel reporting to the minister."
)


def covered(text: str, ranges) -> str:
    return "".join(text[a:b] for a, b in ranges)


def test_headline_and_byline_after_the_body_then_links():
    text = (
        f"{BODY}\nCouncil promises action plan\n12 March 2009 in Politics\nRead more\n"
        "- Inspectors condemn council\n- Minister orders review\nLeave a comment"
    )
    layout = analyse(text)
    assert layout.headline == "Council promises action plan" and layout.headline_from == "byline"
    assert (layout.byline.year, layout.byline.month, layout.byline.day) == (2009, 3, 12)
    assert covered(text, layout.furniture) == text[text.index("Council promises"):]


def test_trailing_link_list_without_a_byline():
    text = f"Headline\n\n{BODY}\nShare this article\nRelated stories:\n- One\n- Two\nComments are closed."
    layout = analyse(text)
    assert layout.byline is None and layout.headline == "Headline"
    assert covered(text, layout.furniture) == text[text.index("Share this"):]


def test_list_items_alone_make_furniture():
    text = f"{BODY}\n- Inspectors condemn council\n- Minister orders review\n- Council leader resigns"
    assert covered(text, analyse(text).furniture) == text[text.index("- Inspectors"):]


def test_short_closing_lines_of_an_article_are_not_furniture():
    text = f"Headline\n\n{BODY}\nCouncillors voted 31 to 20\nIn favour of the plan"
    assert analyse(text).furniture == []


def test_a_furniture_phrase_starts_the_block_not_the_short_lines_before_it():
    text = f"{BODY}\nCouncillors voted 31 to 20\nAdvertisement\nMost read\nSign up to our newsletter"
    assert covered(text, analyse(text).furniture) == text[text.index("Advertisement"):]


def test_byline_at_the_top_is_not_furniture():
    text = f"Council promises action plan\nBy Jane Smith, 12 March 2009\n\n{BODY}"
    layout = analyse(text)
    assert layout.headline == "Council promises action plan" and layout.furniture == []
    assert text[layout.byline.start : layout.byline.end] == "12 March 2009"


def test_a_date_line_in_the_middle_of_a_text_is_not_a_byline():
    text = f"Timeline\n\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n12 March 2009 - plan published\n{BODY}"
    assert analyse(text).byline is None


def test_markdown_heading_is_the_headline():
    assert analyse("# The heading\n\nBody text.", markdown=True).headline == "The heading"


def test_wrapped_first_line_is_not_a_headline():
    assert analyse("Notes on the speech kept in a\nfile that wraps its lines.").headline is None
