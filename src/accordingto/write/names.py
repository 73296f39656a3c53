"""Names as a reader sees them: never an id of the analysis ("s1") or a generic credit ("media") shown as if it
were a person's or an outlet's name.

One rule for every surface: the store's lists, the CLI and the API (through ``store.queries``), the text view
(``write/text.py``) and the HTML report and the page's Analyze view (``readerName`` in ``write/assets/report.js``,
its twin, checked against this one on a table of cases in tests/write/test_write_names.py).
"""

from __future__ import annotations

import re

# An id of the analysis ("s1", "a12"): never a name, whatever slipped it into a name field.
_ID_LIKE = re.compile(r"^[a-z]\d+$", re.IGNORECASE)
# A generic credit names a kind of outlet, not one: "media", "Russian media", "the press", "news reports",
# "local reports". Shown as such ("unnamed Russian media"), never as if it were an outlet's or a person's name. A
# capitalized qualifier must look like a nationality or region ("Russian", "Chinese", "British", "Israeli",
# "Western"), as in link/outlets.py, so that "Associated Press" stays a name.
_GENERIC_CREDIT = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:[a-z][\w-]*|[A-Z][a-z]+(?:an|ese|ish|i|ch|ern))\s+)?"
    r"(?i:media|press|news(?:\s+media)?|(?:media|press|news)\s+reports?|reports?)$"
)
UNNAMED = "unnamed source"


def is_generic_credit(name: str) -> bool:
    """ "media", "Russian media", "press reports": a kind of outlet, not a name."""
    return bool(_GENERIC_CREDIT.match(name.strip()))


def reader_name(name: str | None, description: str | None = None) -> str:
    """The name to show a reader: the name itself, or, when it is no name (empty, an id like ``s1``, a generic
    credit like "media"), the description when that is one, else "unnamed ..." saying what is known."""
    for candidate in (name, description):
        text = (candidate or "").strip()
        if text and not _ID_LIKE.match(text) and not is_generic_credit(text):
            return text
    text = (name or "").strip()
    if text and is_generic_credit(text):
        words = text.split()
        return "unnamed " + " ".join(words[1:] if words[0].lower() == "the" else words)
    return UNNAMED


__all__ = ["UNNAMED", "is_generic_credit", "reader_name"]
