"""Spelling variants of transliterated names: "Dargahly" is a frame's "Dargahli".

News transliterates the same Armenian, Azerbaijani, Russian or Ukrainian name in several ways:
"Hasratyan" / "Hasratian", "Dargahli" / "Dargahly", "Aliyev" / "Aliev", "Zelenskyy" / "Zelensky"
/ "Zelenskiy". A frame lists each actor once, in one spelling; :func:`spelling_variants` gives
the other spellings of a listed name by the regular endings above, and a frame matches them as the
name itself (:func:`stancekit.frame_schema.frame_from_dict` adds those no other actor has).

Where it stops: only these word endings, and only in capitalised words of five letters or more
(no "Ian") that are not demonyms or places ("Armenian", "Italy"); spellings that differ inside a
word ("Mammadov" / "Mamedov", "Obaida" / "Ubaida") and hyphenated words ("Ter-Petrosyan") are not
derived.

Example:
    >>> spelling_variants("Senor Hasratyan"), spelling_variants("Vagif Dargahli")
    (('Senor Hasratian',), ('Vagif Dargahly',))
    >>> spelling_variants("Zelenskyy")
    ('Zelensky', 'Zelenskiy', 'Zelenski')
    >>> spelling_variants("NATO"), spelling_variants("Ian Smith")
    ((), ())
"""

from __future__ import annotations

__all__ = ["spelling_variants", "ENDINGS"]

#: groups of word endings that transliterate one sound; a word ending in one of a group is also
#: spelled with each other one (the longest matching ending is replaced)
ENDINGS: tuple[tuple[str, ...], ...] = (
    ("yan", "ian"),             # Armenian: Pashinyan / Pashinian
    ("li", "ly"),               # Azerbaijani: Dargahli / Dargahly
    ("iyev", "iev"),            # Aliyev / Aliev
    ("ayev", "aev"),            # Razvozhayev / Razvozhaev
    ("iyeva", "ieva"),          # Aliyeva / Alieva
    ("ayeva", "aeva"),
    ("skyy", "sky", "skiy", "ski"),  # Zelenskyy / Zelensky / Zelenskiy
)


def _word_variants(word: str) -> list[str]:
    from stancekit.rules.source_phrase import DEMONYMS, is_place

    if len(word) < 5 or not word[0].isupper() or not word[1:].islower() or word.lower() in DEMONYMS or is_place(word):
        return []  # a demonym or a place is spelled one way ("Armenian", "Italy")
    for group in ENDINGS:
        # the longest ending of the group that the word has ("skyy" before "sky")
        end = max((e for e in group if word.endswith(e) and len(word) > len(e) + 1), key=len, default=None)
        if end is not None:
            stem = word[: -len(end)]
            return [stem + e for e in group if e != end]
    return []


def spelling_variants(name: str) -> tuple[str, ...]:
    """The other spellings of ``name`` whose last word ends differently (see the module); the
    other words are kept as written. Empty for a name without such an ending."""
    words = name.split(" ")
    return tuple(" ".join([*words[:-1], v]) for v in _word_variants(words[-1]))
