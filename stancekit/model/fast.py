"""The ONNX Runtime backend: the network exported to ONNX (int8 weights), no torch at inference.

Made by ``python -m stancekit.model.onnx_export`` and recorded under ``onnx`` in the model's
``stancekit.json``. Dynamic int8 quantization scales each activation tensor as a whole, so a
batch's numbers would depend on every sentence in it; the exported model is therefore run one
piece at a time (``per_sentence``), with several pieces in flight on separate threads. A
sentence's result then depends on nothing but the sentence.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from stancekit.errors import MissingDependencyError
from stancekit.model.heads import OUTPUT_NAMES

__all__ = ["OnnxRunner", "onnxruntime_available", "default_threads"]


def onnxruntime_available() -> bool:
    """Whether ONNX Runtime can be imported (``pip install stancekit[fast]``)."""
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


def default_threads() -> int:
    """The CPU cores this process may use (``STANCEKIT_THREADS`` overrides)."""
    env = os.environ.get("STANCEKIT_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class OnnxRunner:
    """Runs an exported stancekit network with ONNX Runtime on the CPU.

    Args:
        path: the ``.onnx`` file.
        per_sentence: run one piece per call (batch size 1), so results never depend on the
            batch; ``threads`` pieces run at once. Otherwise whole batches run on ``threads``
            intra-op threads.
        threads: CPU threads (default :func:`default_threads`).
        external: tensors the file leaves out (the base encoder's embedding tables), by name.
    """

    def __init__(self, path: Path | str, *, per_sentence: bool = True, threads: int | None = None,
                 external: dict[str, np.ndarray] | None = None) -> None:
        try:
            import onnxruntime as ort
        except ImportError:  # pragma: no cover - checked by the caller
            raise MissingDependencyError("the fast backend needs ONNX Runtime: pip install 'stancekit[fast]'") from None
        n = threads or default_threads()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1 if per_sentence else n
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        if external:
            self._external = [ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(v)) for v in external.values()]
            opts.add_external_initializers(list(external), self._external)
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.batch_size: int | None = 1 if per_sentence else None
        self.workers = n if per_sentence else 1

    def _one(self, batch: tuple[np.ndarray, np.ndarray]) -> dict[str, np.ndarray]:
        ids, mask = batch
        out = self.session.run(list(OUTPUT_NAMES), {"input_ids": ids, "attention_mask": mask})
        return dict(zip(OUTPUT_NAMES, out))

    def run_batches(self, batches: list[tuple[np.ndarray, np.ndarray]]) -> list[dict[str, np.ndarray]]:
        """The outputs of each batch, in order."""
        if self.workers == 1 or len(batches) < 2:
            return [self._one(b) for b in batches]
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(self._one, batches))
