"""The article view and the outlet report, opened in headless Chromium (Debian's ``chromium``;
``.ci/run`` installs it; skipped without it)."""

from __future__ import annotations

import pandas as pd
import pytest

from stancekit.browser_check import chromium, probe

pytestmark = pytest.mark.skipif(chromium() is None, reason="chromium is not installed")

PAYLOADS = ("Officials said <script>document.title='pwned'</script> the road may reopen. "
            "\"><img src=x onerror=\"document.title='pwned'\"> Azerbaijan's Defense Ministry said "
            "<a href=\"javascript:document.title='pwned'\">the separatist regime</a> fired. "
            + "Averyveryveryverylongtokenwithoutanyspaces" * 20 + ".")


@pytest.fixture(scope="module")
def pages(tmp_path_factory, nlp, seed_text):
    import stancekit

    tmp = tmp_path_factory.mktemp("pages")
    nlp(seed_text, frame="karabakh").to_html(tmp / "seed.html", title="seed")
    nlp(PAYLOADS, frame="karabakh").to_html(tmp / "payload.html", title="payload")
    texts = [seed_text, PAYLOADS, "Armenian media reported that Azerbaijani forces shelled Stepanakert.",
             "Artsakh's Defense Army said the Azerbaijani side fired."] * 3
    df = pd.DataFrame({"outlet": ["<b>Outlet</b> A", "B"] * 6, "text": texts})
    cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=100, min_articles=2)
    cmp.to_html(tmp / "report.html", title="report")
    return tmp


@pytest.mark.parametrize("name", ["seed", "payload", "report"])
@pytest.mark.parametrize("width", [800, 1400])
def test_pages_fit_the_width_and_run_no_payload(pages, name, width):
    seen = probe(pages / f"{name}.html", width)
    assert seen["overflow"] is False, seen["scrollWidth"]
    assert seen["title"] == name  # a payload that changes document.title did not run
    assert seen["imgs"] == 0 and seen["scripts"] == 0


def test_the_article_view_shows_legend_summary_and_marked_spans(pages):
    dom = probe(pages / "seed.html", 1400)["dom"]
    assert 'aria-label="legend"' in dom and 'aria-label="summary"' in dom
    assert "source of azerbaijan" in dom and "Source balance by party" in dom and "Wording lean" in dom
    assert 'class="m k-source"' in dom and "separatist regime" in dom
    payload = probe(pages / "payload.html", 800)["dom"]
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in payload


def test_the_outlet_report_has_its_sections(pages):
    dom = probe(pages / "report.html", 800)["dom"]
    for section in ("What was compared", "Measures", "Source balance by party", "Differences that survive correction",
                    "Caveats"):
        assert f">{section}</h2>" in dom
    assert "&lt;b&gt;Outlet&lt;/b&gt; A" in dom and "−1 = armenia … +1 = azerbaijan" in dom
