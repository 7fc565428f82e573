"""The two passes that build a document's result: each sentence alone, then the document as a whole.

* :func:`analyse_sentence`: one sentence's rules (sources, hedge cues, frame terms) and, when the
  model ran, their merge with its predictions (:func:`stancekit.model.merge.merge_sentence`);
  rules only, their calibrated probabilities.
* :func:`resolve_document`: what needs the other sentences: the party in office on the
  document's date (:mod:`stancekit.government`), relative pronouns (:mod:`stancekit.relatives`),
  coordinated sources of two parties (:mod:`stancekit.coordination`), one person's one side
  (:mod:`stancekit.same_name`), follow-up mentions (:mod:`stancekit.coref`) and what gave each
  side (:mod:`stancekit.side_basis`), in that order.

:class:`stancekit.analyzer.Analyzer` calls both; they hold no state of their own.

Example:
    >>> from stancekit.rules.attribution import AttributionRules
    >>> from stancekit.rules.scores import calibration, rules_thresholds
    >>> text = "The ministry said the road was closed."
    >>> options = SentenceOptions(AttributionRules(), True, rules_thresholds(), "news", calibration())
    >>> sent = analyse_sentence(text, 0, len(text), [], None, {}, None, options)
    >>> [s.span.text for s in sent.attribution.sources]
    ['The ministry']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stancekit.coordination import split_coordinated
from stancekit.coref import resolve_followups
from stancekit.government import apply_government
from stancekit.lean import sentence_lean
from stancekit.relatives import resolve_relatives
from stancekit.results import Cue, SentenceResult, Source, Span, Term, sentence_result
from stancekit.rules.framing import find_terms, framing_probability
from stancekit.rules.hedging import counts_as_hedge, find_hedges, hedge_probability
from stancekit.rules.scores import ATTRIBUTION, calibrated
from stancekit.rules.source_phrase import is_source_like
from stancekit.same_body import carry_bodies
from stancekit.same_name import carry_names
from stancekit.side_basis import label_bases
from stancekit.text import is_quotation

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.rules.attribution import AttributionRules

__all__ = ["SentenceOptions", "analyse_sentence", "resolve_document"]


@dataclass(frozen=True)
class SentenceOptions:
    """The analyzer's settings a sentence is read with."""

    rules: AttributionRules
    use_rules: bool
    thresholds: dict[str, float]
    hedge_definition: str
    rule_calibration: Any


def analyse_sentence(text: str, s: int, e: int, quotes: list[tuple[int, int]], frame: Frame | None,
                     memory: dict[str, Any], pred: Any, options: SentenceOptions) -> SentenceResult:
    """One sentence ``text[s:e]``; ``quotes``: the quotations overlapping it; ``memory``: the
    document's name memory; ``pred``: the model's prediction for it, or ``None`` (rules only)."""
    def span(a: int, b: int) -> Span:
        return Span(a, b, text[a:b])

    raw = options.rules.find(text, s, e, quotes=quotes, frame=frame, memory=memory)
    sources = [
        Source(
            span=span(r.start, r.end),
            type=r.type,
            side=r.side,
            cue=span(r.cue_start, r.cue_end) if r.cue else None,
            cue_stance=r.stance,
            content=span(*r.content) if r.content else None,
            kind=r.kind,
        )
        for r in raw
    ]
    hedges = [Cue(span(a, b), cat) for a, b, cat in find_hedges(text, s, e)
              if counts_as_hedge(text, a, b, cat, options.hedge_definition)]
    terms = [
        Term(span(a, b), side, quoted, kind, neutral, weight=weight)
        for a, b, side, quoted, kind, neutral, weight in find_terms(text, s, e, quotes=quotes, frame=frame)
    ]
    if raw:
        p_attr = max(ATTRIBUTION[r.kind] for r in raw)
    elif any(qa >= s and qb <= e and is_quotation(text, qa, qb) for qa, qb in quotes):
        p_attr = ATTRIBUTION["quotation_only"]
    else:
        p_attr = ATTRIBUTION["none"]
    p_hedge = hedge_probability([c.category for c in hedges])
    p_frame = framing_probability([(t.side, t.inside_quote, t.kind) for t in terms])
    if pred is not None:
        from stancekit.model.merge import merge_sentence

        return merge_sentence(
            text, s, e, pred, sources, hedges, terms, frame=frame, quotes=quotes,
            type_side=lambda phrase: options.rules.type_and_party(phrase, frame, memory),
            source_like=is_source_like,
            use_rules=options.use_rules, thresholds=options.thresholds,
            hedge_definition=options.hedge_definition,
        )
    fit = options.rule_calibration
    p_attr, p_hedge, p_frame = (calibrated("attributed", p_attr, fit), calibrated("hedged", p_hedge, fit),
                                calibrated("biased", p_frame, fit))
    return sentence_result(span(s, e), p_attr=p_attr, sources=sources, p_hedge=p_hedge, cues=hedges, p_frame=p_frame,
                           terms=terms, lean=sentence_lean(terms, frame.axis if frame else None),
                           thresholds=options.thresholds)


def resolve_document(sentences: tuple[SentenceResult, ...], text: str, frame: Frame | None, date: Any,
                     memory: dict[str, Any], quotes: list[tuple[int, int]],
                     rules: AttributionRules) -> tuple[SentenceResult, ...]:
    """The passes that need the whole document (see the module), on its analysed sentences."""
    # the party in office for "the White House" and its people, on the document's date
    gov = frame.government if frame is not None else None
    in_office = gov.party_in_office(text, date, frame.party_of) if gov is not None else None
    sentences = apply_government(sentences, frame, text, in_office)
    party = _conjunct_party(rules, frame, memory, in_office)
    sentences = resolve_relatives(sentences, text, rules.np_before,
                                  lambda p: (rules.type_and_party(p, frame, memory)[0], party(p)))
    sentences = carry_bodies(carry_names(split_coordinated(sentences, frame, party)), frame)
    sentences = resolve_followups(sentences, frame, text, quotes, memory)
    return label_bases(sentences, frame, in_office)


def _conjunct_party(rules: AttributionRules, frame: Frame | None, memory: dict[str, Any],
                    in_office: str | None) -> Callable[[str], str | None]:
    """The party of a phrase the analysis rebuilds after the rules (a conjunct of a coordinated
    source, a relative pronoun's antecedent): the frame, the document's name memory, then the
    document's party in office for a national office ("The White House and congressional Republicans")."""
    def party(phrase: str) -> str | None:
        side = rules.type_and_party(phrase, frame, memory)[1]
        if side is None and frame is not None and frame.government is not None and frame.government.names_office(phrase):
            side = in_office
        return side
    return party
