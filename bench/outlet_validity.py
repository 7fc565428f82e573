"""Does outlet comparison hold on outlets and conflicts the library never saw?

    python bench/outlet_validity.py [--rules-only] [--corpora ../shared/corpora] [--skip-allsides]

Prints, each with a 95% bootstrap interval:

1. **Sources on the hand-checked gold sets** (``bench/data/gold_sources/*.jsonl``: articles on
   several conflicts and divides from several outlets each, sources and their parties written down
   by hand; see ``bench/data/README.md``): source recall (a gold source counts as found when a
   predicted source overlaps it) and side accuracy on the sources found (the predicted party equals
   the gold party, ``None`` included), per conflict and overall; intervals resample articles.
   (a) the development set, whose errors were read while building the rules; (b, c) rounds 2 and 3
   (``gold_sources_round2/``, ``gold_sources_round3/``), annotated by people who did not run
   stancekit, each measured blind once and then used for development; (d) the held-out set
   (``gold_sources_heldout/``), annotated the same way, never used for tuning (its errors are never
   printed); (e) round 4 (``gold_sources_round4/``), annotated blind the same way, measured blind
   once and then used for development like rounds 2 and 3; (f, g, h) rounds 5, 6 and 7
   (``gold_sources_round5/`` to ``gold_sources_round7/``), the same again.
2. **Karabakh separation**: per-outlet lean (other events than the reserved 5 March 2023
   incident), outlets grouped as Azerbaijani, Armenian or international: on the development gold
   set, then on the held-out outlets (``karabakh_outlets_heldout.jsonl``, never used for tuning). The
   check is that every Azerbaijani outlet leans to the Azerbaijani side of every international
   outlet, and every Armenian outlet to the other side (an international outlet without own-voice
   evidence sits at 0; a partisan outlet without a lean fails); then on the Karabakh articles of the
   blind held-out source set.
3. **AllSides, leave outlets out** (needs ``allsides_media_train``): the us_politics frame's term
   weights are learned on four fifths of the outlets and applied to the fifth
   (:func:`stancekit.frames.learn_weights`); Spearman's rho between each outlet's lean and its
   AllSides rating, for outlets with at least 10 articles, with a bootstrap interval over outlets.

``--errors FILE`` writes every missed source and every wrong party of the sets whose errors may be read (the
development set and the rounds not in ``BLIND``) to a TSV; ``--pool 17 18 19`` also prints rounds pooled.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "bench" / "data" / "gold_sources"
HELDOUT = ROOT / "bench" / "data" / "gold_sources_heldout"
#: the blind gold rounds 2-17 (each blind once, then read for development); rounds 2 and 3 are bench
#: sets 1b and 1c, rounds 4 onwards come after the held-out set's 1d: 1e, 1f, ...
ROUNDS = range(2, 35)
#: the rounds whose errors have not been read (blind): 25, 27, 28, 30, 32 and 33. Round 26 was read in the
#: ninth session, round 29 in the tenth, round 31 in the eleventh; round 25 had nine of its error lines shown by mistake in the ninth
#: session (nothing was changed from them). Until the tenth session this was ``BLIND_FROM = 27``
#: (every round from 27 on), which also wrote round 25's errors to the TSV; the sessions skipped its lines.
BLIND = frozenset({25, 27, 28, 30, 32, 33, 34})


def round_key(n: int) -> str:
    """The bench set name of round ``n``: 1b and 1c for rounds 2 and 3, 1e to 1z for rounds 4 to 25
    (1d is the held-out set), then 1r26, 1r27, ..."""
    letters = "bc" if n < 4 else "efghijklmnopqrstuvwxyz"
    offset = n - 2 if n < 4 else n - 4
    return f"1{letters[offset]}" if offset < len(letters) else f"1r{n}"


def round_folder(n: int) -> Path:
    """The folder of gold round ``n``."""
    return ROOT / "bench" / "data" / f"gold_sources_round{n}"


FRAME_OF = {"karabakh": "karabakh", "israel_gaza": "israel_gaza", "russia_ukraine": "russia_ukraine",
            "us_politics": "us_politics"}


def load_gold(folder: Path = GOLD) -> list[dict]:
    """Every gold article of ``folder``, in file order."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def match(gold: list[dict], pred: list[tuple[int, int, str | None]]) -> list[tuple[dict, tuple | None]]:
    """Pair each gold source with at most one overlapping predicted source (largest overlap first)."""
    pairs = sorted(((min(g["end"], p[1]) - max(g["start"], p[0]), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred) if min(g["end"], p[1]) > max(g["start"], p[0])), reverse=True)
    got: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in got and pi not in used:
            got[gi] = pi
            used.add(pi)
    return [(g, pred[got[gi]] if gi in got else None) for gi, g in enumerate(gold)]


def boot(per_article: list[tuple[int, int]], rng: np.random.Generator, n: int = 1000) -> tuple[float, float, float]:
    """Pooled ratio of (hits, total) per article, with a 95% article-bootstrap interval."""
    arr = np.array(per_article, dtype=float).reshape(-1, 2)
    value = arr[:, 0].sum() / arr[:, 1].sum() if arr[:, 1].sum() else math.nan
    idx = rng.integers(0, len(arr), size=(n, len(arr)))
    num, den = arr[idx, 0].sum(1), arr[idx, 1].sum(1)
    ratios = num[den > 0] / den[den > 0]
    lo, hi = np.percentile(ratios, [2.5, 97.5]) if len(ratios) else (math.nan, math.nan)
    return value, lo, hi


def gold_sources(nlp, rows: list[dict], errors: list[str]) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Per conflict: per-article (found, gold) and (right side, found) counts."""
    out: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for row in rows:
        doc = nlp(row["text"], frame=FRAME_OF[row["conflict"]], meta={"date": row.get("date")})  # the date: government offices
        pred = [(s.span.start, s.span.end, s.side, s.side_basis) for x in doc.sentences for s in x.attribution.sources]
        pairs = match(row["sources"], pred)
        found = [(g, p) for g, p in pairs if p is not None]
        right = sum(p[2] == g["party"] for g, p in found)
        rec = out.setdefault(row["conflict"], {"recall": [], "side": [], "precision": [], "parties": [], "bases": []})
        rec["parties"].extend((g["party"], p[2]) for g, p in found)
        rec["bases"].extend((p[3], p[2] == g["party"]) for g, p in found)
        rec["recall"].append((len(found), len(pairs)))
        rec["precision"].append((len(found), len(pred)))
        rec["side"].append((right, len(found)))
        for g, p in pairs:
            if p is None:
                errors.append(f"{row['id']}\tmissed\t{g['text']}\t{g['party']}\t")
            elif p[2] != g["party"]:
                errors.append(f"{row['id']}\twrong party\t{g['text']}\t{g['party']}\t{row['text'][p[0]:p[1]]} -> {p[2]}")
    return out


def _error_kind(gold: str | None, pred: str | None) -> str:
    """right; missing (a party in the gold, none predicted); wrong (another party); spurious (a party
    where the gold has none). A missing side understates; a wrong or spurious one misleads."""
    if gold == pred:
        return "right"
    return "missing" if pred is None else ("spurious" if gold is None else "wrong")


def print_gold(stats: dict, rng: np.random.Generator, title: str) -> None:
    print(f"\n== {title} (overlap match; intervals: articles resampled)")
    print(f"{'conflict':<16}{'articles':>9}{'sources':>9}   {'recall':<24}{'side accuracy (found)':<26}"
          f"{'precision':<24}")
    every: dict[str, list] = {"recall": [], "side": [], "precision": [], "parties": [], "bases": []}
    for conflict, rec in [*sorted(stats.items()), ("all", every)]:
        if conflict != "all":
            for key in every:
                every[key] += rec[key]
        r, s, p = boot(rec["recall"], rng), boot(rec["side"], rng), boot(rec["precision"], rng)
        n_src = sum(b for _, b in rec["recall"])
        print(f"{conflict:<16}{len(rec['recall']):>9}{n_src:>9}   {r[0]:.3f} [{r[1]:.3f}, {r[2]:.3f}]     "
              f"{s[0]:.3f} [{s[1]:.3f}, {s[2]:.3f}]       {p[0]:.3f} [{p[1]:.3f}, {p[2]:.3f}]")
    from collections import Counter

    parties = [pair for rec in stats.values() for pair in rec["parties"]]
    kinds = Counter(_error_kind(g, p) for g, p in parties)
    n = len(parties) or 1
    given = [g == p for g, p in parties if p is not None]
    print("sides of the sources found: " + ", ".join(f"{k} {kinds[k]} ({kinds[k] / n:.1%})"
                                                   for k in ("right", "missing", "wrong", "spurious"))
          + f"; where a party is given, it is right {sum(given)} of {len(given)} ({sum(given) / max(len(given), 1):.1%})")
    print("targets: side accuracy >= 0.90, recall >= 0.80 (precision: predicted sources that overlap a gold one)")


def print_bases(groups: dict[str, list[dict]]) -> None:
    """Side accuracy by what gave the side (``Source.side_basis``; "none": no side given, right
    when the gold has no party either), per group of gold sets, with Wilson 95% intervals."""
    from collections import Counter

    from scipy.stats import binomtest

    from stancekit.results import SIDE_BASES

    print("\n== 3. Side accuracy by basis (Source.side_basis; right / found, Wilson 95% interval)")
    tallies = {}
    for name, sets in groups.items():
        n, k = Counter(), Counter()
        for stats in sets:
            for rec in stats.values():
                for basis, right in rec["bases"]:
                    n[basis or "none"] += 1
                    k[basis or "none"] += right
        tallies[name] = (n, k)
    print(f"{'basis':<14}" + "".join(f"{name:<34}" for name in groups))
    for basis in [*SIDE_BASES, "none"]:
        cells = []
        for n, k in tallies.values():
            if n[basis]:
                ci = binomtest(k[basis], n[basis]).proportion_ci(method="wilson")
                cells.append(f"{k[basis]:>4}/{n[basis]:<4} {k[basis] / n[basis]:.3f} [{ci.low:.3f}, {ci.high:.3f}]")
            else:
                cells.append("-")
        print(f"{basis:<14}" + "".join(f"{c:<34}" for c in cells))


def karabakh_separation(nlp, kb: list[dict], title: str) -> None:
    import pandas as pd

    import stancekit

    if not kb:
        print(f"\n== {title}: no articles")
        return
    df = pd.DataFrame({"outlet": [r["outlet"] for r in kb], "group": [r["outlet_group"] for r in kb],
                       "text": [r["text"] for r in kb]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cmp = stancekit.compare_outlets(df, by="outlet", frame="karabakh", nlp=nlp, n_boot=1000, seed=0)
    p = cmp.profiles.join(df.groupby("outlet")["group"].first())
    cols = ["group", "articles", "lean", "lean_lo", "lean_hi", "lean_wording", "lean_sourcing", "lean_stance"]
    print(f"\n== {title} (lean: -1 = armenia, +1 = azerbaijan; composite, 95% interval)")
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        print(p[cols].sort_values("lean").round(3).to_string())
    az, arm, intl = (p[p.group == g]["lean"] for g in ("azerbaijan", "armenia", "international"))
    # an international outlet without own-voice evidence has no lean: it sits at 0 for the check
    intl = intl.fillna(0.0)
    ok_az = bool(len(az)) and az.notna().all() and az.min() > intl.max()
    ok_arm = bool(len(arm)) and arm.notna().all() and arm.max() < intl.min()
    print(f"every Azerbaijani outlet > every international outlet: {ok_az} "
          f"(min az {az.min():+.3f}, max intl {intl.max():+.3f}, az outlets without a lean: {int(az.isna().sum())})")
    print(f"every Armenian outlet < every international outlet: {ok_arm} "
          f"(max arm {arm.max():+.3f}, min intl {intl.min():+.3f}, arm outlets without a lean: {int(arm.isna().sum())})")
    placed = int((az > intl.max()).sum() + (arm < intl.min()).sum())
    print(f"partisan outlets placed on their side of every international outlet: {placed} of {len(az) + len(arm)} "
          f"({placed} of {int(az.notna().sum() + arm.notna().sum())} outlets that have a lean)")


def print_round(nlp, key: str, n: int, errors: list[str], rng: np.random.Generator) -> dict:
    """Bench set ``key``: the sources of gold round ``n`` (when its folder exists)."""
    rows = load_gold(round_folder(n))
    if not rows:
        return {}
    stats = gold_sources(nlp, rows, errors)
    print_gold(stats, rng, f"{key}. Sources on the round-{n} gold set (gold_sources_round{n}/: blind once, then development)")
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules-only", action="store_true", help="rules only (default: the shipped model + rules)")
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--skip-allsides", action="store_true")
    ap.add_argument("--errors", help="write missed sources and wrong parties to this TSV (the development sets: "
                                     f"not the held-out set, nor rounds {sorted(BLIND)}, which stay blind until "
                                     "they are read on purpose)")
    ap.add_argument("--errors-blind", action="store_true", help="with --errors: also the blind rounds' errors "
                                                                "(they are no longer blind once they are read)")
    ap.add_argument("--pool", nargs="+", type=int, metavar="N", help="also print these rounds pooled (e.g. 17 18 19)")
    args = ap.parse_args()
    import stancekit

    t0 = time.perf_counter()
    nlp = stancekit.load(rules_only=args.rules_only)
    rng = np.random.default_rng(0)
    rows = load_gold()
    print(f"analyzer: {nlp!r}; gold articles: {len(rows)}")
    errors: list[str] = []
    dev = gold_sources(nlp, rows, errors)
    print_gold(dev, rng, "1a. Sources on the development gold set (gold_sources/)")
    rounds = {n: print_round(nlp, round_key(n), n, errors, rng) for n in (2, 3)}
    held = load_gold(HELDOUT)
    # the held-out set's errors are not written out: reading them would make it a development set
    held_stats = gold_sources(nlp, held, []) if held else {}
    if held:
        print_gold(held_stats, rng, "1d. Sources on the HELD-OUT gold set (gold_sources_heldout/, "
                   "annotated blind, never used for tuning)")
    last = ROUNDS.stop - 1  # the newest round
    for n in range(4, ROUNDS.stop):
        rounds[n] = print_round(nlp, round_key(n), n, errors if n not in BLIND or args.errors_blind else [], rng)
    if args.pool:
        pooled = gold_sources(nlp, [r for n in args.pool for r in load_gold(round_folder(n))], [])
        print_gold(pooled, rng, f"1*. Sources on rounds {', '.join(map(str, args.pool))} pooled")
    print_bases({"held-out (1d)": [held_stats], f"round {last} (newest)": [rounds[last]],
                 f"rounds 8-{last}": [s for n, s in rounds.items() if n >= 8], "all sets": [dev, held_stats, *rounds.values()]})
    if args.errors:
        Path(args.errors).write_text("id\tkind\tgold\tgold party\tpredicted\n" + "\n".join(errors) + "\n", encoding="utf-8")
    karabakh_separation(nlp, [r for r in rows if r["conflict"] == "karabakh"],
                        "2a. Karabakh separation, development outlets (gold_sources/karabakh.jsonl)")
    heldout = ROOT / "bench" / "data" / "karabakh_outlets_heldout.jsonl"
    with heldout.open(encoding="utf-8") as f:
        karabakh_separation(nlp, [json.loads(line) for line in f if line.strip()],
                            "2b. Karabakh separation, HELD-OUT outlets (karabakh_outlets_heldout.jsonl)")
    held_kb = [r for r in load_gold(HELDOUT) if r["conflict"] == "karabakh"]
    if held_kb:
        karabakh_separation(nlp, held_kb, "2c. Karabakh separation, HELD-OUT gold set's Karabakh articles "
                                          "(gold_sources_heldout/karabakh.jsonl)")
    if not args.skip_allsides:
        from allsides_lean import report

        report(Path(args.corpora), rng)
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
