import random
import warnings

import numpy as np
import pandas as pd
import pytest

import stancekit
from stancekit.compare import ComparisonWarning, weighted_log_odds
from stancekit.frame_learning import learn_frame
from stancekit.frames import load_frame

AZ_SOURCES = ["Azerbaijan's Defense Ministry said", "Azerbaijani media reported", "Official Baku warned", "Hikmet Hajiyev said"]
AM_SOURCES = ["Armenia's Defense Ministry said", "Armenian media reported", "Official Yerevan warned", "Nikol Pashinyan said"]
AZ_TERMS = ["the separatist regime in Khankendi", "illegal armed groups", "the Lachin road", "the separatists"]
AM_TERMS = ["the Artsakh authorities in Stepanakert", "the Artsakh Defense Army", "the Lachin corridor", "the Artsakh government"]
NEUTRAL = ["The weather was cold.", "Talks are planned for next month.", "Trade rose in the spring."]


def article(rng, sources, terms, story):
    sents = [f"{rng.choice(sources)} that {rng.choice(terms)} moved troops near story {story}.",
             f"Observers saw {rng.choice(terms)} on the road.", rng.choice(NEUTRAL)]
    if rng.random() < 0.5:
        sents.append(f"{rng.choice(sources)} that the situation may worsen.")
    return " ".join(sents)


@pytest.fixture(scope="module")
def corpus():
    rng = random.Random(7)
    rows = []
    for story in range(15):
        rows.append({"outlet": "A", "story": story, "text": article(rng, AZ_SOURCES, AZ_TERMS, story)})
        rows.append({"outlet": "B", "story": story, "text": article(rng, AM_SOURCES, AM_TERMS, story)})
    rows.append({"outlet": "A", "story": 99, "text": None})
    rows.append({"outlet": "B", "story": 99, "text": ""})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def cmp(corpus, nlp):
    return stancekit.compare_outlets(corpus, by="outlet", frame="karabakh", nlp=nlp, story_col="story", n_boot=500, seed=3)


def test_profiles_separate_the_outlets(cmp):
    p = cmp.profiles
    assert p.index.name == "outlet" and list(p.index) == ["A", "B"]
    # only A's own words are Azerbaijani and only B's Armenian: shrunk towards 0, but far apart
    assert p.loc["A", "lean"] > 0.85 and p.loc["B", "lean"] < -0.85
    assert p.loc["A", "lean_lo"] > 0 > p.loc["B", "lean_hi"]
    assert p.loc["A", "lean_wording_neg"] == 0 and p.loc["A", "lean_wording_pos"] > 10
    assert p.loc["A", "lean_reason"] is None
    assert p.loc["A", "source_share_azerbaijan"] == 1.0 and p.loc["B", "source_share_armenia"] == 1.0
    assert p.loc["A", "source_share_azerbaijan_lo"] > p.loc["B", "source_share_azerbaijan_hi"]
    for col in ("articles", "articles_empty", "sentences", "attributed_share", "attributed_share_lo", "attributed_share_hi",
                "hedge_rate", "distancing_share", "mean_framing_probability", "loaded_own_per_100", "loaded_quoted_per_100",
                "sources_per_100_government", "hedge_modal_per_100"):
        assert col in p.columns, col
    # empty and missing texts are counted, not dropped
    assert p.loc["A", "articles"] == 16 and p.loc["A", "articles_empty"] == 1
    assert p.loc["B", "articles_empty"] == 1


def test_differences_are_significant_and_holm_corrected(cmp):
    d = cmp.differences("A", "B", measures=["lean", "source_share_azerbaijan", "hedge_rate"], n_perm=500)
    assert list(d["correction"].unique()) == ["holm"]
    lean = d.set_index("measure").loc["lean"]
    assert lean["difference"] > 1.7 and lean["p_adjusted"] < 0.01
    assert (d["p_adjusted"] >= d["p_value"]).all()
    all_pairs = cmp.differences(measures=["lean"], n_perm=100)
    assert len(all_pairs) == 1


def test_shuffled_labels_give_no_significant_difference(corpus, nlp):
    shuffled = corpus.copy()
    shuffled["outlet"] = np.random.default_rng(0).permutation(shuffled["outlet"].to_numpy())
    c = stancekit.compare_outlets(shuffled, by="outlet", frame="karabakh", nlp=nlp, n_boot=200, seed=3)
    d = c.differences("A", "B", n_perm=300)
    assert (d["p_adjusted"].dropna() > 0.05).all()


def test_deterministic_and_order_invariant(corpus, nlp, cmp):
    again = stancekit.compare_outlets(corpus, by="outlet", frame="karabakh", nlp=nlp, story_col="story", n_boot=500, seed=3)
    pd.testing.assert_frame_equal(cmp.profiles, again.profiles)
    reordered = corpus.sample(frac=1.0, random_state=1)
    shuffled = stancekit.compare_outlets(reordered, by="outlet", frame="karabakh", nlp=nlp, story_col="story", n_boot=500, seed=3)
    cols = [c for c in cmp.profiles.columns if not c.endswith(("_lo", "_hi"))]
    pd.testing.assert_frame_equal(cmp.profiles[cols], shuffled.profiles[cols])


def test_too_few_articles_warns_and_gives_nan_intervals(nlp):
    df = pd.DataFrame({"outlet": ["A", "A", "B"], "text": ["Baku said so.", "Rain.", "Yerevan said so."]})
    with pytest.warns(ComparisonWarning, match="fewer than 5"):
        c = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp)
    assert np.isnan(c.profiles.loc["B", "attributed_share_lo"])
    assert c.profiles.loc["B", "attributed_share"] == 1.0


def test_already_scored_and_paths(corpus, nlp, tmp_path):
    scored = nlp.score_frame(corpus, frame="karabakh")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = stancekit.compare_outlets(scored, by="outlet", frame="karabakh", n_boot=50)
    assert c.profiles.loc["A", "lean"] > 0.85
    corpus.to_json(tmp_path / "a.jsonl", orient="records", lines=True)
    c2 = stancekit.compare_outlets(tmp_path / "a.jsonl", by="outlet", frame="karabakh", nlp=nlp, n_boot=50)
    assert c2.profiles.loc["B", "lean"] < -0.85
    with pytest.raises(ValueError, match="column 'source' not found"):
        stancekit.compare_outlets(corpus, by="source", nlp=nlp)


def test_a_table_scored_by_an_earlier_version_is_not_scored_again(corpus, nlp):
    """A scored table without the columns added since (source_side_bases) gives the same profiles;
    before, it was taken for raw texts and every sentence row counted as an article."""
    scored = nlp.score_frame(corpus, frame="karabakh")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        now = stancekit.compare_outlets(scored, by="outlet", frame="karabakh", n_boot=50, seed=0)
        old = stancekit.compare_outlets(scored.drop(columns=["source_side_bases"]), by="outlet", frame="karabakh",
                                        nlp=nlp, n_boot=50, seed=0)
    pd.testing.assert_frame_equal(now.profiles, old.profiles)
    assert now.profiles["articles"].sum() == len(corpus)  # one per article, not one per sentence row
    with pytest.raises(ValueError, match="lacks the columns"):
        stancekit.compare_outlets(scored.drop(columns=["source_types"]), by="outlet", frame="karabakh", nlp=nlp)


def test_a_scored_table_saved_as_csv_gives_the_same_profiles(corpus, nlp, tmp_path):
    """CSV writes list columns as text ("['azerbaijan']"); they were counted as no source at all."""
    scored = nlp.score_frame(corpus, frame="karabakh")
    scored.to_csv(tmp_path / "scored.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        direct = stancekit.compare_outlets(scored, by="outlet", frame="karabakh", n_boot=50, seed=0)
        via_csv = stancekit.compare_outlets(tmp_path / "scored.csv", by="outlet", frame="karabakh", n_boot=50, seed=0)
    cols = ["articles", "source_share_azerbaijan", "source_share_armenia", "lean"]
    pd.testing.assert_frame_equal(direct.profiles[cols], via_csv.profiles[cols], check_dtype=False)
    assert direct.profiles.loc["A", "source_share_azerbaijan"] > 0.5


def test_distinguishing_phrases(cmp):
    ph = cmp.distinguishing_phrases("A", "B", n=5)
    top_a = ph[ph.favours == "a"]["phrase"].tolist()
    top_b = ph[ph.favours == "b"]["phrase"].tolist()
    assert any("separatist" in p or "lachin road" in p or "illegal armed" in p for p in top_a)
    assert any("artsakh" in p or "stepanakert" in p or "lachin corridor" in p for p in top_b)
    assert (ph[ph.favours == "a"]["z"] > 0).all()


def test_learn_frame_roundtrip(corpus, tmp_path):
    text = learn_frame(corpus.dropna(), by="outlet", groups={"azerbaijan": ["A"], "armenia": ["B"]}, n=10, min_z=1.0,
                       path=tmp_path / "learned.toml", name="learned_karabakh")
    fr = load_frame(tmp_path / "learned.toml")
    assert fr.name == "learned_karabakh" and set(fr.sides) == {"azerbaijan", "armenia"}
    assert {t.side for t in fr.terms} == {"azerbaijan", "armenia"}
    assert 'neutral = "?"' in text


def test_html_and_plot(cmp, tmp_path):
    out = cmp.to_html(tmp_path / "r.html")
    page = out.read_text()
    assert "<table" in page
    # self-contained: no external resource is loaded
    assert not any(x in page for x in ('src="http', "href=\"http", "<link", "@import"))
    try:
        import matplotlib
    except ImportError:
        with pytest.raises(stancekit.MissingDependencyError, match="viz"):
            cmp.plot()
    else:
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig = cmp.plot(["lean", "hedge_rate"])
        lean_ax, hedge_ax = fig.axes
        assert [a.get_title() for a in fig.axes] == ["Lean", "Hedged sentences"]
        assert lean_ax.get_xlabel() == "\u22121 = armenia \u2026 +1 = azerbaijan" and lean_ax.get_xlim() == (-1.05, 1.05)
        labels = [t.get_text() for t in lean_ax.get_yticklabels()]
        assert not hedge_ax.yaxis.get_tick_params()["labelleft"]  # outlet labels drawn once
        leans = cmp.profiles["lean"].astype(float)
        assert [label.split(" (n=")[0] for label in labels] == [str(o) for o in leans.sort_values(na_position="first").index]
        assert any("95% bootstrap interval" in t.get_text() for t in fig.texts)
        _, axes = plt.subplots(1, 2)
        assert cmp.plot(["lean", "hedge_rate"], ax=axes) is axes[0].figure
        with pytest.raises(stancekit.InvalidInputError, match="1 axes for 2 measures"):
            cmp.plot(["lean", "hedge_rate"], ax=axes[0])
        plt.close("all")


def test_weighted_log_odds_is_symmetric():
    a = ["the radical left wants open borders"] * 3 + ["tax relief now"] * 3
    b = ["the far right wants tax cuts for the wealthy"] * 3 + ["gun safety now"] * 3
    ab = weighted_log_odds(a, b, n=50, min_count=1)
    ba = weighted_log_odds(b, a, n=50, min_count=1)
    za = dict(zip(ab.phrase, ab.z))
    zb = dict(zip(ba.phrase, ba.z))
    assert all(abs(za[p] + zb[p]) < 1e-9 for p in za if p in zb)


def test_distinguishing_phrases_keep_abbreviations_and_possessives_and_can_stay_within_stories(nlp):
    rows = []
    for k in range(4):
        rows.append({"outlet": "A", "story": "talks", "text": f"The U.S. envoy praised Trump’s plan for the regime talks, day {k}."})
        rows.append({"outlet": "B", "story": "talks", "text": f"The U.S. envoy doubted Trump's deal in the regime talks, day {k}."})
        rows.append({"outlet": "A", "story": "storm", "text": f"Hurricane winds hurricane damage hurricane warning, day {k}."})
    cmp = stancekit.compare_outlets(pd.DataFrame(rows), by="outlet", story_col="story", nlp=nlp, n_boot=50)
    allp = cmp.distinguishing_phrases("A", "B", n=20, shared_stories=False, min_count=2)
    within = cmp.distinguishing_phrases("A", "B", n=20, min_count=2)
    assert "hurricane" in set(allp["phrase"]) and "hurricane" not in set(within["phrase"])
    assert "u" not in set(allp["phrase"]) and "trump's" not in set(allp["phrase"])
    assert any("praised" in p for p in within[within.favours == "a"]["phrase"])
    assert any("doubted" in p for p in within[within.favours == "b"]["phrase"])


def test_date_column_gives_each_outlet_its_date_range_in_profiles_and_report(nlp, tmp_path):
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": ["Officials said it may rain."] * 4,
                       "date": ["2021-03-02", "2020-11-10", "not a date", "2022-01-05T10:00:00Z"]})
    cmp = stancekit.compare_outlets(df, by="outlet", nlp=nlp, n_boot=50, min_articles=1, date_col="date")
    assert [str(cmp.profiles.loc["A", "date_first"]), str(cmp.profiles.loc["A", "date_last"])] == ["2020-11-10", "2021-03-02"]
    assert str(cmp.profiles.loc["B", "date_first"]) == "2022-01-05"
    page = cmp.to_html(tmp_path / "r.html").read_text()
    assert "Published 2020-11-10 to 2022-01-05." in page
    with pytest.raises(stancekit.InvalidInputError, match="'when' not found"):
        stancekit.compare_outlets(df, by="outlet", nlp=nlp, date_col="when")
