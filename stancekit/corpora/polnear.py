"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): attribution in news, source / cue / content spans."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from stancekit.corpora._schema import check_dir, make_dataset, row
from stancekit.corpora.sentences import sentence_rows
from stancekit.errors import CorpusFormatError, InvalidInputError

__all__ = ["load_polnear"]


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
                rows.extend(sentence_rows(
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
