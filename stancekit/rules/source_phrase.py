"""What a source phrase is: its type, whether it looks like a source, datelines and appositions.

Shared by the attribution rules (:mod:`stancekit.rules.attribution`), the model merge and the
document-level resolution of follow-up mentions (:mod:`stancekit.coref`), so each decision lives
here once.

Example:
    >>> source_type("Azerbaijan's Defense Ministry"), is_source_like("the statement")
    ('military', True)
"""

from __future__ import annotations

import functools
import re

from stancekit.matching import PhraseIndex
from stancekit.rules.lexicon import places, source_type_acronyms, source_types

__all__ = ["WEEKDAY", "TYPE_PRECEDENCE", "CUE_ADVERBS", "temporal_tail", "PRONOUNS", "DETERMINERS", "DEMONYMS", "source_type", "is_source_like",
           "is_dateline", "is_place", "apposition_name", "trim_span", "strip_medium", "trim_source", "closing_comma",
           "cut_aside", "ASIDE"]

TYPE_PRECEDENCE = (
    "anonymous",
    "international_org",
    "military",
    "media",
    "ngo",
    "expert",
    "political",
    "government",
    "citizen",
)
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
                "our", "some", "many", "several", "two", "three", "four", "other", "another",
                "both", "all", "most", "one"}


@functools.cache
def _types_re() -> PhraseIndex:
    return PhraseIndex(list(source_types()))


@functools.cache
def _multiword_places() -> tuple[str, ...]:
    return tuple(p for p in places() if " " in p)


DEMONYMS = frozenset(
    """azerbaijani armenian russian turkish iranian georgian american british french german chinese
    ukrainian israeli palestinian european western syrian iraqi afghan indian pakistani japanese
    korean italian spanish polish belarusian kazakh qatari saudi egyptian lebanese jordanian
    libyan sudanese ethiopian kenyan nigerian mexican brazilian canadian australian dutch belgian
    swedish norwegian danish finnish greek hungarian romanian serbian croatian bosnian kosovar
    albanian moldovan latvian lithuanian estonian uzbek turkmen tajik kyrgyz emirati yemeni
    taiwanese vietnamese thai indonesian malaysian""".split()
)


@functools.lru_cache(maxsize=65536)
def source_type(phrase: str) -> str | None:
    """Type a source phrase from the lexicons, or ``None`` when nothing in it is typed.

    Example:
        >>> source_type("Azerbaijan's Defense Ministry"), source_type("official Baku")
        ('military', 'government')
    """
    found = set()
    table = source_types()
    for ms, me in _types_re().finditer(phrase):
        word = phrase[ms:me]
        if word.upper() in source_type_acronyms() and (word.islower() or (word.upper() in _WORD_ACRONYMS and not word.isupper())):
            continue  # "who" and "Who" are not the WHO (but "Nato" is NATO)
        key = re.sub(r"\s+", " ", phrase[ms:me].lower().replace("’", "'"))
        typ = table.get(key) or table.get(key.rstrip("s")) or table.get(key[:-2])
        if typ:
            found.add(typ)
    for typ in TYPE_PRECEDENCE:
        if typ in found:
            return typ
    words = [w.lower().rstrip(".") for w in re.findall(r"[\w.]+", phrase.replace("’s", "").replace("'s", ""))]
    pl = places()
    joined = " ".join(words)
    if any(w in pl for w in words) or any(p in joined for p in _multiword_places()):
        return "government"
    if re.sub(r"^the\s+", "", phrase.strip(), flags=re.IGNORECASE).lower() in DEMONYMS:
        return "government"
    return None


#: "(D-Mass.)", "(R-Texas)" right before the cue


_DOCUMENTS = frozenset({"statement", "report", "release", "communique", "communiqué", "readout", "filing", "memo",
                        "letter", "bulletin", "announcement", "decree", "resolution", "complaint", "ruling", "study",
                        "survey", "analysis", "post", "tweet"})


def apposition_name(text: str, lo: int, comma: int) -> tuple[int, int] | None:
    """The name in "<title>, <Name>," or "<Name>, <title>," right before a cue (``comma``: the
    comma before the cue): "The EU's special representative, Toivo Klaar, said" gives "Toivo Klaar"."""
    prev = text.rfind(",", lo, comma)
    if prev == -1:
        return None
    inner = trim_span(text, prev + 1, comma)
    outer = trim_span(text, lo, prev)
    if inner is None or outer is None:
        return None
    for cand in (inner, outer):
        words = text[cand[0]:cand[1]].split()
        if cand == outer:  # the name just before the first comma
            m = re.search(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+\Z", text[outer[0]:outer[1]])
            if m is None:
                return None
            cand = (outer[0] + m.start(), outer[1])
            words = text[cand[0]:cand[1]].split()
        if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and source_type(text[cand[0]:cand[1]]) is None:
            return cand
    return None


def is_source_like(phrase: str) -> bool:
    """A pronoun, a typed phrase ("the ministry"), a document ("the statement") or a phrase with a
    capitalised word."""
    words = phrase.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    if 2 <= len(words) <= 3 and words[0].lower() in {"the", "a", "its", "their", "this"} and words[-1].lower() in _DOCUMENTS:
        return True
    if source_type(phrase):
        return True
    caps = [w for k, w in enumerate(words) if w[:1].isupper() and not (k == 0 and w.lower() in DETERMINERS)]
    return bool(caps)


#: what may follow a dateline's place: "(AP) —", "(Combined Sources) —", ", March 8", ": ", "/TASS/"
_DATELINE_TAIL = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[—–]|--?\s|/|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|"
    r"[A-Z][a-z]+day)\b)")
_DATELINE_COLON = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?:\s")
#: a dateline before an agency credit: "Baku, February 24, AZERTAC", "MOSCOW, October 3. /"
_DATELINE_HEAD = re.compile(
    r"^[\s\"“'‘(\[]*[A-Z][\w .’'-]{1,30},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s*\d{4})?\s*[.,]?\s*/?\s*$")


def is_place(phrase: str) -> bool:
    words = [w.lower().rstrip(".") for w in re.findall(r"[\w.’'-]+", phrase)]
    joined = " ".join(words)
    return bool(words) and (joined in places() or joined in _multiword_places())


def is_dateline(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when ``text[start:end]`` is a dateline, a byline or an agency credit, not a source.

    A dateline is a place at the start of a sentence followed by a credit or date ("WASHINGTON
    (AP) —", "STEPANAKERT (Combined Sources) —", "BAKU, September 13", "YEREVAN:"); an upper-case
    word before a colon counts only when it is a place (so "WALLACE:" stays a speaker). A byline
    is "By Jane Doe"; a credit follows a dateline ("Baku, February 24, AZERTAC").

    Example:
        >>> t = "STEPANAKERT (Combined Sources) — The ministry said the road was shut."
        >>> is_dateline(t, 0, 11, 0), is_dateline(t, 33, 45, 0)
        (True, False)
    """
    phrase = text[start:end]
    before = text[sentence_start:start]
    if re.fullmatch(r"[\s\"“'‘(\[]*[Bb]y\s+", before):
        return True
    if _DATELINE_HEAD.match(before) and len(phrase.split()) <= 2:  # an agency credit, not "Azerbaijan's Defense Ministry"
        return True
    if before.strip(" \t\n\"“‘'([") != "":
        return False
    letters = [c for c in phrase if c.isalpha()]
    all_caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    place = is_place(phrase)
    if (all_caps or place) and _DATELINE_TAIL.match(text, end):
        return True
    return place and bool(_DATELINE_COLON.match(text, end))


def trim_span(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and (text[a].isspace() or text[a] in ",:;"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",:;."):
        b -= 1
    return (a, b) if b > a else None


#: a trailing phrase naming the medium of a statement, which belongs to the cue, not the source
#: ("said the senators | in a joint statement", "the ministry | in a statement on Monday")
#: a weekday name
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MEDIUM_TAIL = re.compile(
    r"(?<![\s,])[\s,]+(?:in|on|at|during|via|through)\s+(?:(?:a|an|the|its|his|her|their|joint|written|brief|separate|"
    r"televised|radio|tv|phone|telephone|news|press|recent|new|emailed|e-mailed|late-night)\s+){0,3}"
    r"(?:statements?|interviews?|releases?|posts?|tweets?|letters?|e-?mails?|speech|speeches|conferences?|"
    r"briefings?|appearances?|remarks|op-eds?|videos?|communiqu[eé]s?)"
    rf"(?:\s+(?:on\s+)?(?:{WEEKDAY}|today|yesterday))?\s*$",
    re.IGNORECASE,
)


def strip_medium(text: str, a: int, b: int) -> tuple[int, int]:
    """Cut a trailing "in a (joint) statement" / "in an interview on Monday" off a source span:
    the medium is part of the cue (PolNeAR never ends a source with it).

    Example:
        >>> t = "said the senators in a joint statement"
        >>> a, b = strip_medium(t, 5, len(t)); t[a:b]
        'the senators'
        >>> t = "the F.B.I. report on her email practices"
        >>> t[slice(*strip_medium(t, 0, len(t)))]
        'the F.B.I. report on her email practices'
    """
    m = _MEDIUM_TAIL.search(text, a, b)
    return (a, m.start()) if m is not None and m.start() > a else (a, b)


#: how an aside between a subject and its cue opens ("X, speaking at a news conference, said"):
#: a preposition or a participle ("X, who heads the IRS division," keeps its relative clause: it names the role)
ASIDE = re.compile(r"\s*(?:at|in|during|on|after|while|when|speaking|writing|addressing|asked|responding|commenting|"
                   r"talking|answering|in\s+an\s+interview|without|despite|amid|following|citing|offering|providing|"
                   # a time or a linking adverb: "President Trump, early Wednesday, said"
                   r"early|late|earlier|later|last|this|yesterday|today|overnight|separately|meanwhile|however)\b"
                   r"[^,;:\n“”\"]*,?\s*\Z")


#: a cue word the model sometimes tags as the start of a source ("per Defense Ministry"), or a
#: conjunction or "even" before it ("as a Homeland Security memo", "Even China"), which PolNeAR
#: leaves out (in its train split "even" opens 8 sources and stands right before 28; the others open none),
#: or the relative pronoun of a clause it opens ("spots that Biden's campaign said were baseless"; on
#: PolNeAR's train split 294 sources follow "that", "which" or "whom" and one opens with them)
_LEADING_CUE = re.compile(r"(?:per|citing|[Aa]ccording\s+to|[Aa]s(?!\s+(?:many|much|few|little|long|well|far)\s+as\b)|"
                          r"[Ee]ven|EVEN|[Bb]ut|[Ww]hen|[Ww]hile|[Bb]ecause|[Ii]f|which|whom|"
                          r"that(?=\s+(?:(?:the|a|an|his|her|its|their)\b|[A-Z])))\s+")


#: adverbs that stand between a source and its cue ("the ministry also said", "the statement further
#: said"): the rules skip them, and a model source span that ends in one loses it
CUE_ADVERBS = frozenset({"also", "repeatedly", "earlier", "later", "previously", "once", "recently", "further", "then",
                         "again", "publicly", "openly", "reportedly", "allegedly", "long", "already", "never", "often",
                         "frequently", "first", "last", "subsequently", "separately", "immediately", "strongly",
                         "explicitly", "specifically", "too", "additionally", "meanwhile", "clearly", "firmly",
                         "yesterday", "today", "personally", "officially", "quickly", "swiftly", "promptly", "sharply",
                         "angrily", "flatly", "categorically", "vehemently", "privately", "formally", "jointly", "quietly",
                         "bluntly", "frankly", "emphatically", "harshly", "roundly", "initially"})
_TRAILING_ADVERB = re.compile(r"\s+(?:" + "|".join(sorted(CUE_ADVERBS)) + r")\Z")
#: a relative pronoun a model span took after its antecedent ("the ministry, which" said ...), or a
#: relative clause it cuts off after a function word ("The official, who is familiar with"): the
#: antecedent is the source, and the pronoun would hide its head noun from follow-up resolution
_TRAILING_RELATIVE = re.compile(
    r",\s*(?:(?:which|who)|(?:which|who|whose)\b[^,]*\s(?:with|of|to|in|on|for|about|at|by|from|the|a|an))\Z")


_MONTH_DAY = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_TEMPORAL_TAIL = re.compile(
    rf"(?<=\S)\s+(?:(?:[Oo]n\s+)?(?:(?:late|early)\s+)?(?:{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|{_MONTH_DAY})"
    r"|(?:last|this)\s+(?:week|weekend|month|year)|(?:on|in|at|late|early))\s*\Z")


def temporal_tail(text: str, a: int, b: int) -> int | None:
    """Where a time adjunct at the end of ``text[a:b]`` starts, or ``None``: the adjunct between a
    source and its cue ("Sen. John Thune on Tuesday said", "The ministry late Sunday said", "Trump
    last week said"), or a preposition a model span left dangling ("Thune on"), is not part of the
    source; a participle's adjunct is ("a poll released last week", as PolNeAR marks it).

    Example:
        >>> t = "Sen. John Thune on Tuesday"
        >>> t[:temporal_tail(t, 0, len(t))], temporal_tail("a poll released last week", 0, 25)
        ('Sen. John Thune', None)
    """
    m = _TEMPORAL_TAIL.search(text, a, b)
    if m is None or m.start() <= a:
        return None
    before = text[a:m.start()].rsplit(None, 1)[-1]
    # a participle is a lower-case word ("released"); "Wyden", "Rosen", "Ahmed" are names
    if before.islower() and before.endswith(("ed", "en")) and before not in _NOT_PARTICIPLES or _PARTICIPLE_BY.search(
            text, a, m.start()):
        return None  # "a poll released last week", "an analysis released by the VA last month"
    return m.start()


_PARTICIPLE_BY = re.compile(r"\b\w+(?:ed|en)\s+by\b")
#: lower-case words in -ed/-en that end a source phrase rather than a participle's ("citizens", "women")
_NOT_PARTICIPLES = frozenset({"citizen", "citizens", "women", "men", "children", "brethren"})


#: acronyms that are also English words: a body only in capitals
_WORD_ACRONYMS = frozenset({"WHO", "US", "AID", "IT", "MP"})


def trim_source(text: str, a: int, b: int) -> tuple[int, int]:
    """A model source span without a leading cue word ("per", "citing", "according to"), without
    a trailing adverb ("further", "also") or relative pronoun ("the ministry, which"), time adjunct ("on Tuesday": :func:`temporal_tail`) or
    medium (:func:`strip_medium`).

    Example:
        >>> t = "reports per Defense Ministry in a statement"
        >>> t[slice(*trim_source(t, 8, len(t)))]
        'Defense Ministry'
        >>> trim_source("the statement further", 0, 21)
        (0, 13)
    """
    m = _LEADING_CUE.match(text, a, b)
    if m is not None and m.end() < b:
        a = m.end()
    m = _TRAILING_ADVERB.search(text, a, b)
    if m is not None and m.start() > a:
        b = m.start()  # "the statement further said": the source is "the statement"
    m = _TRAILING_RELATIVE.search(text, a, b)
    if m is not None and m.start() > a:
        b = m.start()  # "the ministry, which said", "The official, who is familiar with": the source is before
    when = temporal_tail(text, a, b)
    if when is not None:
        b = when  # "Sen. John Thune on Tuesday", "Thune on"
    return closing_comma(text, *strip_medium(text, a, b))


def closing_comma(text: str, a: int, b: int) -> tuple[int, int]:
    """A source span with the comma that closes its appositive, and without a comma that closes
    nothing: PolNeAR's convention, which the model learnt for most spans (on its train split, 862
    of 962 sources with an appositive end in the comma; 749 of 753 without one do not).

    Example:
        >>> t = "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
        >>> u = "President Obama, said"
        >>> t[slice(*closing_comma(t, 0, 51))], u[slice(*closing_comma(u, 0, 16))]
        ('Rep. Jim Jordan (R-Ohio), an oversight panel member,', 'President Obama')
    """
    inner = "," in text[a:b].rstrip(",")
    if inner and b < len(text) and text[b] == "," and not text[a:b].endswith(","):
        return a, b + 1
    if not inner and text[a:b].endswith(",") and b - 1 > a:
        return a, b - 1
    return a, b


def cut_aside(text: str, a: int, b: int) -> tuple[int, int]:
    """A source span without an aside after the name: the subject of "X, speaking in Brussels,
    said" is X (the aside opens as :data:`ASIDE` says), and an appositive that describes a place
    the span ends with is not the source's ("leaders in Nagorno-Karabakh, an enclave within Azerbaijan,"). The merge reads a model span's party from
    this part only and keeps the model's boundaries (PolNeAR's source spans keep the aside).

    Example:
        >>> t = "Dmytro Kuleba, speaking in Brussels,"
        >>> t[slice(*cut_aside(t, 0, len(t)))]
        'Dmytro Kuleba'
    """
    comma = text.find(",", a, b)
    while comma != -1:
        end = text.find(",", comma + 1, b)
        if comma > a and ASIDE.match(text, comma + 1, b if end == -1 else end):
            return a, comma
        if comma > a and _PLACE_APPOSITIVE.match(text, comma + 1, b if end == -1 else end) and \
                (text[a:comma].split() or [""])[-1][:1].isupper():
            return a, comma  # "leaders in Nagorno-Karabakh, an enclave ... within Azerbaijan," describes the place
        comma = end
    return a, b


#: an appositive that describes a place ("Nagorno-Karabakh, an enclave within Azerbaijan,", "Gaza,
#: a territory run by Hamas,"): it names where, not whom, so it gives the source no party
_PLACE_APPOSITIVE = re.compile(
    r"\s*(?:an?|the)\s+(?:(?!(?:of|in|for|at|to|from|with)\s)[\w-]+\s+){0,3}?(?:enclave|region|territory|city|town|village|province|republic|"
    r"district|area|capital|port|exclave)(?:\s+(?:of|in|within|run|controlled|held|near|on|that|which|where|inside|"
    r"along|bordering)\b[^;:\n“”\"]*?)?,?\s*\Z")
