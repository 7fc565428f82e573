"""Coordinated sources of different parties: "Armenia and Azerbaijan accused each other".

A source noun phrase that joins names of different parties ("Armenia and Azerbaijan", "Both the
Armenian and the Russian defence ministries", "Kyiv, Moscow and Washington") has no single party,
so :meth:`stancekit.frames.Frame.party_of` gives it ``None``. A list needs "and" (or "&"), or names
of one or two capitalised words only (a headline's "Azerbaijan, Armenia trade blame"): commas alone
otherwise set off an apposition ("Belarus, Russia's closest ally, said") or a relative clause. Each conjunct is a source in its own
right, with its own party: :func:`split_coordinated` replaces such a source by one source per
conjunct (same cue, content and kind), so the sourcing counts see both parties; a conjunct of no
party is split off too when it is a group of its own, an adjective and a plural noun ("the
government in Kyiv and international observers"); not "Ukraine's foreign minister and his deputy"
nor "Azerbaijani officials and residents" (the nationality goes with both nouns). A relative clause after the last conjunct
is left out ("Baku and Yerevan, who fought two wars, said"). Phrases that name
no party per conjunct ("both sides", "residents and officials") stay whole, and so does a source
that says nothing the rules can delimit: "the mutual accusations of Baku and Yerevan" names a
relation between two parties, not two speakers.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Armenia and Azerbaijan accused each other of violating the ceasefire.", frame="karabakh")
    >>> [(s.span.text, s.side) for s in doc.sentences[0].attribution.sources]
    [('Armenia', 'armenia'), ('Azerbaijan', 'azerbaijan')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from stancekit.results import Span
from stancekit.rules.source_phrase import source_type

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult, Source

__all__ = ["split_coordinated", "conjuncts"]

#: at most this many words per conjunct
MAX_CONJUNCT_WORDS = 8
_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_BOTH = re.compile(r"(?:both|Both)\s+")
_BOTH_AFTER = re.compile(r"\s+(?:both|all)\s*$")
#: a conjunct of no party that is a group of its own: an adjective and a plural noun (not "his allies")
_OTHER_GROUP = re.compile(r"(?!(?:his|her|its|their|our|the|an?)\s)[a-z][\w-]*\s+[a-z][\w-]*s")
_RELATIVE_TAIL = re.compile(r",\s+(?=(?:who|which|whose)\b)")
_AND = re.compile(r"\s(?:and|&)\s")
_SHORT_NAME = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?")
#: a description, not a name ("Belarus, an ally of Russia and a neighbour of Ukraine")
_DESCRIPTION = re.compile(r"(?:a|an|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s+of\b")
_CLAUSE = re.compile(r"(?i)(?:which|who|whose|that|where|when)\b")


def conjuncts(phrase: str) -> list[tuple[int, int]]:
    """Offsets of the conjuncts of a coordinated phrase (one item when it is not coordinated).

    Example:
        >>> p = "Both the Armenian and the Russian defence ministries"
        >>> [p[a:b] for a, b in conjuncts(p)]
        ['the Armenian', 'the Russian defence ministries']
    """
    start = m.end() if (m := _BOTH.match(phrase)) else 0
    end = m.start() if (m := _BOTH_AFTER.search(phrase)) else len(phrase)  # "X and Y both"
    out, at = [], start
    for j in _JOIN.finditer(phrase, start, end):
        out.append((at, j.start()))
        at = j.end()
    out.append((at, end))
    return [(a, b) for a, b in out if b > a]


def _split(src: Source, party_of: Callable[[str], str | None]) -> list[Source]:
    # a relative clause after the last conjunct describes them all: "Baku and Yerevan, who fought two wars"
    phrase = _RELATIVE_TAIL.split(src.span.text, maxsplit=1)[0]
    parts = conjuncts(phrase)
    if len(parts) < 2 or src.content is None:
        return [src]
    texts = [phrase[a:b] for a, b in parts]
    if not _AND.search(phrase) and not all(_SHORT_NAME.fullmatch(t) for t in texts):
        return [src]  # commas alone join an apposition ("Belarus, Russia's closest ally"), not a list,
        # unless every item is a short name (a headline's "Azerbaijan, Armenia trade blame")
    if any(_CLAUSE.match(t) or _DESCRIPTION.match(t) for t in texts):
        return [src]  # "Iran, which borders Armenia and Azerbaijan": a relative clause, not a conjunct
    parties = [party_of(t) for t in texts]
    # conjuncts of different parties, one of them possibly of none ("the government in Kyiv and
    # international observers"); without any party the phrase stays whole ("residents and officials")
    if len(set(parties)) < 2 or any(len(t.split()) > MAX_CONJUNCT_WORDS for t in texts) or any(
            p is None and not _OTHER_GROUP.fullmatch(t) for t, p in zip(texts, parties)):
        return [src]  # "Ukraine's foreign minister and his deputy", "Azerbaijani officials and residents",
        # "a joint statement from the military and Shin Bet": a conjunct of no party is split off
        # only when it is a group of its own ("international observers")
    base = src.span.start
    return [replace(src, span=Span(base + a, base + b, t), side=p, type=_type(t, src.type), side_basis=None)
            for (a, b), t, p in zip(parts, texts, parties)]


def _type(phrase: str, whole: str) -> str:
    own = source_type(phrase)
    return own if own not in (None, "other") else whole


def split_coordinated(sentences: tuple[SentenceResult, ...], frame: Frame | None,
                      party_of: Callable[[str], str | None] | None = None) -> tuple[SentenceResult, ...]:
    """Each source whose conjuncts name different parties (one of them possibly none), split into
    one source per conjunct (see the module). ``party_of`` gives a conjunct's party (default: the
    frame's; the analyzer adds the document's name memory and offices by date)."""
    if frame is None:
        return sentences
    out = []
    for sent in sentences:
        sources = sent.attribution.sources
        new = tuple(x for src in sources for x in _split(src, party_of or frame.party_of))
        out.append(sent if new == sources else replace(sent, attribution=replace(sent.attribution, sources=new)))
    return tuple(out)
