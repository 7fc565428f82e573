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
    assert meta["calibration"]["method"] == "platt"
    cal = meta["calibration"]["attributed"]
    assert {"scale", "bias", "ece_before", "ece_after", "f1_cross_fitted"} <= set(cal)
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
    # re-export without training: same weights, metadata names the best epoch, no new log lines
    from safetensors.torch import load_file

    before = load_file(str(tmp_path / "m" / "model.safetensors"))
    train(dict(run, epochs=2, output=str(tmp_path / "m2")), export_only=True)
    after = load_file(str(tmp_path / "m2" / "model.safetensors"))
    assert before.keys() == after.keys() and all(bool((before[k] == after[k]).all()) for k in before)
    meta = json.loads((tmp_path / "m2" / "stancekit.json").read_text())
    assert meta["training"]["best_epoch"] in (0, 1)
    assert len(open(tmp_path / "run" / "log.jsonl").readlines()) == 2
    with pytest.raises(FileNotFoundError, match="train first"):
        train(dict(run, work_dir=str(tmp_path / "none")), export_only=True)


def test_load_and_analyze_with_tiny_model(tiny_model):
    out, _ = tiny_model
    nlp = stancekit.load(out, frame="karabakh")
    doc = nlp("Azerbaijani media reported that separatists opened fire. It may rain.")
    assert doc.meta["mode"] == "model+rules"
    s0 = doc.sentences[0]
    assert 0.0 <= s0.attribution.probability <= 1.0
    # rule findings survive the merge (a random model may move the boundaries inside the phrase)
    src = s0.attribution.sources[0]
    assert src.span.start == 0 and src.span.end <= len("Azerbaijani media")
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


def _one_hot(tag_names, head):
    import numpy as np

    from stancekit.model.network import TOKEN_TASKS

    tags = TOKEN_TASKS[head]
    lp = np.full((len(tag_names), len(tags)), np.log(0.01))
    for i, t in enumerate(tag_names):
        lp[i, tags.index(t)] = np.log(0.9)
    return lp


def test_bio_labels_and_decoding_round_trip():
    from stancekit.model.data import bio_labels
    from stancekit.model.decode import decode_spans

    # "[CLS] Party offi cials said [SEP]": "offi"+"cials" is one word
    offsets = [(0, 0), (0, 5), (6, 10), (10, 13), (14, 18), (0, 0)]
    words = [None, 0, 1, 1, 2, None]
    spans = [{"start": 6, "end": 13, "label": "source", "type": ""}, {"start": 14, "end": 18, "label": "cue", "type": ""}]
    labels = bio_labels(offsets, spans, "attr")
    assert labels == [-100, 0, 1, 2, 3, -100]
    tags = ["O", "O", "B-source", "I-source", "B-cue", "O"]
    assert decode_spans(_one_hot(tags, "attr"), offsets, "attr", words) == [(6, 13, "source"), (14, 18, "cue")]


def test_decoding_is_word_level_and_bio_valid():
    import numpy as np

    from stancekit.model.decode import decode_spans

    offsets = [(0, 0), (0, 5), (6, 10), (10, 13), (14, 18), (0, 0)]
    words = [None, 0, 1, 1, 2, None]
    # a word's pieces are decoded together: a confident first piece carries an unsure second one
    lp = _one_hot(["O", "O", "B-source", "O", "B-cue", "O"], "attr")
    lp[3, 0], lp[3, 2] = np.log(0.5), np.log(0.3)  # second piece: O 0.5, I-source 0.3
    assert decode_spans(lp, offsets, "attr", words) == [(6, 13, "source"), (14, 18, "cue")]
    # without word ids each token is its own word
    assert decode_spans(lp, offsets, "attr") == [(6, 10, "source"), (14, 18, "cue")]
    # an I- after O is not a valid start: Viterbi picks the best valid sequence instead
    lp = _one_hot(["O", "O", "I-cue", "I-cue", "O", "O"], "attr")
    lp[2, 3] = np.log(0.3)  # B-cue second best on the word's first piece
    assert decode_spans(lp, offsets, "attr", words) == [(6, 13, "cue")]
    # all O: nothing
    assert decode_spans(_one_hot(["O"] * 6, "attr"), offsets, "attr", words) == []


def test_adjacent_spans_join_for_attribution_only():
    from stancekit.model.decode import decode_spans

    # "then pointed out" restarted as B B I: one cue. Hedges "may possibly": two cues.
    offsets = [(0, 4), (5, 12), (13, 16)]
    words = [0, 1, 2]
    attr = _one_hot(["B-cue", "B-cue", "I-cue"], "attr")
    assert decode_spans(attr, offsets, "attr", words) == [(0, 16, "cue")]
    hedge = _one_hot(["B-hedge", "B-hedge", "O"], "hedge")
    assert decode_spans(hedge, offsets, "hedge", words) == [(0, 4, "hedge"), (5, 12, "hedge")]


@pytest.mark.parametrize(("text", "cue", "widened"), [
    ("Protesters called for an inquiry.", "called", "called for"),
    ("She warned of a crackdown.", "warned", "warned of"),
    ("He pointed to the ceasefire.", "pointed", "pointed to"),
    ("They sided with the ministry.", "sided", "sided with"),
    ("He is worried about the talks.", "is worried", "is worried about"),
    ("They're worried about the talks.", "re worried", "'re worried about"),
    # adjuncts and infinitives stay outside: PolNeAR marks "said", "declined"
    ("The ministry said on Tuesday that troops withdrew.", "said", "said"),
    ("The ministry declined to comment.", "declined", "declined"),
    ("She said of the vote that it was rigged.", "said", "said"),
    ("Officials said.", "said", "said"),
])
def test_widen_cue_takes_governed_prepositions_only(text, cue, widened):
    from stancekit.model.decode import widen_cue

    a = text.index(cue)
    s, e = widen_cue(text, a, a + len(cue))
    assert text[s:e] == widened


def test_sentence_spans_widen_attribution_cues_only():
    from stancekit.model.decode import sentence_spans

    text = "Rebels called for talks about peace"
    offsets = [(0, 6), (7, 13), (14, 17), (18, 23), (24, 29), (30, 35)]
    words = [0, 1, 2, 3, 4, 5]
    attr = _one_hot(["B-source", "B-cue", "O", "B-content", "O", "O"], "attr")
    assert sentence_spans(text, attr, offsets, "attr", words) == [(0, 6, "source"), (7, 17, "cue"), (18, 23, "content")]
    hedge = _one_hot(["O", "B-hedge", "O", "O", "O", "O"], "hedge")
    assert sentence_spans(text, hedge, offsets, "hedge", words) == [(7, 13, "hedge")]


def test_platt_scaling_moves_the_decision_point():
    import numpy as np

    from stancekit.model.train import cross_fitted, fit_platt

    # logits shifted by +2 on this split: a temperature cannot fix the decision, a bias can
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    z = np.where(y == 1, 1.0, -1.0) + rng.normal(0, 0.8, 400) + 2.0
    a, b = fit_platt(z, y)
    assert a > 0 and -3.0 < b / a < -1.0  # crosses 0.5 near logit 2
    raw_acc = ((z > 0) == y).mean()
    cal_acc = (((a * z + b) > 0) == y).mean()
    assert cal_acc > raw_acc + 0.2
    cv = cross_fitted(z, y)
    assert cv.shape == (400,) and ((cv >= 0.5) == y).mean() > raw_acc + 0.2


def test_model_with_temperature_calibration_still_loads(tiny_model, tmp_path):
    out, _ = tiny_model
    folder = tmp_path / "old"
    shutil.copytree(out, folder)
    meta = json.loads((folder / "stancekit.json").read_text())
    meta["calibration"] = {"method": "temperature", "attributed": {"temperature": 2.0}}
    (folder / "stancekit.json").write_text(json.dumps(meta))
    from stancekit.model.inference import StanceModel

    m = StanceModel.load(folder)
    assert m.calibration["attributed"] == (0.5, 0.0) and "hedged" not in m.calibration
    assert 0.0 <= m.predict(["Officials said it rained."])[0].probabilities["attributed"] <= 1.0


def _copy_with(out, folder, **changes):
    shutil.copytree(out, folder)
    meta = json.loads((folder / "stancekit.json").read_text())
    for key, value in changes.items():
        node = meta
        *path, last = key.split("__")
        for p in path:
            node = node[p]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value
    (folder / "stancekit.json").write_text(json.dumps(meta))
    return folder


_DELETE = object()


def test_flipped_weight_bytes_never_load_silently(tiny_model, tmp_path):
    out, _ = tiny_model
    folder = _copy_with(out, tmp_path / "flipped")
    data = bytearray((folder / "model.safetensors").read_bytes())
    for k in range(10):  # 10 bit flips in the tensor data, past the header
        data[len(data) - 1 - 97 * k] ^= 0x10
    (folder / "model.safetensors").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="corrupted: its sha256"):
        stancekit.load(folder)


def test_a_missing_tensor_is_an_error_not_a_random_head(tiny_model, tmp_path):
    from safetensors.torch import load_file, save_file

    from stancekit.model.network import file_sha256

    out, _ = tiny_model
    folder = _copy_with(out, tmp_path / "incomplete")
    state = load_file(str(folder / "model.safetensors"))
    del state["sentence_heads.hedged.weight"]
    save_file(state, str(folder / "model.safetensors"))
    meta = json.loads((folder / "stancekit.json").read_text())
    meta["weights"]["sha256"] = file_sha256(folder / "model.safetensors")
    (folder / "stancekit.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"1 tensor\(s\) missing .*sentence_heads.hedged.weight"):
        stancekit.load(folder)


@pytest.mark.parametrize("change, message", [
    ({"max_length": "abc"}, "max_length must be an integer"),
    ({"max_length": 100000}, "max_length must be an integer from 8 to 512"),
    ({"thresholds__hedged": _DELETE}, "thresholds.hedged must be a number"),
    ({"thresholds__biased": 1.5}, "thresholds.biased must be a number strictly between 0 and 1"),
    ({"calibration__attributed__scale": "x"}, "calibration.attributed.scale must be a finite number"),
    ({"trainable_layers": [1, 9]}, "trainable_layers must list encoder layers"),
    ({"calibration__hedged": {"temperature": 0}}, "calibration.hedged.temperature must be positive"),
    ({"calibration": ["x"]}, "calibration must map tasks"),
    ({"weights__sha256": 12}, "weights.sha256 must be a 64-character hex string"),
    ({"weights__file": "../../../../etc/passwd"}, "weights.file must name a file inside the model folder"),
])
def test_bad_config_values_fail_at_load_naming_the_key(tiny_model, tmp_path, change, message):
    out, _ = tiny_model
    folder = _copy_with(out, tmp_path / "bad", **change)
    with pytest.raises(ModelError, match=message):
        stancekit.load(folder)


def test_training_records_the_weights_checksum(tiny_model):
    from stancekit.model.network import file_sha256

    out, _ = tiny_model
    meta = json.loads((out / "stancekit.json").read_text())
    assert meta["weights"]["sha256"] == file_sha256(out / "model.safetensors")


def test_decisions_follow_the_thresholds_in_the_model_config(tiny_model, tmp_path):
    """``attributed``/``hedged``/``loaded`` and ``evaluate`` read stancekit.json's thresholds."""
    out, _ = tiny_model
    text = "Officials said the road was closed."
    default = stancekit.load(out, use_rules=False)(text).sentences[0].framing
    assert 0.02 < default.probability < 0.98  # the tiny model is unsure: the threshold decides
    low = stancekit.load(_copy_with(out, tmp_path / "low", thresholds__biased=0.01), use_rules=False)
    high = stancekit.load(_copy_with(out, tmp_path / "high", thresholds__biased=0.99), use_rules=False)
    assert low.thresholds["biased"] == 0.01 and high.thresholds["biased"] == 0.99
    f_low, f_high = low(text).sentences[0].framing, high(text).sentences[0].framing
    assert f_low.probability == f_high.probability == default.probability
    assert (f_low.threshold, f_low.loaded, f_high.threshold, f_high.loaded) == (0.01, True, 0.99, False)
    rows = [{"text": text, "biased": 1, "spans": []}]
    assert stancekit.evaluate(high, rows, task="framing", bootstrap=0).sentence["threshold"] == 0.99
    assert stancekit.evaluate(high, rows, task="framing", bootstrap=0, threshold=0.3).sentence["threshold"] == 0.3
    from stancekit.rules.scores import rules_thresholds

    assert stancekit.load(rules_only=True).thresholds == rules_thresholds()
