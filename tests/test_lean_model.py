"""The learned lean (stancekit.LeanModel): wording learned from rated outlets, read against the topic."""

import math

import numpy as np
import pandas as pd
import pytest

import stancekit
from stancekit.lean_model import LeanModel, learned_lean

# Real-style lines: both sides cover the border, right-rated outlets far more often; left-rated
# outlets cover climate more. Each side has its own words ("undocumented immigrants" / "illegal aliens").
LINES = {
    ("left", "border"): "Undocumented immigrants waited at the border wall near {city} on {day}, advocates said.",
    ("left", "climate"): "Climate activists rallied in {city} on {day} for the emissions rule.",
    ("right", "border"): "Illegal aliens crossed at the border wall near {city} on {day}, agents said.",
    ("right", "climate"): "The climate rule hurts workers in {city}, Republicans said on {day}.",
}
COUNTS = {("left", "border"): 10, ("left", "climate"): 20, ("right", "border"): 25, ("right", "climate"): 5}
CITIES = ["Phoenix", "Tucson", "Denver", "Austin", "Atlanta", "Miami", "Reno"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _corpus():
    rows = []
    for (side, topic), n in COUNTS.items():
        for k in range(n):
            text = LINES[side, topic].format(city=CITIES[k % 7], day=DAYS[k % 5])
            rows.append({"outlet": f"{side}{k % 5}", "rating": side, "text": text, "topic": topic})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def fitted():
    df = _corpus()
    kw = dict(min_df=2, min_outlets=2, max_outlet_share=0.9, min_topic_articles=2, topic_C=10.0)
    return (LeanModel(**kw).fit(df, by="outlet", rating_col="rating"),
            LeanModel(**kw).fit(df, by="outlet", rating_col="rating", topic_col="topic"))


def test_each_side_s_own_words_score_towards_that_side(fitted):
    plain, _ = fitted
    s = plain.score(["Illegal aliens crossed near Yuma, agents said.", "Undocumented immigrants rallied in Reno."])
    assert s[0] > 0 > s[1]
    terms = plain.terms(6)
    assert "illegal aliens" in set(terms[terms.favours == "right"].term)
    assert "undocumented immigrants" in set(terms[terms.favours == "left"].term)


def test_a_topic_one_side_covered_is_not_read_as_that_side_s_wording(fitted):
    plain, topical = fitted
    # neutral wording on the topic right-rated outlets covered most: without the topic baseline it
    # reads as right; read against training coverage of the topic it moves towards the left
    text = ["Congress debated the border wall near Yuma on Tuesday."]
    raw, centred = plain.score(text)[0], topical.score(text)[0]
    assert raw > 0 and centred < raw - 0.1
    # one side's own term on the same topic still leans that way after centring
    assert topical.score(["Illegal aliens reached the border wall near Yuma on Tuesday."])[0] > centred + 0.1


def test_empty_texts_score_nan_and_rows_stay_in_order(fitted):
    plain, _ = fitted
    s = plain.score(["Illegal aliens crossed.", "", None, "Undocumented immigrants rallied."])
    assert len(s) == 4 and s[0] > 0 > s[3] and math.isnan(s[1]) and math.isnan(s[2])
    assert len(plain.score([])) == 0
    with pytest.raises(stancekit.InvalidInputError, match="list of texts"):
        plain.score("Illegal aliens crossed.")


def test_clear_errors_before_fit_and_for_bad_columns():
    with pytest.raises(stancekit.NotFittedError, match="fit"):
        LeanModel().score(["text"])
    with pytest.raises(stancekit.InvalidInputError, match="'rating' not found"):
        LeanModel().fit(pd.DataFrame({"outlet": ["a"], "text": ["x"]}), by="outlet", rating_col="rating")
    df = _corpus()
    with pytest.raises(stancekit.InvalidInputError, match="outside -1 .. 1"):
        LeanModel(min_df=2, min_outlets=2).fit(df.assign(rating=[5.0] * len(df)), by="outlet", rating_col="rating")
    with pytest.raises(stancekit.InvalidInputError, match="missing"):
        LeanModel(min_df=2, min_outlets=2).fit(df.assign(rating=[None] + df.rating.tolist()[1:]), by="outlet",
                                               rating_col="rating")
    with pytest.raises(stancekit.InvalidInputError, match="two topics"):
        LeanModel(min_df=2, min_outlets=2, max_outlet_share=0.9).fit(df.assign(topic="border"), by="outlet",
                                                                     rating_col="rating", topic_col="topic")
    with pytest.raises(stancekit.InvalidInputError, match="both ends"):
        LeanModel(min_df=1, min_outlets=1).fit(pd.DataFrame({"o": ["a", "b"], "r": ["left", "left"], "t": ["x y", "y z"]}),
                                               by="o", rating_col="r", text_col="t")


def test_learned_lean_interval_is_over_articles():
    rng = np.random.default_rng(0)
    v, lo, hi = learned_lean(np.array([0.1, 0.5, np.nan, 0.3]), rng=rng)
    assert round(v, 6) == 0.3 and 0.1 <= lo < v < hi <= 0.5
    assert math.isnan(learned_lean(np.array([0.2]), rng=rng)[1])  # one article: no interval


def test_compare_outlets_reports_the_learned_lean_per_outlet(fitted, nlp):
    _, topical = fitted
    test = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "text": [
        "Illegal aliens crossed the border again near Yuma, agents said.",
        "Republicans said illegal aliens must be stopped at the border.",
        "Border agents said illegal aliens were caught on Sunday.",
        "Undocumented immigrants rallied with climate activists in Reno.",
        "Democrats said undocumented immigrants need health care.",
        "Climate activists said the rule helps working families."]})
    cmp = stancekit.compare_outlets(test, by="outlet", frame="us_politics", nlp=nlp, lean_model=topical, min_articles=2)
    p = cmp.profiles
    assert p.loc["A", "lean_learned"] > p.loc["B", "lean_learned"]
    assert p.loc["A", "lean_learned_lo"] <= p.loc["A", "lean_learned"] <= p.loc["A", "lean_learned_hi"]
    assert cmp.articles["lean_learned"].notna().sum() == 6
    # the combined lean adds the curated frame's wording lean ("illegal aliens" is right-side wording)
    for outlet in "AB":
        wording = p.loc[outlet, "lean_wording"]
        expected = p.loc[outlet, "lean_learned"] + topical.wording_weight * (0.0 if math.isnan(wording) else wording)
        assert math.isclose(p.loc[outlet, "lean_combined"], expected)
    assert p.loc["A", "lean_wording"] > 0 and p.loc["A", "lean_combined"] > p.loc["A", "lean_learned"]


def test_a_fitted_model_pickles_and_scores_the_same(fitted):
    import pickle

    _, topical = fitted
    again = pickle.loads(pickle.dumps(topical))
    texts = ["Illegal aliens reached the border wall near Yuma on Tuesday.", "Climate activists rallied in Reno."]
    np.testing.assert_allclose(again.score(texts), topical.score(texts))


def test_a_text_s_score_does_not_depend_on_the_other_texts_scored_with_it(fitted):
    # wire copy syndicated to several articles is not boilerplate of the scoring batch
    _, topical = fitted
    a = "Illegal aliens reached the border wall near Yuma on Tuesday, agents said."
    alone = topical.score([a])[0]
    np.testing.assert_allclose(topical.score([a, a, a, "Climate activists rallied in Reno."])[[0, 1, 2]], alone)


def test_compare_outlets_learned_lean_on_a_filtered_scored_table(fitted, nlp):
    _, topical = fitted
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": [
        "Illegal aliens crossed the border again near Yuma, agents said.",
        "Republicans said illegal aliens must be stopped at the border.",
        "Undocumented immigrants rallied with climate activists in Reno.",
        "Democrats said undocumented immigrants need health care."]})
    scored = nlp.score_frame(df, frame="us_politics")
    cmp = stancekit.compare_outlets(scored[scored.doc_position != 0], by="outlet", frame="us_politics", nlp=nlp,
                                    lean_model=topical, min_articles=1)
    assert list(cmp.articles.sort_values("doc_position")["doc_position"]) == [1, 2, 3]
    assert cmp.profiles.loc["A", "lean_learned"] > cmp.profiles.loc["B", "lean_learned"]


def test_no_combined_lean_across_axes(fitted, nlp):
    # a us_politics model read against the karabakh frame's wording would mix two axes
    _, topical = fitted
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": [
        "Illegal aliens crossed the border again near Yuma, agents said.",
        "Separatist regime forces fired on positions, the ministry said.",
        "Undocumented immigrants rallied with climate activists in Reno.",
        "Stepanakert residents said the Lachin corridor was blocked."]})
    from stancekit.compare import ComparisonWarning

    with pytest.warns(ComparisonWarning, match="axis"):
        cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, lean_model=topical, min_articles=1)
    assert "lean_learned" in cmp.profiles and "lean_combined" not in cmp.profiles
