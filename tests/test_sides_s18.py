"""Parties read from how news names a body or a politician: Israel-Gaza bodies named without a
demonym, and a US politician's party and state after the name ("Sen. Jane Doe, D-N.Y.,").
Phrases in the style of wire copy, with the parties of the annotation guide (bench/data/README.md).
"""

import pytest

from stancekit.frames import load_frame


@pytest.mark.parametrize(("phrase", "party"), [
    ("Wafa news agency", "palestine"),  # the agency in title case, as AFP writes it
    ("Wafa Abdel Rahman, a mother of three,", None),  # a woman named Wafa is no agency
    ("the al-Aqsa Martyrs Brigades", "palestine"),
    ("the Popular Resistance Committees", "palestine"),
    ("the military's Southern Command", "israel"),
])
def test_israel_gaza_bodies_named_without_a_demonym(phrase, party):
    assert load_frame("israel_gaza").party_of(phrase) == party


@pytest.mark.parametrize(("phrase", "party"), [
    ("Sen. Tom Halvorsen, D-N.Y.,", "left"),  # a state abbreviated with two capitals and dots
    ("Rep. Maria Delgado, R-S.C.", "right"),
    ("Sen. Joe Manchin, D-W.Va.,", "left"),
    ("Rep. Jane Doe, D-Calif.,", "left"),
    ("the D-Day veterans", None),  # D-Day is no Democrat, R-Day no Republican
    ("the R-Day planners", None),
])
def test_us_party_and_state_after_a_name(phrase, party):
    assert load_frame("us_politics").party_of(phrase) == party


@pytest.mark.parametrize(("frame", "phrase", "party"), [
    # where a body is based is not whom it serves
    ("karabakh", "Farid Shafiyev, chairman of the Baku-based Center of Analysis of International Relations,", None),
    ("russia_ukraine", "the Moscow-based Levada Center", None),
    ("israel_gaza", "a Gaza-based journalist", None),
    # the frame's own patterns for a place's armed groups still read them
    ("israel_gaza", "Gaza-based militants", "palestine"),
    ("israel_gaza", "the Ramallah-based Palestinian Authority", "palestine"),
])
def test_a_place_a_body_is_based_in_gives_no_party(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_azerbaijani_names_of_armenian_towns_are_azerbaijani_usage():
    text = ("Armenian units fired from positions in the direction of the Gorus region at the Lachin district, "
            "while the Gafan and Qafan garrisons stayed quiet; Goris and Kapan residents heard the shots.")
    found = [(text[a:b], t.side, t.neutral) for a, b, t in load_frame("karabakh").find_terms(text)]
    assert ("Gorus", "azerbaijan", "Goris") in found
    assert ("Gafan", "azerbaijan", "Kapan") in found and ("Qafan", "azerbaijan", "Kapan") in found
    assert not [f for f in found if f[0] in ("Goris", "Kapan")]  # the Armenian names are the plain ones


def test_more_karabakh_usage_of_each_side():
    text = ("The Second Karabakh War ended in November. Syrian mercenaries fought near Mataghis, which Baku calls "
            "Sugovushan. Officials marked the Khojaly genocide and condemned Armenian vandals; Yerevan denounced "
            "Azerbaijani-Turkish aggression near Kashunik.")
    found = {text[a:b]: (t.side, t.weight) for a, b, t in load_frame("karabakh").find_terms(text)}
    assert found == {
        "Second Karabakh War": ("azerbaijan", 0.5),  # some wires use it too: weak evidence
        "Syrian mercenaries": ("armenia", 0.5),
        "Mataghis": ("armenia", 1.0), "Sugovushan": ("azerbaijan", 1.0),
        "Khojaly genocide": ("azerbaijan", 1.0), "Armenian vandals": ("azerbaijan", 1.0),
        "Azerbaijani-Turkish aggression": ("armenia", 1.0), "Kashunik": ("armenia", 1.0),
    }


def test_an_acronym_the_text_defines_takes_the_party_of_its_name(shipped):
    from conftest import source_sides

    text = ("Israel blamed the Popular Resistance Committees (PRC), an armed faction that often operates "
            "independently of Hamas. The PRC denied it was involved. \"They will pay a heavy price,\" PRC "
            "spokesman Abu Mujahed said.")
    assert source_sides(shipped, text, "israel_gaza") == [
        ("Israel", "israel"), ("The PRC", "palestine"), ("PRC spokesman Abu Mujahed", "palestine")]
    # an acronym defined for a name of no party is not remembered
    text = ("The Committee to Protect Journalists (CPJ) said two reporters were detained. The CPJ said they "
            "were released on Monday.")
    assert [side for _, side in source_sides(shipped, text, "russia_ukraine")] == [None, None]


def test_a_pronoun_in_a_relative_clause_labels_for_the_sentence_subject(shipped):
    from conftest import source_sides

    # "it" is Ukraine, whose claim the relative clause gives, not the Russian ministry cited before
    text = ("Russia's Defence Ministry said the paratroopers crossed the border by accident. Ukraine has released "
            "video interviews with some of the 10 soldiers it says were detained inside its territory.")
    assert source_sides(shipped, text, "russia_ukraine") == [("Russia's Defence Ministry", "russia"), ("it", "ukraine")]


@pytest.mark.parametrize(("date", "text", "party"), [
    ("2019-10-18", "Speaking at a rally in Dallas on Thursday, the US president said he allowed the clash.", "right"),
    ("2015-06-01", "The American president said the deal was a good one.", "left"),
    ("2019-10-18", "The former US president said he allowed the clash.", None),
])
def test_the_us_president_is_the_party_in_office(shipped, date, text, party):
    from conftest import source_sides

    assert source_sides(shipped, text, "us_politics", date=date)[0][1] == party


def test_the_panel_is_the_commission_cited_before(shipped):
    from conftest import source_sides

    text = ("A UN commission of inquiry said both sides may have committed war crimes. The panel said the "
            "firing of rockets was indiscriminate.")
    assert source_sides(shipped, text, "israel_gaza") == [("A UN commission of inquiry", "un"), ("The panel", "un")]


def test_a_source_span_loses_the_relative_pronoun_before_it(shipped):
    from conftest import source_sides

    text = "Giuliani made three appearances, spots that Biden’s campaign said were riddled with baseless suggestions."
    assert source_sides(shipped, text, "us_politics", date="2019-09-29") == [("Biden’s campaign", "left")]
