"""The wrong person as the speaker (who36, issue 10): six ways the rules lost the right speaker before any
pronoun rule ran, each leaving an adversarial nearer or earlier participant to take the statement.

- **A participle's agent is the medium, not the speaker**: "In a letter to members, seen by the Gazette, the
  chair, X, said": the agent of "seen" / "obtained" is the outlet that saw the document; the speaker is the subject
  after the comma closing the participle phrase (``mentions._past_participle_agent``). The pronoun after it then
  follows the speaker.
- **One spelling for a title**: "Cllr X" is the councillor written short, and the lemmas are spelt the American
  way ("Councillor" → "councilor"): the abbreviation's word is spelt as lemmas are (``roles.title_lemma``), so a
  later "The councillor said" after the second councillor's statement is hers, not the first councillor's.
- **A passive question's subject is the one asked**: "Rhys laughed when he was asked about it. He said …" is Rhys
  answering (``speakers._questions`` counts only active questions); read as the asker, he had been barred from his
  own answer, which went to the other side.
- **A body's noun in apposition makes an agent noun a body**: "The rally's organiser, a cycling club, said … It
  said …": an apposition names what its head names (``mentions._read_mention``); read as a person, the organiser
  could take no "it", which went to a body named before.
- **A request is no question**: "X MP has written to the minister asking for an inquiry. He said …" and "X asked
  residents to sign. He said …" are X: only a question makes its source the asker whom the next "he" cannot be
  (``speakers._asks_a_question``).
- **A title and a surname given in full before are a person**: "Professor Elena Marchetti-Rowe … Professor
  Marchetti-Rowe replied": the small model may tag the pair a body's name (``mentions._surname_after_title``); as a
  body it was a source apart, and her "She said" went to the other woman quoted before.
- (strict xfail) **A full name tagged a people is a person's**: read as a group, the barrister's "She said" goes to
  the woman quoted before her; the rule that fixed it was dropped for GUM (docs/experiments/resolution.md).

Guards: a document's agent inside the source's own phrase is still its author; a span whose parse already gives
the subject's name keeps it; the two spellings the other way round; the one asked where no other side is in view;
a passive question's agent is the asker; a question answered by the other side; a sponsor that is a brewery; an
owner who is a person; a title and surname tagged a person; a title before no one's surname stays a body; a
people's plural is a group; texts with no attribution have no source. The 9 other cases fail on the code before
who36 (4527c81). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from accordingto.resolve.mentions import read_source
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the speaker's name)
    pytest.param(
        "Members of the Harcombe Rowing Club have been told the boathouse will close.\n\nIn a letter to members on "
        "Monday, seen by the Harcombe Gazette, the club's chair, Professor Ruth Ellery, said repairs would cost "
        "£90,000. She wrote that the committee had looked at every option.",
        "that the committee had looked",
        "Ruth Ellery",
        id="guard-the-pronoun-after-the-participle-follows-the-speaker",
    ),
    pytest.param(
        "In an email obtained by the Tenby Echo, the hospital's director, Dr Martin Probert, said two wards would "
        "shut over the winter.",
        "two wards would shut",
        "Martin Probert",
        id="guard-the-agent-of-obtained-end-to-end",
    ),
    pytest.param(
        "A report published by the Harcombe Audit Office on Monday said the boathouse would close.",
        "the boathouse would close",
        "Harcombe Audit Office",
        id="guard-the-agent-of-a-document-in-the-span-is-its-author",
    ),
    pytest.param(
        "Councillor Nadia Osei, who leads the council, said the library would stay open. She said the budget had "
        "been found.\n\nCllr Joan Pettifer, the opposition leader, voted against. The councillor said the money "
        "had been taken from the parks.",
        "the money had been taken",
        "Joan Pettifer",
        id="the-councillor-is-the-second-councillor",
    ),
    pytest.param(
        "Cllr Nadia Osei, who leads the council, said the library would stay open. She said the budget had been "
        "found.\n\nCouncillor Joan Pettifer, the opposition leader, voted against. The councillor said the money "
        "had been taken from the parks.",
        "the money had been taken",
        "Joan Pettifer",
        id="guard-the-councillor-the-other-way-round",
    ),
    pytest.param(
        "Cllr Nadia Osei, who leads the council, said the library would stay open. She said the budget had been "
        "found.\n\nCllr Joan Pettifer, the opposition leader, voted against. The councillor said the money had "
        "been taken from the parks.",
        "the money had been taken",
        "Joan Pettifer",
        id="the-councillor-after-two-written-short",
    ),
    pytest.param(
        "Owen Pryce, the club's chairman, said the ground would be sold. The coach, Dafydd Rhys, said the players had "
        "not been told.\n\nPryce and Rhys have often clashed. Rhys laughed when he was asked about the sale. He said "
        "the pair argued like brothers.",
        "the pair argued like brothers",
        "Dafydd Rhys",
        id="the-one-asked-answers",
    ),
    pytest.param(
        "The mayor, Tom Ashby, said the bridge would reopen in May. His deputy, Carl Nevin, said the work was behind "
        "schedule. Nevin was asked about the delay on Friday. He said the contractors had been paid.",
        "the contractors had been paid",
        "Carl Nevin",
        id="guard-the-one-asked-after-his-own-statement",
    ),
    pytest.param(
        "The council's finance chief, Carl Nevin, was questioned for two hours by the auditor Sam Ortiz. He said the "
        "accounts were in order.",
        "the accounts were in order",
        "Carl Nevin",
        id="guard-a-passive-questions-agent-is-the-asker",
    ),
    pytest.param(
        "Priya Shah said the school would close. Her husband, Arun Shah, was asked whether he agreed. He said he did "
        "not.",
        "he did not",
        "Arun Shah",
        id="guard-the-one-asked-named-in-the-question",
    ),
    pytest.param(
        'The trust\'s chief executive, Mark Doyle, said the figures were accurate. "We stand by our staff," he '
        "said.\n\nLocal families have signed a petition. Owen Tredwell MP has written to the health minister asking "
        "for an inquiry. He said the figures were alarming.",
        "the figures were alarming",
        "Owen Tredwell",
        id="asking-for-something-is-no-question",
    ),
    pytest.param(
        "The council leader, Mark Doyle, said the library would close.\n\nOwen Tredwell, a local councillor, asked "
        "residents to sign a petition. He said the building was the heart of the village.",
        "the building was the heart",
        "Owen Tredwell",
        id="asking-someone-to-act-is-no-question",
    ),
    pytest.param(
        "Mark Doyle said the library would close. Owen Tredwell asked whether the building would be sold. He said no "
        "decision had been made.",
        "no decision had been made",
        "Mark Doyle",
        id="guard-a-question-is-answered-by-the-other-side",
    ),
    pytest.param(
        "The club's president, Professor Elena Marchetti-Rowe, said the pitch would be rebuilt. The council's planning "
        "chief, Joan Abernethy, said permission had not been sought.\n\nProfessor Marchetti-Rowe replied that the work "
        "was only repairs. She said the plans had been shown to residents.",
        "the plans had been shown",
        "Elena Marchetti-Rowe",
        id="a-title-and-surname-tagged-a-body-is-the-person",
    ),
    pytest.param(
        "The ferry's master, Captain Ingrid Vasquez-Lund, said the crossing had been safe. The operator's safety "
        "director, Mary Okonkwo-Bell, said the ship should have stayed in port.\n\nCaptain Vasquez-Lund replied that "
        "the forecast had been wrong. She said the waves had doubled in an hour.",
        "the waves had doubled",
        "Ingrid Vasquez-Lund",
        id="guard-a-title-and-surname-tagged-a-person",
    ),
    pytest.param(
        "Prosecuting, Rachel Ambrose said the money was never repaid. She said the victims had lost their "
        "savings.\n\nDefending, Imogen Tallis said her client was ashamed. She said he had sold his house to repay "
        "them.",
        "he had sold his house",
        "Imogen Tallis",
        id="a-full-name-tagged-a-people-takes-her-she",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a full name tagged a people stays a group: reading it as a person's (who36) fixed this and "
            "lowered GUM train CV pronouns 63.9 -> 60.3 through the fold models' features",
        ),
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_right_speaker(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


# The extractor's source span may open at the participle's "by" (the small model tagging the outlet a person and
# hanging the subject's phrase on it as appositions): the span read is the one from "by" to the reporting verb.
SPANS = [
    # (text, the speaker's name read from the span "by …" before "said")
    pytest.param(
        "In an email to all residents on Tuesday, seen by The Lantern, the college's vice-principal for estates, "
        "Professor Grace Mbeki, said a new boiler would be fitted by March.",
        "Grace Mbeki",
        id="seen-by-an-outlet",
    ),
    pytest.param(
        "In a message to all staff last week, obtained by The Herald, the hospital's medical director, Dr Lena "
        "Fisk, said the ward would reopen.",
        "Lena Fisk",
        id="obtained-by-an-outlet",
    ),
    pytest.param(
        "In a letter to all tenants on Monday, seen by The Courier, the landlord's director of housing, Mr Tomas "
        "Kerr, said rents would rise.",
        "Tomas Kerr",
        id="guard-a-span-that-already-reads-as-the-subject-keeps-its-name",
    ),
]


@pytest.mark.parametrize(("text", "name"), SPANS)
def test_a_participles_agent_is_not_the_source(nlp: Language, text: str, name: str) -> None:
    doc = nlp(text)
    words = [token.lower_ for token in doc]
    mention = read_source(doc, words.index("by"), words.index("said"))
    assert mention is not None and mention.name_start is not None
    assert doc[mention.name_start : mention.name_end].text == name


# An apposition that calls an agent noun's bearer a body: the pronoun after its statement is that body's, not a body
# named before; the display name (its two descriptions glued) is not what is tested here.
SAME_SPEAKER = [
    # (text, the described source's content, the pronoun's content)
    pytest.param(
        "The county council said the rally would go ahead.\n\nThe rally's organiser, a cycling club based in Otley, "
        "said the route had been checked. It said riders would wear helmets.",
        "the route had been checked",
        "riders would wear helmets",
        id="an-organiser-that-is-a-club-takes-its-it",
    ),
    pytest.param(
        "The city council said the festival would go ahead in June.\n\nThe festival's sponsor, a brewery based in "
        "Hunslet, said in a statement that the money had been paid. It said the tents would be put up in May.",
        "that the money had been paid",
        "the tents would be put up",
        id="guard-a-sponsor-that-is-a-brewery",
    ),
    pytest.param(
        "The hospital trust said the ward would close.\n\nThe ward's owner, a former nurse from Bury, said the "
        "building was safe. She said the roof had been repaired.",
        "the building was safe",
        "the roof had been repaired",
        id="guard-an-owner-who-is-a-person-takes-her-she",
    ),
]


@pytest.mark.parametrize(("text", "described", "pronoun"), SAME_SPEAKER)
def test_the_pronoun_is_the_described_body(nlp: Language, text: str, described: str, pronoun: str) -> None:
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    assert source_of_statement(output, pronoun) == source_of_statement(output, described) != {}


def test_a_title_before_no_ones_surname_stays_a_body(nlp: Language) -> None:
    output = accordingto.analyze("Admiral Insurance said claims had risen by a fifth.", nlp=nlp).to_dict()
    assert source_of_statement(output, "claims had risen").get("kind") == "organization"


def test_a_peoples_plural_stays_a_group(nlp: Language) -> None:
    output = accordingto.analyze("The Hungarians said the border would stay open.", nlp=nlp).to_dict()
    source = source_of_statement(output, "the border would stay open")
    assert source.get("kind") == "group"


@pytest.mark.parametrize(
    "text",
    [
        "In a letter seen by the Harcombe Gazette, the club's chair rowed to the boathouse.",
        "Cllr Joan Pettifer and Councillor Nadia Osei walked to the library together.",
    ],
)
def test_no_attribution_no_source(nlp: Language, text: str) -> None:
    assert accordingto.analyze(text, nlp=nlp).to_dict()["attributions"] == []
