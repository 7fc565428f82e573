"""Parties read from how news names a body or a politician (Israel-Gaza bodies named without a
demonym, "Sen. Jane Doe, D-N.Y.,", "the Baku-based ..."), acronyms the text defines, pronouns in a
relative clause, "the panel", "the US president", and new Karabakh usage of each side. Sentences in
the style of wire copy, with the parties of the annotation guide (bench/data/README.md).
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
    # a place's own government, based there, stays its
    ("karabakh", "the Stepanakert-based authorities", "armenia"),
    ("russia_ukraine", "the Kyiv-based government", "ukraine"),
])
def test_a_place_a_body_is_based_in_gives_no_party(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_azerbaijani_names_of_armenian_towns_are_azerbaijani_usage():
    frame = load_frame("karabakh")
    text = "Armenian units fired from positions in the direction of the Gorus region at the Lachin district."
    assert [(text[a:b], t.side, t.weight) for a, b, t in frame.find_terms(text)] == [("Gorus", "azerbaijan", 1.0)]
    text = "The ministry said Armenian forces shelled villages from positions near Qafan."
    assert [(text[a:b], t.side) for a, b, t in frame.find_terms(text)] == [("Qafan", "azerbaijan")]
    # the town's own name is the plain wire term: weight 0, and beside the other name a dual naming
    text = "Shells landed near Goris, which Azerbaijan calls Gorus, on Monday."
    assert [(text[a:b], t.weight) for a, b, t in frame.find_terms(text)] == [("Goris", 0.0), ("Gorus", 1.0)]


def test_a_term_the_text_gives_as_a_sides_name_is_not_the_outlets_voice(analyzer):
    for text in ("Azerbaijan on Monday marked the anniversary of what it calls the Khojaly genocide.",
                 "The 2020 conflict, known in Azerbaijan as the Second Karabakh War, ended in November."):
        terms = [t for x in analyzer(text, frame="karabakh").sentences for t in x.framing.terms]
        assert [(t.side, t.inside_quote) for t in terms] == [("azerbaijan", True)]



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
    # a dateline's or a credit's agency is no acronym of the place or person before it
    text = "MOSCOW (AP) — The Kremlin said talks had stalled. According to an AP count, 40 drones were launched."
    assert source_sides(shipped, text, "russia_ukraine") == [("The Kremlin", "russia"), ("an AP count", None)]
    # a conjunct before the name is not the name ("Ukraine and the ...")
    text = ("Ukraine and the International Committee of the Red Cross (ICRC) disagreed on access. The ICRC said it "
            "had no access to prisoners.")
    assert ("The ICRC", "ukraine") not in source_sides(shipped, text, "russia_ukraine")


def test_a_pronoun_in_a_relative_clause_labels_for_the_sentence_subject(shipped):
    from conftest import source_sides

    # "it" is Ukraine, whose claim the relative clause gives, not the Russian ministry cited before
    text = ("Russia's Defence Ministry said the paratroopers crossed the border by accident. Ukraine has released "
            "video interviews with some of the 10 soldiers it says were detained inside its territory.")
    assert source_sides(shipped, text, "russia_ukraine") == [("Russia's Defence Ministry", "russia"), ("it", "ukraine")]
    # "they" there is often other people than the subject: no party from the subject
    text = ("UN experts have raised the alarm. Israel is holding hundreds of detainees they say are held without "
            "charge.")
    assert ("they", "israel") not in source_sides(shipped, text, "israel_gaza")


@pytest.mark.parametrize(("date", "text", "party"), [
    ("2019-10-18", "Speaking at a rally in Dallas on Thursday, the US president said he allowed the clash.", "right"),
    ("2015-06-01", "The American president said the deal was a good one.", "left"),
    ("2019-10-18", "The former US president said he allowed the clash.", None),
    ("2019-10-18", "The president of the United States said he allowed the clash.", "right"),
])
def test_the_us_president_is_the_party_in_office(shipped, date, text, party):
    from conftest import source_sides

    assert source_sides(shipped, text, "us_politics", date=date)[0][1] == party


def test_the_panel_is_the_commission_cited_before(shipped):
    from conftest import source_sides

    text = ("A UN commission of inquiry said both sides may have committed war crimes. The panel said the "
            "firing of rockets was indiscriminate.")
    assert source_sides(shipped, text, "israel_gaza") == [("A UN commission of inquiry", "un"), ("The panel", "un")]
    # an indefinite panel is a body not named before
    text = ("Russia's Investigative Committee charged the commander. An independent panel said the charges "
            "were baseless.")
    assert source_sides(shipped, text, "russia_ukraine")[-1][1] is None


def test_a_source_span_loses_the_relative_pronoun_before_it(shipped):
    from conftest import source_sides

    text = "Giuliani made three appearances, spots that Biden’s campaign said were riddled with baseless suggestions."
    assert source_sides(shipped, text, "us_politics", date="2019-09-29") == [("Biden’s campaign", "left")]


@pytest.mark.parametrize(("text", "found", "not_found"), [
    # a relative pronoun as the cue's subject: its antecedent is the source, whatever the model tagged
    ("Networks kept booking Rudy Giuliani, who said on Twitter that the former vice president was arrogant.",
     [("Rudy Giuliani", "right")], ["Networks"]),
    ("The campaign asked networks to stop booking Rudy Giuliani, who responded that the former vice president was "
     "arrogant.", [("The campaign", None), ("Rudy Giuliani", "right")], ["stop booking Rudy Giuliani"]),
    # a party tag (in brackets or AP style), then an appositive, stand between the name and the pronoun
    ("The decision comes despite protests from Senate Minority Leader Chuck Schumer (D., N.Y.), who said that "
     "Republicans may run but they cannot hide.", [("Senate Minority Leader Chuck Schumer", "left")], ["who"]),
    ("The motion was filed by Rep. Matt Gaetz, R-Fla., who said it was overdue.", [("Rep. Matt Gaetz", "right")],
     ["R-Fla.", "who"]),
    ("His ribbing earned him a rebuke from Rep. Raul Labrador, R-Idaho, a prominent conservative in the House, who "
     "said he was disappointed.", [("Rep. Raul Labrador", "right")], ["a prominent conservative in the House"]),
    # capitalised names are no verbs of the main clause
    ("Lawmakers appealed to the United Nations, which said it was alarmed.", [("the United Nations", None)],
     ["Nations"]),
    ("The bill drew criticism from Democrats, many of whom said it was a giveaway.", [("Democrats", "left")], []),
    # no antecedent, or a quotation: nothing from this form
    ("Police arrested a man, who told reporters he was innocent.", [], ["a man"]),
    ("“These are people who are dependent on government, who believe that they are entitled to health care,” "
     "Romney said.", [("Romney", "right")], ["government"]),
])
def test_the_antecedent_of_a_relative_subject_is_the_source(analyzer, text, found, not_found):
    from conftest import source_sides

    got = source_sides(analyzer, text, "us_politics", date="2019-09-29")
    assert all(pair in got for pair in found), got
    assert not [span for span, _ in got if span in not_found], got


def test_a_relative_subject_after_a_ruling_party_keeps_the_whole_name(analyzer):
    from conftest import source_sides

    text = "Protests targeted Armenia's ruling party, which said the border would be secure."
    assert source_sides(analyzer, text, "karabakh") == [("Armenia's ruling party", "armenia")]
