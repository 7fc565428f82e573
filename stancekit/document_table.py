"""The document table: one row per document, the document's measures as columns.

Columns (:func:`document_columns`): ``doc_position``, ``status``, ``error``, ``n_sentences``,
``attributed_share``, ``n_sources``, ``sources_<type>`` (counts per source type),
``sources_<party>`` and ``source_share_<party>`` (per frame party, third parties included, and
``none``), ``distancing_share``, ``hedge_rate``, ``hedge_<category>`` (cue counts),
``loaded_share``, ``loaded_term_rate``, ``quoted_term_rate``, ``terms_<side>``,
``mean_framing_probability`` and, with a frame axis, the lean parts with their evidence,
intervals and reasons (``lean``, ``lean_wording``, ``lean_wording_neg``… see
:mod:`stancekit.lean`). The columns depend only on the frame, never on the documents.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from stancekit.lean import LEAN_PARTS
from stancekit.results import HEDGE_CATEGORIES, SOURCE_TYPES, DocumentResult

__all__ = ["document_columns", "documents_to_frame"]

_LEAN_FIELDS = ("", "_neg", "_pos", "_lo", "_hi", "_reason")


def document_columns(parties: Sequence[str] = (), axis: Sequence[str] | None = None) -> list[str]:
    """The document table's columns for a frame's parties and axis (none without a frame)."""
    cols = ["doc_position", "status", "error", "n_sentences", "attributed_share", "n_sources"]
    cols += [f"sources_{t}" for t in SOURCE_TYPES]
    cols += [f"sources_{p}" for p in (*parties, "none")] + [f"source_share_{p}" for p in (*parties, "none")]
    cols += ["distancing_share", "hedge_rate"] + [f"hedge_{c}" for c in HEDGE_CATEGORIES]
    cols += ["loaded_share", "loaded_term_rate", "quoted_term_rate"] + [f"terms_{s}" for s in (axis or ())]
    cols += ["mean_framing_probability"]
    if axis:
        cols += [f"lean_{p}{f}" for p in LEAN_PARTS for f in _LEAN_FIELDS] + ["lean", "lean_lo", "lean_hi", "lean_reason"]
    return cols


def _row(pos: int, doc: DocumentResult, parties: Sequence[str], axis: Sequence[str] | None) -> dict[str, Any]:
    s = doc.summary
    row: dict[str, Any] = {"doc_position": pos, "status": doc.meta.get("status", "ok" if doc.sentences else "empty"),
                           "error": doc.meta.get("error")}
    empty = not s.get("n_sentences")
    for key in ("n_sentences", "attributed_share", "n_sources", "distancing_share", "hedge_rate", "loaded_share",
                "loaded_term_rate", "quoted_term_rate", "mean_framing_probability"):
        rate = key not in ("n_sentences", "n_sources")
        row[key] = math.nan if (rate and empty) or s.get(key) is None else s[key]  # no sentence: no rate
    if not s.get("n_sources"):
        row["distancing_share"] = math.nan
    by_type, by_side = s.get("sources_by_type", {}), s.get("sources_by_side", {})
    n = s.get("n_sources", 0) or 0
    for t in SOURCE_TYPES:
        row[f"sources_{t}"] = by_type.get(t, 0)
    for p in (*parties, "none"):
        row[f"sources_{p}"] = by_side.get(p, 0)
        row[f"source_share_{p}"] = by_side.get(p, 0) / n if n else math.nan
    for c in HEDGE_CATEGORIES:
        row[f"hedge_{c}"] = s.get("hedge_cues_by_category", {}).get(c, 0)
    for side in axis or ():
        row[f"terms_{side}"] = s.get("terms_by_side", {}).get(side, 0)
    if axis:
        for key in [f"lean_{p}{f}" for p in LEAN_PARTS for f in _LEAN_FIELDS] + ["lean", "lean_lo", "lean_hi", "lean_reason"]:
            v = s.get(key)
            row[key] = v if v is not None or key.endswith("reason") else math.nan
    return row


def documents_to_frame(docs: Sequence[DocumentResult], df: Any = None, *, parties: Sequence[str] = (),
                       axis: Sequence[str] | None = None) -> Any:
    """One row per document, joined to the input rows of ``df`` (its columns first, its index kept).

    Example:
        >>> import stancekit
        >>> docs = list(stancekit.load(rules_only=True).pipe(["It rained. He said so.", ""]))
        >>> documents_to_frame(docs)[["n_sentences", "attributed_share", "status"]].values.tolist()
        [[2, 0.5, 'ok'], [0, nan, 'empty']]
    """
    import pandas as pd

    from stancekit.errors import InvalidInputError

    cols = document_columns(parties, axis)
    out = pd.DataFrame([_row(i, d, parties, axis) for i, d in enumerate(docs)], columns=cols)
    if df is None:
        return out
    if len(df) != len(docs):
        raise InvalidInputError(f"got {len(docs)} results for {len(df)} rows")
    clash = sorted(set(df.columns) & set(cols))
    if clash:
        raise InvalidInputError(f"input columns {clash} clash with stancekit's output columns; rename them first")
    out.index = df.index
    return pd.concat([df, out], axis=1)
