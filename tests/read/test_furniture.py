"""Lines of page furniture, told from the prose around them: the HTML reader drops them from a page, and the
extractor finds no attribution on them in plain text."""

from __future__ import annotations

import pytest

from accordingto.read.furniture import is_furniture


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MORE: Governor signs the bill", True),
        ("Related Stories", True),
        ("(Reporting by Ada Chen; Writing by Omar Reyes; Editing by Paul Stone)", True),
        ("By The Example Times", True),
        ("Ada Chen/Reuters", True),
        ("The figures came from Reuters.", False),
        ("Reporting by the Times found the rule was broken.", False),
        ("More than 200 people attended, the organizers said.", False),
        ("“Sign up now,” the recruiter told students, “before the deadline.”", False),
        # news22: a prompt as a question, the British helpline note and a press release's safe-harbour notice.
        ("Do you have a story for us? Send it to the desk.", True),
        ("Do you have a story to share, the librarian asked.", False),
        ("If you've been affected by this article, support is available from Lifelink.", True),
        ("If you are affected by the roadworks, the council said, you can park at the school.", False),
        ("This announcement contains forward-looking statements within the meaning of the securities laws.", True),
        ("Forward-Looking Statements", True),
        ("Forward-looking statements were the auditors' chief worry, the report said.", False),
    ],
)
def test_is_furniture_on_lines(line: str, expected: bool) -> None:
    assert is_furniture(line) is expected


def test_a_link_only_line_is_furniture_by_its_link_share() -> None:
    assert is_furniture("Senator says deal is near", link_share=1.0)
    assert not is_furniture("Senator says deal is near", link_share=0.3)
