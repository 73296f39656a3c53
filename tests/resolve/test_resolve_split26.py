"""A definite description that speaks refers back to the named participant (split26): the one whose label,
apposition or name shares its words, else the one participant of the nearest paragraphs; anything else stays
apart — two compatible participants, an indefinite or "other" description, a part the setting gives ("the
judge"), a group, a possessed role, a description inside the speaker's own words.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from handspans import known_as, resolved_sources

LINKED = [
    pytest.param(
        "Bryony Tate said the new library had opened two years late.\n\n"
        "The lifelong activist said the town had waited twenty years for it.",
        ["Bryony Tate", "The lifelong activist"],
        "Bryony Tate",
        id="epithet-in-the-next-paragraph",
    ),
    pytest.param(
        "Carys Penhallow, the town's MP, walked the flooded streets on Friday and said the defences had failed. "
        "The veteran politician said she would raise the matter in Parliament.",
        ["Carys Penhallow", "The veteran politician"],
        "Carys Penhallow",
        id="epithet-after-the-speaker",
    ),
    pytest.param(
        "Harbour pilot Eamon Doyle guided the stricken tanker into Kilbrannan on Monday night, and the crew "
        "were brought ashore. The Galway-born pilot said the swell had been the worst he had seen.",
        ["The Galway-born pilot"],
        "Eamon Doyle",
        id="label-before-the-name",
    ),
    pytest.param(
        "Marisol Ekdahl, a historian at Fenmoor College, has studied the mill's records for a decade. Developers "
        "want to demolish it.\n\nThe historian said the building was the oldest of its kind in the county.",
        ["The historian"],
        "Marisol Ekdahl",
        id="apposition-noun",
    ),
    pytest.param(
        "The Bramblewood Hospice Trust lost its council grant in May, and Councillor Ravi Sethi said the cut "
        "was regrettable. The hospice said it would appeal against the decision.",
        ["Councillor Ravi Sethi", "The hospice"],
        "Bramblewood Hospice Trust",
        id="body-head-in-its-name",
    ),
]


APART = [
    pytest.param(
        "Tomas Berg and Lena Holt met supporters at the ground on Sunday.\n\nThe long-serving director said the "
        "stand would be rebuilt.",
        ["The long-serving director"],
        "The long-serving director",
        id="two-compatible-participants",
    ),
    pytest.param(
        "Tomas Berg said the club would survive, and Lena Holt said the fans deserved better.\n\nThe "
        "long-serving director said the stand would be rebuilt.",
        ["Tomas Berg", "Lena Holt", "The long-serving director"],
        "The long-serving director",
        id="two-compatible-speakers",
    ),
    pytest.param(
        "Marta Vilanova said the quay would reopen on Friday.\n\nA harbour worker said the repairs had been rushed.",
        ["Marta Vilanova", "A harbour worker"],
        "A harbour worker",
        id="indefinite-new-speaker",
    ),
    pytest.param(
        "Rana Patel, a landlord in Orford Street, said rents would rise. The other shopkeeper said they would not.",
        ["Rana Patel", "The other shopkeeper"],
        "The other shopkeeper",
        id="the-other",
    ),
    pytest.param(
        "Dean Holloway, 34, admitted stealing copper cable from the depot.\n\nThe judge said the thefts had "
        "put lives at risk.",
        ["The judge"],
        "The judge",
        id="a-part-the-setting-gives",
    ),
    pytest.param(
        "Anika Shore, 12, was hurt when the garden wall fell on Tuesday. The family said she was recovering.",
        ["The family"],
        "The family",
        id="a-group",
    ),
    pytest.param(
        "Noor Haddad was injured in the crash on the ring road. The victim's brother said the junction was dangerous.",
        ["The victim's brother"],
        "The victim's brother",
        id="a-possessed-role",
    ),
    pytest.param(
        "Ellen Marsh, a passenger, said the pilot told everyone to stay seated. She said nobody panicked.",
        ["Ellen Marsh", "the pilot"],
        "the pilot",
        id="inside-the-speakers-own-words",
    ),
    pytest.param(
        "Orla Quinn, a nurse at the clinic, said the waiting list had doubled. The former surgeon said the "
        "clinic needed more staff.",
        ["Orla Quinn", "The former surgeon"],
        "The former surgeon",
        id="former-and-another-role",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), LINKED)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_speaking_description_joins_the_named_participant(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected


@pytest.mark.parametrize(("text", "sources", "expected"), APART)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_speaking_description_that_the_text_does_not_tie_stays_apart(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected
