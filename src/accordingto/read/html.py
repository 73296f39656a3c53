"""HTML pages: the main text of an article page, without navigation, boilerplate, reader comments or page furniture.

trafilatura does the extraction (and gives title, date and site name from the page's metadata); it needs
``lxml_html_clean`` installed beside it. Offsets in the analysis count in the extracted text, which is what
is stored as the article's text.

Page furniture is removed in two passes, trafilatura's first. Its own boilerplate handling drops what a page
*names* as furniture (navigation, footers, share bars, related-story and newsletter boxes, bylines: its
class/id vocabulary) and link-dense blocks; comments are left out and links kept in its tree, so that the second
pass can see them. The second pass (``drop_furniture``) looks at the blocks trafilatura keeps — paragraphs,
headings, list items, quotes, each line of a paragraph broken by ``<br>`` — for the furniture outlets put *inside*
the article body, where nothing names it, and where it reads like news: a related headline ("Senator says deal is
near") is a perfect attribution with a plausible speaker. Each rule below says which kind of furniture it is for.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import _Element

from ..errors import InputError
from .records import ReadArticle, text_id
from .text import MAX_FILE_BYTES, check_text, parse_published

# Markup, scripts and styles make a page several times larger than its text; five times the text-file limit
# leaves room for that while refusing pages no news article needs.
MAX_PAGE_BYTES = 5 * MAX_FILE_BYTES

# The blocks of trafilatura's tree that hold running text (its names: <head> is any heading, <item> a list item).
_BLOCKS = ("p", "head", "item", "quote")

# A block whose text is mostly link text points to another page (a related story, "MORE: <headline>", a sign-up
# link): article prose links a few words of a sentence, not the sentence. 0.8 is trafilatura's own link-density
# ratio for lists; here it applies to every block, whatever its length.
_LINK_SHARE = 0.8

# Labels that open a furniture line: recirculation ("MORE:", "Related:", "Read more:"), media ("Watch:",
# "Photo:", "Picture:") and the trust-policy line some agencies end with ("Our Standards:"). News prose never
# opens a sentence with such a label and a colon. (Correction, clarification and update notes are not here: they
# are the outlet's own reporting, and PolNeAR annotates the attributions in them.)
_LABEL_PREFIX = re.compile(
    r"^\(?\s*(?:more|read more|read also|also read|related|related coverage|related stories|see also|watch|"
    r"listen|photos?|photograph|picture|image|video|graphic|credit|our standards)\s*:",
    re.IGNORECASE,
)
# Headings of furniture modules, standing alone on their line.
_LABEL_ONLY = re.compile(
    r"^(?:related(?: coverage| stories| articles| content| links| topics)?|more on this (?:story|topic)|"
    r"read (?:more|next)|explore more(?: on these topics)?|more stories|most (?:popular|read|viewed)|"
    r"trending(?: now)?|recommended(?: for you)?|top stories|latest news|editor'?s picks|"
    r"you (?:may|might) also like|share this(?: article| story)?|advertisement|sponsored(?: content)?|"
    r"reuse this content|correction appended)\s*[:.]?$",
    re.IGNORECASE,
)
# Legal notices: a copyright line ("© 2024 ...", "Copyright 2024 ...", not "Copyright law ..."), "All rights
# reserved" and the wire-syndication notice.
_RIGHTS = re.compile(
    r"^\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b))|\ball rights reserved\b|"
    r"may not be published, broadcast, rewritten",
    re.IGNORECASE,
)
# Credit lines of the newsroom: "Reporting by A; Editing by B", "(Additional reporting by C in Paris)",
# "Contributing: D". Each piece names people and places only, which tells it from a sentence ("Reporting by the
# Times found that ..." goes on in lower case).
_CREDIT = re.compile(
    r"^(?i:(?:additional |contributing )?reporting|writing|editing|compiled|edited|produced|research) by\s+"
    r"(?:[A-Z][\w.'’-]*|(?:and|in|at|from|with|for|of)\b|[\s,&])+$"
)
_CONTRIBUTING = re.compile(r"^contributing(?: reporting)?\s*:", re.IGNORECASE)
# A byline: "By" and a name, on a short line without the full stop a sentence ends with ("By Election Day,
# turnout had doubled." is a sentence).
_BYLINE = re.compile(r"^By\s+[A-Z][^.!?]*$")
_SHORT_LINE_WORDS = 12
# Words addressed to the reader: sign-up, app, follow and contact prompts. Case matters in the name after
# "Follow" ("Follow Ana Ruiz on X", not "follow the rules on campus").
_PROMPT = re.compile(
    r"^(?:(?i:for more\b[^.]*\b(?:sign up|subscribe|download|visit|follow))|"
    r"(?i:sign up|subscribe|click here|tap here|download (?:the|our)|join (?:us|our)|support (?:us|our)|"
    r"got a (?:story|tip|news tip)|have a (?:story|tip)|contact (?:us|the author)|email (?:us|the author))\b|"
    r"(?i:get (?:our|the))\b.*\b(?i:newsletter|app|alerts|inbox)\b|"
    r"(?i:follow) (?:us|@|[A-Z][\w.'’-]*(?: (?:and )?[A-Z][\w.'’-]*)* (?i:on)\b))"
)
# Update notes: "This story has been updated with ...".
_UPDATE_NOTE = re.compile(r"^(?:this|the) (?:story|article|piece|post|report) (?:has been|was) updated\b", re.I)
# The crisis-resource note outlets add to stories on suicide, abuse or addiction: a hotline and a number the
# reader is told to call or text ("call or text 988"), unlike a report about a hotline ("calls are not getting
# through to the hotline (800-273-8255)").
_HELPLINE_OPENING = re.compile(r"^if you or someone you know\b", re.IGNORECASE)
_HELPLINE = re.compile(r"\b(?:hotline|helpline|lifeline|crisis (?:text )?line)\b", re.IGNORECASE)
_CALL_NUMBER = re.compile(r"\b(?:call|text|dial)\b[^.]{0,80}?\d{3}", re.IGNORECASE)
# A photo caption ends with its credit: "... on Monday. Photograph: A. Name/Agency", "(AP Photo/A. Name)"; a
# credit may stand alone on a short line ("Getty Images", "A. Name/Reuters").
_CREDITED_CAPTION = re.compile(
    r"(?:\((?:AP |AFP |Reuters |EPA )?(?:photo|photograph|picture|image|credit)s?\b[^)]*\)|"
    r"\b(?:photo|photograph|picture|image)s?(?: by)?:\s*[^.!?]*)\s*$",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(r"(?:^|/)\s*(?:Getty(?: Images)?|AP(?: Photo)?|AFP|Reuters|EPA|Shutterstock)\s*\.?$")


def html_article(page: bytes, where: str, *, id: str | None = None, url: str | None = None) -> ReadArticle:
    """The article in an HTML page; raises ``InputError`` when the page is too large or has no main text."""
    import trafilatura  # imported here: it takes a moment, and only HTML and WARC inputs need it
    from trafilatura.xml import xmltotxt

    if len(page) > MAX_PAGE_BYTES:
        raise InputError(f"too large: {len(page):,} bytes, the limit for a page is {MAX_PAGE_BYTES:,}", where)
    if b"\x00" in page[:1024]:
        raise InputError("binary content (NUL bytes), not an HTML page", where)
    document = trafilatura.bare_extraction(
        page, url=url, include_comments=False, include_links=True, with_metadata=True
    )
    body = getattr(document, "body", None)
    text = ""
    if body is not None:
        drop_furniture(body)
        text = xmltotxt(body, include_formatting=False)
    if not text.strip():
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


def drop_furniture(body: _Element) -> None:
    """Remove the furniture blocks from trafilatura's tree of the main text (in place), then its links' markup."""
    from lxml.etree import strip_tags

    for paragraph in list(body.iter("p")):
        _split_at_breaks(paragraph)
    blocks = [block for block in body.iter(*_BLOCKS) if not _has_block_inside(block)]
    seen: set[str] = set()
    dropped: list[bool] = []
    for block in blocks:
        text = _normalized("".join(block.itertext()))
        # A block repeating an earlier one is a pull quote or a repeated caption: the text is there already.
        dropped.append(bool(text) and (text in seen or is_furniture(text, _link_share(block, text))))
        seen.add(text)
    for position, block in enumerate(blocks[1:], start=1):
        if block.tag == "head" and not dropped[position]:
            # A heading with nothing after it, or over furniture ("Related Stories" above a list of links),
            # is the title of what was removed; not the first block, the article's headline, which a byline
            # or a photo credit often follows.
            following = next((dropped[i] for i in range(position + 1, len(blocks))), True)
            dropped[position] = following and len(_normalized("".join(block.itertext())).split()) <= 8
    for block, drop in zip(blocks, dropped, strict=True):
        if drop:
            _remove(block)
    for emptied in [element for element in body.iter("list") if not len(element)]:
        _remove(emptied)
    strip_tags(body, "ref")


def is_furniture(line: str, link_share: float = 0.0) -> bool:
    """Whether one line of a page's main text is furniture (``link_share``: the part of it that is link text)."""
    if link_share >= _LINK_SHARE:
        return True
    short = len(line.split()) <= _SHORT_LINE_WORDS
    return bool(
        any(
            pattern.search(line)
            for pattern in (
                _LABEL_PREFIX,
                _LABEL_ONLY,
                _RIGHTS,
                _CONTRIBUTING,
                _PROMPT,
                _UPDATE_NOTE,
                _HELPLINE_OPENING,
                _CREDITED_CAPTION,
            )
        )
        or all(_CREDIT.search(piece.strip(" ().")) for piece in line.split(";"))
        or (short and (_BYLINE.search(line) or _AGENCY_CREDIT.search(line)))
        or (_HELPLINE.search(line) and _CALL_NUMBER.search(line))
    )


def _split_at_breaks(paragraph: _Element) -> None:
    """Make each line of a paragraph broken by ``<br>`` a paragraph of its own: pages that lay out a whole
    article in one block put furniture lines between its paragraphs."""
    from lxml.etree import Element

    if paragraph.find("lb") is None:
        return
    parent = paragraph.getparent()
    if parent is None:
        return
    pieces = [Element("p")]
    pieces[0].text = paragraph.text
    for child in list(paragraph):
        if child.tag == "lb":
            pieces.append(Element("p"))
            pieces[-1].text = child.tail
        else:
            pieces[-1].append(child)  # moves the child with its tail
    kept = [piece for piece in pieces if len(piece) or (piece.text or "").strip()]
    index = parent.index(paragraph)
    tail = paragraph.tail
    parent.remove(paragraph)
    for offset, piece in enumerate(kept):
        parent.insert(index + offset, piece)
    if kept:
        kept[-1].tail = tail


def _has_block_inside(block: _Element) -> bool:
    """A list item holding paragraphs is judged by them, not as a whole."""
    return any(element is not block for element in block.iter(*_BLOCKS))


def _link_share(block: _Element, text: str) -> float:
    if not text:
        return 0.0
    linked = sum(len(_normalized("".join(ref.itertext()))) for ref in block.iter("ref"))
    return linked / len(text)


def _normalized(text: str) -> str:
    return " ".join(text.split())


def _remove(element: _Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


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
