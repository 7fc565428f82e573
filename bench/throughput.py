"""Throughput and peak memory of the analyzer on a fixed mixed input.

    python bench/throughput.py                 # rules only
    python bench/throughput.py --model         # shipped model + rules
    python bench/throughput.py --model --docs 50

The input is fixed (no corpus needed): the seed article, short wire-style items built from fixed
templates (attribution, hedging, framing in several frames), one long sentence, a document in
Cyrillic and one with HTML markup, cycled to ``--docs`` documents. Prints documents, sentences,
seconds, sentences/s and the process's peak resident memory (MB).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEMPLATES = [
    "According to the {org}, {n} people were killed near {place}. Officials said the toll may rise. "
    "The {side} forces reportedly shelled the town, the ministry claimed.",
    "“We will not retreat,” {person} told reporters on {day}. Critics argue the plan is unlikely to work. "
    "The so-called {thing} was rejected by the opposition.",
    "Sources close to the government said talks would resume if the ceasefire holds. It is believed that "
    "about {n} prisoners will be exchanged. {person} was quoted as saying the deal is near.",
    "The radical {side} regime's thugs staged a shocking attack, {org} revealed. Residents insisted "
    "they had been warned. Some say the truce appeared fragile.",
]
FILL = {
    "org": ["UN", "Defense Ministry", "Red Cross", "Human Rights Watch", "State Department"],
    "n": ["12", "40", "about 300", "dozens of"],
    "place": ["Khankendi", "Stepanakert", "Shusha", "the Lachin corridor", "the Lachin road"],
    "side": ["Armenian", "Azerbaijani", "separatist", "Russian"],
    "person": ["Toivo Klaar", "Ilham Aliyev", "Nikol Pashinyan", "a senior official"],
    "day": ["Monday", "Tuesday", "Friday"],
    "thing": ["peace plan", "eco-activists", "Artsakh government", "peacekeepers"],
}


def build_input(n_docs: int) -> list[str]:
    seed = (ROOT / "seeds" / "karabakh_2023-03_armed_incident_az_perspective.txt").read_text(encoding="utf-8")
    items = [seed]
    for k, t in enumerate(TEMPLATES * 5):
        vals = {key: opts[(k + i) % len(opts)] for i, (key, opts) in enumerate(FILL.items())}
        items.append(" ".join(t.format(**vals) for _ in range(3)))
    items.append("The report said " + ", and ".join(f"item {i} was delayed" for i in range(400)) + ".")
    items.append("Министерство обороны сообщило, что сепаратисты открыли огонь. Это может повториться.")
    items.append("<p>Officials <b>said</b> the road &amp; bridge were closed.</p><p>It may reopen.</p>")
    return [d for d, _ in zip(itertools.cycle(items), range(n_docs))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--model", action="store_true", help="use the shipped model (default: rules only)")
    ap.add_argument("--frame", default="karabakh")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    import subprocess

    imp = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import stancekit; "
                          "print(time.perf_counter() - t)"], capture_output=True, text=True, check=True, cwd=ROOT)
    print(f"import_stancekit_seconds={float(imp.stdout):.3f}")
    import stancekit

    docs = build_input(args.docs)
    nlp = stancekit.load() if args.model else stancekit.load(rules_only=True)
    list(nlp.pipe(docs[:3], frame=args.frame, show_progress_bar=False))  # warm-up
    t = time.perf_counter()
    n_sent = sum(len(d.sentences) for d in nlp.pipe(docs, frame=args.frame, batch_size=args.batch_size, show_progress_bar=False))
    dt = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mode = "model+rules" if args.model else "rules only"
    print(f"mode={mode} docs={len(docs)} sentences={n_sent} seconds={dt:.2f} "
          f"sentences_per_s={n_sent / dt:.0f} docs_per_s={len(docs) / dt:.1f} peak_rss_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
