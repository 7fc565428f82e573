"""Comparing outlets: per-outlet profiles with bootstrap intervals, tests, distinguishing phrases.

Example:
    >>> import pandas as pd, stancekit
    >>> df = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "text": [
    ...     "Baku said the separatist regime fired.", "Azerbaijani media reported shelling.", "Officials said it may rain.",
    ...     "Yerevan said Artsakh was shelled.", "Armenian media reported it.", "It rained in Shushi."]})
    >>> cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=stancekit.load(rules_only=True))
    >>> cmp.profiles.loc[["A", "B"], ["lean", "lean_wording_neg", "lean_wording_pos"]].values.tolist()
    [[0.333333, 0.0, 1.0], [-0.5, 2.0, 0.0]]
    >>> bool(cmp.profiles.loc["A", "lean_lo"] < 0 < cmp.profiles.loc["A", "lean_hi"])  # thin evidence spans 0
    True
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError, StancekitError
from stancekit.lean import LEAN_PARTS, lean_profile
from stancekit.lean_model import learned_lean
from stancekit.outlet_counts import article_table, measures_for, pooled_value, ratio
from stancekit.phrases import weighted_log_odds
from stancekit.tables_io import read_table

__all__ = ["compare_outlets", "OutletComparison", "ComparisonWarning", "weighted_log_odds", "PROFILE_COLUMNS"]


class ComparisonWarning(UserWarning):
    """Too few articles for an interval, dropped rows, and similar comparison caveats."""


#: documented profile columns (each rate also has ``<name>_lo`` / ``<name>_hi``, 95% bootstrap CI):
#: ``articles``, ``articles_empty`` (missing/empty text, counted not dropped), ``sentences``,
#: ``attributed_share``, ``sources_per_100`` and ``sources_per_100_<type>``,
#: ``source_share_<party>`` (share of sources from each frame party, third parties included, and
#: ``none``), ``distancing_share``, ``endorsing_share``, ``hedge_rate``,
#: ``hedge_<category>_per_100``, ``mean_framing_probability``, ``loaded_own_per_100`` (outlet's own
#: words), ``loaded_quoted_per_100`` (inside quotes). With a frame axis, the lean as an estimate
#: (:mod:`stancekit.lean`): ``lean`` (composite, -1 .. +1) with ``lean_lo``/``lean_hi`` (articles
#: resampled, then each part's Beta drawn) and ``lean_reason`` (why it is NaN); per part
#: (``wording``, ``sourcing``, ``stance``) ``lean_<part>``, its interval, its evidence
#: ``lean_<part>_neg``/``lean_<part>_pos`` (weighted hits for each axis side) and its reason.
#: With a ``lean_model``, ``lean_learned`` and its interval (:mod:`stancekit.lean_model`), and with a
#: frame axis ``lean_combined`` (:meth:`stancekit.LeanModel.combined`: learned plus weighted wording; no interval).
PROFILE_COLUMNS = (
    "articles", "articles_empty", "sentences", "attributed_share", "sources_per_100", "distancing_share",
    "endorsing_share", "hedge_rate", "mean_framing_probability", "loaded_own_per_100", "loaded_quoted_per_100", "lean",
)


@dataclass
class OutletComparison:
    """Result of :func:`compare_outlets`.

    Attributes:
        profiles: one row per outlet (index named after ``by``), see :data:`PROFILE_COLUMNS`.
        articles: the per-article count table the profiles are computed from.
        sentences: the scored sentence table (``Analyzer.score_frame`` output).
    """

    profiles: Any
    articles: Any
    sentences: Any
    by: str
    text_col: str
    story_col: str | None
    frame: str | None
    measures: dict[str, tuple[str, str, float]]
    seed: int
    n_boot: int
    _texts: Any = field(default=None, repr=False)

    # ------------------------------------------------------------------ tables
    def to_frame(self) -> Any:
        """The profile table (a copy)."""
        return self.profiles.copy()

    def to_dict(self) -> dict[str, Any]:
        prof = self.profiles.astype(object).where(self.profiles.notna(), None)
        return {"by": self.by, "frame": self.frame, "story_col": self.story_col, "seed": self.seed,
                "n_boot": self.n_boot, "profiles": prof.to_dict(orient="index")}

    def summary_table(self, measures: list[str] | None = None) -> Any:
        """Compact view: each measure as ``value [lo, hi]``."""
        import pandas as pd

        measures = measures or [m for m in ("attributed_share", "sources_per_100", "distancing_share", "hedge_rate",
                                            "mean_framing_probability", "loaded_own_per_100", "lean") if m in self.profiles]
        out = pd.DataFrame(index=self.profiles.index)
        out["articles"] = self.profiles["articles"]
        out["empty"] = self.profiles["articles_empty"]
        for m in measures:
            v, lo, hi = self.profiles[m], self.profiles[f"{m}_lo"], self.profiles[f"{m}_hi"]
            out[m] = [f"{a:.3f} [{b:.3f}, {c:.3f}]" if not math.isnan(a) else "nan" for a, b, c in zip(v, lo, hi)]
        return out

    # ------------------------------------------------------------------ tests
    def differences(self, a: Any = None, b: Any = None, *, measures: list[str] | None = None, n_perm: int = 2000) -> Any:
        """Per-measure difference ``a - b`` with a permutation test, Holm-corrected.

        Args:
            a, b: outlet names (or lists of outlets, pooled). Both ``None``: every pair of outlets.
            measures: which measures (default: all).
            n_perm: permutations (article labels shuffled; within stories when ``story_col``).

        Returns:
            DataFrame with ``a``, ``b``, ``measure``, ``value_a``, ``value_b``, ``difference``,
            ``effect_size`` (difference / pooled SD of the article-level rates), ``p_value`` with
            ``p_method`` (:func:`permutation_p`: the permutation count, or a normal fit to the
            permutation distribution when no permutation is as extreme, so that many pairs can
            still survive correction), ``p_adjusted`` and ``correction`` (``"holm"``, over every
            row of the table).
        """
        import pandas as pd

        if (a is None) != (b is None):
            raise InvalidInputError("give both a and b, or neither for all pairs")
        pairs = [(a, b)] if a is not None else list(itertools.combinations(list(self.profiles.index), 2))
        measures = measures or list(self.measures)
        unknown = [m for m in measures if m not in self.measures]
        if unknown:
            raise InvalidInputError(f"unknown measures {unknown}; choose from {list(self.measures)}")
        rows = []
        for x, y in pairs:
            rows.extend(self._pair(x, y, measures, n_perm))
        df = pd.DataFrame(rows)
        if len(df):
            df["p_adjusted"] = _holm(df["p_value"].to_numpy())
            df["correction"] = "holm"
        return df

    def _select(self, who: Any) -> np.ndarray:
        names = [who] if not isinstance(who, (list, tuple, set)) else list(who)
        missing = [n for n in names if n not in set(self.articles[self.by])]
        if missing:
            raise InvalidInputError(f"unknown {self.by} {missing}; available: {sorted(self.articles[self.by].unique())}")
        return self.articles[self.by].isin(names).to_numpy()

    def _pair(self, a: Any, b: Any, measures: list[str], n_perm: int) -> list[dict[str, Any]]:
        art = self.articles[self.articles["empty"] == 0]
        ma = art[self.by].isin([a] if not isinstance(a, (list, tuple)) else a).to_numpy()
        mb = art[self.by].isin([b] if not isinstance(b, (list, tuple)) else b).to_numpy()
        self._select(a), self._select(b)
        sub = art[ma | mb].reset_index(drop=True)
        is_a = ma[ma | mb]
        strata = None
        if self.story_col:
            stories_a = set(sub.loc[is_a, self.story_col])
            stories_b = set(sub.loc[~is_a, self.story_col])
            shared = stories_a & stories_b
            keep = sub[self.story_col].isin(shared).to_numpy()
            sub, is_a = sub[keep].reset_index(drop=True), is_a[keep]
            strata = sub[self.story_col].to_numpy()
        rng = np.random.default_rng(self.seed)
        perms = [_permute(is_a, strata, rng) for _ in range(n_perm)]
        out = []
        for m in measures:
            va, vb = pooled_value(m, self.measures, sub, is_a), pooled_value(m, self.measures, sub, ~is_a)
            diff = va - vb
            num_c, den_c, scale, _ = self.measures[m if m != "lean" else "lean_wording"]
            num, den = sub[num_c].to_numpy(float), sub[den_c].to_numpy(float)
            rates = np.where(den > 0, scale * num / np.where(den > 0, den, 1), np.nan)
            sd = np.nanstd(rates) if np.isfinite(rates).sum() > 1 else math.nan
            if math.isnan(diff) or is_a.sum() == 0 or (~is_a).sum() == 0:
                p = math.nan
            else:
                null = np.array([pooled_value(m, self.measures, sub, pm) - pooled_value(m, self.measures, sub, ~pm) for pm in perms])
                null = null[np.isfinite(null)]
                p, method = permutation_p(diff, null)
            out.append({"a": str(a), "b": str(b), "measure": m, "value_a": va, "value_b": vb, "difference": diff,
                        "effect_size": diff / sd if sd and not math.isnan(sd) else math.nan, "p_value": p,
                        "p_method": method if not math.isnan(p) else None,
                        "n_a": int(is_a.sum()), "n_b": int((~is_a).sum())})
        return out

    # ------------------------------------------------------------------ phrases
    def distinguishing_phrases(self, a: Any, b: Any, n: int = 30, *, shared_stories: bool = True, **kwargs: Any) -> Any:
        """Words and 2-3-word phrases separating outlet(s) ``a`` from ``b`` (weighted log-odds,
        informative Dirichlet prior; Monroe, Colaresi & Quinn 2008). See :func:`weighted_log_odds`.

        With a ``story_col`` (and ``shared_stories``), only articles on stories both sides
        covered are compared, so that topic words do not pass for wording."""
        texts = self._texts
        if texts is None:
            raise StancekitError("distinguishing phrases need the article texts, which are not gathered from a Dask "
                                 "input (only per-article counts are); run compare_outlets on a pandas sample for them")
        sa, sb = self._select(a), self._select(b)
        if self.story_col and shared_stories:
            stories = self.articles[self.story_col].to_numpy()
            both = set(stories[sa]) & set(stories[sb])
            on_both = np.isin(stories, list(both))
            sa, sb = sa & on_both, sb & on_both
        ta = texts[sa].tolist()
        tb = texts[sb].tolist()
        names = [str(x) for x in self.profiles.index]
        return weighted_log_odds(ta, tb, prior_texts=texts.tolist(), n=n, exclude=names, **kwargs)

    # ------------------------------------------------------------------ output
    def plot(self, measures: list[str] | None = None, *, ax: Any = None) -> Any:
        """Dot-and-interval plot per outlet for each measure (needs the ``viz`` extra); see
        :func:`stancekit.outlet_report.plot_comparison`."""
        from stancekit.outlet_report import plot_comparison

        return plot_comparison(self, measures, ax=ax)

    def to_html(self, path: str | Path, *, title: str = "Outlet comparison", measures: list[str] | None = None) -> Path:
        """Write the self-contained HTML report (:mod:`stancekit.outlet_report`) to ``path``."""
        from stancekit.outlet_report import write_html

        return write_html(self, path, title=title, measures=measures)


def permutation_p(diff: float, null: np.ndarray) -> tuple[float, str]:
    """Two-sided p-value of ``diff`` against its permutation distribution ``null``.

    Counting gives ``(1 + #|null| >= |diff|) / (1 + n)``, never below ``1 / (n + 1)``: with many
    pairs that floor times the Holm factor can never reach 0.05 (290 tests, 2,000 permutations:
    0.145 at best). When no permuted difference is as extreme as the observed one, the p-value is
    taken from a normal fit to the permutation distribution instead (``"normal"``); otherwise it
    is the count (``"permutation"``).

    Example:
        >>> null = np.random.default_rng(0).normal(0, 1, 2000)
        >>> permutation_p(0.5, null)[1], permutation_p(8.0, null)[1], permutation_p(8.0, null)[0] < 1e-6
        ('permutation', 'normal', True)
    """
    from scipy.stats import norm

    extreme = int((np.abs(null) >= abs(diff) - 1e-12).sum())
    if extreme or len(null) < 30 or not np.std(null) > 0:
        return float((1 + extreme) / (1 + len(null))), "permutation"
    z = (abs(diff) - abs(float(np.mean(null)))) / float(np.std(null))
    return float(min(1.0, 2 * norm.sf(z))), "normal"


def _permute(is_a: np.ndarray, strata: np.ndarray | None, rng: np.random.Generator) -> np.ndarray:
    if strata is None:
        return rng.permutation(is_a)
    out = is_a.copy()
    for s in np.unique(strata):
        idx = np.where(strata == s)[0]
        out[idx] = rng.permutation(is_a[idx])
    return out


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm-Bonferroni adjusted p-values (NaN stays NaN)."""
    out = np.full_like(p, np.nan, dtype=float)
    ok = np.where(~np.isnan(p))[0]
    order = ok[np.argsort(p[ok])]
    m = len(order)
    running = 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i]))
        out[i] = running
    return out


def compare_outlets(
    data: Any,
    *,
    by: str = "outlet",
    text_col: str = "text",
    frame: Any = None,
    story_col: str | None = None,
    date_col: str | None = None,
    nlp: Any = None,
    n_boot: int = 1000,
    seed: int = 0,
    min_articles: int = 5,
    batch_size: int = 64,
    show_progress_bar: bool | None = None,
    lean_model: Any = None,
) -> OutletComparison:
    """Profile outlets: who they quote, how much they hedge, whose words they use.

    Args:
        data: DataFrame, ``datasets.Dataset``, CSV/JSONL/parquet path, an already scored
            sentence table (``Analyzer.score_frame`` output, recognised by its columns), or a
            ``dask.dataframe.DataFrame``: then the articles are scored and counted on the
            workers (:func:`stancekit.dask.article_counts`) and only the per-article counts
            are gathered (``sentences`` is ``None`` and there are no distinguishing phrases).
        by: the outlet column.
        text_col: the article text column.
        frame: frame for the sources' parties and the lean (name, path or Frame).
        date_col: publication date column: each outlet's first and last date go into the
            profiles (``date_first``, ``date_last``) and the report, and a frame's government
            offices ("the White House") take the party in office on each article's date.
        story_col: story/event column: differences are then computed on stories covered by
            both outlets and permutations stay within stories (paired design).
        nlp: the analyzer (default: ``stancekit.load()``, the shipped model).
        n_boot: bootstrap resamples (over articles, per outlet).
        seed: seed for bootstrap and permutations (results repeat exactly).
        min_articles: outlets with fewer non-empty articles get NaN intervals and a warning.
        lean_model: a fitted :class:`stancekit.LeanModel`: each article's learned lean goes into
            ``articles`` (``lean_learned``) and each outlet's mean, with a bootstrap interval, into
            the profiles (``lean_learned``, ``_lo``, ``_hi``), and with a frame axis
            ``lean_combined`` (:meth:`~stancekit.LeanModel.combined`). Needs the article texts (not
            a dask DataFrame).

    Returns:
        :class:`OutletComparison`.
    """
    import pandas as pd

    from stancekit.frames import load_frame
    from stancekit.table import scored_table
    from stancekit.text import check_text

    fr = load_frame(frame) if frame is not None else None
    if lean_model is not None and _is_dask(data):
        raise InvalidInputError("lean_model needs the article texts: pass a pandas DataFrame, or score a dask "
                                "DataFrame's texts with lean_model.score on the workers")
    if lean_model is not None and fr is not None and fr.axis and tuple(getattr(lean_model, "axis_", ())) != tuple(fr.axis):
        warnings.warn(f"the lean_model's axis {getattr(lean_model, 'axis_', None)} is not the frame's {fr.axis}: "
                      "lean_learned is on the model's axis and lean_combined is left out", ComparisonWarning, stacklevel=2)
    if _is_dask(data):
        from stancekit.dask import article_counts

        art = article_counts(data, by=by, text_col=text_col, story_col=story_col, frame=frame,
                             parties=fr.parties if fr else (), axis=fr.axis if fr else None,
                             load=nlp.load_options() if nlp is not None else {}, batch_size=batch_size,
                             date_col=date_col)
        dates = None
        if date_col:
            small = data[[by, date_col]].compute()
            dates = _date_ranges(small.assign(**{by: small[by].fillna("<missing>")}), by, date_col)
        return _profiles(art, by, text_col, story_col, fr, None, None, n_boot, seed, min_articles, dates)
    df = read_table(data)
    completed = scored_table(df)
    pre_scored = completed is not None
    df = completed if pre_scored else df
    for col in [by] + ([story_col] if story_col else []) + ([date_col] if date_col else []) + ([] if pre_scored else [text_col]):
        if col not in df.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
    if df[by].isna().any():
        n_missing = int(df[by].isna().sum())
        warnings.warn(f"{n_missing} rows have no {by!r}; they are grouped as '<missing>'", ComparisonWarning, stacklevel=2)
        df = df.assign(**{by: df[by].fillna("<missing>")})
    if pre_scored:
        scored = df
        texts = None
    else:
        base = df[[c for c in dict.fromkeys([by, text_col] + ([story_col] if story_col else [])
                                            + ([date_col] if date_col else []))]].reset_index(drop=True)
        if nlp is None:
            import stancekit

            nlp = stancekit.load()
        scored = nlp.score_frame(base, text_col=text_col, frame=fr, batch_size=batch_size, show_progress_bar=show_progress_bar,
                                 date_col=date_col)
        # the analysed text (lone surrogates replaced as check_text does; missing → "")
        texts = pd.Series([check_text(t) if isinstance(t, str) else "" for t in base[text_col]], dtype=object)
    art = article_table(scored, by, story_col, fr.parties if fr else (), fr.axis if fr else None)
    if texts is None:  # indexed by doc_position (a filtered table may skip some)
        texts = scored.groupby("doc_position")["sentence"].apply(lambda s: " ".join(x for x in s if isinstance(x, str)))
    dates = _date_ranges(df.assign(**{by: df[by].fillna("<missing>")}), by, date_col) if date_col else None
    if lean_model is not None:
        scores = pd.Series(lean_model.score(texts.tolist()), index=texts.index)
        art = art.assign(lean_learned=art["doc_position"].map(scores).to_numpy(float))
    return _profiles(art, by, text_col, story_col, fr, scored, texts, n_boot, seed, min_articles, dates, lean_model)


def _date_ranges(df: Any, by: str, date_col: str) -> Any:
    """Each outlet's first and last publication date (unparseable dates ignored)."""
    import pandas as pd

    dates = pd.to_datetime(df[date_col], errors="coerce", utc=True, format="mixed").dt.date
    g = pd.DataFrame({by: df[by].to_numpy(), "d": dates.to_numpy()}).dropna().groupby(by)["d"]
    return pd.DataFrame({"date_first": g.min(), "date_last": g.max()})


def _is_dask(data: Any) -> bool:
    return type(data).__module__.startswith("dask.") and hasattr(data, "npartitions")


def _profiles(art: Any, by: str, text_col: str, story_col: str | None, fr: Any, scored: Any, texts: Any,
              n_boot: int, seed: int, min_articles: int, dates: Any = None, lean_model: Any = None) -> OutletComparison:
    """Outlet profiles (values, bootstrap intervals, lean estimates) from the per-article table."""
    import pandas as pd

    parties = fr.parties if fr else ()
    axis = fr.axis if fr else None
    art = art.sort_values("doc_position").reset_index(drop=True)
    measures = measures_for(parties, axis)
    rng = np.random.default_rng(seed)
    rows = {}
    small = []
    for outlet in sorted(art[by].unique(), key=str):
        g = art[art[by] == outlet]
        ok = g[g["empty"] == 0]
        rec: dict[str, Any] = {"articles": len(g), "articles_empty": int(g["empty"].sum()), "sentences": int(ok["sentences"].sum())}
        n = len(ok)
        weights = rng.multinomial(n, np.full(n, 1 / n), size=n_boot) if n >= max(min_articles, 2) and n_boot else None
        if weights is None:
            small.append(outlet)
        for m, (num_c, den_c, scale, _pad) in measures.items():
            if m.startswith("lean"):
                continue
            num, den = ok[num_c].to_numpy(float), ok[den_c].to_numpy(float)
            rec[m] = ratio(num, den, scale)
            if weights is not None:
                nums, dens = weights @ num, weights @ den
                with np.errstate(invalid="ignore", divide="ignore"):
                    boots = np.where(dens > 0, scale * nums / np.where(dens > 0, dens, 1), np.nan)
                boots = boots[np.isfinite(boots)]
                lo, hi = (np.percentile(boots, [2.5, 97.5]) if len(boots) else (math.nan, math.nan))
            else:
                lo = hi = math.nan
            rec[f"{m}_lo"], rec[f"{m}_hi"] = float(lo), float(hi)
        if axis:
            evidence = {p: (ok[f"lean_{p}_neg"].to_numpy(float), ok[f"lean_{p}_pos"].to_numpy(float)) for p in LEAN_PARTS}
            rec.update(lean_profile(evidence, rng=rng, n_boot=n_boot))
        if "lean_learned" in ok.columns:
            v, lo, hi = learned_lean(ok["lean_learned"].to_numpy(float), rng=rng, n_boot=n_boot,
                                     min_articles=max(min_articles, 2))
            rec.update(lean_learned=v, lean_learned_lo=lo, lean_learned_hi=hi)
            if "lean_wording" in rec and lean_model is not None and tuple(lean_model.axis_) == tuple(axis):
                rec["lean_combined"] = lean_model.combined(v, rec["lean_wording"])
        rows[outlet] = rec
    if small:
        warnings.warn(f"{len(small)} {by} value(s) have fewer than {max(min_articles, 2)} non-empty articles, so no interval: "
                      f"{small[:10]}", ComparisonWarning, stacklevel=2)
    profiles = pd.DataFrame.from_dict(rows, orient="index")
    profiles.index.name = by
    if dates is not None:
        profiles = profiles.join(dates, how="left")
    return OutletComparison(profiles, art, scored, by, text_col, story_col, fr.name if fr else None, measures, seed, n_boot,
                            _texts=texts.reset_index(drop=True) if texts is not None else None)


