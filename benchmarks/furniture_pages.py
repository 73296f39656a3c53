"""Synthetic news pages with page furniture, for ``benchmarks/furniture.py`` and the HTML reader's tests.

Real pages cannot be stored in the repository (their text belongs to the outlets), so these are written for it:
eight short articles (invented events, people and outlets) laid out in twelve page templates modelled on common
news CMS layouts (wire service, broadcaster, WordPress newspaper, tabloid, regional chain, public radio, magazine,
local TV, AMP, bare HTML, live-updates agency, UK daily). Each template puts furniture where such sites put it —
inside the article body, which is what defeats boilerplate removal: related-link lists, "MORE:" / "READ MORE:" /
"Related:" links, photo captions and credits, copyright and "Our Standards" lines, bylines and credit lines,
newsletter and helpline boxes, share and app prompts. Every page knows its article paragraphs (what must be
kept) and its furniture lines (what must go).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    title: str
    author: str
    date: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One page: its HTML, the paragraphs a reader must keep, and the furniture lines it must drop."""

    name: str
    html: str
    title: str
    paragraphs: tuple[str, ...]
    furniture: tuple[str, ...]


ARTICLES = (
    Article(
        "Council passes budget after debate runs past midnight",
        "Maria Lopez",
        "2024-03-12",
        (
            "The Harbor City council approved a $412 million budget early Wednesday after a debate that ran past "
            "midnight and drew more than 200 residents to City Hall.",
            "“This budget keeps the promises we made to the neighborhoods that waited longest,” Mayor Alan Cho "
            "said after the 6-3 vote.",
            "Opponents argued that the plan leaves the fire department short of staff. Council member Dana Wright "
            "said she would bring an amendment in the fall to hire 30 more firefighters.",
            "The city’s finance director, Raj Patel, told the council that property tax revenue is expected to "
            "grow by 4 percent next year, slower than in the past two years.",
            "Residents who spoke during public comment were divided. “We just want the buses to run on time,” "
            "said Paula Greene, a nurse who commutes from the east side.",
            "The budget takes effect on July 1, according to the city clerk’s office.",
        ),
    ),
    Article(
        "Storm leaves thousands without power along the coast",
        "Ben Okafor",
        "2024-01-09",
        (
            "More than 40,000 homes and businesses lost power on Tuesday as a winter storm brought gusts of up to "
            "70 miles per hour to the northern coast.",
            "Utility crews from three states were on their way, a spokesperson for Coastline Electric said, adding "
            "that most customers should have power back by Thursday evening.",
            "“We are asking people to stay off the roads tonight unless they absolutely have to travel,” Governor "
            "Helen Marsh told reporters at an emergency briefing.",
            "The National Weather Service warned that a second band of heavy rain could cause flooding in "
            "low-lying towns through Wednesday morning.",
            "In Port Elgin, fire chief Sam Reyes said his department had answered more than 90 calls since noon, "
            "most of them for downed trees and wires.",
            "Schools in four counties will stay closed on Wednesday, officials announced.",
        ),
    ),
    Article(
        "Judge blocks state rule on voter registration drives",
        "Alice Tran",
        "2024-05-21",
        (
            "A federal judge on Monday blocked a state rule that would have fined groups for mistakes on voter "
            "registration forms, calling the penalties “far out of proportion” to the errors they target.",
            "In a 38-page ruling, Judge Miriam Castellanos wrote that the rule was likely to discourage the kind of "
            "civic activity the First Amendment protects.",
            "The secretary of state’s office said it would appeal. “The law asks only that groups handle "
            "voters’ information with care,” a spokesperson, Tom Hedlund, said in a statement.",
            "Voting rights groups welcomed the decision. Leah Park, who directs the League for Civic Access, said "
            "volunteers had stopped registering voters in several counties for fear of the fines.",
            "Legal experts said the appeals court was unlikely to rule before the November election.",
        ),
    ),
    Article(
        "Trade talks stall over farm subsidies",
        "David Kim",
        "2024-06-03",
        (
            "Negotiators from the two countries ended a third round of trade talks on Friday without an agreement, "
            "with both sides blaming the other for refusing to move on farm subsidies.",
            "“We came ready to compromise, and we did not see the same willingness across the table,” said Nora "
            "Eklund, the lead negotiator for the northern delegation.",
            "Her counterpart, Luis Ferreira, told reporters that his government could not accept cuts that would "
            "put small dairy farms out of business.",
            "Economists have estimated that a deal could add as much as half a percentage point to growth in both "
            "economies over five years.",
            "The negotiators said they would meet again in September, according to a joint statement released late "
            "Friday.",
        ),
    ),
    Article(
        "School board delays vote on later start times",
        "Grace Liu",
        "2024-02-27",
        (
            "The Westfield school board on Monday postponed a vote on moving high school start times to 8:45 a.m., "
            "saying it needed more information about the cost of extra bus routes.",
            "Superintendent Karen Ellis said the change could cost the district about $1.2 million a year, most of "
            "it for drivers.",
            "Parents and students packed the meeting. “I fall asleep in first period every single day,” said "
            "Jordan Blake, a junior at Westfield High.",
            "Pediatricians have long recommended later start times for teenagers, and a state panel concluded last "
            "year that sleep-deprived students perform worse on tests.",
            "Board president Omar Haddad said the board would take up the question again in April.",
        ),
    ),
    Article(
        "Nurses strike at two city hospitals",
        "Sofia Moreno",
        "2024-09-16",
        (
            "About 1,800 nurses walked off the job at two city hospitals on Monday morning, the first strike at "
            "either hospital in more than two decades.",
            "“We are out here because we cannot keep patients safe with the staffing we have,” said Angela Ruiz, a "
            "cardiac nurse and union representative.",
            "Hospital management said it had hired replacement nurses and that all departments would remain open. "
            "In a statement, the hospitals’ chief executive, Mark Sutton, called the strike “unnecessary.”",
            "The union is asking for fixed nurse-to-patient ratios and raises of 6 percent a year over three years.",
            "Talks are scheduled to resume on Wednesday, a federal mediator said.",
        ),
    ),
    Article(
        "Poll shows tight race for governor",
        "Henry Walsh",
        "2024-10-02",
        (
            "The race for governor is essentially tied five weeks before the election, according to a new poll "
            "released on Tuesday.",
            "The survey found that 46 percent of likely voters support state Senator Ruth Adams and 45 percent "
            "back former mayor Carl Jensen, within the poll’s margin of error.",
            "“Anyone who tells you they know how this ends is guessing,” said Priya Natarajan, who directs the "
            "university’s polling institute.",
            "Adams’s campaign said the results showed momentum after her first debate performance. Jensen told "
            "supporters at a rally in Millbrook that he did not pay attention to polls.",
            "The poll surveyed 1,020 likely voters by phone and online from Sept. 26 to 30.",
        ),
    ),
    Article(
        "Wildfire forces evacuations in canyon towns",
        "Emma Nakamura",
        "2024-08-11",
        (
            "A fast-moving wildfire forced about 3,000 people to leave their homes on Sunday as hot, dry winds "
            "pushed the flames toward two canyon towns.",
            "Fire officials said the blaze had burned about 8,500 acres and was 10 percent contained by evening.",
            "“The wind is the whole story today,” incident commander Rosa Delgado told reporters. “If it lays down "
            "tonight, we have a chance.”",
            "The county sheriff, Neil Brandt, said deputies had gone door to door in the town of Cedar Gap and that "
            "no injuries had been reported.",
            "Evacuation centers opened at two high schools, according to the Red Cross.",
        ),
    ),
)

# Furniture text: headlines of other stories (they read like news, which is why they turn into attributions),
# labels, credits and boxes. Invented, like the articles.
HEADLINES = (
    "Mayor says new transit line will open next spring",
    "Governor warns counties about looming shortfall",
    "Teachers union says raises are long overdue",
    "Police chief defends response to weekend protest",
    "Senator claims budget deal is within reach",
    "Officials say bridge repairs will take two more years",
    "Analysts predict interest rates will stay high",
    "Residents say new parking rules are confusing",
    "Health officials urge flu shots before the holidays",
    "Lawmakers vow to fight proposed tax increase",
    "Former aide says campaign ignored warnings",
    "Experts warn drought could return this summer",
)

OUTLETS = (
    "The Harbor Ledger",
    "Meridian Wire",
    "Channel 9 News",
    "The Daily Courier",
    "Lakeside Public Radio",
    "The Northern Review",
    "Valley Star-Tribune",
    "The Morning Post",
    "KXRT 7",
    "Gazette Online",
    "Continental Press Agency",
    "The Westbury Chronicle",
)


@dataclass
class _Builder:
    """Collects the furniture lines a template writes, so the page knows what must not be read."""

    index: int
    article: Article
    outlet: str
    furniture: list[str]

    def line(self, text: str) -> str:
        """Furniture text (escaped for HTML); remembered as one line a reader must drop."""
        self.furniture.append(text)
        return html.escape(text)

    def headline(self, offset: int) -> str:
        return HEADLINES[(self.index * 3 + offset) % len(HEADLINES)]

    def body(self, tag: str = "p", attrs: str = "", every: int = 0, insert: Callable[[int], str] | None = None) -> str:
        """The article paragraphs as ``<tag attrs>`` elements, with ``insert(i)`` after paragraph i."""
        parts = []
        for i, paragraph in enumerate(self.article.paragraphs):
            parts.append(f"<{tag}{attrs}>{html.escape(paragraph)}</{tag}>")
            if insert is not None:
                parts.append(insert(i))
        return "\n".join(parts)

    def head(self, extra: str = "") -> str:
        title = html.escape(self.article.title)
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {self.outlet}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{self.outlet}">'
            f'<meta name="author" content="{self.article.author}">'
            f'<meta property="article:published_time" content="{self.article.date}T08:00:00Z">{extra}</head>'
        )

    def nav(self) -> str:
        sections = ("Latest news", "Local politics", "Business and economy", "Sports scores")
        return (
            f'<header class="site-header"><a class="logo" href="/">{html.escape(self.outlet)}</a><nav><ul>'
            + "".join(f'<li><a href="/s{k}">{self.line(s)}</a></li>' for k, s in enumerate(sections))
            + "</ul></nav></header>"
        )

    def footer(self) -> str:
        return (
            '<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy'
            f"</a></li></ul><p>{self.line(f'© 2024 {self.outlet}. All rights reserved.')}</p></footer></body></html>"
        )


def _wire(b: _Builder) -> str:
    """A wire service: data-testid paragraphs, a credit line, "Our Standards", an inline sign-up link."""
    a = b.article

    def insert(i: int) -> str:
        if i == 1:
            return f'<p data-testid="promo-paragraph"><a href="/newsletter">{b.line("Sign up here.")}</a></p>'
        return ""

    return (
        b.head() + "<body>" + b.nav() + '<main id="main-content"><article class="article__container">'
        f'<h1 data-testid="Heading">{html.escape(a.title)}</h1>'
        f'<div class="article-header__byline">By <a href="/authors/x">{a.author}</a></div>'
        f'<time datetime="{a.date}">{a.date}</time>'
        '<div class="article-body__content" data-testid="ArticleBody">'
        + b.body("p", ' data-testid="paragraph"', insert=insert)
        + f'<p data-testid="paragraph">{b.line(f"Reporting by {a.author}; Editing by Chris Doyle")}</p>'
        + f'<p class="trust-line"><a href="/trust">{b.line(f"Our Standards: The {b.outlet} Trust Principles.")}'
        "</a></p></div></article></main>" + b.footer()
    )


def _broadcaster(b: _Builder) -> str:
    """A broadcaster: "MORE:" links between paragraphs, a captioned photo with a credit."""
    a = b.article

    def insert(i: int) -> str:
        if i in (0, 3):
            headline = b.headline(i)
            b.furniture.append(f"MORE: {headline}")
            return f'<p><strong>MORE:</strong> <a href="/story/{i}">{html.escape(headline)}</a></p>'
        return ""

    return (
        b.head() + "<body>" + b.nav() + "<main><article>"
        f"<h1>{html.escape(a.title)}</h1>"
        f'<div class="Byline"><span>By {a.author}</span></div>'
        '<figure class="InlineImage"><img src="/p.jpg" alt="">'
        f"<figcaption>{b.line('Crews gathered near the scene on Tuesday.')} "
        f"<span>{b.line('Photo: Lee Hart/Channel 9')}</span></figcaption></figure>"
        '<section class="Article__Content">' + b.body(insert=insert) + "</section></article></main>" + b.footer()
    )


def _wordpress(b: _Builder) -> str:
    """A WordPress newspaper: "Related:" inline link, a "RELATED COVERAGE" list, share buttons, copyright."""
    a = b.article

    def insert(i: int) -> str:
        if i == 1:
            headline = b.headline(1)
            b.furniture.append(f"Related: {headline}")
            return f'<p><em>Related: <a href="/r">{html.escape(headline)}</a></em></p>'
        if i == 2:
            items = [b.headline(k) for k in (2, 3, 4)]
            b.furniture.extend(["RELATED COVERAGE", *items])
            return (
                "<h4>RELATED COVERAGE</h4><ul>"
                + "".join(f'<li><a href="/r{k}">{html.escape(t)}</a></li>' for k, t in enumerate(items))
                + "</ul>"
            )
        return ""

    return (
        b.head() + '<body class="single-post">' + b.nav() + '<div id="content"><article class="post type-post">'
        f'<h1 class="entry-title">{html.escape(a.title)}</h1>'
        f'<p class="post-meta">{b.line(f"By {a.author} | {a.date}")}</p>'
        '<div class="entry-content">'
        + b.body(insert=insert)
        + '<div class="sharedaddy"><h3>Share this:</h3><ul><li>Facebook</li><li>X</li></ul></div>'
        + f"<p>{b.line(f'Copyright 2024 {b.outlet}. All rights reserved.')}</p>"
        "</div></article></div>" + b.footer()
    )


def _tabloid(b: _Builder) -> str:
    """A tabloid: text in one div with <br> breaks, "READ MORE:" lines and a picture credit line."""
    a = b.article
    parts = []
    for i, paragraph in enumerate(a.paragraphs):
        parts.append(html.escape(paragraph))
        if i == 0:
            headline = b.headline(0)
            b.furniture.append(f"READ MORE: {headline}")
            parts.append(f'<b>READ MORE:</b> <a href="/x">{html.escape(headline)}</a>')
        if i == 2:
            parts.append(b.line("Picture: Getty Images"))
    return (
        b.head() + "<body>" + b.nav() + '<div class="article-wrapper">'
        f"<h1>{html.escape(a.title)}</h1>"
        f'<div class="article-text">{"<br><br>".join(parts)}</div>'
        f'<div class="article-text"><p>{b.line("Got a story? Email our news desk or call us any time.")}</p>'
        "</div></div>" + b.footer()
    )


def _regional(b: _Builder) -> str:
    """A regional chain: "Contributing:" credit, "Follow ... on X" line, a crisis helpline box."""
    a = b.article
    first = a.author.split()[0]
    return (
        b.head() + "<body>" + b.nav() + "<main>"
        f'<h1 class="gnt_ar_hl">{html.escape(a.title)}</h1>'
        f'<div class="gnt_ar_by">{a.author}</div>'
        '<article class="gnt_ar_b">'
        + b.body("p", ' class="gnt_ar_b_p"')
        + f'<p class="gnt_ar_b_p">{b.line(f"Follow {a.author} on X @{first.lower()}reports.")}</p>'
        + f'<p class="gnt_ar_b_p">{b.line("Contributing: Sam Ortiz, Valley Star-Tribune")}</p>'
        + '<p class="gnt_ar_b_p">'
        + b.line(
            "If you or someone you know is struggling, call or text 988 to reach the Suicide and Crisis Lifeline. "
            "Counselors say help is available 24 hours a day."
        )
        + "</p></article></main>"
        + b.footer()
    )


def _public_radio(b: _Builder) -> str:
    """Public radio: a copyright-and-transcript notice at the end of the story text."""
    a = b.article
    notice = (
        f"Copyright 2024 {b.outlet}. To see more, visit our website. Transcripts are created on a rush deadline "
        "and may be revised."
    )
    return (
        b.head() + "<body>" + b.nav() + '<div class="storytext">'
        f"<h1>{html.escape(a.title)}</h1>"
        f'<p class="byline__name">{a.author}</p>' + b.body() + f"<p>{b.line(notice)}</p></div>" + b.footer()
    )


def _magazine(b: _Builder) -> str:
    """A magazine: a pull quote repeating a paragraph, a newsletter box inside the body, an "Explore" list."""
    a = b.article
    quote = next((p for p in a.paragraphs if p.startswith("“")), a.paragraphs[1])

    def insert(i: int) -> str:
        if i == 1:
            return f'<aside class="pullquote"><blockquote>{html.escape(quote)}</blockquote></aside>'
        if i == 3:
            return (
                '<div class="signup-box"><h3>'
                + b.line("The Northern Review Weekly")
                + "</h3><p>"
                + b.line("Get our best stories in your inbox every Friday. Editors say it is our most-read email.")
                + "</p><form><input type='email'><button>Subscribe</button></form></div>"
            )
        return ""

    return (
        b.head() + "<body>" + b.nav() + "<main><article>"
        f"<header><h1>{html.escape(a.title)}</h1><p>{b.line(f'By {a.author}')}</p></header>"
        '<div class="body__inner-container">'
        + b.body(insert=insert)
        + "<h3>"
        + b.line("Explore more")
        + "</h3><ul>"
        + "".join(f'<li><a href="/t{k}">{b.line(b.headline(k))}</a></li>' for k in (5, 6))
        + "</ul></div></article></main>"
        + b.footer()
    )


def _local_tv(b: _Builder) -> str:
    """Local TV: the syndication notice, an app prompt and a "click here" newsletter line."""
    a = b.article
    return (
        b.head() + "<body>" + b.nav() + '<div class="story">'
        f"<h1>{html.escape(a.title)}</h1>"
        + b.body()
        + f"<p>{b.line('Download the KXRT 7 app for breaking news alerts.')}</p>"
        + f'<p><a href="/nl">{b.line("Click here to sign up for our daily newsletter.")}</a></p>'
        + "<p>"
        + b.line(
            "Copyright 2024 KXRT. All rights reserved. This material may not be published, broadcast, rewritten "
            "or redistributed."
        )
        + "</p></div>"
        + b.footer()
    )


def _amp(b: _Builder) -> str:
    """An AMP page: amp-img with a caption, a "Related Stories" list of links."""
    a = b.article
    items = [b.headline(k) for k in (7, 8, 9)]
    return (
        b.head('<script async src="https://cdn.ampproject.org/v0.js"></script>') + "<body>"
        '<div class="amp-article">'
        f"<h1>{html.escape(a.title)}</h1>"
        '<amp-img src="/x.jpg" width="600" height="400"></amp-img>'
        f"<p class='caption'>{b.line('Volunteers at the site on Sunday. (AP Photo/Jo Lind)')}</p>"
        + b.body()
        + "<h2>"
        + b.line("Related Stories")
        + "</h2><ul>"
        + "".join(f'<li><a href="/s{k}">{b.line(t)}</a></li>' for k, t in enumerate(items))
        + "</ul></div>"
        + b.footer()
    )


def _bare(b: _Builder) -> str:
    """Bare HTML, no classes at all: link-only paragraphs, a byline paragraph, copyright."""
    a = b.article

    def insert(i: int) -> str:
        if i == 2:
            return f'<p><a href="/z">{b.line(b.headline(10))}</a></p>'
        return ""

    return (
        f"<html><head><title>{html.escape(a.title)}</title></head><body>"
        f"<h1>{html.escape(a.title)}</h1><p>{b.line(f'By {a.author}, Staff Writer')}</p>"
        + b.body(insert=insert)
        + f"<p>{b.line(f'© {b.outlet} 2024')}</p></body></html>"
    )


def _agency(b: _Builder) -> str:
    """An agency: parenthesised reporting credits and a "Watch:" video line."""
    a = b.article
    return (
        b.head() + "<body>" + b.nav() + '<div class="article-content">'
        f"<h1>{html.escape(a.title)}</h1>"
        f"<p>{b.line('Watch: Officials brief reporters on the latest')}</p>"
        + b.body()
        + f"<p>{b.line(f'(Reporting by {a.author}; Additional reporting by Ana Silva; Writing by Tom Reid)')}</p>"
        "</div>" + b.footer()
    )


def _uk_daily(b: _Builder) -> str:
    """A UK daily: "Photograph:" captions, a newsletter promo, "Explore more on these topics", reuse line."""
    a = b.article

    def insert(i: int) -> str:
        if i == 0:
            return (
                "<figure><img src='/a.jpg'><figcaption>"
                + b.line("People walk past the building on Monday. Photograph: Kim Osei/The Westbury Chronicle")
                + "</figcaption></figure>"
            )
        if i == 2:
            return (
                '<aside data-component="newsletter-promo"><p>'
                + b.line("Sign up to First Edition, our free daily newsletter – every weekday morning at 7am")
                + "</p></aside>"
            )
        return ""

    return (
        b.head() + "<body>" + b.nav() + '<main><div class="article-body-commercial-selector">'
        f"<h1>{html.escape(a.title)}</h1>"
        + b.body(insert=insert)
        + "<h2>"
        + b.line("Explore more on these topics")
        + "</h2><ul>"
        + "".join(f"<li><a href='/t/{t}'>{t}</a></li>" for t in ("Politics", "UK news"))
        + f"</ul><p><a href='/reuse'>{b.line('Reuse this content')}</a></p></div></main>"
        + b.footer()
    )


TEMPLATES: tuple[Callable[[_Builder], str], ...] = (
    _wire,
    _broadcaster,
    _wordpress,
    _tabloid,
    _regional,
    _public_radio,
    _magazine,
    _local_tv,
    _amp,
    _bare,
    _agency,
    _uk_daily,
)


def pages() -> list[Page]:
    """24 pages: each template with two articles."""
    built = []
    for t, template in enumerate(TEMPLATES):
        for k in (0, 1):
            index = (t + 5 * k) % len(ARTICLES)
            builder = _Builder(index=index, article=ARTICLES[index], outlet=OUTLETS[t], furniture=[])
            page = template(builder)
            name = f"{template.__name__.strip('_')}-{index}"
            article = ARTICLES[index]
            built.append(Page(name, page, article.title, article.paragraphs, tuple(builder.furniture)))
    return built
