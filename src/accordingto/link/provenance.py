"""Provenance: the upstream reports an article relies on ("This is reported by the New York Times", "told the
NYT", "according to Reuters", a headline ending in "- media", "(AP)", "Reuters contributed to this report").

Result: ``annotations.PROVENANCE``, a list of ``model.Provenance`` (name, spans, attribution ids) in order of first
mention. It needs the nesting (``annotations.PARENTS``).

Rules:
1. Mentions. Outlets listed in the lexicon (``lexicon/outlets.txt``: any alias, with or without "the"); other
   organisations whose name ends in an outlet word (``lexicon/outlet_name_words.txt``: "the Des Moines
   Register"); a short form
   ("the Post", "the Times") when the article names an outlet ending in that word; and generic "media"
   ("Russian media"). All mentions of one outlet share one entry under its canonical name: "NYT" and
   "the New York Times" are both "The New York Times".
2. A mention is an upstream report only in a reporting frame (a mere mention, "Trump attacked the Times",
   is not):
   - a headline credit: the first line ends in a dash and the mention ("... - media", "— Reuters");
   - a wire credit: "(AP)", a line that is only the outlet ("Associated Press", "By Jane Doe, Reuters",
     "Copyright 2016 The Associated Press"), or "<outlet> contributed (to this report)";
   - reporting words before it ("according to", "reported by", "told", "in an interview with", "said on",
     "first reported by"...) or after it ("reported", "has learned", "'s report", "wrote", "poll"...);
   - it is (part of) an attribution's source.
3. Attributions linked to an entry: those whose source contains the mention, and those whose cue clause holds
   it ("one official told the NYT"). When the mention frames the whole article, every top-level attribution
   (``parent`` null) is linked too: a framing mention is a headline or wire credit, or a reporting frame in
   the first ``LEDE_UNITS`` sentence units (headline and lede: "This is reported by the New York Times.").
   Nested attributions reach the upstream report through their parents.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import ATTRIBUTIONS, PARENTS, PROVENANCE, doc_cue_clauses, doc_text, doc_units, role_spans
from ..model import Provenance
from ..pipes import AnnotatingPipe, component_factory
from ..ranges import DisjointRanges

# Headline plus the first two sentences: where a rewrite names the report it is based on.
LEDE_UNITS = 3

# Whole words only; a hyphen may join two outlets ("Washington Post-ABC News poll") but not a word ("AP-style").
_BOUNDARY_BEFORE = r"(?<!\w)"
_BOUNDARY_AFTER = r"(?!\w)(?!-[a-z])"
_ALIASES = sorted(
    ((alias, canonical) for canonical, aliases in lexicon.OUTLETS.items() for alias in (*aliases, canonical)),
    key=lambda pair: -len(pair[0]),
)
_ALIAS_TO_CANONICAL = dict(_ALIASES)
# Case-sensitive on purpose: "AP" the agency, never "ap"; "The Hill" the outlet, not "the hill".
_KNOWN_RE = re.compile(
    _BOUNDARY_BEFORE
    + r"(?:[Tt]he\s+)?(?P<alias>"
    + "|".join(re.escape(alias) for alias, _ in _ALIASES)
    + ")"
    + _BOUNDARY_AFTER
)
_SHORT_RE = re.compile(r"\b[Tt]he\s+(?P<word>[A-Z][a-z]+)" + _BOUNDARY_AFTER)
# "media", "Russian media", "state media": a capitalized qualifier must look like a nationality or region
# adjective (Russian, Chinese, British, Western, Israeli, French), so that "Sony media" is just "media".
_MEDIA_QUALIFIERS = lexicon.MEDIA_QUALIFIERS
_MEDIA_RE = re.compile(
    r"\b(?:(?P<qualifier>[A-Z][a-z]+(?:an|ese|ish|ern|i|ch)|"
    + "|".join(f"[{q[0]}{q[0].upper()}]{q[1:]}" for q in _MEDIA_QUALIFIERS)
    + r")\s+)?[Mm]edia\b"
)
# Organisation entities that are not outlets despite their last word: party and district tags ("D-Newport News").
_NOT_AN_OUTLET = re.compile(r"^[DRI]-")

_FRAME_TAIL = r"\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$"
# The outlet reports: "according to Reuters", "first reported by the Post", "citing CNN".
_SOURCE_FRAME_BEFORE = re.compile(
    r"(?i)\b(?:according\s+to|(?:first\s+)?reported\s+(?:by|in|on)|reports?\s+(?:by|in)|reporting\s+by|"
    r"cited\s+by|citing|quoted\s+(?:by|in)|published\s+(?:by|in)|broken\s+by|via)" + _FRAME_TAIL
)
# The outlet is spoken to: "told CNN", "in an interview with the Post", "said on MSNBC".
_ADDRESSEE_FRAME_BEFORE = re.compile(
    r"(?i)\b(?:told|telling|tells|interviews?\s+with|(?:speaking|spoke|speaks|talking|talked)\s+(?:to|with)|"
    r"(?:said|says|saying|appeared|appearing)\s+on|(?:statement|comments?|remarks)\s+to)" + _FRAME_TAIL
)
# A second outlet may be joined on ("Washington Post-ABC News poll", "New York Times/CBS News poll").
_FRAME_AFTER = re.compile(
    r"^(?:[-/][A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?i:(?:['’]s)?\s*,?\s*(?:(?:which|that|who)\s+)?"
    r"(?:(?:first|has|had|have|also|previously|earlier|recently|then|was|were|is|exclusively|originally)\s+)*"
    r"(?:reported|reports?|reporting|learned|wrote|writes|said|says|cited|citing|quoted|revealed|reveals|"
    r"obtained|reviewed|published|publishes|broke|confirmed|story|article|interview|investigation|analysis|"
    r"poll|survey)\b)"
)
_CREDIT_LINE = re.compile(
    r"(?i)[\s\W]*(?:(?:by\s+[\w .'’-]+|copyright(?:\s+\d{4})?|©\s*(?:\d{4})?)[\s\W]*)?"
    r"(?:all\s+rights\s+reserved)?[\s\W]*"
)
_CONTRIBUTED = re.compile(r"(?i)^[^.\n]{0,60}\bcontributed\b")


@dataclass(frozen=True)
class Mention:
    """One place the text names an outlet (or "media"); ``key`` groups mentions of the same outlet."""

    start: int
    end: int
    key: str
    name: str


class ProvenanceFinder(AnnotatingPipe[list[Provenance]]):
    """Sets ``annotations.PROVENANCE``."""

    def __init__(self, nlp: Language, name: str, lede_units: int = LEDE_UNITS) -> None:
        self.name = name
        self.lede_units = lede_units

    def predict(self, doc: Doc) -> list[Provenance]:
        return find_provenance(doc, lede_units=self.lede_units)

    def set_annotations(self, doc: Doc, prediction: list[Provenance]) -> None:
        PROVENANCE.set(doc, prediction)


def find_provenance(doc: Doc, *, lede_units: int = LEDE_UNITS) -> list[Provenance]:
    """The upstream reports of one doc, each with its mentions and the attributions that rely on it."""
    text = doc_text(doc)
    ids = list(ATTRIBUTIONS.require(doc))
    parents = PARENTS.require(doc)
    spans = role_spans(doc)
    units = doc_units(doc)
    clauses = doc_cue_clauses(doc)
    sources = {aid: [(s.start_char, s.end_char) for s in spans[aid]["source"]] for aid in ids}
    top_level = [aid for aid in ids if parents.get(aid) is None]
    # Which attributions' cue clauses hold each token: a mention links those whose clause it is in.
    clause_of: dict[int, list[str]] = {}
    for aid, clause in clauses.items():
        for i in clause:
            clause_of.setdefault(i, []).append(aid)
    order = {aid: n for n, aid in enumerate(ids)}

    lines = _Lines(text)
    mentions = find_mentions(doc)
    entries: dict[str, Provenance] = {}
    linked_ids: dict[str, set[str]] = {}
    framing: set[str] = set()  # outlets with a mention that frames the whole article
    for mention, linked in zip(mentions, _sources_holding(mentions, sources), strict=True):
        credit = _credit(text, mention, lines)
        if not (linked or credit or _reporting_frame(text, mention)):
            continue
        tokens = _tokens(doc, mention)
        linked.update(aid for i in tokens for aid in clause_of.get(i, []))
        in_lede = bool(tokens) and units.index(min(tokens)) < lede_units and not _addressee(text, mention)
        if credit or in_lede:
            framing.add(mention.key)
        entry = entries.setdefault(mention.key, Provenance(name=mention.name, spans=[]))
        entry.spans.append((mention.start, mention.end))
        linked_ids.setdefault(mention.key, set()).update(linked)
    for key, entry in entries.items():
        found = linked_ids[key] | (set(top_level) if key in framing else set())
        entry.attribution_ids = sorted((aid for aid in found if aid in order), key=order.__getitem__)
    return list(entries.values())


def _sources_holding(mentions: list[Mention], sources: dict[str, list[tuple[int, int]]]) -> list[set[str]]:
    """For each mention (in text order, none overlapping another), the attributions whose source overlaps it:
    one sweep over the source ranges in text order, instead of every source for every mention."""
    ranges = sorted((start, end, aid) for aid, bounds in sources.items() for start, end in bounds)
    open_ranges: list[tuple[int, str]] = []  # (end, attribution) of ranges begun before the mention ends
    next_range = 0
    found = []
    for mention in mentions:
        while next_range < len(ranges) and ranges[next_range][0] < mention.end:
            heapq.heappush(open_ranges, (ranges[next_range][1], ranges[next_range][2]))
            next_range += 1
        while open_ranges and open_ranges[0][0] <= mention.start:
            heapq.heappop(open_ranges)
        found.append({aid for _, aid in open_ranges})
    return found


def find_mentions(doc: Doc) -> list[Mention]:
    """Every mention of an outlet or of "media" in the text, in text order, none overlapping another."""
    text = doc_text(doc)
    mentions: list[Mention] = []
    taken = DisjointRanges()

    def add(candidate: Mention) -> None:
        if taken.add(candidate.start, candidate.end):
            mentions.append(candidate)

    for match in _KNOWN_RE.finditer(text):
        canonical = _ALIAS_TO_CANONICAL[match["alias"]]
        add(Mention(match.start(), match.end(), _key(canonical), canonical))
    for entity in doc.ents:
        if entity.label_ != "ORG" or len(entity) < 2 or _NOT_AN_OUTLET.match(entity.text):
            continue
        if entity[-1].text in lexicon.OUTLET_NAME_WORDS or entity[-2:].text in lexicon.OUTLET_NAME_ENDINGS:
            name = _name(entity)
            if len(name.split()) > 2 or not name.startswith("The "):
                add(Mention(entity.start_char, entity.end_char, _key(name), name))
    long_names = {m.name.split()[-1]: m for m in mentions}
    for match in _SHORT_RE.finditer(text):
        outlet = long_names.get(match["word"])
        if outlet is not None and match["word"] in lexicon.OUTLET_NAME_WORDS:
            add(Mention(match.start(), match.end(), outlet.key, outlet.name))
    for match in _MEDIA_RE.finditer(text):
        qualifier = match["qualifier"]
        if qualifier and qualifier.lower() in _MEDIA_QUALIFIERS:
            qualifier = qualifier.lower()
        name = f"{qualifier} media" if qualifier else "media"
        add(Mention(match.start(), match.end(), _key(name), name))
    return sorted(mentions, key=lambda m: m.start)


def _name(entity: Span) -> str:
    """An outlet's display name: the entity's words, a leading "the" written "The"."""
    words = entity.text.split()
    if words[0].lower() == "the":
        words[0] = "The"
    return " ".join(words)


def _key(name: str) -> str:
    """Grouping key: case and a leading "the" do not make another outlet."""
    return re.sub(r"^the\s+", "", name.lower())


def _tokens(doc: Doc, mention: Mention) -> set[int]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


class _Lines:
    """Where the lines of a text start, and where its first non-blank character is, found once per text so
    that placing a mention on its line does not scan the text each time."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.length = len(text)
        self.first_visible = len(text) - len(text.lstrip())

    def around(self, position: int) -> tuple[int, int]:
        """The start and end (before its line break) of the line holding ``position``."""
        k = bisect.bisect_right(self.starts, position) - 1
        return self.starts[k], self.starts[k + 1] - 1 if k + 1 < len(self.starts) else self.length


_WORD = re.compile(r"\w")
_RIGHTS_OR_NO_WORD = re.compile(r"(?:\W|(?i:all\s+rights\s+reserved))*")
_CLOSING_DASH = "-–—|"


def _credit(text: str, mention: Mention, lines: _Lines) -> bool:
    """A headline credit ("... - media"), a dateline "(AP)", a credit line, or "Reuters contributed".

    Each test reads only what it needs around the mention (a long line with many mentions would otherwise be
    read once per mention): nothing but punctuation (or "All rights reserved") may follow the mention on a
    headline or credit line, which at most the last mention of a line passes.
    """
    line_start, line_end = lines.around(mention.start)[0], lines.around(mention.end)[1]
    if text[mention.start - 1 : mention.start] == "(" and text[mention.end : mention.end + 1] == ")":
        return True
    if _CONTRIBUTED.match(text[mention.end : min(line_end, mention.end + 80)]):
        return True
    if not _RIGHTS_OR_NO_WORD.fullmatch(text, mention.end, line_end):
        return False
    if line_start <= lines.first_visible and not _WORD.search(text, mention.end, line_end):
        # The headline: the first line ends in a dash and the mention ("... - media").
        dash = mention.start
        while dash > line_start and text[dash - 1].isspace():
            dash -= 1
        if dash - 2 >= line_start and text[dash - 1] in _CLOSING_DASH and text[dash - 2].isspace():
            return True
    return bool(_CREDIT_LINE.fullmatch(text[line_start : mention.start] + " " + text[mention.end : line_end]))


def _reporting_frame(text: str, mention: Mention) -> bool:
    """Reporting words right before or after the mention ("according to Reuters", "the Post has learned")."""
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 60]
    return bool(
        _SOURCE_FRAME_BEFORE.search(before) or _ADDRESSEE_FRAME_BEFORE.search(before) or _FRAME_AFTER.match(after)
    )


def _addressee(text: str, mention: Mention) -> bool:
    """Whether the outlet is only spoken to ("told CNN"): it carries that statement, not the whole article."""
    return bool(_ADDRESSEE_FRAME_BEFORE.search(text[max(0, mention.start - 60) : mention.start]))


@component_factory(
    "accordingto_provenance",
    default_config={"lede_units": LEDE_UNITS},
    assigns=[PROVENANCE.attr],
    requires=[PARENTS.attr, ATTRIBUTIONS.attr, "doc.spans", "doc.ents", "token.is_sent_start"],
)
def make_provenance(nlp: Language, name: str, lede_units: int) -> ProvenanceFinder:
    return ProvenanceFinder(nlp, name, lede_units)
