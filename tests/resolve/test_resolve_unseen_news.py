"""Classes of error news12's unseen articles showed (``tests/fixtures/news/``), on sentences written for these
tests, through the whole pipeline: the source a statement is listed under, by name and kind. Bodies the small model
misreads (a company's one-word name tagged a person's, a company named by the first word of its name, a company
tagged a person though a "which" clause hangs on it, a bare "the union" sent to a company named in passing, "the
city's election office" sent to the university named before it), people it misreads (a name tagged a place, a
police rank or council title kept in the name), a body's name cut at an "and", a member picked out of a group
("one of the officials") listed as the group, and a "she" after a quotation of two sentences sent past the speaker
before the quotation to the person named first.

And the classes news13's unseen articles showed: a "he" or "she" after a sentence whose subject is a person newly
named (not a speaker there) sent back by the learned resolver to the person quoted before; a person described by
two coordinated roles ("the MP for Ashdown and a former health minister") read as a group, which lost their
pronouns; a surname the small model tagged a place ("Carrow replied") listed as a government beside the person
named in full; and a spokesperson's singular "they" sent to their group (news12's too).

And news16's: a definite description giving an age ("the 46-year-old", "the 60-year-old engineer") made a person
of its own instead of the named person just quoted; a drug maker or an association tagged a person, so "The
company" and "It" were sources apart; a body's name cut at a possessor ("The Miners' Federation" as "Federation");
a surname read as a noun after a name the small model tagged a body's; an anonymous source's singular "they" sent
to a group quoted before; a side's "version" of a call as a source of its own; a military rank kept in a name; a wire
dateline with a date and a credit read as the source. And texts with no statement in which these classes stand.

And news17's: an opening adverbial of place or time read as the source ("Outside court, the boy's uncle, …"); a
headline's word kept before a first name; a description giving a person's background ("The former engineer", "the
Chilean-born writer", "the Democrat") made a person of its own or a party; a company called a "chain" left a
person, so "The retailer" was a source apart; a name tagged an organisation that the text calls by a person noun;
a related story's headline on a furniture line read as a statement.

And news18's: a council title kept in a name ("Cllr …", "Cathaoirleach") or a party label in brackets after it; a
definite description news introduced as an epithet for a named person ("The singer, 31, who …") made a person of
its own, and a lede's epithet before the name; the writer's "I" split into several sources; a coordination inside
"a spokeswoman for Bell & Rowe" read as a group; an office-holder's institution ("The Governor's Office") named
"'s Office"; a party written as a name after "the Liberals" split from them; a body's noun before a name tagged a
person ("Drugmaker Halden"); an anonymous source's participle cut from its name, and its other epithet ("the
insider") made a source of its own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import accordingto
from accordingto.parse.pipeline import load_parser
from accordingto.resolve.mentions import analyze_mention
from statements import source_of_statement

CASES = [
    # (text, the content's first words, the source's name, its kind)
    pytest.param(
        "Budget airline Flyvane cancelled 40 flights on Friday. Passengers queued for hours. Flyvane said the "
        "pilots had walked out.",
        "the pilots had walked out",
        "Flyvane",
        "organization",
        id="one-word-company-the-text-calls-an-airline",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "the noun a name alone is the apposition of (Budget airline Skyreach) is not read: reading it cost "
                "GUM train CV pronouns 57.2 -> 55.2 through the ranker's features (news12)"
            ),
        ),
    ),
    pytest.param(
        "The estate is run by Whitlow Residential, which manages 4,000 flats. Tenants complained in March. The "
        "company said it would send surveyors.",
        "it would send surveyors",
        "Whitlow Residential",
        "organization",
        id="a-which-clause-on-a-company-tagged-a-person",
    ),
    pytest.param(
        "The flats are owned by Dunmere Homes Group. Its director, Alan Pike, said repairs had begun. Tenants said "
        "they had waited a year. Dunmere has not said when the work will end.",
        "when the work will end",
        "Dunmere Homes Group",
        "organization",
        id="a-company-by-the-first-word-of-its-name",
    ),
    pytest.param(
        "Rotham to close two plants\n\nRotham Industries, the Leeds-based packaging company, said on Tuesday it "
        "would close two plants. The company said 300 jobs would go.",
        "300 jobs would go",
        "Rotham Industries",
        "organization",
        id="a-headline-names-the-company-by-its-first-word",
    ),
    pytest.param(
        "Velora Systems, the bus company, said it would cut 300 jobs. The Transport Workers of Wessex, which has "
        "tried to organise Velora's drivers since 2022, called the cuts unfair. The union said it would ballot "
        "members.",
        "it would ballot members",
        "Transport Workers of Wessex",
        "organization",
        id="the-union-is-not-the-company-named-in-passing",
    ),
    pytest.param(
        "The Millfield Tenants' Association said rents had doubled. Its secretary, Lerato Mbeki, a shop worker, "
        'said the association had written to the landlord. "We are still waiting," she said.',
        "We are still waiting",
        "Lerato Mbeki",
        "person",
        id="a-secretary-whose-name-is-tagged-a-place",
    ),
    pytest.param(
        "Detective Inspector Morag Lennox said the road was closed. She said two men had been arrested.",
        "two men had been arrested",
        "Morag Lennox",
        "person",
        id="a-police-rank-is-no-name",
    ),
    pytest.param(
        "Councilwoman Teresa Vance said the budget was late. Her rival disagreed.",
        "the budget was late",
        "Teresa Vance",
        "person",
        id="a-council-title-is-no-name",
    ),
    pytest.param(
        "Councilwoman Ruth Dale said the levy was unfair. She promised to cut it. Her opponent, Tom Baird, said Dale "
        "had voted for it. Lisa Moreno, a nurse who said she was undecided, said neither candidate had a plan. "
        '"They both talk about roads. Nobody talks about the cost," she said.',
        "They both talk about roads",
        "Lisa Moreno",
        "person",
        id="she-after-a-quotation-of-two-sentences",
    ),
    pytest.param(
        "Senator Amy Kerr said the bridge would be rebuilt. She blamed the state. Outside, Nora Diaz, a shop owner "
        'who said she had voted for Kerr, said the work was too slow. "We waited two years. Nobody came," she said.',
        "We waited two years",
        "Nora Diaz",
        "person",
        id="she-after-a-quotation-of-two-sentences-not-the-senator",
    ),
    pytest.param(
        "Voters in Ashford will choose a mayor on Tuesday. A poll by Ashford University showed the race was close. "
        "The university said turnout could be low. The city's election office said polls would open at 7am.",
        "polls would open at 7am",
        "city's election office",
        "organization",
        id="a-description-with-a-possessor-is-not-the-body-named-last",
    ),
    pytest.param(
        "Three officials said the talks would resume in May. One of the officials, who spoke on condition of "
        "anonymity, said the venue would be Geneva.",
        "the venue would be Geneva",
        "one of the officials",
        "person",
        id="one-of-the-officials-is-a-member-not-the-group",
    ),
    pytest.param(
        "The family hired two lawyers. One of the family's attorneys, Justin Bamberg, said the video was clear.",
        "the video was clear",
        "Justin Bamberg",
        "person",
        id="one-of-the-attorneys-named-in-apposition-is-the-name",
    ),
    pytest.param(
        "The Ashby and District Rowing Club said the race would go ahead. It said the river was calm.",
        "the river was calm",
        "Ashby and District Rowing Club",
        "organization",
        id="a-body-name-with-and",
    ),
    # news13: the person a sentence makes its subject, not the speaker before it.
    pytest.param(
        'Coach Rita Santos said the team had trained well. "We are ready," Santos said. Her assistant, Joan Pike, '
        "arrived late to the press conference. She said the bus had broken down.",
        "the bus had broken down",
        "Joan Pike",
        "person",
        id="she-after-a-newly-named-subject-not-the-coach-quoted-before",
    ),
    pytest.param(
        'Prosecutor Dan Whitely said the evidence was clear. "The jury will see the texts," he said. Greaves sat in '
        "silence. The defendant, Lee Greaves, gave evidence on Friday. He told the jury he had panicked.",
        "the jury he had panicked",
        "Lee Greaves",
        "person",
        id="he-after-the-defendant-takes-the-stand-not-the-prosecutor",
    ),
    pytest.param(
        'The council leader, Sarah Quinn, said the road would reopen in May. "We have listened," Quinn said. The '
        "widow of the cyclist, Mary Hollis, laid flowers at the junction on Sunday. She said nobody from the council "
        "had called her.",
        "nobody from the council",
        "Mary Hollis",
        "person",
        id="she-after-a-name-closing-the-subject-phrase",
    ),
    pytest.param(
        'Mayor Lena Voss said the bridge was safe. "There is no risk," Voss said. Her deputy, Tom Reyes, left the '
        "meeting early. She said the engineers had checked it twice.",
        "the engineers had checked it twice",
        "Lena Voss",
        "person",
        id="she-is-not-a-newly-named-subject-of-the-other-gender",
    ),
    # news13: two roles of one person are not two people.
    pytest.param(
        "Sir Peter Vane, the MP for Ashdown and a former health minister, said the hospital must stay open. He said "
        "the ward had saved lives.",
        "the ward had saved lives",
        "Peter Vane",
        "person",
        id="he-of-a-person-with-two-roles",
    ),
    pytest.param(
        "Dr Elena Ruiz, the report's author and a historian at Carlton College, said the archive was incomplete.",
        "the archive was incomplete",
        "Elena Ruiz",
        "person",
        id="a-person-with-two-roles-is-no-group",
    ),
    # news12 and news13: a spokesperson's singular "they", after a quotation of one sentence or several.
    pytest.param(
        "The Friends of Ashcombe Park said the fence was illegal. Its spokesperson, Alex Morgan, said the group had "
        'hired a lawyer. "We will see them in court," they said.',
        "We will see them in court",
        "Alex Morgan",
        "person",
        id="a-spokespersons-singular-they",
    ),
    pytest.param(
        "The Friends of Ashcombe Park said the fence was illegal. Its spokesperson, Alex Morgan, said the group had "
        'hired a lawyer. "We have written to the council. We will see them in court," they said.',
        "We have written to the council",
        "Alex Morgan",
        "person",
        id="a-spokespersons-singular-they-after-two-sentences",
    ),
    # news13: a surname read as a place is the person named in full.
    pytest.param(
        "Education Secretary Helen Carrow visited the school on Monday. Unions said the plan was rushed. Carrow "
        "replied that teachers had been consulted.",
        "that teachers had been consulted",
        "Helen Carrow",
        "person",
        id="a-surname-tagged-a-place",
    ),
    # news14: in an exchange of two speakers, a "she" after the other side (a man) is the woman who spoke before
    # him, not the mayor quoted at the start (the learned resolver's choice).
    pytest.param(
        "10:05 The mayor, Carys Penrose, opened the leisure centre as a shelter. She said 150 families had left "
        'their homes. "If you are told to go, go," she said.\n\n10:40 Our reporter Neil Farrow spoke to Arthur '
        'Bright, 80, who was carried from his house by firefighters. Bright said the water had risen "like a '
        'tide". His neighbour, Meena Shah, said she had been warned by text only at 1am. He disagreed that the '
        "warning came late. She said nobody on her road had been given sandbags.",
        "nobody on her road",
        "Meena Shah",
        "person",
        id="an-exchange-of-two-speakers-she-is-the-other-side",
    ),
    # news14: a surname the small model tagged a people (NORP), after a live blog's clock time.
    pytest.param(
        "Minister Rhian Tallis visited the site.\n\n17:10 Tallis said the repairs would take a month.",
        "the repairs would take a month",
        "Rhian Tallis",
        "person",
        id="a-surname-tagged-a-people",
    ),
    # news14: a company described by what it deals in ("coach") is no person, and its "it" is the company; so is a
    # utility named by what it supplies.
    pytest.param(
        "The coach company, Redline Travel, said it was shocked. It said in a statement that the coach had been "
        "serviced in May.",
        "that the coach had been serviced",
        "Redline Travel",
        "organization",
        id="the-coach-company-and-its-it",
    ),
    pytest.param(
        "Rivers in the valley are polluted, a report says. Thorne Water disputed the figures. It said it was "
        "spending more than ever.",
        "it was spending more than ever",
        "Thorne Water",
        "organization",
        id="a-water-company-and-its-it",
    ),
    # news14: an office in capitals whose holder is named beside it is no person of its own, and her "she" is hers.
    pytest.param(
        "Flood waters reached the town on Monday. The Environment Secretary, Rachel Lowry, visited the shelter. She "
        "said the government would pay for the repairs.",
        "the government would pay",
        "Rachel Lowry",
        "person",
        id="an-office-named-beside-its-holder",
    ),
    # news14: "the doctor" after "Dr Alan Pierce" is he (an abbreviated title is a role like any other).
    pytest.param(
        "The regulator's medical adviser, Dr Alan Pierce, said the pills were unsafe. The maker, Vitalis, said "
        "it had followed the rules. Dr Pierce rejected that account. The doctor said the firm had been warned "
        "before.",
        "the firm had been warned before",
        "Alan Pierce",
        "person",
        id="the-doctor-after-dr",
    ),
    # news13's leftover: a surname the small model read as a common noun ("Rowntree disagreed") is the person
    # named in full, and the "she" after it hers, not a player named in passing.
    pytest.param(
        "Pella Town's manager, Ruth Rowntree, praised her side. The referee, Tom Hale, said the tackle on Jordan "
        "Mace was fair. Rowntree disagreed. She said it had been a clear foul.",
        "it had been a clear foul",
        "Ruth Rowntree",
        "person",
        id="a-surname-read-as-a-common-noun",
    ),
    # news16: a definite description giving an age is the named person who spoke last (news gives an age once, as
    # an epithet), with or without a role beside it, and after two speakers the one quoted last.
    pytest.param(
        'Harbour Athletic\'s coach, Dario Mendes, said the pitch had been poor. "We could not pass the ball," the '
        "52-year-old said.",
        "We could not pass the ball",
        "Dario Mendes",
        "person",
        id="an-age-after-a-quote",
    ),
    pytest.param(
        'The port\'s director, Olga Stenberg, told reporters that exports had doubled. "We need new cranes," the '
        "60-year-old engineer said.",
        "We need new cranes",
        "Olga Stenberg",
        "person",
        id="an-age-with-a-new-role",
    ),
    pytest.param(
        "Priya Nandal, the union's negotiator, said the offer was poor. The firm's director, Colm Healy, said it "
        "was fair. The 49-year-old added that talks would resume in May.",
        "that talks would resume in May",
        "Colm Healy",
        "person",
        id="an-age-after-two-speakers-is-the-last",
    ),
    # news16: a name ending in a drug maker's line of business or an association's word is a body's, and its "the
    # company" or "it" with it; an article before a proper-name possessor belongs to the body's whole name.
    pytest.param(
        "Tessaly Pharma said in a press release that its drug had worked. The company said it would seek approval "
        "in March.",
        "it would seek approval",
        "Tessaly Pharma",
        "organization",
        id="a-drug-maker-and-the-company",
    ),
    pytest.param(
        "The Miners' Federation said the pits were unsafe. It said it would ballot members.",
        "it would ballot members",
        "Miners' Federation",
        "organization",
        id="a-possessor-in-a-body-name-and-its-it",
    ),
    # news16: a surname read as a noun joins a name opening with a listed first name, whatever its tag.
    pytest.param(
        "The deputy head for research, Greta Lunde, said the trial had failed. Lunde later told reporters that a "
        "new one would start.",
        "that a new one would start",
        "Greta Lunde",
        "person",
        id="a-surname-read-as-a-noun-after-a-name-tagged-a-body",
    ),
    # news16: a "they" tagging a quotation after a person described and never named is that person.
    pytest.param(
        "Two aides said the minister had been warned. A senior diplomat who spoke on condition of anonymity said "
        'the talks had stalled. "Nobody wants to move first," they said.',
        "Nobody wants to move first",
        "senior diplomat",
        "person",
        id="a-singular-they-after-an-anonymous-source",
    ),
    # news16: a side's version is a document its possessor speaks through; a military rank is no part of a name.
    pytest.param(
        "The Kelmar government's version of the call said the two leaders had agreed to meet. It said trade had "
        "been discussed.",
        "trade had been discussed",
        "Kelmar government",
        "government",
        id="a-version-is-its-possessor's",
    ),
    pytest.param(
        "The army's spokesman, Lieutenant Petra Holm, said the road had reopened.",
        "the road had reopened",
        "Petra Holm",
        "person",
        id="a-rank-before-a-name",
    ),
    # news16: a wire dateline with its date and the agency's name is no part of the source after it.
    pytest.param(
        "LONDON, May 2 (Meridian) - The Bank of Ardenland said on Tuesday it would raise rates.",
        "on Tuesday it would raise rates",
        "Bank of Ardenland",
        "organization",
        id="a-wire-dateline-with-a-date-and-a-credit",
    ),
    # news17: an opening adverbial of place or time is no part of the source.
    pytest.param(
        "Outside court, the boy's uncle, Dev Sharma, said the family was relieved.",
        "the family was relieved",
        "Dev Sharma",
        "person",
        id="an-opening-adverbial-is-no-source",
    ),
    # news17: a headline's word before a first name is no part of the name.
    pytest.param(
        "Jubilant Marta Kowal wins sprint title\n\nMarta Kowal said she had trained for six years.",
        "she had trained",
        "Marta Kowal",
        "person",
        id="a-headline-word-before-a-first-name",
    ),
    # news17: a description giving a person's background is the named person who spoke last.
    pytest.param(
        "Lena Ortiz, the shadow transport secretary, said fares were too high. The former engineer said the trains "
        "were always late.",
        "the trains were always late",
        "Lena Ortiz",
        "person",
        id="a-former-occupation-is-the-speaker-before",
    ),
    pytest.param(
        "Novelist Ana Ruiz said the prize had surprised her. The Chilean-born writer told reporters she would give "
        "the money away.",
        "she would give the money away",
        "Ana Ruiz",
        "person",
        id="a-birthplace-is-the-speaker-before",
    ),
    pytest.param(
        "Governor Tom Reyes said taxes would fall. The Democrat said he would cut spending first.",
        "he would cut spending first",
        "Tom Reyes",
        "person",
        id="a-party-member-is-the-speaker-before",
    ),
    pytest.param(
        "Mayor Ruth Dale said the levy was fair. Lisa Moreno, the mayor's rival, said it was not. The Republican "
        "said she would scrap it.",
        "she would scrap it",
        "Lisa Moreno",
        "person",
        id="a-party-member-is-the-latest-speaker-not-the-first",
    ),
    # news17: a chain is a company, and its "the retailer" joins it.
    pytest.param(
        "Discount chain Pennywise said on Monday it had withdrawn a toy. The retailer said it had acted quickly.",
        "it had acted quickly",
        "Pennywise",
        "organization",
        id="a-chain-is-a-company",
    ),
    # news17: a description's head the small model tagged a proper noun in lower case is no name.
    pytest.param(
        "The Velorian defence ministry said it had fired only at military targets.",
        "it had fired only",
        "Velorian defence ministry",
        "government",
        id="a-lower-case-body-noun-is-no-name",
    ),
    # news17: a party member named in apposition is the person named, not the party.
    pytest.param(
        "Another Democrat, Senator Paula Rix, told reporters that the bill was dead.",
        "that the bill was dead",
        "Paula Rix",
        "person",
        id="a-party-member-named-in-apposition",
    ),
    # news18: a council title is no name, nor a party label in brackets; the small model tags such a name an
    # organisation's, and "She" had been the source's name.
    pytest.param(
        "Cllr Niamh Roche (SF) said the library would close on Mondays. She said staff had not been consulted.",
        "staff had not been consulted",
        "Niamh Roche",
        "person",
        id="a-council-title-and-a-party-label-are-no-name",
    ),
    pytest.param(
        "Cllr Orla Keane (Ind) disagreed with the plan. She said the rates were too high.",
        "the rates were too high",
        "Orla Keane",
        "person",
        id="an-abbreviated-title-makes-a-tagged-organisation-a-person",
    ),
    # news18: an epithet introduced for the person just named, and a lede's epithet before the name.
    pytest.param(
        "Lena Voss has been cleared of all charges. The singer, 31, who topped the charts last spring, hugged her "
        "family. Outside court, the singer told reporters she felt free.",
        "she felt free",
        "Lena Voss",
        "person",
        id="an-epithet-with-an-age-and-a-relative-clause",
    ),
    pytest.param(
        "Bridgeford chief quits\n\nThe chairman of Bridgeford Foods, the bakery group, resigned on Monday. Martin "
        "Kell, who has run the board since 2015, said he wanted more time with his family. The chairman later told "
        "staff that sales were strong.",
        "that sales were strong",
        "Martin Kell",
        "person",
        id="a-lede-epithet-before-the-name",
    ),
    # news18: a coordination inside the preposition's object: one spokeswoman, whose "She" stands for her.
    pytest.param(
        "A spokeswoman for Bell & Rowe said the plant would stay open. She said talks were going on.",
        "talks were going on",
        "spokeswoman for Bell & Rowe",
        "person",
        id="a-spokeswoman-for-a-company-with-an-ampersand",
    ),
    # news18: an institution named after its holder's office is a body, with its "It".
    pytest.param(
        "The Governor's Office said in a statement that the roads were open. It said crews were working overnight.",
        "crews were working overnight",
        "Governor's Office",
        "government",
        id="an-office-holders-institution",
    ),
    # news18: a body's noun before a name tagged a person's ("Drugmaker Halden" in a headline) is the company.
    pytest.param(
        "Drugmaker Halden paid doctors, records show\n\nHalden denied any wrongdoing. The company said it had "
        "followed the law.",
        "it had followed the law",
        "Halden",
        "organization",
        id="a-body-noun-before-a-name-tagged-a-person",
    ),
    # news18: an anonymous source keeps the participle that says who it is, and its other epithet is it too.
    pytest.param(
        "A person briefed on the talks, who asked not to be named, said a deal was close.",
        "a deal was close",
        "person briefed on the talks",
        "person",
        id="an-anonymous-source-briefed-on-something",
    ),
    pytest.param(
        "A source close to the singer said she was resting. The insider added that the tour would go ahead.",
        "that the tour would go ahead",
        "source close to the singer",
        "person",
        id="the-insider-is-the-source-close-to-someone",
    ),
    # A "she" inside a sentence whose main subject, before it, is a person who says nothing there: the one asked
    # answers about herself, not the coach quoted before (stop 30, after news20 made the one asked no speaker). The
    # "she" is a speaker's, not a belief's inside the question: nested states of mind under the attributions' cut
    # are no longer output (extract28).
    pytest.param(
        "Lowe's coach, Ana Ruiz, said the pair had trained hard. “We knew she was ready,” she said.\n\n"
        "In her press conference, Kim Lowe was asked about the final, and she said she had never doubted herself. "
        "She laughed and said her flight home had been booked for Sunday.",
        "she had never doubted herself",
        "Kim Lowe",
        "person",
        id="the-one-asked-is-the-she-of-the-question",
    ),
    pytest.param(
        "Lowe's coach, Ana Ruiz, said the pair had trained hard. “We knew she was ready,” she said.\n\n"
        "In her press conference, Kim Lowe was asked whether she had believed she could win. She laughed and said "
        "her flight home had been booked for Sunday.",
        "her flight home",
        "Kim Lowe",
        "person",
        id="and-her-answer-the-next-she",
    ),
    # A name the small model tags an organisation, in apposition to a noun only people are, read on its own: the
    # noun outside it still says a person, whose "She" follows (stop 30, news20's shop owner).
    pytest.param(
        "The bakery's owner, Lidia Kowal, was more critical. She believes the council should have acted sooner.",
        "the council should have acted",
        "Lidia Kowal",
        "person",
        id="a-name-in-apposition-to-a-person-noun-is-a-person",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name", "kind"), CASES)
def test_the_source_of_a_statement_in_a_class_news12_found(
    nlp: Language, text: str, content_start: str, name: str, kind: str
) -> None:
    source = source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)
    assert (source.get("name"), source.get("kind")) == (name, kind)


@pytest.mark.parametrize(
    ("text", "content_start", "not_name"),
    [
        # An indefinite age introduces someone new, whoever spoke before.
        (
            "Ivo Marsh said the bridge was closed. A 70-year-old fisherman said he had never seen such a flood.",
            "he had never seen",
            "Ivo Marsh",
        ),
        # No one named has spoken: an age alone stays a source of its own, not the body quoted before.
        ('Police said a man had been arrested. "He was calm," the 41-year-old officer said.', "He was calm", "police"),
        # news18: a bare "The judge said" is no epithet for the defendant named just before.
        (
            "Tom Reyes, 34, admitted fraud at the crown court. The judge said he had shown no remorse.",
            "he had shown no remorse",
            "Tom Reyes",
        ),
    ],
)
def test_an_age_refers_back_only_when_definite_and_to_someone_named(
    nlp: Language, text: str, content_start: str, not_name: str
) -> None:
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    sources = {s["id"]: s for s in output["sources"]}
    found = [a for a in output["attributions"] if a["content_text"].lstrip('"“').startswith(content_start)]
    assert len(found) == 1, [a["content_text"] for a in output["attributions"]]
    assert sources[found[0]["source_id"]]["name"] != not_name


@pytest.mark.parametrize(
    "text",
    [
        # news16's classes
        "The 46-year-old striker joined the club in June from Lisbon.",
        "The Alzheimer's Alliance opened a new office in Leeds last year.",
        "Lieutenant Petra Holm led the parade through the square on Sunday.",
        # news17's classes
        "Backstage, the actress signed autographs for fans.",
        "The former nurse now runs a bakery in Hull.",
        "Retail chain Pennywise opened 40 stores last year.",
        "Jubilant Marta Kowal wins sprint title",
        # news18's classes
        "Cllr Aine Doyle (Lab) chaired the meeting on Tuesday.",
        "The actress, 52, who starred in the series, wept in court.",
        "A person briefed on the plan attended the meeting.",
        "The Governor's Office opened at nine.",
        "Drugmaker Pellix opened a new plant in Cork.",
        "I went to the fair on Thursday and I bought a loaf.",
        # Furniture lines: a related story's headline and a link are no statements of the article.
        "Related: Council approves new bus lanes\n\nAlso read: Police name driver in crash",
    ],
)
def test_the_classes_in_texts_with_no_statement(nlp: Language, text: str) -> None:
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    assert output["attributions"] == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # The writer's "I" outside quotes is one participant, not one source per sentence.
        (
            "I asked Mayor Ruth Kane about the budget. Kane said it was fine. I said I was not convinced. I wrote "
            "that the sums did not add up.",
            {"I": ["I", "I", "I"], "Ruth Kane": ["Kane"]},
        ),
        # A party written as a name inside a statement is the party the text called "the Liberals" before.
        (
            "The Liberals surged into second place on Monday. They said the result was a breakthrough. In a "
            "statement, their campaign director, Ravi Sood, said the Liberals had knocked on more doors than ever. "
            "The Liberals said they would target two more seats.",
            {"Liberals": ["They", "The Liberals"], "Ravi Sood": ["their campaign director, Ravi Sood"]},
        ),
        # A headline calls a company by its first word; the lede's full name, ending in its line of business, is
        # the same company and its display name.
        (
            "Kane says she will quit\n\nMayor Ruth Kane said on Monday that she would resign in March.\n\n"
            "Halvorsen denies claims\n\nHalvorsen Pharmaceuticals said on Tuesday that the report was wrong.",
            {
                "Ruth Kane": ["Kane", "Mayor Ruth Kane"],
                "Halvorsen Pharmaceuticals": ["Halvorsen", "Halvorsen Pharmaceuticals"],
            },
        ),
        # A place is not the body named after it.
        (
            "The two candidates for mayor of Kelby met on Tuesday. Kelby University said on Wednesday that its "
            "poll showed a tie.",
            {"Kelby University": ["Kelby University"]},
        ),
        # A person the text named in full is not the company that carries the surname.
        (
            "Selwyn to appeal ruling\n\nTom Selwyn said on Monday that he would appeal the ruling. Selwyn "
            "Holdings, the firm he left in 2019, said it had no comment.",
            {"Tom Selwyn": ["Tom Selwyn"], "Selwyn Holdings": ["Selwyn Holdings, the firm he left in 2019"]},
        ),
    ],
)
def test_one_participants_statements_are_one_source(nlp: Language, text: str, sources: dict[str, list[str]]) -> None:
    """news18: a newsletter's "I" had been three sources, and a party's "The Liberals" two apart from its "They"."""
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    names = {s["id"]: s["name"] for s in output["sources"]}
    found: dict[str, list[str]] = {}  # by source id: two sources of one name would be two keys
    for attribution in output["attributions"]:
        found.setdefault(attribution["source_id"], []).append(attribution["source_text"])
    assert sorted((names[source], texts) for source, texts in found.items()) == sorted(sources.items())


def test_a_related_headline_is_no_statement_beside_the_article(nlp: Language) -> None:
    """news17: the article's statement stays; the related story's headline under it is furniture."""
    text = "The minister said the plan would work.\n\nRelated: Minister says rail fares will rise"
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    assert [a["content_text"] for a in output["attributions"]] == ["the plan would work"]


@pytest.fixture(scope="module")
def parser() -> Language:
    return load_parser()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # news17: the small model tagged such names organisations; a person noun in apposition says otherwise.
        ("Another customer, Gemma Holt, said she was angry.", "Gemma Holt", "person"),
        ("Ruth Pike, a teacher from Derby, said the road was closed.", "Ruth Pike", "person"),
        # Without a person noun, an organisation named after a person keeps its tag; so with a body's noun.
        pytest.param(
            "Jenny Craig said sales fell.",
            "Jenny Craig",
            "organization",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the learned kind of a name (kinds24) reads a first name and a surname as a person's when "
                "sure, over the small model's ORG: only knowing the brand tells this one apart from a woman's name "
                "tagged ORG ('Hortensia Blackwood said'), and train CV has the model right 9 times, the label 3, on "
                "such changes",
            ),
        ),
        ("Ruth Pike, a Derby-based manufacturer, said the road was closed.", "Ruth Pike", "organization"),
    ],
)
def test_a_name_tagged_an_organisation_that_the_text_calls_a_person(
    parser: Language, text: str, name: str, kind: str
) -> None:
    doc = Doc.from_docs([parser(text)])
    at = text.index(name)
    span = doc.char_span(at, at + len(name))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label="ORG")]
    said = next(t.i for t in doc if t.lower_ == "said")
    mention = analyze_mention(doc, 0, said)
    assert mention is not None and mention.kind == kind
