"""Checking rendered pages in a real browser (headless Chromium), for tests and benches.

:func:`probe` opens an HTML file at a given width with a small probe script appended to a copy
(the page itself carries no script) and returns what the browser saw: the document title,
whether the page scrolls sideways, how many ``img`` and ``script`` elements exist, and the
dumped DOM. :func:`screenshot` saves a PNG.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["chromium", "probe", "screenshot"]

#: runs after the page has loaded and any handler it holds has had time to fire
_PROBE = ("<script>window.addEventListener('load',function(){setTimeout(function(){var d=document.documentElement;"
          "document.body.setAttribute('data-probe',JSON.stringify({title:document.title,"
          "overflow:d.scrollWidth>d.clientWidth,scrollWidth:d.scrollWidth,width:d.clientWidth,"
          "imgs:document.images.length,scripts:document.scripts.length}))},300)})</script>")


def chromium() -> str | None:
    """The Chromium executable, or ``None``."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(args: list[str]) -> str:
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("Chromium is not installed (Debian: apt-get install -y chromium)")
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-extensions", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout


def probe(page: Path | str, width: int) -> dict[str, Any]:
    """What the browser saw of ``page`` at ``width`` pixels (see the module docstring)."""
    html = Path(page).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "probe.html"
        copy.write_text(html.replace("</body>", _PROBE + "</body>") if "</body>" in html else html + _PROBE,
                        encoding="utf-8")
        dom = _run([f"--window-size={width},1000", "--virtual-time-budget=2000", "--dump-dom", copy.as_uri()])
    m = re.search(r"data-probe=\"([^\"]*)\"", dom)
    if m is None:
        raise RuntimeError(f"the probe did not run in Chromium (DOM starts: {dom[:200]!r})")
    seen = json.loads(m.group(1).replace("&quot;", '"'))
    seen["scripts"] -= 1  # the probe itself
    seen["dom"] = dom
    return seen


def screenshot(page: Path | str, out: Path | str, width: int, height: int = 1400) -> Path:
    """Save a PNG of ``page`` at ``width`` × ``height`` pixels."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--window-size={width},{height}", f"--screenshot={out.resolve()}", Path(page).resolve().as_uri()])
    return out
