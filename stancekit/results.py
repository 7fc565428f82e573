"""Frozen result objects returned by the analyzer.

All spans are character offsets into the *document* text: ``doc.text[s.start:s.end] == s.text``
holds for every :class:`Span` reachable from a :class:`DocumentResult`.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Azerbaijani media reported that the road was closed.", frame="karabakh")
    >>> src = doc.sentences[0].attribution.sources[0]
    >>> (src.span.text, src.type, src.side, src.cue.text, src.cue_stance)
    ('Azerbaijani media', 'media', 'azerbaijan', 'reported', 'neutral')
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "SOURCE_TYPES",
    "CUE_STANCES",
    "SOURCE_KINDS",
    "SIDE_BASES",
    "HEDGE_CATEGORIES",
    "TERM_KINDS",
    "Span",
    "Source",
    "Attribution",
    "Cue",
    "Hedging",
    "Term",
    "Framing",
    "SentenceResult",
    "DocumentResult",
]

SOURCE_TYPES: tuple[str, ...] = (
    "government",
    "military",
    "media",
    "international_org",
    "ngo",
    "expert",
    "political",
    "anonymous",
    "citizen",
    "other",
)
CUE_STANCES: tuple[str, ...] = ("neutral", "endorsing", "distancing")
SOURCE_KINDS: tuple[str, ...] = ("direct_quote", "indirect", "according_to", "speaker")
#: what gave a source its side (:attr:`Source.side_basis`), most direct first; measured accuracy of
#: each on unseen articles: README, "Outlet validity" (side accuracy by basis)
SIDE_BASES: dict[str, str] = {
    "phrase": "the source phrase names the party itself: a frame actor, a demonym, an owner, an actor pattern",
    "name": "a name the document gives elsewhere with a party or a title: before, after or in an apposition "
            "('Sen. Chuck Schumer' ... 'Schumer'; 'Jens Laerke, spokesperson for the UN humanitarian office'), "
            "or a source that ends in the same full name ('CDC director Dr. Robert Redfield' ... 'Redfield')",
    "office": "a national office held by that party on the document's date ('the White House'), or its holder; "
              "without a date, in the term of the one party whose sitting president the text names ('President Trump')",
    "follow_up": "a follow-up ('the ministry', 'he', 'the statement') takes the party of the source it refers to "
                 "(the nearest earlier one; for a headline's bare 'Defense Ministry:', the first one after it)",
    "named_nearby": "he/she with no cited person before it, or 'the campaign' with no campaign named before it: the "
                    "one party of the people named within 3 sentences",
    "owner": "a possessive description ('its foreign ministry') takes the party of the body that opens its sentence "
             "or the one before",
    "army": "an army named without a nationality ('the army', 'a military spokesperson') takes the party of the "
            "frame's armed_forces (israel_gaza: Israel; us_politics: the armed services, agencies), unless the text "
            "has named another nation's army",
    "home": "a state body named without a nationality takes the document's home party (a dateline's seat of "
            "government, or a news agency crediting itself; without either, in a frame of states, the side that "
            "holds at least 70% of the sides the document's own source phrases name)",
}
HEDGE_CATEGORIES: tuple[str, ...] = (
    "modal",
    "epistemic_verb",
    "adverb",
    "uncertainty",
    "hearsay",
    "approximator",
    "conditional",
    "weasel",
)
TERM_KINDS: tuple[str, ...] = ("contested", "dual_name", "scare_quote", "so_called", "loaded")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _ToDict:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable ``dict`` (nested results become dicts and lists)."""
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Span(_ToDict):
    """A character span of the document: ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Source(_ToDict):
    """One attributed source.

    Attributes:
        span: the source noun phrase (its head where an apposition names it).
        type: one of :data:`SOURCE_TYPES`.
        side: the frame side the source belongs to, or ``None`` (no frame / not identifiable).
        cue: the reporting cue ("said", "according to", "revealed").
        cue_stance: ``neutral``, ``endorsing`` (revealed, confirmed) or ``distancing`` (claimed).
        content: the attributed content where it can be delimited, else ``None``.
        kind: ``direct_quote``, ``indirect``, ``according_to`` or ``speaker`` (a transcript's
            speaker label, "WALLACE: ...", or a dash sign-off under a quotation, "― Jane Doe").
        origin: ``rules``, ``model`` or ``both`` (which component found it).
        side_basis: what gave the side, one of :data:`SIDE_BASES` (``None`` when ``side`` is);
            the README gives each basis's measured accuracy, so a study can keep only the sides
            it trusts.
    """

    span: Span
    type: str
    side: str | None
    cue: Span | None
    cue_stance: str
    content: Span | None
    kind: str
    origin: str = "rules"
    side_basis: str | None = None

    def __setstate__(self, state: list[Any]) -> None:
        # a Source pickled before a field was added has a shorter state: the new fields take their defaults
        fields = dataclasses.fields(self)
        for f, value in zip(fields, [*state, *(f.default for f in fields[len(state):])]):
            object.__setattr__(self, f.name, value)


@dataclass(frozen=True, slots=True)
class Attribution(_ToDict):
    """Sentence-level attribution: probability that the sentence attributes, and its sources."""

    probability: float
    sources: tuple[Source, ...] = ()
    threshold: float = 0.5

    @property
    def attributed(self) -> bool:
        """``probability >= threshold`` (the analyzer's: ``Analyzer.thresholds``)."""
        return self.probability >= self.threshold


@dataclass(frozen=True, slots=True)
class Cue(_ToDict):
    """A hedge cue with its category (one of :data:`HEDGE_CATEGORIES`)."""

    span: Span
    category: str
    origin: str = "rules"


@dataclass(frozen=True, slots=True)
class Hedging(_ToDict):
    """Sentence-level hedging: probability that the sentence is hedged, and its cues."""

    probability: float
    cues: tuple[Cue, ...] = ()
    threshold: float = 0.5

    @property
    def hedged(self) -> bool:
        """``probability >= threshold``."""
        return self.probability >= self.threshold


@dataclass(frozen=True, slots=True)
class Term(_ToDict):
    """A loaded or contested term.

    Attributes:
        span: the term in the document.
        side: the frame side whose usage it is, or ``None`` (generic loaded word, no frame).
        inside_quote: True when it stands inside a direct quote, i.e. it is a source's
            wording rather than the outlet's own.
        kind: ``contested`` (frame term), ``dual_name`` (a contested term named next to the
            other side's name for the same thing: neutral practice, no side), ``scare_quote``,
            ``so_called`` or ``loaded``.
        neutral: the frame's neutral equivalent, where it gives one.
        weight: evidence weight of the term in the lean (the frame's; weak terms below 1).
    """

    span: Span
    side: str | None
    inside_quote: bool
    kind: str = "contested"
    neutral: str | None = None
    origin: str = "rules"
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Framing(_ToDict):
    """Sentence-level framing: probability of loaded/biased wording, terms and lean.

    ``lean`` lies in [-1, 1] along the frame's ``axis`` (-1: first side, +1: second side): the
    shrunken wording lean of :func:`stancekit.lean.estimate_lean` over the outlet's own wording
    (weighted terms outside quotes); ``None`` without a frame or without such terms.
    """

    probability: float
    terms: tuple[Term, ...] = ()
    lean: float | None = None
    threshold: float = 0.5

    @property
    def loaded(self) -> bool:
        """``probability >= threshold``."""
        return self.probability >= self.threshold


@dataclass(frozen=True, slots=True)
class SentenceResult(_ToDict):
    """Everything stancekit says about one sentence."""

    span: Span
    attribution: Attribution
    hedging: Hedging
    framing: Framing

    @property
    def text(self) -> str:
        return self.span.text


def _lean_summary(sentences: tuple[SentenceResult, ...], axis: tuple[str, str] | None) -> dict[str, Any]:
    if axis is None:
        return {"lean": None}
    import numpy as np

    from stancekit.lean import lean_profile, sourcing_evidence, stance_evidence, wording_evidence

    terms = [(t.side, t.inside_quote, t.weight) for s in sentences for t in s.framing.terms]
    sources = [src for s in sentences for src in s.attribution.sources]
    ev = {
        "wording": wording_evidence(terms, axis),
        "sourcing": sourcing_evidence((x.side for x in sources), axis),
        "stance": stance_evidence(((x.side, x.cue_stance) for x in sources), axis),
    }
    arrays = {k: (np.array([v[0]]), np.array([v[1]])) for k, v in ev.items()}
    return lean_profile(arrays, rng=np.random.default_rng(0), n_boot=1000)


#: thresholds where none is given; an analyzer passes its own (``Analyzer.thresholds``: the model's
#: ``stancekit.json`` ``thresholds``, or rules-only :func:`stancekit.rules.scores.rules_thresholds`)
DEFAULT_THRESHOLDS: dict[str, float] = {"attributed": 0.5, "hedged": 0.5, "biased": 0.5}


def sentence_result(span: Span, *, p_attr: float, sources: Any, p_hedge: float, cues: Any, p_frame: float,
                    terms: Any, lean: float | None, thresholds: dict[str, float]) -> SentenceResult:
    """The one place a sentence's result is assembled, in every mode: probabilities rounded to 6
    places, decisions at ``thresholds`` (keys ``attributed``, ``hedged``, ``biased``)."""
    return SentenceResult(
        span=span,
        attribution=Attribution(round(p_attr, 6), tuple(sources), thresholds["attributed"]),
        hedging=Hedging(round(p_hedge, 6), tuple(cues), thresholds["hedged"]),
        framing=Framing(round(p_frame, 6), tuple(terms), lean, thresholds["biased"]),
    )


@dataclass(frozen=True, slots=True)
class DocumentResult(_ToDict):
    """The analysis of one document.

    Attributes:
        text: the document exactly as given.
        sentences: one :class:`SentenceResult` per sentence, in order.
        meta: frame name and axis, analyzer mode, model name, plus user metadata.
        summary: document aggregates (see :meth:`summarize`), computed at construction.
    """

    text: str
    sentences: tuple[SentenceResult, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def summarize(
        sentences: tuple[SentenceResult, ...],
        *,
        sides: tuple[str, ...] = (),
        axis: tuple[str, str] | None = None,
        parties: tuple[str, ...] | None = None,
    ) -> dict[str, Any]:
        """Compute document aggregates.

        Keys: ``n_sentences``, ``attributed_share``, ``n_sources``, ``sources_by_type``,
        ``sources_by_side`` (every frame party plus ``"none"``), ``distancing_share`` (share of
        sources with a distancing cue), ``hedge_rate`` (share of hedged sentences),
        ``hedge_cues_by_category``, ``loaded_share`` (share of sentences with loaded wording),
        ``loaded_term_rate`` (own-voice terms per sentence), ``quoted_term_rate`` (terms
        inside quotes per sentence), ``terms_by_side``, ``mean_framing_probability`` and
        ``lean`` with ``lean_lo``/``lean_hi`` (95% interval), ``lean_reason`` (why it is NaN) and
        the parts ``lean_wording``, ``lean_sourcing``, ``lean_stance`` with their evidence
        (:func:`stancekit.lean.lean_profile`); ``lean`` is ``None`` without a frame axis.
        """
        n = len(sentences)
        sources = [s for sent in sentences for s in sent.attribution.sources]
        by_type = Counter(s.type for s in sources)
        by_side: Counter[str] = Counter({side: 0 for side in (parties if parties is not None else sides)})
        by_side["none"] = 0
        for s in sources:
            by_side[s.side or "none"] += 1
        cues = [c for sent in sentences for c in sent.hedging.cues]
        terms = [t for sent in sentences for t in sent.framing.terms]
        own = [t for t in terms if not t.inside_quote]
        terms_by_side: Counter[str] = Counter({side: 0 for side in sides})
        terms_by_side.update(t.side for t in terms if t.side)

        def share(k: int) -> float:
            return round(k / n, 6) if n else 0.0

        return {
            "n_sentences": n,
            "attributed_share": share(sum(s.attribution.attributed for s in sentences)),
            "n_sources": len(sources),
            "sources_by_type": {t: by_type[t] for t in sorted(by_type)},
            "sources_by_side": dict(by_side),
            "distancing_share": round(
                sum(s.cue_stance == "distancing" for s in sources) / len(sources), 6
            )
            if sources
            else 0.0,
            "hedge_rate": share(sum(s.hedging.hedged for s in sentences)),
            "hedge_cues_by_category": dict(sorted(Counter(c.category for c in cues).items())),
            "loaded_share": share(sum(s.framing.loaded for s in sentences)),
            "loaded_term_rate": share(len(own)),
            "quoted_term_rate": share(len(terms) - len(own)),
            "terms_by_side": dict(terms_by_side),
            "mean_framing_probability": round(
                sum(s.framing.probability for s in sentences) / n, 6
            )
            if n
            else 0.0,
            **_lean_summary(sentences, axis),
        }

    def __str__(self) -> str:
        from stancekit.render import render_table

        return render_table(self)

    def to_html(self, path: str | None = None, *, title: str | None = None) -> str:
        """The article view (:mod:`stancekit.article_view`): the text with sources, cues,
        contents, hedge cues and framing terms highlighted, a legend and a summary panel; one
        self-contained page. Written to ``path`` too when given.

        Example:
            >>> import stancekit
            >>> page = stancekit.load(rules_only=True)("Officials said <b>it</b> may rain.").to_html()
            >>> "&lt;b&gt;it&lt;/b&gt;" in page and "<script" not in page
            True
        """
        from stancekit.article_view import render_article

        page = render_article(self, title=title)
        if path is not None:
            from pathlib import Path

            Path(path).write_text(page, encoding="utf-8")
        return page

    def _repr_html_(self) -> str:
        from stancekit.article_view import render_article

        return render_article(self, fragment=True)
