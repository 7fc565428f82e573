"""The tidy sentence table: one row per sentence (see :data:`SENTENCE_COLUMNS`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from stancekit.errors import InvalidInputError
from stancekit.results import DocumentResult

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SENTENCE_COLUMNS", "SCORED_MARKERS", "LATER_COLUMNS", "results_to_frame", "scored_table"]

#: Output columns of :meth:`Analyzer.score_frame` and :func:`stancekit.to_frame`, with their
#: pandas dtypes. Input columns come first, unchanged; the input index is repeated per sentence.
#:
#: ``status``: "ok", "empty" (no sentence) or "error" (see ``error``); ``doc_position``: the
#: row's position in the input; ``sentence_index``: 0-based within the document (<NA> when the
#: document has no sentence); ``sentence_start``/``sentence_end``: character offsets into the
#: document; list columns hold one entry per source (``source_*``), per hedge cue (``hedge_*``)
#: or per framing term (``term_*``), in text order.
SENTENCE_COLUMNS: dict[str, str] = {
    "doc_position": "int64",
    "status": "string",
    "error": "string",
    "sentence_index": "Int64",
    "sentence_start": "Int64",
    "sentence_end": "Int64",
    "sentence": "string",
    "attribution_probability": "Float64",
    "attributed": "boolean",
    "n_sources": "Int64",
    "source_texts": "object",
    "source_types": "object",
    "source_sides": "object",
    "source_side_bases": "object",
    "source_cues": "object",
    "source_cue_stances": "object",
    "source_kinds": "object",
    "hedge_probability": "Float64",
    "hedged": "boolean",
    "hedge_cues": "object",
    "hedge_categories": "object",
    "framing_probability": "Float64",
    "loaded": "boolean",
    "term_texts": "object",
    "term_sides": "object",
    "term_kinds": "object",
    "term_inside_quote": "object",
    "term_weights": "object",
    "lean": "Float64",
}


def _rows(pos: int, doc: DocumentResult) -> list[dict[str, object]]:
    status = doc.meta.get("status", "ok" if doc.sentences else "empty")
    base = {"doc_position": pos, "status": status, "error": doc.meta.get("error")}
    if not doc.sentences:
        return [dict(base)]
    rows = []
    for i, s in enumerate(doc.sentences):
        src = s.attribution.sources
        rows.append({
            **base,
            "sentence_index": i,
            "sentence_start": s.span.start,
            "sentence_end": s.span.end,
            "sentence": s.span.text,
            "attribution_probability": s.attribution.probability,
            "attributed": s.attribution.attributed,
            "n_sources": len(src),
            "source_texts": [x.span.text for x in src],
            "source_types": [x.type for x in src],
            "source_sides": [x.side for x in src],
            "source_side_bases": [x.side_basis for x in src],
            "source_cues": [x.cue.text if x.cue else None for x in src],
            "source_cue_stances": [x.cue_stance for x in src],
            "source_kinds": [x.kind for x in src],
            "hedge_probability": s.hedging.probability,
            "hedged": s.hedging.hedged,
            "hedge_cues": [c.span.text for c in s.hedging.cues],
            "hedge_categories": [c.category for c in s.hedging.cues],
            "framing_probability": s.framing.probability,
            "loaded": s.framing.loaded,
            "term_texts": [t.span.text for t in s.framing.terms],
            "term_sides": [t.side for t in s.framing.terms],
            "term_kinds": [t.kind for t in s.framing.terms],
            "term_inside_quote": [t.inside_quote for t in s.framing.terms],
            "term_weights": [t.weight for t in s.framing.terms],
            "lean": s.framing.lean,
        })
    return rows


#: columns that every version's scored sentence table has: a table with them is stancekit output
SCORED_MARKERS = ("doc_position", "status", "sentence_index", "sentence", "attribution_probability", "source_sides")
#: output columns a table scored by an earlier version may lack; they are filled in (their absence
#: changes nothing computed from the table). Any other missing output column is refused.
LATER_COLUMNS = ("source_side_bases",)


def scored_table(df: pd.DataFrame) -> pd.DataFrame | None:
    """``df`` as a complete scored sentence table, or ``None`` when it is not one (raw texts).

    A table scored by an earlier stancekit version gets the columns added since
    (:data:`LATER_COLUMNS`: one ``None`` per source); list columns read back as text (a CSV
    round trip: ``"['left', None]"``) are parsed; a table that lacks any other output column is
    refused, so that it is never mistaken for raw texts and scored again row by row.

    Example:
        >>> import pandas as pd, stancekit
        >>> t = stancekit.load(rules_only=True).score_frame(pd.DataFrame({"text": ["It rained. He said so."]}))
        >>> scored_table(t.drop(columns=["source_side_bases"]))["source_side_bases"].tolist()
        [[], [None]]
        >>> scored_table(t.astype({"source_sides": str}))["source_sides"].tolist()
        [[], [None]]
        >>> scored_table(t[["sentence"]]) is None
        True
    """
    if not set(SCORED_MARKERS) <= set(df.columns):
        return None
    refused = [c for c in SENTENCE_COLUMNS if c not in df.columns and c not in LATER_COLUMNS]
    if refused:
        raise InvalidInputError(f"the table looks like stancekit's scored output but lacks the columns {refused}; "
                                "score the texts again with this version (Analyzer.score_frame on the raw texts)")
    # a CSV round trip turns every list into text: the first value of a column says which it is
    lists = [c for c, dtype in SENTENCE_COLUMNS.items() if dtype == "object" and c in df.columns
             and isinstance(next(iter(df[c].dropna()), None), str)]
    if lists:
        df = df.assign(**{c: df[c].map(_parse_list) for c in lists})
    if "source_side_bases" not in df.columns:
        df = df.assign(source_side_bases=[[None] * len(v) if isinstance(v, list) else v for v in df["source_sides"]])
    return df


def _parse_list(value: object) -> object:
    """A list column's value read back from text ("['left', None]"), else the value itself."""
    import ast

    if isinstance(value, str) and value.startswith("["):
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise InvalidInputError(f"a list column holds {value[:60]!r}, which is not a list; "
                                    "save scored tables as parquet or JSON lines") from None
    return value


def results_to_frame(docs: Sequence[DocumentResult], df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Turn results into the tidy sentence table, joined to the input rows of ``df`` if given.

    Example:
        >>> import stancekit
        >>> docs = list(stancekit.load(rules_only=True).pipe(["It rained. He said so."]))
        >>> stancekit.to_frame(docs)[["sentence", "attributed"]].values.tolist()
        [['It rained.', False], ['He said so.', True]]
    """
    import pandas as pd

    if df is not None and len(df) != len(docs):
        raise InvalidInputError(f"got {len(docs)} results for {len(df)} rows")
    if df is not None:
        clash = sorted(set(df.columns) & set(SENTENCE_COLUMNS))
        if clash:
            raise InvalidInputError(
                f"input columns {clash} clash with stancekit's output columns; rename them first"
            )
    rows = [r for pos, doc in enumerate(docs) for r in _rows(pos, doc)]
    out = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    for col, dtype in SENTENCE_COLUMNS.items():
        if dtype == "object":
            out[col] = out[col].astype(object)
        else:
            out[col] = out[col].astype(dtype)
    if df is None:
        return out
    positions = out["doc_position"].to_numpy()
    left = df.iloc[positions]
    index = left.index
    left = left.reset_index(drop=True)
    result = pd.concat([left, out], axis=1)
    result.index = index
    return result
