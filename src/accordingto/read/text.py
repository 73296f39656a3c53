"""Checks every input goes through, whatever it came from: text, not binary; UTF-8; not empty; not too large."""

from __future__ import annotations

import codecs
import datetime as dt
import re

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidDateError,
)
from ..visible import INVISIBLE

# Half a million characters is about 80,000 words: ten times the longest PolNeAR article and far more than a
# news story, while keeping spaCy's parser well inside its memory (its own limit is 1,000,000).
MAX_TEXT_CHARS = 500_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# Tokens, not characters, are what the analysis costs (spaCy's model takes about 0.2 ms and 16 KB a token): half
# a million characters of news make about 100,000 tokens; a text of quotation marks or single letters makes one
# token a character. Twice the news figure keeps every article of prose and refuses the rest before parsing.
MAX_TEXT_TOKENS = 200_000
# UTF-8 needs at most 4 bytes a character: a file larger than this cannot be under the limit, so it is refused
# before it is read into memory.
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS


def check_text(text: str, where: str | None = None) -> str:
    """Return ``text`` if it can be analysed, else raise the matching ``InputError``. Text made only of white
    space and invisible characters (``visible.INVISIBLE``) is empty."""
    if "\x00" in text:
        raise BinaryInputError("binary content (NUL bytes), not text", where)
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(f"too large: {len(text):,} characters, the limit is {MAX_TEXT_CHARS:,}", where)
    check_unicode(text, where)
    if not text.strip() or not INVISIBLE.sub("", text).strip():
        raise EmptyInputError("empty: no text to analyse", where)
    return text


def check_unicode(value: str, where: str | None = None, name: str = "text") -> str:
    """Raise ``EncodingError`` for a string holding a lone surrogate (JSON allows "\\ud800" escapes, Unicode
    text does not, and it cannot be written as UTF-8 into a file, a store or an answer)."""
    found = _SURROGATE.search(value)
    if found is not None:
        raise EncodingError(
            f"not valid Unicode: a lone surrogate (U+{ord(found.group()):04X}) at character {found.start()} of "
            f"the {name}",
            where,
        )
    return value


def check_tokens(count: int, where: str | None = None) -> None:
    """Raise ``InputTooLargeError`` for a text of more than ``MAX_TEXT_TOKENS`` tokens (``count``)."""
    if count > MAX_TEXT_TOKENS:
        raise InputTooLargeError(
            f"too many tokens: {count:,} (not prose: quotation marks or punctuation alone?), "
            f"the limit is {MAX_TEXT_TOKENS:,}",
            where,
        )


def decode_text(data: bytes, where: str | None = None) -> str:
    """Decode UTF-8, or UTF-16 with its byte-order mark (a leading byte-order mark is dropped; offsets count from
    the character after it). UTF-16 without a mark is named as such rather than called binary."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return check_text(data.decode("utf-16"), where)
        except UnicodeDecodeError as error:
            raise EncodingError(f"not valid UTF-16 (at byte {error.start})", where) from None
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise EncodingError("UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)", where)
        raise BinaryInputError("binary content (NUL bytes), not text", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})", where
        ) from None
    return check_text(text, where)


def _looks_like_utf16(data: bytes) -> bool:
    """Text of ASCII letters in UTF-16: NUL in (nearly) every other byte, and (nearly) nowhere else."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for nuls, others in ((even, odd), (odd, even)):
        if nuls and nuls.count(0) >= 0.9 * len(nuls) and others.count(0) <= 0.1 * len(others):
            return True
    return False


def parse_published(value: str | None, where: str | None = None) -> str | None:
    """Check a publication date given as ``YYYY-MM-DD`` (or an ISO timestamp, of which the date is kept). The
    whole value must be a real date or time: "2023-12-23T99:99" is refused, not read as its first ten characters."""
    if value is None or value == "":
        return None
    try:
        if len(value) == len("YYYY-MM-DD"):
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise InvalidDateError(f"published date {value!r} is not YYYY-MM-DD (or an ISO timestamp)", where) from None
