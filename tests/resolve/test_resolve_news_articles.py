"""Who said it, on short news articles written for this project (``tests/fixtures/news/``: invented people,
places and bodies, in the styles of a court report, a pay dispute, an earnings story, a wire story, an interview,
a sports report, a science release, a council story and a utility story; news11; and ten more news12 wrote
before changing any code: a hospital, a tech company, a police report, a mayoral debate, an airline strike, a
quarry protest, a school board, a foreign-affairs wire, a tenants' dispute and an obituary; and ten more news13 wrote
before changing any code: an interview, a crown court trial, a cup final, a merger, a health study, a Commons
debate, a wildfire, a singer's profile, a planning dispute and a foreign correspondent's strike story; and ten
more news14 wrote before changing any code: a live blog, a tabloid story, a markets report, a phone launch, a
recall, a charity's report, a coach crash, a fisheries summit, a police appeal and a minister's Q&A; and ten more
news16 wrote before changing any code: a war report, a leak story, a supreme court ruling, a rate decision, a
manager's press conference, a drug trial, an aviation incident, a think tank's report, an election night and a
diplomatic call's two readouts; and ten more news17 wrote before changing any code: a press briefing, a fact-check,
a sentencing hearing, a data breach, a radio interview, ceasefire talks, a scientific dispute, an awards night, a
competition fine and a product recall; and ten more news18 wrote before changing any code: a custody hearing, a
council meeting, hurricane updates, an AGM, a newsletter, an investigation on anonymous sources, a doping ruling, a
Canadian byelection, a Senate hearing and an op-ed quoting a report; and ten more news19 wrote before changing any
code: a royal household, a South African coalition row, a transfer saga, a hospital ransomware attack, the pontiff's
appeal, a festival jury row, a tennis press conference, an environmental lawsuit, a space probe and a singer's
post; and ten more news21 wrote before changing any code: a Security Council debate, a Senate hearing, a New Zealand
budget row, a celebrity divorce, a band's split, a military briefing, a ferry disaster's bereaved families, two
chief executives' feud, a surgeon and her patient, and a streamer's ban).

Not a dump of the output: each case names one statement by the start of its content and the source it must be
listed under — the errors the articles showed before news11 (a description sent to the wrong one of two people
sharing a role, a person's name read as an organisation's and its "he" left unresolved, a body read as a person
and its "it" sent to the other side, a description listed instead of the name beside it) and the statements
around them that were already right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
_OUTPUTS: dict[str, dict[str, Any]] = {}


def source_of(nlp: Language, article: str, content_start: str) -> tuple[str | None, str | None]:
    """The name and kind of the source of the attribution whose content starts with ``content_start``."""
    if article not in _OUTPUTS:
        _OUTPUTS[article] = accordingto.analyze((NEWS / article).read_text(), nlp=nlp).to_dict()
    source = source_of_statement(_OUTPUTS[article], content_start)
    return source.get("name"), source.get("kind")


CASES = [
    # (article, the content's first words, the source's name, its kind)
    # Two councillors: the quote after the opposition councillor's paragraph is his.
    ("council-housing.txt", "Anyone who drives down Mill Lane", "Peter Ruddock", "person"),
    ("council-housing.txt", "the highways report had been written", "Janet Albright", "person"),
    # "Its chair, Deborah Finch, a retired teacher, said": the name, not "its chair".
    ("council-housing.txt", "residents had been treated", "Deborah Finch", "person"),
    ("council-housing.txt", "it was considering a legal challenge", "Save Westcombe", "organization"),
    # The lead author, not the co-author named since.
    ("science-release.txt", "the team had chosen sites", "Siobhan Kearney", "person"),
    ("science-release.txt", "some cores held carbon", "Henrik Dahl", "person"),
    # A secretary whose name the small model tags an organisation's, and his "he".
    ("wire-dam-protest.txt", "the province had spent", "Esteban Quiroga", "person"),
    ("wire-dam-protest.txt", "the league would keep the highway closed", "Lucía Ferrante", "person"),
    # The regulator's "it" is the regulator, not the company its statement names.
    ("utility-outage.txt", "that Westgrid would have to explain", "Ofpower", "government"),
    ("utility-outage.txt", "the company had tripled", "Kieran Walsh", "person"),
    # Two sides of a trial and of a pay dispute.
    ("court-fraud-trial.txt", "that his client had closed the business", "Thomas Okafor", "person"),
    ("court-fraud-trial.txt", "he had repaid most of the money", "Desmond Achterberg", "person"),
    ("court-fraud-trial.txt", "that the trustee", "Thomas Okafor", "person"),
    ("pay-dispute-nurses.txt", "he was disappointed", "Martin Haldane", "person"),
    ("pay-dispute-nurses.txt", "the 5 per cent figure", "Fiona Gallagher", "person"),
    ("sports-derby.txt", "the penalty had been the hardest kick", "Kwame Asante", "person"),
    ("sports-derby.txt", "his side had deserved the win", "Stefan Novak", "person"),
    ("interview-novelist.txt", "only the weather was true", "Ilse Marwood", "person"),
    ("earnings-retailer.txt", "that capital spending would be reduced", "Julian Marsh", "person"),
    # news12's ten articles, written before any fix. A company whose name the small model left untagged, and its
    # "The company" (sent to "AI" before), a union not confused with the company named in its relative clause.
    ("tech-layoffs.txt", "the cuts would mostly fall", "Nimbara Systems", "organization"),
    ("tech-layoffs.txt", "it would file a complaint", "Communications Workers of America", "organization"),
    # A secretary tagged a place, and a landlord tagged a person (its "The company" went to the tenants).
    ("housing-mould-rent.txt", "We have sent photos", "Joanne Mbeki", "person"),
    ("housing-mould-rent.txt", "that it took every report", "Greystone Residential", "organization"),
    ("housing-mould-rent.txt", "whether it will appeal", "Greystone Residential", "organization"),
    # A voter's "she" after a quotation of two sentences, not the candidate; an office that is the city's.
    ("election-debate.txt", "They both talk about", "Lisa Tran", "person"),
    ("election-debate.txt", "early voting would open", "city's election office", "organization"),
    ("election-debate.txt", "Harlan had voted for every budget", "Victor Okonjo", "person"),
    # An airline tagged a person: its "it" was left unresolved until who25: "The airline" joins Skyreach (the role
    # "Budget airline" gave it) and, a body's description, makes the name the tagger read as a person's a body's.
    ("airline-walkout.txt", "passengers on cancelled flights", "Skyreach", "organization"),
    ("airline-walkout.txt", "We are not asking for more money", "Owen Prydderch", "person"),
    # Titles and a body's name cut at its "and".
    ("police-stabbing-arrest.txt", "the attack appeared", "Fraser McAllister", "person"),
    ("hospital-waiting-times.txt", "it expected waiting times", "Kelbury and District Hospitals Trust", "organization"),
    ("hospital-waiting-times.txt", "We have heard from people", "Gerald Pym", "person"),
    ("quarry-protest.txt", "the figure", "Castleton Aggregates", "organization"),
    ("quarry-protest.txt", "This valley is home to otters", "Rowan Achebe", "person"),
    ("wire-border-talks.txt", "The talks will be held", "one of the officials", "person"),
    ("obituary-architect.txt", "the council had given her", "Ingrid Solberg", "person"),
    ("school-board-phones.txt", "We are passing a rule", "Luis Echeverría", "person"),
    # news13's ten articles, written before any fix. A defendant's evidence after the sentence that makes him its
    # subject, not his barrister who spoke before; a partner and a widow newly named, not the speaker before them.
    ("court-assault-trial.txt", "he had worked on doors", "Craig Tennant", "person"),
    ("court-assault-trial.txt", "I was scared", "Craig Tennant", "person"),
    ("court-assault-trial.txt", "the footage showed something else", "Nikhil Chaudhry", "person"),
    ("court-assault-trial.txt", "his client was relieved", "Nikhil Chaudhry", "person"),
    ("interview-chef.txt", "the star would not change their prices", "Aileen Dorsey", "person"),
    ("interview-chef.txt", "Nostalgia is cooking the past", "Tomasz Wielgus", "person"),
    ("foreign-port-strike.txt", "she had not received an apology", "Katerina Doukas", "person"),
    ("foreign-port-strike.txt", "her sales had halved", "Eleni Vrettou", "person"),
    # A captain's surname and a minister's read as places; an MP and an author with two roles read as groups.
    ("sports-cup-final.txt", "the dressing room was silent", "Danny Okoro", "person"),
    ("sports-cup-final.txt", "We will come back stronger", "Danny Okoro", "person"),
    ("sports-cup-final.txt", "Everybody in the ground saw it", "Pete Haskins", "person"),
    ("parliament-rail-fares.txt", "that punctuality had improved", "Helen Carrow", "person"),
    ("parliament-rail-fares.txt", "the minister to cap off-peak fares", "Anthony Webb", "person"),
    ("parliament-rail-fares.txt", "a season ticket from Swindon", "Graham Pugh", "person"),
    ("study-teen-sleep.txt", "the gain held through the second year", "Farah Naseem", "person"),
    ("study-teen-sleep.txt", "they also wanted to measure", "researchers", "group"),
    # Junk names: a barrister's side ("Prosecuting, …") and a hyphenated role ("Her co-author, …") read as names.
    ("court-assault-trial.txt", "the jury that Tennant had punched", "Annabel Fairweather", "person"),
    ("study-teen-sleep.txt", "the findings should be read with care", "Gareth Mullins", "person"),
    # A spokesperson's singular "they", not the group.
    ("planning-care-home.txt", "We need care beds", "Sam Okonedo", "person"),
    ("planning-care-home.txt", "that the land is common land", "residents", "group"),
    # Already right before: a regulator and a company, a spokesperson's role.
    ("merger-telecoms.txt", "it expected to publish", "Competition and Markets Authority", "organization"),
    ("merger-telecoms.txt", "that the UK market was", "Velocom", "organization"),
    ("planning-care-home.txt", "the committee would consider", "council spokesman", "person"),
    # news14, written before any change. Two-speaker exchanges: the pronoun after the other side is the speaker
    # before them, not a person of that gender named or quoted earlier.
    ("liveblog-flood-warnings.txt", "that the warning came late", "Dennis Haworth", "person"),
    ("liveblog-flood-warnings.txt", "nobody in her street had sandbags", "Priya Lal", "person"),
    ("transport-coach-crash.txt", "she was sure", "Agnieszka Nowak", "person"),
    # A live blog's clock time and a surname tagged a people ("17:10 Tallis told reporters"), and her "she".
    ("liveblog-flood-warnings.txt", "the town owed its volunteers", "Gwen Tallis", "person"),
    ("liveblog-flood-warnings.txt", "there would be time for questions later", "Gwen Tallis", "person"),
    # An office in capitals with its holder named beside it.
    ("liveblog-flood-warnings.txt", "an order releasing emergency funds", "Rachel Moffat", "person"),
    # A surname the small model read as an adjective ("Prowse, 41, said:"), and news13's read as a common noun.
    ("tabloid-soap-star.txt", "Kayla is the most professional person", "Jimmy Prowse", "person"),
    ("sports-cup-final.txt", "it had been", "Gemma Rowntree", "person"),
    # Companies: "The coach company, Skyline Travel" and its "It"; a utility's "It".
    ("transport-coach-crash.txt", "that the vehicle had passed", "Skyline Travel", "organization"),
    ("ngo-river-report.txt", "it was investing", "Marden Water", "organization"),
    # "The local police and crime commissioner, Denise Okoye" is one person, and "The commissioner" is she.
    ("crime-appeal-burglary.txt", "that rural crime was a priority", "Denise Okoye", "person"),
    ("crime-appeal-burglary.txt", "she had asked the chief constable", "Denise Okoye", "person"),
    # "The doctor said" after "Dr Whitcombe", and his "He".
    ("health-scare-supplement.txt", "the company had been warned by trading standards", "Alan Whitcombe", "person"),
    ("health-scare-supplement.txt", "the agency would consider whether", "Alan Whitcombe", "person"),
    # "according to a report by the conservation charity Clearwater Trust", and the report's "found" and "It said".
    ("ngo-river-report.txt", "Raw sewage was released", "Clearwater Trust", "organization"),
    ("ngo-river-report.txt", "that three of the basin's ten rivers", "Clearwater Trust", "organization"),
    # A transcript's turns labelled "Pryce:" and "Drummond:", and the "I" inside an answer.
    ("qa-minister-housing.txt", "Because we have changed the rules", "Joanna Pryce", "person"),
    ("qa-minister-housing.txt", "Will you force builders to build?", "Alex Drummond", "person"),
    ("qa-minister-housing.txt", "him his residents' children", "Joanna Pryce", "person"),
    # Already right before: "Kettle disagreed. She said", "Mrs. Colby added", a reply after the other side.
    ("markets-bank-shares.txt", "the market had been", "Fiona Kettle", "person"),
    ("markets-bank-shares.txt", "Halden's problems were", "Aditya Rao", "person"),
    ("tabloid-soap-star.txt", "that her son had been", "Maureen Colby", "person"),
    ("summit-fisheries-talks.txt", "both sides had been tired", "Ingrid Holm", "person"),
    ("tech-phone-launch.txt", "repair could win over buyers", "Martin Feld", "person"),
    # news16, written before any change. A definite description giving an age is the named person quoted last.
    ("war-front-claims.txt", "The bridge is ours", "Dmitar Halek", "person"),
    ("centralbank-rate-decision.txt", "We are not declaring victory", "Henrik Aalberg", "person"),
    ("football-manager-presser.txt", "every player had a price", "Liam Brennan", "person"),
    ("thinktank-report.txt", "she had expected the figures", "Farah Quadri", "person"),
    ("thinktank-report.txt", "I went in as a sceptic", "Farah Quadri", "person"),
    ("election-night.txt", "We did not come this far", "Lauren Dorsey", "person"),
    ("diplomatic-readout.txt", 'it was "normal"', "Tomas Reiter", "person"),
    # Bodies: a drug maker tagged a person, and its "The company" and "Calder"; names holding a possessor.
    ("drug-trial-results.txt", "patients who received the drug", "Calder Therapeutics", "organization"),
    ("drug-trial-results.txt", "they would be presented", "Calder Therapeutics", "organization"),
    ("drug-trial-results.txt", "that it hoped regulators", "Alzheimer's Alliance", "organization"),
    ("leak-cabinet-memo.txt", "its members had raised the alarm", "Prison Governors' Forum", "organization"),
    # An anonymous official's singular "they"; a surname read as a noun after a name tagged a body.
    ("leak-cabinet-memo.txt", "Everybody in the building knew", "senior official", "person"),
    ("centralbank-rate-decision.txt", "that her view was based", "Sigrid Lunde", "person"),
    # Documents: a court's opinion, and a side's version spoken for by its ministry.
    ("court-supreme-ruling.txt", "A contract cannot do", "opinion", "document"),
    ("diplomatic-readout.txt", "the two sides had agreed", "ministry", "government"),
    # Already right before: two women in turn, the other side's reply, "Greaves agreed. He said".
    ("war-front-claims.txt", "she had not slept for two days", "Vesna Orlic", "person"),
    ("aviation-incident.txt", "she thought it was turbulence", "Carla Ribeiro", "person"),
    ("election-night.txt", "she regretted the tone", "Ruth Kaplan", "person"),
    ("football-manager-presser.txt", "the two had since", "Liam Brennan", "person"),
    ("drug-trial-results.txt", "the history of Alzheimer's drugs", "Alan Greaves", "person"),
    # Left after news16 (docs/experiments/news-rounds.md, "Unseen news, a fifth time").
    # "The dissent, she wrote," after "Whitcombe answered the dissent": the one woman of the sentence before (she24;
    # it had gone to the dissenting justice quoted before, news16).
    ("court-supreme-ruling.txt", "The dissent", "Eleanor Whitcombe", "person"),
    # "Marcus Bell", tagged an organisation and named only in apposition to a person noun, is a person (stop 30).
    ("election-night.txt", "he had called both candidates", "Marcus Bell", "person"),
    pytest.param(
        "war-front-claims.txt",
        "that no soldiers had been taken prisoner",
        "Lorin Vasko",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the rank 'Major' stays in the name: as a role noun it made GUM train's 'Psychology major … "
            "Amneh Jafari' lose her 'She' (news16)",
        ),
    ),
    # news17, written before any change. An opening adverbial is no source; a description giving a person's
    # background is the named person quoted last; a title on the first name is a role; a company called a chain,
    # and one tagged a facility, join their "the retailer" and "the manufacturer".
    ("court-sentencing-impact.txt", 'they were "relieved', "Paul Nguyen", "person"),
    ("competition-fine-appeal.txt", "the authority had examined", "Anneliese Vogt", "person"),
    ("radio-interview-minister.txt", "her party would fund", "Naomi Farrant", "person"),
    ("awards-night-actress.txt", "he had written the script", "Leo Marchetti", "person"),
    ("awards-night-actress.txt", "I spent three months", "Delia Ransome", "person"),
    ("briefing-press-secretary.txt", "I don't have any personnel", "Marisol Ortega", "person"),
    ("breach-apology-retailer.txt", "she had since received a letter", "Gemma Holt", "person"),
    ("recall-pressure-cookers.txt", "that customers who had bought", "BazaarMart", "organization"),
    ("recall-pressure-cookers.txt", "its cookers had passed all tests", "Sunrise Kitchenware", "organization"),
    # Already right before: two women of one field in turn, an age after a name, a spokesman's "He", a judge.
    ("science-dispute-coral.txt", "some of the criticism was", "Karen Lindqvist", "person"),
    ("science-dispute-coral.txt", "she had raised her concerns", "Samantha Oduya", "person"),
    ("science-dispute-coral.txt", "the link should have been", "Samantha Oduya", "person"),
    ("ceasefire-mediators-talks.txt", 'the Front was "using the talks', "Pavel Radu", "person"),
    ("ceasefire-mediators-talks.txt", "the committee had agreed in principle", "Youssef Amrani", "person"),
    ("factcheck-crime-claim.txt", "robberies were", "Elliot Varga", "person"),
    ("court-sentencing-impact.txt", "she accepted that his remorse", "Margaret Halloran", "person"),
    # Left after news17 (docs/sources.md, "Unseen news, a sixth time").
    pytest.param(
        "awards-night-actress.txt",
        "that she had almost turned the part down",
        "Delia Ransome",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Backstage, the actress told' after Ransome's quotes: a bare occupation is no epithet the rules "
            "read (a definite 'the judge' in a court report is someone else), so 'the actress' is a source of its "
            "own (news17)",
        ),
    ),
    pytest.param(
        "breach-apology-retailer.txt",
        "I nearly clicked it",
        "Priya Mistry",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Priya Mistry, a teacher from Leicester', tagged an organisation, opens with no first name the "
            "US lists give, so her 'she' goes to the woman quoted before (news17)",
        ),
    ),
    pytest.param(
        "awards-night-actress.txt",
        "Ivy carried me",
        "Rhea Calloway",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Rhea Calloway', tagged an organisation where she is first named, is no antecedent for the "
            "'she' after 'Calloway, 61, a stage veteran who …' (news17)",
        ),
    ),
    pytest.param(
        "competition-fine-appeal.txt",
        "shoppers preferred its results",
        "Quorra",
        "organization",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Quorra', untagged where it speaks, is read as a person, so 'the company said' goes to the "
            "regulator, the other side (news17)",
        ),
    ),
    pytest.param(
        "court-sentencing-impact.txt",
        "I want him to know",
        "Marco Castellano",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'the statement said' of the father's statement read by the prosecutor goes to the mother, who "
            "spoke through a statement earlier (news17)",
        ),
    ),
    # news18, written before any change. Council titles are no names; an epithet introduced for a named person is
    # that person ("The actress, 44, who starred …"; the lede's "The chairwoman of …"); one spokesman for a company
    # with an ampersand; the office-holder's institution; a noun before a name; an anonymous source's participle
    # and its other epithet; the writer's co-host.
    ("council-meeting-minutes.txt", "the meeting was", "Seán Mulvihill", "person"),
    ("council-meeting-minutes.txt", "We are being asked", "Aoife Brennan", "person"),
    ("council-meeting-minutes.txt", "farmers along the route", "Bríd Costigan", "person"),
    ("court-custody-actress.txt", 'she was "exhausted', "Marisa Delacroix", "person"),
    ("court-custody-actress.txt", "All I ever wanted", "Marisa Delacroix", "person"),
    ("court-custody-actress.txt", "Whitfield had offered", "source close to the producer", "person"),
    ("agm-shareholders-chairwoman.txt", "that she intended to stand", "Philippa Rourke", "person"),
    ("agm-shareholders-chairwoman.txt", "the company would publish", "spokesman for Harwood & Lyle", "person"),
    ("agm-shareholders-chairwoman.txt", "investors to oppose", "Clearvote", "organization"),
    ("canada-byelection-party.txt", "Lavoie on her win", "Prime Minister's Office", "government"),
    ("canada-byelection-party.txt", "they would target three more", "Liberals", "group"),
    (
        "investigation-anonymous-sources.txt",
        "Halvorsen's compliance team",
        "person briefed on the company's internal review",
        "person",
    ),
    ("newsletter-first-person.txt", "that we are all too gloomy", "Ruth Abara", "person"),
    # Already right before: three women in turn, a federation as "It", an agency's statement, a hearing's turns.
    ("doping-ruling-athlete.txt", "Jada has never taken", "Catherine Velez", "person"),
    ("doping-ruling-athlete.txt", 'she was "heartbroken', "Jada Okonkwo", "person"),
    ("doping-ruling-athlete.txt", "Strict liability exists", "Brigitte Lemaire", "person"),
    ("doping-ruling-athlete.txt", "that it would not comment", "Track GB", "organization"),
    ("hurricane-live-update.txt", 'it was ready to "move', "Federal Emergency Management Agency", "government"),
    ("hurricane-live-update.txt", "crews from eight states", "Gulfline Electric", "organization"),
    ("hearing-tech-regulation.txt", "I have seen a summary", "Tobias Aldana", "person"),
    ("hearing-tech-regulation.txt", "that was not what he had been told", "Marcus Peel", "person"),
    ("oped-report-documents.txt", "the authority had hired", "Conor Fitzpatrick", "person"),
    # Left after news18 (docs/experiments/news-rounds.md, "Unseen news, a seventh time").
    pytest.param(
        "court-custody-actress.txt",
        "that any further posts",
        "Evelyn Marsh",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'The judge set the next hearing … She warned': a description that is no source is no antecedent "
            "the rules see, so 'She' goes to the actress quoted before (news18)",
        ),
    ),
    pytest.param(
        "hearing-tech-regulation.txt",
        "it would publish a safety report",
        "Lumora",
        "organization",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Lumora', a one-word company the small model tags a person, is no organisation a bare 'The "
            "company said' looks for, so the company is a source apart (news12's class)",
        ),
    ),
    pytest.param(
        "aviation-incident.txt",
        "eleven people, including four cabin crew",
        "Aerlinea",
        "organization",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a one-word airline tagged a person: 'The airline said' does not join it (news12's class)",
        ),
    ),
    # news19's ten articles, written before any fix. A headline's bare description is the body the story names.
    ("royal-palace-spokesperson.txt", "King cancels Caldmoor visit", "Buckingham Palace", "organization"),
    ("hospital-ransomware-attack.txt", "patient data stolen", "Tamsford Vale Hospitals NHS Trust", "organization"),
    (
        "filmfestival-jury-row.txt",
        "jury after director pulls film",
        "Lisvane International Film Festival",
        "organization",
    ),
    # A title and a clergy's style are no part of a name, and the archbishop's "he" is his, not the minister's.
    ("southafrica-coalition-row.txt", "that he had acted on the advice", "Sizwe Mthembu", "person"),
    ("vatican-pontiff-statement.txt", "We are praying", "Anselm Vrabec", "person"),
    ("royal-palace-spokesperson.txt", "cancellations of this kind", "Imogen Strachey", "person"),
    # A name tagged short of its surname keeps its first name.
    ("space-mission-update.txt", "We have our spacecraft back", "Elodie Marchand", "person"),
    # Epithets for the person or company just quoted.
    ("filmfestival-jury-row.txt", "A festival is a promise", "Tomasz Wierzbicki", "person"),
    ("tennis-postmatch-presser.txt", 'she had "maybe played them', "Okonjo", "person"),
    ("tennis-postmatch-presser.txt", "she had not watched the match", "Jana Procházková", "person"),
    (
        "environment-lawsuit-plaintiffs.txt",
        'it had "operated within its permits',
        "Verdanex Chemical Corp.",
        "organization",
    ),
    ("celebrity-instagram-post.txt", "Vance would not be commenting", "representative for the singer", "person"),
    # A dateline's bracketed agency and a place named after its possessor are not the pope.
    ("vatican-pontiff-statement.txt", "an immediate ceasefire", "Clement XV", "person"),
    ("vatican-pontiff-statement.txt", 'he had been "following with anguish"', "Clement XV", "person"),
    # Already right before news19: two women in turn, the players' coach, an agency and its partner, a judge.
    ("tennis-postmatch-presser.txt", "that she would take a few days off", "Okonjo", "person"),
    ("royal-palace-spokesperson.txt", 'the diary was "under constant review"', "palace spokesperson", "person"),
    ("space-mission-update.txt", "a patch of about 300 lines", "Tobias Engström", "person"),
    ("tennis-postmatch-presser.txt", "the pair had watched videos", "Ingrid Sæther", "person"),
    ("space-mission-update.txt", "its instrument had returned", "US space agency partner", "organization"),
    ("environment-lawsuit-plaintiffs.txt", "the company could not rely", "Marguerite Lafleur", "person"),
    ("southafrica-coalition-row.txt", "she would challenge her removal", "Nomvula Dlamini-Kekana", "person"),
    ("hospital-ransomware-attack.txt", 'it had "no interest in harming', "criminal gang", "unknown"),
    # news19's leftovers taken as classes by names19: an adjective only opens no name; a label written before a
    # name and repeated with "the" is that person; a noun for one office's holder and a headline's lone title are
    # the title's bearer; a number after "the" opens a name; the one a jury is "led by" is its president.
    ("tennis-postmatch-presser.txt", "her flight home had been booked", "Freya Halvard", "person"),
    ("tennis-postmatch-presser.txt", "a problem with her right shoulder", "Okonjo", "person"),
    ("tennis-postmatch-presser.txt", 'that her opponent had "played', "Okonjo", "person"),
    ("vatican-pontiff-statement.txt", "the fighting had become", "Clement XV", "person"),
    ("vatican-pontiff-statement.txt", "Vatican as venue for talks", "Clement XV", "person"),
    ("football-transfer-saga.txt", "it was worried about the club", "1886 Trust", "organization"),
    ("filmfestival-jury-row.txt", "she had never spoken to Wierzbicki", "Hélène Marchetti", "person"),
    # news20's TV transcript (stop 30): a speaker's label in capitals is the person the introduction names in full,
    # whatever the small model tagged it (an adverb: no source; an organisation: the wrong kind), and so is the "I"
    # of the answer.
    ("transcript-tv-interview.txt", "My door is open", "Rowena Achebe", "person"),
    ("transcript-tv-interview.txt", "people understand that", "Rowena Achebe", "person"),
    ("transcript-tv-interview.txt", "The doctors' union says", "Martin Leckford", "person"),
    # Left after news19 (docs/experiments/news-rounds.md, "Unseen news, an eighth time").
    pytest.param(
        "royal-palace-spokesperson.txt",
        "it would open the wing itself",
        "association",
        "organization",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'The former miners' association … was more forthright' said nothing, so 'The association said' "
            "finds no participant and goes to the organisation named last, Buckingham Palace (news18's class)",
        ),
    ),
    pytest.param(
        "filmfestival-jury-row.txt",
        "it had not been consulted",
        "Halden Films",
        "organization",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'The company said' after 'Halden Films said' goes to Vireo Pictures, which the text called "
            "'her company' before: a body with the head wins over the company just quoted",
        ),
    ),
    # news21's articles (docs/experiments/news-rounds.md, "Unseen news, a ninth time"): fixed by news21 ...
    ("senate-hearing-ceo.txt", 'Brightwell had "spent more', "Wade Hollister", "person"),
    ("nz-politics-budget.txt", "I'd like to see the Opposition Leader", "Marama Hollings", "person"),
    ("nz-politics-budget.txt", "the Government's record spoke", "Marama Hollings", "person"),
    ("nz-politics-budget.txt", "that the risks to the forecast", "Treasury", "government"),
    ("celebrity-divorce-filings.txt", 'she had "always been generous"', "friend of the actress", "person"),
    ("band-breakup-label.txt", 'there had been "no big fight"', "Tamsin Okoro", "person"),
    ("military-briefing-daily.txt", "ammunition was running short", "Veskarian officer", "person"),
    ("medical-breakthrough-surgeon.txt", "the findings gave", "Spinal Futures", "organization"),
    ("esports-streamer-ban.txt", "that Vexx was", "Nordlys", "person"),
    ("esports-streamer-ban.txt", "she had waited three days", 'Kiki "kikibites" Osei', "person"),
    # ... and right before it.
    ("un-security-council-debate.txt", "the investigation into the camp attack", "Arkady Lebedinsky", "person"),
    ("un-security-council-debate.txt", "Washington would put the draft", "Marian Kelloway", "person"),
    ("un-security-council-debate.txt", "aid convoys had been blocked", "Margarethe Olufsen", "person"),
    ("senate-hearing-ceo.txt", "parents, not Washington", "Ray Donnelly", "person"),
    ("nz-politics-budget.txt", "the savings would come from", "Tevita Faleolo", "person"),
    ("celebrity-divorce-filings.txt", "his client was", "Martin Okafor", "person"),
    ("military-briefing-daily.txt", "it had destroyed eleven tanks", "Tarvonian defence ministry", "government"),
    ("ceo-feud-billionaires.txt", "Orbitrex would launch", "Karl Voss", "person"),
    ("ceo-feud-billionaires.txt", "he had never met the Orbitrex founder", "Paolo Marchetti", "person"),
    # Left after news21.
    *[
        pytest.param(
            article,
            content_start,
            name,
            kind,
            marks=pytest.mark.xfail(
                strict=True,
                reason="a body the text names by a noun the lexicon lacks ('The band's label, Redbrick Records', "
                "tagged a person, 'the band', 'The operator', 'The site'): listing 'band', 'label', 'operator' and "
                "'site' was measured and not kept, GUM train CV descriptions 27.2 -> 27.1, names 85.2 -> 85.1 (news21)",
            ),
        )
        for article, content_start, name, kind in [
            ("band-breakup-label.txt", "it would release a live album", "Redbrick Records", "organization"),
            ("band-breakup-label.txt", 'they had "come to the end', "Hollow Pines", "organization"),
            ("esports-streamer-ban.txt", "his ClipTube apology", "StreamPulse", "media"),
        ]
    ],
    pytest.param(
        "un-security-council-debate.txt",
        "that the council had",
        "Siobhán Mac Giolla",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Ireland's ambassador, Siobhán Mac Giolla, backed her French colleague. She told': the learned "
            "resolver sends the 'She' to the French envoy quoted twice before (the salient speaker) over the "
            "subject just before, who said nothing (news21)",
        ),
    ),
    pytest.param(
        "senate-hearing-ceo.txt",
        "the company's own filings",
        "Priya Ramaswamy",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the second senator's 'She said' after the witness's answer goes to the chair, named most, not to "
            "the senator who asked the question (news21)",
        ),
    ),
    # 'Anne-Marie Docherty, who lost her husband', tagged an organisation (no listed first name), took no 'She',
    # which went to the mother quoted before (news21, xfail); the learned kind of a name reads her a person (kinds24).
    ("bereaved-families-ferry.txt", "they had written to the First Minister", "Anne-Marie Docherty", "person"),
    # 'Westerly Ferries said … The operator said it had offered counselling' (news21, xfail): a body's noun joins the
    # one body named and acting in its paragraph (split36).
    ("bereaved-families-ferry.txt", "it had offered counselling", "Westerly Ferries", "organization"),
    # 'The operation was led by … Miss Priya Venkataraman, who … She said': the surgeon, named in an agent phrase,
    # lost the 'She' to the patient quoted in the paragraph before (news21, xfail); right since stop 35's merges
    # together (split28, names28 and extract28; neither split28 nor names28 alone).
    ("medical-breakthrough-surgeon.txt", 'the results were "beyond', "Priya Venkataraman", "person"),
    pytest.param(
        "hospital-waiting-times.txt",
        "Patients at Kelbury General Hospital waited",
        "regional health authority",
        "government",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'figures published … by the regional health authority': since news21 reads 'figures' as a "
            "document, its author is the authority, which the learned resolver joins to the hospital named in the "
            "same sentence (organisations and government bodies are one kind to its vote); before, the figures "
            "were an anonymous document of no kind",
        ),
    ),
    pytest.param(
        "ceo-feud-billionaires.txt",
        'Voss had "promised Kestrel',
        "Paolo Marchetti",
        "person",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'The Helion boss' is not read as the chief executive of Helion Dynamics: 'boss' is no title the "
            "lexicon maps to one (news21)",
        ),
    ),
]


@pytest.mark.parametrize(("article", "content_start", "name", "kind"), CASES)
def test_the_source_of_a_statement_in_a_news_article(
    nlp: Language, article: str, content_start: str, name: str, kind: str
) -> None:
    assert source_of(nlp, article, content_start) == (name, kind)


def test_a_phone_call_in_a_news_article_is_no_statement(nlp: Language) -> None:
    """ "The local MP, Rhodri Evans, called the company's chief executive on Saturday": an action."""
    source_of(nlp, "utility-outage.txt", "he had been told")  # fills the cache
    output = _OUTPUTS["utility-outage.txt"]
    assert not [a for a in output["attributions"] if a["cue_text"] == "called"]


def test_a_related_headline_in_a_news_article_is_no_statement(nlp: Language) -> None:
    """ "Related: Senate panel delays vote on energy nominee", under the briefing: furniture (news17)."""
    source_of(nlp, "briefing-press-secretary.txt", "I don't have any personnel")  # fills the cache
    output = _OUTPUTS["briefing-press-secretary.txt"]
    assert not [a for a in output["attributions"] if "nominee" in a["content_text"]]


ACTS = [
    # (article, the act's cue, its content's first words, its class): news14's acts that are no statements.
    ("liveblog-flood-warnings.txt", "declared", "a state of emergency", "decision"),
    ("markets-bank-shares.txt", "agreed", "to extend output cuts", "decision"),
    ("summit-fisheries-talks.txt", "observed", "the talks", "perception"),
]


@pytest.mark.parametrize(("article", "cue", "content_start", "cue_class"), ACTS)
def test_an_act_in_a_news_article_is_marked_as_one(
    nlp: Language, article: str, cue: str, content_start: str, cue_class: str
) -> None:
    source_of(nlp, article, content_start)  # fills the cache
    found = [a for a in _OUTPUTS[article]["attributions"] if a["content_text"].startswith(content_start)]
    assert [(a["cue_text"], a["cue_class"]) for a in found] == [(cue, cue_class)]
