"""Sides that hold on unseen text (patterns from gold rounds 20-22): transliterated names, "the
country's" ministry, who issued "the statement", a spokesperson after a cited body, separatist
bodies, a place's appositive, a former lawyer's client, prosecutors and sheriffs, Crimea's
Russian-installed government.

Real-style news sentences with the expected spans and sides written down, through the rules-only
analyzer and the shipped model.
"""

import pytest
from conftest import source_sides as _pairs

from stancekit.frame_schema import frame_from_dict
from stancekit.frames import load_frame
from stancekit.mention_scope import speaks_for
from stancekit.rules.names import recall_name
from stancekit.rules.source_phrase import cut_aside, trim_source
from stancekit.spelling import spelling_variants

PARTY_OF = [
    # another transliteration of a listed name is the name ("Dargahli" is listed)
    ("karabakh", "Defense Ministry spokesman Vagif Dargahly", "azerbaijan"),
    ("karabakh", "Hikmet Hajiev", "azerbaijan"),
    ("karabakh", "Senor Hasratian", "armenia"),
    ("russia_ukraine", "Volodymyr Zelenskiy", "ukraine"),
    # separatist bodies by what they are
    ("karabakh", "the separatist Defence Ministry", "armenia"),
    ("karabakh", "The ethnic-Armenian controlled military", "armenia"),
    ("russia_ukraine", "the separatist administration", "russia"),
    ("russia_ukraine", "a separatist Defence Ministry spokesman", "russia"),
    # Crimea's Russian-installed government, not Ukraine's representation of it
    ("russia_ukraine", "Deputy Minister of Industrial Policy of the Crimean Republic, Irina Mezavtsova,", "russia"),
    ("russia_ukraine", "the head of the Republic of Crimea", "russia"),
    ("russia_ukraine", "the Autonomous Republic of Crimea", None),
    ("russia_ukraine", "the National Anti-Terrorism Committee (NAC)", "russia"),
    ("russia_ukraine", "the NAC", "russia"),
    # a former lawyer is no longer the client's; a current one, or a former aide, is
    ("us_politics", "Michael Cohen, former lawyer and fixer for President Donald Trump,", None),
    ("us_politics", "the president’s former personal attorney", None),
    ("us_politics", "a lawyer for Trump", "right"),
    ("us_politics", "John Lawrence, former chief of staff to Pelosi", "left"),
    ("us_politics", "former Trump adviser Steve Bannon", "right"),
    # prosecutors and sheriffs are law enforcement, named or not, with their filings
    ("us_politics", "prosecutors", "agencies"),
    ("us_politics", "Federal prosecutors", "agencies"),
    ("us_politics", "prosecutor Jonathan Kravis", "agencies"),
    ("us_politics", "the prosecutors’ court filing", "agencies"),
    ("us_politics", "Sheriff Ward", "agencies"),
    ("us_politics", "prosecutors in the case", None),
    # (round 23) a US administration by its president, in the other frames
    ("israel_gaza", "the Bush administration", "us"),
    ("karabakh", "the Obama administration", "us"),
    # a mediator in a conflict is not its side
    ("russia_ukraine", "The foreign ministers of France and Germany, whose countries act as mediators in Ukraine's "
                       "peace talks,", None),
    # an Azerbaijani town's officials in its older spellings; Azerbaijan's leaders of the 1990s
    ("karabakh", "Asif Kerimov, deputy mayor of Agdam,", "azerbaijan"),
    ("karabakh", "the mayor of Gyandzha", "azerbaijan"),
    ("karabakh", "Prime Minister Surat Huseynov", "azerbaijan"),
    ("karabakh", "former Foreign Minister Vardan Oskanian", "armenia"),
    # unnamed law enforcement with a number and a restrictive clause; the CDC's singular misspelling
    ("us_politics", "two law enforcement officials who attended the meeting", "agencies"),
    ("us_politics", "Center for Disease Control and Prevention’s health and safety guidelines", "agencies"),
    # (round 24) a hyphenated pair of two parties is both, so neither
    ("karabakh", "The Armenian-Azerbaijani ceasefire agreement", None),
    ("russia_ukraine", "the Russian-Ukrainian border guards", None),
    ("karabakh", "the Armenian-controlled military", "armenia"),
    # private, independent and opposition media speak for no state; state media do
    ("karabakh", "The private Azerbaijani television station Leader", None),
    ("russia_ukraine", "the opposition newspaper Novaya Gazeta", None),
    ("russia_ukraine", "Russian state media", "russia"),
    # names with diacritics match the roster's plain spelling
    ("russia_ukraine", "Foreign Minister Mevlüt Çavuşoğlu", "turkey"),
    # the UK's foreign ministry is no party's
    ("israel_gaza", "The Foreign Office", None),
    # (review) a former attorney general is no lawyer; diaspora compounds are one identity; an
    # independent regulator of a state is the state's
    ("us_politics", "Trump's former attorney general", "right"),
    ("karabakh", "the Armenian-American lobby group ANCA", "armenia"),
    ("karabakh", "The Azerbaijani government's independent media regulator", "azerbaijan"),
    ("us_politics", "Investigators who work for Senate Republicans", "right"),
    # Israeli officials of 2006
    ("israel_gaza", "Peretz", "israel"),
    ("israel_gaza", "OC Manpower Maj.-Gen. Elazar Stern", "israel"),
]


@pytest.mark.parametrize("frame,phrase,party", PARTY_OF)
def test_party_of_phrase(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_spelling_variants_by_ending():
    assert spelling_variants("Nikol Pashinyan") == ("Nikol Pashinian",)
    assert spelling_variants("Razvozhayev") == ("Razvozhaev",)
    assert spelling_variants("Mehriban Aliyeva") == ("Mehriban Alieva",)
    # demonyms, places, short words and acronyms are spelled one way
    assert spelling_variants("Armenian") == spelling_variants("Italy") == spelling_variants("Ian") == ()
    assert spelling_variants("NATO") == ()


def test_a_variant_that_is_another_actor_keeps_that_actor():
    frame = frame_from_dict({
        "name": "t", "description": "t", "axis": ["a", "b"],
        "sides": {"a": {"label": "A", "actors": ["Karen Petrosyan"]}, "b": {"label": "B", "actors": ["Karen Petrosian"]}},
    }, "<test>")
    assert frame.party_of("Karen Petrosyan") == "a"
    assert frame.party_of("Karen Petrosian") == "b"


def test_a_place_appositive_is_not_the_sources():
    t = "Armenian leaders in Nagorno-Karabakh, an enclave of Christian Armenians within Muslim Azerbaijan,"
    assert t[slice(*cut_aside(t, 0, len(t)))] == "Armenian leaders in Nagorno-Karabakh"
    # an appositive about the person stays
    for t in ("Jane Doe, a Republican city council member,", "John Smith, the mayor of the city,"):
        assert cut_aside(t, 0, len(t)) == (0, len(t))


def test_a_model_span_loses_a_trailing_relative_pronoun():
    t = "according to the ministry, which"
    assert t[slice(*trim_source(t, 13, len(t)))] == "the ministry"


def test_the_name_memory_reads_no_party_from_a_complement():
    memory = {"Donald Trump": ("government", "right"), "Trump": ("government", "right")}
    assert recall_name("Michael Cohen, former lawyer and fixer for President Donald Trump,", memory) is None
    assert recall_name("Lawyer Neal Katyal, who is representing Hawaii in its challenge to the Trump travel ban,",
                       memory) is None
    assert recall_name("Trump", memory) == ("government", "right")
    t = "an adviser to Donald Trump"
    assert speaks_for(t, t.index("Donald"), len(t))


def test_enclave_leaders_take_their_side(shipped):
    # (the rules alone find no cue here: the model does)
    got = _pairs(shipped, "Armenian leaders in Nagorno-Karabakh, an enclave of Christian Armenians in the Caucasus "
                           "Mountains within Muslim Azerbaijan, said that more than 200 of their people were killed.",
                 "karabakh")
    assert len(got) == 1 and got[0][0].startswith("Armenian leaders in Nagorno-Karabakh") and got[0][1] == "armenia"


def test_the_countrys_ministry_and_its_statement(shipped):
    # (the rules alone do not read "issued a statement ... in which it said": the model does)
    text = ("KIEV, July 13, /ITAR-TASS/. Ukraine has refused to admit that it shelled Russian territory. The "
            "country’s Foreign Ministry issued a statement on Sunday in which it said that Ukrainian soldiers did "
            "not deliver fire in the region mentioned by Russia.\n\n“Ukrainian servicemen have never shelled "
            "territories of a neighboring state,” the statement said.")
    got = dict(_pairs(shipped, text, "russia_ukraine"))
    assert got["The country’s Foreign Ministry"] == "ukraine"
    assert got["the statement"] == "ukraine"


def test_the_countrys_ministry_needs_a_country_before_it(analyzer):
    got = _pairs(analyzer, "The country’s Foreign Ministry said the talks would resume.", "russia_ukraine")
    assert got == [("The country’s Foreign Ministry", None)]


def test_a_spokeswoman_after_a_cited_body_speaks_for_it(analyzer):
    text = ("The Israeli military said dozens of rockets were fired into Israel. A spokeswoman said the rocket "
            "attacks had injured at least four people. Some of the rockets had been intercepted, she added.")
    assert _pairs(analyzer, text, "israel_gaza") == [("The Israeli military", "israel"), ("A spokeswoman", "israel"),
                                                     ("she", "israel")]


def test_a_spokesman_after_a_cited_person_is_not_the_persons_body(analyzer):
    # the nearest cited source is a person of no party: the spokesman takes none
    text = "Witnesses said the convoy was hit twice. A spokesman said the road was closed."
    assert _pairs(analyzer, text, "israel_gaza")[-1] == ("A spokesman", None)


def test_ministry_which_keeps_its_antecedent(shipped):
    text = ("The ministry of health in Ramallah announced Thursday that four Palestinians were killed.\n\n"
            "One of the dead was 80-year-old Halima Abu Leil, according to the ministry, which said she was fatally "
            "shot in the chest and leg.\n\nThe ministry also announced the death of a 25-year-old man in the same raid.")
    assert _pairs(shipped, text, "israel_gaza") == [("The ministry of health in Ramallah", "palestine"),
                                                    ("the ministry", "palestine"), ("The ministry", "palestine")]


def test_a_former_lawyer_and_his_surname_take_no_party(analyzer):
    text = ("Michael Cohen, former lawyer and fixer for President Donald Trump, says he does not share Trump's "
            "animosity toward special prosecutor Robert Mueller.\n\n\"My silence is broken!\" Cohen said in the tweet.")
    got = _pairs(analyzer, text, "us_politics", "2018-07-02")
    assert [side for _, side in got] == [None] * len(got) and got[-1][0] == "Cohen"


@pytest.mark.parametrize("text,span,expected", [
    # PolNeAR's convention: the comma that closes an appositive is part of the source; a comma that
    # closes nothing is not
    ("Rep. Jim Jordan (R-Ohio), an oversight panel member, said", "Rep. Jim Jordan (R-Ohio), an oversight panel member",
     "Rep. Jim Jordan (R-Ohio), an oversight panel member,"),
    ("House Speaker Paul Ryan, R-Wis., said", "House Speaker Paul Ryan, R-Wis.", "House Speaker Paul Ryan, R-Wis.,"),
    ("President Obama, he said, said", "President Obama,", "President Obama"),
    # a conjunction or "even" opening a model span is not the source's
    ("as a Homeland Security memo put it", "as a Homeland Security memo", "a Homeland Security memo"),
    ("Even China, Pyongyang's only ally, said", "Even China, Pyongyang's only ally", "China, Pyongyang's only ally,"),
])
def test_model_source_span_boundaries(text, span, expected):
    a = text.index(span)
    assert text[slice(*trim_source(text, a, a + len(span)))] == expected


def test_first_names_and_surnames_say_the_gender():
    from stancekit.genders import name_genders

    got = name_genders("Senator Bob Corker told Lesley Stahl that Maria Zakharova and Dmitry Peskov agreed. "
                       "Ms. Jordan Smith and Taylor Swift spoke.")
    assert got == {"Bob Corker": {"m"}, "Lesley Stahl": {"f"}, "Maria Zakharova": {"f"}, "Dmitry Peskov": {"m"}}


def test_he_skips_a_woman_named_by_her_first_name(analyzer):
    # the interviewer is cited between the speaker and "he": her first name says she is not "he"
    text = ("President Donald Trump defended his policies in an interview with CBS' Lesley Stahl. "
            "\"I think I'm very tough with him personally,\" Trump told Stahl. \"I had a meeting with him.\" "
            "Stahl said the meeting was short. \"It was a very tough meeting,\" he said.")
    assert _pairs(analyzer, text, "us_politics", "2018-10-15")[-1] == ("he", "right")


def test_his_ministry_is_the_persons(analyzer):
    text = ("Russian President Vladimir Putin said the referendum complied with international law, while his "
            "foreign ministry said it had agreed with the United States to seek a solution.")
    got = dict(_pairs(analyzer, text, "russia_ukraine"))
    assert got.get("his foreign ministry") == "russia", got


def test_he_is_not_a_group_of_officials(analyzer):
    # "He" is Biden, named nearby, not the two officials cited last
    text = ("Vice President Joe Biden told a group of law enforcement officials Thursday that he is planning more "
            "travel. Biden plans to lead the charge on his own, according to two law enforcement officials who "
            "attended the meeting. He told the officials that he is planning even more travel.")
    assert _pairs(analyzer, text, "us_politics", "2013-05-03")[-1] == ("He", "left")


def test_a_cut_relative_clause_leaves_the_follow_up(shipped):
    # (the model cuts the source inside its relative clause; the rules alone miss this source)
    text = ("GAZA (Reuters) - A ceasefire between Israel and Hamas will begin on Thursday, a Palestinian official "
            "said. The official, who is familiar with the truce negotiations, said on Tuesday the two sides agreed "
            "to a six-month deal.")
    got = _pairs(shipped, text, "israel_gaza")
    assert got == [("a Palestinian official", "palestine"), ("The official", "palestine")], got
    t = "The official, who is familiar with"
    assert t[slice(*trim_source(t, 0, len(t)))] == "The official"


def test_the_foreign_office_is_no_follow_up_of_a_ministry(analyzer):
    text = ("The Israeli Foreign Ministry said the strike targeted militants. The Foreign Office called for "
            "restraint from both sides.")
    assert _pairs(analyzer, text, "israel_gaza")[-1] == ("The Foreign Office", None)


def test_a_bare_arabic_surname_without_its_article():
    from stancekit.rules.names import remember_titles

    memory = remember_titles("Hamas official Khalil al-Hayya said the group accepted the proposal. In Deir el-Balah, "
                             "residents fled.", load_frame("israel_gaza"))
    assert recall_name("Hayya", memory)[1] == "palestine"
    # a place's "el-Balah" is no remembered name inside another phrase
    assert recall_name("Al Jazeera's Hind Khoudary in Deir el-Balah", memory) is None


@pytest.mark.parametrize("frame,text,expected", [
    # the author cited right after "in a statement", not the source before it
    ("karabakh", "Armenian officials said the village had been shelled, but in a statement Azerbaijan's Defence "
                 "Ministry said its troops had only returned fire. The statement said the Armenian side fired first.",
     "azerbaijan"),
    # "a report by" an author of no party
    ("israel_gaza", "Israel's military said on Monday it had reviewed a report by Human Rights Watch. The report said "
                    "Israeli strikes had hit an aid convoy.", None),
])
def test_the_statement_takes_its_authors_party(analyzer, frame, text, expected):
    assert _pairs(analyzer, text, frame)[-1][1] == expected


def test_a_spokesman_speaks_for_the_body_cited_right_before(analyzer):
    text = ("The Israeli military said it killed 10 militants in the strike. Hamas denied the claim. A spokesman "
            "said no fighters were hit.")
    assert _pairs(analyzer, text, "israel_gaza")[-1] == ("A spokesman", "palestine")


@pytest.mark.parametrize("frame,text", [
    # another party's country named after the subject: whose military is not clear
    ("russia_ukraine", "Russia launched dozens of missiles at Ukraine overnight. The country's military said it shot "
                       "down 30 of them."),
    # "his" is a person of no party: not the last ministry's
    ("russia_ukraine", "Russia's Foreign Ministry said the sanctions were illegal. Hungarian Prime Minister Viktor "
                       "Orban said Budapest would veto the package, while his foreign ministry said talks with "
                       "Brussels would continue."),
])
def test_an_unclear_owner_gives_no_party(analyzer, frame, text):
    assert _pairs(analyzer, text, frame)[-1][1] is None


def test_he_can_refer_to_a_witness(analyzer):
    text = ("Israeli Prime Minister Benjamin Netanyahu said the offensive would go on. A witness in Rafah said tanks "
            "had reached the city centre. \"Nobody can move,\" he said.")
    assert _pairs(analyzer, text, "israel_gaza")[-1] == ("he", None)


def test_as_many_as_keeps_its_as():
    t = "As many as 40 House Republicans"
    assert t[slice(*trim_source(t, 0, len(t)))] == t


def test_the_foreign_office_names_an_independent_body():
    from stancekit.antecedents import followup_kind
    from stancekit.results import Source, Span

    src = Source(Span(0, 18, "The Foreign Office"), "government", None, None, "neutral", None, "indirect", "rules")
    assert load_frame("israel_gaza").names_independent("The Foreign Office")
    assert followup_kind(src, load_frame("israel_gaza")) is None
