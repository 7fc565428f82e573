"""Evaluation against gold annotations: sentence metrics, span metrics, breakdowns, intervals.

``stancekit.evaluate(nlp, data, task=...)`` runs the analyzer on each gold sentence and compares:

* sentence level (``attributed`` / ``hedged`` / ``biased``): precision, recall, F1 (binary and
  macro), accuracy, ROC-AUC and PR-AUC from the probabilities, expected calibration error (10
  equal-width bins), the confusion matrix and the threshold used (all via ``sklearn.metrics``);
* span level, exact match and overlap (any shared character), the way PolNeAR (Newell et al.
  2018) and CoNLL-2010 (Farkas et al. 2010) report them: sources, cues and contents for
  attribution; hedge cues; loaded words for framing;
* breakdowns by any metadata column (``by="outlet"``) and bootstrap 95% intervals (resampling
  sentences, seeded) for the headline figures.

Example:
    >>> import stancekit
    >>> from stancekit.corpora import load_labelled
    >>> gold = load_labelled([{"text": "Officials said it rained.", "label": 1},
    ...                       {"text": "It rained.", "label": 0}], task="attribution")
    >>> report = stancekit.evaluate(stancekit.load(rules_only=True), gold, task="attribution", bootstrap=0)
    >>> report.sentence["f1"], report.sentence["accuracy"]
    (1.0, 1.0)
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError, StancekitError

__all__ = ["evaluate", "EvaluationReport", "span_prf", "expected_calibration_error", "TASKS"]

TASKS = {
    "attribution": ("attributed", ("source", "cue", "content")),
    "hedging": ("hedged", ("hedge",)),
    "framing": ("biased", ("loaded",)),
}


def expected_calibration_error(y: Sequence[int], p: Sequence[float], n_bins: int = 10) -> float:
    """ECE with equal-width bins: sum over bins of |accuracy - confidence| weighted by bin size.

    Example:
        >>> round(expected_calibration_error([0, 1], [0.0, 1.0]), 3)
        0.0
    """
    y_arr, p_arr = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    if len(y_arr) == 0:
        return float("nan")
    bins = np.minimum((p_arr * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(y_arr[m].mean() - p_arr[m].mean())
    return float(ece)


def span_prf(gold: Sequence[Sequence[tuple[int, int, Any]]], pred: Sequence[Sequence[tuple[int, int, Any]]]) -> dict[str, dict[str, float]]:
    """Exact and overlap precision/recall/F1 over per-sentence span lists ``(start, end, ...)``.

    Overlap: a predicted span counts as correct if it shares a character with a gold span (and
    vice versa for recall). Counts are micro-averaged over sentences.

    Example:
        >>> span_prf([[(0, 5, "x")]], [[(0, 5, "x"), (7, 9, "x")]])["exact"]["precision"]
        0.5
    """
    ex_tp = ov_tp_p = ov_tp_g = n_p = n_g = 0
    for g, p in zip(gold, pred):
        gs = {(a, b) for a, b, *_ in g}
        ps = {(a, b) for a, b, *_ in p}
        n_g += len(gs)
        n_p += len(ps)
        ex_tp += len(gs & ps)
        ov_tp_p += sum(any(a < d and c < b for c, d in gs) for a, b in ps)
        ov_tp_g += sum(any(a < d and c < b for c, d in ps) for a, b in gs)

    def prf(tp_p: int, tp_g: int) -> dict[str, float]:
        p_ = tp_p / n_p if n_p else 0.0
        r_ = tp_g / n_g if n_g else 0.0
        f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        return {"precision": p_, "recall": r_, "f1": f, "n_gold": n_g, "n_pred": n_p}

    return {"exact": prf(ex_tp, ex_tp), "overlap": prf(ov_tp_p, ov_tp_g)}


def _sentence_metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        average_precision_score,
        confusion_matrix,
        f1_score,
        precision_score,
        recall_score,
        roc_auc_score,
    )

    yhat = (p >= threshold).astype(int)
    both = len(set(y.tolist())) == 2
    return {
        "n": int(len(y)),
        "positives": int(y.sum()),
        "threshold": threshold,
        "precision": float(precision_score(y, yhat, zero_division=0)),
        "recall": float(recall_score(y, yhat, zero_division=0)),
        "f1": float(f1_score(y, yhat, zero_division=0)),
        "macro_f1": float(f1_score(y, yhat, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(y, yhat)),
        "roc_auc": float(roc_auc_score(y, p)) if both else float("nan"),
        "pr_auc": float(average_precision_score(y, p)) if both else float("nan"),
        "ece": expected_calibration_error(y, p),
        "confusion_matrix": confusion_matrix(y, yhat, labels=[0, 1]).tolist(),
    }


@dataclass
class EvaluationReport:
    """What :func:`evaluate` returns. ``str(report)`` is a readable summary."""

    task: str
    mode: str
    n: int
    sentence: dict[str, Any]
    spans: dict[str, dict[str, dict[str, float]]]
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    by: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_column: str | None = None
    skipped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "mode": self.mode,
            "n": self.n,
            "skipped": self.skipped,
            "sentence": self.sentence,
            "spans": self.spans,
            "intervals": {k: list(v) for k, v in self.intervals.items()},
            "by_column": self.by_column,
            "by": self.by,
        }

    def to_json(self, **kw: Any) -> str:
        return json.dumps(self.to_dict(), default=float, **kw)

    def to_frame(self) -> Any:
        """Tidy table: one row per (group, level, metric) with value and 95% interval."""
        import pandas as pd

        rows = []

        def add(group: str, level: str, metrics: dict[str, Any], spans: dict[str, Any]) -> None:
            for k, v in metrics.items():
                if isinstance(v, (int, float)):
                    lo, hi = self.intervals.get(k, (math.nan, math.nan)) if group == "all" else (math.nan, math.nan)
                    rows.append({"group": group, "level": level, "metric": k, "value": float(v), "ci_low": lo, "ci_high": hi})
            for lab, d in spans.items():
                for match, m in d.items():
                    for k in ("precision", "recall", "f1"):
                        key = f"{lab}_{match}_{k}"
                        lo, hi = self.intervals.get(key, (math.nan, math.nan)) if group == "all" else (math.nan, math.nan)
                        rows.append({"group": group, "level": f"span:{lab}:{match}", "metric": k, "value": m[k], "ci_low": lo, "ci_high": hi})

        add("all", "sentence", self.sentence, self.spans)
        for g, d in self.by.items():
            add(g, "sentence", d["sentence"], d["spans"])
        return pd.DataFrame(rows)

    def __str__(self) -> str:
        s = self.sentence
        lines = [f"stancekit evaluation: task={self.task} mode={self.mode} sentences={self.n}"
                 + (f" (skipped {self.skipped})" if self.skipped else "")]

        def ci(k: str) -> str:
            if k in self.intervals:
                lo, hi = self.intervals[k]
                return f" [{lo:.3f}, {hi:.3f}]"
            return ""

        lines.append(f"  sentence (threshold {s['threshold']}): P={s['precision']:.3f} R={s['recall']:.3f} "
                     f"F1={s['f1']:.3f}{ci('f1')} macro-F1={s['macro_f1']:.3f}{ci('macro_f1')} acc={s['accuracy']:.3f}")
        lines.append(f"  ROC-AUC={s['roc_auc']:.3f} PR-AUC={s['pr_auc']:.3f} ECE={s['ece']:.3f}  confusion [[TN, FP], [FN, TP]]={s['confusion_matrix']}")
        for lab, d in self.spans.items():
            e, o = d["exact"], d["overlap"]
            lines.append(f"  span {lab:<8} exact P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f}{ci(lab + '_exact_f1')}"
                         f" | overlap F1={o['f1']:.3f}{ci(lab + '_overlap_f1')}  (gold {e['n_gold']}, predicted {e['n_pred']})")
        if self.by:
            lines.append(f"  by {self.by_column}:")
            for g, d in sorted(self.by.items()):
                lines.append(f"    {g:<28} n={d['sentence']['n']:<5} F1={d['sentence']['f1']:.3f} macro-F1={d['sentence']['macro_f1']:.3f}")
        return "\n".join(lines)


def _as_rows(data: Any, task: str) -> list[dict[str, Any]]:
    import pandas as pd

    from stancekit.corpora.loaders import load_labelled

    if isinstance(data, (str, bytes)) or hasattr(data, "__fspath__"):
        data = load_labelled(data, task=task)
    if isinstance(data, pd.DataFrame):
        data = load_labelled(data, task=task) if "label" in data.columns else data.to_dict("records")
    if hasattr(data, "to_list"):
        return data.to_list()
    if isinstance(data, list):
        return data
    raise InvalidInputError(f"data must be a Dataset, DataFrame, list of rows or a path, got {type(data).__name__}")


def evaluate(
    nlp: Any,
    data: Any,
    *,
    task: str,
    by: str | None = None,
    bootstrap: int = 1000,
    seed: int = 0,
    threshold: float | None = None,
    batch_size: int = 64,
    show_progress_bar: bool | None = None,
) -> EvaluationReport:
    """Evaluate an analyzer against gold sentences.

    Args:
        nlp: an :class:`~stancekit.Analyzer`.
        data: a ``datasets.Dataset`` in the corpus schema (see :mod:`stancekit.corpora`), a
            DataFrame / list of such rows, or a path for :func:`~stancekit.corpora.load_labelled`.
        task: ``attribution``, ``hedging`` or ``framing``.
        by: metadata column for a per-group breakdown (e.g. ``outlet``).
        bootstrap: resamples for the 95% intervals (0 = none).
        seed: bootstrap seed.
        threshold: probability threshold for the binary decision; default: the analyzer's own
            (``nlp.thresholds``: the model's ``stancekit.json`` thresholds, or
            :func:`stancekit.rules.scores.rules_thresholds` rules-only), so the figures score the
            decisions users see.

    Returns:
        :class:`EvaluationReport`.
    """
    if task not in TASKS:
        raise InvalidInputError(f"task must be one of {sorted(TASKS)}, got {task!r}")
    label_col, span_labels = TASKS[task]
    if threshold is None:
        threshold = float(getattr(nlp, "thresholds", {}).get(label_col, 0.5))
    rows = _as_rows(data, task)
    if rows and label_col not in rows[0]:
        raise InvalidInputError(f"the data has no {label_col!r} column; load it with stancekit.corpora")
    kept = [r for r in rows if r.get(label_col, -1) in (0, 1) and isinstance(r.get("text"), str)]
    skipped = len(rows) - len(kept)
    if not kept:
        raise InvalidInputError(f"no row carries a 0/1 {label_col!r} label; is this the right corpus for task={task!r}?")
    texts = [r["text"] for r in kept]
    docs = list(nlp.pipe(texts, batch_size=batch_size, show_progress_bar=show_progress_bar, progress_unit="sentence"))
    failed = [d.meta.get("error") for d in docs if d.meta.get("status") == "error"]
    if failed:
        # a failed document would score as "nothing found": refuse rather than report a wrong figure
        raise StancekitError(f"{len(failed)} of {len(docs)} sentences failed to analyse, so no figure is computed; "
                             f"first error: {failed[0]}")
    y = np.array([int(r[label_col]) for r in kept])
    probs, gold_spans, pred_spans = [], {lab: [] for lab in span_labels}, {lab: [] for lab in span_labels}
    for r, doc in zip(kept, docs):
        probs.append(_doc_probability(doc, task))
        preds = _doc_spans(doc, task)
        for lab in span_labels:
            gold_spans[lab].append([(s["start"], s["end"]) for s in r.get("spans", []) if s["label"] == lab])
            pred_spans[lab].append([(a, b) for a, b, l2 in preds if l2 == lab])
    p = np.array(probs)
    sentence = _sentence_metrics(y, p, threshold)
    spans = {lab: span_prf(gold_spans[lab], pred_spans[lab]) for lab in span_labels if any(gold_spans[lab])}
    intervals: dict[str, tuple[float, float]] = {}
    if bootstrap:
        intervals = _bootstrap(y, p, threshold, gold_spans, pred_spans, spans, bootstrap, seed)
    groups: dict[str, dict[str, Any]] = {}
    if by:
        if by not in kept[0]:
            raise InvalidInputError(f"by={by!r} is not a column of the data; available: {sorted(kept[0])}")
        values = np.array([str(r.get(by, "")) for r in kept])
        for g in sorted(set(values)):
            m = values == g
            idx = np.where(m)[0]
            groups[g] = {
                "sentence": _sentence_metrics(y[m], p[m], threshold),
                "spans": {lab: span_prf([gold_spans[lab][i] for i in idx], [pred_spans[lab][i] for i in idx]) for lab in spans},
            }
    mode = docs[0].meta.get("mode", "?") if docs else "?"
    return EvaluationReport(task, mode, len(kept), sentence, spans, intervals, groups, by, skipped)


def _doc_probability(doc: Any, task: str) -> float:
    if not doc.sentences:
        return 0.0
    if task == "attribution":
        return max(s.attribution.probability for s in doc.sentences)
    if task == "hedging":
        return max(s.hedging.probability for s in doc.sentences)
    return max(s.framing.probability for s in doc.sentences)


def _doc_spans(doc: Any, task: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s in doc.sentences:
        if task == "attribution":
            for src in s.attribution.sources:
                out.append((src.span.start, src.span.end, "source"))
                if src.cue is not None:
                    out.append((src.cue.start, src.cue.end, "cue"))
                if src.content is not None:
                    out.append((src.content.start, src.content.end, "content"))
        elif task == "hedging":
            out.extend((c.span.start, c.span.end, "hedge") for c in s.hedging.cues)
        else:
            out.extend((t.span.start, t.span.end, "loaded") for t in s.framing.terms)
    # a span is predicted once, however many findings point at it (two sources sharing a content)
    return list(dict.fromkeys(out))


def _bootstrap(y: np.ndarray, p: np.ndarray, threshold: float, gold: dict[str, list[Any]], pred: dict[str, list[Any]],
               spans: dict[str, Any], n: int, seed: int) -> dict[str, tuple[float, float]]:
    rng = np.random.default_rng(seed)
    yhat = (p >= threshold).astype(int)
    stats: dict[str, list[float]] = {"f1": [], "macro_f1": [], "accuracy": []}
    # per-sentence span counts make the span bootstrap cheap
    counts = {}
    for lab in spans:
        rows = []
        for g, q in zip(gold[lab], pred[lab]):
            gs, ps = set(g), set(q)
            rows.append((len(gs), len(ps), len(gs & ps),
                         sum(any(a < d and c < b for c, d in gs) for a, b in ps),
                         sum(any(a < d and c < b for c, d in ps) for a, b in gs)))
        counts[lab] = np.array(rows, dtype=float)
        for m in ("exact", "overlap"):
            stats[f"{lab}_{m}_f1"] = []
    def f1(tp: float, fp: float, fn: float) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    for _ in range(n):
        idx = rng.integers(0, len(y), len(y))
        yy, hh = y[idx], yhat[idx]
        tp = float(((yy == 1) & (hh == 1)).sum())
        fp = float(((yy == 0) & (hh == 1)).sum())
        fn = float(((yy == 1) & (hh == 0)).sum())
        tn = float(len(yy) - tp - fp - fn)
        stats["f1"].append(f1(tp, fp, fn))
        stats["macro_f1"].append((f1(tp, fp, fn) + f1(tn, fn, fp)) / 2)
        stats["accuracy"].append((tp + tn) / len(yy))
        for lab, c in counts.items():
            s = c[idx].sum(0)
            ng, np_, ex, ovp, ovg = s
            for m, (tp_p, tp_g) in (("exact", (ex, ex)), ("overlap", (ovp, ovg))):
                pr = tp_p / np_ if np_ else 0.0
                rc = tp_g / ng if ng else 0.0
                stats[f"{lab}_{m}_f1"].append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in stats.items() if v}
