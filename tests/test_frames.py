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
