"""Human agreement: the majority of several annotators, and the three comparisons, on figures worked out by hand."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from accordingto.analyze import Outcome
from accordingto.errors import InputError
from accordingto.evaluate import (
    HumanAgreement,
    agreement_report,
    consensus,
    format_agreement,
    read_annotated,
    read_multiply_annotated,
)
from accordingto.model import Analysis, Article, Attribution

# Four annotators of one article, one annotator of another (tests/evaluate/fixtures/polnear-agree/dev):
#   a1: Mayor Lee said A; Critics argued B; The council believes C
#   a2: A, B     a3: A (with source "Lee" only), B, C     a4: A
FIXTURES = Path(__file__).parent / "fixtures" / "polnear-agree"
MULTI = "agree_2016-02-01_bridge"

TEXT = (
    "Jones said the plan failed. Aides think the vote slips. Smith told reporters on Monday it will pass. "
    "Brown said taxes will rise, jobs grow."
)


def _attribution(source: str | None, cue: str, *content: str) -> Attribution:
    """Spans of the given phrases, each looked up from the source on (so "said" is the source's)."""
    after = TEXT.index(source) if source else 0

    def ranges(*phrases: str) -> list[tuple[int, int]]:
        return [(TEXT.index(p, after), TEXT.index(p, after) + len(p)) for p in phrases]

    return Attribution.from_ranges(
        TEXT,
        id="x",
        type="indirect",
        source=ranges(source) if source else [],
        cue=ranges(cue),
        content=ranges(*content),
    )


def _roles(attributions: list[Attribution]) -> list[tuple[str | None, str, str]]:
    return [(a.source_text, a.cue_text, a.content_text) for a in attributions]


JONES = _attribution("Jones", "said", "the plan failed")
AIDES = _attribution("Aides", "think", "the vote slips")
SMITH = _attribution("Smith", "told", "it will pass")
SMITH_LONG_CUE = _attribution("Smith", "told reporters on Monday", "it will pass")
SMITH_NO_SOURCE = _attribution(None, "told", "it will pass")
# Two statements of one speaker, or one (an annotator reading the sentence as a single statement).
BROWN_TAXES = _attribution("Brown", "said", "taxes will rise")
BROWN_JOBS = _attribution("Brown", "said", "jobs grow")
BROWN_BOTH = _attribution("Brown", "said", "taxes will rise, jobs grow")


@pytest.mark.parametrize(
    ("annotations", "expected"),
    [
        pytest.param({}, [], id="no annotators"),
        pytest.param({"a": [JONES], "b": [], "c": []}, [], id="one of three: dropped"),
        pytest.param(
            {"a": [JONES], "b": [JONES], "c": []},
            [("Jones", "said", "the plan failed")],
            id="two of three: kept",
        ),
        pytest.param({"a": [JONES], "b": [JONES], "c": [], "d": []}, [], id="exactly half: dropped"),
        pytest.param(
            {"a": [SMITH_LONG_CUE], "b": [SMITH], "c": [SMITH]},
            [("Smith", "told", "it will pass")],
            id="span: the characters most members marked",
        ),
        pytest.param(
            {"a": [SMITH_LONG_CUE], "b": [SMITH_LONG_CUE], "c": [SMITH]},
            [("Smith", "told reporters on Monday", "it will pass")],
            id="span: a majority keeps the longer cue",
        ),
        pytest.param(
            {"a": [SMITH_NO_SOURCE], "b": [SMITH_NO_SOURCE], "c": [SMITH]},
            [(None, "told", "it will pass")],
            id="no source when most have none",
        ),
        pytest.param(
            {"a": [JONES, AIDES, SMITH], "b": [JONES, AIDES], "c": [SMITH]},
            [
                ("Jones", "said", "the plan failed"),
                ("Aides", "think", "the vote slips"),
                ("Smith", "told", "it will pass"),
            ],
            id="several attributions, reading order",
        ),
        pytest.param(
            # c's single attribution matches both of a's and both of b's (it holds their contents, same source),
            # but joins one group only (taxes: more shared tokens): one annotator's two statements are never
            # merged into one, so both are kept, each with two of three annotators.
            {"a": [BROWN_TAXES, BROWN_JOBS], "b": [BROWN_TAXES, BROWN_JOBS], "c": [BROWN_BOTH]},
            [("Brown", "said", "taxes will rise"), ("Brown", "said", "jobs grow")],
            id="one annotator's attributions stay apart",
        ),
    ],
)
def test_consensus(annotations: dict[str, list[Attribution]], expected: list[tuple[str | None, str, str]]) -> None:
    assert _roles(consensus(TEXT, annotations)) == expected


def test_consensus_cue_without_a_majority_takes_the_plurality() -> None:
    # Same source and content, three different cue words: no character has two votes, so all three are kept
    # (the most votes, one each) rather than an attribution without a cue.
    other_cues = [_attribution("Smith", cue, "it will pass") for cue in ("told", "reporters", "Monday")]
    [found] = consensus(TEXT, {name: [a] for name, a in zip("abc", other_cues, strict=True)})
    assert found.cue_text == "told … reporters … Monday"
    assert (found.id, found.source_text, found.content_text) == ("C1", "Smith", "it will pass")


def test_reads_only_articles_with_several_annotators() -> None:
    [article] = read_multiply_annotated(FIXTURES, "dev")
    assert article.name == MULTI
    assert list(article.annotations) == ["a1", "a2", "a3", "a4"]
    assert [len(a) for a in article.annotations.values()] == [3, 2, 3, 1]
    assert [a.name for a in read_annotated(FIXTURES, "dev")] == [MULTI, "agree_2016-02-02_road"]


def test_human_agreement_by_hand() -> None:
    humans = HumanAgreement.of(list(read_multiply_annotated(FIXTURES, "dev")))
    assert (humans.articles, humans.annotations) == ([MULTI], 4)
    # Pairwise, 12 ordered pairs. Attributions shared per unordered pair: a1-a2 2, a1-a3 3, a1-a4 1, a2-a3 2,
    # a2-a4 1, a3-a4 1 = 10, twice = 20; each annotator's 3+2+3+1 attributions are predicted against 3 others.
    pairwise = humans.pairwise.all.attribution
    assert (pairwise.predicted, pairwise.gold) == (27, 27)
    assert pairwise.precision == pytest.approx(20 / 27)
    assert pairwise.recall == pytest.approx(20 / 27)
    # Source tokens: a1 5 (Mayor Lee, Critics, The council), a2 3, a3 4 (Lee, ...), a4 2. Shared per pair:
    # 3 + 4 + 2 + 2 + 2 + 1 = 14, twice = 28, over (5+3+4+2) x 3 = 42.
    assert humans.pairwise.all.token["source"].f1 == pytest.approx(28 / 42)
    # Consensus of the others (2 of 3 needed): without a1 = {A, B}; without a2 = {A, B, C}; without a3 = {A, B};
    # without a4 = {A, B, C}. Matched 2 + 2 + 2 + 1 = 7 of 10 predicted and 9 gold.
    agreed = humans.consensus.all.attribution
    assert (agreed.predicted, agreed.gold) == (10, 9)
    assert (agreed.precision, agreed.recall) == (pytest.approx(7 / 10), pytest.approx(7 / 9))
    # The consensus without a1: A's source is "Mayor Lee" (two of three; a3 marked "Lee"); C has one vote.
    [article] = read_multiply_annotated(FIXTURES, "dev")
    others = {name: a for name, a in article.annotations.items() if name != "a1"}
    assert [(a.source_text, a.cue_text) for a in consensus(article.text, others)] == [
        ("Mayor Lee", "said"),
        ("Critics", "argued"),
    ]


def _copy_of(annotator: str, fail_on: str | None = None) -> Any:
    """An analyzer that predicts one annotator's attributions (and fails on the article named ``fail_on``)."""

    def analyzer(articles: Iterable[Article], **_: Any) -> Iterator[Outcome]:
        gold = {a.name: a.annotations for a in read_multiply_annotated(FIXTURES, "dev", min_annotators=1)}
        for article in articles:
            assert article.id is not None
            if article.id == fail_on:
                yield Outcome(article=article, error=InputError("component failed", article.id))
                continue
            attributions = gold[article.id][annotator]
            yield Outcome(article=article, analysis=Analysis(text=article.text, attributions=attributions))

    return analyzer


def test_report_sets_the_model_beside_the_humans() -> None:
    report = agreement_report(FIXTURES, ["dev"], analyzer=_copy_of("a1"))
    [split] = report.splits
    assert split.whole.scores.articles == 2  # the whole split: both articles, against the first annotator (a1)
    assert split.whole.scores.all.attribution.f1 == 1.0
    assert split.humans is not None and split.humans.model is not None
    # a1's attributions against a1, a2, a3, a4: matched 3 + 2 + 3 + 1 of 4 x 3 predicted and 9 gold.
    model = split.humans.model.all.attribution
    assert (model.precision, model.recall) == (pytest.approx(9 / 12), 1.0)
    assert report.pooled is split.humans
    table = format_agreement(report)
    assert "dev: 1 article(s) annotated by several people (4 annotations)" in table
    # attribution: model F1 2PR/(P+R) = 85.7, pairwise 74.1, consensus 73.7; shares 116% and 116%.
    rows = [line.split() for line in table.splitlines() if line.startswith("attribution")]
    assert rows[0] == ["attribution", "85.7", "74.1", "73.7", "116%", "116%"]
    # No direct quote in the fixture: nothing to score, shown as a dash rather than 0.
    assert rows[1] == ["attribution", "—", "—", "—", "—", "—"]
    assert "dev (2)" in table and "trained" not in table
    data = report.to_dict()
    assert data["pooled"]["annotations"] == 4
    assert data["splits"][0]["humans"]["model"]["all"]["attribution"]["gold"] == 9


def test_report_keeps_a_failed_article_as_predicting_nothing() -> None:
    report = agreement_report(FIXTURES, ["dev"], analyzer=_copy_of("a1", fail_on=MULTI))
    [split] = report.splits
    assert [str(error) for error in split.whole.failures] == [f"{MULTI}: component failed"]
    assert split.humans is not None and split.humans.model is not None
    assert split.humans.model.all.attribution.predicted == 0


def test_report_needs_an_article_with_several_annotators(tmp_path: Path) -> None:
    for folder in ("text", "attributions"):
        (tmp_path / "dev" / folder).mkdir(parents=True)
        for path in (FIXTURES / "dev" / folder).glob("agree_2016-02-02_road*"):
            (tmp_path / "dev" / folder / path.name).write_bytes(path.read_bytes())
    with pytest.raises(InputError, match="no article of dev has two or more annotation files"):
        agreement_report(tmp_path, ["dev"], analyzer=_copy_of("a1"))


def test_cli_agreement(cli: str) -> None:
    done = subprocess.run(
        [cli, "evaluate", str(FIXTURES), "--split", "dev", "--agreement"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "dev: 1 article(s) annotated by several people (4 annotations)" in done.stdout
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("attribution")]
    # Humans do not depend on the model: pairwise 74.1 and consensus 73.7 in the first table.
    assert rows[0][2:4] == ["74.1", "73.7"]
    as_json = subprocess.run(
        [cli, "evaluate", str(FIXTURES), "--agreement", "--json"], capture_output=True, text=True, timeout=300
    )
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["pooled"]["pairwise"]["all"]["attribution"]["f1"] == pytest.approx(20 / 27)
    refused = subprocess.run(
        [cli, "evaluate", str(FIXTURES), "--agreement", "--limit", "1"], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode == 2
    assert "--agreement scores whole splits" in refused.stderr
