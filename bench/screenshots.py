"""Render the article view and the outlet report, check them in headless Chromium, save screenshots.

    python bench/screenshots.py [--out bench/screenshots]

Pages: the seed article (shipped model, karabakh frame); a document carrying HTML and script
payloads; the outlet report of the hand-checked Karabakh articles (``bench/data/gold_sources``)
grouped by the publisher's side. Each page is opened at 800 and 1,400 pixels wide: prints
whether it scrolls sideways and whether any payload ran (title changed, image or script
present), and saves ``<page>_<width>.png``. Needs Debian's ``chromium``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAYLOAD = ("Officials said <script>document.title='pwned'</script> the road may reopen. "
           "\"><img src=x onerror=\"document.title='pwned'\"> Azerbaijan's Defense Ministry said "
           "<a href=\"javascript:document.title='pwned'\">the separatist regime</a> fired.")


def pages(tmp: Path) -> dict[str, tuple[Path, str]]:
    import pandas as pd

    import stancekit

    nlp = stancekit.load(frame="karabakh")
    seed = (ROOT / "seeds" / "karabakh_2023-03_armed_incident_az_perspective.txt").read_text(encoding="utf-8")
    out = {"article_seed": (tmp / "seed.html", "Seed article: Azerbaijani-perspective report, March 2023"),
           "article_payload": (tmp / "payload.html", "stancekit article view")}
    nlp(seed).to_html(out["article_seed"][0], title=out["article_seed"][1])
    nlp(PAYLOAD).to_html(out["article_payload"][0])
    rows = [json.loads(x) for x in (ROOT / "bench" / "data" / "gold_sources" / "karabakh.jsonl").read_text().splitlines() if x]
    df = pd.DataFrame({"side": [r["outlet_group"] for r in rows], "text": [r["text"] for r in rows],
                       "date": [r.get("date") for r in rows]})
    cmp = stancekit.compare_outlets(df, by="side", frame="karabakh", nlp=nlp, n_boot=500, show_progress_bar=False,
                                    date_col="date")
    out["outlet_report"] = (cmp.to_html(tmp / "report.html", title="Karabakh 2020-2023: outlets grouped by side"),
                            "Karabakh 2020-2023: outlets grouped by side")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "screenshots")
    args = ap.parse_args()
    import warnings

    from stancekit.browser_check import probe, screenshot

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (page, title) in pages(Path(tmp)).items():
            for width in (800, 1400):
                seen = probe(page, width)
                ran = seen["title"] != title or seen["imgs"] or seen["scripts"]
                png = screenshot(page, args.out / f"{name}_{width}.png", width, 2400 if name == "outlet_report" else 1400)
                print(f"{name} @ {width}px: sideways scroll {seen['overflow']} (width {seen['scrollWidth']}), "
                      f"payload ran {bool(ran)}, screenshot {png.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
