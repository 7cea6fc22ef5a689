"""The stretch of time a progress summary covers.

A `Period` is a choice ("last 3 months"); `resolve(today)` turns it into inclusive
first and last dates. Pure and immutable."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from trustdesk.domain.dates import short_date
from trustdesk.domain.text import EARLIEST_DATE, InvalidRecord

PERIOD_KINDS = ("last_4_weeks", "last_3_months", "last_12_months", "all_time", "custom")
_LABELS = {
    "last_4_weeks": "Last 4 weeks",
    "last_3_months": "Last 3 months",
    "last_12_months": "Last 12 months",
    "all_time": "All time",
    "custom": "Chosen dates",
}
_MONTHS = {"last_3_months": 3, "last_12_months": 12}


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier, moved back to the month's last day
    when that month is shorter (31 May minus 3 months is 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def format_day(day: date) -> str:
    """'3 Mar 2025', the short style (domain/dates.py), for tables and ranges."""
    return short_date(day)


@dataclass(frozen=True)
class Period:
    """What the person picked. `first`/`last` are used only by the 'custom' kind.

    Rules (all ranges inclusive, ending today unless custom):
    - last_4_weeks: the 28 days ending today;
    - last_3_months / last_12_months: from the day after the same date 3 (12)
      months ago, through today (31 May -> 1 March .. 31 May);
    - all_time: from the earliest record through today (or the latest record, if
      a record is dated later than today);
    - custom: `first` through `last`.
    """

    kind: str = "last_3_months"
    first: date | None = None
    last: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in PERIOD_KINDS:
            raise InvalidRecord(f"The period must be one of: {', '.join(PERIOD_KINDS)}.")
        if self.kind == "custom":
            if self.first is None or self.last is None:
                raise InvalidRecord("A custom period needs a start and an end date.")
            if self.first > self.last:
                raise InvalidRecord("The start date must be on or before the end date.")
            if self.first < EARLIEST_DATE:
                raise InvalidRecord(f"Dates before {EARLIEST_DATE:%Y} are not supported.")
        elif self.first is not None or self.last is not None:
            raise InvalidRecord("Only a custom period takes dates.")

    @classmethod
    def custom(cls, first: date, last: date) -> Period:
        return cls("custom", first, last)

    @property
    def label(self) -> str:
        """'Last 3 months', or for a custom period its dates."""
        if self.kind == "custom":
            assert self.first is not None and self.last is not None
            return f"{format_day(self.first)} to {format_day(self.last)}"
        return _LABELS[self.kind]

    def query_bounds(self, today: date) -> tuple[date, date]:
        """Inclusive dates to ask the repositories for: wide enough for every record
        this period can show. All time has no end: records dated further ahead than
        today's clock allows (it may have been set back) still count."""
        if self.kind == "all_time":
            return EARLIEST_DATE, date.max
        return self.resolve(today)

    def resolve(self, today: date, *, earliest: date | None = None,
                latest: date | None = None) -> tuple[date, date]:
        """Inclusive (first, last) dates. `earliest`/`latest` are the dates of the
        oldest and newest records; only 'all_time' uses them."""
        if self.kind == "custom":
            assert self.first is not None and self.last is not None
            return self.first, self.last
        if self.kind == "last_4_weeks":
            return today - timedelta(days=27), today
        if self.kind == "all_time":
            first = min(earliest, today) if earliest is not None else today
            last = max(latest, today) if latest is not None else today
            return first, last
        return months_before(today, _MONTHS[self.kind]) + timedelta(days=1), today
