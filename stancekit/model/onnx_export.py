"""Export a model folder's network to ONNX with int8 weights for the fast backend.

    python -m stancekit.model.onnx_export [MODEL_DIR] [--fp32]

Writes ``model.int8.onnx`` (or ``model.fp32.onnx``) into the folder and records it, with its
SHA-256 and how it was made, under ``onnx`` in ``stancekit.json``. Needs torch, ``onnx`` and
ONNX Runtime (``pip install 'stancekit[export]'``). Quantization is ONNX Runtime's dynamic int8
with per-channel weight scales on the encoder's matrix products. The heads and the products
named in :data:`KEEP_FLOAT` stay float32: quantizing the feed-forward output projections (whose
inputs, after GELU, are the most skewed) of the first three layers moved the mean sentence logit
by up to 0.25 on BABE and PolNeAR dev sentences; keeping them float brought that to 0.02 and
halved the mean absolute change, for about a fifth of the speed (``bench/throughput.py``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from stancekit.model.heads import OUTPUT_NAMES, SENTENCE_TASKS, TOKEN_TASKS

__all__ = ["export", "KEEP_FLOAT"]

#: node-name parts of the matrix products left in float32 (besides the heads)
KEEP_FLOAT = ("layer.0/output/dense", "layer.1/output/dense", "layer.2/output/dense")


def _wrapped(net: Any) -> Any:
    import torch

    class Exported(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = net

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, ...]:
            o = self.net(input_ids, attention_mask)
            return tuple(o[t] for t in SENTENCE_TASKS) + tuple(torch.log_softmax(o[f"tok_{h}"], -1) for h in TOKEN_TASKS)

    return Exported().eval()


def export(folder: Path | str | None = None, *, quantize: bool = True) -> Path:
    """Export the model in ``folder`` (default: the shipped model); return the written file."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from stancekit.model.files import file_sha256
    from stancekit.model.inference import StanceModel

    model = StanceModel.load(folder, backend="torch", device="cpu")
    wrapped = _wrapped(model.net)
    ids = torch.tensor([[101, 1996, 2157, 2056, 102], [101, 7592, 102, 0, 0]])
    mask = (ids != 0).long()
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}}
    axes.update({n: ({0: "batch"} if n in SENTENCE_TASKS else {0: "batch", 1: "tokens"}) for n in OUTPUT_NAMES})
    name = "model.int8.onnx" if quantize else "model.fp32.onnx"
    out = model.path / name
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "fp32.onnx"
        torch.onnx.export(wrapped, (ids, mask), str(plain), dynamo=False, input_names=["input_ids", "attention_mask"],
                          output_names=list(OUTPUT_NAMES), dynamic_axes=axes, opset_version=17)
        if quantize:
            graph = onnx.load(str(plain), load_external_data=False).graph
            products = [n.name for n in graph.node if n.op_type in ("MatMul", "Gemm")]
            keep = [n for n in products if "/encoder/" not in n or any(k in n for k in KEEP_FLOAT)]
            quantize_dynamic(str(plain), str(out), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep)
        else:
            out.write_bytes(plain.read_bytes())
    meta_file = model.path / "stancekit.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["onnx"] = {
        "file": name,
        "sha256": file_sha256(out),
        "quantization": (f"dynamic int8, per-channel weight scales, encoder matrix products; float32: heads, {', '.join(KEEP_FLOAT)}"
                         if quantize else "none (float32)"),
        "per_sentence": quantize,
        "opset": 17,
    }
    meta_file.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m stancekit.model.onnx_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=None, help="model folder (default: the shipped model)")
    ap.add_argument("--fp32", action="store_true", help="keep float32 weights (no quantization)")
    args = ap.parse_args(argv)
    print(export(args.folder, quantize=not args.fp32))


if __name__ == "__main__":
    main()
