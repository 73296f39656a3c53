"""Damaged inputs never stop a run and are never stored half-read: the good records are read, the damaged one is a
failure naming file, record and reason, and what follows it is still read."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accordingto.errors import EmptyInputError, EncodingError
from accordingto.read import ReadArticle, check_text, decode_text, read_inputs

PAGE = (
    "<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
    "<p>The minister said on Tuesday that the talks over the harbour would resume next week, after a pause of "
    "three months in which neither side moved.</p><p>NUMBER</p></article></body></html>"
)


def read(*paths: Path) -> list[tuple[str, str | None]]:
    """Each item as (kind, article id or failure reason)."""
    return [
        ("article", item.id) if isinstance(item, ReadArticle) else ("failure", f"{item.where} | {item.reason}")
        for item in read_inputs(str(path) for path in paths)
    ]


def jsonl(records: list[dict[str, str]]) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


RECORDS = [{"id": f"r{n}", "text": f"Record {n}: the mayor said the bridge would reopen. " * 40} for n in range(1, 4)]


def test_a_truncated_jsonl_gz_keeps_the_records_before_the_break_and_says_where(tmp_path: Path) -> None:
    whole = gzip.compress(jsonl(RECORDS))
    (tmp_path / "a.jsonl.gz").write_bytes(whole[: len(whole) * 3 // 4])
    (tmp_path / "b.txt").write_text("After the damaged file, the mayor said yes.", encoding="utf-8")
    found = read(tmp_path / "a.jsonl.gz", tmp_path / "b.txt")
    articles = [name for kind, name in found if kind == "article"]
    failures = [reason for kind, reason in found if kind == "failure"]
    assert articles[0] == "r1" and articles[-1] == "b"  # records before the break, and the next input
    assert "r3" not in articles  # never half a record
    assert len(failures) == 1 and "a.jsonl.gz:" in failures[0] and "breaks off" in failures[0]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d"])
def test_a_lone_surrogate_in_jsonl_fails_its_record_only(tmp_path: Path, escape: str) -> None:
    lines = jsonl(RECORDS[:1]) + f'{{"id": "bad", "text": "Ann said {escape} yes."}}\n'.encode() + jsonl(RECORDS[1:2])
    lines += f'{{"id": "x{escape}", "text": "Bo said no."}}\n'.encode()
    (tmp_path / "feed.jsonl").write_bytes(lines)
    found = read(tmp_path / "feed.jsonl")
    assert [kind for kind, _ in found] == ["article", "failure", "article", "failure"]
    assert "feed.jsonl:2" in str(found[1][1]) and "lone surrogate" in str(found[1][1])
    assert "feed.jsonl:4" in str(found[3][1]) and "of the id" in str(found[3][1])


def test_lone_surrogates_and_invisible_only_texts_are_refused_by_the_common_check() -> None:
    with pytest.raises(EncodingError, match="lone surrogate"):
        check_text("He said \ud800.")
    with pytest.raises(EmptyInputError):
        check_text("\u200b\u200d \u2066\ufeff")


def test_empty_jsonl_and_warc_files_are_reported_like_an_empty_text(tmp_path: Path) -> None:
    for name in ("empty.jsonl", "blank.jsonl", "empty.warc", "empty.txt"):
        (tmp_path / name).write_bytes(b"\n\n" if name == "blank.jsonl" else b"")
    found = read(*(tmp_path / name for name in ("empty.jsonl", "blank.jsonl", "empty.warc", "empty.txt")))
    assert [kind for kind, _ in found] == ["failure"] * 4
    assert all("empty" in str(reason) for _, reason in found)


def warc_records(count: int) -> tuple[bytes, list[int]]:
    """A WARC of ``count`` HTML responses (with block digests, as crawlers write them) and where each starts."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    starts = []
    for number in range(count):
        starts.append(buffer.tell())
        head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = PAGE.replace("NUMBER", f"Page {number} of the crawl.").encode()
        uri = f"https://example.org/{number}"
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page), http_headers=head))
    return buffer.getvalue(), [*starts, len(buffer.getvalue())]


def hand_written_response(uri: str, body: bytes, declared: int | None = None) -> bytes:
    """A response record without digests, declaring ``declared`` bytes (default: its real length)."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\n"
        + f"WARC-Target-URI: {uri}\r\nContent-Length: {declared or len(block)}\r\n\r\n".encode()
        + block
        + b"\r\n\r\n"
    )


def test_a_truncated_warc_record_is_a_failure_not_an_article(tmp_path: Path) -> None:
    page = PAGE.replace("NUMBER", "The end of this page is lost.").encode()
    good = hand_written_response("https://example.org/good", page)
    cut = hand_written_response("https://example.org/cut", page)
    (tmp_path / "cut.warc").write_bytes(good + cut[: len(cut) - 80])
    found = read(tmp_path / "cut.warc")
    assert found[0] == ("article", "https://example.org/good")
    assert [kind for kind, _ in found] == ["article", "failure"]
    assert "record 2" in str(found[1][1]) and "truncated" in str(found[1][1])


@pytest.mark.parametrize("digests", [True, False])
def test_bytes_lost_inside_a_warc_record_fail_it_and_the_records_after_it_are_read(
    tmp_path: Path, digests: bool
) -> None:
    if digests:
        data, starts = warc_records(4)
    else:
        records = [hand_written_response(f"https://example.org/{n}", PAGE.encode()) for n in range(4)]
        data = b"".join(records)
        starts = [sum(len(record) for record in records[:n]) for n in range(5)]
    middle = (starts[1] + starts[2]) // 2
    (tmp_path / "lost.warc").write_bytes(data[:middle] + data[middle + 150 :])
    found = read(tmp_path / "lost.warc")
    articles = [name for kind, name in found if kind == "article"]
    assert articles == ["https://example.org/0", "https://example.org/2", "https://example.org/3"]
    assert any("record 2" in str(reason) and "damaged" in str(reason) for kind, reason in found if kind == "failure")


def test_utf16_with_a_byte_order_mark_is_read_and_without_one_is_named() -> None:
    text = "Le maire a dit « oui ». The mayor said yes."
    assert decode_text(text.encode("utf-16")) == text
    assert decode_text(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == text
    with pytest.raises(EncodingError, match="UTF-16 without a byte-order mark"):
        decode_text(text.encode("utf-16-le"))


def test_utf16_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes(jsonl(RECORDS[:2]).decode().encode("utf-16"))
    assert read(tmp_path / "feed.jsonl") == [("article", "r1"), ("article", "r2")]
