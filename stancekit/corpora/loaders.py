"""Loaders for the public corpora of the field; all return the schema of :mod:`._schema`.

Example:
    >>> from stancekit.corpora import load_labelled
    >>> ds = load_labelled([{"text": "He said so.", "label": 1}], task="attribution")
    >>> ds[0]["attributed"], ds[0]["text"]
    (1, 'He said so.')
"""

from __future__ import annotations

import ast
import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stancekit.corpora._schema import check_dir, hash_split, make_dataset, row
from stancekit.errors import CorpusFormatError, InvalidInputError
from stancekit.tables_io import read_table
from stancekit.text import split_sentences

__all__ = [
    "load_polnear",
    "load_szeged",
    "load_sfu_review",
    "load_bioscope",
    "load_babe",
    "load_ptc",
    "load_checkthat",
    "load_scicertainty",
    "load_allsides",
    "load_labelled",
    "SZEGED_HEDGE_TYPES",
    "NEWS_HEDGE_TYPES",
    "NEWS_SELECT_SHARE",
    "load_szeged_news",
]


def _clip_spans(spans: list[dict[str, Any]], s: int, e: int) -> list[dict[str, Any]]:
    out = []
    for sp in spans:
        a, b = max(sp["start"], s), min(sp["end"], e)
        if a < b:
            out.append({**sp, "start": a - s, "end": b - s})
    return sorted(out, key=lambda x: (x["start"], x["end"]))


def _sentence_rows(text: str, doc_id: str, corpus: str, spans: list[dict[str, Any]], label_fn: Any, **meta: Any) -> list[dict[str, Any]]:
    rows = []
    for s, e in split_sentences(text):
        local = _clip_spans(spans, s, e)
        rows.append(row(text[s:e], doc_id, corpus, sentence_start=s, sentence_end=e, spans=local,
                        **label_fn(local), **meta))
    return rows


# --------------------------------------------------------------------------------- PolNeAR
def load_polnear(path: str | Path, split: str = "dev", *, view: str = "sentence", duplicates: str = "first") -> Any:
    """PolNeAR (Newell, Margolin & Ruths, LREC 2018): attribution Source / Cue / Content spans.

    Args:
        path: the PolNeAR folder (holding ``data/``) or its ``data/`` folder.
        split: ``train`` or ``dev`` (the official test split is withheld from this project).
        view: ``sentence`` (one row per sentence; ``attributed`` = the sentence overlaps a
            Source or Cue span) or ``document`` (one row per article, all spans).
        duplicates: some articles were annotated by two annotators (``<article>_<annotator>.ann``).
            ``first``: keep the annotation of the alphabetically first annotator, so each article
            counts once (the default, for evaluation); ``all``: one document per annotation file,
            ``doc_id`` carrying the annotator.

    Returns:
        ``datasets.Dataset`` in the common schema, spans labelled ``source``/``cue``/``content``
        with ``type`` = the relation id (``E3``); ``outlet`` (publisher) and ``date`` from
        ``metadata.tsv``; a wire credit (AP, AFP, ...) is appended to ``outlet`` as
        ``"nyt (wire: AP)"``.

    Raises:
        CorpusFormatError: the folder lacks ``<split>/text`` and ``<split>/attributions``, or an
        ``.ann`` line is malformed (file and line named).
    """
    if duplicates not in ("first", "all"):
        raise InvalidInputError(f"duplicates must be 'first' or 'all', got {duplicates!r}")
    if view not in ("sentence", "document"):
        raise InvalidInputError(f"view must be 'sentence' or 'document', got {view!r}")
    root = Path(path)
    if (root / "data").is_dir():
        root = root / "data"
    base = check_dir(root, [f"{split}/text", f"{split}/attributions"], "PolNeAR")
    meta: dict[str, dict[str, str]] = {}
    if (root / "metadata.tsv").exists():
        with open(root / "metadata.tsv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                meta[r["filename"]] = r
    texts = {p.stem: p for p in (base / split / "text").glob("*.txt")}
    by_doc: dict[str, list[Path]] = defaultdict(list)
    skipped: Counter[str] = Counter()
    for ann in sorted((base / split / "attributions").glob("*.ann")):
        doc, _, annotator = ann.stem.rpartition("_")
        if doc not in texts:
            skipped["annotation files without text"] += 1
            continue
        by_doc[doc].append(ann)
    rows: list[dict[str, Any]] = []
    for doc in sorted(by_doc):
        anns = by_doc[doc] if duplicates == "all" else by_doc[doc][:1]
        text = texts[doc].read_text(encoding="utf-8")
        m = meta.get(doc, {})
        outlet = m.get("publisher", "")
        wire = m.get("wire", "")
        if wire and wire != "None":
            outlet = f"{outlet} (wire: {wire})"
        for ann in anns:
            spans = _read_brat(ann, text)
            doc_id = doc if duplicates == "first" else ann.stem
            common = {"outlet": outlet, "date": m.get("publication_date", ""), "split": split}
            if view == "document":
                rows.append(row(text, doc_id, "polnear", spans=spans,
                                attributed=int(any(s["label"] == "cue" for s in spans)), **common))
            else:
                rows.extend(_sentence_rows(
                    text, doc_id, "polnear", spans,
                    lambda local: {"attributed": int(any(s["label"] in ("source", "cue") for s in local))},
                    **common))
    unannotated = len(set(texts) - set(by_doc))
    if unannotated:
        skipped["texts without annotation"] += unannotated
    return make_dataset(rows, corpus="polnear", skipped=skipped)


def _read_brat(ann: Path, text: str) -> list[dict[str, Any]]:
    spans_by_t: dict[str, list[tuple[str, int, int]]] = {}
    relation_of: dict[str, str] = {}
    for lineno, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if not re.match(r"[TEARN#]\d*\t", line):
            # continuation of a span text that contains a newline (brat writes it verbatim)
            continue
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                label, *offsets = parts[1].split(" ", 1)
                frags = []
                for frag in offsets[0].split(";"):
                    a, b = frag.split()
                    frags.append((label, int(a), int(b)))
                spans_by_t[parts[0]] = frags
            elif line.startswith("E"):
                rel = parts[0]
                for arg in parts[1].split():
                    _, t = arg.split(":")
                    relation_of[t] = rel
        except (IndexError, ValueError):
            raise CorpusFormatError(f"PolNeAR: malformed line {lineno} in {ann}: {line[:80]!r}") from None
    out = []
    for t, frags in spans_by_t.items():
        for label, a, b in frags:
            if label == "Attribution":
                continue
            if not (0 <= a < b <= len(text)):
                raise CorpusFormatError(f"PolNeAR: span {t} ({a}-{b}) outside the text in {ann}")
            out.append({"start": a, "end": b, "label": label.lower(), "type": relation_of.get(t, "")})
    return sorted(out, key=lambda x: (x["start"], x["end"]))


# ------------------------------------------------------------------------- Szeged / BioScope
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


# ------------------------------------------------------------------------------------ BABE
def _word_spans(text: str, words: list[str], label: str, typ: str) -> tuple[list[dict[str, Any]], int]:
    spans, missing = [], 0
    for w in words:
        w = w.strip()
        if not w:
            continue
        found = False
        for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text, re.IGNORECASE):
            if not any(s["start"] == m.start() for s in spans):
                spans.append({"start": m.start(), "end": m.end(), "label": label, "type": typ})
                found = True
                break
        missing += not found
    return sorted(spans, key=lambda s: s["start"]), missing


def load_babe(path: str | Path, split: str | None = "dev", *, file: str = "final_labels_SG2.csv") -> Any:
    """BABE (Spinde et al., 2021): expert-labelled biased / non-biased news sentences.

    Args:
        path: the BABE folder (with ``final_labels_SG2.csv``) or the CSV itself (``;``-separated,
            UTF-8 with BOM).
        split: ``train`` / ``dev`` / ``test`` of the fixed split (80/10/10, SHA-1 of the sentence
            text with seed 13: stable across machines and row orders), or ``None`` for all.
        file: which label file (``final_labels_SG1.csv`` re-annotates MBIC).

    ``biased`` = 1 for "Biased", 0 for "Non-biased"; rows labelled "No agreement" are skipped
    (counted in a :class:`SkippedItemsWarning`). ``biased_words`` become ``loaded`` spans (first
    case-insensitive whole-word occurrence of each; words not found are counted). ``outlet`` and
    ``outlet_rating`` (left / center / right) come from the file.
    """
    p = Path(path)
    if p.is_dir():
        p = check_dir(p, [file], "BABE") / file
    if not p.exists():
        raise CorpusFormatError(f"BABE: {p} does not exist")
    rows = []
    skipped: Counter[str] = Counter()
    with open(p, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        need = {"text", "outlet", "type", "label_bias", "biased_words"}
        if not need <= set(reader.fieldnames or []):
            raise CorpusFormatError(f"BABE: {p} lacks columns {sorted(need - set(reader.fieldnames or []))}; found {reader.fieldnames}")
        for lineno, r in enumerate(reader, 2):
            label = {"Biased": 1, "Non-biased": 0}.get((r["label_bias"] or "").strip())
            if label is None:
                skipped[f"rows labelled {r['label_bias']!r}"] += 1
                continue
            text = r["text"]
            try:
                words = ast.literal_eval(r["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                raise CorpusFormatError(f"BABE: malformed biased_words at {p}, line {lineno}: {r['biased_words'][:60]!r}") from None
            spans, missing = _word_spans(text, list(words), "loaded", "biased_word")
            if missing:
                skipped["biased words not found in their sentence (span dropped, row kept)"] += missing
            sp = hash_split(text)
            if split is not None and sp != split:
                continue
            rows.append(row(text, f"babe:{lineno}", "babe", biased=label, spans=spans, outlet=r["outlet"],
                            outlet_rating=r["type"], split=sp))
    return make_dataset(rows, corpus="babe", skipped=skipped)


# ------------------------------------------------------------------------------------- PTC
def load_ptc(path: str | Path, *, view: str = "sentence", techniques: tuple[str, ...] = ("Loaded_Language",)) -> Any:
    """Propaganda Techniques Corpus (Da San Martino et al., SemEval-2020 Task 11), train articles.

    Args:
        path: the PTC folder (with ``datasets/train-articles`` and
            ``datasets/train-labels-task2-technique-classification``) or that ``datasets`` folder.
        view: ``sentence`` (one row per line of the article: PTC articles have one sentence per
            line) or ``document``.
        techniques: techniques that set ``biased`` = 1 (default: ``Loaded_Language``). All
            technique spans are kept, ``label`` = ``loaded`` for these techniques, else the
            technique name; ``type`` = the technique.
    """
    root = Path(path)
    if (root / "datasets").is_dir():
        root = root / "datasets"
    base = check_dir(root, ["train-articles", "train-labels-task2-technique-classification"], "PTC")
    labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    skipped: Counter[str] = Counter()
    for f in sorted((base / "train-labels-task2-technique-classification").glob("*.labels")):
        for lineno, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise CorpusFormatError(f"PTC: malformed line {lineno} in {f}: {line!r}")
            art, tech, a, b = parts
            lab = "loaded" if tech in techniques else tech
            labels[art].append({"start": int(a), "end": int(b), "label": lab, "type": tech})
    rows = []
    for f in sorted((base / "train-articles").glob("article*.txt")):
        art = f.stem.replace("article", "")
        if art not in labels:
            skipped["articles without labels"] += 1
        text = f.read_text(encoding="utf-8")
        spans = sorted(labels.get(art, []), key=lambda s: (s["start"], s["end"]))
        if view == "document":
            rows.append(row(text, art, "ptc", spans=spans, biased=int(any(s["label"] == "loaded" for s in spans)),
                            split=hash_split(art)))
            continue
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if not line.strip():
                continue
            local = _clip_spans(spans, s, e)
            rows.append(row(line, art, "ptc", sentence_start=s, sentence_end=e, spans=local,
                            biased=int(any(x["label"] == "loaded" for x in local)), split=hash_split(art)))
    return make_dataset(rows, corpus="ptc", skipped=skipped)


# ------------------------------------------------------------------------ smaller corpora
def load_checkthat(path: str | Path, split: str = "dev") -> Any:
    """CheckThat! 2025 Task 1 English subjectivity: ``biased`` = 1 for SUBJ, 0 for OBJ.

    ``path``: the folder with ``train_en.tsv``, ``dev_en.tsv``, ``dev_test_en.tsv``;
    ``split``: ``train``, ``dev`` or ``dev_test``.
    """
    fname = f"{split}_en.tsv"
    p = check_dir(path, [fname], "CheckThat") / fname
    rows = []
    skipped: Counter[str] = Counter()
    with open(p, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            lab = {"SUBJ": 1, "OBJ": 0}.get((r.get("label") or "").strip())
            if lab is None:
                skipped["rows without SUBJ/OBJ label"] += 1
                continue
            rows.append(row(r["sentence"], r["sentence_id"], "checkthat", biased=lab, split=split))
    return make_dataset(rows, corpus="checkthat", skipped=skipped)


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


def load_allsides(path: str | Path) -> Any:
    """AllSides sample (Baly et al., EMNLP 2020): articles with outlet and its rating.

    One row per article (document view): ``text`` = ``content_original``, ``outlet`` = ``source``,
    ``outlet_rating`` = ``bias_text`` (left / center / right), ``date``; articles with empty
    content are skipped and counted.
    """
    p = Path(path)
    if p.is_dir():
        p = check_dir(p, ["articles.jsonl"], "AllSides") / "articles.jsonl"
    rows = []
    skipped: Counter[str] = Counter()
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError:
            raise CorpusFormatError(f"AllSides: malformed JSON at {p}, line {lineno}") from None
        text = r.get("content_original") or ""
        if not text.strip():
            skipped["articles with empty content"] += 1
            continue
        rows.append(row(text, str(r.get("ID", lineno)), "allsides", outlet=r.get("source", ""),
                        outlet_rating=r.get("bias_text", ""), date=r.get("date", "")))
    return make_dataset(rows, corpus="allsides", skipped=skipped)


_TASK_COL = {"attribution": "attributed", "hedging": "hedged", "framing": "biased"}


def load_labelled(
    data: Any,
    *,
    task: str,
    text_col: str = "text",
    label_col: str = "label",
    spans_col: str | None = None,
    meta_cols: tuple[str, ...] = ("outlet", "date", "outlet_rating"),
) -> Any:
    """Your own labelled data in the common schema.

    Args:
        data: a CSV / JSONL / parquet path, a ``datasets.Dataset``, a DataFrame or a list of dicts.
        task: ``attribution``, ``hedging`` or ``framing`` (sets ``attributed``/``hedged``/``biased``).
        text_col, label_col: columns with the text and a 0/1 (or bool, or "yes"/"no") label.
        spans_col: optional column of span lists (``[{start, end, label[, type]}]``).
        meta_cols: metadata columns copied when present.

    Rows with missing text or an unreadable label are skipped and counted (warning).
    """
    if task not in _TASK_COL:
        raise InvalidInputError(f"task must be one of {sorted(_TASK_COL)}, got {task!r}")
    df = read_table(data, error=CorpusFormatError)
    for col in (text_col, label_col) + ((spans_col,) if spans_col else ()):
        if col not in df.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(df.columns)}")
    rows = []
    skipped: Counter[str] = Counter()
    for i, r in enumerate(df.to_dict("records")):
        text = r[text_col]
        if not isinstance(text, str):
            skipped["rows with missing text"] += 1
            continue
        lab = _as_label(r[label_col])
        if lab is None:
            skipped["rows with an unreadable label"] += 1
            continue
        spans = []
        if spans_col and isinstance(r[spans_col], (list, tuple)):
            spans = [{"start": int(s["start"]), "end": int(s["end"]), "label": str(s["label"]),
                      "type": str(s.get("type", ""))} for s in r[spans_col]]
        meta = {c: str(r[c]) for c in meta_cols if c in r and r[c] is not None and not (isinstance(r[c], float) and math.isnan(r[c]))}
        rows.append(row(text, str(r.get("doc_id", i)), "labelled", spans=spans, **{_TASK_COL[task]: lab}, **meta))
    return make_dataset(rows, corpus="labelled", skipped=skipped)


def _as_label(v: Any) -> int | None:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)) and v in (0, 1):
        return int(v)
    if isinstance(v, str) and v.strip().lower() in {"1", "yes", "true", "biased", "hedged", "attributed", "subj"}:
        return 1
    if isinstance(v, str) and v.strip().lower() in {"0", "no", "false", "non-biased", "neutral", "obj"}:
        return 0
    return None
