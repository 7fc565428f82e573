"""Rule-based framing: contested frame terms, scare quotes, "so-called", generic loaded words.

* Contested terms come from the active frame (see :mod:`stancekit.frames`); each carries its
  side and neutral equivalent.
* A short quotation (at most four words, no sentence punctuation inside) is a scare quote: the
  outlet distances itself from the word. Its side is the frame's ``scare_side`` of the word
  (scare-quoting one side's term signals the other side; a frame lists further words per side).
* "so-called X" works the same way.
* Generic loaded words (``lexicons/loaded_words.txt``) give terms with ``side=None``.
* A term inside a longer quotation is marked ``inside_quote=True``: the source's wording, not the
  outlet's own. So is a term a source is said to use ("what he called 'terrorists'", "what the
  ministry described as provocations"). Lean counts only the outlet's own wording.
* Dual naming is neutral practice: two terms of different sides for the same thing close together
  ("Stepanakert, which Azerbaijan calls Khankendi"; "Khankendi (Stepanakert)") are kind
  ``dual_name`` with no side.
* Each term carries its frame weight into the lean: below 1 weak evidence, 0 for the plain wire
  term of a frame ("Stepanakert", "Lachin corridor"), which is recorded but counts as neutral.

Limits: lexicon matching only; no sense disambiguation ("regime" in "diet regime"), and a frame
is only as good as its term list.

Example:
    >>> from stancekit.frames import load_frame
    >>> from stancekit.rules.framing import find_terms
    >>> s = "More arms for separatists under watch of “peacekeepers”"
    >>> [(s[t[0]:t[1]], t[2], t[4]) for t in find_terms(s, 0, len(s), quotes=[(41, 55)], frame=load_frame("karabakh"))]
    [('separatists', 'azerbaijan', 'contested'), ('peacekeepers', 'azerbaijan', 'scare_quote')]
"""

from __future__ import annotations

import functools
import re

from stancekit.frames import Frame, FrameTerm
from stancekit.matching import PhraseIndex
from stancekit.rules.lexicon import loaded_words
from stancekit.rules.scores import FRAMING
from stancekit.text import quote_kind

__all__ = ["find_terms", "framing_probability", "attributed_wording", "DUAL_NAME_GAP"]

_SO_CALLED = re.compile(r"(?<!\w)so[-\s]called\s+[\"“‘']?(?P<x>[\w'’-]+(?:\s+[\w'’-]+){0,2})", re.IGNORECASE)


#: "what he called", "what the ministry described as", "what it calls the", "known in Azerbaijan as":
#: the next words are the source's, not the outlet's
_WHAT_CALLED = re.compile(
    r"(?<!\w)what\s+(?:[\w'’.-]+\s+){1,4}?(?:called|calls|call|described\s+as|describes\s+as|termed|terms|dubbed|"
    r"labell?ed|referred\s+to\s+as|refers\s+to\s+as)\s*(?:(?:the|an?)\s+)?[\"“‘'«]?\s*(?:(?:the|an?)\s+)?$|"
    r"(?<!\w)known\s+(?:in\s+[\w'’.-]+(?:\s+[\w'’.-]+)?\s+)?as\s+(?:the\s+)?[\"“‘'«]?\s*$",
    re.IGNORECASE,
)
#: two terms of different sides this close (characters between them) name one thing twice
DUAL_NAME_GAP = 60

_TECHNICAL_REGIME = re.compile(
    r"(?:ceasefire|cease-fire|sanctions?|visa|tax|legal|trade|customs|security|treatment|diet|"
    r"exchange|control|inspection|regulatory|training|flow|operating|truce)\s+$",
    re.IGNORECASE,
)


@functools.cache
def _loaded_re() -> PhraseIndex:
    return PhraseIndex([w for w in loaded_words() if w != "so-called"], plural=False)


def attributed_wording(text: str, start: int, at: int) -> bool:
    """True when the words at ``at`` follow "what X called / described as" in the same clause.

    Example:
        >>> s = "He denounced what he called 'terrorists' in the region."
        >>> attributed_wording(s, 0, s.index("terrorists"))
        True
    """
    lo = max(start, at - 80)
    return bool(_WHAT_CALLED.search(text[lo:at]))


def _dual_names(contested: list[tuple[int, int, FrameTerm]]) -> set[int]:
    """Indices of contested terms that stand next to another side's name for the same thing."""
    dual: set[int] = set()
    for i, (_a1, b1, t1) in enumerate(contested):
        for j in range(i + 1, len(contested)):
            a2, b2, t2 = contested[j]
            if a2 - b1 > DUAL_NAME_GAP:
                break
            same_thing = t1.neutral == t2.neutral or (t1.counterpart or "").lower() in {f.lower() for f in t2.forms}
            if t1.side != t2.side and same_thing:
                dual |= {i, j}
    return dual


def find_terms(
    text: str,
    start: int,
    end: int,
    *,
    quotes: list[tuple[int, int]],
    frame: Frame | None,
) -> list[tuple[int, int, str | None, bool, str, str | None, float]]:
    """Return ``(start, end, side, inside_quote, kind, neutral, weight)`` tuples, in text order."""
    out: list[tuple[int, int, str | None, bool, str, str | None, float]] = []
    taken: list[tuple[int, int]] = []
    local = [(a, b) for a, b in quotes if a < end and b > start]
    # a scare quote is a term of this sentence only when it lies inside it
    scare = [(a, b) for a, b in local if start <= a and b <= end and quote_kind(text, a, b) == "scare"]
    long_quotes = [(a, b) for a, b in local if (a, b) not in scare]

    def inside(a: int, b: int) -> bool:
        return any(qa <= a and b <= qb for qa, qb in long_quotes) or attributed_wording(text, start, a)

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for qa, qb in scare:
        a, b = qa + 1, qb - 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        side = frame.scare_side(text[a:b]) if frame is not None else None
        out.append((a, b, side, attributed_wording(text, start, qa), "scare_quote", None, 1.0))
        taken.append((qa, qb))
    for m in (_SO_CALLED.finditer(text, start, end) if "called" in text[start:end].lower() else ()):
        x = m.group("x").split()
        side = None
        n_words = 1
        if frame is not None:
            for k in range(len(x), 0, -1):
                side = frame.scare_side(" ".join(x[:k]))
                if side:
                    n_words = k
                    break
        phrase_end = m.start("x") + len(" ".join(x[:n_words]))
        a, b = m.start(), min(phrase_end, end)
        if free(a, b):
            out.append((a, b, side, inside(a, b), "so_called", None, 1.0))
            taken.append((a, b))
    if frame is not None:
        contested = [(a, b, t) for a, b, t in frame.find_terms(text, start, end) if free(a, b)]
        dual = _dual_names(contested)
        for k, (a, b, term) in enumerate(contested):
            if k in dual:
                out.append((a, b, None, inside(a, b), "dual_name", term.neutral, term.weight))
            else:
                out.append((a, b, term.side, inside(a, b), "contested", term.neutral, term.weight))
            taken.append((a, b))
    for ms, me in _loaded_re().finditer(text, start, end):
        if text[ms:me].lower().startswith("regime") and _TECHNICAL_REGIME.search(text, max(start, ms - 25), ms):
            continue
        if free(ms, me):
            out.append((ms, me, None, inside(ms, me), "loaded", None, 1.0))
            taken.append((ms, me))
    out.sort()
    return out


def framing_probability(terms: list[tuple[str | None, bool, str]]) -> float:
    """Raw score from ``(side, inside_quote, kind)`` of each term: own-voice sided terms weigh most
    (weights: :data:`stancekit.rules.scores.FRAMING`).

    Example:
        >>> framing_probability([]), framing_probability([("a", False, "contested")])
        (0.05, 0.6)
    """
    score = 0.0
    for side, quoted, _kind in terms:
        w = FRAMING["sided"] if side else FRAMING["unsided"]
        score += w * (FRAMING["quoted_factor"] if quoted else 1.0)
    return round(max(FRAMING["none"], 1.0 - FRAMING["base"] ** score), 6)
