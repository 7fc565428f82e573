"""Which party mentions inside a source phrase speak for it.

A source phrase may name several parties ("Ukraine's ambassador to the UN", "critics of Trump",
"a resident of Stepanakert", "former FBI Director James Comey"); :func:`party_from_mentions`
decides the phrase's party from the mentions a frame found in it (:meth:`stancekit.frames.Frame.party_of`
calls it): the first mention that is not in a complement ("envoy to Armenia"), not whom the phrase's
people oppose or live in or are held by, not a third party after "former", not a former lawyer's
client ("Trump's former lawyer"; a former aide stays on the side), not a journalist's beat;
private, independent and opposition media speak for no state, nor does a nationality before civil
society ("Ukrainian residents", "the Israeli human rights group B'Tselem"); an independent body opening the phrase
keeps only a demonym or an "of <country>" after it; two
coordinated parties give none; a named person the phrase ends in speaks for their own party.

Example:
    >>> party_from_mentions("the EU envoy to Armenia", [(4, 6, "eu"), (16, 23, "armenia")], None)
    'eu'
    >>> party_from_mentions("critics of Trump", [(11, 16, "right")], ("left", "right")) is None
    True
"""

from __future__ import annotations

import re

from stancekit.mention_words import FORMER, PERSON_TITLES, is_beat
from stancekit.people import is_personal_name
from stancekit.rules.lexicon import places

__all__ = ["party_from_mentions", "speaks_for", "is_nationality", "names_opponents", "SERVES_TO", "TITLES_TAKING_TO", "CAPITALISED_TITLES_TAKING_TO"]

#: a party mention right after one of these words sits in a complement ("envoy to Armenia")
_COMPLEMENT = frozenset({"to", "with", "against", "toward", "towards", "on", "about", "over", "between", "versus", "before",
                         "vs", "into", "at"})
_SKIP_BACK = frozenset({"the", "a", "an", "its", "their"})
#: "critics of X": X is who they oppose
_AGAINST = frozenset({"opponent", "opponents", "critic", "critics", "rival", "rivals", "foe", "foes", "enemy", "enemies"})
#: "Trump's critics": the owner is who they oppose
_AGAINST_AFTER = re.compile(r"['’]s?\s+(?:critics?|opponents?|rivals?|foes?|enemies|detractors)\b", re.IGNORECASE)
#: words after which a place is where someone lives, not whom they speak for
_RESIDENCE = frozenset({"resident", "residents", "native", "natives", "living", "lives", "live", "born", "inhabitant",
                        "inhabitants", "villager", "villagers", "citizen", "citizens"})
#: private, independent and opposition media speak for no state ("the private Azerbaijani television
#: station Leader", "independent Russian outlet Meduza"), whatever nationality they have
_NON_STATE_MEDIA = re.compile(
    r"\b(?:private(?:ly[-\s]owned)?|independent|opposition)\s+(?:[\w-]+\s+){0,2}?(?:television|TV|channel|station|"
    r"newspaper|outlet|media|broadcaster|news\s+(?:site|agency|outlet|website)|website|radio|daily|weekly|paper)\b"
    r"(?:\s+(?:station|channel|network|outlet|site|website|agency|company|group))*",
    re.IGNORECASE)
#: what may follow the media noun that heads a phrase: the outlet's name, an appositive, the end
#: (not "independent media regulator", whose head is the regulator)
_MEDIA_HEAD_END = re.compile(r"(?:\s+[A-Z][\w.’'-]*)*\s*(?:[,(].*)?\Z", re.DOTALL)
#: the heads of people and bodies of civil society, whom a nationality before them does not make a
#: state's ("Ukrainian residents", "Russian military analyst Pavel Felgenhauer", "the Israeli human
#: rights group B'Tselem", "the Azerbaijani Journalists Union", "Israel Democracy Institute"); not
#: a state's own ("the Human Rights Defender", "government lawyers", "the Center for Countering
#: Disinformation")
_CIVIL_HEAD = re.compile(
    r"(?:['’]s?)?(?:\s+(?!(?:government|state|officials?|ministry|army|military|defen[cs]e|foreign|presidential|"
    r"parliamentary|parliament|national|federal|public|police|intelligence|security|ombudsman|office|prime|minister|"
    r"pro-kremlin|pro-government|state-run|state-owned|(?:parliament|ministry|government|army|military|president|prime\s+minister)['’]s|(?:and|or)(?!\s+(?-i:[A-Z][a-z]+(?:an|ish|ese|i|ern))\b))\b)"
    r"[\w’'-]+){0,3}?\s+(?:residents?|refugees?|civilians?|villagers?|"
    r"witness(?:es)?|survivors?|evacuees?|IDPs|displaced\s+(?:people|persons|families)|(?:(?:political|military|security|"
    r"defen[cs]e)\s+)?(?:analysts?|experts?)|pollsters?|scholars?|academics?|professors?|researchers?|historians?|"
    r"economists?|businessm[ae]n|students?|(?:human\s+)?rights\s+(?:groups?|organi[sz]ations?|activists?|advocates?|"
    r"lawyers?|campaigners?|NGOs?|watchdogs?|monitors?|cent(?:er|re)s?|union|committee|movement|network|coalition)|"
    r"Helsinki\s+\w+|think[-\s]tanks?|(?:democracy|policy)\s+institute|institute\s+for\s+(?:democracy|human\s+rights|"
    r"the\s+future|peace)|institute\s+of\s+sociology|(?:state\s+)?university|(?:bar|medical)\s+association|journalists['’]?"
    r"\s+(?:union|syndicate|association)|union\s+of\s+journalists|NGOs?|non-?governmental\s+organi[sz]ations?|"
    r"polling\s+(?:firm|agency|company|cent(?:er|re)|institute)|cent(?:er|re)\s+for\s+(?:human\s+rights|democracy|(?!strategic)[\w\s]{0,30}?(?:survey|research)))\b",
    re.IGNORECASE)
#: people posted in a place, who do not speak for it ("a Western diplomat in Baku", "the embassy in
#: Kyiv", "a foreign correspondent in Moscow"); its own officials do ("officials in Kyiv")
_POSTED = frozenset({"diplomat", "diplomats", "ambassador", "ambassadors", "embassy", "embassies", "journalist",
                     "journalists", "reporter", "reporters", "correspondent", "correspondents", "analyst", "analysts",
                     "expert", "experts", "observer", "observers", "businessman", "businessmen", "student", "students",
                     "worker", "workers", "volunteer", "volunteers", "monitor", "monitors", "visitor", "visitors"})
#: a country inside a state body's name ("Bank of Israel economists", "Ministry of Health of Ukraine experts")
_OF_BEFORE = re.compile(r"\b(?:Bank|Ministry|Department|Office|Service|Government|Parliament|Cabinet|Council|Agency|"
                        r"Authority|Treasury|Forces|Army|Police|Prosecutor|Committee)(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
                        r"\s+of\s+(?:the\s+)?\Z")
#: a mediator in a conflict is not a side of it
_MEDIATORS = frozenset({"mediator", "mediators", "mediation", "mediating", "broker", "brokers", "intermediary",
                        "intermediaries"})
#: where a body is, not whom it serves ("the Baku-based Center of Analysis of International Relations",
#: "a Kyiv-based analyst"); a place's own government stays its ("the Stepanakert-based authorities")
_BASED_IN = re.compile(r"[-–]based\b(?!\s+(?:(?:regional|local|city|de\s+facto|separatist)\s+)?(?:government|authorities|"
                       r"administration|officials?|leadership)\b)", re.IGNORECASE)
#: a party's hostages and prisoners are held by it, not its people ("former Hamas hostage Mia Schem",
#: "Russian-held prisoners")
_HELD_BY = re.compile(r"(?:['’]s?)?(?:[-\s]held)?\s+(?:hostages?|captives?|prisoners?|detainees?|abductees?)\b", re.IGNORECASE)
#: a third party that backs a group is its sponsor, not the group ("the Iran-backed Palestinian Islamic
#: Jihad", "US-backed Kurdish forces"); an axis side's backing makes the group its own ("Kremlin-backed
#: governor", "Trump-backed candidate"), as a former official of a side stays on it
#: someone who has left the body the mention names ("a U.S. Coast Guard veteran", "a Fox News alum")
_VETERAN = re.compile(r"['’]?s?\s+(?:veterans?|alum|alumni|alumnus|alumna)\b(?!\s+[a-z])", re.IGNORECASE)
_BACKED_BY = re.compile(r"-(?:backed|funded|sponsored|supported|armed|trained)\b", re.IGNORECASE)
#: "held by", "captured by": whom a hostage or prisoner is held by is not their party
_HELD_BY_VERBS = frozenset({"held", "captured", "abducted", "kidnapped", "seized", "detained", "taken"})
#: a former lawyer is no longer the client's side ("Michael Cohen, former lawyer and fixer for President
#: Donald Trump", "the president's former personal attorney"); a former aide or chief of staff stays on it
_FORMER_COUNSEL_FOR = re.compile(r"\bformer\s+(?:[\w-]+\s+){0,3}?(?:lawyer|attorney(?!\s+general)|counsel|fixer)s?(?:\s+and\s+[\w-]+)?"
                                 r"\s+(?:for|to|of)\s+(?:the\s+)?(?:[\w.]+\s+){0,3}?\Z", re.IGNORECASE)
_FORMER_COUNSEL_AFTER = re.compile(r"['’]s?\s+former\s+(?:[\w-]+\s+){0,2}?(?:lawyer|attorney(?!\s+general)|counsel|fixer)s?\b(?!\s+general)", re.IGNORECASE)
#: "former" or "ex-" right before a mention (determiners allowed before it): "former FBI director",
#: "ex-FBI", "the former director of the CIA", "retired" (before a third party)
_FORMER = re.compile(r"\b(?:former|ex|retired)[\s-]+(?:[\w.]+\s+(?:of\s+)?(?:the\s+)?)?\Z", re.IGNORECASE)
#: a demonym ("Russian", "Turkish", "Chinese", "Israeli")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ish|ese|i)")
#: what may stand between an office and the name it ends in: capitalised words and titles ("Secretary",
#: "chief"); not a verb or a clause ("prosecutors investigating Vladimir Putin")
_TITLE_WORDS = re.compile(r"(?:[\s,’'-]+(?:[A-Z][\w.’'-]*|" + "|".join(sorted(PERSON_TITLES)) + r"))*[\s,’'-]*")
#: what may follow a phrase's head name: the end, or a comma before an appositive
_NAMED_HEAD_END = re.compile(r"\s*(?:,.*)?\Z", re.DOTALL)


def is_nationality(mention: str) -> bool:
    """A country or demonym ("Russian", "U.S."): after "former" it names a nationality, not an office."""
    m = mention.strip()
    return m.lower() in places() or bool(_DEMONYM.fullmatch(m))


#: people who serve whom their "to" names ("an adviser to the president" is the president's side)
SERVES_TO = frozenset({"adviser", "advisor", "aide", "assistant", "counselor", "counsellor", "staff", "spokesman",
                       "spokeswoman", "spokesperson", "counsel"})
#: people who belong to whom their "with" names ("an official with Hamas", "a spokesman with the army")
MEMBERS_WITH = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "member", "commander", "leader",
                          "fighter", "militant", "operative", "staffer", "strategist", "officer", "representative"})
#: people who belong to the body their "at" names ("officials at the Armenian Foreign Ministry"), unless
#: it is a place ("a fighter at the Israeli border", "an official at the Ukrainian checkpoint")
_STAFF_AT = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "staffer", "officer", "representative",
                       "employee"})
_PLACES_AT = frozenset({"border", "front", "frontline", "kibbutz", "checkpoint", "village", "town", "city", "camp", "base",
                        "scene", "site", "crossing", "hospital", "school", "settlement", "port", "airport", "university"})
#: titles whose "to" stays inside a source phrase ("Ukraine's ambassador to the UN Yuriy Sergeyev");
#: an ambassador or envoy to a country is not that country's
TITLES_TAKING_TO = SERVES_TO | {"ambassador", "envoy", "representative", "emissary", "delegate", "secretary", "minister"}
#: titles whose "to" stays inside a source phrase only when written as a title ("The OSCE Chief
#: Monitor to Ukraine stated"), not as an object in running text ("the EU sent observers to the region")
CAPITALISED_TITLES_TAKING_TO = frozenset({"monitor", "mission", "observer", "rapporteur"})


def names_opponents(phrase: str) -> bool:
    """Whether a phrase names people by whom they oppose ("critics of Trump", "Trump's opponents"):
    the person named is not their side (the one list of :data:`_AGAINST` words).

    Example:
        >>> names_opponents("Opponents of Trump's clampdown"), names_opponents("Trump's lawyers")
        (True, False)
    """
    words = [w.lower() for w in re.findall(r"[\w’'-]+", phrase)]
    return (any(w in _AGAINST and nxt == "of" for w, nxt in zip(words, words[1:]))
            or _AGAINST_AFTER.search(phrase) is not None)


def _in_complement(phrase: str, at: int) -> bool:
    words = [w.lower() for w in re.findall(r"[\w’'-]+", phrase[:at])]
    while words and words[-1] in _SKIP_BACK:
        words.pop()
    if len(words) >= 2 and (words[-2:] in (["close", "to"], ["loyal", "to"], ["allied", "with"], ["affiliated", "with"])
                            or (words[-1] == "to" and words[-2].rstrip("s") in SERVES_TO)
                            or (words[-1] == "with" and words[-2].rstrip("s") in MEMBERS_WITH)
                            or (words[-1] == "at" and words[-2].rstrip("s") in _STAFF_AT
                                and not FORMER & set(words[-6:])
                                and not _PLACES_AT & {w.lower() for w in re.findall(r"[\w’'-]+", phrase[at:])[:5]})):
        # "a source close to the Armenian government", "an adviser to Ukraine's minister", "an official
        # with Hamas", "officials at Azerbaijan's Defense Ministry" belong to it
        return False
    last = words[-9:]
    if any(w in _RESIDENCE and nxt in ("of", "in") for w, nxt in zip(last, last[1:])):
        return True  # "a resident of (the region's main city,) Stepanakert" lives there; not their party
    if len(words) >= 2 and words[-2] in _AGAINST and words[-1] == "of":
        return True  # "opponents of Trump's policy" are not Trump's side
    if len(words) >= 2 and words[-1] == "by" and words[-2] in _HELD_BY_VERBS:
        return True  # "hostages held by militants in Gaza" are not the militants' people
    if len(words) >= 2 and words[-1] in ("in", "between", "for") and words[-2] in _MEDIATORS:
        return True  # "countries that act as mediators in Ukraine's peace talks" are not Ukraine's
    return bool(words) and words[-1] in _COMPLEMENT


def _posted_in(phrase: str, start: int, end: int) -> bool:
    """A place where someone is posted ("a Western diplomat in Baku", "a foreign journalist in
    Moscow", "foreign diplomats in Kyiv and Lviv"); not a body there ("volunteers in Ukraine's
    army", "workers in Hamas-run ministries")."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", phrase[:start])]
    return (len(words) >= 2 and words[-1] == "in" and words[-2] in _POSTED
            and _BODY_AFTER.match(phrase, end) is None)


_BODY_AFTER = re.compile(r"(?:['’]s?\b|-|\s+(?:[\w-]+\s+)?(?:army|military|forces|ministry|ministries|government|"
                         r"intelligence|service|office|police|parliament|embassy|administration)\b)", re.IGNORECASE)


def speaks_for(phrase: str, start: int, end: int) -> bool:
    """Whether the name or mention at ``phrase[start:end]`` can speak for the phrase: not in a
    complement ("envoy to Armenia"), not whom its people oppose ("critics of Trump"), hold or
    live in, not where a body is based ("Baku-based"), not a former lawyer's client, not a
    journalist's beat (see the module). The name memory reads a person's party only from such a
    name (:func:`stancekit.rules.names.recall_name`).

    Example:
        >>> t = "Michael Cohen, former lawyer for President Donald Trump"
        >>> speaks_for(t, 0, 13), speaks_for(t, t.index("Trump"), len(t))
        (True, False)
    """
    return not (_in_complement(phrase, start) or _posted_in(phrase, start, end) or _AGAINST_AFTER.match(phrase, end)
                or _HELD_BY.match(phrase, end)
                or _BASED_IN.match(phrase, end)
                or _FORMER_COUNSEL_FOR.search(phrase, 0, start) or _FORMER_COUNSEL_AFTER.match(phrase, end)
                or is_beat(phrase, end, phrase[start:end]))


def party_from_mentions(phrase: str, mentions: list[tuple[int, int, str]], axis: tuple[str, str] | None) -> str | None:
    """The party of a source phrase from the frame's party mentions in it (``(start, end, party)``,
    party ``""`` for an independent body), or ``None`` (see the module)."""
    media = _NON_STATE_MEDIA.search(phrase)
    if media is not None and _MEDIA_HEAD_END.match(phrase, media.end()) and speaks_for(phrase, media.start(), media.end()):
        # "the private Azerbaijani television station Leader" speaks for no state (an outlet a frame
        # lists by name, after the media noun, keeps the party the frame gives it)
        mentions = [m for m in mentions if m[0] >= media.end()]
    # a nationality before a head of civil society names no state's ("Ukrainian residents")
    mentions = [m for m in mentions if not (is_nationality(phrase[m[0]:m[1]]) and _CIVIL_HEAD.match(phrase, m[1])
                                            and not _OF_BEFORE.search(phrase, 0, m[0]))]
    counted = [m for m in mentions if speaks_for(phrase, m[0], m[1])
               and not (m[2] not in (axis or ()) and _FORMER.search(phrase, 0, m[0])
                        and not is_nationality(phrase[m[0]:m[1]]))
               and not (m[2] not in (axis or ()) and _BACKED_BY.match(phrase, m[1]))
               and not (m[2] not in (axis or ()) and _VETERAN.match(phrase, m[1]))]
    if counted and not counted[0][2]:
        # an independent body opens the phrase: a place after it gives no party ("the OSCE mission in
        # Ukraine"), a demonym or an "of <country>" does ("the OSCE's Russian envoy")
        counted = [m for m in counted[1:] if m[2] and (_DEMONYM.fullmatch(phrase[m[0]:m[1]])
                                                    or re.search(r"\bof\s+(?:the\s+)?\Z", phrase[:m[0]]))]
    if not counted:
        return None
    counted = [m for m in counted if m[2]]
    first = counted[0]
    for other in counted[1:]:
        if other[2] != first[2] and (re.search(r"\b(?:and|or)\b|[&,/]", phrase[first[1]:other[0]])
                                     or phrase[first[1]:other[0]] == "-"):  # "the Armenian-Azerbaijani agreement"
            return None
    last = counted[-1]
    if (last[2] != first[2] and _NAMED_HEAD_END.match(phrase, last[1]) and _TITLE_WORDS.fullmatch(phrase, first[1], last[0])
            and is_personal_name(phrase[last[0]:last[1]].split())):
        # the named person the phrase ends in speaks for their own party, not their office's
        # ("Department of Homeland Security Secretary Kirstjen Nielsen", "Pentagon chief Pete Hegseth")
        return last[2]
    return first[2]
