"""Your own labelled data (a file, a DataFrame or rows) in the corpus schema."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from stancekit.corpora._schema import make_dataset, row
from stancekit.errors import CorpusFormatError, InvalidInputError
from stancekit.tables_io import read_table

__all__ = ["load_labelled"]


_TASK_COL = {"attribution": "attributed", "hedging": "hedged", "framing": "biased"}


def load_labelled(
    data: Any,
    *,
    task: str,
    text_col: str = "text",
    label_col: str = "label",
    spans_col: str | None = None,
    meta_cols: tuple[str, ...] = ("outlet", "date", "outlet_rating"),
) -> Any:
    """Your own labelled data in the common schema.

    Args:
        data: a CSV / JSONL / parquet path, a ``datasets.Dataset``, a DataFrame or a list of dicts.
        task: ``attribution``, ``hedging`` or ``framing`` (sets ``attributed``/``hedged``/``biased``).
        text_col, label_col: columns with the text and a 0/1 (or bool, or "yes"/"no") label.
        spans_col: optional column of span lists (``[{start, end, label[, type]}]``).
        meta_cols: metadata columns copied when present.

    Rows with missing text or an unreadable label are skipped and counted (warning).
    """
    if task not in _TASK_COL:
        raise InvalidInputError(f"task must be one of {sorted(_TASK_COL)}, got {task!r}")
    df = read_table(data, error=CorpusFormatError)
    for col in (text_col, label_col) + ((spans_col,) if spans_col else ()):
        if col not in df.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
    rows = []
    skipped: Counter[str] = Counter()
    for i, r in enumerate(df.to_dict("records")):
        text = r[text_col]
        if not isinstance(text, str):
            skipped["rows with missing text"] += 1
            continue
        lab = _as_label(r[label_col])
        if lab is None:
            skipped["rows with an unreadable label"] += 1
            continue
        spans = []
        if spans_col and isinstance(r[spans_col], (list, tuple)):
            spans = [{"start": int(s["start"]), "end": int(s["end"]), "label": str(s["label"]),
                      "type": str(s.get("type", ""))} for s in r[spans_col]]
        meta = {c: str(r[c]) for c in meta_cols if c in r and r[c] is not None and not (isinstance(r[c], float) and math.isnan(r[c]))}
        rows.append(row(text, str(r.get("doc_id", i)), "labelled", spans=spans, **{_TASK_COL[task]: lab}, **meta))
    return make_dataset(rows, corpus="labelled", skipped=skipped)


def _as_label(v: Any) -> int | None:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)) and v in (0, 1):
        return int(v)
    if isinstance(v, str) and v.strip().lower() in {"1", "yes", "true", "biased", "hedged", "attributed", "subj"}:
        return 1
    if isinstance(v, str) and v.strip().lower() in {"0", "no", "false", "non-biased", "neutral", "obj"}:
        return 0
    return None
