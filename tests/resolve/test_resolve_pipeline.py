"""Who speaks, through the whole pipeline (``accordingto.analyze``): each case is a short text written for this
test, a cue, and what the source of the attribution with that cue should be (its display name, and where it
matters its kind and role). The classes of mistakes issue 10 lists: pronouns sent to the other side of a
two-speaker story (the nearest name is the wrong answer), descriptions of a person named earlier, organisations
("which", "it"), a description taken for the name, names split or mis-kinded, honorifics, documents and media."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from accordingto import analyze
from accordingto.model import Analysis, Source


@dataclass(frozen=True)
class Speaker:
    """What the source of the attribution should be; ``written``: its source mention as the text has it, where
    the cue alone does not say which attribution is meant."""

    name: str | None  # None: not checked (the extractor's span decides it, not the resolver)
    kind: str | None = None
    role: str | None = "any"  # "any": not checked
    named: bool | None = None
    written: str | None = None


def source_of(analysis: Analysis, cue: str, written: str | None) -> Source | None:
    """The source of the attribution whose cue holds ``cue`` (and whose source mention is ``written``)."""
    found = [(a.source_text, a.cue_text) for a in analysis.attributions]
    cued = [a for a in analysis.attributions if cue in a.cue_text and written in (None, a.source_text)]
    assert len(cued) == 1, f"not one attribution cued by {cue!r} (source {written!r}): {found}"
    return next((s for s in analysis.sources if s.id == cued[0].source_id), None)


CASES = [
    # -- two-speaker paragraphs: the nearest name is the wrong answer
    pytest.param(
        "Defence lawyer Tom Reyes told the court that his client had kept every receipt. Prosecutor Anna Berg "
        "showed the jury a bank statement from 2019. He said that his client had closed the business years "
        "before.",
        "said",
        Speaker("Tom Reyes", "person"),
        id="court-defence-he-after-the-prosecutor",
    ),
    pytest.param(
        "Peter Lang, a spokesman for the hospital employers, said the offer was fair. Union leader Maria Costa "
        'called it an insult. "Our members will strike," she said. He said the employers could not pay more.',
        "said",
        Speaker("Peter Lang", "person", written="He"),
        id="pay-dispute-employers-he-after-the-union-leader",
    ),
    pytest.param(
        'Reporter Jane Doe asked the novelist Carl Weber about his next book. "I have not started it," Weber '
        "said. He added that he would travel first. Doe asked whether he planned to retire. He declined, saying "
        "he had too many ideas.",
        "added",
        Speaker("Carl Weber", "person"),
        id="interview-he-added-is-the-interviewee",
    ),
    pytest.param(
        'Reporter Jane Doe asked the novelist Carl Weber about his next book. "I have not started it," Weber '
        "said. He added that he would travel first. Doe asked whether he planned to retire. He declined, saying "
        "he had too many ideas.",
        "saying",
        Speaker("Carl Weber", "person"),
        id="interview-he-declined-saying-is-the-interviewee",
    ),
    pytest.param(
        'Mayor Linda Park defended the budget. "Every school gets more money," she said. Councillor Omar Hale '
        "voted against it. She said the council would vote again in March.",
        "said",
        Speaker("Linda Park", "person", written="She"),
        id="council-she-is-the-mayor-not-the-nearer-councillor",
    ),
    pytest.param(
        'Host Dan Miller asked the director Paul Kim about the film. "It took six years," Kim said. Miller asked '
        "whether he would make another. He declined, saying he needed a rest.",
        "saying",
        Speaker("Paul Kim", "person"),
        id="interview-the-one-asked-answers-not-the-asker",
    ),
    pytest.param(
        "Omar Haddad has run the bakery for twenty years. Our reporter, Mike Dunn, met him on Tuesday. Haddad "
        "said the shop had lost money since the spring. He added that no buyer had come forward.",
        "added",
        Speaker("Omar Haddad", "person"),
        id="interview-he-added-is-the-interviewee-not-the-reporter",
    ),
    pytest.param(
        '"The king will not move," one former senior diplomat told the paper, describing a message he said came '
        "from the palace. He added that the talks would fail.",
        "added",
        Speaker("former senior diplomat", "person", named=False),
        id="news-rule-he-added-is-the-unnamed-diplomat-not-the-king",
    ),
    pytest.param(
        "President Ivan Petrov of Northland says his army is ready. Petrov has ruled for ten years. Andriy Koval, "
        'the leader of Southland, disagrees. "We just see a willingness to fight," he said.',
        "said",
        Speaker("Andriy Koval", "person"),
        id="he-said-after-the-quote-is-its-speaker-not-the-most-mentioned",
    ),
    pytest.param(
        "Dunmore studied law at a college in Leeds, and in May 1921 joined the firm of Mr. Arthur Lowe, in York. "
        "Kept under the watch of a Dr. Finch, he said he was told to rest.",
        "said",
        Speaker("Dunmore", "person"),
        id="he-is-the-subject-before-not-the-nearer-name-in-an-object",
        marks=pytest.mark.xfail(
            reason="the rules choose the subject of the sentence before, but the learned resolver prefers the "
            "nearer name inside an object by more than the margin and overrules them; a guard keeping the "
            "rules' subject here cost one right answer on GUM dev and one on PolNeAR dev, so it was not kept",
            strict=True,
        ),
    ),
    pytest.param(
        "Defence lawyer Tom Reyes said his client had kept every receipt. Prosecutor Mark Berg showed the jury a "
        "bank statement from 2019. He said that his client had closed the account in 2018.",
        "said",
        Speaker("Tom Reyes", "person", written="He"),
        id="court-two-men-his-client-is-the-defence",
        marks=pytest.mark.xfail(
            reason="only the content says who this is ('his client' is the defence lawyer's); the prosecutor, "
            "speaker of the sentence before (the extractor reads 'showed' as a cue), wins by the news rule",
            strict=True,
        ),
    ),
    # -- descriptions of someone named earlier
    pytest.param(
        "John Harper, the former mayor of Springfield, spoke at the rally on Monday. Hundreds of people came "
        "to the park. The former mayor argued that the city needed new schools.",
        "argued",
        Speaker("John Harper", "person"),
        id="description-joins-the-apposition-given-earlier",
    ),
    pytest.param(
        "Acme Corp. opened a factory in Ohio last year. The company said it would hire 500 more workers.",
        "said",
        Speaker("Acme Corp.", "organization", named=True),
        id="the-company-is-the-company-named-earlier",
    ),
    # -- a description of a body named earlier: the body of that kind, not the company or person in between
    pytest.param(
        "The Federal Aviation Administration grounded the jets on Monday. Boeing said the jets were safe. The "
        "agency said the inspections would take weeks.",
        "said",
        Speaker("Federal Aviation Administration", named=True, written="The agency"),
        id="the-agency-is-the-agency-not-the-company-that-spoke-last",
    ),
    pytest.param(
        "The Food and Drug Administration approved the drug in May. Pfizer welcomed the decision. The agency said "
        "it had reviewed three trials.",
        "said",
        Speaker("Food and Drug Administration", named=True, written="The agency"),
        id="the-agency-after-a-company-welcomed-its-decision",
    ),
    pytest.param(
        "Senator Jane Miller criticized the Environmental Protection Agency on Tuesday. The agency said its rules "
        "were lawful.",
        "said",
        Speaker("Environmental Protection Agency", named=True),
        id="the-agency-not-the-senator-who-spoke-first",
    ),
    pytest.param(
        "Lena Fischer, the Republican nominee, spoke in Ohio. Her rival Tom Baker answered in Texas. The "
        "Democratic nominee said taxes would fall.",
        "said",
        # Not Fischer, of the other party: her rival, the topic of the sentence before, whom the epithet adds a
        # party to (who38); it had been a person of its own, with no one before it to speak.
        Speaker("Tom Baker", "person", named=True),
        id="the-democratic-nominee-is-not-the-republican-one",
    ),
    pytest.param(
        "Russian Foreign Minister Ivan Sokolov met his counterpart in Geneva. The Ukrainian minister said the talks "
        "had failed.",
        "said",
        Speaker("Ukrainian minister", "person", named=False),
        id="the-ukrainian-minister-is-not-the-russian-one",
    ),
    pytest.param(
        "Russian Foreign Minister Ivan Sokolov met his counterpart in Geneva. The minister said the talks had failed.",
        "said",
        Speaker("Ivan Sokolov", "person"),
        id="the-minister-is-the-minister-named-before",
    ),
    # -- organisations
    pytest.param(
        "Northgrid, which runs the regional power network, said it acted quickly to restore supply. It also "
        "cited the storm as the cause.",
        "cited",
        Speaker("Northgrid", "organization"),
        id="organisation-it-also-cited",
    ),
    pytest.param(
        "Northgrid, which runs the regional power network, said it acted quickly to restore supply.",
        "said",
        Speaker("Northgrid", "organization"),
        id="organisation-which-said",
    ),
    pytest.param(
        "The plan drew criticism from Green Streets, a local organization which said in a release that the "
        "road would harm cyclists.",
        "said",
        Speaker("Green Streets", "organization", role=None),
        id="relative-which-said-hangs-on-the-organisation",
    ),
    pytest.param(
        "Acme Corp. will close its plant in Springfield next year, it said on Tuesday.",
        "said",
        Speaker("Acme Corp.", "organization"),
        id="company-it-said-not-the-place",
    ),
    pytest.param(
        "Brightwell Foods will close its bakery in Dayton next spring, it said on Monday.",
        "said",
        Speaker("Brightwell Foods", "organization"),
        id="company-named-with-a-plural-word-it-said-after-its-statement",
    ),
    pytest.param(
        "The regulator opened an inquiry into Brightwell Foods in May. Brightwell Foods, which owns four "
        "bakeries, said the complaints were false. It also cited a clean inspection in April.",
        "cited",
        Speaker("Brightwell Foods", "organization"),
        id="company-named-with-a-plural-word-it-also-cited",
    ),
    pytest.param(
        "Thousands lost power on Sunday. The regional grid operator, which manages lines in four states, said it "
        "acted to protect the network. It also cited a shortage of spare transformers.",
        "cited",
        Speaker("regional grid operator", "organization", named=False),
        id="which-makes-an-operator-a-body-whose-it-also-cited",
    ),
    pytest.param(
        "Halvorsen Shipping and the port authority have argued for months over the new dock fees. The port "
        "authority said the fees were fair. Halvorsen Shipping disagreed. It said the fees would drive business "
        "to other ports.",
        "said",
        Speaker("Halvorsen Shipping", "organization", written="It"),
        id="two-bodies-it-is-the-one-that-disagreed-not-the-speaker-before",
        marks=pytest.mark.xfail(
            reason="the rules give 'It' Halvorsen Shipping, the subject just before; the learned resolver, asked "
            "first about 'it', prefers the port authority, which spoke two sentences back, by more than the margin",
            strict=True,
        ),
    ),
    # -- "it" and "they" of named things and peoples, which no rule collected as participants: the nearest
    # place or company beside them is the wrong answer, and a thing is never a "he"
    pytest.param(
        "Heathrow Airport lies west of London, near the M25 motorway. It says it handled eighty million "
        "passengers last year.",
        "says",
        Speaker("Heathrow Airport", "organization"),
        id="it-is-the-airport-not-the-city-it-lies-beside",
    ),
    pytest.param(
        "The Geneva Conventions were signed by most nations after the war. They state that prisoners must be fed.",
        "state",
        Speaker("Geneva Conventions", "document"),
        id="they-are-the-treaties-named-as-the-subject",
    ),
    pytest.param(
        "The Saudis met American envoys in Geneva on Monday. They said the talks had gone well.",
        "said",
        Speaker("Saudis", "group"),
        id="they-are-the-people-named-as-the-subject-not-the-city",
    ),
    pytest.param(
        "Microsoft stopped selling Windows Vista in Europe in 2011. It said the decision would save money.",
        "said",
        Speaker("Microsoft", "organization"),
        id="it-is-the-company-that-acts-not-the-product-it-sells",
    ),
    # -- an "it" that is a source refers to someone, even where the learned resolver, trained on text whose "it"s
    # mostly refer to nothing named, scores "no antecedent" best; the nearest place is the wrong answer
    pytest.param(
        "Tuvalu lies halfway between Hawaii and Australia. It says rising seas will swallow it within decades.",
        "says",
        Speaker("Tuvalu"),
        id="it-is-the-island-state-not-the-place-it-lies-near",
    ),
    pytest.param(
        "Kelvara is a small island off the coast of Norway, two hours from Bergen by ferry. It says the new "
        "timetable will empty its school.",
        "says",
        Speaker("Kelvara"),
        id="it-is-the-island-the-small-model-tags-a-person-not-the-country",
    ),
    pytest.param(
        "The Kellan Bridge opened in 1998, and Tom Reyes has run it ever since. He said the bridge carried ten "
        "thousand cars a day.",
        "said",
        Speaker("Tom Reyes", "person"),
        id="he-is-never-a-named-thing",
    ),
    # -- the name, not a description, is the display name
    pytest.param(
        "Karen Wells, a Smith supporter, told reporters she would vote again.",
        "told",
        Speaker("Karen Wells", "person"),
        id="name-not-the-supporter-description",
    ),
    pytest.param(
        "Career\n\nThorne trained as a printer in Hull. Later Thorne said the trade had been good to him.",
        "said",
        Speaker("Thorne", "person"),
        id="a-heading-is-not-part-of-the-name-opening-the-paragraph",
    ),
    pytest.param(
        "Barack Obama spoke in Chicago on Friday. Obama said the economy was recovering.",
        "said",
        Speaker("Barack Obama", "person"),
        id="surname-joins-the-full-name",
    ),
    # -- a surname two people share: the one the article is about, not the one named last (the learned resolver
    # decides one-word names; a full name stays the rules')
    pytest.param(
        "Marta Ruiz runs the largest food bank in the city. Ruiz opened it in 2009 with a small loan, and Ruiz "
        "now feeds four thousand families a week. Diego Ruiz, a cousin, drives the truck on Fridays. Ruiz said "
        "the shelves were emptier than last winter.",
        "said",
        Speaker("Marta Ruiz", "person"),
        id="surname-is-the-one-the-article-is-about-not-the-cousin-named-last",
        marks=pytest.mark.xfail(
            reason="the learned resolver follows 'Ruiz' to the cousin's full name in the sentence right before "
            "(the nearest candidate, a subject); the earlier 'Ruiz' subjects that say whom the article follows "
            "are not speakers, and the rules too take the namesake named last",
            strict=True,
        ),
    ),
    pytest.param(
        "Lena Moreau was born in Lyon in 1950. Moreau trained as a dancer before she turned to acting. Her father, "
        "Paul Moreau, ran a bakery there. Moreau later joined the national theatre. Moreau told reporters in 1990 "
        "that the stage had saved her.",
        "told",
        Speaker("Lena Moreau", "person"),
        id="surname-is-the-actress-the-biography-follows-not-her-father-named-last",
    ),
    pytest.param(
        "Senator Karl Brenner of Ohio has led the farm committee since 2015. Brenner wrote the new subsidy rules, "
        "and Brenner will defend them in the Senate next week. Senator Lisa Brenner of Iowa, no relation, voted "
        "against them in committee. Brenner told reporters that the rules would pass.",
        "told",
        Speaker("Karl Brenner", "person"),
        id="surname-is-the-senator-the-article-follows-not-the-namesake-named-last",
    ),
    pytest.param(
        "Nora Lindqvist and Pavel Okafor started the game studio in a garage in 2012. Both had studied design in "
        "Malmo. Nora said the first game took four years to finish.",
        "said",
        Speaker("Nora Lindqvist", "person"),
        id="a-first-name-is-the-person-named-in-full",
    ),
    pytest.param(
        "Lena Ortiz founded the studio in 2012 with a small loan. Her partner Mark Hale joined a year later. "
        "Lena said the first book sold badly.",
        "said",
        Speaker("Lena Ortiz", "person"),
        id="a-first-name-skips-the-partner-named-last",
    ),
    pytest.param(
        "Nora Lindqvist and Nora Berg both design board games in Malmo. They met at a fair in 2015. Nora said the "
        "first game took four years to finish.",
        "said",
        Speaker("Nora", "person"),
        id="a-first-name-two-people-share-is-joined-to-neither",
    ),
    pytest.param(
        "Scott Walker spoke first at the hearing. Tim Scott answered him an hour later. Scott said the bill would "
        "fail.",
        "said",
        Speaker("Tim Scott", "person"),
        id="a-surname-wins-over-another-persons-first-name",
    ),
    pytest.param(
        "Donald Trump spoke in Ohio on Monday. Trump said the plant would reopen. Ivanka Trump said she would "
        "visit it in May.",
        "said",
        Speaker("Ivanka Trump", "person", written="Ivanka Trump"),
        id="a-full-name-the-rules-keep-apart-stays-apart",
    ),
    pytest.param("Donald Trump said the deal was good.", "said", Speaker("Donald Trump", "person"), id="a-person"),
    pytest.param(
        "Prosecutor Anna Berg said the evidence was clear.",
        "said",
        Speaker("Anna Berg", "person", role="prosecutor"),
        id="a-role-is-not-part-of-the-name",
    ),
    # -- honorifics are neither names nor roles
    pytest.param("Mr. Adams said he disagreed.", "said", Speaker("Adams", "person", role=None), id="mr"),
    pytest.param(
        "Mrs. Jane Porter, the treasurer, said the budget was balanced.",
        "said",
        Speaker("Jane Porter", "person", role="treasurer"),
        id="mrs-and-an-apposition-role",
    ),
    pytest.param(
        "Dr. Emily Stone said the vaccine was safe.", "said", Speaker("Emily Stone", "person", role=None), id="dr"
    ),
    # -- a "he" or "she" inside a quote whose quote names no one: the person the article is about, named before
    # the quote, never the quote's own speaker (who would say "I"), and no one where no one else was named
    pytest.param(
        "Senator Paul Moore left the party on Friday. His aide, Daniel Webb, spoke to reporters later. "
        '"He told me he was tired of the fighting," Webb said.',
        "told",
        Speaker("Paul Moore", "person", written="He"),
        id="quoted-he-is-the-senator-not-the-aide-who-quotes-him",
    ),
    pytest.param(
        'Mayor Ana Ruiz resigned on Monday. "She told me she was exhausted," her deputy, Kevin Marsh, said.',
        "told",
        Speaker("Ana Ruiz", "person", written="She"),
        id="quoted-she-is-the-mayor-named-before-the-quote",
    ),
    pytest.param(
        'Daniel Webb waited outside the hall on Friday. "He told me he was tired of the fighting," Webb said.',
        "told",
        Speaker("He", "person", named=False, written="He"),
        id="quoted-he-is-not-the-quotes-own-speaker",
    ),
    # -- "they" of an organisation, as news writes a company's or a ministry's statement; and a "they" that
    # refers to nothing named (the storm and the coast are not who says it): its own source, unnamed
    pytest.param(
        "Brightwell Foods cut 300 jobs at its Dayton bakery on Tuesday. They said demand for bread had fallen.",
        "said",
        Speaker("Brightwell Foods", "organization", written="They"),
        id="they-is-the-company-that-cut-the-jobs",
    ),
    pytest.param(
        "The Transport Ministry closed the bridge on Tuesday. They said the cables had rusted.",
        "said",
        Speaker("Transport Ministry", "government", written="They"),
        id="they-is-the-ministry-not-the-bridge",
    ),
    pytest.param(
        "The storm hit the coast on Friday. They say the worst is over.",
        "say",
        Speaker("They", named=False, written="They"),
        id="they-refers-to-nothing-named",
    ),
    # -- two sides of a court report, where the small model reads the defence lawyer's bare surname opening a
    # sentence as a common noun ("Reyes objected": NNS); read as his surname all the same (news14)
    pytest.param(
        "Defence lawyer Tom Reyes said his client had paid every bill. Prosecutor Mark Dunn showed the jury a "
        "bank statement. Reyes objected. He said the statement had been altered.",
        "said",
        Speaker("Tom Reyes", "person", written="He"),
        id="court-he-after-a-surname-the-small-model-tags-a-noun",
    ),
    # -- first person inside a quote is the quote's speaker
    pytest.param(
        '"I told them we would strike," Maria Costa said on Monday.',
        "told",
        Speaker("Maria Costa", "person"),
        id="i-inside-a-quote-is-its-speaker",
    ),
    # -- "we" inside a quote is the body its speaker's mention says they speak for, else the speaker
    pytest.param(
        'Jeff Rathke, the State Department spokesperson, said, "We have told the governments of the region that '
        'they must act quickly."',
        "told",
        Speaker("State Department", written="We"),
        id="we-of-a-spokesperson-is-the-department",
    ),
    pytest.param(
        "After the match, Tunisia's coach Karim Ben Ali said: \"We said before the game that they were a very "
        'strong side."',
        "said",
        Speaker("Tunisia", written="We"),
        id="we-of-a-coach-is-the-team",
    ),
    pytest.param(
        '"We told them twice that it would fail," Maria Costa said.',
        "told",
        Speaker("Maria Costa", "person", written="We"),
        id="we-of-a-person-named-alone-is-that-person",
    ),
    pytest.param(
        'Paul Grant, a lawyer for Greenpeace, spoke after the minister. "We have warned the ministry that the dam '
        'is unsafe," said Maria Costa, who chairs the village council.',
        "warned",
        Speaker("Maria Costa", "person", written="We"),
        id="we-is-not-the-body-of-the-other-speaker-named-before",
    ),
    # -- a question-and-answer transcript: the answers' "I" and "we" are the one the introduction says is
    # interviewed (the pair, for "we" of two interviewed together); "we" under a rhetorical question is the author's
    pytest.param(
        "The Daily Ledger interviewed Hannah Ortiz about the new ferry line.\n\nWhen will the ferry start running?"
        "\n\nWe believe the first boats will sail in June. The crews are still training.\n\nWhat will a ticket "
        "cost?\n\nI think it will cost about four dollars.",
        "believe",
        Speaker("Hannah Ortiz", "person", written="We"),
        id="transcript-we-is-the-interviewee",
    ),
    pytest.param(
        "The Daily Ledger interviewed Hannah Ortiz about the new ferry line.\n\nWhen will the ferry start running?"
        "\n\nWe believe the first boats will sail in June. The crews are still training.\n\nWhat will a ticket "
        "cost?\n\nI think it will cost about four dollars.",
        "think",
        Speaker("Hannah Ortiz", "person", written="I"),
        id="transcript-i-is-the-interviewee",
    ),
    pytest.param(
        "Wikinews interviews chess coach Pavel Novak.\n\nQ: How many pupils do you have?\n\nA: About forty. We "
        "think the club will double in size.\n\nQ: Why chess?\n\nA: I believe it teaches patience.",
        "think",
        Speaker("Pavel Novak", "person", written="We"),
        id="q-and-a-labels-and-a-headline",
    ),
    pytest.param(
        "Reporters spoke with Omar Haddad and Lucia Brandt, who run a bakery in Leeds.\n\nHow did you start?\n\n"
        "We decided early that we would bake only bread.\n\nWhat is next?\n\nWe believe a second shop will open "
        "next spring.",
        "believe",
        Speaker("Omar Haddad and Lucia Brandt", "group", written="We"),
        id="transcript-we-of-a-pair-interviewed",
    ),
    pytest.param(
        "Is the city ready for the storm? Nobody knows.\n\nWill the dams hold?\n\nWe believe they will not. The "
        "mayor, Carl Weber, has said nothing.\n\nWho will pay?\n\nWe think taxpayers will.",
        "believe",
        Speaker("We", named=False, written="We"),
        id="we-under-rhetorical-questions-is-the-author",
    ),
    pytest.param(
        "Reporter Jane Doe met the novelist Carl Weber in Vienna. Asked whether he would write a sequel, he said "
        "he had not decided.",
        "said",
        Speaker("Carl Weber", "person"),
        id="asked-whether-he-said-is-the-interviewee",
    ),
    # -- documents and media
    pytest.param(
        "The new regulations state that every car must be inspected each year.",
        "state",
        Speaker(None, "document", named=False),
        id="regulations-state",
    ),
    pytest.param(
        "The release states that the museum will reopen in May.",
        "states",
        Speaker("release", "document", named=False),
        id="the-release-states",
    ),
    pytest.param(
        "The statement said that the museum will reopen in May.",
        "said",
        Speaker("statement", "document", named=False),
        id="the-statement-said",
    ),
    pytest.param(
        "Acme Corp. said in a statement that the museum will reopen in May. The statement said the work was done.",
        "said",
        Speaker("Acme Corp.", "organization", written="The statement"),
        id="a-company-speaks-through-its-statement",
    ),
    pytest.param(
        "The report found that emissions fell by a tenth.",
        "found",
        Speaker("report", "document", named=False),
        id="the-report-found",
    ),
    pytest.param(
        "According to a report by the Harbour Gazette, the ferry line will close in June.",
        "According to",
        Speaker("Harbour Gazette", "media"),
        id="a-report-by-an-outlet-is-the-outlet",
    ),
    pytest.param(
        "A statement from the Transport Ministry said the ferry line will close in June.",
        "said",
        Speaker("Transport Ministry"),
        id="a-statement-from-a-ministry-is-the-ministry",
    ),
    pytest.param(
        "A study published by the Lindqvist Institute found that the ferry line loses money.",
        "found",
        Speaker("Lindqvist Institute", "organization"),
        id="a-study-published-by-an-institute-is-the-institute",
    ),
    pytest.param(
        "The Transport Ministry met the unions on Monday. The ministry's statement said the line will close.",
        "said",
        Speaker("Transport Ministry", written="The ministry's statement"),
        id="the-ministrys-statement-is-the-ministry-named-before",
    ),
    pytest.param(
        "A study published by the Lindqvist Institute found that the line loses money. The study said fares were "
        "too low.",
        "said",
        Speaker("Lindqvist Institute", "organization", written="The study"),
        id="the-study-later-is-still-its-author",
    ),
    pytest.param(
        "Emails combed through by the Harbour Gazette showed that the mayor knew of the plan.",
        "showed",
        Speaker(None, "document", named=False),
        id="emails-read-by-an-outlet-are-not-the-outlets",
    ),
    pytest.param(
        "A report from Norway said the ferry line will close in June.",
        "said",
        Speaker(None, "document", named=False),
        id="a-report-from-a-place-stays-a-document",
    ),
    pytest.param(
        "The police released a video on Friday. In the video, he says he is innocent.",
        "says",
        Speaker("he", "person", named=False),
        id="in-the-video-he-says-is-he-not-the-video",
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_the_source_of_an_attribution(nlp: Language, text: str, cue: str, expected: Speaker) -> None:
    source = source_of(analyze(text, nlp=nlp), cue, expected.written)
    assert source is not None
    if expected.name is not None:
        assert source.name == expected.name
    if expected.kind is not None:
        assert source.kind == expected.kind
    if expected.role != "any":
        assert source.role == expected.role
    if expected.named is not None:
        assert source.named is expected.named


def test_one_source_per_person_in_an_article(nlp: Language) -> None:
    analysis = analyze(
        "Barack Obama spoke in Chicago on Friday. Obama said the economy was recovering. Mr. Obama added that "
        "jobs were coming back.",
        nlp=nlp,
    )
    speaking = {a.source_id for a in analysis.attributions}
    assert len(speaking) == 1
    assert [s.name for s in analysis.sources] == ["Barack Obama"]


def test_a_text_without_attributions_has_no_sources(nlp: Language) -> None:
    analysis = analyze("The weather was warm on Sunday. The park was full of families.", nlp=nlp)
    assert analysis.attributions == []
    assert analysis.sources == []


# "She added" right after "she said" is whoever said it, also where the learned resolver moved the "she said"
# away from the rules' choice (the nearer name): the two are one source.
def test_an_it_is_never_a_person_named_in_full(nlp: Language) -> None:
    """A full name of no gender the first-name lists know is likelier a person than a thing the small model
    tagged a person: an "it" does not take it (a one-word name, or a thing's class before the name, may)."""
    text = (
        "Mirelle Okonjo founded Tallis in Lagos in 2016. Tallis now sells its software in nine countries. It "
        "says it will open an office in Nairobi next year."
    )
    source = source_of(analyze(text, nlp=nlp), "says", "It")
    assert source is not None
    assert source.name != "Mirelle Okonjo" and source.kind != "person"


FOLLOWERS = [
    pytest.param(
        "Maria Costa has run the shelter since 2010. The city's housing chief, Joan Pratt, visited it on Monday. "
        '"We need twice the beds," she said. She added that donations had fallen.',
        "Maria Costa",
        id="she-added-follows-the-she-said-the-resolver-moved",
    ),
    pytest.param(
        "Anna Berg, the prosecutor, spoke first. Defence lawyer Lisa Hart then showed the jury a receipt. "
        '"My client paid every bill," she told the court. She added that the bank had lost the records.',
        "Lisa Hart",
        id="she-added-follows-the-she-told-the-rules-chose",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOLLOWERS)
def test_a_pronoun_after_a_quote_follows_its_speaker(nlp: Language, text: str, expected: str) -> None:
    analysis = analyze(text, nlp=nlp)
    quoted = next(a for a in analysis.attributions if a.type == "direct")
    following = source_of(analysis, "added", None)
    assert following is not None
    assert following.id == quoted.source_id
    assert following.name == expected
