"""One source per entity: an epithet after the name continues the person quoted last (split38).

News varies the name of the person it is quoting with an epithet as it would with "he" or "she" ("Its director,
Ottilie Strand, said … The dealer said"): an epithet that is the main subject of its sentence continues the speaker
who was the main subject of the reporting sentence before it, in the same paragraph, even where other participants
are named nearby (a barrister who asked the question, a person only spoken about). It stays apart where the centre
is unclear or the text says otherwise: two speakers in one reporting sentence, a speaker in another paragraph, a
part the setting gives ("the judge"), an epithet the text gave another person, a gender that rules the speaker out.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from accordingto import lexicon
from accordingto.resolve.names import names_match
from handspans import known_as, resolved_sources

JOINED = [
    pytest.param(
        "Questioned by Dana Whitlock about the delays, Ingrid Solberg-Vane said the contractor had been warned. "
        "The geologist said the report had been ignored.",
        ["Ingrid Solberg-Vane", "The geologist"],
        "Ingrid Solberg-Vane",
        id="the-questioner-named-in-a-side-clause",
    ),
    pytest.param(
        "The firm hired Marek Zielinski in March. Its director, Tamsin Oyelowo-Hart, said the accounts were in "
        "order. The economist said no money was missing.",
        ["Its director, Tamsin Oyelowo-Hart", "The economist"],
        "Tamsin Oyelowo-Hart",
        id="a-person-only-spoken-about-before-the-speaker",
    ),
    pytest.param(
        "Corran Bay Sailing Club said the race would go ahead. Its commodore, Fenella Strachan-Boyd, said the "
        "forecast was good. The yachtswoman said the course had been shortened.",
        ["Corran Bay Sailing Club", "Its commodore, Fenella Strachan-Boyd", "The yachtswoman"],
        "Fenella Strachan-Boyd",
        id="a-body-then-its-officer",
    ),
    pytest.param(
        "The panel heard from Lydia Banerjee, a nurse on the ward. Ross Keating said the ward had been short of "
        "staff. The nurse said the rota had been changed without notice.",
        ["Ross Keating", "The nurse"],
        "Lydia Banerjee",
        id="an-epithet-the-text-gave-another-person",
    ),
]

APART = [
    pytest.param(
        "Pilar Montes said the bridge was safe, but Oskar Lindqvist said it was not. The engineer said the cables "
        "were worn.",
        ["Pilar Montes", "Oskar Lindqvist", "The engineer"],
        "The engineer",
        id="two-speakers-in-one-reporting-sentence",
    ),
    pytest.param(
        "Pilar Montes said the bridge was safe. Oskar Lindqvist watched from the bank.\n\nThe engineer said the "
        "cables were worn.",
        ["Pilar Montes", "The engineer"],
        "The engineer",
        id="the-speaker-in-another-paragraph",
    ),
    pytest.param(
        "Kasia Wren, who was accompanied by Tobias Hale, said she regretted the theft. The judge said the offence "
        "had been planned.",
        ["Kasia Wren", "The judge"],
        "The judge",
        id="a-part-the-setting-gives",
    ),
    pytest.param(
        "Asked by Tomas Reyes about the harbour, Colette Marchand said the boats were idle. The businessman "
        "said the quota was too low.",
        ["Colette Marchand", "The businessman"],
        "The businessman",
        id="a-gender-that-rules-the-speaker-out",
    ),
    pytest.param(
        "Mirela Costa said the tour would go ahead. Gunnar Holm said that the violinist had resigned.",
        ["Mirela Costa", "Gunnar Holm"],
        "Gunnar Holm",
        id="an-epithet-inside-reported-words-is-no-source",
    ),
]


# A company's name without its legal form is a shorter form of it; without a line of business or a body's head
# ("Water", "Council") it is often a place's, and one word is left to the first-word rule (``matching``).
SHORTER_NAMES = [
    pytest.param(["Kestrel", "Marsh"], ["Kestrel", "Marsh", "Partners"], True, id="without-the-partnership-word"),
    pytest.param(["Dunmore", "Vance"], ["Dunmore", "Vance", "Ltd."], True, id="without-an-abbreviated-form"),
    pytest.param(["Severn", "Vale"], ["Severn", "Vale", "Water"], False, id="a-line-of-business-is-kept"),
    pytest.param(["Ashby", "Downs"], ["Ashby", "Downs", "Council"], False, id="a-council-is-not-its-place"),
    pytest.param(["Kestrel"], ["Kestrel", "Group"], False, id="one-word-is-left-to-the-first-word-rule"),
    pytest.param(["Marsh", "Partners"], ["Kestrel", "Marsh", "Partners"], True, id="the-last-words-as-before"),
]


@pytest.mark.parametrize(("short", "long", "same"), SHORTER_NAMES)
def test_a_company_is_called_by_its_name_without_its_legal_form(short: list[str], long: list[str], same: bool) -> None:
    assert names_match(short, long, person=False) is same


def test_legal_forms_are_company_endings() -> None:
    assert lexicon.LEGAL_FORMS <= lexicon.ORGANIZATION_NAME_ENDINGS


COMPANY = [
    pytest.param(
        "Kestrel Marsh Partners said the towers would be built by 2029. Kestrel Marsh said the park would open first.",
        ["Kestrel Marsh Partners", "Kestrel Marsh"],
        "Kestrel Marsh Partners",
        id="the-company-without-its-legal-form",
    ),
]


# A role noun used as a verb ("who has coached the side") gives the role; a later "the coach" is that person, not
# the speaker quoted in between, whom the epithet rule would otherwise continue.
ROLE_AS_VERB = [
    pytest.param(
        "Ilse Varga, who has coached the national side since 2019, will step down in June. Her assistant, Bruno "
        "Kessler, said the players were stunned. The coach said she had decided in March.",
        ["Her assistant, Bruno Kessler", "The coach"],
        "Ilse Varga",
        id="the-role-holder-not-the-speaker-between",
    ),
    pytest.param(
        "Dame Rosa Quill, who chaired the inquiry, published its report on Monday. The chair said the warnings had "
        "been ignored.",
        ["The chair"],
        "Rosa Quill",
        id="a-chair-by-the-verb",
    ),
]


# A lone surname read as a person's joins the full name the small model read as a body's (a double surname it has
# not seen reads like a firm's name); a body the text calls one, or a surname ending no full name, stays apart.
SURNAMES = [
    pytest.param(
        "The national selector, Adrian Stroud-Mallory, said the squad was settled. Stroud-Mallory said he had "
        "called every player.",
        ["The national selector, Adrian Stroud-Mallory", "Stroud-Mallory"],
        "Adrian Stroud-Mallory",
        id="a-double-surname-alone",
    ),
    pytest.param(
        "Its barrister, Anjali Raman-Whitby KC, said the story was true. Ms Raman-Whitby said the witness had "
        "been consistent.",
        ["Its barrister, Anjali Raman-Whitby KC", "Ms Raman-Whitby"],
        "Anjali Raman-Whitby",
        id="a-titled-double-surname",
    ),
]

SURNAMES_APART = [
    pytest.param(
        "The law firm Hale Pellow-Strand said the fees were fair. Ms Pellow-Strand said she had not been paid.",
        ["The law firm Hale Pellow-Strand", "Ms Pellow-Strand"],
        "Pellow-Strand",
        id="a-body-the-text-calls-one",
    ),
]


@pytest.mark.parametrize(
    ("text", "sources", "expected"), JOINED + APART + COMPANY + ROLE_AS_VERB + SURNAMES + SURNAMES_APART
)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_the_entity_a_later_source_is(
    text: str, sources: list[str], expected: str, strategy: dict[str, str] | None
) -> None:
    """The last source's entity, known by its first name or description (``known_as``)."""
    doc = resolved_sources(text, sources, strategy)
    assert known_as(doc, f"a{len(sources)}") == expected
