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
near") is a perfect attribution with a plausible speaker. The rules that tell a furniture line are in
``read.furniture``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import _Element

from ..errors import InputError
from .furniture import is_furniture, is_readers_heading
from .records import ReadArticle, text_id
from .text import MAX_FILE_BYTES, check_text, parse_published

# Markup, scripts and styles make a page several times larger than its text; five times the text-file limit
# leaves room for that while refusing pages no news article needs.
MAX_PAGE_BYTES = 5 * MAX_FILE_BYTES

# The blocks of trafilatura's tree that hold running text (its names: <head> is any heading, <item> a list item).
_BLOCKS = ("p", "head", "item", "quote")


def html_article(page: bytes, where: str, *, id: str | None = None, url: str | None = None) -> ReadArticle:
    """The article in an HTML page; raises ``InputError`` when the page is too large or has no main text."""
    import trafilatura  # imported here: it takes a moment, and only HTML and WARC inputs need it
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    if len(page) > MAX_PAGE_BYTES:
        raise InputError(f"too large: {len(page):,} bytes, the limit for a page is {MAX_PAGE_BYTES:,}", where)
    if b"\x00" in page[:1024]:
        raise InputError("binary content (NUL bytes), not an HTML page", where)
    # The page is parsed once: trafilatura works on its own copy of the tree, and ``restore_lead`` looks for the
    # headline in the page as it was.
    page_tree = load_html(page)
    document = (
        trafilatura.bare_extraction(page_tree, url=url, include_comments=False, include_links=True, with_metadata=True)
        if page_tree is not None
        else None
    )
    body = getattr(document, "body", None)
    text = ""
    if body is not None and page_tree is not None:
        drop_furniture(body)
        restore_lead(
            body,
            page_tree,
            title=getattr(document, "title", None),
            description=getattr(document, "description", None),
            site=getattr(document, "sitename", None),
        )
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
    texts = [_normalized("".join(block.itertext())) for block in blocks]
    words = [_words(text) for text in texts]
    seen: set[str] = set()
    dropped: list[bool] = []
    for n, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        # A block repeating an earlier one is a pull quote or a repeated caption: the text is there already.
        drop = bool(text) and (text in seen or is_furniture(text, _link_share(block, text)))
        if text and not drop and _quotation(block, text):
            # Compared with the blocks kept so far and all after it: of two blocks repeating each other, one stays.
            kept = [w for w, dropped_before in zip(words[:n], dropped, strict=True) if not dropped_before]
            drop = _repeats(text, " | ".join(kept + words[n + 1 :]))
        dropped.append(drop)
        seen.add(text)
    for position, block in enumerate(blocks[1:], start=1):
        if block.tag == "head" and not dropped[position]:
            # A heading with nothing after it, or over furniture ("Related Stories" above a list of links),
            # is the title of what was removed; not the first block, the article's headline, which a byline
            # or a photo credit often follows.
            following = next((dropped[i] for i in range(position + 1, len(blocks))), True)
            dropped[position] = following and len(texts[position].split()) <= 8
    boxed = False
    for position, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if block.tag == "head":
            boxed = is_readers_heading(text)
        # Readers' messages under their box's heading (``furniture.is_readers_heading``), the heading too.
        dropped[position] = dropped[position] or boxed
    for block, drop in zip(blocks, dropped, strict=True):
        if drop:
            _remove(block)
    for emptied in [element for element in body.iter("list") if not len(element)]:
        _remove(emptied)
    strip_tags(body, "ref")


# The headline and the standfirst (the line under it that sums the story up) are where outlets put a story's main
# attribution ("Minister says …", "X denies …"), and PolNeAR annotates headlines. trafilatura starts the text at
# the element it takes for the article body; on templates that set the headline and standfirst above that element
# (an ``article-body`` div inside the ``<article>``, or the ``<article>`` under a ``<main>`` holding the ``<h1>``)
# both are lost, though the page's metadata title is the headline. ``restore_lead`` puts them back at the start of
# the text, as trafilatura's own blocks (a heading, a paragraph), so they are paragraphs (and sentences) of their
# own like the rest of the text.
#
# A standfirst is taken only from markup that names it: an element whose class, id or itemprop says standfirst,
# dek, summary, subtitle, subheading, strapline or description (the names CMS templates give it; ``<h2>`` too, the
# tag some templates set a dek in), or whose words are the page's meta description (the page declaring that line
# its summary). Its words must not be the body's, and it must be a single block: a "key points" box of several
# items is a list, not a line under the headline.
_STANDFIRST_NAMES = frozenset(
    {"standfirst", "dek", "summary", "subtitle", "subheading", "subheadline", "subhead", "strapline", "description"}
)
_STANDFIRST_ITEMPROPS = frozenset({"description", "alternativeheadline"})
_STANDFIRST_TAGS = ("p", "div", "h2")
_NAME_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# How many of the body's first words locate where the body starts in the page (enough to be that text alone).
_OPENING_WORDS = 12


def restore_lead(
    body: _Element, page: _Element, *, title: str | None, description: str | None, site: str | None
) -> None:
    """Put the page's headline, and the standfirst under it, at the start of trafilatura's tree of the main text
    (in place) when the tree leaves them out; a headline already among its blocks is never added twice.

    The headline is an ``<h1>`` whose words are trafilatura's metadata title (the page's own statement of its
    headline: ``og:title``, the ``<title>`` without the site's name, or the page's only ``<h1>``); of several
    ``<h1>`` that picks the one that is the story's, not a logo's or a section's. It must stand before the body's
    first words in an element that holds both and is not the whole page (in or next to the article element), not
    in the page's banner, navigation, sidebar or footer, and not be the site's name (trafilatura's ``sitename``):
    a page whose only ``<h1>`` is its logo has that as its metadata title."""
    headline_words = _words(title or "")
    blocks = [_words("".join(block.itertext())) for block in body.iter(*_BLOCKS)]
    opening = " ".join(next((block for block in blocks if block), "").split()[:_OPENING_WORDS])
    if not headline_words or headline_words == _words(site or "") or not opening or _within(headline_words, blocks):
        return
    from lxml.etree import Element

    found = next(
        (
            (h1, container)
            for h1 in page.iter("h1")
            if _words("".join(h1.itertext())) == headline_words
            and not h1.xpath(_SITE_FURNITURE)
            and (container := _shared_container(h1, headline_words, opening)) is not None
        ),
        None,
    )
    if found is None:
        return
    h1, container = found
    lead = [Element("head", rend="h1")]
    lead[0].text = _normalized("".join(h1.itertext()))
    standfirst = _standfirst(h1, container, opening, _words(description or ""))
    if standfirst is not None and not _within(_words(standfirst), blocks):
        lead.append(Element("p"))
        lead[1].text = standfirst
    for position, element in enumerate(lead):
        body.insert(position, element)


# Where an <h1> is the site's name or another page's title, not the story's headline: the page's banner (a <header>
# outside the article and the main content, or role=banner), its navigation, sidebars and footer.
_SITE_FURNITURE = (
    "boolean(ancestor::nav or ancestor::aside or ancestor::footer or ancestor::*[@role='banner'] or "
    "ancestor::header[not(ancestor::article or ancestor::main)])"
)


def _within(words: str, blocks: list[str]) -> bool:
    """Whether the words stand in one of the blocks (whole words)."""
    return any(f" {words} " in f" {block} " for block in blocks)


def _shared_container(h1: _Element, headline_words: str, opening: str) -> _Element | None:
    """The nearest element holding the headline and, after it, the body's opening words; None when only the whole
    page (``<body>``) holds both: the headline of the story is in or next to the article element."""
    for ancestor in h1.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        # Joined with spaces: the blocks' texts run into each other otherwise ("…drivesBy Alice Tran").
        words = _words(" ".join(ancestor.itertext()))
        at = f" {words} ".find(f" {headline_words} ")
        if at >= 0 and f" {words} ".find(f" {opening} ", at + len(headline_words)) >= 0:
            return ancestor
    return None


def _standfirst(h1: _Element, container: _Element, opening: str, description: str) -> str | None:
    """The standfirst between the headline and the body's start in their container: the first element named as
    one (or holding the meta description's words) that is a single block of text, not in a figure (a caption)."""
    after = False
    for element in container.iter():
        if element is h1:
            after = True
            continue
        if not after or not isinstance(element.tag, str) or any(up is h1 for up in element.iterancestors()):
            continue
        text = _normalized("".join(element.itertext()))
        words = _words(text)
        if f" {words} ".startswith(f" {opening} "):
            return None  # the body starts here: what follows is the article, or after it
        if (
            element.tag in _STANDFIRST_TAGS
            and words
            and (words == description or _named_standfirst(element))
            and f" {opening} " not in f" {words} "
            and len(element.xpath(".//p | .//li | .//h2 | .//h3 | .//h4 | .//div")) <= 1
            and not element.xpath("boolean(ancestor-or-self::figure)")
            and not is_furniture(text)
        ):
            return text
    return None


def _named_standfirst(element: _Element) -> bool:
    """Whether the element's class, id or itemprop names it a standfirst (``article__dek``, ``subTitle``...)."""
    if (element.get("itemprop") or "").lower() in _STANDFIRST_ITEMPROPS:
        return True
    for value in (element.get("class") or "", element.get("id") or ""):
        parts = [part.lower() for part in _NAME_PART.findall(value)]
        joined = {a + b for a, b in zip(parts, parts[1:], strict=False)}
        if _STANDFIRST_NAMES & (set(parts) | joined):
            return True
    return False


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


# A pull quote sets a quotation from the article apart in large type, before or after the paragraph it comes from,
# often joining its sentences without the reporting clause between them ("“A,” he says, turning ... “B.”" becomes
# "“A. B”"). It repeats what is said and would be read as a second statement, or glued to the content of the
# nearest cue. A quotation (a block opening with a quotation mark, or set in the page's ``<blockquote>``) each of
# whose sentences stands word for word in another block of the article is that repeat; a sentence of fewer than
# three words proves nothing ("No.") and keeps the block.
_QUOTE_OPENINGS = "\"“‘'«"
_SENTENCE_END = re.compile(r"[.!?]+")
_MIN_REPEATED_WORDS = 3


def _quotation(block: _Element, text: str) -> bool:
    """Whether a block is set as a quotation: it opens with a quotation mark or stands in a ``<blockquote>``."""
    in_quote = block.tag == "quote" or any(element.tag == "quote" for element in block.iterancestors())
    return in_quote or text.startswith(tuple(_QUOTE_OPENINGS))


def _repeats(text: str, article_words: str) -> bool:
    """Whether each sentence of a quotation stands word for word in the rest of the article (a pull quote)."""
    sentences = [sentence for piece in _SENTENCE_END.split(text) if (sentence := _words(piece))]
    return bool(sentences) and all(
        len(sentence.split()) >= _MIN_REPEATED_WORDS and f" {sentence} " in f" {article_words} "
        for sentence in sentences
    )


def _words(text: str) -> str:
    """A text's words in lower case, one space between them (punctuation and quotation marks dropped)."""
    return " ".join(re.findall(r"\w+", text.lower()))


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
