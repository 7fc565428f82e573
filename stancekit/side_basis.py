"""What gave each source its side: :attr:`stancekit.results.Source.side_basis`.

The passes that give a side from the document around a source (follow-ups, the pronoun
fallback, possessive descriptions, the home party: :mod:`stancekit.coref`; national offices by
date: :mod:`stancekit.government`) name their basis when they set the side. Every other side
comes from the source's own phrase, read by the frame, the document's name memory or the
national offices (the rules, the model's spans, relative pronouns' antecedents, the conjuncts of a
coordinated source); :func:`label_bases` names those last, once the document is resolved, and
clears the basis of a source that has no side. The vocabulary and its meanings are
:data:`stancekit.results.SIDE_BASES`.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Azerbaijan's Defense Ministry said posts were shelled. The ministry added that "
    ...           "two soldiers were hurt.", frame="karabakh")
    >>> [(s.span.text, s.side, s.side_basis) for x in doc.sentences for s in x.attribution.sources]
    [("Azerbaijan's Defense Ministry", 'azerbaijan', 'phrase'), ('The ministry', 'azerbaijan', 'follow_up')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stancekit.rules.source_phrase import cut_aside

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult, Source

__all__ = ["phrase_basis", "label_bases"]


def phrase_basis(src: Source, frame: Frame | None, in_office: str | None = None) -> str | None:
    """The basis of a side read from the source's own phrase: ``phrase`` when the frame reads
    that party in it (without an aside the span keeps: "Pashinyan, answering Azerbaijani
    journalists,"), ``office`` when it names a national office and the side is ``in_office``
    (the document's party in office), else ``name`` (the document's name memory); ``None``
    without a side."""
    if src.side is None or frame is None:
        return None
    text = src.span.text
    phrase = text[slice(*cut_aside(text, 0, len(text)))]
    if src.side in (frame.party_of(phrase), frame.party_of(text)):
        return "phrase"
    gov = frame.government
    if gov is not None and in_office == src.side and gov.names_office(phrase):
        return "office"
    return "name"


def label_bases(sentences: tuple[SentenceResult, ...], frame: Frame | None,
                in_office: str | None = None) -> tuple[SentenceResult, ...]:
    """The sentences with every sided source's basis named (see the module); a source without a
    side has none."""
    out = []
    for sent in sentences:
        sources = tuple(
            replace(src, side_basis=None) if src.side is None
            else src if src.side_basis is not None
            else replace(src, side_basis=phrase_basis(src, frame, in_office))
            for src in sent.attribution.sources)
        out.append(sent if sources == sent.attribution.sources else
                   replace(sent, attribution=replace(sent.attribution, sources=sources)))
    return tuple(out)
