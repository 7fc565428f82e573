"""Words that mark mentions of people and institutions, shared by follow-up resolution
(:mod:`stancekit.coref`) and the people a text names (:mod:`stancekit.people`): head nouns of
institutions and their synonyms, person titles, qualifiers, and the head of a word.

Example:
    >>> head("Ministers"), head("spokesmen"), head("Azerbaijan’s")
    ('minister', 'spokesmen', 'azerbaijan')
"""

from __future__ import annotations

import re

__all__ = ["is_beat", "FORMER", "SYNONYMS", "GOVERNMENT", "ALLIANCE_HEADS", "INSTITUTION_HEADS", "GOVERNMENT_HEADS", "QUALIFIERS", "PERSON_TITLES", "words",
           "head"]

#: heads that name the same institution
SYNONYMS = (
    frozenset({"ministry", "mod", "mfa", "department"}),
    frozenset({"department", "pentagon"}),  # "the department" <- "the Pentagon" (but not "the ministry")
    frozenset({"army", "military", "forces", "idf", "troops", "command", "headquarters", "staff"}),
    GOVERNMENT := frozenset({"government", "authorities", "administration", "cabinet", "kremlin", "presidency",
                              "leadership"}),
    frozenset({"agency", "service", "bureau", "office"}),
    frozenset({"police", "militia"}),
    frozenset({"committee", "commission", "council", "panel"}),
    frozenset({"parliament", "assembly", "legislature"}),
    frozenset({"court", "tribunal"}),
    frozenset({"mission", "embassy", "delegation"}),
    frozenset({"party", "campaign", "movement", "group", "organization", "organisation", "coalition", "brigade",
               "faction"}),
    frozenset({"tank", "foundation", "institute", "institution"}),  # "the think tank" <- "the Heritage Foundation"
    ALLIANCE_HEADS := frozenset({"alliance", "bloc"}),
    frozenset({"newspaper", "outlet", "channel", "broadcaster", "website", "agency"}),
)
INSTITUTION_HEADS = frozenset().union(*SYNONYMS)
#: heads of a state body, which "the group" / "the organization" never refers back to
GOVERNMENT_HEADS = GOVERNMENT | {"ministry", "house"}
#: words that say a person has left the role or body named after them ("a former official at ...")
FORMER = frozenset({"former", "ex", "retired"})
#: words that may qualify a follow-up's head ("the Defense Ministry", "the foreign ministry")
QUALIFIERS = frozenset({"defense", "defence", "foreign", "interior", "health", "justice", "state", "emergency",
                         "emergencies", "press", "armed", "general", "federal", "national", "main", "military",
                         "security", "information", "border", "presidential", "prime", "deputy", "senior", "top",
                         "islamist", "militant", "ruling"})
#: words that make a phrase a person: titles, roles and occupations
PERSON_TITLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "pm", "president", "official", "envoy", "ambassador",
    "adviser", "advisor", "aide", "commander", "general", "chief", "head", "leader", "senator", "governor",
    "mayor", "secretary", "representative", "deputy", "lawmaker", "chairman", "chairwoman", "premier",
    "diplomat", "ombudsman", "judge", "director", "officer", "colonel", "prosecutor", "speaker", "analyst",
    "expert", "witness", "resident", "doctor", "lawyer", "attorney", "negotiator", "mediator", "monitor",
    "journalist", "correspondent", "researcher", "professor", "author", "activist",
    "rep", "sen", "gov", "congressman", "congresswoman", "candidate", "nominee", "chancellor", "king", "queen",
    "prince", "emir", "sheikh", "pope", "rabbi", "imam", "bishop",
})


#: multi-word titles and the one-word title they stand for ("the Head of State" is the president, "the
#: Human Rights Defender" the ombudsman), each with a word it cannot be without (a cheap first test)
_TITLE_PHRASES = (("of", re.compile(r"(?i)\bhead\s+of\s+state\b(?![-\s]+(?:[A-Z]\w*|media|television|tv|news|company|"
                                    r"agency|bank|firm|broadcaster|owned|run)\b)"), "president"),
                  ("of", re.compile(r"(?i)\bhead\s+of\s+government\b(?![-\s]+(?:[A-Z]\w*|relations|affairs|media|"
                                    r"agency|office)\b)"), "premier"),
                  # an ombudsman's official names: Armenia's and Artsakh's "Human Rights Defender"
                  ("ights", re.compile(r"(?i)\bhuman\s+rights\s+(?:defender|ombudsman|commissioner)\b"), "ombudsman"))


def words(phrase: str) -> list[str]:
    """The words of a phrase, apostrophes and hyphens kept inside them; a multi-word title is one
    word ("The Head of State" gives ``["The", "president"]``).

    Example:
        >>> words("The Head of State"), words("Azerbaijan's Foreign Ministry")
        (['The', 'president'], ["Azerbaijan's", 'Foreign', 'Ministry'])
    """
    for needed, rx, title in _TITLE_PHRASES:
        if needed in phrase:  # most phrases hold no multi-word title
            phrase = rx.sub(title, phrase)
    return re.findall(r"[\w’'-]+", phrase)


def head(word: str) -> str:
    """A word lower-cased, without a possessive, a title or institution head in the singular."""
    w = re.sub(r"['’]s$", "", word.lower())
    return w[:-1] if w.endswith("s") and w[:-1] in PERSON_TITLES | INSTITUTION_HEADS else w


#: a journalist's beat after the body it covers: "White House correspondent", "Justice Correspondent"
_BEAT = re.compile(r"\s+(?:(?:chief|senior|national|political|legal|foreign|congressional)\s+)?"
                   r"(?:correspondents?|reporters?|bureau\s+chief|press\s+corps)\b", re.IGNORECASE)
#: bodies a journalist covers that are not institution heads
_COVERED = frozenset({"justice", "pentagon", "congress", "capitol", "senate", "court", "kremlin", "knesset"})


def is_beat(text: str, end: int, body: str | None = None) -> bool:
    """Whether the body named right before ``end`` is a journalist's beat ("CBS News White House
    correspondent Weijia Jiang"): the journalist does not speak for the body they cover. With
    ``body``, only when it is an office or institution, not an outlet or a nationality (an APA
    correspondent, a Palestinian reporter speak for their outlet's or nation's side, if it has one).

    Example:
        >>> t = "Chief White House Correspondent Major Garrett"
        >>> is_beat(t, t.index(" Correspondent")), is_beat("the White House said", 15)
        (True, False)
        >>> is_beat("a Palestinian reporter", 13, "Palestinian"), is_beat("Justice Correspondent", 7, "Justice")
        (False, True)
    """
    if body is not None:
        last = words(body)[-1:]
        if not last or (head(last[0]) not in INSTITUTION_HEADS | GOVERNMENT_HEADS and last[0].lower() not in _COVERED):
            return False
    return _BEAT.match(text, end) is not None
