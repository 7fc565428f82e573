"""Attribution without a reporting verb: headline credits and nominal cues.

* **Headline credits**: a headline line (no final punctuation, at most 20 words) that opens
  with a source and a colon ("Defense Ministry: Azerbaijan Army positions were subjected to
  fire", "MoD: ...") or closes with one after a dash or colon ("Azerbaijan's forces suffer losses
  – Defense Ministry"; after a dash also a title in lower case, "... — diplomat"). The source must be typed by the lexicons or name a frame party; a bare
  place after a comma ("Shelling in Tovuz, Azerbaijan") is not a source. Kind ``according_to``;
  the cue is the colon or dash.
* **Nominal cues**: a statement noun followed by its author ("the statement of the Armenian
  Foreign Ministry", "information spread by the Armenian media", "claims by Baku", "data provided
  by the ministry"), or after its author's possessive when what was said follows ("Trump's claim
  that ...", "the ministry's call for ..."). Kind ``indirect``; the cue is the noun; claims, allegations and accusations
  distance, the other nouns are neutral.

Limits: headlines are told from body text only by their missing final punctuation and length; a
nominal cue needs its author right after "of", "by" or "from".

Example:
    >>> from stancekit.rules.nominal import headline_credits
    >>> t = "Azerbaijan's forces suffer losses – Defense Ministry\\nBAKU, Sept 13."
    >>> [(t[a:b], t[c:d]) for a, b, c, d in headline_credits(t, 0, t.index("\\n"))]
    [('Defense Ministry', '–')]
"""

from __future__ import annotations

import re

from stancekit.rules.source_phrase import WEEKDAY

__all__ = ["headline_credits", "is_dash_credit", "possessor_np", "HEADLINE_CUES", "NOMINAL_CUE", "POSSESSIVE_CUE", "NOMINAL_STANCE"]

#: the cues of headline credits: the punctuation that joins headline and source
HEADLINE_CUES = frozenset({":", "–", "—", "-", ","})
#: the dashes of a credit after a headline or a quotation ("... — diplomat")
_DASHES = frozenset({"–", "—"})


def is_dash_credit(source: object) -> bool:
    """Whether a source is credited by a dash after what it said ("Kiev wants victory — diplomat").

    Example:
        >>> from types import SimpleNamespace as NS
        >>> is_dash_credit(NS(cue=NS(text="—"))), is_dash_credit(NS(cue=NS(text="said"))), is_dash_credit(NS(cue=None))
        (True, False, False)
    """
    cue = getattr(source, "cue", None)
    return cue is not None and cue.text in _DASHES


_HEAD_OPEN = re.compile(r"[\s\"“‘']*(?P<np>[A-Z][\w’'´.&-]*(?:\s+[\w’'´.&-]+){0,4}?)\s*(?P<cue>:)\s+\S")
_HEAD_CLOSE = re.compile(r"(?:\s(?P<dash>[–—-])\s+|(?P<colon>:)\s+|(?P<comma>,)\s+)"
                         r"(?P<np>[A-Za-z][\w’'´.&-]*(?:\s+[\w’'´.&-]+){0,4})\s*\Z")
#: a statement noun and its author: "statement of", "claims by", "information spread by" (not "the mutual
#: accusations of Baku and Yerevan": a relation, not two sources)
NOMINAL_CUE = re.compile(
    r"(?<![\w-])(?<!mutual\s)(?<!reciprocal\s)(?:(?P<cue>statements?|claims?|allegations?|accusations?|remarks|"
    r"comments|announcement|information|data|assessment|warning|denial)\s+(?:(?:issued|released|made|spread|"
    r"disseminated|published|circulated|provided|voiced|posted)\s+)?(?:by|of|from)"
    # a report names its author only with "by"/"from" ("reports of Ukrainian troops retreating" are about them)
    r"|(?P<report>reports?)\s+(?:(?:issued|released|published|compiled)\s+)?(?:by|from))\s+(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
#: a statement noun after its author's possessive, followed by what was said: "Trump's claim that",
#: "the ministry's call for", "Aliyev's repeated vow to" (the author is the noun phrase before "'s")
POSSESSIVE_CUE = re.compile(
    r"(?P<pos>['’]s)\s+(?:(?:recent|latest|earlier|repeated|public|new|initial|renewed)\s+)?"
    r"(?P<cue>claims?|allegations?|accusations?|statements?|remarks|comments|warnings?|denials?|vows?|pledges?|"
    r"promises?|assertions?|insistence|suggestions?|calls?|arguments?|contention|demands?|announcements?)"
    # a time between the noun and what was said: "Pashinyan's statement from several months back that"
    rf"(?:\s+(?:from|on|in|earlier|last|this)\s+(?:[\w-]+\s+){{0,3}}?(?:ago|back|day|week|month|year|morning|night|"
    rf"{WEEKDAY}))?\s+(?:that|to|for)\b")
_POSSESSOR = re.compile(r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}[A-Z][\w’'.&-]*\Z")


def possessor_np(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The capitalised noun phrase that owns a possessive ending at ``pos`` ("the Armenian Foreign
    Ministry" of "the Armenian Foreign Ministry's claim"), or ``None``.

    Example:
        >>> t = "Baku rejected the Armenian Foreign Ministry's claim that"
        >>> a, b = possessor_np(t, 0, t.index("'s")); t[a:b]
        'the Armenian Foreign Ministry'
    """
    m = _POSSESSOR.search(text, max(lo, pos - 100), pos)
    return (m.start(), m.end()) if m else None


NOMINAL_STANCE = {"claim": "distancing", "claims": "distancing", "allegation": "distancing",
                  "allegations": "distancing", "accusation": "distancing", "accusations": "distancing"}


_SIGNED = re.compile(r"(?:[”\"]\s*|^\s*)[―—–]\s*[^―—–”\"]{1,80}\Z")


def _is_headline(text: str, start: int, end: int) -> bool:
    line = text[start:end].rstrip()
    after = text[end:end + 2]
    return (bool(line) and line[-1] not in ".!?\"”’'…" and (after[:1] in ("\n", "") or after.startswith("\r"))
            and len(line.split()) <= 20)


def headline_credits(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """``(np_start, np_end, cue_start, cue_end)`` of headline credits in ``text[start:end]``;
    the caller types the noun phrase and keeps only sources (see the module docstring)."""
    if not _is_headline(text, start, end):
        return []
    out = []
    m = _HEAD_OPEN.match(text, start, end)
    if m is not None:
        out.append((m.start("np"), m.end("np"), m.start("cue"), m.end("cue")))
    line_end = start + len(text[start:end].rstrip())
    m = _HEAD_CLOSE.search(text, start, line_end)
    # a title in lower case only after a dash ("... — diplomat"); a colon or comma needs a name
    # (not the outlet after a sign-off's name: '"..." — Deroy Murdock, Fox News')
    if m is not None and m.start() > start and (m.group("dash") or m.group("np")[:1].isupper()) and not (
            m.group("comma") and _SIGNED.search(text[start:m.start()])):
        cue = "dash" if m.group("dash") else "colon" if m.group("colon") else "comma"
        out.append((m.start("np"), m.end("np"), m.start(cue), m.end(cue)))
    return out
