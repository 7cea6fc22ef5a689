"""Days on a calendar: what each day holds (how many entries, the day's average
ratings), the month grid the Journal shows and the year the Progress page paints.

Plain Python: storage fills `DayMark`s in one query per month or year, the UI draws
them. A rating's colour band is only ever a second signal: the number itself is
always shown or spoken beside it."""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WEEKS = 6                     # a month grid always has six rows, so it never jumps
SCALES = ("mood", "trust_others", "trust_self")
SCALE_NAMES = {"mood": "Mood", "trust_others": "Trust in others",
               "trust_self": "Trust in myself"}
# Three bands, named by their numbers: a colour is never the only signal.
BANDS = (("low", 0, 3), ("middle", 4, 6), ("high", 7, 10))
BAND_WORDS = {name: f"{low}–{high}" for name, low, high in BANDS}


@dataclass(frozen=True)
class DayMark:
    """One day with at least one entry; a rating is the day's average of the entries
    that rated it (None: none did)."""

    day: date
    entries: int
    mood: float | None = None
    trust_others: float | None = None
    trust_self: float | None = None

    def rating(self, scale: str) -> float | None:
        if scale not in SCALES:
            raise ValueError(f"unknown scale {scale!r}")
        value: float | None = getattr(self, scale)
        return value


def band(value: float | None) -> str | None:
    """'low', 'middle' or 'high' for a 0-10 rating (rounded half up), None unrated."""
    if value is None:
        return None
    whole = shown_rating(value)
    for name, low, high in BANDS:
        if low <= whole <= high:
            return name
    raise ValueError(f"rating out of range: {value}")


def shown_rating(value: float) -> int:
    """A day's average as the whole number the calendar shows (half rounds up)."""
    return int(value + 0.5)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept inside a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError("outside the calendar")
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def grid_start(year: int, month: int) -> date:
    """The Monday on or before the 1st: the grid's top-left day."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


def grid_position(day: date) -> tuple[int, int]:
    """(row, column) of `day` in its own month's grid."""
    offset = (day - grid_start(day.year, day.month)).days
    return divmod(offset, 7)


def by_day(marks: Iterable[DayMark]) -> dict[date, DayMark]:
    return {mark.day: mark for mark in marks}


def _entries_words(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


def day_words(day: date, mark: DayMark | None) -> str:
    """What a screen reader says for a day: the date, the entries, each rating and
    its band ('Tuesday 3 March 2026: 2 entries, mood 7 (high)')."""
    label = f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"
    if mark is None:
        return f"{label}: nothing written"
    parts = [_entries_words(mark.entries)]
    for scale in SCALES:
        value = mark.rating(scale)
        if value is not None:
            parts.append(f"{SCALE_NAMES[scale].lower()} {shown_rating(value)} "
                         f"({band(value)})")
    return f"{label}: " + ", ".join(parts)


# -- the year in pixels -----------------------------------------------------------
@dataclass(frozen=True)
class YearCounts:
    """How a year's days spread over the bands of one scale."""

    year: int
    scale: str
    days_written: int
    rated: dict[str, int]          # band -> days

    @property
    def days_rated(self) -> int:
        return sum(self.rated.values())


def year_counts(year: int, scale: str, marks: Sequence[DayMark]) -> YearCounts:
    rated = {name: 0 for name, _low, _high in BANDS}
    written = 0
    for mark in marks:
        if mark.day.year != year:
            continue
        written += 1
        name = band(mark.rating(scale))
        if name is not None:
            rated[name] += 1
    return YearCounts(year, scale, written, rated)


def year_sentence(counts: YearCounts) -> str:
    """One plain sentence about a year's days, like the other charts' sentences:
    counts only, no judgement and no diagnosis."""
    name = SCALE_NAMES[counts.scale].lower()
    if counts.days_written == 0:
        return f"Nothing was written in {counts.year}."
    written = ("1 day" if counts.days_written == 1 else f"{counts.days_written} days")
    if counts.days_rated == 0:
        return f"In {counts.year} you wrote on {written}; none of them rated {name}."
    spread = ", ".join(f"{counts.rated[b]} {b} ({BAND_WORDS[b]})"
                       for b, _low, _high in BANDS)
    rated = "1 day" if counts.days_rated == 1 else f"{counts.days_rated} days"
    return (f"In {counts.year} you wrote on {written} and rated {name} on {rated}: "
            f"{spread}.")


def year_rows(year: int, scale: str, marks: Sequence[DayMark]) -> list[tuple[str, ...]]:
    """The year as a table, one row per month: the month, days written, days in each
    band and the month's average of the scale (blank when unrated)."""
    months: dict[int, list[DayMark]] = {m: [] for m in range(1, 13)}
    for mark in marks:
        if mark.day.year == year:
            months[mark.day.month].append(mark)
    rows: list[tuple[str, ...]] = []
    for month, days in months.items():
        counts = year_counts(year, scale, days)
        values = [v for v in (d.rating(scale) for d in days) if v is not None]
        average = f"{sum(values) / len(values):.1f}" if values else ""
        rows.append((_cal.month_name[month], str(counts.days_written),
                     *(str(counts.rated[b]) for b, _low, _high in BANDS), average))
    return rows


YEAR_COLUMNS = ("Month", "Days written", *(f"Days {b} ({BAND_WORDS[b]})"
                                           for b, _low, _high in BANDS), "Average")
