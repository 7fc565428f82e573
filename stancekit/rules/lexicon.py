"""Loading of the package lexicons (``stancekit/rules/lexicons``), cached."""

from __future__ import annotations

import functools
import re
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


@functools.cache
def cue_verbs() -> dict[str, tuple[str, str]]:
    """Map each inflected cue form (lowercase) to ``(lemma, stance)``."""
    out: dict[str, tuple[str, str]] = {}
    for lemma, stance, forms in _rows("cue_verbs.tsv"):
        for form in forms.split(","):
            out[form.strip().lower()] = (lemma, stance)
    return out


@functools.cache
def source_types() -> dict[str, str]:
    return {phrase.lower(): typ for phrase, typ in _rows("source_types.tsv")}


@functools.cache
def source_type_acronyms() -> frozenset[str]:
    """The source-type lexicon's acronyms ("WHO", "UN"), which name a body in capitals only."""
    return frozenset(p for p, _ in _rows("source_types.tsv") if p.isupper() and " " not in p)


@functools.cache
def places() -> frozenset[str]:
    words: set[str] = set()
    for row in _rows("places.txt"):
        words.update(w.lower() for w in row[0].split())
    words.update({"saudi arabia", "abu dhabi", "united states", "united kingdom", "official baku",
                  "official yerevan", "official moscow", "official ankara", "tel aviv", "khan younis",
                  "gaza city", "new york", "new jersey", "new mexico", "new hampshire", "north carolina",
                  "south carolina", "north dakota", "south dakota", "west virginia", "rhode island"})
    return frozenset(words)


@functools.cache
def first_name_genders() -> dict[str, str]:
    """First names of one gender in news text ("Lesley": "f", "Volodymyr": "m";
    ``first_names.txt``), for pronoun agreement; names of both genders are not listed.

    Example:
        >>> names = first_name_genders()
        >>> names["Lesley"], names["Volodymyr"], "Alexis" in names
        ('f', 'm', False)
    """
    out: dict[str, str] = {}
    for row in _rows("first_names.txt"):
        gender, *names = row[0].split()
        out.update(dict.fromkeys(names, gender))
    return out


@functools.cache
def independent_bodies() -> tuple[str, ...]:
    """International bodies and NGOs that belong to no party in any frame unless the frame lists
    them as a party's actors (``independent_bodies.txt``; one per line)."""
    return tuple(r[0].strip() for r in _rows("independent_bodies.txt"))


@functools.cache
def hedge_regex() -> tuple[dict[str, re.Pattern[str]], dict[str, str]]:
    """Per trigger word, one regex of the hedge cues that can start with it (file order =
    priority); and group name -> category."""
    by_trigger: dict[str, list[str]] = {}
    cats = {}
    for i, (pattern, category, trig) in enumerate(_rows("hedges.tsv")):
        body = pattern.replace("(?-i)", "") if pattern.startswith("(?-i)") else f"(?i:{pattern})"
        cats[f"h{i}"] = category
        for t in (t.strip() for t in trig.split(",")):
            if t:
                by_trigger.setdefault(t, []).append(f"(?P<h{i}>{body})")
    regexes = {t: re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])") for t, alts in by_trigger.items()}
    return regexes, cats


@functools.cache
def loaded_words() -> list[str]:
    return [r[0].strip() for r in _rows("loaded_words.txt")]
