"""Reading tabular input given as a path, DataFrame, ``datasets.Dataset`` or list of dicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stancekit.errors import InvalidInputError


def read_table(data: Any, *, error: type[Exception] = InvalidInputError) -> Any:
    """Return a DataFrame for a CSV / JSONL / JSON / parquet path, a DataFrame (as is), a
    ``datasets.Dataset`` or a list of dicts. Path problems raise ``error``.

    Example:
        >>> read_table([{"text": "a"}]).shape
        (1, 1)
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (str, Path)):
        p = Path(data)
        if not p.exists():
            raise error(f"{p} does not exist")
        suffix = p.suffix.lower()
        if suffix == ".csv":
            return pd.read_csv(p)
        if suffix in (".jsonl", ".json"):
            return pd.read_json(p, lines=suffix == ".jsonl")
        if suffix in (".parquet", ".pq"):
            return pd.read_parquet(p)
        raise error(f"{p}: unsupported file type {suffix!r}; use .csv, .jsonl or .parquet")
    if isinstance(data, list):
        return pd.DataFrame(data)
    if hasattr(data, "to_pandas"):
        return data.to_pandas()
    raise InvalidInputError(f"data must be a path, DataFrame, Dataset or list of dicts, got {type(data).__name__}")
