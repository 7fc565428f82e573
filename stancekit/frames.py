"""Frames: the lexicon of a conflict or political divide.

A frame is a TOML file with two or more named *sides*; per side the *actors* that identify a
source's side (names, institutions, adjectives) and the words that side's critics put in scare
quotes; and a list of *contested terms*, each with the side whose usage it is and a neutral
equivalent. Built-in frames live in ``stancekit/rules/lexicons/frames/``; pass a path for your own.

Schema::

    name = "karabakh"                      # required, str
    description = "..."                    # required, str
    version = "1"                          # optional
    references = ["..."]                   # optional, where the usage notes come from
    axis = ["armenia", "azerbaijan"]       # optional, two sides: lean -1 .. +1
    [sides.azerbaijan]                     # at least two sides
    label = "Azerbaijani usage"            # required
    actors = ["Azerbaijan", "Baku", ...]   # required, non-empty list of str
    scare_quoted = ["peacekeepers"]        # optional: scare-quoting these signals this side
    [[terms]]                              # contested terms
    term = "Khankendi"                     # required
    side = "azerbaijan"                    # required, one of the sides
    neutral = "Stepanakert (Khankendi)"    # required: what a neutral text would write
    counterpart = "Stepanakert"            # optional: the other side's word
    variants = ["Xankəndi"]                # optional spellings
    case_sensitive = false                 # optional
    note = "..."                           # optional

Example:
    >>> from stancekit.frames import load_frame
    >>> fr = load_frame("karabakh")
    >>> fr.axis
    ('armenia', 'azerbaijan')
    >>> [(t.term, side) for t, side in [(m[2], m[2].side) for m in fr.find_terms("in Khankendi")]]
    [('Khankendi', 'azerbaijan')]
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stancekit._match import PhraseIndex
from stancekit.errors import FrameError

__all__ = ["Frame", "FrameTerm", "load_frame", "available_frames", "FRAMES_DIR", "learn"]

FRAMES_DIR = Path(__file__).parent / "rules" / "lexicons" / "frames"


@dataclass(frozen=True, slots=True)
class FrameTerm:
    """One contested term of a frame."""

    term: str
    side: str
    neutral: str
    counterpart: str | None = None
    variants: tuple[str, ...] = ()
    case_sensitive: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Frame:
    """A validated frame. Build with :func:`load_frame`."""

    name: str
    description: str
    sides: tuple[str, ...]
    labels: dict[str, str]
    actors: dict[str, tuple[str, ...]]
    scare_quoted: dict[str, tuple[str, ...]]
    terms: tuple[FrameTerm, ...]
    axis: tuple[str, str] | None
    path: str = ""
    references: tuple[str, ...] = ()
    _lookup: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        ci: dict[str, FrameTerm] = {}
        cs: dict[str, FrameTerm] = {}
        for t in self.terms:
            for form in (t.term, *t.variants):
                (cs if t.case_sensitive else ci)[form if t.case_sensitive else form.lower()] = t
        actors = {a.lower(): side for side, names in self.actors.items() for a in names}
        scare = {w.lower(): side for side, words in self.scare_quoted.items() for w in words}
        self._lookup.update(
            ci=ci,
            cs=cs,
            re_ci=PhraseIndex(ci, plural=True) if ci else None,
            re_cs=PhraseIndex(cs, plural=False, case_sensitive=True) if cs else None,
            actors=actors,
            re_actors=PhraseIndex(actors, plural=True) if actors else None,
            scare=scare,
            side_cache={},
        )

    def find_terms(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, FrameTerm]]:
        """Yield ``(start, end, term)`` for each contested term in ``text[start:end]``.

        Longest match wins; matches do not overlap.
        """
        end = len(text) if end is None else end
        found: list[tuple[int, int, FrameTerm]] = []
        for key, regex in (("ci", self._lookup["re_ci"]), ("cs", self._lookup["re_cs"])):
            if regex is None:
                continue
            table = self._lookup[key]
            for ms, me in regex.finditer(text, start, end):
                word = text[ms:me]
                term = table.get(word if key == "cs" else word.lower()) or table.get(
                    _singular(word if key == "cs" else word.lower())
                )
                if term is None:
                    term = table.get(re.sub(r"\s+", " ", word.lower().replace("’", "'")))
                if term is None:
                    term = _fuzzy(table, word, key)
                if term is not None:
                    found.append((ms, me, term))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        last = -1
        for s, e, t in found:
            if s >= last:
                yield s, e, t
                last = e

    def side_of(self, phrase: str) -> str | None:
        """Return the side whose actors ``phrase`` mentions, or ``None`` (none or several).

        Example:
            >>> load_frame("karabakh").side_of("Azerbaijan's Defense Ministry")
            'azerbaijan'
        """
        regex = self._lookup["re_actors"]
        if regex is None:
            return None
        cache = self._lookup["side_cache"]
        if phrase in cache:
            return cache[phrase]
        sides = set()
        for ms, me in regex.finditer(phrase):
            w = re.sub(r"\s+", " ", phrase[ms:me].lower())
            side = self._lookup["actors"].get(w) or self._lookup["actors"].get(_singular(w))
            if side is None:
                side = _fuzzy(self._lookup["actors"], w, "ci")
            if side:
                sides.add(side)
        result = sides.pop() if len(sides) == 1 else None
        if len(cache) < 50_000:
            cache[phrase] = result
        return result

    def scare_side(self, word: str) -> str | None:
        """The side signalled by scare-quoting ``word`` (or saying "so-called ``word``").

        A frame lists such words per side (``scare_quoted``); scare-quoting one side's contested
        term signals the other side when the frame has exactly two sides.
        """
        w = re.sub(r"\s+", " ", word.strip(" \"“”«»'‘’").lower())
        if w in self._lookup["scare"]:
            return self._lookup["scare"][w]
        if _singular(w) in self._lookup["scare"]:
            return self._lookup["scare"][_singular(w)]
        term = self._lookup["ci"].get(w)
        if term is not None and len(self.sides) == 2:
            return next(s for s in self.sides if s != term.side)
        return None


def _singular(w: str) -> str:
    if w.endswith("es") and w[:-2] and not w.endswith("ses"):
        return w[:-2] if w[:-2].endswith(("sh", "ch", "x", "z")) else w[:-1]
    return w[:-1] if w.endswith("s") else w


def _fuzzy(table: dict[str, Any], word: str, key: str) -> Any:
    norm = re.sub(r"[\s‐–-]+", " ", word.replace("’", "'"))
    if key != "cs":
        norm = norm.lower()
    for cand in (norm, _singular(norm), norm[:-2] if norm.endswith("es") else norm):
        for k, v in table.items():
            if re.sub(r"[\s‐–-]+", " ", k.replace("’", "'")) == cand:
                return v
    return None


def available_frames() -> list[str]:
    """Names of the built-in frames.

    Example:
        >>> "karabakh" in available_frames()
        True
    """
    return sorted(p.stem for p in FRAMES_DIR.glob("*.toml"))


def _err(path: str, key: str, problem: str, fix: str) -> FrameError:
    return FrameError(f"frame file {path}: key '{key}' {problem}; {fix}")


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


def frame_from_dict(data: dict[str, Any], path: str = "<dict>") -> Frame:
    """Validate a parsed frame and build a :class:`Frame`; errors name ``path`` and the key."""
    for key in ("name", "description"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _err(path, key, "is missing or not a non-empty string", f'add {key} = "..."')
    sides_raw = data.get("sides")
    if not isinstance(sides_raw, dict) or len(sides_raw) < 2:
        raise _err(path, "sides", "must define at least two sides",
                   "add tables [sides.<name>] with label and actors, e.g. [sides.left]")
    labels: dict[str, str] = {}
    actors: dict[str, tuple[str, ...]] = {}
    scare: dict[str, tuple[str, ...]] = {}
    for side, body in sides_raw.items():
        if not isinstance(body, dict):
            raise _err(path, f"sides.{side}", "must be a table", f"write [sides.{side}]")
        if not isinstance(body.get("label"), str):
            raise _err(path, f"sides.{side}.label", "is missing", f'add label = "..." under [sides.{side}]')
        labels[side] = body["label"]
        actors[side] = _str_list(body, "actors", f"sides.{side}", path, required=True)
        scare[side] = _str_list(body, "scare_quoted", f"sides.{side}", path, required=False)
        unknown = set(body) - {"label", "actors", "scare_quoted", "note"}
        if unknown:
            raise _err(path, f"sides.{side}.{sorted(unknown)[0]}", "is not a known key",
                       "allowed: label, actors, scare_quoted, note")
    sides = tuple(sides_raw)
    axis_raw = data.get("axis")
    axis: tuple[str, str] | None
    if axis_raw is None:
        axis = (sides[0], sides[1]) if len(sides) == 2 else None
    else:
        if (not isinstance(axis_raw, list) or len(axis_raw) != 2
                or any(a not in sides for a in axis_raw) or axis_raw[0] == axis_raw[1]):
            raise _err(path, "axis", f"must name two different sides, got {axis_raw!r}",
                       f"use two of {list(sides)}")
        axis = (axis_raw[0], axis_raw[1])
    terms_raw = data.get("terms", [])
    if not isinstance(terms_raw, list):
        raise _err(path, "terms", "must be an array of tables", "write each term as [[terms]]")
    terms = []
    seen: dict[str, int] = {}
    for i, t in enumerate(terms_raw):
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
        unknown = set(t) - {"term", "side", "neutral", "counterpart", "variants", "case_sensitive", "note"}
        if unknown:
            raise _err(path, f"{where}.{sorted(unknown)[0]}", "is not a known key",
                       "allowed: term, side, neutral, counterpart, variants, case_sensitive, note")
        low = t["term"].lower()
        if low in seen:
            raise _err(path, f"{where}.term", f"repeats terms[{seen[low]}] ({t['term']!r})",
                       "merge the two entries or add the spelling to variants")
        seen[low] = i
        cs = t.get("case_sensitive", False)
        if not isinstance(cs, bool):
            raise _err(path, f"{where}.case_sensitive", "must be true or false", "write case_sensitive = true")
        terms.append(
            FrameTerm(
                term=t["term"],
                side=t["side"],
                neutral=t["neutral"],
                counterpart=t.get("counterpart"),
                variants=_str_list(t, "variants", where, path, required=False),
                case_sensitive=cs,
                note=str(t.get("note", "")),
            )
        )
    return Frame(
        name=data["name"],
        description=data["description"],
        sides=sides,
        labels=labels,
        actors=actors,
        scare_quoted=scare,
        terms=tuple(terms),
        axis=axis,
        path=path,
        references=_str_list(data, "references", "", path, required=False),
    )


@functools.lru_cache(maxsize=32)
def _load_path(path: str, mtime: float) -> Frame:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FrameError(f"cannot read frame file {path}: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FrameError(
            f"frame file {path} is not valid UTF-8 TOML: {exc}; fix the syntax at that position"
        ) from None
    return frame_from_dict(data, path)


def load_frame(frame: str | Path | Frame) -> Frame:
    """Load and validate a frame by built-in name or path (cached).

    Args:
        frame: a built-in name (see :func:`available_frames`), a path to a ``.toml`` file, or a
            :class:`Frame` (returned as is).

    Raises:
        FrameError: unknown name, unreadable file, invalid TOML or schema violation; the
            message names the file, the key and the fix.

    Example:
        >>> load_frame("karabakh").name
        'karabakh'
    """
    if isinstance(frame, Frame):
        return frame
    if not isinstance(frame, (str, Path)):
        raise FrameError(
            f"frame must be a built-in name, a path or a Frame, got {type(frame).__name__}"
        )
    p = Path(frame)
    if isinstance(frame, str) and p.suffix != ".toml" and "/" not in frame and "\\" not in frame:
        p = FRAMES_DIR / f"{frame}.toml"
        if not p.exists():
            raise FrameError(
                f"unknown frame {frame!r}; built-in frames are {available_frames()}, "
                "or pass the path of your own .toml file"
            )
    if not p.exists():
        raise FrameError(f"frame file {p} does not exist; check the path or use one of {available_frames()}")
    return _load_path(str(p.resolve()), p.stat().st_mtime)


def learn(*args: Any, **kwargs: Any) -> Any:
    """Learn a frame TOML from a labelled corpus (see :func:`stancekit.compare.learn_frame`)."""
    from stancekit.compare import learn_frame

    return learn_frame(*args, **kwargs)
