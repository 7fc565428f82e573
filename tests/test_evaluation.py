
import pytest

import stancekit
from stancekit import corpora
from stancekit.evaluation import expected_calibration_error, span_prf


def test_span_prf_exact_and_overlap():
    gold = [[(0, 5, "source"), (10, 14, "source")], []]
    pred = [[(0, 5, "source"), (11, 13, "source")], [(1, 2, "source")]]
    r = span_prf(gold, pred)
    assert r["exact"]["precision"] == pytest.approx(1 / 3)
    assert r["exact"]["recall"] == pytest.approx(1 / 2)
    assert r["overlap"]["precision"] == pytest.approx(2 / 3)
    assert r["overlap"]["recall"] == pytest.approx(1.0)


def test_ece():
    assert expected_calibration_error([1, 1, 0, 0], [0.95, 0.95, 0.05, 0.05]) == pytest.approx(0.05)
    assert expected_calibration_error([1, 0], [0.5, 0.5]) == pytest.approx(0.0)


def test_evaluate_attribution_on_fixture(nlp, fixture_corpora):
    ds = corpora.load_polnear(fixture_corpora["polnear"], "train")
    rep = stancekit.evaluate(nlp, ds, task="attribution", by="outlet", bootstrap=200, seed=1)
    # the rules find 3 of the 4 attributed sentences ("Analysts expect ..." has no rule cue)
    assert rep.n == 6
    assert rep.sentence["confusion_matrix"] == [[2, 0], [1, 3]]
    assert rep.sentence["f1"] == pytest.approx(6 / 7)
    assert set(rep.spans) == {"source", "cue", "content"}
    assert rep.spans["cue"]["exact"]["recall"] == pytest.approx(3 / 4)  # "expect" is not a rule cue
    lo, hi = rep.intervals["f1"]
    assert lo <= rep.sentence["f1"] <= hi
    assert set(rep.by) == {"breitbart", "nyt (wire: AP)"}
    frame = rep.to_frame()
    assert {"group", "level", "metric", "value", "ci_low", "ci_high"} <= set(frame.columns)
    assert "span source" in str(rep)
    d = rep.to_dict()
    assert d["sentence"]["n"] == 6


def test_evaluate_hedging_and_framing(nlp, fixture_corpora):
    wiki = corpora.load_szeged(fixture_corpora["szeged"])  # the CoNLL definition: "If" is a cue
    conll = stancekit.load(rules_only=True, hedge_definition="conll")
    rep = stancekit.evaluate(conll, wiki, task="hedging", bootstrap=0)
    assert rep.sentence["confusion_matrix"] == [[2, 0], [0, 3]]
    assert rep.spans["hedge"]["overlap"]["recall"] == pytest.approx(1.0)
    # the news analyzer does not count the conditional: 3 of the 4 gold cues
    assert stancekit.evaluate(nlp, wiki, task="hedging", bootstrap=0).spans["hedge"]["overlap"]["recall"] == pytest.approx(0.75)
    assert rep.spans["hedge"]["exact"]["recall"] == pytest.approx(1.0)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        babe = corpora.load_babe(fixture_corpora["babe"], None)
    rep = stancekit.evaluate(nlp, babe, task="framing", bootstrap=0)
    assert rep.sentence["n"] == 5
    assert rep.spans["loaded"]["exact"]["recall"] == pytest.approx(1.0)  # radical, slammed, disastrous


def test_evaluate_errors(nlp, fixture_corpora):
    ds = corpora.load_szeged(fixture_corpora["szeged"])
    with pytest.raises(ValueError, match="task must be one of"):
        stancekit.evaluate(nlp, ds, task="sentiment")
    with pytest.raises(ValueError, match="no row carries a 0/1 'attributed'"):
        stancekit.evaluate(nlp, ds, task="attribution")
    with pytest.raises(ValueError, match="by='nope'"):
        stancekit.evaluate(nlp, ds, task="hedging", by="nope", bootstrap=0)


def test_cli_evaluate(fixture_corpora, tmp_path, capsys):
    from stancekit.cli import main

    out = tmp_path / "r.json"
    assert main(["evaluate", "--corpus", "szeged", "--path", str(fixture_corpora["szeged"]), "--task", "hedging",
                 "--rules-only", "--bootstrap", "50", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "task=hedging mode=rules sentences=5" in text
    import json

    assert json.loads(out.read_text())["sentence"]["n"] == 5
