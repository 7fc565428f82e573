"""Throughput of ``stancekit score`` (Dask) with 1 and 2 local worker processes.

    python bench/dask_scale.py [--docs 500] [--files 10] [--workers 1 2] [--corpora ../shared/corpora]

Writes the first ``--docs`` AllSides sample articles into ``--files`` JSONL files (one partition
each) in a temporary folder, runs ``stancekit score`` on them once per worker count (model +
rules, default backend, ``us_politics`` frame) and prints wall time, sentence rows and sentences/s,
cluster start-up and model loading included.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    import pandas as pd

    from stancekit.dask import score_files

    rows = []
    with (args.corpora / "allsides_sample" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append({"id": r["ID"], "outlet": r["source"], "text": r["content_original"]})
            if len(rows) >= args.docs:
                break
    with tempfile.TemporaryDirectory() as tmp:
        per = -(-len(rows) // args.files)
        for k in range(args.files):
            with open(Path(tmp) / f"in{k:03d}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r) + "\n" for r in rows[k * per : (k + 1) * per])
        for n in args.workers:
            out = Path(tmp) / f"out{n}"
            t = time.perf_counter()
            rep = score_files([str(Path(tmp) / "in*.jsonl")], str(out), workers=n, frame="us_politics",
                              show_progress_bar=False)
            dt = time.perf_counter() - t
            sentences = int(pd.read_parquet(out)["sentence"].notna().sum())
            print(f"workers={n} docs={len(rows)} parts={rep['parts']} sentences={sentences} seconds={dt:.1f} "
                  f"sentences_per_s={sentences / dt:.0f} failed={len(rep['failed'])}", flush=True)


if __name__ == "__main__":
    main()
