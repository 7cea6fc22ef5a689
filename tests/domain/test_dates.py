"""The app's date styles come from one helper, in English whatever the locale."""

from __future__ import annotations

import locale
from datetime import date, datetime

from trustdesk.domain.dates import date_time, day_month, long_date, month_year, short_date


def test_short_and_long_styles():
    day = date(2026, 12, 6)
    assert short_date(day) == "6 Dec 2026"
    assert long_date(day) == "Sunday 6 December 2026"
    assert date_time(datetime(2026, 3, 1, 9, 5)) == "Sunday 1 March 2026, 09:05"
    assert day_month(day) == "6 Dec" and month_year(day) == "Dec 2026"


def test_short_date_drops_the_year_of_today_for_the_weekday():
    assert short_date(date(2026, 11, 26), today=date(2026, 12, 6)) == "Thu 26 Nov"
    assert short_date(date(2025, 11, 26), today=date(2026, 12, 6)) == "26 Nov 2025"


def test_styles_stay_english_under_another_locale():
    before = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert long_date(date(2026, 12, 6)) == "Sunday 6 December 2026"
        finally:
            locale.setlocale(locale.LC_TIME, before)
