"""Public bodies named by the place they govern (a frame's ``territories``, stancekit.territories):
every way news names a breakaway region's ministry or a city's council, and what stays party-less.

Phrases and sentences written in the style of wire copy; the parties are the annotation guide's
(bench/data/README.md): the Karabakh Armenian de facto authorities are the armenia party.
"""

import re

import pytest
from conftest import source_sides as _pairs

from stancekit.errors import FrameError
from stancekit.frame_schema import frame_from_dict
from stancekit.frames import load_frame
from stancekit.territories import body_patterns

PARTY_OF = [
    # Nagorno-Karabakh's bodies, whichever way the place is named or described
    ("karabakh", "The Interior Ministry of the unrecognized Nagorno-Karabakh Republic", "armenia"),
    ("karabakh", "The Nagorno-Karabakh Republic's Interior Ministry", "armenia"),
    ("karabakh", "Karabakh's emergency services", "armenia"),
    ("karabakh", "the State Service for Emergency Situations of Nagorno-Karabakh", "armenia"),
    ("karabakh", "Nagorno-Karabakh Prosecutor General's Office", "armenia"),
    ("karabakh", "the breakaway region's presidential spokeswoman", "armenia"),
    ("karabakh", "the foreign ministry of the breakaway region", "armenia"),
    ("karabakh", "the self-proclaimed republic's health ministry", "armenia"),
    ("karabakh", "the defense army of Artsakh", "armenia"),
    ("karabakh", "the enclave's de facto authorities", "armenia"),
    ("karabakh", "Karabakh police", "armenia"),
    ("karabakh", "a state minister in Nagorno-Karabakh's de facto government", "armenia"),
    # the UN Security Council, not a country's
    ("karabakh", "The Security Council of Armenia", "armenia"),
    ("karabakh", "The Security Council of Nagorno-Karabakh", "armenia"),
    ("karabakh", "the Security Council of the United Nations", "un"),
    ("karabakh", "the UN Security Council", "un"),
    # Azerbaijan's local executive and towns, read the same way
    ("karabakh", "officials in Tartar", "azerbaijan"),
    # the places of the other frames
    ("russia_ukraine", "Lviv city council", "ukraine"),
    ("russia_ukraine", "the governor of the southern region of Mykolaiv", "ukraine"),
    ("russia_ukraine", "the Kursk regional administration", "russia"),
    ("israel_gaza", "the Interior Ministry of Gaza", "palestine"),
    ("israel_gaza", "Gaza's government media office", "palestine"),
    ("israel_gaza", "the mayor of Sderot", "israel"),
    # a place is no body; its residents and the troops in it are not its government's
    ("karabakh", "residents of Karabakh", None),
    ("karabakh", "a woman from the breakaway region", None),
    ("russia_ukraine", "troops in Kupiansk", None),
    # a body of another institution named by its city is not the city's
    ("russia_ukraine", "the Lviv School of Business president", None),
    ("russia_ukraine", "the Lviv Polytechnic's president", None),
    ("karabakh", "the Goris State University's head", None),
    # another party named between the place and the body is the body's ("Russian-installed")
    ("russia_ukraine", "Kupiansk's Russian-installed administration", "russia"),
    ("russia_ukraine", "Crimea's Ukrainian-appointed prosecutor", "ukraine"),
    ("karabakh", "Karabakh's new Azerbaijani authorities", "azerbaijan"),
    ("karabakh", "Nagorno-Karabakh's Russian peacekeeping contingent commander", "russia"),
    ("israel_gaza", "the Rafah crossing's Egyptian officials", "egypt"),
    # another institution that takes its name from the place
    ("israel_gaza", "the commander of the Gaza Division", None),
    ("israel_gaza", "the Gaza Humanitarian Foundation spokesman", None),
    ("israel_gaza", "the head of the Gaza bureau of Reuters", None),
    ("israel_gaza", "Gaza's Christian community leaders", None),
    ("karabakh", "the Karabakh Revival Fund head", None),
    ("russia_ukraine", "the president of the Lviv Polytechnic", None),
    ("russia_ukraine", "Metalist Kharkiv president", None),
    ("israel_gaza", "the head of Reuters in Gaza", None),
    # officials there from elsewhere, or of another kind of body
    ("israel_gaza", "aid agency officials in Gaza", None),
    ("israel_gaza", "Jordanian officials in Gaza", None),
    ("israel_gaza", "foreign officials in Gaza", None),
    ("israel_gaza", "remain in Gaza including 42 the military", None),  # a model span: no body after function words
    # an occupied town is not the occupied party's; an enclave of Azerbaijan is Azerbaijan's
    ("russia_ukraine", "officials in occupied Kupiansk", None),
    ("karabakh", "officials in the enclave of Nakhchivan", "azerbaijan"),
    # the wire's and the translators' wordings
    ("karabakh", "the Ministry of Defense of Nagorno-Karabakh", "armenia"),
    ("karabakh", "the ministry of foreign affairs of the unrecognized Nagorno-Karabakh Republic", "armenia"),
    ("karabakh", "authorities in Azerbaijan's breakaway region of Nagorno-Karabakh", "armenia"),
    ("karabakh", "the Interior Ministry of Nagorno–Karabakh", "armenia"),  # an en dash
    ("karabakh", "the Karabagh police", "armenia"),
    ("karabakh", "the Tartar district executive authorities", "azerbaijan"),
    # an earlier party in the phrase speaks for it ("Russian forces in Kharkiv" are Russia's)
    ("russia_ukraine", "Russian officials in Kharkiv", "russia"),
    ("karabakh", "UN officials in Nagorno-Karabakh", "un"),
]


@pytest.mark.parametrize(("frame", "phrase", "party"), PARTY_OF)
def test_party_of_a_places_body(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_the_patterns_need_a_body_next_to_the_place():
    owner_first, body_first = (re.compile(p, re.IGNORECASE) for p in body_patterns(("goris",)))
    assert owner_first.search("Goris city hall") and body_first.search("the mayor of the town of Goris")
    assert not owner_first.search("a resident of Goris") and not body_first.search("a resident of Goris")
    assert not body_first.search("the road to Goris")


def _frame(**armenia):
    return frame_from_dict({
        "name": "t", "description": "t",
        "sides": {"armenia": {"label": "A", "actors": ["Armenia"], **armenia},
                  "azerbaijan": {"label": "B", "actors": ["Azerbaijan"]}},
    })


def test_a_frame_declares_territories():
    frame = _frame(territories=["goris", "kapan"])
    assert frame.party_of("the Kapan municipality") == "armenia"
    assert frame.party_of("officials in Goris") == "armenia"
    assert _frame().party_of("the Kapan municipality") is None


def test_a_bad_territory_is_named():
    with pytest.raises(FrameError, match=r"sides\.armenia\.territories\[1\].*regular expression"):
        _frame(territories=["goris", "kapan("])
    with pytest.raises(FrameError, match=r"sides\.armenia\.territories.*global flags"):
        _frame(territories=["goris", "(?i)kapan"])  # compiles alone, not inside the joined pattern


def test_a_place_in_the_object_names_no_body_of_the_subject(shipped):
    # "Gaza police" is what Israel struck, not who "it" is
    text = "Israel struck Gaza police stations overnight in what it said was a response to rocket fire."
    assert _pairs(shipped, text, "israel_gaza") == [("it", "israel")]


def test_sources_of_a_breakaway_region_in_running_text(shipped):
    text = ("The Interior Ministry of the self-proclaimed Nagorno-Karabakh Republic said two police officers were "
            "wounded. Azerbaijan's Defense Ministry said its positions came under fire. The breakaway region's "
            "emergency services said a house was damaged.")
    assert _pairs(shipped, text, "karabakh") == [
        ("The Interior Ministry of the self-proclaimed Nagorno-Karabakh Republic", "armenia"),
        ("Azerbaijan's Defense Ministry", "azerbaijan"),
        ("The breakaway region's emergency services", "armenia"),
    ]

