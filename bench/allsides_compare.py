"""Worked example: compare outlets of the AllSides sample (needs the public corpora).

    python bench/allsides_compare.py --corpora ../shared/corpora [--model] [--top 12]

Scores every article (rules only by default; ``--model`` for the shipped model), groups by
outlet rating (left / center / right) and by the most frequent outlets, prints the profile
tables, the left-vs-right differences (permutation tests, Holm) and the distinguishing phrases,
saves ``bench/allsides_profiles.png`` and an HTML report, and prints the run time.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--model", action="store_true")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    import stancekit

    t0 = time.perf_counter()
    df = pd.read_json(Path(args.corpora) / "allsides_sample" / "articles.jsonl", lines=True)
    nlp = stancekit.load() if args.model else stancekit.load(rules_only=True)
    scored = nlp.score_frame(df[["source", "bias_text", "content_original"]], text_col="content_original",
                             frame="us_politics", show_progress_bar=False)
    t_score = time.perf_counter() - t0
    warnings.simplefilter("ignore")
    by_rating = stancekit.compare_outlets(scored, by="bias_text", frame="us_politics", seed=0)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 12)
    print(by_rating.summary_table(["attributed_share", "hedge_rate", "distancing_share", "loaded_own_per_100", "lean"]).to_string())
    print()
    d = by_rating.differences("left", "right", measures=["attributed_share", "hedge_rate", "distancing_share",
                                                         "loaded_own_per_100", "lean", "source_share_left", "source_share_right"], n_perm=2000)
    print(d[["measure", "value_a", "value_b", "difference", "effect_size", "p_value", "p_adjusted", "correction"]].round(4).to_string(index=False))
    top = df["source"].value_counts().head(args.top).index
    by_outlet = stancekit.compare_outlets(scored[scored["source"].isin(top)], by="source", frame="us_politics", seed=0)
    print()
    print(by_outlet.summary_table(["attributed_share", "hedge_rate", "lean"]).to_string())
    raw = stancekit.compare_outlets(df.rename(columns={"content_original": "text"}), by="bias_text", frame="us_politics",
                                    nlp=nlp, n_boot=10, seed=0)
    ph = raw.distinguishing_phrases("left", "right", n=15)
    print()
    print(ph.round(2).to_string(index=False))
    fig, axes = plt.subplots(1, 3, figsize=(13, 0.35 * len(by_outlet.profiles) + 1.6))
    by_outlet.plot(["attributed_share", "hedge_rate", "lean"], ax=axes)
    fig.tight_layout()
    fig.savefig(ROOT / "bench" / "allsides_profiles.png", dpi=90)
    (ROOT / "runs").mkdir(exist_ok=True)
    by_outlet.to_html(ROOT / "runs" / "allsides_report.html")
    print(f"\narticles={len(df)} sentences={int((scored['status'] == 'ok').sum())} scoring_seconds={t_score:.0f} "
          f"total_seconds={time.perf_counter() - t0:.0f} mode={'model+rules' if args.model else 'rules'}")


if __name__ == "__main__":
    main()
