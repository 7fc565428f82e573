"""The shipped evaluation data is well formed: offsets point at the text, parties exist in the frame."""

import json
import re
from pathlib import Path

import pytest

from stancekit.frames import load_frame

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
GOLD = sorted((DATA / "gold_sources").glob("*.jsonl"))
ROUND2 = sorted((DATA / "gold_sources_round2").glob("*.jsonl"))
ROUND3 = sorted((DATA / "gold_sources_round3").glob("*.jsonl"))
HELDOUT = sorted((DATA / "gold_sources_heldout").glob("*.jsonl"))
#: the blind rounds 4 and later (a few articles per conflict each)
LATER = sorted(p for p in DATA.glob("gold_sources_round*/*.jsonl") if p.parent.name not in ("gold_sources_round2", "gold_sources_round3"))


def rows(path):
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


ALL = GOLD + ROUND2 + ROUND3 + HELDOUT + LATER


@pytest.mark.parametrize("path", ALL, ids=[f"{p.parent.name}/{p.stem}" for p in ALL])
def test_gold_sources_point_into_the_text_and_name_frame_parties(path):
    records = rows(path)
    assert len(records) >= (10 if path in GOLD else 2 if path in LATER else 6)
    for r in records:
        parties = set(load_frame(r["conflict"]).parties)
        spans = []
        for s in r["sources"]:
            assert r["text"][s["start"]:s["end"]] == s["text"], (r["id"], s)
            assert s["party"] is None or s["party"] in parties, (r["id"], s["party"])
            spans.append((s["start"], s["end"]))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), f"{r['id']}: overlapping gold spans"


def test_gold_set_size_and_spread():
    records = [r for p in GOLD for r in rows(p)]
    assert len(records) >= 30 and sum(len(r["sources"]) for r in records) >= 200
    conflicts = {r["conflict"] for r in records}
    assert len(conflicts) >= 3
    for c in conflicts:
        assert len({r["outlet"] for r in records if r["conflict"] == c}) >= 3


@pytest.mark.parametrize("held_paths", [ROUND2, ROUND3, HELDOUT], ids=["round2", "round3", "heldout"])
def test_later_gold_sets_size_and_no_overlap_with_earlier_ones(held_paths):
    if not held_paths:
        pytest.skip("not built yet")
    held = [r for p in held_paths for r in rows(p)]
    assert len(held) >= 30 and sum(len(r["sources"]) for r in held) >= 200
    assert len({r["conflict"] for r in held}) == 4
    rounds = [GOLD, ROUND2, ROUND3, HELDOUT]
    earlier = [r for paths in rounds[:rounds.index(held_paths)] for p in paths for r in rows(p)]
    urls, texts = {r["url"] for r in earlier}, {r["text"][:200] for r in earlier}
    assert not [r["id"] for r in held if r["url"] in urls or r["text"][:200] in texts]


def test_no_article_from_the_reserved_incident_window():
    for path in [*ALL, DATA / "karabakh_outlets_heldout.jsonl"]:
        for r in rows(path):
            # the reservation is the Karabakh incident's coverage: any article that could touch it
            if r.get("conflict", "karabakh") != "karabakh" and not re.search(
                    r"karabakh|armenia|azerbaij|azeri|baku|yerevan|lachin|stepanakert|khankendi|artsakh|aliyev|pashinyan",
                    r["text"], re.IGNORECASE):
                continue
            assert not (r.get("date") or "").startswith("2023-03-0"), r["id"]
            assert not ("2023-03-10" <= (r.get("date") or "") <= "2023-03-15"), r["id"]
