"""The model code path with a tiny random encoder (seconds, no network), and the shipped model."""

import json
import shutil

import pytest

import stancekit
from stancekit import ModelError, ModelNotFoundError


def test_training_writes_small_artefact_and_log(tiny_model):
    out, cfg = tiny_model
    files = sorted(p.name for p in out.iterdir())
    assert files == ["model.safetensors", "stancekit.json"]
    meta = json.loads((out / "stancekit.json").read_text())
    assert meta["trainable_layers"] == [1]
    assert meta["base_encoder"]["sha256"]
    assert set(meta["calibration"]) >= {"method", "attributed", "hedged"}
    log = [json.loads(line) for line in open(f"{cfg['work_dir']}/log.jsonl")]
    assert [e["epoch"] for e in log] == [0, 1]
    assert "polnear/attributed/f1" in log[0]
    # no pickle files anywhere
    from pathlib import Path

    assert not [p for p in Path(cfg["work_dir"]).rglob("*") if p.suffix in (".pt", ".pkl", ".bin")]


def test_resume_continues_after_last_epoch(tiny_model, tmp_path):
    from stancekit.model.train import train

    _, cfg = tiny_model
    run = dict(cfg, work_dir=str(tmp_path / "run"), output=str(tmp_path / "m"), epochs=1)
    train(run)
    train(dict(run, epochs=2), resume=True)
    epochs = [json.loads(line)["epoch"] for line in open(tmp_path / "run" / "log.jsonl")]
    assert epochs == [0, 1]


def test_load_and_analyze_with_tiny_model(tiny_model):
    out, _ = tiny_model
    nlp = stancekit.load(out, frame="karabakh")
    doc = nlp("Azerbaijani media reported that separatists opened fire. It may rain.")
    assert doc.meta["mode"] == "model+rules"
    s0 = doc.sentences[0]
    assert 0.0 <= s0.attribution.probability <= 1.0
    # rule findings survive the merge
    assert s0.attribution.sources[0].span.text == "Azerbaijani media"
    assert s0.attribution.sources[0].side == "azerbaijan"
    assert [t.span.text for t in s0.framing.terms][:1] == ["separatists"]
    for s in doc.sentences:
        for src in s.attribution.sources:
            assert doc.text[src.span.start:src.span.end] == src.span.text
    alone = stancekit.load(out, use_rules=False)
    assert alone("It may rain.").meta["mode"] == "model"
    batch = list(nlp.pipe(["He said so.", None, ""]))
    assert [d.meta["status"] for d in batch] == ["ok", "error", "empty"]


def test_model_errors(tiny_model, tmp_path):
    out, _ = tiny_model
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        stancekit.load(tmp_path / "nope")
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelError, match="corrupted"):
        stancekit.load(broken)
    meta = json.loads((out / "stancekit.json").read_text())
    meta["base_encoder"]["sha256"] = "0" * 64
    shutil.copy(out / "model.safetensors", broken / "model.safetensors")
    (broken / "stancekit.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="is not the one .* was trained on"):
        stancekit.load(broken)
    (broken / "stancekit.json").write_text("{oops")
    with pytest.raises(ModelError, match="corrupted"):
        stancekit.load(broken)
    (broken / "stancekit.json").unlink()
    with pytest.raises(ModelNotFoundError, match="no stancekit.json"):
        stancekit.load(broken)


def test_decode_bio_merges_subwords():
    from stancekit.model.data import bio_labels, decode_bio

    offsets = [(0, 0), (0, 5), (6, 9), (9, 12), (13, 17), (0, 0)]
    spans = [{"start": 6, "end": 12, "label": "source", "type": ""}]
    labels = bio_labels(offsets, spans, "attr")
    assert labels == [-100, 0, 1, 2, 0, -100]
    assert decode_bio([0, 0, 1, 2, 0, 0], offsets, "attr") == [(6, 12, "source")]
    assert decode_bio([0, 0, 1, 1, 0, 0], offsets, "attr") == [(6, 12, "source")]
