"""Framing and bias corpora: BABE, PTC (SemEval-2020 Task 11), CheckThat! subjectivity, the AllSides articles."""

from __future__ import annotations

import ast
import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from stancekit.corpora._schema import check_dir, hash_split, make_dataset, row
from stancekit.corpora.sentences import clip_spans
from stancekit.errors import CorpusFormatError

__all__ = ["load_babe", "load_ptc", "load_checkthat", "load_allsides"]


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
            local = clip_spans(spans, s, e)
            rows.append(row(line, art, "ptc", sentence_start=s, sentence_end=e, spans=local,
                            biased=int(any(x["label"] == "loaded" for x in local)), split=hash_split(art)))
    return make_dataset(rows, corpus="ptc", skipped=skipped)


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
