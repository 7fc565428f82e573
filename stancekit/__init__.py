"""stancekit: attribution, hedging and partisan framing in news text, sentence by sentence.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Azerbaijani media reported that the separatist regime opened fire.", frame="karabakh")
    >>> doc.summary["sources_by_side"]["azerbaijan"], doc.summary["lean"]
    (1, 0.333333)
"""

from __future__ import annotations

import logging
from typing import Any

__version__ = "0.1.0"

from stancekit.analyzer import Analyzer, load
from stancekit.errors import (
    CorpusFormatError,
    FrameError,
    InvalidInputError,
    MissingDependencyError,
    ModelError,
    ModelNotFoundError,
    NotFittedError,
    StancekitError,
)
from stancekit.frames import Frame, available_frames, load_frame
from stancekit.results import (
    SIDE_BASES,
    Attribution,
    Cue,
    DocumentResult,
    Framing,
    Hedging,
    SentenceResult,
    Source,
    Span,
    Term,
)
from stancekit.table import SENTENCE_COLUMNS
from stancekit.table import results_to_frame as to_frame

logging.getLogger(__name__).addHandler(logging.NullHandler())


def evaluate(nlp: Analyzer, data: Any, **kwargs: Any) -> Any:
    """Evaluate against gold data; see :func:`stancekit.evaluate.evaluate`."""
    from stancekit.evaluation import evaluate as _evaluate

    return _evaluate(nlp, data, **kwargs)


def __getattr__(name: str) -> Any:
    # the learned lean model loads lazily (its module pulls in the frame learning code)
    if name == "LeanModel":
        from stancekit.lean_model import LeanModel

        return LeanModel
    raise AttributeError(f"module 'stancekit' has no attribute {name!r}")


def compare_outlets(data: Any, **kwargs: Any) -> Any:
    """Compare outlets; see :func:`stancekit.compare.compare_outlets`."""
    from stancekit.compare import compare_outlets as _compare

    return _compare(data, **kwargs)


__all__ = [
    "__version__",
    "load",
    "Analyzer",
    "evaluate",
    "compare_outlets",
    "LeanModel",
    "to_frame",
    "SENTENCE_COLUMNS",
    "SIDE_BASES",
    "load_frame",
    "available_frames",
    "Frame",
    "Span",
    "Source",
    "Attribution",
    "Cue",
    "Hedging",
    "Term",
    "Framing",
    "SentenceResult",
    "DocumentResult",
    "StancekitError",
    "InvalidInputError",
    "FrameError",
    "ModelNotFoundError",
    "ModelError",
    "MissingDependencyError",
    "CorpusFormatError",
    "NotFittedError",
]
