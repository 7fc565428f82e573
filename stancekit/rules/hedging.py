"""Rule-based hedging: cue spans with a category.

Cues and categories come from ``lexicons/hedges.tsv`` (Hyland 2005; CoNLL-2010 / Szeged cue
classes): ``modal`` (may, might, could, would), ``epistemic_verb`` (appear, seem, suggest,
"is expected to", and the doxastic expect, think, believe, predict), ``adverb`` (likely, possibly,
"will likely"), ``uncertainty`` ("it is unclear", unknown, "the possibility"), ``hearsay`` (reportedly,
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

import re

from stancekit.matching import tokens_of
from stancekit.rules.lexicon import hedge_regex
from stancekit.rules.scores import HEDGE_CATEGORY_WEIGHTS, HEDGE_NONE

__all__ = ["find_hedges", "hedge_probability", "is_unambiguous_hedge",
           "HEDGE_DEFINITIONS", "counts_as_hedge", "check_definition", "agreeing_probability",
           "SENTENCE_HEDGE_CATEGORIES"]

#: what counts as a hedge. ``news`` (the default): speculation cues only (Szeged/FactBank types
#: modal_probable, modal_possible, hypo_doxastic); ``conll``: every Szeged cue type, conditionals
#: ("if", "unless") and investigation cues ("whether") included, as in CoNLL-2010.
HEDGE_DEFINITIONS = ("news", "conll")
#: cues only the CoNLL definition counts besides the lexicon's ``conditional`` category: condition
#: words the lexicon lacks ("until", "depending on"; the model tags them) and a bare "would"/"will",
#: which FactBank marks as the consequent of a condition (never as speculation)
_CONDITION_ONLY = re.compile(r"(?:until|depending(?:\s+on)?|would|will|wo|['’]d)\Z", re.IGNORECASE)
#: cue categories that alone make a sentence hedged (an approximator, "about 40", is shown as a
#: cue but does not lower the writer's commitment to the claim)
SENTENCE_HEDGE_CATEGORIES = frozenset(
    ("modal", "epistemic_verb", "adverb", "uncertainty", "hearsay", "conditional", "weasel"))

_LIKELIHOOD = re.compile(r"(?:will|would|could|may|might)\s+(?:most\s+)?(?:likely|probably|possibly)\Z", re.IGNORECASE)
#: adverbs of likelihood that hedge wherever they stand ("perhaps more pertinent", "probably not")
#: ("possibly" and "maybe" are not among them: "can't possibly comment" is an intensifier, "Maybe
#: Tomorrow" a title; the model decides those)
_LIKELIHOOD_ADVERB = re.compile(r"(?:perhaps|probably|presumably)\Z", re.IGNORECASE)
#: "could not be reached for comment", "could not immediately be reached": whether someone could be
#: contacted, not how sure the writer is ("a deal could be reached by Friday" stays a hedge)
_REACHED = re.compile(r"\s+(?:not\s+(?:immediately\s+)?be\s+(?:immediately\s+)?reached\b|"
                      r"(?:immediately\s+)?be\s+reached\s+(?:for\s+comment|by\s+(?:tele)?phone|by\s+e-?mail)\b)",
                      re.IGNORECASE)
#: "assume" in its sense "take on": "will assume Mr. Reupke's duties", "assume $22 million of debt";
#: not when a verb follows the object ("investors assume the debt will be repaid": a belief)
_ASSUME_TAKE_ON = re.compile(
    r"\s+(?:[\w'’.$,-]+\s+){0,3}?(?:(?:duties|debts?|control|responsibilit(?:y|ies)|role|office|command|post|"
    r"position|presidency|chairmanship|leadership|liabilit(?:y|ies)|obligations?|mantle)\b|\$)"
    r"(?![^.;]{0,40}?\b(?:is|are|was|were|will|would|could|can|may|might|has|have|had|remains?|won't)\b)",
    re.IGNORECASE)
_HEARSAY_ADVERB = re.compile(r"(?:reportedly|allegedly|purportedly|supposedly)\Z", re.IGNORECASE)
_UNVERIFIABLE = re.compile(r".*\b(?:verif(?:y|ied)|confirm(?:ed)?)\Z|un(?:confirmed|verified)\Z", re.IGNORECASE | re.S)
#: "may"/"might" (and "could" before be/have) followed by a verb: "it may rain", "could be delayed"
_MODAL_VERB = re.compile(r"\s+(?:well\s+|also\s+|still\s+|soon\s+|yet\s+)?(?:not\s+)?(?P<verb>[a-z]+)")
#: "is unclear", "remains unknown", "was not clear": uncertainty stated of the claim itself
_PREDICATE_UNCERTAINTY = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|seems?|still|be|been|became|becomes?)\s+(?:still\s+|also\s+|far\s+)?\Z",
    re.IGNORECASE)
_UNCERTAINTY_WORD = re.compile(r"unclear|uncertain|unknown|not\s+clear", re.IGNORECASE)
#: "faster than (analysts had) expected", "as expected", "which had been expected": a comparison with
#: what was expected, not a forecast ("is expected to win" stays a hedge)
_COMPARED_WITH_EXPECTED = re.compile(r"(?:\b(?:than|as)\s+(?:[\w'’]+\s+){0,3}|\bbeen\s+)\Z", re.IGNORECASE)
_NOT_VERBS = frozenset({"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "as", "by", "from",
                        "that", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "i", "we",
                        "you", "he", "she", "they", "it"})



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
    """Noisy-OR of the category weights (:data:`stancekit.rules.scores.HEDGE_CATEGORY_WEIGHTS`);
    ``HEDGE_NONE`` (0.03) when there is no cue. A raw score: see :mod:`stancekit.rules.scores`.

    Example:
        >>> hedge_probability([]), hedge_probability(["adverb"])
        (0.03, 0.8)
    """
    p_none = 1.0
    for c in categories:
        p_none *= 1.0 - HEDGE_CATEGORY_WEIGHTS[c]
    return round(max(HEDGE_NONE, 1.0 - p_none), 6)


def is_unambiguous_hedge(text: str, start: int, end: int) -> bool:
    """True for hedge cues the analyzer always keeps, whatever the model says (the one policy):

    * a modal with a likelihood adverb ("would likely", "will probably", "may possibly");
    * a hearsay adverb ("reportedly", "allegedly", "purportedly", "supposedly");
    * an unverifiability phrase ("could not be independently verified", "unconfirmed");
    * an adverb of likelihood on its own ("perhaps", "probably", "presumably"), in lower case or
      opening its sentence (not in a capitalised title);
    * "may" or "might" before a verb ("it may rain", "might not resume"), and "could" before
      "be" or "have" ("could be delayed"); "could" alone is too often past ability;
    * uncertainty said of the claim: "is unclear", "remains unknown", "was not clear".

    Example:
        >>> s = "Officials said it may rain, and the talks will likely fail."
        >>> [s[a:b] for a, b, _ in find_hedges(s, 0, len(s)) if is_unambiguous_hedge(s, a, b)]
        ['may', 'will likely']
    """
    cue = text[start:end]
    if _LIKELIHOOD.match(cue) or _HEARSAY_ADVERB.match(cue) or _UNVERIFIABLE.match(cue):
        return True
    if _LIKELIHOOD_ADVERB.match(cue) and (cue.islower() or not text[max(0, start - 3):start].strip(" \"“‘'(")):
        return True
    if _UNCERTAINTY_WORD.fullmatch(cue) and _PREDICATE_UNCERTAINTY.search(text, max(0, start - 30), start):
        return True
    word = cue.lower()
    if word not in ("may", "might", "could") or (word == "may" and cue == "May"):
        return False
    m = _MODAL_VERB.match(text, end)
    if m is None or m.group("verb") in _NOT_VERBS:
        return False
    return word != "could" or m.group("verb") in ("be", "have")


def agreeing_probability(p: float, categories: list[str], threshold: float) -> float:
    """The sentence probability of hedging, made to agree with its kept cues (the one policy):
    a sentence with a kept cue of :data:`SENTENCE_HEDGE_CATEGORIES` is at least ``threshold``
    (so it reads as hedged); otherwise the probability is unchanged.

    Example:
        >>> agreeing_probability(0.27, ["modal"], 0.5), agreeing_probability(0.27, ["approximator"], 0.5)
        (0.5, 0.27)
    """
    if any(c in SENTENCE_HEDGE_CATEGORIES for c in categories):
        # results read "hedged" at 0.5; a model threshold above it raises the floor too
        return max(p, threshold, 0.5)
    return p


def check_definition(definition: str) -> str:
    """Validate a hedge definition name (one of :data:`HEDGE_DEFINITIONS`)."""
    from stancekit.errors import InvalidInputError

    if definition not in HEDGE_DEFINITIONS:
        raise InvalidInputError(f"hedge_definition must be one of {HEDGE_DEFINITIONS}, got {definition!r}")
    return definition


def counts_as_hedge(text: str, start: int, end: int, category: str, definition: str = "news") -> bool:
    """Whether a cue counts as a hedge under ``definition`` (the one place that decides it).

    Under ``news``, conditionals ("if", "unless", "whether"), a bare "would"/"will", a
    comparison with expectations ("faster than expected", "as expected"), whether someone "could
    not be reached" or "could be reached for comment", and "assume" meaning "take on" ("assume the
    duties", "assume $22 million of debt") do not count: in news they rarely lower the writer's commitment (FactBank marks them
    rarely or never). A negated
    belief verb ("I don't think") does count: FactBank marks it (5 of 6 in its train part). Under
    ``conll`` every cue counts.

    Example:
        >>> s = "If it rains, the match would be moved, and it may be cancelled."
        >>> [(s[a:b], counts_as_hedge(s, a, b, c)) for a, b, c in find_hedges(s, 0, len(s))]
        [('If', False), ('would', False), ('may', True)]
        >>> counts_as_hedge(s, 0, 2, "conditional", "conll")
        True
        >>> s = "It grew faster than expected."
        >>> counts_as_hedge(s, 20, 28, "epistemic_verb")
        False
    """
    if definition == "conll":
        return True
    cue = text[start:end].strip()
    if category == "conditional" or _CONDITION_ONLY.match(cue):
        return False
    if cue.lower() == "expected" and _COMPARED_WITH_EXPECTED.search(text, max(0, start - 40), start) \
            and not re.match(r"\s+(?:to|that)\b", text[end:end + 6]):
        return False
    if cue.lower() in ("could", "may", "might") and _REACHED.match(text, end):
        return False
    if cue.lower().startswith("assume") and _ASSUME_TAKE_ON.match(text, end) and not re.match(r"\s+that\b", text[end:end + 6]):
        return False
    return True
