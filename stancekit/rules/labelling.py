""""What X called ...": a source named between "what" and a labelling or speech verb.

"in what Ukraine said was revenge", "Barr denounced what he described as planned violence", "what
it called the 'inappropriate' targeting", "in what the UN denounced as a heinous attack": the noun
phrase between "what" and the verb is the source, the verb its cue and what follows the labelled
content. The construction is attribution by its form, so the analyzer keeps it whatever the model
says (:func:`is_what_called`; the model, trained on PolNeAR, seldom tags it).

Example:
    >>> t = "Russia pounded Chernihiv, in what Ukraine said was revenge."
    >>> [(t[a:b], t[c:d]) for (a, b), (c, d), _ in what_called(t, 0, len(t))]
    [('Ukraine', 'said')]
"""

from __future__ import annotations

import re

from stancekit.rules.lexicon import cue_verbs

__all__ = ["what_called", "is_what_called", "is_relative_label", "is_agent_after_cue"]

_VERB = (r"(?:call(?:ed|s)?|term(?:ed|s)|describe[ds]|characteri[sz]e[ds]|dub(?:bed|s)|label(?:l?ed|s)|brand(?:ed|s)|"
         r"denounce[ds]|identifie[ds]|sa(?:id|ys|y)|claim(?:ed|s)|allege[ds])")
_WHAT_CALLED = re.compile(rf"(?<!\w)[Ww]hat\s+(?P<np>(?:[\w’'.-]+\s+){{0,5}}?[\w’'.-]+)\s+"
                          rf"(?:(?:has|had|have)\s+(?:since\s+|repeatedly\s+|long\s+)?)?(?P<cue>{_VERB})\b")
_VERB_ONLY = re.compile(_VERB, re.IGNORECASE)
#: words that make the phrase after "what" a clause of its own, not a source ("what was called")
_NOT_SOURCE = frozenset({"was", "were", "is", "are", "be", "been", "has", "had", "have", "would", "will", "could", "can",
                         "may", "might", "should", "must", "do", "does", "did", "not", "never", "to"})


def what_called(text: str, start: int, end: int) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]]:
    """``(source, cue, content)`` offsets of each "what X called" in ``text[start:end]`` (the
    caller checks that the source is source-like)."""
    out = []
    for m in _WHAT_CALLED.finditer(text, start, end):
        if set(m.group("np").lower().split()) & _NOT_SOURCE:
            continue
        rest = text.find(",", m.end(), end)
        content = (m.end() + 1, rest if rest != -1 else end) if m.end() < end else None
        out.append((m.span("np"), m.span("cue"), content))
    return out


def is_what_called(text: str, source_start: int, cue: str | None) -> bool:
    """Whether a source stands right after "what" with a labelling or speech verb as its cue (see
    the module).

    Example:
        >>> t = "Barr denounced what he described as planned violence."
        >>> is_what_called(t, t.index("he "), "described"), is_what_called(t, 0, "denounced")
        (True, False)
    """
    return _labelling_cue(cue) and re.search(r"(?<!\w)[Ww]hat\s+\Z", text[max(0, source_start - 8):source_start]) is not None


def _labelling_cue(cue: str | None) -> bool:
    """Whether a cue is a labelling or speech verb alone ("called", "says")."""
    return cue is not None and _VERB_ONLY.fullmatch(cue.strip()) is not None


#: words after which a pronoun opens no relative clause of the noun before it (nor after a cue verb)
_NOT_NOUN = frozenset({"that", "which", "who", "what", "and", "but", "or", "as", "because", "since", "when", "where",
                       "while", "if", "so", "than", "though", "although", "after", "before", "until", "unless", "whether",
                       "also", "now", "then", "still", "yet"})


def is_relative_label(text: str, source_start: int, cue: str | None) -> bool:
    """Whether a source pronoun opens a relative clause of the noun before it, with a speech verb
    as its cue: the clause's subject labels its own object ("Ukraine released interviews with
    soldiers it says were detained", "strikes on targets they claimed were Hamas's"), like "what
    it called" (:func:`is_what_called`).

    Example:
        >>> t = "Ukraine released interviews with soldiers it says were detained."
        >>> is_relative_label(t, t.index("it "), "says"), is_relative_label(t, t.index("it "), "released")
        (True, False)
        >>> t = "The army said it says nothing."
        >>> is_relative_label(t, t.index("it "), "says")
        False
    """
    if not _labelling_cue(cue):
        return False
    before = re.search(r"(?<![\w’'-])([a-z][\w’'-]*)\s+\Z", text[max(0, source_start - 40):source_start])
    word = before.group(1) if before is not None else ""
    return bool(word) and word not in _NOT_NOUN and word not in _NOT_SOURCE and word not in cue_verbs()


#: statement nouns whose "of" names their author ("the statement of the Armenian Foreign Ministry"); after
#: "claims", "accusations", "allegations" or "reports", "of" may name what they are about
_AUTHOR_OF = frozenset({"statement", "statements", "remarks", "comments", "announcement", "assessment", "warning",
                        "denial", "information", "data"})


def is_agent_after_cue(text: str, cue_end: int, source_start: int, cue: str = "") -> bool:
    """Whether a source follows its cue ``cue`` through "by" or "from" ("a claim quickly denied by
    Kyiv", "proposed by the UN", "accusations by Ukraine", "a statement from the ministry"), or
    through "of" after a statement noun ("the statement of the Armenian Foreign Ministry"): the
    author of a speech act named as its agent ("allegations of Azerbaijani troops crossing the
    border" are about them).

    Example:
        >>> t = "a claim quickly denied by Kyiv"
        >>> is_agent_after_cue(t, t.index(" by"), t.index("Kyiv")), is_agent_after_cue(t, 0, 2)
        (True, False)
        >>> u = "allegations of Azerbaijani troops"
        >>> is_agent_after_cue(u, 11, 15, "allegations"), is_agent_after_cue("statement of Baku", 9, 13, "statement")
        (False, True)
    """
    m = re.fullmatch(r"\s+(by|from|of)\s+(?:the\s+)?", text[cue_end:source_start]) if 0 <= cue_end <= source_start else None
    return m is not None and (m.group(1) != "of" or cue.lower() in _AUTHOR_OF)
