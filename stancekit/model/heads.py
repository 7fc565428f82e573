"""The network's outputs, named: three sentence heads and three BIO token heads (no torch needed).

* Sentence heads (binary logits on the mean-pooled encoder output): ``attributed``, ``hedged``,
  ``biased``.
* Token heads (BIO tagging on every sub-word): ``attr`` (O, B/I-source, B/I-cue, B/I-content;
  PolNeAR), ``hedge`` (O, B, I; Szeged), ``loaded`` (O, B, I; BABE biased words, PTC loaded
  language).
"""

from __future__ import annotations

__all__ = ["SENTENCE_TASKS", "TOKEN_TASKS", "OUTPUT_NAMES"]

SENTENCE_TASKS = ("attributed", "hedged", "biased")
TOKEN_TASKS: dict[str, tuple[str, ...]] = {
    "attr": ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content"),
    "hedge": ("O", "B-hedge", "I-hedge"),
    "loaded": ("O", "B-loaded", "I-loaded"),
}
#: the order of a backend's outputs: sentence logits, then per-token tag log-probabilities
OUTPUT_NAMES = SENTENCE_TASKS + tuple(f"tok_{h}" for h in TOKEN_TASKS)
