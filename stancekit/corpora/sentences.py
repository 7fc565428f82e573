"""Document text to schema rows, one per sentence, with the spans inside each."""

from __future__ import annotations

from typing import Any

from stancekit.corpora._schema import row
from stancekit.text import split_sentences

__all__ = ["clip_spans", "sentence_rows"]


def clip_spans(spans: list[dict[str, Any]], s: int, e: int) -> list[dict[str, Any]]:
    """The spans that overlap ``[s, e)``, cut to it and made relative to ``s``, in order."""
    out = []
    for sp in spans:
        a, b = max(sp["start"], s), min(sp["end"], e)
        if a < b:
            out.append({**sp, "start": a - s, "end": b - s})
    return sorted(out, key=lambda x: (x["start"], x["end"]))


def sentence_rows(text: str, doc_id: str, corpus: str, spans: list[dict[str, Any]], label_fn: Any, **meta: Any) -> list[dict[str, Any]]:
    """One schema row per sentence of a document, with the spans inside it and ``label_fn``'s labels."""
    rows = []
    for s, e in split_sentences(text):
        local = clip_spans(spans, s, e)
        rows.append(row(text[s:e], doc_id, corpus, sentence_start=s, sentence_end=e, spans=local,
                        **label_fn(local), **meta))
    return rows
