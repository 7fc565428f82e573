r"""Public bodies named by the place they govern: a frame's ``territories``.

A frame party may list the places it governs (``territories = ["kyiv", "lviv", ...]``: regular
expression fragments, matched case-insensitively). A source phrase that names a public body or
official of such a place belongs to the party, in either order:

- the place first: "Karabakh's emergency services", "the Nagorno-Karabakh Republic's Interior
  Ministry", "the Kursk regional administration", "Lviv city council", "a spokesman for the
  Karabakh police";
- the body first: "the Interior Ministry of the unrecognized Nagorno-Karabakh Republic", "officials
  in Lviv", "the governor of the southern region of Mykolaiv", "the Ministry of Defense of
  Nagorno-Karabakh".

What counts is one place here, for every frame:

- the bodies (:data:`_CIVIL_BODY`; :data:`_ARMED_BODY` when the place owns them: "the defense army
  of Artsakh", not "troops in Kupiansk", which may be either side's);
- the few words that may stand between a place and its body (:data:`_MODIFIER`: "de facto",
  "presidential", "Prosecutor General's"): any other word makes it another institution or another
  party's ("the Gaza Division commander", "Karabakh's Russian peacekeeping forces", "Kupiansk's
  Russian-installed administration");
- where the match may start (:data:`_LEFT_EDGE`): at the opening of the phrase, after an article or a
  preposition, or after a rank ("local", "senior"), so "Jordanian officials in Gaza", "aid agency
  officials in Gaza" and "Israel struck Gaza police stations" name no Gaza body.

A place name alone, or its residents ("residents of Stepanakert"), is no body and gives no party.

Example:
    >>> import re
    >>> owner_first, body_first = (re.compile(p, re.IGNORECASE) for p in body_patterns((r"(?:nagorno[-\s])?karabakh",)))
    >>> bool(owner_first.search("Karabakh's emergency services")), bool(body_first.search("the police of Nagorno-Karabakh"))
    (True, True)
    >>> bool(owner_first.search("residents of Karabakh")), bool(body_first.search("troops in Karabakh"))
    (False, False)
"""

from __future__ import annotations

__all__ = ["body_patterns"]

#: the head of a civil public body or an official's title ("Interior Ministry", "State Service for
#: Emergency Situations", "prosecutor's office", "city hall", "mayor", "officials", "executive power",
#: "presidential aide", "lawmaker"; not "envoy", "ambassador", "representative", "adviser" or
#: "commissioner", which name another state's or the UN's envoy to the place as often: "the EU's
#: Karabakh envoy", "the WHO's Gaza representative", "the Gaza adviser to the US president")
_CIVIL_BODY = (r"(?:ministry|ministries|minister|government|authorities|authority|administration|leadership|leaders?"
               r"|president|presidency|parliament|national\s+assembly|assembly|ombudsman|human\s+rights\s+defender"
               r"|prosecutors?|prosecutor(?:\s+general)?['’]s\s+office|(?:security|state)\s+service|(?:emergency|rescue"
               r"|fire)(?:\s+and\s+(?:rescue|emergency))?\s+services?|emergency\s+situations\s+(?:ministry|service)|investigative"
               r"\s+committee|security\s+council|information\s+(?:headquarters|center|centre)|spokes(?:man|woman|person)"
               r"|press\s+(?:secretary|service)|officials?|police|mayor|governor|municipality|city\s+hall|(?:city\s+)?council"
               r"|aides?|lawmakers?|legislators?|MPs?|deputies|speaker|chair(?:man|woman)"
               r"|commission|media\s+office|political\s+bureau|politburo|executive\s+(?:power|authority)|head)")
#: the head of an armed body, read only when the place owns it ("Karabakh's defense army")
_ARMED_BODY = r"(?:army|military|armed\s+(?:forces|wing)|forces|troops|defen[cs]e\s+army|commander)"
#: the words that may stand between a place and its body ("Karabakh's de facto government",
#: "the breakaway region's presidential spokeswoman", "Nagorno-Karabakh Prosecutor General's Office")
_MODIFIER = (r"(?:city|regional|local|municipal|district|provincial|oblast|state|national|de[-\s]facto|separatist"
             r"|presidential|government|interior|foreign(?=\s+(?:ministry|minister|affairs|office|relations))|health"
             r"|defen[cs]e|emergency|emergencies|justice|education|finance|energy|culture|prosecutor(?:[-\s]general)?['’]s|general['’]s|human\s+rights|chief|deputy|top"
             r"|senior|acting|former|military|civil|public|press|main|central|border|police|rescue|fire|parliamentary"
             r"|executive|information|security|prisoners['’]?\s+affairs|ministry(?:['’]s)?|government['’]s|president['’]s)")
#: what a body is for, in its name, between it and its place ("the State Service for Emergency
#: Situations of Karabakh", "the Ministry of Defense of Nagorno-Karabakh"; not "a spokesman for the UN
#: agency in Gaza")
_REMIT = (r"(?:\s+(?:for|on|of)(?-i:\s+[A-Z][\w’'-]*){1,4}|\s+of\s+(?:foreign|internal)\s+affairs"
          r"|\s+of\s+(?:defen[cs]e|health|justice|interior|emergency\s+situations|emergencies))?")
#: what a place names when it opens another institution's name ("the commander of the Gaza Division",
#: "the head of the Gaza bureau of Reuters", "the president of the Lviv Polytechnic")
_INSTITUTION = (r"(?:division|brigade|bureau|desk|foundation|fund|community|union|flotilla|plant|pride|exchange|university"
                r"|school|polytechnic|institute|college|club|stabili[sz]ation\s+force|coordination\s+cent(?:er|re))")
#: where a match may start: the phrase's opening or a punctuation mark, an article or a preposition, a
#: rank (each a fixed-width look-behind)
_LEFT_EDGE = "(?:" + "|".join(
    [r"(?<![\w’'.-]\s)(?<![\w’'.-])"]
    + [rf"(?<=\b{w}\s)" for w in ("the", "a", "an", "its", "former", "acting", "ex", "then", "deputy", "senior", "top",
                                  "chief", "local", "city", "regional", "municipal", "state", "police", "for", "of",
                                  "at", "with", "in", "to", "from", "by", "and")]) + ")"
#: words that describe a place as breakaway or where it lies ("the self-proclaimed", "the southern
#: region of", "Azerbaijan's breakaway region of")
_PLACE_WORDS = (r"(?:[\w-]+['’]s\s+)?(?:(?:self[-\s]proclaimed|self[-\s]declared|self[-\s]styled|unrecogni[sz]ed|breakaway"
                r"|separatist|de[-\s]facto|southern|northern|eastern|western|central|border|coastal)\s+)*"
                r"(?:(?:city|town|region|district|province|oblast|village|enclave|republic)\s+of\s+)?")


def body_patterns(places: tuple[str, ...]) -> tuple[str, str]:
    """The two regular expressions (case-insensitive) that read a public body of one of ``places``
    in a source phrase: the place first, then the body first (see the module).

    Example:
        >>> import re
        >>> owner_first, body_first = body_patterns(("lviv", "kyiv"))
        >>> [bool(re.search(p, "the mayor of Lviv", re.IGNORECASE)) for p in (owner_first, body_first)]
        [False, True]
    """
    place = "(?:" + "|".join(places) + ")"
    owner_first = (rf"{_LEFT_EDGE}\b{_PLACE_WORDS}{place}(?:['’]s?)?\s+(?:{_MODIFIER}\s+){{0,3}}?"
                   rf"(?:{_CIVIL_BODY}|{_ARMED_BODY})\b")
    body_first = (rf"{_LEFT_EDGE}\b(?:{_MODIFIER}\s+){{0,3}}(?:{_CIVIL_BODY}(?:{_REMIT}\s+of|\s+(?:of|in))"
                  rf"|{_ARMED_BODY}\s+of)\s+(?:the\s+)?{_PLACE_WORDS}{place}\b"
                  rf"(?!\s+(?:[\w’'-]+\s+){{0,2}}{_INSTITUTION}\b)")
    return owner_first, body_first
