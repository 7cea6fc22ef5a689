"""The one clock: records and rules take `now`/`today` as callables, so the time a
record carries and the dates a person may set follow the clock they are given."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trustdesk.domain import clock
from trustdesk.domain.journal import Entry
from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import default_due

FROZEN = datetime(2031, 5, 4, 9, 30, 15, 123456)


def frozen() -> datetime:
    return FROZEN


def test_now_is_local_time_to_the_second():
    stamp = clock.now()
    assert stamp.tzinfo is None and stamp.microsecond == 0
    assert stamp.date() == clock.today()


def test_a_new_entry_takes_its_times_from_the_clock_it_is_given():
    entry = Entry.new(body="words", now=frozen)
    assert entry.written_at == entry.updated_at == FROZEN.replace(microsecond=0)


def test_the_future_limit_counts_from_the_given_clock():
    """Ten months after the given day is allowed (it is within a year of it), even
    when it lies years after this computer's date; two years after is not."""
    soon = datetime(2032, 3, 1, 8, 0)
    assert Entry.new(written_at=soon, now=frozen).written_at == soon
    with pytest.raises(InvalidRecord):
        Entry.new(written_at=datetime(2033, 6, 1, 8, 0), now=frozen)


def test_an_edit_is_stamped_and_checked_by_the_given_clock():
    entry = Entry.new(body="first", written_at=datetime(2024, 1, 2, 10, 0))
    edited = entry.edited(now=frozen, body="second", written_at=datetime(2032, 1, 1, 9, 0))
    assert edited.updated_at == FROZEN.replace(microsecond=0)
    assert (edited.body, edited.written_at) == ("second", datetime(2032, 1, 1, 9, 0))
    with pytest.raises(InvalidRecord):
        entry.edited(written_at=datetime(2032, 1, 1, 9, 0), now=lambda: datetime(2024, 1, 3))


def test_a_small_step_is_due_a_week_after_the_day_it_is_planned():
    assert default_due(date(2025, 12, 29)) == date(2026, 1, 5)
