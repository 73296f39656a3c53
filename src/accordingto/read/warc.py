"""WARC archives (web crawls): every HTML response record as an article, read with FastWARC.

Other records (requests, metadata, images, PDFs) are passed over silently: they are not articles. A response
whose HTTP head cannot be parsed, or whose page has no article text, is a failure named by its record number
and byte offset; a file that stops being valid WARC ends with one failure saying where.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from ..outcome import Failure
from .html import MAX_PAGE_BYTES, html_article
from .records import ReadArticle

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], where: str) -> Iterator[ReadArticle | Failure]:
    """The HTML pages of a WARC (plain or gzipped; FastWARC detects which) as articles, streaming."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    number = 0
    position = 0
    try:
        # Unknown records are asked for too (the default leaves them out), to report junk in the file.
        kinds = WarcRecordType.any_type | WarcRecordType.unknown
        for record in ArchiveIterator(stream, parse_http=True, record_types=kinds):
            number += 1
            position = record.stream_pos
            place = f"{where} record {number} (byte {position})"
            if not record.headers.get("WARC-Type"):
                # What FastWARC makes of bytes that are not a WARC header: a record of no type.
                yield Failure("read", place, "not a valid WARC record")
                continue
            if record.record_type != WarcRecordType.response:
                continue
            uri = record.headers.get("WARC-Target-URI") or None
            if record.http_headers is None or record.http_headers.status_code is None:
                yield Failure("read", place, "a response record without a readable HTTP head")
                continue
            content_type = (record.http_headers.get("Content-Type") or "").lower()
            if not content_type.startswith(HTML_TYPES):
                continue
            if record.content_length > MAX_PAGE_BYTES:
                reason = f"too large: {record.content_length:,} bytes, the limit is {MAX_PAGE_BYTES:,}"
                yield Failure("read", place, reason)
                continue
            try:
                yield html_article(record.reader.read(), place, id=uri, url=uri)
            except InputError as error:
                yield Failure.from_error(error, "read", place)
    except OSError as error:
        yield Failure(
            "read", f"{where} after record {number} (byte {position})", f"not valid WARC from here on: {error}"
        )
