"""The one schema every corpus loader returns (a ``datasets.Dataset``).

Columns:

* ``text`` (str): the sentence (sentence view) or the article (document view).
* ``doc_id`` (str): the document's identifier within its corpus.
* ``sentence_start`` / ``sentence_end`` (int): offsets of ``text`` inside its document; -1 when
  unknown or in the document view.
* ``attributed`` / ``hedged`` / ``biased`` (int8): 1 yes, 0 no, -1 not labelled by this corpus.
* ``certainty`` (float32): a graded score where the corpus has one (SciCertainty 1-6), else NaN.
* ``spans`` (list of ``{start, end, label, type}``): gold spans, character offsets into ``text``.
  ``label`` is ``source`` / ``cue`` / ``content`` (attribution), ``hedge`` (hedge cues; ``type`` is
  the corpus' cue type), ``loaded`` (biased words, loaded language; ``type`` is the technique)
  or another PTC technique.
* ``outlet``, ``date``, ``outlet_rating`` (left / center / right / ...), ``split``, ``corpus`` (str,
  empty when unknown).
"""

from __future__ import annotations

import hashlib
import logging
import math
import warnings
from collections import Counter
from typing import Any

from stancekit.errors import CorpusFormatError

__all__ = ["FEATURE_SPEC", "features", "make_dataset", "hash_split", "SkippedItemsWarning", "check_dir"]

logger = logging.getLogger("stancekit.corpora")


class SkippedItemsWarning(UserWarning):
    """A loader skipped items it could not use (the message counts them by reason)."""


FEATURE_SPEC: dict[str, str] = {
    "text": "string",
    "doc_id": "string",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "attributed": "int8",
    "hedged": "int8",
    "biased": "int8",
    "certainty": "float32",
    "spans": "list<{start:int64,end:int64,label:string,type:string}>",
    "outlet": "string",
    "date": "string",
    "outlet_rating": "string",
    "split": "string",
    "corpus": "string",
}


def features() -> Any:
    import datasets as hf

    span = {"start": hf.Value("int64"), "end": hf.Value("int64"), "label": hf.Value("string"), "type": hf.Value("string")}
    return hf.Features(
        {
            "text": hf.Value("string"),
            "doc_id": hf.Value("string"),
            "sentence_start": hf.Value("int64"),
            "sentence_end": hf.Value("int64"),
            "attributed": hf.Value("int8"),
            "hedged": hf.Value("int8"),
            "biased": hf.Value("int8"),
            "certainty": hf.Value("float32"),
            "spans": hf.List(span),
            "outlet": hf.Value("string"),
            "date": hf.Value("string"),
            "outlet_rating": hf.Value("string"),
            "split": hf.Value("string"),
            "corpus": hf.Value("string"),
        }
    )


def row(text: str, doc_id: str, corpus: str, **kw: Any) -> dict[str, Any]:
    out = {
        "text": text,
        "doc_id": doc_id,
        "sentence_start": -1,
        "sentence_end": -1,
        "attributed": -1,
        "hedged": -1,
        "biased": -1,
        "certainty": math.nan,
        "spans": [],
        "outlet": "",
        "date": "",
        "outlet_rating": "",
        "split": "",
        "corpus": corpus,
    }
    for k, v in kw.items():
        if k not in out:
            raise KeyError(k)
        out[k] = "" if v is None and isinstance(out[k], str) else v
    return out


def make_dataset(rows: list[dict[str, Any]], *, corpus: str, skipped: Counter[str] | None = None) -> Any:
    """Build the Dataset; warn (``SkippedItemsWarning``) with counts of anything skipped."""
    import datasets as hf

    if skipped:
        msg = f"{corpus}: skipped " + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
        warnings.warn(msg, SkippedItemsWarning, stacklevel=3)
        logger.info(msg)
    ds = hf.Dataset.from_list(rows, features=features()) if rows else hf.Dataset.from_dict(
        {k: [] for k in FEATURE_SPEC}, features=features()
    )
    return ds


def hash_split(key: str, *, seed: int = 13, dev: float = 0.1, test: float = 0.1) -> str:
    """Deterministic train/dev/test assignment from a key (independent of row order).

    Example:
        >>> hash_split("some sentence") in {"train", "dev", "test"}
        True
    """
    h = int(hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    if h < test:
        return "test"
    if h < test + dev:
        return "dev"
    return "train"


def check_dir(path: Any, expected: list[str], corpus: str) -> Any:
    """Raise :class:`CorpusFormatError` unless ``path`` holds every ``expected`` entry."""
    from pathlib import Path

    p = Path(path)
    if not p.exists():
        raise CorpusFormatError(f"{corpus}: {p} does not exist; pass the folder of your copy of the corpus")
    missing = [e for e in expected if not (p / e).exists()]
    if missing:
        found = sorted(x.name for x in p.iterdir())[:20] if p.is_dir() else [p.name]
        raise CorpusFormatError(
            f"{corpus}: {p} is not the expected folder: missing {missing}; found {found}"
        )
    return p
