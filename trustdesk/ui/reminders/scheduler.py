"""When to remind, and what a click on a reminder opens.

`Reminders` looks at the clock every half minute (and at once after unlocking): it
reads `reminders.ini`, which Settings writes, so nothing needs wiring between them;
while the journal is unlocked it refreshes the next day a small step waits (a date
only); and it shows what `domain.reminders.due_reminders` says is due, once a day
each. It works the same whether the journal is locked or open.

A click on a reminder raises the window. Locked, that shows the unlock screen and,
once unlocked, the page the reminder was about (Today when there is one, else the
Journal for writing and Worksheets for a small step); unlocked, that page at once.

Threading: UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from trustdesk.domain import clock as clocks
from trustdesk.domain.reminders import DAILY, due_reminders, mark_sent, next_waiting_day
from trustdesk.domain.worksheet import SmallStep
from trustdesk.ui.reminders import prefs_file

CHECK_EVERY_MS = 30_000
PAGE_FOR = {DAILY: "journal"}   # anything else (a small step): worksheets
TODAY_PAGE = "today"


class Delivery(Protocol):
    clicked: SignalInstance  # (str): the kind of reminder clicked

    def notify(self, kind: str) -> bool: ...


class Reminders(QObject):
    """Shows due reminders through `delivery`; `opened(kind)` when one was clicked.
    `steps()` gives the small steps while the journal is open, else None."""

    opened = Signal(str)
    shown = Signal(str)

    def __init__(self, folder: Path, delivery: Delivery,
                 steps: Callable[[], Iterable[SmallStep] | None], *,
                 clock: clocks.Clock = clocks.now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.delivery = delivery
        self._steps = steps
        self._clock = clock
        delivery.clicked.connect(self.opened)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> list[str]:
        """Show whatever is due now; returns the kinds shown."""
        now = self._clock()
        prefs = prefs_file.load(self.folder)
        before = prefs
        if prefs.steps:
            steps = self._steps()
            if steps is not None:
                waiting = next_waiting_day(steps, now.date())
                if waiting != prefs.step_waiting_on:
                    from dataclasses import replace

                    prefs = replace(prefs, step_waiting_on=waiting)
        shown: list[str] = []
        for kind in due_reminders(prefs, now):
            if self.delivery.notify(kind):
                prefs = mark_sent(prefs, kind, now.date())
                shown.append(kind)
        if prefs != before:
            prefs_file.save(self.folder, prefs)
        for kind in shown:
            self.shown.emit(kind)
        return shown


def page_for(kind: str, has_page: Callable[[str], bool]) -> str:
    """The page a reminder was about."""
    if has_page(TODAY_PAGE):
        return TODAY_PAGE
    return PAGE_FOR.get(kind, "worksheets")
