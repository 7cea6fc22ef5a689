"""A period resolves to inclusive first and last dates, counted back from today."""

from __future__ import annotations

from datetime import date

import pytest

from trustdesk.domain.period import Period, format_day, months_before
from trustdesk.domain.text import InvalidRecord


@pytest.mark.parametrize(("kind", "today", "first"), [
    ("last_4_weeks", date(2025, 5, 31), date(2025, 5, 4)),
    ("last_4_weeks", date(2025, 3, 1), date(2025, 2, 2)),
    ("last_3_months", date(2025, 5, 15), date(2025, 2, 16)),
    ("last_3_months", date(2025, 5, 31), date(2025, 3, 1)),     # 28 Feb + 1 day
    ("last_3_months", date(2024, 5, 31), date(2024, 3, 1)),     # 29 Feb (leap) + 1 day
    ("last_3_months", date(2025, 1, 10), date(2024, 10, 11)),   # across the new year
    ("last_12_months", date(2025, 5, 31), date(2024, 6, 1)),
    ("last_12_months", date(2024, 2, 29), date(2023, 3, 1)),    # 28 Feb 2023 + 1 day
])
def test_presets_end_today_and_start_where_the_rule_says(kind, today, first):
    assert Period(kind).resolve(today) == (first, today)


def test_last_4_weeks_is_exactly_28_days():
    first, last = Period("last_4_weeks").resolve(date(2025, 5, 31))
    assert (last - first).days + 1 == 28


def test_months_before_clamps_to_the_end_of_a_short_month():
    assert months_before(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert months_before(date(2025, 1, 15), 13) == date(2023, 12, 15)


def test_all_time_runs_from_the_earliest_record_to_today_or_a_later_record():
    today = date(2025, 5, 31)
    period = Period("all_time")
    assert period.resolve(today, earliest=date(2019, 2, 3)) == (date(2019, 2, 3), today)
    assert period.resolve(today) == (today, today)
    assert period.resolve(today, earliest=date(2020, 1, 1), latest=date(2025, 6, 9)) == (
        date(2020, 1, 1), date(2025, 6, 9))
    # No end: records dated ahead of what today's clock allows (it was set back)
    # still count.
    assert period.query_bounds(today) == (date(1900, 1, 1), date.max)


def test_custom_period_keeps_its_dates_whatever_today_is():
    period = Period.custom(date(2024, 12, 30), date(2025, 1, 5))
    assert period.resolve(date(2030, 1, 1)) == (date(2024, 12, 30), date(2025, 1, 5))
    assert period.query_bounds(date(2030, 1, 1)) == (date(2024, 12, 30), date(2025, 1, 5))
    assert period.label == "30 Dec 2024 to 5 Jan 2025"
    assert Period.custom(date(2025, 1, 1), date(2025, 1, 1)).resolve(date(2025, 6, 1)) == (
        date(2025, 1, 1), date(2025, 1, 1))


@pytest.mark.parametrize("make", [
    lambda: Period.custom(date(2025, 2, 1), date(2025, 1, 31)),
    lambda: Period("custom", date(2025, 1, 1), None),
    lambda: Period("last_3_months", date(2025, 1, 1), date(2025, 2, 1)),
    lambda: Period("fortnight"),
    lambda: Period.custom(date(1899, 12, 31), date(1900, 1, 2)),
])
def test_impossible_periods_are_refused_with_a_sentence(make):
    with pytest.raises(InvalidRecord) as caught:
        make()
    assert str(caught.value).endswith(".")


def test_labels_and_day_format():
    assert Period("last_12_months").label == "Last 12 months"
    assert Period("all_time").label == "All time"
    assert format_day(date(2025, 3, 3)) == "3 Mar 2025"
