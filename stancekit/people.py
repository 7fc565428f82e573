"""The people a document names, for follow-up resolution (:mod:`stancekit.coref`).

* :func:`surnames`: the surnames of the full personal names in the text ("Chuck Schumer" gives
  "Schumer"), so that a later "Schumer" or a titled "Rep Jerry Nadler" counts as a person
  (:func:`ends_in_surname`). Runs of capitalised words that are bodies, places or nationalities
  ("The White House", "Palestinian Authority", "On Tuesday Israeli") are not names.
* :func:`person_mentions` and :func:`named_person_party`: every person the text names, cited or
  not, with their party or ``None``; "he"/"she" with no cited person to refer to takes the party
  of the people named within the pronoun's window only when exactly one person is named there and
  that person has a party ("President Obama has divided the nation. He promised unity.").
  Victims, witnesses and people with no party count as people: "Ahmed, 34, lost his home in an
  airstrike ordered by Prime Minister Benjamin Netanyahu's government. He said ..." keeps no party.
* :func:`possessor_party`: a possessive body ("Its foreign ministry said") belongs to the country
  or body that opens the sentence before (its subject), unless that subject only owns the real
  one ("Israel's offensive ..."), or is one of several ("Israel and Hamas traded blame").

Where it stops: no syntax, no gender agreement; a person is known by a title, a full name or a
person noun ("a man", "the mother"); a name in lower case or a single first name is missed.

Example:
    >>> sorted(surnames("Senate Minority Leader Chuck Schumer met the Defense Ministry at the White House."))
    ['Schumer']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from stancekit.mention_words import INSTITUTION_HEADS, PERSON_TITLES, QUALIFIERS, head, words
from stancekit.rules.source_phrase import DEMONYMS, is_place, source_type
from stancekit.text import in_quote

if TYPE_CHECKING:
    from stancekit.frames import Frame

__all__ = ["HONORIFICS", "QUANTIFIERS", "MEDIA_WORDS", "is_honorific", "strip_possessive", "names_one_person", "is_personal_name", "surnames", "actor_surnames", "ends_in_surname", "person_mentions", "named_person_party", "possessor_party", "NOT_PEOPLE", "SUBJECT_OPENING"]

#: honorifics and abbreviated titles before a name, without their full stop: not a first name ("Mr
#: Bassal", "Ms. Preckwinkle", "Col. Shtupun")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mme", "mlle", "messrs",
                        # abbreviated ranks and offices ("Col. Shtupun", "Sen. Collins")
                        "col", "gen", "lt", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep", "gov", "amb", "pres"})
#: source types that are never one person ("Amnesty International" looks like a personal name)
NOT_PEOPLE = frozenset({"media", "international_org", "ngo"})
#: a run of capitalised words on one line ("Senate Minority Leader Chuck Schumer", "John Q. Public")
_CAPS_RUN = re.compile(r"\b[A-Z](?:\.|[\w'’-]*)(?:[^\S\n]+[A-Z](?:\.|[\w'’-]*))+")
#: quantifiers and determiners opening a sentence ("Both Hamas and Islamic Jihad", "Some Republicans")
QUANTIFIERS = frozenset({"both", "another", "some", "all", "many", "each", "every", "several", "other", "most", "few",
                         "neither", "either"})
#: words of an outlet's name ("National Review", "The Washington Post")
MEDIA_WORDS = frozenset({"times", "post", "news", "journal", "magazine", "review", "tribune", "herald", "daily", "weekly",
                         "channel", "radio", "television", "tv", "press", "reuters"})
#: capitalised words that are not part of a personal name
_NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "on", "in", "at", "by", "for", "from", "this", "last", "next", "but", "and", "after", "before",
    "former", "late", "then", "acting", "retired", "islamic",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "house", "authority", "federation", "guards", "brigades", "republic", "union", "states", "state", "corps", "forces", "front", "assembly", "parliament", "congress", "senate", "university", "institute",
    "center", "centre", "foundation", "street", "square", "city", "county", "province", "region", "strip", "bank",
    "valley", "sea", "river", "airport", "hospital", "school", "church", "mosque", "camp", "road", "avenue",
    "association", "corporation", "company", "inc", "alliance", "league", "society", "club", "fund", "project",
    "caucus", "network", "initiative", "partnership", "trust",
    "brigade", "battalion", "regiment", "homeland"}) | QUANTIFIERS | MEDIA_WORDS
#: nouns that name one person without a name ("a man", "the mother", "a 34-year-old")
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|boy|girl|mother|father|son|daughter|wife|husband|brother|sister|resident|soldier|victim|witness|"
    r"survivor|teacher|student|worker|farmer|driver|nurse|doctor|patient|shopkeeper|villager|refugee|protester|"
    r"[\d]{1,3}-year-old)\b")
#: a first name with an age: "Ahmed, 34,"
_NAMED_AGE = re.compile(r"\b[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?,[^\S\n]+\d{1,3},")
#: a person's title right before a name
_TITLE_BEFORE = re.compile(
    r"(?:President|Vice\s+President|Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|Secretary|Minister|Premier|"
    r"Speaker|Leader|Mayor|Chancellor|Ambassador|Envoy|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|General)\s+(?:[A-Z][\w'’-]+\s+)?\Z")


def is_honorific(word: str) -> bool:
    """Whether a word is an honorific or an abbreviated title, with or without its full stop
    ("Ms.", "Mr", "Col.").

    Example:
        >>> is_honorific("Ms."), is_honorific("Col"), is_honorific("Maria")
        (True, True, False)
    """
    return word.rstrip(".").lower() in HONORIFICS


def strip_possessive(word: str) -> str:
    """A name word without its possessive ending.

    Example:
        >>> strip_possessive("Zelensky’s"), strip_possessive("O'Rourke")
        ('Zelensky', "O'Rourke")
    """
    return re.sub(r"['’]s\Z", "", word)


def names_one_person(phrase: str) -> bool:
    """Whether a phrase names one person by a person noun or an age ("a doctor", "Oleksandr, a
    34-year-old soldier"), with or without a name.

    Example:
        >>> names_one_person("Oleksandr, a 34-year-old soldier"), names_one_person("the ministry")
        (True, False)
    """
    return bool(_PERSON_NOUN.search(phrase.lower()) or _NAMED_AGE.search(phrase))


def is_personal_name(name_words: list[str]) -> bool:
    """Whether capitalised words can be a personal name: two or more, none of them a title, body,
    nationality, place or calendar word ("Toivo Klaar"; not "Euro News", "White House").

    Example:
        >>> is_personal_name(["Toivo", "Klaar"]), is_personal_name(["Euro", "News"])
        (True, False)
    """
    low = [w.lower() for w in name_words]
    return (len(name_words) >= 2 and not set(low) & _NOT_NAME_WORDS and low[0] not in QUALIFIERS
            and not {head(w) for w in name_words} & (INSTITUTION_HEADS | PERSON_TITLES)
            and not any(w.rstrip("s") in DEMONYMS for w in low)
            and not is_place(" ".join(name_words)) and source_type(" ".join(name_words)) not in NOT_PEOPLE)


def _names(text: str) -> list[tuple[int, list[str]]]:
    """``(start, words)`` of the personal names: the last two to four capitalised words of a run,
    after any title, body, nationality or other word that is not part of a name ("Senate Minority
    Leader Chuck Schumer" gives "Chuck Schumer", "German Chancellor Angela Merkel" "Angela Merkel")."""
    out = []
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0).split()
        k = len(run)
        while k > 0 and not _not_name_word(run[k - 1]):
            k -= 1
        name_words = run[k:]
        if name_words:  # "Vladimir Zelensky’s allegation": the name without its possessive
            name_words[-1] = strip_possessive(name_words[-1])
        if 2 <= len(name_words) <= 4 and is_personal_name(name_words):
            out.append((m.start() + len(" ".join(run[:k])) + (1 if k else 0), name_words))
    return out


def _not_name_word(w: str) -> bool:
    low = w.lower()
    return (head(w) in PERSON_TITLES | INSTITUTION_HEADS | QUALIFIERS or low.rstrip("s") in DEMONYMS
            or low in _NOT_NAME_WORDS or low.rstrip("'’s") in _NOT_NAME_WORDS)


def surnames(text: str) -> frozenset[str]:
    """Surnames of the personal names in ``text`` (see the module).

    Example:
        >>> sorted(surnames("The Palestinian Authority and Amnesty International met German Chancellor Angela Merkel."))
        ['Merkel']
        >>> sorted(surnames("Peskov said President Vladimir Zelensky’s claim was a lie."))
        ['Zelensky']
    """
    return frozenset(name_words[-1] for _, name_words in _names(text))


def actor_surnames(frame: Frame | None) -> frozenset[str]:
    """Surnames the frame lists as actors on their own and as the end of a full personal name
    ("Romney" and "Mitt Romney"), so that a text naming only "Romney" still names a person (a
    roster's full names alone give none: "Hill", "Long", "Love" are words too). A frame keeps
    them once: :meth:`stancekit.frames.Frame.person_surnames`.

    Example:
        >>> from stancekit.frames import load_frame
        >>> names = actor_surnames(load_frame("us_politics"))
        >>> "Romney" in names, "Israel" in names, "Hill" in names
        (True, False, False)
    """
    if frame is None:
        return frozenset()
    names = set()
    for party in frame.parties:
        listed = frame.actors.get(party, ())
        alone = {a for a in listed if " " not in a}
        for actor in listed:
            ws = actor.split()
            # (not "Artsakh InfoCenter", "Justice Democrats": an actor's or a party's word before)
            if ws[-1] in alone and 2 <= len(ws) <= 4 and is_personal_name(ws) and not any(
                    w in alone or w.rstrip("s") in alone or is_place(w) for w in ws[:-1]) and not (
                    ws[-1].rstrip("s") in alone - {ws[-1]} or is_place(ws[-1])):
                names.add(ws[-1])
    return frozenset(names)


def ends_in_surname(phrase: str, family: frozenset[str]) -> bool:
    """A surname alone ("Schumer") or a titled name ending in one ("New York Democratic Rep Jerry
    Nadler"): a person, whatever the words before the name; an appositive after a comma ("Nelly
    Khachatryan, 62,") is not the name.

    Example:
        >>> ends_in_surname("Rep Jerry Nadler", frozenset({"Nadler"})), ends_in_surname("The White House", frozenset())
        (True, False)
    """
    ws = words(phrase.split(",")[0])
    return bool(ws) and ws[-1] in family and (len(ws) == 1 or ws[-2][:1].isupper())


def person_mentions(text: str, lo: int, hi: int, frame: Frame | None, family: frozenset[str],
                    quotes: list[tuple[int, int]] = (),  # type: ignore[assignment]
                    known: Callable[[str], str | None] | None = None) -> list[tuple[int, str | None]]:
    """``(start, party)`` of every person named in ``text[lo:hi]`` outside quotations, cited or
    not: a frame actor after a title ("President Obama") or ending in a surname the text gives,
    with its party; any other full name with the party ``known(name)`` gives it (the document's
    name memory: "UN envoy Tor Wennesland"), or ``None``; a name with an age or a person noun, with
    ``None``.

    Example:
        >>> from stancekit.frames import load_frame
        >>> t = "President Obama has divided the nation. A man in Ohio said he agreed."
        >>> person_mentions(t, 0, len(t), load_frame("us_politics"), frozenset())
        [(10, 'left'), (42, None)]
    """
    if frame is None:
        return []
    found: dict[int, str | None] = {}
    span = text[lo:hi]
    for a, b, party in frame.party_mentions(span):
        a, b = a + lo, b + lo
        name = text[a:b]
        if in_quote(quotes, a) or name.lower().rstrip("s") in DEMONYMS or re.match(r"[^\S\n]+[A-Z]", text[b:b + 2]):
            continue
        if _TITLE_BEFORE.search(text, max(0, a - 40), a) or (" " in name and name.split()[-1] in family):
            found[a] = party
    taken = sorted(found)
    others = [(a + lo, " ".join(ws)) for a, ws in _names(span)]
    others += [(m.start() + lo, m.group(0)) for rx in (_NAMED_AGE, _PERSON_NOUN) for m in rx.finditer(span)]
    for a, name in others:
        if in_quote(quotes, a) or any(t <= a < t + 40 and text[t:a].count(" ") < 4 for t in taken):
            continue  # the same person as a mention with a party ("President Barack Obama")
        if frame.party_of(name) is None:
            found.setdefault(a, known(name) if known is not None else None)
    return sorted(found.items())




def named_person_party(people: list[tuple[int, str | None]]) -> str | None:
    """The party of the people named in a pronoun's window (:func:`person_mentions`) when they all
    have that one party; ``None`` when no one, people of two parties or a person without a party
    are named there (see the module).

    Example:
        >>> named_person_party([(0, "left"), (30, "left")]), named_person_party([(0, "left"), (20, None)])
        ('left', None)
    """
    # several mentions of one party may be one person named twice ("President Obama ... Obama"),
    # and two people of one party share it anyway
    near = {p for _, p in people}
    return near.pop() if len(near) == 1 and None not in near else None


#: what may come before a sentence's subject: quotation marks, a fronted adverbial and a determiner
#: ("On Friday, the ministry ...")
SUBJECT_OPENING = re.compile(r"[\s“\"]*(?:[^,.;:]{1,40},\s*)?(?:[Tt]he\s+)?")
#: a subject that is not the whole subject: a possessor ("Israel's offensive") or one of several
#: ("Israel and Hamas", "Israel, Egypt and Qatar")
_NOT_WHOLE = re.compile(r"['’]s\b|\s+(?:and|or)\s|\s*,\s*[A-Z]|\s*/")


def possessor_party(text: str, starts: list[int], hi: int, frame: Frame | None,
                    quotes: list[tuple[int, int]] = ()) -> str | None:  # type: ignore[assignment]
    """The party of the last country or body before ``hi`` that opens one of the sentences
    starting at ``starts`` (a subject), outside quotations: what a possessive follow-up ("Its
    foreign ministry said") belongs to (see the module).

    Example:
        >>> from stancekit.frames import load_frame
        >>> t = "Russia, an ally of Armenia, sent a warning about U.S. involvement. Its foreign ministry said"
        >>> possessor_party(t, [0, t.index("Its")], t.index("Its"), load_frame("karabakh"))
        'russia'
        >>> t = "Israel and Hamas traded blame. Their officials said"
        >>> possessor_party(t, [0, t.index("Their")], t.index("Their"), load_frame("israel_gaza")) is None
        True
    """
    if frame is None or not starts:
        return None
    lo = min(starts)
    found = [(a + lo, b + lo, p) for a, b, p in frame.party_mentions(text[lo:hi])
             if not in_quote(quotes, a + lo) and any(st <= a + lo and SUBJECT_OPENING.fullmatch(text, st, a + lo) for st in starts)]
    if not found:
        return None
    a, b, party = max(found)
    if text[a:b].lower().rstrip("s") in DEMONYMS or re.match(r"[^\S\n]+[A-Z]", text[b:hi]) or _NOT_WHOLE.match(text, b, hi):
        return None
    return party
