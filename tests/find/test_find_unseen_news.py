"""Extraction classes news20 found on ten news articles nothing had been tuned on, each in sentences written for
this test (not the articles' wording): what is not a statement, and sources that name no speaker.

- a thing added is no statement ("add salt", "added jobs"), though "added that ..." and a quotation are;
- the subject of a passive verb of addressing is the hearer, never the speaker ("Drivers were urged to ...");
- a Q/A letter or a numbered heading before a colon names no one ("A:", "Step two:");
- a contributor's note closing an opinion piece is no statement ("Jane Roe is a ... and writes a column on ...").

Each table has guards: the same words where they do report a statement, or name a speaker, must stay so."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.find.cues import adds_a_thing
from accordingto.find.sources import leave_asker_unnamed, leave_hearer_unnamed, leave_label_unnamed
from accordingto.read.furniture import is_tagline
from tagged_groups import attributions, group_of

# "Add" with a noun object and no clause or quotation puts a thing somewhere.
THINGS_ADDED = [
    "Stir the sauce for two minutes, then add a pinch of salt before serving.",
    "The airport wants to add a third runway by the end of the decade.",
    "The factory added two hundred jobs last year.",
    "Taste the soup before you add pepper, because the stock is already strong.",
]

# (text, a word of the content): "add" with a clause or a quotation reports speech.
ADDED_SPEECH = [
    ("The harbour master added that the ferry would sail at noon.", "ferry"),
    ("“We will reopen the pier in June,” the mayor added.", "pier"),
    ("The coach said the team was tired, adding that two players were injured.", "players"),
]


# (text, the cue, the content it was given, whether it is an act): the rule on the group the tagger made in the
# recipe ("add" with "salt" and the clause after it as content).
ADD_GROUPS = [
    (
        "Miso is salty, the cook warns, so tasting before you add salt spares you a ruined pot.",
        "add",
        "salt spares",
        True,
    ),
    ("The depot will add forty buses to the fleet next spring.", "add", "forty buses", True),
    ("The engineer went on to add that the bridge was safe.", "add", "that the bridge", False),
    ("“The bridge is safe,” she went on to add.", "add", "“The bridge is safe,”", False),
]


@pytest.mark.parametrize(("text", "cue", "content", "act"), ADD_GROUPS)
def test_an_add_group_is_an_act_only_with_a_thing(nlp: Language, text: str, cue: str, content: str, act: bool) -> None:
    group, doc = group_of(nlp, text, cue, content, text.split()[0])
    assert adds_a_thing(doc, group) is act


@pytest.mark.parametrize("text", THINGS_ADDED)
def test_a_thing_added_is_no_statement(nlp: Language, text: str) -> None:
    found = [a for a in attributions(nlp, text) if a.cue_text.startswith("add")]
    assert found == [], [(a.cue_text, a.content_text) for a in found]


@pytest.mark.parametrize(("text", "content_word"), ADDED_SPEECH)
def test_added_words_are_a_statement(nlp: Language, text: str, content_word: str) -> None:
    found = [a for a in attributions(nlp, text) if "add" in a.cue_text and content_word in a.content_text]
    assert found, [(a.cue_text, a.content_text) for a in attributions(nlp, text)]


# (text, the cue's first word): the passive subject is who was told, urged or warned; no "by" names the speaker.
HEARERS = [
    ("Road users were urged to avoid the coast road until the storm had passed.", "were"),
    ("Parents were told that the school would stay closed on Monday.", "were"),
    ("Customers were asked to return the heaters to the shop where they bought them.", "were"),
    ("We are told that the new stadium will pay for itself within ten years.", "are"),
    ("Staff were warned not to speak to journalists about the merger.", "were"),
]

# (text, the cue's first word, a word of the source): a "by" agent, or an active verb, names who spoke.
SPEAKERS = [
    ("Parents were told by the head teacher that the school would stay closed.", "were", "teacher"),
    ("The head teacher told parents that the school would stay closed on Monday.", "told", "teacher"),
    ("The coastguard urged walkers to stay away from the cliffs.", "urged", "coastguard"),
]


# (text, the cue, the source grouping gave it, whether it stays).
HEARER_GROUPS = [
    ("Motorists were urged to avoid the B4112, which floods near the old mill.", "were urged", "Motorists", False),
    ("We are told that the stadium will pay for itself.", "are told", "We", False),
    ("Patients were warned by the trust that the wing would close.", "were warned", "Patients", True),
    ("The trust warned patients that the wing would close.", "warned", "The trust", True),
    ("The results were announced that evening.", "were announced", "The results", True),
    # A word of the hearer's own relative clause is the hearer too (news22: the source "who").
    ("Anyone who saw the fire is asked to contact the station.", "is asked", "who", False),
    ("Drivers who use the bridge were told it would shut in May.", "were told", "Drivers who use the bridge", False),
    ("Residents who complained were told by the mayor that it would shut.", "were told", "Residents", True),
    # The subject of an agentless passive of saying or believing is what is said or expected of, not who says or
    # expects it (news23); a "by" agent, or the active verb, names who does.
    ("The inspector is expected to publish her findings in March.", "is expected", "The inspector", False),
    ("The new bridge is said to have cost twice its budget.", "is said", "The new bridge", False),
    ("The singer is known to dislike long interviews.", "is known", "The singer", False),
    ("The festival is believed to have lost money for a third year.", "is believed", "The festival", False),
    ("Two of the councillors are thought to oppose the plan.", "are thought", "Two of the councillors", False),
    ("The inspector is expected by ministers to publish in March.", "is expected", "The inspector", True),
    ("The inspector expects the findings to be published in March.", "expects", "The inspector", True),
    ("The union said the strike would go ahead.", "said", "The union", True),
]


@pytest.mark.parametrize(("text", "cue", "source", "stays"), HEARER_GROUPS)
def test_a_passive_hearer_is_left_out(nlp: Language, text: str, cue: str, source: str, stays: bool) -> None:
    group, doc = group_of(nlp, text, cue, text.split()[-1].rstrip("."), source)
    leave_hearer_unnamed(doc, group)
    assert bool(group.sources) is stays


@pytest.mark.parametrize(("text", "cue_start"), HEARERS)
def test_the_hearer_of_a_passive_is_no_source(nlp: Language, text: str, cue_start: str) -> None:
    found = [a for a in attributions(nlp, text) if a.cue_text.split()[0] == cue_start]
    assert found, [(a.cue_text, a.content_text) for a in attributions(nlp, text)]
    assert [a.source_text for a in found] == [None] * len(found)


@pytest.mark.parametrize(("text", "cue_start", "source_word"), SPEAKERS)
def test_the_speaker_of_an_address_stays(nlp: Language, text: str, cue_start: str, source_word: str) -> None:
    found = [a for a in attributions(nlp, text) if a.cue_text.split()[0] == cue_start]
    assert [source_word in (a.source_text or "") for a in found] == [True], [(a.source_text, a.cue_text) for a in found]


# (text, the tag the small model may give "Asked", whether the source stays): in the strike article the small model
# tagged a sentence-opening "Asked" past tense (after a sentence ending in a name), and the question went to the one
# asked. A subjectless verb heading an adverbial clause is the participle whatever its tag; a past tense with its
# own subject keeps it.
ASKERS = [
    ('Asked whether the pool would reopen, she said: "Not this summer."', "Asked", "VBD", False),
    ('Asked whether the pool would reopen, she said: "Not this summer."', "Asked", "VBN", False),
    ("She asked whether the pool would reopen before the summer.", "asked", "VBD", True),
]


@pytest.mark.parametrize(("text", "cue", "tag", "stays"), ASKERS)
def test_a_subjectless_asked_is_the_participle(nlp: Language, text: str, cue: str, tag: str, stays: bool) -> None:
    group, doc = group_of(nlp, text, cue, "whether", "she" if cue == "Asked" else "She")
    doc[group.cue.start].tag_ = tag
    leave_asker_unnamed(doc, group)
    assert bool(group.sources) is stays


# Labels before a colon that name no one: an answer letter and numbered headings of a list of tips.
LABELS = [
    'Can the bread be frozen?\n\nA: "Yes, but slice it first and toast it straight from the freezer."',
    'Step two: "Let the dough rest overnight, or it will tear when you roll it."',
    'Tip 3: "Never wash a cast-iron pan with soap, whatever the box says."',
]


# (text, the source the tagger gave the colon, whether it stays).
LABEL_GROUPS = [
    ('A: "Yes, but slice it first."', "A", False),
    ('Step two: "Let the dough rest overnight."', "two", False),
    ('Rule four: "Never crowd the pan."', "Rule four", False),
    ('Maria Lund: "Never crowd the pan."', "Maria Lund", True),
    ('Tom Becker, 52: "Never crowd the pan."', "Tom Becker", True),
]


@pytest.mark.parametrize(("text", "source", "stays"), LABEL_GROUPS)
def test_a_label_loses_its_source(nlp: Language, text: str, source: str, stays: bool) -> None:
    group, doc = group_of(nlp, text, ":", text[text.index('"') :], source)
    leave_label_unnamed(doc, group)
    assert bool(group.sources) is stays


@pytest.mark.parametrize("text", LABELS)
def test_a_label_before_a_colon_names_no_one(nlp: Language, text: str) -> None:
    named = [a.source_text for a in attributions(nlp, text) if a.source_text]
    assert named == [], named


def test_a_speaker_before_a_colon_stays(nlp: Language) -> None:
    """The guard: a name before a colon and a quotation is the speaker ("Maria Lund: ...")."""
    text = 'Maria Lund, a baker in Tromsby: "Let the dough rest overnight, or it will tear."'
    assert ["Maria Lund" in (a.source_text or "") for a in attributions(nlp, text)] == [True]


# A contributor's note closing an opinion piece, and lines like it that are not one.
TAGLINES = [
    "Jane Roe is a retired nurse and writes a weekly column on health.",
    "Tomas Varga is the author of three books on rural transport.",
    "Dr Aisha Brandt is a lecturer in planning at Kellby University.",
]
NOT_TAGLINES = [
    "The mayor said the bridge would reopen in May.",
    "Brandt is worried that the plan will fail, she said.",
    "It is a plan that nobody wanted.",
    "This is the third time the bridge has closed, the council said.",
]


@pytest.mark.parametrize("line", TAGLINES)
def test_a_contributors_note_is_a_tagline(line: str) -> None:
    assert is_tagline(line)


@pytest.mark.parametrize("line", NOT_TAGLINES)
def test_prose_is_no_tagline(line: str) -> None:
    assert not is_tagline(line)


COLUMN = (
    "The new bypass will not fix the town's traffic. The council says it will cut journeys by ten minutes, "
    "but its own survey found that most drivers are local.\n\n"
    "Jane Roe is a retired engineer and writes a weekly column on transport."
)


def test_a_contributors_note_closing_an_article_is_no_statement(nlp: Language) -> None:
    found = attributions(nlp, COLUMN)
    assert [a.cue_text for a in found if "writes" in a.cue_text] == []
    assert [a.source_text for a in found if "cut journeys" in a.content_text] == ["The council"]


# The note is the first sentence of the last paragraph of an article of several paragraphs; a text of one
# paragraph that opens so, or a later sentence of the last paragraph, is prose.
PROSE_OPENING_LIKE_A_NOTE = [
    "Harrow Vale is a small town on the coast of Devon. It says the new bypass will cut it in two.",
    "The ferry will stop in May.\n\nHarrow Vale is a small town. Its council says the ferry is a lifeline.",
]


@pytest.mark.parametrize("text", PROSE_OPENING_LIKE_A_NOTE)
def test_prose_opening_like_a_note_is_read(nlp: Language, text: str) -> None:
    assert [a.cue_text for a in attributions(nlp, text) if "says" in a.cue_text] == ["says"]


def test_the_same_words_inside_an_article_are_read(nlp: Language) -> None:
    """The guard: only the last paragraph is read as a contributor's note."""
    text = (
        "Jane Roe is a retired engineer and said the bypass would not fix the town's traffic.\n\nThe council disagreed."
    )
    assert [a.cue_text for a in attributions(nlp, text) if "bypass" in a.content_text] == ["said"]


# Texts whose only candidate statements stand in furniture: a helpline note, a press release's safe-harbour notice,
# a prompt to send stories (news22). Written for this test.
FURNITURE_TEXTS = [
    "The clinic will stay open until March.\n\nIf you have been affected by this story, the Harbour Trust says it "
    "offers free advice and support: call 0800 555 0144.",
    "Orlin Foods opened its third bakery on Monday.\n\nThis release contains forward-looking statements, including "
    "statements regarding the opening of further bakeries, which management believes are reasonable.",
    "The ferry will run again from Friday.\n\nDo you have a story? Readers say our newsdesk answers within a day.",
]


@pytest.mark.parametrize("text", FURNITURE_TEXTS)
def test_furniture_in_plain_text_holds_no_statement(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_a_statement_opening_like_a_helpline_note_is_read(nlp: Language) -> None:
    text = "If you are affected by the closure, the council said, you may apply for a place at another school."
    assert [a.cue_text for a in attributions(nlp, text)] == ["said"]
