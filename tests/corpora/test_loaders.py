import warnings

import pytest
from conftest import corpus

from stancekit import CorpusFormatError, InvalidInputError, corpora
from stancekit.corpora import SkippedItemsWarning


def spans_text(r):
    return [(r["text"][s["start"]:s["end"]], s["label"]) for s in r["spans"]]


def test_schema_is_the_same_for_every_loader(fixture_corpora):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sets = [
            corpora.load_polnear(fixture_corpora["polnear"], "train"),
            corpora.load_szeged(fixture_corpora["szeged"]),
            corpora.load_babe(fixture_corpora["babe"], None),
            corpora.load_ptc(fixture_corpora["ptc"]),
            corpora.load_sfu_review(fixture_corpora["sfu"]),
            corpora.load_checkthat(fixture_corpora["checkthat"]),
            corpora.load_scicertainty(fixture_corpora["scicertainty"]),
            corpora.load_allsides(fixture_corpora["allsides"]),
        ]
    for ds in sets:
        assert list(ds.features) == list(corpora.FEATURE_SPEC)


def test_polnear_sentences_and_spans(fixture_corpora):
    ds = corpora.load_polnear(fixture_corpora["polnear"], "train")
    rows = ds.to_list()
    texts = [r["text"] for r in rows]
    assert texts[0] == "Trump told supporters that the wall will be built."
    assert rows[0]["attributed"] == 1 and rows[1]["attributed"] == 0
    assert spans_text(rows[0]) == [("Trump", "source"), ("told", "cue"), ("the wall will be built", "content")]
    assert rows[0]["outlet"] == "breitbart" and rows[0]["date"] == "2016-06-02"
    nyt = [r for r in rows if r["doc_id"].startswith("nyt")]
    assert nyt[0]["outlet"] == "nyt (wire: AP)"
    assert ("“We remain hopeful,” a senior official said.", 1) in [(r["text"], r["attributed"]) for r in nyt]
    # offsets of sentences point into the document
    assert all(r["sentence_end"] - r["sentence_start"] == len(r["text"]) for r in rows)


def test_polnear_double_annotation(fixture_corpora):
    first = corpora.load_polnear(fixture_corpora["polnear"], "dev", view="document")
    both = corpora.load_polnear(fixture_corpora["polnear"], "dev", view="document", duplicates="all")
    assert len(first) == 1 and len(both) == 2
    assert sorted(both["doc_id"]) == ["wash-post_2016-10-11_debate_4e07", "wash-post_2016-10-11_debate_ef2d"]


def test_polnear_wrong_folder_and_malformed_line(tmp_path, fixture_corpora):
    with pytest.raises(CorpusFormatError, match="missing.*dev/text"):
        corpora.load_polnear(tmp_path, "dev")
    import shutil

    bad = tmp_path / "pn"
    shutil.copytree(fixture_corpora["polnear"], bad)
    for ann in (bad / "data" / "dev" / "attributions").glob("*.ann"):
        ann.write_text("T1\tSource x y\tfoo\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=r"malformed line 1 in .*\.ann"):
        corpora.load_polnear(bad, "dev")


def test_szeged_types_normalised_and_selectable(fixture_corpora):
    ds = corpora.load_szeged(fixture_corpora["szeged"])
    rows = ds.to_list()
    assert [r["hedged"] for r in rows] == [1, 0, 1, 1, 0]
    assert spans_text(rows[2]) == [("If", "hedge"), ("some believe", "hedge")]
    assert [s["type"] for s in rows[2]["spans"]] == ["speculation_hypo_condition", "speculation_hypo_doxastic"]
    narrow = corpora.load_szeged(fixture_corpora["szeged"], hedge_types=("speculation_modal_probable",)).to_list()
    assert [r["hedged"] for r in narrow] == [1, 0, 0, 1, 0]
    # split is by document and stable
    assert len({r["split"] for r in rows[:3]}) == 1


def test_szeged_news_definition_and_split(tmp_path):
    """The news loader counts speculation cues only; conditionals need hedge_types=None."""
    from fixtures import SZEGED_XML

    xml = SZEGED_XML.replace('<ccue type="speculation_hypo_doxastic _">some believe</ccue>', "some believe")
    (tmp_path / "factbank_dev.xml").write_text(xml, encoding="utf-8")
    rows = corpora.load_szeged_news(tmp_path).to_list()
    # "If the river floods, some believe..." now has only a conditional cue: not a news hedge
    assert [r["hedged"] for r in rows] == [1, 0, 0, 1, 0]
    assert rows[2]["spans"] == []
    conll = corpora.load_szeged_news(tmp_path, hedge_types=None).to_list()
    assert [r["hedged"] for r in conll] == [1, 0, 1, 1, 0]
    assert spans_text(conll[2]) == [("If", "hedge")]
    assert {r["split"] for r in rows} <= {"train", "dev"}
    assert len({r["split"] for r in rows if r["doc_id"] == "Doc A_1"}) == 1
    with pytest.raises(InvalidInputError, match="split must be"):
        corpora.load_szeged_news(tmp_path, split="test")
    with pytest.raises(CorpusFormatError, match="no factbank"):
        corpora.load_szeged_news(tmp_path / "..")


def test_babe_spans_split_and_skips(fixture_corpora):
    with pytest.warns(SkippedItemsWarning, match="1 biased words not found.*1 rows labelled 'No agreement'"):
        ds = corpora.load_babe(fixture_corpora["babe"], None)
    rows = ds.to_list()
    assert len(rows) == 5
    assert spans_text(rows[0]) == [("radical", "loaded"), ("slammed", "loaded")]
    assert rows[0]["biased"] == 1 and rows[0]["outlet_rating"] == "right" and rows[0]["outlet"] == "Fox News"
    assert {r["split"] for r in rows} <= {"train", "dev", "test"}
    for split in ("train", "dev", "test"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            part = corpora.load_babe(fixture_corpora["babe"], split)
        assert all(r["split"] == split for r in part.to_list())


def test_ptc_sentence_view(fixture_corpora):
    rows = corpora.load_ptc(fixture_corpora["ptc"]).to_list()
    assert [r["text"] for r in rows] == ["Title of the article", "The corrupt elite betrayed us.", "Taxes rose by two percent."]
    assert [r["biased"] for r in rows] == [0, 1, 0]
    assert spans_text(rows[1]) == [("corrupt elite", "loaded"), ("betrayed", "Name_Calling,Labeling")]


def test_small_loaders(fixture_corpora):
    sfu = corpora.load_sfu_review(fixture_corpora["sfu"]).to_list()
    assert [(r["text"], r["hedged"]) for r in sfu] == [("It might work .", 1), ("It does not work .", 0)]
    assert spans_text(sfu[0]) == [("might", "hedge")]
    with pytest.warns(SkippedItemsWarning, match="1 rows without SUBJ/OBJ"):
        ct = corpora.load_checkthat(fixture_corpora["checkthat"]).to_list()
    assert [r["biased"] for r in ct] == [1, 0]
    sci = corpora.load_scicertainty(fixture_corpora["scicertainty"]).to_list()
    assert [(r["hedged"], r["certainty"]) for r in sci] == [(1, 2.5), (0, 5.5)]
    with pytest.warns(SkippedItemsWarning, match="1 articles with empty content"):
        al = corpora.load_allsides(fixture_corpora["allsides"]).to_list()
    assert [(r["outlet"], r["outlet_rating"]) for r in al] == [("Outlet L", "left")]


def test_load_labelled_formats(tmp_path):
    import pandas as pd

    df = pd.DataFrame({"text": ["He said so.", "Rain.", None], "label": ["yes", 0, 1], "outlet": ["a", "b", "c"]})
    df.to_csv(tmp_path / "x.csv", index=False)
    df.to_json(tmp_path / "x.jsonl", orient="records", lines=True)
    for src in (df, tmp_path / "x.csv", tmp_path / "x.jsonl"):
        with pytest.warns(SkippedItemsWarning, match="1 rows with missing text"):
            ds = corpora.load_labelled(src, task="attribution")
        assert [(r["text"], r["attributed"], r["outlet"]) for r in ds.to_list()] == [("He said so.", 1, "a"), ("Rain.", 0, "b")]
    with pytest.raises(ValueError, match="column 'body' not found"):
        corpora.load_labelled(df, task="hedging", text_col="body")
    with pytest.raises(CorpusFormatError, match="unsupported file type"):
        (tmp_path / "x.txt").write_text("x")
        corpora.load_labelled(tmp_path / "x.txt", task="hedging")


# ---- real corpora (skipped when ../shared/corpora is absent) ------------------------------
def test_real_polnear_dev_counts():
    path = corpus("polnear")
    docs = corpora.load_polnear(path, "dev", view="document", duplicates="all")
    relations = {(r["doc_id"], s["type"]) for r in docs.to_list() for s in r["spans"] if s["type"]}
    # 2,320 relations in the dev .ann files; one (E21 in a Breitbart article) has no
    # source/cue/content span, so 2,319 carry spans
    assert len(relations) == 2319
    assert len(docs) == 94
    assert len(corpora.load_polnear(path, "dev", view="document")) == 84


def test_real_babe_and_szeged_counts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        babe = corpora.load_babe(corpus("babe"), None)
    assert len(babe) == 3673
    assert sum(babe["biased"]) == 1810
    sz = corpora.load_szeged(corpus("szeged_uncertainty"))
    assert len(sz) == 20748 and sum(sz["hedged"]) == 2606


def test_real_factbank_dev_half_counts_definition_and_split():
    path = corpus("szeged_factbank_dev")
    news = corpora.load_szeged_news(path)
    # the corpus README: 1,634 sentences; 235 with a speculation cue, 293 with any cue
    assert len(news) == 1634 and sum(news["hedged"]) == 235
    assert sum(corpora.load_szeged_news(path, hedge_types=None)["hedged"]) == 293
    types = {s["type"] for spans in news["spans"] for s in spans}
    assert types == set(corpora.NEWS_HEDGE_TYPES)
    train, dev = (corpora.load_szeged_news(path, split=sp) for sp in ("train", "dev"))
    # the fixed split by document: 63 / 41 documents
    assert (len(train), sum(train["hedged"]), len(set(train["doc_id"]))) == (1050, 156, 63)
    assert (len(dev), sum(dev["hedged"]), len(set(dev["doc_id"]))) == (584, 79, 41)
    assert not set(train["doc_id"]) & set(dev["doc_id"])
