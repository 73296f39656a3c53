"""JSON Lines: one article per line, ``{"text": ..., "id"?, "title"?, "url"?, "outlet"?, "published"?}``."""

from __future__ import annotations

import codecs
import json
import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from ..outcome import Failure
from .records import ReadArticle, text_id
from .text import check_text, check_unicode, parse_published

FIELDS = ("id", "title", "url", "outlet", "published")
_CHUNK = 1 << 16


def read_jsonl(stream: IO[bytes], where: str) -> Iterator[ReadArticle | Failure]:
    """Each non-blank line of ``stream`` as an article, or as a failure named ``file:line`` (the reading goes
    on). Lines are read one at a time, so memory does not grow with the file.

    A file that breaks off (a truncated ``.jsonl.gz``, a read error) ends with one failure naming the line after
    the last one read; the records before it stand. A file with no record is reported as empty. UTF-16 (with
    its byte-order mark) is read as such.
    """
    number = 0
    records = 0
    try:
        for number, line in enumerate(_lines(stream), start=1):
            if not line.strip():
                continue
            records += 1
            place = f"{where}:{number}"
            try:
                yield jsonl_article(line, place)
            except InputError as error:
                yield Failure.from_error(error, "read", place)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        reason = str(error) or type(error).__name__
        yield Failure("read", f"{where}:{number + 1}", f"the file breaks off here (truncated or damaged): {reason}")
        return
    if records == 0:
        yield Failure("read", where, "empty: no records in the file")


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's lines as UTF-8 bytes; a UTF-16 file (known by its byte-order mark) is decoded first."""
    head = stream.read(2)
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        decoder = codecs.getincrementaldecoder("utf-16")()
        pending = decoder.decode(head)
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            *decoded, pending = (pending + decoder.decode(chunk)).split("\n")
            yield from ((line + "\n").encode("utf-8") for line in decoded)
        pending += decoder.decode(b"", final=True)
        if pending:
            yield pending.encode("utf-8")
        return
    waiting = head  # the two bytes read ahead, put back before the first line
    for line in stream:
        *whole, waiting = (waiting + line).split(b"\n")
        yield from (piece + b"\n" for piece in whole)
    if waiting:
        yield waiting


def jsonl_article(line: bytes, where: str) -> ReadArticle:
    """One line's article, checked like every input; raises ``InputError`` naming ``where``."""
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte 0x{line[error.start]:02x} at offset {error.start})", where) from None
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg} at column {error.colno}", where) from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}", where)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string in the record', where)
    check_text(text, where)
    fields = {name: _string(record.get(name), name, where) for name in FIELDS}
    fields["published"] = parse_published(fields["published"], where)
    return ReadArticle(text=text, where=where, **{**fields, "id": fields["id"] or text_id(text)})


def _string(value: object, name: str, where: str) -> str | None:
    """Strings as they are, numbers (ids) as text; other JSON values are a mistake worth reporting."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return check_unicode(value, where, name)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f'"{name}" should be a string, not {type(value).__name__}', where)
