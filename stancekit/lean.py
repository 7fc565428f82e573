"""Lean as an estimate: one place for how evidence becomes a lean, its interval and its reason.

Lean runs along a frame's ``axis`` from -1 (first side) to +1 (second side). It has three parts,
each counted from evidence for the two axis sides:

* **wording**: the outlet's own-voice contested terms, each weighted by its frame weight (weak
  evidence such as "Shusha" or "Lachin corridor" counts 0.25; dual naming and quoted wording count
  nothing);
* **sourcing**: the sources that belong to each axis side;
* **cue stance**: endorsing cues for one side's sources and distancing cues for the other's
  ("Baku confirmed", "Yerevan claimed" both favour Azerbaijan).

Each part is the posterior mean of a Beta-binomial with ``LEAN_PRIOR`` pseudo-counts per side,
mapped to [-1, 1]: ``(pos - neg) / (pos + neg + 2 * LEAN_PRIOR)``. One hit gives ±1/3, never ±1,
and its 95% interval spans 0; with no evidence a part is NaN and ``reason`` says why. The
composite is the weighted mean of the parts that have evidence (``COMPOSITE_WEIGHTS``).

Example:
    >>> est = estimate_lean(0, 1)
    >>> round(est.value, 3), est.lo < 0 < est.hi
    (0.333, True)
    >>> estimate_lean(0, 0).reason
    'no evidence'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["sentence_lean", "lean_profile", "shrunken_lean", "LEAN_PRIOR", "COMPOSITE_WEIGHTS", "LEAN_PARTS", "LeanEstimate", "estimate_lean", "composite_lean",
           "bootstrap_lean", "wording_evidence", "sourcing_evidence", "stance_evidence"]

#: Beta(1, 1) pseudo-counts per axis side: one hit gives ±1/3 with an interval that spans 0
LEAN_PRIOR = 1.0
#: the three parts of a lean, in report order
LEAN_PARTS = ("wording", "sourcing", "stance")
#: weights of the composite lean, chosen on 46 labelled outlets of three conflicts
#: (``bench/lean_weights.py``): Spearman's rho with the outlets' side is 0.782 for wording alone
#: and at most 0.734 once sourcing or cue stance get any weight (partisan and wire outlets alike
#: quote both sides), so the composite is the wording part; the other parts are reported beside it
COMPOSITE_WEIGHTS: dict[str, float] = {"wording": 1.0, "sourcing": 0.0, "stance": 0.0}


@dataclass(frozen=True, slots=True)
class LeanEstimate:
    """A lean with its evidence: ``value`` in [-1, 1] (NaN with ``reason`` when there is none)."""

    value: float
    lo: float
    hi: float
    neg: float
    pos: float
    reason: str | None = None


def shrunken_lean(neg: float, pos: float, *, prior: float = LEAN_PRIOR) -> float:
    """The posterior mean lean ``(pos - neg) / (pos + neg + 2 * prior)``; NaN without evidence.

    Example:
        >>> shrunken_lean(0, 1), shrunken_lean(0, 0)
        (0.333333, nan)
    """
    if neg < 0 or pos < 0:
        raise ValueError(f"evidence must be non-negative, got neg={neg}, pos={pos}")
    if neg + pos <= 0:
        return math.nan
    return round((pos - neg) / (pos + neg + 2 * prior), 6)


def estimate_lean(neg: float, pos: float, *, prior: float = LEAN_PRIOR) -> LeanEstimate:
    """Shrunken lean and its 95% credible interval from weighted evidence for each axis side.

    Args:
        neg: evidence for the first axis side (weighted hits).
        pos: evidence for the second axis side.
        prior: pseudo-counts per side (``LEAN_PRIOR``).

    Example:
        >>> e = estimate_lean(0, 8)
        >>> round(e.value, 3), e.lo > 0
        (0.8, True)
    """
    value = shrunken_lean(neg, pos, prior=prior)
    if math.isnan(value):
        return LeanEstimate(math.nan, math.nan, math.nan, neg, pos, "no evidence")
    from scipy.stats import beta

    lo, hi = beta.ppf([0.025, 0.975], pos + prior, neg + prior)
    return LeanEstimate(value, round(2 * float(lo) - 1, 6), round(2 * float(hi) - 1, 6), neg, pos)


def bootstrap_lean(neg: np.ndarray, pos: np.ndarray, *, rng: np.random.Generator, n_boot: int = 1000,
                   prior: float = LEAN_PRIOR) -> tuple[float, float]:
    """95% interval of a pooled lean over documents: resample documents, then draw the Beta.

    Both sources of uncertainty count: which documents an outlet happened to publish (bootstrap)
    and how few hits each has (the Beta draw), so one article with one hit spans 0.
    """
    n = len(neg)
    if n == 0 or (neg.sum() + pos.sum()) <= 0 or n_boot <= 0:
        return math.nan, math.nan
    w = rng.multinomial(n, np.full(n, 1 / n), size=n_boot)
    p = rng.beta(w @ pos + prior, w @ neg + prior)
    lo, hi = np.percentile(2 * p - 1, [2.5, 97.5])
    return round(float(lo), 6), round(float(hi), 6)


def composite_lean(parts: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    """Weighted mean of the parts that have evidence (NaN parts and zero weights drop out).

    Example:
        >>> composite_lean({"wording": 0.5, "sourcing": float("nan"), "stance": 0.2}, {"wording": 1, "sourcing": 1, "stance": 1})
        0.35
    """
    weights = COMPOSITE_WEIGHTS if weights is None else weights
    num = den = 0.0
    for part, w in weights.items():
        v = parts.get(part, math.nan)
        if w > 0 and v is not None and not math.isnan(v):
            num += w * v
            den += w
    return round(num / den, 6) if den else math.nan


def sentence_lean(terms: Iterable[object], axis: tuple[str, str] | None) -> float | None:
    """Shrunken wording lean of one sentence's :class:`~stancekit.results.Term` objects (``None``
    without an axis or without own-voice sided terms)."""
    if axis is None:
        return None
    neg, pos = wording_evidence(((t.side, t.inside_quote, t.weight) for t in terms), axis)  # type: ignore[attr-defined]
    value = shrunken_lean(neg, pos)
    return None if math.isnan(value) else value


def wording_evidence(terms: Iterable[tuple[str | None, bool, float]], axis: tuple[str, str]) -> tuple[float, float]:
    """``(neg, pos)`` weighted own-voice term hits from ``(side, inside_quote, weight)``."""
    neg = pos = 0.0
    for side, quoted, weight in terms:
        if quoted or side is None:
            continue
        if side == axis[0]:
            neg += weight
        elif side == axis[1]:
            pos += weight
    return neg, pos


def sourcing_evidence(parties: Iterable[str | None], axis: tuple[str, str]) -> tuple[float, float]:
    """``(neg, pos)``: sources of each axis side."""
    parties = list(parties)
    return float(parties.count(axis[0])), float(parties.count(axis[1]))


def stance_evidence(sources: Iterable[tuple[str | None, str]], axis: tuple[str, str]) -> tuple[float, float]:
    """``(neg, pos)`` from ``(party, cue_stance)``: endorsing one side or distancing the other."""
    neg = pos = 0.0
    for party, stance in sources:
        if party not in axis or stance == "neutral":
            continue
        favours_pos = (party == axis[1]) == (stance == "endorsing")
        if favours_pos:
            pos += 1
        else:
            neg += 1
    return neg, pos


_NO_EVIDENCE = {
    "wording": "no own-voice frame terms",
    "sourcing": "no sources of either axis side",
    "stance": "no endorsing or distancing cue for an axis side's source",
}


def lean_profile(evidence: Mapping[str, tuple[np.ndarray, np.ndarray]], *, rng: np.random.Generator,
                 n_boot: int = 1000, weights: Mapping[str, float] | None = None,
                 prior: float = LEAN_PRIOR) -> dict[str, float | str | None]:
    """Lean parts and composite, each with a 95% interval, from per-document evidence.

    Args:
        evidence: ``{part: (neg, pos)}``, one entry per document in each array (one document:
            arrays of length 1).
        rng: random generator (seeded by the caller: results repeat exactly).
        n_boot: resamples: documents are resampled, then each part's Beta is drawn.
        weights: composite weights (default :data:`COMPOSITE_WEIGHTS`).

    Returns:
        ``lean``, ``lean_lo``, ``lean_hi``, ``lean_reason`` (``None`` when every weighted part has
        evidence) and, per part, ``lean_<part>``, ``_lo``, ``_hi``, ``_neg``, ``_pos``.

    Example:
        >>> import numpy as np
        >>> ev = {"wording": (np.array([0.0]), np.array([1.0])), "sourcing": (np.array([0.0]), np.array([0.0])),
        ...       "stance": (np.array([0.0]), np.array([0.0]))}
        >>> out = lean_profile(ev, rng=np.random.default_rng(0))
        >>> out["lean"], out["lean_lo"] < 0 < out["lean_hi"], out["lean_sourcing_reason"]
        (0.333333, True, 'no sources of either axis side')
    """
    weights = COMPOSITE_WEIGHTS if weights is None else weights
    out: dict[str, float | str | None] = {}
    draws: dict[str, np.ndarray] = {}
    n = len(next(iter(evidence.values()))[0]) if evidence else 0
    idx = None  # document resamples, drawn at the first part with evidence (none are drawn without)
    reasons = []
    for part in LEAN_PARTS:
        neg, pos = (np.asarray(a, dtype=float) for a in evidence.get(part, (np.zeros(n), np.zeros(n))))
        value = shrunken_lean(float(neg.sum()), float(pos.sum()), prior=prior)
        no_evidence = math.isnan(value)
        out[f"lean_{part}"] = value
        out[f"lean_{part}_neg"], out[f"lean_{part}_pos"] = round(float(neg.sum()), 6), round(float(pos.sum()), 6)
        out[f"lean_{part}_reason"] = _NO_EVIDENCE[part] if no_evidence else None
        if not no_evidence and idx is None and n and n_boot > 0:
            idx = rng.multinomial(n, np.full(n, 1 / n), size=n_boot)
        if no_evidence or idx is None:
            out[f"lean_{part}_lo"] = out[f"lean_{part}_hi"] = math.nan
            if no_evidence and weights.get(part, 0) > 0:
                reasons.append(f"{part}: {_NO_EVIDENCE[part]}")
            continue
        d = 2 * rng.beta(idx @ pos + prior, idx @ neg + prior) - 1
        draws[part] = d
        lo, hi = np.percentile(d, [2.5, 97.5])
        out[f"lean_{part}_lo"], out[f"lean_{part}_hi"] = round(float(lo), 6), round(float(hi), 6)
    out["lean"] = composite_lean({p: out[f"lean_{p}"] for p in LEAN_PARTS}, weights)  # type: ignore[misc]
    used = [p for p in draws if weights.get(p, 0) > 0]
    if used:
        w = np.array([weights[p] for p in used], dtype=float)
        comp = np.stack([draws[p] for p in used]).T @ w / w.sum()
        lo, hi = np.percentile(comp, [2.5, 97.5])
        out["lean_lo"], out["lean_hi"] = round(float(lo), 6), round(float(hi), 6)
    else:
        out["lean_lo"] = out["lean_hi"] = math.nan
    out["lean_reason"] = "; ".join(reasons) if math.isnan(out["lean"]) else None  # type: ignore[arg-type]
    return out
