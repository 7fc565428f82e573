import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.errors import InvalidInputError
from stancekit.text import check_text, quote_regions, split_sentences


def texts(t):
    return [t[s:e] for s, e in split_sentences(t)]


def test_splits_on_punctuation_and_newlines():
    t = "Baku said no. Yerevan disagreed! Why?\nA new paragraph starts here"
    assert texts(t) == ["Baku said no.", "Yerevan disagreed!", "Why?", "A new paragraph starts here"]


def test_keeps_abbreviations_and_initials():
    t = "Dr. Smith met Gen. Hasanov in the U.S. capital. J. Doe said so."
    assert texts(t) == ["Dr. Smith met Gen. Hasanov in the U.S. capital.", "J. Doe said so."]


def test_quote_closing_after_period_stays_with_sentence():
    t = "He said: “We will win.” Then he left."
    assert texts(t) == ["He said: “We will win.”", "Then he left."]


def test_quote_regions_typographic_straight_and_guillemets():
    t = 'A “peacekeepers” B "quoted words" C «third»'
    assert [t[a:b] for a, b in quote_regions(t)] == ["“peacekeepers”", '"quoted words"', "«third»"]


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"bytes", ["a"]])
def test_check_text_rejects_non_text(bad):
    with pytest.raises(InvalidInputError, match=type(bad).__name__):
        check_text(bad)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_roundtrip_on_arbitrary_unicode(t):
    spans = split_sentences(t)
    last = 0
    for s, e in spans:
        assert 0 <= last <= s < e <= len(t)
        assert t[s:e].strip() == t[s:e]
        last = e


def test_one_definition_of_a_quotation_in_every_rule():
    """A quotation is someone's words; a short set-off phrase is a scare quote (text.quote_kind).
    The same quote is read the same way when it gives a source its content and when it sets
    the sentence's attribution probability."""
    import stancekit
    from stancekit.text import quote_kind, quote_regions

    t = "“We will stay,” the minister said. He met the “peacekeepers” later. “Short one,” she said."
    kinds = [quote_kind(t, a, b) for a, b in quote_regions(t)]
    assert kinds == ["quotation", "scare", "quotation"]  # punctuation inside makes a quotation
    doc = stancekit.load(rules_only=True)(t)
    first, second, third = doc.sentences
    assert first.attribution.sources[0].content.text == "We will stay,"
    assert not second.attribution.sources and second.attribution.probability < 0.45
    assert third.attribution.sources[0].content is not None
