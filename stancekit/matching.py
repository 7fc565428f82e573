"""Fast phrase matching: a first-word index in front of per-group regular expressions.

Matching a long alternation of phrases at every position of every sentence is slow in Python's
``re``. :class:`PhraseIndex` groups the phrases by their first word and runs only the groups whose
first word occurs in the text, with the same word-boundary semantics as a plain alternation
(no match right after a letter, digit or hyphen, nor before a letter or digit). A phrase may
start or end with other characters ("#StopTheWar", "@mfa_az", "«Artsakh»"): it is indexed by
its first word and matched with those characters. Case is folded by :func:`norm`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

WORD = re.compile(r"\w+(?:[-'’]\w+)*")


#: apostrophe look-alikes seen in wire copy ("Azerbaijan´s", "Azerbaijanʼs"), mapped to ’
_LOOKALIKES = str.maketrans({"´": "’", "ʼ": "’", "`": "’", "′": "’", "‘": "’",
                              # Turkish dotted and dotless i in Latin-script names ("Azerbaİjanİ Foreİgn Mİnİstry")
                              "İ": "I", "ı": "i"})

# and Latin letters with diacritics to their base letter ("Mevlüt Çavuşoğlu" is the roster's
# "Mevlut Cavusoglu", "Erdoğan" its "Erdogan"), one character for one
_LOOKALIKES.update({ord(c): base for c in map(chr, range(0xC0, 0x250))
                    if (base := unicodedata.normalize("NFKD", c)[:1]).isascii() and base.isalpha() and base != c
                    and ord(c) not in _LOOKALIKES})


def normalise_lookalikes(text: str) -> str:
    """Map apostrophe look-alikes (´ ʼ ` ′ ‘) to ’, a Turkish dotted or dotless i to a plain one and
    a Latin letter with diacritics to its base letter, without changing the length.

    Example:
        >>> normalise_lookalikes("Azerbaijan´s"), normalise_lookalikes("Azerbaİjanİ"), normalise_lookalikes("Çavuşoğlu")
        ('Azerbaijan’s', 'AzerbaIjanI', 'Cavusoglu')
    """
    return text.translate(_LOOKALIKES)


def norm(word: str) -> str:
    """Case-free form of a word or phrase: curly apostrophes straightened, case folded, and the
    dot that lower-casing adds to a dotted capital I dropped ("İstanbul" → "istanbul", the same
    key as "Istanbul"). The one place phrases and matched text are compared without case."""
    return word.replace("’", "'").casefold().replace("\u0307", "")


def phrase_pattern(phrase: str, *, plural: bool) -> str:
    parts = []
    for w in phrase.split():
        p = re.sub("['’]", "['’]", re.escape(w)).replace(r"\-", "[-‐–]")
        parts.append(p)
    # words of a phrase are apart by spaces or joined by a hyphen: lookup keys write "Ocasio-Cortez"
    # and "al-Sisi" with a space (frames._key), the text with a hyphen
    body = r"(?:\s+|[-‐–])".join(parts)
    if plural and phrase[-1:].isalpha():
        body += r"(?:e?s)?"
    return body


@functools.lru_cache(maxsize=64)
def _analyse(text: str, start: int, end: int) -> tuple[tuple[tuple[int, int, str], ...], tuple[frozenset[str], frozenset[str]]]:
    """Tokens and word sets of ``text[start:end]``, memoised: the rules ask for the same sentence
    many times. ``lru_cache`` is thread-safe, keys on the text's value (a ``str`` caches its hash,
    and equal keys compare by identity first) and holds immutable values only."""
    tokens = tuple((m.start(), m.end(), m.group(0)) for m in WORD.finditer(text, start, end))
    toks = set()
    for _, _, w in tokens:
        toks.add(w)
        if "'" in w or "’" in w:  # possessives and contractions: "Azerbaijan’s" -> "Azerbaijan"
            toks.add(re.split(r"['’]", w, maxsplit=1)[0])
        if "-" in w:  # a phrase may end at a hyphen ("Azerbaijani-backed")
            toks.add(w.split("-", 1)[0])
    raw = frozenset(toks)
    return tokens, (raw, frozenset(norm(w) for w in raw))


def tokens_of(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """Word tokens ``(start, end, word)`` of ``text[start:end]`` (small memo shared by the rules)."""
    return _analyse(text, start, end)[0]


def words_of(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The word set of ``text[start:end]`` (as written, and lower-cased)."""
    return _analyse(text, start, end)[1]


class PhraseIndex:
    """Find phrases in text; longest match wins at a position, matches do not overlap."""

    def __init__(self, phrases: Iterable[str], *, plural: bool = True, case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        groups: dict[str, list[str]] = defaultdict(list)
        for p in set(phrases):
            first = WORD.search(p)  # the first word, after any leading "#", "@" or "«"
            if first is None:
                continue
            key = first.group(0) if case_sensitive else norm(first.group(0))
            keys = {key}
            if plural and len(p.split()) == 1:
                keys |= {key + "s", key + "es"}
            for k in keys:
                groups[k].append(p)
        self._flags = 0 if case_sensitive else re.IGNORECASE
        self._plural = plural
        self._groups = dict(groups)
        # compiled when a text first has the group's first word (a frame with a long roster has
        # thousands of groups, most never met)
        self._regex: dict[str, re.Pattern[str]] = {}

    def _pattern(self, key: str) -> re.Pattern[str]:
        rx = self._regex.get(key)
        if rx is None:
            alternatives = "|".join(phrase_pattern(p, plural=self._plural)
                                    for p in sorted(self._groups[key], key=len, reverse=True))
            rx = self._regex[key] = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?!\w)", self._flags)
        return rx

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        end = len(text) if end is None else end
        raw, lowered = words_of(text, start, end)
        words = raw if self.case_sensitive else lowered
        found: list[tuple[int, int]] = []
        for k in [w for w in words if w in self._groups]:
            found.extend((m.start(), m.end()) for m in self._pattern(k).finditer(text, start, end))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        last = -1
        for s, e in found:
            if s >= last:
                yield s, e
                last = e
