"""Validation of frame files: one place that turns parsed TOML into a :class:`~stancekit.frames.Frame`.

Every error names the file, the key and the fix (:class:`~stancekit.errors.FrameError`).

Schema::

    name = "karabakh"                      # required, str
    description = "..."                    # required, str
    version = "1"                          # optional
    references = ["..."]                   # optional, where the usage notes come from
    axis = ["armenia", "azerbaijan"]       # optional, two sides: lean -1 .. +1
    [sides.azerbaijan]                     # at least two sides: parties whose wording terms mark
    label = "Azerbaijani usage"            # required
    actors = ["Azerbaijan", "Baku", ...]   # required, non-empty: names, institutions, demonyms
    patterns = ["de facto (government|authorities)"]  # optional regexes (case-insensitive)
    territories = ["baku", "ganja"]        # optional regexes: places the party governs; their public
                                           # bodies are its ("Ganja city hall", "officials in
                                           # Baku"; stancekit.territories)
    scare_quoted = ["peacekeepers"]        # optional: scare-quoting these signals this side
    [parties.russia]                       # optional third parties: sources can belong to
    label = "Russia"                       # them; they have no wording of their own
    actors = ["Russia", "Russian", "Kremlin"]
    roster = "us_politics_congress.tsv"    # optional: more actors, one "name<TAB>party" per line
                                           # ("#" comments), path relative to the frame file
    independent = ["OSCE", "Human Rights Watch"]  # optional (top level): bodies of no party here;
                                           # with the shared list (lexicons/independent_bodies.txt)
                                           # they keep "the OSCE mission in Ukraine" party-less
    armed_forces = "israel"                # optional (top level): the party an unqualified "the
                                           # army said" means in this frame's coverage (stancekit.home)
    [[terms]]                              # contested terms
    term = "Khankendi"                     # required; {a|b} alternatives expand
    side = "azerbaijan"                    # required, one of the sides
    neutral = "Stepanakert (Khankendi)"    # required: what a neutral text would write
    counterpart = "Stepanakert"            # optional: the other side's word (dual naming)
    variants = ["Xankəndi", "illegal armed {group|detachment}"]  # optional spellings and forms
    weight = 0.25                          # optional evidence weight: 1 (default), below 1 weak
                                           # evidence, 0 the plain wire term (recorded, neutral)
    case_sensitive = false                 # optional
    note = "..."                           # optional
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancekit.errors import FrameError
from stancekit.territories import body_patterns

if TYPE_CHECKING:
    from stancekit.frames import Frame

__all__ = ["roster_file", "frame_from_dict", "expand_forms", "unmatchable_reason"]

_TOP_KEYS = ("name", "description", "version", "references", "axis", "sides", "parties", "roster", "independent",
             "armed_forces", "government", "terms")
_PARTY_KEYS = ("label", "actors", "patterns", "territories", "scare_quoted", "note")
_TERM_KEYS = {"term", "side", "neutral", "counterpart", "variants", "case_sensitive", "note", "weight"}
_BRACES = re.compile(r"\{([^{}]*)\}")


def _err(path: str, key: str, problem: str, fix: str) -> FrameError:
    return FrameError(f"frame file {path}: key '{key}' {problem}; {fix}")


def expand_forms(phrase: str) -> list[str]:
    """Expand ``{a|b}`` alternatives: ``"armed {group|unit}s"`` gives two forms.

    Example:
        >>> expand_forms("illegal armed {formation|detachment}")
        ['illegal armed formation', 'illegal armed detachment']
        >>> expand_forms("provok{e|ed|ing}")
        ['provoke', 'provoked', 'provoking']
    """
    m = _BRACES.search(phrase)
    if m is None:
        return [phrase]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out.extend(expand_forms(phrase[: m.start()] + alt + phrase[m.end():]))
    return [re.sub(r"\s+", " ", f).strip() for f in out if f.strip()]


def unmatchable_reason(form: str) -> str | None:
    """Why a term form can never match text, or ``None`` when it can.

    Matching works on words (:class:`stancekit.matching.PhraseIndex`): a form needs at least one
    letter or digit. Leading or trailing signs ("#StopTheWar", "«Artsakh»") and letters whose
    lower case changes length ("İstanbul") match.

    Example:
        >>> unmatchable_reason("#StopTheWar"), unmatchable_reason("İstanbul"), unmatchable_reason("***")
        (None, None, 'has no letter or digit')
    """
    if "{" in form or "}" in form:
        return "has an unbalanced { } alternative"
    if not any(c.isalnum() for c in form):
        return "has no letter or digit"
    return None


def _str_list(data: dict[str, Any], key: str, where: str, path: str, *, required: bool) -> tuple[str, ...]:
    if key not in data:
        if required:
            raise _err(path, f"{where}.{key}", "is missing", f"add {key} = [\"...\", ...]")
        return ()
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(path, f"{where}.{key}", f"must be a list of non-empty strings, got {value!r}",
                   f"write {key} = [\"...\", ...]")
    if required and not value:
        raise _err(path, f"{where}.{key}", "is empty", "list at least one entry")
    return tuple(value)


def _regexes(body: dict[str, Any], key: str, where: str, path: str) -> tuple[str, ...]:
    """A party's optional list of regular expressions, each checked to compile."""
    out = _str_list(body, key, where, path, required=False)
    for k, pat in enumerate(out):
        try:
            re.compile(pat)
        except re.error as exc:
            raise _err(path, f"{where}.{key}[{k}]", f"is not a valid regular expression ({exc})",
                       "fix the pattern (Python re syntax)") from None
    return out


def _parties(data: dict[str, Any], table: str, path: str, *, minimum: int) -> dict[str, dict[str, Any]]:
    raw = data.get(table, {})
    if not isinstance(raw, dict) or len(raw) < minimum:
        raise _err(path, table, f"must define at least {'two' if minimum == 2 else minimum} {table}",
                   f"add tables [{table}.<name>] with label and actors, e.g. [{table}.left]")
    out: dict[str, dict[str, Any]] = {}
    for party, body in raw.items():
        where = f"{table}.{party}"
        if not isinstance(body, dict):
            raise _err(path, where, "must be a table", f"write [{where}]")
        if not isinstance(body.get("label"), str):
            raise _err(path, f"{where}.label", "is missing", f'add label = "..." under [{where}]')
        unknown = set(body) - set(_PARTY_KEYS)
        if unknown:
            raise _err(path, f"{where}.{sorted(unknown)[0]}", "is not a known key", "allowed: " + ", ".join(_PARTY_KEYS))
        patterns = _regexes(body, "patterns", where, path)
        territories = _regexes(body, "territories", where, path)
        bodies = body_patterns(territories) if territories else ()
        try:
            for rx in bodies:
                re.compile(rx)
        except re.error as exc:  # a fragment that compiles alone but not inside the joined pattern ("(?i)x")
            raise _err(path, f"{where}.territories", f"do not join into one regular expression ({exc})",
                       "write each place as a plain fragment, without global flags such as (?i)") from None
        out[party] = {
            "label": body["label"],
            "actors": _str_list(body, "actors", where, path, required=True),
            "patterns": patterns + bodies,
            "scare_quoted": _str_list(body, "scare_quoted", where, path, required=False),
        }
    return out


def _check_top(data: dict[str, Any], path: str) -> None:
    """The top-level keys: ``name`` and ``description`` present, nothing unknown (a typo such as
    ``independnt`` would otherwise be ignored)."""
    for key in ("name", "description"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _err(path, key, "is missing or not a non-empty string", f'add {key} = "..."')
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise _err(path, unknown[0], "is not a known key", "allowed at the top level: " + ", ".join(_TOP_KEYS))


def _independent(data: dict[str, Any], own: dict[str, str], path: str) -> tuple[str, ...]:
    """The frame's ``independent`` bodies; a body a party lists among its actors cannot be one."""
    names = _str_list(data, "independent", "", path, required=False)
    clash = next((x for x in names if x.lower() in own), None)
    if clash is not None:
        raise _err(path, "independent", f"lists {clash!r}, which the frame's actors give the party {own[clash.lower()]!r}",
                   "remove it from independent or from the party's actors")
    return names


def _armed_forces(data: dict[str, Any], parties: tuple[str, ...], path: str) -> str | None:
    """The frame's ``armed_forces`` party, or ``None``: one of its parties."""
    value = data.get("armed_forces")
    if value is not None and value not in parties:
        raise _err(path, "armed_forces", f"must be one of the frame's parties {list(parties)}, got {value!r}",
                   'write armed_forces = "<party>" or leave it out when several parties have an army')
    return value


def roster_file(data: dict[str, Any], path: str) -> Path | None:
    """The path of a parsed frame's ``roster`` file (relative to the frame file), or ``None``.

    Example:
        >>> roster_file({"roster": "names.tsv"}, "/frames/f.toml").as_posix(), roster_file({}, "/frames/f.toml")
        ('/frames/names.tsv', None)
    """
    if "roster" not in data:
        return None
    value = data["roster"]
    if not isinstance(value, str) or not value.strip():
        raise _err(path, "roster", f"must be a file name, got {value!r}", 'write roster = "names.tsv"')
    return Path(value) if Path(value).is_absolute() or path.startswith("<") else Path(path).parent / value


def _roster(data: dict[str, Any], parties: tuple[str, ...], path: str) -> dict[str, tuple[str, ...]]:
    """The actors of the frame's ``roster`` file, by party (a long list of people kept beside the
    frame: "name<TAB>party" lines, "#" comments)."""
    file = roster_file(data, path)
    if file is None:
        return {}
    if not file.is_file():
        raise _err(path, "roster", f"names {file}, which does not exist",
                   "give the path relative to the frame file" if not path.startswith("<")
                   else "give an absolute path (a frame built from a dict has no folder)")
    out: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for n, line in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        name, _, party = (x.strip() for x in line.partition("\t"))
        if not name or party not in parties:
            raise _err(path, "roster", f"line {n} of {file.name} ({line!r}) is not 'name<TAB>party' with a party of "
                       "the frame", "parties: " + ", ".join(parties))
        if seen.setdefault(name.lower(), party) != party:
            raise _err(path, "roster", f"line {n} of {file.name} gives {name!r} the party {party!r}, an earlier line "
                       f"{seen[name.lower()]!r}", "give each name one party (leave out people who changed party)")
        out.setdefault(party, []).append(name)
    return {p: tuple(v) for p, v in out.items()}


def _axis(data: dict[str, Any], sides: tuple[str, ...], path: str) -> tuple[str, str] | None:
    axis_raw = data.get("axis")
    if axis_raw is None:
        return (sides[0], sides[1]) if len(sides) == 2 else None
    if (not isinstance(axis_raw, list) or len(axis_raw) != 2
            or any(a not in sides for a in axis_raw) or axis_raw[0] == axis_raw[1]):
        raise _err(path, "axis", f"must name two different sides, got {axis_raw!r}", f"use two of {list(sides)}")
    return (axis_raw[0], axis_raw[1])


def _term(t: Any, i: int, sides: tuple[str, ...], path: str) -> dict[str, Any]:
    where = f"terms[{i}]"
    if not isinstance(t, dict):
        raise _err(path, where, "must be a table", "write [[terms]] then term/side/neutral")
    for key in ("term", "side", "neutral"):
        if not isinstance(t.get(key), str) or not t[key].strip():
            raise _err(path, f"{where}.{key}", "is missing or empty",
                       f'add {key} = "..." to that [[terms]] entry (term {t.get("term")!r})')
    if t["side"] not in sides:
        raise _err(path, f"{where}.side", f"is {t['side']!r}, which is not a side of this frame",
                   f"use one of {list(sides)} or add [sides.{t['side']}]")
    unknown = set(t) - _TERM_KEYS
    if unknown:
        raise _err(path, f"{where}.{sorted(unknown)[0]}", "is not a known key",
                   "allowed: term, side, neutral, counterpart, variants, weight, case_sensitive, note")
    cs = t.get("case_sensitive", False)
    if not isinstance(cs, bool):
        raise _err(path, f"{where}.case_sensitive", "must be true or false", "write case_sensitive = true")
    weight = t.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 100:
        raise _err(path, f"{where}.weight", f"must be a number in [0, 100], got {weight!r}",
                   "write weight = 0.25 for weak evidence, 0 for the plain wire term, 1 for ordinary terms")
    variants = _str_list(t, "variants", where, path, required=False)
    for form in (t["term"], *variants):
        if form.count("{") != form.count("}"):
            raise _err(path, f"{where}.term", f"form {form!r} has unbalanced braces", "write {a|b} alternatives")
    return {"term": t["term"], "side": t["side"], "neutral": t["neutral"], "counterpart": t.get("counterpart"),
            "variants": variants, "case_sensitive": cs, "note": str(t.get("note", "")), "weight": float(weight)}


def _add_spellings(every: dict[str, dict[str, Any]], independent: tuple[str, ...]) -> None:
    """Each party's actors with the other transliterations of its names ("Dargahly" beside the
    listed "Dargahli": :func:`stancekit.spelling.spelling_variants`), where no other actor or
    independent body has that spelling and no other party's names give it too."""
    from stancekit.spelling import spelling_variants

    listed = {a.lower() for b in every.values() for a in b["actors"]} | {a.lower() for a in independent}
    owners: dict[str, set[str]] = {}
    for party, body in every.items():
        for actor in body["actors"]:
            for v in spelling_variants(actor):
                if v.lower() not in listed:
                    owners.setdefault(v, set()).add(party)
    for party, body in every.items():
        body["actors"] = body["actors"] + tuple(v for v, ps in owners.items() if ps == {party})


def frame_from_dict(data: dict[str, Any], path: str = "<dict>") -> Frame:
    """Validate a parsed frame and build a :class:`~stancekit.frames.Frame`.

    Raises:
        FrameError: the message names ``path``, the key and the fix.

    Example:
        >>> fr = frame_from_dict({"name": "t", "description": "d",
        ...     "sides": {"a": {"label": "A", "actors": ["Alpha"]}, "b": {"label": "B", "actors": ["Beta"]}},
        ...     "parties": {"un": {"label": "UN", "actors": ["United Nations"]}}})
        >>> fr.parties, fr.axis
        (('a', 'b', 'un'), ('a', 'b'))
    """
    from stancekit.frames import Frame, FrameTerm
    from stancekit.government import parse_government

    _check_top(data, path)
    sides_raw = _parties(data, "sides", path, minimum=2)
    third = _parties(data, "parties", path, minimum=0) if "parties" in data else {}
    clash = sorted(set(sides_raw) & set(third))
    if clash:
        raise _err(path, f"parties.{clash[0]}", "repeats a side", "name each party once, under sides or parties")
    sides = tuple(sides_raw)
    terms_raw = data.get("terms", [])
    if not isinstance(terms_raw, list):
        raise _err(path, "terms", "must be an array of tables", "write each term as [[terms]]")
    terms = []
    seen: dict[str, int] = {}
    for i, t in enumerate(terms_raw):
        fields = _term(t, i, sides, path)
        low = fields["term"].lower()
        if low in seen:
            raise _err(path, f"terms[{i}].term", f"repeats terms[{seen[low]}] ({fields['term']!r})",
                       "merge the two entries or add the spelling to variants")
        seen[low] = i
        terms.append(FrameTerm(**fields))
    every = {**sides_raw, **third}
    roster = _roster(data, tuple(every), path)
    own = {a.lower(): p for p, b in every.items() for a in b["actors"]}
    for party, names in roster.items():
        clash = next((x for x in names if own.get(x.lower(), party) != party), None)
        if clash is not None:
            raise _err(path, "roster", f"gives {clash!r} the party {party!r}, but the frame's actors list it under "
                       f"{own[clash.lower()]!r}", "give each name one party")
        every[party]["actors"] = every[party]["actors"] + names
    _add_spellings(every, _str_list(data, "independent", "", path, required=False))
    return Frame(
        name=data["name"],
        description=data["description"],
        sides=sides,
        labels={p: b["label"] for p, b in every.items()},
        actors={p: b["actors"] for p, b in every.items()},
        scare_quoted={p: b["scare_quoted"] for p, b in sides_raw.items()},
        terms=tuple(terms),
        axis=_axis(data, sides, path),
        path=path,
        references=_str_list(data, "references", "", path, required=False),
        third_parties=tuple(third),
        independent=_independent(data, own, path),
        patterns={p: b["patterns"] for p, b in every.items() if b["patterns"]},
        government=parse_government(data.get("government"), path, tuple(every)),
        armed_forces=_armed_forces(data, tuple(every), path),
    )
