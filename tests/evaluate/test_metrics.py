"""Scoring on tiny hand-made cases whose figures are computed by hand in the comments."""

from __future__ import annotations

import json

import pytest

from accordingto.evaluate.metrics import (
    PRF,
    ROLES,
    Scores,
    format_table,
    is_direct_quote,
    maximum_matching,
    score,
)
from accordingto.model import Attribution, Ranges


def _ranges(text: str, *phrases: str | tuple[str, int]) -> Ranges:
    """Character ranges of phrases in text (a (phrase, n) pair: its n-th occurrence)."""
    ranges = []
    for phrase in phrases:
        word, nth = phrase if isinstance(phrase, tuple) else (phrase, 1)
        start = -1
        for _ in range(nth):
            start = text.index(word, start + 1)
        ranges.append((start, start + len(word)))
    return ranges


Phrases = str | list[str | tuple[str, int]]


def att(text: str, source: Phrases = "", cue: Phrases = "", content: Phrases = "") -> Attribution:
    """An attribution given by its phrases (a list of phrases: a discontinuous span)."""

    def spans(value: Phrases) -> Ranges:
        if not value:
            return []
        return _ranges(text, value) if isinstance(value, str) else _ranges(text, *value)

    source_r, cue_r, content_r = spans(source), spans(cue), spans(content)
    return Attribution(
        id="x",
        type="indirect",
        source=source_r,
        cue=cue_r,
        content=content_r,
        source_text=None,
        cue_text="",
        content_text="",
    )


def one(text: str, gold: list[Attribution], predicted: list[Attribution]) -> Scores:
    return score([(text, gold, predicted)])


def figures(prf: PRF) -> tuple[float, float, float]:
    return (round(prf.precision, 4), round(prf.recall, 4), round(prf.f1, 4))


QUOTE_TEXT = "“Taxes will fall,” Smith said. Jones believes the plan is weak. Brown claimed costs rose."
DIRECT = att(QUOTE_TEXT, "Smith", "said", "“Taxes will fall,”")
INDIRECT = att(QUOTE_TEXT, "Jones", "believes", "the plan is weak")


def test_perfect_prediction_is_one_everywhere() -> None:
    scores = one(QUOTE_TEXT, [DIRECT, INDIRECT], [DIRECT, INDIRECT])
    for subset in (scores.all, scores.direct):
        for level in (subset.token, subset.exact, subset.overlap):
            for role in ROLES:
                assert figures(level[role]) == (1.0, 1.0, 1.0)
        assert figures(subset.attribution) == (1.0, 1.0, 1.0)
    assert scores.direct.attribution.gold == 1  # only the direct quote counts there


def test_empty_prediction_has_zero_recall() -> None:
    scores = one(QUOTE_TEXT, [DIRECT, INDIRECT], [])
    assert figures(scores.all.token["content"]) == (0.0, 0.0, 0.0)
    assert figures(scores.all.attribution) == (0.0, 0.0, 0.0)
    assert (scores.all.attribution.gold, scores.all.attribution.predicted) == (2, 0)


def test_article_without_attributions_counts_nothing() -> None:
    scores = score([("The weather was fine.", [], []), ("Nothing here.", [], [])])
    assert scores.articles == 2
    assert scores.all.attribution == PRF(0.0, 0.0, 0.0, gold=0, predicted=0)
    # ... and a false alarm in such an article costs precision only.
    text = "Smith said nothing."
    false_alarm = one(text, [], [att(text, "Smith", "said", "nothing")])
    assert (false_alarm.all.attribution.predicted, false_alarm.all.token["source"].predicted) == (1, 1)
    assert false_alarm.all.attribution.precision == 0.0


def test_discontinuous_content() -> None:
    text = "“We will win,” Smith said, “and soon.”"
    gold = att(text, "Smith", "said", ["“We will win,”", "“and soon.”"])
    assert one(text, [gold], [gold]).all.exact["content"].f1 == 1.0
    # Only the first piece: 3 of the 5 content tokens (We will win | and soon).
    first_piece = att(text, "Smith", "said", "“We will win,”")
    scores = one(text, [gold], [first_piece])
    assert figures(scores.all.token["content"]) == (1.0, 0.6, 0.75)
    assert figures(scores.all.exact["content"]) == (0.0, 0.0, 0.0)
    assert figures(scores.all.overlap["content"]) == (1.0, 0.6, 0.75)
    assert figures(scores.all.attribution) == (1.0, 1.0, 1.0)  # 3 >= 5/2
    # A range ending inside a word does not own that word: "soo" holds no token.
    cut = att(text, "Smith", "said", ["“We will win,”", "“and soo"])
    assert figures(one(text, [gold], [cut]).all.token["content"]) == (1.0, 0.8, 0.8889)


def test_shared_source_mention() -> None:
    text = "Smith said taxes rise and added that costs fall."
    gold = [att(text, "Smith", "said", "taxes rise"), att(text, "Smith", "added", "that costs fall")]
    only_first = [att(text, "Smith", "said", "taxes rise")]
    scores = one(text, gold, only_first)
    # Token level: one (token, source) pair on each side.
    assert figures(scores.all.token["source"]) == (1.0, 1.0, 1.0)
    # Exact level: two gold source items {Smith}, {Smith}; one predicted.
    assert figures(scores.all.exact["source"]) == (1.0, 0.5, 0.6667)
    assert figures(scores.all.attribution) == (1.0, 0.5, 0.6667)
    assert figures(one(text, gold, gold).all.exact["source"]) == (1.0, 1.0, 1.0)


def test_partial_overlap_by_hand() -> None:
    text = "Jones said the economy is strong and growing fast today."
    gold = [att(text, "Jones", "said", "the economy is strong")]  # 4 content tokens
    predicted = [att(text, ["Jones", "said"], "said", "is strong and growing fast")]  # 5, 2 shared
    scores = one(text, gold, predicted)
    # token content: P 2/5, R 2/4, F1 2*.4*.5/.9
    assert figures(scores.all.token["content"]) == (0.4, 0.5, 0.4444)
    assert figures(scores.all.overlap["content"]) == (0.4, 0.5, 0.4444)
    assert figures(scores.all.exact["content"]) == (0.0, 0.0, 0.0)
    # source "Jones said" vs "Jones": token P 1/2, R 1; overlap the same; exact 0.
    assert figures(scores.all.token["source"]) == (0.5, 1.0, 0.6667)
    assert figures(scores.all.overlap["source"]) == (0.5, 1.0, 0.6667)
    assert figures(scores.all.exact["source"]) == (0.0, 0.0, 0.0)
    assert figures(scores.all.attribution) == (1.0, 1.0, 1.0)  # 2 >= 4/2 and the sources share Jones
    # One token less of the content and the attribution no longer matches: 1 < 4/2.
    short = [att(text, "Jones", "said", "strong and growing fast")]
    assert figures(one(text, gold, short).all.attribution) == (0.0, 0.0, 0.0)


def test_overlap_is_greedy_one_to_one() -> None:
    text = "a1 a2 a3 a4 b1 b2 c1 c2"
    gold = [att(text, content="a1 a2 a3 a4"), att(text, content="b1 b2")]
    predicted = [att(text, content="a3 a4 b1 b2")]
    # Both gold items share 2 tokens with the one prediction; the first gold takes it.
    # precision = 2/4; recall = (2/4 + 0/2) / 2 = 0.25
    assert figures(one(text, gold, predicted).all.overlap["content"]) == (0.5, 0.25, 0.3333)


def test_source_must_share_a_token_unless_gold_has_none() -> None:
    text = "Smith said taxes rise. It was reported that costs fall."
    gold = [
        att(text, "Smith", "said", "taxes rise"),
        att(text, cue="It was reported", content="that costs fall"),
    ]
    predicted = [
        att(text, "taxes", "said", "taxes rise"),  # wrong source: no match
        att(text, "It", "was reported", "that costs fall"),  # gold has no source: any source will do
    ]
    scores = one(text, gold, predicted)
    assert (scores.all.attribution.precision, scores.all.attribution.recall) == (0.5, 0.5)


def test_attribution_matching_is_maximum_not_greedy() -> None:
    text = "w1 w2 w3 w4 w5 w6"
    gold = [att(text, content="w1 w2 w3 w4"), att(text, content="w3 w4 w5 w6")]
    # p1 matches both gold attributions, p2 only the first. Greedy (first gold takes its first candidate, p1)
    # would leave the second gold unmatched: 1 of 2. The maximum is 2: g1-p2, g2-p1.
    predicted = [att(text, content="w2 w3 w4 w5"), att(text, content="w1 w2")]
    assert figures(one(text, gold, predicted).all.attribution) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("candidates", "right_size", "expected_size"),
    [
        ([[0, 1], [0]], 2, 2),
        ([[0], [0], [0]], 1, 1),
        ([[0, 1], [1, 2], [0]], 3, 3),  # needs a two-step augmenting path
        ([[], [1]], 2, 1),
        ([], 0, 0),
    ],
)
def test_maximum_matching(candidates: list[list[int]], right_size: int, expected_size: int) -> None:
    matching = maximum_matching(candidates, right_size)
    assert len(matching) == expected_size
    assert len(set(matching.values())) == len(matching)
    assert all(right in candidates[left] for left, right in matching.items())


def test_maximum_matching_deeper_than_the_recursion_limit() -> None:
    # Left k can take right k-1 or k; each new left first dives down the whole chain of taken rights before
    # taking its own: a search deeper than Python's default recursion limit (1000).
    size = 1100
    candidates = [[0]] + [[k - 1, k] for k in range(1, size)]
    assert len(maximum_matching(candidates, size)) == size


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("“Taxes will fall,”", True),
        ('"No," ', True),
        ("“We will win", True),  # begins with a quotation mark
        ("he said they would “never”.", True),  # ends with one, then punctuation
        ("« Jamais »", True),
        ("that “big” changes come", False),  # quoted words inside only
        ("‘single quotes’", False),  # not in the list of marks
        ("taxes will fall", False),
    ],
)
def test_is_direct_quote(content: str, expected: bool) -> None:
    assert is_direct_quote(content, [(0, len(content))]) is expected


def test_direct_quote_subset_and_dont_care() -> None:
    brown = att(QUOTE_TEXT, "Brown", "claimed", "costs rose")  # not in gold: a false alarm
    inside_indirect = att(QUOTE_TEXT, content="plan is weak")  # lies inside the indirect gold one
    predicted = [DIRECT, INDIRECT, brown, inside_indirect]
    scores = one(QUOTE_TEXT, [DIRECT, INDIRECT], predicted)
    # All gold: 2 of 4 predictions match.
    assert figures(scores.all.attribution) == (0.5, 1.0, 0.6667)
    # Direct quotes only: INDIRECT's match and the prediction inside it are don't care; Brown still counts.
    assert (scores.direct.attribution.gold, scores.direct.attribution.predicted) == (1, 2)
    assert figures(scores.direct.attribution) == (0.5, 1.0, 0.6667)
    # Token content: gold {Taxes will fall}; predicted that + {costs rose}; "the plan is weak" is gone.
    assert figures(scores.direct.token["content"]) == (0.6, 1.0, 0.75)
    assert (scores.direct.token["content"].gold, scores.direct.token["content"].predicted) == (3, 5)
    # Without Brown, the direct-quote figures are perfect although the indirect one is predicted twice.
    perfect = one(QUOTE_TEXT, [DIRECT, INDIRECT], [DIRECT, INDIRECT, inside_indirect])
    assert figures(perfect.direct.attribution) == (1.0, 1.0, 1.0)
    assert figures(perfect.direct.token["content"]) == (1.0, 1.0, 1.0)
    assert figures(perfect.direct.overlap["content"]) == (1.0, 1.0, 1.0)


def test_dont_care_keeps_tokens_a_direct_quote_shares() -> None:
    text = "Smith said “Taxes will fall,” and added that costs rise."
    direct = att(text, "Smith", "said", "“Taxes will fall,”")
    indirect = att(text, "Smith", "added", "that costs rise")  # same source mention
    scores = one(text, [direct, indirect], [direct])
    assert figures(scores.direct.token["source"]) == (1.0, 1.0, 1.0)
    assert figures(scores.direct.attribution) == (1.0, 1.0, 1.0)


def test_micro_average_over_articles() -> None:
    text = "Smith said taxes rise."
    gold = [att(text, "Smith", "said", "taxes rise")]
    scores = score([(text, gold, gold), (text, gold, []), (QUOTE_TEXT, [DIRECT], [DIRECT])])
    # 2 of 3 gold attributions found, 2 predictions both right.
    assert figures(scores.all.attribution) == (1.0, 0.6667, 0.8)


def test_to_dict_and_table() -> None:
    scores = one(QUOTE_TEXT, [DIRECT, INDIRECT], [DIRECT])
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["articles"] == 1
    assert set(data["all"]) == {"token", "exact", "overlap", "attribution"}
    assert data["all"]["attribution"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 2 / 3,
        "gold": 2,
        "predicted": 1,
    }
    table = format_table(scores)
    assert "attribution" in table and "token content" in table and "direct quotes" in table
    assert "66.7" in table
