"""Which dates a record may carry, and when that is checked.

Two rules, on purpose different:
- A date a person sets or imports (a new entry, a changed date, a worksheet's day,
  a small step's date, any date in an import file) must lie between 1900 and about
  a year from today: `check_new_date`. That catches typing slips and broken files.
- A date already stored is never judged against today. Computers' clocks go wrong
  (a dead battery resets one to 2000; a person fixes a clock that ran a year
  ahead), and a journal must read the same whatever the clock says. Records only
  keep the clock-free floor (`EARLIEST_DATE`) as an invariant.

Storage calls `check_new_date` when it writes a date that differs from the stored
one; the import checks every date it reads. Reading checks nothing against today.

This module is also the one clock: `now()` and `today()`. Code that needs the time
takes them as a callable (`Clock`, `Today`) defaulting to these, so tests and the
pages that show dates can pass their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime

from trustdesk.domain.text import EARLIEST_DATE, FUTURE_LIMIT, InvalidRecord

__all__ = ["EARLIEST_DATE", "FUTURE_LIMIT", "Clock", "Today", "check_new_date",
           "latest_new_date", "new_date_problem", "now", "today"]

Clock = Callable[[], datetime]
Today = Callable[[], date]


def today() -> date:
    """This computer's local date. date.fromtimestamp(time.time()), not date.today():
    with PySide loaded, date.today() takes a detour through the import system."""
    return date.fromtimestamp(time.time())


def now() -> datetime:
    """This computer's local time, without an offset, to the second (as records
    store it)."""
    return datetime.fromtimestamp(time.time()).replace(microsecond=0)


def latest_new_date(on: date | None = None) -> date:
    """The last date a person may set on `on` (default today): a year and a day ahead."""
    return (on or today()) + FUTURE_LIMIT


def new_date_problem(day: date, what: str, *, on: date | None = None) -> str | None:
    """None when `day` may be set today, else one sentence saying the allowed range."""
    latest = latest_new_date(on)
    if EARLIEST_DATE <= day <= latest:
        return None
    return f"{what} must be between {EARLIEST_DATE:%Y} and {latest:%B %Y}."


def check_new_date(day: date | datetime, what: str, *, on: date | None = None) -> None:
    """Raise InvalidRecord unless `day` lies between 1900 and a year from `on`."""
    plain = day.date() if isinstance(day, datetime) else day
    problem = new_date_problem(plain, what, on=on)
    if problem is not None:
        raise InvalidRecord(problem)
