"""Words and phrases that separate two sets of texts: weighted log-odds with an informative
Dirichlet prior (Monroe, Colaresi & Quinn 2008). Used by outlet comparisons and frame learning."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

__all__ = ["weighted_log_odds", "phrase_words"]

#: words: abbreviations with their dots ("u.s.", "d.c."), then words with inner apostrophes or
#: hyphens; a possessive ending is dropped ("trump’s" counts as "trump")
_WORD = re.compile(r"(?:[a-z]\.){2,}|[a-z][a-z'’-]*[a-z]")
_TOKEN_FIX = re.compile(r"['’]s$")


def phrase_words(text: str) -> list[str]:
    """The words phrases are made of.

    Example:
        >>> phrase_words("The U.S. said Trump’s plan, and D.C.'s mayor, were X-rated.")
        ['the', 'u.s.', 'said', 'trump', 'plan', 'and', 'd.c.', 'mayor', 'were', 'x-rated']
    """
    return [_TOKEN_FIX.sub("", w) for w in _WORD.findall(text.lower())]

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that
    these those he she they we you i his her their our your my me him them us not no so than then there here
    what which who whom whose when where why how all any both each few more most other some such only own same
    too very can will just should now also would could may might must do does did has have had said says say
    after before over under about into through during up down out off again further once s t don mr ms mrs""".split()
)


def weighted_log_odds(texts_a: list[str], texts_b: list[str], *, prior_texts: list[str] | None = None, n: int = 30,
                      ngram_range: tuple[int, int] = (1, 3), min_count: int = 3, prior_strength: float = 500.0,
                      exclude: list[str] | None = None) -> Any:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    For phrase w with counts y_a, y_b (totals n_a, n_b) and prior α_w = α0 · p_w (p_w its share in
    ``prior_texts``, α0 = ``prior_strength``): δ_w = log((y_a+α_w)/(n_a+α0-y_a-α_w)) -
    log((y_b+α_w)/(n_b+α0-y_b-α_w)), var ≈ 1/(y_a+α_w) + 1/(y_b+α_w), z = δ/√var.

    Phrases are lower-cased word n-grams that neither start nor end with a stop word, contain no
    digit, and occur at least ``min_count`` times; n-grams containing a word of ``exclude`` (the
    outlet names: self-mentions are noise) are dropped.

    Returns:
        DataFrame of the top ``n`` phrases for each side: ``phrase``, ``z``, ``delta``,
        ``count_a``, ``count_b``, ``favours`` (``"a"`` or ``"b"``), sorted by z (a first).

    Example:
        >>> verbs = ["crossed", "arrived", "left", "stayed", "waited"]
        >>> a = [f"illegal aliens {v} today" for v in verbs]
        >>> b = [f"undocumented immigrants {v} today" for v in verbs]
        >>> weighted_log_odds(a, b, n=1, min_count=2)["phrase"].tolist()
        ['illegal aliens', 'undocumented immigrants']
    """
    import pandas as pd
    from sklearn.feature_extraction.text import CountVectorizer

    excl = {w.lower() for name in (exclude or []) for w in str(name).split() if len(w) > 2}

    def analyzer(doc: str) -> list[str]:

        words = phrase_words(doc)
        out = []
        for k in range(ngram_range[0], ngram_range[1] + 1):
            for i in range(len(words) - k + 1):
                gram = words[i : i + k]
                if gram[0] in _STOP or gram[-1] in _STOP or any(w in excl for w in gram):
                    continue
                out.append(" ".join(gram))
        return out

    prior_texts = prior_texts if prior_texts is not None else texts_a + texts_b
    vec = CountVectorizer(analyzer=analyzer, min_df=1)
    vec.fit(prior_texts + texts_a + texts_b)
    ya = np.asarray(vec.transform(texts_a).sum(0)).ravel().astype(float)
    yb = np.asarray(vec.transform(texts_b).sum(0)).ravel().astype(float)
    yp = np.asarray(vec.transform(prior_texts).sum(0)).ravel().astype(float)
    keep = (ya + yb) >= min_count
    vocab = np.array(vec.get_feature_names_out())
    alpha = prior_strength * (yp + 0.01) / (yp + 0.01).sum()
    na, nb = ya.sum(), yb.sum()
    a0 = alpha.sum()
    delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log((yb + alpha) / (nb + a0 - yb - alpha))
    z = delta / np.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))
    df = pd.DataFrame({"phrase": vocab, "z": z, "delta": delta, "count_a": ya.astype(int), "count_b": yb.astype(int)})[keep]
    df = _drop_subsumed(df)
    top_a = df[df.z > 0].nlargest(n, "z").assign(favours="a")
    top_b = df[df.z < 0].nsmallest(n, "z").assign(favours="b")
    return pd.concat([top_a, top_b]).reset_index(drop=True)


def _drop_subsumed(df: Any) -> Any:
    """Drop a phrase when a longer phrase containing it accounts for ≥90% of its occurrences."""
    total = dict(zip(df["phrase"], df["count_a"] + df["count_b"]))
    drop = set()
    for phrase, cnt in total.items():
        words = phrase.split()
        for k in range(1, len(words)):
            for i in range(len(words) - k + 1):
                sub = " ".join(words[i : i + k])
                if sub in total and cnt >= 0.9 * total[sub]:
                    drop.add(sub)
    return df[~df["phrase"].isin(drop)]
