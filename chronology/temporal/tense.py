"""A small, fast tense detector: which way an underspecified date points from its anchor.

"was removed in December" (past) → the December before the anchor; "will report on Monday"
(future) → the Monday after it; no cue → the nearest. The cue closest to the expression within
its sentence wins.
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|going\s+to|(?:is|are|was|were)\s+(?:due\s+)?to|plans?\s+to|planned\s+to|"
    r"intends?\s+to|planning\s+to|(?<!been\s)(?P<plan>expected|scheduled|slated|due)|expects?(?:\s+to)?|predicts?|anticipates?|set\s+to|would(?!\s+(?:not\s+|n't\s+)?have\b)|'ll|next(?!\s+to\b)|upcoming|"
    r"(?:should|could|might|must|can|(?-i:may))(?!\s+(?:not\s+|n't\s+)?have\b)(?<!could(?=\s+not\b))(?!n't)|"
    r"(?P<until>until)|as\s+(?:soon|early)\s+as|"
    # "agreed to purchase it in February": what was decided lies after the deciding
    # (and so does what an agreement or a decision was "to" do: "the decision to cut output in October")
    r"(?P<decided>decided|agreed|voted|promised|pledged|vowed|arranged|offered|agreement|decision|deal|bid|proposal)\s+to(?=\s+[a-z])|"
    # "advised passengers to travel on Saturday": what someone was urged to do lies after the urging
    r"(?P<urged>advised|urged|asked|told|warned|encouraged|invited|ordered|instructed)\s+(?:[\w'’-]+\s+){0,3}?to(?=\s+(?!be\b)[a-z])|"
    r"(?:is|are)\s+forecast\b|forecasts?\s+to(?=\s+[a-z])|(?:"
    r"hopes?|aims?|wants?|seeks?|prepares|preparing)\s+to(?=\s+[a-z])|expires?|effective|takes?\s+effect|comes?\s+into\s+(?:force|effect)|ahead\s+of|"
    # the present of a scheduled event: "the leaders meet on Thursday", "voters go to the polls Sunday"
    r"(?:meets?(?!\s+(?:the\s+|its\s+|their\s+|an?\s+(?:\w+\s+)?)?(?:demand|needs?|requirements?|targets?|expectations?|standards?|criteria|conditions?|deadlines?|obligations?|goals?|costs?)\b)|turns\s+\d{1,3}\b|arrives|begins|resumes?|reopens?|closes|starts|ends|(?<!\bthe\s)(?<!\ban\s)(?<!\bits\s)(?<!\bto\s)(?:begin|end|start|close|open)(?=\s+(?:on\b|at\b|$))|runs\s+(?:through|until|till|to)|kicks?\s+off|travels\s+to|flies\s+to|goes?\s+to\s+the\s+polls|"
    r"takes\s+office|takes?\s+place|(?:is|are)\s+held|gets?\s+under\s+way|goes?\s+on\s+sale|opens\s+(?:on|at|its|in)|opens(?=\s+$))(?!\s+(?:by|with)\b))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)last|earlier|former|previously|since|"
    # "would have risen": what would have been, in the past
    r"(?:would|could|should|might|must)(?:\s+not|n't)?\s+have|"
    # irregular past forms that are not also present forms or common nouns
    r"(?:rose|fell|began|came|went|took|made|gave|saw|met|won|sold|bought|paid|led|spent|grew|became|held|brought|"
    r"found|struck|wrote|spoke|chose|drove|flew|ran|sent|built|kept|knew|broke|fought|caught|sought|stood|fled|"
    r"sank|swore|threw|withdrew|froze|slid|sprang|shrank|overtook|undertook|forgot|got)(?!\s+by\b)|"
    # "a leak left 300,000 people without water" (not "the left", "left-wing", "his left hand")
    r"(?<!\bthe\s)(?<!\bto\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bfar\s)(?<!\bare\s)(?<!\bis\s)(?<!\bbe\s)left(?![-\w])(?!\s+(?:wing|hand|side|field|foot|lane|turn|arm|leg|eye|bank|over)\b)|"
    # a verb whose past is its present, after a singular subject: "the range it forecast in November"
    r"(?:it|he|she)\s+(?:forecast|cut|set|put|hit|quit|cost|let|shut|spread|split|broadcast)(?!\s+(?:to|up|out|off|aside|back)\b)|"
    # an -ed word after an article, a preposition or a linking verb is an adjective: "to affected
    # customers", "will stay closed Thursday"
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)(?<!\bto\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bwith\s)"
    r"(?<!\bstay\s)(?<!\bstays\s)(?<!\bremain\s)(?<!\bremains\s)(?<!\bkeep\s)(?<!\bkept\s)"
    # a present passive: "when they are sentenced on Jan. 26", "the vote is held in March"
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    # "unleaded", "unprecedented", "unidentified": adjectives (but "unveiled", "uncovered": verbs)
    r"(?!un(?!veil|leash|cover|lock|seal|fold|load|pack|ravel|earth|mask|do)[a-z]+ed\b)(?!need|seed|feed|speed|breed|proceed|exceed|succeed|indeed|embed|bed|red|shed|wed|hundred|united|limited|based|related|interested|concerned|used|supposed|expected|scheduled|planned|proposed|slated|extended)[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
# "will be published", "is to be sent": a participle under a future modal looks ahead.
_FUTURE_PASSIVE = re.compile(r"\b(?:(?:will|shall|to|'ll)\s+(?:\w+\s+)?(?:be|have\s+been)|would\s+(?:\w+\s+)?be)\s+$", re.IGNORECASE)  # (not "would have been")
# ... under another modal, either way: "a vote could then be held in March", "could be located Wednesday"
_MODAL_PASSIVE = re.compile(r"\b(?:could|might|may|should|must|can)\s+(?:\w+\s+)?be\s+$", re.IGNORECASE)
# "weaker than anyone expected", "analysts expected": someone's expecting, done (not "is expected",
# "a ruling expected in March")
_EXPECTED_DONE = re.compile(r"(?:\bthan\s+(?:\w+\s+){0,2}|\b(?:he|she|they|we|I|you|anyone|everyone|analysts|economists|investors|traders|most|many|few)\s+(?:had\s+)?)expected$",
                            re.IGNORECASE)
_HAD_BEEN = re.compile(r"\bhad\s+been\s+$", re.IGNORECASE)
_WAS_PLANNED = re.compile(r"\b(?:was|were)\s+$", re.IGNORECASE)
# "had been initially scheduled for January 25": a plan made in the past, with an adverb between.
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been|been)\s+(?:\w+ly|first|once)\s+$|\bhad\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # ("analysts had expected")
# A full stop after an abbreviation ("8:30 a.m. EST", "Oct. 13", "Mr. Smith") ends no sentence.
# ("storms were expected to reach the coast late Friday", written on Thursday, still looks ahead)
_PAST_SCHEDULE = re.compile(r"\b(?:had\s+been|was\s+supposed|were\s+supposed)\s+(?:\w+ly\s+)?(?:due|scheduled|set|expected|slated|supposed)?\s*to\s+$",
                            re.IGNORECASE)
_STOP = re.compile(r"[.!?]\s|\n")
_ABBREVIATION = re.compile(
    r"\b(?:a\.m|p\.m|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|Gen|Gov|Sen|Rep|Lt|Col|No|"
    r"Sgt|Prof|Rev|Jr|Sr|Mt|Ft|vs)$")


def _sentence_ends(text: str, lo: int, hi: int):
    """Where sentences end in text[lo:hi] (the stop and the space after it), abbreviations aside."""
    for m in _STOP.finditer(text, lo, hi):
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(0, m.start() - 4), m.start()):
            continue
        yield m


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _sentence_ends(text, max(0, start - 300), start)), default=max(0, start - 300))
    right_match = next(_sentence_ends(text, end, min(len(text), end + 300)), None)
    return left, right_match.start() + 1 if right_match else min(len(text), end + 300)


# A reporting verb after a comma that closes the clause: ", it said", ", officials told reporters",
# a quotation's close included (",'' Castro said").
_ATTRIBUTION = re.compile(r"[^,.;]*,\s*(?:['\"’”`]+\s*)?(?:\w+\s+){0,3}(?:said|told|added|reported|announced|stated|says|admitted|conceded|warned|insisted|"
                          r"acknowledged|confirmed|claimed|argued|predicted|noted|explained|wrote|estimated|cautioned)\b", re.IGNORECASE)
# An attribution set off by commas right after the expression: ", he said,", ", officials said,".
_ASIDE = re.compile(r",\s*(?:\w+\s+){1,3}(?:said|says|added|noted|explained|told\s+\w+)\s*,", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(?:by|until|till|for|before|(?:postponed|adjourned|delayed|deferred|put\s+back|pushed\s+back|moved|brought\s+forward|rescheduled)\s+to)\s+$",
    re.IGNORECASE)


_AHEAD_PREP = re.compile(r"\b(?:by|until|till|for)\s+$", re.IGNORECASE)


# "the vote is on Sunday", "elections are set for March": a present that names a time to come.
_PRESENT_APPOINTMENT = re.compile(
    r"\b(?:is|are)\s+(?:(?:now\s+)?(?:set|fixed|planned|penciled|pencilled)\s+(?:in\s+)?for\s+|(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\s+(?:on\s+)?|on\s+|at\s+)?$",
    re.IGNORECASE)  # ("the deadline is 5pm on Friday")


# Where the clause of an expression ends on its right: a cue past it belongs to another verb
# ("moved late Wednesday and early Thursday, and the hotel expects to reopen", "would march on
# Wednesday if the count was not made public"). A comma alone ends nothing: "On Tuesday, it said".
_CLAUSE_END = re.compile(r";|,\s+(?:and|but|which|who|where|when|while|as|because|although|though|so)\b"
                         r"|\s(?:if|unless|because|although|though|whereas|while|when|where|which|who|but|whatever|whoever|however|regardless)\b", re.IGNORECASE)


# A past participle with its agent right before the time: "adopted by the UN Security Council on".
_PARTICIPLE_BY = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwill\s)\b[a-z]{3,}ed\s+by\s+(?:the\s+)?"
                            r"(?:[A-Z][\w.'’-]*\s+){1,5}(?:on|in)\s+$")
_RELATIVE_OPEN = re.compile(r",\s+(?:who|which|whose)\b[^,;]*$")
_COMMA = re.compile(r",")


def tense_of(text: str, start: int, end: int) -> str:
    """'past', 'future' or 'none' for the clause around text[start:end]."""
    if _PRESENT_APPOINTMENT.search(text, max(0, start - 40), start):
        return "future"
    left, right = sentence_bounds(text, start, end)
    if _PARTICIPLE_BY.search(text, max(left, start - 80), start):
        return "past"  # "Resolution 1636, adopted by the Security Council on Monday, should ...": the participle's time
    relative = _RELATIVE_OPEN.search(text, left, start)
    if relative is not None:  # "the row has been repeated in the territory, which returns to Chinese rule on July 1":
        left = relative.start()  # the relative clause has a tense of its own
    # "told to report by 1 December", "sentencing fixed for December 15": a deadline or an
    # appointment; the verb's past tense says when it was set, not when it falls.
    deadline = bool(_DEADLINE.search(text, max(left, start - 24), start))
    best: tuple[int, str] | None = None
    cue_before = False
    for pattern, label in ((_FUTURE, "future"), (_PAST, "past")):
        if deadline and label == "past":
            continue
        for m in pattern.finditer(text, left, start):
            distance = start - m.end()
            kind = label
            if label == "past" and _FUTURE_PASSIVE.search(text, max(left, m.start() - 30), m.start()):
                kind = "future"
            elif label == "past" and _MODAL_PASSIVE.search(text, max(left, m.start() - 30), m.start()):
                kind = "none"
            elif label == "future" and m.group("plan") and _PAST_PLAN.search(text, max(left, m.start() - 30), m.start()):
                kind = "past"
            elif label == "future" and m.group("plan") and _WAS_PLANNED.search(text, max(left, m.start() - 6), m.start()):
                kind = "none"  # "the ferry was due at five o'clock Sunday": planned then, for a time on either side of now
            elif label == "future" and m.group("plan") and m.group("plan").lower() == "expected" and _EXPECTED_DONE.search(text, max(left, m.start() - 40), m.end()):
                kind = "past"  # "weaker than anyone expected in January": expecting, done
            elif label == "future" and m.group("urged") and _HAD_BEEN.search(text, max(left, m.start() - 12), m.start()):
                kind = "past"  # "had been ordered to suspend production in March": an order long carried out
            elif label == "future" and (m.group("decided") or m.group("urged")):
                kind = "none"  # "OPEC decided to cut output in October": after the deciding, not the writing
            elif label == "future" and _PAST_SCHEDULE.search(text, max(left, m.start() - 40), m.start()):
                kind = "past"  # "it had been due to expire Friday": a plan that was, not one to come
            elif label == "future" and m.group("until") and (
                    _NEGATION.search(text, max(left, m.start() - 40), m.start())
                    or start - m.end() <= 2 and _NEGATION.search(text, end, right)):
                kind = "past"  # "were not told until early November", "Until Thursday, they had not ...": it happened
            cue_before = True
            if best is None or distance < best[0]:
                best = (distance, kind)
    clause_end = _CLAUSE_END.search(text, end, right)
    if relative is not None:  # ", who faces an election in September, has said": the relative clause ends at its comma
        clause_end = min((c for c in (clause_end, _COMMA.search(text, end, right)) if c is not None), key=lambda c: c.start(), default=None)
    if clause_end is not None:
        right = clause_end.start()
    for pattern, label in ((_FUTURE, "future"), (_PAST, "past")):
        if deadline and label == "past":
            continue
        for m in pattern.finditer(text, end, right):
            # "... would begin in the spring, it said": the report's tense, not the clause's (but
            # "In September, it announced": the clause's own verb, after a fronted date).
            if label == "past" and cue_before and _ATTRIBUTION.match(text, end, m.end()):
                continue
            if label == "past" and _ASIDE.match(text, end) and m.end() <= _ASIDE.match(text, end).end():
                continue  # "After April, he said, it will be too hot": an aside, not the clause's verb
            distance = (m.start() - end) + 15  # cues before the expression weigh more
            kind = "none" if label == "future" and (m.group("decided") or m.group("urged")) else label  # "... summit pledged to act"
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None and deadline and not _PAST.search(text, left, right) and _AHEAD_PREP.search(text, max(left, start - 10), start):
        return "future"  # "odds of 70 percent for Thursday", "a decision by Friday": no verb says when, the time is to come
    return best[1] if best else "none"
