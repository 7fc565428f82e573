"""scikit-learn adapter: documents in, per-document stance measures out.

:class:`StanceFeatures` is a transformer: ``fit`` learns nothing but the feature names (they
depend on the frame only), ``transform`` scores the documents with stancekit and returns the
measures of :mod:`stancekit.document_table` as a float array. It can be cloned, put in a
``Pipeline`` and asked for pandas output (``set_output(transform="pandas")``). Lean features are
NaN where a document has no evidence: put a ``SimpleImputer`` after it for estimators that
refuse NaN.

Example:
    >>> from stancekit.sklearn import StanceFeatures
    >>> docs = ["Azerbaijan's Defense Ministry said the separatist regime fired.", "It rained."]
    >>> sf = StanceFeatures(frame="karabakh", rules_only=True).set_output(transform="pandas")
    >>> X = sf.fit_transform(docs)
    >>> X[["attributed_share", "source_share_azerbaijan", "terms_azerbaijan"]].values.tolist()
    [[1.0, 1.0, 1.0], [0.0, nan, 0.0]]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from stancekit.errors import InvalidInputError

__all__ = ["StanceFeatures"]

_NOT_FEATURES = ("doc_position", "status", "error")


class StanceFeatures(TransformerMixin, BaseEstimator):
    """Per-document stance measures as features.

    Args:
        frame: frame name or path (parties, axis, lean); ``None``: no sides and no lean.
        rules_only, model, backend, hedge_definition: as :func:`stancekit.load` (``model`` is
            its ``path``).
        batch_size: documents per model batch.
    """

    def __init__(self, frame: str | None = None, *, rules_only: bool = False, model: str | None = None,
                 backend: str = "auto", hedge_definition: str = "news", batch_size: int = 64) -> None:
        self.frame = frame
        self.rules_only = rules_only
        self.model = model
        self.backend = backend
        self.hedge_definition = hedge_definition
        self.batch_size = batch_size

    def _analyzer(self) -> Any:
        import stancekit

        key = (self.frame, self.rules_only, self.model, self.backend, self.hedge_definition)
        if getattr(self, "_nlp_key", None) != key:
            self._nlp = stancekit.load(None if self.rules_only else self.model, rules_only=self.rules_only,
                                       backend=self.backend, frame=self.frame, hedge_definition=self.hedge_definition)
            self._nlp_key = key
        return self._nlp

    def __getstate__(self) -> dict[str, Any]:  # pickling (joblib, Dask) never carries the model
        return {k: v for k, v in self.__dict__.items() if k not in ("_nlp", "_nlp_key")}

    @staticmethod
    def _texts(X: Any) -> list[Any]:
        if isinstance(X, str):
            raise InvalidInputError("StanceFeatures takes a list of documents, got one string; wrap it in a list")
        if hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
            if X.shape[1] != 1:
                raise InvalidInputError(f"StanceFeatures takes one text column, got {X.shape[1]} columns")
            X = X.iloc[:, 0] if hasattr(X, "iloc") else np.asarray(X)[:, 0]
        return [None if x is None or (isinstance(x, float) and np.isnan(x)) else x for x in list(X)]

    def fit(self, X: Any, y: Any = None) -> StanceFeatures:
        """Learn the feature names (the frame's parties and axis decide them)."""
        from stancekit.document_table import document_columns
        from stancekit.frames import load_frame

        self._texts(X)
        fr = load_frame(self.frame) if self.frame is not None else None
        cols = document_columns(fr.parties if fr else (), fr.axis if fr else None)
        self.feature_names_out_ = np.array([c for c in cols if c not in _NOT_FEATURES and not c.endswith("_reason")],
                                           dtype=object)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The measures of each document, in input order (a failed document is a row of NaN)."""
        import pandas as pd
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        texts = self._texts(X)
        table = self._analyzer().score_documents(pd.DataFrame({"_text": texts}), text_col="_text",
                                                 batch_size=self.batch_size, show_progress_bar=False)
        out = table[list(self.feature_names_out_)].to_numpy(dtype=float, na_value=np.nan)
        out[(table["status"] == "error").to_numpy()] = np.nan  # a failed document is marked, not zeros
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()
