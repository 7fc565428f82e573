"""Choose the composite lean's weights on labelled outlets.

    python bench/lean_weights.py [--rules-only]

The labelled outlets are those of the development gold sets (``bench/data/gold_sources``:
Karabakh, Israel-Gaza, Russia-Ukraine; with ``--all-rounds`` also every later round whose errors were read: rounds 2-19), each outlet labelled by the side its publisher is on
(-1 / +1 for the two axis sides, 0 for international outlets). For every weighting on a small grid
(wording fixed at 1; sourcing and cue stance from 0 to 2) it prints Spearman's rho between the
outlets' composite lean and their label, pooled over the three conflicts, with an outlet whose lean
is NaN placed at 0 (no evidence, no lean); ``--by-conflict`` also prints each conflict's rho. The
chosen weights go into :data:`stancekit.lean.COMPOSITE_WEIGHTS`. The held-out Karabakh outlets
(``karabakh_outlets_heldout.jsonl``) are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


#: the first round still blind (its errors never read)
READ_ROUNDS_END = 20


def development_rows(all_rounds: bool) -> list[dict]:
    """The development gold set, and with ``all_rounds`` every later round whose errors were read
    (rounds 2-19; never the held-out set, nor a round still blind: 20 and later)."""
    import outlet_validity as ov

    rows = ov.load_gold()
    if all_rounds:
        for n in range(2, READ_ROUNDS_END):
            rows += ov.load_gold(ov.round_folder(n))
    return rows


def outlet_parts(nlp, conflict: str, rows: list[dict]):
    import pandas as pd

    import stancekit
    from stancekit.frames import load_frame

    rows = [r for r in rows if r["conflict"] == conflict]
    axis = load_frame(conflict).axis
    df = pd.DataFrame({"outlet": [r["outlet"] for r in rows], "group": [r["outlet_group"] for r in rows],
                       "text": [r["text"] for r in rows]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = stancekit.compare_outlets(df, by="outlet", frame=conflict, nlp=nlp, n_boot=0).profiles
    label = df.groupby("outlet")["group"].first().map({axis[0]: -1, axis[1]: 1}).fillna(0)
    return p.join(label.rename("label"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--by-conflict", action="store_true")
    ap.add_argument("--all-rounds", action="store_true", help="also the gold rounds 2-16 (their outlets, by outlet name)")
    args = ap.parse_args()
    import numpy as np
    import pandas as pd
    from scipy.stats import spearmanr

    import stancekit
    from stancekit.lean import composite_lean

    nlp = stancekit.load(rules_only=args.rules_only)
    rows = development_rows(args.all_rounds)
    tables = {c: outlet_parts(nlp, c, rows) for c in ("karabakh", "israel_gaza", "russia_ukraine")}
    allp = pd.concat(tables.values())
    print(f"{len(allp)} labelled outlets; analyzer {nlp!r}")
    results = []
    for ws, wt in itertools.product([0, 0.25, 0.5, 1, 2], [0, 0.25, 0.5, 1]):
        weights = {"wording": 1.0, "sourcing": ws, "stance": wt}

        def comp(t, weights=weights):
            v = np.array([composite_lean({k: r[f"lean_{k}"] for k in weights}, weights) for _, r in t.iterrows()])
            return np.nan_to_num(v, nan=0.0)

        rho = spearmanr(comp(allp), allp["label"]).statistic
        per = {c: spearmanr(comp(t), t["label"]).statistic for c, t in tables.items()}
        placed = float(np.mean([not np.isnan(composite_lean({k: r[f"lean_{k}"] for k in weights}, weights))
                                for _, r in allp.iterrows()]))
        results.append((rho, ws, wt, per, placed))
    # and a fallback rule: wording where it has evidence, else sourcing (scaled by ``ws``)
    for ws in (0.25, 0.5, 1.0):
        def fallback(t, ws=ws):
            w, src = t["lean_wording"].to_numpy(float), t["lean_sourcing"].to_numpy(float)
            return np.nan_to_num(np.where(np.isnan(w), ws * src, w), nan=0.0)

        placed = float(np.mean(~np.isnan(np.where(allp["lean_wording"].isna(), allp["lean_sourcing"], allp["lean_wording"]))))
        results.append((spearmanr(fallback(allp), allp["label"]).statistic, f"fb{ws}", 0,
                        {c: spearmanr(fallback(t), t["label"]).statistic for c, t in tables.items()}, placed))
    results.sort(key=lambda x: -x[0])
    print(f"{'sourcing':>9}{'stance':>8}{'rho (pooled)':>14}{'outlets placed':>16}" + ("  per conflict" if args.by_conflict else ""))
    for rho, ws, wt, per, placed in results:
        extra = "  " + ", ".join(f"{c} {v:.3f}" for c, v in per.items()) if args.by_conflict else ""
        print(f"{ws:>9}{wt:>8}{rho:>14.3f}{placed:>16.2f}{extra}")


if __name__ == "__main__":
    main()
