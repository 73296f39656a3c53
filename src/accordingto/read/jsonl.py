"""JSON Lines: one article per line, ``{"text": ..., "id"?, "title"?, "url"?, "outlet"?, "published"?}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from ..outcome import Failure
from .records import ReadArticle, text_id
from .text import check_text, parse_published

FIELDS = ("id", "title", "url", "outlet", "published")


def read_jsonl(stream: IO[bytes], where: str) -> Iterator[ReadArticle | Failure]:
    """Each non-blank line of ``stream`` as an article, or as a failure named ``file:line`` (the reading goes
    on). Lines are read one at a time, so memory does not grow with the file."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            yield jsonl_article(line, place)
        except InputError as error:
            yield Failure.from_error(error, "read", place)


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
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f'"{name}" should be a string, not {type(value).__name__}', where)
