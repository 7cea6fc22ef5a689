"""The calendar's days, bands, grid and the year's sentence and table."""

from __future__ import annotations

from datetime import date

import pytest

from trustdesk.domain.calendar import (
    YEAR_COLUMNS,
    DayMark,
    add_months,
    band,
    day_words,
    grid_position,
    grid_start,
    year_counts,
    year_rows,
    year_sentence,
)


def test_bands_are_named_by_their_numbers_and_round_half_up():
    assert [band(v) for v in (None, 0, 3, 3.4, 3.5, 6, 6.5, 10)] == [
        None, "low", "low", "low", "middle", "middle", "high", "high"]


def test_the_grid_starts_on_a_monday_and_places_days():
    assert grid_start(2026, 3) == date(2026, 2, 23)       # 1 March 2026 is a Sunday
    assert grid_position(date(2026, 3, 1)) == (0, 6)
    assert grid_position(date(2026, 3, 31)) == (5, 1)     # the sixth week is used


def test_months_keep_the_day_inside_shorter_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 1), 1)


def test_a_day_is_spoken_with_its_entries_and_ratings():
    mark = DayMark(date(2026, 3, 3), 2, mood=6.5, trust_self=2.0)
    assert day_words(mark.day, mark) == (
        "Tuesday 3 March 2026: 2 entries, mood 7 (high), trust in myself 2 (low)")
    assert day_words(date(2026, 3, 4), None) == "Wednesday 4 March 2026: nothing written"


def test_the_year_sentence_counts_days_without_judging():
    marks = [DayMark(date(2025, 1, 2), 1, mood=2), DayMark(date(2025, 1, 3), 1, mood=8),
             DayMark(date(2025, 5, 1), 3), DayMark(date(2024, 5, 1), 1, mood=5)]
    counts = year_counts(2025, "mood", marks)
    assert counts.days_written == 3 and counts.days_rated == 2
    assert year_sentence(counts) == (
        "In 2025 you wrote on 3 days and rated mood on 2 days: "
        "1 low (0–3), 0 middle (4–6), 1 high (7–10).")
    assert year_sentence(year_counts(2025, "trust_others", marks)) == (
        "In 2025 you wrote on 3 days; none of them rated trust in others.")
    assert year_sentence(year_counts(2023, "mood", marks)) == "Nothing was written in 2023."


def test_the_year_table_has_a_row_per_month():
    marks = [DayMark(date(2025, 1, 2), 1, mood=2), DayMark(date(2025, 1, 3), 2, mood=8)]
    rows = year_rows(2025, "mood", marks)
    assert len(rows) == 12 and len(rows[0]) == len(YEAR_COLUMNS)
    assert rows[0] == ("January", "2", "1", "0", "1", "5.0")
    assert rows[1] == ("February", "0", "0", "0", "0", "")
