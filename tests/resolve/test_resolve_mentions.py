"""The gender, kind and number a mention is read with: the first-name lists decide only a name of one sex, and
only for a person; organisations have no sex; only the words up to the head say who the mention is; a company's
name is one body, whatever its last word's number or the small model's tag."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from accordingto.resolve.mentions import analyze_mention, read_source
from handspans import mention_of, parser, tokens_of

GENDER_CASES = [
    # (text, the mention's words, its gender)
    ("Isabel Ruiz said the studio would open in May.", "Isabel Ruiz", "fem"),
    ("Carl Foreman said the script was finished.", "Carl Foreman", "masc"),
    ("Mrs. Morgan Lee said the school would close.", "Mrs. Morgan Lee", "fem"),
    # "Jean" is borne by men too (a French "Jean" is a man): the lists do not decide.
    ("Jean Gabin said the film was done.", "Jean Gabin", None),
    # Two first names of different sexes in one name: neither decides.
    ("Marie-Paul Durand said the vote was close.", "Marie-Paul Durand", None),
    # An organisation named after a woman is not a woman.
    ("The Mother Teresa Foundation said it would help.", "The Mother Teresa Foundation", None),
    # A gendered word after the head says who the mention is about, not who it is.
    ("The head of the mothers' union said no.", "The head of the mothers' union", None),
    ("The mother of the defendant said nothing.", "The mother", "fem"),
    ("The report said nothing new.", "The report", None),
]


@pytest.mark.parametrize(("text", "words", "gender"), GENDER_CASES)
def test_the_gender_a_mention_is_read_with(text: str, words: str, gender: str | None) -> None:
    assert mention_of(text, words).gender == gender


KIND_AND_NUMBER_CASES = [
    # (text, the mention's words, its kind, its number)
    # A company's name ending in a plural word is one body, which "it" may stand for.
    ("Brightwell Foods will close its bakery, it said.", "Brightwell Foods", "organization", "sing"),
    # A name ending in a company's line of business is not a person's, whatever the small model tags it.
    ("Halvorsen Shipping disagreed with the port.", "Halvorsen Shipping", "organization", "sing"),
    # Two bodies coordinated are two parties, not one body a later "the authority" may stand for.
    ("Brightwell Foods and the port authority argued.", "Brightwell Foods and the port authority", "group", "plur"),
    # Two roles of one person in apposition are one person (news13); another role holder, a body or a plural
    # joined to the apposition are more participants.
    (
        "Sir Peter Vane, the MP for Ashdown and a former health minister, said the ward must stay open.",
        "Sir Peter Vane, the MP for Ashdown and a former health minister",
        "person",
        "sing",
    ),
    (
        "Dr Elena Ruiz, the report's author and a historian at Carlton College, said the archive was incomplete.",
        "Dr Elena Ruiz, the report's author and a historian at Carlton College",
        "person",
        "sing",
    ),
    (
        "Ann Lee, the mayor, and the police chief said the road would close.",
        "Ann Lee, the mayor, and the police chief",
        "group",
        "plur",
    ),
    (
        "Mayor Ann Lee, the council and two unions said so.",
        "Mayor Ann Lee, the council and two unions",
        "group",
        "plur",
    ),
    # "which" says an operator is not a person; "who" leaves one a person.
    ("The grid operator, which runs the lines, said it acted.", "The grid operator", "organization", "sing"),
    ("The tour operator, who runs the boats, said he was sorry.", "The tour operator", "person", "sing"),
    # A title or role only people hold, before the name or as its description, makes a person of a name the small
    # model may tag an organisation's (first names the US lists lack); a noun a company may be called ("rival")
    # does not.
    (
        "Regional water secretary Rodrigo Almagro said the cuts would stay.",
        "Regional water secretary Rodrigo Almagro",
        "person",
        "sing",
    ),
    ("The town's MP, Gwilym Pryce, said the bridge would close.", "The town's MP, Gwilym Pryce", "person", "sing"),
    ("Rival Brennock Foods declined to comment.", "Rival Brennock Foods", "organization", "sing"),
    # An apposition inside a participle describes a word of the participle, not the source: the journal does
    # not name the study.
    (
        "Prices fell, according to a study published on Monday in the journal Coastal Letters.",
        "a study published on Monday in the journal Coastal Letters",
        "document",
        "sing",
    ),
    # A body's head written before the name or with the name as its apposition says it is a body.
    (
        "Campaign group Keep Ashford Green said it would appeal.",
        "Campaign group Keep Ashford Green",
        "organization",
        "sing",
    ),
    (
        "The water regulator, Aquaval, said it would fine the firm.",
        "The water regulator, Aquaval",
        "government",
        "sing",
    ),
    # A name of two words the small model tags a person's, with a "which" clause on it, is a body's; a lone
    # surname keeps its tag, since a "which" the parser hangs on it is likelier the whole clause's (news12).
    (
        "The estate is run by Whitlow Residential, which manages 4,000 flats.",
        "Whitlow Residential",
        "organization",
        "sing",
    ),
    ("Donors have abandoned Santorum, which leaves him short of money.", "Santorum", "person", "sing"),
    # A title only people hold makes a person of a name the small model tags a place's (news12).
    (
        "Its secretary, Lerato Mbeki, a shop worker, said the rent was too high.",
        "Its secretary, Lerato Mbeki, a shop worker,",
        "person",
        "sing",
    ),
    # A word that only says what a company deals in is no title (news14: "The coach company" made a person), and
    # a utility's name ends in what it supplies.
    (
        "The coach company, Redline Travel, said it was shocked.",
        "The coach company, Redline Travel,",
        "organization",
        "sing",
    ),
    ("Rivers are dirtier, a report says. Thorne Water disputed the figures.", "Thorne Water", "organization", "sing"),
    # A college, a school, a hospital or a university is no person, whatever the small model tags it (news14).
    (
        "The bus was taking pupils to a concert.\n\nAshdown College's principal, Dr Leila Morton, said the college "
        "was in shock.",
        "Ashdown College",
        "organization",
        "sing",
    ),
    # A lone surname the small model tagged a people (NORP) is an undecided name, not a people (news14).
    (
        "Minister Rhian Tallis visited the site.\n\n17:10 Tallis said the repairs would take a month.",
        "Tallis said",
        "unknown",
        "sing",
    ),
    ("Russians voted on Sunday.", "Russians", "group", "plur"),
    # A coordination of a noun's modifiers is no list of people: one commissioner (news14: a group).
    (
        "The police and crime commissioner, Alison Reade, said patrols would rise.",
        "The police and crime commissioner, Alison Reade,",
        "person",
        "sing",
    ),
    ("The mayor and the sheriff said the road was closed.", "The mayor and the sheriff", "group", "plur"),
    # The common noun a name is the apposition of says what it is, also where the name alone is the mention.
    pytest.param(
        "Budget airline Flyvane cancelled 40 flights on Friday.",
        "Flyvane",
        "organization",
        "sing",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "the noun a name alone is the apposition of (Budget airline Skyreach) is not read: reading it cost "
                "GUM train CV pronouns 57.2 -> 55.2 through the ranker's features (news12)"
            ),
        ),
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "number"), KIND_AND_NUMBER_CASES)
def test_the_kind_and_number_a_mention_is_read_with(text: str, words: str, kind: str, number: str) -> None:
    mention = mention_of(text, words)
    assert (mention.kind, mention.number) == (kind, number)


NAME_CASES = [
    # (text, the mention's words, the proper name read in it, or None when it names no one)
    ("Prosecutor Anna Berg said the case was closed.", "Prosecutor Anna Berg", "Anna Berg"),
    # A capitalised title alone is a role, not the person's name.
    ("The Mayor of Eastbury said the bridge would reopen.", "The Mayor of Eastbury", None),
    ("The retired General said the troops were tired.", "The retired General", None),
    # A title word may be a surname: after an honorific, or alone, it stays a name.
    ("Mr. King said the deal was fair.", "Mr. King", "King"),
    # Without its title, "the King of Norland" would be named "of Norland".
    ("The King of Norland told reporters the border would stay closed.", "The King of Norland", None),
    # A name with "of" inside it keeps it.
    ("The Bank of Eastbury said rates would rise.", "The Bank of Eastbury", "Bank of Eastbury"),
    # A title the parser made the head is no name when the apposition holds one.
    ("The town's MP, Gwilym Pryce, said the bridge would close.", "The town's MP, Gwilym Pryce", "Gwilym Pryce"),
    ("The local MP, Siân Rowlands, said the school would stay open.", "The local MP, Siân Rowlands", "Siân Rowlands"),
    # So is an office in capitals ending in a title (news14: "Environment Secretary" was the name).
    (
        "The Environment Secretary, Rachel Lowry, said the funds were ready.",
        "The Environment Secretary, Rachel Lowry,",
        "Rachel Lowry",
    ),
    # A name the parser made a second subject of the verb, after a description and a comma, is its apposition.
    (
        "Its chair, Marion Tully, a retired nurse, said the vote was unfair.",
        "Its chair, Marion Tully, a retired nurse,",
        "Marion Tully",
    ),
    (
        "Its treasurer, Colin Baird, a former banker, said the books were sound.",
        "Its treasurer, Colin Baird, a former banker,",
        "Colin Baird",
    ),
    # Police ranks and council titles are titles (news12).
    ("Detective Inspector Morag Lennox said the road was closed.", "Detective Inspector Morag Lennox", "Morag Lennox"),
    ("Councilwoman Teresa Vance said the budget was late.", "Councilwoman Teresa Vance", "Teresa Vance"),
    # A body's name the small model cut at its "and" keeps the words before it; people coordinated stay two.
    (
        "The Ashby and District Rowing Club said the race was on.",
        "The Ashby and District Rowing Club",
        "Ashby and District Rowing Club",
    ),
    ("Mr. Hollis and Ms. Varga said they would appeal.", "Ms. Varga", "Varga"),
    # An untagged plural name with a body's apposition is one body's name (news12).
    (
        "Velmont Systems, the cloud storage company, said it would cut jobs.",
        "Velmont Systems, the cloud storage company,",
        "Velmont Systems",
    ),
    # A hyphenated role the parser split into three heads is read from its last word (news13: "her co").
    (
        "Her co-author, Dr Maya Lindqvist, said the sample was small.",
        "Her co-author, Dr Maya Lindqvist,",
        "Maya Lindqvist",
    ),
    ("His co-founder, Oliver Brandt, said the firm was profitable.", "His co-founder, Oliver Brandt,", "Oliver Brandt"),
    ("The ex-minister, Paul Derry, said the deal was bad.", "The ex-minister, Paul Derry,", "Paul Derry"),
]


@pytest.mark.parametrize(("text", "words", "name"), NAME_CASES)
def test_the_name_a_mention_is_read_with(text: str, words: str, name: str | None) -> None:
    mention = mention_of(text, words)
    assert mention.name(parser()(text)) == name


SOURCE_NAME_CASES = [
    # (text, a source span, the proper name it is read with)
    # Court reports open with the side a barrister speaks for, a participle set off by a comma, which the small
    # model may take for a name (news13: the source "Prosecuting").
    (
        "Dean Walsh, 41, had denied stealing the van.\n\nProsecuting, Helen Marsh told the jury that Walsh had been "
        "seen at the depot.",
        "Prosecuting, Helen Marsh",
        "Helen Marsh",
    ),
    (
        "The trial continues.\n\nProsecuting, Annette Gale told the court the van was stolen.",
        "Prosecuting, Annette Gale",
        "Annette Gale",
    ),
    ("Defending, Rajiv Mehta said his client was of good character.", "Defending, Rajiv Mehta", "Rajiv Mehta"),
    # A live blog's clock time and a wire story's dateline head the paragraph, not the source's noun phrase (news14:
    # the sources "09:40" and "SAN JOSE").
    (
        "The river rose.\n\n09:40 Ashford's mayor, Gwen Ellery, said 300 homes had been evacuated.",
        "09:40 Ashford's mayor, Gwen Ellery,",
        "Gwen Ellery",
    ),
    (
        "OSLO — Vantor, the Norwegian battery maker, said it would close its plant.",
        "OSLO — Vantor, the Norwegian battery maker,",
        "Vantor",
    ),
    ("NAIROBI - Senator Ruth Adair said the bill would pass.", "NAIROBI - Senator Ruth Adair", "Ruth Adair"),
    # Capitals and a dash inside a paragraph are no dateline.
    (
        "The talks ended in Rome on Friday, and OXFAM — the charity — said they had failed.",
        "OXFAM — the charity —",
        "OXFAM",
    ),
    # A capitalised name that is no dateline stays: "UN" opens the name, with no dash after it.
    ("UN envoy Lars Berg said the talks had failed.", "UN envoy Lars Berg", "Lars Berg"),
    # A surname opening a sentence that the small model reads as a common noun or adjective is the surname of the
    # person named in full before (news14: "Prowse, 41, said" was no one).
    (
        "The court heard from Lorna Pike on Monday. Pike, 52, said the rules were never explained.",
        "Pike, 52,",
        "Pike",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), SOURCE_NAME_CASES)
def test_the_name_a_source_span_is_read_with(text: str, words: str, name: str) -> None:
    doc = parser()(text)
    mention = read_source(doc, *tokens_of(doc, words))
    assert mention is not None
    assert mention.name(doc) == name


def _parsed(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], spaces: list[bool] | None = None
) -> Doc:
    """A doc with the parse given by hand: the misparses these rules exist for, which the small model makes only in
    some contexts."""
    return Doc(parser().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_a_modifier_hung_outside_the_span_is_not_its_head() -> None:
    # "…, think tank claims" where the parser made "think" a compound of the verb (news16: the source "think").
    doc = _parsed(
        ["Rents", "will", "rise", ",", "think", "tank", "claims"],
        [2, 2, 6, 6, 6, 6, 6],
        ["nsubj", "aux", "ccomp", "punct", "compound", "nsubj", "ROOT"],
        ["NOUN", "AUX", "VERB", "PUNCT", "NOUN", "NOUN", "VERB"],
    )
    mention = analyze_mention(doc, 4, 6)
    assert mention is not None
    assert doc[mention.head].text == "tank"


def test_a_lower_case_word_tagged_a_proper_noun_is_no_name() -> None:
    # "secretary-general": the small model may tag "general" PROPN; a proper name is capitalised.
    doc = _parsed(
        ["The", "secretary", "-", "general", "said", "so"],
        [3, 3, 3, 4, 4, 4],
        ["det", "compound", "punct", "nsubj", "ROOT", "advmod"],
        ["DET", "NOUN", "PUNCT", "PROPN", "VERB", "ADV"],
        [True, False, False, True, True, False],
    )
    mention = analyze_mention(doc, 0, 4)
    assert mention is not None
    assert (mention.form, mention.name(doc), doc[mention.start : mention.end].text) == (
        "description",
        None,
        "The secretary-general",
    )


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("Joan Calloway of Brixton Securities said the warning was too cautious.", "Joan Calloway of", "Joan Calloway"),
        ("Tom Reddy and Mina Sato said the plan was sound.", "Tom Reddy and", "Tom Reddy"),
        ("Ravi Menon of the Harbour Trust said the pier was unsafe.", "Ravi Menon of the", "Ravi Menon"),
    ],
)
def test_a_name_the_small_model_tagged_with_the_next_function_word_ends_before_it(
    text: str, tagged: str, name: str
) -> None:
    # The small model sometimes tags a person's name with the preposition, conjunction or article after it ("Ruth
    # Calloway of", news20); the tag is set by hand here, as the model gave it there.
    doc = parser()(text)
    start, end = tokens_of(doc, tagged)
    doc.ents = [Span(doc, start, end, label="PERSON")]
    mention = analyze_mention(doc, start, end)
    assert mention is not None and mention.name(doc) == name
