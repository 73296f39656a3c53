"""One participant under two names (split36): a title before a surname, a person's occupation, a headline's or
lede's noun, a body's noun, a portfolio.

A title or honorific before a surname ("Dr Harcourt", "Captain Stirling-Hale", both tagged a body's name) is the
one person named in full with that surname, whatever the tagger made of the title; an honorific of the other
gender ("Mr Okonjo" after "Dr Miriam Okonjo") is someone else. A common occupation ("the sculptor", "the vet") is
a person's description: it joins the one speaker in view, and a place named beside it does not compete; a noun
the headline or lede introduced someone by ("a visiting poet") joins the one person the story names by the
paragraph after the lede, not the speaker nearest before it. A body's noun ("the publisher") joins the one body
named and acting in its paragraph; two bodies there, a body in the paragraph before, or a kind the body's name
does not say ("the regulator" after a brand) leave it apart. An office's portfolio ("the cabinet member for
housing") gives the words "the housing chief" is written with. A role possessed by a pronoun ("its president")
is the one person the text named with the same pronoun and role; two such leave it apart.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from handspans import known_as, resolved_sources

LINKED = [
    pytest.param(
        "Divers said the reef was dying. Dr Ruth Harcourt, a marine biologist, said the damage was recent.\n\n"
        "Dr Harcourt said it could still be reversed.",
        ["Divers", "Dr Ruth Harcourt, a marine biologist", "Dr Harcourt"],
        "Ruth Harcourt",
        id="title-and-surname-tagged-a-body",
    ),
    pytest.param(
        "The salvors rejected that account. Their managing director, Captain Ines Stirling-Hale, said the master "
        "had signed the form.\n\nCaptain Stirling-Hale replied that the weather had left no time.",
        ["The salvors", "Their managing director, Captain Ines Stirling-Hale", "Captain Stirling-Hale"],
        "Ines Stirling-Hale",
        id="rank-and-double-surname-tagged-a-body",
    ),
    pytest.param(
        "Rafe Olumide, 52, said the commission had been cancelled without warning. Speaking from his workshop in "
        "Penrith, the sculptor said he would appeal.",
        ["Rafe Olumide, 52", "the sculptor"],
        "Rafe Olumide",
        id="occupation-beside-a-silent-place",
    ),
    pytest.param(
        "The council said its vets had visited the farm twice. Dr Lena Hart, who runs the animal charity, said "
        "the ponies were underweight. The vet said they should be moved at once.",
        ["The council", "Dr Lena Hart, who runs the animal charity", "The vet"],
        "Lena Hart",
        id="occupation-after-a-plural-use-of-it",
    ),
    pytest.param(
        "College cancels reading by visiting poet\n\nA college has cancelled a reading by a visiting poet hours "
        "before it was due to begin.\n\nMarguerite Osei, who lives in Accra, had been invited by the literary "
        "society.\n\nThe principal, Dr Owen Lasko, said the decision had been taken on police advice.\n\nThe "
        "poet said she was disappointed.",
        ["Dr Owen Lasko", "The poet"],
        "Marguerite Osei",
        id="ledes-noun-for-the-person-named-next",
    ),
    pytest.param(
        "Harrowfield Press said the memoir would be pulped. The publisher said it had taken legal advice.",
        ["Harrowfield Press", "The publisher"],
        "Harrowfield Press",
        id="bodys-noun-after-the-body",
    ),
    pytest.param(
        "Councillor Janet Ebbs, the cabinet member for housing, said rents would rise. Councillor Tom Reilly, the "
        "opposition leader, said tenants could not pay. The housing chief said the increase was the smallest "
        "allowed.",
        ["Councillor Janet Ebbs", "Councillor Tom Reilly", "The housing chief"],
        "Janet Ebbs",
        id="portfolio-of-an-office",
    ),
    pytest.param(
        "The Hill Walkers' Guild wants the path reopened. Its president, Owain Pryce, told the meeting that the "
        "council had ignored them.\n\nThe path was closed in May, weeks after its president wrote that it was "
        "unsafe.",
        ["Its president, Owain Pryce", "its president"],
        "Owain Pryce",
        id="the-same-possessed-role-again",
    ),
]

APART = [
    pytest.param(
        "Dr Miriam Okonjo, a marine biologist, said the reef was dying. Her husband runs the dive school.\n\n"
        "Mr Okonjo said the boats had been told to slow down.",
        ["Dr Miriam Okonjo, a marine biologist", "Mr Okonjo"],
        "Okonjo",
        id="an-honorific-of-the-other-gender",
    ),
    pytest.param(
        "College cancels reading by visiting poet\n\nA college has cancelled a reading by a visiting poet hours "
        "before it was due to begin.\n\nMarguerite Osei and Efua Mensah had both been invited by the literary "
        "society.\n\nThe principal, Dr Owen Lasko, said the decision had been taken on police advice.\n\nThe "
        "poet said she was disappointed.",
        ["Dr Owen Lasko", "The poet"],
        "The poet",
        id="ledes-noun-with-two-people-named-next",
    ),
    pytest.param(
        "Harrowfield Press said the memoir would be pulped. Kestrel Publishing Ltd said it would publish it. The "
        "publisher said it had taken legal advice.",
        ["Harrowfield Press", "Kestrel Publishing Ltd", "The publisher"],
        "The publisher",
        id="bodys-noun-with-two-bodies",
    ),
    pytest.param(
        "Brightwave said it would appeal against the fine. The regulator said the fine would stand.",
        ["Brightwave", "The regulator"],
        "The regulator",
        id="a-kind-the-brand-does-not-say",
    ),
    pytest.param(
        "Harrowfield Press said the memoir would be pulped.\n\nThe publisher said it had taken legal advice.",
        ["Harrowfield Press", "The publisher"],
        "The publisher",
        id="bodys-noun-a-paragraph-after-the-body",
    ),
    pytest.param(
        "The Hill Walkers' Guild wants the path reopened. Its president, Owain Pryce, told the meeting that the "
        "council had ignored them. The Ramblers' Club disagrees. Its president, Dafydd Rees, told the meeting "
        "that the path was unsafe.\n\nThe path was closed in May, weeks after its president wrote that it was "
        "dangerous.",
        ["Its president, Owain Pryce", "Its president, Dafydd Rees", "its president"],
        "its president",
        id="the-same-possessed-role-of-two-people",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), LINKED)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_second_name_joins_the_participant(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected


@pytest.mark.parametrize(("text", "sources", "expected"), APART)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_second_name_the_text_does_not_tie_stays_apart(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected
