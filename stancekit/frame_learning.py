"""Learn a frame's term weights from labelled outlets (leave whole outlets out to validate).

:func:`learn_weights` fits a logistic regression of an article's side (the outlet's rating, e.g.
AllSides left vs right) on the log counts of its word n-grams, keeps the ``n_terms`` strongest
n-grams as weighted frame terms (side = the sign, weight = |coefficient| scaled to a mean of 1) and
returns a :class:`~stancekit.frames.Frame` that the analyzer uses like any other: the wording lean
of a document is then the shrunken balance of its weighted own-voice term hits
(:mod:`stancekit.lean`).

Outlet identity is the main leak: an n-gram that only some outlets print (their names, bylines,
newsletter boilerplate) separates the training outlets without saying anything about wording. So a
candidate n-gram must occur in at least ``min_outlets`` outlets, no outlet may hold more than
``max_outlet_share`` of its occurrences, and n-grams with an outlet's name (or ``exclude`` words)
are dropped. Validate by scoring outlets the weights never saw (``bench/outlet_validity.py``).

Example:
    >>> import pandas as pd
    >>> days = ["monday", "tuesday", "friday", "sunday"]
    >>> left = [f"undocumented immigrants rallied on {d}" for d in days]
    >>> right = [f"illegal aliens crossed the border on {d}" for d in days]
    >>> df = pd.DataFrame({"outlet": [f"L{i}" for i in range(4)] + [f"R{i}" for i in range(4)],
    ...                    "rating": ["left"] * 4 + ["right"] * 4, "text": left + right})
    >>> fr = learn_weights(df, by="outlet", rating_col="rating", min_df=2, min_outlets=2, n_terms=40)
    >>> sorted({t.side for t in fr.terms}), fr.axis
    (['left', 'right'], ('left', 'right'))
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError
from stancekit.frames import Frame, FrameTerm, load_frame
from stancekit.tables_io import read_table

__all__ = ["learn_weights", "learn_frame", "BOILERPLATE", "outlet_vocabulary", "log_counts", "ngrams", "rating_values", "outlet_weights", "boilerplate_sentences", "without_sentences"]

#: words of page furniture that identify an outlet rather than a side
BOILERPLATE = frozenset("""
getty subscribe subscriber subscribers subscription newsletter newsletters unsubscribe copyright advertisement
advertisements sponsored caption captions photo photos photographer twitter facebook instagram youtube podcast
podcasts email emails pictured click www com http https html images reporting editing contributed columnist
correspondent editor writer author opinions views updated sign follow rights reserved story article
""".split())
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
_EDGE_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been being it its
this that these those he she they we you i his her their our your my me him them us not no so than then there here
what which who whom whose when where why how all any both each few more most other some such only own same too very
can will just should now also would could may might must do does did has have had said says say after before over
under about into through during up down out off again further once s t""".split())


def _ngrams(text: str, n_max: int) -> list[str]:
    words = _WORD.findall(text.lower().replace("’", "'"))
    out = []
    for k in range(1, n_max + 1):
        for i in range(len(words) - k + 1):
            gram = words[i:i + k]
            if gram[0] in _EDGE_STOP or gram[-1] in _EDGE_STOP:
                continue
            out.append(" ".join(gram))
    return out


def _sentences(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"(?<=[.!?])\s+|\n+", text) if x.strip()]


def boilerplate_sentences(texts: list[str], min_articles: int = 3) -> frozenset[str]:
    """Sentences of 4+ words printed verbatim in ``min_articles`` or more of ``texts`` (newsletter
    lines, app prompts, disclaimers): house boilerplate, not wording."""
    from collections import Counter

    seen = Counter(x for t in texts for x in set(_sentences(t)) if len(x.split()) >= 4)
    return frozenset(x for x, n in seen.items() if n >= min_articles)


def without_sentences(texts: list[str], drop: frozenset[str]) -> list[str]:
    """``texts`` without the sentences in ``drop``."""
    return [" ".join(x for x in _sentences(t) if x not in drop) for t in texts] if drop else list(texts)


def ngrams(text: str, n_max: int) -> list[str]:
    """The word 1..``n_max``-grams of ``text`` (lower case), without those that start or end with a
    function word."""
    return _ngrams(text, n_max)


def outlet_vocabulary(texts: list[str], outlets: Any, *, ngram_max: int = 2, min_df: int = 20, min_outlets: int = 5,
                      max_outlet_share: float = 0.5, exclude: tuple[str, ...] = ()) -> tuple[np.ndarray, Any]:
    """The n-grams that can carry wording rather than outlet identity, and the articles' log counts.

    One place for the vocabulary filters of every learner of outlet lean (the module docstring):
    house boilerplate sentences are dropped, and an n-gram must occur in ``min_df`` articles and
    ``min_outlets`` outlets, no outlet may hold more than ``max_outlet_share`` of its occurrences,
    and it may not contain an outlet's name, page furniture (:data:`BOILERPLATE`) or ``exclude``.

    Returns:
        ``(vocabulary, X, boilerplate)``: the kept n-grams, a sparse matrix of ``log(1 + count)``
        (one row per text) and the boilerplate sentences left out (to leave out at scoring time too).
    """
    from functools import partial

    from sklearn.feature_extraction.text import CountVectorizer

    outlets = np.asarray(outlets).astype(str)
    names = {w for o in set(outlets) for w in _WORD.findall(o.lower()) if len(w) > 2}
    banned = names | BOILERPLATE | {w.lower() for w in exclude}
    vec = CountVectorizer(analyzer=partial(_ngrams, n_max=ngram_max), min_df=min_df)
    boilerplate = boilerplate_sentences(texts)
    try:
        X = vec.fit_transform(without_sentences(texts, boilerplate)).tocsc()
    except ValueError:
        raise InvalidInputError(f"no n-gram occurs in {min_df} or more articles: too few articles to learn from, "
                                "or lower min_df") from None
    vocab = vec.get_feature_names_out()
    keep = np.array([not any(w in banned for w in g.split()) for g in vocab])
    # outlet spread: distinct outlets and the largest outlet's share of the occurrences
    codes = np.unique(outlets, return_inverse=True)[1]
    onehot = np.zeros((len(outlets), codes.max() + 1))
    onehot[np.arange(len(outlets)), codes] = 1
    per_outlet = np.asarray(X.T @ onehot)  # terms x outlets
    total = per_outlet.sum(1)
    keep &= ((per_outlet > 0).sum(1) >= min_outlets) & (per_outlet.max(1) <= max_outlet_share * np.maximum(total, 1))
    X = X[:, keep].tocsr().astype(float)
    X.data = np.log1p(X.data)
    return vocab[keep], X, boilerplate


def outlet_weights(outlets: Any) -> np.ndarray:
    """Sample weights ``1 / sqrt(articles of the outlet)``, scaled to a mean of 1: a prolific
    outlet counts more than a small one, but not in proportion to its output."""
    outlets = np.asarray(outlets).astype(str)
    _, codes, counts = np.unique(outlets, return_inverse=True, return_counts=True)
    w = counts[codes] ** -0.5
    return w * (len(w) / w.sum())


def log_counts(texts: list[str], vocabulary: Any, ngram_max: int, boilerplate: frozenset[str] = frozenset()) -> Any:
    """``log(1 + count)`` of each vocabulary n-gram in each text, without the ``boilerplate``
    sentences found when fitting (each text is read on its own: its counts never depend on the
    other texts passed with it)."""
    from functools import partial

    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer=partial(_ngrams, n_max=ngram_max), vocabulary=list(vocabulary))
    X = vec.transform(without_sentences(texts, boilerplate)).tocsr().astype(float)
    X.data = np.log1p(X.data)
    return X


def rating_values(values: Any, sides: tuple[str, str]) -> np.ndarray:
    """Ratings as numbers: ``sides[0]`` -1, centre 0, ``sides[1]`` +1 (numbers pass through)."""
    mapping = {sides[0]: -1.0, sides[1]: 1.0, "center": 0.0, "centre": 0.0, "neutral": 0.0}
    out = []
    for v in values:
        if isinstance(v, str):
            if v.lower() not in mapping:
                raise InvalidInputError(f"rating {v!r} is not one of {sorted(mapping)}; map your ratings to these first")
            out.append(mapping[v.lower()])
        else:
            try:
                x = float(v)
            except (TypeError, ValueError):
                x = float("nan")
            if not -1.0 <= x <= 1.0:  # NaN fails too
                raise InvalidInputError(f"rating {v!r} is missing or outside -1 .. 1; drop unrated rows or rescale")
            out.append(x)
    return np.asarray(out)


def learn_weights(
    data: Any,
    *,
    by: str,
    rating_col: str,
    text_col: str = "text",
    frame: str | Frame = "us_politics",
    n_terms: int = 2000,
    ngram_max: int = 3,
    min_df: int = 20,
    min_outlets: int = 5,
    max_outlet_share: float = 0.5,
    C: float = 0.01,
    exclude: tuple[str, ...] = (),
    keep_curated: bool = False,
) -> Frame:
    """Learn weighted terms for a frame's two axis sides from outlet-labelled articles.

    Args:
        data: DataFrame, ``datasets.Dataset`` or path with ``by``, ``rating_col`` and ``text_col``.
        by: the outlet column (also the unit that must be left out when validating).
        rating_col: the outlet's side: the frame's axis side names (``"left"``/``"right"``) or
            ``center``, or numbers (-1 .. 1). Centre articles are not used for fitting.
        frame: the frame whose parties and actors the learned frame keeps.
        n_terms: how many n-grams to keep (the strongest coefficients).
        min_df, min_outlets, max_outlet_share: vocabulary filters (see the module docstring).
        C: inverse L2 regularisation strength of the logistic regression.
        exclude: extra words; n-grams containing one are dropped (outlet names are always dropped).
        keep_curated: also keep the base frame's hand-curated terms.

    Returns:
        A :class:`~stancekit.frames.Frame` named ``<frame>_learned``.
    """
    from sklearn.linear_model import LogisticRegression

    base = load_frame(frame)
    if base.axis is None:
        raise InvalidInputError(f"frame {base.name!r} has no axis to learn weights for")
    df = read_table(data)
    for col in (by, rating_col, text_col):
        if col not in df.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
    y = rating_values(df[rating_col], base.axis)
    outlets = df[by].astype(str).to_numpy()
    vocab, X, _ = outlet_vocabulary(df[text_col].fillna("").astype(str).tolist(), outlets, ngram_max=ngram_max,
                                 min_df=min_df, min_outlets=min_outlets, max_outlet_share=max_outlet_share, exclude=exclude)
    if not ((y < 0).any() and (y > 0).any()):
        raise InvalidInputError(f"need articles of both axis sides {base.axis} to learn weights")
    # prolific outlets count less; centre articles take part as "neither side":
    # the weights are (second side vs the rest) minus (first side vs the rest)
    sw = outlet_weights(outlets)
    coef = np.zeros(X.shape[1])
    for sign in (1, -1):
        model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
        model.fit(X, (sign * y > 0).astype(int), sample_weight=sw)
        coef += sign * model.coef_[0]
    top = np.argsort(-np.abs(coef))[:n_terms]
    top = top[coef[top] != 0]
    scale = float(np.mean(np.abs(coef[top]))) or 1.0
    learned = [
        FrameTerm(term=str(vocab[i]), side=base.axis[1] if coef[i] > 0 else base.axis[0],
                  neutral="(learned term: no neutral equivalent)", weight=round(float(abs(coef[i]) / scale), 4),
                  note=f"logistic coefficient {coef[i]:+.4f}")
        for i in top
    ]
    curated = [t for t in base.terms if keep_curated and t.term.lower() not in {x.term for x in learned}]
    # everything else of the base frame stays: parties, actors, patterns, independent bodies, offices
    return dataclasses.replace(
        base, name=f"{base.name}_learned", description=f"{base.description} Term weights learned from {len(df)} "
        f"articles of {len(set(outlets))} outlets ({by!r}, {rating_col!r}).", terms=tuple(curated + learned), path="")


def learn_frame(data: Any, *, by: str, groups: dict[str, list[str]], n: int = 40, text_col: str = "text",
                name: str = "learned", path: str | Path | None = None, min_z: float = 3.0, min_count: int = 5) -> str:
    """Write a frame TOML from a labelled corpus: distinguishing phrases per side.

    Each side's terms are the phrases that separate its outlets from the other sides' outlets
    (:func:`weighted_log_odds`, z ≥ ``min_z``). Neutral equivalents are left as ``"?"`` for a
    person to fill in, and the actors as the side's name: curate the file before use.

    Returns:
        The TOML text (also written to ``path`` when given).

    Example:
        >>> import pandas as pd
        >>> verbs = ["crossed", "arrived", "left", "stayed", "waited", "worked"]
        >>> df = pd.DataFrame({"o": ["L"] * 6 + ["R"] * 6,
        ...     "text": [f"undocumented immigrants {v}" for v in verbs] + [f"illegal aliens {v}" for v in verbs]})
        >>> toml = learn_frame(df, by="o", groups={"left": ["L"], "right": ["R"]}, min_z=0.5, min_count=2)
        >>> 'term = "illegal aliens"' in toml and 'side = "right"' in toml
        True
    """
    from stancekit.phrases import weighted_log_odds

    df = read_table(data)
    for col in (by, text_col):
        if col not in df.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
    if len(groups) < 2:
        raise InvalidInputError("groups must name at least two sides, e.g. {'left': [...], 'right': [...]}")
    texts = df[text_col].fillna("").astype(str)
    lines = [f'# Learned by stancekit.frames.learn from {len(df)} documents grouped by {by!r}.',
             "# Curate before use: check each term, fill in the neutral equivalents and the actors.",
             f'name = "{name}"', f'description = "Learned frame: {", ".join(groups)}"', "",
             f"axis = [{', '.join(repr(g).replace(chr(39), chr(34)) for g in list(groups)[:2])}]"]
    seen: set[str] = set()
    term_lines: list[str] = []
    for side, outlets in groups.items():
        lines += ["", f"[sides.{side}]", f'label = "{side}"', f'actors = ["{side}"]']
        mine = df[by].isin(outlets).to_numpy()
        others = df[by].isin([o for s, os in groups.items() if s != side for o in os]).to_numpy()
        table = weighted_log_odds(texts[mine].tolist(), texts[others].tolist(), prior_texts=texts.tolist(), n=n,
                                  min_count=min_count, exclude=[str(x) for x in df[by].unique()])
        for _, r in table[(table.favours == "a") & (table.z >= min_z)].iterrows():
            if r.phrase in seen:
                continue
            seen.add(r.phrase)
            term_lines += ["", "[[terms]]", f'term = "{r.phrase}"', f'side = "{side}"', 'neutral = "?"',
                           f'note = "z = {r.z:.1f}; {int(r.count_a)} vs {int(r.count_b)} occurrences"']
    text = "\n".join(lines + term_lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
