"""How far two PolNeAR annotators agree with each other: the yardstick for the attribution figures.

    python bench/polnear_agreement.py --corpora ../shared/corpora [--splits train dev]

Some PolNeAR articles were annotated twice (``<article>_<annotator>.ann``). For each such article
the first annotator (alphabetically) is taken as gold and the second as the system, and the same
figures as ``stancekit.evaluate`` gives for attribution are printed: sentence-level F1 of
``attributed`` (the sentence overlaps a Source or Cue span) and exact / overlap F1 of the source,
cue and content spans, with 95% intervals from 1,000 bootstrap resamples of articles (seed 0).
F1 is symmetric, so which annotator plays gold does not matter.

These are not upper bounds for a model (a model that learns the annotators' shared convention can
agree with each of them more than they agree with each other), but they say how much of the
residual error is the annotation's own disagreement.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = ("source", "cue", "content")


def article_counts(a: list[dict], b: list[dict]) -> np.ndarray:
    """Counts for one doubly annotated article (rows of both annotators, in sentence order):
    sentence tp/fp/fn, then per label exact tp, n_gold, n_pred and overlap tp (gold side, pred side)."""
    from stancekit.evaluation import span_prf

    ya = np.array([r["attributed"] for r in a], dtype=bool)
    yb = np.array([r["attributed"] for r in b], dtype=bool)
    out = [int((ya & yb).sum()), int((~ya & yb).sum()), int((ya & ~yb).sum())]
    for lab in LABELS:
        g = [[(s["start"], s["end"]) for s in r["spans"] if s["label"] == lab] for r in a]
        p = [[(s["start"], s["end"]) for s in r["spans"] if s["label"] == lab] for r in b]
        prf = span_prf(g, p)
        ex, ov = prf["exact"], prf["overlap"]
        n_g, n_p = ex["n_gold"], ex["n_pred"]
        out += [round(ex["recall"] * n_g), n_g, n_p, round(ov["recall"] * n_g), round(ov["precision"] * n_p)]
    return np.array(out, dtype=float)


def figures(c: np.ndarray) -> dict[str, float]:
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    tp, fp, fn = c[:3]
    res = {"sentence attributed F1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}
    for k, lab in enumerate(LABELS):
        ex_tp, n_g, n_p, ov_g, ov_p = c[3 + 5 * k: 8 + 5 * k]
        res[f"{lab} exact F1"] = f1(ex_tp / n_p if n_p else 0.0, ex_tp / n_g if n_g else 0.0)
        res[f"{lab} overlap F1"] = f1(ov_p / n_p if n_p else 0.0, ov_g / n_g if n_g else 0.0)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    ap.add_argument("--bootstrap", type=int, default=1000)
    args = ap.parse_args()
    from stancekit import corpora

    warnings.simplefilter("ignore")
    for split in args.splits:
        ds = corpora.load_polnear(Path(args.corpora) / "polnear", split, duplicates="all")
        by: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for r in ds:
            article, _, annotator = r["doc_id"].rpartition("_")
            by[article][annotator].append(r)
        per_article = []
        n_sent = 0
        for article, anns in sorted(by.items()):
            if len(anns) < 2:
                continue
            first, second = sorted(anns)[:2]
            if len(anns[first]) != len(anns[second]):
                print(f"  {article}: the two annotation files give different sentence counts; skipped")
                continue
            per_article.append(article_counts(anns[first], anns[second]))
            n_sent += len(anns[first])
        if not per_article:
            print(f"PolNeAR {split}: no article annotated twice")
            continue
        counts = np.stack(per_article)
        point = figures(counts.sum(0))
        rng = np.random.default_rng(0)
        boot = [figures(counts[rng.integers(0, len(counts), len(counts))].sum(0)) for _ in range(args.bootstrap)]
        print(f"PolNeAR {split}: {len(counts)} articles annotated twice, {n_sent} sentences")
        for k, v in point.items():
            lo, hi = np.percentile([b[k] for b in boot], [2.5, 97.5]) if boot else (v, v)
            print(f"  {k:24s} {v:.3f} [{lo:.3f}, {hi:.3f}]")


if __name__ == "__main__":
    main()
