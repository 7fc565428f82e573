"""Encoding corpus rows (common schema) into training inputs and labels (decoding: :mod:`stancekit.model.decode`)."""

from __future__ import annotations

from typing import Any

import torch

from stancekit.model.heads import SENTENCE_TASKS, TOKEN_TASKS

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


def forward(net: Any, tok: Any, texts: list[str], max_length: int, batch_size: int, device: str) -> dict[str, Any]:
    """:func:`stancekit.model.runtime.run` with the torch network (the training loop's dev
    metrics): the same batching, windows and outputs as inference."""
    from stancekit.model.runtime import TorchRunner, backend_tokenizer, run

    return run(TorchRunner(net, device), backend_tokenizer(tok), texts, max_length, batch_size)
