"""Hedging corpora: the Szeged Uncertainty Corpus (Wikipedia and news parts), BioScope, the SFU Review
corpus with negation and speculation, SciCertainty."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stancekit.corpora._schema import check_dir, hash_split, make_dataset, row
from stancekit.errors import CorpusFormatError, InvalidInputError

__all__ = ["load_szeged", "load_szeged_news", "load_bioscope", "load_sfu_review", "load_scicertainty",
           "SZEGED_HEDGE_TYPES", "NEWS_HEDGE_TYPES", "NEWS_SELECT_SHARE"]


#: cue types of the Szeged Uncertainty Corpus that count as hedges on the CoNLL-2010 definition:
#: every speculation cue type, conditionals and investigation cues included. The Wikipedia part
#: is scored on this definition (:func:`load_szeged`'s default).
SZEGED_HEDGE_TYPES = (
    "speculation_modal_probable",
    "speculation_modal_possible",
    "speculation_hypo_doxastic",
    "speculation_hypo_condition",
    "speculation_hypo_investigation",
)
#: the news definition (:func:`load_szeged_news`'s default and the shipped hedge head's): a
#: sentence is hedged when it has a speculation cue. Conditionals ("if") and investigation cues
#: ("to examine whether") are left out: in news they rarely lower the writer's commitment.
NEWS_HEDGE_TYPES = (
    "speculation_modal_probable",
    "speculation_modal_possible",
    "speculation_hypo_doxastic",
)
#: share of the FactBank documents (by document, hashed) in the selection part of
#: :func:`load_szeged_news`; the rest is the training part.
NEWS_SELECT_SHARE = 0.4


def _norm_type(t: str) -> str:
    return re.sub(r"[\s_]+", "_", t.strip()).strip("_")


def _xml_sentences(path: Path, sent_tag: str, cue_tag: str) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(doc_id, sentence text, cue spans) from a Szeged/BioScope-style XML file."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        raise CorpusFormatError(f"{path}: not well-formed XML ({exc}); is this the original file?") from None
    out = []
    for doc in tree.getroot().iter("Document"):
        did_el = doc.find("DocID")
        doc_id = (did_el.text or "").strip() if did_el is not None else ""
        for sent in doc.iter(sent_tag):
            parts: list[str] = []
            cues: list[dict[str, Any]] = []

            def walk(el: ET.Element, parts: list[str] = parts, cues: list[dict[str, Any]] = cues) -> None:
                if el.tag == cue_tag:
                    start = sum(map(len, parts))
                    txt = "".join(el.itertext())
                    parts.append(txt)
                    cues.append({"start": start, "end": start + len(txt), "label": "hedge",
                                 "type": _norm_type(el.get("type", ""))})
                else:
                    parts.append(el.text or "")
                    for ch in el:
                        walk(ch)
                        parts.append(ch.tail or "")

            walk(sent)
            text = "".join(parts)
            out.append((doc_id, text, cues))
    return out


def _szeged_rows(files: list[Path], hedge_types: tuple[str, ...] | None, corpus: str,
                 doc_key: Callable[[Path, str], str], split_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """Rows of Szeged-format XML files: ``hedged`` = any cue of ``hedge_types`` (``None`` = all
    of :data:`SZEGED_HEDGE_TYPES`), other cues dropped; ``split`` from the document key."""
    types = set(SZEGED_HEDGE_TYPES if hedge_types is None else hedge_types)
    rows = []
    for f in files:
        for doc_id, text, cues in _xml_sentences(f, "Sentence", "ccue"):
            if not text.strip():
                continue
            kept = [c for c in cues if c["type"] in types]
            key = doc_key(f, doc_id)
            rows.append(row(text, key, corpus, hedged=int(bool(kept)), spans=kept, split=split_of(key)))
    return rows


def load_szeged(path: str | Path, *, part: str = "wiki", hedge_types: tuple[str, ...] | None = None, split: str | None = None) -> Any:
    """Szeged Uncertainty Corpus (Szarvas et al., CL 2012): sentences with hedge cue spans.

    Args:
        path: the corpus folder (with ``wiki.xml``, ``bio_*.xml``) or one XML file.
        part: ``wiki`` (Wikipedia), ``bio`` (all biomedical files) or a file stem (``bio_bmc``).
        hedge_types: cue types counting as hedges (``hedged`` = any such cue); ``None`` = all
            (:data:`SZEGED_HEDGE_TYPES`). Type strings are normalised (stray spaces and
            underscores removed: ``"speculation_hypo_doxastic _"`` → ``speculation_hypo_doxastic``).
        split: ``train``/``dev``/``test`` to keep one part of the fixed split (80/10/10 by
            document, hashed with seed 13 so it never depends on file order), or ``None`` for all
            rows (each row's ``split`` column says its part).
    """
    p = Path(path)
    if p.is_file():
        files = [p]
    else:
        check_dir(p, [], "Szeged")
        pattern = "wiki.xml" if part == "wiki" else ("bio_*.xml" if part == "bio" else f"{part}.xml")
        files = sorted(p.glob(pattern))
        if not files:
            found = sorted(x.name for x in p.iterdir())
            raise CorpusFormatError(f"Szeged: no file matching {pattern} in {p}; found {found}")
    rows = _szeged_rows(files, hedge_types, "szeged", lambda f, d: f"{f.stem}:{d}", hash_split)
    if split is not None:
        rows = [r for r in rows if r["split"] == split]
    return make_dataset(rows, corpus="szeged")


def load_szeged_news(path: str | Path, *, hedge_types: tuple[str, ...] | None = NEWS_HEDGE_TYPES,
                     split: str | None = None) -> Any:
    """News part of the Szeged Uncertainty Corpus (FactBank articles), on the news definition.

    Reads ``factbank_dev.xml`` (the development half shipped in ``szeged_factbank_dev/``; the
    other half is withheld for independent evaluation). A sentence is ``hedged`` when it has a cue
    of one of ``hedge_types``: by default :data:`NEWS_HEDGE_TYPES` (probable, possible and
    doxastic speculation); ``hedge_types=None`` gives the CoNLL-2010 all-types definition
    (:data:`SZEGED_HEDGE_TYPES`). Cue spans of other types are dropped from ``spans``.

    Args:
        path: the ``szeged_factbank_dev`` folder or the XML file.
        hedge_types: cue types counting as hedges (see above).
        split: ``train`` or ``dev`` to keep one part of the fixed split of this half by
            document (:data:`NEWS_SELECT_SHARE` of the documents in ``dev``, for model selection
            and calibration; hashed DocIDs, seed 13, so it never depends on file order), or
            ``None`` for all rows.

    Raises:
        CorpusFormatError: no ``factbank*.xml`` in the folder, or the file is not well-formed XML.

    Example:
        >>> import os
        >>> p = "../shared/corpora/szeged_factbank_dev"
        >>> ds = load_szeged_news(p) if os.path.isdir(p) else None
        >>> ds is None or (len(ds), sum(ds["hedged"])) == (1634, 235)
        True
    """
    p = Path(path)
    if p.is_dir():
        check_dir(p, [], "Szeged news")
        files = sorted(p.glob("factbank*.xml"))
        if not files:
            raise CorpusFormatError(f"Szeged news: no factbank*.xml in {p}; found {sorted(x.name for x in p.iterdir())}")
    else:
        files = [p]
    rows = _szeged_rows(files, hedge_types, "szeged_news", lambda f, d: d,
                        lambda key: hash_split(f"factbank:{key}", dev=NEWS_SELECT_SHARE, test=0.0))
    if split is not None:
        if split not in ("train", "dev"):
            raise InvalidInputError(f"load_szeged_news: split must be 'train', 'dev' or None, got {split!r}")
        rows = [r for r in rows if r["split"] == split]
    return make_dataset(rows, corpus="szeged_news")


def load_bioscope(path: str | Path, *, split: str | None = None) -> Any:
    """BioScope (Vincze et al. 2008): biomedical sentences with speculation cue spans.

    ``path``: the folder holding ``abstracts.xml`` / ``full_papers.xml`` (searched recursively)
    or one XML file. Negation cues are ignored; ``hedged`` = any speculation cue.
    """
    p = Path(path)
    files = [p] if p.is_file() else sorted(p.rglob("*.xml"))
    if not files:
        raise CorpusFormatError(f"BioScope: no .xml file under {p}")
    rows = []
    for f in files:
        for doc_id, text, cues in _xml_sentences(f, "sentence", "cue"):
            kept = [c for c in cues if c["type"] == "speculation"]
            if text.strip():
                rows.append(row(text, f"{f.stem}:{doc_id}", "bioscope", hedged=int(bool(kept)), spans=kept,
                                split=hash_split(f"{f.stem}:{doc_id}")))
    if split is not None:
        rows = [r for r in rows if r["split"] == split]
    return make_dataset(rows, corpus="bioscope")


def load_sfu_review(path: str | Path, *, split: str | None = None) -> Any:
    """SFU Review Corpus with negation and speculation (Konstantinova et al., LREC 2012).

    ``path``: the corpus folder (category folders of ``*.xml`` reviews, searched recursively).
    Tokens are joined with single spaces (the corpus is tokenised); ``hedged`` = any
    speculation cue, whose spans point into that text.
    """
    p = Path(path)
    files = sorted(p.rglob("*.xml")) if p.is_dir() else [p]
    if not files:
        raise CorpusFormatError(f"SFU Review: no .xml file under {p}")
    rows = []
    skipped: Counter[str] = Counter()
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError:
            skipped["unparseable files"] += 1
            continue
        doc_id = f"{f.parent.name}/{f.stem}"
        for sent in root.iter("SENTENCE"):
            words: list[str] = []
            cues: list[dict[str, Any]] = []

            def walk(el: ET.Element, cue_type: str | None, words: list[str] = words,
                     cues: list[dict[str, Any]] = cues) -> None:
                for ch in el:
                    if ch.tag == "W":
                        w = ch.text or ""
                        start = len(" ".join(words)) + (1 if words else 0)
                        words.append(w)
                        if cue_type == "speculation":
                            if cues and cues[-1]["_open"] and cues[-1]["_id"] == id(el):
                                cues[-1]["end"] = start + len(w)
                            else:
                                cues.append({"start": start, "end": start + len(w), "label": "hedge",
                                             "type": "speculation", "_open": True, "_id": id(el)})
                    elif ch.tag == "cue":
                        walk(ch, ch.get("type"))
                    else:
                        walk(ch, cue_type)

            walk(sent, None)
            text = " ".join(words)
            if not text.strip():
                continue
            clean = [{k2: v for k2, v in c.items() if not k2.startswith("_")} for c in cues]
            rows.append(row(text, doc_id, "sfu_review", hedged=int(bool(clean)), spans=clean,
                            split=hash_split(doc_id)))
    if split is not None:
        rows = [r for r in rows if r["split"] == split]
    return make_dataset(rows, corpus="sfu_review", skipped=skipped)


def load_scicertainty(path: str | Path, split: str | None = "val") -> Any:
    """SciCertainty (Pei & Jurgens, EMNLP 2021): findings rated 1-6 for certainty.

    ``certainty`` holds the rating; ``hedged`` = 1 when it is below 4 (an arbitrary but
    documented cut, the scale's lower half). ``split``: ``train`` / ``val`` / ``test`` or ``None``.
    """
    p = Path(path)
    if p.is_dir():
        cands = list(p.rglob("sentence-level-certainty.jsonl"))
        if not cands:
            raise CorpusFormatError(f"SciCertainty: no sentence-level-certainty.jsonl under {p}")
        p = cands[0]
    rows = []
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            score = float(r["sentence-level-certainty"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise CorpusFormatError(f"SciCertainty: malformed line {lineno} in {p}") from None
        if split is not None and r.get("split") != split:
            continue
        rows.append(row(r["finding"], str(r["id"]), "scicertainty", certainty=score, hedged=int(score < 4),
                        split=r.get("split", "")))
    return make_dataset(rows, corpus="scicertainty")
