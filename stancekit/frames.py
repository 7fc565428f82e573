"""Frames: the lexicon of a conflict or political divide.

A frame is a TOML file (schema in :mod:`stancekit.frame_schema`) with two or more *sides* whose
wording it records, any number of *third parties* (e.g. Russia, the EU, the UN for Karabakh; the
courts and federal agencies for US politics), the *actors* that identify each party (names,
institutions, demonyms, and regular-expression patterns such as "de facto government"), and the
*contested terms* of each side with a neutral equivalent and an evidence weight. Built-in frames
live in ``stancekit/rules/lexicons/frames/``; pass a path for your own.

A source's party is resolved from its whole noun phrase (:meth:`Frame.party_of`): the first
actor mention that is not inside a complement ("the EU envoy *to Armenia*" is the EU's), no party
for coordinations of two parties ("Armenia and Azerbaijan"), and a bare head noun ("the
ministry") carries no party of its own: follow-up mentions are resolved per document by
:mod:`stancekit.coref`.

Example:
    >>> fr = load_frame("karabakh")
    >>> fr.axis, "russia" in fr.parties
    (('armenia', 'azerbaijan'), True)
    >>> [(t.term, t.side) for _, _, t in fr.find_terms("in Khankendi")]
    [('Khankendi', 'azerbaijan')]
    >>> fr.party_of("the Russian Defense Ministry"), fr.party_of("Karabakh police")
    ('russia', 'armenia')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from stancekit.frame_files import FRAMES_DIR, available_frames, load_frame
from stancekit.frame_schema import expand_forms, frame_from_dict, unmatchable_reason
from stancekit.matching import PhraseIndex, norm, normalise_lookalikes
from stancekit.mention_scope import party_from_mentions
from stancekit.people import actor_surnames, is_personal_name
from stancekit.rules.lexicon import independent_bodies

__all__ = ["Frame", "FrameTerm", "load_frame", "available_frames", "FRAMES_DIR", "learn", "frame_from_dict",
           "normalise_lookalikes", "learn_weights"]

def _key(form: str) -> str:
    """Normalised lookup key of a term form or a matched span."""
    return re.sub(r"[\s‐–-]+", " ", form.replace("’", "'")).strip()


def _singular(w: str) -> str:
    if w.endswith("es") and w[:-2] and not w.endswith("ses"):
        return w[:-2] if w[:-2].endswith(("sh", "ch", "x", "z")) else w[:-1]
    return w[:-1] if w.endswith("s") else w


@dataclass(frozen=True, slots=True)
class FrameTerm:
    """One contested term of a frame (``weight``: evidence weight, 1 ordinary, below 1 weak)."""

    term: str
    side: str
    neutral: str
    counterpart: str | None = None
    variants: tuple[str, ...] = ()
    case_sensitive: bool = False
    note: str = ""
    weight: float = 1.0

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling this term matches (``{a|b}`` alternatives expanded)."""
        return tuple(dict.fromkeys(f for form in (self.term, *self.variants) for f in expand_forms(form)))


@dataclass(frozen=True, slots=True)
class Frame:
    """A validated frame. Build with :func:`load_frame` (or :func:`frame_from_dict`).

    Attributes:
        sides: the parties whose wording the frame's terms record (at least two).
        third_parties: parties that sources can belong to but that have no wording of their own.
        axis: the two sides that lean runs between (-1: first, +1: second), or ``None``.
        actors, patterns: per party, the names and regular expressions that identify it.
        independent: bodies of no party in this frame ("OSCE" in a Russia-Ukraine frame); with
            the shared list :func:`stancekit.rules.lexicon.independent_bodies`, a source phrase
            they open has no party ("the OSCE mission in Ukraine"), unless a frame party lists them.
        armed_forces: the party an unqualified military source belongs to ("the army said",
            "a military spokesperson") in this frame's coverage, unless the text names another
            nation's army (:mod:`stancekit.home`), or ``None``.
    """

    name: str
    description: str
    sides: tuple[str, ...]
    labels: dict[str, str]
    actors: dict[str, tuple[str, ...]]
    scare_quoted: dict[str, tuple[str, ...]]
    terms: tuple[FrameTerm, ...]
    axis: tuple[str, str] | None
    path: str = ""
    references: tuple[str, ...] = ()
    third_parties: tuple[str, ...] = ()
    independent: tuple[str, ...] = ()
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the national executive's offices and who held them when (:mod:`stancekit.government`)
    government: Any = field(default=None, compare=False)
    armed_forces: str | None = None
    #: compiled tables and the phrase-party memory; never passed in, so ``dataclasses.replace``
    #: builds a frame with its own
    _lookup: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ci: dict[str, FrameTerm] = {}
        cs: dict[str, FrameTerm] = {}
        for t in self.terms:
            for form in t.forms:
                if t.case_sensitive:
                    cs.setdefault(_key(form), t)
                else:
                    k = norm(_key(form))
                    ci.setdefault(k, t)
                    ci.setdefault(_singular(k), t)
        actors: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for party in self.parties:
            for a in self.actors.get(party, ()):
                if _is_acronym(a):  # "US", "UN", "WHO": case-sensitive, so "us" and "who" are not actors
                    acronyms.setdefault(a, party)
                else:
                    actors.setdefault(_key(normalise_lookalikes(a)).lower(), party)
        for party in self.parties:  # "Sarah Sanders" is the roster's "Sarah Huckabee Sanders", not "Sanders"
            for a in self.actors.get(party, ()):
                ws = a.split()
                if len(ws) == 3 and is_personal_name(ws) and _key(ws[2]).lower() in actors:
                    actors.setdefault(_key(normalise_lookalikes(f"{ws[0]} {ws[2]}")).lower(), party)
        for a in (*self.independent, *_shared_independent(independent_bodies(), actors, acronyms)):
            if _is_acronym(a):  # no party: "" (a party's own actor wins)
                acronyms.setdefault(a, "")
            else:
                actors.setdefault(_key(normalise_lookalikes(a)).lower(), "")
        scare = {w.lower(): side for side, words in self.scare_quoted.items() for w in words}
        self._lookup.update(
            ci=ci,
            cs=cs,
            re_ci=PhraseIndex({f for t in self.terms if not t.case_sensitive for f in t.forms}, plural=True)
            if ci else None,
            re_cs=PhraseIndex({f for t in self.terms if t.case_sensitive for f in t.forms}, plural=False,
                              case_sensitive=True) if cs else None,
            actors=actors,
            re_actors=PhraseIndex(actors, plural=True) if actors else None,
            acronyms=acronyms,
            re_acronyms=PhraseIndex(acronyms, plural=False, case_sensitive=True) if acronyms else None,
            patterns=[(p, re.compile(rx, re.IGNORECASE)) for p, rxs in self.patterns.items() for rx in rxs],
            scare=scare,
        )

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party a source can belong to: the sides, then the third parties."""
        return self.sides + self.third_parties

    def find_terms(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, FrameTerm]]:
        """Yield ``(start, end, term)`` for each contested term in ``text[start:end]``.

        Plurals and possessives of a term match it ("provocations"); longest match wins;
        matches do not overlap.
        """
        end = len(text) if end is None else end
        found: list[tuple[int, int, FrameTerm]] = []
        for key in ("ci", "cs"):
            regex = self._lookup[f"re_{key}"]
            if regex is None:
                continue
            table = self._lookup[key]
            for ms, me in regex.finditer(text, start, end):
                k = _key(text[ms:me]) if key == "cs" else norm(_key(text[ms:me]))
                term = table.get(k) or table.get(_singular(k))
                if term is not None:
                    found.append((ms, me, term))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        last = -1
        for s, e, t in found:
            if s >= last:
                yield s, e, t
                last = e

    def person_surnames(self) -> frozenset[str]:
        """The surnames the frame lists alone and as the end of a full name
        (:func:`stancekit.people.actor_surnames`), computed once per frame."""
        if "surnames" not in self._lookup:
            self._lookup["surnames"] = actor_surnames(self)
        return self._lookup["surnames"]

    def names_independent(self, phrase: str) -> bool:
        """Whether ``phrase`` names a body of no party in this frame ("the OSCE", "The Foreign Office").

        Example:
            >>> fr = load_frame("israel_gaza")
            >>> fr.names_independent("The Foreign Office"), fr.names_independent("the Israeli Foreign Ministry")
            (True, False)
        """
        return self._memo("independent", phrase, lambda p: any(not party for *_, party in self._mentions(p)))

    def party_mentions(self, phrase: str) -> list[tuple[int, int, str]]:
        """Actor and pattern mentions ``(start, end, party)`` in ``phrase``, outermost only (an
        independent body's mention hides the words it covers, and is not returned)."""
        return [m for m in self._mentions(phrase) if m[2]]

    def _mentions(self, phrase: str) -> list[tuple[int, int, str]]:
        """Like :meth:`party_mentions`, with independent bodies' mentions (party ``""``)."""
        phrase = normalise_lookalikes(phrase)
        found: list[tuple[int, int, str]] = []
        for party, rx in self._lookup["patterns"]:
            found.extend((m.start(), m.end(), party) for m in rx.finditer(phrase) if m.end() > m.start())
        regex = self._lookup["re_actors"]
        for ms, me in regex.finditer(phrase) if regex is not None else ():
            if " " in phrase[ms:me].strip() and _INITIAL_BEFORE.search(phrase, 0, ms):
                continue  # "L. Chris Stewart" is not the roster's Chris Stewart (a middle initial is fine)
            w = _key(phrase[ms:me]).lower()
            party = self._lookup["actors"].get(w)
            party = self._lookup["actors"].get(_singular(w)) if party is None else party
            if party is not None:
                found.append((ms, me, party))
        regex = self._lookup["re_acronyms"]
        for ms, me in regex.finditer(phrase) if regex is not None else ():
            found.append((ms, me, self._lookup["acronyms"][phrase[ms:me]]))
        for _, me, party in list(found):  # "the Armenian-Azerbaijani ceasefire": the second party too
            nxt = _HYPHENED.match(phrase, me)
            if party and nxt is not None and _RELATION.match(phrase, nxt.end()):
                other = self._lookup["actors"].get(_key(nxt.group(1)).lower())
                if other and other != party:
                    found.append((nxt.start(1), nxt.end(1), other))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[tuple[int, int, str]] = []
        for m in found:
            if not out or m[0] >= out[-1][1]:
                out.append(m)
        return out

    def party_of(self, phrase: str) -> str | None:
        """The party a source noun phrase belongs to, or ``None``.

        The first actor or pattern mention that is not inside a complement ("to", "with",
        "against", "on", "about", "over", "between"...) decides; two different parties joined by
        "and", "or", "/" or a comma give ``None``; a phrase without any mention gives ``None``.
        A third party's mention right after "former"/"ex-" does not count ("former FBI Director
        James Comey" speaks as a private citizen); an axis side's does ("former Republican senator").
        Nor do a place of residence ("a resident of Stepanakert"), whom a source opposes ("critics
        of Trump", "Trump's opponents"), who holds a hostage ("a former Hamas hostage") and a
        journalist's beat ("Justice correspondent"; an outlet's own correspondent speaks for it).

        Example:
            >>> fr = load_frame("karabakh")
            >>> fr.party_of("Azerbaijan´s Foreign Ministry"), fr.party_of("the EU envoy to Armenia")
            ('azerbaijan', 'eu')
            >>> fr.party_of("Armenia and Azerbaijan") is None, fr.party_of("the ministry") is None
            (True, True)
            >>> fr.party_of("a former OSCE envoy") is None, fr.party_of("former Armenian President Robert Kocharyan")
            (True, 'armenia')
        """
        return self._memo("party_of", phrase, self._party_of)

    def _memo(self, name: str, phrase: str, compute: Callable[[str], Any]) -> Any:
        """``compute(phrase)``, remembered per frame in the table ``name`` (a document repeats its
        sources' phrases, a corpus its names; bounded by ``_PARTY_CACHE_SIZE``)."""
        cache = self._lookup.setdefault(name, {})
        if phrase in cache:
            return cache[phrase]
        if len(cache) > _PARTY_CACHE_SIZE:
            cache.clear()
        cache[phrase] = value = compute(phrase)
        return value

    def _party_of(self, phrase: str) -> str | None:
        phrase = normalise_lookalikes(phrase)
        return party_from_mentions(phrase, self._mentions(phrase), self.axis)

    side_of = party_of

    def problems(self) -> list[str]:
        """Term forms that can never match text, each with the reason and the fix.

        Example:
            >>> load_frame("karabakh").problems()
            []
        """
        out = []
        for i, t in enumerate(self.terms):
            for form in t.forms:
                why = unmatchable_reason(form)
                if why:
                    out.append(f"terms[{i}] ({t.term!r}): form {form!r} {why}, so it can never match; "
                               "write the word itself (matching is by words, case-insensitive)")
        return out

    def scare_side(self, word: str) -> str | None:
        """The side signalled by scare-quoting ``word`` (or saying "so-called ``word``").

        A frame lists such words per side (``scare_quoted``); scare-quoting one axis side's
        contested term signals the other axis side.
        """
        w = re.sub(r"\s+", " ", word.strip(" \"“”«»'‘’").lower())
        for cand in (w, _singular(w)):
            if cand in self._lookup["scare"]:
                return self._lookup["scare"][cand]
        term = self._lookup["ci"].get(_key(w))
        if term is not None and self.axis is not None and term.side in self.axis:
            return self.axis[1] if term.side == self.axis[0] else self.axis[0]
        return None


#: a capitalised word joined to a mention by a hyphen ("Armenian-Azerbaijani", "Israeli-Palestinian")
_HYPHENED = re.compile(r"-([A-Z][a-z]+)\b")
#: ... before a noun of a relation between the two ("agreement", "border", "talks"); "Armenian-American"
#: before a person or group is one identity, not two parties
_RELATION = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:agreements?|accords?|ceasefire|cease-fire|truce|border|frontier|talks|"
                       r"negotiations|conflict|war|relations|summit|commission|deal|peace|treaty|clashes|fighting|"
                       r"tensions|dialogue|meeting|statement|declaration)\b", re.IGNORECASE)
#: an initial right before a name: "L. Chris Stewart" is someone else than a roster's "Chris Stewart"
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(])[A-Z]\.\s+\Z")
#: phrases whose party a frame remembers (a document repeats its sources' phrases, a corpus its names)
_PARTY_CACHE_SIZE = 50_000


def _shared_independent(names: tuple[str, ...], actors: dict[str, str], acronyms: dict[str, str]) -> list[str]:
    """The shared independent bodies that name none of the frame's party actors: Karabakh's "OSCE"
    party keeps "the OSCE Special Monitoring Mission"."""
    out = []
    for name in names:
        low = f" {_key(name).lower()} "
        if not (any(w in acronyms for w in name.split()) or any(f" {k} " in low for k in actors)):
            out.append(name)
    return out


def _is_acronym(actor: str) -> bool:
    letters = actor.replace(".", "")
    return " " not in actor and letters.isupper() and len(letters) <= 4


def learn_weights(*args: Any, **kwargs: Any) -> Frame:
    """Learn weighted terms from outlet-labelled articles (see :func:`stancekit.frame_learning.learn_weights`)."""
    from stancekit.frame_learning import learn_weights as _learn

    return _learn(*args, **kwargs)


def learn(*args: Any, **kwargs: Any) -> Any:
    """Draft a frame TOML from a labelled corpus (see :func:`stancekit.frame_learning.learn_frame`)."""
    from stancekit.frame_learning import learn_frame

    return learn_frame(*args, **kwargs)
