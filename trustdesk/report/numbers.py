"""The numbers behind each progress chart as a table: for screen readers and for
people who prefer numbers. `table_for(kind, summary)` builds the rows from the
same ProgressSummary the chart draws; the Progress page shows them in a table
view (ui/progress/tables.py) and the HTML summary as real tables. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from trustdesk.domain.period import format_day
from trustdesk.domain.progress import ProgressSummary
from trustdesk.domain.progress_text import r1
from trustdesk.report import labels

MINUS = "\u2212"


@dataclass(frozen=True)
class Table:
    """Column headings, and rows of (shown text, value to sort by) cells. The first
    `text_columns` columns are words (aligned left); the others are numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[tuple[str, Any], ...], ...]
    text_columns: int = 1


def number(value: float | None) -> str:
    """The tables' one number style: a count or whole score as '6' or '1,204', any
    other value with one decimal, '6.5'; '' for no value."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else r1(value)


def rating(value: float | None) -> str:
    """A check-in rating or its average, always with one decimal ('6.0', '6.5'), so a
    column of daily means and averages lines up; '' for no value."""
    return "" if value is None else r1(value)


def _cell(value: float | None, text: str | None = None) -> tuple[str, Any]:
    return (number(value) if text is None else text, -1 if value is None else value)


@lru_cache(maxsize=8192)
def _day(day: date) -> tuple[str, Any]:
    return format_day(day), day.toordinal()


def checkin_table(summary: ProgressSummary) -> Table:
    """Every day with a rating: each measure's value that day and its 7-day average."""
    checkins = summary.checkins
    headers = ["Day"]
    for series in checkins.series:
        headers += [series.label, f"{series.label} (7-day)"]
    rows = []
    for i in range(checkins.day_count):
        values = [(s.values[i], s.rolling[i]) for s in checkins.series]
        if all(v is None for v, _avg in values):
            continue
        cells = [_day(checkins.day(i))]
        for value, average in values:
            cells += [_cell(value, rating(value)), _cell(average, rating(average))]
        rows.append(tuple(cells))
    return Table(tuple(headers), tuple(rows))


def _change(before: int, after: int) -> str:
    diff = after - before
    return f"+{diff}" if diff > 0 else f"{MINUS}{-diff}" if diff < 0 else "0"


def belief_table(summary: ProgressSummary) -> Table:
    """One row per finished worksheet, with the person's call on it, so the ones
    called a real warning sign can be told (and sorted) apart."""
    rows = tuple((_day(p.day), (labels.category_name(p.category), p.category or ""),
                  (labels.verdict_name(p.verdict), p.verdict or ""),
                  _cell(p.before), _cell(p.after),
                  (_change(p.before, p.after), p.after - p.before))
                 for p in summary.beliefs.pairs)
    return Table(("Day", "Kind of fear", "Your call", "Belief before", "Belief after",
                  "Change"), rows, text_columns=3)


def activity_table(summary: ProgressSummary) -> Table:
    rows = []
    for week in summary.activity.weeks:
        sunday = week.monday + timedelta(days=6)
        label = f"{format_day(week.monday)} to {format_day(sunday)}"
        rows.append(((label, week.monday.toordinal()), _cell(week.entries),
                     _cell(week.worksheets), _cell(week.steps_done)))
    return Table(("Week", "Journal entries", "Worksheets", "Small steps done"), tuple(rows))


def trap_table(summary: ProgressSummary) -> Table:
    rows = tuple(((t.name, t.name), _cell(t.count)) for t in summary.traps.traps)
    return Table(("Thinking trap", "Worksheets in which you ticked it"), rows)


def step_table(summary: ProgressSummary) -> Table:
    steps = summary.steps
    items = [("The feared outcome didn't happen", steps.no),
             ("It happened partly", steps.partly),
             ("It happened", steps.yes),
             ("Not followed up yet", steps.open)]
    if steps.waiting:
        items.append(("Of those, past their planned date", steps.waiting))
    items.append(("Small steps in this period", steps.planned))
    return Table(("Small steps", "Number"),
                 tuple(((label, n), _cell(value)) for n, (label, value) in enumerate(items)))


_BUILDERS = {"checkins": checkin_table, "beliefs": belief_table, "activity": activity_table,
             "traps": trap_table, "steps": step_table}


def table_for(kind: str, summary: ProgressSummary) -> Table:
    """The table for chart `kind` (one of `report.charts.TITLES`)."""
    return _BUILDERS[kind](summary)
