"""The small pure pieces behind the bad-input warnings: language, damaged UTF-8, YAML dates."""

from __future__ import annotations

import pytest

from chronology.ingest.decode import Unreadable, decode
from chronology.ingest.formats import read_text
from chronology.ingest.language import language_problem
from tests.conftest import SEEDS

ENGLISH = (SEEDS / "babyp" / "03-shoesmith-removed.md").read_text()


@pytest.mark.parametrize("declared", ["en", "EN", "en-GB", "en_US", "eng", "English"])
def test_declared_english_is_never_flagged(declared):
    assert language_problem(declared, "Der Stadtrat hat gestern entschieden. " * 20) is None


@pytest.mark.parametrize("declared", ["de", "fr-FR", "ru"])
def test_declared_other_language_is_flagged_whatever_the_text(declared):
    assert language_problem(declared, ENGLISH) == (
        f"language '{declared}': the temporal tagger reads English; its dates may be missed"
    )


def test_undeclared_english_news_passes_and_a_short_text_is_not_judged():
    assert language_problem(None, ENGLISH) is None
    assert language_problem(None, "Der Stadtrat hat gestern entschieden.") is None


def test_undeclared_other_language_is_flagged_with_the_measure():
    text = "Der Stadtrat hat gestern entschieden, die Leiterin des Jugendamtes zu entlassen. " * 6
    assert language_problem(None, text) == (
        "does not look like English (0% English function words in its first 66 words): "
        "the temporal tagger reads English; its dates may be missed"
    )


def test_utf8_with_a_stray_byte_keeps_its_text():
    good = "Ms Shoesmith’s rôle — in café terms — was examined on 5 March 2009. " * 3
    data = good.encode()
    cut = data.index(b"was")
    decoded = decode(data[:cut] + b"\xff" + data[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == good[: len(data[:cut].decode())] + "\ufffd" + good[len(data[:cut].decode()):]
    assert decoded.note == f"not valid UTF-8: 1 byte(s) that do not decode (at byte {cut}) replaced by U+FFFD"


def test_a_legacy_encoding_is_not_mistaken_for_damaged_utf8():
    decoded = decode("Café naïve résumé, published on 5 March 2009.".encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", "Café naïve résumé, published on 5 March 2009.")
    assert decoded.note == "not UTF-8; read as cp1252 (detected by charset-normalizer)"


def test_random_bytes_are_still_unreadable():
    with pytest.raises(Unreadable):
        decode(bytes(range(1, 256)) * 4)


@pytest.mark.parametrize("value", ["2009-02-30", "0000-01-01", "2009-13-01", "2009-03-05 25:00:00"])
def test_front_matter_dates_stay_strings_for_the_date_checks(value):
    parsed = read_text("a.md", f"---\npublished: {value}\n---\nBody.\n", markdown=True)
    assert parsed.raws[0].published == value and parsed.problems == []
