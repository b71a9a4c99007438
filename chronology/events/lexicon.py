"""Word tables the events stage reads: abbreviations, function words, verbs, titles, org words.

Data only, no logic. The tables are small and general English news vocabulary: they are the
"POS-ish lexicon" that stands in for a tagger (no NLP models are loaded).
"""

from __future__ import annotations

# Words that end with a period without ending a sentence ("Mr. Balls", "Jan. 5").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr rev gen col lt sgt capt cmdr gov sen rep hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc inc ltd co corp plc dept est approx fig vol pp cf al ave rd""".split()
)

# Capitalised words that commonly begin a sentence after a dotted acronym ("in the U.S. The ...").
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those but and or so yet in on at for
    his her their its our there here when while after before as if although mr mrs ms""".split()
)

DETERMINERS = frozenset("the a an this that these those its his her their our my your some any".split())

PREPOSITIONS = frozenset(
    """in on at by for from to of with without during since until till before after
    over under between among within through throughout around about into onto upon
    than via per against across toward towards""".split()
)

# Words that open a new clause inside a sentence; the clause a date governs stops at them.
SUBORDINATORS = frozenset(
    """after before when while because although though since until unless whereas
    once if as following whilst""".split()
)
RELATIVES = frozenset("who which whom whose that where".split())
COORDINATORS = frozenset("and but or yet so nor".split())

AUXILIARIES = frozenset(
    """is are was were be been being am has have had having do does did
    will would shall should can could may might must 's 've 'd""".split()
)

# Verbs that report speech or findings: their clause is the telling, not the told.
REPORTING_VERBS = frozenset(
    """said says say told tells tell announced announces announce added adds add
    insisted insists admitted admits warned warns claimed claims stated states
    revealed reveals reported reports confirmed confirms argued argues explained
    responded replied declared accepted acknowledged disclosed""".split()
)

# Irregular and common verbs not recognisable by an -ed ending.
VERBS = frozenset(
    """said says told tells went goes came comes took takes gave gives made makes found finds
    died dies left leaves lost loses became becomes began begins begun held holds heard hears
    met meets ran runs set sets put puts kept keeps led leads sent sends spent spends stood
    stands brought brings thought thinks knew knows saw sees won wins wrote writes paid pays
    fell falls got gets rose rises sat sits hit hits cut cuts shut shuts quit quits
    is are was were has have had do does did will would shall should can could may might must
    need needs wants want call calls run publish publishes face faces continue continues
    remain remains agree agrees come go take give make find die lose become begin hold hear
    meet send spend stand bring think know see win write pay fall get rise sit
    struggling working facing preparing""".split()
)

# Adverbs kept out of titles ("personally removed" -> "removed").
ADVERB_STOP = frozenset("also still already later then just even only now again personally".split())

# Honorifics and offices that precede a name and belong to it.
TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Professor Lord Lady Sir Dame Baroness Judge Justice Rev
    Mr. Mrs. Ms. Dr. Prof. Rev.""".split()
)

# Words that make a capitalised sequence an organisation ("Audit Commission", "Haringey council").
ORG_WORDS = frozenset(
    """council commission committee department ministry office agency authority board
    inspectorate trust service services court police government parliament party union
    association college university school hospital ofsted nspcc bbc guardian sun times
    panel inquiry charity group company""".split()
)

# Common nouns that own the rest of a name through a possessive: "Woman's Hour", "Children's
# Society", "Queen's Speech", "King's College". After a proper name a possessive ends the name
# ("Haringey's director", "Haringey's Sharon Shoesmith").
NAME_POSSESSORS = frozenset(
    """woman women man men child children people girl girls boy boys mother mothers father
    fathers queen king prince princess worker workers citizen citizens""".split()
)
# A saint's name owns the rest too: "St Mary's Hospital", "St John's Wood".
SAINTS = frozenset("St St. Saint".split())

# Words that never start or make up a name even when capitalised (sentence-initial words,
# calendar words, pronouns).
NOT_NAME = frozenset(
    """the a an he she it they we i you this that these those his her their its our my
    but and or so yet in on at for of to by with from after before as if when while
    there here both all many most some any none no not also however meanwhile
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    today yesterday tomorrow last next spring summer autumn winter
    among among every each one two three four five six seven eight nine ten
    anyone someone everyone jurors speaking handling""".split()
)

# Places are named but are not actors; a small general list plus the cue "in/at X" in code.
PLACES = frozenset(
    """England Britain UK Scotland Wales Ireland London Europe America US USA
    France Germany China India""".split()
)

# Calendar words: left out of titles when they are part of the dating expression.
DATE_WORDS = frozenset(
    """today yesterday tomorrow tonight last next this previous following same earlier later
    day days week weeks month months year years night morning afternoon evening
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    spring summer autumn winter ago""".split()
)

# Prepositions that introduce a date and go with it ("in December", "on Friday").
DATE_PREPOSITIONS = frozenset("in on at by since during until from for of".split())
