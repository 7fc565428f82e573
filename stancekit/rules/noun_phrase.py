"""Noun phrases beside a reporting cue, without a parser: the phrase before a cue ("the EU envoy,
Toivo Klaar, said" gives "Toivo Klaar"), the subject before an aside ("Kuleba, speaking in
Brussels, said"), and the phrase after an inverted cue ("..., said the ministry").

A phrase is cut at clause boundaries (punctuation, conjunctions, relative pronouns, prepositions
other than those inside a name or title: "Minister of Defence", "ambassador to the UN") and has
at most 12 tokens; the search looks at most :data:`NP_WINDOW` characters from the cue, so a long
sentence is read once.

Example:
    >>> t = "Mueller left the question to Attorney General William Barr"
    >>> t[slice(*np_before(t, 0, len(t)))]
    'Attorney General William Barr'
    >>> u = "Six drones were downed, said the Russian Defense Ministry on Sunday."
    >>> u[slice(*np_after(u, u.index("said") + 4, len(u)))]
    'the Russian Defense Ministry'
    >>> v = "Foreign Minister Dmytro Kuleba, speaking in Brussels, said"
    >>> v[slice(*before_aside(v, 0, v.rindex(",")))]
    'Foreign Minister Dmytro Kuleba'
"""

from __future__ import annotations

import re

from stancekit.mention_scope import CAPITALISED_TITLES_TAKING_TO, TITLES_TAKING_TO
from stancekit.rules.source_phrase import ASIDE, CUE_ADVERBS, DETERMINERS, temporal_tail

__all__ = ["np_before", "before_aside", "np_after", "is_cap", "window_before", "NP_WINDOW"]

_TOKEN = re.compile(r"\w+(?:[-'’´ʼ.&]\w+)*|[^\w\s]")
_BETWEEN = {"has", "have", "had"} | CUE_ADVERBS  # skipped between a source and its cue
_STOP = {
    "that", "which", "who", "whom", "whose", "while", "when", "whereas", "because", "although",
    "though", "if", "as", "but", "or", "nor", "since", "after", "before", "where", "so", "than",
    "hence", "however", "moreover", "therefore", "meanwhile", "yet", "thus", "to", "on", "with",
    "from", "by", "into", "during", "until", "about", "against", "over", "under", "between",
    "through", "without", "within", "is", "are", "was", "were", "be", "been", "being", "will",
    "would", "could", "should", "may", "might", "must", "can", "did", "does", "do", "not",
    "nonetheless", "furthermore", "additionally", "still", "instead", "indeed", "unsurprisingly",
    "why", "how", "what", "there", "here", "it", "also", "just", "even", "only", "upon", "like",
    "unlike", "amid", "despite", "toward", "towards", "per", "via", "whether", "unless", "once",
    "then", "now", "ago", "both", "either", "neither", "among", "across", "behind", "beyond",
    "hereby", "thereby", "further", "having", "said", "says", "told", "reported",
}
_NP_INNER = {"of", "for", "in", "at", "and", "&"}
_FORWARD_STOP = _STOP | {"in", "at", "and", "last", "on", "this", "earlier", "later", "yesterday",
                         "today", "told", "according"}
_PUNCT_BREAK = set(",;:()[]{}“”\"«»—–!?")
#: a party-and-state tag after a name: "Sen. Elizabeth Warren (D-Mass.) said"
_TAG_BEFORE = re.compile(r"\s*(?P<tag>\([A-Z][\w.’'-]{0,3}[-–][\w. ]{1,16}\))\s*\Z")
#: sentence openers that are not the subject before an aside ("However, speaking in Brussels, ...")
_NOT_SUBJECT = frozenset({"however", "but", "and", "so", "still", "instead", "now", "thus", "yet", "indeed", "moreover",
                          "furthermore", "nonetheless", "nevertheless", "again", "there", "here", "finally", "notably",
                          "importantly", "similarly", "likewise", "ultimately", "initially", "originally", "eventually",
                          "fortunately", "unfortunately", "interestingly", "accordingly", "consequently", "conversely",
                          "alternatively", "overall", "tonight", "tomorrow"})
#: a preposition right before a noun phrase: its object, not a subject
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|on|at|during|over|from|near|after|before|since|across|into|onto|against|towards?|for|with|by|of|to|"
    r"under|outside|inside|around|through|throughout|between|among|amid|about)\s+\Z", re.IGNORECASE)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


#: characters a noun-phrase search looks at beside its cue: a phrase has at most 12 tokens, so
#: the rules never re-read a long sentence from its start (linear time in the sentence length)
NP_WINDOW = 400


def window_before(text: str, lo: int, hi: int) -> int:
    """Start of the search window before ``hi``: ``lo``, or a word boundary within NP_WINDOW."""
    if hi - lo <= NP_WINDOW:
        return lo
    k = hi - NP_WINDOW
    while k < hi and not text[k - 1].isspace():
        k += 1
    return k


def _title_taking_to(word: str) -> bool:
    """Whether "to" after ``word`` stays inside the phrase ("ambassador to the UN", "Chief Monitor to Ukraine")."""
    key = word.lower().rstrip("s")
    return key in TITLES_TAKING_TO or (key in CAPITALISED_TITLES_TAKING_TO and is_cap(word))


def is_cap(tok: str) -> bool:
    """Whether a token starts with a capital letter."""
    return tok[:1].isupper()


def np_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``hi`` (not before ``lo``), or ``None``.

    Example:
        >>> t = "Mueller left the question to Attorney General William Barr"
        >>> np_before(t, 0, len(t))
        (29, 58)
    """
    # a party-and-state tag after a name: "Sen. Elizabeth Warren (D-Mass.) said"
    lo = window_before(text, lo, hi)
    tag = _TAG_BEFORE.search(text, lo, hi)
    if tag is not None:
        np = np_before(text, lo, tag.start())
        return (np[0], tag.end("tag")) if np else None
    toks = _tokens(text, lo, hi)
    # skip auxiliaries/adverbs right before the cue
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in _BETWEEN:
        i -= 1
    if i < 0:
        return None
    when = temporal_tail(text, lo, toks[i][1])
    if when is not None:
        return np_before(text, lo, when)  # "Sen. John Thune on Tuesday said"
    if toks[i][2].lower() == "it" and (i == 0 or toks[i - 1][2] in _PUNCT_BREAK):
        return toks[i][0], toks[i][1]  # '"...," it said': "it" is a stop word inside a phrase, not here
    stop_at = -1
    j = i
    while j >= 0:
        s, e, w = toks[j]
        lw = w.lower()
        if w in _PUNCT_BREAK or (len(w) == 1 and not w.isalnum() and w not in "'’&.-"):
            stop_at = j
            break
        if lw in _STOP and not (j > 0 and toks[j - 1][2].lower() in {"the"} and is_cap(w)) and not (
                lw == "to" and j > 0 and _title_taking_to(toks[j - 1][2])):
            stop_at = j
            break
        if i - j >= 12:
            return None
        j -= 1
    first = stop_at + 1
    if first > i:
        return None
    while first <= i and (toks[first][2].lower() in _NP_INNER | {"'s", "’s"} or toks[first][2] in "-.&'’"):
        first += 1
    if first > i:
        return None
    return toks[first][0], toks[i][1]

def before_aside(text: str, lo: int, comma: int) -> tuple[int, int] | None:
    """The subject before an aside set off by commas between it and its cue: "Foreign Minister
    Dmytro Kuleba, speaking in Brussels, said" gives "Foreign Minister Dmytro Kuleba" (``comma``:
    the comma before the cue; "Zelensky, in an interview with CNN, said", "The ministry, in a
    statement, said" alike). The aside must open with a preposition or a participle
    (:data:`ASIDE`); the subject is neither a sentence adverb ("Meanwhile, in ...") nor the
    object of a preposition ("In Yerevan, in an interview ...", "shot down over Belgorod,
    during the night, said the ministry")."""
    prev = text.rfind(",", max(lo, comma - 200), comma)
    if prev == -1 or not ASIDE.match(text, prev + 1, comma):
        return None
    np = np_before(text, lo, prev)
    if np is None or _AFTER_PREPOSITION.search(text, max(lo, np[0] - 12), np[0]):
        return None
    first = text[np[0]:np[1]].split()[0].lower()
    return None if first in CUE_ADVERBS or first in _NOT_SUBJECT else np

def np_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts right after ``lo`` (before ``hi``), or ``None``: the source of an
    inverted cue ("..., said the ministry") or of "according to"."""
    toks = _tokens(text, lo, min(hi, lo + NP_WINDOW))
    out: list[tuple[int, int, str]] = []
    for k, (s, e, w) in enumerate(toks):
        lw = w.lower()
        if w == ".":  # an abbreviation's full stop stays inside a name ("retired Gen. Michael Hayden")
            if not out or not out[-1][2][:1].isupper():
                break
            out.append((s, e, w))
            continue
        if w in _PUNCT_BREAK or (len(w) == 1 and not w.isalnum() and w not in "'’&-"):
            break
        if lw in _FORWARD_STOP and out:
            # "and" between two capitalised names stays ("Baku and Yerevan")
            if lw == "and" and k + 1 < len(toks) and is_cap(toks[k + 1][2]) and is_cap(out[-1][2]):
                out.append((s, e, w))
                continue
            if lw in {"in", "at"} and k + 1 < len(toks) and is_cap(toks[k + 1][2]) and len(out) < 6:
                out.append((s, e, w))
                continue
            break
        if lw in _FORWARD_STOP - DETERMINERS and not out:
            break
        out.append((s, e, w))
        if len(out) >= 12:
            break
    while out and (out[-1][2].lower() in _NP_INNER | DETERMINERS or out[-1][2] == "."):
        out.pop()
    if not out:
        return None
    return out[0][0], out[-1][1]
