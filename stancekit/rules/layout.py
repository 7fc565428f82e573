"""Speakers marked by layout rather than by a reporting verb.

* a transcript label at the start of a sentence: "WALLACE:", "SEN. TIM KAINE (D-VA):", with a
  timestamp or an affiliation ("7:35 AM ET PETER ALEXANDER:", "ROBERT COSTA [THE WASHINGTON POST]:");
* a dash sign-off under a quotation: "― Ariana Huichapa.", "— Former White House press secretary
  Sean Spicer" (a title may stand between the first word and the name when it ends in a title noun);
* a roundup's credit line under a quoted paragraph: a line of its own, a personal name, a comma and
  an outlet ("Aaron Rupar, Vox"); the outlet is the speaker's, not a second source.

Example:
    >>> [(s.name, s.cue) for s in layout_speakers("WALLACE: Thank you.", 0, 19)]
    [((0, 7), (7, 8))]
    >>> t = "“We will win.” — Protest movement researcher Omar Wasow"
    >>> sp = layout_speakers(t, 0, len(t))[0]
    >>> t[sp.name[0]:sp.name[1]]
    'Protest movement researcher Omar Wasow'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stancekit.people import is_personal_name
from stancekit.rules.source_phrase import trim_span

__all__ = ["LayoutSpeaker", "layout_speakers", "SIGN_OFF_TITLES"]

#: time zones after a live blog's timestamp ("7:35 AM ET PETER ALEXANDER:")
_ZONES = ("ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
          "CEST", "EET", "EEST", "MSK", "IST", "AEST", "AEDT")
#: a transcript speaker label at the start of a sentence: "WALLACE:", "SEN. TIM KAINE (D-VA):"
_SPEAKER = re.compile(
    r"[\s\"“'‘(\[]*(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:(?:" + "|".join(_ZONES) + r")\s+)?)?"  # "7:35 AM ET"
    r"(?P<name>[A-Z][A-Z.'’\-]*[A-Z.](?:\s+[A-Z][A-Z.'’\-]*[A-Z.]){0,3})"
    r"(?:\s*\([^)]{1,40}\)|\s*\[[^\]]{1,40}\])?\s*(?P<cue>:)(?=\s)")  # "(D-VA)", "[THE WASHINGTON POST]"
#: upper-case labels that are not speakers
_NOT_SPEAKERS = {"WARNING", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "EDITORS NOTE", "UPDATE", "UPDATED",
                 "CORRECTION", "CLARIFICATION", "WATCH", "READ", "READ MORE", "RELATED", "VIDEO",
                 "PHOTOS", "PHOTO", "BREAKING", "EXCLUSIVE", "ADVERTISEMENT", "SOURCE", "SOURCES",
                 "CAPTION", "CREDIT", "FILE", "LIVE", "ANALYSIS", "OPINION", "COMMENTARY", "FACT CHECK",
                 "DISCLAIMER", "DISCLOSURE", "SPOILER", "TRANSCRIPT", "Q", "A", "AP", "UPI", "PS",
                 "P.S", "P.S.", "NB", "N.B.", "TL", "DR", "FAQ", "FYI", "ALSO", "MORE", "SEE", "NEW", "TOP",
                 "AM", "PM", "A.M.", "P.M.", "A.M", "P.M", *_ZONES}
#: title nouns that may end a sign-off's title before the name
SIGN_OFF_TITLES = frozenset({"researcher", "professor", "analyst", "expert", "director", "spokesman", "spokeswoman",
                             "spokesperson", "strategist", "commentator", "columnist", "economist", "historian",
                             "scholar", "lawyer", "attorney", "activist", "organizer", "pollster", "founder",
                             "president", "chairman", "editor", "writer", "author", "host", "correspondent",
                             "reporter", "official", "adviser", "advisor", "candidate", "senator", "governor", "mayor",
                             "minister", "ambassador", "fellow", "scientist", "consultant", "executive", "secretary"})
#: a dash sign-off under a quotation: "― Ariana Huichapa." / "— Jane Doe, 34, of Phoenix"
#: (a title in lower case may stand between the first word and the name when it ends in a title
#: noun: "― Protest movement researcher Omar Wasow"; not "— Trump told reporters on Monday")
_SIGN_OFF = re.compile(r"(?:\s*|.*?[”\"]\s*)(?P<cue>[―—])\s*(?!With\s)(?P<name>[A-Z][\w.'’\-]*"
                       r"(?:(?:\s+(?![a-z]+ed\b|(?:told|tells|said|says|wrote|writes|spoke|speaks|to|on|in|at|with)\b)[\w'’\-]+){0,4}?"
                       r"\s+(?:" + "|".join(sorted(SIGN_OFF_TITLES)) + r")(?=\s+[A-Z]))?"
                       r"(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|del|la|bin)){0,5})"
                       r"\s*(?:$|[.,;]\s*)")
#: a line that credits the quotation above it: "Aaron Rupar, Vox", "Helaine Olen, Washington Post"
_CREDIT_LINE = re.compile(r"(?P<name>[A-Z][\w.'’-]+(?:[^\S\n]+[A-Z][\w.'’-]+){1,3})(?P<cue>,)[^\S\n]+"
                          r"(?:[Tt]he[^\S\n]+)?[A-Z][\w.&'’-]*(?:[^\S\n]+[A-Z][\w.&'’-]*){0,4}\.?")
#: the paragraph before ends in a quotation that no one is cited for yet: a bare quotation, or one
#: introduced by an indefinite ("Many argue that, “...”"; not "He said: “...”")
_QUOTED_PARAGRAPH_BEFORE = re.compile(
    r"(?:^|\n)(?P<lead>[^\n“\"]*)[“\"][^\n]*[”\"’'…][^\S\n]*\n\s*\Z")
_INDEFINITE_LEAD = re.compile(r"(?i)^(?:[^,]*,\s*)?(?:many|some|others|critics|commentators|observers|one|another)\s+"
                              r"(?:argue|argues|say|says|write|writes|note|notes|contend|contends|add|adds)\b[^“\"]*$")


class LayoutSpeaker(NamedTuple):
    """A speaker marked by layout: offsets of the name and the cue (the colon, dash or comma), the
    content where the layout delimits it, and words that belong to the speaker's line."""

    name: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int] | None
    also_taken: tuple[int, int] | None = None


def _unattributed_quote_before(text: str, start: int) -> bool:
    m = _QUOTED_PARAGRAPH_BEFORE.search(text, 0, start)
    return m is not None and (not m.group("lead").strip() or _INDEFINITE_LEAD.match(m.group("lead").strip()) is not None)


def layout_speakers(text: str, start: int, end: int) -> list[LayoutSpeaker]:
    """The speakers that the sentence ``text[start:end]`` marks by layout (see the module)."""
    out = []
    m = _SPEAKER.match(text, start, end)
    if m and not {m.group("name"), m.group("name").rstrip("."), m.group("name").split()[0].rstrip(".")} & _NOT_SPEAKERS:
        out.append(LayoutSpeaker((m.start("name"), m.end("name")), (m.start("cue"), m.end("cue")), (m.end("cue"), end)))
    m = _SIGN_OFF.match(text, start, end)
    if m:
        name = trim_span(text, m.start("name"), m.end("name"))
        if (name is not None and name[1] < end and text[name[1]] == "." and text[name[1] - 1:name[1]].isupper()
                and text[name[1] - 2:name[1] - 1].isspace()):
            name = (name[0], name[1] + 1)  # keep an initial's full stop ("John Q.")
        if name is not None:
            out.append(LayoutSpeaker(name, (m.start("cue"), m.end("cue")), None))
    m = _CREDIT_LINE.fullmatch(text, start, end)
    if (m and (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
            and _unattributed_quote_before(text, start) and is_personal_name(m.group("name").split())):
        out.append(LayoutSpeaker((m.start("name"), m.end("name")), (m.start("cue"), m.end("cue")), None, (m.end("cue"), end)))
    return out
