"""Fuzz the analyzer with hostile news-like text and count invariant violations (target: 0).

    python bench/fuzz.py [--n 100000] [--seed 0] [--frame karabakh] [--model N]

Inputs come from :func:`stancekit.invariants.random_document` (seeded); each result is checked
with :func:`stancekit.invariants.violations` and run twice for determinism. ``--model N`` also
runs the first N inputs through the shipped model. Prints counts by kind and a few reproducers.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def run(nlp, texts, frame, label):
    from stancekit.invariants import violations

    kinds: Counter[str] = Counter()
    examples: dict[str, str] = {}
    crashes = 0
    t0 = time.perf_counter()
    for text in texts:
        try:
            doc = nlp(text, frame=frame)
            found = violations(doc)
            if doc.to_dict() != nlp(text, frame=frame).to_dict():
                found.append("not deterministic")
        except Exception as exc:  # noqa: BLE001 - a crash is a finding
            crashes += 1
            found = [f"crash {type(exc).__name__}"]
        for v in found:
            kind = re.sub(r"\d+|'.*?'|\".*?\"", "#", v)[:90]
            kinds[kind] += 1
            examples.setdefault(kind, text)
    dt = time.perf_counter() - t0
    bad = sum(kinds.values())
    print(f"{label}: {len(texts)} inputs in {dt:.0f}s, {bad} violations, {crashes} crashes")
    for kind, n in kinds.most_common(10):
        print(f"  {n:6d}  {kind}\n          e.g. {examples[kind][:160]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--frame", default="karabakh")
    ap.add_argument("--model", type=int, default=0, help="also run this many inputs with the model")
    args = ap.parse_args()
    import stancekit
    from stancekit.invariants import random_document

    rng = random.Random(args.seed)
    texts = [random_document(rng) for _ in range(args.n)]
    run(stancekit.load(rules_only=True), texts, args.frame, "rules only")
    if args.model:
        run(stancekit.load(), texts[: args.model], args.frame, "model+rules")


if __name__ == "__main__":
    main()
