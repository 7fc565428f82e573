"""An army named without a nationality ("the army said", "a military spokesperson") in a frame
where one party alone has a state army (the frame's ``armed_forces``), and a spokesperson or a
statement that an army word qualifies, which speaks for no other body. Found with a grid of
military forms after a Gaza health ministry or residents, not from gold errors.
"""

import pytest

import stancekit
from stancekit import FrameError
from stancekit.frame_schema import frame_from_dict
from stancekit.frames import load_frame
from stancekit.home import is_military_generic

_NLP = stancekit.load(rules_only=True)


def _last(text: str, frame: str) -> tuple[str, str | None, str | None]:
    doc = _NLP(text, frame=frame)
    s = [s for x in doc.sentences for s in x.attribution.sources][-1]
    return s.span.text, s.side, s.side_basis


@pytest.mark.parametrize("opener", [
    "Gaza's Health Ministry said 12 people were killed overnight.",  # a cited body of the other side
    "Residents in Gaza City said the explosions were heard after midnight.",  # people of no party
    "RAMALLAH, West Bank (AP) — Palestinian officials said the road was closed.",  # a Palestinian home
])
@pytest.mark.parametrize("subject", [
    "The army", "The military", "A military spokesperson", "An army spokesman", "The army's spokesman",
    "A senior military official", "Military officials", "Military sources", "The air force", "An army statement",
])
def test_an_unqualified_army_in_israel_gaza_is_israels(opener, subject):
    text = f"{opener} {subject} said the strike had hit a weapons depot."
    assert _last(text, "israel_gaza") == (subject, "israel", "army")


@pytest.mark.parametrize(("text", "want"), [
    ("Senators questioned the budget on Tuesday. The military said the base would stay open.",
     ("The military", "agencies", "army")),
    ("The bill passed the House on Friday. Military officials told reporters the cuts were deep.",
     ("Military officials", "agencies", "army")),
])
def test_an_unqualified_military_in_us_politics_is_the_armed_services(text, want):
    assert _last(text, "us_politics") == want


@pytest.mark.parametrize(("frame", "text"), [
    # both parties have an army: "the army" is neither, without a home or an earlier army
    ("karabakh", "Residents of the border village said they heard gunfire. The army said the shooting had stopped."),
    ("russia_ukraine", "Residents said the shelling lasted for hours. The military said two drones were downed."),
])
def test_a_frame_of_two_armies_gives_no_army_a_party(frame, text):
    assert _last(text, frame)[1] is None


@pytest.mark.parametrize(("text", "want"), [
    # Palestinian security forces are named; "security forces" alone are no army
    ("Residents of Jenin said the raid lasted all night. Security forces said two men were arrested.",
     ("Security forces", None)),
    ("Residents said the strike hit a school. Military experts said the bomb was guided.", ("Military experts", None)),
])
def test_what_is_not_an_unqualified_army(text, want):
    assert _last(text, "israel_gaza")[:2] == want


def test_a_military_spokesperson_does_not_speak_for_a_health_ministry_in_a_frame_of_two_armies():
    # no armed_forces in karabakh: the spokesperson keeps no party rather than the ministry's
    text = ("Armenia's Health Ministry said 12 people were wounded. A military spokesperson said the "
            "positions had been shelled.")
    assert _last(text, "karabakh") == ("A military spokesperson", None, None)


def test_hamass_military_wing_is_not_an_unqualified_army():
    text = "The Qassam Brigades said they fired rockets at Ashkelon. The military wing said more would follow."
    assert _last(text, "israel_gaza")[1] is None


@pytest.mark.parametrize(("frame", "text", "side"), [
    # another nation's army named before: the unqualified army may be that one
    ("israel_gaza", "BEIRUT (AP) — Lebanon's army said it had deployed troops in the south. The army said two soldiers "
     "were wounded.", None),
    ("israel_gaza", "Jordan's army said it shot down drones over its territory. A military spokesman said the drones "
     "were Iranian.", None),
    ("israel_gaza", "Syria said Israeli jets struck near Damascus. Its military said air defenses intercepted most "
     "missiles.", None),
    ("israel_gaza", "Foreign military officials said the strike was precise.", None),
    ("us_politics", "Israel's military said it struck Hezbollah targets. The military said the strikes would continue.",
     None),
    # a military spokesperson speaks for the armed body cited before it, whichever frame
    ("karabakh", "Armenia's Defense Ministry said Azerbaijani forces fired on its positions. A military spokesperson "
     "said two soldiers were hurt.", "armenia"),
    ("russia_ukraine", "Ukraine's General Staff said 30 attacks were repelled. A military spokesman said the fighting "
     "was intense.", "ukraine"),
    ("israel_gaza", "The Qassam Brigades said they ambushed a tank. A military spokesman said three soldiers were "
     "killed.", "palestine"),
    ("israel_gaza", "Hezbollah said it attacked a base. A military statement said drones were used.", "hezbollah"),
    ("israel_gaza", "Iran's Revolutionary Guards said they launched missiles at Israel. A military spokesman said the "
     "strike was a warning.", "iran"),
])
def test_an_army_the_text_names_wins_over_the_frames(frame, text, side):
    assert _last(text, frame)[1] == side


@pytest.mark.parametrize(("frame", "text", "side"), [
    # a bystander state named before does not stop the rule
    ("israel_gaza", "Saudi officials said normalization talks were frozen. The army said troops had entered Khan "
     "Younis.", "israel"),
    # an outlet or a UN agency cited before has no military spokesperson
    ("israel_gaza", "UNRWA said 12 staff were killed. A military spokesman said the strike hit a weapons depot.",
     "israel"),
    ("russia_ukraine", "Russia's RIA Novosti reported heavy shelling. A military spokesman said the attack was repelled.",
     None),
])
def test_what_does_not_stop_or_take_the_army_rule(frame, text, side):
    assert _last(text, frame)[1] == side


@pytest.mark.parametrize(("phrase", "want"), [
    ("the army", True), ("The military's spokesman", True), ("a defense official", True),
    ("the Israeli army", False), ("the defense secretary", False), ("security forces", False),
    ("military analysts", False), ("the Defense Ministry", False),
])
def test_is_military_generic(phrase, want):
    assert is_military_generic(phrase) is want


def test_armed_forces_must_be_a_party_of_the_frame():
    data = {"name": "t", "description": "d", "armed_forces": "c",
            "sides": {"a": {"label": "A", "actors": ["Alpha"]}, "b": {"label": "B", "actors": ["Beta"]}}}
    with pytest.raises(FrameError, match="armed_forces' must be one of the frame's parties"):
        frame_from_dict(data, "<t>")
    data["armed_forces"] = "b"
    assert frame_from_dict(data, "<t>").armed_forces == "b"


@pytest.mark.parametrize(("phrase", "party"), [
    # party-aligned movements, caucuses and super PACs (a grid of US camp forms)
    ("Tea Party supporters", "right"),
    ("Ron Hughes, with the South Carolina Tea Party Coalition,", "right"),
    ("the Congressional Black Caucus", "left"),
    ("Senate Majority PAC", "left"),
    ("the Congressional Leadership Fund", "right"),
    ("pro-Trump super PAC America First Action", "right"),
    ("a pro-Biden super PAC", "left"),
    ("FreedomWorks", "right"),
    # the camps by what they do, as the guide's "conservatives" / "progressives"
    ("Several influential conservative economists", "right"),
    ("conservative radio host Rush Limbaugh", "right"),
    ("progressive donors", "left"),
    # outlets stay outlets
    ("conservative outlets", None),
    # not a camp: its critics, its scholars, its opponents
    ("critics of the Tea Party", None),
    ("Boston Tea Party reenactors", None),
    ("a tea party fundraiser", None),
    ("conservative Democratic voters", "left"),
    ("liberal arts scholars", None),
    ("an expert on the Tea Party movement", None),
    ("anti-Trump protesters", None),
])
def test_us_camps_by_name(phrase, party):
    assert load_frame("us_politics").party_of(phrase) == party


@pytest.mark.parametrize(("frame", "phrase", "party"), [
    ("karabakh", "The Nagorno-Karabakh Emergency and Rescue Service", "armenia"),
    ("karabakh", "the Karabakh fire and rescue service", "armenia"),
    ("russia_ukraine", "the Kharkiv Emergency and Rescue Service", "ukraine"),
])
def test_a_governed_places_rescue_service(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


@pytest.mark.parametrize(("text", "want"), [
    # the description in apposition to the surname is the person's: it lends its side to the full name
    ('Strategist Jim Manley said Senate Democrats should remain focused. "I see no need to go forward with that," '
     'said Mr. Manley, a former spokesman for Sen. Harry Reid of Nevada, who retired in January.',
     [("Strategist Jim Manley", "left"), ("Mr. Manley, a former spokesman for Sen. Harry Reid of Nevada, who retired "
                                         "in January", "left")]),
    ("Jim Manley said Senate Democrats should remain focused. Manley, a Democratic strategist, said there was no "
     "need to go forward.", [("Jim Manley", "left"), ("Manley, a Democratic strategist,", "left")]),
    # two Manleys: the surname is not one person
    ("Jim Manley said Senate Democrats should remain focused. Sara Manley said he was wrong. Manley, a Democratic "
     "strategist, said there was no need to go forward.",
     [("Jim Manley", None), ("Sara Manley", None), ("Manley, a Democratic strategist,", "left")]),
])
def test_a_surname_with_a_description_lends_its_side(text, want):
    doc = stancekit.load()(text, frame="us_politics")  # (the rules alone miss "said Mr. Manley, ...")
    assert [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources] == want


@pytest.mark.parametrize(("frame", "phrase", "party"), [
    # a nationality before civil society names no state's people or body (a grid of civil-society forms)
    ("karabakh", "Ahmad Shahidov, the head of Azerbaijan Institute for Democracy and Human Rights,", None),
    ("karabakh", "Elchin Shikhly, head of the Azerbaijani Journalists Union,", None),
    ("karabakh", "the Armenian Helsinki Committee", None),
    ("karabakh", "Azerbaijani political analyst Farhad Mammadov", None),
    ("karabakh", "Armenian refugees", None),
    ("russia_ukraine", "Ukrainian residents", None),
    ("russia_ukraine", "Russian military analyst Pavel Felgenhauer", None),
    ("russia_ukraine", "Russian rights group Memorial", None),
    ("israel_gaza", "the Israeli human rights group B'Tselem", None),
    ("israel_gaza", "the Palestinian Center for Human Rights", None),
    ("israel_gaza", "Israeli pollster Camil Fuchs", None),
    ("israel_gaza", "the Israel Democracy Institute", None),
    ("russia_ukraine", "Russian and Western analysts", None),
    # the state's own rights offices, lawyers, centres, media and people stay the state's
    ("karabakh", "the Karabakh Human Rights Defender", "armenia"),
    ("russia_ukraine", "Russian human rights commissioner Tatyana Moskalkova", "russia"),
    ("russia_ukraine", "the Ukrainian Center for Countering Disinformation", "ukraine"),
    ("russia_ukraine", "Ukrainian government lawyers", "ukraine"),
    ("russia_ukraine", "Russian state media", "russia"),
    ("russia_ukraine", "a Ukrainian soldier", "ukraine"),
    ("karabakh", "Azerbaijani media", "azerbaijan"),
    ("karabakh", "local Armenian leaders", "armenia"),
    ("russia_ukraine", "Ukrainian lawmakers and human rights activists", "ukraine"),
    ("israel_gaza", "Bank of Israel economists", "israel"),
    ("russia_ukraine", "Russian pro-Kremlin analysts", "russia"),
    ("russia_ukraine", "Ukrainian Institute of National Memory", "ukraine"),
    ("karabakh", "Azerbaijan's Center for Strategic Studies", "azerbaijan"),
    ("russia_ukraine", "Ministry of Health of Ukraine experts", "ukraine"),
    # private research, pollsters and universities stay private
    ("russia_ukraine", "the Kyiv International Institute of Sociology", None),
    ("israel_gaza", "the Palestinian Center for Policy and Survey Research", None),
    ("russia_ukraine", "Ukrainian women's rights activists", None),
    ("russia_ukraine", "University of Kyiv students", None),
])
def test_civil_society_is_no_states(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


@pytest.mark.parametrize(("text", "term", "side"), [
    ("Demining continues in the liberated Garabagh region, the agency reported.", "Garabagh", "azerbaijan"),
    ("Residents commemorated the victims of the Khojaly tragedy on Sunday.", "Khojaly tragedy", "azerbaijan"),
    ("The Russian peacekeepers temporarily stationed in the region patrolled the road.", "peacekeepers temporarily stationed",
     "azerbaijan"),
    ("The adversary opened fire on Armenian positions near Sotk on Tuesday.", "The adversary", "armenia"),
])
def test_karabakh_wording_of_each_side(text, term, side):
    doc = _NLP(text, frame="karabakh")
    got = [(t.span.text, t.side) for x in doc.sentences for t in x.framing.terms]
    assert (term, side) in got, got


def test_plain_karabakh_wire_wording_has_no_side():
    doc = _NLP("Armenian forces and Azerbaijani troops exchanged fire near Karabakh, Reuters reported.", frame="karabakh")
    assert [t.side for x in doc.sentences for t in x.framing.terms if t.side] == []


@pytest.mark.parametrize(("phrase", "office"), [
    ("Cheryl Oldham, executive vice president of the U.S. Chamber of Commerce Foundation", False),
    ("senior vice president for policy at the Heritage Foundation", False),
    ("chief of staff to Sen. Elizabeth Warren", False),
    ("press secretary for the campaign", False),
    # the national executive's
    ("Vice President Kamala Harris", True),
    ("Vice President of the United States Joe Biden", True),
    ("chief of staff to the president", True),
    ("White House press secretary Sean Spicer", True),
    ("Assistant Secretary of State for European Affairs", True),
    ("The vice president of the U.S.", True),
    ("vice president of the U.S. Chamber of Commerce", False),
    ("vice president for policy at the Business Roundtable", False),
    ("chief of staff to the speaker", False),
    ("chief of staff to a senator", False),
])
def test_an_office_of_another_body_is_not_the_national_executives(phrase, office):
    assert load_frame("us_politics").government.names_office(phrase) is office


@pytest.mark.parametrize(("frame", "phrase", "party"), [
    # people posted in a capital do not speak for it
    ("karabakh", "a Western diplomat in Baku", None),
    ("russia_ukraine", "a foreign journalist in Moscow", None),
    ("karabakh", "diplomats in Baku", None),
    # its own officials and government do, and a nationality before still decides
    ("russia_ukraine", "officials in Kyiv", "ukraine"),
    ("russia_ukraine", "the government in Kyiv", "ukraine"),
    ("russia_ukraine", "the U.S. ambassador in Kyiv", "us"),
    ("karabakh", "the Russian embassy in Baku", "russia"),
    ("russia_ukraine", "a European diplomat in Kyiv familiar with the talks", None),
    ("russia_ukraine", "foreign diplomats in Kyiv and Lviv", None),
    # a body there, not a place
    ("russia_ukraine", "volunteers in Ukraine's army", "ukraine"),
    ("israel_gaza", "workers in Hamas-run ministries", "palestine"),
])
def test_people_posted_in_a_capital(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


@pytest.mark.parametrize(("text", "want"), [
    ("The Pentagon said the base would close. The department said it would respond on Monday.",
     ("The department", "agencies")),
    ("The Heritage Foundation said the plan would fail. The think tank said it would respond on Monday.",
     ("The think tank", "right")),
])
def test_us_follow_ups_of_named_bodies(text, want):
    # ("the think tank" refers back to a foundation or institute, not to any organisation)
    doc = _NLP(text, frame="us_politics")
    assert [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources][-1] == want


def test_the_ministry_is_not_the_pentagon():
    text = ("Russia's Defense Ministry said 20 drones were downed. The Pentagon said it had no information. "
            "The ministry said the drones were Ukrainian.")
    doc = _NLP(text, frame="russia_ukraine")
    assert [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources][-1] == ("The ministry", "russia")


@pytest.mark.parametrize(("text", "want"), [
    # "the campaign" with no campaign named before it is the candidate's named nearby
    ("Former Vice President Joe Biden won the primary. Instead, the campaign has circulated talking points to "
     "top supporters, telling them to say the allegations were false.", ("the campaign", "left")),
    # two candidates of two parties: nobody's
    ("President Donald Trump and former Vice President Joe Biden met in Ohio. The campaign said the rally drew "
     "10,000 people.", ("The campaign", None)),
    # another campaign named before
    ("The American Cancer Society launched a campaign against smoking. House Speaker Nancy Pelosi praised it. The "
     "campaign said 10,000 people had signed up.", ("The campaign", None)),
])
def test_an_unnamed_campaign_is_the_candidates(text, want):
    doc = stancekit.load()(text, frame="us_politics")
    assert [(s.span.text, s.side) for x in doc.sentences for s in x.attribution.sources][-1] == want


@pytest.mark.parametrize(("frame", "text"), [
    ("israel_gaza", "Hamas said the talks had stalled. The think tank said it would respond on Monday."),
    ("us_politics", "The Trump campaign said the ad was false. The think tank said it would respond on Monday."),
])
def test_a_think_tank_is_no_group_or_campaign(frame, text):
    assert _last(text, frame)[1] is None


@pytest.mark.parametrize(("frame", "phrase", "party"), [
    # a veteran or an alum has left the body
    ("us_politics", "Another resident, Randy London — a U.S. Coast Guard veteran —", None),
    ("us_politics", "an Army veteran", None),
    ("us_politics", "Rosen — a Fox News alum", None),
    # a veteran politician or official of a side is still one
    ("us_politics", "a veteran Republican strategist", "right"),
    ("us_politics", "a Democratic veteran", "left"),
    ("russia_ukraine", "a Kremlin veteran", "russia"),
    ("israel_gaza", "a Hamas veteran commander", "palestine"),
    ("us_politics", "a Navy spokesman", "agencies"),
])
def test_a_veteran_has_left_the_body(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_maan_is_a_private_agency_wafa_the_authoritys():
    fr = load_frame("israel_gaza")
    assert (fr.party_of("the Ma’an News Agency"), fr.party_of("the official Palestinian news agency WAFA")) == (None, "palestine")
