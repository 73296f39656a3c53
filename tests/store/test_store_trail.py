"""The trail of a statement read from a store (trail/query.py), on SQLite and PostgreSQL, and ``accordingto trail``
through the installed entry point. (Here rather than in tests/trail/ for the store fixtures of this folder.)"""

from __future__ import annotations

import csv
import io
import json
import random
import string
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from store_samples import statements_article
from test_store_clusters import cluster_of, save_and_cluster, save_unclustered

from accordingto.store import Store
from accordingto.store.schema import statement_members
from accordingto.store.statements import statement_key
from accordingto.trail import find_statements, statement_cluster, statement_trail

CLOSE = "the council will close three schools in Dover next year to save money on heating"


@pytest.fixture
def told(store: Store) -> Store:
    """One statement told by four outlets, and another one."""
    save_and_cluster(
        store,
        # Dated first but credits the Herald: not the first appearance.
        statements_article(
            "ledger-1",
            [("Ann Lee", f"“{CLOSE},”")],
            outlet="Ledger",
            published="2024-02-29",
            credits="Valley Herald",
        ),
        statements_article("herald-1", [("Ann Lee", CLOSE, {"hedged": True})], outlet="Valley Herald"),
        statements_article(
            "post-1",
            [
                ("Officials", "Ann Lee said the council would close three schools in Dover next year to save money"),
                ("Bo Roe", "the new bridge over the river will open to traffic in early April"),
            ],
            outlet="Post",
            published="2024-03-02",
        ),
        statements_article(
            "courier-1",
            [
                ("US officials", f"Ann Lee said {CLOSE}"),
                ("Ann Lee", "the council will not close three schools in Dover next year", {"parent": "a1"}),
            ],
            outlet="Courier",
            published="2024-03-03",
            credits="Ledger",
        ),
    )
    return store


def test_the_trail_of_a_statement(told: Store) -> None:
    cluster_id = cluster_of(told, "herald-1", "a1")
    assert cluster_id is not None
    trail = statement_trail(told, cluster_id)
    assert trail is not None
    assert [item.article_id for item in trail.appearances] == ["herald-1", "ledger-1", "post-1", "courier-1"]
    first, ledger, post, courier = trail.appearances
    assert (first.outlet, first.published.isoformat() if first.published else None) == ("Valley Herald", "2024-03-01")
    assert first.source == "Ann Lee" and first.flags == [] and first.diff == []
    assert ledger.upstream == ["Valley Herald"] and ledger.type == "direct"
    assert ledger.flags == ["hedge_dropped", "made_direct"]
    assert all(piece.op == "equal" for piece in ledger.diff)
    assert post.source == "Officials" and post.flags == ["different_source", "hedge_dropped"]
    assert {(piece.op, piece.first, piece.later) for piece in post.diff if piece.op != "equal"} == {
        ("insert", "", "Ann Lee said"),
        ("replace", "will", "would"),
        ("delete", "on heating", ""),
    }
    # The nested statement carries the statement; its frame is the way it came.
    assert (courier.attribution_id, courier.via, courier.upstream) == ("a2", ["US officials"], ["Ledger"])
    assert courier.flags == ["hedge_dropped", "negation_added"]
    data = trail.to_dict()
    assert (data["appearances"], data["articles"], data["outlets"]) == (4, 4, 4)
    assert data["first"]["published"] == "2024-03-01" and data["later"][0]["diff"][0]["op"] == "equal"
    json.dumps(data)


def test_an_unknown_cluster_has_no_trail(told: Store) -> None:
    assert statement_trail(told, 10_000) is None


def test_a_stored_attribution_leads_to_its_statements_cluster(told: Store) -> None:
    first = cluster_of(told, "herald-1", "a1")
    assert statement_cluster(told, "post-1", "a1") == first
    # A frame is not a statement: it leads to the cluster of the statement nested in it.
    assert statement_cluster(told, "courier-1", "a1") == first == cluster_of(told, "courier-1", "a2")
    assert statement_cluster(told, "post-1", "a2") not in (None, first)
    assert statement_cluster(told, "post-1", "a9") is None
    assert statement_cluster(told, "nowhere", "a1") is None


@pytest.mark.parametrize(
    "words",
    [
        "close three schools in Dover",
        "CLOSING three SCHOOLS, Dover",  # the statements' own normalization
        "the council will close three schools in Dover next year to save cash on heating",  # a word wrong
    ],
)
def test_statements_are_found_by_their_words(told: Store, words: str) -> None:
    found = find_statements(told, words)
    assert found and found[0].cluster_id == cluster_of(told, "herald-1", "a1")
    assert (found[0].appearances, found[0].outlet, found[0].statement) == (4, "Valley Herald", CLOSE)


def test_matches_are_ranked_and_limited(told: Store) -> None:
    every = find_statements(told, "new bridge")
    assert [match.appearances for match in every] == [1]
    assert find_statements(told, "three schools", limit=1)[0].appearances == 4


@pytest.mark.parametrize("words", ["elephants", "the of and", ""])
def test_words_that_match_nothing_find_nothing(told: Store, words: str) -> None:
    assert find_statements(told, words) == []


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, "trail", *args], capture_output=True, text=True, timeout=120)


def test_the_trail_command(cli: str, told: Store, store_url: str, tmp_path: Path) -> None:
    table = run(cli, "close three schools", "--db", store_url)
    assert table.returncode == 0, table.stderr
    assert "Statement" in table.stdout and "Valley Herald" in table.stdout and "different_source" in table.stdout
    assert "Traceback" not in table.stderr

    as_json = run(cli, "close three schools", "--db", store_url, "--format", "json")
    data = json.loads(as_json.stdout)
    assert data["first"]["article_id"] == "herald-1" and len(data["later"]) == 3

    by_id = run(cli, "--id", str(data["cluster_id"]), "--db", store_url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(by_id.stdout)))
    assert [row["article_id"] for row in rows] == ["herald-1", "ledger-1", "post-1", "courier-1"]
    assert rows[2]["flags"] == "different_source hedge_dropped" and "will -> would" in rows[2]["changes"]

    out = tmp_path / "trail.json"
    written = run(cli, "--id", str(data["cluster_id"]), "--db", store_url, "--format", "json", "--out", str(out))
    assert written.returncode == 0 and written.stdout == "" and json.loads(out.read_text()) == data


@pytest.mark.parametrize(
    ("args", "message"), [(["elephants"], "no statement in"), (["--id", "10000"], "no statement cluster 10000")]
)
def test_the_trail_command_says_when_nothing_matches(
    cli: str, told: Store, store_url: str, args: list[str], message: str
) -> None:
    result = run(cli, *args, "--db", store_url)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"), [([], "give words of the statement"), (["schools", "--id", "1"], "not both")]
)
def test_the_trail_command_needs_words_or_an_id(cli: str, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(cli, *args, "--db", str(tmp_path / "store.sqlite"))
    assert result.returncode == 2 and message in result.stderr


def test_the_trail_command_rebuilds_a_store_filled_before_clustering(cli: str, store: Store, store_url: str) -> None:
    for number, outlet in enumerate(["Herald", "Post"]):
        save_unclustered(store, statements_article(f"{outlet}-{number}", [("Ann Lee", CLOSE)], outlet=outlet))
    before = run(cli, "three schools", "--db", store_url)
    assert before.returncode == 1 and "2 stored articles are not clustered yet" in before.stderr
    rebuilt = run(cli, "three schools", "--rebuild", "--db", store_url, "--format", "json")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "clustered the statements of 2 articles" in rebuilt.stderr and "not clustered yet" not in rebuilt.stderr
    assert len(json.loads(rebuilt.stdout)["later"]) == 1


def test_the_trail_command_refuses_a_missing_store(cli: str, tmp_path: Path) -> None:
    result = run(cli, "schools", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 1 and "no store at" in result.stderr


def test_the_trail_command_says_when_it_cannot_write(cli: str, told: Store, store_url: str, tmp_path: Path) -> None:
    result = run(cli, "schools", "--db", store_url, "--out", str(tmp_path / "no" / "such" / "trail.txt"))
    assert result.returncode == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr


# Hand-made articles for a whole run: one statement told first by the Herald, then trimmed into a quote by the
# Post, then credited to officials "according to the Valley Herald" by the Ledger; and an unrelated statement.
RUN_FEED = [
    {
        "id": "herald-1",
        "outlet": "Valley Herald",
        "published": "2024-03-01",
        "text": "Mayor Ann Lee said on Monday that the council will close three schools in Dover next year to save "
        "money on heating. Parents plan to protest outside the town hall.",
    },
    {
        "id": "ledger-1",
        "outlet": "Ledger",
        "published": "2024-03-04",
        "text": "According to the Valley Herald, officials said the council would close three schools in Dover next "
        "year to save money on heating.",
    },
    {
        "id": "post-1",
        "outlet": "Post",
        "published": "2024-03-02",
        "text": '"The council will close three schools in Dover next year," Ann Lee told reporters. The bridge over '
        "the river stayed shut for repairs.",
    },
    {
        "id": "wire-1",
        "outlet": "Wire",
        "published": "2024-03-03",
        "text": "The harbour master said the new ferry will run every hour from next week on.",
    },
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_corpus_run_then_the_trail_shows_the_first_appearance_and_the_changes(
    cli: str, store_url: str, tmp_path: Path, jobs: str
) -> None:
    """From the user's side: ``accordingto run`` clusters as it stores (no rebuild), ``accordingto trail``
    shows who told the statement first and what later retellings changed."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(item) + "\n" for item in RUN_FEED), encoding="utf-8")
    stored = subprocess.run(
        [cli, "run", str(feed), "--db", store_url, "--jobs", jobs], capture_output=True, text=True, timeout=300
    )
    assert stored.returncode == 0, stored.stderr
    table = run(cli, "three schools in Dover", "--db", store_url)
    assert table.returncode == 0, table.stderr
    assert "not clustered yet" not in table.stderr
    assert "First: Valley Herald, 2024-03-01, Ann Lee" in table.stdout
    data = json.loads(run(cli, "three schools in Dover", "--db", store_url, "--format", "json").stdout)
    assert data["first"]["article_id"] == "herald-1"
    post, ledger = data["later"]
    assert (post["outlet"], post["type"], post["flags"]) == ("Post", "direct", ["made_direct"])
    assert {(piece["op"], piece["first"]) for piece in post["diff"]} >= {("delete", "to save money on heating")}
    assert (ledger["outlet"], ledger["source"], ledger["flags"]) == ("Ledger", "officials", ["different_source"])
    assert ledger["via"] == ["Valley Herald"]
    assert {(piece["op"], piece["first"], piece["later"]) for piece in ledger["diff"]} >= {("replace", "will", "would")}
    ferry = json.loads(run(cli, "ferry every hour", "--db", store_url, "--format", "json").stdout)
    assert ferry["first"]["article_id"] == "wire-1" and ferry["later"] == []


def test_the_trail_table_shows_stored_text_as_written(cli: str, store: Store, store_url: str) -> None:
    """Outlets and statements reach the terminal as written: rich markup ("[/x]") is not parsed (it would stop
    the table), control sequences (an OSC title, a screen clear) are shown as escapes, not obeyed."""
    save_and_cluster(
        store,
        statements_article("a-1", [("Ann Lee", f"[/x] {CLOSE} \x1b]0;t\x07")], outlet="[bold]Ledger\x1b[2J"),
        statements_article("b-1", [("Ann Lee", f"[/x] {CLOSE} \x1b]0;t\x07")], outlet="Post", published="2024-03-02"),
    )
    table = run(cli, "close three schools", "--db", store_url)
    assert table.returncode == 0, table.stderr
    assert "\x1b" not in table.stdout + table.stderr and "\x07" not in table.stdout
    assert "[/x]" in table.stdout and "[bold]Ledger\\x1b[2J" in table.stdout.replace("\n", "")


# Statements whose words are prefixes, suffixes and repeats of one another's: a whole word must match.
NEIGHBOURS = [
    ("Ann Lee", "the dove flew over the old school in Dover at dawn"),
    ("Bo Roe", "a dovetail joint holds the schoolyard gate of the old mill"),
    ("Di Fox", "the mill and the mill pond will reopen to visitors in spring"),
    ("Carl Ito", "visitors say the pond is cold even in the warmest spring"),
]


@pytest.mark.parametrize(
    ("words", "holding"),
    [
        ("dove", {"n-0"}),  # not "dovetail", not "Dover"
        ("Dover dove", {"n-0"}),
        ("school", {"n-0"}),  # not "schoolyard"
        ("old mill", {"n-1"}),
        ("mill mill pond", {"n-2"}),  # a word twice is the word once
        ("visitors spring", {"n-2", "n-3"}),
        ("pond cold warmest spring visitors", {"n-3"}),
        ("gate dawn", set()),  # two words of two different statements
        ("tail", set()),
    ],
)
def test_the_word_index_finds_the_statements_holding_every_word_as_a_whole_word(
    store: Store, words: str, holding: set[str]
) -> None:
    save_and_cluster(
        store,
        *(
            statements_article(f"n-{number}", [said], outlet=f"Outlet {number}")
            for number, said in enumerate(NEIGHBOURS)
        ),
    )
    wanted = set(statement_key(words).words)
    with store.connect() as connection:
        stored = connection.execute(
            select(statement_members.c.cluster_id, statement_members.c.article_id, statement_members.c.words)
        ).all()
    # What the scan of the stored words (LIKE '% word %' for every word) found.
    scanned = {(cluster_id, article_id) for cluster_id, article_id, found in stored if wanted <= set(found.split())}
    assert {article_id for _, article_id in scanned} == holding
    found = {match.cluster_id for match in find_statements(store, words, limit=100) if match.score == 1.0}
    assert found == {cluster_id for cluster_id, _ in scanned}


# Words that do not repeat a pattern: PostgreSQL compresses a key before checking its size.
_SHUFFLED = random.Random(7)
LONG_WORDS = {
    "latin": "".join(_SHUFFLED.choice(string.ascii_lowercase) for _ in range(4000)),
    "cjk": "".join(chr(_SHUFFLED.randrange(0x4E00, 0x9FA5)) for _ in range(2000)),
}


@pytest.mark.parametrize("long_word", LONG_WORDS.values(), ids=LONG_WORDS.keys())
def test_a_statement_with_a_word_longer_than_an_index_key_is_stored_and_found(store: Store, long_word: str) -> None:
    # PostgreSQL refuses a B-tree key over about 2,700 bytes: the word index keys a word by its first characters.
    said = f"the archive holds {long_word} as its only record of the council vote"
    save_and_cluster(store, statements_article("long-0", [("Ann Lee", said)], outlet="Outlet 0"))
    (match,) = find_statements(store, f"{long_word} council vote")
    assert match.score == 1.0 and match.articles == 1
    assert find_statements(store, f"{long_word[:-1]}q council vote") == []
