"""End to end: ``accordingto serve`` in a subprocess on a free loopback port, driven by headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import expect

from accordingto.model import Analysis, Article, Attribution, Provenance, Source
from accordingto.store import open_store
from hand_analysis import EXAMPLE_PATH, build_example_analysis
from samples import relayed_statement, source

EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
HOSTILE = (
    'The mayor said: "<script>window.pwned=1</script>" on Monday.\n'
    '<img src=x onerror="window.pwned=1"> "It is over," the minister told reporters.'
)
START_TIMEOUT_S = 90
# The emoji makes the Python offsets (code points) differ from the page's string indices (UTF-16 units) before the
# marked word.
HOSTILE_STATEMENT = 'Officials said "🕊 <img src=x onerror=window.pwned=1> ceasefire <script>window.pwned=1</script>".'


def hostile_analysis() -> Analysis:
    """Article text is hostile: a statement whose words are markup, from an anonymous source, credited to "media",
    found with a confidence of 40%."""
    officials = source("s1", "officials", named=False, kind="government", description="Officials")
    content = HOSTILE_STATEMENT[HOSTILE_STATEMENT.index('"') + 1 : -2]
    return relayed_statement(
        HOSTILE_STATEMENT, "Officials", content, officials, credit="media", credit_words="Officials", confidence=0.4
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service with a small store (two outlets, five weeks, a hostile statement credited to "media"), on
    127.0.0.1 only; stopped after the module."""
    folder = tmp_path_factory.mktemp("server")
    database = folder / "corpus.sqlite"
    analysis = build_example_analysis(EXAMPLE)
    with open_store(str(database)) as store:
        for article_id, outlet, published in [
            ("one", "Example News", "2023-12-23"),
            ("two", "Other Times", "2024-01-05"),
            ("three", "Example News", "2024-01-12"),
            ("four", "Other Times", "2024-01-20"),
        ]:
            article = Article(
                text=EXAMPLE, id=article_id, outlet=outlet, published=published, title=f"Story {article_id}"
            )
            store.save(article, analysis)
        for number in range(5):
            hostile = Article(
                text=HOSTILE_STATEMENT, id=f"hostile-{number}", outlet="Other Times", published="2024-01-21"
            )
            store.save(hostile, hostile_analysis())
    with serving(cli, database, folder) as base:
        yield base


@contextmanager
def serving(cli: str, database: Path, folder: Path) -> Iterator[str]:
    """``accordingto serve`` of a store on a free port of 127.0.0.1; its base URL once it answers."""
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [cli, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(database), "--log-level", "warning"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert process.poll() is None, (folder / "server.log").read_text()
            try:
                if httpx2.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start in time"
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    """A fresh page at the service's front page; fails the test on any script error."""
    tab = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server + "/")
    yield tab
    tab.close()
    assert errors == []


def analyze_in_page(page, text: str, published: str | None = None) -> None:  # type: ignore[no-untyped-def]
    page.fill("#text", text)
    if published:
        page.fill("#published", published)
    page.click("#analyze-button")
    page.wait_for_selector("#result .at-text", timeout=60_000)


def test_the_page_analyzes_the_example_article(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analyze_in_page(page, EXAMPLE, "2023-12-23")
    assert "found in" in page.inner_text("#status")
    assert page.locator("#result .at-text .at-source").count() >= 3
    assert page.locator("#result .at-text .at-cue").count() >= 5
    hues = set(
        page.eval_on_selector_all("#result .at-text .at-source", "ns => ns.map(n => n.style.getPropertyValue('--h'))")
    )
    assert len(hues) >= 2  # sources get their own colours
    assert page.inner_text("#result .at-text").replace("\n", "") == EXAMPLE.replace("\n", "")
    page.locator("#result .at-attr-item").first.click()
    assert "Attribution" in page.inner_text("#result .at-detail")
    page.screenshot(path=str(tmp_path / "page.png"), full_page=False)
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_a_hostile_article_is_shown_as_text_and_nothing_runs(page) -> None:  # type: ignore[no-untyped-def]
    analyze_in_page(page, HOSTILE)
    assert page.evaluate("typeof window.pwned") == "undefined"
    shown = page.inner_text("#result .at-text")
    assert "<script>window.pwned=1</script>" in shown
    assert '<img src=x onerror="window.pwned=1">' in shown
    assert page.locator("#result img, #result script").count() == 0


def test_a_blank_article_is_refused_in_the_page(page) -> None:  # type: ignore[no-untyped-def]
    page.fill("#text", "   ")
    page.evaluate("document.getElementById('text').required = false")
    page.click("#analyze-button")
    assert "Paste an article" in page.inner_text("#status")
    assert page.locator("#result .at-text").count() == 0


def corpus_page(page, server: str, query: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/?" + query)
    page.wait_for_selector("body[data-ready=true]")


def test_the_overview_lists_sources_and_a_click_opens_a_source_page_in_the_url(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#tab-corpus:not([hidden])")
    page.click("#tab-corpus")
    page.wait_for_selector(".pg-sources .pg-source")
    assert page.locator(".pg-sources .pg-source").first.inner_text().startswith("Vladimir Putin")
    expect(page.locator("#corpus-status")).to_contain_text("9 articles, 53 attributions")
    page.locator(".pg-sources .pg-source").first.click()
    page.wait_for_selector(".pg-profile")
    assert "view=source" in page.url and "key=vladimir+putin" in page.url
    assert page.inner_text(".pg-profile h2") == "Vladimir Putin"
    page.reload()
    page.wait_for_selector(".pg-profile")
    assert page.inner_text(".pg-profile h2") == "Vladimir Putin"
    page.go_back()
    page.wait_for_selector(".pg-sources .pg-source")
    assert "view=corpus" in page.url
    page.go_forward()
    page.wait_for_selector(".pg-profile")


def test_a_source_page_shows_every_statement_oldest_first_aliases_outlets_and_a_chart(page, server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=source&key=vladimir%20putin")
    page.wait_for_selector(".pg-statements .pg-statement")
    profile = page.inner_text(".pg-profile")
    assert "16 statements in 4 articles" in profile and "Also called: Putin" in profile
    assert page.locator(".pg-by-outlet tr").count() == 3  # a header and two outlets
    dates = page.locator(".pg-statements .pg-when").all_inner_texts()
    assert len(dates) == 16 and dates == sorted(dates) and dates[0] == "2023-12-23"
    assert page.locator(".pg-chart-weeks rect.pg-bar-week").count() == 5  # 2023-12-18 ... 2024-01-15, gaps as 0
    assert page.locator(".pg-chart-weeks rect title").first.text_content() == "week of 2023-12-18: 4 statements"
    assert page.inner_text(".pg-chart-card figcaption").startswith(
        "16 statements in 5 weeks, from the week of 2023-12-18 to that of 2024-01-15; the most ("
    )
    page.locator(".pg-statements .pg-article-link").first.click()
    page.wait_for_selector("#analyze-view:not([hidden]) #result .at-text")
    assert "view=article" in page.url and "id=one" in page.url


def test_search_finds_sources_and_marks_the_words_in_statements_safely(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#search-form:not([hidden])")
    page.fill("#search-box", "ceasefire")
    page.press("#search-box", "Enter")
    page.wait_for_selector(".pg-statements .pg-statement")
    assert "view=search" in page.url and "q=ceasefire" in page.url
    marks = page.locator(".pg-statements mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("ceasefire") for mark in marks)
    hostile = page.locator(".pg-statement", has_text="onerror").first
    assert "<img src=x onerror=window.pwned=1> ceasefire <script>window.pwned=1</script>" in hostile.inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#view img, #view script").count() == 0
    assert page.locator(".pg-chart-weeks rect.pg-bar-week").count() >= 1
    # The chart spans the page as the statements do (in a third of it, its labels were too small to read).
    assert page.locator(".pg-grid .pg-chart-card").count() == 0
    chart, said = page.locator(".pg-chart-card").bounding_box(), page.locator(".pg-statements").bounding_box()
    assert chart is not None and said is not None and chart["width"] == said["width"]
    page.fill("#search-box", "zelensk")
    page.press("#search-box", "Enter")
    expect(page.locator(".pg-sources .pg-source-name")).to_have_text(["Volodymyr Zelenskyy"])
    page.go_back()
    expect(page.locator("#search-box")).to_have_value("ceasefire")


def test_a_search_chart_counted_on_a_sample_says_it_is_an_estimate(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """The store counts a very common word on a sample (tested in tests/store); here the chart's answer says so, as
    it would on a large store, and the page must tell the reader the bars are estimates."""
    corpus_page(page, server, "view=search&q=ceasefire")
    page.wait_for_selector(".pg-chart-weeks rect.pg-bar-week")
    assert page.locator(".pg-estimate").count() == 0  # counted exactly: nothing to say

    def sampled(route) -> None:  # type: ignore[no-untyped-def]
        weeks = route.fetch().json()
        route.fulfill(json=[{**week, "statements": week["statements"] * 4, "sample": 4} for week in weeks])

    page.route("**/charts/statements-per-week?*", sampled)
    corpus_page(page, server, "view=search&q=negotiate")
    expect(page.locator(".pg-estimate")).to_contain_text("one in 4 was counted")
    assert page.locator(".pg-chart-weeks rect title").first.text_content().startswith("week of ")
    assert "about " in page.locator(".pg-chart-weeks rect title").first.text_content()


def test_filters_narrow_the_lists_and_live_in_the_url(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=statements")
    page.wait_for_selector(".pg-statements .pg-statement")
    page.select_option("#filter-named", "false")
    page.select_option("#filter-outlet", ["Other Times"])
    page.click("#corpus-filters button[type=submit]")
    expect(page.locator(".pg-statements .pg-count").first).to_contain_text("Other Times")
    assert "named=false" in page.url and "outlet=Other+Times" in page.url
    page.wait_for_selector(".pg-statements .pg-statement")
    badges = page.locator(".pg-statements .pg-statement").all_inner_texts()
    assert badges and all("anonymous" in text and "Other Times" in text for text in badges)
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)
    # The outlet is matched whatever its case, and the URL alone reproduces the view.
    corpus_page(page, server, "view=corpus&outlet=other%20times&named=false")
    page.wait_for_selector(".pg-sources .pg-source")
    expect(page.locator("#filter-named")).to_have_value("false")
    assert page.eval_on_selector("#filter-outlet", "s => Array.from(s.selectedOptions).map(o => o.value)") == [
        "Other Times"
    ]
    names = page.locator(".pg-sources .pg-source-name").all_inner_texts()
    assert names and "Vladimir Putin" not in names
    page.click("#filters-clear")
    expect(page.locator(".pg-sources .pg-source-name").first).to_have_text("Vladimir Putin")
    page.go_back()
    expect(page.locator("#filter-named")).to_have_value("false")


def test_the_confidence_filter_narrows_the_lists_and_each_statement_shows_its_confidence(page, server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=statements&outlet=other%20times")
    page.wait_for_selector(".pg-statements .pg-statement")
    hostile = page.locator(".pg-statement", has_text="onerror")
    assert hostile.count() == 5
    expect(hostile.first.locator(".at-confidence")).to_have_text("40% likely right")
    by_hand = page.locator(".pg-statement", has_text="Putin").first
    expect(by_hand.locator(".at-confidence")).to_have_text("100% likely right")
    page.fill("#filter-min-confidence", "0.5")
    page.click("#corpus-filters button[type=submit]")
    page.wait_for_url("**min_confidence=0.5**")
    expect(page.locator(".pg-statements .pg-statement")).to_have_count(24)  # the example's 12 in two articles
    assert page.locator(".pg-statement", has_text="onerror").count() == 0
    corpus_page(page, server, "view=corpus&min_confidence=0.5&outlet=other%20times")
    page.wait_for_selector(".pg-sources .pg-source")
    expect(page.locator("#filter-min-confidence")).to_have_value("0.5")
    assert "officials" not in [name.lower() for name in page.locator(".pg-sources .pg-source-name").all_inner_texts()]


def test_a_download_holds_every_filtered_row_not_just_the_page(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=statements&outlet=example%20news")
    page.wait_for_selector(".pg-statements .pg-statement")
    shown = page.locator(".pg-statements .pg-statement").count()
    assert shown == 24 and page.locator(".pg-statements .pg-more").is_hidden()
    with page.expect_download() as caught:
        page.click(".pg-statements .pg-download[data-format=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(caught.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 24 and {row["outlet"] for row in rows} == {"Example News"}
    with page.expect_download() as caught:
        page.click(".pg-statements .pg-download[data-format=json]")
    assert len(json.loads(Path(caught.value.path()).read_text(encoding="utf-8"))) == 24


def test_long_lists_page_with_more(page, server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=statements")
    page.wait_for_selector(".pg-statements .pg-statement")
    assert page.locator(".pg-statements .pg-statement").count() == 50
    page.click(".pg-statements .pg-more")
    expect(page.locator(".pg-statements .pg-statement")).to_have_count(53)  # 4 x 12 + 5
    assert page.locator(".pg-statements .pg-more").is_hidden()


# Whether every label of every chart lies within the chart's own drawing area.
LABELS_INSIDE = """() => Array.from(document.querySelectorAll("svg.pg-chart")).every((chart) =>
  Array.from(chart.querySelectorAll("text")).every((label) => {
    const box = label.getBBox();
    return box.x >= 0 && box.x + box.width <= chart.viewBox.baseVal.width;
  }))"""


def test_outlets_side_by_side_with_the_anonymous_share_over_time(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=outlets")
    page.wait_for_selector(".pg-outlet-card")
    assert page.locator(".pg-outlet-card h3").all_inner_texts() == ["Example News", "Other Times"]
    other = page.locator(".pg-outlet-card", has_text="Other Times").inner_text()
    assert "7 articles" in other and "anonymous" in other and "Vladimir Putin" in other
    page.wait_for_selector(".pg-chart-share polyline", state="attached")
    assert page.locator(".pg-chart-share polyline").count() == 2
    assert page.locator(".pg-legend-item").all_inner_texts() == ["Example News", "Other Times"]
    assert page.locator(".pg-chart-share circle").count() == 4  # one dot per outlet-week
    caption = page.inner_text(".pg-chart-card figcaption")
    assert caption.startswith("2 outlets over 4 weeks from the week of 2023-12-18; the highest share: ")
    assert page.evaluate(LABELS_INSIDE), "an axis label is cut by the chart's edge"
    page.screenshot(path=str(tmp_path / "outlets.png"), full_page=True)


def test_upstream_reports_with_a_generic_credit_shown_as_such(page, server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, server, "view=upstream")
    page.wait_for_selector(".pg-upstream-item")
    items = page.locator(".pg-upstream-item").all_inner_texts()
    assert items[0].startswith("unnamed media") and items[1].startswith("The New York Times")  # 5 articles, then 4
    assert "4 articles" in items[1]
    assert any(item.startswith("unnamed media") and "generic credit" in item and "5 articles" in item for item in items)
    assert not any(item.startswith("media") for item in items)


# ---- the trail of a statement ------------------------------------------------------------------------------

HOSTILE_TRAIL = "<img src=x onerror=window.pwned=1> the schools <script>window.pwned=1</script> will close in June"


def one_statement(text: str, source: str, content: str, *, named: bool = True, credits: str | None = None) -> Analysis:
    """An analysis of ``text`` holding one attribution: ``source`` said ``content`` (a quote when it is in
    quotation marks), credited to the outlet ``credits`` when given."""
    start = text.index(content)
    source_at = text.index(source)
    attribution = Attribution(
        id="a1",
        type="direct" if content.startswith('"') else "indirect",
        source=[(source_at, source_at + len(source))],
        cue=[(text.index("said"), text.index("said") + 4)],
        content=[(start, start + len(content))],
        source_text=source,
        cue_text="said",
        content_text=content,
        source_id="s1",
    )
    provenance = (
        [
            Provenance(
                name=credits, spans=[(text.index(credits), text.index(credits) + len(credits))], attribution_ids=["a1"]
            )
        ]
        if credits
        else []
    )
    return Analysis(
        text=text,
        attributions=[attribution],
        sources=[
            Source(id="s1", name=source, kind="person" if named else "government", named=named, description=source)
        ],
        provenance=provenance,
    )


TRAIL_ARTICLES = [
    # (id, outlet, published, text, source, content, named, credits)
    (
        "herald-1",
        "Valley Herald",
        "2024-03-01",
        "Ann Lee said the council will close three schools in Dover next year to save money on heating.",
        "Ann Lee",
        "the council will close three schools in Dover next year to save money on heating",
        True,
        None,
    ),
    (
        "ledger-1",
        "Ledger",
        "2024-03-04",
        "According to the Valley Herald, officials said the council would close three schools in Dover next year to "
        "save money on heating.",
        "officials",
        "the council would close three schools in Dover next year to save money on heating",
        False,
        "Valley Herald",
    ),
    (
        "post-1",
        "Post",
        "2024-03-02",
        '"The council will close three schools in Dover next year," Ann Lee said.',
        "Ann Lee",
        '"The council will close three schools in Dover next year,"',
        True,
        None,
    ),
    ("hostile-a", "Post", "2024-03-05", f"Ann Lee said {HOSTILE_TRAIL}.", "Ann Lee", HOSTILE_TRAIL, True, None),
    ("hostile-b", "Ledger", "2024-03-06", f"Ann Lee said {HOSTILE_TRAIL}.", "Ann Lee", HOSTILE_TRAIL, True, None),
]


@pytest.fixture(scope="module")
def trail_server(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service with a store where one statement is told by three outlets (trimmed into a quote by one,
    credited to officials "according to" the first by another), and a statement made of markup told twice."""
    folder = tmp_path_factory.mktemp("trail")
    database = folder / "trail.sqlite"
    with open_store(str(database)) as store:
        for article_id, outlet, published, text, source, content, named, credits in TRAIL_ARTICLES:
            article = Article(text=text, id=article_id, outlet=outlet, published=published, title=f"Story {article_id}")
            store.save(article, one_statement(text, source, content, named=named, credits=credits))
    with serving(cli, database, folder) as base:
        yield base


def test_a_statements_trail_from_the_corpus_view_with_each_retellings_diff_on_click(page, trail_server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, trail_server, "view=statements")
    page.locator(".pg-statement", has_text="three schools").first.locator(".pg-trail-link").click()
    page.wait_for_selector(".pg-trail-timeline .pg-trail-item")
    assert "view=trail" in page.url
    expect(page.locator(".pg-trail-item .pg-trail-outlet")).to_have_text(["Valley Herald", "Post", "Ledger"])
    expect(page.locator(".pg-trail-item .pg-when")).to_have_text(["2024-03-01", "2024-03-02", "2024-03-04"])
    assert page.locator(".pg-trail-first").count() == 1
    expect(page.locator(".pg-trail-first .pg-first-badge")).to_have_text("first appearance")
    expect(page.locator(".pg-trail")).to_contain_text("Told 3 times in 3 articles by 3 outlets")
    ledger = page.locator(".pg-trail-item", has_text="Ledger")
    expect(ledger.locator(".pg-trail-flag")).to_have_text(["credited to someone else"])
    expect(ledger.locator(".pg-credits")).to_have_text("credits Valley Herald")
    expect(page.locator(".pg-trail-item", has_text="Post").locator(".pg-trail-flag")).to_have_text(["made a quote"])
    assert ledger.locator(".pg-trail-diff").is_hidden()
    ledger.locator("button.pg-trail-outlet").click()
    expect(ledger.locator(".pg-trail-diff")).to_be_visible()
    expect(ledger.locator(".pg-diff-removed")).to_have_text(["will"])
    expect(ledger.locator(".pg-diff-added")).to_have_text(["would"])
    assert ledger.locator("button.pg-trail-outlet").get_attribute("aria-expanded") == "true"
    ledger.locator("button.pg-trail-outlet").click()
    assert ledger.locator(".pg-trail-diff").is_hidden()
    # The state is in the URL: a reload shows the same trail.
    page.reload()
    expect(page.locator(".pg-trail-item .pg-trail-outlet")).to_have_text(["Valley Herald", "Post", "Ledger"])


def test_a_trail_of_markup_is_shown_as_text_and_nothing_runs(page, trail_server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, trail_server, "view=trail&id=hostile-b&key=a1")
    page.wait_for_selector(".pg-trail-timeline .pg-trail-item")
    expect(page.locator(".pg-trail-item .pg-content")).to_have_text([HOSTILE_TRAIL, HOSTILE_TRAIL])
    page.locator(".pg-trail-item button.pg-trail-outlet").click()
    # The diff is of words (markup characters are not words): shown, never parsed.
    expect(page.locator(".pg-trail-diff .pg-diff")).to_contain_text("onerror window pwned 1 the schools script")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#view img, #view script").count() == 0


def test_a_statement_without_a_trail_says_so(page, trail_server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, trail_server, "view=trail&id=nowhere&key=a1")
    expect(page.locator("#view .pg-error")).to_contain_text("No trail for this statement")


def test_a_search_lists_statements_as_told_across_outlets_and_opens_a_trail(page, trail_server: str) -> None:  # type: ignore[no-untyped-def]
    corpus_page(page, trail_server, "view=corpus")
    page.fill("#search-box", "schools")
    page.press("#search-box", "Enter")
    matches = page.locator(".pg-trail-matches li")
    expect(matches).to_have_count(2)
    expect(matches.first).to_contain_text("told 3 times by 3 outlets; first: Valley Herald, 2024-03-01")
    expect(matches.nth(1).locator(".pg-trail-match")).to_have_text(HOSTILE_TRAIL)  # markup shown as text
    assert page.evaluate("typeof window.pwned") == "undefined"
    matches.first.locator(".pg-trail-match").click()
    expect(page.locator(".pg-trail-item .pg-trail-outlet")).to_have_text(["Valley Herald", "Post", "Ledger"])
    assert "view=trail" in page.url and "key=" in page.url and "id=" not in page.url
