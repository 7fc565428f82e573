"""A lean learned from rated outlets, read against coverage of the same topic.

A frame's own-voice terms say *which* words lean; on a political divide such as US politics, the
words that separate outlets rated left from outlets rated right are too many to curate. A
:class:`LeanModel` learns them from articles labelled with their outlet's rating (for example
AllSides left / center / right) and scores an article in two steps:

1. **wording**: a ridge regression of the rating (first side -1, centre 0, second side +1) on the
   article's word 1-2-gram log counts, each article's vector scaled to unit length; the vocabulary
   leaves out outlet names and house boilerplate (:func:`stancekit.frame_learning.outlet_vocabulary`)
   and prolific outlets count less (:func:`~stancekit.frame_learning.outlet_weights`);
2. **against the same topic**: minus the mean training score of articles on the same topic. A
   topic classifier, fitted on the training articles' topic labels (``topic_col``), gives a new
   article its topic mix; its baseline is the mix's mean training score. Outlets choose topics,
   and a topic's vocabulary carries the lean of whichever outlets wrote about it most in training;
   the baseline takes that out, so what is left is how the article words a topic compared with
   training coverage of it.

Without topic labels, step 2 is skipped. Scores are on the rating scale (about -1 to +1, 0 = the
training coverage of the topic); an outlet's learned lean is the mean of its articles' scores
(:func:`learned_lean`, with a bootstrap interval over articles), reported by
:func:`stancekit.compare_outlets` as ``lean_learned`` beside the frame-based lean parts, and as
``lean_combined`` read together with the curated frame's wording lean (:meth:`LeanModel.combined`).

Validated with whole outlets left out on AllSides (``python bench/allsides_lean.py``; the README
gives the figures). Leave-outlets-out is the only honest check: a model scored on outlets it
was trained on reads their house style.

Example:
    >>> import pandas as pd
    >>> left = [f"undocumented immigrants rallied for reform on day {i}" for i in range(12)]
    >>> right = [f"illegal aliens crossed the border on day {i}" for i in range(12)]
    >>> df = pd.DataFrame({"outlet": [f"L{i % 4}" for i in range(12)] + [f"R{i % 4}" for i in range(12)],
    ...                    "rating": ["left"] * 12 + ["right"] * 12, "text": left + right})
    >>> m = LeanModel(min_df=2, min_outlets=2).fit(df, by="outlet", rating_col="rating")
    >>> s = m.score(["illegal aliens crossed", "undocumented immigrants rallied"])
    >>> bool(s[0] > 0 > s[1])
    True
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError, NotFittedError
from stancekit.frame_learning import log_counts, outlet_vocabulary, outlet_weights, rating_values
from stancekit.frames import load_frame
from stancekit.tables_io import read_table

__all__ = ["LeanModel", "learned_lean"]


class LeanModel:
    """Learned lean of articles, from outlet-labelled training articles (see the module).

    Args:
        frame: the frame whose ``axis`` names the two ends (ratings may use those names or
            ``center``; numbers in [-1, 1] pass through).
        alpha: ridge penalty (chosen on AllSides with whole outlets left out).
        ngram_max, min_df, min_outlets, max_outlet_share: vocabulary filters
            (:func:`stancekit.frame_learning.outlet_vocabulary`).
        topic_C: inverse regularisation of the topic classifier.
        min_topic_articles: topics with fewer training articles are pooled as one.
        wording_weight: weight of the frame's own-voice wording lean in :meth:`combined` (the
            learned lean plus this times the curated frame's wording lean). Chosen on AllSides by
            nested leave-outlets-out selection: each fold's choice on the other outlets was 0.2-0.4
            (``python bench/allsides_lean.py``; the README gives the figures).
    """

    #: class default, so that a model pickled before the parameter existed still combines
    wording_weight: float = 0.3

    def __init__(self, *, frame: str = "us_politics", alpha: float = 0.3, ngram_max: int = 2, min_df: int = 20,
                 min_outlets: int = 5, max_outlet_share: float = 0.5, topic_C: float = 1.0,
                 min_topic_articles: int = 10, wording_weight: float = 0.3) -> None:
        self.frame, self.alpha, self.ngram_max, self.min_df = frame, alpha, ngram_max, min_df
        self.min_outlets, self.max_outlet_share = min_outlets, max_outlet_share
        self.topic_C, self.min_topic_articles = topic_C, min_topic_articles
        self.wording_weight = wording_weight

    def combined(self, learned: float, wording: float) -> float:
        """An outlet's learned lean read together with the frame's wording lean: ``learned +
        wording_weight * wording`` (a missing wording lean counts as 0, no evidence); NaN when the
        learned lean is NaN. The two come from different evidence (all 1-2-grams weighed by rated
        outlets; a short curated list of contested terms in the outlet's own voice), and together
        they rank unseen outlets better than either alone.

        Example:
            >>> LeanModel().combined(0.2, 0.5), LeanModel().combined(0.2, float("nan"))
            (0.35, 0.2)
        """
        if not math.isfinite(learned):
            return math.nan
        return float(learned + self.wording_weight * (wording if math.isfinite(wording) else 0.0))

    def fit(self, data: Any, *, by: str, rating_col: str, text_col: str = "text",
            topic_col: str | None = None) -> LeanModel:
        """Fit on a DataFrame, ``datasets.Dataset`` or table path with one article per row.

        Args:
            by: the outlet column (prolific outlets are down-weighted; outlet names leave the vocabulary).
            rating_col: the outlet's rating (``left`` / ``center`` / ``right`` or numbers).
            text_col: the article text.
            topic_col: optional topic label of each article (step 2 of the module).
        """
        from sklearn.linear_model import Ridge
        from sklearn.preprocessing import normalize

        axis = load_frame(self.frame).axis
        if axis is None:
            raise InvalidInputError(f"frame {self.frame!r} has no axis to learn a lean for")
        df = read_table(data)
        for col in [by, rating_col, text_col] + ([topic_col] if topic_col else []):
            if col not in df.columns:
                raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
        y = rating_values(df[rating_col], axis)
        if not ((y < 0).any() and (y > 0).any()):
            raise InvalidInputError(f"need articles of both ends of the axis {axis} to learn a lean")
        outlets = df[by].astype(str).to_numpy()
        texts = df[text_col].fillna("").astype(str).tolist()
        self.vocabulary_, X, self.boilerplate_ = outlet_vocabulary(texts, outlets, ngram_max=self.ngram_max, min_df=self.min_df,
                                                min_outlets=self.min_outlets, max_outlet_share=self.max_outlet_share)
        X = normalize(X)
        ridge = Ridge(alpha=self.alpha, solver="lsqr", tol=1e-6).fit(X, y, sample_weight=outlet_weights(outlets))
        self.coef_, self.intercept_ = ridge.coef_, float(ridge.intercept_)
        self.topic_model_, self.topic_baseline_ = None, None
        if topic_col:
            self._fit_topics(X, df[topic_col].fillna("<none>").astype(str).to_numpy(), X @ self.coef_ + self.intercept_)
        self.axis_, self.n_articles_, self.n_outlets_ = axis, len(df), len(set(outlets))
        return self

    def _fit_topics(self, X: Any, topics: np.ndarray, scores: np.ndarray) -> None:
        from sklearn.linear_model import LogisticRegression

        values, counts = np.unique(topics, return_counts=True)
        rare = set(values[counts < self.min_topic_articles])
        topics = np.where(np.isin(topics, list(rare)), "<other>", topics)
        if len(set(topics)) < 2:
            raise InvalidInputError(f"the topic column needs at least two topics with {self.min_topic_articles} or more "
                                    "articles each; lower min_topic_articles or leave topic_col out")
        clf = LogisticRegression(C=self.topic_C, max_iter=300).fit(X, topics)
        self.topic_model_ = clf
        self.topic_baseline_ = np.array([scores[topics == t].mean() for t in clf.classes_])

    def score(self, texts: list[str]) -> np.ndarray:
        """Each text's learned lean (see the module); NaN for an empty text."""
        from sklearn.preprocessing import normalize

        if not hasattr(self, "coef_"):
            raise NotFittedError("this LeanModel is not fitted yet: call fit(...) first")
        if isinstance(texts, str):
            raise InvalidInputError("score takes a list of texts, not one string: score([text])")
        texts = ["" if not isinstance(t, str) else t for t in texts]
        if not texts:
            return np.zeros(0)
        X = normalize(log_counts(texts, self.vocabulary_, self.ngram_max, self.boilerplate_))
        out = X @ self.coef_ + self.intercept_
        if self.topic_model_ is not None:
            out = out - self.topic_model_.predict_proba(X) @ self.topic_baseline_
        empty = np.asarray(X.getnnz(axis=1) == 0)
        return np.where(empty, np.nan, out)

    def terms(self, n: int = 20) -> Any:
        """The ``n`` n-grams with the largest weights towards each end, as a DataFrame."""
        import pandas as pd

        if not hasattr(self, "coef_"):
            raise NotFittedError("this LeanModel is not fitted yet: call fit(...) first")
        order = np.argsort(self.coef_)
        rows = [(self.vocabulary_[i], float(self.coef_[i]), self.axis_[0]) for i in order[:n]]
        rows += [(self.vocabulary_[i], float(self.coef_[i]), self.axis_[1]) for i in order[::-1][:n]]
        return pd.DataFrame(rows, columns=["term", "weight", "favours"])


def learned_lean(scores: np.ndarray, *, rng: np.random.Generator, n_boot: int = 1000,
                 min_articles: int = 2) -> tuple[float, float, float]:
    """An outlet's learned lean: the mean of its articles' scores, with a 95% bootstrap interval
    over articles (NaN interval below ``min_articles`` scored articles).

    Example:
        >>> v, lo, hi = learned_lean(np.array([0.2, 0.4, 0.3]), rng=np.random.default_rng(0))
        >>> round(v, 3), lo <= v <= hi
        (0.3, True)
    """
    scores = np.asarray(scores, dtype=float)
    scores = scores[np.isfinite(scores)]
    if not len(scores):
        return math.nan, math.nan, math.nan
    value = float(scores.mean())
    if len(scores) < min_articles or n_boot <= 0:
        return value, math.nan, math.nan
    w = rng.multinomial(len(scores), np.full(len(scores), 1 / len(scores)), size=n_boot)
    lo, hi = np.percentile(w @ scores / len(scores), [2.5, 97.5])
    return value, float(lo), float(hi)
