"""Rule-based hedging: cue spans with a category.

Cues and categories come from ``lexicons/hedges.tsv`` (Hyland 2005; CoNLL-2010 / Szeged cue
classes): ``modal`` (may, might, could, would), ``epistemic_verb`` (appear, seem, suggest,
"is expected to"), ``adverb`` (likely, possibly, "will likely"), ``hearsay`` (reportedly,
allegedly, "could not be independently verified"), ``approximator`` (about/around/some before a
number), ``conditional`` (if, unless) and ``weasel`` ("some say", "critics argue", "it is
believed"). Longer cues win; cues do not overlap.

Limits: no word-sense disambiguation: "would" in a plain past habitual ("he would walk") and
"appeared" in "appeared in court" are counted; capitalised "May" counts only before be/have/not.
The sentence probability is a noisy-OR of per-category weights, not a calibrated probability.

Example:
    >>> from stancekit.rules.hedging import find_hedges
    >>> s = "Klaar and Bono will likely meet Aliyev."
    >>> [(s[a:b], cat) for a, b, cat in find_hedges(s, 0, len(s))]
    [('will likely', 'adverb')]
"""

from __future__ import annotations

from stancekit._match import tokens_of
from stancekit.rules._lexicon import hedge_regex

__all__ = ["find_hedges", "hedge_probability", "CATEGORY_WEIGHTS"]

#: weight of one cue of each category in the noisy-OR sentence score
CATEGORY_WEIGHTS = {
    "modal": 0.6,
    "epistemic_verb": 0.7,
    "adverb": 0.8,
    "hearsay": 0.85,
    "approximator": 0.3,
    "conditional": 0.35,
    "weasel": 0.8,
}


def find_hedges(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return ``(start, end, category)`` for each hedge cue in ``text[start:end]``, in order."""
    regexes, cats = hedge_regex()
    found: list[tuple[int, int, str]] = []
    last = start
    for ws, _, word in tokens_of(text, start, end):
        if ws < last:
            continue
        regex = regexes.get(word.lower().replace("’", "'"))
        if regex is None:
            continue
        m = regex.match(text, ws, end)
        if m is not None:
            found.append((m.start(), m.end(), cats[m.lastgroup]))  # type: ignore[index]
            last = m.end()
    return found


def hedge_probability(categories: list[str]) -> float:
    """Noisy-OR of the category weights; 0.03 when there is no cue.

    Example:
        >>> hedge_probability([]), hedge_probability(["adverb"])
        (0.03, 0.8)
    """
    p_none = 1.0
    for c in categories:
        p_none *= 1.0 - CATEGORY_WEIGHTS[c]
    return round(max(0.03, 1.0 - p_none), 6)
