"""Scoring on Dask: many processes on one machine, or a cluster (``pip install 'stancekit[dask]'``).

:func:`score` maps :meth:`stancekit.Analyzer.score_frame` over the partitions of a
``dask.dataframe``: one row per sentence, the user's columns kept. Only the load arguments
travel through the scheduler; each worker process loads the analyzer the first time one of its
partitions needs it and keeps it for the next ones (:func:`worker_analyzer`). A partition that
fails as a whole (say, the model cannot load on one worker) gives one row per input row with
``status="error"`` and the reason, and every other partition keeps its rows.

Results equal the single-process path: the fast backend runs one sentence at a time, so what
else a partition holds never changes a sentence's numbers.

Example:
    >>> import dask.dataframe as dd, pandas as pd, stancekit.dask
    >>> df = pd.DataFrame({"outlet": ["a", "b"], "text": ["Officials said it may rain.", "It rained."]})
    >>> out = stancekit.dask.score(dd.from_pandas(df, npartitions=2), rules_only=True).compute(scheduler="sync")
    >>> out[["outlet", "attributed", "hedged"]].values.tolist()
    [['a', True, True], ['b', False, False]]
"""

from __future__ import annotations

import threading
from typing import Any

from stancekit.errors import InvalidInputError, MissingDependencyError

__all__ = ["score", "score_files", "read_files", "article_counts", "worker_analyzer", "LOAD_OPTIONS"]

#: what :func:`score` passes on to :func:`stancekit.load` on each worker
LOAD_OPTIONS = ("path", "rules_only", "frame", "hedge_definition", "backend", "use_rules")
_CACHE: dict[tuple[tuple[str, Any], ...], Any] = {}
_LOCK = threading.Lock()


def _dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:
        raise MissingDependencyError("stancekit.dask needs Dask: pip install 'stancekit[dask]'") from None
    return dd


def worker_analyzer(**load: Any) -> Any:
    """The analyzer for these load arguments in this process, loaded once and then reused."""
    import stancekit

    key = tuple(sorted((k, str(v)) for k, v in load.items()))
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = stancekit.load(**load)
        return _CACHE[key]


def _empty(df: Any, text_col: str) -> Any:
    """The output schema for ``df``'s columns: the user's columns, then SENTENCE_COLUMNS."""
    import pandas as pd

    from stancekit.table import results_to_frame

    return results_to_frame([], pd.DataFrame({c: pd.Series(dtype=t) for c, t in df.dtypes.items()}))


def _score_partition(part: Any, text_col: str, batch_size: int, load: dict[str, Any], date_col: str | None = None) -> Any:
    import pandas as pd

    from stancekit.results import DocumentResult
    from stancekit.table import results_to_frame

    try:
        return worker_analyzer(**load).score_frame(part, text_col=text_col, batch_size=batch_size, show_progress_bar=False,
                                                   date_col=date_col)
    except Exception as exc:  # the whole partition failed: keep its rows, say why
        why = f"partition failed: {type(exc).__name__}: {exc}"
        docs = [DocumentResult(text="", sentences=(), meta={"status": "error", "error": why}) for _ in range(len(part))]
        return results_to_frame(docs, part) if len(part) else _empty(pd.DataFrame(part), text_col)


def score(ddf: Any, text_col: str = "text", *, frame: str | None = None, batch_size: int = 64,
          path: str | None = None, rules_only: bool = False, hedge_definition: str = "news",
          backend: str = "auto", use_rules: bool = True, date_col: str | None = None) -> Any:
    """Score a ``dask.dataframe.DataFrame`` lazily: one row per sentence, as ``score_frame``.

    Args:
        ddf: the documents, one per row; ``text_col`` holds the text.
        frame, path, rules_only, hedge_definition, backend, use_rules: as :func:`stancekit.load`.
        batch_size: documents per model batch within a partition.
        date_col: publication date column (a frame's government offices take the party in office).

    Returns:
        A lazy ``dask.dataframe.DataFrame`` with the input columns and
        :data:`stancekit.SENTENCE_COLUMNS` (``doc_position`` counts within each partition; the
        input index is repeated per sentence). Call ``.compute()`` or ``.to_parquet()``.

    Raises:
        InvalidInputError: ``ddf`` is not a Dask DataFrame or lacks ``text_col``.
    """
    dd = _dask()
    if not isinstance(ddf, dd.DataFrame):
        raise InvalidInputError(f"score() takes a dask.dataframe.DataFrame, got {type(ddf).__name__}; "
                                "for pandas use nlp.score_frame(df)")
    if text_col not in ddf.columns:
        raise InvalidInputError(f"text_col {text_col!r} is not a column; available columns: {list(ddf.columns)}")
    load = {"path": path, "rules_only": rules_only, "frame": frame, "hedge_definition": hedge_definition}
    if not rules_only:
        load.update(backend=backend, use_rules=use_rules)
    meta = _empty(ddf._meta, text_col)
    if date_col is not None and date_col not in ddf.columns:
        raise InvalidInputError(f"date_col {date_col!r} is not a column; available columns: {list(ddf.columns)}")
    return ddf.map_partitions(_score_partition, text_col, batch_size, load, date_col, meta=meta, enforce_metadata=False)


def read_files(patterns: list[str]) -> tuple[Any, list[str]]:
    """A Dask DataFrame over the JSONL / CSV / parquet files the patterns (globs) match, one
    partition per file, in sorted path order; and the files."""
    import glob

    from stancekit.tables_io import read_table

    dd = _dask()
    files = sorted({f for p in patterns for f in (glob.glob(p) or ([p] if not glob.has_magic(p) else []))})
    if not files:
        raise InvalidInputError(f"no input file matches {patterns}")
    first = read_table(files[0])
    return dd.from_map(read_table, files, meta=first.iloc[:0], divisions=[None] * (len(files) + 1)), files


def score_files(patterns: list[str], out: str, *, text_col: str = "text", workers: int = 1,
                scheduler: str | None = None, show_progress_bar: bool = True, **load: Any) -> dict[str, Any]:
    """Score input files into a folder of parquet parts, one per input file; resumable.

    ``out`` gets ``part-00000.parquet``… and ``_stancekit_job.json`` (the inputs and options).
    Run again with the same inputs and options, it skips the parts already written (each part
    is written to a temporary name and renamed, so a killed run leaves no half part). With
    ``scheduler`` (a ``dask-scheduler`` address) the work goes to that cluster, whose workers
    must see the same file system; otherwise a local cluster of ``workers`` processes runs it.

    Returns ``{"parts": n, "skipped": k, "rows": r, "failed": {input file: reason}}``.
    """
    import json
    import os
    from pathlib import Path

    import dask
    from tqdm.auto import tqdm

    from stancekit.errors import StancekitError
    from stancekit.table import SENTENCE_COLUMNS

    ddf, files = read_files(patterns)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    # the stancekit version and output columns too: parts of a released version and of another one
    # (or with other output columns) are not mixed in; development builds of one version number
    # are not told apart
    from stancekit import __version__

    job = {"inputs": [[f, os.path.getsize(f)] for f in files], "text_col": text_col,
           "options": {k: (None if v is None else str(v)) for k, v in sorted(load.items())},
           "stancekit": __version__, "columns": list(SENTENCE_COLUMNS)}
    manifest = folder / "_stancekit_job.json"
    if manifest.exists() and json.loads(manifest.read_text(encoding="utf-8")) != job:
        raise StancekitError(f"{folder} holds the output of another job (other inputs, options, stancekit "
                             "version or output columns); "
                             "use a new --out folder or delete this one")
    manifest.write_text(json.dumps(job, indent=1), encoding="utf-8")
    scored = score(ddf, text_col, **load)
    targets = [folder / f"part-{i:05d}.parquet" for i in range(len(files))]
    todo = [i for i, t in enumerate(targets) if not t.exists()]
    tasks = [dask.delayed(_write_part)(scored.get_partition(i), str(targets[i])) for i in todo]
    client, cluster = _client(scheduler, workers)
    report: dict[str, Any] = {"parts": len(files), "skipped": len(files) - len(todo), "rows": 0, "failed": {}}
    try:
        from distributed import as_completed

        futures = dict(zip(client.compute(tasks), todo))
        for fut in tqdm(as_completed(futures), total=len(futures), desc="stancekit score", unit="part",
                        disable=not show_progress_bar):
            if fut.status == "error":
                report["failed"][files[futures[fut]]] = f"{type(fut.exception()).__name__}: {fut.exception()}"
            else:
                report["rows"] += fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def _write_part(df: Any, target: str) -> int:
    import os

    tmp = f"{target}.tmp-{os.getpid()}"
    df.to_parquet(tmp, index=True)
    os.replace(tmp, target)
    return len(df)


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError("stancekit score needs Dask distributed: pip install 'stancekit[dask]'") from None
    if scheduler:
        return Client(scheduler), None
    from stancekit.model.fast import default_threads

    # each worker process gets its share of the cores (ONNX Runtime threads), not all of them
    env = {"STANCEKIT_THREADS": str(max(1, default_threads() // max(1, workers)))}
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None, env=env)
    return Client(cluster), cluster


def article_counts(ddf: Any, *, by: str, text_col: str, story_col: str | None, frame: Any, parties: tuple[str, ...],
                   axis: tuple[str, str] | None, load: dict[str, Any], batch_size: int = 64,
                   date_col: str | None = None) -> Any:
    """The per-article count table of :func:`stancekit.outlet_counts.article_table` for a Dask
    DataFrame: articles are scored and counted on the workers, and only the counts (one small
    row per article) come back. ``doc_position`` numbers the articles in partition order. A
    DataFrame that is already scored (``stancekit score`` output read back with
    ``dd.read_parquet``) is counted as it is, each partition holding whole articles."""
    import dask
    import pandas as pd

    from stancekit.outlet_counts import article_table
    from stancekit.table import SCORED_MARKERS, scored_table

    _dask()
    pre_scored = set(SCORED_MARKERS) <= set(ddf.columns)
    for col in [by] + ([] if pre_scored else [text_col]) + ([story_col] if story_col else []):
        if col not in ddf.columns:
            raise InvalidInputError(f"column {col!r} not found; available: {list(ddf.columns)}")
    if pre_scored:
        scored = ddf.assign(**{by: ddf[by].fillna("<missing>")})
    else:
        cols = list(dict.fromkeys([by, text_col] + ([story_col] if story_col else []) + ([date_col] if date_col else [])))
        base = ddf[cols].assign(**{by: ddf[by].fillna("<missing>")})
        opts = {k: v for k, v in load.items() if k in LOAD_OPTIONS and k != "frame"}
        scored = score(base, text_col, frame=frame, batch_size=batch_size, date_col=date_col, **opts)

    def counts(part: Any, number: int) -> Any:
        art = article_table(scored_table(part) if pre_scored else part, by, story_col, parties, axis)
        return art.assign(_partition=number) if len(art) else art

    parts = dask.compute(*[dask.delayed(counts)(d, i) for i, d in enumerate(scored.to_delayed())])
    art = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else pd.DataFrame()
    if not len(art):
        raise InvalidInputError("the Dask DataFrame holds no rows")
    art = art.sort_values(["_partition", "doc_position"], kind="stable").drop(columns="_partition")
    return art.assign(doc_position=range(len(art))).reset_index(drop=True)
