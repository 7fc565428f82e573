"""Credits that are not verbs: "according to X", "X reports citing Y", "..., citing X", and an
explicit perspective ("From the Azerbaijani point of view", "in the eyes of Moscow").

The patterns live here; :class:`stancekit.rules.attribution.SentenceSources` applies them. A
"citing X" after any clause names a source only when X names a speaker (:func:`cited_speaker`).

Example:
    >>> cited_speaker("a senior Hamas official"), cited_speaker("Armenian military activity")
    (True, False)
"""

from __future__ import annotations

import re

from stancekit.rules.source_phrase import source_type

__all__ = ["ACCORDING", "CITING", "CITING_ANY", "VIEW_BEFORE", "VIEW_AFTER", "UNNAMED_SPEAKER", "is_perspective_cue",
           "cited_speaker"]

ACCORDING = re.compile(r"(?<!\w)according\s+to\s+", re.IGNORECASE)
#: a wire's nested credit: "Trend reports citing (the statement of) the Defense Ministry",
#: "Azernews reports per Defense Ministry" (the cue is "citing"/"per"; the source follows)
CITING = re.compile(
    r"(?<!\w)report(?:s|ed)?,?\s+(?P<cue>citing|per)\s+(?:(?:the|a|an)\s+(?:statement|report|press\s+release|"
    r"message|information|data)\s+(?:of|by|from)\s+)?(?=(?:the\s+|an?\s+)?(?-i:[A-Z]))", re.IGNORECASE)
#: "citing X" after any clause ("..., the AP said, citing a senior Hamas official", "Report informs, citing the
#: Foreign Ministry"): a source only when X names a speaker (:func:`cited_speaker`; not "citing high costs",
#: "citing Armenian military activity")
CITING_ANY = re.compile(r"(?:,|\b(?:informs?|informed|said|says|told|wrote|quoted|added|reported))\s*(?P<cue>citing)\s+",
                         re.IGNORECASE)
VIEW_BEFORE = re.compile(
    r"(?<!\w)(?:from|in)\s+(?P<np>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)(?:['’]s)?\s+"
    r"(?:point\s+of\s+view|view|views|perspective|opinion|eyes|assessment|estimation)(?!\w)",
    re.IGNORECASE,
)
VIEW_AFTER = re.compile(
    r"(?<!\w)in\s+the\s+(?:view|opinion|eyes|assessment|words)\s+of\s+", re.IGNORECASE
)


def is_perspective_cue(cue: str) -> bool:
    """Whether a cue is an explicit perspective frame ("From the Azerbaijani point of view", "in
    the eyes of Moscow"): attribution by construction, like a speaker label, so the merge keeps
    its source whatever the model says.

    Example:
        >>> is_perspective_cue("From the Azerbaijani point of view"), is_perspective_cue("said")
        (True, False)
    """
    return bool(VIEW_BEFORE.fullmatch(cue) or VIEW_AFTER.match(cue + " "))


def cited_speaker(phrase: str) -> bool:
    """Whether the phrase after "citing" names a speaker: unnamed sources ("two sources familiar"),
    or a typed phrase whose head (last word) is a source word or a proper name ("a senior Hamas
    official", "the Foreign Ministry", "the IDF"); not a reason whose head is a common noun
    ("Armenian military activity", "Israel's refusal", "the Justice Department investigation")."""
    last = phrase.split()[-1]
    return bool(UNNAMED_SPEAKER.match(phrase)) or (source_type(phrase) is not None
                                            and (last[:1].isupper() or source_type(last) is not None))


#: unnamed speakers after "citing": "two sources familiar", "people close to", "officials"
UNNAMED_SPEAKER = re.compile(r"(?:[\w-]+\s+){0,3}?(?:sources?|officials?|people|persons?|diplomats?|insiders?)\b", re.IGNORECASE)
