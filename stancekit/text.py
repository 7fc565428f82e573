"""Sentence splitting with character offsets, and quote regions.

The splitter is rule-based (punctuation + capital/quote/digit lookahead, newline = boundary, an
abbreviation list), linear in the text length and never alters the text: every returned span
satisfies ``text[start:end] == span_text``.

Limits: it does not know every abbreviation; a sentence that ends with an abbreviation followed by
a capitalised word ("... in the U.S. The next ...") stays glued to the next one.

Example:
    >>> from stancekit.text import split_sentences
    >>> text = "He left. Dr. Ali said “No.” Then rain."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['He left.', 'Dr. Ali said “No.”', 'Then rain.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from stancekit.errors import InvalidInputError

__all__ = ["split_sentences", "quote_regions", "quote_inner", "quotes_in", "in_quote", "check_text", "replaced_count", "APOS"]

#: apostrophes accepted wherever a pattern needs one (straight and typographic)
APOS = "['’]"

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen brig maj col lt sgt cpl pvt capt cmdr adm gov sen rep st jr sr rev hon pres
    inc corp ltd llc vs etc e.g i.e approx est dept univ fig vol ed
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.n u.k e.u a.m p.m""".split()
)

# A boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then something
# that can start a sentence. Newlines are boundaries on their own.
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+[\"”’')\]]*)(?P<gap>[ \t\u00a0]+)(?=[\"“‘'(\[]?[A-Z0-9\u00C0-\uFFFF])"""
    r"""|(?P<nl>[ \t]*(?:\r?\n|\r|\u2028|\u2029)\s*)"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: object, *, name: str = "text") -> str:
    """Return ``text`` ready to analyse, or raise :class:`InvalidInputError` if it is no ``str``.

    Lone surrogate code points (``"\\ud800"``, which ``json.loads`` can produce and no encoder
    accepts) are replaced by U+FFFD, one for one, so every offset into the returned text is an
    offset into the input. :func:`replaced_count` says how many were replaced.

    Example:
        >>> check_text("ok")
        'ok'
        >>> check_text("a\\ud800b") == "a\\ufffdb"
        True
    """
    if isinstance(text, str):
        return _SURROGATE.sub("\ufffd", text) if _has_surrogate(text) else text
    if isinstance(text, (bytes, bytearray)):
        raise InvalidInputError(
            f"{name} must be str, got {type(text).__name__}; decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise InvalidInputError(
        f"{name} must be str, got {type(text).__name__}; pass the document text as a string "
        "(a list of strings goes to nlp.pipe, a DataFrame to nlp.score_frame)"
    )


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replaced_count(text: str) -> int:
    """How many lone surrogates :func:`check_text` replaces in ``text``.

    Example:
        >>> replaced_count("a\\ud800\\udfffb"), replaced_count("ok")
        (2, 0)
    """
    return len(_SURROGATE.findall(text)) if _has_surrogate(text) else 0


def _is_abbreviation(text: str, end: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ("no", "nos"):
        return text[end : end + 2].strip()[:1].isdigit()
    if word in _ABBREVIATIONS:
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.")
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` offsets, whitespace trimmed.

    Example:
        >>> split_sentences("One. Two.\\nThree")
        [(0, 4), (5, 9), (10, 15)]
    """
    text = check_text(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("nl") is not None:
            cut, nxt = m.start(), m.end()
        else:
            if m.group("end").startswith(".") and _is_abbreviation(text, m.start("end") + 1):
                continue
            cut, nxt = m.end("end"), m.end()
        _add(text, start, cut, spans)
        start = nxt
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


#: a quotation of one kind of marks within a line ("…", “…”, «…»)
_QUOTES = re.compile(r"“[^“”\n\r\u2028\u2029]*”|\"[^\"\n\r\u2028\u2029]*\"|«[^«»\n\r\u2028\u2029]*»")
#: a paragraph: a line with some text
_LINES = re.compile(r"[^\n\r\u2028\u2029]*\S[^\n\r\u2028\u2029]*")
#: a quotation mark that opens ('said: "We', “, «) and one that closes ('reality."', ”, »)
_OPENER = re.compile(r"(?:“|«|(?:^|(?<=[\s(\[:—–]))\")(?=\S)")
_CLOSER = re.compile(r"(?<=\S)(?:”|»|\")(?=[\s.,;:!?)\]—–]|$)")
_OPEN_MARKS, _CLOSE_MARKS = "“«\"", "”»\""
#: how many paragraphs a quotation left open may continue into before its closing mark
_CONTINUED_PARAGRAPHS = 3


def quote_regions(text: str) -> list[tuple[int, int]]:
    r"""Return ``(start, end)`` of each quotation, in text order, never overlapping.

    A quotation is held between marks of one kind on one line (typographic “…”, straight "…",
    guillemets «…»), or between an opening mark and a closing mark of another kind ('“We will
    see," he said'). A quotation that opens and does not close on its line runs to its paragraph's
    end, and on through the following paragraphs up to the closing mark that ends it, as news
    continues a quotation ('said: "We regret ...' / 'It controls the area."'; at most
    :data:`_CONTINUED_PARAGRAPHS` paragraphs, and not into a paragraph that opens a quotation of
    its own). Its parts are then regions without a mark at one end or at both (:func:`quote_inner`,
    :func:`quote_kind` read them). Otherwise unbalanced marks are ignored, and so is a quotation the
    text's last line leaves open (a sentence given on its own may end mid-quotation). Single quotes
    are not used (they clash with apostrophes). This is the one definition of a quotation; callers
    decide only what a quotation's length means for them.

    Example:
        >>> quote_regions('He said “we will win” and left.')
        [(8, 21)]
        >>> t = 'The ministry said: "We regret this. The army holds its ground.\n\nIt controls the area."\n\nIt added.'
        >>> [t[a:b][:12] for a, b in quote_regions(t)]
        ['"We regret t', 'It controls ']
        >>> quote_regions('“Let us see," said the president.')
        [(0, 13)]
    """
    out: list[tuple[int, int]] = []
    lines = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.end() - len(m.group()) + len(m.group().rstrip()))
             for m in _LINES.finditer(text)]
    i, pos = 0, None
    while i < len(lines):
        a, b = lines[i]
        opener = _line_quotes(text, a if pos is None else pos, b, out)
        pos = None
        if opener is None or not _holds_words(text[opener + 1:b]) or i + 1 == len(lines):
            # a short phrase left open at a line break ("the “Artsakh\nauthorities”") is no quotation
            i += 1
            continue
        out.append((opener, b))
        j, close = _continuation(text, lines, i)
        if j is None:
            i += 1
            continue
        out.extend(lines[i + 1:j] + [(lines[j][0], close)])
        i, pos = j, close  # the rest of that line may hold more quotations
    return out


def _line_quotes(text: str, a: int, b: int, out: list[tuple[int, int]]) -> int | None:
    """Add the quotations closed within ``text[a:b]`` to ``out``; return where a quotation that the
    line leaves open starts, or ``None``."""
    while a < b:
        q = _QUOTES.search(text, a, b)
        o = _OPENER.search(text, a, b)
        if o is None:
            return None
        if q is not None and q.start() <= o.start():
            out.append(q.span())
            a = q.end()
            continue
        close = _CLOSER.search(text, o.start() + 1, b)
        if close is None or (q is not None and q.start() < close.start()):
            # left open (or a same-kind quotation comes first: the opener stays unmatched)
            if q is None:
                return o.start()
            out.append(q.span())
            a = q.end()
            continue
        out.append((o.start(), close.end()))  # closed by a mark of another kind
        a = close.end()
    return None


def _continuation(text: str, lines: list[tuple[int, int]], i: int) -> tuple[int | None, int]:
    """The paragraph after paragraph ``i`` whose closing mark ends the quotation left open there,
    with where that mark ends; ``(None, 0)`` when none does within :data:`_CONTINUED_PARAGRAPHS`."""
    for j in range(i + 1, min(i + 1 + _CONTINUED_PARAGRAPHS, len(lines))):
        c, d = lines[j]
        if _OPENER.match(text, c):
            break  # the next paragraph reopens its own quotation (news convention)
        close = _CLOSER.search(text, c, d)
        if close is not None and not _OPENER.search(text, c, close.start()):
            return j, close.end()
        if close is not None:
            break  # a quotation of its own on that line: the open one ended unclosed
    return None, 0


def quote_inner(text: str, qs: int, qe: int) -> tuple[int, int]:
    """What a quotation region holds: the region without its marks (a part of a quotation
    continued across paragraphs lacks a mark at one end or both: nothing is cut there).

    Example:
        >>> t = 'He said: "We will not surrender".'
        >>> quote_inner(t, 9, 32), quote_inner('It controls the area."', 0, 22)
        ((10, 31), (0, 21))
    """
    a = qs + 1 if qe > qs and text[qs] in _OPEN_MARKS else qs
    b = qe - 1 if qe > a and text[qe - 1] in _CLOSE_MARKS else qe
    return a, b


#: a quotation of at most this many words, with no sentence punctuation inside, is a scare quote
SCARE_QUOTE_MAX_WORDS = 4


def quote_kind(text: str, qs: int, qe: int) -> str:
    """What the quotation marks at ``[qs, qe)`` (marks included) hold: ``"quotation"`` (someone's
    words: more than :data:`SCARE_QUOTE_MAX_WORDS` words, or sentence punctuation inside; and any
    part of a quotation continued across paragraphs), ``"scare"`` (a word or short phrase set off)
    or ``"empty"``. The one definition of a quotation: the rules, the model merge and the sentence
    probabilities all ask this.

    Example:
        >>> t = 'He said "we will never leave, never" about the "peacekeepers".'
        >>> quote_kind(t, 8, 36), quote_kind(t, 47, 61)
        ('quotation', 'scare')
    """
    a, b = quote_inner(text, qs, qe)
    inner = text[a:b].strip()
    if not inner:
        return "empty"
    continued = (a, b) != (qs + 1, qe - 1)
    return "quotation" if continued or _holds_words(inner) else "scare"


def _holds_words(inner: str) -> bool:
    """Whether what quotation marks hold is someone's words (more than
    :data:`SCARE_QUOTE_MAX_WORDS` words, or sentence punctuation), not a word set off."""
    return len(inner.split()) > SCARE_QUOTE_MAX_WORDS or re.search(r"[.!?,;:]", inner) is not None


def is_quotation(text: str, qs: int, qe: int) -> bool:
    """``quote_kind(text, qs, qe) == "quotation"``."""
    return quote_kind(text, qs, qe) == "quotation"


def quotes_in(quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of :func:`quote_regions` (sorted, never overlapping) that overlap
    ``[start, end)``, found by bisection so that a document's sentences cost linear time.

    Example:
        >>> quotes_in([(0, 5), (10, 20), (30, 40)], 12, 31)
        [(10, 20), (30, 40)]
    """
    i = bisect.bisect_right(quotes, start, key=lambda q: q[1])
    out = []
    while i < len(quotes) and quotes[i][0] < end:
        out.append(quotes[i])
        i += 1
    return out


def in_quote(quotes: list[tuple[int, int]], pos: int) -> bool:
    """Whether offset ``pos`` lies inside one of the (sorted, non-overlapping) ``quotes``.

    Example:
        >>> in_quote([(10, 20)], 10), in_quote([(10, 20)], 20)
        (True, False)
    """
    i = bisect.bisect_right(quotes, pos, key=lambda q: q[0]) - 1
    return i >= 0 and quotes[i][0] <= pos < quotes[i][1]


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Iterate over word tokens (letters/digits with inner apostrophes, hyphens, dots)."""
    return _WORD.finditer(text, start, len(text) if end is None else end)


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
