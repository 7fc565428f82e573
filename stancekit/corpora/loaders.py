"""Loaders for the public corpora of the field; all return the schema of :mod:`._schema`.

Example:
    >>> from stancekit.corpora import load_labelled
    >>> ds = load_labelled([{"text": "He said so.", "label": 1}], task="attribution")
    >>> ds[0]["attributed"], ds[0]["text"]
    (1, 'He said so.')
"""

from __future__ import annotations

from stancekit.corpora.framing import load_allsides, load_babe, load_checkthat, load_ptc
from stancekit.corpora.hedging import (
    NEWS_HEDGE_TYPES,
    NEWS_SELECT_SHARE,
    SZEGED_HEDGE_TYPES,
    load_bioscope,
    load_scicertainty,
    load_sfu_review,
    load_szeged,
    load_szeged_news,
)
from stancekit.corpora.labelled import load_labelled
from stancekit.corpora.polnear import load_polnear

__all__ = [
    "load_polnear",
    "load_szeged",
    "load_sfu_review",
    "load_bioscope",
    "load_babe",
    "load_ptc",
    "load_checkthat",
    "load_scicertainty",
    "load_allsides",
    "load_labelled",
    "SZEGED_HEDGE_TYPES",
    "NEWS_HEDGE_TYPES",
    "NEWS_SELECT_SHARE",
    "load_szeged_news",
]
