"""The spaCy component on spacy.blank("en") (skipped without spaCy)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("stancekit", config={"frame": "karabakh", "rules_only": True})  # found by entry point
    return nlp


def test_the_component_sets_the_result_and_span_groups(pipeline, seed_text):
    doc = pipeline(seed_text)
    result = doc._.stance
    assert result.summary["sources_by_side"]["azerbaijan"] == 9
    sources = doc.spans["stancekit_sources"]
    assert len(sources) == result.summary["n_sources"]
    assert ("Azerbaijani media", "azerbaijan") in [(s.text, s.label_) for s in sources]
    # each spaCy span covers its stancekit span (aligned outwards to whole tokens)
    assert all(s.start_char <= s._.stancekit.span.start < s._.stancekit.span.end <= s.end_char for s in sources)
    terms = [(t.text, t.label_) for t in doc.spans["stancekit_terms"]]
    assert ("separatist regime", "azerbaijan") in terms
    assert {c.label_ for c in doc.spans["stancekit_cues"]} >= {"adverb"}  # "will likely"


def test_pipe_gives_the_same_as_calling_one_by_one(pipeline):
    texts = ["Officials said it may rain.", "It rained.", "", "Azerbaijani media reported shelling."]
    piped = [d._.stance.to_dict() for d in pipeline.pipe(texts, batch_size=3)]
    assert piped == [pipeline(t)._.stance.to_dict() for t in texts]
    assert [len(d.spans["stancekit_sources"]) for d in pipeline.pipe(texts)] == [1, 0, 0, 1]


def test_a_source_and_a_term_over_the_same_words_keep_their_own_objects():
    nlp = spacy.blank("en")
    nlp.add_pipe("stancekit", config={"frame": "us_politics", "rules_only": True})
    doc = nlp("Illegal aliens said they were afraid.")
    assert [type(s._.stancekit).__name__ for s in doc.spans["stancekit_sources"]] == ["Source"]
    assert [type(s._.stancekit).__name__ for s in doc.spans["stancekit_terms"]] == ["Term"]
