"""The common date shapes read without dateparser give exactly dateparser's reading (date and period)."""

from __future__ import annotations

import datetime as dt

import pytest

from accordingto.anchor.time import _common_date, _parser

# Bases chosen for their edges: month ends (a day a shorter month lacks), 29 February, the turn of a year, a
# Sunday and a Monday (weekdays counted back across the week), and the two probe bases.
BASES = [
    dt.datetime(2016, 2, 29),
    dt.datetime(2016, 3, 31),
    dt.datetime(2015, 12, 31),
    dt.datetime(2017, 1, 1),
    dt.datetime(2018, 1, 29),
    dt.datetime(2019, 7, 1),
    dt.datetime(2020, 5, 31),
    dt.datetime(2001, 6, 15),
    dt.datetime(2011, 2, 10),
]

# Every shape the fast reading takes over, in the spellings news writes.
TAKEN = [
    "2014",
    "1987",
    "2035",
    "March",
    "december",
    "JULY",
    "Nov.",
    "Sept",
    "April 2013",
    "Feb. 2016",
    "september 1998",
    "Oct. 3",
    "Sept. 21",
    "sep 30",
    "June 1st",
    "August 22nd",
    "May 3rd",
    "January 31",
    "Dec. 25, 2014",
    "March 4 2009",
    "July 4th, 1976",
    "February 28",
    "Feb 29, 2016",
    "last week",
    "This week",
    "next week",
    "Last month",
    "this month",
    "next month",
    "last year",
    "This Year",
    "next year",
    "yesterday",
    "Today",
    "tomorrow",
    "Monday",
    "wednesday",
    "Saturday",
    "Sunday",
]

# Left to dateparser: 29 February without a year (it looks back for a leap year), days a month lacks, and
# everything outside the shapes.
LEFT = [
    "Feb. 29",
    "February 29, 2015",
    "April 31",
    "June 0",
    "the 13th",
    "Sunday night",
    "two years ago",
    "mid-May",
    "May 2015 ",
    "99",
]


def _dateparser_reading(expression: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    data = _parser(base).get_date_data(expression)
    return None if data.date_obj is None else (data.date_obj, data.period or "day")


@pytest.mark.parametrize("expression", TAKEN)
def test_common_dates_read_as_dateparser_does(expression: str) -> None:
    readings = {base: _common_date(expression, base) for base in BASES}
    assert any(reading is not None for reading in readings.values()), expression
    for base, reading in readings.items():
        if reading is not None:
            assert reading == _dateparser_reading(expression, base), (expression, base)


@pytest.mark.parametrize("expression", LEFT)
def test_other_expressions_are_left_to_dateparser(expression: str) -> None:
    assert all(_common_date(expression, base) is None for base in BASES)


def test_a_month_whose_days_the_base_day_overruns_is_left_to_dateparser() -> None:
    # dateparser reads "February" on 30 January 2016 as February 2012 (a 29th), not February 2015.
    assert _common_date("February", dt.datetime(2016, 1, 30)) is None
    assert _common_date("November", dt.datetime(2016, 3, 31)) is None
    assert _common_date("November", dt.datetime(2016, 3, 30)) == (dt.datetime(2015, 11, 30), "month")
