"""Encoding corpus rows (common schema) into model inputs and labels; decoding BIO tags to spans."""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
import torch

from stancekit.model.network import SENTENCE_TASKS, TOKEN_TASKS

IGNORE = -100
#: which span labels of the common schema feed which token head, per corpus
SPAN_HEADS = {
    "attr": {"source": "source", "cue": "cue", "content": "content"},
    "hedge": {"hedge": "hedge"},
    "loaded": {"loaded": "loaded"},
}
#: corpora whose spans are exhaustive for a head (other corpora give IGNORE for that head)
TOKEN_SUPERVISION = {"polnear": ("attr",), "szeged": ("hedge",), "sfu_review": ("hedge",),
                     "bioscope": ("hedge",), "babe": ("loaded",), "ptc": ("loaded",)}


def bio_labels(offsets: list[tuple[int, int]], spans: list[dict[str, Any]], head: str) -> list[int]:
    tags = TOKEN_TASKS[head]
    index = {t: i for i, t in enumerate(tags)}
    mapping = SPAN_HEADS[head]
    out = []
    prev_span = None
    for a, b in offsets:
        if a == b:  # special token
            out.append(IGNORE)
            prev_span = None
            continue
        lab = 0
        cur = None
        for k, sp in enumerate(spans):
            if sp["label"] in mapping and sp["start"] <= a < sp["end"]:
                cur = k
                name = mapping[sp["label"]]
                lab = index[("I-" if prev_span == k else "B-") + name]
                break
        prev_span = cur
        out.append(lab)
    return out


def encode_rows(tokenizer: Any, rows: list[dict[str, Any]], max_length: int) -> dict[str, torch.Tensor]:
    """Tokenise a list of rows and build sentence and token label tensors."""
    enc = tokenizer([r["text"] for r in rows], truncation=True, max_length=max_length, padding=True,
                    return_offsets_mapping=True, return_tensors="pt")
    batch: dict[str, torch.Tensor] = {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]}
    for t in SENTENCE_TASKS:
        batch[t] = torch.tensor([float(r.get(t, -1)) for r in rows])
    offsets = enc["offset_mapping"].tolist()
    for head in TOKEN_TASKS:
        labels = []
        for r, offs in zip(rows, offsets):
            if head in TOKEN_SUPERVISION.get(r.get("corpus", ""), ()):
                lab = bio_labels([tuple(o) for o in offs], r["spans"], head)
                # padding positions
                lab = [IGNORE if m == 0 else x for x, m in zip(lab, enc["attention_mask"][len(labels)].tolist())]
            else:
                lab = [IGNORE] * len(offs)
            labels.append(lab)
        batch[f"tok_{head}"] = torch.tensor(labels, dtype=torch.long)
    return batch


def platt(logits: Any, scale: float = 1.0, bias: float = 0.0) -> Any:
    """Calibrated probability ``sigmoid(scale * logit + bias)`` (Platt scaling; a temperature T
    is ``scale = 1/T``, ``bias = 0``). Used alike when fitting the calibration and at inference.

    Example:
        >>> float(platt(np.array(0.0))), float(platt(np.array(2.0), 0.5, -1.0))
        (0.5, 0.5)
    """
    return 1 / (1 + np.exp(-(scale * np.asarray(logits, dtype=np.float64) + bias)))


def forward(net: Any, tok: Any, texts: list[str], max_length: int, batch_size: int, device: str) -> dict[str, Any]:
    """Run the network over ``texts`` (batched by length) and return, in input order: raw
    sentence logits per task (``sentence``), per-token tag log-probabilities per head
    (``tokens``), token character offsets (``offsets``) and word ids (``words``; ``None`` without
    a fast tokenizer). Texts longer than ``max_length`` tokens are truncated. Shared by
    inference and the training loop's dev metrics, so both decode the same thing."""
    net.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    sent = {t: np.zeros(len(texts), dtype=np.float32) for t in SENTENCE_TASKS}
    toks: dict[str, list[Any]] = {h: [None] * len(texts) for h in TOKEN_TASKS}
    offsets: list[Any] = [None] * len(texts)
    words: list[Any] = [None] * len(texts)
    with torch.inference_mode():
        for k in range(0, len(order), batch_size):
            idx = order[k : k + batch_size]
            enc = tok([texts[i] for i in idx], truncation=True, max_length=max_length, padding=True,
                      return_offsets_mapping=True, return_tensors="pt")
            out = net(enc["input_ids"].to(device), enc["attention_mask"].to(device))
            for t in SENTENCE_TASKS:
                sent[t][idx] = out[t].float().cpu().numpy()
            logp = {h: torch.log_softmax(out[f"tok_{h}"].float(), -1).cpu().numpy() for h in TOKEN_TASKS}
            for j, i in enumerate(idx):
                n = int(enc["attention_mask"][j].sum())
                for h in TOKEN_TASKS:
                    toks[h][i] = logp[h][j][:n]
                offsets[i] = [tuple(o) for o in enc["offset_mapping"][j][:n].tolist()]
                words[i] = enc.word_ids(j)[:n] if enc.is_fast else None
    return {"sentence": sent, "tokens": toks, "offsets": offsets, "words": words}


#: heads whose adjacent same-role spans are joined: the attribution head often restarts a
#: multi-word cue or source ("then" + "pointed out"; PolNeAR keeps such phrases whole), while hedge
#: and loaded-word annotations mark adjacent words as separate cues
JOIN_ADJACENT = frozenset({"attr"})


@functools.cache
def _allowed_transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints as additive scores: ``I-x`` only after ``B-x``/``I-x``, never first."""
    k = len(tags)
    trans = np.zeros((k, k))
    for i, prev in enumerate(tags):
        for j, cur in enumerate(tags):
            if cur.startswith("I-") and (prev == "O" or prev[2:] != cur[2:]):
                trans[i, j] = -np.inf
    start = np.array([-np.inf if t.startswith("I-") else 0.0 for t in tags])
    return trans, start


def _viterbi(scores: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    best = scores[0] + start
    back = np.zeros(scores.shape, dtype=np.int64)
    for t in range(1, len(scores)):
        cand = best[:, None] + trans
        back[t] = cand.argmax(0)
        best = cand.max(0) + scores[t]
    path = [int(best.argmax())]
    for t in range(len(scores) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def decode_spans(log_probs: Any, offsets: list[tuple[int, int]], head: str,
                 word_ids: list[int | None] | None = None) -> list[tuple[int, int, str]]:
    """Per-token tag log-probabilities to ``(start, end, name)`` character spans.

    Decoding is constrained to whole words and valid BIO sequences: a word's score for tag
    ``B-x`` is its first sub-word's ``B-x`` plus its other sub-words' ``I-x`` (``O``: all ``O``),
    and Viterbi finds the best sequence in which ``I-x`` only follows ``B-x`` or ``I-x``. On
    PolNeAR dev this raised source exact F1 from 0.695 to 0.754 and cue exact F1 from 0.625 to
    0.677 over per-token argmax with the same model (``bench/evaluate_dev.py``). For the
    attribution head, adjacent spans of the same role (at most one character apart) are joined.

    Args:
        log_probs: ``(tokens, tags)`` array (special and padding tokens included or not: tokens
            whose offsets are empty are skipped).
        offsets: character offsets of each token.
        head: token head name (``attr``, ``hedge``, ``loaded``).
        word_ids: the word each token belongs to (a fast tokenizer's ``word_ids()``); without
            them each token is its own word.

    Example:
        >>> import numpy as np
        >>> lp = np.log(np.full((3, 3), 0.01)); lp[0, 1] = lp[1, 2] = lp[2, 0] = 0.0  # B I O
        >>> decode_spans(lp, [(0, 4), (4, 7), (8, 11)], "hedge", [0, 0, 1])
        [(0, 7, 'hedge')]
    """
    tags = TOKEN_TASKS[head]
    scores = np.asarray(log_probs, dtype=np.float64)
    words: list[tuple[int, list[int]]] = []
    for i, (a, b) in enumerate(offsets):
        if a == b:
            continue
        w = word_ids[i] if word_ids is not None and i < len(word_ids) else None
        if w is not None and words and words[-1][0] == w:
            words[-1][1].append(i)
        else:
            words.append((w if w is not None else -1 - i, [i]))
    if not words:
        return []
    inside = [0 if t == "O" else tags.index("I-" + t[2:]) for t in tags]
    w_scores = np.stack([scores[idx[0]] + (scores[idx[1:]][:, inside].sum(0) if len(idx) > 1 else 0.0)
                         for _, idx in words])
    if not w_scores.argmax(1).any():  # all O: nothing to decode
        return []
    path = _viterbi(w_scores, *_allowed_transitions(tags))
    spans: list[list[Any]] = []
    join = head in JOIN_ADJACENT
    open_span = False
    for (_, idx), tid in zip(words, path):
        a, b = offsets[idx[0]][0], offsets[idx[-1]][1]
        tag = tags[tid]
        if tag == "O":
            open_span = False
            continue
        kind, name = tag.split("-", 1)
        cont = kind == "I" and open_span
        adjacent = join and spans and spans[-1][2] == name and 0 <= a - spans[-1][1] <= 1
        if cont or adjacent:
            spans[-1][1] = b
        else:
            spans.append([a, b, name])
        open_span = True
    return [(a, b, n) for a, b, n in spans]


#: prepositions a reporting cue governs, which PolNeAR keeps inside the cue ("called for", "warned
#: of", "pointed to"); ``None``: after any cue word. In PolNeAR train a cue directly followed by
#: "for" includes it 414 times against 63, "about" 461 against 38; "of", "on", "to" and "with"
#: belong to the cue only after words that take them as a complement ("critical of", "focused on",
#: "referring to", "sided with"), not as adjuncts or infinitives ("said on Tuesday", "declined to").
GOVERNED_PREPOSITIONS: dict[str, frozenset[str] | None] = {
    "for": None,
    "about": None,
    "of": frozenset("""accuse accused accuses accusing afraid approve approved assured aware convinced
        critic critical critics criticism critique defense disapprove disapproved endorsement
        endorsements favor favour fond informed mention notified proud question remind reminded
        reminds sense skeptical spoke speak speaks spoken supporter supporters supportive suspicious
        talk talked think thought tired view wary warned warning warns""".split()),
    "on": frozenset("""attack attacks call called calling calls comment commented commenting comments
        counting depend depends elaborate elaborated focus focused focuses focusing insist insisted
        insists position positions reflect reflected reflecting relied rely stance thoughts touched
        views weigh weighed weighs""".split()),
    "to": frozenset("""according admit admits admitted allude alluded alluding appeal appealed attention
        committed confessed object objected objects opposed opposition point pointed pointing points
        react reacted reacting reaction refer reference referred referring refers replied reply
        respond responded responding responds testified testify""".split()),
    "with": frozenset("""agree agreed agrees aligned charged comfortable concerned concur concurred
        disagree disagreed disagrees happy identified identify identifying pleased satisfied sided
        sympathized unhappy""".split()),
}
_NEXT_PREP = re.compile(r"\s+(" + "|".join(GOVERNED_PREPOSITIONS) + r")\b")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_CONTRACTION = re.compile(r"(?:re|ve|s|ll|d|m)\b", re.IGNORECASE)


def widen_cue(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a model cue span ``[start, end)`` of ``text`` to PolNeAR's conventions.

    The span takes a preposition its last word governs (:data:`GOVERNED_PREPOSITIONS`) and the
    apostrophe of a contraction it starts with ("'re worried about"; the tokenizer splits the
    apostrophe off as a word of its own). On PolNeAR dev this raised the attribution head's cue
    exact-match F1 from 0.689 to 0.700 with the shipped model.

    Example:
        >>> t = "Activists called for calm and said on Tuesday that they're worried about it."
        >>> [t[a:b] for a, b in (widen_cue(t, 10, 16), widen_cue(t, 30, 34), widen_cue(t, 56, 66))]
        ['called for', 'said', "'re worried about"]
    """
    if start > 0 and text[start - 1] in "'’" and _CONTRACTION.match(text, start):
        start -= 1
    m = _NEXT_PREP.match(text, end)
    if m:
        allowed = GOVERNED_PREPOSITIONS[m.group(1)]
        last = _LAST_WORD.search(text, start, end)
        if allowed is None or (last is not None and last.group(1).lower() in allowed):
            end = m.end()
    return start, end


def sentence_spans(text: str, log_probs: Any, offsets: list[tuple[int, int]], head: str,
                   word_ids: list[int | None] | None = None) -> list[tuple[int, int, str]]:
    """A head's spans for one sentence: :func:`decode_spans`, then cue spans widened with
    :func:`widen_cue` (attribution head). Used alike at inference and for the dev metrics of
    training."""
    spans = decode_spans(log_probs, offsets, head, word_ids)
    if head != "attr":
        return spans
    return [(*widen_cue(text, a, b), r) if r == "cue" else (a, b, r) for a, b, r in spans]
