"""Gentle reminders: what is kept to remind while the journal is locked, and when a
reminder is due.

Reminders must work while TrustDesk is locked, when nothing in the encrypted journal
can be read. So they keep only what is needed to remind, outside the journal, in a
small file of on/off switches and dates (`ReminderPrefs`): whether to remind daily
and at what time, whether to remind on a small step's day, and the next date on
which a small step waits (a date, never its words), refreshed while unlocked. The
wording of every reminder is fixed here and never contains anything a person wrote.

Pure functions; the time is always given (see domain/clock.py).
"""

from __future__ import annotations

import configparser
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from trustdesk.domain.worksheet import SmallStep

__all__ = [
    "DAILY",
    "LATE_AFTER",
    "STEP",
    "STEP_TIME",
    "TEXTS",
    "ReminderPrefs",
    "due_reminders",
    "format_prefs",
    "mark_sent",
    "next_waiting_day",
    "parse_prefs",
]

DAILY = "daily"   # a moment to write
STEP = "step"     # a small step's day has come

# (summary, body) of each reminder: fixed words, nothing from the journal.
TEXTS = {
    DAILY: ("A moment to write, if you'd like", "TrustDesk is here when you are."),
    STEP: ("A small step is waiting for you", "Open TrustDesk to see it when you're ready."),
}
STEP_TIME = time(9, 0)                 # small-step reminders come from 9:00 on their day
DEFAULT_DAILY_TIME = time(19, 0)
LATE_AFTER = timedelta(hours=3)        # a daily reminder missed by more is skipped that day

_SECTION = "reminders"
HEADER = ("# TrustDesk reminders: switches and dates only, nothing you wrote.\n"
          "# step_waiting_on is the next day a small step waits (no words of it).\n")


@dataclass(frozen=True)
class ReminderPrefs:
    """Everything reminders keep outside the journal. Both reminders are off until
    the person turns them on."""

    daily: bool = False
    daily_time: time = DEFAULT_DAILY_TIME
    steps: bool = False
    step_waiting_on: date | None = None   # next day a small step waits (steps on only)
    last_daily: date | None = None        # the last day each reminder was shown
    last_step: date | None = None

    def any_on(self) -> bool:
        return self.daily or self.steps


def due_reminders(prefs: ReminderPrefs, now: datetime) -> list[str]:
    """Which reminders to show at `now` (DAILY, STEP), each at most once a day.

    Daily: from its time until LATE_AFTER later (a computer woken at midnight
    doesn't nudge about the evening). Small step: from STEP_TIME on any day on or
    after the date a step waits, until the journal is unlocked and says otherwise."""
    today, clock = now.date(), now.time()
    due: list[str] = []
    if prefs.daily and prefs.last_daily != today:
        start = datetime.combine(today, prefs.daily_time)
        if start <= now < start + LATE_AFTER:
            due.append(DAILY)
    if (prefs.steps and prefs.step_waiting_on is not None and prefs.step_waiting_on <= today
            and clock >= STEP_TIME and prefs.last_step != today):
        due.append(STEP)
    return due


def mark_sent(prefs: ReminderPrefs, kind: str, today: date) -> ReminderPrefs:
    return replace(prefs, last_daily=today) if kind == DAILY else replace(prefs, last_step=today)


def next_waiting_day(steps: Iterable[SmallStep], today: date) -> date | None:
    """The next day a small step waits: `today` if one waits now, else the earliest
    later day one will (its date or snooze); None when none will."""
    days: list[date] = []
    for step in steps:
        if step.is_due(today):
            return today
        waits = step.waits_until
        if waits is not None and waits > today and step.skipped_on is None \
                and not step.is_followed_up:
            days.append(waits)
    return min(days, default=None)


def format_prefs(prefs: ReminderPrefs) -> str:
    """The file's text (see parse_prefs)."""
    lines = [HEADER, f"[{_SECTION}]",
             f"daily = {'on' if prefs.daily else 'off'}",
             f"daily_time = {prefs.daily_time:%H:%M}",
             f"steps = {'on' if prefs.steps else 'off'}"]
    for key, day in (("step_waiting_on", prefs.step_waiting_on if prefs.steps else None),
                     ("last_daily", prefs.last_daily), ("last_step", prefs.last_step)):
        if day is not None:
            lines.append(f"{key} = {day.isoformat()}")
    return "\n".join(lines) + "\n"


def parse_prefs(text: str) -> ReminderPrefs:
    """Read what format_prefs wrote; anything missing or unreadable is the default
    (reminders off), never an error."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return ReminderPrefs()
    if not parser.has_section(_SECTION):
        return ReminderPrefs()
    get = parser[_SECTION].get

    def day(key: str) -> date | None:
        try:
            return date.fromisoformat(get(key, ""))
        except ValueError:
            return None

    try:
        at = time.fromisoformat(get("daily_time", ""))
    except ValueError:
        at = DEFAULT_DAILY_TIME
    return ReminderPrefs(daily=get("daily", "off") == "on", daily_time=at.replace(second=0),
                         steps=get("steps", "off") == "on", step_waiting_on=day("step_waiting_on"),
                         last_daily=day("last_daily"), last_step=day("last_step"))
