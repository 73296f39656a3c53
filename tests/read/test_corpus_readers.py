"""Corpus readers: folders of text, JSON Lines, HTML pages and WARC archives, with bad records reported by
place while the reading goes on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accordingto.outcome import Failure
from accordingto.read import ReadArticle, count_articles, read_inputs, text_id

PAGE = """<!doctype html><html><head><title>Talks are over | Example News</title>
<meta property="article:published_time" content="2023-12-23T10:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Talks are over</h1>
<p>Dmitry Peskov said on Tuesday that the talks were over. He spoke to reporters in Moscow after a long
meeting with officials from both sides.</p>
<p>"We are ready," Mr. Peskov added, according to the agency. Officials declined to comment further.</p>
</article>
<div class="comments" id="comments"><h3>Comments</h3><p>Reader42 wrote: what a shame, said nobody.</p></div>
<footer>Copyright Example News</footer></body></html>"""


def read(*paths: Path | str) -> tuple[list[ReadArticle], list[Failure]]:
    items = list(read_inputs(str(path) for path in paths))
    articles = [item for item in items if isinstance(item, ReadArticle)]
    failures = [item for item in items if isinstance(item, Failure)]
    assert len(articles) + len(failures) == len(items)
    return articles, failures


def test_a_folder_of_text_files_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed said so.")
    (tmp_path / "a.txt").write_text("Ann said so.")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / ".git" / "x.txt").write_text("not an article")
    (tmp_path / "notes.md").write_text("ignored: not a known format")
    articles, failures = read(tmp_path)
    assert [(a.id, a.text) for a in articles] == [("a", "Ann said so."), ("b/z", "Zed said so.")]
    assert articles[1].where == f"{tmp_path}/b/z.txt"
    assert [(f.where, f.reason.split(" ")[0]) for f in failures] == [
        (f"{tmp_path}/c.txt", "not"),
        (f"{tmp_path}/empty.txt", "empty:"),
    ]
    assert count_articles([str(tmp_path)]) == 4


def test_missing_paths_and_empty_folders_are_failures_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    articles, failures = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert articles == []
    assert [f.reason for f in failures] == [
        "no such file or folder",
        "no readable files in this folder (.txt, .jsonl, .html, .warc)",
    ]


JSONL_LINES = [
    json.dumps({"id": "one", "text": "Ann said so.", "outlet": "NYT", "published": "2023-12-23T08:00:00Z"}),
    "",
    "{not json",
    json.dumps({"id": "no-text", "title": "Nothing"}),
    json.dumps({"id": 7, "text": "Bob said no.", "url": "https://example.org/7"}),
    json.dumps(["a", "list"]),
    json.dumps({"text": "Cy said maybe.", "published": "yesterday"}),
    json.dumps({"text": "Di said yes."}),
    json.dumps({"text": "   "}),
]


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_json_lines_with_bad_lines_named_by_line(tmp_path: Path, name: str) -> None:
    data = ("\n".join(JSONL_LINES) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    articles, failures = read(path)
    assert [(a.id, a.text, a.where) for a in articles] == [
        ("one", "Ann said so.", f"{path}:1"),
        ("7", "Bob said no.", f"{path}:5"),
        (text_id("Di said yes."), "Di said yes.", f"{path}:8"),
    ]
    assert (articles[0].outlet, articles[0].published) == ("NYT", "2023-12-23")
    assert articles[1].url == "https://example.org/7"
    assert [(f.where.rsplit(":", 1)[1], f.reason.split(":")[0]) for f in failures] == [
        ("3", "not valid JSON"),
        ("4", 'no "text" string in the record'),
        ("6", "not a JSON object but list"),
        ("7", "published date 'yesterday' is not YYYY-MM-DD (or an ISO timestamp)"),
        ("9", "empty"),
    ]
    assert count_articles([str(path)]) is None


def test_an_html_page_gives_its_main_text_and_metadata_without_comments(tmp_path: Path) -> None:
    (tmp_path / "talks.html").write_text(PAGE)
    (tmp_path / "blank.htm").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    articles, failures = read(tmp_path / "talks.html", tmp_path / "blank.htm")
    [article] = articles
    assert article.id == "talks" and article.title == "Talks are over"
    assert article.published == "2023-12-23" and article.outlet == "Example News"
    assert "Dmitry Peskov said on Tuesday that the talks were over." in article.text
    assert "Reader42" not in article.text and "Home | World" not in article.text
    assert [(f.where, f.reason) for f in failures] == [
        (str(tmp_path / "blank.htm"), "no article text found in the page")
    ]


def write_warc(path: Path, *, gzipped: bool) -> None:
    """An HTML response, an image, a request, a response with a broken HTTP head, a second page, then junk."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)

    def response(uri: str, content_type: str, body: bytes) -> None:
        head = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=head))

    response("https://www.example.com/news/talks", "text/html; charset=utf-8", PAGE.encode())
    response("https://www.example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
    writer.write_record(
        writer.create_warc_record("https://www.example.com/news/talks", "request", payload=io.BytesIO(b"GET /"))
    )
    # Written by hand: warcio refuses to write a response whose HTTP head does not parse.
    body = b"this is no HTTP head\r\n\r\n<p>x</p>"
    broken = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.example.com/broken\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
        + b"\r\n\r\n"
    )
    buffer.write(gzip.compress(broken) if gzipped else broken)
    response("https://news.example.org/b", "text/html", PAGE.replace("Peskov", "Lavrov").encode())
    path.write_bytes(buffer.getvalue() + b"WARC/1.0\r\nthis is not a WARC header\r\n\r\n")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_gives_its_html_responses_and_reports_broken_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzipped=name.endswith(".gz"))
    articles, failures = read(path)
    assert [(a.id, a.url, a.outlet) for a in articles] == [
        ("https://www.example.com/news/talks", "https://www.example.com/news/talks", "Example News"),
        ("https://news.example.org/b", "https://news.example.org/b", "Example News"),
    ]
    assert "Lavrov said on Tuesday" in articles[1].text
    assert articles[0].where is not None and articles[0].where.startswith(f"{path} record 1 ")
    # The junk at the end is a record of unknown type; in a .warc.gz, first a decompression error (it is not
    # compressed), after which the reader finds its WARC line and reads it as a record.
    gzipped = [f"{path} after record 5"] if name.endswith(".gz") else []
    assert [f.where.split(" (")[0] for f in failures] == [f"{path} record 4", *gzipped, f"{path} record 6"]
    assert failures[0].reason == "a response record without a readable HTTP head"
    assert failures[-1].reason == "not a valid WARC record"
    assert all(f.reason.startswith("not valid WARC here") for f in failures[1:-1])


def test_the_outlet_of_a_warc_page_without_a_site_name_is_its_host(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    page = PAGE.replace('<meta property="og:site_name" content="Example News">', "").encode()
    writer.write_record(
        writer.create_warc_record("https://www.nytimes.com/a", "response", payload=io.BytesIO(page), http_headers=head)
    )
    (tmp_path / "one.warc").write_bytes(buffer.getvalue())
    articles, failures = read(tmp_path / "one.warc")
    assert failures == [] and [a.outlet for a in articles] == ["nytimes.com"]


def test_files_without_a_known_extension_are_recognized_by_content(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(PAGE)
    (tmp_path / "lines").write_text(json.dumps({"id": "j", "text": "Ann said so."}) + "\n")
    (tmp_path / "plain").write_text("Bob said no.")
    write_warc(tmp_path / "crawl", gzipped=True)
    articles, _ = read(tmp_path / "page", tmp_path / "lines", tmp_path / "plain", tmp_path / "crawl")
    assert [a.id for a in articles] == [
        "page",
        "j",
        "plain",
        "https://www.example.com/news/talks",
        "https://news.example.org/b",
    ]


def test_inputs_can_be_fsspec_urls(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann said so.")
    articles, failures = read(f"file://{tmp_path}")
    assert failures == [] and [a.id for a in articles] == ["a"]
    memory_articles, memory_failures = read("memory://nothing-here/x.txt")
    assert memory_articles == [] and memory_failures[0].reason == "no such file or folder"


def test_a_folder_mixing_formats_reads_each_with_its_reader(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann said so.")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Bob said no."}) + "\n")
    (tmp_path / "c.html").write_text(PAGE)
    articles, failures = read(tmp_path)
    assert failures == [] and [a.id for a in articles] == ["a", "b1", "c"]
    assert count_articles([str(tmp_path)]) is None
