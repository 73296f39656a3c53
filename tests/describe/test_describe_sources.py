"""Source profiles on hand-made attributions: each case gives the fields expected of the source of one
attribution (only the fields listed are checked; ``role_of`` is checked through the name it points at)."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accordingto import annotations
from accordingto.annotations import analysis_from_doc
from accordingto.describe.sources import SourcesPipe
from accordingto.model import Source
from accordingto.records import SourceRecords
from accordingto.resolve.speakers import DEFAULT_STRATEGY, SpeakersPipe
from accordingto.schema import analysis_schema
from handspans import A, example_doc, make_doc

SPEAKERS = SpeakersPipe(None, "accordingto_speakers", 4, DEFAULT_STRATEGY, None)  # type: ignore[arg-type]
SOURCES = SourcesPipe(None, "accordingto_sources")  # type: ignore[arg-type]


def described(doc: Doc) -> Doc:
    return SOURCES(SPEAKERS(doc))


def sources_of(doc: Doc) -> list[Source]:
    return annotations.SOURCES.require(doc).sources


def source_of(doc: Doc, attribution_id: str) -> Source:
    source_id = annotations.SOURCES.require(doc).by_attribution[attribution_id]
    return next(s for s in sources_of(doc) if s.id == source_id)


CASES = [
    pytest.param(
        "Two former senior Russian officials say that Putin has signaled openness to a ceasefire.",
        [A("Two former senior Russian officials", "say", "that Putin has signaled openness to a ceasefire")],
        "a1",
        {
            "name": "former senior Russian officials",
            "kind": "group",
            "named": False,
            "count": 2,
            "description": "Two former senior Russian officials",
            "qualifiers": ["former", "senior"],
            "affiliation": "Russia",
            "role": None,
        },
        id="anonymous-plural-count-qualifiers-affiliation",
    ),
    pytest.param(
        "Putin, according to current and former officials, sees a favorable moment for a deal.",
        [A("current and former officials", "according to", "sees a favorable moment for a deal")],
        "a1",
        {"kind": "group", "named": False, "count": None, "qualifiers": ["current", "former"], "affiliation": None},
        id="current-and-former-officials",
    ),
    pytest.param(
        '"He is ready," one former senior Russian official told the NYT.',
        [A("one former senior Russian official", "told", '"He is ready,"', "direct")],
        "a1",
        {"kind": "person", "named": False, "count": 1, "qualifiers": ["former", "senior"], "affiliation": "Russia"},
        id="one-official",
    ),
    pytest.param(
        "According to US officials, Putin sent terms for a ceasefire.",
        [A("US officials", "According to", "Putin sent terms for a ceasefire")],
        "a1",
        {"name": "US officials", "kind": "group", "named": False, "count": None, "affiliation": "US"},
        id="us-officials",
    ),
    pytest.param(
        'Putin\'s spokesman Dmitry Peskov said in a voice message that "these theses are incorrect."',
        [A("Putin's spokesman Dmitry Peskov", "said", 'that "these theses are incorrect."', "mixed")],
        "a1",
        {
            "name": "Dmitry Peskov",
            "kind": "person",
            "named": True,
            "role": "spokesman",
            "role_of": "Putin",
            "description": "Putin's spokesman Dmitry Peskov",
        },
        id="possessive-role-points-at-a-mentioned-person",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelenskyy says he sees no signs that Russia wants to negotiate.",
        [A("Ukrainian President Volodymyr Zelenskyy", "says", "he sees no signs that Russia wants to negotiate")],
        "a1",
        {"name": "Volodymyr Zelenskyy", "kind": "person", "role": "president", "affiliation": "Ukraine"},
        id="title-and-demonym",
    ),
    pytest.param(
        "Health Secretary Jane Roe said the clinics would stay open.",
        [A("Health Secretary Jane Roe", "said", "the clinics would stay open")],
        "a1",
        {"name": "Jane Roe", "kind": "person", "role": "health secretary"},
        id="a-title-before-a-name-is-a-role-in-lower-case",
    ),
    pytest.param(
        "Yesterday Sen. Jane Roe said the bill would pass.",
        [A("Sen. Jane Roe", "said", "the bill would pass")],
        "a1",
        {"name": "Jane Roe", "kind": "person", "role": "senator"},
        id="an-abbreviated-title-is-spelled-out",
    ),
    pytest.param(
        "CEO Jane Roe said the plant would close.",
        [A("CEO Jane Roe", "said", "the plant would close")],
        "a1",
        {"name": "Jane Roe", "kind": "person", "role": "CEO"},
        id="an-acronym-role-keeps-its-capitals",
    ),
    pytest.param(
        "Foreign Minister Jane Roe said the talks would go on.",
        [A("Foreign Minister Jane Roe", "said", "the talks would go on")],
        "a1",
        {"name": "Jane Roe", "kind": "person", "role": "foreign minister"},
        id="a-title-of-two-words-in-lower-case",
    ),
    pytest.param(
        "Kremlin spokesman Dmitry Peskov said the talks were over.",
        [A("Kremlin spokesman Dmitry Peskov", "said", "the talks were over")],
        "a1",
        {"name": "Dmitry Peskov", "role": "spokesman", "affiliation": "the Kremlin", "role_of": None},
        id="organisation-as-modifier-is-the-affiliation",
    ),
    pytest.param(
        "A spokesman for the Kremlin said the talks were over.",
        [A("A spokesman for the Kremlin", "said", "the talks were over")],
        "a1",
        {"kind": "person", "named": False, "count": 1, "role": "spokesman", "affiliation": "the Kremlin"},
        id="prepositional-affiliation",
    ),
    pytest.param(
        "The New York Times reported that the talks had stalled. The NYT said its sources were officials.",
        [A("The New York Times", "reported", "that the talks had stalled"), A("The NYT", "said", "its sources")],
        "a2",
        {"name": "New York Times", "kind": "media", "named": True, "mentions": 2},
        id="media-acronym-same-source",
    ),
    pytest.param(
        "The United States believes that Ukraine should decide on its own.",
        [A("The United States", "believes", "that Ukraine should decide on its own")],
        "a1",
        {"name": "United States", "kind": "government", "named": True, "affiliation": None},
        id="country-is-a-government",
    ),
    pytest.param(
        "The Kremlin said the offer stood. A new report said the offer was false.",
        [A("The Kremlin", "said", "the offer stood"), A("A new report", "[said] the offer was", "the offer was")],
        "a2",
        {"kind": "document", "named": False},
        id="document",
    ),
    pytest.param(
        "Dmitry Peskov said the talks were over. Later, Peskov added that Moscow would wait.",
        [A("Dmitry Peskov", "said", "the talks were over"), A("[Peskov] added", "added", "that Moscow would wait")],
        "a2",
        {"name": "Dmitry Peskov", "count": 1, "mentions": 2},
        id="surname-gets-the-fullest-name",
    ),
]


CASES += [
    pytest.param(
        "Dmitry Peskov, Putin's spokesman, said the deal was off.",
        [A("Dmitry Peskov, Putin's spokesman,", "said", "the deal was off")],
        "a1",
        {
            "name": "Dmitry Peskov",
            "role": "spokesman",
            "role_of": "Putin",
            "description": "Dmitry Peskov, Putin's spokesman",
        },
        id="apposition-role-and-description",
    ),
    pytest.param(
        "Omar Haddad, the attorney general, said the inquiry was closed.",
        [A("Omar Haddad, the attorney general,", "said", "the inquiry was closed")],
        "a1",
        {"name": "Omar Haddad", "kind": "person", "role": "attorney general"},
        id="an-apposition-role-keeps-its-compound",
    ),
    pytest.param(
        "The two-term governor said the budget was balanced.",
        [A("The two-term governor", "said", "the budget was balanced")],
        "a1",
        {"kind": "person", "role": "governor"},
        id="a-hyphenated-modifier-is-not-part-of-the-role",
    ),
    # Words joined by hyphens are one word: a role written so keeps all of it, and the lower-case part the small
    # model tags a proper noun ("general") is no name.
    pytest.param(
        "The league's secretary-general said the fixtures would be moved.",
        [A("The league's secretary-general", "said", "the fixtures would be moved")],
        "a1",
        {"name": "league's secretary-general", "kind": "person", "named": False, "role": "secretary-general"},
        id="a-hyphenated-title-is-one-role",
    ),
    pytest.param(
        "A vice-chair of the board said the vote was unanimous.",
        [A("A vice-chair of the board", "said", "the vote was unanimous")],
        "a1",
        {"name": "vice-chair of the board", "kind": "person", "role": "vice-chair"},
        id="a-hyphenated-role-keeps-its-first-part",
    ),
    pytest.param(
        "Marta Lind, the firm's co-founder, said the office would close.",
        [A("Marta Lind, the firm's co-founder,", "said", "the office would close")],
        "a1",
        {"name": "Marta Lind", "kind": "person", "role": "co-founder"},
        id="an-apposition-role-written-with-a-hyphen",
    ),
    pytest.param(
        "The 61-year-old told the court that he had paid every bill.",
        [A("The 61-year-old", "told", "that he had paid every bill")],
        "a1",
        {"name": "61-year-old", "kind": "person", "named": False, "count": None},
        id="an-age-as-a-noun-is-a-person-described-by-age",
    ),
    pytest.param(
        "Two 17-year-olds said the bus never came.",
        [A("Two 17-year-olds", "said", "the bus never came")],
        "a1",
        {"name": "17-year-olds", "kind": "group", "count": 2},
        id="counted-ages-keep-the-age-and-the-count",
    ),
    pytest.param(
        "In the survey, 38 percent of nurses said the wards were understaffed.",
        [A("38 percent of nurses", "said", "the wards were understaffed")],
        "a1",
        {"name": "38 percent of nurses", "kind": "group", "named": False, "count": None},
        id="a-percentage-of-people-is-a-group-named-with-its-number",
    ),
    pytest.param(
        "Seven in 10 tenants said the rent had gone up.",
        [A("Seven in 10 tenants", "said", "the rent had gone up")],
        "a1",
        {"name": "seven in 10 tenants", "kind": "group", "count": None},
        id="a-ratio-is-no-count",
    ),
    pytest.param(
        "The pickers were tired. Many said the season had been too long.",
        [A("Many", "said", "the season had been too long")],
        "a1",
        {"name": "many", "kind": "group", "named": False},
        id="a-bare-quantifier-source-is-a-group",
    ),
    pytest.param(
        "A majority of voters said the economy was weak.",
        [A("A majority of voters", "said", "the economy was weak")],
        "a1",
        {"kind": "group", "count": None, "role": None, "affiliation": None},
        id="a-share-of-voters-is-no-count-and-no-role",
    ),
    pytest.param(
        "Lawmakers said the bill would pass. Trump's advisers said it would not.",
        [A("Lawmakers", "said", "the bill would pass"), A("Trump's advisers", "[said] it", "it would not")],
        "a1",
        {"kind": "group", "role": None},
        id="a-plural-without-possessor-has-no-role",
    ),
    pytest.param(
        "Lawmakers said the bill would pass. Trump's advisers said it would not.",
        [A("Lawmakers", "said", "the bill would pass"), A("Trump's advisers", "[said] it", "it would not")],
        "a2",
        {"kind": "group", "role": "advisers", "role_of": "Trump"},
        id="someones-advisers",
    ),
    pytest.param(
        "Trump and Clinton said the debate would go on. Clinton said she was ready.",
        [A("Trump and Clinton", "said", "the debate would go on"), A("[Clinton] said", "[said] she", "she was ready")],
        "a2",
        {"name": "Clinton", "kind": "person", "mentions": 2},
        id="a-conjunct-alone-is-one-person-not-the-pair",
    ),
    pytest.param(
        "A report on Clinton's statements to the FBI said she was careless.",
        [A("A report on Clinton's statements to the FBI", "said", "she was careless")],
        "a1",
        {"kind": "document", "affiliation": None},
        id="a-document-has-no-affiliation",
    ),
]


@pytest.mark.parametrize(("text", "attributions", "attribution_id", "expected"), CASES)
def test_source_profile(
    text: str, attributions: list[dict[str, Any]], attribution_id: str, expected: dict[str, Any]
) -> None:
    doc = described(make_doc(text, attributions))
    source = source_of(doc, attribution_id)
    sources = {s.id: s for s in sources_of(doc)}
    got = {
        **dataclasses.asdict(source),
        "role_of": sources[source.role_of].name if source.role_of else None,
        "mentions": len(source.mentions),
    }
    assert {key: got[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "attributions"),
    [
        pytest.param("Rain fell all day in the city, and the streets were empty.", [], id="no-attribution"),
        pytest.param(
            "The decision was reportedly made last week.",
            [A(None, "reportedly", ["The decision was", "made last week"])],
            id="attribution-without-source",
        ),
    ],
)
def test_no_source(text: str, attributions: list[dict[str, Any]]) -> None:
    doc = described(make_doc(text, attributions))
    assert annotations.SOURCES.require(doc) == SourceRecords()


def test_source_ids_follow_first_mention_and_fit_the_schema() -> None:
    doc = described(example_doc())
    sources = sources_of(doc)
    assert [s.id for s in sources] == [f"s{n}" for n in range(1, len(sources) + 1)]
    starts = [s.mentions[0][0][0] for s in sources]
    assert starts == sorted(starts)
    assert set(annotations.SOURCES.require(doc).by_attribution) == set(annotations.ATTRIBUTIONS.require(doc))
    jsonschema.validate(analysis_from_doc(doc).to_dict(), analysis_schema())


def test_example_article_sources() -> None:
    doc = described(example_doc())
    by_name = {s.name: s for s in sources_of(doc)}
    putin, peskov = by_name["Vladimir Putin"], by_name["Dmitry Peskov"]
    assert putin.kind == "person" and putin.named
    assert peskov.role == "spokesman" and peskov.role_of == putin.id
    assert by_name["New York Times"].kind == "media"
    assert len(by_name["New York Times"].mentions) == 2  # "the New York Times" and "the NYT"
    assert by_name["US officials"].affiliation == "US"
    assert len(by_name["US officials"].mentions) == 4
    assert by_name["United States"].kind == "government"


def test_a_speaker_label_in_capitals_tagged_an_organisation_is_the_person_named_in_full(nlp: Language) -> None:
    # The small model tags the label "HOLLOWAY" an organisation at each of his turns, as it would an acronym; the
    # full name in the introduction says it is a surname, and the labels must not outvote it.
    text = (
        "Sunday Politics: the health minister, Grace Okonjo, was interviewed by Martin Holloway.\n\n"
        "HOLLOWAY: Minister, will you meet the nurses before the strike?\n\n"
        "OKONJO: My door is open, and it always has been.\n\n"
        "HOLLOWAY: The union says you have not met them for weeks.\n\n"
        "OKONJO: That is not true."
    )
    analysis = analysis_from_doc(nlp(text))
    names = {source.id: (source.name, source.kind) for source in analysis.sources}
    turns = [(a.source_text, names.get(a.source_id or "")) for a in analysis.attributions if a.cue_text == ":"]
    assert turns == [
        ("HOLLOWAY", ("Martin Holloway", "person")),
        ("OKONJO", ("Grace Okonjo", "person")),
        ("HOLLOWAY", ("Martin Holloway", "person")),
        ("OKONJO", ("Grace Okonjo", "person")),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Former Russian officials say the talks have stalled.", "former Russian officials"),
        ("MPs said the rail timetable had failed commuters.", "MPs"),
        ("NGOs warned that the camps were full.", "NGOs"),
        ("UN officials said the convoy had been stopped.", "UN officials"),
    ],
)
def test_an_anonymous_source_opening_a_sentence_is_named_as_mid_sentence(text: str, name: str, nlp: Language) -> None:
    # A sentence's capital is not the word's; a word with capitals after its first letter keeps them.
    analysis = analysis_from_doc(nlp(text))
    assert [source.name for source in analysis.sources] == [name]
