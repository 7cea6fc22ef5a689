"""Axis arithmetic for the charts: value ticks, date ticks, and the min/max
reduction that keeps ten years of daily points cheap to draw. Plain Python."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from trustdesk.domain.dates import day_month, month_year

_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)


def nice_ticks(top: float, max_count: int = 5) -> list[float]:
    """Ticks from 0 up to at least `top`, spaced 1, 2 or 5 times a power of ten,
    at most `max_count` + 1 of them. `top` <= 0 gives [0, 1]."""
    if top <= 0:
        return [0.0, 1.0]
    max_count = max(1, max_count)
    raw = top / max_count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1 and top >= 1:   # counts are whole numbers
        step = 1.0
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def reduce_minmax(values: Sequence[float | None], columns: int
                  ) -> list[tuple[float, float] | None]:
    """One (min, max) pair per pixel column, or None for a column with no values.

    Value i belongs to column floor(i * columns / len(values)), so every column
    covers the same stretch of the x axis as the points it stands for. With more
    columns than values, some columns are empty (None) by construction; callers
    draw such short series point by point instead."""
    columns = max(1, int(columns))
    out: list[tuple[float, float] | None] = [None] * columns
    n = len(values)
    if n == 0:
        return out
    lows = [math.inf] * columns
    highs = [-math.inf] * columns
    for i, value in enumerate(values):
        if value is None:
            continue
        c = i * columns // n
        if value < lows[c]:
            lows[c] = value
        if value > highs[c]:
            highs[c] = value
    for c in range(columns):
        if lows[c] != math.inf:
            out[c] = (lows[c], highs[c])
    return out


def _days(first: date, last: date, step: int) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=step)


def _mondays(first: date, last: date, weeks: int) -> Iterator[date]:
    day = first + timedelta(days=(-first.weekday()) % 7)
    while day <= last:
        yield day
        day += timedelta(weeks=weeks)


def _months(first: date, last: date, step: int) -> Iterator[date]:
    index = first.year * 12 + first.month - 1
    if first.day != 1:
        index += 1
    index += (-index) % step          # January, and every step-th month after it
    while True:
        year, month = divmod(index, 12)
        day = date(year, month + 1, 1)
        if day > last:
            return
        yield day
        index += step


def _years(first: date, last: date, step: int) -> Iterator[date]:
    year = first.year if (first.month, first.day) == (1, 1) else first.year + 1
    year += (-year) % step
    while year <= last.year and year <= 9999:
        yield date(year, 1, 1)
        year += step


def date_ticks(first: date, last: date, max_ticks: int) -> list[tuple[date, str]]:
    """Readable ticks within [first, last]: days, Mondays, month starts or years,
    whichever is the finest that gives at most `max_ticks` ticks. Labels are
    '3 Mar' for days and weeks, 'Mar' for months ('Jan 2025' at a new year and on
    the first tick) and '2025' for years."""
    if last < first:
        return []
    max_ticks = max(2, max_ticks)
    span = (last - first).days + 1
    candidates: list[tuple[str, int]] = [("day", s) for s in (1, 2) if span / s <= max_ticks]
    candidates += [("week", s) for s in (1, 2)]
    candidates += [("month", s) for s in _MONTH_STEPS]
    candidates += [("year", s) for s in _YEAR_STEPS]
    for kind, step in candidates:
        if kind == "day":
            ticks = list(_days(first, last, step))
        elif kind == "week":
            ticks = list(_mondays(first, last, step))
        elif kind == "month":
            ticks = list(_months(first, last, step))
        else:
            ticks = list(_years(first, last, step))
        if len(ticks) <= max_ticks:
            break
    if kind in ("day", "week"):
        return [(d, day_month(d)) for d in ticks]
    if kind == "year":
        return [(d, str(d.year)) for d in ticks]
    return [(d, month_year(d) if i == 0 or d.month == 1 else month_year(d)[:3])
            for i, d in enumerate(ticks)]
