import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stancekit
from stancekit import InvalidInputError


def all_spans(doc):
    for s in doc.sentences:
        yield s.span
        for src in s.attribution.sources:
            yield src.span
            if src.cue:
                yield src.cue
            if src.content:
                yield src.content
        for c in s.hedging.cues:
            yield c.span
        for t in s.framing.terms:
            yield t.span


def test_import_and_rules_path_do_not_import_heavy_libraries():
    # import time itself is measured by bench/throughput.py, not here
    code = (
        "import sys; import stancekit; "
        "nlp = stancekit.load(rules_only=True); nlp('He said so.', frame='karabakh'); "
        "print(sorted(m for m in ('torch', 'transformers', 'sklearn', 'datasets', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_one_document_gives_document_result(nlp):
    doc = nlp("The UN said 40 people died. It may rain.")
    assert isinstance(doc, stancekit.DocumentResult)
    assert [s.span.text for s in doc.sentences] == ["The UN said 40 people died.", "It may rain."]
    src = doc.sentences[0].attribution.sources[0]
    assert (src.span.text, src.type, src.cue.text, src.content.text) == ("The UN", "international_org", "said", "40 people died")
    assert doc.sentences[1].hedging.cues[0].category == "modal"


def test_results_are_frozen_and_serialisable(nlp):
    import dataclasses
    import json

    doc = nlp("Reuters reported that talks failed.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.sentences[0].span.start = 3  # type: ignore[misc]
    d = doc.to_dict()
    json.dumps(d)
    assert d["sentences"][0]["attribution"]["sources"][0]["type"] == "media"


@pytest.mark.parametrize("bad", [None, 42, 3.5, b"text", object()])
def test_bad_input_raises_named_error(nlp, bad):
    with pytest.raises(InvalidInputError) as exc:
        nlp(bad)
    assert type(bad).__name__ in str(exc.value)
    assert "str" in str(exc.value)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_empty_result(nlp, text):
    doc = nlp(text)
    assert doc.sentences == ()
    assert doc.meta["status"] == "empty"
    assert doc.summary["n_sentences"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Ադրբեջանի պաշտպանության նախարարությունը հայտնել է. Սա փորձ է։",
        "Azərbaycan Müdafiə Nazirliyi bildirib ki, Xankəndi yolu bağlanıb.",
        "Министерство обороны Азербайджана сообщило, что сепаратисты открыли огонь.",
        "<p>Officials <b>said</b> the road &amp; bridge were closed.</p><script>x()</script>",
        "Control\x00chars\x07 and\x1b[31m escapes said\x0b nothing.",
        "word " * 1000,
    ],
)
def test_odd_text_does_not_crash(nlp, text):
    doc = nlp(text, frame="karabakh")
    for span in all_spans(doc):
        assert doc.text[span.start : span.end] == span.text


def test_azerbaijani_script_term_variant(nlp):
    doc = nlp("Azərbaycan bildirib ki, Xankəndi yolu bağlanıb.", frame="karabakh")
    assert [t.span.text for s in doc.sentences for t in s.framing.terms] == ["Xankəndi"]


def test_one_megabyte_document(nlp, seed_text):
    big = (seed_text + "\n") * (1_000_000 // len(seed_text) + 1)
    doc = nlp(big, frame="karabakh")
    assert len(doc.sentences) > 5000
    assert doc.summary["sources_by_side"]["armenia"] == 0


def test_pipe_keeps_order_and_marks_failures(nlp):
    items = ["He said so.", None, "", 7, "It might rain."]
    docs = list(nlp.pipe(items, batch_size=2))
    assert len(docs) == 5
    assert [d.meta["status"] for d in docs] == ["ok", "error", "empty", "error", "ok"]
    assert "NoneType" in docs[1].meta["error"]
    assert docs[4].sentences[0].hedging.cues[0].span.text == "might"
    with pytest.raises(InvalidInputError):
        list(nlp.pipe(items, errors="raise"))


def test_pipe_streams_generators(nlp):
    gen = (f"Source {i} said {i}." for i in range(300))
    docs = nlp.pipe(gen, show_progress_bar=False)
    first = next(docs)
    assert first.sentences[0].attribution.attributed


def test_score_frame_one_row_per_sentence_keeps_columns_and_index(nlp):
    df = pd.DataFrame(
        {"outlet": ["x", "y", "z"], "text": ["Baku said no. Rain.", "", None]},
        index=pd.Index([10, 20, 30], name="article"),
    )
    before = df.copy()
    out = nlp.score_frame(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == [10, 10, 20, 30]
    assert out.index.name == "article"
    assert list(out.columns[:2]) == ["outlet", "text"]
    assert list(out.columns[2:]) == list(stancekit.SENTENCE_COLUMNS)
    assert out["status"].tolist() == ["ok", "ok", "empty", "error"]
    assert out["sentence"].tolist()[:2] == ["Baku said no.", "Rain."]
    assert out.loc[10, "source_types"].iloc[0] == ["government"]
    assert out["sentence_index"].isna().tolist() == [False, False, True, True]
    for col, dtype in stancekit.SENTENCE_COLUMNS.items():
        assert str(out[col].dtype) == dtype, col


def test_score_frame_errors(nlp):
    with pytest.raises(InvalidInputError, match="not a column"):
        nlp.score_frame(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(InvalidInputError, match="DataFrame"):
        nlp.score_frame(["a list"])
    with pytest.raises(InvalidInputError, match="clash"):
        nlp.score_frame(pd.DataFrame({"text": ["x"], "lean": [1]}))


def test_output_is_deterministic(nlp, seed_text):
    a = nlp(seed_text, frame="karabakh").to_dict()
    b = nlp(seed_text, frame="karabakh").to_dict()
    assert a == b


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_spans_stay_in_their_sentences_around_arbitrary_quoted_text(text):
    from stancekit.invariants import violations

    nlp = stancekit.load(rules_only=True)
    doc = nlp("Officials said “" + text + "” in Khankendi. " + text, frame="karabakh")
    assert violations(doc) == []
