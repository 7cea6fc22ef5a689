"""Axis arithmetic: the per-column min/max reduction keeps every value's extremes,
ticks are round and readable, dates land inside the range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustdesk.report.axes import date_ticks, nice_ticks, reduce_minmax


def brute_force(values, columns):
    """The definition, spelled out: group indices by column, take min and max."""
    groups = {c: [] for c in range(columns)}
    for i, value in enumerate(values):
        if value is not None:
            groups[i * columns // len(values)].append(value)
    return [(min(g), max(g)) if g else None for _c, g in sorted(groups.items())]


@given(st.lists(st.one_of(st.none(), st.floats(0, 10, allow_nan=False)), min_size=1,
                max_size=400),
       st.integers(1, 120))
def test_reduction_matches_the_definition(values, columns):
    assert reduce_minmax(values, columns) == brute_force(values, columns)


def test_reduction_of_ten_years_keeps_extremes_and_gaps():
    values = [float(i % 11) for i in range(3650)]
    values[1000:1100] = [None] * 100              # a 100-day gap
    values[2000] = 42.0                           # a one-day spike must survive
    reduced = reduce_minmax(values, 500)
    assert len(reduced) == 500
    column = 2000 * 500 // 3650
    members = [values[i] for i in range(3650) if i * 500 // 3650 == column]
    assert reduced[column] == (min(members), 42.0)
    # columns lying wholly inside the gap are empty: no line is drawn there
    inside_gap = [c for c in range(500)
                  if all(1000 <= i < 1100 for i in range(3650) if i * 500 // 3650 == c)]
    assert len(inside_gap) >= 12
    assert all(reduced[c] is None for c in inside_gap)
    assert reduced[0] == (0.0, 7.0)               # indices 0..7 land in column 0


def test_reduction_edge_cases():
    assert reduce_minmax([], 3) == [None, None, None]
    assert reduce_minmax([4.0], 1) == [(4.0, 4.0)]
    assert reduce_minmax([1.0, None, 3.0], 3) == [(1.0, 1.0), None, (3.0, 3.0)]
    assert reduce_minmax([5.0] * 10, 2) == [(5.0, 5.0), (5.0, 5.0)]


@pytest.mark.parametrize(("top", "count", "ticks"), [
    (10, 5, [0, 2, 4, 6, 8, 10]),
    (7, 5, [0, 2, 4, 6, 8]),
    (3, 5, [0, 1, 2, 3]),
    (1, 5, [0, 1]),
    (0, 5, [0, 1]),
    (1234, 5, [0, 500, 1000, 1500]),
    (45, 4, [0, 20, 40, 60]),
])
def test_nice_ticks(top, count, ticks):
    assert nice_ticks(top, count) == ticks


def test_date_ticks_pick_days_weeks_months_or_years():
    month = date_ticks(date(2025, 5, 4), date(2025, 5, 31), 6)
    assert [label for _d, label in month] == ["5 May", "12 May", "19 May", "26 May"]
    assert all(d.weekday() == 0 for d, _l in month)
    year = date_ticks(date(2024, 6, 1), date(2025, 5, 31), 8)
    assert [label for _d, label in year] == ["Jul 2024", "Sep", "Nov", "Jan 2025", "Mar",
                                             "May"]
    decade = date_ticks(date(2015, 3, 1), date(2025, 2, 28), 6)
    assert [label for _d, label in decade] == ["2016", "2018", "2020", "2022", "2024"]
    days = date_ticks(date(2025, 1, 1), date(2025, 1, 4), 10)
    assert [label for _d, label in days] == ["1 Jan", "2 Jan", "3 Jan", "4 Jan"]


@given(st.dates(date(1990, 1, 1), date(2030, 1, 1)), st.integers(0, 6000),
       st.integers(2, 20))
def test_date_ticks_stay_in_range_and_within_the_count(first, span, max_ticks):
    last = first + timedelta(days=span)
    ticks = date_ticks(first, last, max_ticks)
    assert len(ticks) <= max_ticks
    assert all(first <= d <= last for d, _label in ticks)
    assert [d for d, _l in ticks] == sorted({d for d, _l in ticks})
