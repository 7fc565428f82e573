"""Command line: a thin layer over the library.

Commands: ``analyze`` (per-sentence view of documents), ``score`` (files to a parquet sentence
table, on Dask, resumable), ``evaluate`` (metrics against a gold corpus), ``train`` (reproduce the shipped model), ``compare`` (outlet profiles), ``frames``
(list / validate frames). ``stancekit COMMAND --help`` documents each.

Example:
    >>> from stancekit.cli import main
    >>> main(["frames", "list"])  # doctest: +ELLIPSIS
    israel_gaza...karabakh...
    0
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from stancekit.errors import StancekitError

__all__ = ["main", "build_parser"]


def _analyzer(args: argparse.Namespace) -> Any:
    import stancekit

    definition = getattr(args, "hedge_definition", "news")
    if args.rules_only:
        return stancekit.load(rules_only=True, hedge_definition=definition)
    return stancekit.load(args.model, hedge_definition=definition, backend=getattr(args, "backend", "auto"))


def _read_inputs(paths: list[str]) -> list[tuple[str, str]]:
    out = []
    for p in paths:
        if p == "-":
            out.append(("<stdin>", sys.stdin.read()))
            continue
        path = Path(p)
        if not path.exists():
            raise StancekitError(f"input file {p} does not exist")
        try:
            out.append((p, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            raise StancekitError(f"input file {p} is not UTF-8 text; convert it first") from None
    return out


def _cmd_analyze(args: argparse.Namespace) -> int:
    from stancekit.render import render_table

    nlp = _analyzer(args)
    inputs = _read_inputs(args.files)
    docs = list(nlp.pipe([t for _, t in inputs], frame=args.frame, show_progress_bar=False))
    if args.html:
        out = Path(args.html)
        if len(inputs) > 1:
            out.mkdir(parents=True, exist_ok=True)
        for (name, _), doc in zip(inputs, docs):
            target = out / (Path(name).stem + ".html") if len(inputs) > 1 else out
            doc.to_html(str(target), title=name)
            print(f"wrote {target}", file=sys.stderr)
    if args.format == "json":
        payload = [{"file": name, **doc.to_dict()} for (name, _), doc in zip(inputs, docs)]
        json.dump(payload if len(payload) > 1 else payload[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for (name, _), doc in zip(inputs, docs):
            if len(inputs) > 1:
                print(f"== {name}")
            print(render_table(doc))
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from stancekit.dask import score_files

    load: dict[str, Any] = {"frame": args.frame, "rules_only": args.rules_only, "hedge_definition": args.hedge_definition,
                            "date_col": args.date_col}
    if not args.rules_only:
        load.update(path=args.model, backend=args.backend)
    rep = score_files(args.inputs, args.out, text_col=args.text_col, workers=args.workers, scheduler=args.scheduler,
                      show_progress_bar=not args.quiet, **load)
    print(f"wrote {rep['rows']} sentence rows in {rep['parts'] - rep['skipped'] - len(rep['failed'])} part(s) to "
          f"{args.out} ({rep['skipped']} part(s) already there, skipped)")
    for name, why in rep["failed"].items():
        print(f"failed: {name}: {why}", file=sys.stderr)
    return 1 if rep["failed"] else 0


def _cmd_frames(args: argparse.Namespace) -> int:
    from stancekit.frames import available_frames, load_frame

    if args.action == "list":
        for name in available_frames():
            fr = load_frame(name)
            print(f"{name}\t{len(fr.terms)} terms\tsides={','.join(fr.sides)}\t"
                  f"third parties={','.join(fr.third_parties) or '-'}\t{fr.description[:70]}")
        return 0
    if not args.paths:
        raise StancekitError("frames validate needs one or more frame files: stancekit frames validate my_frame.toml")
    status = 0
    for path in args.paths:
        fr = load_frame(path)
        problems = fr.problems()
        summary = f"{fr.name}, {len(fr.sides)} sides, {len(fr.third_parties)} third parties, {len(fr.terms)} terms"
        if problems:
            status = 1
            print(f"{path}: {len(problems)} problem(s) ({summary})")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{path}: ok ({summary})")
    return status


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from stancekit import corpora
    from stancekit.evaluation import evaluate

    nlp = _analyzer(args)
    loader = corpora.LOADERS.get(args.corpus)
    if loader is None:
        raise StancekitError(f"unknown corpus {args.corpus!r}; choose from {sorted(corpora.LOADERS)}")
    kwargs: dict[str, Any] = {}
    if args.split:
        kwargs["split"] = args.split
    data = loader(args.path, **kwargs)
    if args.limit:
        data = data.select(range(min(args.limit, len(data))))
    report = evaluate(nlp, data, task=args.task, by=args.by, bootstrap=args.bootstrap)
    print(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=2))
        print(f"wrote {args.json}")
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from stancekit.model.train import main as train_main

    return train_main(["--config", args.config, *(["--resume"] if args.resume else [])])


def _cmd_compare(args: argparse.Namespace) -> int:
    import pandas as pd

    from stancekit.compare import compare_outlets

    cmp = compare_outlets(args.data, by=args.by, text_col=args.text_col, frame=args.frame,
                          story_col=args.story_col, date_col=args.date_col, nlp=_analyzer(args))
    with pd.option_context("display.max_columns", 20, "display.width", 160):
        print(cmp.summary_table().to_string())
    if args.html:
        cmp.to_html(args.html)
        print(f"wrote {args.html}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from stancekit import __version__

    parser = argparse.ArgumentParser(prog="stancekit", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"stancekit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def model_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", default=None, help="model folder (default: the shipped model)")
        p.add_argument("--rules-only", action="store_true", help="rules only, no model")
        p.add_argument("--hedge-definition", choices=("news", "conll"), default="news",
                       help="what counts as a hedge: news (speculation cues, default) or conll (every Szeged cue type)")
        p.add_argument("--backend", choices=("auto", "onnx", "torch"), default="auto",
                       help="model backend: onnx (int8, fast), torch (float32 reference), auto (onnx when installed)")

    p = sub.add_parser("analyze", help="per-sentence view of one or more documents")
    p.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
    p.add_argument("--frame", default=None, help="frame name or .toml path (e.g. karabakh)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--html", default=None, help="also write the article view here (a folder for several files)")
    model_opts(p)
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser("score", help="score JSONL / CSV / parquet files into a parquet sentence table (Dask)")
    p.add_argument("inputs", nargs="+", help="input files or globs (one partition per file)")
    p.add_argument("--out", required=True, help="output folder of parquet parts (re-run to resume)")
    p.add_argument("--text-col", default="text")
    p.add_argument("--frame", default=None, help="frame name or .toml path")
    p.add_argument("--date-col", default=None, help="publication date column (government offices by date)")
    p.add_argument("--workers", type=int, default=1, help="local worker processes (without --scheduler)")
    p.add_argument("--scheduler", default=None, help="address of a running dask-scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    model_opts(p)
    p.set_defaults(func=_cmd_score)

    p = sub.add_parser("evaluate", help="evaluate against a labelled corpus")
    p.add_argument("--corpus", required=True, help="polnear, szeged, babe, ptc, sfu, bioscope, ...")
    p.add_argument("--path", required=True, help="the corpus folder or file")
    p.add_argument("--split", default=None)
    p.add_argument("--task", required=True, choices=["attribution", "hedging", "framing"])
    p.add_argument("--by", default=None, help="metadata column for a breakdown (e.g. outlet)")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (0: none)")
    p.add_argument("--limit", type=int, default=None, help="evaluate on the first N rows only")
    p.add_argument("--json", default=None, help="also write the report as JSON here")
    model_opts(p)
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("train", help="train the multi-task model from a config file")
    p.add_argument("--config", required=True)
    p.add_argument("--resume", action="store_true")
    p.set_defaults(func=_cmd_train)

    p = sub.add_parser("compare", help="compare outlets")
    p.add_argument("data", help="CSV / JSONL / parquet file of articles")
    p.add_argument("--by", default="outlet")
    p.add_argument("--text-col", default="text")
    p.add_argument("--story-col", default=None)
    p.add_argument("--date-col", default=None, help="publication date column (date ranges in the report)")
    p.add_argument("--frame", default=None)
    p.add_argument("--html", default=None, help="write a self-contained HTML report here")
    model_opts(p)
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("frames", help="list built-in frames or validate frame files")
    p.add_argument("action", choices=["list", "validate"])
    p.add_argument("paths", nargs="*")
    p.set_defaults(func=_cmd_frames)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``stancekit`` console script; returns the exit status."""
    import warnings

    args = build_parser().parse_args(argv)
    shown = warnings.showwarning
    # warnings as one line each, without the Python source line they come from
    warnings.showwarning = lambda message, category, *rest, **kw: print(  # type: ignore[assignment]
        f"stancekit: warning: {message}", file=sys.stderr)
    try:
        return int(args.func(args))
    except StancekitError as exc:
        print(f"stancekit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away ("stancekit frames list | head -1")
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        warnings.showwarning = shown


if __name__ == "__main__":
    sys.exit(main())
