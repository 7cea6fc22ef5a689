"""Whatever people type or paste is stored cleanly and safely."""

from __future__ import annotations

from datetime import date

import pytest

from trustdesk.domain.clock import check_new_date
from trustdesk.domain.text import InvalidRecord, check_date, check_rating, clean_line, clean_text


def test_control_characters_go_but_tabs_and_newlines_stay():
    assert clean_text("a\x00b\x07c\td\ne\x1bf\x7f") == "abc\td\nef"


def test_line_endings_become_newlines():
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_lone_surrogates_are_repaired_and_pairs_joined():
    assert clean_text("a\ud800b") == "a\ufffdb"
    assert clean_text("\ud83d\ude00") == "😀"


def test_emoji_rtl_and_cjk_pass_unchanged():
    text = "שלום עולם 🌱 信任 \u200f مرحبا"
    assert clean_text(text) == text


def test_single_line_fields_fold_whitespace():
    assert clean_line("  a\n b\t c  ") == "a b c"


@pytest.mark.parametrize("value", [-1, 11, 5.5, True, "5"])
def test_ratings_are_whole_numbers_in_range(value):
    with pytest.raises(InvalidRecord):
        check_rating(value, 0, 10, "Mood")


def test_not_rated_is_allowed():
    check_rating(None, 0, 10, "Mood")
    check_rating(0, 0, 10, "Mood")


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2030, 1, 1)])
def test_dates_far_away_are_refused_when_set(day):
    with pytest.raises(InvalidRecord):
        check_new_date(day, "The date", on=date(2026, 11, 27))


def test_stored_dates_are_never_judged_against_today():
    """Only the clock-free floor: a record read back never fails because the clock
    moved since it was written."""
    check_date(date(2030, 1, 1), "The date")
    check_date(date(9999, 12, 31), "The date")
    with pytest.raises(InvalidRecord):
        check_date(date(1899, 12, 31), "The date")
