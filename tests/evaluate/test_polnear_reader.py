"""The PolNeAR / BRAT reader: every rule of FORMAT.md on tiny hand-made files."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordingto.errors import InputError, InputNotFoundError, NoInputFilesError
from accordingto.evaluate.polnear import gold_type, parse_ann, read_annotated

FIXTURES = Path(__file__).parent / "fixtures" / "polnear-mini"

TEXT = "Smith said “we will win,” and “soon.” Aides believe taxes rise. Nothing else here."


def _t(tid: str, label: str, *phrases: str) -> str:
    """A BRAT T line for the given phrases of TEXT (several phrases: a discontinuous span)."""
    ranges = [(TEXT.index(p), TEXT.index(p) + len(p)) for p in phrases]
    return f"{tid}\t{label} " + ";".join(f"{a} {b}" for a, b in ranges) + "\t" + " ".join(phrases)


def _write(root: Path, name: str, text: str, anns: dict[str, str]) -> None:
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    for suffix, body in anns.items():
        (root / "attributions" / f"{name}{suffix}.ann").write_text(body, encoding="utf-8", newline="")


def test_reads_the_fixture_split() -> None:
    articles = list(read_annotated(FIXTURES, "dev"))
    assert [a.name for a in articles] == ["mini_2016-01-01_a", "mini_2016-01-02_b"]
    first, second = articles
    assert [(a.source_text, a.cue_text) for a in first.attributions] == [
        ("Senator Smith", "said"),
        ("Smith", "added"),
        ("Aides", "believe"),
    ]
    quote = first.attributions[0]
    assert quote.type == "direct"
    assert quote.content_text == "“We will win this state,” … “and we will win it big.”"
    assert len(quote.content) == 2
    # Second article: annotator aa11 (sorts first), not zz99; Content2 merged; the trigger-only E3 skipped;
    # Discuss span whose text column runs over a blank line ignored; E4 has no source.
    assert [a.id for a in second.attributions] == ["E1", "E2", "E4"]
    told = second.attributions[1]
    assert told.content_text == "“It is a good deal,” … “We are nearly there.”"
    assert told.type == "direct"
    no_source = second.attributions[2]
    assert (no_source.source, no_source.source_text, no_source.cue_text) == ([], None, "it was reported")


def test_data_dir_may_be_the_split_folder_itself() -> None:
    names = [a.name for a in read_annotated(FIXTURES / "dev", "whatever")]
    assert names == ["mini_2016-01-01_a", "mini_2016-01-02_b"]


def test_streams_and_limits() -> None:
    articles = read_annotated(FIXTURES, "dev", limit=1)
    assert iter(articles) is articles  # a lazy iterator, not a list
    assert [a.name for a in articles] == ["mini_2016-01-01_a"]


def test_discontinuous_content2_and_no_source(tmp_path: Path) -> None:
    ann = "\n".join(
        [
            _t("T1", "Source", "Smith"),
            _t("T2", "Cue", "said"),
            _t("T3", "Content", "“we will win,”"),
            _t("T4", "Attribution", "said"),
            _t("T5", "Content", "“soon.”"),
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5",
            _t("T6", "Cue", "believe"),
            _t("T7", "Content", "taxes", "rise"),
            _t("T8", "Attribution-no-source", "believe"),
            "E2\tContent:T7 Attribution-no-source:T8 Cue:T6",  # argument order is free in BRAT
            _t("T9", "Discard", "Nothing else here."),
            "#1\tAnnotatorNotes T9\tboilerplate",
        ]
    )
    _write(tmp_path, "x", TEXT, {"_a1": ann})
    (article,) = read_annotated(tmp_path)
    said, believe = article.attributions
    assert said.content_text == "“we will win,” … “soon.”"
    assert said.type == "direct"
    assert believe.source == [] and believe.source_text is None
    assert believe.content_text == "taxes … rise"
    assert believe.type == "indirect"


def test_offsets_count_carriage_returns(tmp_path: Path) -> None:
    text = "Intro.\r\nSmith said taxes rise.\r\n"
    start = text.index("Smith")
    ann = (
        f"T1\tSource {start} {start + 5}\tSmith\nT2\tCue {start + 6} {start + 10}\tsaid\n"
        f"T3\tContent {start + 11} {start + 21}\ttaxes rise\nE1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
    )
    _write(tmp_path, "crlf", text, {"": ann})  # NAME.ann without an annotator id is accepted too
    (article,) = read_annotated(tmp_path)
    assert [(a.source_text, a.content_text) for a in article.attributions] == [("Smith", "taxes rise")]


def test_article_without_attributions_has_an_empty_list(tmp_path: Path) -> None:
    _write(tmp_path, "empty", "The weather was fine.", {"_a1": ""})
    (article,) = read_annotated(tmp_path)
    assert article.attributions == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("“We will win.”", "direct"),
        ('"Yes," ', "direct"),
        ("« Oui ».", "direct"),
        ("that “big” changes are coming", "mixed"),
        ("taxes will rise", "indirect"),
    ],
)
def test_gold_type(content: str, expected: str) -> None:
    assert gold_type(content, [(0, len(content))]) == expected


@pytest.mark.parametrize(
    ("layout", "error", "message"),
    [
        ("missing", InputNotFoundError, "no such folder"),
        ("file", InputError, "not a folder"),
        ("no-subfolders", InputError, "expected dev/text/"),
        ("no-texts", NoInputFilesError, "no .txt files"),
        ("no-ann", InputError, "without an annotation file"),
    ],
)
def test_bad_folders_fail_at_once(tmp_path: Path, layout: str, error: type[Exception], message: str) -> None:
    target = tmp_path / "data"
    if layout == "file":
        target.write_text("x")
    elif layout == "no-subfolders":
        target.mkdir()
    elif layout == "no-texts":
        (target / "dev" / "text").mkdir(parents=True)
        (target / "dev" / "attributions").mkdir()
    elif layout == "no-ann":
        _write(target / "dev", "lonely", "Text.", {})
    with pytest.raises(error, match=message):
        read_annotated(target)  # raises before the first article is asked for


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["E1\tAttribution:T1 Cue:T2"], "undefined span T1"),
        (["T1\tCue 0 999\tx"], "outside the text"),
        (["T1\tCue 0 5\tSmith", "E1\tAttribution:T1 Cue"], "malformed event argument"),
    ],
)
def test_bad_annotations_name_file_and_line(lines: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_ann(lines, TEXT, "x.ann")
    assert caught.value.where is not None and caught.value.where.startswith("x.ann:")


def test_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    _write(tmp_path, "latin", "x", {"_a1": ""})
    (tmp_path / "text" / "latin.txt").write_bytes("café".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        list(read_annotated(tmp_path))
