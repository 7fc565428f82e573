"""How many ways of naming a public body does a frame read? (a grid, not gold data)

    python bench/body_forms.py [karabakh russia_ukraine israel_gaza]

Builds every combination of an owner (a place or state, named or described: "the breakaway
region"), a body ("Interior Ministry", "State Service for Emergency Situations") and a word order
("<owner>'s <body>", "the <body> of <owner>", "<owner> <body>"), puts each in a sentence ("... said on
Tuesday that the road had been closed.") and runs the default analyzer with the frame. Prints every
form whose first source does not get the expected party, then the count per frame. The grid
measures coverage of forms, written from the frames' own descriptions of who governs what; it says
nothing about how often a form occurs in news (the gold rounds of ``outlet_validity.py`` do that).
"""

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import stancekit  # noqa: E402

GRIDS = {
    "karabakh": {
  "armenia": (["Nagorno-Karabakh", "Karabakh", "the Nagorno-Karabakh Republic", "Artsakh", "the self-proclaimed Nagorno-Karabakh Republic",
               "the unrecognized republic", "the breakaway region", "the ethnic Armenian enclave", "the separatist region", "Armenia"],
              ["Interior Ministry", "Foreign Ministry", "police", "emergency services", "ombudsman", "human rights defender",
               "State Service for Emergency Situations", "defense army", "information headquarters", "president", "leader", "government",
               "authorities", "parliament", "National Security Service", "prosecutor's office", "state minister", "Investigative Committee",
               "Defense Ministry", "health ministry", "Security Council", "presidential spokeswoman", "Prosecutor General's Office"]),
  "azerbaijan": (["Azerbaijan", "Baku", "the Republic of Azerbaijan"],
              ["Defense Ministry", "State Border Service", "State Security Service", "Prosecutor General's Office", "Foreign Ministry",
               "Interior Ministry", "Emergency Situations Ministry", "presidential administration", "army", "armed forces",
               "Mine Action Agency", "ombudsman", "parliament", "State Commission on Prisoners of War", "deputy prime minister",
               "president's foreign policy adviser", "Health Ministry", "State Customs Committee", "Ministry of Defense"]),
  "russia": (["Russia", "Moscow"], ["Defense Ministry", "Foreign Ministry", "peacekeeping command", "foreign ministry spokeswoman", "Security Council"]),
 },
    "russia_ukraine": {
  "ukraine": (["Ukraine", "Kyiv"], ["Defense Ministry", "General Staff", "Security Service", "military intelligence", "Foreign Ministry",
              "State Emergency Service", "prosecutor general's office", "air force", "navy", "ombudsman", "parliament", "energy ministry",
              "Interior Ministry", "National Police", "Southern Defense Forces", "Operational Command South", "border guard service", "presidential office"]),
  "russia": (["Russia", "Moscow", "the Kremlin"], ["Defense Ministry", "Foreign Ministry", "Investigative Committee", "FSB security service",
              "Emergencies Ministry", "general staff", "Prosecutor General's Office", "Federal Security Service", "health ministry"]),
 },
    "israel_gaza": {
  "israel": (["Israel"], ["Defense Ministry", "military", "army", "Foreign Ministry", "Health Ministry", "police", "Prime Minister's Office",
              "National Security Council", "Prison Service", "Home Front Command"]),
  "palestine": (["Gaza", "Hamas", "the Palestinian Authority"], ["Health Ministry", "civil defense agency", "Interior Ministry", "media office",
              "armed wing", "government media office", "Foreign Ministry", "spokesman", "political bureau", "prisoners' affairs commission"]),
 },
}
#: owners that read naturally without a possessive ("Karabakh police", "Kyiv city council")
BARE = ("Karabakh", "Artsakh", "Nagorno-Karabakh", "Baku", "Moscow", "Kyiv", "Israel", "Hamas", "Gaza")


def forms(owner: str, body: str) -> list[str]:
    """The word orders of one owner and body."""
    poss = owner + ("'" if owner.endswith("s") else "'s")
    out = [f"{poss} {body}", f"The {body} of {owner}"] + ([f"{owner} {body}"] if owner in BARE else [])
    return [f[0].upper() + f[1:] for f in out]


def main() -> None:
    nlp = stancekit.load()
    for frame in sys.argv[1:] or list(GRIDS):
        bad = total = 0
        for party, (owners, bodies) in GRIDS[frame].items():
            for owner, body in itertools.product(owners, bodies):
                for form in forms(owner, body):
                    doc = nlp(f"{form} said on Tuesday that the road had been closed.", frame=frame)
                    sources = [s for x in doc.sentences for s in x.attribution.sources]
                    got = sources[0].side if sources else "no source"
                    total += 1
                    if got != party:
                        bad += 1
                        print(f"{frame:15} want {party:10} got {got!s:10} | {form}")
        print(f"== {frame}: {bad} of {total} forms without the expected party")


if __name__ == "__main__":
    main()
