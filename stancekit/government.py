"""Sources whose party is the government of the day ("the White House", "the attorney general").

A frame may declare a ``[government]`` table: the offices of the national executive (regular
expressions, case-insensitive), words that make an office local ("Oklahoma Attorney General",
"state attorney general") and the parties in office with their dates. Given a document's date
(``meta={"date": "2019-08-19"}``, or ``date_col`` in ``score_frame``/``compare_outlets``), a
source left without a party gets the party in office when its phrase names such an office, or
names a person the document introduces with one ("Attorney General William Barr" … "Barr").
Without a date, the party in office is read from the text when it names a sitting president of one
party only ("President Trump", "U.S. President Barack Obama"; not "former U.S. President Obama",
nor a historical "created by President Obama", nor a text that gives the title to presidents of
both parties): :meth:`Government.party_named`. This is a guess from the text: pass the date when
there is one. Otherwise
nothing changes: the same office belongs to different parties in different years.

Example:
    >>> g = parse_government({"offices": ["attorney general"], "local": ["Oklahoma"],
    ...     "terms": [{"from": "2017-01-20", "to": "2021-01-20", "party": "right"}]}, "<t>", ("left", "right"))
    >>> g.office_party("the attorney general", "2019-08-19"), g.office_party("Oklahoma Attorney General", "2019-08-19")
    ('right', None)
    >>> g.holders("Attorney General William Barr said so.", g.party_on("2019-08-19"))
    {'William Barr': 'right', 'Barr': 'right'}
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from stancekit.errors import FrameError
from stancekit.mention_words import is_beat

__all__ = ["Government", "parse_government", "apply_government", "as_date"]

#: a president named with the title ("President Trump", "U.S. President Barack Obama")
_PRESIDENT = re.compile(r"(?<![Vv]ice )\bPresident[^\S\n]+(?:[A-Z][a-z]+[^\S\n]+){0,2}[A-Z][\w'’-]+")
#: what makes a titled president a past one: "former (U.S.) President", "the late President", or a
#: historical frame ("created by President Obama", "under President Trump", "since President Bush")
_PAST_PRESIDENT = re.compile(r"(?:\b(?:former|late|ex|then|previous|past)\b[-\w.\s]{0,25}|\b(?:by|under|during|since|"
                             r"from|of|when|after|before|than|like)\s+(?:then-)?)\Z", re.IGNORECASE)


#: an office of another body, named after it ("vice president of the U.S. Chamber of Commerce",
#: "chief of staff to Sen. Warren", "press secretary for the campaign"), not the national executive's
#: ("chief of staff to the president", "vice president of the United States")
_OTHER_BODY = re.compile(
    r"\s+(?:for\s+[a-z][a-z\s]{0,30}?\s+)?(?:to|for|of|at)\s+(?!(?:the\s+)?(?:(?:president|President|White\s+House|United\s+States|"
    r"administration|vice\s+president|Vice\s+President|nation|country|US|America)\b|U\.S\.?(?![\w.]))(?!\s+[A-Z]\w*\s+of\b|\s+(?:Chamber|Conference|Council|Association|Institute|Foundation|"
    r"Commission|Olympic|Catholic|Bank|Postal|Agency|Bureau|Committee|Court|Senate|House)\b))(?:the\s+|his\s+|her\s+|an?\s+)?"
    r"(?:[A-Z]|(?:campaign|senator|congress(?:wo)?man|governor|mayor|company|firm|group|committee|speaker|leader|chair(?:man|woman)?)\b)")
#: offices that other bodies have too (a company's vice president, a senator's chief of staff)
_STAFF_OFFICES = frozenset({"vice president", "chief of staff", "press secretary"})
#: a corporate rank before one of those offices ("executive vice president", "senior vice president")
_CORPORATE = re.compile(r"\b(?:executive|senior|assistant|associate|group|regional|corporate)\s+\Z", re.IGNORECASE)


def as_date(value: Any) -> dt.date | None:
    """A date from text in any common format ("2019-08-19", "08/19/2019", "Aug 19, 2019"), a
    date, a datetime or a pandas timestamp; ``None`` for a missing or unreadable one (NaT, NaN).
    Parsed as ``compare_outlets`` parses its date column (pandas, mixed formats).

    Example:
        >>> as_date("Aug 19, 2019"), as_date("08/19/2019"), as_date(float("nan")), as_date("soon")
        (datetime.date(2019, 8, 19), datetime.date(2019, 8, 19), None, None)
    """
    import pandas as pd

    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        ts = pd.to_datetime(value, errors="coerce", utc=True, format="mixed")
    except (TypeError, ValueError, OverflowError):
        return None
    return None if pd.isna(ts) else ts.date()


@dataclass(frozen=True)
class Government:
    offices: re.Pattern[str]
    local: re.Pattern[str] | None
    terms: tuple[tuple[dt.date, dt.date, str], ...]
    holder: re.Pattern[str]

    def party_on(self, day: Any) -> str | None:
        """The party in office on ``day``."""
        d = as_date(day)
        return next((p for a, b, p in self.terms if d is not None and a <= d < b), None)

    def party_named(self, text: str, party_of: Callable[[str], str | None]) -> str | None:
        """The party of the sitting presidents ``text`` names ("President Trump"), when they are
        all of one party of the terms; ``party_of`` reads a name's party (the frame's).

        Example:
            >>> g = parse_government({"offices": ["white house"], "terms": [{"from": "2017-01-20",
            ...     "to": "2021-01-20", "party": "right"}]}, "<t>", ("left", "right"))
            >>> names = {"President Trump": "right", "President Obama": "left"}.get
            >>> g.party_named("President Trump said so.", names), g.party_named("Former President Obama spoke.", names)
            ('right', None)
            >>> g.party_named("President Obama and then President Trump", names) is None
            True
        """
        parties = {p for a, b, p in self.terms}
        named = {party_of(m.group(0)) for m in _PRESIDENT.finditer(text)
                 if not _PAST_PRESIDENT.search(text[max(0, m.start() - 40):m.start()])} & parties
        return named.pop() if len(named) == 1 else None

    def party_in_office(self, text: str, day: Any, party_of: Callable[[str], str | None]) -> str | None:
        """The document's party in office (the one decision every pass uses): by its date, else by
        the sitting presidents it names (:meth:`party_named`)."""
        return self.party_on(day) if as_date(day) is not None else self.party_named(text, party_of)

    def names_office(self, phrase: str) -> bool:
        """Whether ``phrase`` names a national office (not a local one: "Oklahoma Attorney General";
        not a journalist's beat: "White House correspondent"; not another body's: "executive vice
        president of the U.S. Chamber of Commerce Foundation", "chief of staff to Sen. Warren")."""
        m = self.offices.search(phrase)
        return (m is not None and not self._local(phrase[:m.start()]) and not is_beat(phrase, m.end())
                and not (m.group(0).lower() in _STAFF_OFFICES and (_OTHER_BODY.match(phrase, m.end())
                                                                   or _CORPORATE.search(phrase, 0, m.start()))))

    def office_party(self, phrase: str, day: Any) -> str | None:
        """The party in office on ``day`` when ``phrase`` names a national office, else ``None``."""
        return self.party_on(day) if self.names_office(phrase) else None

    def _local(self, before: str) -> bool:
        """A local qualifier right before an office ("Oklahoma Attorney General", "state")."""
        clause = re.split(r"[.;:!?]", before)[-1]
        return self.local is not None and self.local.search(clause) is not None

    def holders(self, text: str, party: str | None) -> dict[str, str]:
        """Names introduced with a national office in ``text`` (full name and surname) → ``party``,
        the party in office (one of the terms' parties; anything else gives ``{}``)."""
        out: dict[str, str] = {}
        if party not in {p for *_, p in self.terms}:
            return out
        for m in self.holder.finditer(text):
            if self._local(text[max(0, m.start() - 40):m.start()]) or is_beat(text, m.start("name") - 1):
                continue
            name = m.group("name")
            out.setdefault(name, party)
            out.setdefault(name.split()[-1], party)
        return out


def parse_government(data: Any, path: str, parties: tuple[str, ...]) -> Government | None:
    """Validate a frame's ``[government]`` table (``None`` when the frame has none)."""
    if data is None:
        return None

    def fail(key: str, why: str, fix: str) -> FrameError:
        return FrameError(f"{path}: government.{key} {why}; {fix}")

    if not isinstance(data, dict) or not set(data) <= {"offices", "local", "terms", "note"}:
        raise fail("", "must be a table with offices, local, terms and note", "see stancekit/government.py")
    offices = data.get("offices")
    if not isinstance(offices, list) or not offices or not all(isinstance(o, str) and o for o in offices):
        raise fail("offices", "must be a non-empty list of regular expressions", 'write offices = ["White House", ...]')
    terms = []
    for k, t in enumerate(data.get("terms", [])):
        a, b = as_date(t.get("from")) if isinstance(t, dict) else None, as_date(t.get("to")) if isinstance(t, dict) else None
        if a is None or b is None or not a < b or t.get("party") not in parties:
            raise fail(f"terms[{k}]", f"must have dates from < to and a party of {list(parties)}, got {t!r}",
                       'write {from = "2017-01-20", to = "2021-01-20", party = "..."}')
        terms.append((a, b, t["party"]))
    try:
        office = "|".join(f"(?:{o})" for o in offices)
        local = data.get("local") or []
        return Government(
            offices=re.compile(rf"\b(?:{office})\b", re.IGNORECASE),
            local=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in local) + r")\b") if local else None,
            terms=tuple(terms),
            holder=re.compile(rf"(?i:\b(?:{office}))\s*,?\s+(?P<name>(?:[A-Z](?:[a-z]+|\.)\s+){{0,2}}[A-Z][\w'’-]+)"),
        )
    except re.error as exc:
        raise fail("offices", f"holds an invalid regular expression ({exc})", "fix the pattern") from None


def apply_government(sentences: tuple[Any, ...], frame: Any, text: str, party_in_office: str | None) -> tuple[Any, ...]:
    """Give ``party_in_office`` (:meth:`Government.party_in_office`) to sources without a party that
    name a national office or a person introduced with one (see the module docstring)."""
    gov = getattr(frame, "government", None) if frame is not None else None
    if gov is None or party_in_office is None:
        return sentences
    holders = gov.holders(text, party_in_office)
    out = []
    for sent in sentences:
        changed = False
        sources = []
        for src in sent.attribution.sources:
            if src.side is None:
                names = [w for w in re.findall(r"[A-Z][\w'’-]+", src.span.text) if w in holders]
                party = party_in_office if gov.names_office(src.span.text) else holders[names[-1]] if names else None
                if party is not None:
                    src, changed = replace(src, side=party, side_basis="office"), True
            sources.append(src)
        out.append(replace(sent, attribution=replace(sent.attribution, sources=tuple(sources))) if changed else sent)
    return tuple(out)
