"""Follow-up mentions of sources: "the ministry", "the statement", "the spokesman", "he", "it".

A news article names a source once ("Azerbaijan's Defense Ministry said...") and then refers back
to it ("the ministry added", "it said", "the statement said"). Such a follow-up has no party of its
own; :func:`resolve_followups` gives it the type and party of the source it refers to, after all
sentences of a document are analysed (rules-only and model modes alike).

How it resolves, conservatively:

* **which mentions**: a pronoun (he, she, they, it) or a description without a proper name
  ("the ministry", "the defence ministry", "the spokeswoman", "a ministry spokesman",
  "the statement"), whose own phrase names no party;
* **which antecedent**: the nearest earlier source, within ``WINDOW`` sentences, that is
  compatible: the same head or a synonym of it ("the ministry" ← "Azerbaijan's Defense
  Ministry"; "the military" ← "the Israel Defense Forces"), the same title ("the spokeswoman" ←
  "Foreign Ministry spokeswoman Ani Badalyan", else the nearest cited person), a person for
  he/she, an institution for it, a group or institution for they, and any named source for a
  document noun ("the statement"). Besides cited sources, named institutions the text mentions
  without citing them count for descriptions and it/they ("The Azerbaijani Foreign Ministry in a
  statement brushed away the claims. The ministry said..."); a follow-up that stayed unresolved
  is never an antecedent;
* **owners and authors** (:mod:`stancekit.descriptions`): "its/their/his/her X", "the country's X"
  and "the statement" take their owner's or author's party, or none, before any search;
* **spokespeople**: a spokesperson with no cited spokesperson before it speaks for the source cited
  right before it when that is a body with a party (:func:`stancekit.antecedents.compatible`);
* **headlines**: a bare head without a determiner ("Defense Ministry: ..." in a headline) that
  finds nothing behind it takes the first compatible named source or mention in the next
  ``WINDOW["bare"]`` sentences;
* **what it takes**: the antecedent's type and party (and the antecedent may itself be a resolved
  follow-up). Without a compatible antecedent the mention keeps no party.

Where it stops: no syntax and no gender or number agreement beyond the head noun; a pronoun that
refers to someone named but not cited ("Aliyev met Putin. He said...") takes the nearest *cited*
person (the people merely named, with the parties the name memory gives them, count only when no
person is cited); cataphora ("In its statement, the ministry...") and bridging ("officials at the
ministry") are not resolved, apart from "the country's/nation's X" (:mod:`stancekit.descriptions`)
and "the campaign" with no campaign named before it (the candidate's: the one party of the people
named nearby, as for he/she).

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Azerbaijan's Defense Ministry said posts were shelled. The ministry added that "
    ...           "two soldiers were hurt.", frame="karabakh")
    >>> [(s.span.text, s.type, s.side) for x in doc.sentences for s in x.attribution.sources]
    [("Azerbaijan's Defense Ministry", 'military', 'azerbaijan'), ('The ministry', 'military', 'azerbaijan')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from stancekit.antecedents import (
    PERSON_PRONOUNS,
    SPOKES,
    SUBJECT_FORM,
    Antecedent,
    compatible,
    description_words,
    followup_kind,
    is_person,
    named_spokesperson,
    narrative_steps,
    person_key,
    same_person,
)
from stancekit.descriptions import DOCUMENT_WINDOW, owned_description, owner_party
from stancekit.genders import GENDER, forget_genders, gender_at, gender_of, learn_gender, name_genders
from stancekit.home import document_home, is_military_generic, is_state_generic, majority_home, names_other_army
from stancekit.mention_words import PERSON_TITLES
from stancekit.mention_words import head as _head
from stancekit.mention_words import words as _words
from stancekit.named_bodies import named_bodies
from stancekit.people import (
    SUBJECT_OPENING,
    ends_in_surname,
    named_person_party,
    names_one_person,
    person_mentions,
    surnames,
)
from stancekit.rules.labelling import is_relative_label, is_what_called
from stancekit.rules.lexicon import cue_verbs
from stancekit.rules.names import recall_name
from stancekit.rules.nominal import is_dash_credit
from stancekit.text import in_quote

if TYPE_CHECKING:
    from stancekit.frames import Frame
    from stancekit.results import SentenceResult, Source

__all__ = ["resolve_followups", "WINDOW"]

#: how many sentences back an antecedent may be, for pronouns and for descriptions (a bare head
#: such as a headline's "Defense Ministry:" may also look that far ahead)
WINDOW = {"pronoun": 3, "description": DOCUMENT_WINDOW, "bare": 3}

#: lemmas of the cue lexicon (``rules/lexicons/cue_verbs.tsv``) that deny a claim: the denier is
#: usually named in the claim it denies
_DENIALS = frozenset({"deny", "reject", "dismiss", "refute"})


def _coordinated(a: Source, b: Source) -> bool:
    """Two sources of one cue with different parties (a coordination split by party)."""
    return a.cue is not None and a.cue == b.cue and a.side != b.side


def _resolve(src: Source, kind: str, k: int, seen: list[Antecedent], quoted: bool = False,
             steps: list[int] | None = None) -> tuple[Source, Antecedent | None]:
    """The follow-up with its antecedent's type and party, and the antecedent found (or ``None``)."""
    content = (src.content.start, src.content.end) if src.content else (0, 0)
    lemma = cue_verbs().get(re.sub(r"\s+", " ", src.cue.text.lower()), ("",))[0] if src.cue is not None else ""
    # whoever denies a claim is usually named in it; and "X said ..., Y reported citing the press
    # service of the ministry": what is cited is X's claim
    credit = src.cue is not None and src.cue.text.lower() in ("citing", "per", "quoting")
    denial = (lemma in _DENIALS or credit) and content[1] <= src.span.start
    if not quoted and any(not c.quoted for c in seen):
        seen = [c for c in seen if not c.quoted]  # the narrative refers back to the narrative's sources
    if kind == "pronoun" and not quoted:
        # nor to a source cited inside what another says ("X said the statement of Y was false. ... it added")
        seen = [c for c in seen if not (c.cited and c.in_content)]
    # an organisation the text only mentions is a last resort, unless the follow-up denies a claim
    # that names it ("X accused Hezbollah of ..., which the group denies")
    passes = [seen] if denial else [[c for c in seen if not c.organisation_only], seen]
    if credit:
        # "X has commented on Y's statement, News.az reports citing the ministry": the claim's
        # subject, the first compatible body its sentence names (cited or only named in the claim), is
        # whom the credit cites
        first = next((c for c in seen if c.sentence == k and c.start < src.span.start
                      and compatible(src, kind, replace(c, in_content=False))), None)
        if first is not None:
            return replace(src, type=first.type, side=first.side, side_basis="follow_up"), first
    for pool in passes:
        cand = _antecedent(src, kind, k, pool, content, denial, steps)
        if cand is not None:
            return replace(src, type=cand.type, side=cand.side, side_basis="follow_up"), cand
    return src, None


def _antecedent(src: Source, kind: str, k: int, seen: list[Antecedent], content: tuple[int, int], denial: bool,
                steps: list[int] | None) -> Antecedent | None:
    """The nearest compatible earlier antecedent within the window (then, for a title, the nearest
    cited person), or ``None``."""
    last = description_words(src.span.text)[-1]  # ("Spokesperson Jihad Taha" is a spokesperson)
    spokes = kind == "description" and _head(last.lower()) in SPOKES
    for fallback in (False, True):
        # (a spokesperson speaks for the source cited right before it, within one sentence, or for none)
        window = WINDOW[kind] if not fallback else (1 if spokes else WINDOW["pronoun"])
        for cand in reversed(seen):
            if (steps[k] - steps[cand.sentence] if steps else k - cand.sentence) > window:
                break
            if fallback and spokes and cand.cited and cand.start < src.span.start:
                return cand if compatible(src, kind, cand, fallback=True) else None
            # named in what the follow-up says; but whoever denies a claim is usually named in it
            inside = content[0] <= cand.start < content[1] and not denial
            if cand.start < src.span.start and not inside and compatible(src, kind, cand, fallback=fallback):
                return cand
        if kind != "description" or _head(last) not in PERSON_TITLES:
            break
    return None


def resolve_followups(sentences: tuple[SentenceResult, ...], frame: Frame | None, text: str = "",
                      quotes: list[tuple[int, int]] = (),  # type: ignore[assignment]
                      memory: dict[str, tuple[str, str | None]] | None = None) -> tuple[SentenceResult, ...]:
    """Give follow-up mentions the type and party of the source they refer to (see the module),
    an army named without a nationality the frame's ``armed_forces`` party, and a state body or
    office named without a nationality the document's home party (:mod:`stancekit.home`) when
    nothing earlier gives it one.

    Args:
        sentences: the document's sentences, in order.
        frame: the active frame (parties of named mentions), or ``None``.
        text: the document text (for named institutions that are mentioned but not cited).
        quotes: the document's quotation regions (mentions inside them are not antecedents).
        memory: the document's name memory (:func:`stancekit.rules.names.remember_titles`): the party
            of a person named by a title, for a he/she that refers to someone named but not cited.
    """
    own = {src.span.text.lower(): src.side for sent in sentences for src in sent.attribution.sources
           if src.side_basis is None}  # distinct sources with a side of their own phrase (not a follow-up's)
    home = document_home(text, frame) or majority_home(list(own.values()), frame)
    lead = len(text) - len(text.lstrip())
    headline_end = text.find("\n", lead) if "\n" in text.strip() else 0
    qlist = list(quotes)
    # each content span with the start of the source that owns it
    owned = [(x.span.start, x.content.start, x.content.end) for sent in sentences for x in sent.attribution.sources
             if x.content]
    contents = [(a, b) for _, a, b in owned]
    mentions = [replace(m, in_content=True) if any(a <= m.start < b for a, b in contents) else m
                for m in named_bodies(text, sentences, frame, qlist)]
    family = surnames(text) | (frame.person_surnames() if frame is not None else frozenset())
    steps = narrative_steps(sentences, qlist)
    doc = _Document(text, frame, sentences, qlist, family, steps, memory or {}, owned)
    seen: list[Antecedent] = []  # cited sources (resolved) and named mentions, in text order
    # a person's name, and the genders of their first name and of the pronouns that referred back to them
    genders = name_genders(text)
    out = []
    for k, sent in enumerate(sentences):
        new_sources = []
        for src in sent.attribution.sources:
            while mentions and mentions[0].start < src.span.start:
                seen.append(mentions.pop(0))
            kind = followup_kind(src, frame, headline_end)
            quoted = in_quote(qlist, src.span.start)
            src = _resolve_source(src, kind, sent, k, quoted, not new_sources, seen, genders, home, doc)
            new_sources.append(src)
            if kind is None or src.side is not None or named_spokesperson(src.span.text):
                _remember(new_sources, k, quoted, seen, doc)
        if new_sources != list(sent.attribution.sources):
            sent = replace(sent, attribution=replace(sent.attribution, sources=tuple(new_sources)))
        out.append(sent)
    return _resolve_ahead(tuple(out), frame, seen + mentions, headline_end)


def _resolve_source(src: Source, kind: str | None, sent: SentenceResult, k: int, quoted: bool, first: bool,
                    seen: list[Antecedent], genders: dict[str, set[str]], home: str | None, doc: _Document) -> Source:
    """One source of sentence ``k`` with the party its follow-up kind, description or context gives
    it (``first``: no source before it in its sentence)."""
    subject = (_labelling_subject(doc.text, sent.span.start, src, doc.frame)
               if kind == "pronoun" and not quoted and first else None)
    if subject is not None and src.side is None:
        src = replace(src, side=subject, side_basis="follow_up")
    decided = False
    if kind == "description" and src.side is None and not quoted:  # "its/his X", "the statement"
        src, decided = owned_description(src, k, seen, doc, lambda p: _follow(p, "pronoun", k, quoted, seen, genders, doc))
    if kind is not None and src.side is None and not decided:
        src = _follow(src, kind, k, quoted, seen, genders, doc)
    if src.side is None and not quoted:
        src = _context_party(src, kind, k, home, doc)
    return src


def _remember(sources: list[Source], k: int, quoted: bool, seen: list[Antecedent], doc: _Document) -> None:
    """Record the last of ``sources`` (of sentence ``k``) as an antecedent for the mentions after it."""
    src = sources[-1]
    # cited inside the words of a source named before it ("X said the statement of Y ...")
    nested = any(o < src.span.start and a <= src.span.start < b for o, a, b in doc.owned)
    seen.append(Antecedent(src.span.text, src.span.start, k, src.type, src.side, True,
                            ends_in_surname(src.span.text, doc.family), quoted, in_content=nested))
    if len(sources) > 1 and _coordinated(sources[-2], src):
        # "X and Y accused each other. They said": they are both, of no one party
        seen.append(Antecedent(f"{sources[-2].span.text} and {src.span.text}", src.span.start, k,
                                src.type, None, True, quoted=quoted))


def _context_party(src: Source, kind: str | None, k: int, home: str | None, doc: _Document) -> Source:
    """A source outside quotations still without a party, from its context: "its/their" plus a
    description takes its owner's party (:func:`stancekit.people.possessor_party`), an army without a
    nationality the frame's ``armed_forces`` party, and a state body or office without a nationality
    the document's home party (:mod:`stancekit.home`)."""
    if kind == "description" and _words(src.span.text)[0].lower() in {"its", "their"}:
        src = owner_party(src, k, doc)
    army = doc.frame.armed_forces if doc.frame is not None else None
    # (not where the text has named another nation's army: "Lebanon's army said ... The army said")
    if (army is not None and src.side is None and is_military_generic(src.span.text)
            and not names_other_army(doc.text[:src.span.start], doc.frame, army)):
        return replace(src, side=army, type="military", side_basis="army")
    if home is not None and src.side is None and is_state_generic(src.span.text):
        src = replace(src, side=home, type=src.type if src.type != "other" else "government", side_basis="home")
    return src


#: a campaign named before, which "the campaign" may be ("launched a campaign against smoking"); not
#: a candidate's campaign trail or season
_OTHER_CAMPAIGN = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}campaign\b(?!\s+(?:trail|season|stops?|events?|"
                             r"rall(?:y|ies)|finance|spending|promises?|pledges?))", re.IGNORECASE)


@dataclass(frozen=True)
class _Document:
    """What the resolution of one follow-up reads besides its sources: the text, the frame, the
    sentences, the quotation regions, the surnames a person may go by and the narrative steps."""
    text: str
    frame: Frame | None
    sentences: tuple[SentenceResult, ...]
    quotes: list[tuple[int, int]]
    family: frozenset[str]
    steps: list[int]
    memory: dict[str, tuple[str, str | None]]
    owned: list[tuple[int, int, int]]  # each source's start with its content span

    def known(self, name: str) -> str | None:
        """The party the name memory holds for a person, or ``None``."""
        return (recall_name(name, self.memory) or (None, None))[1]


def _follow(src: Source, kind: str, k: int, quoted: bool, seen: list[Antecedent], genders: dict[str, set[str]],
            doc: _Document) -> Source:
    """One follow-up without a party, resolved: the nearest compatible antecedent (a he/she only of
    the gender the document has shown, :func:`stancekit.genders.gender_of`), else for he/she
    the party of the people named nearby, else the one person the narrative has cited."""
    gender = GENDER.get(SUBJECT_FORM.get(src.span.text.lower(), src.span.text.lower()))
    pool = [c for c in seen if gender_of(c, genders) in (None, gender)] if gender else seen
    resolved, cand = _resolve(src, kind, k, pool, quoted, doc.steps)
    aside = ([c for c in seen if c.cited and c.sentence >= k - 1 and gender_of(c, genders) not in (None, gender)]
             if gender and cand is None else [])
    if any(c.sentence == k for c in aside):
        # a pronoun the memory would leave unresolved while it sets aside a source of
        # the pronoun's own sentence ("He called it a witch hunt, she added"): the memory
        # was wrong, and the people it set aside here lose their gender
        forget_genders(aside, gender, genders)
        resolved, cand = _resolve(src, kind, k, seen, quoted, doc.steps)
    if cand is not None and named_spokesperson(src.span.text) and _claim_names_other(src, cand, doc):
        resolved, cand = src, None  # "Military spokesman Nazar Voloshyn said Ukrainian forces ...": not Russia's
    src = resolved
    found = cand is not None
    if gender and found:
        learn_gender(cand, src, gender, pool, genders)
    # "the campaign" with no campaign named before it is a candidate's: the one party of the people named nearby
    campaign = (kind == "description" and src.span.text.lower() in ("the campaign", "his campaign", "her campaign")
                and doc.frame is not None and doc.frame.government is not None  # (an election frame)
                and not _OTHER_CAMPAIGN.search(doc.text, 0, src.span.start))  # (no other campaign named before)
    if not found and not quoted and (campaign or SUBJECT_FORM.get(src.span.text.lower(), src.span.text.lower()) in PERSON_PRONOUNS):
        first = next(j for j in range(k + 1) if doc.steps[k] - doc.steps[j] <= WINDOW["pronoun"])
        people = person_mentions(doc.text, doc.sentences[first].span.start, src.span.start, doc.frame, doc.family,
                                 doc.quotes, doc.known)
        if gender:  # a person of the other gender is no candidate ("President Ilham Aliyev ... She added")
            people = [(a, p) for a, p in people if gender_at(doc.text, a, genders) in (None, gender)]
        party = named_person_party(people)
        src = replace(src, side=party, side_basis="named_nearby" if party else None)
        if party is None and not people and not campaign:
            src = _sole_person(src, pool, lambda lo, hi=src.span.start: bool(
                person_mentions(doc.text, lo, hi, doc.frame, doc.family, doc.quotes)))
    return src


def _claim_names_other(src: Source, cand: Antecedent, doc: _Document) -> bool:
    """Whether a named spokesperson's claim opens with another party than the antecedent's (its
    subject): then the body cited before is not the one they speak for ("Russia's Defense Ministry
    said ... Military spokesman Nazar Voloshyn said Ukrainian forces had repelled 30 attacks"; not
    "... said the strikes on Hamas would continue")."""
    if doc.frame is None or src.content is None:
        return False
    claim = doc.text[src.content.start:src.content.end]
    opening = len(" ".join(claim.split()[:2]))  # the claim's first two words: its subject's
    return any(a < opening and p != cand.side for a, _, p in doc.frame.party_mentions(claim))


def _sole_person(src: Source, seen: list[Antecedent], named_after: Callable[[int], bool]) -> Source:
    """A he/she that nothing near resolves, when no one is named in its window, refers to the one
    person the narrative has cited by name so far, however far back (an article about one speaker:
    "Trump ... (ten sentences on) ... he boasted"); two people cited by name, another person cited
    or named after that one ("a doctor", "Oleksandr, a 34-year-old soldier", a "he" of no party:
    ``named_after(offset)`` tells whether someone else is named from there to the pronoun), or that
    person without a party give no party."""
    named = [c for c in seen if c.cited and not c.quoted and c.surname]
    keys = {person_key(c.text) for c in named}
    full = {k for k in keys if " " in k}
    if not named or len(full) > 1 or any(not same_person(k, next(iter(full), k)) for k in keys):
        return src
    last = named[-1]
    named_ids = {id(c) for c in named}
    others = [c for c in seen if c.cited and not c.quoted and c.start > last.start and id(c) not in named_ids
              and (c.side != last.side if c.text.lower() in GENDER else is_person(c) or names_one_person(c.text))]
    if others or last.side is None or named_after(last.start + len(last.text)):
        return src
    return replace(src, type=last.type, side=last.side, side_basis="follow_up")


def _labelling_subject(text: str, sentence_start: int, src: Source, frame: Frame | None) -> str | None:
    """The party of the clause's subject when "it" or "they" labels what that subject does ("Israel
    has carried out strikes against what it says are Hamas targets", "Ukraine released interviews
    with soldiers it says were detained"): a party named at the
    sentence's opening (after at most a fronted adverbial: "On Friday, Russia launched what it
    called ..."), and no other party before the pronoun. Not whom a subject without a party accuses
    ("Amnesty accused Russia of what it called war crimes": the caller resolves "it" as usual)."""
    cue = src.cue.text if src.cue is not None else None
    pronoun = src.span.text.lower()
    # a relative clause's "it" only: "they" there is often other people ("UN experts ... Israel holds
    # detainees they say are held without charge")
    if frame is None or pronoun not in ("it", "they") or not (
            is_what_called(text, src.span.start, cue) or (pronoun == "it" and is_relative_label(text, src.span.start, cue))):
        return None
    mentions = frame.party_mentions(text[sentence_start:src.span.start])
    if not mentions or len({p for _, _, p in mentions}) != 1:
        return None
    opening = text[sentence_start:sentence_start + mentions[0][0]]
    return mentions[0][2] if SUBJECT_OPENING.fullmatch(opening) else None


def _resolve_ahead(sentences: tuple[SentenceResult, ...], frame: Frame | None,
                   named: list[Antecedent], headline_end: int = 0) -> tuple[SentenceResult, ...]:
    """A bare head left without a party ("Defense Ministry: ..." in a headline) takes the first
    compatible named source or mention in the next ``WINDOW["bare"]`` sentences."""
    named = sorted((a for a in named if a.side is not None), key=lambda a: a.start)
    starts = [a.start for a in named]
    out = list(sentences)
    for k, sent in enumerate(sentences):
        sources = list(sent.attribution.sources)
        for i, src in enumerate(sources):
            if src.side is not None or followup_kind(src, frame, headline_end) != "bare":
                continue
            # "— diplomat" takes the first cited person; "officials say" only more officials
            last = _words(src.span.text)[-1]
            titled = is_dash_credit(src) and _head(last) in PERSON_TITLES and not last.lower().endswith("s")
            cand = None
            for a in named[bisect.bisect_right(starts, src.span.end):]:
                if a.sentence - k > WINDOW["bare"]:
                    break
                if compatible(src, "bare", a, fallback=titled):
                    cand = a
                    break
            if cand is not None:
                sources[i] = replace(src, type=cand.type, side=cand.side, side_basis="follow_up")
        if sources != list(sent.attribution.sources):
            out[k] = replace(sent, attribution=replace(sent.attribution, sources=tuple(sources)))
    return tuple(out)
