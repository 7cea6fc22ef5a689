"""Which small steps are waiting today, and putting one off or setting it aside.

The one due rule: a step is due when its date has come, it has no follow-up yet,
it wasn't skipped, and any snooze has run out. `today` is always given (see
domain/clock.py), so the Today page, the sidebar count and reminders agree and
tests can pick the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import SmallStep

__all__ = ["due_count", "due_steps", "not_yet", "skip", "snooze", "unskip"]


def due_steps(steps: Iterable[SmallStep], today: date) -> list[SmallStep]:
    """The steps waiting on `today`, the longest-waiting first."""
    waiting = [step for step in steps if step.is_due(today)]
    waiting.sort(key=lambda step: (step.waits_until or today, step.id))
    return waiting


def due_count(steps: Iterable[SmallStep], today: date) -> int:
    """How many steps are waiting on `today` (for the sidebar and reminders)."""
    return sum(1 for step in steps if step.is_due(today))


def snooze(step: SmallStep, until: date, today: date) -> SmallStep:
    """The step put off until `until`, a day after `today` (it waits again then)."""
    if until <= today:
        raise InvalidRecord("Snooze to a day after today.")
    return replace(step, snoozed_until=until, skipped_on=None)


def not_yet(step: SmallStep, today: date) -> SmallStep:
    """Not done yet: it waits again tomorrow."""
    return snooze(step, today + timedelta(days=1), today)


def skip(step: SmallStep, today: date) -> SmallStep:
    """Set aside without a follow-up: it no longer waits."""
    return replace(step, skipped_on=today, snoozed_until=None)


def unskip(step: SmallStep) -> SmallStep:
    """Undo a skip."""
    return replace(step, skipped_on=None)
