"""The review checks themselves can fail: a changed answer, an unreviewed attribution and a fixed mistake show."""

from __future__ import annotations

import copy
from typing import Any

from .review import mistake_fixed, problems, unreviewed

OUTPUT: dict[str, Any] = {
    "attributions": [
        {
            "id": "a1",
            "cue": [[10, 14]],
            "cue_text": "said",
            "source_text": "She",
            "content_text": "it rained",
            "source_id": "s1",
            "type": "indirect",
            "parent": None,
            "time": None,
            "cue_class": "neutral",
            "denial": False,
            "hedged": False,
            "negated": False,
        }
    ],
    "sources": [{"id": "s1", "name": "Ann Lee"}],
    "summary": {"upstream": []},
}
RIGHT = {"cue": "said", "at": 10, "source": "She", "speaker": "Ann Lee", "content": "it rained", "parent_at": None}


def test_a_reviewed_answer_holds_and_a_changed_one_is_reported() -> None:
    assert problems(OUTPUT, RIGHT) == []
    changed = copy.deepcopy(OUTPUT)
    changed["sources"][0]["name"] = "Bo Chen"
    assert problems(changed, RIGHT) == ["speaker: got 'Bo Chen', reviewed 'Ann Lee'"]
    assert problems(changed, {**RIGHT, "at": 40}) == ["no attribution has its cue at 40 ('said')"]


def test_an_attribution_the_review_does_not_speak_of_is_reported() -> None:
    review = {"right": {"attributions": [RIGHT]}, "mistakes": []}
    assert unreviewed(OUTPUT, review) == []
    assert [draft["at"] for draft in unreviewed(OUTPUT, {"right": {"attributions": []}, "mistakes": []})] == [10]


def test_a_fixed_mistake_is_recognised() -> None:
    assert mistake_fixed(OUTPUT, {"what": "x", "extra": {"cue": "said", "at": 10}}) != []
    assert mistake_fixed(OUTPUT, {"what": "x", "extra": {"cue": "told", "at": 30}}) == []
    assert mistake_fixed(OUTPUT, {"what": "x", "upstream_has": "Herald"}) == ["upstream is []"]
