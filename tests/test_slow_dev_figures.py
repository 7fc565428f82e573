"""Slow: the shipped model reproduces the model card's dev figures (``python -m pytest -m slow``;
needs ../shared/corpora, skipped without it)."""

from __future__ import annotations

import pytest
from conftest import corpus

pytestmark = pytest.mark.slow

#: model card, "Fast path (ONNX int8)" table and README Evaluation table (model + rules)
EXPECTED = {
    ("onnx", "polnear"): {"f1": 0.911, "source": 0.759, "cue": 0.679},
    ("torch", "polnear"): {"f1": 0.913, "source": 0.760, "cue": 0.677},
    ("onnx", "factbank_select"): {"f1": 0.773, "hedge": 0.730},
    ("torch", "factbank_select"): {"f1": 0.776, "hedge": 0.740},
}


@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_the_model_card_figures_reproduce(backend):
    import stancekit
    from stancekit import corpora

    if backend == "onnx":
        pytest.importorskip("onnxruntime")
    nlp = stancekit.load(backend=backend)
    pol = stancekit.evaluate(nlp, corpora.load_polnear(corpus("polnear"), "dev"), task="attribution", bootstrap=0)
    fb = stancekit.evaluate(nlp, corpora.load_szeged_news(corpus("szeged_factbank_dev"), split="dev"), task="hedging",
                            bootstrap=0)
    got = {
        "polnear": {"f1": pol.sentence["f1"], "source": pol.spans["source"]["exact"]["f1"], "cue": pol.spans["cue"]["exact"]["f1"]},
        "factbank_select": {"f1": fb.sentence["f1"], "hedge": fb.spans["hedge"]["exact"]["f1"]},
    }
    for data in ("polnear", "factbank_select"):
        for key, want in EXPECTED[(backend, data)].items():
            assert got[data][key] == pytest.approx(want, abs=0.0015), (data, key)
