"""One person, one side: a source named by a personal name takes the side the document's analysis
gave the same person elsewhere.

A report gives a person's title once ("Centers for Disease Control and Prevention director Dr.
Robert Redfield said ...", "according to Ukrainian Air Force spokesman Illia Yevlash") and then the
bare name ("Redfield said", "Yevlash said"). The name memory (:mod:`stancekit.rules.names`) reads
titles from the raw text and misses some of them; this pass reads them from the sources the
analysis has already given a side: every sided source whose phrase ends in a full personal name
lends that side (and its type, when the later mention has none) to the sources that are only that
person's surname or full name, with or without an honorific ("Ms. Preckwinkle").

A surname described in apposition ("said Mr. Manley, a former spokesman for Sen. Harry Reid") lends
its side too, to the full name given elsewhere with or without a title ("Strategist Jim Manley"),
when the document's sources give that surname one first name only.

Where it stops: the lending phrase must end in a personal name of two to four words or be a
surname with a description (a bare surname with a side lends nothing); a later mention with a first
name takes a side only from the same first name ("Hunter Biden" is not "Joe Biden"); a surname that
the document gives two people of different sides lends nothing; a source that already has a side
keeps it.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Kyiv, June 14. The Air Force urges people to stay calm, according to Ukrainian Air Force "
    ...           "spokesman Illia Yevlash. Trust only verified information, Yevlash said.", frame="russia_ukraine")
    >>> [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources][-1]
    ('Yevlash', 'ukraine')
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from stancekit.people import is_honorific, is_personal_name

if TYPE_CHECKING:
    from stancekit.results import SentenceResult

__all__ = ["name_key", "carry_names"]

#: a middle initial ("David M. Hardy")
_INITIAL = re.compile(r"[A-Z]\.")
#: what may follow a name in its phrase: a place or body it is of, a party tag ("Rep. Tom Halvorsen of
#: Ohio", "Sen. Jane Doe (D)", "John Smith of Goldman Sachs")
_AFTER_NAME = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}|\s*\([^()]{1,20}\))+\s*\Z")
#: a capitalised name word ("Redfield", "al-Haya", "O'Rourke", "McDaniel")
_WORD = re.compile(r"(?:[ae]l-)?[A-Z][\w'’-]*\Z")


#: a comma part that is not an apposition naming the person: a clause or an adverbial
_NOT_APPOSITIVE = re.compile(r"\s*(?:who|whom|whose|which|that|when|where|while|as|and|but|or|in|on|at|for|from|with|by|"
                             r"after|before|since|during|according|speaking|citing|adding|saying)\b", re.IGNORECASE)


def name_key(phrase: str) -> tuple[str | None, str, bool] | None:
    """``(first name or None, surname, whole)`` of a phrase that ends in a personal name, else
    ``None``; ``whole`` when the phrase is nothing but the name (after an honorific).

    Example:
        >>> name_key("CDC director Dr. Robert Redfield"), name_key("Redfield"), name_key("the ministry")
        (('Robert', 'Redfield', False), (None, 'Redfield', True), None)
        >>> name_key("Republican Sen. Maria Delgado of Texas"), name_key("Secretary of State Hillary Clinton")
        (('Maria', 'Delgado', False), ('Hillary', 'Clinton', False))
        >>> name_key("The bill's author, Republican state Rep. Barry Fleming of Harlem,")
        ('Barry', 'Fleming', False)
    """
    parts = phrase.split(",")
    key = _named(parts[0])
    if key is None and len(parts) > 2 and not _NOT_APPOSITIVE.match(parts[1]):
        # a description with the name in its apposition: "The bill's author, Republican state Rep.
        # Barry Fleming of Harlem,"
        key = _named(parts[1])
        return None if key is None or key[0] is None else (key[0], key[1], False)
    return key


def _named(part: str) -> tuple[str | None, str, bool] | None:
    cut = max(0, len(part) - 120)  # (what follows a name is short: the search stays linear on long phrases)
    bare = part[:cut] + _AFTER_NAME.sub("", part[cut:])
    key = _key(bare.split()) if bare != part else None
    # what follows a full name is dropped ("Maria Delgado of Texas"), not what follows a title
    # ("Secretary of State Hillary Clinton")
    return key if key is not None and key[0] is not None else _key(part.split())


def _key(words: list[str]) -> tuple[str | None, str, bool] | None:
    if not words:
        return None
    k = len(words)
    while k > 0 and (_WORD.match(words[k - 1]) and not is_honorific(words[k - 1]) or _INITIAL.fullmatch(words[k - 1])) \
            and len(words) - k < 5:
        k -= 1
    name = [w for w in words[k:] if not _INITIAL.fullmatch(w)]  # "David M. Hardy" is David Hardy
    whole = all(is_honorific(w) or w.lower() == "the" for w in words[:k])
    while len(name) > 2 and not is_personal_name(name):
        name, whole = name[1:], False  # a capitalised title before the name: "House Speaker Mike Johnson"
    if len(name) >= 2 and is_personal_name(name):
        return name[0], name[-1], whole
    if len(name) == 1 and whole and not name[0].isupper():
        return None, name[0], True
    return None


def _described(phrase: str) -> bool:
    """A surname with its description in apposition ("Mr. Manley, a former spokesman for Sen. Harry
    Reid,"): the description is this person's, so the side it gives is too."""
    parts = phrase.split(",")
    return len(parts) > 1 and bool(parts[1].strip()) and not _NOT_APPOSITIVE.match(parts[1])


def carry_names(sentences: tuple[SentenceResult, ...]) -> tuple[SentenceResult, ...]:
    """The sentences with each unsided source that is only a personal name given the side of the
    sided sources that end in the same person's full name (see the module)."""
    known: dict[str, tuple[str | None, str, str | None] | None] = {}  # surname -> (first name, side, type); None: ambiguous
    firsts: dict[str, set[str]] = {}  # surname -> the first names the document's sources give it
    for sent in sentences:
        for src in sent.attribution.sources:
            key = name_key(src.span.text)
            if key is not None and key[0] is not None:
                firsts.setdefault(key[1], set()).add(key[0])
            if src.side is None or key is None or key[0] is None and not _described(src.span.text):
                continue
            first, last, _ = key
            seen = known.get(last, (first, src.side, src.type))
            known[last] = seen if seen is not None and seen[1] == src.side else None
    if not any(known.values()):
        return sentences
    out = []
    for sent in sentences:
        sources = []
        for src in sent.attribution.sources:
            key = name_key(src.span.text) if src.side is None else None
            hit = known.get(key[1]) if key is not None and (key[2] or key[0] is not None) else None
            if hit is not None and key is not None and (key[0] in (None, hit[0])
                                                        or hit[0] is None and len(firsts.get(key[1], ())) == 1):
                src = replace(src, side=hit[1], type=src.type if src.type not in ("other", None) else hit[2] or src.type)
            sources.append(src)
        out.append(sent if tuple(sources) == sent.attribution.sources
                   else replace(sent, attribution=replace(sent.attribution, sources=tuple(sources))))
    return tuple(out)
