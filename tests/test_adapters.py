"""The document table, datasets input, and the scikit-learn transformer, on real text."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pandas as pd
import pytest

import stancekit
from stancekit.sklearn import StanceFeatures

AZ = "Azerbaijan's Defense Ministry said the separatist regime's illegal armed groups opened fire. Fighting will likely resume."
AM = "Artsakh's Defense Army said Azerbaijani forces shelled Stepanakert, the ministry reported."


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["az", "am", "none"], "text": [AZ, AM, None]}, index=[7, 8, 9])


def test_score_documents_gives_one_row_per_document_with_the_summary(nlp, articles, seed_text):
    out = nlp.score_documents(articles, frame="karabakh")
    assert list(out.index) == [7, 8, 9] and list(out["outlet"]) == ["az", "am", "none"]
    assert out["status"].tolist() == ["ok", "ok", "error"]
    az, am = out.loc[7], out.loc[8]
    assert (az["sources_azerbaijan"], az["sources_armenia"], az["source_share_azerbaijan"]) == (1, 0, 1.0)
    assert am["sources_armenia"] >= 1 and am["sources_azerbaijan"] == 0
    assert az["hedge_rate"] == 0.5 and az["terms_azerbaijan"] == 2 and az["lean_wording"] > 0 > am["lean_wording"]
    assert math.isnan(out.loc[9, "attributed_share"]) and out.loc[9, "n_sentences"] == 0
    seed = nlp.score_documents(pd.DataFrame({"text": [seed_text]}), frame="karabakh").iloc[0]
    summary = nlp(seed_text, frame="karabakh").summary
    assert seed["sources_azerbaijan"] == summary["sources_by_side"]["azerbaijan"] == 9
    assert seed["lean"] == summary["lean"] and seed["lean_lo"] < seed["lean"] < seed["lean_hi"]


def test_a_datasets_dataset_scores_like_a_dataframe(nlp, articles):
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_pandas(articles.iloc[:2].reset_index(drop=True))
    a = nlp.score_frame(ds, frame="karabakh")
    b = nlp.score_frame(articles.iloc[:2].reset_index(drop=True), frame="karabakh")
    pd.testing.assert_frame_equal(a, b)
    assert len(nlp.score_documents(ds, frame="karabakh")) == 2
    with pytest.raises(stancekit.InvalidInputError, match="DataFrame or a datasets.Dataset"):
        nlp.score_documents(["a text"])


def test_stance_features_in_a_pipeline_with_pandas_output(articles):
    from sklearn.base import clone
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    sf = StanceFeatures(frame="karabakh", rules_only=True)
    assert clone(sf).get_params() == sf.get_params()
    X = sf.set_output(transform="pandas").fit_transform(articles["text"])
    assert list(X.index) == [7, 8, 9] and list(X.columns) == list(sf.get_feature_names_out())
    assert X.loc[7, "source_share_azerbaijan"] == 1.0 and np.isnan(X.loc[9]).all()
    assert "status" not in X.columns and not any(c.endswith("_reason") for c in X.columns)
    docs = [AZ, AM] * 4
    y = [1, 0] * 4
    pipe = make_pipeline(StanceFeatures(frame="karabakh", rules_only=True), SimpleImputer(keep_empty_features=True),
                         LogisticRegression())
    assert pipe.fit(docs, y).predict([AZ, AM]).tolist() == [1, 0]
    assert "_nlp" not in pickle.loads(pickle.dumps(sf)).__dict__  # the model is never pickled


def test_stance_features_refuse_a_single_string():
    with pytest.raises(stancekit.InvalidInputError, match="wrap it in a list"):
        StanceFeatures(rules_only=True).fit("one document")


def test_the_article_view_says_no_estimate_instead_of_nan(nlp):
    page = nlp("The bridge is long.", frame="us_politics").to_html()
    assert "+nan" not in page and "[nan" not in page and "No estimate" in page
