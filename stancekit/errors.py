"""Exception hierarchy.

Every error stancekit raises on purpose derives from :class:`StancekitError`; each subclass also
inherits the matching builtin so that ``except ValueError`` keeps working in user code.
"""

from __future__ import annotations

__all__ = [
    "StancekitError",
    "InvalidInputError",
    "FrameError",
    "ModelNotFoundError",
    "ModelError",
    "MissingDependencyError",
    "CorpusFormatError",
    "NotFittedError",
]


class StancekitError(Exception):
    """Root of all stancekit errors."""


class InvalidInputError(StancekitError, ValueError):
    """The caller passed a value of the wrong type or shape (e.g. ``None`` instead of text)."""


class FrameError(StancekitError, ValueError):
    """A frame file is missing, unreadable or does not follow the frame schema."""


class ModelNotFoundError(StancekitError, FileNotFoundError):
    """A model folder or the base encoder it needs cannot be found."""


class ModelError(StancekitError, RuntimeError):
    """A model folder exists but is corrupted or does not match its base encoder."""


class MissingDependencyError(StancekitError, ImportError):
    """An optional dependency (an ``extras_require`` group) is not installed."""


class CorpusFormatError(StancekitError, ValueError):
    """A corpus folder or file does not have the expected layout or format."""


class NotFittedError(StancekitError, RuntimeError):
    """A learned model (:class:`stancekit.LeanModel`) was used before ``fit``."""
