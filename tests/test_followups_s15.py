"""Follow-ups that find the right person or body: possessive names, parts of a body named with
"of", pronouns in "what it says", a frame's own surnames, and a pronoun's gender.

Real-style news sentences (the patterns come from errors on gold round 16), with the expected
spans and sides written down, through the rules-only analyzer and the shipped model.
"""

import pytest
from conftest import source_sides as _pairs

from stancekit.frames import load_frame
from stancekit.people import actor_surnames, surnames

#: source phrases and the party each frame gives them (frame, phrase, party)
PARTY_OF = [
    # the executive departments are bodies; their secretaries are offices (the party in office, by date)
    ("us_politics", "The Treasury Department", "agencies"),
    ("us_politics", "Department of State spokeswoman Sarah Revell", "agencies"),
    ("us_politics", "a State Department official", "agencies"),
    ("us_politics", "Treasury Secretary Steve Mnuchin", "right"),
    ("us_politics", "the Treasury secretary", None),
    # distinctive surnames alone (not a word, another person's name, a Fed chair, a Fox News judge)
    ("us_politics", "Giuliani", "right"), ("us_politics", "Boehner", "right"), ("us_politics", "Slavitt", "left"),
    ("us_politics", "Blinken", "left"), ("us_politics", "Walker", None), ("us_politics", "Holder", None),
    ("us_politics", "Fed Chair Yellen", None), ("us_politics", "Napolitano", None),
    ("us_politics", "Norquist", "right"), ("us_politics", "Hochstein", "left"), ("us_politics", "Mr. Chambliss", "right"),
    # officials and spokespeople of each side; a common surname alone is nobody's
    ("russia_ukraine", "lieutenant-colonel Andrey Marochko", "russia"),
    ("russia_ukraine", "Zelensky's spokesman Sergiy Nikiforov", "ukraine"),
    ("israel_gaza", "Head of the Government Media Office in Gaza Salama Maroof", "palestine"),
    ("israel_gaza", "IDF spokesman Effie Defrin", "israel"),
    ("karabakh", "Defense Minister Zakir Hasanov", "azerbaijan"),
    ("karabakh", "28-year-old Ruzanna Tadevosyan", None),
    ("karabakh", "Iranian Foreign Ministry spokesman Saeed Khatibzadeh", "iran"),
    ("karabakh", "Khatibzadeh", "iran"),
    ("israel_gaza", "WFP spokesperson Abeer Etefa", "un"),
    # spellings: a Turkish capital i; one side's names for the other's forces or authorities
    ("karabakh", "Azerbaİjanİ Foreİgn Mİnİstry", "azerbaijan"),
    ("russia_ukraine", "Occupants", "russia"),
    ("russia_ukraine", "the invaders", "russia"),
    ("russia_ukraine", "the building's occupants", None),
    ("russia_ukraine", "the AFU General Staff", "ukraine"),
    ("karabakh", "the spokesman of the illegal regime in Karabakh", "armenia"),
    ("karabakh", "the puppet regime", "armenia"),
    ("karabakh", "the Azerbaijani regime", "azerbaijan"),
    # an outlet's or a national's reporter keeps the party (a beat is only an office's); a private
    # outlet's reporter has none, as the outlet has none
    ("israel_gaza", "Haaretz correspondent Amos Harel", None),
    ("israel_gaza", "Army Radio correspondent Doron Kadosh", "israel"),
    ("israel_gaza", "a Palestinian reporter", "palestine"),
    ("karabakh", "an APA correspondent", "azerbaijan"),
    ("russia_ukraine", "Ukrainian reporters", "ukraine"),
]


@pytest.mark.parametrize("frame, phrase, party", PARTY_OF)
def test_the_party_of_a_source_phrase(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_a_possessive_name_gives_its_surname():
    assert surnames("Dmitry Peskov said Ukrainian President Vladimir Zelensky’s allegation was a lie.") == {"Peskov", "Zelensky"}
    assert surnames("Vladimir Zelensky's remarks") == {"Zelensky"}


def test_he_after_a_possessive_full_name_is_that_person(analyzer):
    text = ("Kremlin spokesman Dmitry Peskov said Ukrainian President Vladimir Zelensky’s allegation that Russia "
            "planned an attack at the plant was a lie. \"That's another lie,\" he said.\n\n"
            "A few hours later, Zelensky warned foreign leaders that Russia was preparing an attack.\n\n"
            "He said he had received the information from the Ukrainian Security Service.")
    got = _pairs(analyzer, text, "russia_ukraine")
    assert ("Zelensky", "ukraine") in got and ("He", "ukraine") in got, got
    assert ("He", "russia") not in got, got


def test_the_press_service_of_the_ministry_refers_back_to_the_nearest_ministry(analyzer):
    # a Yerevan dateline makes Armenia the document's home, but the ministry named just before is Azerbaijan's
    text = ("Yerevan, May 11 (dpa) - Armenia's Defence Ministry said Azerbaijani forces opened fire on its troops.\n\n"
            "The Defense Ministry of Azerbaijan meanwhile said the Armenian armed forces committed a provocation, "
            "the Trend News Agency reported citing the press service of the ministry.\n\n"
            "\"A serviceman of the Azerbaijani army was seriously wounded,\" it said.")
    got = _pairs(analyzer, text, "karabakh")
    assert ("the press service of the ministry", "azerbaijan") in got, got
    assert got[-1] == ("it", "azerbaijan"), got


@pytest.mark.parametrize("text, source", [
    ('"Two soldiers were wounded," it said.', "it"),
    ("It said two soldiers were wounded.", "It"),
    ("In a statement, it said two soldiers were wounded.", "it"),
])
def test_it_before_a_cue_is_a_source_for_the_rules(nlp, text, source):
    assert [s for s, _ in _pairs(nlp, text, "karabakh")] == [source]


def test_it_in_what_it_says_is_the_clauses_subject(analyzer):
    text = ("The agency said five more people were killed on Thursday, according to Gaza's civil defence agency.\n\n"
            "Israel has carried out repeated strikes against what it says are Hamas targets during the ceasefire.")
    got = _pairs(analyzer, text, "israel_gaza")
    assert ("it", "israel") in got, got


def test_it_in_what_it_called_with_two_parties_before_takes_none_from_the_subject_rule(nlp):
    text = "Israel accused Hamas of breaking the truce in what it called a grave violation."
    got = _pairs(nlp, text, "israel_gaza")
    assert ("it", "palestine") not in got, got


def test_a_gaza_hospital_speaks_for_gazas_side():
    frame = load_frame("israel_gaza")
    assert frame.party_of("A Gaza hospital") == "palestine"
    assert frame.party_of("Gaza's hospitals") == "palestine"


def test_a_frames_listed_surname_is_a_person():
    names = actor_surnames(load_frame("us_politics"))
    assert {"Romney", "Obama", "Cruz"} <= names
    # a roster's full names alone give none, nor do a listed body's words
    assert not {"Hill", "Israel", "Democrats"} & names
    assert "InfoCenter" not in actor_surnames(load_frame("karabakh"))


def test_he_refers_to_a_surname_the_text_never_gives_in_full(analyzer):
    text = ("Obama said in Ohio that the jobs report was a step in the right direction.\n\n"
            "Romney, speaking in New Hampshire, said the president's policies had failed.\n\n"
            "He said the economy was not getting better.")
    got = _pairs(analyzer, text, "us_politics", "2012-07-06")
    assert got[-1] == ("He", "right"), got


def test_she_does_not_refer_to_a_man_a_he_referred_to(analyzer):
    text = ("Former aide Omarosa Manigault Newman said she was fired unfairly.\n\n"
            "Trump said on Twitter that she was a lowlife. He added that she was never liked.\n\n"
            "She said the president had used a racial slur.")
    got = _pairs(analyzer, text, "us_politics", "2018-08-16")
    assert got[-1] == ("She", None), got


@pytest.mark.parametrize("phrase", ["CBS News White House correspondent Weijia Jiang",
                                    "Chief White House Correspondent Major Garrett",
                                    "Justice Correspondent Pierre Thomas"])
def test_a_journalists_beat_is_not_the_body_they_cover(phrase):
    frame = load_frame("us_politics")
    assert frame.party_of(phrase) is None
    assert not frame.government.names_office(phrase)


def test_a_news_agencys_own_correspondent_speaks_for_it():
    assert load_frame("russia_ukraine").party_of("a TASS correspondent") == "russia"


def test_a_correspondent_is_no_holder_of_the_office(analyzer):
    text = ("President Trump said on Monday that the talks were going well.\n\n"
            "Chief White House Correspondent Major Garrett said the president was frustrated.\n\n"
            "Garrett added that aides expected a deal.")
    got = _pairs(analyzer, text, "us_politics", "2019-05-06")
    assert ("Chief White House Correspondent Major Garrett", None) in got and ("Garrett", None) in got, got


def test_a_department_secretary_without_a_name_is_the_administrations(nlp):
    got = _pairs(nlp, "The Treasury secretary said the sanctions would stay in place.", "us_politics", "2019-03-01")
    assert got == [("The Treasury secretary", "right")], got
    got = _pairs(nlp, "The Energy Department said the plant would reopen.", "us_politics", "2014-03-01")
    assert got == [("The Energy Department", "agencies")], got


def test_he_far_from_anyone_refers_to_the_one_person_cited(analyzer):
    text = ("President Donald Trump said on Monday that the travel ban was needed.\n\n"
            "The courts have blocked the ban twice. The rationale was a pause while vetting was reviewed. "
            "If the vetting is already in place, the ban has no purpose. The rationale evaporates. "
            "Lawyers for the states will return to court next week.\n\n"
            "He also said that the administration was already doing extreme vetting.")
    got = _pairs(analyzer, text, "us_politics", "2017-06-08")
    assert got[-1] == ("He", "right"), got


def test_he_far_from_two_people_cited_stays_without_a_party(nlp):
    text = ("President Donald Trump said on Monday that the travel ban was needed. Senator Chuck Schumer said "
            "it was cruel.\n\nThe courts have blocked the ban twice. The rationale was a pause while vetting was "
            "reviewed. If the vetting is already in place, the ban has no purpose. The rationale evaporates. "
            "Lawyers for the states will return to court next week.\n\n"
            "He also said that the administration was already doing extreme vetting.")
    got = _pairs(nlp, text, "us_politics", "2017-06-08")
    assert got[-1] == ("He", None), got


def test_report_alone_is_the_azerbaijani_agency():
    frame = load_frame("karabakh")
    assert frame.party_of("Report") == "azerbaijan" and frame.party_of("the report") is None


@pytest.mark.parametrize("text", ["Lawyers for the states will return to court next week.",
                                  "The reported death toll rose to twelve."])
def test_a_cue_word_after_a_determiner_is_no_verb(nlp, text):
    assert _pairs(nlp, text, "us_politics") == []


def test_a_surname_alone_in_an_excerpt_and_the_pronoun_after_it(analyzer):
    text = ("Because of that, so far, Giuliani has avoided the fate of others.\n\n"
            "Giuliani told CNN that the president was happy with his work. He said the investigation was a hoax.")
    got = _pairs(analyzer, text, "us_politics", "2019-05-10")
    assert got[-2:] == [("Giuliani", "right"), ("He", "right")], got


def test_citing_the_ministry_cites_the_ministry_its_sentence_opens_with(analyzer):
    text = ("Azerbaijan's Ministry of Foreign Affairs has commented on Armenia's Ministry of Foreign Affairs "
            "statement dated December 4, 2023, News.az reports citing the Ministry.")
    got = _pairs(analyzer, text, "karabakh")
    assert got[-1] == ("the Ministry", "azerbaijan"), got


def test_the_ministry_does_not_refer_to_a_ministry_named_only_in_a_statements_words(shipped):
    # (the rules alone do not read "the statement elaborated" as a credit, so they cite the ministry)
    text = ("The Azerbaijani Foreign Ministry said the road was open.\n\n"
            "The claims of the Armenian Foreign Ministry that Azerbaijan blocked the road are mere hypocrisy, the "
            "statement elaborated.\n\n"
            "In response to claims that protesters closed the road, the ministry said it is the peacekeepers who "
            "closed it.")
    got = _pairs(shipped, text, "karabakh")
    assert got[-1] == ("the ministry", "azerbaijan"), got


def test_the_brigades_refers_back_to_the_brigades_not_to_an_army(analyzer):
    text = ("The Israeli occupation forces also reported that a reserve soldier was severely injured.\n\n"
            "Earlier today, the al-Qassam Brigades, the military wing of Hamas, reaffirmed their commitment to "
            "the ceasefire.\n\n"
            "The Brigades said that it has no knowledge of any clashes in the Rafah area.")
    got = _pairs(analyzer, text, "israel_gaza", "2025-10-19")
    assert got[-1] == ("The Brigades", "palestine"), got


# ---- review 15: the new rules must not give a party where the text gives none ----

@pytest.mark.parametrize("text, frame", [
    ("Amnesty International accused Russia of what it described as war crimes in Bucha.", "russia_ukraine"),
    ("Human Rights Watch accused Hamas of what it called war crimes on October 7.", "israel_gaza"),
    ("The newspaper accused Netanyahu of what it called a cover-up.", "israel_gaza"),
])
def test_it_in_what_it_called_is_not_the_accused(nlp, text, frame):
    got = _pairs(nlp, text, frame)
    assert got[-1] == ("it", None), got


def test_it_after_a_fronted_adverbial_is_the_subject(nlp):
    got = _pairs(nlp, "On Friday, Russia launched what it called a special military operation.", "russia_ukraine")
    assert got == [("it", "russia")], got


@pytest.mark.parametrize("text, frame", [
    ("Israeli military spokesman Daniel Hagari said the strike targeted a Hamas commander.\n\nAt Nasser Hospital, a "
     "doctor described the scene. The wards were full. Generators were failing. Fuel had run out days earlier. "
     "Families slept in corridors.\n\nHe said most of the wounded were children.", "israel_gaza"),
    ("Kremlin spokesman Dmitry Peskov said the talks had stalled.\n\nIn Kramatorsk, Oleksandr, a 34-year-old soldier "
     "who gave only his first name, said his unit had lost half its men. The town was quiet. Shops were closed. Few "
     "cars passed. The rain kept falling.\n\nHe said the soldiers were exhausted.", "russia_ukraine"),
])
def test_no_sole_person_when_someone_else_speaks_after_the_named_one(analyzer, text, frame):
    got = _pairs(analyzer, text, frame)
    assert got[-1] == ("He", None), got


@pytest.mark.parametrize("text", [
    "The Azerbaijani Foreign Ministry said the talks had stalled. A longtime critic of the ministry said the talks were a sham.",
    "The Azerbaijani Foreign Ministry said the talks had stalled. A former spokesman of the ministry said they were a sham.",
])
def test_only_a_part_of_a_body_named_with_of_refers_back_to_it(nlp, text):
    got = _pairs(nlp, text, "karabakh")
    assert got[-1][1] is None, got


@pytest.mark.parametrize("text", ["The press service of the of said.", "The head of the of said the talks failed."])
def test_a_trailing_of_does_not_break_the_document(analyzer, text):
    analyzer(text, frame="karabakh")


def test_two_people_of_one_surname_keep_two_genders(nlp):
    text = ("Rep. Andy Harris, a Maryland Republican, said the bill went too far. He said it would raise costs.\n\n"
            "Vice President Kamala Harris said the bill would lower prices.\n\n"
            "Speaking in Atlanta, she said Republicans wanted to block it.")
    got = _pairs(nlp, text, "us_politics", "2022-08-01")
    assert got[-1] == ("she", "left"), got


def test_a_pronoun_resolved_past_another_person_teaches_no_gender(shipped):
    text = ("Kellyanne Conway said on Sunday that the president had done nothing wrong. He called the inquiry a "
            "witch hunt, she added.\n\nHouse Speaker Nancy Pelosi said the inquiry would continue.\n\n"
            "Conway said the Democrats were desperate. She said they had no evidence.")
    got = _pairs(shipped, text, "us_politics", "2019-10-01")
    assert got[-1] == ("She", "right"), got


@pytest.mark.parametrize("text", ["Britain's Health Secretary Matt Hancock said the lockdown would be extended.",
                                  "The U.K. labor secretary said wages were rising."])
def test_a_foreign_cabinet_title_is_no_us_office(nlp, text):
    assert _pairs(nlp, text, "us_politics", "2020-04-01")[0][1] is None


@pytest.mark.parametrize("text, source", [("A lawyer representing her said the charges were baseless.", "A lawyer representing her"),
                                          ("People close to her said she would run for the Senate.", "People close to her")])
def test_her_as_an_object_before_a_cue_keeps_the_source(nlp, text, source):
    assert [s for s, _ in _pairs(nlp, text, "us_politics")] == [source]


def test_citing_the_ministry_a_claim_names_without_citing_it(shipped):
    text = ("Ukraine's General Staff said Russian troops had been pushed back. Russia's Defence Ministry reported heavy "
            "Ukrainian losses, Interfax said, citing the ministry.")
    got = _pairs(shipped, text, "russia_ukraine")
    assert got[-1] == ("the ministry", "russia"), got


@pytest.mark.parametrize("text, frame, source, cue", [
    ("Aliyev said Pashinyan’s statement from several months back that Karabakh is Armenia dealt a blow to talks.",
     "karabakh", "Pashinyan", "statement"),
    ("He took advantage of Trump’s announcement earlier in the day that he would skip the event.", "us_politics",
     "Trump", "announcement"),
    ("Russia’s call for talks was rejected.", "russia_ukraine", "Russia", "call"),
])
def test_a_frame_actors_possessive_statement_names_its_source(nlp, text, frame, source, cue):
    doc = nlp(text, frame=frame)
    got = [(s.span.text, s.cue.text) for x in doc.sentences for s in x.attribution.sources]
    assert (source, cue) in got, got


def test_a_department_store_is_no_government_department():
    from stancekit.rules.source_phrase import source_type
    assert source_type("the department store") != "government"
    assert source_type("the State Department") == "government"


def test_opponents_of_a_remembered_person_are_not_their_side(shipped):
    text = ("President Donald Trump said the border was secure.\n\n"
            "Opponents of Trump's clampdown on immigration said the policy was cruel.")
    got = _pairs(shipped, text, "us_politics", "2018-06-20")
    assert got[-1] == ("Opponents of Trump's clampdown on immigration", None), got
