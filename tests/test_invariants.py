"""Invariants that can really fail: offsets inside sentences, terms counted once, determinism,
hostile input (quotes across line breaks, control characters, lone surrogates), long text and
threads. Reproducers found by fuzzing are pinned as regression tests."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stancekit
from stancekit.invariants import FRAGMENTS, violations

#: news-like documents: fragments (quotes of every kind, separators, surrogates...) and free text
documents = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=30
).map("".join)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["karabakh", "us_politics", None]))
def test_rules_results_keep_every_invariant(nlp, text, frame):
    doc = nlp(text, frame=frame)
    assert violations(doc) == []
    assert doc.to_dict() == nlp(text, frame=frame).to_dict()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(documents)
def test_model_results_keep_every_invariant(shipped, text):
    doc = shipped(text, frame="karabakh")
    assert violations(doc) == []
    assert doc.to_dict() == shipped(text, frame="karabakh").to_dict()


@pytest.mark.parametrize("text, expected", [
    # a dash sign-off keeps an initial's full stop only when there is one
    ("― Ua", [("Ua", (2, 4))]),
    ("“We will never leave,” ― Jane Xu\nThe next day the troops left.", [("Jane Xu", (25, 32))]),
    ("“We stay,” ― John Q. Public", [("John Q. Public", (13, 27))]),
])
def test_sign_off_sources_stay_in_their_sentence(nlp, text, expected):
    doc = nlp(text)
    got = [(s.span.text, (s.span.start, s.span.end)) for sent in doc.sentences for s in sent.attribution.sources]
    assert got == expected
    assert violations(doc) == []


@pytest.mark.parametrize("sep", ["\n", "\r", "\u2028"])
def test_a_quote_across_a_line_break_is_counted_once(nlp, sep):
    doc = nlp(f"Troops met the “Artsakh{sep}authorities” today.", frame="karabakh")
    # not a scare quote any more (a quotation ends at the line), so only "Artsakh" counts, once
    assert doc.summary["terms_by_side"] == {"armenia": 1, "azerbaijan": 0}
    assert violations(doc) == []


def test_lone_surrogates_are_replaced_not_fatal(nlp):
    import pandas as pd

    doc = nlp("The ministry said \ud800 it may rain.")
    assert doc.text == "The ministry said \ufffd it may rain."
    assert "1 lone surrogate" in doc.meta["warning"]
    assert [c.span.text for c in doc.sentences[0].hedging.cues] == ["may"]
    statuses = [d.meta["status"] for d in nlp.pipe(["ok.", "\udfff", 3, "The UN said so."])]
    assert statuses == ["ok", "ok", "error", "ok"]
    df = pd.DataFrame({"outlet": ["a", "b"], "text": ["The UN said \ud800 it rained.", "Fine."]}, dtype=object)
    out = nlp.score_frame(df)
    assert out["status"].tolist() == ["ok", "ok"]
    with pytest.warns(UserWarning, match="fewer than 2 non-empty articles"):
        cmp = stancekit.compare_outlets(df, frame="karabakh", nlp=nlp, min_articles=1)
    assert list(cmp.profiles.index) == ["a", "b"]


def test_a_failing_document_does_not_take_down_its_batch(nlp, monkeypatch):
    real = type(nlp)._document

    def flaky(self, text, *args, **kwargs):
        if "boom" in text:
            raise RuntimeError("boom inside")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "_document", flaky)
    docs = list(nlp.pipe([f"Doc {i} said the UN." for i in range(5)] + ["boom."] + ["Last one."], batch_size=4))
    assert [d.meta["status"] for d in docs] == ["ok"] * 5 + ["error", "ok"]
    assert "RuntimeError: boom inside" in docs[5].meta["error"]
    assert docs[6].text == "Last one."
    with pytest.raises(RuntimeError):
        list(nlp.pipe(["boom."], errors="raise"))


def test_rules_stay_linear_on_a_very_long_sentence(nlp):
    """A 100,000-character sentence: the rules read beside each cue, not from the sentence start
    (timed in bench/long_text.py; here: the findings far from the start are all there)."""
    unit = "officials said the talks may resume, according to the ministry, and the army reportedly agreed, "
    text = ("The Defense Ministry said " + unit * 1100)[:100_000] + "."
    doc = nlp(text)
    assert len(doc.sentences) == 1
    sources = doc.sentences[0].attribution.sources
    hedges = doc.sentences[0].hedging.cues
    assert sources[-1].span.start > 99_000 and hedges[-1].span.start > 99_000
    assert len(hedges) == text.count(" may resume") + text.count(" reportedly ")
    assert violations(doc) == []


@pytest.mark.parametrize("analyzer", ["nlp", "shipped"])
def test_the_analyzer_can_be_shared_across_threads(analyzer, request):
    nlp = request.getfixturevalue(analyzer)
    texts = ["According to the UN, Azerbaijan's Defense Ministry said the separatist regime may attack. "
             f"The ministry said {i} soldiers died in Khankendi, “the so-called authorities” reportedly said."
             for i in range(40)]
    expected = [nlp(t, frame="karabakh").to_dict() for t in texts]
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [nlp(t, frame="karabakh").to_dict() for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == expected for k in range(4))
