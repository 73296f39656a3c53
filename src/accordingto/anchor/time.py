"""Time: when each statement was made, or what time it is about, as written and as an ISO 8601 value.

``annotations.TIMES`` gets each attribution's ``model.TimeAnchor`` (text, character offsets, value) or ``None``.
What is and is not normalized, and why, is in ``docs/time.md``. In short:

1. Time expressions are spaCy's DATE entities plus our own patterns for what the model splits or misses
   (seasons "the fall of 2022", back-references "at the time", shifts "a year earlier", decades "the
   1990s", "now" in a cue clause). Durations ("two years"), ages ("60-year-old") and frequencies ("weekly")
   are not times and are dropped.
2. They are normalized in reading order. Day-, week-, month- and year-level expressions go to dateparser
   (``PREFER_DATES_FROM="past"``, ``RELATIVE_BASE`` = the publication date); seasons, decades, "since ...",
   "at the time" and "N units earlier/later" follow the small rules below. "At the time" takes the value of
   the previous normalized expression (the anchor); "a year earlier" shifts it; an explicit apposition wins
   ("a year earlier, in the fall of 2022" is 2022-FA).
3. The base date is the article's ``published`` date; without one, a "Published ..." line or a full date in
   the first lines of the text; without that, only expressions that carry their own year are normalized.
4. Each attribution takes the expression in its cue clause nearest its cue ("addressing generals on Tuesday,
   December 19, he boasted"), else the first one in its content, else none.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import ARTICLE, ATTRIBUTIONS, PARENTS, TIMES, doc_cue_clauses, doc_text, role_spans
from ..clauses import token_ids
from ..model import TimeAnchor
from ..number_words import CARDINALS
from ..pipes import AnnotatingPipe, component_factory
from ..ranges import DisjointRanges

# ISO 8601-2 season codes (as in TimeML's TIMEX3) and the month each season starts in (meteorological seasons,
# northern hemisphere: news from the southern hemisphere will be off by half a year).
SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "fall": ("FA", 9),
    "autumn": ("FA", 9),
    "winter": ("WI", 12),
}
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_COUNT = r"(?P<count>\d+|" + "|".join(CARDINALS) + ")"

# Our own patterns, tried before spaCy's entities (which they override where they overlap).
_PATTERNS: dict[str, re.Pattern[str]] = {
    "season_year": re.compile(
        rf"(?i)\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{_SEASON}\s+(?:of\s+)?(?P<year>\d{{4}})\b"
    ),
    "season_relative": re.compile(rf"(?i)\b(?P<which>this|last|next|past|coming)\s+{_SEASON}\b"),
    "back_reference": re.compile(r"(?i)\b(?:at|by)\s+(?:the|that)\s+time\b(?!\s+(?:of|when|that)\b)|\bback then\b"),
    # "a year earlier"; "before"/"after" only with nothing after them ("two days after the vote" is relative
    # to the vote, which we do not resolve).
    "shift": re.compile(
        rf"(?i)\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+(?P<direction>earlier|later|before(?=[,.;])|after(?=[,.;]))"
    ),
    "decade": re.compile(r"(?i)\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decade>\d{3})0s\b"),
    # A weekend: the last one begun by the base date (news looks back: "this weekend" in a Monday paper).
    "weekend": re.compile(r"(?i)\b(?:this|last|past|the)\s+weekend\b"),
    # "Putin is now making it clear": the time of the statement is the publication day. Used only in a cue
    # clause: inside a content ("Russia now holds ...") "now" is the time of the claim, not of the statement.
    "present": re.compile(r"(?i)\b(?:now|currently|at\s+present|these\s+days)\b"),
}
# Words one of which every match of a pattern holds (lower case): a text without any of them is not searched
# with it. Each pattern scans the whole text from every word boundary (about 0.1 CPU s of a dev run for the
# seven); most articles name no season, decade or weekend. Sound for any text: ``_folded`` maps every character
# that ``(?i)`` matches to an ASCII letter onto that letter.
_PATTERN_WORDS: dict[str, tuple[str, ...]] = {
    "season_year": tuple(SEASONS),
    "season_relative": tuple(SEASONS),
    "back_reference": ("time", "back then"),
    "shift": ("earlier", "later", "before", "after"),
    "decade": ("0s",),
    "weekend": ("weekend",),
    "present": ("now", "currently", "present", "days"),
}
# The characters other than A-Z that ``(?i)`` matches to an ASCII letter (dotted and dotless I, the long s, the
# Kelvin sign), each mapped to it; ``str.lower`` does the rest.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    """The text in lower case, with every letter that a case-insensitive pattern reads as an ASCII letter written
    as that letter (for testing which words it holds, not for offsets: the length may change)."""
    return text.translate(_ASCII_FOLD).lower()


# DATE entities that are not points or periods in time.
_APPROXIMATELY = r"(?:(?:under|over|about|nearly|almost|roughly|some|more\s+than|at\s+least)\s+)?"
_NOT_A_TIME = re.compile(
    r"(?i)(?:\byears?[- ]old\b|-year-old|^(?:daily|weekly|monthly|annual|annually|yearly|quarterly)$|"
    r"^(?:(?:the|those|these)\s+)?(?:day|days|weeks|months|years|decades|centuries|time|times)$|"
    rf"^{_APPROXIMATELY}\d{{1,3}}$|"
    rf"^(?:for\s+)?(?:the\s+)?(?:(?:past|last|next|previous|coming|first|final|recent)\s+)?{_APPROXIMATELY}"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|many|some|\w+teen|"
    r"twenty|thirty|forty|fifty)\s+(?:more\s+)?(?:days?|weeks?|months?|years?|decades?|centuries|hours?|"
    r"minutes?)(?:\s+(?:long|old))?$)"
)
# A bare time unit with at most a determiner and one modifier ("the additional week", "that year", "recent
# weeks"): when it cannot be normalized it says nothing a reader can place, so it is dropped.
_VAGUE = re.compile(
    r"(?i)^(?:(?:the|those|these|that|this|a|an)\s+)?(?:[\w-]+\s+)?"
    r"(?:day|days|week|weeks|month|months|year|years|time|times|decade|decades|quarter|quarters)$"
)
# "early", "late", "mid-" and "earlier"/"later" before a period narrow it; we normalize to the whole period.
_NARROWING = re.compile(r"(?i)^(?:earlier|later|early|late|mid-?)\s*")
# A weekday alone: news writes "said Friday" for the day of publication, which dateparser (preferring the past)
# would put a week back.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"(?i)^(?P<day>{'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?$")
# Times relative to an event ("the day after Monday", "two days before the vote"): not resolved.
_EVENT_RELATIVE = re.compile(r"(?i)\b(?:after|before)\b")
_SINCE = re.compile(r"(?i)\bsince\s+$")
_APPOSITION = re.compile(r"(?i)^\s*,?\s*(?:(?:in|on|during)\s+)?$")
# Written so that no two "\s*" can share a run of white space: the indent before the keyword is spaces and tabs
# (a "\s*" there would run over every line break of a long run of empty lines, at each line start), and the one
# after "on"/":" only follows them. Either would make a long run of line breaks cost its length squared.
_PUBLISHED_LINE = re.compile(
    r"(?im)^[^\S\n]*(?:published|posted|updated|last\s+updated|date)\s*(?:(?:on|:)\s*)?(?P<date>[^\n]{6,60})$"
)
_FULL_DATE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\b"
)
# Lines at the top of a text where a dateline or date stamp sits.
DATELINE_LINES = 5
# Two unrelated dates: an expression dateparser resolves the same way against both carries its own date.
_PROBE_BASES = (dt.datetime(2001, 6, 15), dt.datetime(2011, 2, 10))


@dataclass(frozen=True)
class Moment:
    """A normalized time: its ISO value, a representative day (to shift from) and its granularity."""

    value: str
    day: dt.date
    grain: str  # day | week | month | season | year | decade


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in the text, with its value (None when it could not be normalized)."""

    start: int
    end: int
    text: str
    value: str | None
    present: bool = False  # "now", "currently": counts in a cue clause only

    def anchor(self) -> TimeAnchor:
        return TimeAnchor(text=self.text, start=self.start, end=self.end, value=self.value)


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str  # a key of _PATTERNS, or "date" for a spaCy entity
    match: re.Match[str] | None = None
    since: bool = False


class TimeAnchoring(AnnotatingPipe[dict[str, TimeAnchor | None]]):
    """Sets ``annotations.TIMES``: every attribution's time anchor."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Have dateparser read its English data and compile its time-zone patterns while the pipeline loads: it
        does so on its first reading (about 0.15 CPU s), which would otherwise fall on the first article."""
        _parser(_PROBE_BASES[0]).get_date_data("two years ago")

    def predict(self, doc: Doc) -> dict[str, TimeAnchor | None]:
        return anchor_attributions(doc)

    def set_annotations(self, doc: Doc, prediction: dict[str, TimeAnchor | None]) -> None:
        TIMES.set(doc, prediction)


def anchor_attributions(doc: Doc) -> dict[str, TimeAnchor | None]:
    """``{attribution id: its time anchor or None}`` for every attribution on the doc."""
    ids = list(ATTRIBUTIONS.require(doc))
    if not ids:
        return {}
    PARENTS.require(doc)  # the cue clauses follow the nesting
    expressions = find_time_expressions(doc, base_date(doc))
    spans = role_spans(doc)
    clauses = doc_cue_clauses(doc)
    located: list[tuple[TimeExpression, set[int]]] = []
    at_token: dict[int, list[int]] = {}  # token -> the located expressions covering it, by index into located
    for expression in expressions:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                at_token.setdefault(i, []).append(len(located))
            located.append((expression, set(range(span.start, span.end))))
    # Every cue token in text order: the cue before an attribution's cue is found by binary search.
    cue_tokens = sorted(i for aid in ids for i in token_ids(spans[aid]["cue"]))

    def touching(tokens: set[int]) -> list[tuple[TimeExpression, set[int]]]:
        """The located expressions sharing a token with ``tokens``, in text order."""
        return [located[k] for k in sorted({k for i in tokens for k in at_token.get(i, [])})]

    result: dict[str, TimeAnchor | None] = {}
    for aid in ids:
        cue = token_ids(spans[aid]["cue"])
        clause = set(clauses.get(aid, []))
        content = token_ids(spans[aid]["content"])
        in_clause = touching(clause) if cue else []
        modifiers = cue_modifiers(doc, cue, content) | lead_in(doc, cue, cue_tokens)
        in_modifiers = touching(modifiers)
        in_content = [(e, t) for e, t in touching(content) if not e.present]
        chosen = None
        if in_clause:
            chosen = min(in_clause, key=lambda et: min(abs(i - j) for i in et[1] for j in cue))[0]
        elif in_modifiers:
            chosen = in_modifiers[0][0]
        elif in_content:
            chosen = in_content[0][0]
        result[aid] = chosen.anchor() if chosen is not None else None
    return result


# Dependents of a cue verb that say when the statement was made: "addressing generals on Tuesday, he boasted",
# "he said on Friday", "said last week".
_WHEN_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "tmod"})


def cue_modifiers(doc: Doc, cue: set[int], content: set[int]) -> set[int]:
    """Tokens of the cue verbs' adverbial dependents, outside the attribution's own content.

    They can lie inside a neighbouring attribution's content when the extractor let that content run on ("X says
    that ..., and addressing generals on Tuesday, he boasted ..."): the phrase still modifies this cue.
    """
    found: set[int] = set()
    for i in cue:
        for child in doc[i].children:
            if child.dep_ in _WHEN_DEPS and child.i not in content:
                found.update(t.i for t in child.subtree)
    return found - content


def lead_in(doc: Doc, cue: set[int], cue_tokens: list[int]) -> set[int]:
    """The words of the cue's sentence just before it, back to the previous cue or the sentence start.

    News puts the occasion before the speaker ("..., and addressing generals on Tuesday, he boasted ..."); the
    small parser often hangs such a phrase on the previous clause, so position is the safer guide.
    ``cue_tokens`` are the tokens of every cue, sorted (this cue's own lie at or after its first token, so the
    one just before it is another's).
    """
    if not cue:
        return set()
    first = min(cue)
    start = doc[first].sent.start
    before = bisect.bisect_left(cue_tokens, first)
    if before > 0 and cue_tokens[before - 1] >= start:
        start = cue_tokens[before - 1] + 1
    return set(range(start, first))


def base_date(doc: Doc) -> dt.date | None:
    """The date relative expressions are resolved against: published date, else a date stamp in the text."""
    article = ARTICLE.get(doc)
    published = article.published if article is not None else None
    if published:
        try:
            return dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            pass
    return date_in_text(doc_text(doc))


def date_in_text(text: str) -> dt.date | None:
    """A "Published ..." line anywhere, else a full date with its year in the first ``DATELINE_LINES`` lines."""
    head = "\n".join(text.splitlines()[:DATELINE_LINES])
    for found in (_PUBLISHED_LINE.search(text), _FULL_DATE.search(head)):
        if found is not None:
            moment = _parse_absolute(found.group("date") if "date" in found.groupdict() else found.group(0))
            if moment is not None and moment.grain == "day":
                return moment.day
    return None


def find_time_expressions(doc: Doc, base: dt.date | None) -> list[TimeExpression]:
    """Every time expression of the doc in reading order, normalized with a running anchor."""
    text = doc_text(doc)
    candidates = _candidates(doc)
    groups = _appositions(text, candidates)
    expressions: list[TimeExpression] = []
    anchor: Moment | None = None
    for group in groups:
        values: list[Moment | None] = []
        for candidate in group:
            moment = _normalize(text, candidate, base, anchor)
            values.append(moment)
            if moment is not None and candidate.kind not in ("back_reference", "present"):
                anchor = moment
        # In an apposition the explicit member wins: "a year earlier, in the fall of 2022".
        explicit = [m for c, m in zip(group, values, strict=True) if m is not None and c.kind not in _ANAPHORIC]
        moment = explicit[-1] if explicit else next((m for m in values if m is not None), None)
        if explicit:
            anchor = explicit[-1]
        since = group[0].since
        value = None if moment is None else (f"{moment.value}/.." if since else moment.value)
        start, end = group[0].start, group[-1].end
        if value is None and all(c.kind == "date" for c in group) and _VAGUE.match(text[start:end]):
            continue
        present = all(candidate.kind == "present" for candidate in group)
        expressions.append(TimeExpression(start, end, text[start:end], value, present))
    return expressions


_ANAPHORIC = frozenset({"back_reference", "shift", "present"})


def _candidates(doc: Doc) -> list[_Candidate]:
    text = doc_text(doc)
    found: list[_Candidate] = []
    taken = DisjointRanges()  # where the candidates found so far lie: a later one may not overlap them
    folded = _folded(text)
    for kind, pattern in _PATTERNS.items():
        if not any(word in folded for word in _PATTERN_WORDS[kind]):
            continue
        for match in pattern.finditer(text):
            if taken.add(match.start(), match.end()):
                found.append(_Candidate(match.start(), match.end(), kind, match))
    for entity in doc.ents:
        if entity.label_ != "DATE" or _NOT_A_TIME.search(entity.text):
            continue
        if taken.add(entity.start_char, entity.end_char):
            found.append(_Candidate(entity.start_char, entity.end_char, "date"))
    found.sort(key=lambda c: c.start)
    for candidate in found:
        since = _SINCE.search(text, max(0, candidate.start - 10), candidate.start)
        if since is not None:
            candidate.start, candidate.since = since.start(), True
    return found


def _appositions(text: str, candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Candidates in groups: neighbours separated only by a comma or "in"/"on" describe one time."""
    groups: list[list[_Candidate]] = []
    for candidate in candidates:
        if groups and _APPOSITION.match(text[groups[-1][-1].end : candidate.start]):
            groups[-1].append(candidate)
        else:
            groups.append([candidate])
    return groups


def _normalize(text: str, candidate: _Candidate, base: dt.date | None, anchor: Moment | None) -> Moment | None:
    match = candidate.match
    if candidate.kind == "season_year" and match is not None:
        return _season(int(match["year"]), match["season"].lower())
    if candidate.kind == "season_relative" and match is not None:
        return _relative_season(match["which"].lower(), match["season"].lower(), base) if base else None
    if candidate.kind == "back_reference":
        return anchor
    if candidate.kind == "present":
        return _moment(base, "day") if base else None
    if candidate.kind == "weekend":
        return _weekend(base) if base else None
    if candidate.kind == "shift" and match is not None:
        return _shift(anchor, match) if anchor else None
    if candidate.kind == "decade" and match is not None:
        decade = int(match["decade"]) * 10
        return Moment(f"{match['decade']}X", dt.date(decade, 1, 1), "decade")
    expression = _NARROWING.sub("", text[candidate.start : candidate.end].strip())
    expression = re.sub(r"(?i)^since\s+", "", expression)
    # "more than a year ago", "nearly two weeks ago": read as the round figure.
    expression = re.sub(rf"(?i)^{_APPROXIMATELY}|^less\s+than\s+", "", expression)
    if _EVENT_RELATIVE.search(expression):
        return None
    weekday = _WEEKDAY.match(expression)
    if weekday and base and _WEEKDAYS.index(weekday["day"].lower()) == base.weekday():
        return _moment(base, "day")
    return _parse_date(expression, base) if base else _parse_absolute(expression)


def _weekend(base: dt.date) -> Moment:
    """The latest weekend that had begun by the base date, as an ISO 8601-2 week-end (``2016-W37-WE``)."""
    saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
    iso_year, week, _ = saturday.isocalendar()
    return Moment(f"{iso_year}-W{week:02d}-WE", saturday, "week")


def _season(year: int, season: str) -> Moment:
    code, month = SEASONS[season]
    return Moment(f"{year}-{code}", dt.date(year, month, 1), "season")


def _season_bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    """First and last day of a season (winter runs into the next year)."""
    start = _season(year, season).day
    end_month = start.month + 3
    end = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def _relative_season(which: str, season: str, base: dt.date) -> Moment:
    """A season relative to the base date.

    "this fall": the one under way, else the base year's; "last fall": the latest one over; "next fall": the
    first one to start after the base date.
    """
    years = range(base.year - 2, base.year + 2)
    if which in ("last", "past"):
        year = max(y for y in years if _season_bounds(y, season)[1] < base)
    elif which in ("next", "coming"):
        year = min(y for y in years if _season_bounds(y, season)[0] > base)
    else:
        current = [y for y in years if _season_bounds(y, season)[0] <= base <= _season_bounds(y, season)[1]]
        year = current[0] if current else base.year
    return _season(year, season)


def _shift(anchor: Moment, match: re.Match[str]) -> Moment | None:
    """The anchor moved by "N units earlier/later", kept at the coarser of the two granularities."""
    count = int(match["count"]) if match["count"].isdigit() else CARDINALS[match["count"].lower()]
    sign = -1 if match["direction"].lower() in ("earlier", "before") else 1
    unit = match["unit"].lower()
    if unit == "year":
        year = anchor.day.year + sign * count
        if anchor.grain == "season":
            season = next(name for name, (code, _) in SEASONS.items() if anchor.value.endswith(code))
            return _season(year, season)
        return _moment(_replace_year(anchor.day, year), anchor.grain)
    if unit == "month" and anchor.grain in ("day", "week", "month", "season"):
        months = anchor.day.year * 12 + anchor.day.month - 1 + sign * count
        day = dt.date(months // 12, months % 12 + 1, 1)
        return _moment(day, "month")
    if anchor.grain in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return _moment(anchor.day + dt.timedelta(days=sign * days), "day" if unit == "day" else anchor.grain)
    return None


def _replace_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def _moment(day: dt.date, grain: str) -> Moment:
    if grain == "day":
        value = day.isoformat()
    elif grain == "week":
        iso_year, week, _ = day.isocalendar()
        value = f"{iso_year}-W{week:02d}"
    elif grain == "month":
        value = f"{day.year:04d}-{day.month:02d}"
    elif grain == "decade":
        value = f"{str(day.year)[:3]}X"
    else:
        value = f"{day.year:04d}"
    return Moment(value, day, grain)


@functools.lru_cache(maxsize=16)
def _parser(base: dt.datetime) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": False},
    )


# The shapes most news dates take, read here rather than by dateparser, which spends about 2 ms on each
# expression (its language check, translation and parsers tried in turn). Each gives exactly what dateparser
# gives (``tests/anchor/test_common_dates.py`` compares them): a month, day or year it leaves out is the base's,
# the day clipped to the month's length; a date without a year is the latest one not after the base; a weekday
# is the latest one before the base (never the base itself).
_MONTH = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
    r"sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_COMMON_DATES = {
    "year": re.compile(r"(?P<year>[12]\d{3})"),
    "month": re.compile(rf"(?i){_MONTH}"),
    "month_year": re.compile(rf"(?i){_MONTH} (?P<year>[12]\d{{3}})"),
    "month_day": re.compile(rf"(?i){_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>[12]\d{{3}}))?"),
    "relative": re.compile(r"(?i)(?P<which>last|this|next) (?P<unit>week|month|year)"),
    "day": re.compile(r"(?i)(?P<day>yesterday|today|tomorrow)"),
    "weekday": re.compile(rf"(?i)(?P<weekday>{'|'.join(_WEEKDAYS)})"),
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_STEPS = {"last": -1, "this": 0, "next": 1, "yesterday": -1, "today": 0, "tomorrow": 1}


def _common_date(expression: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of a date in one of ``_COMMON_DATES``' shapes, or None for any other expression."""
    for shape, pattern in _COMMON_DATES.items():
        found = pattern.fullmatch(expression)
        if found is not None:
            return _read_common(shape, found, base)
    return None


def _read_common(shape: str, found: re.Match[str], base: dt.datetime) -> tuple[dt.datetime, str] | None:
    """The reading of one shape; None where dateparser is left to decide (a day the month lacks)."""
    groups = found.groupdict()
    month = _MONTHS.index(groups["month"][:3].lower()) + 1 if groups.get("month") else base.month
    if shape == "year":
        return _clipped(int(groups["year"]), base.month, base.day), "year"
    if shape == "month":
        year = base.year - (month > base.month)
        if base.day > _days_in(year, month):
            return None  # "February" read on 30 January: dateparser looks back for a year where the day exists
        return dt.datetime(year, month, base.day), "month"
    if shape == "month_year":
        return _clipped(int(groups["year"]), month, base.day), "month"
    if shape == "month_day":
        day = int(groups["day"])
        if groups["year"] is not None:
            year = int(groups["year"])
        else:
            year = base.year - ((month, day) > (base.month, base.day))
        if groups["year"] is None and (month, day) == (2, 29):
            return None  # dateparser looks back for a leap year
        if not 1 <= day <= _days_in(year, month):
            return None
        return dt.datetime(year, month, day), "day"
    if shape == "weekday":
        back = (base.weekday() - _WEEKDAYS.index(groups["weekday"].lower())) % 7 or 7
        return base - dt.timedelta(days=back), "day"
    step = _STEPS[(groups.get("which") or groups["day"]).lower()]
    unit = groups.get("unit", "day").lower()
    if unit == "year":
        return _clipped(base.year + step, base.month, base.day), "year"
    if unit == "month":
        months = base.year * 12 + base.month - 1 + step
        return _clipped(months // 12, months % 12 + 1, base.day), "month"
    return base + dt.timedelta(days=step * (7 if unit == "week" else 1)), unit


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _clipped(year: int, month: int, day: int) -> dt.datetime:
    """The date, with the day moved back to the month's last when the month is shorter."""
    return dt.datetime(year, month, min(day, _days_in(year, month)))


@functools.lru_cache(maxsize=4096)
def _dateparser(expression: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of an expression against a base: (date, period), cached per text and base."""
    common = _common_date(expression, base)
    if common is not None:
        return common
    data = _parser(base).get_date_data(expression)
    if data.date_obj is None or data.date_obj.second or data.date_obj.microsecond:
        # A time with seconds is dateparser falling back on the clock ("the 1990s"): not a reading.
        return None
    return data.date_obj, data.period or "day"


def _parse_date(expression: str, base: dt.date) -> Moment | None:
    parsed = _dateparser(expression, dt.datetime(base.year, base.month, base.day))
    if parsed is None:
        return None
    date, period = parsed
    return _moment(date.date(), period if period in ("day", "week", "month", "year") else "day")


def _parse_absolute(expression: str) -> Moment | None:
    """An expression that carries its own date: read the same against two unrelated bases (the second only when
    the first gave a date: 119 of the 266 distinct expressions on PolNeAR dev give none)."""
    first = _parse_date(expression, _PROBE_BASES[0].date())
    if first is None:
        return None
    second = _parse_date(expression, _PROBE_BASES[1].date())
    return first if second is not None and first.value == second.value else None


@component_factory(
    "accordingto_time",
    assigns=[TIMES.attr],
    requires=[PARENTS.attr, ATTRIBUTIONS.attr, "doc.spans", "doc.ents", "token.dep", "token.is_sent_start"],
)
def make_time(nlp: Language, name: str) -> TimeAnchoring:
    return TimeAnchoring(nlp, name)
