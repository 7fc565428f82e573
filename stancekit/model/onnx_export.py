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

Only what differs from the base encoder is stored: the embedding tables, which training never
changes, are left out of the file (marked as external data, ``BASE_ENCODER``) and handed to ONNX
Runtime from the base encoder's own ``model.safetensors`` at load
(:class:`stancekit.model.fast.OnnxRunner`); ``onnx.from_base_encoder`` in ``stancekit.json``
maps each one to its tensor there. This keeps the file at 16 MB instead of 28.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from stancekit.model.heads import OUTPUT_NAMES, SENTENCE_TASKS, TOKEN_TASKS

__all__ = ["export", "KEEP_FLOAT", "BASE_ENCODER"]

#: the external-data location naming tensors that come from the base encoder at load
BASE_ENCODER = "base-encoder"
_ENCODER_PREFIX = "net.encoder."  # the exported network's names for the base encoder's tensors

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
        graph = onnx.load(str(plain), load_external_data=False).graph
        embeddings = [n.name for n in graph.node if n.op_type == "Gather"
                      and any(i.startswith(_ENCODER_PREFIX + "embeddings.") for i in n.input)]
        if quantize:
            products = [n.name for n in graph.node if n.op_type in ("MatMul", "Gemm")]
            keep = [n for n in products if "/encoder/" not in n or any(k in n for k in KEEP_FLOAT)]
            quantize_dynamic(str(plain), str(out), weight_type=QuantType.QInt8, per_channel=True,
                             nodes_to_exclude=keep + embeddings)
        else:
            out.write_bytes(plain.read_bytes())
    from_base = _leave_out_base_tensors(out, model)
    meta_file = model.path / "stancekit.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["onnx"] = {
        "file": name,
        "sha256": file_sha256(out),
        "quantization": (f"dynamic int8, per-channel weight scales, encoder matrix products; float32: heads, {', '.join(KEEP_FLOAT)}"
                         if quantize else "none (float32)"),
        "per_sentence": quantize,
        "opset": 17,
        "from_base_encoder": from_base,
    }
    meta_file.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def _leave_out_base_tensors(path: Path, model: Any) -> dict[str, str]:
    """Mark the initializers equal to a base-encoder tensor as external data (not stored); return
    ``{initializer: base-encoder tensor name}``."""
    import numpy as np
    import onnx
    from onnx.numpy_helper import to_array
    from safetensors import safe_open

    from stancekit.model.files import resolve_encoder

    base = Path(resolve_encoder(model.meta["base_encoder"]["name"])) / "model.safetensors"
    proto = onnx.load(str(path))
    out: dict[str, str] = {}
    with safe_open(str(base), framework="np") as f:
        keys = set(f.keys())
        for t in proto.graph.initializer:
            key = t.name[len(_ENCODER_PREFIX):] if t.name.startswith(_ENCODER_PREFIX) else None
            if key in keys and np.array_equal(to_array(t), f.get_tensor(key)):
                t.ClearField("raw_data")
                t.data_location = onnx.TensorProto.EXTERNAL
                del t.external_data[:]
                t.external_data.add(key="location", value=BASE_ENCODER)
                out[t.name] = key
    onnx.save(proto, str(path))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m stancekit.model.onnx_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=None, help="model folder (default: the shipped model)")
    ap.add_argument("--fp32", action="store_true", help="keep float32 weights (no quantization)")
    args = ap.parse_args(argv)
    print(export(args.folder, quantize=not args.fp32))


if __name__ == "__main__":
    main()
