"""A document's home: the state an unqualified "the Defense Ministry" or "officials said" belongs to.

News names the institutions of the place it reports from without a nationality: a Baku-datelined
report's "the Defence Ministry said", "Azernews reports per Defense Ministry", a Kyiv-datelined
wire story's "officials said". :func:`document_home` reads that home from what the text itself
shows, and from nothing else:

* a **dateline** at the start of a line in the opening ("BAKU, Azerbaijan, Nov. 9", "KYIV
  (Reuters) -", "MOSCOW, August 8. /TASS/.") whose place the frame names as a party's actor: in
  the shipped frames only the seats of government (Baku, Yerevan, Stepanakert, Kyiv, Moscow,
  Ramallah); a story datelined in a contested or front-line place (Gaza, Donetsk, Khankendi) gets
  no home, since its unqualified "the military" may be either side's;
* a **news agency crediting itself** ("/TASS/", "Trend reports citing ...", "Azernews reports per
  ...") when the frame gives the agency a party.

When these point to different parties, or to none, the document has no home; nor has it when they
point to a third party (a Gaza story datelined "CAIRO (Reuters)" reports from outside, and its
"a spokesperson" is not Egypt's): the home is one of the frame's sides. Without a dateline or a
self-credit, :func:`majority_home` takes the side that holds at least :data:`MAJORITY_HOME` of the
sides the document's sources name in their own phrases (at least two), in a frame of states only (a
frame with a ``[government]`` table gives a state body the party in office instead): a story whose
named sources are all Ukrainian means Ukraine's air force by "the air force".
:func:`is_state_generic` says which sources take the home (:func:`stancekit.coref.resolve_followups`
applies it): a source that names a state body or office and nothing else ("the Defense Ministry",
"MoD", "officials", "regional authorities", "a government spokesperson", "the head of the Defence
Ministry"), outside quotations, with no party of its own and no earlier source it refers back to.

A frame may name the party whose army its coverage means by an unqualified "the army"
(``armed_forces``: Israel in israel_gaza, the armed services in us_politics): "the army said" or
"a military spokesperson" is that party's (:func:`is_military_generic`), before any home, since a
Ramallah-datelined story's "the army" is still Israel's; but not where the text has named another
nation's army (:func:`names_other_army`: "Lebanon's army said"), nor an army the phrase owns ("its
military"). Where it stops: a story about another nation that never names its army ("BEIRUT —
Lebanese officials said ... The army said") still gets the frame's party.

Where it stops: the outlet's name and metadata are never used (a comparison of outlets must not get
an outlet's own label back as its sources' sides); bridging ("the country's air force") and a
story's setting without a dateline are not read.

Example:
    >>> from stancekit.frames import load_frame
    >>> document_home("BAKU, Azerbaijan, Nov. 9\\n\\nThe Defence Ministry said ...", load_frame("karabakh"))
    'azerbaijan'
    >>> document_home("The Defence Ministry said ...", load_frame("karabakh")) is None
    True
    >>> is_state_generic("the head of the Defence Ministry"), is_state_generic("local residents")
    (True, False)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stancekit.mention_scope import is_nationality
from stancekit.rules.source_phrase import is_place, source_type

if TYPE_CHECKING:
    from stancekit.frames import Frame

__all__ = ["document_home", "majority_home", "is_state_generic", "is_military_generic", "names_other_army", "OPENING",
           "MAJORITY_HOME"]

#: how far into a document a dateline or a self-credit may stand (characters)
OPENING = 800
#: the share of the sides named in a document's own source phrases that one side must hold to be its
#: home without a dateline; chosen on the read gold rounds: 13 of 14 generic state bodies right at 0.7
#: (13 of 16 at 0.6, 12 of 13 at 0.8); 12 of 13 once the other side's sources also rule it out
MAJORITY_HOME = 0.7

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: what follows a dateline's place: an agency in brackets, a country and a date, a date, an agency
#: between slashes, a country and an agency or a dash ("KYIV (Reuters) -", "BAKU, Azerbaijan, Nov. 9",
#: "MOSCOW, August 8. /TASS/.", "KYIV, Ukraine (AP) —")
_DATELINE_TAIL = (rf"(?:\s*\([^)\n]{{1,40}}\)|,\s*(?:[A-Z][\w.' -]{{1,30}},\s*)?(?:{_MONTH}\s+\d|\d)|\s*/[A-Z]"
                  r"|,\s*[A-Z][\w.' -]{1,30}?\s*(?:\([^)\n]{1,40}\)|[—–]|-\s))")
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?P<place>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){{0,2}})(?={_DATELINE_TAIL})"
    rf"|^[ \t]*(?P<place2>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?),[ \t]+{_MONTH}[ \t]+\d")
_AGENCY_SLASH = re.compile(r"/(?P<name>[A-Z][A-Za-z.-]{1,20})/")
#: a news agency crediting itself: "Trend reports citing", "Azernews reports per" (not "Hamas said,
#: citing medics": a reporting verb of the present or past tense "reports", never "says")
_SELF_CREDIT = re.compile(r"\b(?P<name>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?)[ \t]+(?:reports|reported|informs)[ \t]*,?"
                          r"[ \t]+(?:citing|per|referring[ \t]+to|quoting)\b")

#: heads of a state body or office
#: (not a person's office such as "the president" or "the prime minister": those often refer back to a
#: foreign leader the text named without citing, "Hungarian Prime Minister Viktor Orban ... the prime
#: minister said")
_STATE_HEADS = frozenset("""ministry mod mfa department army military forces force troops command headquarters staff
government authorities authority administration cabinet presidency leadership service agency bureau office police
committee commission council official officials spokesman spokeswoman spokesperson prosecutors guards guard
navy""".split())
#: words that may stand beside such a head without naming anyone
_STATE_WORDS = _STATE_HEADS | frozenset("""the a an of its local regional city country region oblast provincial
municipal district air naval border defense defence foreign interior health justice state emergency emergencies press
armed general federal national main security information presidential prime deputy senior top head chief some
several two three government's ministry's minister president prime""".split())


def is_state_generic(phrase: str) -> bool:
    """Whether ``phrase`` names a state body or office and nothing else (no name, no nationality)."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", phrase.replace("’", "'"))]
    if not words or len(words) > 7 or not any(w in _STATE_HEADS for w in words):
        return False
    return all(w in _STATE_WORDS or w.removesuffix("'s") in _STATE_WORDS for w in words)


#: words that make a state generic a military one ("the army", "a military spokesperson", "the air force")
_MILITARY = frozenset({"army", "army's", "military", "military's", "navy", "navy's", "air", "armed"})
#: what an army speaks through besides its officials ("military sources", "an army statement")
_SAYERS = frozenset({"sources", "source", "statement", "official", "officials"})
#: words that make an army someone's in particular, or anyone's
_NOT_OWN = frozenset({"its", "their", "his", "her", "our", "foreign", "regional", "local", "western", "international",
                      "allied", "enemy", "rebel", "opposition"})
#: an army named with a nationality or a country ("Lebanon's army", "the Egyptian military")
_NAMED_ARMY = re.compile(r"\b([A-Z][a-z]+)(?:['’]s?)?\s+(?:army|military|armed\s+forces|air\s+force|navy|troops)\b")


def names_other_army(text: str, frame: Frame, party: str) -> bool:
    """Whether ``text`` names the army of a nation other than ``party`` ("Lebanon's army said"), so
    that an unqualified "the army" after it may be that one.

    Example:
        >>> from stancekit.frames import load_frame
        >>> fr = load_frame("israel_gaza")
        >>> names_other_army("Lebanon's army said ...", fr, "israel"), names_other_army("The Israeli army said ...", fr, "israel")
        (True, False)
    """
    return any(is_nationality(m.group(1)) and frame.party_of(m.group(0)) != party for m in _NAMED_ARMY.finditer(text))


def is_military_generic(phrase: str) -> bool:
    """Whether ``phrase`` names an army and nothing else: a state generic (:func:`is_state_generic`)
    with a military word ("the army", "a senior military official", "the military's spokesman", "the
    air force"), "military sources", "an army statement" or "defense officials"; not one the phrase
    gives an owner or calls foreign ("its military", "foreign military officials"). A frame's
    ``armed_forces`` party takes it (:func:`stancekit.coref.resolve_followups`), whatever the
    document's home.

    Example:
        >>> is_military_generic("A military spokesperson"), is_military_generic("Military sources")
        (True, True)
        >>> is_military_generic("the Israeli military"), is_military_generic("security forces")
        (False, False)
    """
    words = [w.lower() for w in re.findall(r"[\w’'-]+", phrase.replace("’", "'"))]
    if set(words) & _NOT_OWN:
        return False  # "its military", "foreign military officials": another's army
    if words and words[-1] in _SAYERS and len(words) <= 4:
        words = words[:-1] + ["officials"]  # "military sources", "an army statement"
    defence = words[-1:] == ["officials"] and bool({"defense", "defence"} & set(words))  # "a senior defense official"
    return (defence or bool(set(words) & _MILITARY)) and is_state_generic(" ".join(words))


def document_home(text: str, frame: Frame | None) -> str | None:
    """The one party that the opening's datelines and self-crediting agencies point to, or ``None``."""
    if frame is None:
        return None
    opening = text[:OPENING]
    parties = set()
    for m in _DATELINE.finditer(opening):
        place = (m.group("place") or m.group("place2")).title()
        if is_place(place):
            parties.add(frame.party_of(place))
    for rx in (_AGENCY_SLASH, _SELF_CREDIT):
        for m in rx.finditer(opening):
            name = m.group("name")
            if rx is _AGENCY_SLASH and (is_place(name) or not (name.isupper() or source_type(name) == "media")):
                continue  # "Tags: Europe/Russia/Politics" is not an agency
            if not is_place(name) and source_type(name) not in ("government", "military", "political"):
                parties.add(frame.party_of(name))
    parties.discard(None)
    # a wire story datelined in a third country ("CAIRO (Reuters)" on Gaza) reports from outside
    return parties.pop() if len(parties) == 1 and next(iter(parties)) in frame.sides else None


def majority_home(sides: list[str | None], frame: Frame | None) -> str | None:
    """The frame side that holds at least :data:`MAJORITY_HOME` of ``sides`` (the parties of the
    distinct sources a document names in their own phrases; ``None`` entries are ignored), appears
    at least twice and has no source of the other side beside it; ``None`` in a frame with a
    ``[government]`` table or without such a side.

    Example:
        >>> from stancekit.frames import load_frame
        >>> fr = load_frame("russia_ukraine")
        >>> majority_home(["ukraine", "ukraine", "ukraine", None, "us"], fr), majority_home(["ukraine", "ukraine", "ukraine", "russia"], fr)
        ('ukraine', None)
    """
    if frame is None or frame.government is not None:
        return None
    named = [s for s in sides if s is not None]
    best = max(frame.sides, key=named.count, default=None)
    if best is None or named.count(best) < 2 or named.count(best) < MAJORITY_HOME * len(named):
        return None
    # the other side's own voice in the story makes "the Defense Ministry" either side's
    return None if any(s in frame.sides and s != best for s in named) else best
