import json
import subprocess
import sys

import pytest
from conftest import SEED_TEXT

from stancekit.cli import main


def test_analyze_table(capsys):
    assert main(["analyze", str(SEED_TEXT), "--frame", "karabakh", "--rules-only"]) == 0
    out = capsys.readouterr().out
    assert "source: 'Azerbaijani media' [media, side=azerbaijan (phrase)] cue='revealed' (endorsing, indirect)" in out
    assert "sources by side: armenia=0, azerbaijan=" in out
    assert "lean: +0.90 [+0.65, +1.00]  (-1 = armenia, +1 = azerbaijan)" in out


def test_analyze_json(capsys):
    assert main(["analyze", str(SEED_TEXT), "--frame", "karabakh", "--rules-only", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["sources_by_side"]["armenia"] == 0
    assert data["sentences"][2]["attribution"]["sources"][0]["span"]["text"] == "Azerbaijan’s Defense Ministry"


def test_hedge_definition_option(capsys, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("If the road opens, trade may resume.", encoding="utf-8")
    assert main(["analyze", str(f), "--rules-only", "--format", "json"]) == 0
    cues = [c["span"]["text"] for c in json.loads(capsys.readouterr().out)["sentences"][0]["hedging"]["cues"]]
    assert cues == ["may"]
    assert main(["analyze", str(f), "--rules-only", "--format", "json", "--hedge-definition", "conll"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["span"]["text"] for c in data["sentences"][0]["hedging"]["cues"]] == ["If", "may"]
    assert data["meta"]["hedge_definition"] == "conll"


def test_errors_are_clean(capsys, tmp_path):
    assert main(["analyze", str(tmp_path / "missing.txt"), "--rules-only"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["analyze", str(SEED_TEXT), "--rules-only", "--frame", "nope"]) == 2
    assert "unknown frame" in capsys.readouterr().err


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "stancekit", "frames", "list"], capture_output=True, text=True, check=True)
    assert [line.split("\t")[0] for line in out.stdout.splitlines()] == ["israel_gaza", "karabakh", "russia_ukraine", "us_politics"]


def test_compare_command(tmp_path, capsys):
    import pandas as pd

    rows = [{"source": o, "content_original": t} for o, t in
            [("L", "Democrats said the undocumented immigrants deserve a path to citizenship.")] * 6
            + [("R", "Republicans said illegal aliens must leave, and the death tax must go.")] * 6]
    pd.DataFrame(rows).to_json(tmp_path / "a.jsonl", orient="records", lines=True)
    html = tmp_path / "r.html"
    assert main(["compare", str(tmp_path / "a.jsonl"), "--by", "source", "--text-col", "content_original",
                 "--frame", "us_politics", "--rules-only", "--html", str(html)]) == 0
    out = capsys.readouterr().out
    assert "lean" in out and "-0.857 [" in out and " 0.857 [" in out
    assert html.exists()


def test_version_validate_without_paths_and_a_closed_pipe(capsys):
    import subprocess
    import sys

    from stancekit import __version__
    from stancekit.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"stancekit {__version__}"
    assert main(["frames", "validate"]) == 2
    assert "needs one or more frame files" in capsys.readouterr().err
    out = subprocess.run(f"{sys.executable} -m stancekit frames list | head -1", shell=True, capture_output=True, text=True)
    assert out.stdout.count("\n") == 1 and "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr


def test_warnings_print_one_line_without_source(tmp_path, capsys):
    from stancekit.cli import main

    data = tmp_path / "a.jsonl"
    data.write_text('{"outlet": "A", "text": "Officials said it may rain."}\n{"outlet": "B", "text": "It rained."}\n')
    assert main(["compare", str(data), "--rules-only"]) == 0
    err = capsys.readouterr().err
    assert "stancekit: warning: " in err and "warnings.warn" not in err and "return _" not in err


def test_analyze_writes_the_article_view(tmp_path):
    from stancekit.cli import main

    out = tmp_path / "seed.html"
    assert main(["analyze", str(SEED_TEXT), "--frame", "karabakh", "--rules-only", "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'aria-label="legend"' in page and "Azerbaijan’s Defense Ministry" in page and "<script" not in page
