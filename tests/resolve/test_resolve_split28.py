"""Epithets and role nouns joined to the named person or body they stand for (split28).

A people's or place's word for one member ("the Scot", "the Welshwoman", "the Frenchman") is an epithet news uses
for a person it has named: read as a person's description, not a name of its own, it joins the one person
nearby who spoke; a body named there does not compete (no body is "the Frenchman"), nor does a person named
only inside the speaker's reported words, and its "-woman"/"-man" ending rules out a person of the other
gender. Two people of the same gender leave it apart.

A description that opens the story before anyone is named (a lede's "A coroner has said", "the medicines
regulator found") joins the participant the story then names as what it described — titled so ("Coroner Miriam
Ashby"), or, for a body, the one body named in the next paragraph; an unnamed official, a person the text never
calls by the lede's noun, and two bodies named next stay apart. A firm's name joined by "&" is one body.

An age epithet ("the 58-year-old") before anyone named has spoken is the one person named so far; with two it
stays apart. A name the text gives an office in apposition ("Its chairman, Emrys Prydderch") is a person's.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from handspans import known_as, resolved_sources, same_speaker

LINKED = [
    pytest.param(
        "Mirela Costa will step down as the orchestra's conductor next year, the board announced on Monday. "
        "The 58-year-old said she was proud of its recordings.",
        ["the board", "The 58-year-old"],
        "Mirela Costa",
        id="age-epithet-for-the-one-person-named",
    ),
    pytest.param(
        "Hill farmers drove tractors into the town on Friday. Their union's chairman, Emrys Prydderch, told the "
        'crowd that the plan would ruin them.\n\n"We will not sell," he said. The 64-year-old said his family '
        "had farmed the valley for a century.",
        ["Their union's chairman, Emrys Prydderch", "The 64-year-old"],
        "Emrys Prydderch",
        id="age-epithet-after-a-titled-name",
    ),
    pytest.param(
        "His club, Harrowgate Rovers, said it was shocked. Its chairman, Pierre Lacombe, said the board had "
        "met overnight. The Frenchman said the decision had been unanimous.",
        ["Harrowgate Rovers", "Pierre Lacombe", "The Frenchman"],
        "Pierre Lacombe",
        id="demonym-after-a-body-and-its-officer",
    ),
    pytest.param(
        "The housing minister, Fraser McAllister, said the scheme would be extended. The Scot did not say how "
        "much it would cost.",
        ["Fraser McAllister", "The Scot"],
        "Fraser McAllister",
        id="demonym-tagged-a-name",
    ),
    pytest.param(
        "The club's coach, Ewan Baird, said Kofi Mensah had been the best player in the league.\n\nThe Scot said "
        "the squad would miss him.",
        ["The club's coach, Ewan Baird", "The Scot"],
        "Ewan Baird",
        id="demonym-after-a-speaker-who-spoke-of-another",
    ),
    pytest.param(
        "Harlow & Pike said the novel would be delayed until spring. It said the author had agreed.",
        ["Harlow & Pike", "It"],
        "Harlow & Pike",
        id="a-firm-joined-by-an-ampersand",
    ),
    pytest.param(
        "Tomos Rees said the ferry had been late all week. Their spokeswoman, Carys Bevan, said passengers "
        "deserved an apology. The Welshwoman said the company had ignored its letters.",
        ["Tomos Rees", "Carys Bevan", "The Welshwoman"],
        "Carys Bevan",
        id="demonym-gender-rules-out-the-man",
    ),
]

APART = [
    pytest.param(
        "Mirela Costa and Jonas Berg will leave the orchestra next year, the board announced on Monday. The "
        "58-year-old said the decision had been hard.",
        ["the board", "The 58-year-old"],
        "The 58-year-old",
        id="age-epithet-with-two-people-named",
    ),
    pytest.param(
        "Hamish Cairns said the pier would close. Duncan Forbes said it would not.\n\nThe Scot said the council "
        "had not decided.",
        ["Hamish Cairns", "Duncan Forbes", "The Scot"],
        "The Scot",
        id="two-speakers-one-demonym",
    ),
    pytest.param(
        "Gwen Morgan said the library would stay open. Ffion Price said the hours would be cut.\n\nThe "
        "Welshwoman said she had not been consulted.",
        ["Gwen Morgan", "Ffion Price", "The Welshwoman"],
        "The Welshwoman",
        id="two-women-one-demonym",
    ),
    pytest.param(
        "Colette Marchand said the vineyard had lost its harvest. The Frenchman said the frost had come early.",
        ["Colette Marchand", "The Frenchman"],
        "The Frenchman",
        id="demonym-of-the-other-gender",
    ),
    pytest.param(
        "Nadia Okafor said the clinic would reopen.\n\nA Scot said it was understaffed.",
        ["Nadia Okafor", "A Scot"],
        "A Scot",
        id="indefinite-demonym-opens-a-new-person",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), LINKED)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_an_epithet_joins_the_named_participant(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected


@pytest.mark.parametrize(("text", "sources", "expected"), APART)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_an_epithet_the_text_does_not_tie_stays_apart(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected


CATAPHORA_JOINED = [
    pytest.param(
        "A coroner has said a care home failed a resident who choked on his lunch.\n\nThe inquest at Ludford "
        "heard that two carers were on duty.\n\nCoroner Miriam Ashby said the death had been preventable.",
        ["A coroner", "Coroner Miriam Ashby"],
        id="lede-role-then-the-titled-name",
    ),
    pytest.param(
        "A ferry company has cancelled every sailing to the islands, saying the crossing was unsafe.\n\n"
        "Calloway Ferries said on Sunday that its three boats would stay in port.",
        ["A ferry company", "Calloway Ferries"],
        id="lede-body-then-the-body-named-next",
    ),
    pytest.param(
        "The food regulator has ordered a recall of hummus, saying it may contain plastic.\n\nThe Food Standards "
        "Office said on Monday that four batches made by the dairy firm Tarrant Foods were affected.",
        ["The food regulator", "The Food Standards Office"],
        id="lede-body-beside-a-body-of-another-kind",
    ),
]

CATAPHORA_APART = [
    pytest.param(
        "A senior official said the talks had stalled.\n\nThe foreign minister, Hanna Lind, said progress had "
        "been made.",
        ["A senior official", "Hanna Lind"],
        id="an-unnamed-official",
    ),
    pytest.param(
        "A teacher has been suspended after complaining about class sizes, saying pupils were at risk.\n\nMark "
        "Dillon said the school had never replied to his letters.",
        ["A teacher", "Mark Dillon"],
        id="a-person-never-called-by-the-ledes-noun",
    ),
    pytest.param(
        "A charity has closed its night shelters, saying its funding had run out.\n\nHopewell Trust said it "
        "had warned the council. The Northgate Housing Association said it would take some residents.",
        ["A charity", "Hopewell Trust", "The Northgate Housing Association"],
        id="two-bodies-named-next",
    ),
]


@pytest.mark.parametrize(("text", "sources"), CATAPHORA_JOINED)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_ledes_description_joins_the_participant_named_later(
    text: str, sources: list[str], strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert same_speaker(doc, "a1", "a2")


@pytest.mark.parametrize(("text", "sources"), CATAPHORA_APART)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_ledes_description_the_text_does_not_tie_stays_apart(
    text: str, sources: list[str], strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert not any(same_speaker(doc, "a1", f"a{n}") for n in range(2, len(sources) + 1))
