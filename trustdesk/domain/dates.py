"""The app's date styles, from one place: short in lists, tables, fields and ranges
("6 Dec 2026"), long in headings, confirmations and spoken row text ("Sunday 6
December 2026"). English on purpose, as the rest of the app is, and unambiguous
everywhere, unlike 06/12/2026. Date fields are a list's density: they show the
short style through the patterns below (Unicode date-pattern letters, which Qt's
date editors take)."""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["SHORT_DATE_PATTERN", "SHORT_DATE_TIME_PATTERN", "date_time",
           "day_month", "long_date", "month_year", "short_date", "short_date_time"]

SHORT_DATE_PATTERN = "d MMM yyyy"
SHORT_DATE_TIME_PATTERN = "d MMM yyyy, HH:mm"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def short_date(day: date, *, today: date | None = None) -> str:
    """'6 Dec 2026'. Given `today`, a day in today's year drops the year for the
    weekday, 'Sun 6 Dec', to leave a list row's heading room."""
    if today is not None and day.year == today.year:
        return f"{_WEEKDAYS[day.weekday()][:3]} {day_month(day)}"
    return f"{day_month(day)} {day.year}"


def long_date(day: date) -> str:
    """'Sunday 6 December 2026', for headings."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date_time(moment: datetime) -> str:
    """'6 Dec 2026, 14:05'."""
    return f"{short_date(moment)}, {moment:%H:%M}"


def date_time(moment: datetime) -> str:
    """'Sunday 6 December 2026, 14:05', for headings and spoken row text."""
    return f"{long_date(moment)}, {moment:%H:%M}"


def day_month(day: date) -> str:
    """'6 Dec', for chart ticks and the short style's parts."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]}"


def month_year(day: date) -> str:
    """'Dec 2026', for chart ticks."""
    return f"{_MONTHS[day.month - 1][:3]} {day.year}"
