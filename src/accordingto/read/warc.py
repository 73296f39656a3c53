"""WARC archives (web crawls): every HTML response record as an article, read with FastWARC.

Other records (requests, metadata, images, PDFs) are passed over silently: they are not articles. A response
whose HTTP head cannot be parsed, or whose page has no article text, is a failure named by its record number
and byte offset. A damaged record is a failure too, never half an article: one shorter than its declared length
(a truncated file), one whose ``WARC-Block-Digest`` does not match its bytes, or one whose block holds the start
of another record (bytes lost before it, so that it swallowed its neighbour's head). Where the file stops being
valid WARC, the reader says where and looks for the next record (a ``WARC/1.x`` line, or in a ``.warc.gz`` the
next gzip member) and goes on from there, so that one damaged record does not take the rest of the file with it.
An empty file, or one with no HTML response in it, is reported as such.
"""

from __future__ import annotations

import http.client
import io
import re
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from ..errors import InputError
from ..outcome import Failure
from .html import MAX_PAGE_BYTES, html_article
from .records import ReadArticle

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Where a record can start: a WARC version line, or (compressed files) a gzip member.
_RECORD_STARTS = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"\x1f\x8b\x08")
_SCAN_CHUNK = 1 << 20
_HEAD_BYTES = 1 << 16


def read_warc(stream: IO[bytes], where: str) -> Iterator[ReadArticle | Failure]:
    """The HTML pages of a WARC (plain or gzipped; FastWARC detects which) as articles, streaming."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    number = 0  # records seen
    pages = 0  # HTML pages among them (articles, or failures to read one)
    start = 0  # where the current pass over the file started
    last = -1  # where the last record read started
    # Unknown records are asked for too (the default leaves them out), to report junk in the file.
    kinds = WarcRecordType.any_type | WarcRecordType.unknown
    while True:
        resume: int | None = None
        try:
            stream.seek(start)
            for record in ArchiveIterator(stream, parse_http=False, record_types=kinds):
                number += 1
                last = record.stream_pos
                place = f"{where} record {number} (byte {last})"
                if not record.headers.get("WARC-Type"):
                    # What FastWARC makes of bytes that are not a WARC header: a record of no type.
                    yield Failure("read", place, "not a valid WARC record")
                    continue
                if record.record_type != WarcRecordType.response:
                    continue
                item, damaged = _response(record, place)
                if item is not None:
                    pages += 1
                    yield item
                if damaged:
                    resume = last + 1  # it swallowed what follows: look for the next record inside it
                    break
        except OSError as error:
            yield Failure(
                "read", f"{where} after record {number} (byte {max(last, start)})", f"not valid WARC here: {error}"
            )
            resume = max(last, start) + 1
        if resume is None:
            break
        found = _next_record_start(stream, resume)
        if found is None:
            break
        start = found
    if number == 0:
        yield Failure("read", where, "empty: no WARC records in the file")
    elif pages == 0:
        yield Failure("read", where, f"no article: none of its {number} records is an HTML page")


def _response(record: WarcRecord, place: str) -> tuple[ReadArticle | Failure | None, bool]:
    """The article of one response record (None when it is no HTML page), and whether the record is damaged
    in a way that may have swallowed the records after it."""
    content_length = record.content_length
    if content_length > MAX_PAGE_BYTES:
        # Only its head is read: a large response that is no HTML page (a video, an archive) is passed over.
        head = _http_head(record.reader.read(_HEAD_BYTES))
        if head is not None and not head[0].lower().startswith(HTML_TYPES):
            return None, False
        return Failure("read", place, f"too large: {content_length:,} bytes, the limit is {MAX_PAGE_BYTES:,}"), False
    digest_matches = record.verify_block_digest(consume=False) if record.headers.get("WARC-Block-Digest") else None
    block = record.reader.read()
    if len(block) < content_length:
        return Failure("read", place, f"truncated: {len(block):,} of its {content_length:,} bytes"), False
    if digest_matches is False:
        return Failure("read", place, "damaged: its bytes do not match its WARC-Block-Digest"), True
    if any(marker in block for marker in (b"\r\nWARC/1.0\r\n", b"\r\nWARC/1.1\r\n")):
        return Failure("read", place, "damaged: it holds the start of another record (bytes lost before it)"), True
    head = _http_head(block)
    if head is None:
        return Failure("read", place, "a response record without a readable HTTP head"), False
    content_type, body = head
    if not content_type.lower().startswith(HTML_TYPES):
        return None, False
    uri = record.headers.get("WARC-Target-URI") or None
    try:
        return html_article(body, place, id=uri, url=uri), False
    except InputError as error:
        return Failure.from_error(error, "read", place), False


_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)? +\d{3}\b")


def _http_head(block: bytes) -> tuple[str, bytes] | None:
    """The Content-Type and the body of an HTTP response as a WARC record holds it; None when its head does not
    parse. (Read from the block here rather than by FastWARC, which cannot both check a record's digest and
    parse it without losing its place in the file.)"""
    end = block.find(b"\r\n\r\n")
    size = 4
    if end < 0:
        end, size = block.find(b"\n\n"), 2
    if end < 0 or not _STATUS_LINE.match(block):
        return None
    first_line = block.find(b"\n") + 1
    try:
        headers = http.client.parse_headers(io.BytesIO(block[first_line : end + size]))
    except (http.client.HTTPException, ValueError):
        return None
    return headers.get("Content-Type", ""), block[end + size :]


def _next_record_start(stream: IO[bytes], position: int) -> int | None:
    """The first place at or after ``position`` where a record could start, reading ahead a chunk at a time."""
    overlap = max(len(marker) for marker in _RECORD_STARTS) - 1
    stream.seek(position)
    offset = position
    carry = b""
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        found = [index for marker in _RECORD_STARTS if (index := window.find(marker)) >= 0]
        if found:
            return offset - len(carry) + min(found)
        carry = window[-overlap:]
        offset += len(chunk)
    return None
