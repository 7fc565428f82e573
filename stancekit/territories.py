"""Public bodies named by the place they govern: a frame's ``territories``.

A frame party may list the places it governs (``territories = ["kyiv", "lviv", ...]``: regular
expression fragments, matched case-insensitively). A source phrase that names a public body or
official of such a place belongs to the party, in either order:

- the place first: "Karabakh's emergency services", "the Nagorno-Karabakh Republic's Interior
  Ministry", "the Kursk regional administration", "Lviv city council";
- the body first: "the Interior Ministry of the unrecognized Nagorno-Karabakh Republic", "officials
  in Lviv", "the governor of the southern region of Mykolaiv".

The place may carry the words that describe a breakaway or occupied one ("the self-proclaimed",
"the breakaway", "the occupied"), so a frame can list a description too ("breakaway region"). The
bodies are one list here (:data:`CIVIL_BODY`, and :data:`ARMED_BODY` when the place comes first), so
every frame reads a place's ministry, police or mayor alike. Armed forces "in" a place are not the
place's ("troops in Kupiansk" may be either side's): an armed body comes first only with "of" ("the
defense army of Artsakh").
A place name alone, or its residents ("residents of Stepanakert"), is no body and gives no party.

Example:
    >>> import re
    >>> owner_first, body_first = (re.compile(p, re.IGNORECASE) for p in body_patterns(("(?:nagorno[-\\\\s])?karabakh",)))
    >>> bool(owner_first.search("Karabakh's emergency services")), bool(body_first.search("the police of Nagorno-Karabakh"))
    (True, True)
    >>> bool(owner_first.search("residents of Karabakh")), bool(body_first.search("troops in Karabakh"))
    (False, False)
"""

from __future__ import annotations

__all__ = ["CIVIL_BODY", "ARMED_BODY", "body_patterns"]

#: the head of a civil public body or an official's title ("Interior Ministry", "State Service for
#: Emergency Situations", "prosecutor's office", "city hall", "mayor", "officials")
CIVIL_BODY = (r"(?:ministry|ministries|minister|government|authorities|authority|administration|leadership|leaders?"
              r"|president|presidency|parliament|national\s+assembly|assembly|ombudsman|human\s+rights\s+defender"
              r"|prosecutors?|prosecutor(?:\s+general)?['’]s\s+office|(?:security|state)\s+service|(?:emergency|rescue"
              r"|fire(?:\s+and\s+rescue)?)\s+services?|emergency\s+situations\s+(?:ministry|service)|investigative"
              r"\s+committee|security\s+council|information\s+(?:headquarters|center|centre)|spokes(?:man|woman|person)"
              r"|officials?|police|mayor|governor|municipality|city\s+hall|(?:city\s+)?council|commission|media\s+office"
              r"|political\s+bureau|politburo|head)")
#: the head of an armed body, read only when the place comes first ("Karabakh's defense army")
ARMED_BODY = r"(?:army|military|armed\s+(?:forces|wing)|forces|troops|defen[cs]e\s+army|commander)"
#: a word between the place and the body that makes the body another institution's ("the Lviv School of
#: Business president", "Yerevan State University's head", "the Lviv Polytechnic's president")
_OTHER_INSTITUTION = (r"(?!(?:of|university|school|institute|academy|college|polytechnic|bank|company|hospital|church|patriarchate"
                      r"|diocese|club|theat(?:er|re)|museum|airport|port|independent|post|times|zoo)(?:['’]s?)?\s)")
#: officials of another kind of body, there from outside ("aid officials in Gaza", "Western officials in Kyiv")
_NOT_LOCAL = "".join(rf"(?<!{w}\s)" for w in ("aid", "relief", "humanitarian", "western", "international", "visiting"))
#: what a body is for, in its capitalised name, between it and its place ("the State Service for Emergency
#: Situations of Karabakh"; not "a spokesman for the UN agency in Gaza")
_REMIT = r"(?:\s+(?:for|on)(?-i:\s+[A-Z][\w’'-]*){1,4})?"
#: a word that can modify a body between its place and its head ("de facto", "Prosecutor General's",
#: "presidential"): no number and no function word ("Gaza including 42 the military" is no body)
_MODIFIER = r"(?!(?:the|a|an|and|or|but|of|in|on|at|to|for|from|by|with|including|as|than|who|which|that)\b)[^\W\d][\w’'-]*"
#: words that describe a place as breakaway, occupied or where it lies ("the self-proclaimed",
#: "the southern region of")
_PLACE_WORDS = (r"(?:(?:self[-\s]proclaimed|self[-\s]declared|unrecogni[sz]ed|breakaway|separatist|de[-\s]facto|occupied"
                r"|southern|northern|eastern|western|central|border|coastal)\s+)*"
                r"(?:(?:city|town|region|district|province|oblast|village)\s+of\s+)?")


def body_patterns(places: tuple[str, ...]) -> tuple[str, ...]:
    """The two regular expressions (case-insensitive) that read a public body of one of ``places``
    in a source phrase: the place first, then the body first (see the module).

    Example:
        >>> import re
        >>> owner_first, body_first = body_patterns(("lviv", "kyiv"))
        >>> [bool(re.search(p, "the mayor of Lviv", re.IGNORECASE)) for p in (owner_first, body_first)]
        [False, True]
    """
    place = "(?:" + "|".join(places) + ")"
    owner_first = (rf"\b{_PLACE_WORDS}{place}(?:['’]s?)?\s+(?:{_OTHER_INSTITUTION}{_MODIFIER}\s+){{0,3}}?"
                   rf"(?:{CIVIL_BODY}|{ARMED_BODY})\b")
    body_first = (rf"\b{_NOT_LOCAL}(?:{CIVIL_BODY}{_REMIT}\s+(?:of|in)|{ARMED_BODY}\s+of)\s+(?:the\s+)?{_PLACE_WORDS}{place}\b")
    return owner_first, body_first
