"""Which verb forms of the cue lexicon report a claim where they stand.

:func:`cue_matches` finds the forms of ``rules/lexicons/cue_verbs.tsv`` in a sentence;
:func:`cue_applies` decides whether one reports a claim there: not a plural-looking form after a
possessive or a determiner ("the ministry's claims", "those claims"), not any form right after an
article or a possessive determiner ("lawyers for the states", "the reported toll"), and not
"reject"/"dismiss" whose object is an act or a person ("rejected the bill"). The rules
(:mod:`stancekit.rules.attribution`) and the model merge (:mod:`stancekit.model.merge`) both ask it.
"""

from __future__ import annotations

import re

from stancekit.matching import tokens_of
from stancekit.rules.lexicon import cue_verbs
from stancekit.rules.source_phrase import DETERMINERS

__all__ = ["cue_matches", "cue_applies"]


def _cue_regex() -> re.Pattern[str]:
    forms = sorted(cue_verbs(), key=len, reverse=True)
    alts = [r"\s+".join(re.escape(w) for w in f.split()) for f in forms]
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alts) + r")(?![\w'’-])")


_CUES = _cue_regex()
_CUE_FIRST = frozenset(f.split()[0] for f in cue_verbs())


def cue_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The cue lexicon's verb forms in ``text[start:end]``, longest first, not overlapping.

    Example:
        >>> t = "The ministry said on Monday it had warned of an attack."
        >>> [m.group(0) for m in cue_matches(t, 0, len(t))]
        ['said', 'warned']
    """
    out = []
    last = start
    for ws, _, word in tokens_of(text, start, end):
        if ws < last or word not in _CUE_FIRST:
            continue
        m = _CUES.match(text, ws, end)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


#: cues that report a speech act unless what they take is an act or a person ("rejected the bill",
#: "dismissed his minister"); "rejected the accusations", "dismissed the footage as fake" are claims
_CLAIM_ONLY = frozenset({"reject", "dismiss"})
#: objects that make such a verb an act: legislation, offers, cases, and people dismissed from posts
_ACT_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their|our|this|that|these|those|[A-Z][\w'’.-]*(?:['’]s)?)\s+){0,3}"
    r"(?:[\w'’-]+\s+){0,2}(?:bills?|proposals?|offers?|plans?|motions?|appeals?|requests?|resolutions?|amendments?|"
    r"nominations?|nominees?|candidates?|applications?|bids?|deals?|agreements?|budgets?|measures?|legislation|laws?|"
    r"treaty|treaties|case|cases|lawsuits?|suits?|petitions?|ministers?|officials?|employees?|staff|generals?|"
    r"commanders?|chiefs?|coach|director|ambassadors?|cabinet|members?|jury|juror|jurors)\b",
    re.IGNORECASE)


def cue_applies(lemma: str, before: str, after: str, form: str = "") -> bool:
    """Whether a cue verb form reports a claim here, given the text ``before`` and ``after`` it: a
    plural-looking form after a possessive or a determiner is a noun ("the ministry's claims",
    "those claims"; "Trump's said" is "has said"), any form right after an article or a possessive
    determiner too ("for the states", "the reported toll"), and a :data:`_CLAIM_ONLY` verb whose object is an act or a person reports no claim
    ("rejected the bill", "dismissed his defence minister"; "rejected the accusations",
    "dismissed the footage as fake" do).

    Example:
        >>> cue_applies("reject", "The Senate ", " the bill."), cue_applies("reject", "Baku ", " the claims.")
        (False, True)
        >>> cue_applies("claim", "the ministry's ", " were false.", "claims"), cue_applies("say", "Trump's ", " it.", "said")
        (False, True)
        >>> cue_applies("state", "Lawyers for the ", " will return.", "states")
        False
    """
    if form.endswith("s") and (_POSSESSIVE_END.search(before) or _ANY_DETERMINER_END.search(before)) or (
            _DETERMINER_END.search(before)):
        return False
    return lemma not in _CLAIM_ONLY or _ACT_OBJECT.match(after) is None


_POSSESSIVE_END = re.compile(r"\w['’]s\s*$")
#: a cue form right after a determiner is a noun or an adjective ("lawyers for the states", "the reported
#: toll"): the determiners that never stand alone as a subject or object ("some said", "those said", "a lawyer
#: representing her said" are verbs)
_DETERMINER_END = re.compile(r"(?<![\w'’])(?:the|a|an|these|its|his|their|our|your|my)\s+$", re.IGNORECASE)
#: and a plural-looking form after any determiner ("those claims", "some reports")
_ANY_DETERMINER_END = re.compile(r"(?<![\w'’])(?:" + "|".join(sorted(DETERMINERS)) + r")\s+$", re.IGNORECASE)
