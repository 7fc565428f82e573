"""One body, one side: a body named again without its owner takes the side the document gave it.

A report names a body once with its owner ("the Investigative Committee of Nagorno-Karabakh",
"Azerbaijan's Mine Action Agency") and then by its name alone ("the Mine Action Agency said", "a
spokesman for the Investigative Committee"). The follow-up pass (:mod:`stancekit.coref`) reads
descriptions built from common words ("the ministry", "the Defense Ministry", "the State Border
Service"); this pass reads a body's own name: every sided source whose phrase is an owner
and a body's name lends its side to the later unsided sources that are that name after "the" (or
a spokesperson "for" it, or its press service "of" it), word for word, case aside.

Where it stops: the name must hold an institution word ("Committee", "Agency") and a word of its
own ("Investigative", "Mine Action"); a name of common words only ("the Defense Ministry", "the
State Border Service", "the parliament") is left to the follow-up pass, which weighs the nearest
candidate; the owner is a place or a nation, not a person ("Trump's Office of Personnel
Management") nor a group on the body ("Republicans on the House Judiciary Committee"); a name the
document gives two owners lends nothing; a source that already has a side keeps it; only later
sources take it.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Azerbaijan's Mine Action Agency said the road had been cleared. "
    ...           "The Mine Action Agency added that 20 mines had been found.", frame="karabakh")
    >>> [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources]
    [("Azerbaijan's Mine Action Agency", 'azerbaijan'), ('The Mine Action Agency', 'azerbaijan')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from stancekit.mention_words import INSTITUTION_HEADS, PERSON_TITLES, QUALIFIERS, head
from stancekit.people import is_personal_name

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult

__all__ = ["body_names", "carry_bodies"]

#: how a later source names the body alone: "the <name>", "a spokesman for the <name>", "the press
#: service of the <name>"
_LATER = re.compile(r"^(?:(?:a|an|the)\s+(?:spokes(?:man|woman|person)\s+for|press\s+service\s+of)\s+)?the\s+(?P<name>.+)$",
                    re.IGNORECASE)


def _key(name: str) -> str:
    return " ".join(name.lower().split())


#: words a description is built from, which the follow-up pass reads ("the Defense Ministry", "the
#: State Border Service"): a name of these words alone is left to it
_COMMON = INSTITUTION_HEADS | PERSON_TITLES | QUALIFIERS | {"of", "for", "the", "and", "affairs"}


def _is_body_name(name: str) -> bool:
    words = name.split()
    return (2 <= len(words) <= 6 and words[0][:1].isupper()
            and any(head(w) in INSTITUTION_HEADS and head(w) not in PERSON_TITLES for w in words)
            and any(head(w) not in _COMMON for w in words))


def _is_owner(words: list[str], frame: Frame) -> bool:
    """Whether the words before a body's name are an owner: a capitalised place or nation, not a
    person ("Trump's Office of Personnel Management" is a federal agency's) nor a group on it
    ("Republicans on the House Judiciary Committee")."""
    owner = [re.sub(r"['’]s?$", "", w) for w in words]
    return (bool(owner) and all(w[:1].isupper() for w in owner) and not is_personal_name(owner)
            and owner[-1] not in frame.person_surnames())


def body_names(phrase: str, frame: Frame | None) -> list[str]:
    """The names a phrase gives a body after or before its owner, the words that remain once the
    owner is taken away ("Azerbaijan's State Border Service": "State Border Service", "Border
    Service"), where they name a body and no party themselves.

    Example:
        >>> from stancekit.frames import load_frame
        >>> kb = load_frame("karabakh")
        >>> body_names("Azerbaijan's Mine Action Agency", kb), body_names("the Investigative Committee of Armenia", kb)
        (['Mine Action Agency'], ['Investigative Committee'])
        >>> body_names("Azerbaijan's State Border Service", kb)  # common words: the follow-up pass reads it
        []
        >>> body_names("Azerbaijan's Defense Minister", kb)  # a person, not a body
        []
    """
    if frame is None:
        return []
    words = phrase.split(",")[0].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    owned = [j for j, w in enumerate(words) if re.search(r"['’]s?$", w) and w[:1].isupper()]
    first = owned[-1] + 1 if owned else 1  # after the last possessive owner, or after a demonym ("Azerbaijani ...")
    cands = [words[i:] for i in range(first, len(words) - 1) if _is_owner(words[:i], frame)]
    cands += [words[:j] for j, w in enumerate(words) if w == "of" and 0 < j < len(words) - 1
              and _is_owner(words[j + 1:], frame)]
    return [" ".join(c) for c in cands
            if _is_body_name(" ".join(c)) and not any(re.search(r"['’]s?$", w) for w in c)
            and frame.party_of(" ".join(c)) is None]


def carry_bodies(sentences: tuple[SentenceResult, ...], frame: Frame | None) -> tuple[SentenceResult, ...]:
    """The sentences with each unsided source that names a body alone given the side of the earlier
    sources that named it with its owner (see the module); the basis is ``follow_up``."""
    if frame is None:
        return sentences
    known: dict[str, str | None] = {}  # body name -> side; None: two sides
    out = []
    for sent in sentences:
        sources = []
        for src in sent.attribution.sources:
            if src.side is None:
                m = _LATER.match(src.span.text.split(",")[0].strip())
                side = known.get(_key(m.group("name"))) if m is not None else None
                if side is not None:
                    src = replace(src, side=side, side_basis="follow_up")
            else:
                for name in body_names(src.span.text, frame):
                    k = _key(name)
                    known[k] = src.side if known.get(k, src.side) == src.side else None
            sources.append(src)
        out.append(sent if tuple(sources) == sent.attribution.sources
                   else replace(sent, attribution=replace(sent.attribution, sources=tuple(sources))))
    return tuple(out)
