"""Read: turn files, streams and records into checked ``Article`` inputs.

``text`` holds the checks every input goes through; ``read_inputs`` reads corpora (folders, JSON Lines, HTML
pages, WARC archives; local or fsspec URLs) as a stream of ``ReadArticle`` and ``Failure`` items.
"""

from .inputs import count_articles, read_inputs, read_path
from .records import ReadArticle, text_hash, text_id
from .text import (
    MAX_TEXT_CHARS,
    MAX_TEXT_TOKENS,
    check_text,
    check_tokens,
    check_unicode,
    decode_text,
    parse_published,
)

__all__ = [
    "MAX_TEXT_CHARS",
    "MAX_TEXT_TOKENS",
    "ReadArticle",
    "check_text",
    "check_tokens",
    "check_unicode",
    "count_articles",
    "decode_text",
    "parse_published",
    "read_inputs",
    "read_path",
    "text_hash",
    "text_id",
]
