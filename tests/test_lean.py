"""Wording and lean: terms filed under the right side, inflections, neutral practice, and lean as an
estimate with its evidence."""

import math

import numpy as np
import pandas as pd
import pytest

import stancekit
from stancekit.lean import estimate_lean, lean_profile


def own_terms(nlp, text, frame="karabakh"):
    doc = nlp(text, frame=frame)
    return [(t.span.text, t.side, t.kind, t.inside_quote) for s in doc.sentences for t in s.framing.terms
            if t.kind in ("contested", "dual_name", "scare_quote", "so_called")]


@pytest.mark.parametrize("text, expected", [
    # one side's term about the other side's units
    ("An Azerbaijani sabotage group ambushed a patrol near the village at dawn.",
     [("Azerbaijani sabotage group", "armenia", "contested", False)]),
    ("An Armenian reconnaissance-sabotage group tried to cross the line of contact.",
     [("Armenian reconnaissance-sabotage group", "azerbaijan", "contested", False)]),
    # inflections and variants
    ("The Armenian side committed a provocation near the border.",
     [("committed a provocation", "azerbaijan", "contested", False)]),
    ("Illegal Armenian armed detachments fired on army positions.",
     [("Illegal Armenian armed detachments", "azerbaijan", "contested", False)]),
    ("An illegal armed detachment was spotted on the road.",
     [("illegal armed detachment", "azerbaijan", "contested", False)]),
    ("Members of an illegal Armenian gang laid mines on the road.",
     [("illegal Armenian gang", "azerbaijan", "contested", False)]),
    ("Azeri troops shelled the village overnight.", [("Azeri", "armenia", "contested", False)]),
    ("The mine terror continues to claim lives in the liberated territories.",
     [("mine terror", "azerbaijan", "contested", False), ("liberated territories", "azerbaijan", "contested", False)]),
    ("Thousands attended the funeral of the martyrs in Ganja.", [("martyrs", "azerbaijan", "contested", False)]),
    ("The convoy reached Xankandi on Monday.", [("Xankandi", "azerbaijan", "contested", False)]),
    ("The provocations by the Armenian armed forces continued.",
     [("provocations by the Armenian armed forces", "azerbaijan", "contested", False)]),
    # the source's wording, not the outlet's
    ("The minister denounced what he called “terrorists” operating in the region.",
     [("terrorists", "armenia", "scare_quote", True)]),
    ("The ministry condemned what it described as separatists firing on its posts.",
     [("separatists", "azerbaijan", "contested", True)]),
    # dual naming is neutral practice
    ("The convoy reached Stepanakert, which Azerbaijan calls Khankendi, on Monday.",
     [("Stepanakert", None, "dual_name", False), ("Khankendi", None, "dual_name", False)]),
    ("Fighting was reported near Khankendi (Stepanakert) overnight.",
     [("Khankendi", None, "dual_name", False), ("Stepanakert", None, "dual_name", False)]),
])
def test_karabakh_wording(nlp, text, expected):
    assert own_terms(nlp, text) == expected


def test_weak_terms_weigh_less(nlp):
    doc = nlp("Traffic on the Lachin corridor resumed. The road to Khankendi reopened. "
              "Aid reached the Karabakh region. Azeri soldiers left.", frame="karabakh")
    weights = {t.span.text: (t.side, t.weight) for s in doc.sentences for t in s.framing.terms}
    # the plain wire term is recorded with its side but counts as neutral; weak terms count a quarter
    assert weights == {"Lachin corridor": ("armenia", 0.0), "Khankendi": ("azerbaijan", 1.0),
                       "Karabakh region": ("azerbaijan", 0.25), "Azeri": ("armenia", 0.25)}
    assert (doc.summary["lean_wording_neg"], doc.summary["lean_wording_pos"]) == (0.25, 1.25)


def test_dual_naming_gives_no_lean(nlp):
    doc = nlp("Talks were held in Stepanakert, which Azerbaijan calls Khankendi.", frame="karabakh")
    assert math.isnan(doc.summary["lean"]) and "no own-voice frame terms" in doc.summary["lean_reason"]


def test_single_hit_is_shrunk_with_an_interval_spanning_zero():
    est = estimate_lean(0, 1)
    assert est.value == pytest.approx(1 / 3, abs=1e-6) and est.lo < 0 < est.hi
    assert math.isnan(estimate_lean(0, 0).value)
    strong = estimate_lean(0, 20)
    assert strong.value > 0.9 and strong.lo > 0.5


def test_profile_from_a_single_term_hit_spans_zero(nlp):
    df = pd.DataFrame({"outlet": ["A"], "text": ["Shelling was reported near Khankendi on Monday."]})
    cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=400)
    row = cmp.profiles.loc["A"]
    assert 0 < row["lean"] < 0.5 and row["lean_lo"] < 0 < row["lean_hi"]
    assert (row["lean_wording_neg"], row["lean_wording_pos"]) == (0.0, 1.0)


def test_profile_without_evidence_is_nan_with_a_reason(nlp):
    df = pd.DataFrame({"outlet": ["A", "A"], "text": ["It rained on Monday.", "The market opened late."]})
    cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=100)
    row = cmp.profiles.loc["A"]
    assert math.isnan(row["lean"]) and row["lean_reason"] == "wording: no own-voice frame terms"


def test_lean_profile_is_deterministic_and_pools_documents():
    ev = {"wording": (np.array([0.0, 1.0, 0.0]), np.array([3.0, 0.0, 2.0])),
          "sourcing": (np.zeros(3), np.array([1.0, 1.0, 0.0])), "stance": (np.zeros(3), np.zeros(3))}
    a = lean_profile(ev, rng=np.random.default_rng(5), n_boot=300)
    b = lean_profile(ev, rng=np.random.default_rng(5), n_boot=300)
    assert a == b
    assert a["lean_wording"] == pytest.approx((5 - 1) / (5 + 1 + 2))
    assert a["lean_sourcing"] == pytest.approx(2 / 4)


def test_profiles_report_a_share_for_every_party(nlp):
    df = pd.DataFrame({"outlet": ["A"] * 2, "text": [
        "Russian peacekeepers said the road was open. The ICRC said it delivered aid.",
        "Azerbaijan's Defense Ministry said its posts were shelled."]})
    p = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=50).profiles
    for party in ("armenia", "azerbaijan", "russia", "eu", "us", "france", "turkey", "iran", "un", "osce", "icrc", "none"):
        assert f"source_share_{party}" in p.columns
    assert p.loc["A", "source_share_russia"] == pytest.approx(1 / 3)
    assert p.loc["A", "source_share_icrc"] == pytest.approx(1 / 3)
