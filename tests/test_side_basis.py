"""What gave each source its side (Source.side_basis): one case per basis, on real-style news text."""

import pytest

from stancekit.results import SIDE_BASES

CASES = [
    # the phrase names the party; the follow-up takes it from its antecedent
    ("Azerbaijan's Defense Ministry said posts were shelled. The ministry added that two soldiers were hurt.",
     "karabakh", {}, [("Azerbaijan's Defense Ministry", "azerbaijan", "phrase"), ("The ministry", "azerbaijan", "follow_up")]),
    # a national office on the document's date, and a person introduced with one
    ("The White House said the bill would pass.", "us_politics", {"date": "2019-05-01"},
     [("The White House", "right", "office")]),
    ("Deputy Attorney General Rod Rosenstein defended the decision. Rosenstein said the report was clear.", "us_politics",
     {"date": "2019-05-01"}, [("Rosenstein", "right", "office")]),
    # a name the document introduced earlier with a party
    ("Rep. Jane Smith, a Republican from Ohio, opposed the bill. Smith said the vote was rushed.", "us_politics", {},
     [("Smith", "right", "name")]),
    # he with no cited person before it: the one party of the people named nearby
    ("President Obama spoke in Ohio on Monday. He said the economy was improving.", "us_politics", {},
     [("He", "left", "named_nearby")]),
    # a possessive description: the body that opens the sentence before
    ("Russia, an ally of Armenia, sent a warning about U.S. involvement. Its foreign ministry said the drills "
     "were a provocation.", "karabakh", {}, [("Its foreign ministry", "russia", "owner")]),
    # the dateline's home party for a state body named without a nationality
    ("KYIV, Ukraine (AP) — Russian drones struck the city overnight. The defense ministry said 12 drones were "
     "shot down.", "russia_ukraine", {}, [("The defense ministry", "ukraine", "home")]),
    # no side, no basis: undated, the White House has no party
    ("The White House said the bill would pass.", "us_politics", {}, [("The White House", None, None)]),
]


@pytest.mark.parametrize("text,frame,meta,expected", CASES)
def test_each_basis_on_news_text(nlp, text, frame, meta, expected):
    doc = nlp(text, frame=frame, meta=meta)
    got = [(s.span.text, s.side, s.side_basis) for x in doc.sentences for s in x.attribution.sources]
    assert got == expected


def test_every_sided_source_has_a_known_basis_and_no_other_has_one(nlp, seed_doc):
    docs = [seed_doc] + [nlp(t, frame=f, meta=m) for t, f, m, _ in CASES]
    sources = [s for d in docs for x in d.sentences for s in x.attribution.sources]
    assert any(s.side is None for s in sources) and any(s.side is not None for s in sources)
    for s in sources:
        assert (s.side_basis in SIDE_BASES) if s.side is not None else s.side_basis is None, s


def test_a_conjunct_gets_its_own_basis_not_the_whole_phrase(nlp):
    """Splitting "Moscow and Kyiv" re-reads each conjunct; neither keeps a basis given to the pair."""
    doc = nlp("Moscow and Kyiv accused each other of shelling the plant.", frame="russia_ukraine")
    got = [(s.span.text, s.side, s.side_basis) for x in doc.sentences for s in x.attribution.sources]
    assert got == [("Moscow", "russia", "phrase"), ("Kyiv", "ukraine", "phrase")]


def test_score_frame_has_the_basis_beside_the_side(nlp):
    import pandas as pd

    out = nlp.score_frame(pd.DataFrame({"text": [CASES[0][0]]}), frame="karabakh")
    assert out["source_side_bases"].tolist() == [["phrase"], ["follow_up"]]
    assert out["source_sides"].tolist() == [["azerbaijan"], ["azerbaijan"]]


def test_the_shipped_model_names_bases_too(shipped):
    doc = shipped(CASES[0][0], frame="karabakh")
    got = [(s.span.text, s.side_basis) for x in doc.sentences for s in x.attribution.sources]
    assert got == [("Azerbaijan's Defense Ministry", "phrase"), ("The ministry", "follow_up")]


def test_results_pickled_before_the_basis_existed_still_load(nlp):
    """pickle restores a slotted dataclass through __setstate__; a Source pickled by an earlier
    version has one field fewer and gets side_basis=None instead of an AttributeError later."""
    import pickle

    from stancekit.results import Source

    doc = nlp(CASES[0][0], frame="karabakh")
    assert pickle.loads(pickle.dumps(doc)).sentences == doc.sentences  # (the summary holds NaN)
    src = doc.sentences[0].attribution.sources[0]
    old = Source.__new__(Source)
    old.__setstate__(src.__getstate__()[:-1])  # what pickle does with an earlier version's state
    assert old.side_basis is None and old.to_dict()["side"] == "azerbaijan"
