"""Every hand-set score of the rules, in one table, and the calibration fitted on top of them.

The rules score a sentence from what they find: the kind of attribution, the hedge cue
categories (noisy-OR), the framing terms (noisy-OR). Those raw scores are set by hand and are
not probabilities: rules-only expected calibration error was 0.24 on PolNeAR dev and 0.38 on
BABE dev. :func:`calibrated` maps a raw score to a probability with a Platt fit on the logit of
the raw score, ``p = sigmoid(scale * logit(raw) + bias)``, fitted on dev data
(``python bench/fit_rule_calibration.py --corpora ../shared/corpora`` writes
``lexicons/rule_calibration.json``; the expected calibration error before and after, and
cross-fitted, is recorded there and in the README). The fit is monotone, so the rules-only
decisions stay those of a raw score of 0.5: a rules-only ``Analyzer.thresholds``
(:func:`rules_thresholds`) holds the calibrated value of 0.5 for each task.

The merge with the model uses some of these scores as floors and caps (a speaker label's
attribution, an unambiguous hedge); those stay raw, since the model's probabilities around
them are already calibrated.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

__all__ = ["ATTRIBUTION", "SPEAKER_P", "HEDGE_CATEGORY_WEIGHTS", "HEDGE_NONE", "UNAMBIGUOUS_HEDGE_P", "EXCLUDED_ONLY_P",
           "FRAMING", "calibrated", "calibration", "rules_thresholds"]

#: raw attribution score of a sentence, by the strongest kind of source found; a quotation with
#: no source found, and nothing at all
ATTRIBUTION = {"speaker": 0.95, "direct_quote": 0.93, "according_to": 0.92, "indirect": 0.88,
               "quotation_only": 0.45, "none": 0.05}
#: a speaker marked by layout (transcript label, dash sign-off): the attribution floor with the model too
SPEAKER_P = ATTRIBUTION["speaker"]
#: weight of one hedge cue of each category in the noisy-OR sentence score
HEDGE_CATEGORY_WEIGHTS = {"modal": 0.6, "epistemic_verb": 0.7, "adverb": 0.8, "uncertainty": 0.7, "hearsay": 0.85,
                          "approximator": 0.3, "conditional": 0.35, "weasel": 0.8}
#: raw hedge score of a sentence without a cue
HEDGE_NONE = 0.03
#: with the model: the floor of a sentence with an unambiguous hedge cue
UNAMBIGUOUS_HEDGE_P = 0.75
#: with the model: the cap of a sentence whose only cues are ones the hedge definition excludes
EXCLUDED_ONLY_P = 0.3
#: framing noisy-OR: a term's weight (with a side, or not), the factor for terms inside quotes,
#: the base of ``1 - base ** score`` and the score of a sentence with no term
FRAMING = {"sided": 1.0, "unsided": 0.7, "quoted_factor": 0.35, "base": 0.4, "none": 0.05}

_FILE = Path(__file__).parent / "lexicons" / "rule_calibration.json"
_TASKS = ("attributed", "hedged", "biased")


@functools.cache
def calibration() -> dict[str, dict[str, float]]:
    """The fitted maps (``scale``, ``bias``, ECE figures) per task; identity where none is fitted."""
    if not _FILE.exists():
        return {}
    return json.loads(_FILE.read_text(encoding="utf-8"))


def calibrated(task: str, raw: float, fit: dict[str, dict[str, float]] | None = None) -> float:
    """The calibrated probability of a raw rule score (``fit``: default :func:`calibration`).

    Example:
        >>> calibrated("attributed", 0.5, {"attributed": {"scale": 1.0, "bias": 0.0}})
        0.5
    """
    c = (calibration() if fit is None else fit).get(task)
    if not c:
        return raw
    x = math.log(min(max(raw, 1e-4), 1 - 1e-4) / (1 - min(max(raw, 1e-4), 1 - 1e-4)))
    return round(1 / (1 + math.exp(-(c["scale"] * x + c["bias"]))), 6)


def rules_thresholds(fit: dict[str, dict[str, float]] | None = None) -> dict[str, float]:
    """Decision thresholds of the rules-only analyzer: the calibrated value of a raw 0.5."""
    return {t: calibrated(t, 0.5, fit) for t in _TASKS}
