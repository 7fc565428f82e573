"""Rule-based attribution: who is cited, with which cue, saying what.

Patterns covered (each yields a :class:`~stancekit.results.Source`):

* ``according to X`` and viewpoint attribution (``from X's point of view``, ``in X's view``,
  ``in the view of X``): kind ``according_to``;
* ``X said/told/reported/... (that) C`` with auxiliaries and adverbs between (``has long
  warned``), kind ``indirect``; passive with agent (``as reported by X``, ``proposed by X``);
  ``X was quoted as saying``; impersonal passive (``it was reported that``: anonymous source);
* inverted order (``C, said X``; ``“C,” said X``);
* direct quotes: a quotation next to the cue makes the kind ``direct_quote`` and the quotation
  the content;
* anonymous sourcing (``sources said``, ``officials who asked not to be named``, ``a source
  close to``);
* speakers marked by layout, kind ``speaker``: a transcript's speaker label at the start of a
  sentence (``WALLACE: Governor, ...``; upper-case names only, so ``Note:`` or ``Update:`` are not
  taken, and a short list of upper-case labels such as ``WARNING:`` is excluded), whose cue is the
  colon, and a dash sign-off under or after a quotation (``― Ariana Huichapa.``, ``“...” ― Pamela
  Padilla``), whose cue is the dash
  (PolNeAR annotates both this way).

The source is the noun phrase before (or after) the cue (:mod:`stancekit.rules.noun_phrase`), cut at clause boundaries (commas,
conjunctions, relative pronouns), so an apposition yields its head ("the EU envoy, Toivo Klaar,
said" gives "Toivo Klaar"). Its type comes from ``lexicons/source_types.tsv`` (precedence
anonymous > international_org > military > media > ngo > expert > political > government >
citizen), countries and capitals count as government, and a per-document memory
(:mod:`stancekit.rules.names`) carries the type
and party of a titled person's name ("EU special representative ... Toivo Klaar") to later
mentions ("Klaar"); only person names are remembered, never institution words ("Ministry"). The
party comes from the whole noun phrase (:meth:`stancekit.frames.Frame.party_of`). Follow-up
mentions ("he", "the ministry", "the statement") are resolved per document by
:mod:`stancekit.coref`. Datelines, bylines and bare place names are never sources
(:func:`is_dateline`).

Limits: no syntactic parse, so long pre-verbal subjects with embedded verbs, sources after long
intervening clauses, and cues that are not in the lexicon are missed; nominal cues ("in a
statement") are not covered; "reports" used as a noun can be taken for a cue.

Example:
    >>> from stancekit.rules.attribution import AttributionRules
    >>> rules = AttributionRules()
    >>> s = "The ministry said on Monday that the road was closed."
    >>> [(x.source, x.cue, x.kind) for x in rules.find(s, 0, len(s))]
    [('The ministry', 'said', 'indirect')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from stancekit.frames import Frame
from stancekit.people import is_personal_name
from stancekit.relatives import relative_subject
from stancekit.rules.credits import (
    ACCORDING,
    CITING,
    CITING_ANY,
    VIEW_AFTER,
    VIEW_BEFORE,
    cited_speaker,
    is_perspective_cue,
)
from stancekit.rules.cue_forms import cue_applies, cue_matches
from stancekit.rules.labelling import what_called
from stancekit.rules.layout import layout_speakers
from stancekit.rules.lexicon import cue_verbs
from stancekit.rules.names import recall_name
from stancekit.rules.nominal import (
    HEADLINE_CUES,
    NOMINAL_CUE,
    NOMINAL_STANCE,
    POSSESSIVE_CUE,
    headline_credits,
    possessor_np,
)
from stancekit.rules.noun_phrase import NP_WINDOW, before_aside, np_after, np_before, window_before
from stancekit.rules.source_phrase import (
    DEMONYMS,
    TYPE_PRECEDENCE,
    apposition_name,
    is_dateline,
    is_place,
    is_source_like,
    source_type,
    trim_span,
)
from stancekit.text import is_quotation, quote_inner

__all__ = ["AttributionRules", "RawSource", "TYPE_PRECEDENCE", "source_type", "is_dateline",
           "is_source_like"]

#: a person named by the surname alone, with or without an honorific ("Sanders", "Mr. Sanders")
_BARE_NAME = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z][\w’'-]+\s*")


@dataclass(frozen=True, slots=True)
class RawSource:
    """A source found by the rules, offsets into the text passed to :meth:`AttributionRules.find`."""

    source: str
    start: int
    end: int
    cue: str | None
    cue_start: int
    cue_end: int
    stance: str
    kind: str
    type: str
    side: str | None
    content: tuple[int, int] | None


def by_construction(kind: str, cue: str | None) -> bool:
    """Whether a rule source is attribution by construction, so that the merge keeps it whatever
    the model says: a layout speaker ("WALLACE:"), a headline credit ("... – Defense Ministry",
    "MoD: ...": :func:`stancekit.rules.nominal.headline_credits`, the only rule whose cue is a
    dash, colon or comma), an explicit perspective frame ("From the Azerbaijani point of view"), or
    a wire's nested credit ("Trend reports citing the ministry", "reports per Defense Ministry": the
    rules make the cues "citing"/"per" only after "reports").

    Example:
        >>> by_construction("indirect", "citing"), by_construction("indirect", "said"), by_construction("speaker", None)
        (True, False, True)
    """
    return kind == "speaker" or (cue is not None and (is_perspective_cue(cue) or cue.lower() in ("citing", "per")
                                                      or (kind == "according_to" and cue in HEADLINE_CUES)))


_IMPERSONAL = re.compile(
    r"(?<!\w)it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?$", re.IGNORECASE
)
_ANON = re.compile(
    r"(?<!\w)(?:(?:a|one|two|three|several|many|some|the)\s+)?(?:senior\s+|unnamed\s+|anonymous\s+"
    r"|diplomatic\s+|military\s+|government\s+|western\s+|security\s+|intelligence\s+)*"
    r"(?:sources?|officials?|insiders?|people|persons?|diplomats?|aides?)"
    r"(?:\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on)\s+[^,.;]{1,60}?"
    r"|\s+who\s+(?:asked|spoke|requested|declined|did\s+not\s+want)[^,.;]{0,80}?"
    r"(?:named|identified|anonymity|anonymously|publicly|record))(?=\s*,?\s*$)",
    re.IGNORECASE,
)
_ANON_HINT = re.compile(r"source|official|insider|people|person|diplomat|aide", re.IGNORECASE)



#: documents that speak for their author: "the statement said", "a report by ... found"
class AttributionRules:
    """Finds sources in sentences. Stateless apart from the per-document entity memory."""

    def __init__(self) -> None:
        self._cues = cue_verbs()

    #: the noun phrase before a cue (:func:`stancekit.rules.noun_phrase.np_before`)
    np_before = staticmethod(np_before)

    # -- typing -------------------------------------------------------------------------
    def type_and_party(self, phrase: str, frame: Frame | None,
                       memory: dict[str, tuple[str, str | None]]) -> tuple[str, str | None]:
        """Type and party of a source phrase: lexicons and the frame, then the name memory."""
        typ = source_type(phrase)
        side = frame.party_of(phrase) if frame is not None else None
        hit = recall_name(phrase, memory) if typ is None or side is None or _BARE_NAME.fullmatch(phrase) else None
        if hit is not None and side is not None and hit[1] not in (None, side):
            return typ or hit[0], hit[1]  # "Sanders" after "Sarah Sanders": the person the document named
        if hit is not None and (typ is None or side is None):
            typ, side = typ or hit[0], side or hit[1]
        return typ or "other", side

    # -- main -------------------------------------------------------------------------------
    def find(
        self,
        text: str,
        start: int,
        end: int,
        *,
        quotes: list[tuple[int, int]] = (),  # type: ignore[assignment]
        frame: Frame | None = None,
        memory: dict[str, tuple[str, str | None]] | None = None,
    ) -> list[RawSource]:
        """Find the sources of the sentence ``text[start:end]`` (offsets are into ``text``): layout
        speakers, "according to", viewpoints, "what X called" (:mod:`stancekit.rules.labelling`),
        verb cues, then nominal cues, in that order (an earlier finding keeps its words)."""
        f = SentenceSources(self, text, start, end, list(quotes), frame, memory or {})
        f.speakers()
        f.according_to()
        f.viewpoints()
        for src, cue, content in what_called(text, start, end):  # "in what Ukraine said was revenge"
            f.add(src, cue, "neutral", "indirect", content)
        f.verb_cues()
        self._nominal(text, start, end, f.add, frame)
        return sorted(f.out, key=lambda r: r.start)

    def _nominal(self, text: str, start: int, end: int, add: Callable[..., None], frame: Frame | None = None) -> None:
        """Headline credits and nominal cues (:mod:`stancekit.rules.nominal`)."""
        for a, b, c, d in headline_credits(text, start, end):
            phrase = text[a:b]
            place_only = is_place(phrase) or phrase.lower() in DEMONYMS
            if source_type(phrase) is None and not (text[c:d] != "," and frame is not None and _is_actor(frame, phrase)):
                continue  # typed, or a frame's actor before a colon or after a dash ("Hamas: ...", "... - Pashinyan")
            if text[c:d] == "," and place_only:
                continue
            rest = trim_span(text, d, end) if c < a else trim_span(text, start, c)
            add((a, b), (c, d), "neutral", "according_to", rest)
        for m in NOMINAL_CUE.finditer(text, start, end):
            np = np_after(text, m.end(), end)
            if np is None or source_type(text[np[0]:np[1]]) is None or re.search(r"\s[a-z]{3,}ing\b", text[np[0]:np[1]]):
                continue  # untyped, or what the statement is about ("allegations of Azerbaijani troops crossing")
            key = "cue" if m.group("cue") else "report"
            add(np, m.span(key), NOMINAL_STANCE.get(m.group(key).lower(), "neutral"), "indirect", None)
        for m in POSSESSIVE_CUE.finditer(text, start, end):
            np = possessor_np(text, start, m.start("pos"))
            owner = text[np[0]:np[1]] if np is not None else ""
            if np is None or not (source_type(owner) is not None or is_personal_name(owner.split())
                                  or (frame is not None and _is_actor(frame, owner))):
                continue  # typed, a personal name, or a frame's actor whole ("Trump's claim that")
            add(np, (m.start("cue"), m.end("cue")), NOMINAL_STANCE.get(m.group("cue").lower(), "neutral"),
                "indirect", trim_span(text, m.end("cue"), end))

    @staticmethod
    def _content_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
        seg = text[lo:hi]
        m = re.match(r"(?:\s+[\w'’-]+){0,6}?\s+that\s+", seg) or re.match(r"\s*[:,]\s*", seg)
        if m:
            return trim_span(text, lo + m.end(), hi)
        m = re.match(r"\s+", seg)
        return trim_span(text, lo + (m.end() if m else 0), hi)

    @staticmethod
    def _adjacent_quote(text, quotes, cue, src, start, end) -> tuple[int, int] | None:
        lo, hi = min(cue[0], src[0]), max(cue[1], src[1])
        for qs, qe in quotes:
            if qs < start or qe > end + 1 or not is_quotation(text, qs, qe):
                continue
            if 0 <= lo - qe <= 3 or 0 <= qs - hi <= 3:
                return qs, qe
        return None


def _is_actor(frame: Frame, phrase: str) -> bool:
    """Whether ``phrase`` is one of the frame's actors, whole ("Hamas", "Pashinyan")."""
    found = frame.party_mentions(phrase)
    return len(found) == 1 and found[0][:2] == (0, len(phrase))


#: the end of an aside's object before a cue: "in a comment to | in an interview with <X> said"
_ASIDE_OBJECT = re.compile(r"\b(?:to|with)\s+\Z")


@dataclass
class SentenceSources:
    """One call of :meth:`AttributionRules.find`: the sentence, what is found so far, and each
    kind of finding as a step."""

    rules: AttributionRules
    text: str
    start: int
    end: int
    quotes: list[tuple[int, int]]
    frame: Frame | None
    memory: dict[str, tuple[str, str | None]]
    out: list[RawSource] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def overlaps(self, a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in self.taken)

    def add(self, src: tuple[int, int], cue: tuple[int, int], stance: str, kind: str,
            content: tuple[int, int] | None, force_type: str | None = None) -> None:
        """Record a source unless its words are taken, it is not source-like or a dateline."""
        text = self.text
        s, e = src
        phrase = text[s:e]
        if self.overlaps(s, e):
            return
        if force_type is None and not is_source_like(phrase):
            return
        if is_dateline(text, s, e, self.start):
            return
        if force_type:
            typ, side = force_type, (self.frame.party_of(phrase) if self.frame is not None else None)
        else:
            typ, side = self.rules.type_and_party(phrase, self.frame, self.memory)
        q = self.rules._adjacent_quote(text, self.quotes, cue, src, self.start, self.end)
        if q is not None:
            kind = "speaker" if kind == "speaker" else "direct_quote"
            inner = quote_inner(text, *q)
            content = inner if inner[1] > inner[0] else None
        elif content is not None:
            content = trim_span(text, *content)
        self.out.append(RawSource(phrase, s, e, text[cue[0]:cue[1]], cue[0], cue[1], stance, kind, typ, side, content))
        self.taken.append((s, e))
        self.taken.append(cue)

    def speakers(self) -> None:
        """Speakers marked by layout (:func:`stancekit.rules.layout.layout_speakers`)."""
        for sp in layout_speakers(self.text, self.start, self.end):
            self.add(sp.name, sp.cue, "neutral", "speaker", sp.content)
            if sp.also_taken is not None:
                self.taken.append(sp.also_taken)

    def according_to(self) -> None:
        """ "According to X" (and a wire's "reports citing X"), with the rest of the sentence (or
        what precedes) as content."""
        text, start, end = self.text, self.start, self.end
        low = text[start:end].lower()
        found = [(m, (m.start(), m.end())) for m in ACCORDING.finditer(text, start, end)] if "ccording" in low else []
        if " citing " in low or " per " in low:
            found += [(m, m.span("cue")) for m in CITING.finditer(text, start, end)]
            taken = {cue for _, cue in found}
            found += [(m, m.span("cue")) for m in CITING_ANY.finditer(text, start, end) if m.span("cue") not in taken]
        for m, cue in found:
            np = np_after(text, m.end(), end)
            if np is None or (m.re is CITING_ANY and not cited_speaker(text[np[0]:np[1]])):
                continue
            cue = trim_span(text, *cue) or cue
            before = text[start:m.start()]
            if cue[0] != m.start() and m.re is not CITING_ANY:  # "..., Trend reports citing X": what precedes the wire's name
                before = before[:before.rfind(",")] if "," in before else ""
            before = before.rstrip(" ,")
            if before.strip():
                content = (start, start + len(before))
            else:
                that = re.match(r"\s+that\s+", text[np[1]:end])
                rest = np[1] + that.end() - 1 if that else text.find(",", np[1], end)
                content = (rest + 1, end) if rest != -1 else None
            anon = _ANON.search(text[np[0]:np[1]] + " ")
            self.add(np, cue, "neutral", "according_to", content, "anonymous" if anon else None)

    def viewpoints(self) -> None:
        """ "In X's view", "in the eyes of X" and the like."""
        text, start, end = self.text, self.start, self.end
        low = text[start:end].lower()
        if not any(w in low for w in ("view", "perspective", "opinion", "eyes", "assessment", "estimation")):
            return
        for m in VIEW_BEFORE.finditer(text, start, end):
            np = trim_span(text, m.start("np"), m.end("np"))
            if np is None:
                continue
            s, e = np
            if text[s:e].lower().startswith("the "):
                s += 4
            rest = text.find(",", m.end(), end)
            self.add((s, e), (m.start(), m.end()), "neutral", "according_to", (rest + 1, end) if rest != -1 else None)
        for m in VIEW_AFTER.finditer(text, start, end):
            np = np_after(text, m.end(), end)
            if np:
                rest = text.find(",", np[1], end)
                self.add(np, (m.start(), m.end() - 1), "neutral", "according_to", (rest + 1, end) if rest != -1 else None)

    def verb_cues(self) -> None:
        for m in cue_matches(self.text, self.start, self.end):
            if not self.overlaps(m.start(), m.end()):
                self.verb_cue(m)

    def relative_subject(self, before: str, wstart: int, cue: tuple[int, int], stance: str,
                         content: tuple[int, int] | None) -> bool:
        """A relative pronoun as the cue's subject (:func:`stancekit.relatives.relative_subject`):
        the pronoun is the source, unless its antecedent is cited already. Whether the cue is taken."""
        found = relative_subject(self.text, self.start, before, wstart, self.quotes, np_before)
        if found is None:
            return False
        pronoun, np = found
        if np is not None and not self.overlaps(*np):
            self.add(pronoun, cue, stance, "indirect", content, force_type="other")
        return True

    def verb_cue(self, m: re.Match[str]) -> None:
        """A reporting verb: passive with agent, impersonal passive, anonymous source, the noun
        phrase before it, or (inverted) after it."""
        text, start, end, rules = self.text, self.start, self.end, self.rules
        form = re.sub(r"\s+", " ", m.group(0))
        lemma, stance = rules._cues[form]
        cue = (m.start(), m.end())
        # the text beside the cue, within NP_WINDOW (so a long sentence is read once);
        # offsets into ``before`` are relative to ``wstart``
        wstart = window_before(text, start, m.start())
        after = text[m.end():min(end, m.end() + NP_WINDOW)]
        before = text[wstart:m.start()]
        if not cue_applies(lemma, before, after, form):
            return
        # passive with agent: "proposed by X", "as reported by X"
        if re.match(r"\s+by\s", after) and form.endswith(("ed", "en", "wn", "ld", "id", "ote")):
            np = np_after(text, m.end() + after.index("by") + 3, end)
            if np:
                self.add(np, cue, stance, "indirect", None)
                return
        # impersonal passive: "it was reported that"
        imp = _IMPERSONAL.search(before)
        if imp and re.match(r"\s+that\b", after):
            self.add((wstart + imp.start(), m.end()), cue, stance, "indirect",
                     (m.end() + after.index("that") + 4, end), force_type="anonymous")
            return
        content = rules._content_after(text, m.end(), end)
        # anonymous NP ("officials who asked not to be named said")
        anon = _ANON.search(before.rstrip(" ,")) if _ANON_HINT.search(before) else None
        if anon and anon.end() >= len(before.rstrip(" ,")) - 1:
            self.add((wstart + anon.start(), wstart + anon.end()), cue, stance, "indirect", content, force_type="anonymous")
            return
        if self.relative_subject(before, wstart, cue, stance, content):
            return
        np = None
        if form == "quoted as saying":
            lo = re.search(r"\s(?:was|is|were|has\s+been)\s*$", before)
            if lo:
                np = np_before(text, start, wstart + lo.start())
        else:
            stripped = before.rstrip()
            if stripped and stripped[-1] not in ",”\"":
                np = np_before(text, start, m.start())
                if np and _ASIDE_OBJECT.search(text, max(start, np[0] - 6), np[0]):
                    # "X, in a comment to Ukrainska Pravda said": the outlet is whom X spoke to
                    np = before_aside(text, start, m.start()) or np
            elif stripped.endswith(","):
                np = apposition_name(text, wstart, wstart + len(stripped) - 1) or before_aside(
                    text, start, wstart + len(stripped) - 1)
        if np and is_source_like(text[np[0]:np[1]]):
            if content is None:
                head = text[start:np[0]].rstrip()
                if head.endswith(","):
                    content = (start, start + len(head) - 1)
            self.add(np, cue, stance, "indirect", content)
            return
        # inverted: "..., said X" / "“...,” X said" is handled above; here the source follows
        if before.rstrip()[-1:] in {",", "”", '"'} or (wstart == start and not before.strip()):
            np = np_after(text, m.end(), end)
            if np and is_source_like(text[np[0]:np[1]]):
                head = before.rstrip().rstrip(",”\"").rstrip()
                self.add(np, cue, stance, "indirect", (start, wstart + len(head)) if head else None)
