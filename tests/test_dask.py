"""Scoring on Dask equals the single-process path; the model loads once per worker; nothing is lost."""

from __future__ import annotations

import json

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import dask.dataframe as dd  # noqa: E402

import stancekit  # noqa: E402
import stancekit.dask as skd  # noqa: E402
from stancekit.compare import ComparisonWarning  # noqa: E402

TEXTS = [
    "Azerbaijan's Defense Ministry said the separatist regime's illegal armed groups opened fire. "
    "The talks will likely resume, officials said.",
    "“We will not retreat,” Nikol Pashinyan told reporters on Monday. It appeared calm.",
    None,
    "",
    "Officials said it may rain. The minister said the plan would likely fail.",
    "The radical regime's thugs staged a shocking attack, the agency revealed.",
]


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.DataFrame({"outlet": list("abcdef"), "text": TEXTS}, index=[10, 11, 12, 13, 14, 15])


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    cols = [c for c in a.columns if c != "doc_position"]  # doc_position counts within a partition
    assert list(a.index) == list(b.index)
    for c in cols:
        if c.endswith("probability"):
            assert ((a[c].astype(float) - b[c].astype(float)).abs().fillna(0) <= 1e-6).all(), c
        else:
            assert a[c].astype(object).where(a[c].notna(), None).tolist() == b[c].astype(object).where(b[c].notna(), None).tolist(), c


@pytest.mark.parametrize("kwargs", [{"rules_only": True}, {}], ids=["rules", "model"])
def test_two_worker_processes_give_the_single_process_result(client, articles, kwargs):
    expected = stancekit.load(**kwargs).score_frame(articles, frame="karabakh", show_progress_bar=False)
    got = skd.score(dd.from_pandas(articles, npartitions=3), frame="karabakh", **kwargs).compute()
    same(got, expected)
    assert got.loc[12, "status"] == "error" and got.loc[13, "status"] == "empty"
    assert set(got.loc[10, "outlet"]) == {"a"} and got.loc[10, "attributed"].any()
    # three partitions on two workers: each worker process loaded the analyzer once
    counts = client.run(lambda: len(skd._CACHE))
    assert all(n <= 2 for n in counts.values()) and sum(counts.values()) >= 1


def test_a_failed_partition_keeps_its_rows_and_says_why(articles, monkeypatch):
    real = skd.worker_analyzer

    class Breaks:
        def __init__(self, nlp):
            self.nlp = nlp

        def score_frame(self, part, **kw):
            if "e" in set(part["outlet"]):
                raise RuntimeError("disk full")
            return self.nlp.score_frame(part, **kw)

    monkeypatch.setattr(skd, "worker_analyzer", lambda **load: Breaks(real(**load)))
    got = skd.score(dd.from_pandas(articles, npartitions=3), rules_only=True).compute(scheduler="sync")
    failed = got[got["outlet"] == "e"]
    assert len(failed) == 1 and failed["status"].tolist() == ["error"]
    assert "partition failed: RuntimeError: disk full" in failed["error"].iloc[0]
    assert got.loc[14, "outlet"] == "e"  # the failing partition's other row is there too
    assert (got.loc[[10, 11]]["status"] == "ok").all()


def test_score_rejects_a_pandas_frame_and_a_missing_column(articles):
    with pytest.raises(stancekit.InvalidInputError, match="score_frame"):
        skd.score(articles)
    with pytest.raises(stancekit.InvalidInputError, match="not a column"):
        skd.score(dd.from_pandas(articles, npartitions=1), text_col="body")


def test_cli_score_writes_parts_and_resumes(articles, tmp_path, capsys):
    from stancekit.cli import main

    for k in range(3):
        part = articles.iloc[2 * k : 2 * k + 2]
        (tmp_path / f"in{k}.jsonl").write_text("\n".join(json.dumps(r) for r in part.to_dict("records")) + "\n")
    out = tmp_path / "out"
    args = ["score", str(tmp_path / "in*.jsonl"), "--out", str(out), "--rules-only", "--frame", "karabakh", "--quiet"]
    assert main(args) == 0
    parts = sorted(p.name for p in out.glob("part-*.parquet"))
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    first = pd.read_parquet(out)
    (out / "part-00001.parquet").unlink()
    capsys.readouterr()
    assert main(args) == 0
    assert "2 part(s) already there, skipped" in capsys.readouterr().out
    again = pd.read_parquet(out)
    assert sorted(again["sentence"].dropna()) == sorted(first["sentence"].dropna())
    expected = stancekit.load(rules_only=True).score_frame(articles.reset_index(drop=True), frame="karabakh")
    assert sorted(first["sentence"].dropna()) == sorted(expected["sentence"].dropna())
    assert main(args[:-3] + ["--frame", "us_politics", "--quiet"]) == 2  # another job's folder is refused
    # a folder written by a version with other output columns is another job too: no mixed parts
    manifest = json.loads((out / "_stancekit_job.json").read_text(encoding="utf-8"))
    manifest["columns"] = [c for c in manifest["columns"] if c != "source_side_bases"]
    (out / "_stancekit_job.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(args) == 2


def test_compare_outlets_on_dask_gathers_counts_and_equals_pandas(client):
    texts = [t for t in TEXTS if t] * 3
    df = pd.DataFrame({"outlet": ["x", "y"] * (len(texts) // 2), "text": texts})
    df.loc[3, "outlet"] = None  # grouped as '<missing>', as with pandas
    nlp = stancekit.load(rules_only=True)
    with pytest.warns(ComparisonWarning):
        expected = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=200)
    with pytest.warns(ComparisonWarning):
        got = stancekit.compare_outlets(dd.from_pandas(df, npartitions=3), by="outlet", frame="karabakh", nlp=nlp, n_boot=200)
    pd.testing.assert_frame_equal(got.profiles, expected.profiles)
    pd.testing.assert_frame_equal(got.articles, expected.articles, check_dtype=False)
    assert got.sentences is None
    with pytest.raises(stancekit.StancekitError, match="not gathered from a Dask input"):
        got.distinguishing_phrases("x", "y")
    # a scored Dask table (``stancekit score`` output read back) is counted, not scored again
    scored = nlp.score_frame(df.assign(outlet=df["outlet"].fillna("<missing>")), frame="karabakh")
    with pytest.warns(ComparisonWarning):
        again = stancekit.compare_outlets(dd.from_pandas(scored, npartitions=1), by="outlet", frame="karabakh", nlp=nlp,
                                          n_boot=200)
    pd.testing.assert_frame_equal(again.profiles, expected.profiles)
