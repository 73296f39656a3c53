"""The GUM reader on a tiny CoNLL-U document written by hand (fixtures/gum): text rebuilt exactly, offsets of
tokens, sentences, paragraphs and mentions, mention forms, and clear errors on broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordingto.errors import InputError, NoInputFilesError
from accordingto.evaluate.gum import parse_conllu, read_gum, read_gum_file

FIXTURES = Path(__file__).parent / "fixtures" / "gum"
TEXT = (
    "Harbor plan stalls\n\n"
    "Maria Lopez, the former mayor of Coca-Cola Town, said the plan failed. Lopez's aide agreed, and she said so."
)


@pytest.fixture(scope="module")
def document():  # type: ignore[no-untyped-def]
    return read_gum_file(FIXTURES / "GUM_news_harbor.conllu")


def test_text_is_rebuilt_exactly(document) -> None:  # type: ignore[no-untyped-def]
    assert document.text == TEXT
    assert document.name == "GUM_news_harbor"
    assert document.genre == "news"
    assert document.title == "Harbor plan stalls"


def test_every_token_spells_its_offsets(document) -> None:  # type: ignore[no-untyped-def]
    for token in document.tokens:
        assert document.text[token.start : token.end] == token.text
    # The multiword token "Lopez's" is split into its words; the empty node (3.1) has no token.
    words = [t.text for t in document.tokens if t.sentence == 2]
    assert words == ["Lopez", "'s", "aide", "agreed", ",", "and", "she", "said", "so", "."]


def test_sentences_and_paragraphs(document) -> None:  # type: ignore[no-untyped-def]
    spans = [document.text[s.start : s.end] for s in document.sentences]
    assert spans == [
        "Harbor plan stalls",
        "Maria Lopez, the former mayor of Coca-Cola Town, said the plan failed.",
        "Lopez's aide agreed, and she said so.",
    ]
    assert [s.paragraph for s in document.sentences] == [0, 1, 1]
    assert [document.text[start:end] for start, end in document.paragraphs] == TEXT.split("\n\n")
    assert document.sentences[1].speaker == "Narrator"


def test_tokens_keep_the_gold_tree(document) -> None:  # type: ignore[no-untyped-def]
    said = next(t for t in document.tokens if t.text == "said")
    assert document.tokens[said.head].text == "Maria"
    assert said.deprel == "dep"
    assert document.tokens[document.tokens[0].head].text == "plan"
    stalls = document.tokens[2]
    assert (stalls.text, stalls.head, stalls.deprel) == ("stalls", -1, "root")


def test_mentions(document) -> None:  # type: ignore[no-untyped-def]
    found = [(document.text[m.start : m.end], m.entity, m.form, m.link, m.identity) for m in document.mentions]
    assert found == [
        ("Harbor plan", "1", "description", "coref", None),
        ("Harbor", "2", "description", "sgl", None),
        ("Maria Lopez", "3", "name", "coref", "Maria_Lopez"),
        ("the former mayor of Coca-Cola Town", "3", "description", "appos", "Maria_Lopez"),
        ("Coca-Cola Town", "4", "name", "coref", "Coca-Cola_Town,_Ohio"),
        ("the plan", "1", "description", "coref", None),
        ("Lopez's aide", "5", "description", "sgl", None),  # in text order, the outer mention first
        ("Lopez", "3", "name", "coref", "Maria_Lopez"),
        ("she", "3", "pronoun", "ana", "Maria_Lopez"),
    ]
    heads = {document.text[m.start : m.end]: document.tokens[m.head].text for m in document.mentions}
    assert heads["the former mayor of Coca-Cola Town"] == "mayor"
    assert heads["Coca-Cola Town"] == "Town"
    assert document.mentions[0].entity_type == "abstract"
    assert {m.entity for m in document.mentions if m.entity_type == "person"} == {"3", "5"}


def test_mentions_by_entity(document) -> None:  # type: ignore[no-untyped-def]
    lopez = document.entity_mentions()["3"]
    assert [document.text[m.start : m.end] for m in lopez][-2:] == ["Lopez", "she"]


def test_read_gum_reads_a_split(tmp_path: Path) -> None:
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "GUM_news_harbor.conllu").write_text(
        (FIXTURES / "GUM_news_harbor.conllu").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert [d.name for d in read_gum(tmp_path, "dev")] == ["GUM_news_harbor"]
    with pytest.raises(NoInputFilesError):
        list(read_gum(tmp_path, "train"))


SENTENCE = (
    "# text = {text}\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t{misc}\n2\trained\train\tVERB\tVBD\t_\t0\troot\t_\t_\n"
)


@pytest.mark.parametrize(
    ("text", "misc", "message"),
    [
        ("It rained", "Entity=(1-abstract-new-sssss-cf1-1-sgl", "never closed"),
        ("It rained", "Entity=1)", "never opened"),
        ("It poured", "_", "the # text line says"),
        ("It rained", "Entity=(1-abstract)", "malformed entity bracket"),
    ],
    ids=["unclosed", "unopened", "text-mismatch", "short-bracket"],
)
def test_broken_documents_are_refused(text: str, misc: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_conllu(SENTENCE.format(text=text, misc=misc).split("\n"), where="broken.conllu")
