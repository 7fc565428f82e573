"""Descriptions whose owner or author decides their party: "its/their X", "the country's X", "his/her
X" and "the statement" (one place for the possessive owner; :mod:`stancekit.coref` calls
:func:`owned_description` before its search for an antecedent).

* **"its/their X", "the country's/nation's X"**: the country or body that opens this sentence or
  the one before it (:func:`stancekit.people.possessor_party`); for "the country's", no party when
  another party's country is named between that subject and the description ("Russia launched
  missiles at Ukraine. The country's military said": whose military is not clear).
* **"his/her X"**: the party of the person the pronoun refers to, resolved as "he"/"she" would be;
  a person of no party gives the description none ("Viktor Orban said ..., while his foreign
  ministry said" is not the last ministry's).
* **"the statement" (report, letter ...)**: its author, read in the nearest earlier sentence of the
  window that introduces one: the body after "by"/"from" ("a report by Human Rights Watch"), a
  source cited at it ("in a statement, X said"), else the source cited before it in that sentence
  ("X issued a statement in which ..."), else a body named there. An introduction inside what
  another source says gives no party ("officials said the ministry had issued a statement").

Each returns the description and whether it is decided: a decided description keeps its party, or
its lack of one, and is not resolved further.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Israel's military said it had reviewed a report by Human Rights Watch. The report said "
    ...           "strikes had hit an aid convoy.", frame="israel_gaza")
    >>> [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources][-1]
    ('The report', None)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from stancekit.antecedents import DOCUMENT_NOUNS, Antecedent
from stancekit.mention_words import head as _head
from stancekit.mention_words import words as _words
from stancekit.people import possessor_party
from stancekit.results import Span
from stancekit.rules.source_phrase import is_place
from stancekit.text import in_quote

if TYPE_CHECKING:
    from stancekit.results import Source

__all__ = ["owned_description", "owner_party", "PERSON_OWNERS", "DOCUMENT_WINDOW"]

#: a bridging owner: "the country's Foreign Ministry", "the nation's army"
_BRIDGE = re.compile(r"(?i)the\s+(?:country|nation)['’´]s\s")
#: a person as a description's owner ("his foreign ministry", "her campaign"), and the pronoun it stands for
PERSON_OWNERS = {"his": "he", "her": "she"}
#: how many sentences back "the statement" looks for the one that introduces it (coref's window
#: for descriptions)
DOCUMENT_WINDOW = 6


def owned_description(src: Source, k: int, seen: list[Antecedent], doc: Any,
                      resolve_pronoun: Callable[[Source], Source]) -> tuple[Source, bool]:
    """A description ``src`` (in sentence ``k``) with the party its owner or author gives it (see
    the module), and whether that decides it. ``doc`` has the document's ``text``, ``frame``,
    ``sentences``, ``quotes`` and ``owned`` (each source's start with its content span);
    ``resolve_pronoun`` resolves a he/she source as coref does."""
    first = _words(src.span.text)[0].lower()
    if _BRIDGE.match(src.span.text):
        return owner_party(src, k, doc, bridge=True), True
    if first in PERSON_OWNERS:
        pronoun = replace(src, span=Span(src.span.start, src.span.start + len(first), PERSON_OWNERS[first]))
        owner = resolve_pronoun(pronoun)
        found = owner.side_basis is not None  # a person was found, with or without a party
        return replace(src, side=owner.side, side_basis="owner" if owner.side is not None else None), found
    if _head(_words(src.span.text)[-1].lower()) in DOCUMENT_NOUNS and first in {"the", "that", "this"}:
        return _document_author(src, k, seen, doc)
    return src, False


def owner_party(src: Source, k: int, doc: Any, *, bridge: bool = False) -> Source:
    """A possessive description ("its/their ministry", "the country's Foreign Ministry") with the
    party of the country or body that opens this sentence or the one before it, or no party; a
    ``bridge`` ("the country's") also none when another party's country is named after that subject."""
    starts = [doc.sentences[j].span.start for j in range(max(0, k - 1), k + 1)]
    party = possessor_party(doc.text, starts, src.span.start, doc.frame, doc.quotes)
    if party is not None and bridge and doc.frame is not None:
        lo = min(starts)
        places = [(a, p) for a, b, p in doc.frame.party_mentions(doc.text[lo:src.span.start])
                  if is_place(doc.text[lo + a:lo + b])]
        first = next((a for a, p in places if p == party), None)
        if first is not None and any(p != party and a > first for a, p in places):
            party = None  # "Russia launched missiles at Ukraine. The country's military": which country?
    return replace(src, side=party, side_basis="owner" if party else None)


def _document_author(src: Source, k: int, seen: list[Antecedent], doc: Any) -> tuple[Source, bool]:
    head = _head(_words(src.span.text)[-1].lower())
    intro = re.compile(rf"(?i)\b(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?{re.escape(head)}s?\b")
    for j in range(k, max(-1, k - DOCUMENT_WINDOW - 1), -1):
        sent = doc.sentences[j].span
        hits = [m for m in intro.finditer(doc.text, sent.start, min(sent.end, src.span.start))
                if not in_quote(doc.quotes, m.start())]
        if hits:
            author = _author(hits[-1], j, seen, doc)
            if author is None:
                return src, False  # no author in sight: the nearest named source, as for any description
            party, typ = author
            return replace(src, type=typ or src.type, side=party, side_basis="follow_up" if party else None), True
    return src, False


def _author(intro: re.Match[str], j: int, seen: list[Antecedent], doc: Any) -> tuple[str | None, str | None] | None:
    """The party and type of whoever the introduction ``intro`` (in sentence ``j``) names as its
    author (see the module), ``(None, None)`` for an author of no party or a reported introduction,
    or ``None`` when the sentence names no author."""
    text = doc.text
    by = re.match(r"\s+(?:issued\s+)?(?:by|from)\s+", text[intro.end():intro.end() + 30])
    if by is not None:  # "a report by Human Rights Watch": the named author, of a party or of none
        at = intro.end() + by.end()
        named = next((c for c in seen if c.start == at), None)
        if named is not None:
            return named.side, named.type
        return (doc.frame.party_of(text[at:at + 60].split(",")[0]) if doc.frame is not None else None), None
    here = [c for c in seen if c.sentence == j and not c.quoted]
    # "in a statement, X said" (a rule span may open with the introduction itself)
    after = [c for c in here if c.cited and intro.start() <= c.start <= intro.end() + 3]
    if after:
        return after[0].side, after[0].type
    if any(o < intro.start() and a < intro.start() < b for o, a, b in doc.owned):  # (not "released | a statement")
        return None, None  # "Ukrainian officials said the ministry had issued a statement": reported
    # else the source cited before it in its sentence, else the body named there
    before = [c for c in here if c.start < intro.start() and c.cited] or [c for c in here if c.start < intro.start()]
    return (before[-1].side, before[-1].type) if before else None
