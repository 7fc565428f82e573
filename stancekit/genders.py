"""The gender memory of follow-up resolution: a pronoun's gender, the gendered titles of a
description, the genders the first names (and Russian, Ukrainian and Azerbaijani surnames) of the
people a text names give, and the genders pronouns teach while they are resolved. A he/she skips a
person of the other gender (:mod:`stancekit.coref`).

Example:
    >>> name_genders("Senator Bob Corker told Lesley Stahl that Maria Zakharova agreed.")
    {'Bob Corker': {'m'}, 'Lesley Stahl': {'f'}, 'Maria Zakharova': {'f'}}
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stancekit.antecedents import SUBJECT_FORM, Antecedent, is_person, person_key, same_person
from stancekit.mention_words import words as _words

if TYPE_CHECKING:
    from stancekit.results import Source

__all__ = ["GENDER", "gender_of", "gender_at", "name_genders", "learn_gender", "forget_genders"]


#: the gender of a pronoun, and of the title words of a person's description ("spokeswoman Ani
#: Badalyan", "Mr. Bassal"; not words that are also names: "Bernice King")
GENDER = {"he": "m", "she": "f"}
_GENDER_WORDS = {"m": frozenset({"mr", "spokesman", "congressman", "councilman", "assemblyman", "businessman"}),
                 "f": frozenset({"mrs", "ms", "miss", "madam", "spokeswoman", "congresswoman", "councilwoman",
                                 "assemblywoman", "businesswoman", "chairwoman"})}


def gender_of(cand: Antecedent, genders: dict[str, set[str]]) -> str | None:
    """"m", "f" or ``None``: a pronoun's own gender, a gendered title in the description, or the
    gender of a pronoun that referred back to the same person before, unambiguously ("Trump ... he
    said" makes Trump no antecedent for a later "she"; no gender agreement beyond that)."""
    text = cand.text.lower()
    if text in GENDER or SUBJECT_FORM.get(text) in GENDER:
        return GENDER[SUBJECT_FORM.get(text, text)]
    low = {w.lower().rstrip(".") for w in _words(cand.text)}
    for g, marks in _GENDER_WORDS.items():
        if low & marks:
            return g
    key = person_key(cand.text)
    if not key:
        return None
    found = {g for k, gs in genders.items() if same_person(k, key) for g in gs}
    return found.pop() if len(found) == 1 else None


#: the capitalised words a person mention opens with ("President Ilham Aliyev")
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,4}")


def gender_at(text: str, at: int, genders: dict[str, set[str]]) -> str | None:
    """The known gender of the person named at ``text[at:]`` (:func:`gender_of`), or ``None``.

    Example:
        >>> t = "President Ilham Aliyev spoke."
        >>> gender_at(t, 10, name_genders(t))
        'm'
    """
    m = _CAPITALISED.match(text, at)
    return gender_of(Antecedent(m.group(0), at, 0, "other", None, False), genders) if m else None


#: a full personal name: a first name and a surname, an initial between them allowed
#: (a lookahead, so that "Senator Bob Corker" also gives "Bob Corker")
_FULL_NAME = re.compile(r"\b(?=([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w’'-]*[a-z])\b)")
#: Russian, Ukrainian and Azerbaijani surnames that say the gender ("Zakharova", "Abdullayeva"; "Peskov")
_SURNAME_GENDER = (("f", ("ova", "eva")), ("m", ("ov", "ev")))


def name_genders(text: str) -> dict[str, set[str]]:
    """The gender each full name of ``text`` shows by its first name (``first_names.txt``: "Lesley
    Stahl" is a woman, "Volodymyr Zelensky" a man) or its surname ("Maria Zakharova", "Dmitry
    Peskov"), keyed like the genders pronouns teach (:func:`learn_gender`), so that a he/she skips
    a person of the other gender, and their bare surname too (so "Ivanka Trump" keeps a later "he"
    from a bare "Trump": a known limit). Names used for both genders give none.

    Example:
        >>> name_genders("Senator Bob Corker told Lesley Stahl that Maria Zakharova and Dmitry Peskov agreed.")
        {'Bob Corker': {'m'}, 'Lesley Stahl': {'f'}, 'Maria Zakharova': {'f'}, 'Dmitry Peskov': {'m'}}
    """
    from stancekit.rules.lexicon import first_name_genders

    firsts = first_name_genders()
    out: dict[str, set[str]] = {}
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1), re.sub(r"['’]s\Z", "", m.group(2))  # "Dmitry Peskov's remarks"
        gender = firsts.get(first) or next((g for g, ends in _SURNAME_GENDER if last.endswith(ends)), None)
        key = person_key(f"{first} {last}")
        if gender is not None and key:
            out.setdefault(key, set()).add(gender)
    return out


def learn_gender(cand: Antecedent, src: Source, gender: str, pool: list[Antecedent],
                 genders: dict[str, set[str]]) -> None:
    """Remember the gender of the person a he/she resolved to, only when no other cited person
    stands between them (a pronoun resolved past another person may be wrong, and a wrong gender
    would send a later pronoun to the other side); a person given both genders has none."""
    key = person_key(cand.text)
    between = [c for c in pool if cand.start < c.start < src.span.start and c.cited and is_person(c)
               and c.text.lower() not in GENDER and not same_person(person_key(c.text), key)]
    if key and not between and cand.text.lower() not in GENDER:
        genders.setdefault(key, set()).add(gender)


def forget_genders(people: list[Antecedent], gender: str, genders: dict[str, set[str]]) -> None:
    """A pronoun of ``gender`` contradicted what the memory held for ``people`` ("He called it a
    witch hunt, she added"): they are given that gender too, so they have none."""
    for key in {person_key(c.text) for c in people if c.text.lower() not in GENDER} - {""}:
        genders.setdefault(key, set()).add(gender)
