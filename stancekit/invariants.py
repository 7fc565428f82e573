"""Invariants every result must satisfy, and a generator of hostile news-like text to check them.

:func:`violations` lists what is wrong with a :class:`~stancekit.results.DocumentResult` (an empty
list when nothing is). The test suite runs it on Hypothesis-generated text, and
``bench/fuzz.py`` on 100,000 seeded inputs; you can run it on your own results too.

Example:
    >>> import stancekit
    >>> from stancekit.invariants import violations
    >>> violations(stancekit.load(rules_only=True)("“We stay,” ― Jane Xu\\nThe next day they left."))
    []
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import Any

from stancekit.results import SIDE_BASES

__all__ = ["violations", "FRAGMENTS", "random_document"]


def _spans(sentence: Any) -> Iterator[tuple[str, Any]]:
    for src in sentence.attribution.sources:
        yield "source", src.span
        if src.cue is not None:
            yield "source cue", src.cue
        if src.content is not None:
            yield "source content", src.content
    for cue in sentence.hedging.cues:
        yield "hedge cue", cue.span
    for term in sentence.framing.terms:
        yield "term", term.span


def violations(doc: Any) -> list[str]:
    """What breaks the invariants in ``doc`` (a :class:`~stancekit.results.DocumentResult`):

    * sentences lie in ``[0, len(text)]``, in order, without overlap, and each span's text is the
      text's slice;
    * every source, cue, content, hedge cue and term lies inside its own sentence;
    * each term is counted once (no two terms of a document overlap);
    * every probability is a number in ``[0, 1]``;
    * a source has a side basis (one of :data:`stancekit.results.SIDE_BASES`) exactly when it has a side.
    """

    out: list[str] = []
    text = doc.text
    last = 0
    terms: list[tuple[int, int]] = []
    for k, sent in enumerate(doc.sentences):
        s, e = sent.span.start, sent.span.end
        if not (last <= s < e <= len(text)):
            out.append(f"sentence {k} ({s}, {e}) out of order or outside the text (length {len(text)})")
        last = e
        for what, sp in [("sentence", sent.span), *_spans(sent)]:
            if not (s <= sp.start <= sp.end <= e):
                out.append(f"sentence {k}: {what} ({sp.start}, {sp.end}) {sp.text!r} outside the sentence ({s}, {e})")
            if text[max(0, sp.start):max(0, sp.end)] != sp.text or sp.end > len(text):
                out.append(f"sentence {k}: {what} ({sp.start}, {sp.end}) text {sp.text!r} is not the text's slice")
        for name in ("attribution", "hedging", "framing"):
            p = getattr(sent, name).probability
            if not (isinstance(p, (int, float)) and not math.isnan(p) and 0.0 <= p <= 1.0):
                out.append(f"sentence {k}: {name} probability {p!r} not in [0, 1]")
        for src in sent.attribution.sources:
            if src.side_basis not in ((None,) if src.side is None else SIDE_BASES):
                out.append(f"sentence {k}: source {src.span.text!r} has side {src.side!r} with basis {src.side_basis!r}")
        terms.extend((t.span.start, t.span.end) for t in sent.framing.terms)
    terms.sort()
    for (a1, b1), (a2, b2) in zip(terms, terms[1:]):
        if a2 < b1:
            out.append(f"terms ({a1}, {b1}) and ({a2}, {b2}) overlap: a term counted twice")
    return out


#: pieces of news-like text, chosen to hit the rules' edge cases: quotations of every kind (and
#: unbalanced ones), line and paragraph separators, dash sign-offs, datelines, initials, cue verbs,
#: hedges, frame terms of several frames, long tokens, other scripts, control characters and
#: lone surrogates.
FRAGMENTS: tuple[str, ...] = (
    "The Defense Ministry said", " said ", "according to the UN,", "Azerbaijan´s Foreign Ministry",
    "“We will never leave,”", " ― Jane Xu", "― Ua", " — John Q.", "STEPANAKERT (Combined Sources) —",
    "YEREVAN:", "“Artsakh\nauthorities”", "\"separatist\rregime\"", "«Khankendi»", "‘so-called’",
    " the so-called “regime” ", "what he called “terrorists”", "may", " will likely ", "reportedly",
    "could not be independently verified", "If the road opens,", "Sen. Elizabeth Warren (D-Mass.) said",
    " officials who asked not to be named said ", "illegal armed groups", "Stepanakert", "Hamas",
    "the IDF said", "Kyiv", "special military operation", "\n", "\r\n", "\u2028", "\u2029", "\t", " ",
    ". ", "? ", "! ", "…", ",", "“", "”", "\"", "«", "»", "(", ")", "—", "-", "'", "’",
    "x" * 300, "Ничего не известно.", "Հայաստան", "آذربایجان", "\x00", "\x1b[31m", "\ufeff", "\u200b",
    "\ud800", "\udfff", "İstanbul", "ß", "#StopTheWar", "@mfa_az", "1.5", "U.S.", "Dr.", "No. 5",
)


def random_document(rng: random.Random, max_fragments: int = 40) -> str:
    """A random document of :data:`FRAGMENTS` joined by spaces or nothing (seeded by ``rng``).

    Example:
        >>> len(random_document(random.Random(0))) > 0
        True
    """
    n = rng.randint(1, max_fragments)
    return "".join(rng.choice(FRAGMENTS) + rng.choice(("", " ", " ", "\n")) for _ in range(n))
