"""Fit the rules-only calibration (``stancekit/rules/lexicons/rule_calibration.json``) on dev data.

    python bench/fit_rule_calibration.py [--corpora ../shared/corpora] [--dry-run]

For each sentence task the rules-only analyzer, uncalibrated, scores a dev set: attributed on
PolNeAR dev (3,332 sentences), hedged on the FactBank dev half (1,634 sentences, news
definition; the rules are not trained on anything, so all of it), biased on BABE dev (369). A
Platt map on the logit of the raw score is fitted (:mod:`stancekit.rules.scores`). Printed and
stored: scale, bias, ECE before, after, and cross-fitted (each sentence calibrated by a fit on
the other four fifths: the honest figure), and the F1 at the kept decision point.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e4).fit(x[:, None], y)
    return float(m.coef_[0, 0]), float(m.intercept_[0])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the JSON")
    args = ap.parse_args()
    from sklearn.metrics import f1_score
    from sklearn.model_selection import KFold

    from stancekit import corpora
    from stancekit.analyzer import Analyzer
    from stancekit.evaluation import expected_calibration_error

    warnings.simplefilter("ignore")
    c = args.corpora
    sets = {
        "attributed": ("polnear dev", lambda: corpora.load_polnear(c / "polnear", "dev"), "attribution"),
        "hedged": ("szeged_news (FactBank dev half, news definition)", lambda: corpora.load_szeged_news(c / "szeged_factbank_dev"), "hedging"),
        "biased": ("babe dev", lambda: corpora.load_babe(c / "babe", "dev"), "framing"),
    }
    raw = Analyzer(None, rule_calibration={})
    out = {}
    for task, (name, load, _) in sets.items():
        rows = [r for r in load() if r.get(task, -1) in (0, 1)]
        y = np.array([int(r[task]) for r in rows])
        docs = list(raw.pipe([r["text"] for r in rows], show_progress_bar=False))
        attr = {"attributed": "attribution", "hedged": "hedging", "biased": "framing"}[task]
        p = np.array([max((getattr(s, attr).probability for s in d.sentences), default=0.0) for d in docs])
        x = logit(p)
        scale, bias = fit(x, y)
        cal = 1 / (1 + np.exp(-(scale * x + bias)))
        cross = np.zeros_like(cal)
        for tr, te in KFold(5, shuffle=True, random_state=0).split(x):
            a, b = fit(x[tr], y[tr])
            cross[te] = 1 / (1 + np.exp(-(a * x[te] + b)))
        out[task] = {"scale": round(scale, 6), "bias": round(bias, 6), "dev_corpus": name, "dev_sentences": len(y),
                     "ece_before": round(expected_calibration_error(y, p), 4),
                     "ece_after": round(expected_calibration_error(y, cal), 4),
                     "ece_cross_fitted": round(expected_calibration_error(y, cross), 4),
                     "f1_at_decision_point": round(float(f1_score(y, p >= 0.5)), 4),
                     "threshold": round(1 / (1 + math.exp(-bias)), 6)}
        print(task, json.dumps(out[task]))
    if not args.dry_run:
        target = ROOT / "stancekit" / "rules" / "lexicons" / "rule_calibration.json"
        target.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
