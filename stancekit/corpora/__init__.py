"""Loaders for public labelled corpora; each returns a ``datasets.Dataset`` in one schema.

The schema is documented in :mod:`stancekit.corpora._schema` (``FEATURE_SPEC``). Nothing is
downloaded: point each loader at your own copy of the corpus.

Example:
    >>> from stancekit import corpora
    >>> sorted(corpora.LOADERS)[:3]
    ['allsides', 'babe', 'bioscope']
"""

from stancekit.corpora._schema import FEATURE_SPEC, SkippedItemsWarning, hash_split
from stancekit.corpora.loaders import (
    NEWS_HEDGE_TYPES,
    NEWS_SELECT_SHARE,
    SZEGED_HEDGE_TYPES,
    load_allsides,
    load_babe,
    load_bioscope,
    load_checkthat,
    load_labelled,
    load_polnear,
    load_ptc,
    load_scicertainty,
    load_sfu_review,
    load_szeged,
    load_szeged_news,
)

#: corpus name (as used by ``stancekit evaluate --corpus``) → loader
LOADERS = {
    "polnear": load_polnear,
    "szeged": load_szeged,
    "szeged_news": load_szeged_news,
    "sfu": load_sfu_review,
    "bioscope": load_bioscope,
    "babe": load_babe,
    "ptc": load_ptc,
    "checkthat": load_checkthat,
    "scicertainty": load_scicertainty,
    "allsides": load_allsides,
}

__all__ = [
    "FEATURE_SPEC",
    "LOADERS",
    "NEWS_HEDGE_TYPES",
    "NEWS_SELECT_SHARE",
    "SZEGED_HEDGE_TYPES",
    "SkippedItemsWarning",
    "hash_split",
    "load_allsides",
    "load_babe",
    "load_bioscope",
    "load_checkthat",
    "load_labelled",
    "load_polnear",
    "load_ptc",
    "load_scicertainty",
    "load_sfu_review",
    "load_szeged",
    "load_szeged_news",
]
