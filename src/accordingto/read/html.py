"""HTML pages: the main text of an article page, without navigation, boilerplate or reader comments.

trafilatura does the extraction (and gives title, date and site name from the page's metadata); it needs
``lxml_html_clean`` installed beside it. Offsets in the analysis count in the extracted text, which is what
is stored as the article's text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import InputError
from .records import ReadArticle, text_id
from .text import MAX_FILE_BYTES, check_text, parse_published

# Markup, scripts and styles make a page several times larger than its text; five times the text-file limit
# leaves room for that while refusing pages no news article needs.
MAX_PAGE_BYTES = 5 * MAX_FILE_BYTES


def html_article(page: bytes, where: str, *, id: str | None = None, url: str | None = None) -> ReadArticle:
    """The article in an HTML page; raises ``InputError`` when the page is too large or has no main text."""
    import trafilatura  # imported here: it takes a moment, and only HTML and WARC inputs need it

    if len(page) > MAX_PAGE_BYTES:
        raise InputError(f"too large: {len(page):,} bytes, the limit for a page is {MAX_PAGE_BYTES:,}", where)
    if b"\x00" in page[:1024]:
        raise InputError("binary content (NUL bytes), not an HTML page", where)
    document = trafilatura.bare_extraction(page, url=url, include_comments=False, with_metadata=True)
    text = getattr(document, "text", None)
    if not text or not text.strip():
        raise InputError("no article text found in the page", where)
    check_text(text, where)
    return ReadArticle(
        text=text,
        id=id or text_id(text),
        title=getattr(document, "title", None) or None,
        url=url or getattr(document, "url", None) or None,
        outlet=getattr(document, "sitename", None) or outlet_of(url),
        published=_date(getattr(document, "date", None)),
        where=where,
    )


def outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host without ``www.`` (https://www.nytimes.com/x → nytimes.com)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _date(value: str | None) -> str | None:
    """The page's publication date; one that is not a date is dropped (metadata is often odd), not fatal."""
    try:
        return parse_published(value)
    except InputError:
        return None
