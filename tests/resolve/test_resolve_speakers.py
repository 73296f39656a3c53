"""Speaker resolution on hand-made attributions: each case names, for every attribution, the words of the
mention its speaker should be known by (its first non-pronoun mention; the pronoun itself when unresolved)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from accordingto.annotations import ATTRIBUTIONS, ENTITIES
from accordingto.errors import MissingStageError
from accordingto.find.quotes import annotate_quotes
from accordingto.records import EntityRecord
from accordingto.resolve.entities import Entity
from accordingto.resolve.learned import same_full_name
from accordingto.resolve.names import names_match
from accordingto.resolve.speakers import resolve_speakers, write_entities
from handspans import A, example_doc, known_as, make_doc, parser


def resolved(doc: Doc) -> Doc:
    write_entities(doc, resolve_speakers(doc))
    return doc


def entities(doc: Doc) -> list[EntityRecord]:
    return ENTITIES.require(doc)


CASES = [
    pytest.param(
        '"We will win," Smith said. He added that the vote was close.',
        [A("Smith", "said", '"We will win,"', "direct"), A("He", "added", "that the vote was close")],
        ["Smith", "Smith"],
        id="pronoun-after-quote",
    ),
    pytest.param(
        '"He is ready," one former official told the NYT. He added that the deal was near.',
        [A("one former official", "told", '"He is ready,"', "direct"), A("[He] added", "added", "that the deal")],
        ["one former official", "one former official"],
        id="news-rule-he-added-is-the-official-not-the-paper",
    ),
    pytest.param(
        "Two former officials said the talks had failed. He said nothing had changed.",
        [A("Two former officials", "said", "the talks had failed"), A("He", "[said] nothing", "nothing had changed")],
        ["Two former officials", "He"],
        id="he-cannot-be-two-officials",
    ),
    pytest.param(
        "Two former officials said the talks had failed. They added that nothing had changed.",
        [A("Two former officials", "said", "the talks had failed"), A("They", "added", "that nothing had changed")],
        ["Two former officials", "Two former officials"],
        id="they-is-the-plural-source",
    ),
    pytest.param(
        'Mrs. Lopez said the vote was fair. "We won," Mr. Smith said. She added that the count was over.',
        [
            A("Mrs. Lopez", "said", "the vote was fair"),
            A("Mr. Smith", "Smith [said]", '"We won,"', "direct"),
            A("She", "added", "that the count was over"),
        ],
        ["Lopez", "Smith", "Lopez"],
        id="she-skips-a-male-speaker",
    ),
    pytest.param(
        "Dmitry Peskov said the talks were over. Later, Peskov added that Moscow would wait.",
        [A("Dmitry Peskov", "said", "the talks were over"), A("[Peskov] added", "added", "that Moscow would wait")],
        ["Dmitry Peskov", "Dmitry Peskov"],
        id="surname-joins-full-name",
    ),
    pytest.param(
        'The talks ended. "Putin was angry," the report said. He said the talks would resume.',
        [A("the report", "said", '"Putin was angry,"', "direct"), A("He", "[said] the talks", "the talks would")],
        ["the report", "He"],
        id="person-named-only-inside-a-quote-is-not-the-speaker",
    ),
    pytest.param(
        "Smith said Jones was lying about the money. He said the accounts were clean.",
        [A("Smith", "said", "Jones was lying about the money"), A("He", "[said] the", "the accounts were clean")],
        ["Smith", "Smith"],
        id="person-inside-indirect-content-loses-to-the-speaker",
    ),
    pytest.param(
        "Jones lost the vote on Monday. He said the count was unfair.",
        [A("He", "said", "the count was unfair")],
        ["Jones"],
        id="subject-of-previous-sentence-without-any-speaker",
    ),
    pytest.param(
        "The New York Times reported that the talks had stalled. The NYT said its sources were officials.",
        [A("The New York Times", "reported", "that the talks had stalled"), A("The NYT", "said", "its sources")],
        ["New York Times", "New York Times"],
        id="acronym-joins-full-name",
    ),
    pytest.param(
        "A source said the plan was dead. Another source said it was alive. The source added that talks went on.",
        [
            A("A source", "said", "the plan was dead"),
            A("Another source", "said", "it was alive"),
            A("The source", "added", "that talks went on"),
        ],
        ["A source", "Another source", "Another source"],
        id="indefinite-introduces-definite-refers-back",
    ),
    pytest.param(
        "US officials said the deal was close. Some US officials say it may be a trap.",
        [A("US officials", "said", "the deal was close"), A("Some US officials", "say", "it may be a trap")],
        ["US officials", "US officials"],
        id="same-plural-description-same-group",
    ),
    pytest.param(
        '"They say they want peace," said a senior official.',
        [A("a senior official", "said", '"They say they want peace,"', "direct"), A("They", "They [say]", "they want")],
        ["a senior official", "They"],
        id="pronoun-inside-a-quote-is-not-the-quoted-speaker",
    ),
    pytest.param(
        '"I said we would win," Smith said.',
        [A("Smith", "Smith [said]", '"I said we would win,"', "direct"), A("I", "I [said]", "we would win")],
        ["Smith", "Smith"],
        id="first-person-in-a-quote-is-its-speaker",
    ),
    pytest.param(
        "The ministry said the plan was legal. It added that talks would go on.",
        [A("The ministry", "said", "the plan was legal"), A("It", "added", "that talks would go on")],
        ["The ministry", "The ministry"],
        id="it-is-an-organisation",
    ),
    pytest.param(
        "Clinton said she wanted a debate. Trump met voters in Ohio. She said the plan was ready.",
        [A("Clinton", "said", "she wanted a debate"), A("She", "[said] the plan", "the plan was ready")],
        ["Clinton", "Clinton"],
        id="gender-the-article-gives-a-name-skips-a-nearer-subject",
    ),
    pytest.param(
        "The prosecutor said the case was strong. Elia Moran said he would appeal the ruling. "
        "She said the judge had been fair.",
        [
            A("The prosecutor", "said", "the case was strong"),
            A("Elia Moran", "said", "he would appeal the ruling"),
            A("She", "[said] the judge", "the judge had been fair"),
        ],
        ["The prosecutor", "Elia Moran", "The prosecutor"],
        id="the-text-says-he-over-a-first-name-the-lists-give-women",
        marks=pytest.mark.xfail(
            reason="the first-name lists give 'Elia' to women only, and one 'he' after the name does not overrule "
            "them: one such vote is noisy (a 'she' after a man named as subject of a relative clause), and letting "
            "it overrule a first name sent a woman's 'she' to a man on PolNeAR dev",
            strict=True,
        ),
    ),
    pytest.param(
        "The Mother Teresa Foundation said the clinic would stay open. Ann Dole, the mayor, said the town would "
        "help. She said the Foundation had asked for land.",
        [
            A("The Mother Teresa Foundation", "said", "the clinic would stay open"),
            A("Ann Dole, the mayor", "said", "the town would help"),
            A("She", "[said] the Foundation", "the Foundation had asked for land"),
        ],
        ["Mother Teresa Foundation", "Ann Dole", "Ann Dole"],
        id="an-organisation-named-after-a-woman-is-not-she",
    ),
    pytest.param(
        "The family said the video was clear. He said the officers had acted lawfully.",
        [A("The family", "said", "the video was clear"), A("He", "[said] the officers", "the officers had acted")],
        ["The family", "He"],
        id="a-family-is-not-he",
    ),
    pytest.param(
        "A wide array of artists said the song was theirs. He said it was not.",
        [A("A wide array of artists", "said", "the song was theirs"), A("He", "[said] it", "it was not")],
        ["A wide array of artists", "He"],
        id="an-array-of-artists-is-plural",
    ),
    pytest.param(
        "Stevie Wonder, who joked about the museum, was there. Wonder said he would come back.",
        [A("who", "joked", "about the museum"), A("[Wonder] said", "[said] he", "he would come back")],
        ["Stevie Wonder", "Stevie Wonder"],
        id="relative-pronoun-is-its-antecedent",
    ),
    pytest.param(
        "Mr. Obama met the press. Climate is a problem that demands action. He said the planet was warming.",
        [A("a problem that", "demands", "action"), A("He", "[said] the planet", "the planet was warming")],
        ["a problem that", "Obama"],
        id="he-is-not-a-problem",
    ),
    pytest.param(
        "Pat Caddell said the race was close. Caddell added that voters were angry.",
        [A("Pat Caddell", "said", "the race was close"), A("[Caddell] added", "added", "that voters were angry")],
        ["Pat Caddell", "Pat Caddell"],
        id="surname-joins-full-name-whatever-its-entity-tag",
    ),
    pytest.param(
        "Donald Trump said the race was rigged. Ivanka Trump said the plan would help mothers.",
        [A("Donald Trump", "said", "the race was rigged"), A("Ivanka Trump", "said", "the plan would help")],
        ["Donald Trump", "Ivanka Trump"],
        id="same-surname-different-first-name-is-someone-else",
    ),
    pytest.param(
        "Rain fell all day in the city, and the streets were empty.",
        [],
        [],
        id="no-attribution",
    ),
    pytest.param(
        "The decision was reportedly made last week.",
        [A(None, "reportedly", ["The decision was", "made last week"])],
        [None],
        id="attribution-without-source",
    ),
    # A surname is a person's convention; a place or a party opened by "South", "Old", "New" is another one
    # than the shorter name (resolver18).
    pytest.param(
        "Maria Oduya met the board on Friday. Oduya said the plan was sound.",
        [A("[Oduya] said", "said", "the plan was sound")],
        ["Maria Oduya"],
        id="a-person-is-still-called-by-her-surname",
    ),
    pytest.param(
        "South Sudan accused its neighbour of bombing the border. Sudan said the claim was false.",
        [A("South Sudan", "accused", "its neighbour of bombing the border"), A("Sudan", "[said] the claim", "the")],
        ["South Sudan", "Sudan"],
        id="a-country-is-not-its-southern-namesake",
    ),
    pytest.param(
        "The New Democratic Party backed the bill. The Democratic Party said it would vote against it.",
        [A("The New Democratic Party", "backed", "the bill"), A("The Democratic Party", "[said] it", "it would")],
        ["New Democratic Party", "Democratic Party"],
        id="a-party-is-not-the-new-party-named-after-it",
    ),
    pytest.param(
        "Old Athens said the market would reopen. Athens said the museum would stay shut.",
        [A("Old Athens", "said", "the market would reopen"), A("Athens", "[said] the museum", "the museum")],
        ["Old Athens", "Athens"],
        id="a-city-is-not-its-old-town-the-tagger-made-a-person",
    ),
]


@pytest.mark.parametrize(("text", "attributions", "expected"), CASES)
def test_speaker_resolution(text: str, attributions: list[dict[str, Any]], expected: list[str | None]) -> None:
    doc = resolved(make_doc(text, attributions))
    assert [known_as(doc, f"a{n}") for n in range(1, len(attributions) + 1)] == expected


def test_no_attribution_gives_no_speaker_entity() -> None:
    doc = resolved(make_doc("Vladimir Putin visited Minsk on Tuesday."))
    assert not any(entity.speaker for entity in entities(doc))


def test_names_outside_attributions_are_collected_as_mentions() -> None:
    text = "Vladimir Putin met generals. Putin said the war would go on. Analysts doubt Putin."
    doc = resolved(make_doc(text, [A("[Putin] said", "said", "the war would go on")]))
    entity = next(e for e in entities(doc) if e.speaker)
    assert [doc.text[m.ranges[0][0] : m.ranges[0][1]] for m in entity.mentions] == [
        "Vladimir Putin",
        "Putin",
        "Putin",
    ]


@pytest.mark.parametrize(
    ("first", "second", "person", "expected"),
    [
        (["Dmitry", "Peskov"], ["Peskov"], True, True),
        (["Bill", "Clinton"], ["Hillary", "Clinton"], True, False),
        (["the", "New", "York", "Times"], ["NYT"], False, True),
        (["The", "New", "York", "Post"], ["The", "Post"], False, True),
        (["United", "States"], ["U.S."], False, True),
        (["Russia"], ["Ukraine"], False, False),
        (["Peskov"], ["Dmitry", "Peskov", "Jr."], True, False),
        (["Marta", "L.", "Ibarra"], ["Marta", "Ibarra"], True, True),  # a middle initial dropped
        (["Marta", "Ibarra"], ["Marta", "Sofia", "Ibarra"], True, True),  # a middle name dropped
        (["Marta", "Ibarra"], ["Luis", "Sofia", "Ibarra"], True, False),
        (["Marta", "Ibarra"], ["Marta", "Ibarra", "Vidal"], True, False),  # another surname
        (["Lakeview"], ["University", "of", "Lakeview"], False, False),  # the place a body is "of"
        (["Santa", "Rosa"], ["Bank", "of", "Santa", "Rosa"], False, False),
        (["Vellan"], ["Punta", "de", "Vellan"], False, False),  # a cape named after its town
        (["Lakeview", "University"], ["the", "University", "of", "Lakeview"], False, False),
        (["Norland"], ["Republic", "of", "Norland"], False, True),  # a place's own formal name
        (["the", "University"], ["the", "University", "of", "Lakeview"], False, False),
        (["Lakeview", "Post"], ["The", "Lakeview", "Evening", "Post"], False, True),
        # A place or body opened by a distinguishing modifier is another one than the name it modifies.
        (["Tarvia"], ["South", "Tarvia"], False, False),
        (["Old", "Merrow"], ["Merrow"], False, False),
        (["North", "Dunmore"], ["Dunmore"], False, False),
        (["Greater", "Halby"], ["Halby"], False, False),
        (["the", "Upper", "Kessel", "Valley"], ["the", "Kessel", "Valley"], False, False),
        (["the", "New", "Democratic", "Party"], ["the", "Democratic", "Party"], False, False),
        (["University", "of", "Eastern", "Tarvia"], ["University", "of", "Tarvia"], False, False),
        # Inside the name it modifies its neighbour: the shorter form keeping the head stays one.
        (["The", "New", "Merrow", "Courier"], ["the", "Courier"], False, True),
        (["the", "Tarvian", "Central", "Bank"], ["the", "Bank"], False, True),
        (["Greater", "Halby"], ["Greater", "Halby"], False, True),
        # A name of two joined names is not its second one.
        (["Tarvia", "and", "Kessel"], ["Kessel"], False, False),
        (["Marsh", "&", "Oduya"], ["Oduya"], False, False),
        (["North", "and", "South", "Tarvia"], ["North", "Tarvia"], False, False),
        # People still go by their surname, whatever word comes before it.
        (["Maria", "Oduya"], ["Oduya"], True, True),
        (["Anna", "North"], ["North"], True, True),
        (["Carl", "West", "Oduya"], ["Oduya"], True, True),
    ],
)
def test_names_match(first: list[str], second: list[str], person: bool, expected: bool) -> None:
    assert names_match(first, second, person) is expected


def test_example_article_speakers() -> None:
    doc = resolved(example_doc())
    by_source = {aid: known_as(doc, aid) for aid in ATTRIBUTIONS.require(doc)}
    # "he boasted" after "Vladimir Putin says"; "He added" after one former senior Russian official's quote;
    # "he said." after Zelenskyy; "Peskov emphasized" is Putin's spokesman.
    assert by_source["a5"] == by_source["a4"] == "Putin"
    assert by_source["a18"] == "one former senior Russian official"
    assert by_source["a22"] == by_source["a21"]
    assert by_source["a26"] == by_source["a24"]
    assert by_source["a10"] == by_source["a1"]


def test_each_attribution_belongs_to_at_most_one_entity() -> None:
    doc = resolved(example_doc())
    cited = [aid for entity in entities(doc) for aid in entity.attributions]
    assert len(cited) == len(set(cited))
    assert set(cited) <= set(ATTRIBUTIONS.require(doc))


@pytest.mark.parametrize("missing", ["quotes", "attributions"])
def test_an_earlier_stage_that_did_not_run_is_named(missing: str) -> None:
    """The resolver never finds quotes (or attributions) itself: without their stage it says which is missing."""
    doc = parser()('"We will win," Smith said.')
    if missing == "attributions":
        annotate_quotes(doc)
    else:
        ATTRIBUTIONS.start(doc)
    with pytest.raises(MissingStageError, match=f"accordingto_{missing}"):
        resolve_speakers(doc)


@pytest.mark.parametrize(
    ("names", "others", "same"),
    [
        ([["Loretta", "E.", "Lynch"]], [["Loretta", "Lynch"]], True),  # a middle initial: one person
        ([["Lynch"], ["Loretta", "Lynch"]], [["Loretta", "E", "Lynch"]], True),
        ([["Tim", "Scott"]], [["Bobby", "Scott"]], False),  # namesakes: a short name may move between them
        ([["Scott"]], [["Scott"]], False),  # no full name on either side
        ([["Heidi", "Cruz"]], [["Ted", "Cruz"], ["Cruz"]], False),
    ],
)
def test_a_short_name_is_not_moved_between_two_full_names_of_one_person(
    names: list[list[str]], others: list[list[str]], same: bool
) -> None:
    first = Entity(index=0, kind="person", number="sing", gender=None, names=names)
    second = Entity(index=1, kind="person", number="sing", gender=None, names=others)
    assert same_full_name(first, second) is same
    assert same_full_name(second, first) is same


# A definite description ("the former mayor") and the one participant the text itself gave that role earlier:
# by apposition, title, predicate or relative clause; never one of two the text does not tell apart, nor one
# whose role names another party, nation, time or office.
DESCRIPTION_CASES = [
    pytest.param(
        "John Harper, the former mayor of Springfield, opened the fair. Crowds came from three towns. The former "
        "mayor said the city needed schools.",
        [A("The former mayor", "said", "the city needed schools")],
        ["John Harper"],
        id="apposition",
    ),
    pytest.param(
        "Former Mayor John Harper opened the fair. Crowds came from three towns. The former mayor said the city "
        "needed schools.",
        [A("The former mayor", "said", "the city needed schools")],
        ["John Harper"],
        id="title-before-the-name",
    ),
    pytest.param(
        "Paul Grant is a billionaire who bought the club in May. Fans protested outside the stadium. The "
        "billionaire said the team might move.",
        [A("The billionaire", "said", "the team might move")],
        ["Paul Grant"],
        id="predicate",
    ),
    pytest.param(
        "John Harper, who was mayor of Springfield for ten years, opened the fair. Crowds came from three towns. "
        "The former mayor said the city needed schools.",
        [A("The former mayor", "said", "the city needed schools")],
        ["John Harper"],
        id="relative-clause",
    ),
    pytest.param(
        "Paul Grant, a billionaire investor, bought the club in May. Fans protested outside the stadium. The "
        "billionaire said the team might move.",
        [A("The billionaire", "said", "the team might move")],
        ["Paul Grant"],
        id="a-person-noun-before-the-apposition-head",
    ),
    pytest.param(
        "Anna Berg, the prosecutor, questioned Tom Reyes, the defence lawyer, for an hour. The judge then called a "
        "recess. The prosecutor said the evidence was clear.",
        [A("The prosecutor", "said", "the evidence was clear")],
        ["Anna Berg"],
        id="two-people-each-with-a-role-the-nearest-name-is-wrong",
    ),
    pytest.param(
        "John Harper, the mayor of Springfield, met Ann Lee, the mayor of Shelbyville. The mayor said the talks "
        "went well.",
        [A("The mayor", "said", "the talks went well")],
        ["The mayor"],
        id="two-people-with-the-same-role-stay-apart",
    ),
    pytest.param(
        "John Harper, the mayor of Springfield, opened the fair. The billionaire said the fair was too small.",
        [A("The billionaire", "said", "the fair was too small")],
        ["The billionaire"],
        id="a-description-matching-no-one-stays-unresolved",
    ),
    pytest.param(
        "John Harper, the former mayor, and Ann Lee, the current mayor, opened the fair. The former mayor said the "
        "city needed schools. The current mayor said the budget was tight.",
        [
            A("The former mayor", "said", "the city needed schools"),
            A("The current mayor", "said", "the budget was tight"),
        ],
        ["John Harper", "Ann Lee"],
        id="former-and-current-are-told-apart",
    ),
    pytest.param(
        "Ivan Sokolov, the Russian foreign minister, met Olena Koval, the Ukrainian foreign minister, in Geneva. "
        "The Ukrainian minister said the talks had failed.",
        [A("The Ukrainian minister", "said", "the talks had failed")],
        ["Olena Koval"],
        id="the-nation-tells-two-ministers-apart",
    ),
    pytest.param(
        "Vice President Mark Dunn visited the plant on Monday. The president said the bill would pass.",
        [A("The president", "said", "the bill would pass")],
        ["The president"],
        id="the-president-is-not-the-vice-president",
    ),
    pytest.param(
        "John Harper, the former mayor, opened the fair. Mayor Ann Lee cut the ribbon. The former mayor said the "
        "city needed schools.",
        [A("The former mayor", "said", "the city needed schools")],
        ["John Harper"],
        id="the-bearer-whose-role-says-all-not-the-one-named-last",
    ),
    pytest.param(
        "The survey's lead author, Dr. Ines Marlow, said the data were clear. Co-author Professor Lars Berg said "
        "more work was needed. The lead author said a second survey had begun.",
        [
            A("The survey's lead author, Dr. Ines Marlow,", "said", "the data were clear"),
            A("Co-author Professor Lars Berg", "said", "more work was needed"),
            A("The lead author", "said", "a second survey had begun"),
        ],
        ["Ines Marlow", "Lars Berg", "Ines Marlow"],
        id="the-lead-author-is-not-the-co-author-named-since",
    ),
    pytest.param(
        "Councillor Mara Quinn said the budget was fair. Councillor Tobias Reed said it was reckless, in a reply to "
        'Councillor Quinn. He said the cuts hit the poorest families. "It is a scandal," the councillor said.',
        [
            A("Councillor Mara Quinn", "said", "the budget was fair"),
            A("Councillor Tobias Reed", "said", "it was reckless"),
            A("He", "said", "the cuts hit the poorest families"),
            A("the councillor", "said", '"It is a scandal,"'),
        ],
        ["Mara Quinn", "Tobias Reed", "Tobias Reed", "Tobias Reed"],
        id="two-people-with-the-same-role-the-one-being-quoted",
    ),
]


@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
@pytest.mark.parametrize(("text", "attributions", "expected"), DESCRIPTION_CASES)
def test_a_description_joins_the_one_participant_given_that_role(
    text: str, attributions: list[dict[str, Any]], expected: list[str], strategy: dict[str, str] | None
) -> None:
    doc = make_doc(text, attributions)
    write_entities(doc, resolve_speakers(doc, strategy=strategy))
    assert [known_as(doc, f"a{n}") for n in range(1, len(attributions) + 1)] == expected


# Two or more people named as one coordinated phrase are a group of their own: a later "they", and the "we" of what
# they say, is the group; each name stays its own person's, and a member's surname is not the group.
COORDINATION_CASES = [
    pytest.param(
        "Mario Lucero and Isabel Ruiz founded the studio in 2010. They said the next game was nearly done.",
        [A("They", "said", "the next game was nearly done")],
        ["Mario Lucero and Isabel Ruiz"],
        id="they-after-a-coordination-is-the-pair",
    ),
    pytest.param(
        'Mario Lucero and Isabel Ruiz founded the studio in 2010. "We started in a garage," they said.',
        [A("We", "started", "in a garage"), A("they", "said", '"We started in a garage,"', "direct")],
        ["Mario Lucero and Isabel Ruiz", "Mario Lucero and Isabel Ruiz"],
        id="we-in-what-the-pair-says-is-the-pair",
    ),
    pytest.param(
        "Mario Lucero and Isabel Ruiz founded the studio in 2010. Ruiz said the next game was nearly done.",
        [A("Ruiz", "said", "the next game was nearly done")],
        ["Isabel Ruiz"],
        id="a-members-surname-is-the-member-not-the-pair",
        marks=pytest.mark.xfail(
            reason="a name after the 'and' of a coordination is not read as a mention of its own person (the small "
            "model leaves 'Isabel Ruiz' untagged; a tagged 'Barack Obama' there is not collected either, as on "
            "main), so 'Ruiz' starts a person of its own; it does not join the pair",
            strict=True,
        ),
    ),
    pytest.param(
        "John Kerry and Barack Obama met the Chinese delegation. Obama said the talks had gone well.",
        [A("Obama", "said", "the talks had gone well")],
        ["Obama"],
        id="a-coordination-ending-in-a-name-does-not-take-that-persons-surname",
    ),
    pytest.param(
        "Anna Berg met Tom Reyes on Monday. They said the deal was off.",
        [A("They", "said", "the deal was off")],
        ["They"],
        id="two-people-not-coordinated-are-no-group",
    ),
    pytest.param(
        "Mario Lucero and Isabel Ruiz said they would sell the studio.",
        [A("Mario Lucero and Isabel Ruiz", "said", "they would sell the studio")],
        ["Mario Lucero and Isabel Ruiz"],
        id="a-coordinated-source-is-the-pair",
    ),
]


@pytest.mark.parametrize(("text", "attributions", "expected"), COORDINATION_CASES)
def test_a_coordination_of_names_is_a_group(text: str, attributions: list[dict[str, Any]], expected: list[str]) -> None:
    doc = resolved(make_doc(text, attributions))
    assert [known_as(doc, f"a{n}") for n in range(1, len(attributions) + 1)] == expected
