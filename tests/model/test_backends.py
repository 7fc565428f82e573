"""Backends and the shared run path: vectorised decoding, batch invariance, the ONNX export and
the fast path against the torch reference."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import numpy as np
import pytest

from stancekit.model.decode import allowed_transitions, decode_many, decode_spans, viterbi_batch
from stancekit.model.heads import TOKEN_TASKS

SENTENCES = [
    "The minister said the plan would likely fail.",
    "Officials said it may rain.",
    "The ceasefire held overnight.",
    "“We will not retreat,” Nikol Pashinyan told reporters on Monday.",
    "According to the Defense Ministry, separatist forces reportedly shelled the town.",
    "The radical regime's thugs staged a shocking attack, the agency revealed.",
]


def brute_force(scores, trans, start):
    k = scores.shape[1]
    best, arg = -np.inf, None
    for path in itertools.product(range(k), repeat=len(scores)):
        s = start[path[0]] + scores[0, path[0]] + sum(trans[a, b] + scores[t + 1, b] for t, (a, b) in enumerate(zip(path, path[1:])))
        if s > best:
            best, arg = s, list(path)
    return arg


def test_batched_viterbi_finds_the_best_valid_path_whatever_shares_its_batch():
    rng = np.random.default_rng(3)
    trans, start = allowed_transitions(TOKEN_TASKS["hedge"])
    seqs = [np.log(rng.dirichlet(np.ones(3), size=n)) for n in (1, 2, 3, 4, 5, 5, 2)]
    together = viterbi_batch(seqs, trans, start)
    for s, p in zip(seqs, together):
        assert p.tolist() == brute_force(s, trans, start)
        assert p.tolist() == viterbi_batch([s], trans, start)[0].tolist()


def test_decoding_many_sentences_equals_decoding_each():
    rng = np.random.default_rng(7)
    items = []
    for n in (3, 9, 14, 1):
        lp = np.log(rng.dirichlet(np.ones(7) * 0.3, size=n + 2))
        offsets = [(0, 0)] + [(4 * i, 4 * i + 3) for i in range(n)] + [(0, 0)]
        words = [None] + [i // 2 for i in range(n)] + [None]
        items.append((lp, offsets, words))
    assert decode_many(items, "attr") == [decode_spans(lp, offs, "attr", words) for lp, offs, words in items]
    assert any(decode_many(items, "attr"))  # something was decoded


@pytest.fixture(scope="module")
def torch_model():
    from stancekit.model.inference import StanceModel

    return StanceModel.load(backend="torch")


@pytest.fixture(scope="module")
def onnx_model():
    pytest.importorskip("onnxruntime")
    from stancekit.model.inference import StanceModel

    return StanceModel.load(backend="onnx")


@pytest.mark.parametrize(("backend", "tol"), [("torch_model", 2e-6), ("onnx_model", 0.0)])
def test_a_sentence_does_not_depend_on_its_batch(backend, tol, request):
    """torch pads a batch to its longest piece (float noise of the last rounded digit); the
    int8 ONNX path runs one piece at a time, so its numbers are exactly those of the sentence
    alone."""
    model = request.getfixturevalue(backend)
    long = "Officials in the capital said on Tuesday that " + "the delegation met councils and discussed roads, " * 25 + "the ministry said."
    pooled = model.predict(SENTENCES + [long], batch_size=4)
    for text, got in zip(SENTENCES + [long], pooled):
        alone = model.predict([text])[0]
        assert alone.spans == got.spans, text
        for task, p in alone.probabilities.items():
            assert abs(p - got.probabilities[task]) <= tol, (text, task)


def test_the_fast_path_agrees_with_the_torch_reference(torch_model, onnx_model):
    assert onnx_model.backend == "onnx" and torch_model.backend == "torch"
    ref, fast = torch_model.predict(SENTENCES), onnx_model.predict(SENTENCES)
    for text, a, b in zip(SENTENCES, ref, fast):
        for task in a.probabilities:
            pa, pb = a.probabilities[task], b.probabilities[task]
            assert abs(pa - pb) < 0.1, (text, task)
            if abs(pa - 0.5) > 0.1:  # clear cases get the same decision
                assert (pa >= 0.5) == (pb >= 0.5), (text, task)
        assert {r for *_, r in a.spans["attr"]} == {r for *_, r in b.spans["attr"]}, text


def test_loading_the_fast_path_does_not_import_torch():
    pytest.importorskip("onnxruntime")
    code = ("import sys, stancekit; nlp = stancekit.load(); doc = nlp('Officials said it may rain.'); "
            "print(nlp.model.backend, 'torch' in sys.modules, 'transformers' in sys.modules, doc.sentences[0].hedging.hedged)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["onnx", "False", "False", "True"]


def test_export_round_trip_on_a_tiny_model(tiny_model, tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import shutil

    from stancekit.model.inference import StanceModel
    from stancekit.model.onnx_export import export

    folder = tmp_path / "tiny"
    shutil.copytree(tiny_model[0], folder)
    export(folder, quantize=False)
    meta = json.loads((folder / "stancekit.json").read_text())
    assert meta["onnx"]["file"] == "model.fp32.onnx" and len(meta["onnx"]["sha256"]) == 64
    # the embeddings are not stored: they come from the base encoder's own file at load
    assert "embeddings.word_embeddings.weight" in meta["onnx"]["from_base_encoder"].values()
    assert (folder / "model.fp32.onnx").stat().st_size < 30522 * 32 * 4  # smaller than the word embedding table
    ref = StanceModel.load(folder, backend="torch").predict(SENTENCES)
    fast = StanceModel.load(folder, backend="onnx").predict(SENTENCES)
    for a, b in zip(ref, fast):
        assert a.spans == b.spans
        assert all(abs(a.probabilities[t] - b.probabilities[t]) < 1e-4 for t in a.probabilities)
    (folder / "model.fp32.onnx").write_bytes(b"\0" * 64)
    from stancekit import ModelError

    with pytest.raises(ModelError, match="corrupted"):
        StanceModel.load(folder, backend="onnx")


def test_unknown_backend_is_named():
    import stancekit
    from stancekit import InvalidInputError

    with pytest.raises(InvalidInputError, match="backend must be one of"):
        stancekit.load(backend="tensorrt")


def test_auto_falls_back_to_torch_without_onnx_runtime_or_file(tiny_model, tmp_path, monkeypatch):
    import shutil

    from stancekit.model import fast
    from stancekit.model.inference import StanceModel

    folder = tmp_path / "tiny"
    shutil.copytree(tiny_model[0], folder)
    assert StanceModel.load(folder).backend == "torch"  # no exported network in the folder
    monkeypatch.setattr(fast, "onnxruntime_available", lambda: False)
    import json

    from stancekit import MissingDependencyError

    meta = json.loads((folder / "stancekit.json").read_text())
    meta["onnx"] = {"file": "model.int8.onnx", "sha256": "0" * 64}
    (folder / "stancekit.json").write_text(json.dumps(meta))
    (folder / "model.int8.onnx").write_bytes(b"x")
    assert StanceModel.load(folder).backend == "torch"  # ONNX Runtime not installed
    with pytest.raises(MissingDependencyError, match="stancekit\\[fast\\]"):
        StanceModel.load(folder, backend="onnx")
