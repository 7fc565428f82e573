"""Rules-only time on long documents and one very long sentence (linear in the text length).

    python bench/long_text.py

Prints seconds for documents of 100 KB, 1 MB and 5 MB of news-like text (many sentences, many
quotations) and for a single 100,000-character sentence.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    import stancekit

    nlp = stancekit.load(rules_only=True)
    nlp("Warm-up. The ministry said so.", frame="karabakh")
    para = ("The Defense Ministry said on Monday that talks may resume. “We will never leave,” the spokesman "
            "said, adding that the so-called “authorities” in Khankendi reportedly agreed. ")
    for size in (100_000, 1_000_000, 5_000_000):
        text = (para * (size // len(para) + 1))[:size]
        t0 = time.perf_counter()
        doc = nlp(text, frame="karabakh")
        dt = time.perf_counter() - t0
        print(f"{size / 1e6:>4.1f} MB document: {dt:6.2f} s  ({len(doc.sentences)} sentences, {size / dt / 1e6:.2f} MB/s)")
    unit = "officials said the talks may resume, according to the ministry, and the army reportedly agreed, "
    text = ("The Defense Ministry said " + unit * 1100)[:100_000] + "."
    t0 = time.perf_counter()
    nlp(text, frame="karabakh")
    print(f"one 100,000-character sentence: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
