"""The words a follow-up is read by: a part of a body that speaks for it ("the press service of the
ministry", "a spokesman for the Interior Ministry", "a statement issued by the ministry" refer back
as the body does), and a spokesperson named by a body's word or a bare title ("Military spokesman
Avi Cohen", "Spokesperson Jihad Taha", translated copy's "Foreign Ministry spokesman said") read as
the description they are. :mod:`stancekit.antecedents` decides what such words may refer back to.

Example:
    >>> owner_words("the press service of the ministry".split()), description_words("Army spokesman Avi Cohen")
    (['the', 'ministry'], ['the', 'Army', 'spokesman'])
"""

from __future__ import annotations

import re

from stancekit.mention_words import FORMER, INSTITUTION_HEADS, QUALIFIERS
from stancekit.mention_words import head as _head
from stancekit.mention_words import words as _words
from stancekit.people import is_personal_name

__all__ = ["DETERMINERS", "DOCUMENT_NOUNS", "SPOKES", "owner_words", "as_description", "description_words", "named_spokesperson"]

#: the determiners a description opens with
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "a", "an"})


#: what a document is ("the statement said", "a separate statement issued by the ministry")
DOCUMENT_NOUNS = frozenset({"statement", "report", "release", "communique", "communiqué", "readout", "message",
                             "letter", "post", "note", "document", "decree", "resolution", "announcement",
                             "bulletin", "briefing", "update", "filing", "complaint", "memo", "tweet", "notice"})


#: a spokesperson's titles
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})

#: the parts of a body that speak for it ("the press service of the ministry"; not "a critic of the ministry")
_PARTS = frozenset({"service", "office", "secretary", "spokesman", "spokeswoman", "spokesperson", "head", "chief",
                    "director", "department", "representative", "representatives", "staff", "headquarters", "leadership"})


#: how a document comes from its author ("a statement issued by the ministry")
_ISSUED = frozenset({"issued", "released", "published", "signed", "sent", "posted"})


def owner_words(words: list[str]) -> list[str]:
    """The owner of a part named with "of" (or a spokesperson's "for", a document's "by") when the
    owner is a description ("the press service of the ministry", "a spokesman for the Interior
    Ministry", "a separate statement issued by the ministry" refer back as "the ministry" and "the
    Interior Ministry" do), else ``words``."""
    low = [w.lower() for w in words]
    inner = low[1:-2]
    links = [i for i, w in enumerate(inner) if w == "of" or (w == "for" and i and _head(inner[i - 1]) in SPOKES)
             or (w == "by" and i and _head(inner[max(0, i - 1 - (inner[i - 1] in _ISSUED))]) in DOCUMENT_NOUNS)]
    if not links or low[0] not in DETERMINERS:
        return words
    k = 1 + links[-1]
    part, owner = words[1:k], words[k + 1:]
    if (part and owner and owner[0].lower() in DETERMINERS and len(owner) <= 4
            and (low[k - 1] in _PARTS or low[k] == "by")
            and not FORMER & set(low[1:k])
            and all(w.islower() or _head(w) in INSTITUTION_HEADS or w.lower() in QUALIFIERS for w in part + owner)
            and _head(owner[-1]) in INSTITUTION_HEADS):
        return owner
    return words


#: a rank or honorific between a title and a name ("Military spokesman Lt. Col. Avi Cohen")
_RANK = re.compile(r"(?:[A-Z][a-z]{0,4}\.|Brig|Gen|Col|Maj|Capt|Lt|Sgt|Colonel|General|Major|Captain|Lieutenant|Dr|Mr|Ms|Mrs)\Z")


def as_description(words: list[str]) -> list[str]:
    """A spokesperson named with a body's word and no owner ("Military spokesman Avi Cohen",
    "Defense Ministry spokeswoman Jane Doe", "Foreign Ministry spokesman" without an article) as the
    description it is ("the military spokesman"), else ``words``: the body is one the text has named
    ("The Israeli military said ...")."""
    for i, w in enumerate(words[:4]):
        if _head(w) in SPOKES:
            before, after = words[:i], words[i + 1:]
            named = bool(after) and all(a[:1].isupper() for a in after) and is_personal_name(
                [a for a in after if not _RANK.match(a)])
            if not before and named:
                return ["the", w]  # "Spokesperson Jihad Taha" after "Hamas rejected ...": its spokesperson
            if (before and before[0].lower() not in DETERMINERS and _head(before[-1]) in INSTITUTION_HEADS
                    and all(_head(b) in INSTITUTION_HEADS or b.lower() in QUALIFIERS for b in before)
                    and (not after or named)):
                # (or with no name, as translated wire copy drops the article: "Foreign Ministry
                # spokesman said")
                return ["the", *before, w]
            break
    return words


def description_words(phrase: str) -> list[str]:
    """The words a follow-up is read by: a spokesperson named with a body's word or a bare title as
    the description it is ("Military spokesman Avi Cohen": "the Military spokesman"), else its words.

    Example:
        >>> description_words("Spokesperson Jihad Taha"), description_words("the ministry")
        (['the', 'Spokesperson'], ['the', 'ministry'])
    """
    return as_description(_words(phrase))


def named_spokesperson(phrase: str) -> bool:
    """Whether a follow-up is a spokesperson named by a body's word and a name ("Military spokesman
    Avi Cohen"): resolved or not, a person later pronouns may refer to.

    Example:
        >>> named_spokesperson("Military spokesman Lt. Col. Avi Cohen"), named_spokesperson("the spokesman")
        (True, False)
    """
    words = _words(phrase)
    return as_description(words) != words and words[-1][:1].isupper()
