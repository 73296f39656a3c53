"""A reporting verb the small model reads as a noun is repaired to a verb ("The new regulations state that ..."), a
transcript's speaker label in capitals ("FENWICK: ...") to a proper noun, an unknown name read as an adverb to the
subject, and an age epithet read as its verb's modifier ("The 63-year-old added ...") to the verb's subject."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from accordingto.annotations import analysis_from_doc
from accordingto.parse.repairs import (
    repair_age_epithets,
    repair_misread_verbs,
    repair_speaker_labels,
    repair_unknown_subjects,
)
from handspans import parser

# (sentence, the verb spaCy reads as the noun root, its subject): repaired to subject + verb + "that" clause.
MISREAD = [
    ("The new regulations state that drivers must stop at every crossing.", "state", "regulations"),
    ("The guidelines state that doctors must report such cases.", "state", "guidelines"),
    ("The new guidelines state that nurses must wear masks.", "state", "guidelines"),
]

# Left as spaCy parsed them: a verb already, a noun that is no reporting word, a noun phrase with a relative
# clause, a possessive (a noun phrase, "Marchetti's claims that ..."), a root that is a verb.
LEFT_ALONE = [
    "The safety rules state that workers must wear helmets.",
    "Council statement that rents will rise",
    "The new rules that drivers hate.",
    "Our neighbours report that the river rose overnight.",
    "The claims that he made were false.",
    "Marchetti's claims that the vote was rigged",
    "It rained all day.",
]


@pytest.mark.parametrize(("text", "verb", "subject"), MISREAD)
def test_a_reporting_verb_read_as_a_noun_becomes_the_verb(text: str, verb: str, subject: str) -> None:
    doc = parser()(text)
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert (root.text, root.tag_) == (verb, "NN")  # the misreading this repair exists for
    assert repair_misread_verbs(doc) == 1
    assert root.tag_ == "VBP"
    assert [token.text for token in root.children if token.dep_ == "nsubj"] == [subject]
    clause = next(token for token in root.children if token.dep_ == "ccomp")
    assert clause.left_edge.text == "that" and clause.left_edge.dep_ == "mark"


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_other_sentences_are_left_as_parsed(text: str) -> None:
    doc = parser()(text)
    before = [(token.tag_, token.dep_) for token in doc]
    assert repair_misread_verbs(doc) == 0
    assert [(token.tag_, token.dep_) for token in doc] == before


def test_the_repaired_verb_gives_the_document_its_attribution(nlp: Language) -> None:
    analysis = analysis_from_doc(nlp("The new regulations state that drivers must stop at every crossing."))
    assert [(a.source_text, a.cue_text) for a in analysis.attributions] == [("The new regulations", "state")]
    assert analysis.attributions[0].content_text.startswith("that drivers must stop")


# (text, the label): a label in capitals opening a line before a colon, which the small model tags as anything but
# a proper noun (here an adjective, a common noun, a modal), is tagged a proper noun.
LABELS = [
    ("QUARRIE: We have asked for a meeting every week.", "QUARRIE"),
    ("Intro.\n\nMS VALDANE: That is not what happened.", "MS VALDANE"),
    ("Intro.\n\nWENDT: Yes.\n\nOGUNDIPE: No, I disagree.", "WENDT"),
]

# Left as tagged: a label not in capitals, capitals not at a line's start, a headline in capitals with no colon, a
# single capital letter ("Q:"), a label the small model already reads as a name, text with no colon.
NOT_LABELS = [
    "Quarrie: We have asked for a meeting every week.",
    "The figures were clear, said the note from UNISON: pay must rise.",
    "SHOCK AS LIBRARY CLOSES",
    "Q: Will you stand again?",
    "Intro.\n\nACHTERBERG: I never saw the letter.",
    "It rained all day.",
]


def _label_words(doc: Doc, label: str) -> list[Token]:
    start = doc.text.index(label)
    return [token for token in doc if start <= token.idx < start + len(label)]


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_a_speaker_label_in_capitals_becomes_a_proper_noun(text: str, label: str) -> None:
    doc = parser()(text)
    words = _label_words(doc, label)
    assert any(token.tag_ != "NNP" for token in words)  # the misreading this repair exists for
    assert repair_speaker_labels(doc) == 1
    assert [token.tag_ for token in words] == ["NNP"] * len(label.split())


@pytest.mark.parametrize("text", NOT_LABELS)
def test_other_capitals_and_colons_are_left_as_tagged(text: str) -> None:
    doc = parser()(text)
    before = [token.tag_ for token in doc]
    assert repair_speaker_labels(doc) == 0
    assert [token.tag_ for token in doc] == before


def test_a_transcript_lists_each_turn_under_the_person_its_label_names(nlp: Language) -> None:
    text = (
        "The following is a transcript of the debate between Senator Ada Morrow and Governor Tom Pell.\n\n"
        "MORROW: I will cut taxes for families.\n\n"
        "PELL: She has said that before, and she never did.\n\n"
        "MORROW: He is wrong, and he knows it."
    )
    analysis = analysis_from_doc(nlp(text))
    names = {source.id: (source.name, source.kind) for source in analysis.sources}
    turns = [(a.source_text, names.get(a.source_id or "")) for a in analysis.attributions if a.cue_text == ":"]
    assert turns == [
        ("MORROW", ("Ada Morrow", "person")),
        ("PELL", ("Tom Pell", "person")),
        ("MORROW", ("Ada Morrow", "person")),
    ]


@pytest.mark.parametrize("text", ["Chatterly said it disagreed with the fine.", "Tinderly said the firm would appeal."])
def test_an_unknown_name_read_as_an_adverb_becomes_the_subject(text: str) -> None:
    doc = parser()(text)
    assert doc[0].tag_ == "RB"  # the misreading this repair exists for
    assert repair_unknown_subjects(doc) == 1
    assert (doc[0].tag_, doc[0].dep_, doc[0].head.i) == ("NNP", "nsubj", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Frankly said nothing at all about it.",  # an English adverb (WordNet), however odd the sentence
        "Reportedly said the talks had failed.",
        "Chatterly, the minister said, would appeal.",  # not right before the verb
        "The firm said it would appeal.",
    ],
)
def test_english_words_and_subjects_are_left_as_parsed(text: str) -> None:
    doc = parser()(text)
    before = [(token.tag_, token.dep_) for token in doc]
    assert repair_unknown_subjects(doc) == 0
    assert [(token.tag_, token.dep_) for token in doc] == before


@pytest.mark.parametrize(
    "text",
    [
        "The 63-year-old added that she would close the shop.",
        "The 81-year-old recalled that the river flooded in 1968.",
        "Marta Quillan runs a bakery. The 70-year-old insists the rent is unfair.",
    ],
)
def test_an_age_epithet_read_as_its_verbs_modifier_becomes_the_subject(text: str) -> None:
    doc = parser()(text)
    old = next(token for token in doc if token.lower_ == "old")
    verb = doc[old.i + 1]
    assert (old.dep_, old.head.i) == ("amod", verb.i)  # the misreading this repair exists for
    assert repair_age_epithets(doc) == 1
    assert (old.tag_, old.dep_, old.head.i) == ("NN", "nsubj", verb.i)
    determiner = doc[old.i - 5]
    assert (determiner.lower_, determiner.head.i) == ("the", old.i)
    assert [token.text for token in old.subtree][0] == determiner.text


@pytest.mark.parametrize(
    "text",
    [
        "The 63-year-old baker said she would close the shop.",  # the epithet modifies a noun
        "The 41-year-old said he would appeal.",  # already the subject
        "The old mill closed in March.",  # no age
        "Nobody expected the storm.",  # nothing of the kind
    ],
)
def test_other_ages_and_sentences_are_left_as_parsed(text: str) -> None:
    doc = parser()(text)
    before = [(token.tag_, token.dep_, token.head.i) for token in doc]
    assert repair_age_epithets(doc) == 0
    assert [(token.tag_, token.dep_, token.head.i) for token in doc] == before


def test_the_age_epithet_is_the_statements_source_and_the_person_named_before(nlp: Language) -> None:
    # The convention re-mentions a speaker by an epithet (``resolve/speaking.py``): she spoke first.
    text = "Marta Quillan said the bakery was losing money.\n\nThe 63-year-old added that the rent had doubled."
    analysis = analysis_from_doc(nlp(text))
    names = {source.id: source.name for source in analysis.sources}
    assert [(a.source_text, names.get(a.source_id or "")) for a in analysis.attributions] == [
        ("Marta Quillan", "Marta Quillan"),
        ("The 63-year-old", "Marta Quillan"),
    ]
