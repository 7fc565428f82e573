"""Antecedents of follow-up mentions: which earlier source or mention a follow-up may refer to.

:mod:`stancekit.coref` walks a document and asks this module three things: whether a source is a
follow-up at all and of which kind (:func:`followup_kind`: a pronoun, a description such as "the
ministry" or "the spokesman", or a bare headline head), whether a candidate antecedent is compatible
with it (:func:`compatible`: the same head or a synonym, the same title, a person for he/she, a
body for it/they, any speaker for a document noun), and, for he/she, whether the candidate is a
person (:func:`is_person`); the gender memory is :mod:`stancekit.genders`, the words a follow-up is
read by :mod:`stancekit.follow_up_words`.

Example:
    >>> a = Antecedent("Azerbaijan's Defense Ministry", 0, 0, "military", "azerbaijan", True)
    >>> from types import SimpleNamespace as NS
    >>> follow = NS(span=NS(text="the ministry"), cue=None)
    >>> compatible(follow, "description", a)
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stancekit.follow_up_words import DETERMINERS as _DETERMINERS
from stancekit.follow_up_words import (
    DOCUMENT_NOUNS,
    SPOKES,
    as_description,
    description_words,
    named_spokesperson,
    owner_words,
)
from stancekit.mention_words import (
    ALLIANCE_HEADS,
    GOVERNMENT_HEADS,
    INSTITUTION_HEADS,
    PERSON_TITLES,
    QUALIFIERS,
    SYNONYMS,
)
from stancekit.mention_words import head as _head
from stancekit.mention_words import words as _words
from stancekit.people import MEDIA_WORDS, NOT_PEOPLE, QUANTIFIERS
from stancekit.rules.nominal import is_dash_credit
from stancekit.rules.source_phrase import is_place
from stancekit.same_name import name_key
from stancekit.text import in_quote

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult, Source

__all__ = ["Antecedent", "narrative_steps", "followup_kind", "named_spokesperson", "description_words", "compatible", "is_person",
           "person_key",
           "same_person", "SPOKES", "PERSON_PRONOUNS", "SUBJECT_FORM", "ORGANISATION_HEADS", "DOCUMENT_NOUNS"]


PERSON_PRONOUNS = frozenset({"he", "she"})


#: object pronouns as sources ("according to him") refer back like their subject forms
SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}


#: heads of a body, not of a person ("an independent panel" is new, "a spokeswoman" may not be)
_BODY_HEADS = INSTITUTION_HEADS - PERSON_TITLES
#: words ending in "s" that are not plurals ("NBC News", "The New York Times")
_SINGULAR_S = frozenset({"news", "times", "press", "reuters", "us", "is", "was", "has", "its", "his", "this", "affairs", "politics"})


#: heads that refer back to any named organisation
ORGANISATION_HEADS = frozenset({"group", "organization", "organisation", "movement", "militia", "brigade", "faction"})
#: alliances named by their name, which "the alliance" / "the bloc" refer back to
_ALLIANCES = frozenset({"nato", "eu", "european union", "csto", "asean", "gcc", "north atlantic treaty organization",
                        "north atlantic alliance", "collective security treaty organization"})


#: heads of an army, which "the group" never refers back to ("Israeli occupation forces")
_ARMY_HEADS = frozenset({"army", "military", "forces", "troops", "idf"})
#: heads of the bodies an army-qualified follow-up ("a military spokesperson", "an army statement")
#: may refer back to: armies, defence ministries, general staffs, commands, armed wings and guards
_ARMED_HEADS = _ARMY_HEADS | frozenset({"defense", "defence", "staff", "command", "brigades", "brigade", "guards", "guard",
                                        "pentagon", "wing", "corps", "militia", "navy"})


#: third parties of the shipped frames that have no army of their own (UN agencies, the Red Cross)
_UNARMED_PARTIES = frozenset({"un", "icrc", "osce", "eu"})


def _armed(cand: Antecedent, cand_heads: set[str]) -> bool:
    """An antecedent an army-qualified follow-up may refer back to: an armed body (above) or a body
    named by its own name ("Hezbollah", "the Houthis"); not officials, residents, a civilian
    ministry, an outlet or an international body ("Gaza's Health Ministry", "Egyptian officials",
    "RIA Novosti", "UNRWA")."""
    words = _words(cand.text)
    last = core_words(words)[-1] if words else ""
    return bool(cand_heads & _ARMED_HEADS) or (not is_person(cand) and last[:1].isupper()
                                               and cand.type not in ("media", "international_org", "ngo", "government")
                                               and cand.side not in _UNARMED_PARTIES
                                               and _head(last) not in INSTITUTION_HEADS | PERSON_TITLES)


#: a deputy holds another role than the title it qualifies
_DEPUTY = frozenset({"deputy", "vice"})


#: titles that name the same role
_SAME_TITLE = (frozenset({"spokesman", "spokeswoman", "spokesperson", "press", "secretary"}),
               frozenset({"pm", "premier", "prime"}))


def followup_kind(src: Source, frame: Frame | None, headline_end: int = 0) -> str | None:
    """``"pronoun"``, ``"description"``, ``"bare"`` or ``None`` (a named source: not a follow-up).
    ``headline_end``: where the document's first line ends (a bare title there, "officials say",
    is a headline credit)."""
    words = owner_words(_words(src.span.text))
    titled = as_description(words)
    if titled != words and (named_spokesperson(src.span.text)
                            or not (is_dash_credit(src) or src.span.start < headline_end)):
        words = titled  # (a headline's "Defense Ministry spokesman:" stays a bare credit, read ahead)
    if not words:
        return None
    if len(words) == 1 and SUBJECT_FORM.get(words[0].lower(), words[0].lower()) in PERSON_PRONOUNS | {"they", "it"}:
        return "pronoun"
    if words[0].lower() not in _DETERMINERS and len(words) <= 3 and (
            all(_head(w) in INSTITUTION_HEADS or w.lower() in QUALIFIERS for w in words)
            or ((is_dash_credit(src) or src.span.start < headline_end)
                and all(_head(w) in PERSON_TITLES or w.lower() in QUALIFIERS for w in words))):
        return "bare"  # a headline's "Defense Ministry", "MoD", "officials say", or a dash credit "— diplomat"
    if words[0].lower() not in _DETERMINERS or len(words) > 5:
        return None
    if words[0].lower() in ("a", "an") and _head(words[-1]) in _BODY_HEADS:
        return None  # "an independent panel", "a bipartisan commission": a body not named before
    if frame is not None and (frame.party_of(src.span.text) or frame.names_independent(src.span.text)):
        return None  # a party's own phrase, or a body of none ("The Foreign Office"): named, no follow-up
    # capitalised words only where they are institution words ("the Defense Ministry")
    if any(w[:1].isupper() and _head(w) not in INSTITUTION_HEADS | PERSON_TITLES and w.lower() not in QUALIFIERS
           for w in words[1:]):
        return None
    return "description" if _head(words[-1]) in PERSON_TITLES | INSTITUTION_HEADS | DOCUMENT_NOUNS else None


@dataclass(frozen=True, slots=True)
class Antecedent:
    text: str
    start: int
    sentence: int
    type: str
    side: str | None
    cited: bool
    #: a surname of a full personal name the text gives, alone or after a title ("Schumer", "Rep. Jerry Nadler")
    surname: bool = False
    #: named inside a quotation: what a quoted speaker mentions is not what the narrative refers back to
    quoted: bool = False
    #: an organisation the text only mentions ("accused Hezbollah of ..."): an antecedent for "the
    #: group" and nothing else
    organisation_only: bool = False
    #: named or cited inside what another source says ("X said the statement of Y was false"): not
    #: what "it said" refers back to
    in_content: bool = False


def _heads_of(phrase: str, typ: str = "") -> set[str]:
    """The head words of a named antecedent; an acronym that is not a news outlet ("USCIS", "UNRWA";
    not "BBC") is also an agency, so "the agency" and "an agency spokesperson" can refer back to it."""
    words = _words(phrase)
    core = core_words(_words(re.split(r",|\s(?:who|whom|which|that)\s", phrase)[0]))
    last = core[-1] if core else ""
    if last[:1].islower() and _head(last) not in INSTITUTION_HEADS | PERSON_TITLES | ORGANISATION_HEADS | DOCUMENT_NOUNS:
        # a thing, not a body: "a Hamas military facility" is no military that "the army" refers back to
        return {_head(last)}
    heads = {_head(w) for w in words}
    if typ != "media" and any(_ACRONYM.fullmatch(w) for w in words):
        heads |= _ACRONYM_HEADS
    return heads


_ACRONYM = re.compile(r"[A-Z]{3,6}")


_ACRONYM_HEADS = frozenset({"agency"})


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[1:]) if words and words[0].lower() in _DETERMINERS else phrase


def _owner(words: list[str]) -> list[str]:
    """The owner's words of a possessive description whose owner is an institution ("the Foreign
    Ministry's press service" refers back to the ministry, not to a news agency), else ``words``."""
    if _head(words[-1]) in PERSON_TITLES:
        return words
    for i, w in enumerate(words[:-1]):
        if re.search(r"['’]s$", w) and _head(w) in INSTITUTION_HEADS:
            return words[: i + 1]
    return words


#: prepositions that end a noun phrase's head part ("Medics in the enclave", "the head of the office")
_AFTER_HEAD = frozenset({"of", "in", "at", "for", "from", "on", "with", "near", "inside", "across"})


def core_words(words: list[str]) -> list[str]:
    """A noun phrase's words up to its head: before its first prepositional complement
    ("Medics in the enclave" gives "Medics"; "Head of the Government Media Office" "Head")."""
    for i, w in enumerate(words):
        if i and w in _AFTER_HEAD:
            return words[:i]
    return words


#: plurals that name a group by its party or nation ("Senate Republicans", "Karabakh Armenians")
_GROUP_PLURALS = frozenset({"republicans", "democrats", "independents", "conservatives", "liberals", "progressives",
                            "armenians", "azerbaijanis", "azeris", "russians", "ukrainians", "israelis", "palestinians",
                            "americans", "iranians", "turks", "kurds", "syrians", "lebanese", "egyptians", "georgians",
                            "europeans", "arabs", "gazans"})


def is_person(a: Antecedent) -> bool:
    if a.surname:
        return True
    words = _words(a.text)
    head_word = core_words(words)[-1] if words else ""
    if head_word and (_head(head_word) in INSTITUTION_HEADS or head_word.isdigit()):
        # "the Israeli prime minister's office" is a body, whoever owns it; "Landmine Monitor 2023" a report
        return False
    heads = {_head(w) for w in words}
    if heads & PERSON_TITLES:
        return True
    if len(words) == 1 and words[0].lower() in PERSON_PRONOUNS:
        return True
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _DETERMINERS]
    # a personal name: two to four capitalised words and no institution head ("Ilham Aliyev")
    # a personal name: two to four capitalised words, no institution head, no quantifier opening it or
    # outlet's word in it ("Ilham Aliyev", "Theresa May"; not "Some Republicans", "National Review")
    low = {w.lower() for w in caps}
    if caps and caps[-1].lower() in _GROUP_PLURALS:
        return False  # "Senate Republicans", "Ethnic Armenians": a group, not a name
    return (2 <= len(caps) <= 4 and len(caps) == len(words) and not heads & INSTITUTION_HEADS
            and a.type not in NOT_PEOPLE and caps[0].lower() not in QUANTIFIERS and not low & MEDIA_WORDS)


def _is_body(cand: Antecedent, cand_heads: set[str]) -> bool:
    """A body a spokesperson may speak for: an institution or organisation ("the Israeli military"),
    or a named body ("Hamas"); not people ("medics") nor a person."""
    words = _words(cand.text)
    last = core_words(words)[-1] if words else ""
    return not is_person(cand) and (bool(cand_heads & (INSTITUTION_HEADS | ORGANISATION_HEADS)) or last[:1].isupper())


def _plural(cand: Antecedent, coordination: bool = True) -> bool:
    """A plural head ("the senators"; not "NBC News" nor a person named "Sanders") or, with
    ``coordination``, a coordination ("Pelosi and Schumer")."""
    # (the phrase before any appositive or relative clause: "Pelosi and Schumer", not "X, director for
    # Europe and Asia", "Antonio Costa, who heads ... the EU's 27 member states", "officials who attended
    # the meeting")
    before = re.split(r",|\s(?:who|whom|which|that)\s", cand.text)[0]
    cand_words = _words(before)
    last = core_words(cand_words)[-1] if cand_words else ""
    # ("a witness", "the boss": a word in -ss is singular)
    # (a capitalised plural title is plural: "Officials at the United Nations")
    return coordination and " and " in before or last.lower().endswith("s") and not last.lower().endswith("ss") \
        and last.lower() not in _SINGULAR_S and not (
        last[:1].isupper() and is_person(cand) and not (_head(last) in PERSON_TITLES and _head(last) != last.lower()))


def _same(heads: set[str], cand_heads: set[str], groups: tuple[frozenset[str], ...]) -> bool:
    return bool(heads & cand_heads) or any(heads & g and cand_heads & g for g in groups)


def compatible(follow: Source, kind: str, cand: Antecedent, *, fallback: bool = False) -> bool:
    text = " ".join(description_words(follow.span.text)).lower()
    text = SUBJECT_FORM.get(text, text)
    words = _words(text)
    if cand.organisation_only and (kind != "description" or _head(words[-1]) not in ORGANISATION_HEADS):
        return False
    if kind == "pronoun":
        if cand.in_content and not cand.cited:
            return False
        if text in PERSON_PRONOUNS:
            # one person: not "two law enforcement officials" (a coordination may be of titles: "Chairman
            # of the Board ... and Member of Parliament Aziz Alakbarli")
            return cand.cited and is_person(cand) and not _plural(cand, coordination=False)
        if text == "it":
            return not is_person(cand) and cand.type != "anonymous"
        # they: "the senators", not "NBC News" nor a person named "Sanders"; or a body (acronyms aside),
        # not one person of a body ("the ministry's spokesperson, Leyla Abdullayeva")
        return _plural(cand) or (not is_person(cand) and bool({_head(w) for w in _words(cand.text)} & INSTITUTION_HEADS))
    cand_heads = _heads_of(cand.text, cand.type)
    head = _head(_owner(words)[-1])
    if cand.in_content and not cand.cited and head not in ORGANISATION_HEADS:
        # a body named only inside what a source says ("The claims of the Armenian Foreign Ministry
        # ... are mere hypocrisy, the statement elaborated") is not what "the ministry" refers back to
        return False
    extra = {_head(w) for w in words[1:-1]} & INSTITUTION_HEADS
    # an army word before the head says it is no civilian body's: "a military spokesperson", "an army
    # statement" are not the Health Ministry's cited before them (a defence ministry's, a general
    # staff's, a command's, an armed wing's may be)
    army = not extra & _ARMY_HEADS or _armed(cand, cand_heads)
    if head in DOCUMENT_NOUNS:
        # a statement is a speaker's (and, above, not a body only named inside what a source says: "A
        # statement by the Russian Defense Ministry claimed that Ukraine's military ... the statement said")
        return cand.type != "anonymous" and army
    if head in ALLIANCE_HEADS:
        # "the military alliance" <- "NATO", not any group ("the Wagner group")
        return bool(cand_heads & ALLIANCE_HEADS) or _strip_determiner(cand.text).lower() in _ALLIANCES
    if head in ORGANISATION_HEADS and head in cand_heads:
        return True  # "The Brigades" <- "the al-Qassam Brigades", an armed wing as much as a group
    if head in ORGANISATION_HEADS:
        # "the group", "the organization" <- "Hamas", "the ICRC": a named body that is not a person
        # (a government, an administration, an army or a country is not "the group")
        # (a cited organisation without a party, "Amnesty International said ... The group said", is
        # the antecedent too: its party is None, and nothing further back is searched)
        return (not is_person(cand) and cand.type not in ("anonymous", "military")
                and not cand_heads & (GOVERNMENT_HEADS | _ARMY_HEADS)
                and not is_place(_strip_determiner(cand.text))
                and (cand.side is not None or bool(cand_heads & ORGANISATION_HEADS)
                     or (cand.cited and cand.type in ("ngo", "international_org", "other"))))
    if head in PERSON_TITLES:
        if cand_heads & _DEPUTY and not set(words) & _DEPUTY:
            return False  # "the PM" is not the deputy prime minister
        if fallback:
            # the nearest cited person; for a spokesperson also a body with a party (coref offers only
            # the source cited right before it: "The Israeli military said ... A spokeswoman said ...";
            # "its spokesman" is its owner's, stancekit.descriptions decides that one)
            return cand.cited and army and (
                is_person(cand) or head in SPOKES and words[0] in ("a", "an", "the")
                and cand.side is not None and _is_body(cand, cand_heads))
        # "the spokeswoman" <- "... spokeswoman Ani Badalyan"; "a ministry spokesman" <- "... Ministry"
        return army and (_same({head}, cand_heads, _SAME_TITLE) or bool(extra and _same(extra, cand_heads, SYNONYMS)))
    return _same({head}, cand_heads, SYNONYMS)


def person_key(phrase: str) -> str:
    """A person's key: the personal name a phrase ends in (:func:`stancekit.same_name.name_key`),
    first name and surname ("Rep. Andy Harris" → "Andy Harris", "Harris" → "Harris"), so two people
    of one surname keep two keys; ``""`` for a phrase that names no person.

    Example:
        >>> person_key("Rep. Andy Harris, a Maryland Republican"), person_key("Ms. Harris"), person_key("the ministry")
        ('Andy Harris', 'Harris', '')
    """
    key = name_key(phrase)
    if key is None:
        return ""
    first, last, _ = key
    return f"{first} {last}" if first else last


def same_person(a: str, b: str) -> bool:
    """Two name keys of one person: equal, or a bare surname and a full name ending in it."""
    if not a or not b:
        return a == b
    return a == b or (" " not in a or " " not in b) and a.rsplit(None, 1)[-1] == b.rsplit(None, 1)[-1]


def narrative_steps(sentences: tuple[SentenceResult, ...], quotes: list[tuple[int, int]]) -> list[int]:
    """Each sentence's distance from the start in narrative sentences: a sentence wholly inside a
    quotation continues the quote's utterance and adds no distance, so "..., he wrote" after a
    five-sentence quote is as near its speaker as after a one-sentence one.

    Example:
        >>> from types import SimpleNamespace as N
        >>> s = [N(span=N(start=a, end=b)) for a, b in [(0, 10), (11, 20), (21, 30), (31, 40)]]
        >>> narrative_steps(s, [(11, 35)])
        [0, 1, 1, 1]
    """
    out, n = [], 0
    for sent in sentences:
        whole = sent.span.end > sent.span.start and in_quote(quotes, sent.span.start) and in_quote(quotes, sent.span.end - 1)
        out.append(n)
        n += 0 if whole else 1
    return out
