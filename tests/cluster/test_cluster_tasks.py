"""Partitioning and table rows, without a cluster: fast checks of the parts a cluster run is built from."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from accordingto.cluster.parquet import SCHEMAS, STORE_TABLES, write_partition
from accordingto.cluster.reading import read_piece
from accordingto.cluster.tasks import Piece, jsonl_offsets, list_inputs, make_tasks, split_jsonl
from accordingto.model import Analysis, Article, ArticleMeta, Attribution, Source
from accordingto.outcome import Failure
from accordingto.read.records import ReadArticle
from accordingto.store.rows import article_rows


@pytest.mark.parametrize(
    ("sizes", "partition_size", "expected"),
    [
        ([1, 1, 1, 1, 1], 2, [[0, 1], [2, 3], [4]]),
        ([1, 1, 1], 5, [[0, 1, 2]]),
        ([1, 1 << 30, 1, 1], 2, [[0], [1], [2, 3]]),  # a WARC file is a task of its own
        ([3, 3, 1], 3, [[0], [1], [2]]),
        ([], 3, []),
    ],
)
def test_make_tasks_packs_pieces_in_order(sizes: list[int], partition_size: int, expected: list[list[int]]) -> None:
    units = [(Piece(url=f"f{i}", shown=f"f{i}", article_id=f"f{i}", kind="txt"), size) for i, size in enumerate(sizes)]
    tasks = make_tasks(units, partition_size)
    assert [[int(p.url[1:]) for p in task.pieces] for task in tasks] == expected
    assert [task.index for task in tasks] == list(range(len(expected)))


@pytest.mark.parametrize("every", [1, 2, 3, 10])
@pytest.mark.parametrize("trailing_newline", [True, False])
def test_jsonl_ranges_read_every_line_once_with_its_number(tmp_path: Path, every: int, trailing_newline: bool) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Text number {i}, with ünïcode."}) for i in range(1, 8)]
    lines[3] = "{not json"
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + ("\n" if trailing_newline else ""), encoding="utf-8")
    (whole,), _ = list_inputs([str(path)])
    assert whole.splittable
    pieces = split_jsonl(whole, jsonl_offsets(whole.url, every), every)
    assert len(pieces) == -(-7 // every)
    items = [item for piece in pieces for item in read_piece(piece)]
    good = [item for item in items if isinstance(item, ReadArticle)]
    bad = [item for item in items if isinstance(item, Failure)]
    assert [article.id for article in good] == ["r1", "r2", "r3", "r5", "r6", "r7"]
    assert [article.where for article in good][-1] == f"{path}:7"
    assert [failure.where for failure in bad] == [f"{path}:4"]


def test_list_inputs_names_files_like_the_corpus_readers(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.jsonl", "notes.md", "d.jsonl.gz"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    pieces, failures = list_inputs([str(tmp_path)])
    assert [(p.shown, p.article_id, p.kind) for p in pieces] == [
        (f"{tmp_path}/a.txt", "a", "txt"),
        (f"{tmp_path}/b.txt", "b", "txt"),
        (f"{tmp_path}/d.jsonl.gz", "d", "jsonl"),
        (f"{tmp_path}/sub/c.jsonl", "sub/c", "jsonl"),
    ]
    assert [p.splittable for p in pieces] == [False, False, False, True]
    assert failures == []
    pieces, _ = list_inputs([str(tmp_path / "*.txt")])
    assert [(p.shown, p.article_id) for p in pieces] == [(f"{tmp_path}/a.txt", "a"), (f"{tmp_path}/b.txt", "b")]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file or folder"),
        ("nothing-*.txt", "the pattern matches no file"),
        ("empty", "no readable files in this folder"),
    ],
)
def test_list_inputs_records_what_matches_nothing(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "good.txt").write_text("x", encoding="utf-8")
    pieces, failures = list_inputs([str(tmp_path / name), str(tmp_path / "good.txt")])
    assert [p.article_id for p in pieces] == ["good"]
    assert [(f.where, f.reason.split(" (")[0]) for f in failures] == [(str(tmp_path / name), reason)]


def _analysis() -> Analysis:
    text = 'Dmitry Peskov said talks were over. "No," he added.'
    return Analysis(
        text=text,
        attributions=[
            Attribution(
                id="a1",
                type="indirect",
                source=[(0, 13)],
                cue=[(14, 18)],
                content=[(19, 34)],
                source_text="Dmitry Peskov",
                cue_text="said",
                content_text="talks were over",
                source_id="s1",
            ),
            Attribution(
                id="a2",
                type="direct",
                source=[(42, 44)],
                cue=[(45, 50)],
                content=[(36, 40)],
                source_text="he",
                cue_text="added",
                content_text='"No,"',
            ),
        ],
        sources=[Source(id="s1", name="Dmitry Peskov", kind="person", named=True, description="Kremlin spokesman")],
        article=ArticleMeta(id="k1", outlet="Wire", published="2023-12-19"),
    )


def test_rows_have_the_store_columns_and_fit_the_parquet_schema(tmp_path: Path) -> None:
    rows = article_rows(Article(text=_analysis().text, id="k1", outlet="Wire"), _analysis(), origin="k1.txt")
    for table, store_table in STORE_TABLES.items():
        for row in rows[table]:
            assert list(row) == [column.name for column in store_table.columns]
    assert rows["sources"][0]["identity_key"] == "dmitry peskov"
    assert [row["source_key"] for row in rows["attributions"]] == ["dmitry peskov", "he"]
    assert rows["articles"][0]["attribution_count"] == 2
    [failed] = article_rows(Article(text="x", id="k2"), error="analysis failed", origin="k2.txt")["articles"]
    write_partition(str(tmp_path), 3, {**rows, "articles": rows["articles"] + [failed]}, [])
    articles = pq.read_table(tmp_path / "articles" / "part-00003.parquet")
    assert articles.schema.equals(SCHEMAS["articles"])
    assert articles.column("error").to_pylist() == [None, "analysis failed"]
    assert json.loads(articles.column("analysis")[0].as_py())["article"]["id"] == "k1"
    spans = pq.read_table(tmp_path / "attributions" / "part-00003.parquet").column("content")
    assert spans.type == pa.list_(pa.list_(pa.int64()))
    assert spans.to_pylist() == [[[19, 34]], [[36, 40]]]


def test_fsspec_urls_keep_their_protocol() -> None:
    """Any fsspec file system works the same way (the in-memory one stands for s3:// and gs:// here)."""
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe({"/news/a.txt": b"The mayor said the bridge would reopen.", "/news/feed.jsonl": b'{"text": "Hi."}\n'})
    try:
        pieces, failures = list_inputs(["memory://news"])
        assert [(p.url, p.shown, p.article_id) for p in pieces] == [
            ("memory:///news/a.txt", "memory://news/a.txt", "a"),
            ("memory:///news/feed.jsonl", "memory://news/feed.jsonl", "feed"),
        ]
        assert failures == []
        (article,) = read_piece(pieces[0])
        assert isinstance(article, ReadArticle)
        assert (article.id, article.where) == ("a", "memory://news/a.txt")
        assert jsonl_offsets(pieces[1].url, 1) == [0, 16]
    finally:
        fs.rm("/news", recursive=True)
