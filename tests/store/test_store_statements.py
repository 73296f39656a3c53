"""Statement identity (store/statements.py): the key of a statement, and when two keys are the same statement."""

from __future__ import annotations

import pytest

from accordingto.store.statements import (
    BANDS,
    MIN_WORDS,
    Mentions,
    StatementKey,
    buckets,
    same_source,
    same_statement,
    statement_key,
)

CLOSE = "The city will close three schools next year to save money on heating."


@pytest.mark.parametrize(
    ("first", "second", "sources_agree"),
    [
        (CLOSE, CLOSE, False),
        # Punctuation, case and quotation marks.
        (CLOSE, "“the City will close three schools next year to save money on heating,”", False),
        # An ellipsis where words were cut.
        (CLOSE, "The city will close three schools … to save money on heating", False),
        # Trimmed ends.
        (CLOSE, "close three schools next year to save money", False),
        # Reported speech shifts person and tense: function words do not count.
        ("We are closing three schools next year to save money.", "they were closing three schools next year", False),
        # A number written as a word or as digits.
        ("the city will close three schools next year", "the city will close 3 schools next year", False),
        # One word changed in a long quote.
        (
            "The city will close three schools next year to save money on heating and lighting",
            "The city will close three schools next year to save cash on heating and lighting",
            False,
        ),
        # Paraphrases count when the source is the same: reordered, a word swapped.
        (CLOSE, "Next year the city will shut three schools to save cash on heating.", True),
        # The same words in another order, whoever they are credited to.
        (CLOSE, "Next year, to save money on heating, the city will close three schools.", False),
        (
            "The city will shut three schools next year to save money.",
            "Next year the city will close three schools to save cash",
            True,
        ),
        # A piece of a longer quote, from the same source.
        (
            "Trump is temperamentally unfit to be commander in chief",
            "He has insulted veterans for decades, proving he is temperamentally unfit to be commander in chief",
            True,
        ),
        # A trimmed version that lost a name agrees with the whole.
        ("Ann Lee will close three schools in Dover next year", "will close three schools in Dover next year", False),
    ],
    ids=[
        "exact",
        "punctuation",
        "ellipsis",
        "trimmed",
        "tense and person",
        "number word",
        "one word changed",
        "paraphrased, same source",
        "reordered, any source",
        "swapped and reordered, same source",
        "piece, same source",
        "trim lost a name",
    ],
)
def test_the_same_statement(first: str, second: str, sources_agree: bool) -> None:
    assert same_statement(statement_key(first), statement_key(second), sources_agree=sources_agree)
    assert same_statement(statement_key(second), statement_key(first), sources_agree=sources_agree)


@pytest.mark.parametrize(
    ("first", "second", "sources_agree"),
    [
        # The same template about another number or another name.
        (
            "The unemployment rate fell to 4.1 percent in March.",
            "The unemployment rate fell to 3.9 percent in March.",
            True,
        ),
        ("the city will close three schools next year", "the city will close four schools next year", True),
        ("Senator Ann Lee will run for governor next year.", "Senator Bob Roe will run for governor next year.", True),
        (
            "Sen. Ann Lee will campaign in Ohio with Clinton on Friday",
            "Sen. Bo Roe will campaign in Ohio with Clinton on Friday",
            True,
        ),
        # A name said twice, once replaced: counted, not just present.
        (
            "Ann Lee met Bob Roe in Paris, and Ann Lee thanked him for the loan",
            "Ann Lee met Bob Roe in Paris, and Carl Ito thanked him for the loan",
            True,
        ),
        ("The budget grew by 2 million dollars this year", "The budget grew by 2 billion dollars this year", True),
        # A paraphrase credited to someone else is too easily another statement on the same subject.
        (CLOSE, "Next year the city will shut three schools to save cash on heating.", False),
        # A short piece of a longer statement, credited to someone else: a phrase that travels.
        (
            "Trump is temperamentally unfit to be commander in chief",
            "He has insulted veterans and their families for decades, proving again that he is temperamentally unfit "
            "to be commander in chief of our armed forces",
            False,
        ),
        # The same subject, something else said.
        ("The mayor will raise the school budget next year", "The school budget fell sharply last year", True),
        # Too few content words to tell statements apart.
        ("that is not true", "that is not true", True),
        ("No comment.", "No comment.", True),
    ],
    ids=[
        "another number",
        "another number word",
        "another name",
        "another name after an abbreviation",
        "a repeated name replaced once",
        "million and billion",
        "paraphrase, other source",
        "short piece, other source",
        "same subject",
        "too short",
        "no comment",
    ],
)
def test_not_the_same_statement(first: str, second: str, sources_agree: bool) -> None:
    assert not same_statement(statement_key(first), statement_key(second), sources_agree=sources_agree)
    assert not same_statement(statement_key(second), statement_key(first), sources_agree=sources_agree)


@pytest.mark.parametrize(
    ("text", "words", "anchors"),
    [
        ("“We are ready to negotiate with the Kremlin,” he said", ("ready", "negotiat", "kremlin"), ("kremlin",)),
        # Sentence-initial capitals are not names; abbreviations do not end a sentence.
        (
            "Kremlin aides denied it. Sen. Ann Lee agreed",
            ("kremlin", "aid", "deni", "sen", "ann", "lee", "agr"),
            ("ann", "lee"),
        ),
        # Numbers: separators dropped, percent spelled out, number words as digits; dotted acronyms joined.
        (
            "The U.S. sent 4,000 troops, 12% of three brigades",
            ("us", "sent", "4000", "troop", "12", "percent", "3", "brigad"),
            ("12", "3", "4000", "us"),
        ),
        # Number, tense and possessives folded.
        ("Negotiators negotiated; the negotiator's talks", ("negotiator", "negotiat", "negotiator", "talk"), ()),
        ("", (), ()),
        ("and then it was", (), ()),
    ],
)
def test_statement_keys(text: str, words: tuple[str, ...], anchors: tuple[str, ...]) -> None:
    key = statement_key(text)
    assert key.words == words
    assert key.anchors == anchors
    assert StatementKey.from_stored(**key.stored()) == key


def test_a_statement_needs_enough_different_content_words() -> None:
    assert statement_key("the city will close three schools").eligible
    assert not statement_key("the city will close").eligible
    assert not statement_key("schools schools schools schools").eligible
    assert MIN_WORDS == 4


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("vladimir putin", "vladimir putin", True),
        ("putin", "vladimir putin", True),
        ("anon:senior officials", "anon:officials", True),
        ("anon:officials", "officials", False),
        ("putin", "peskov", False),
        ("he", "he", False),
        (None, "putin", False),
        ("putin", "", False),
    ],
)
def test_sources_agree(first: str | None, second: str | None, agree: bool) -> None:
    assert same_source(first, second) is agree
    assert same_source(second, first) is agree


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("fell to 4.1 percent in March", "fell to 3.9 percent in March", True),
        ("fell to 4.1 percent in March", "fell in March", False),  # a trim only loses
        ("Lee said Paris", "Lee and Roe said Paris", False),  # a name only added
        ("", "Lee in Paris", False),
    ],
)
def test_mentions_conflict(first: str, second: str, conflict: bool) -> None:
    assert statement_key(first).mentions.conflicts(statement_key(second).mentions) is conflict
    assert statement_key(second).mentions.conflicts(statement_key(first).mentions) is conflict


def test_a_group_conflicts_with_what_contradicts_any_of_its_statements() -> None:
    group = statement_key("rates fell to 4.1 percent in March").mentions | statement_key("rates fell in March").mentions
    assert group.conflicts(statement_key("rates fell to 3.9 percent in March").mentions)
    assert not group.conflicts(statement_key("rates fell to 4.1 percent").mentions)
    assert isinstance(group, Mentions)


def test_buckets_are_stable_and_follow_the_words() -> None:
    key = statement_key(CLOSE)
    found = buckets(key)
    assert len(found) == BANDS and all(0 <= value < 2**63 for value in found)
    assert found == buckets(statement_key(f"“{CLOSE.lower()}”"))  # the same words, the same buckets
    # Computed once, written down: a change of the hashing must bump KEY_VERSION, and this test says so.
    assert found[:2] == EXPECTED_FIRST_BUCKETS
    unrelated = buckets(statement_key("Voters in the north backed the new railway plan by a wide margin"))
    assert not set(found) & set(unrelated)


EXPECTED_FIRST_BUCKETS = [2121753056185035331, 9097937679941195064]
