"""Hypothesis strategies for the fuzz tests: news-like texts built from pieces that trip parsers and offsets
(quotation marks of every kind, cues, names, newlines, emoji, combining and invisible marks, control
characters, lone surrogates), the files a run reads (text, JSON Lines, HTML, WARC, gzipped, cut short, bytes
flipped), and the one check every analysis must pass: offsets inside the text and equal to the quoted strings.

Settings (``FUZZ``): a fixed number of examples, derandomized (the same examples on every run: no flaky
failures on a loaded machine, and a failure seen once is seen again) and no deadline (CPU time is shared).
"""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accordingto.model import Analysis, ranges_text

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Pieces of text an attribution finder reacts to, and pieces that shift offsets or confuse tokenizers.
NEWS = [
    "The minister said",
    "Anna Baker said",
    " said ",
    " told reporters ",
    "according to officials, ",
    "“We agree,” he said.",
    '"No," she said.',
    "‘Maybe’",
    "«Oui»",
    "„Ja“",
    "'",
    '"',
    "“",
    "”",
    " that ",
    "Mr. Costa",
    "on Tuesday",
    "last week",
    ", ",
    ". ",
    "? ",
    "!",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "   ",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u0301",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\u00a0",
    "\x1b]0;x\x07",
    "\x0c",
    "[/x]",
    "<b>",
    "&amp;",
    "1,000",
    "2023-12-23",
    "-",
    "—",
    "…",
]
news_pieces = st.one_of(st.sampled_from(NEWS), st.text(max_size=6))
news_texts = st.one_of(st.lists(news_pieces, max_size=40).map("".join), st.deferred(lambda: news_articles))
NAMES = ["Anna Baker", "Mr. Costa", "the minister", "Two officials", "a spokesman for the council", "She", "They"]
CLAUSES = ["the talks were over", "we will not sign", "prices rose last week", "the bridge opens on Tuesday"]
TEMPLATES = [
    "{name} said {clause}.",
    "“{clause},” {name} said.",
    '"{clause}," said {name}.',
    "{clause}, {name} told reporters on Tuesday.",
    "According to {name}, {clause}.",
    "{name} said that {other} had said “{clause}.”",
    "{name} denied that {clause}.",
    "He added: “{clause}”",
]


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A sentence of reported speech, its name and clause perhaps with odd pieces inside."""

    def part(words: list[str]) -> str:
        return draw(st.sampled_from(words)) + draw(st.one_of(st.just(""), news_pieces))

    return draw(st.sampled_from(TEMPLATES)).format(name=part(NAMES), other=part(NAMES), clause=part(CLAUSES))


# Articles: sentences of reported speech, with odd pieces between them (most texts hold attributions).
news_articles = st.lists(st.tuples(news_sentence(), st.one_of(st.just(" "), news_pieces)), min_size=1, max_size=6).map(
    lambda pairs: "".join(sentence + between for sentence, between in pairs)
)
# Texts that may also hold a lone surrogate (only a str can: JSON escapes, Python callers).
texts_with_surrogates = st.lists(st.one_of(news_pieces, st.sampled_from(["\ud800", "\udfff"])), max_size=30).map(
    "".join
)


def check_offsets(text: str, analysis: Analysis) -> None:
    """Every range of the analysis lies inside ``text`` and every quoted string is the text at its offsets."""
    assert analysis.text == text
    size = len(text)

    def inside(ranges: list[tuple[int, int]]) -> None:
        for start, end in ranges:
            assert 0 <= start <= end <= size, (start, end, size)

    for attribution in analysis.attributions:
        for ranges in (attribution.source, attribution.cue, attribution.content):
            inside(ranges)
        assert attribution.cue_text == ranges_text(text, attribution.cue)
        assert attribution.content_text == ranges_text(text, attribution.content)
        assert attribution.source_text == (ranges_text(text, attribution.source) if attribution.source else None)
        if attribution.time is not None:
            inside([(attribution.time.start, attribution.time.end)])
            assert text[attribution.time.start : attribution.time.end] == attribution.time.text
    for source in analysis.sources:
        for mention in source.mentions:
            inside(mention)
    for report in analysis.provenance:
        inside(report.spans)


# ---- files a run reads ---------------------------------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` as it is, cut short, with a few bytes changed, or gzipped (then perhaps cut short)."""
    how = draw(st.sampled_from(["whole", "cut", "flip", "gzip", "gzip-cut"]))
    if how.startswith("gzip"):
        data = gzip.compress(data, mtime=0)  # no timestamp: the same bytes on every run
    if how.endswith("cut") and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        changed = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            changed[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(changed)
    return data


def _record(draw: st.DrawFn, number: int) -> Any:
    """One JSON Lines record: usually an article object, sometimes any JSON value."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.one_of(st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers(), max_size=3)))
    record: dict[str, Any] = {"id": f"r{number}", "text": draw(texts_with_surrogates)}
    for name in draw(st.sets(st.sampled_from(["title", "outlet", "url", "published", "extra"]), max_size=3)):
        record[name] = draw(st.one_of(st.text(max_size=12), st.sampled_from(["2023-12-23", "2023-12-23T99:99", ""])))
    return record


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    lines = []
    for number in range(draw(st.integers(0, 4))):
        line = json.dumps(_record(draw, number))  # ASCII with \u escapes: surrogates survive as escapes
        lines.append(line if draw(st.integers(0, 6)) else line[: len(line) // 2])  # now and then a broken line
    return draw(damaged("\n".join(lines).encode() + b"\n"))


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    parts = ["<html><head><title>", draw(news_texts), "</title></head><body><article>"]
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(st.sampled_from(["p", "h1", "div", "blockquote", "script", "nav", "figcaption"]))
        parts += [f"<{tag}>", draw(news_texts), f"</{tag}>" if draw(st.booleans()) else ""]
    parts.append("</article></body></html>")
    return draw(damaged("".join(parts).encode("utf-8", "surrogatepass")))


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for number in range(draw(st.integers(0, 3))):
        body = f"<html><body><article><p>{draw(news_texts)}</p></article></body></html>".encode(
            "utf-8", "surrogatepass"
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        fixed = {  # not a fresh id and the time now: the same bytes on every run
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2023-12-23T10:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://news.example/{number}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return draw(damaged(buffer.getvalue()))


@st.composite
def text_bytes(draw: st.DrawFn) -> bytes:
    text = draw(news_texts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return draw(damaged(text.encode(encoding, "replace")))


# (file name suffix, strategy of its bytes); ".gz" is added when the bytes are gzipped.
INPUT_FILES = [(".jsonl", jsonl_bytes()), (".html", html_bytes()), (".warc", warc_bytes()), (".txt", text_bytes())]
