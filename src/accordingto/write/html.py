"""The HTML report: one self-contained file a reader opens in any browser, offline, with nothing to install.

The page is drawn by ``assets/report.js``, the same renderer the web page uses, so the report and the page
never drift apart. The analysis travels as JSON inside ``<script type="application/json">``; the renderer puts
article text into the page only as text nodes. Text that appears in the HTML itself (title, the no-script
fallback) goes through ``html.escape``. A Content-Security-Policy that allows only the report's own script and
style (by hash) means that even a mistake elsewhere could not run a script smuggled in through an article.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources

from ..model import Analysis

ASSETS = "assets"
RENDERER_JS = "report.js"
REPORT_CSS = "report.css"

# Characters that would let JSON embedded in a <script> element end the element or open a comment.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


@cache
def asset(name: str) -> str:
    """A file shipped in ``accordingto/write/assets`` (the renderer script and style shared with the web
    page)."""
    return resources.files(__package__).joinpath(ASSETS, name).read_text("utf-8")


def script_json(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left literal."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(analysis: Analysis, *, title: str | None = None) -> str:
    """The analysis as one HTML document with inline style, script and data: no network access needed to view
    it."""
    style = asset(REPORT_CSS)
    script = asset(RENDERER_JS)
    heading = title or analysis.article.title or _first_line(analysis.text) or "accordingto report"
    policy = (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; "
        f"style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="accordingto">\n'
        f"<title>{html.escape(heading)} — accordingto</title>\n"
        f"<style>{style}</style>\n"
        "</head>\n<body>\n"
        '<div id="accordingto-report">\n'
        "<noscript><p>This report needs JavaScript to show the highlights; the article text follows.</p>"
        f'<pre class="at-noscript">{html.escape(analysis.text)}</pre></noscript>\n'
        "</div>\n"
        f'<script type="application/json" id="accordingto-data">{script_json(analysis.to_dict())}</script>\n'
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""
