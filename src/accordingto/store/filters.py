"""The one filter object every corpus list takes: which statements (attributions) and articles to count or show.

Each filter is declared once in ``FILTERS`` (name, help, how a string becomes its value, which column it tests,
how): the CLI's options, the API's query parameters and the page's form are all built from that table, and
``Filters`` turns the values into SQL for each kind of list. Adding a filter is adding one entry, as
``min_confidence`` was (a column that ``statement_index`` does not copy is read from ``attributions`` through a
join, added only when such a filter is used).

Values arrive as strings at the edges (a URL, a command line) and are parsed here, once, into typed values;
Python callers may pass typed values (``Filters(outlet=["NYT"], named=False)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select, true

from .. import lexicon
from ..errors import InvalidDateError, InvalidFilterError
from ..model import AttributionType, SourceKind
from ..read.text import parse_published
from .schema import articles, attributions, statement_index

# Bounds on what a URL or a command line may ask for: a filter never needs more, and a huge one is refused.
MAX_VALUES = 50
MAX_VALUE_CHARS = 200

Value = Any
# A query of any number of columns of any types.
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
Condition = Callable[[ColumnElement[Any], Value], ColumnElement[bool]]


def _text(raw: str) -> str:
    value = raw.strip()
    if not value or len(value) > MAX_VALUE_CHARS:
        raise ValueError(f"give a value of 1 to {MAX_VALUE_CHARS} characters")
    return value


def _date(raw: str) -> dt.date:
    try:
        checked = parse_published(raw.strip(), None)
    except InvalidDateError:
        checked = None
    if checked is None:
        raise ValueError("give a date, YYYY-MM-DD")
    return dt.date.fromisoformat(checked)


def _boolean(raw: str) -> bool:
    word = raw.strip().lower()
    if word in ("true", "1", "yes"):
        return True
    if word in ("false", "0", "no"):
        return False
    raise ValueError("give true or false")


def _probability(raw: str) -> float:
    """A probability, 0 to 1 ("0.8"), or a percentage ("80%")."""
    text = raw.strip()
    percent = text.endswith("%")
    try:
        value = float(text[:-1] if percent else text)
    except ValueError:
        value = -1.0
    value = value / 100 if percent else value
    if not 0 <= value <= 1:  # also refuses nan
        raise ValueError("give a probability from 0 to 1 (0.8) or a percentage (80%)")
    return value


def _choice(choices: Callable[[], Sequence[str]]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        allowed = choices()
        if value not in allowed:
            raise ValueError(f"give one of {', '.join(allowed)}")
        return value

    return parse


def _cue_classes() -> tuple[str, ...]:
    """The stance stage's cue classes (the lexicon's ``CUE_CLASSES``, the one list), plus ``other``."""
    return (*lexicon.CUE_CLASSES, "other")


def _folded_in(column: ColumnElement[Any], values: Sequence[str]) -> ColumnElement[bool]:
    """Case-insensitive: folded by the database's own lower(), as ``outlet_key`` was."""
    return or_(*(column == func.lower(value) for value in values))


def _one_of(column: ColumnElement[Any], values: Sequence[str]) -> ColumnElement[bool]:
    return column.in_(list(values))


def _states_something(column: ColumnElement[Any], value: bool) -> ColumnElement[bool]:
    """A cue class outside the acts and unheld beliefs (``lexicon.NOT_STATEMENT_CUE_CLASSES``) for true, inside
    them for false. An attribution stored without a class counts as a statement: the class marks what is not."""
    acts = sorted(lexicon.NOT_STATEMENT_CUE_CLASSES)
    return or_(column.is_(None), column.not_in(acts)) if value else column.in_(acts)


def _on_or_after(column: ColumnElement[Any], value: dt.date) -> ColumnElement[bool]:
    return column >= value


def _on_or_before(column: ColumnElement[Any], value: dt.date) -> ColumnElement[bool]:
    return column <= value


def _at_least(column: ColumnElement[Any], value: float) -> ColumnElement[bool]:
    return column >= value


def _is(column: ColumnElement[Any], value: bool) -> ColumnElement[bool]:
    return column.is_(true() if value else false())


@dataclass(frozen=True)
class Filter:
    """One filter: its name at every edge, its help text, the column it tests and how, and how to parse it.

    ``column`` names a column of ``statement_index`` (or, if it has none by that name, of ``attributions``);
    ``outlet_key`` and ``published`` are article columns, which the article list reads off ``articles``.
    ``many``: the filter takes a list of values (any of them matches).
    """

    name: str
    help: str
    column: str
    condition: Condition
    parse: Callable[[str], Value]
    many: bool = False
    choices: Callable[[], Sequence[str]] | None = None
    input: str = "text"  # how the page asks for it: text, date, choice, boolean, number
    false_word: str | None = None  # a boolean's word for false on a command line (--named/--anonymous)

    def value(self, given: Value) -> Value:
        """The typed value of what a caller gave: a string (or strings) from an edge, or a typed value."""
        items = list(given) if self.many and isinstance(given, (list, tuple, set, frozenset)) else [given]
        if self.many and len(items) > MAX_VALUES:
            raise InvalidFilterError(f"{self.name}: at most {MAX_VALUES} values")
        parsed = []
        for item in items:
            if isinstance(item, str):
                try:
                    parsed.append(self.parse(item))
                except ValueError as error:
                    raise InvalidFilterError(f"{self.name}: {item[:MAX_VALUE_CHARS]!r}: {error}") from None
            else:
                parsed.append(item)
        return tuple(dict.fromkeys(parsed)) if self.many else parsed[0]


SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]
ATTRIBUTION_TYPES: tuple[str, ...] = AttributionType.__args__  # type: ignore[attr-defined]

FILTERS: tuple[Filter, ...] = (
    Filter("outlet", "Only these outlets (any case: NYT finds nyt).", "outlet_key", _folded_in, _text, many=True),
    Filter(
        "since",
        "Only articles published on or after this date (YYYY-MM-DD).",
        "published",
        _on_or_after,
        _date,
        input="date",
    ),
    Filter(
        "until",
        "Only articles published on or before this date (YYYY-MM-DD).",
        "published",
        _on_or_before,
        _date,
        input="date",
    ),
    Filter(
        "kind",
        "Only sources of these kinds.",
        "source_kind",
        _one_of,
        _choice(lambda: SOURCE_KINDS),
        many=True,
        choices=lambda: SOURCE_KINDS,
        input="choice",
    ),
    Filter(
        "named",
        "Only named (true) or only anonymous (false) sources.",
        "source_named",
        _is,
        _boolean,
        input="boolean",
        false_word="anonymous",
    ),
    Filter(
        "type",
        "Only these attribution types (direct, indirect, mixed).",
        "type",
        _one_of,
        _choice(lambda: ATTRIBUTION_TYPES),
        many=True,
        choices=lambda: ATTRIBUTION_TYPES,
        input="choice",
    ),
    Filter(
        "cue_class",
        "Only cues of these classes (neutral, denial, belief...).",
        "cue_class",
        _one_of,
        _choice(_cue_classes),
        many=True,
        choices=_cue_classes,
        input="choice",
    ),
    Filter(
        "statements",
        "Only statements (true), leaving out acts and beliefs no one named holds (the cue classes decision, "
        "perception, refusal, gesture and expectation: 'approved', 'thanked her', 'is expected to'), which PolNeAR "
        "annotates; or only those (false).",
        "cue_class",
        _states_something,
        _boolean,
        input="boolean",
        false_word="acts",
    ),
    Filter(
        "denial",
        "Only denials (true) or only statements that deny nothing (false).",
        "denial",
        _is,
        _boolean,
        input="boolean",
    ),
    Filter(
        "hedged", "Only hedged (true) or only unhedged (false) statements.", "hedged", _is, _boolean, input="boolean"
    ),
    Filter(
        "hypothetical",
        "Only statements nobody made (true: instructions, conditions, questions, possibilities, wishes, 'anyone "
        "who says') or only statements reported as made (false); attributions stored without the flag are left "
        "out either way.",
        "hypothetical",
        _is,
        _boolean,
        input="boolean",
    ),
    Filter(
        "min_confidence",
        "Only attributions at least this likely right: the model's calibrated probability, 0 to 1 or a percentage "
        "(of the attributions given 0.8, about 80% are right; attributions stored without one are left out).",
        "confidence",
        _at_least,
        _probability,
        input="number",
    ),
    Filter(
        "min_speaker_confidence",
        "Only attributions whose source shown is at least this likely who the article means: the model's "
        "calibrated probability, 0 to 1 or a percentage (attributions without a source, or stored without one, "
        "are left out).",
        "speaker_confidence",
        _at_least,
        _probability,
        input="number",
    ),
)
BY_NAME = {item.name: item for item in FILTERS}
ARTICLE_COLUMNS = ("outlet_key", "published")


def _article_column(name: str) -> ColumnElement[Any]:
    """The article list's own expression for an article column (the statement index copies them)."""
    return func.lower(articles.c.outlet) if name == "outlet_key" else articles.c[name]


def _statement_column(name: str) -> ColumnElement[Any]:
    return statement_index.c[name] if name in statement_index.c else attributions.c[name]


class Filters(Mapping[str, Value]):
    """Filter values by name (only those set); immutable, hashable, and the same at every edge."""

    def __init__(self, values: Mapping[str, Value] | None = None, /, **given: Value) -> None:
        typed: dict[str, Value] = {}
        for name, value in {**(values or {}), **given}.items():
            if name not in BY_NAME:
                raise InvalidFilterError(f"unknown filter {name!r}: use one of {', '.join(BY_NAME)}")
            if value is None or value == () or value == []:
                continue
            typed[name] = BY_NAME[name].value(value)
        self._values = {name: typed[name] for name in BY_NAME if name in typed}
        since, until = self._values.get("since"), self._values.get("until")
        if since is not None and until is not None and since > until:
            raise InvalidFilterError(f"since {since} is after until {until}")

    @classmethod
    def parse(cls, raw: Mapping[str, str | Sequence[str] | None]) -> Filters:
        """From strings as an edge receives them (query parameters, options); empty strings mean "not set"."""
        values: dict[str, Value] = {}
        for name, value in raw.items():
            if name not in BY_NAME or value is None:
                continue
            strings = [value] if isinstance(value, str) else list(value)
            strings = [item for item in strings if item.strip()]
            if strings:
                values[name] = strings if BY_NAME[name].many else strings[-1]
        return cls(values)

    def __getitem__(self, name: str) -> Value:
        return self._values[name]

    def __iter__(self) -> Any:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self._values == other._values

    def __repr__(self) -> str:
        return f"Filters({self._values!r})"

    def without(self, *names: str) -> Filters:
        return Filters({name: value for name, value in self._values.items() if name not in names})

    def to_params(self) -> list[tuple[str, str]]:
        """Back to strings, as a URL carries them (one pair per value)."""
        pairs = []
        for name, value in self._values.items():
            for item in value if BY_NAME[name].many else (value,):
                text = str(item).lower() if isinstance(item, bool) else str(item)  # a date's str() is ISO
                pairs.append((name, text))
        return pairs

    def to_dict(self) -> dict[str, Any]:
        """The values as JSON: strings, and lists of strings for filters that take several."""
        grouped: dict[str, Any] = {}
        for name, text in self.to_params():
            if BY_NAME[name].many:
                grouped.setdefault(name, []).append(text)
            else:
                grouped[name] = text
        return grouped

    # ---- SQL ---------------------------------------------------------------------------------------------------

    def _conditions(self, names: Iterable[str], column: Callable[[str], ColumnElement[Any]]) -> list[Any]:
        return [BY_NAME[name].condition(column(BY_NAME[name].column), self._values[name]) for name in names]

    @property
    def needs_attributions(self) -> bool:
        """Whether a filter tests a column that only ``attributions`` has (the list then joins it)."""
        return any(BY_NAME[name].column not in statement_index.c for name in self._values)

    def on_statements(self, query: AnySelect) -> AnySelect:
        """Narrow a query over ``statement_index`` (joined to ``attributions`` when ``needs_attributions``)."""
        return query.where(*self._conditions(self._values, _statement_column))

    def statement_conditions(self) -> ColumnElement[bool]:
        return and_(true(), *self._conditions(self._values, _statement_column))

    def covered_by(self, columns: Mapping[str, Any]) -> bool:
        """Whether every filter set tests a column in ``columns`` (a rollup can then answer alone)."""
        return all(BY_NAME[name].column in columns for name in self._values)

    def on(self, query: AnySelect, columns: Mapping[str, ColumnElement[Any]]) -> AnySelect:
        """Narrow a query over another table whose expressions for the filters' columns are ``columns``."""
        return query.where(*self._conditions(self._values, columns.__getitem__))

    def on_articles(self, query: AnySelect) -> AnySelect:
        """Narrow a query over ``articles``: article filters directly, statement filters as "has a statement
        that passes them" (an article quoting anonymous sources)."""
        article_names = [name for name in self._values if BY_NAME[name].column in ARTICLE_COLUMNS]
        query = query.where(*self._conditions(article_names, _article_column))
        rest = [name for name in self._values if name not in article_names]
        if rest:
            inner = select(statement_index.c.id).where(statement_index.c.article_id == articles.c.id)
            if any(BY_NAME[name].column not in statement_index.c for name in rest):
                inner = inner.join(attributions, statement_joins())
            query = query.where(exists(inner.where(*self._conditions(rest, _statement_column))))
        return query


def statement_joins() -> ColumnElement[bool]:
    """The join condition of ``statement_index`` to ``attributions``."""
    return and_(
        attributions.c.article_id == statement_index.c.article_id,
        attributions.c.attribution_id == statement_index.c.attribution_id,
    )


def describe_filters() -> list[dict[str, Any]]:
    """The filters as the page's form builds them: name, help, input kind, choices, repeatable."""
    return [
        {
            "name": item.name,
            "help": item.help,
            "input": item.input,
            "many": item.many,
            "choices": list(item.choices()) if item.choices else None,
        }
        for item in FILTERS
    ]


__all__ = ["AnySelect", "BY_NAME", "FILTERS", "Filter", "Filters", "describe_filters", "statement_joins"]
