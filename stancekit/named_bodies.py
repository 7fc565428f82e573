"""Bodies a text names, cited or not, as antecedents for follow-up mentions ("the ministry", "the
group", "it", "they"): :func:`named_bodies` (:mod:`stancekit.coref` reads them besides the cited
sources).

Example:
    >>> from stancekit.frames import load_frame
    >>> from stancekit.results import Span, sentence_result, DEFAULT_THRESHOLDS
    >>> t = "The Azerbaijani Foreign Ministry in a statement brushed away the claims."
    >>> sent = sentence_result(Span(0, len(t), t), p_attr=0, sources=[], p_hedge=0, cues=[], p_frame=0, terms=[],
    ...                        lean=None, thresholds=DEFAULT_THRESHOLDS)
    >>> [(a.text, a.side) for a in named_bodies(t, (sent,), load_frame("karabakh"), [])]
    [('The Azerbaijani Foreign Ministry', 'azerbaijan')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stancekit.antecedents import ORGANISATION_HEADS, Antecedent, followup_kind
from stancekit.mention_words import head as _head
from stancekit.rules.source_phrase import DEMONYMS, is_place, source_type
from stancekit.text import in_quote

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult

__all__ = ["named_bodies"]

#: a named institution in the text: "the Azerbaijani Foreign Ministry", "the Ministry of Defense of Azerbaijan",
#: "the Israeli military"
#: (within one line: a headline's last word is not part of the next paragraph's name)
_NAMED = re.compile(
    r"(?:[A-Z][\w’'´.-]*(?:['’´]s)?[^\S\n]+){0,5}(?:Ministry|Army|Armed[^\S\n]+Forces|Forces|Government|Office|Service|"
    r"Agency|Committee|Council|Department|Police|Presidency|Administration|Embassy|Mission|Commission|Staff|Kremlin)"
    r"(?:[^\S\n]+of(?:[^\S\n]+the)?(?:[^\S\n]+[A-Z][\w’'.-]*){1,5})?"
    # or a lower-case head after a capitalised owner or demonym: "the Israeli military", "Azerbaijan's army"
    r"|(?:[A-Z][\w’'´.-]*(?:['’´]s)?[^\S\n]+){1,4}(?:military|army|armed[^\S\n]+forces|forces|government|police|"
    r"authorities|defen[cs]e[^\S\n]+ministry|foreign[^\S\n]+ministry|ministry)\b"
    # (not a thing the word qualifies: "a Hamas military facility", "a Russian army base")
    r"(?![^\S\n]+(?:facilit(?:y|ies)|compounds?|bases?|posts?|positions?|sites?|targets?|installations?|infrastructure"
    r"|equipment|vehicles?|camps?|outposts?|courts?|academy|academies|hospitals?|schools?|airports?|airfields?|convoys?"
    r"|operations?|exercises?|drills?|spending|budgets?|parades?|planes?|aircraft|helicopters?|jets?|drones?|ships?"
    r"|vessels?|trucks?|buildings?|depots?|warehouses?|tunnels?|checkpoints?)\b)")



def named_bodies(text: str, sentences: tuple[SentenceResult, ...], frame: Frame | None,
              quotes: list[tuple[int, int]]) -> list[Antecedent]:
    """Named institutions with a party, cited or not, outside quotations (a quoted speaker's
    mention of another body is not what the narrative refers back to); and, only when the document
    has a follow-up such as "the group", the organisations its actors name."""
    if frame is None:
        return []
    out = []
    k = 0
    for m in _NAMED.finditer(text):
        while k < len(sentences) - 1 and sentences[k].span.end <= m.start():
            k += 1
        party = frame.party_of(m.group(0))
        if party is not None and not in_quote(quotes, m.start()):
            out.append(Antecedent(m.group(0), m.start(), k, source_type(m.group(0)) or "government", party, False))
    if not any(_head(x.span.text.rsplit(None, 1)[-1]) in ORGANISATION_HEADS and followup_kind(x, frame) == "description"
               for sent in sentences for x in sent.attribution.sources if x.span.text.strip()):
        return sorted(out, key=lambda a: a.start)
    k = 0
    for start, end, party in frame.party_mentions(text):
        name = text[start:end]
        while k < len(sentences) - 1 and sentences[k].span.end <= start:
            k += 1
        before = re.search(r"([\w.’'-]+)\s+\Z", text[max(0, start - 40):start])
        if (in_quote(quotes, start) or is_place(name) or name.lower().rstrip("s") in DEMONYMS
                or (name.endswith("s") and frame.party_of(name[:-1]) is not None)  # "Republicans": people, not a group
                or any(a.start <= start < a.start + len(a.text) for a in out)
                or (before is not None and before.group(1)[:1].isupper())):  # "President Biden", "Joe Biden"
            continue
        out.append(Antecedent(name, start, k, source_type(name) or "other", party, False, organisation_only=True))
    return sorted(out, key=lambda a: a.start)
