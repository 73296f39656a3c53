"""Page furniture in an article's text: the lines outlets put among the paragraphs that are not the article's
prose (links to other stories, labels, credits, prompts to the reader, legal notices). Each reads like news — a
related headline ("Senator says deal is near") is a perfect attribution with a plausible speaker — so the HTML
reader drops such blocks from a page (``read.html``), and the extractor finds no attribution on such a line in
text that came without markup (``find.grouping``). Each rule says which kind of furniture it is for.
"""

from __future__ import annotations

import re

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
# Words addressed to the reader: sign-up, app, follow and contact prompts ("Got a story?", "Do you have a story?",
# a question, not "Do you have a story to tell, she asked"). Case matters in the name after
# "Follow" ("Follow Ana Ruiz on X", not "follow the rules on campus").
_PROMPT = re.compile(
    r"^(?:(?i:for more\b[^.]*\b(?:sign up|subscribe|download|visit|follow))|"
    r"(?i:sign up|subscribe|click here|tap here|download (?:the|our)|join (?:us|our)|support (?:us|our)|"
    r"got a (?:story|tip|news tip)|have a (?:story|tip)|contact (?:us|the author)|email (?:us|the author))\b|"
    r"(?i:do you have a (?:story|tip|news tip)(?: for us)?\s*\?)|"
    r"(?i:get (?:our|the))\b.*\b(?i:newsletter|app|alerts|inbox)\b|"
    r"(?i:follow) (?:us|@|[A-Z][\w.'’-]*(?: (?:and )?[A-Z][\w.'’-]*)* (?i:on)\b))"
)
# The safe-harbour notice that ends a company's press release: "This press release contains forward-looking
# statements ... Voltrane undertakes no obligation to update ...". A legal disclaimer about every statement in the
# release, not one of them: its "statements regarding ..." and "management's current expectations" are no
# attribution. Its heading ("Forward-Looking Statements") stands alone on its line.
_SAFE_HARBOUR = re.compile(
    r"^(?:(?:this|the) (?:press |news )?(?:release|announcement|document|communication|report) (?:contains|includes|"
    r"may contain)\b[^.]*\bforward-looking statements?\b|(?:cautionary (?:note|statement) (?:regarding|on|about) )?"
    r"forward-looking statements?\s*[:.]?$)",
    re.IGNORECASE,
)
# Update notes: "This story has been updated with ...".
_UPDATE_NOTE = re.compile(r"^(?:this|the) (?:story|article|piece|post|report) (?:has been|was) updated\b", re.I)
# The crisis-resource note outlets add to stories on suicide, abuse or addiction: a hotline and a number the
# reader is told to call or text ("call or text 988"), unlike a report about a hotline ("calls are not getting
# through to the hotline (800-273-8255)").
_HELPLINE_OPENING = re.compile(r"^if you or someone you know\b", re.IGNORECASE)
_HELPLINE = re.compile(r"\b(?:hotline|helpline|lifeline|crisis (?:text )?line)\b", re.IGNORECASE)
_CALL_NUMBER = re.compile(r"\b(?:call|text|dial)\b[^.]{0,80}?\d{3}", re.IGNORECASE)
# The British note opens "If you have been affected by ..." or "If you are affected by ..." and points to support;
# the same opening in a report ("If you are affected by the closure, the board said, you can apply ...") does not.
_AFFECTED_OPENING = re.compile(r"^if you(?:'ve| have)? (?:been |are )?affected by\b", re.IGNORECASE)
_SUPPORT = re.compile(r"\b(?:support|help|advice|charity|helpline|call|contact)\b", re.IGNORECASE)
# A photo caption ends with its credit: "... on Monday. Photograph: A. Name/Agency", "(AP Photo/A. Name)"; a
# credit may stand alone on a short line ("Getty Images", "A. Name/Reuters").
_CREDITED_CAPTION = re.compile(
    r"(?:\((?:AP |AFP |Reuters |EPA )?(?:photo|photograph|picture|image|credit)s?\b[^)]*\)|"
    r"\b(?:photo|photograph|picture|image)s?(?: by)?:\s*[^.!?]*)\s*$",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(r"(?:^|/)\s*(?:Getty(?: Images)?|AP(?: Photo)?|AFP|Reuters|EPA|Shutterstock)\s*\.?$")


# A contributor's note closing an opinion piece: the writer's name, "is" and what they are ("Jane Roe is a retired
# nurse and writes a weekly column on health."; a pronoun or an article is no name). It introduces the writer; a
# verb in it ("writes a column on ...") is no statement. Only the article's last paragraph is read so
# (``is_tagline``): the same words inside an article are prose ("Rick Scott is the governor of Florida."). On
# PolNeAR train, 7 articles end with such a line, and its annotators marked no attribution in any.
_TAGLINE = re.compile(
    r"^(?!(?:It|This|That|There|Here|He|She|They|What|Which|Who|One|Each|Everyone|Someone|Nobody|The|A|An)\b)"
    r"(?:[A-Z][\w.'’-]+ ){1,3}is (?:a|an|the)\b"
)


# The heading of a box of readers' messages ("Get involved: your views #HALDUN", "Have your say", "Your
# comments"): what readers send in is not the outlet's reporting, as the comments trafilatura leaves out are not
# (news23: a sports page's "Steve: Leith has to go ..." and "Raj: Okafor says he wants to stay" became statements).
# The messages under it are "Name: text" lines, which an interview's transcript also has, so the heading, not the
# lines, marks the box (``read.html.drop_furniture`` drops the blocks under it up to the next heading).
_READERS_HEADING = re.compile(
    r"^(?:get involved|have your say|your (?:views|comments|say|messages)|readers'? (?:views|comments|messages)|"
    r"what you(?:'ve| have)? (?:said|told us)|join the (?:debate|conversation))\b",
    re.IGNORECASE,
)


def is_readers_heading(line: str) -> bool:
    """Whether a heading opens a box of readers' messages (see above)."""
    return bool(_READERS_HEADING.search(line))


def is_tagline(line: str) -> bool:
    """Whether a line, the first sentence of an article's last paragraph, is a contributor's note (see above)."""
    return bool(_TAGLINE.search(line))


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
                _SAFE_HARBOUR,
                _HELPLINE_OPENING,
                _CREDITED_CAPTION,
            )
        )
        or all(_CREDIT.search(piece.strip(" ().")) for piece in line.split(";"))
        or (short and (_BYLINE.search(line) or _AGENCY_CREDIT.search(line)))
        or (_HELPLINE.search(line) and _CALL_NUMBER.search(line))
        or (_AFFECTED_OPENING.search(line) and _SUPPORT.search(line))
    )
