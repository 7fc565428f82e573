"""Relative pronouns as sources: "... to Barr, who said ..." cites Barr.

The model tags the pronoun of a relative clause as the source ("who", "which", "both of which").
The pronoun names nobody; its antecedent, the noun phrase right before it (a comma between them
or not), does. :func:`resolve_relatives` replaces such a source by its antecedent, typed and given
a party like any source phrase; a coordinated antecedent ("Moscow and Kyiv, both of which accused
each other") is then split per party (:mod:`stancekit.coordination`). Where it stops: an antecedent
that is not source-like (a capitalised word, a source-type word or a pronoun) or is already a
source of the sentence leaves the pronoun as it was ("the plan, which said ..." keeps "which",
with no party).

Example:
    >>> from stancekit.results import DEFAULT_THRESHOLDS, Source, Span, sentence_result
    >>> from stancekit.rules.attribution import AttributionRules
    >>> text = "Mueller left the question to Attorney General William Barr, who said there was no crime."
    >>> who = Source(Span(60, 63, "who"), "other", None, Span(64, 68, "said"), "neutral", None, "indirect", "model")
    >>> sent = sentence_result(Span(0, len(text), text), p_attr=0.9, sources=[who], p_hedge=0, cues=[], p_frame=0,
    ...                        terms=[], lean=None, thresholds=DEFAULT_THRESHOLDS)
    >>> out = resolve_relatives((sent,), text, AttributionRules().np_before, lambda p: ("government", "right"))
    >>> [(x.span.text, x.type, x.side) for x in out[0].attribution.sources]
    [('Attorney General William Barr', 'government', 'right')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from stancekit.results import Span
from stancekit.rules.source_phrase import CUE_ADVERBS, is_source_like

if TYPE_CHECKING:
    from stancekit.results import SentenceResult, Source

__all__ = ["RELATIVE_PRONOUN", "antecedent", "antecedent_end", "relative_subject", "resolve_relatives"]

#: a source span that is only a relative pronoun (with a quantifier: "both of which")
RELATIVE_PRONOUN = re.compile(r"(?i)(?:(?:both|all|each|some|many|most|several|neither|none|one|two|three)\s+of\s+)?(?:who|whom|which)")
#: a relative pronoun as the cue's subject, after a comma ("Rudy Giuliani, who said on Twitter that",
#: "Democrats, many of whom said"): its antecedent is the source (:func:`antecedent`)
_RELATIVE_SUBJECT = re.compile(r",\s*(?P<pronoun>" + RELATIVE_PRONOUN.pattern.removeprefix("(?i)") + r")\s+(?:(?:"
                               + "|".join(sorted(CUE_ADVERBS | {"has", "had", "have", "long", "publicly", "quickly"}))
                               + r")\s+){0,3}\Z", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",?\s*\Z")
#: what may stand between a name and its relative pronoun: a party tag ("Chuck Schumer (D., N.Y.),",
#: "Rep. Matt Gaetz, R-Fla.,") or an appositive ("Rep. Raul Labrador, R-Idaho, a prominent conservative
#: in the House,"), each skipped back to the name before it
_TAG_BEFORE = re.compile(r"(?:\s*\((?:[DRI][-–.,\s][^()]{0,20}|[A-Z][a-z]{0,4}\.?(?:,?\s*[A-Z][\w.]{0,5})?)\)"
                         r"|,\s*[DRI][-–][A-Z][\w.]{0,8}|,\s*(?:an?|the)\s+[a-z][^,]{0,80}?)\s*\Z")
_NAME_END = re.compile(r"(?-i:[A-Z][\w.’'-]*)\s*\Z")
#: the last verb of a main clause in front of an object antecedent ("The decision surprised | Ukrainian
#: officials", "He met | Sen. Susan Collins", "to stop booking | Rudy Giuliani"): a past form in -ed, an
#: -ing form before a name (lower case both: not "United Nations", "ruling party"), or a common
#: irregular one
_VERB = re.compile(r"\b(?:(?-i:(?<!-)[a-z]{2,}ed)|(?-i:(?<!-)[a-z]{3,}ing(?=\s+[A-Z]))|met|told|said|saw|hit|left|gave|"
                   r"sent|took|made|won|beat|led|chose|brought|caught|fought|found|heard|held|kept|let|lost|paid|put|"
                   r"ran|sold|struck|thought|wrote|drew|meet|meets|tell|tells|joins|joined|thank|thanks|praise|praises|"
                   r"blame|blames)\s+", re.IGNORECASE)


def antecedent_end(text: str, lo: int, pronoun_start: int) -> int:
    """Where the antecedent of a relative pronoun at ``pronoun_start`` ends: before the comma, and
    before a party tag or an appositive that follows a name (see :data:`_TAG_BEFORE`)."""
    m = _COMMA_BEFORE.search(text, lo, pronoun_start)
    hi = m.start() if m else pronoun_start
    for _ in range(2):  # "Rep. Raul Labrador, R-Idaho, a prominent conservative in the House, who"
        tag = _TAG_BEFORE.search(text, lo, hi)
        if tag is None or not _NAME_END.search(text, lo, tag.start()):
            break
        hi = tag.start()
    return hi


def antecedent(text: str, lo: int, pronoun_start: int,
               np_before: Callable[[str, int, int], tuple[int, int] | None]) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``pronoun_start`` refers to (its sentence opens at
    ``lo``): the noun phrase after the main clause's verb, before the comma and any party tag or
    appositive after a name; ``None`` when that is no source-like phrase. The one decision the
    attribution rules and :func:`resolve_relatives` both use.

    Example:
        >>> from stancekit.rules.attribution import AttributionRules
        >>> t = "The motion was filed by Rep. Matt Gaetz, R-Fla., who said it was overdue."
        >>> a, b = antecedent(t, 0, t.index("who"), AttributionRules().np_before)
        >>> t[a:b]
        'Rep. Matt Gaetz'
    """
    hi = antecedent_end(text, lo, pronoun_start)
    np = np_before(text, lo, hi) if hi > lo else None
    if np is not None:  # only the noun phrase after the main clause's verb
        verbs = list(_VERB.finditer(text, np[0], np[1]))
        np = (verbs[-1].end(), np[1]) if verbs and verbs[-1].end() < np[1] else (None if verbs else np)
    if np is None or not is_source_like(text[np[0]:np[1]]):
        return None
    return np


def relative_subject(text: str, lo: int, before: str, wstart: int, quotes: list[tuple[int, int]],
                     np_before: Callable[[str, int, int], tuple[int, int] | None]
                     ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A relative pronoun as the subject of the cue that ``before`` (which starts at ``wstart``)
    leads up to ("Rudy Giuliani, who said on Twitter that"): the pronoun's span and its antecedent
    (``None`` when there is none: "Police arrested a man, who told reporters"), or ``None`` when
    there is no such pronoun or it stands inside a quotation. The attribution rules make the
    pronoun the source and :func:`resolve_relatives` puts the antecedent in its place (the pronoun,
    not the antecedent, is what the model's spans meet).

    Example:
        >>> from stancekit.rules.noun_phrase import np_before
        >>> t = "Networks kept booking Rudy Giuliani, who said that he was right."
        >>> (a, b), (c, d) = relative_subject(t, 0, t[:t.index("said")], 0, [], np_before)
        >>> t[a:b], t[c:d]
        ('who', 'Rudy Giuliani')
    """
    rel = _RELATIVE_SUBJECT.search(before)
    if rel is None or any(a <= wstart + rel.start() < b for a, b in quotes):
        return None
    pronoun = (wstart + rel.start("pronoun"), wstart + rel.end("pronoun"))
    return pronoun, antecedent(text, lo, pronoun[0], np_before)


def _antecedent(text: str, sent: SentenceResult, src: Source,
                np_before: Callable[[str, int, int], tuple[int, int] | None]) -> tuple[int, int] | None:
    np = antecedent(text, sent.span.start, src.span.start, np_before)
    if np is None or any(o is not src and o.span.start < np[1] and np[0] < o.span.end for o in sent.attribution.sources):
        return None
    return np


def resolve_relatives(sentences: tuple[SentenceResult, ...], text: str,
                      np_before: Callable[[str, int, int], tuple[int, int] | None],
                      type_and_party: Callable[[str], tuple[str, str | None]]) -> tuple[SentenceResult, ...]:
    """Each source that is a relative pronoun, replaced by its antecedent (see the module).

    Args:
        np_before: the noun phrase ending right before an offset
            (:meth:`stancekit.rules.attribution.AttributionRules.np_before`).
        type_and_party: a phrase's source type and party (the analyzer's: frame, name memory,
            offices by date).
    """
    out = []
    for sent in sentences:
        new = []
        for src in sent.attribution.sources:
            np = _antecedent(text, sent, src, np_before) if RELATIVE_PRONOUN.fullmatch(src.span.text) else None
            if np is not None:
                phrase = text[np[0]:np[1]]
                typ, side = type_and_party(phrase)
                src = replace(src, span=Span(np[0], np[1], phrase), type=typ, side=side, side_basis=None)
            new.append(src)
        new_t = tuple(new)
        out.append(sent if new_t == sent.attribution.sources else
                   replace(sent, attribution=replace(sent.attribution, sources=new_t)))
    return tuple(out)
