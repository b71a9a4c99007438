"""Merge stage on hand-built event mentions: one event from many tellings, conflicts, blocking."""

from __future__ import annotations

import datetime as dt
import random
import zlib

from chronology.merge import ClusterStats, candidate_pairs, merge_events
from chronology.merge.words import normal_words, stem
from chronology.model import DocumentInfo, EventDate, EventMention, TimeMention
from chronology.timex import display_date, value_interval

DOCS = {
    "guardian": DocumentInfo(id="guardian", published=dt.date(2008, 12, 9)),
    "bbc": DocumentInfo(id="bbc", published=dt.date(2008, 12, 10)),
    "times": DocumentInfo(id="times", published=dt.date(2009, 3, 6)),
}


def mention(doc: str, value: str, title: str, actors=(), clause: str = "", at: int = 0, mod=None) -> EventMention:
    start, end, unit = value_interval(value)
    expr = TimeMention(start=at, end=at + 5, text=value, type="DATE", value=value)
    return EventMention(
        id=f"em-{doc}-{at}-{value}-{zlib.crc32(title.encode()):08x}",
        document=doc,
        sentence=title + ".",
        sentence_start=at,
        sentence_end=at + len(title) + 1,
        clause=clause or title,
        title=title,
        actors=list(actors),
        expression=expr,
        date=EventDate(value=value, start=start, end=end, granularity=unit, mod=mod,
                       display=display_date(value, unit, mod)),
    )


SACKED_YESTERDAY = mention("guardian", "2008-12-08", "Sharon Shoesmith was sacked", ["Sharon Shoesmith"])
DISMISSED_ON = mention("bbc", "2008-12-08", "Haringey dismissed Sharon Shoesmith", ["Haringey", "Sharon Shoesmith"])
SACKED_IN_DECEMBER = mention("times", "2008-12", "Shoesmith sacked by Balls", ["Shoesmith", "Balls"])


def test_stemming_and_synonyms_fold_tellings_together():
    assert stem("sacked") == "sack" and stem("dismissed") == "dismiss" and stem("inquiries") == "inquiry"
    assert normal_words("was sacked yesterday") == normal_words("dismissed") == ["sack"]
    assert normal_words("Peter died") == normal_words("death of Peter")[::-1]
    assert "convict" not in normal_words("died")


def test_same_event_across_documents_with_day_and_month_dates():
    events, warnings = merge_events([SACKED_IN_DECEMBER, DISMISSED_ON, SACKED_YESTERDAY], DOCS)
    assert warnings == []
    (event,) = events
    assert event.date.value == "2008-12-08"  # the day agrees with the month and is finer
    assert event.date.display == "8 December 2008"
    assert event.sources == ["guardian", "bbc", "times"]  # reading order: by publication
    assert [m.id for m in event.mentions] == [SACKED_YESTERDAY.id, DISMISSED_ON.id, SACKED_IN_DECEMBER.id]
    assert event.actors == ["Sharon Shoesmith", "Haringey", "Balls"]
    assert event.title in {SACKED_YESTERDAY.title, DISMISSED_ON.title}
    assert event.conflicts == []


def test_events_sharing_only_a_date_stay_apart():
    inquiry = mention("guardian", "2008-12-08", "Balls ordered an inquiry into Haringey", ["Balls", "Haringey"])
    died = mention("bbc", "2008-12-08", "Peter died at home in Tottenham", ["Peter"])
    events, _ = merge_events([SACKED_YESTERDAY, inquiry, died, DISMISSED_ON], DOCS)
    assert len(events) == 3
    sizes = sorted(len(e.mentions) for e in events)
    assert sizes == [1, 1, 2]


def test_shared_actor_alone_does_not_merge():
    sacked = mention("guardian", "2008-12-08", "Shoesmith sacked", ["Shoesmith"])
    appeared = mention("bbc", "2008-12-08", "Shoesmith appeared before MPs", ["Shoesmith"])
    events, _ = merge_events([sacked, appeared], DOCS)
    assert len(events) == 2


def test_same_document_duplicate_dedupes():
    a = mention("guardian", "2008-11-11", "Two men were convicted of causing Peter's death", at=10)
    b = mention("guardian", "2008-11-11", "the men convicted of causing the death of Peter", at=400)
    events, _ = merge_events([a, b], DOCS)
    (event,) = events
    assert event.sources == ["guardian"]
    assert len(event.mentions) == 2


def test_different_days_of_one_month_are_not_merged_through_the_month():
    on_8 = mention("guardian", "2008-12-08", "Shoesmith sacked by Haringey", ["Shoesmith"])
    on_12 = mention("bbc", "2008-12-12", "Shoesmith sacked by Haringey", ["Shoesmith"])
    month = mention("times", "2008-12", "Shoesmith sacked by Haringey", ["Shoesmith"])
    events, warnings = merge_events([on_8, on_12, month], DOCS)
    assert len(events) == 2  # the month joins one of the days; the days never join
    assert sum(len(e.mentions) for e in events) == 3
    assert warnings == []


def test_near_miss_dates_merge_with_a_conflict_and_a_warning():
    a = mention("guardian", "2008-12-08", "Haringey council sacked Sharon Shoesmith", ["Sharon Shoesmith"])
    b = mention("bbc", "2008-12-09", "Haringey council sacked Sharon Shoesmith", ["Sharon Shoesmith"])
    c = mention("times", "2008-12-08", "Sharon Shoesmith sacked by Haringey council", ["Sharon Shoesmith"])
    events, warnings = merge_events([a, b, c], DOCS)
    (event,) = events
    assert event.date.value == "2008-12-08"  # two documents say the 8th, one the 9th
    assert [(c.mention, c.value) for c in event.conflicts] == [(b.id, "2008-12-09")]
    assert "does not include 8 December 2008" in event.conflicts[0].reason
    (warning,) = warnings
    assert warning.kind == "conflict"
    assert event.title in warning.message and "9 December 2008" in warning.message and "bbc" in warning.message


def test_partly_overlapping_dates_are_a_conflict():
    week = mention("guardian", "2009-W01", "Haringey published the Laming report", ["Haringey"])
    month = mention("bbc", "2008-12", "Haringey published the Laming report", ["Haringey"])
    events, warnings = merge_events([week, month], DOCS)
    (event,) = events
    assert len(event.conflicts) == 1 and "only partly overlaps" in event.conflicts[0].reason
    assert len(warnings) == 1


def test_near_miss_within_one_document_stays_two_events():
    a = mention("guardian", "2008-12-08", "Haringey council sacked Sharon Shoesmith", at=1)
    b = mention("guardian", "2008-12-09", "Haringey council sacked Sharon Shoesmith", at=2)
    events, _ = merge_events([a, b], DOCS)
    assert len(events) == 2


def test_order_dates_then_title_vague_last():
    vague = mention("guardian", "2008-12", "Something vague happened")
    vague.date = EventDate(value="PAST_REF", display="the past")
    later = mention("bbc", "2009-03-06", "Laming report published", ["Laming"])
    earlier = mention("times", "2007-08-03", "Peter died", ["Peter"])
    events, _ = merge_events([vague, later, earlier], DOCS)
    assert [e.title for e in events] == ["Peter died", "Laming report published", "Something vague happened"]


def test_deterministic_whatever_the_input_order():
    pool = [SACKED_YESTERDAY, DISMISSED_ON, SACKED_IN_DECEMBER,
            mention("guardian", "2008-11-11", "Two men convicted over Peter's death", at=3),
            mention("bbc", "2008-11-11", "Men found guilty of causing Peter's death", at=4),
            mention("times", "2007-08-03", "Peter died", ["Peter"], at=5)]
    first, w1 = merge_events(pool, DOCS)
    for seed in range(5):
        shuffled = pool[:]
        random.Random(seed).shuffle(shuffled)
        again, w2 = merge_events(shuffled, DOCS)
        assert [e.model_dump() for e in again] == [e.model_dump() for e in first]
        assert w2 == w1
    assert len({e.id for e in first}) == len(first)
    assert all(e.id.startswith("ev-") for e in first)


def test_candidate_pairs_only_overlapping_or_adjacent():
    d = dt.date
    spans = [(d(2008, 1, 1), d(2008, 1, 1)), (d(2008, 1, 2), d(2008, 1, 2)), (d(2008, 1, 5), d(2008, 1, 5)),
             (d(2008, 1, 1), d(2008, 1, 31)), None]
    assert sorted(candidate_pairs(spans)) == [(0, 1), (0, 3), (1, 3), (2, 3)]
    assert sorted(candidate_pairs(spans, slack_days=0)) == [(0, 3), (1, 3), (2, 3)]


def test_blocking_keeps_comparisons_far_below_all_pairs():
    rng = random.Random(7)
    verbs = ["sacked", "appointed", "arrested", "charged", "resigned", "published", "died", "convicted"]
    names = [f"Person{i}" for i in range(400)]
    pool = []
    base = dt.date(2000, 1, 1)
    for i in range(5000):
        day = base + dt.timedelta(days=rng.randrange(365 * 10))
        kind = rng.random()
        value = day.isoformat() if kind < 0.7 else (f"{day.year}-{day.month:02d}" if kind < 0.95 else str(day.year))
        who = rng.choice(names)
        doc = f"doc{rng.randrange(800)}"
        pool.append(mention(doc, value, f"{who} {rng.choice(verbs)}", [who], at=i))
    stats = ClusterStats()
    events, _ = merge_events(pool, {}, stats)
    n = len(pool)
    assert stats.candidates < n * n / 2 / 20, stats.candidates
    assert sum(len(e.mentions) for e in events) == n
    assert all(e.date.start is not None for e in events)


def test_removal_and_dismissal_a_week_apart_stay_two_events_and_the_month_joins_its_act():
    removed = mention("guardian", "2008-12-01", "Shoesmith removed as director of children's services",
                      ["Shoesmith"], at=1)
    removed2 = mention("bbc", "2008-12-01", "Shoesmith removed from her job by Balls", ["Shoesmith", "Balls"], at=2)
    dismissed = mention("bbc", "2008-12-08", "Shoesmith dismissed by the council", ["Shoesmith"], at=3)
    month = mention("times", "2008-12", "Council sacked Shoesmith, director of children's services",
                    ["Shoesmith"], at=4)
    events, _ = merge_events([removed, removed2, dismissed, month], DOCS)
    by_date = {e.date.value: {m.id for m in e.mentions} for e in events}
    assert by_date == {"2008-12-01": {removed.id, removed2.id}, "2008-12-08": {dismissed.id, month.id}}


def test_generic_nouns_shared_by_the_corpus_do_not_merge():
    # "children's services" is in every sentence of a corpus about children's services.
    a = mention("guardian", "2008-12", "Council review of children's services", at=1)
    b = mention("bbc", "2008-12", "Council budget for children's services", at=2)
    together, _ = merge_events([a, b], DOCS)
    assert len(together) == 1  # alone, three shared words out of four look like one event
    filler = [mention("guardian", f"2008-{k:02d}", "Council criticised children's services", at=100 + k)
              for k in range(1, 10)]
    events, _ = merge_events([a, b, *filler], DOCS)
    assert not any({a.id, b.id} <= {m.id for m in e.mentions} for e in events)


def test_title_is_the_telling_the_others_agree_with():
    a = mention("guardian", "2008-12-08", "Shoesmith removed on 1 December and dismissed by the council",
                ["Shoesmith"], at=1)
    b = mention("bbc", "2008-12-08", "Shoesmith sacked by Haringey council", ["Shoesmith"], at=2)
    c = mention("times", "2008-12", "Haringey council sacked Shoesmith", ["Shoesmith"], at=3)
    (event,) = merge_events([a, b, c], DOCS)[0]
    assert event.title == "Shoesmith sacked by Haringey council"  # finest date, most shared words


def test_actors_union_in_order_keeps_the_fuller_name():
    a = mention("guardian", "2008-12-08", "Shoesmith sacked", ["Shoesmith", "Haringey"], at=1)
    b = mention("bbc", "2008-12-08", "Sharon Shoesmith sacked by Haringey council", ["Sharon Shoesmith", "Ed Balls"], at=2)
    (event,) = merge_events([a, b], DOCS)[0]
    assert event.actors == ["Sharon Shoesmith", "Haringey", "Ed Balls"]


def test_phrasal_verbs_fold_to_their_act_and_public_is_not_publishing():
    from chronology.merge.words import main_act

    assert normal_words("stood down") == normal_words("resigned") == ["resign"]
    assert normal_words("stood trial") == ["stood", "trial"]
    assert "publish" not in normal_words("public anger grew")
    assert main_act("was killed by her great-aunt") == "die"
    assert main_act("The leader and its lead member stood down") == "resign"
    assert main_act("he said") is None


# Other events of the corpus, so that word rarity (IDF) is measured over more than the pair.
BACKGROUND = [
    mention("times", "2009-03-05", "Audit Commission published its final assessment", at=1),
    mention("times", "2009-02-06", "Shoesmith gave an interview to a newspaper", at=2),
    mention("guardian", "2007-08-03", "Baby found dead at the family home", at=3),
    mention("bbc", "2009-04-01", "New director took up the post", at=4),
    mention("bbc", "2008-11-12", "Minister ordered an inspection of the council", at=5),
]


def test_short_tellings_of_one_act_merge_when_each_is_the_others_best_match():
    sentenced = mention("guardian", "2008-12-08", "All three sentenced at the Old Bailey",
                        clause="All three were sentenced at the Old Bailey on 8 December")
    given = mention("bbc", "2008-12-08", "Mother given an indefinite prison sentence",
                    clause="The mother was given an indefinite prison sentence yesterday and told to serve five years")
    events, _ = merge_events([sentenced, given, *BACKGROUND], DOCS)
    together = next(e for e in events if sentenced.id in {m.id for m in e.mentions})
    assert together.sources == ["guardian", "bbc"] and len(events) == 1 + len(BACKGROUND)


def test_a_weak_match_that_is_not_reciprocal_stays_apart():
    # The bbc tells two sentencings on that day; the guardian's one sentence matches the first
    # better, so the weak pair with the second is not reciprocal and stays apart.
    sentenced = mention("guardian", "2008-12-08", "All three sentenced at the Old Bailey",
                        clause="All three were sentenced at the Old Bailey on 8 December")
    close = mention("bbc", "2008-12-08", "Three men sentenced at the Bailey", at=10,
                    clause="Three men were sentenced at the Old Bailey yesterday")
    other = mention("bbc", "2008-12-08", "Mother given an indefinite prison sentence", at=50,
                    clause="The mother was given an indefinite prison sentence yesterday and told to serve five years")
    events, _ = merge_events([sentenced, close, other, *BACKGROUND], DOCS)
    together = next(e for e in events if sentenced.id in {m.id for m in e.mentions})
    assert {m.id for m in together.mentions} == {sentenced.id, close.id}


def test_different_acts_sharing_nouns_need_a_strong_match():
    # "cut" and "praised" name two acts: the shared nouns alone do not make them one event.
    a = mention("guardian", "2008-12", "Council cut children's services", at=1)
    b = mention("bbc", "2008-12", "Council praised children's services", at=2)
    assert len(merge_events([a, b], DOCS)[0]) == 2


def test_act_words_leave_out_circumstances():
    from chronology.merge.words import act_words

    # "after the verdicts" says when, not what was done.
    assert act_words("commissioned that review in November after the Baby P verdicts") == []
    # "until ..." with a verb is a clause: its participle names an act.
    assert act_words("until a permanent director chosen by Mr Balls takes over") == ["appoint"]
    assert act_words("Shoesmith was sacked by the council") == ["sack"]


def test_words_of_any_script_stay_whole():
    from chronology.merge.words import actor_words, normal_words

    assert normal_words("Démission de Climbié à Köln") == ["démission", "de", "climbié", "köln"]
    assert actor_words(["Élisabeth Müller"]) == frozenset({"élisabeth", "müller"})
