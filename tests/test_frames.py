import pytest

import stancekit
from stancekit import FrameError
from stancekit.frames import available_frames, load_frame

GOOD = """
name = "t"
description = "test"
[sides.a]
label = "A"
actors = ["Alpha"]
[sides.b]
label = "B"
actors = ["Beta"]
[[terms]]
term = "freedom fighters"
side = "a"
neutral = "fighters"
"""


def write(tmp_path, text):
    p = tmp_path / "f.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_user_frame_from_path(tmp_path):
    p = write(tmp_path, GOOD)
    fr = load_frame(p)
    assert fr.sides == ("a", "b") and fr.axis == ("a", "b")
    doc = stancekit.load(rules_only=True)("Alpha officials said freedom fighters advanced.", frame=str(p))
    s = doc.sentences[0]
    assert s.attribution.sources[0].side == "a"
    assert [(t.span.text, t.side) for t in s.framing.terms] == [("freedom fighters", "a")]
    assert doc.summary["lean"] == -0.333333  # one hit: shrunk, never -1


@pytest.mark.parametrize(
    "edit, key, fix",
    [
        (lambda t: t.replace('side = "a"', 'side = "c"'), "terms[0].side", "use one of ['a', 'b']"),
        (lambda t: t.replace('neutral = "fighters"\n', ""), "terms[0].neutral", 'add neutral = "..."'),
        (lambda t: t.replace('actors = ["Beta"]\n', ""), "sides.b.actors", "add actors"),
        (lambda t: t.split("[sides.b]")[0], "sides", "at least two sides"),
        (lambda t: t.replace('name = "t"\n', ""), "name", 'add name = "..."'),
        (lambda t: t + '[[terms]]\nterm = "Freedom Fighters"\nside = "b"\nneutral = "x"\n', "terms[1].term", "repeats terms[0]"),
        (lambda t: t.replace('label = "A"', 'label = "A"\ncolour = "red"'), "sides.a.colour", "allowed: label"),
    ],
)
def test_bad_frames_name_file_key_and_fix(tmp_path, edit, key, fix):
    p = write(tmp_path, edit(GOOD))
    with pytest.raises(FrameError) as exc:
        load_frame(p)
    msg = str(exc.value)
    assert str(p.resolve()) in msg and f"'{key}'" in msg and fix in msg


def test_invalid_toml_and_missing_file(tmp_path):
    p = write(tmp_path, "name = ")
    with pytest.raises(FrameError, match="not valid UTF-8 TOML"):
        load_frame(p)
    with pytest.raises(FrameError, match="does not exist"):
        load_frame(tmp_path / "nope.toml")
    with pytest.raises(FrameError, match="unknown frame 'nope'.*karabakh"):
        load_frame("nope")
    with pytest.raises(FrameError):
        stancekit.load(rules_only=True)("text", frame="nope")


def test_builtin_frames_validate():
    assert "karabakh" in available_frames()
    for name in available_frames():
        assert load_frame(name).terms


def test_third_parties_and_patterns(tmp_path):
    text = GOOD + '[parties.un]\nlabel = "UN"\nactors = ["United Nations", "UN"]\npatterns = ["\\\\bblue helmets?\\\\b"]\n'
    fr = load_frame(write(tmp_path, text))
    assert fr.parties == ("a", "b", "un") and fr.third_parties == ("un",) and fr.axis == ("a", "b")
    assert fr.party_of("the blue helmets") == "un"
    assert fr.party_of("officials who spoke") is None  # "UN" is matched case-sensitively
    doc = stancekit.load(rules_only=True)("The United Nations said aid was blocked.", frame=fr)
    assert doc.summary["sources_by_side"] == {"a": 0, "b": 0, "un": 1, "none": 0}


@pytest.mark.parametrize("extra, key, fix", [
    ('[parties.a]\nlabel = "A2"\nactors = ["x"]\n', "parties.a", "name each party once"),
    ('[parties.un]\nlabel = "UN"\nactors = ["UN"]\npatterns = ["(unclosed"]\n', "parties.un.patterns[0]", "fix the pattern"),
    ('[[terms]]\nterm = "weak one"\nside = "a"\nneutral = "x"\nweight = -1\n', "terms[1].weight", "weight = 0.25"),
])
def test_bad_parties_and_weights(tmp_path, extra, key, fix):
    with pytest.raises(FrameError) as exc:
        load_frame(write(tmp_path, GOOD + extra))
    assert f"'{key}'" in str(exc.value) and fix in str(exc.value)


def test_validate_flags_terms_that_can_never_match(tmp_path, capsys):
    from stancekit.cli import main

    bad = GOOD + '[[terms]]\nterm = "***"\nside = "a"\nneutral = "x"\nvariants = ["—"]\n'
    assert main(["frames", "validate", str(write(tmp_path, bad))]) == 1
    out = capsys.readouterr().out
    assert "2 problem(s)" in out and "'***' has no letter or digit" in out and "'—' has no letter or digit" in out
    for name in available_frames():
        assert load_frame(name).problems() == []


def test_terms_with_signs_and_dotted_capitals_match(tmp_path, capsys):
    """Hashtags, handles, guillemets and "İstanbul" (whose lower case is one character longer)
    used to pass validation yet never match."""
    from stancekit.cli import main

    frame = write(tmp_path, GOOD + '[[terms]]\nterm = "#StopTheWar"\nside = "b"\nneutral = "x"\n'
                  'variants = ["@mfa_az", "«Artsakh»", "İstanbul process"]\n')
    assert main(["frames", "validate", str(frame)]) == 0
    text = ("Supporters of #StopTheWar cheered, @mfa_az replied, and the «Artsakh» leaders left. "
            "The ISTANBUL PROCESS stalled; the İstanbul process and the Istanbul process too.")
    assert [text[a:b] for a, b, _ in load_frame(frame).find_terms(text)] == [
        "#StopTheWar", "@mfa_az", "«Artsakh»", "ISTANBUL PROCESS", "İstanbul process", "Istanbul process"]
    doc = stancekit.load(rules_only=True)(text, frame=str(frame))
    found = [(t.span.text, t.side, t.kind) for s in doc.sentences for t in s.framing.terms]
    # the guillemets make "Artsakh" a scare quote, which the framing rules read as such
    assert found == [("#StopTheWar", "b", "contested"), ("@mfa_az", "b", "contested"), ("Artsakh", None, "scare_quote"),
                     ("ISTANBUL PROCESS", "b", "contested"), ("İstanbul process", "b", "contested"),
                     ("Istanbul process", "b", "contested")]
    assert not list(load_frame(frame).find_terms("Say StopTheWar or mfa_az."))  # the signs are part of the term


def test_forms_expand_alternatives_and_match_inflections():
    fr = load_frame("karabakh")
    text = "Illegal armed formations and an illegal armed group; illegal Armenian armed detachments."
    assert [text[a:b] for a, b, _ in fr.find_terms(text)] == [
        "Illegal armed formations", "illegal armed group", "illegal Armenian armed detachments"]


def test_a_roster_file_adds_actors_to_their_parties(tmp_path):
    (tmp_path / "people.tsv").write_text("# name<TAB>party\nGamma Delta\ta\n\nEpsilon Zeta\tb\n", encoding="utf-8")
    fr = load_frame(write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nroster = "people.tsv"\n')))
    assert fr.party_of("Senator Gamma Delta") == "a" and fr.party_of("Epsilon Zeta's office") == "b"
    assert fr.party_of("Alpha officials") == "a"  # the frame's own actors stay


@pytest.mark.parametrize("lines, problem", [
    ("Gamma Delta\tc\n", "line 1 of people.tsv"),  # not a party of the frame
    ("Gamma Delta\n", "line 1 of people.tsv"),  # no party
    (None, "does not exist"),
])
def test_bad_roster_files_name_the_line_and_the_fix(tmp_path, lines, problem):
    if lines is not None:
        (tmp_path / "people.tsv").write_text(lines, encoding="utf-8")
    p = write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nroster = "people.tsv"\n'))
    with pytest.raises(FrameError, match=problem) as exc:
        load_frame(p)
    assert "'roster'" in str(exc.value)


def test_us_politics_knows_members_of_congress_beyond_its_hand_made_roster():
    fr = load_frame("us_politics")
    # from the Congress roster file (none of them is in the frame's own actor lists)
    assert fr.party_of("Michigan Rep. Mike Rogers") == "right"
    assert fr.party_of("Rep. Jan Schakowsky") == "left" and fr.party_of("Representative Jim McDermott") == "left"
    assert fr.party_of("Montana Attorney General Austin Knudsen") is None  # a state official the rosters lack
    # mayors of large cities are in the hand-made roster
    assert fr.party_of("Minneapolis Mayor Jacob Frey") == "left" and fr.party_of("Miami Mayor Francis Suarez") == "right"


@pytest.mark.parametrize("frame, phrase, party", [
    # actors written with a hyphen match in the text as written (their lookup key has a space)
    ("us_politics", "Rep. Alexandria Ocasio-Cortez", "left"),
    ("us_politics", "Sen. Cindy Hyde-Smith", "right"),
    ("israel_gaza", "Egyptian President Abdel Fattah al-Sisi", "egypt"),
    ("israel_gaza", "A senior Al-Qassam official", "palestine"),
])
def test_hyphenated_actor_names_match(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_the_un_security_council_is_not_a_national_security_council():
    fr = load_frame("russia_ukraine")
    assert fr.party_of("the UN Security Council") == "un" and fr.party_of("the Security Council") == "un"
    assert fr.party_of("the National Security Council") is None
    assert fr.party_of("Ukraine's National Security and Defense Council") == "ukraine"
    # EU officials named by their office
    assert fr.party_of("European Commissioner for Enlargement Marta Kos") == "eu"


@pytest.mark.parametrize("lines, problem", [
    ("Gamma Delta\ta\nGamma Delta\tb\n", "line 2 of people.tsv gives 'Gamma Delta' the party 'b'"),  # two parties
    ("Alpha\tb\n", "frame's actors list it under 'a'"),  # against the frame's own actors
])
def test_a_roster_name_has_one_party(tmp_path, lines, problem):
    (tmp_path / "people.tsv").write_text(lines, encoding="utf-8")
    p = write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nroster = "people.tsv"\n'))
    with pytest.raises(FrameError, match=problem):
        load_frame(p)


def test_a_roster_with_a_bom_and_indented_comments_loads_and_edits_reload(tmp_path):
    roster = tmp_path / "people.tsv"
    roster.write_text("\ufeff  # people\nGamma Delta\ta\n", encoding="utf-8")
    p = write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nroster = "people.tsv"\n'))
    assert load_frame(p).party_of("Gamma Delta") == "a"
    import os
    import time

    roster.write_text("Gamma Delta\tb\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(roster, (later, later))  # the edit is newer than the cached frame
    assert load_frame(p).party_of("Gamma Delta") == "b"


@pytest.mark.parametrize("frame, phrase, party", [
    # an independent body opening the phrase keeps the place after it from giving a party
    ("russia_ukraine", "the OSCE mission in Ukraine", None),
    ("russia_ukraine", "Special Representative of the OSCE Chairperson-in-Office in Ukraine Mikko Kinnunen", None),
    ("russia_ukraine", "Human Rights Watch's Ukraine director", None),
    ("israel_gaza", "Human Rights Watch's Israel and Palestine director", None),
    ("russia_ukraine", "the ICRC delegation in Moscow", None),
    # ... but not when a party owns the phrase, nor where the frame lists the body as a party
    ("russia_ukraine", "Ukraine's envoy to the OSCE", "ukraine"),
    ("russia_ukraine", "the UN mission in Ukraine", "un"),
    ("karabakh", "the ICRC delegation in Baku", "icrc"),
    ("karabakh", "the OSCE Minsk Group", "osce"),
])
def test_independent_bodies_have_no_party(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_a_frame_declares_its_own_independent_bodies(tmp_path):
    fr = load_frame(write(tmp_path, GOOD.replace('description = "test"\n',
                                                 'description = "test"\nindependent = ["Gamma Monitors"]\n')))
    assert fr.independent == ("Gamma Monitors",)
    assert fr.party_of("the Gamma Monitors in Alpha") is None and fr.party_of("Alpha's envoy to Gamma Monitors") == "a"
    assert fr.party_mentions("the Gamma Monitors in Alpha") == [(22, 27, "a")]  # public mentions have a party
    with pytest.raises(FrameError, match="'.independent'"):
        load_frame(write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nindependent = "x"\n')))


@pytest.mark.parametrize("phrase, party", [
    # the named person the phrase ends in speaks for their own party, not for their department
    ("Department of Homeland Security Secretary Kirstjen Nielsen", "right"),
    ("FBI Director Christopher Wray", "agencies"),
    # an initial before a name makes it someone else than the roster's namesake
    ("L. Chris Stewart", None),
    ("L. Chris Stewart, an attorney for Brooks' family,", None),
    ("Rep. Chris Stewart", "right"),
    # unqualified law enforcement is an agency; a foreign one is nobody's
    ("Authorities in Georgia", "agencies"),
    ("Federal investigators", "agencies"),
    ("the Georgia Bureau of Investigation", "agencies"),
    ("Chinese authorities", None),
    ("authorities in China", None),
])
def test_us_politics_people_and_law_enforcement(phrase, party):
    assert load_frame("us_politics").party_of(phrase) == party


@pytest.mark.parametrize("frame, phrase, party", [
    # a middle initial is part of the roster person's name
    ("us_politics", "Senator Charles E. Grassley", "right"),
    ("us_politics", "Representative Jerrold L. Nadler", "left"),
    # the last name decides only when titles and names stand between: not across a verb or a clause
    ("russia_ukraine", "Ukrainian prosecutors investigating Vladimir Putin", "ukraine"),
    ("russia_ukraine", "Ukrainian officials who met Vladimir Putin", "ukraine"),
    ("us_politics", "Democratic lawmakers investigating Donald Trump", "left"),
    # after an independent body, a demonym or "of <country>" still names a party; a place does not
    ("russia_ukraine", "the OSCE’s Russian envoy", "russia"),
    ("russia_ukraine", "OSCE Permanent Representative of Russia Alexander Lukashevich", "russia"),
    # a shared independent entry that names a frame's party actor is that party's
    ("karabakh", "the OSCE Special Monitoring Mission", "osce"),
    ("karabakh", "the Organization for Security and Co-operation in Europe", "osce"),
])
def test_review_cases_of_party_of(frame, phrase, party):
    assert load_frame(frame).party_of(phrase) == party


def test_independent_bodies_and_top_level_keys_are_validated(tmp_path):
    with pytest.raises(FrameError, match="'independent'.*'Alpha'"):
        load_frame(write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nindependent = ["Alpha"]\n')))
    with pytest.raises(FrameError, match="'independnt' is not a known key"):
        load_frame(write(tmp_path, GOOD.replace('description = "test"\n', 'description = "test"\nindependnt = ["X"]\n')))


def test_a_learned_frame_keeps_the_base_frames_independent_bodies_and_offices():
    import pandas as pd

    from stancekit.frame_learning import learn_weights

    days = ["monday", "tuesday", "friday", "sunday"]
    df = pd.DataFrame({"outlet": [f"L{i}" for i in range(4)] + [f"R{i}" for i in range(4)],
                       "rating": ["left"] * 4 + ["right"] * 4,
                       "text": [f"undocumented immigrants rallied on {d}" for d in days]
                       + [f"illegal aliens crossed the border on {d}" for d in days]})
    fr = learn_weights(df, by="outlet", rating_col="rating", min_df=2, min_outlets=2, n_terms=40)
    assert "National Border Patrol Council" in fr.independent and fr.government is not None
