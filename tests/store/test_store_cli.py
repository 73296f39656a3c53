"""``accordingto run`` and the store queries (sources, statements, stats, export) through the installed entry
point: progress, resumability after Ctrl-C, a kill or SIGTERM, exit codes, output formats."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

SENTENCES = [
    "Dmitry Peskov said on Tuesday that the talks were over.",
    '"We are ready to talk," Mr. Peskov added, according to the agency.',
    "Two senior officials told reporters that the offer had been rejected.",
    "The minister denied that any deal had been made.",
    "Analysts said the decision could change the course of the war.",
]


def run(cli: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def write_articles(folder: Path, count: int, sentences_each: int = 2) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        body = " ".join(SENTENCES[(number + k) % len(SENTENCES)] for k in range(sentences_each))
        (folder / f"article-{number:02d}.txt").write_text(f"Report {number}. {body}\n")


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stored_count(db: Path) -> int:
    """Articles stored so far, read with the standard library while a run may be writing (WAL).

    The wait for a lock is short: while the run creates and migrates the store, a long wait here could outlast the
    whole run of a fast machine, and the poll would never see it halfway (it happened with a 5 s wait)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def summary(stderr: str) -> dict[str, int]:
    """The counts of the run's summary line ("accordingto: 3 analysed, 2 already stored, ...")."""
    line = next(line for line in stderr.splitlines() if " analysed, " in line)
    counts = line.removeprefix("accordingto: ").split(" (")[0]
    return {" ".join(part.split(" ")[1:]): int(part.split(" ")[0]) for part in counts.split(", ")}


def test_run_stores_a_corpus_and_a_rerun_skips_it(cli: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("")
    first = run(cli, "run", "in", "--batch-size", "2", cwd=tmp_path)
    assert first.returncode == 1, first.stderr  # the empty file
    assert "Traceback" not in first.stderr
    assert summary(first.stderr) == {"analysed": 3, "already stored": 0, "failed": 0, "unreadable": 1}
    assert "in/empty.txt: empty: no text to analyse" in first.stderr
    assert (tmp_path / "accordingto.sqlite").is_file()  # the default store
    (tmp_path / "in" / "empty.txt").unlink()
    second = run(cli, "run", "in", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert summary(second.stderr) == {"analysed": 0, "already stored": 3, "failed": 0, "unreadable": 0}
    assert stored_count(tmp_path / "accordingto.sqlite") == 3


@pytest.mark.parametrize(
    ("jobs", "stop", "exit_code"),
    [
        ("1", signal.SIGINT, 130),  # Ctrl-C: a clean stop and a message
        ("1", signal.SIGKILL, -signal.SIGKILL),  # no chance to clean up at all
        ("2", signal.SIGTERM, 130),  # a kill with worker processes running
    ],
    ids=["ctrl-c", "sigkill", "sigterm-2-jobs"],
)
def test_a_run_stopped_halfway_is_finished_by_running_it_again(
    cli: str, tmp_path: Path, jobs: str, stop: signal.Signals, exit_code: int
) -> None:
    total = 48  # enough that a loaded machine still stops the run halfway
    write_articles(tmp_path / "in", total, sentences_each=8)
    db = tmp_path / "runs.sqlite"
    command = [cli, "run", str(tmp_path / "in"), "--db", str(db), "--batch-size", "1", "--jobs", jobs]
    # Ctrl-C as a terminal sends it: a suite started in the background of a script inherits SIGINT ignored, and so
    # would the run, which then never stops halfway.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible
    )
    deadline = time.monotonic() + 240
    seen = [0]  # what the poll read, for the message if it never caught the run halfway
    while seen[-1] < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        seen.append(stored_count(db))
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    at_stop = stored_count(db)
    polled = sorted(set(seen))
    assert 2 <= at_stop < total, f"the run was not stopped halfway ({at_stop} of {total}; polled {polled}): {stderr}"
    assert process.returncode == exit_code, stderr
    if exit_code == 130:
        assert "interrupted; what is stored stays" in stderr and "Traceback" not in stderr

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    counts = summary(again.stderr)
    assert counts["already stored"] == at_stop and counts["analysed"] == total - at_stop
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
    assert sorted(ids) == [f"article-{n:02d}" for n in range(total)]


@pytest.fixture(scope="module")
def filled_store(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("queries")
    lines = [
        {"id": "n1", "text": SENTENCES[0] + " " + SENTENCES[1], "outlet": "NYT", "published": "2023-12-19"},
        {"id": "n2", "text": SENTENCES[2] + " " + SENTENCES[0], "outlet": "NYT", "published": "2023-12-20"},
        {"id": "w1", "text": SENTENCES[3] + " " + SENTENCES[4], "outlet": "WaPo", "published": "2023-11-01"},
    ]
    (folder / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = folder / "q.sqlite"
    result = run(cli, "run", str(folder / "feed.jsonl"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def test_sources_as_table_json_and_csv(cli: str, filled_store: Path) -> None:
    table = run(cli, "sources", "--db", str(filled_store))
    assert table.returncode == 0, table.stderr
    assert "Sources" in table.stdout and "attributions" in table.stdout
    rows = json.loads(run(cli, "sources", "--db", str(filled_store), "--format", "json").stdout)
    assert rows and {"key", "name", "kind", "named", "attributions", "articles", "outlets"} <= set(rows[0])
    assert rows == sorted(rows, key=lambda row: -row["attributions"])
    peskov = [row for row in rows if "peskov" in row["key"]]
    assert peskov and peskov[0]["articles"] == 2 and peskov[0]["outlets"] == 1
    as_csv = list(csv.DictReader(io.StringIO(run(cli, "sources", "--db", str(filled_store), "--format", "csv").stdout)))
    assert [row["key"] for row in as_csv] == [row["key"] for row in rows]
    wapo = json.loads(run(cli, "sources", "--db", str(filled_store), "--outlet", "wapo", "--format", "json").stdout)
    assert "peskov" not in {row["key"] for row in wapo}
    first = run(cli, "sources", "--db", str(filled_store), "--limit", "1", "--format", "json")
    assert len(json.loads(first.stdout)) == 1
    cursor = first.stderr.split("--cursor ", 1)[1].split()[0]
    second = run(cli, "sources", "--db", str(filled_store), "--limit", "1", "--cursor", cursor, "--format", "json")
    assert json.loads(second.stdout) == rows[1:2]
    every = run(cli, "sources", "--db", str(filled_store), "--all", "--format", "json")
    assert json.loads(every.stdout) == rows or len(rows) == 20


def test_statements_of_a_source_by_date(cli: str, filled_store: Path) -> None:
    result = run(cli, "statements", "--source", "Peskov", "--db", str(filled_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["article_id"] for row in rows} == {"n1", "n2"}
    assert [row["published"] for row in rows] == sorted(row["published"] for row in rows)
    assert any("talks were over" in row["content_text"] for row in rows)
    assert "Statements of Peskov" in run(cli, "statements", "--source", "Peskov", "--db", str(filled_store)).stdout


def test_stats_by_outlet(cli: str, filled_store: Path) -> None:
    stats = json.loads(run(cli, "stats", "--db", str(filled_store), "--format", "json").stdout)
    assert stats["articles"] == 3 and stats["failed"] == 0 and stats["attributions"] > 0
    assert [row["outlet"] for row in stats["by_outlet"]] == ["NYT", "WaPo"]
    table = run(cli, "stats", "--db", str(filled_store))
    assert table.returncode == 0 and "By outlet" in table.stdout and "anonymous share" in table.stdout
    shares = [line.split("│")[-2].strip() for line in table.stdout.splitlines() if "NYT" in line or "WaPo" in line]
    assert shares and all(re.fullmatch(r"\d+\.\d%|n/a", share) for share in shares), shares


@pytest.mark.parametrize("export_format", ["jsonl", "csv", "parquet"])
def test_export(cli: str, filled_store: Path, tmp_path: Path, export_format: str) -> None:
    out = tmp_path / f"export.{export_format}"
    result = run(cli, "export", "--db", str(filled_store), "--format", export_format, "--out", str(out))
    assert result.returncode == 0, result.stderr
    if export_format == "jsonl":
        items = [json.loads(line) for line in out.read_text().splitlines()]
        assert [item["article"]["id"] for item in items] == ["n1", "n2", "w1"]
        assert all("attributions" in item for item in items)
    elif export_format == "csv":
        rows = list(csv.DictReader(out.open()))
        assert rows and {row["article_id"] for row in rows} <= {"n1", "n2", "w1"}
    else:
        table = pq.read_table(out)
        assert table.num_rows > 0 and "content_text" in table.column_names
        assert str(table.schema.field("published").type) == "date32[day]"
    assert "exported" in result.stderr


def test_min_confidence_narrows_every_query_command_and_the_export(
    cli: str, filled_store: Path, tmp_path: Path
) -> None:
    """The model's confidences differ from statement to statement; a floor at their median keeps those at or above
    it in every command, written as a probability or a percentage, and the table shows each as a percentage."""
    db = str(filled_store)
    every = json.loads(run(cli, "statements", "--db", db, "--all", "--format", "json").stdout)
    confidences = sorted(row["confidence"] for row in every)
    floor = confidences[len(confidences) // 2]
    assert confidences[0] < floor, confidences  # the floor leaves some out
    kept = json.loads(
        run(cli, "statements", "--db", db, "--all", "--min-confidence", str(floor), "--format", "json").stdout
    )
    assert kept and all(row["confidence"] >= floor for row in kept)
    assert len(kept) == sum(1 for value in confidences if value >= floor)
    as_percent = run(cli, "statements", "--db", db, "--all", "--min-confidence", f"{floor * 100}%", "--format", "json")
    assert json.loads(as_percent.stdout) == kept
    table = run(cli, "statements", "--db", db, "--all", "--min-confidence", str(floor))
    assert table.returncode == 0 and "confidence" in table.stdout
    assert re.search(r"│\s*\d{1,3}(\.\d)?%\s*│", table.stdout), table.stdout
    sources = json.loads(
        run(cli, "sources", "--db", db, "--all", "--min-confidence", str(floor), "--format", "json").stdout
    )
    everyone = json.loads(run(cli, "sources", "--db", db, "--all", "--format", "json").stdout)
    assert 0 < sum(row["attributions"] for row in sources) < sum(row["attributions"] for row in everyone)
    weeks = json.loads(run(cli, "weeks", "--db", db, "--min-confidence", str(floor), "--format", "json").stdout)
    assert sum(row["statements"] for row in weeks) == len(kept)
    exported = run(cli, "export", "--db", db, "--format", "csv", "--min-confidence", str(floor))
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert sorted((row["article_id"], row["attribution_id"]) for row in rows) == sorted(
        (row["article_id"], row["attribution_id"]) for row in kept
    )
    analyses = run(cli, "export", "--db", db, "--format", "jsonl", "--min-confidence", str(floor)).stdout.splitlines()
    kept_in_analyses = [a for line in analyses for a in json.loads(line)["attributions"]]
    assert len(kept_in_analyses) == len(kept) and all(a["confidence"] >= floor for a in kept_in_analyses)
    nothing = run(cli, "statements", "--db", db, "--min-confidence", "2")
    assert nothing.returncode == 1 and "min_confidence" in nothing.stderr


def test_min_speaker_confidence_narrows_the_query_commands_and_the_export(cli: str, filled_store: Path) -> None:
    """The speakers' confidences differ ("Dmitry Peskov" against "Analysts"); a floor keeps those at or above it
    in every command, and the statements table shows the column."""
    db = str(filled_store)
    every = json.loads(run(cli, "statements", "--db", db, "--all", "--format", "json").stdout)
    known = sorted(row["speaker_confidence"] for row in every if row["speaker_confidence"] is not None)
    floor = known[len(known) // 2]
    assert known[0] < floor, known
    args = ("--db", db, "--all", "--min-speaker-confidence", str(floor), "--format", "json")
    kept = json.loads(run(cli, "statements", *args).stdout)
    assert kept and all(row["speaker_confidence"] >= floor for row in kept)
    assert len(kept) == sum(1 for value in known if value >= floor)
    exported = run(cli, "export", "--db", db, "--format", "jsonl", "--min-speaker-confidence", str(floor))
    in_analyses = [a for line in exported.stdout.splitlines() for a in json.loads(line)["attributions"]]
    assert len(in_analyses) == len(kept) and all(a["speaker_confidence"] >= floor for a in in_analyses)
    table = run(cli, "statements", "--db", db, "--all")
    assert table.returncode == 0 and "speaker" in table.stdout
    refused = run(cli, "statements", "--db", db, "--min-speaker-confidence", "2")
    assert refused.returncode == 1 and "min_speaker_confidence" in refused.stderr


def test_the_hypothetical_filter_through_the_entry_point(cli: str, tmp_path: Path) -> None:
    """A run stores one statement made and two only imagined (an "if" and a "should"); --hypothetical and
    --no-hypothetical split them in the statements list and the CSV export, and a bad value is refused."""
    text = (
        "The mayor said on Monday that the bridge would reopen in May. If the council says the repairs are too "
        "costly, the mayor should tell residents that the bridge stays shut."
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "b1", "text": text, "outlet": "Gazette", "published": "2024-05-02"}) + "\n")
    db = str(tmp_path / "h.sqlite")
    assert run(cli, "run", str(feed), "--db", db).returncode == 0

    def cues(*options: str) -> list[str]:
        result = run(cli, "statements", "--db", db, "--all", "--format", "json", *options)
        assert result.returncode in (0, 1), result.stderr
        return [row["cue_text"] for row in json.loads(result.stdout or "[]")]

    assert cues("--no-hypothetical") == ["said"]
    assert sorted(cues("--hypothetical")) == ["says", "should tell"]
    assert len(cues()) == 3
    exported = run(cli, "export", "--db", db, "--format", "csv", "--no-hypothetical")
    assert [row["cue_text"] for row in csv.DictReader(io.StringIO(exported.stdout))] == ["said"]
    assert "--hypothetical" in run(cli, "statements", "--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sources", "--db", "/nonexistent/folder/x.sqlite"], "does not exist"),
        (["sources", "--db", "missing.sqlite"], "no store at missing.sqlite"),
        (["stats", "--db", "nosuch://host/db"], "not a usable store URL"),
        (["run", "x.txt", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"], "cannot open the store"),
        (["export", "--format", "parquet"], "needs --out"),
    ],
)
def test_store_errors_are_one_line(cli: str, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(cli, *args, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("accordingto: error: ") and message in lines[0], result.stderr
    assert "secret" not in result.stderr


def test_run_into_postgresql(cli: str, tmp_path: Path, new_database_url: Callable[[], str]) -> None:
    write_articles(tmp_path / "in", 2)
    url = new_database_url()
    result = run(cli, "run", str(tmp_path / "in"), "--db", url)
    assert result.returncode == 0, result.stderr
    assert summary(result.stderr)["analysed"] == 2 and "postgresql+psycopg://postgres@" in result.stderr
    rows = json.loads(run(cli, "sources", "--db", url, "--format", "json").stdout)
    assert rows


@pytest.mark.parametrize(
    ("args", "output_format"),
    [
        (["sources", "--search", "peskov"], "table"),
        (["statements", "--source", "Peskov"], "csv"),
        (["statements", "--search", "talks", "--outlet", "nyt"], "json"),
        (["source", "Peskov"], "table"),
        (["source", "Peskov"], "json"),
        (["outlets"], "csv"),
        (["weeks", "--source", "Peskov"], "json"),
        (["weeks", "--anonymous-share"], "csv"),
        (["articles", "--outlet", "NYT"], "json"),
    ],
)
def test_every_query_command_speaks_table_json_and_csv(
    cli: str, filled_store: Path, args: list[str], output_format: str
) -> None:
    result = run(cli, *args, "--db", str(filled_store), "--format", output_format)
    assert result.returncode == 0, result.stderr
    if output_format == "json":
        assert json.loads(result.stdout)
    elif output_format == "csv":
        assert list(csv.DictReader(io.StringIO(result.stdout)))
    else:
        assert result.stdout.strip()


def test_out_writes_a_file(cli: str, filled_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "sources.csv"
    result = run(cli, "sources", "--db", str(filled_store), "--format", "csv", "--out", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert list(csv.DictReader(out.open()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statements", "--source", "Nobody Anyone"], "no statements match"),
        (["sources", "--outlet", "No Such Outlet"], "no sources match"),
        (["source", "Nobody Anyone"], "no source 'Nobody Anyone' matches"),
        (["articles", "--since", "2099-01-01"], "no articles match"),
        (["stats", "--since", "2099-01-01"], "no articles match"),
    ],
)
def test_a_question_nothing_answers_says_so_and_exits_1(
    cli: str, filled_store: Path, args: list[str], message: str
) -> None:
    result = run(cli, *args, "--db", str(filled_store))
    assert result.returncode == 1
    assert result.stderr.strip() == f"accordingto: {message}" and result.stdout == ""
    as_json = run(cli, *args, "--db", str(filled_store), "--format", "json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statements", "--kind", "alien"], "kind: 'alien'"),
        (["statements", "--since", "yesterday"], "YYYY-MM-DD"),
        (["statements", "--search", "!!!"], "no words"),
        (["sources", "--cursor", "nonsense"], "cursor"),
    ],
)
def test_bad_filters_are_one_line(cli: str, filled_store: Path, args: list[str], message: str) -> None:
    result = run(cli, *args, "--db", str(filled_store))
    assert result.returncode == 1
    assert result.stderr.startswith("accordingto: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


ESC = "\x1b"
# Rich markup that would stop a table ("[/x]" closes a tag never opened) and terminal control sequences that
# would set a link, a window title or clear the screen, in every field a person controls.
HOSTILE_OUTLET = f"[/x]Evil [bold]News{ESC}[2J"
HOSTILE_TITLE = f"{ESC}]8;;http://evil.example{ESC}\\click{ESC}]8;;{ESC}\\ [/x]"
HOSTILE_TEXT = f"Dmitry Peskov said that the talks [/x] were over {ESC}]0;pwned\x07 today."


@pytest.fixture(scope="module")
def hostile_store(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    line = {"id": "h1", "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "published": "2023-12-19"}
    (folder / "feed.jsonl").write_text(json.dumps(line | {"text": HOSTILE_TEXT}) + "\n")
    db = folder / "h.sqlite"
    result = run(cli, "run", str(folder / "feed.jsonl"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["stats"], "[/x]Evil [bold]News\\x1b[2J"),
        (["statements"], "\\x1b]0;pwned\\x07"),
        (["sources"], "Dmitry Peskov"),
        (["source", "Peskov"], "[/x]Evil"),
        (["articles"], "\\x1b]8;;http://evil.example"),
        (["outlets"], "[bold]News"),
        (["source", f"[/x]{ESC}]0;t\x07"], ""),  # nothing matches: said on stderr, escaped
    ],
)
def test_stored_text_is_shown_as_written_never_as_markup_or_control_sequences(
    cli: str, hostile_store: Path, args: list[str], shown: str
) -> None:
    result = run(cli, *args, "--db", str(hostile_store))
    assert result.returncode == (0 if shown else 1), result.stderr
    assert "Traceback" not in result.stderr
    assert ESC not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    if shown:
        assert shown in result.stdout
    else:
        assert "[/x]\\x1b]0;t\\x07" in result.stderr


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough rows that the output overflows a pipe's buffer (64 KiB), written through the library."""
    from store_samples import plain_article

    from accordingto.store import open_store

    db = tmp_path_factory.mktemp("big") / "big.sqlite"
    with open_store(str(db)) as store:
        for number in range(400):
            text = f"Minister {number} said the plan for district {number} would be ready by spring."
            store.save(*plain_article(f"a{number:03d}", text, f"Minister {number}", "NYT", "2023-05-01"))
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["export", "--format", "csv"],
        ["statements", "--all"],
        ["statements", "--all", "--format", "csv"],
        ["sources", "--all", "--format", "json"],
    ],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(cli: str, big_store: Path, args: list[str]) -> None:
    """``accordingto ... | head -1``: exit 0 and nothing on stderr but what the command says anyway."""
    process = subprocess.Popen(
        [cli, *args, "--db", str(big_store)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr
