"""The per-document name memory: a titled person's type and party, carried to later mentions.

"EU special representative Toivo Klaar said ..." then "Klaar said ...": the second mention has no
title, so :func:`remember_titles` reads each capitalised name with the title before (or after) it
once per document and remembers the name's type and party. Only person names are remembered (an
institution word such as "Ministry" must never lend its type or party to a later phrase through a
shared head noun), and a place ("West Virginia") is never a name. A name's own party (a roster
actor, a party tag such as "(D-Illinois)") beats the party its title suggests.

Example:
    >>> from stancekit.frames import load_frame
    >>> memory = remember_titles("EU special representative Toivo Klaar said talks would resume.",
    ...                          load_frame("karabakh"))
    >>> memory["Klaar"]
    ('international_org', 'eu')
"""

from __future__ import annotations

import re

from stancekit.frames import Frame
from stancekit.mention_scope import names_opponents, speaks_for
from stancekit.mention_words import PERSON_TITLES, head
from stancekit.people import is_honorific, is_personal_name
from stancekit.rules.lexicon import cue_verbs, places
from stancekit.rules.source_phrase import source_type

__all__ = ["remember_titles", "recall_name"]

#: a capitalised name word: "Chao", "Ocasio-Cortez", "McDaniel", "DeSantis", "O’Rourke", "al-Nunu"
#: (not a weekday or month: "Paul Ryan Wednesday" names Paul Ryan)
_NAME_WORD = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
              r"June|July|August|September|October|November|December)\b)"
              r"(?:[ae]l-)?[A-Z](?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)?")
_NAME = re.compile(rf"(?<![\w’']){_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{1,6}}(?!\w)(?!['’][a-rt-z])")
_PARTY_TAG_AFTER = re.compile(r"\s*,?\s*(?P<tag>\(?[A-Z][-–][A-Z][\w.]{1,14}\)?|\([A-Z]\))")
#: (a clause after the name is a title only when it names a role: "Lois Lerner, who heads the IRS
#: division,"; not "Susan Collins, who told reporters ...", nor an adverbial: "Ankur Narayan, since
#: the invasion of Ukraine,")
_RIGHT_TITLE = re.compile(r",\s+(?!(?:since|after|before|during|in|on|at|for|from|with|without|by|because|although|though|if|"
                          r"unless|until|amid|despite|following|according|including|adding|saying|noting|speaking|said|says|"
                          r"told|then|now|however|also)\b)"
                          r"(?!(?:who|whom|whose|which|that|where|when|while|as|and|but)\b(?!\s+(?:heads|headed|leads|led|"
                          r"runs|ran|chairs|chaired|directs|directed|oversees|oversaw|serves|served|represents|"
                          r"represented|advises|advised|works|worked|commands|commanded)\b))"
                          r"(?P<title>(?:the\s+|a\s+|an\s+)?[^,.;:()\n“”\"]{3,100}?)\s*[,.;:]")


#: a name and a lower-case verb after it open a clause, not an apposition ("Yerevan reciprocated");
#: a title ("Azerbaijan's president", "Deputy Foreign Minister of Armenia") goes on otherwise
_CLAUSE_START = re.compile(r"(?:[A-Z][\w.-]*\s+){1,3}(?!(?:of|for|to|at|in|on|and|de|al)\b)[a-z]+(?:ed|s)\b")


#: the first words of Arabic and Hebrew place names ("Deir el-Balah", "Beit Hanoun", "Khan Younis")
_PLACE_OPENERS = frozenset({"Deir", "Beit", "Khan", "Tel", "Kafr", "Kfar", "Ein", "Ras", "Jabal", "Jebel", "Wadi",
                            "Umm", "Bir", "Tal", "Nahal", "Kiryat", "Ramat", "Givat", "Rosh", "Sde", "Maale"})


#: an acronym in brackets, after the name it stands for on the same line ("the Popular Resistance
#: Committees (PRC)"); the name is the shortest run of words before it whose initials spell it
#: (:func:`_spelled_by`), within 120 characters
_ACRONYM_DEFINED = re.compile(r"\((?P<acronym>[A-Z]{2,6})\)")
#: words an acronym skips ("Organization for Security and Co-operation in Europe" is OSCE)
_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "in", "on", "a", "an", "de", "du", "des", "la", "al", "el"})


def remember_titles(text: str, frame: Frame | None) -> dict[str, tuple[str, str | None]]:
    """Build the per-document name memory: ``{"Klaar": ("international_org", None), ...}``.

    Only person names and acronyms the text defines are remembered (an institution word such as
    "Ministry" must never lend its type or party to a later phrase through a shared head noun). A
    name's type and party come from its title before or after it, or, for a frame actor, from the
    name itself or the party tag after it ("Rep. Jan Schakowsky (D-Illinois)"); an acronym's from
    the name it stands for ("the Popular Resistance Committees (PRC)" ... "The PRC denied it").

    Example:
        >>> from stancekit.frames import load_frame
        >>> text = "Gunmen of the Popular Resistance Committees (PRC) fired rockets. The PRC said so."
        >>> remember_titles(text, load_frame("israel_gaza"))["PRC"]
        ('other', 'palestine')
    """
    memory: dict[str, tuple[str, str | None]] = _defined_acronyms(text, frame)
    clash: set[str] = set()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        k = len(words)
        # the name is what follows the last title or place word ("White House Press Secretary
        # Jay Carney" gives "Jay Carney")
        while k > 0 and not (words[k - 1].lower() in places() or source_type(words[k - 1]) is not None):
            k -= 1
        while len(words) - k > 2 and not is_personal_name(words[k:]):
            k += 1  # a title the lexicon does not type ("Press Secretary Jay Carney")
        name = words[k:]
        verbs = [j for j, w in enumerate(name) if not _in_title(w)]
        if verbs:  # a headline's capitalised verb is no part of a name ("Norquist Claims Obama")
            name = name[verbs[-1] + 1:]
        full = " ".join(name)
        if len(name) < 2 or full in memory or not is_personal_name(name) or name[0] in _PLACE_OPENERS:
            # the first mention decides; a place ("Deir el-Balah") is no person
            continue  # a place ("West Virginia") or an outlet ("Euro News") is not a person
        typ, side = _title_of(text, m, words[:k], frame)
        own = None
        if frame is not None:
            tag = _PARTY_TAG_AFTER.match(text, m.end())  # "Jan Schakowsky (D-Illinois)", ", D-Calif.,"
            # the name alone, the name with its title ("Deputy PM Tigran Avinyan": a frame pattern
            # may need both), or a party tag after it
            own = frame.party_of(full) or frame.party_of(m.group(0)) or (
                frame.party_of(tag.group("tag")) if tag else None)
        if typ is None and own is not None:
            typ = "other"  # the party is known, the role is not
        if typ is None:
            continue
        last = name[-1]
        value = (typ, own or side)  # the name's own party (a roster actor, a party tag) beats its context's
        memory.setdefault(full, value)
        # "al-Nunu" is "Al-Nunu" at a sentence start, and "Hayya" after "Khalil al-Hayya"
        bare = re.sub(r"^(?:[Aa]l|[Ee]l)-", "", last)
        for key in dict.fromkeys((last, last[:1].upper() + last[1:], bare)):
            if memory.setdefault(key, value)[1] not in (value[1], None) and value[1] is not None or key in clash:
                # two people of one surname on different sides ("Rep. Adam Smith", "Rep. Jason Smith"):
                # the bare surname is neither's
                clash.add(key)
                memory[key] = (memory[key][0], None)
    return memory


def _defined_acronyms(text: str, frame: Frame | None) -> dict[str, tuple[str, str | None]]:
    """The acronyms ``text`` defines for a name of a frame party (the first definition decides)."""
    out: dict[str, tuple[str, str | None]] = {}
    if frame is None:
        return out
    for m in _ACRONYM_DEFINED.finditer(text):
        acronym = m.group("acronym")
        before = re.split(r"[\n(]", text[max(0, m.start() - 120):m.start()])[-1]
        name = _spelled_by(before.rstrip(), acronym)
        side = frame.party_of(name) if name else None
        if side is not None and acronym not in out:
            out[acronym] = (source_type(name) or "other", side)
    return out


def _spelled_by(before: str, acronym: str) -> str | None:
    """The words at the end of ``before`` (within its clause) whose capitalised initials spell
    ``acronym``, or ``None``: a dateline ("MOSCOW (AP)"), a credit ("Sen. Bernie Sanders (CNN)") or
    a conjunct before the name ("Ukraine and the International Committee of the Red Cross (ICRC)")
    is no definition.

    Example:
        >>> _spelled_by("Ukraine and the International Committee of the Red Cross", "ICRC")
        'International Committee of the Red Cross'
        >>> _spelled_by("MOSCOW", "AP") is None, _spelled_by("Sen. Bernie Sanders", "CNN") is None
        (True, True)
    """
    words = re.split(r"[,;:“”\"]", before)[-1].split()
    for k in range(len(words) - 1, -1, -1):
        kept = [w for w in words[k:] if w.lower() not in _ACRONYM_SKIPS]
        initials = "".join(w[0] for w in kept)
        if len(initials) > len(acronym):
            return None
        if initials == acronym and words[k] == kept[0] and all(w[0].isupper() for w in kept):
            return " ".join(words[k:])
    return None


#: verbs that end a title read backwards from a name: the clause's verb between two people
#: ("President Trump met German Chancellor Angela Merkel"), besides the cue verbs
_BETWEEN_PEOPLE = frozenset({
    "met", "meets", "meeting", "visited", "visits", "hosted", "hosts", "thanked", "thanks", "invited", "replaced",
    "replaces", "succeeded", "joined", "joins", "defeated", "beat", "fired", "nominated", "named", "called", "calls",
    "urged", "urges", "praised", "praises", "slammed", "attacked", "killed", "interviewed", "phoned", "telephoned",
    "endorsed", "backed", "supported", "opposed", "challenged", "sued", "blasted", "welcomed", "welcomes", "received",
    "congratulated", "greeted", "questioned", "pressed", "is", "was", "are", "were", "has", "had", "have", "will",
    "would"})


#: capitalised words that look like a cue verb but name a place ("United States", "Gulf States")
_PROPER_CUE_WORDS = frozenset({"States"})


def _in_title(word: str) -> bool:
    """Whether a word can stand inside a person's title read backwards from the name: not a verb
    of the clause (:data:`_BETWEEN_PEOPLE`, a cue verb: "met", "told", a headline's "Claims"; the
    "States" of "United States" is no verb)."""
    w = word.strip("“”\"'‘’(),")
    return w in _PROPER_CUE_WORDS or (w.lower() not in _BETWEEN_PEOPLE and w.lower() not in cue_verbs())


def _title_of(text: str, m: re.Match[str], prefix_words: list[str],
              frame: Frame | None) -> tuple[str | None, str | None]:
    """Type and party of the title right before a name, else of one right after it."""
    left = text[max(0, m.start() - 120):m.start()]
    # a title does not cross a sentence, a clause or a line ("... in Ukraine\n\nPresident Barack Obama")
    left = re.split(r"(?:[.;:!?(]|\band\b|\bwith\b|\bby\b)\s|\n", left)[-1]
    if "," in left.rstrip().rstrip(",")[:-1]:
        left = left.rstrip().rstrip(",").split(",")[-1]
    # the title is the few words right before the name, not the whole clause before it: it ends at the
    # clause's verb ("President Trump met German Chancellor Angela Merkel")
    before = left.rstrip(", ").split()[-10:]
    k = len(before)
    while k > 0 and _in_title(before[k - 1]):
        k -= 1
    title = (" ".join(before[k:]) + " " + " ".join(prefix_words)).strip()
    typ = source_type(title) if title else None
    side = frame.party_of(title) if frame is not None and typ else None
    if side is None and typ and frame is not None:
        side = frame.party_of(f"{title} {m.group(0)}")  # a pattern over title and name ("Deputy PM ...-yan")
    # a title after the name: "Aydin Karimov, the president's special envoy to Shusha,"
    right = _RIGHT_TITLE.match(text, m.end())
    if right is not None and _CLAUSE_START.match(right.group("title")):
        right = None  # a clause, not an apposition: "Irakli Garibashvili, Yerevan reciprocated by ..."
    if right is not None and (typ is None or side is None):
        title = right.group("title")
        rtype = source_type(title)
        rside = (frame.party_of(title) or frame.party_of(f"{title} {m.group(0)}")) if frame is not None else None
        if rtype or (rside and title.startswith("who ")):  # "Lois Lerner, who heads the IRS division,": a role
            typ = typ or rtype or "other"
            side = side or rside
    return typ, side


def recall_name(phrase: str, memory: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The remembered ``(type, party)`` of the person a source phrase names (its last remembered
    capitalised word, or two words the memory holds as a full name), or ``None``; a transcript's
    capitals are the name ("SASSE:" is "Sasse"), and another first name is another person.

    Example:
        >>> memory = {"Illia Yevlash": ("military", "ukraine"), "Yevlash": ("military", "ukraine")}
        >>> recall_name("Yevlash", memory), recall_name("Maria Yevlash", memory)
        (('military', 'ukraine'), None)
    """
    if names_opponents(phrase):
        return None  # whom a source opposes is not its side ("Opponents of Trump's clampdown")
    # whole words, with an Arabic article ("al-Hayya"), so never the "Balah" of "el-Balah"
    found = list(re.finditer(r"(?<!\w)(?:[ae]l-)?[A-Z][\w’'-]+", phrase))
    caps = [m.group(0) for m in found]
    for i in range(len(caps) - 1, -1, -1):
        key = re.sub(r"['’]s$", "", caps[i])
        if key not in memory and re.sub(r"^[ae]l-", "", key) in memory:
            key = re.sub(r"^[ae]l-", "", key)  # "al-Hayya" after "Hayya" was remembered bare
        if key.isupper() and len(key) > 3 and key.title() in memory:
            key = key.title()  # a transcript's capitals: "SASSE:" is the "Sasse" named earlier
        full = f"{caps[i - 1]} {key}" if i else ""
        if full in memory and full in phrase:
            key = full  # the person the memory holds under this full name ("Maria Yevlash, a resident")
        if key in memory and not _other_first_name(phrase, caps[i - 1] if i else "", key, memory) and speaks_for(
                phrase, found[i].start(), found[i].end()):
            # (not a name in a complement: "Michael Cohen, former lawyer for President Donald Trump")
            return memory[key]
    return None


def _other_first_name(phrase: str, before: str, surname: str, memory: dict[str, tuple[str, str | None]]) -> bool:
    """Whether ``phrase`` names another person of a remembered surname: "Maria Yevlash" after
    "spokesman Illia Yevlash" (the word before the surname is a first name, not a title, place or
    honorific, and no remembered name ends in those two words: "Al Thani" is "Tamim bin Hamad Al Thani")."""
    full = f"{before} {surname}"
    return (bool(before) and full in phrase and source_type(before) is None and before.lower() not in places()
            and not is_honorific(before) and head(before) not in PERSON_TITLES
            and any(k.endswith(f" {surname}") for k in memory) and not any(k == full or k.endswith(f" {full}") for k in memory))
