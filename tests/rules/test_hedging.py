import pytest


def cues(nlp, text):
    return [(c.span.text, c.category) for s in nlp(text).sentences for c in s.hedging.cues]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Klaar and Bono will likely meet Aliyev.", [("will likely", "adverb")]),
        ("Both societies appeared optimistic.", [("appeared", "epistemic_verb")]),
        ("The escalation would have grave results.", []),  # a bare "would" is not a news hedge
        ("The claim could not be independently verified.", [("could not be independently verified", "hearsay")]),
        ("The minister is expected to resign.", [("is expected to", "epistemic_verb")]),
        ("Some 300 people reportedly fled.", [("Some", "approximator"), ("reportedly", "hearsay")]),
        ("About 40 soldiers died, possibly more.", [("About", "approximator"), ("possibly", "adverb")]),
        ("Critics argue the deal is weak.", [("Critics argue", "weasel")]),
        ("It is believed that the talks failed.", [("It is believed", "weasel")]),
        ("If the road opens, trade may resume.", [("may", "modal")]),
        ("The strike was allegedly ordered by the general.", [("allegedly", "hearsay")]),
        ("The plan seems unworkable and perhaps illegal.", [("seems", "epistemic_verb"), ("perhaps", "adverb")]),
    ],
)
def test_hedge_cues(nlp, text, expected):
    assert cues(nlp, text) == expected


@pytest.mark.parametrize("text, news, conll", [
    ("If the road opens, trade may resume.", [("may", "modal")], [("If", "conditional"), ("may", "modal")]),
    ("The escalation would have grave results.", [], [("would", "modal")]),
    ("Unless the talks resume, the truce will likely collapse.", [("will likely", "adverb")],
     [("Unless", "conditional"), ("will likely", "adverb")]),
    ("Nobody knows whether the border will reopen.", [], [("whether", "conditional")]),
    ("Sales grew faster than analysts had expected.", [], [("expected", "epistemic_verb")]),
])
def test_hedge_definitions(text, news, conll):
    """The news definition (default) drops conditionals and a bare "would"; CoNLL keeps every cue."""
    import stancekit

    assert cues(stancekit.load(rules_only=True), text) == news
    conll_nlp = stancekit.load(rules_only=True, hedge_definition="conll")
    assert cues(conll_nlp, text) == conll
    assert conll_nlp(text).meta["hedge_definition"] == "conll"


def test_unknown_hedge_definition_is_named():
    import stancekit
    from stancekit.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="hedge_definition must be one of"):
        stancekit.load(rules_only=True, hedge_definition="wikipedia")


@pytest.mark.parametrize(
    "text",
    [
        "The troops withdrew on May 20.",
        "Some residents left the town.",
        "The talks ended about the road.",
        "The ministry confirmed the attack.",
    ],
)
def test_not_hedges(nlp, text):
    doc = nlp(text)
    assert cues(nlp, text) == []
    assert not doc.sentences[0].hedging.hedged


def test_hedged_scores_higher(nlp):
    a = nlp("The attack will likely continue.").sentences[0].hedging.probability
    b = nlp("The attack continued.").sentences[0].hedging.probability
    assert a >= 0.5 > b


@pytest.mark.parametrize("text, unambiguous", [
    ("The plan would likely fail.", ["would likely"]),
    ("It will probably rain.", ["will probably"]),
    ("The attack was reportedly carried out by drones.", ["reportedly"]),
    ("The figures could not be independently verified.", ["could not be independently verified"]),
    ("Officials said it may rain.", ["may"]),
    ("The talks might not resume.", ["might"]),
    ("The vote could be delayed.", ["could"]),
    ("He could not attend the meeting.", []),   # past ability
    ("Talks resume in May after the holiday.", []),
    ("Protesters would gather every Friday.", []),  # habitual "would"
    ("The fate of the hostages remains unclear.", ["unclear"]),
    ("It was not clear who fired first.", ["not clear"]),
    ("An unknown gunman opened fire.", []),  # attributive: says nothing of the claim's certainty
])
def test_unambiguous_hedges(text, unambiguous):
    from stancekit.rules.hedging import find_hedges, is_unambiguous_hedge

    got = [text[a:b] for a, b, _ in find_hedges(text, 0, len(text)) if is_unambiguous_hedge(text, a, b)]
    assert got == unambiguous


def test_rules_only_probabilities_are_calibrated_and_keep_their_decisions():
    """The raw rule scores are mapped by the Platt fits of rules/lexicons/rule_calibration.json
    (fitted on dev data by bench/fit_rule_calibration.py); the map is monotone and the decision
    point moves with it, so what is attributed, hedged or loaded is unchanged."""
    import stancekit
    from stancekit.analyzer import Analyzer
    from stancekit.rules.scores import calibration

    fit = calibration()
    assert set(fit) == {"attributed", "hedged", "biased"}
    assert all(f["ece_cross_fitted"] < f["ece_before"] for f in fit.values() if f["ece_before"] > 0.05)
    texts = ["Officials said the road may reopen.", "The road reopened.", "“Artsakh” forces shelled it, the regime's thugs said."]
    cal = stancekit.load(rules_only=True).pipe(texts, frame="karabakh")
    raw = Analyzer(None, rule_calibration={}).pipe(texts, frame="karabakh")
    for a, b in zip(cal, raw):
        for x, y in zip(a.sentences, b.sentences):
            for part in ("attribution", "hedging", "framing"):
                pa, pb = getattr(x, part), getattr(y, part)
                assert pb.threshold == 0.5
                assert (pa.probability >= pa.threshold) == (pb.probability >= 0.5), (x.span.text, part)
    first = next(iter(stancekit.load(rules_only=True).pipe(texts[:2])))
    assert first.sentences[0].attribution.probability > 0.9 and first.sentences[0].hedging.hedged


@pytest.mark.parametrize("text", ["His unclear remarks angered allies.", "This unknown gunman opened fire."])
def test_a_possessive_before_unclear_is_not_a_predicate(text):
    from stancekit.rules.hedging import find_hedges, is_unambiguous_hedge

    assert not [text[a:b] for a, b, _ in find_hedges(text, 0, len(text)) if is_unambiguous_hedge(text, a, b)]

