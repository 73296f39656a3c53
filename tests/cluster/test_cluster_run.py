"""A real Dask run: a LocalCluster of 2 worker processes, text files and a JSON Lines file in, Parquet out."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from distributed import Client
from spacy.language import Language
from sqlalchemy import func, select

from accordingto import analyze
from accordingto.cluster import ClusterError, Progress, connect, run_on_cluster
from accordingto.cluster import worker as cluster_worker
from accordingto.store import open_store
from accordingto.store.clusters import unclustered_articles
from accordingto.store.schema import articles
from accordingto.trail import find_statements, statement_trail

ATTRIBUTED = {
    "kremlin": 'Dmitry Peskov, the Kremlin spokesman, said that talks were over. "We are done," he added.',
    "ministry": "The ministry said the bridge would reopen in May, according to a statement on Friday.",
    "record1": "Officials said the fire was under control. The mayor told reporters the town was safe.",
    "record3": 'According to the report, sales fell. "It was a bad year," the chief executive said.',
}
PLAIN = {"weather": "Rain fell all day over the valley. The river rose by a metre and the road was closed."}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two single-threaded worker processes, started as ``--local-cluster 2`` starts them."""
    with connect(n_workers=2) as connection:
        yield connection


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three text files, a JSON Lines file (one line is not JSON) and a file that is not UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("kremlin", "ministry", "weather"):
        (folder / f"{name}.txt").write_text({**ATTRIBUTED, **PLAIN}[name], encoding="utf-8")
    lines = [
        json.dumps({"id": "record1", "text": ATTRIBUTED["record1"], "outlet": "Wire", "published": "2024-05-02"}),
        "{this is not json",
        json.dumps({"id": "record3", "text": ATTRIBUTED["record3"]}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"caf\xe9 au lait")
    return folder


def test_run_writes_parquet_tables_and_records_failures(
    client: Client, corpus: Path, tmp_path: Path, nlp: Language
) -> None:
    out = tmp_path / "out"
    seen: list[Progress] = []
    result = run_on_cluster([str(corpus)], client=client, out=str(out), partition_size=2, progress=seen.append)

    table = ds.dataset(out / "articles").to_table()
    assert sorted(table.column("id").to_pylist()) == sorted([*ATTRIBUTED, *PLAIN])
    assert (
        dict(zip(table.column("id").to_pylist(), table.column("outlet").to_pylist(), strict=True))["record1"] == "Wire"
    )
    attributions = ds.dataset(out / "attributions").to_table().to_pylist()
    assert set(ATTRIBUTED) <= {row["article_id"] for row in attributions}
    # The workers' rows are exactly what the same pipeline gives in this process.
    for article_id, text in {**ATTRIBUTED, **PLAIN}.items():
        local = analyze(text, nlp=nlp)
        rows = [row for row in attributions if row["article_id"] == article_id]
        assert [(row["cue"], row["content"]) for row in sorted(rows, key=lambda row: row["position"])] == [
            ([list(r) for r in a.cue], [list(r) for r in a.content]) for a in local.attributions
        ]

    failures = ds.dataset(out / "failures").to_table().to_pylist()
    assert sorted((f["where"], f["stage"]) for f in failures) == [  # the Parquet table
        (str(corpus / "broken.txt"), "read"),
        (f"{corpus / 'feed.jsonl'}:2", "read"),
    ]
    assert result.articles == 5 and len(result.failures) == 2
    assert result.attributions == len(attributions)
    assert [p.tasks_done for p in seen] == list(range(1, result.tasks + 1))
    assert result.tasks >= 3 and len(list((out / "articles").glob("part-*.parquet"))) == result.tasks
    assert len(result.worker_peak_rss) >= 1 and all(rss > 50_000_000 for rss in result.worker_peak_rss.values())


def test_each_worker_loads_the_model_once(client: Client, corpus: Path, tmp_path: Path) -> None:
    result = run_on_cluster([str(corpus)], client=client, out=str(tmp_path / "out"), partition_size=1)
    assert result.tasks >= 6
    loads = client.run(cluster_worker.pipeline_loads)
    assert sorted(loads.values()) == [1, 1]


def test_run_into_the_store(client: Client, corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'runs.sqlite'}"
    result = run_on_cluster([str(corpus / "*.txt")], client=client, db=db, partition_size=2)
    assert result.articles == 3 and [f.stage for f in result.failures] == ["read"]
    with open_store(db) as store, store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(articles)).scalar() == 3
        assert store.analysis("kremlin") is not None


def test_a_run_into_the_store_clusters_statements_as_it_stores_them(client: Client, tmp_path: Path) -> None:
    """The client writes each outcome through the store's save path, which clusters it: two outlets telling one
    statement are one trail, with no rebuild."""
    feed = tmp_path / "feed.jsonl"
    told = "the council will close three schools in Dover next year to save money on heating"
    lines = [
        {"id": "herald", "outlet": "Herald", "published": "2024-03-01", "text": f"Ann Lee said that {told}."},
        {"id": "post", "outlet": "Post", "published": "2024-03-02", "text": f"Officials said {told}."},
    ]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'runs.sqlite'}"
    run_on_cluster([str(feed)], client=client, db=db, partition_size=1)
    with open_store(db) as store:
        assert unclustered_articles(store) == 0
        [found] = find_statements(store, "three schools in Dover")
        trail = statement_trail(store, found.cluster_id)
    assert trail is not None
    assert [(item.outlet, item.flags) for item in trail.appearances] == [("Herald", []), ("Post", ["different_source"])]


def test_rerun_replaces_the_previous_parts(client: Client, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_on_cluster([str(corpus)], client=client, out=str(out), partition_size=1)
    run_on_cluster([str(corpus / "kremlin.txt")], client=client, out=str(out), partition_size=1)
    assert ds.dataset(out / "articles").to_table().column("id").to_pylist() == ["kremlin"]


def test_unreachable_scheduler_is_a_cluster_error(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match="cannot reach"):
        run_on_cluster([str(corpus)], address="tcp://127.0.0.1:9", out=str(tmp_path / "out"), connect_timeout=2)


def test_local_cluster_workers_run_without_the_malloc_trim_threshold(client: Client) -> None:
    """Dask's MALLOC_TRIM_THRESHOLD_ slows spaCy down by ~15% in a worker: the clusters we start unset it."""
    assert list(client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_").values()) == [None, None]
    assert list(client.run(os.getenv, "OMP_NUM_THREADS").values()) == ["1", "1"]  # Dask's other settings stay
