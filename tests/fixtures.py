"""Small corpus files in each public corpus' format, written for the tests (not copied)."""

from __future__ import annotations

import json
from pathlib import Path

POLNEAR_DOCS = {
    "train": {
        "nyt_2016-05-01_talks-stall": (
            "The talks stalled on Monday. The State Department said the envoy would return. "
            "“We remain hopeful,” a senior official said.\nAnalysts expect little progress.",
            [("Source", "The State Department"), ("Cue", "said"), ("Content", "the envoy would return"),
             ("Content", "We remain hopeful,"), ("Source", "a senior official"), ("Cue", "said", 2),
             ("Source", "Analysts"), ("Cue", "expect"), ("Content", "little progress")],
        ),
        "breitbart_2016-06-02_rally": (
            "Trump told supporters that the wall will be built. The crowd cheered.",
            [("Source", "Trump"), ("Cue", "told"), ("Content", "the wall will be built")],
        ),
    },
    "dev": {
        "wash-post_2016-10-11_debate": (
            "According to the campaign, the debate went well. Clinton claimed victory. It rained.",
            [("Cue", "According to"), ("Source", "the campaign"), ("Content", "the debate went well"),
             ("Source", "Clinton"), ("Cue", "claimed"), ("Content", "victory")],
        ),
    },
}


def _find(text: str, s: str, occ: int = 1) -> int:
    i = -1
    for _ in range(occ):
        i = text.index(s, i + 1)
    return i


def write_polnear(root: Path) -> Path:
    data = root / "polnear" / "data"
    meta = ["compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\ttrump_count\tclinton_count\tcredit\twire"]
    for split, docs in POLNEAR_DOCS.items():
        (data / split / "text").mkdir(parents=True, exist_ok=True)
        (data / split / "attributions").mkdir(parents=True, exist_ok=True)
        for name, (text, spans) in docs.items():
            (data / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            lines, k = [], 0
            rel: list[str] = []
            for item in spans:
                label, s, *occ = item
                a = _find(text, s, occ[0] if occ else 1)
                k += 1
                lines.append(f"T{k}\t{label} {a} {a + len(s)}\t{s}")
                rel.append(f"{label}:T{k}")
            lines.append("E1\tAttribution:T1 " + " ".join(rel))
            lines.append("continuation line of a span text with a newline")
            annotators = ["4e07"] + (["ef2d"] if split == "dev" else [])
            for ann in annotators:
                (data / split / "attributions" / f"{name}_{ann}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
            pub = name.split("_")[0]
            meta.append(f"{split}\t{name}\tNone\t4e07\t{pub}\t{name.split('_')[1]}\tX\tT\t0\t0\tNone\t{'AP' if pub == 'nyt' else 'None'}")
    (data / "metadata.tsv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return root / "polnear"


SZEGED_XML = """<?xml version="1.0" encoding="UTF-8"?><Annotation><DocumentSet>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Doc A_1</DocID><DocumentPart type="Text">
<Sentence id="S1.1">The town was <ccue type="speculation_modal_probable_">probably</ccue> founded in 1200.</Sentence>
<Sentence id="S1.2">It has a church.</Sentence>
<Sentence id="S1.3"><ccue type="speculation_hypo_condition _">If</ccue> the river floods, <ccue type="speculation_hypo_doxastic _">some believe</ccue> the bridge will fall.</Sentence>
</DocumentPart></Document>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Doc B_2</DocID><DocumentPart type="Text">
<Sentence id="S2.1">The singer <ccue type="speculation_modal_probable_">may</ccue> have retired.</Sentence>
<Sentence id="S2.2">She was born in Paris.</Sentence>
</DocumentPart></Document>
</DocumentSet></Annotation>
"""

BABE_ROWS = [
    ("The radical senator slammed the bill.", "Fox News", "right", "Biased", "['radical', 'slammed']"),
    ("The senate passed the bill on Tuesday.", "Reuters", "center", "Non-biased", "[]"),
    ("Critics say the disastrous policy hurt workers.", "Alternet", "left", "Biased", "['disastrous']"),
    ("The committee will meet next week.", "USA Today", "center", "Non-biased", "[]"),
    ("Unclear row about nothing.", "MSNBC", "left", "No agreement", "[]"),
    ("The governor signed the budget.", "Breitbart", "right", "Non-biased", "['missingword']"),
]


def write_babe(root: Path) -> Path:
    d = root / "babe"
    d.mkdir(parents=True, exist_ok=True)
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    for text, outlet, typ, lab, words in BABE_ROWS:
        lines.append(f'"{text}";http://x;{outlet};t;{typ};{lab};o;{words}')
    (d / "final_labels_SG2.csv").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return d


def write_all(root: Path) -> dict[str, Path]:
    paths = {"polnear": write_polnear(root), "babe": write_babe(root)}
    sz = root / "szeged"
    sz.mkdir(parents=True, exist_ok=True)
    (sz / "wiki.xml").write_text(SZEGED_XML, encoding="utf-8")
    paths["szeged"] = sz
    ptc = root / "ptc" / "datasets"
    (ptc / "train-articles").mkdir(parents=True, exist_ok=True)
    (ptc / "train-labels-task2-technique-classification").mkdir(parents=True, exist_ok=True)
    art = "Title of the article\n\nThe corrupt elite betrayed us.\nTaxes rose by two percent.\n"
    (ptc / "train-articles" / "article111.txt").write_text(art, encoding="utf-8")
    a = art.index("corrupt elite")
    b = art.index("betrayed")
    (ptc / "train-labels-task2-technique-classification" / "article111.task2-TC.labels").write_text(
        f"111\tLoaded_Language\t{a}\t{a + len('corrupt elite')}\n111\tName_Calling,Labeling\t{b}\t{b + 8}\n", encoding="utf-8")
    paths["ptc"] = root / "ptc"
    sfu = root / "sfu" / "BOOKS"
    sfu.mkdir(parents=True, exist_ok=True)
    (sfu / "no1.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><DOCUMENT><P><SENTENCE><W>It</W><cue ID="1" type="speculation"><W>might</W></cue>'
        '<W>work</W><W>.</W></SENTENCE><SENTENCE><W>It</W><cue ID="2" type="negation"><W>does</W><W>not</W></cue><W>work</W>'
        '<W>.</W></SENTENCE></P></DOCUMENT>', encoding="utf-8")
    paths["sfu"] = root / "sfu"
    ct = root / "checkthat"
    ct.mkdir(parents=True, exist_ok=True)
    (ct / "dev_en.tsv").write_text("sentence_id\tsentence\tlabel\tsolved_conflict\n1\tWhat a shameful decision.\tSUBJ\tFalse\n"
                                   "2\tThe vote was held on Monday.\tOBJ\tFalse\n3\tbad row\tMAYBE\tFalse\n", encoding="utf-8")
    paths["checkthat"] = ct
    sci = root / "sci"
    sci.mkdir(parents=True, exist_ok=True)
    (sci / "sentence-level-certainty.jsonl").write_text(
        json.dumps({"id": 0, "finding": "X may reduce Y.", "sentence-level-certainty": 2.5, "split": "val"}) + "\n"
        + json.dumps({"id": 1, "finding": "X reduces Y.", "sentence-level-certainty": 5.5, "split": "val"}) + "\n", encoding="utf-8")
    paths["scicertainty"] = sci
    al = root / "allsides"
    al.mkdir(parents=True, exist_ok=True)
    rows = [{"ID": "a1", "source": "Outlet L", "bias_text": "left", "bias": 0, "topic": "t", "date": "2020-01-01",
             "title": "T", "url": "u", "content_original": "Officials said the plan will likely pass."},
            {"ID": "a2", "source": "Outlet R", "bias_text": "right", "bias": 2, "topic": "t", "date": "2020-01-02",
             "title": "T", "url": "u", "content_original": ""}]
    (al / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    paths["allsides"] = al
    return paths
