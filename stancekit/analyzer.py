"""The analyzer: splits text, runs the rules (and the model when loaded), builds results.

Example:
    >>> import stancekit
    >>> nlp = stancekit.load(rules_only=True)
    >>> doc = nlp("Officials said the talks will likely resume. Nothing else.", frame="karabakh")
    >>> [s.attribution.attributed for s in doc.sentences]
    [True, False]
    >>> [c.span.text for c in doc.sentences[0].hedging.cues]
    ['will likely']
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancekit import __version__
from stancekit.document_pass import SentenceOptions, analyse_sentence, resolve_document
from stancekit.errors import InvalidInputError
from stancekit.frames import Frame, load_frame
from stancekit.results import DocumentResult
from stancekit.rules.attribution import AttributionRules
from stancekit.rules.hedging import check_definition
from stancekit.rules.names import remember_titles
from stancekit.rules.scores import calibration, rules_thresholds
from stancekit.text import check_text, quote_regions, quotes_in, replaced_count, split_sentences

if TYPE_CHECKING:
    import pandas as pd

    from stancekit.model.inference import StanceModel

__all__ = ["Analyzer", "load"]

logger = logging.getLogger(__name__)


#: inputs of at least this many items show a progress bar unless told otherwise
PROGRESS_MIN_ITEMS = 50


def _progress(show: bool | None, n: int | None) -> bool:
    if show is not None:
        return show
    return (n is not None and n >= PROGRESS_MIN_ITEMS) or logger.isEnabledFor(logging.INFO)


class Analyzer:
    """Analyses news text sentence by sentence. Build it with :func:`stancekit.load`.

    Args:
        model: a loaded :class:`~stancekit.model.inference.StanceModel`, or ``None`` for
            rules only.
        frame: default frame (name, path or :class:`~stancekit.frames.Frame`) used when a
            call passes none.
        use_rules: with a model, ``False`` keeps only the model's spans (rule lexicons still
            type and side the sources): the "model alone" configuration of the evaluation.
        hedge_definition: ``"news"`` (default: speculation cues only; conditionals such as
            "if" and a bare "would" are not hedges) or ``"conll"`` (every Szeged cue type, as in
            CoNLL-2010). See :func:`stancekit.rules.hedging.counts_as_hedge`.
    """

    def __init__(self, model: StanceModel | None = None, *, frame: str | Path | Frame | None = None, use_rules: bool = True,
                 hedge_definition: str = "news", rule_calibration: dict[str, dict[str, float]] | None = None) -> None:
        if model is None and not use_rules:
            raise InvalidInputError("use_rules=False needs a model; load one with stancekit.load(path)")
        self.model = model
        self.use_rules = use_rules
        self.hedge_definition = check_definition(hedge_definition)
        self.frame = load_frame(frame) if frame is not None else None
        #: rules-only: the map from raw rule scores to probabilities (:mod:`stancekit.rules.scores`)
        self.rule_calibration = calibration() if rule_calibration is None else rule_calibration
        #: decision thresholds: the model's (``stancekit.json``), or the calibrated raw 0.5 rules-only
        self.thresholds: dict[str, float] = (dict(model.thresholds) if model is not None
                                             else rules_thresholds(self.rule_calibration))
        self._attr = AttributionRules()

    def __repr__(self) -> str:
        mode = f"model={self.model.name!r}" if self.model else "rules_only=True"
        if self.model and not self.use_rules:
            mode += ", use_rules=False"
        if self.hedge_definition != "news":
            mode += f", hedge_definition={self.hedge_definition!r}"
        return f"Analyzer({mode}, frame={self.frame.name if self.frame else None!r})"

    def load_options(self) -> dict[str, Any]:
        """The :func:`stancekit.load` arguments that re-create this analyzer (its frame aside),
        e.g. in a Dask worker process.

        Example:
            >>> load(rules_only=True).load_options()
            {'rules_only': True, 'hedge_definition': 'news'}
        """
        if self.model is None:
            return {"rules_only": True, "hedge_definition": self.hedge_definition}
        return {"path": str(self.model.path), "hedge_definition": self.hedge_definition, "backend": self.model.backend,
                "use_rules": self.use_rules}

    # -- public API -----------------------------------------------------------------------
    def __call__(self, text: str, *, frame: str | Path | Frame | None = None, meta: dict[str, Any] | None = None) -> DocumentResult:
        """Analyse one document.

        Args:
            text: the document (``str``). Empty or whitespace-only text gives an empty result.
            frame: frame name/path/object; overrides the analyzer's default frame.
            meta: extra metadata copied into ``result.meta``.

        Raises:
            InvalidInputError: ``text`` is not a string.
            FrameError: the frame cannot be loaded.

        Example:
            >>> import stancekit
            >>> doc = stancekit.load(rules_only=True)("According to the UN, 40 people died.")
            >>> doc.sentences[0].attribution.sources[0].type
            'international_org'
        """
        clean = check_text(text)
        fr = load_frame(frame) if frame is not None else self.frame
        return self._batch([clean], fr, [{**_input_note(text), **(meta or {})}])[0]

    def pipe(
        self,
        texts: Iterable[str],
        *,
        frame: str | Path | Frame | None = None,
        batch_size: int = 64,
        show_progress_bar: bool | None = None,
        errors: str = "mark",
        progress_unit: str = "doc",
        metas: Iterable[dict[str, Any] | None] | None = None,
    ) -> Iterator[DocumentResult]:
        """Analyse many documents; yields one :class:`DocumentResult` per input, in order.

        Args:
            texts: any iterable of strings (streamed, not materialised).
            frame: frame for every document.
            batch_size: documents per model batch.
            show_progress_bar: ``None`` = when the input is long (at least
                :data:`PROGRESS_MIN_ITEMS` items, if its length is known) or this module's logger
                is at INFO. The bar advances with each document.
            progress_unit: what the bar counts ("doc"; ``evaluate`` passes "sentence").
            metas: one metadata dict per text (or ``None``), copied into ``result.meta``; a
                ``"date"`` lets a frame's government offices take the party in office
                (:mod:`stancekit.government`).
            errors: ``"mark"`` (default): a non-string item gives an empty result whose
                ``meta["status"]`` is ``"error"`` and ``meta["error"]`` says why;
                ``"raise"``: raise :class:`InvalidInputError`.

        Example:
            >>> import stancekit
            >>> nlp = stancekit.load(rules_only=True)
            >>> [d.meta["status"] for d in nlp.pipe(["He said so.", None, ""])]
            ['ok', 'error', 'empty']
        """
        if errors not in ("mark", "raise"):
            raise InvalidInputError(f"errors must be 'mark' or 'raise', got {errors!r}")
        if isinstance(texts, (str, bytes)):
            raise InvalidInputError("pipe() takes an iterable of texts; for one text call nlp(text)")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InvalidInputError(f"batch_size must be a positive int, got {batch_size!r}")
        fr = load_frame(frame) if frame is not None else self.frame
        n = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
        bar = None
        if _progress(show_progress_bar, n):
            from tqdm.auto import tqdm

            bar = tqdm(total=n, desc="stancekit", unit=progress_unit)
        batch: list[Any] = []
        extra: list[dict[str, Any]] = []
        meta_iter = iter(metas) if metas is not None else None
        try:
            for item in texts:
                batch.append(item)
                extra.append(dict(next(meta_iter, None) or {}) if meta_iter is not None else {})
                if len(batch) >= batch_size:
                    yield from self._counted(self._safe_batch(batch, fr, errors, extra), bar)
                    batch, extra = [], []
            if batch:
                yield from self._counted(self._safe_batch(batch, fr, errors, extra), bar)
        finally:
            if bar is not None:
                bar.close()

    @staticmethod
    def _counted(results: list[DocumentResult], bar: Any) -> Iterator[DocumentResult]:
        for r in results:
            if bar is not None:
                bar.update(1)
            yield r

    def score_frame(
        self,
        df: Any,
        *,
        text_col: str = "text",
        frame: str | Path | Frame | None = None,
        batch_size: int = 64,
        show_progress_bar: bool | None = None,
        date_col: str | None = None,
    ) -> pd.DataFrame:
        """Score a table; one row per sentence, input columns and index kept.

        ``df`` is a pandas DataFrame or a ``datasets.Dataset``. The output schema is
        :data:`stancekit.SENTENCE_COLUMNS`. A document with no sentence (empty text) or that
        failed (missing/non-string text) still gives one row, with ``status`` ``"empty"`` or
        ``"error"`` and missing sentence fields. The input is not modified. ``date_col``: the
        publication date column (a frame's government offices take the party then in office).

        Example:
            >>> import pandas as pd, stancekit
            >>> df = pd.DataFrame({"outlet": ["a", "b"], "text": ["Sources said it rained. Sun.", None]})
            >>> out = stancekit.load(rules_only=True).score_frame(df)
            >>> out[["outlet", "sentence_index", "attributed", "status"]].values.tolist()
            [['a', 0, True, 'ok'], ['a', 1, False, 'ok'], ['b', <NA>, <NA>, 'error']]
        """
        from stancekit.table import results_to_frame

        df, docs = self._score_table(df, text_col, frame, batch_size, show_progress_bar, "score_frame", date_col)
        return results_to_frame(docs, df)

    def score_documents(
        self,
        df: Any,
        *,
        text_col: str = "text",
        frame: str | Path | Frame | None = None,
        batch_size: int = 64,
        show_progress_bar: bool | None = None,
        date_col: str | None = None,
    ) -> pd.DataFrame:
        """Score a table; one row per document: the input columns, then the document's measures
        (:mod:`stancekit.document_table`: attributed share, sources by type and party, hedge
        rate, framing, lean parts with evidence and intervals). Input index kept; a missing or
        failed text is one row with ``status="error"``.

        Example:
            >>> import pandas as pd, stancekit
            >>> df = pd.DataFrame({"outlet": ["a", "b"], "text": ["Azerbaijan's Defense Ministry said it may rain.", ""]})
            >>> out = stancekit.load(rules_only=True).score_documents(df, frame="karabakh")
            >>> out[["outlet", "status", "sources_azerbaijan", "hedge_rate"]].values.tolist()
            [['a', 'ok', 1, 1.0], ['b', 'empty', 0, nan]]
        """
        from stancekit.document_table import documents_to_frame

        df, docs = self._score_table(df, text_col, frame, batch_size, show_progress_bar, "score_documents", date_col)
        fr = load_frame(frame) if frame is not None else self.frame
        return documents_to_frame(docs, df, parties=fr.parties if fr else (), axis=fr.axis if fr else None)

    def _score_table(self, df: Any, text_col: str, frame: Any, batch_size: int, show_progress_bar: bool | None,
                     name: str, date_col: str | None = None) -> tuple[Any, list[DocumentResult]]:
        """The input as a DataFrame and its documents' results (score_frame, score_documents)."""
        import pandas as pd

        if hasattr(df, "to_pandas") and hasattr(df, "column_names"):  # a datasets.Dataset
            df = df.to_pandas()
        if not isinstance(df, pd.DataFrame):
            raise InvalidInputError(
                f"{name}() takes a pandas DataFrame or a datasets.Dataset, got {type(df).__name__}; "
                "for a list of texts use nlp.pipe(texts)"
            )
        for arg, col in (("text_col", text_col), ("date_col", date_col)):
            if col is not None and col not in df.columns:
                raise InvalidInputError(f"{arg} {col!r} is not a column; available columns: {list(df.columns)}")
        metas = [{"date": d} for d in df[date_col].tolist()] if date_col else None
        # missing text (None, NaN, pd.NA of a string column) is one marked row, whatever its dtype
        texts = [None if (t is None or t is pd.NA or (isinstance(t, float) and math.isnan(t))) else t
                 for t in df[text_col].tolist()]
        return df, list(self.pipe(texts, frame=frame, batch_size=batch_size, show_progress_bar=show_progress_bar, metas=metas))

    # -- internals --------------------------------------------------------------------------
    def _safe_batch(self, batch: list[Any], frame: Frame | None, errors: str,
                    extra: list[dict[str, Any]] | None = None) -> list[DocumentResult]:
        """One result per item, in order: bad items and documents that fail are marked, not lost."""
        out: list[DocumentResult | None] = [None] * len(batch)
        good: list[int] = []
        clean: list[str] = []
        for i, item in enumerate(batch):
            try:
                clean.append(check_text(item))
                good.append(i)
            except InvalidInputError as exc:
                if errors == "raise":
                    raise
                out[i] = self._failed(frame, str(exc))
        notes = [{**_input_note(batch[i]), **(extra[i] if extra else {})} for i in good]
        try:
            done = self._batch(clean, frame, notes)
        except Exception:  # noqa: BLE001 - isolate the failing documents, keep the rest
            if errors == "raise":
                raise
            done = [self._one_or_failed(c, frame, n) for c, n in zip(clean, notes)]
        for i, doc in zip(good, done):
            out[i] = doc
        return out  # type: ignore[return-value]

    def _one_or_failed(self, text: str, frame: Frame | None, note: dict[str, str]) -> DocumentResult:
        try:
            return self._batch([text], frame, [note])[0]
        except Exception as exc:  # noqa: BLE001 - marked in the result, never lost
            failed = self._failed(frame, f"{type(exc).__name__}: {exc}")
            return replace(failed, meta={**failed.meta, **note})

    def _failed(self, frame: Frame | None, error: str) -> DocumentResult:
        return DocumentResult(
            text="", sentences=(), meta=self._meta(frame, status="error", error=error),
            summary=DocumentResult.summarize((), sides=frame.sides if frame else (), axis=frame.axis if frame else None,
                                             parties=frame.parties if frame else ()),
        )

    def _meta(self, frame: Frame | None, **extra: Any) -> dict[str, Any]:
        meta = {
            "frame": frame.name if frame else None,
            "axis": list(frame.axis) if frame and frame.axis else None,
            "mode": ("model+rules" if self.use_rules else "model") if self.model else "rules",
            "hedge_definition": self.hedge_definition,
            "model": self.model.name if self.model else None,
            "stancekit_version": __version__,
        }
        meta.update(extra)
        return meta

    def _batch(self, texts: list[str], frame: Frame | None, metas: list[dict[str, Any]]) -> list[DocumentResult]:
        splits = [split_sentences(t) for t in texts]
        model_out: list[Any] = []
        if self.model is not None:
            flat = [t[s:e] for t, spans in zip(texts, splits) for s, e in spans]
            model_out = self.model.predict(flat) if flat else []
        k = 0
        docs = []
        for text, spans, meta in zip(texts, splits, metas):
            preds = model_out[k : k + len(spans)] if self.model is not None else [None] * len(spans)
            k += len(spans)
            docs.append(self._document(text, spans, preds, frame, meta))
        return docs

    def _document(self, text: str, spans: list[tuple[int, int]], preds: list[Any], frame: Frame | None, meta: dict[str, Any]) -> DocumentResult:
        quotes = quote_regions(text)
        memory = remember_titles(text, frame) if spans else {}
        options = SentenceOptions(self._attr, self.use_rules, self.thresholds, self.hedge_definition, self.rule_calibration)
        sentences = [analyse_sentence(text, s, e, quotes_in(quotes, s, e), frame, memory, pred, options)
                     for (s, e), pred in zip(spans, preds)]
        sentences_t = resolve_document(tuple(sentences), text, frame, meta.get("date"), memory, quotes, self._attr)
        status = "ok" if sentences_t else "empty"
        return DocumentResult(
            text=text,
            sentences=sentences_t,
            meta={**self._meta(frame, status=status, error=None), **meta},
            summary=DocumentResult.summarize(
                sentences_t, sides=frame.sides if frame else (), axis=frame.axis if frame else None,
                parties=frame.parties if frame else (),
            ),
        )

def _input_note(text: Any) -> dict[str, str]:
    """Metadata saying what :func:`stancekit.text.check_text` replaced in the input, if anything."""
    n = replaced_count(text) if isinstance(text, str) else 0
    return {"warning": f"{n} lone surrogate code point(s) replaced by U+FFFD"} if n else {}


def load(
    path: str | Path | None = None,
    *,
    rules_only: bool = False,
    frame: str | Path | Frame | None = None,
    device: str | None = None,
    use_rules: bool = True,
    hedge_definition: str = "news",
    backend: str = "auto",
) -> Analyzer:
    """Load an analyzer.

    Args:
        path: a model folder (``models/<name>/`` layout). ``None``: the shipped default model.
        rules_only: skip the model entirely (fast, no torch import).
        frame: default frame for every call.
        device: torch device for the model (``"cpu"``, ``"cuda"``; torch backend only); default:
            CUDA if available.
        backend: ``"auto"`` (default: ONNX Runtime with int8 weights when ``stancekit[fast]`` is
            installed, else torch), ``"onnx"`` or ``"torch"`` (float32, the reference). See
            "Speed" in the README for what each costs and how close their figures are.
        use_rules: ``False``: model spans only (for comparing model alone vs model + rules).
        hedge_definition: ``"news"`` (default) or ``"conll"``; see :class:`Analyzer`.

    Raises:
        ModelNotFoundError: the folder or the base encoder is missing (the message says what to
            install); use ``rules_only=True`` to run without a model.
        ModelError: the folder is corrupted or does not match its base encoder.

    Example:
        >>> import stancekit
        >>> stancekit.load(rules_only=True)
        Analyzer(rules_only=True, frame=None)
    """
    if rules_only:
        if path is not None:
            raise InvalidInputError("pass either a model path or rules_only=True, not both")
        return Analyzer(None, frame=frame, hedge_definition=hedge_definition)
    from stancekit.model.inference import StanceModel

    check_definition(hedge_definition)
    return Analyzer(StanceModel.load(path, device=device, backend=backend), frame=frame, use_rules=use_rules, hedge_definition=hedge_definition)

