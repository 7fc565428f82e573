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
