import math

from stancekit.frames import load_frame


def terms(nlp, text, frame="karabakh"):
    return [(t.span.text, t.side, t.inside_quote, t.kind) for s in nlp(text, frame=frame).sentences for t in s.framing.terms]


def test_contested_terms_both_sides(nlp):
    assert terms(nlp, "The separatist regime in Khankendi blocked the Lachin road.") == [
        ("separatist regime in Khankendi", "azerbaijan", False, "contested"),
        ("Lachin road", "azerbaijan", False, "contested"),
    ]
    assert terms(nlp, "Artsakh authorities in Stepanakert said the Lachin corridor is closed.") == [
        ("Artsakh authorities", "armenia", False, "contested"),
        ("Stepanakert", "armenia", False, "contested"),
        ("Lachin corridor", "armenia", False, "contested"),
    ]


def test_scare_quotes_and_so_called(nlp):
    assert terms(nlp, "More arms under watch of “peacekeepers”.") == [("peacekeepers", "azerbaijan", False, "scare_quote")]
    # scare-quoting the other side's term signals the outlet's side
    assert terms(nlp, "The “Artsakh” leadership met.") == [("Artsakh", "azerbaijan", False, "scare_quote")]
    assert terms(nlp, "The so-called eco-activists blocked the road.")[0] == ("so-called eco-activists", "armenia", False, "so_called")


def test_terms_inside_quotes_are_marked(nlp):
    got = terms(nlp, "Aliyev said: “The separatists in Khankendi must disarm now.” The talks in Stepanakert went on.")
    assert got == [
        ("separatists", "azerbaijan", True, "contested"),
        ("Khankendi", "azerbaijan", True, "contested"),
        ("Stepanakert", "armenia", False, "contested"),
    ]


def test_lean_counts_own_voice_only(nlp):
    doc = nlp("Aliyev said: “The separatists in Khankendi must disarm now.” The talks in Shushi went on.", frame="karabakh")
    # one own-voice hit: shrunk towards 0 (never -1), with an interval that spans 0
    assert doc.summary["lean"] == doc.summary["lean_wording"] == -0.333333
    assert doc.summary["lean_lo"] < 0 < doc.summary["lean_hi"]
    assert (doc.summary["lean_wording_neg"], doc.summary["lean_wording_pos"]) == (1.0, 0.0)
    assert doc.sentences[0].framing.lean is None
    assert doc.sentences[1].framing.lean == -0.333333


def test_generic_loaded_words_without_frame(nlp):
    assert terms(nlp, "The regime's thugs staged a shocking attack.", frame=None) == [
        ("regime", None, False, "loaded"),
        ("thugs", None, False, "loaded"),
        ("shocking", None, False, "loaded"),
    ]
    assert terms(nlp, "They violated the ceasefire regime.", frame=None) == []


def test_neutral_text_scores_low(nlp):
    doc = nlp("The talks between the two governments resumed in Brussels on Monday.", frame="karabakh")
    assert doc.sentences[0].framing.probability < 0.5
    assert math.isnan(doc.summary["lean"]) and doc.summary["lean_reason"] == "wording: no own-voice frame terms"


def test_karabakh_frame_has_researched_terms():
    fr = load_frame("karabakh")
    assert len(fr.terms) >= 40
    assert all(t.neutral for t in fr.terms)
    by_term = {t.term: t for t in fr.terms}
    assert by_term["Khankendi"].counterpart == "Stepanakert"
    assert by_term["Lachin corridor"].side == "armenia"
    assert {t.side for t in fr.terms} == {"armenia", "azerbaijan"}
