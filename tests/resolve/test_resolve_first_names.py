"""A first name gives a gender only when the US lists seldom give it to the other sex."""

from __future__ import annotations

import pytest

from accordingto.resolve.first_names import first_name_gender


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Isabel", "fem"),
        ("Carl", "masc"),
        ("John", "masc"),
        ("Jean", None),
        ("Kim", None),
        ("Chris", None),
        ("Zq", None),
    ],
)
def test_a_first_name_decides_a_gender_only_when_the_other_sex_rarely_bears_it(word: str, gender: str | None) -> None:
    assert first_name_gender(word) == gender
