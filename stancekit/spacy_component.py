"""spaCy adapter: a ``stancekit`` pipeline component (``pip install 'stancekit[spacy]'``).

Registered by entry point (``spacy_factories``), so ``nlp.add_pipe("stancekit")`` works in any
pipeline, ``spacy.blank("en")`` included; nothing is downloaded. The component analyses the
document's text and sets:

* ``doc._.stance``: the :class:`~stancekit.results.DocumentResult`;
* span groups ``doc.spans["stancekit_sources"]`` (label: the source's party, or ``none``),
  ``"stancekit_cues"`` (hedge cues; label: category) and ``"stancekit_terms"`` (framing terms;
  label: side, or ``none``), each span's ``span._.stancekit`` holding its result object
  (:class:`~stancekit.results.Source`, :class:`~stancekit.results.Cue` or
  :class:`~stancekit.results.Term`).

Character spans are aligned to the spaCy tokens that contain them.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("stancekit", config={"frame": "karabakh", "rules_only": True})
    >>> doc = nlp("Azerbaijan's Defense Ministry said the separatist regime fired.")
    >>> [(s.text, s.label_) for s in doc.spans["stancekit_sources"]], doc._.stance.summary["n_sources"]
    ([("Azerbaijan's Defense Ministry", 'azerbaijan')], 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["StancekitComponent", "make_stancekit"]

def _object_of(span: Span) -> Any:
    """The stancekit object behind a span of one of the stancekit groups (its ``kb_id`` names the
    group: spaCy keys stored span values by offsets only, so a source and a term over the same
    words would overwrite each other)."""
    index = span.doc._.stancekit_index or {}
    return index.get((span.kb_id_, span.start_char, span.end_char))


if not Doc.has_extension("stance"):
    Doc.set_extension("stance", default=None)
if not Doc.has_extension("stancekit_index"):
    Doc.set_extension("stancekit_index", default=None)
if not Span.has_extension("stancekit"):
    Span.set_extension("stancekit", getter=_object_of)


@Language.factory("stancekit", default_config={"frame": None, "rules_only": False, "model": None, "backend": "auto",
                                                "hedge_definition": "news", "batch_size": 64})
def make_stancekit(nlp: Language, name: str, frame: str | None, rules_only: bool, model: str | None, backend: str,
                   hedge_definition: str, batch_size: int) -> StancekitComponent:
    """The factory spaCy calls for ``nlp.add_pipe("stancekit", config={...})``."""
    return StancekitComponent(frame=frame, rules_only=rules_only, model=model, backend=backend,
                              hedge_definition=hedge_definition, batch_size=batch_size)


class StancekitComponent:
    """Sets ``doc._.stance`` and the stancekit span groups (see the module docstring)."""

    def __init__(self, *, frame: str | None = None, rules_only: bool = False, model: str | None = None,
                 backend: str = "auto", hedge_definition: str = "news", batch_size: int = 64) -> None:
        import stancekit

        self.analyzer = stancekit.load(None if rules_only else model, rules_only=rules_only, backend=backend,
                                       frame=frame, hedge_definition=hedge_definition)
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self.analyzer(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_size):
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> Iterator[Doc]:
        results = self.analyzer.pipe([d.text for d in docs], batch_size=len(docs) or 1, show_progress_bar=False)
        for doc, result in zip(docs, results):
            yield self._set(doc, result)

    @staticmethod
    def _set(doc: Doc, result: Any) -> Doc:
        doc._.stance = result
        groups: dict[str, list[Span]] = {"stancekit_sources": [], "stancekit_cues": [], "stancekit_terms": []}
        index: dict[tuple[str, int, int], Any] = {}

        def add(group: str, obj: Any, label: str) -> None:
            span = doc.char_span(obj.span.start, obj.span.end, label=label, kb_id=group, alignment_mode="expand")
            if span is not None:
                index.setdefault((group, span.start_char, span.end_char), obj)
                groups[group].append(span)

        for s in result.sentences:
            for src in s.attribution.sources:
                add("stancekit_sources", src, src.side or "none")
            for cue in s.hedging.cues:
                add("stancekit_cues", cue, cue.category)
            for term in s.framing.terms:
                add("stancekit_terms", term, term.side or "none")
        for name, spans in groups.items():
            doc.spans[name] = spans
        doc._.stancekit_index = index
        return doc
