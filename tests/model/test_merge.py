"""The model+rules merge policy (stancekit/model/merge.py) on hand-set model outputs."""

from stancekit.model.inference import SentencePrediction
from stancekit.model.merge import RULE_ONLY_SUPPORT, merge_sentence
from stancekit.rules.hedging import find_hedges

TEXT = "Officials said the talks would probably fail."
#       0         1         2         3         4
#       0123456789012345678901234567890123456789012345


def _rule_sources():
    import stancekit

    doc = stancekit.load(rules_only=True)(TEXT)
    return list(doc.sentences[0].attribution.sources), list(doc.sentences[0].hedging.cues)


def _pred(source_p, hedge_p, spans=None, probs=None):
    # one "token" per word; role probabilities set by hand
    words = [(0, 9), (10, 14), (15, 18), (19, 24), (25, 30), (31, 39), (40, 44)]
    attr = {"source": tuple(source_p if i == 0 else 0.0 for i in range(7)), "cue": (0.0,) * 7, "content": (0.0,) * 7}
    hedge = {"hedge": tuple(hedge_p if i in (4, 5) else 0.0 for i in range(7))}
    loaded = {"loaded": (0.0,) * 7}
    return SentencePrediction(probs or {"attributed": 0.9, "hedged": 0.9, "biased": 0.1}, spans or {},
                              {"attr": (tuple(words), attr), "hedge": (tuple(words), hedge), "loaded": (tuple(words), loaded)})


def _merge(pred, sources, hedges):
    return merge_sentence(TEXT, 0, len(TEXT), pred, sources, hedges, [], frame=None,
                          type_side=lambda phrase: ("unknown", None))


def test_rule_findings_are_what_the_merge_starts_from():
    sources, hedges = _rule_sources()
    assert [(s.span.text, s.cue.text) for s in sources] == [("Officials", "said")]
    assert [(c.span.text, c.category) for c in hedges] == [("would probably", "adverb")]
    assert find_hedges(TEXT, 0, len(TEXT))


def test_model_vetoes_rule_only_findings_it_finds_unlikely():
    sources, hedges = _rule_sources()
    low = RULE_ONLY_SUPPORT["source"] / 2
    res = _merge(_pred(low, low), sources, hedges)
    # the source is vetoed; "would probably" is an unambiguous hedge (modal + likelihood adverb):
    # never vetoed, and the sentence is then hedged
    assert res.attribution.sources == ()
    assert [c.span.text for c in res.hedging.cues] == ["would probably"] and res.hedging.hedged
    high = 0.6
    res = _merge(_pred(high, high), sources, hedges)
    assert [(s.span.text, s.origin) for s in res.attribution.sources] == [("Officials", "rules")]
    assert [(c.span.text, c.origin) for c in res.hedging.cues] == [("would probably", "rules")]


def test_model_boundaries_win_for_hedges_found_by_both():
    sources, hedges = _rule_sources()
    # the rules mark "would probably", the model "probably" (Szeged's convention): the model's
    # boundaries, the rule's category
    pred = _pred(0.6, 0.0, spans={"hedge": ((31, 39, "hedge"),)})
    res = _merge(pred, sources, hedges)
    assert [(c.span.text, c.origin, c.category) for c in res.hedging.cues] == [("probably", "both", "adverb")]


def test_predictions_without_token_probabilities_keep_rule_findings():
    sources, hedges = _rule_sources()
    pred = SentencePrediction({"attributed": 0.9, "hedged": 0.9, "biased": 0.1}, {})
    res = _merge(pred, sources, hedges)
    assert len(res.attribution.sources) == 1 and len(res.hedging.cues) == 1


def test_speaker_label_is_kept_and_raises_the_sentence_probability():
    import stancekit

    text = "WALLACE: Let’s start with the news."
    src = list(stancekit.load(rules_only=True)(text).sentences[0].attribution.sources)
    assert [(x.span.text, x.cue.text, x.kind) for x in src] == [("WALLACE", ":", "speaker")]
    words = [(0, 7), (7, 8), (9, 14), (15, 20), (21, 25), (26, 29), (30, 34)]
    zeros = (0.0,) * 7
    pred = SentencePrediction({"attributed": 0.05, "hedged": 0.01, "biased": 0.1}, {},
                              {"attr": (tuple(words), {"source": zeros, "cue": zeros, "content": zeros})})
    res = merge_sentence(text, 0, len(text), pred, src, [], [], frame=None, type_side=lambda phrase: ("other", None))
    # the model gives the label no support, yet layout attribution is kept
    assert [(x.span.text, x.origin) for x in res.attribution.sources] == [("WALLACE", "rules")]
    assert res.attribution.probability == 0.95
    # without it the model's probability stands
    res = merge_sentence(text, 0, len(text), pred, [], [], [], frame=None, type_side=lambda phrase: ("other", None))
    assert res.attribution.probability == 0.05


def test_rule_only_modals_need_more_model_support_than_epistemic_verbs():
    from stancekit.results import Cue, Span

    text = "The talks appeared stalled and would fail."
    #       0123456789012345678901234567890123456789012
    found = {text[a:b]: cat for a, b, cat in find_hedges(text, 0, len(text))}
    assert found == {"appeared": "epistemic_verb", "would": "modal"}
    hedges = [Cue(Span(a, b, text[a:b]), cat) for a, b, cat in find_hedges(text, 0, len(text))]
    words = [(0, 3), (4, 9), (10, 18), (19, 26), (27, 30), (31, 36), (37, 41), (41, 42)]
    mid = (0.0, 0.0, 0.3, 0.0, 0.0, 0.3, 0.0, 0.0)  # the model gives both cues 0.3
    pred = SentencePrediction({"attributed": 0.1, "hedged": 0.6, "biased": 0.1}, {},
                              {"hedge": (tuple(words), {"hedge": mid})})
    res = merge_sentence(text, 0, len(text), pred, [], hedges, [], frame=None, type_side=lambda p: ("other", None))
    # the epistemic verb passes (>= 0.15), the modal does not (< 0.5): Szeged rarely marks "would"
    assert [(c.span.text, c.origin) for c in res.hedging.cues] == [("appeared", "rules")]
