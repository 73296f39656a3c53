"""The roles the text itself gives a named participant (``resolve.roles.given_roles``): a title before the name,
an apposition on either side, a predicate, a predicate in a relative clause, a role coordinated with one of
those. A later "the former mayor" refers back to the one participant given that role, so a role read where the
text gives none would join two people, and a role missed leaves a description unlinked."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.resolve.mentions import analyze_mention
from accordingto.resolve.roles import given_roles, role_words

CASES = [
    pytest.param("Former Mayor Ruth Okafor opened the hearing.", "Ruth Okafor", {"mayor"}, id="title-before"),
    pytest.param(
        "Tomas Brandt, the chief executive of the port, spoke first.", "Tomas Brandt", {"executive"}, id="appos-after"
    ),
    pytest.param(
        "The union's general secretary, Maria Lund, rejected the offer.", "Maria Lund", {"secretary"}, id="appos-before"
    ),
    pytest.param("Kofi Mensah is a surgeon at the clinic.", "Kofi Mensah", {"surgeon"}, id="predicate"),
    pytest.param("Ana Ruiz, who served as governor for a decade, declined.", "Ana Ruiz", {"governor"}, id="served-as"),
    pytest.param(
        "Liam Byrne, a lawyer and former senator, wrote the bill.",
        "Liam Byrne",
        {"lawyer", "senator"},
        id="coordinated",
    ),
    pytest.param("Mr. Colin Hart left early.", "Colin Hart", set(), id="honorific-is-no-role"),
    pytest.param("Sara Holm, Jonas Berg and Eva Lind signed it.", "Sara Holm", set(), id="a-list-is-no-role"),
    pytest.param("Priya Nair arrived on Tuesday.", "Priya Nair", set(), id="no-role-at-all"),
    # A role noun used as a verb gives its subject the role; a verb that is no role noun gives none (split38).
    pytest.param(
        "Ilse Varga, who has coached the national side since 2019, will step down.",
        "Ilse Varga",
        {"coach"},
        id="role-noun-as-a-verb",
    ),
    pytest.param("Dame Rosa Quill chaired the inquiry.", "Rosa Quill", {"chair"}, id="role-noun-as-the-main-verb"),
    pytest.param(
        "Ilse Varga, who has beaten the champions twice, will step down.",
        "Ilse Varga",
        set(),
        id="a-verb-that-is-no-role",
    ),
    # A title of two words the small model hangs on the first name, not the surname (news17).
    pytest.param(
        "Press Secretary Lucia Ferrant opened the morning briefing.",
        "Lucia Ferrant",
        {"secretary"},
        id="title-on-the-first-name",
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), CASES)
def test_the_roles_a_name_is_given(nlp: Language, text: str, name: str, expected: set[str]) -> None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    mention = analyze_mention(doc, span.start, span.end)
    assert mention is not None and mention.form == "name"
    assert {token.lemma_.lower() for token in given_roles(doc, mention)} == expected


ROLE_WORDS = [
    # A noun before the role that names people is a role too: "the billionaire" refers back to him.
    pytest.param("Paul Grant, a billionaire investor, bought the club.", "Paul Grant", {"investor", "billionaire"}),
    # A noun that names no people is not: "the campaign" is not the spokesman.
    pytest.param("Dana Cole, a campaign spokesman, said no.", "Dana Cole", {"spokesman"}),
    pytest.param("Anders Lund, the deputy harbour master, said so.", "Anders Lund", {"master"}),
    # An abbreviated title is the word it stands for: "the doctor", "the senator" refer back (news14).
    pytest.param("Dr Alan Pierce rejected the claim.", "Dr Alan Pierce", {"doctor"}),
    pytest.param("Sen. Jane Roe voted against the bill.", "Sen. Jane Roe", {"senator"}),
    # An honorific is still no role.
    pytest.param("Mrs. Ruth Barnes left early.", "Mrs. Ruth Barnes", set()),
]


@pytest.mark.parametrize(("text", "name", "expected"), ROLE_WORDS)
def test_the_words_a_later_description_may_use(nlp: Language, text: str, name: str, expected: set[str]) -> None:
    doc = nlp(text)
    mention = analyze_mention(doc, 0, len(name.split()))
    assert mention is not None
    assert set().union(*(role_words(role) for role in given_roles(doc, mention))) == expected
