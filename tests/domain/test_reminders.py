"""When reminders are due, the next day a small step waits, and the file they keep."""

from __future__ import annotations

from datetime import date, datetime, time

from trustdesk.domain.reminders import (
    DAILY,
    STEP,
    ReminderPrefs,
    due_reminders,
    format_prefs,
    mark_sent,
    next_waiting_day,
    parse_prefs,
)
from trustdesk.domain.worksheet import SmallStep

DAY = date(2026, 3, 2)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def test_reminders_are_off_until_turned_on():
    assert ReminderPrefs().any_on() is False
    assert due_reminders(ReminderPrefs(step_waiting_on=DAY), at(12)) == []


def test_the_daily_reminder_comes_from_its_time_for_a_while_once_a_day():
    prefs = ReminderPrefs(daily=True, daily_time=time(19, 30))
    assert due_reminders(prefs, at(19, 29)) == []
    assert due_reminders(prefs, at(19, 30)) == [DAILY]
    assert due_reminders(prefs, at(22, 29)) == [DAILY]
    assert due_reminders(prefs, at(22, 31)) == []   # too late that day: skipped
    sent = mark_sent(prefs, DAILY, DAY)
    assert due_reminders(sent, at(20)) == []
    assert due_reminders(sent, at(19, 30, date(2026, 3, 3))) == [DAILY]


def test_a_small_step_reminder_comes_on_its_day_and_after_until_unlocked():
    prefs = ReminderPrefs(steps=True, step_waiting_on=date(2026, 3, 3))
    assert due_reminders(prefs, at(10)) == []
    assert due_reminders(prefs, at(8, 59, date(2026, 3, 3))) == []
    assert due_reminders(prefs, at(9, 0, date(2026, 3, 3))) == [STEP]
    sent = mark_sent(prefs, STEP, date(2026, 3, 3))
    assert due_reminders(sent, at(15, 0, date(2026, 3, 3))) == []
    assert due_reminders(sent, at(9, 0, date(2026, 3, 4))) == [STEP]


def test_the_next_waiting_day_follows_the_due_rule():
    waiting = SmallStep(id="a", text="x", due=date(2026, 3, 1))
    later = SmallStep(id="b", text="y", due=date(2026, 3, 9))
    snoozed = SmallStep(id="c", text="z", due=date(2026, 3, 1), snoozed_until=date(2026, 3, 5))
    skipped = SmallStep(id="d", text="w", due=date(2026, 3, 4), skipped_on=date(2026, 3, 1))
    assert next_waiting_day([waiting, later], DAY) == DAY
    assert next_waiting_day([later, snoozed, skipped], DAY) == date(2026, 3, 5)
    assert next_waiting_day([skipped], DAY) is None
    assert next_waiting_day([], DAY) is None


def test_the_file_round_trips_and_holds_no_words():
    prefs = ReminderPrefs(daily=True, daily_time=time(7, 45), steps=True,
                          step_waiting_on=DAY, last_daily=DAY)
    text = format_prefs(prefs)
    assert parse_prefs(text) == prefs
    assert parse_prefs("garbage [") == ReminderPrefs()
    assert parse_prefs("[reminders]\ndaily = on\ndaily_time = 99:99\n") == ReminderPrefs(daily=True)


def test_the_waiting_day_is_kept_only_while_step_reminders_are_on():
    text = format_prefs(ReminderPrefs(steps=False, step_waiting_on=DAY))
    assert "step_waiting_on =" not in text
