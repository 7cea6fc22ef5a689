"""Locking by itself: after idle minutes, and on the desktop's screen lock or suspend.

`AutoLock` hears of the person's input (keys, mouse, wheel, touch) through the
app's one Python event filter (ui/input_guard.py's `watch_input`), which records the
time; a single-shot timer wakes when the limit may have passed and
checks both clocks. A monotonic clock stops while the computer sleeps, so the wall
clock is compared too: after a wake, or at the first input after one, the journal
locks if the wall-clock idle time passed the limit, and the input that woke it is
not delivered to the page behind.

Threading: UI thread only. Clocks are injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

_MAX_WAIT_MS = 60_000  # re-check at least once a minute, whatever the clocks say


class AutoLock(QObject):
    """Emits `lock_requested` when the person has been away long enough. Inactive
    until `start()`; `stop()` when the journal locks."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._wall = wall
        self._limit_s: float = 0.0
        self._active = False
        self._last_mono = monotonic()
        self._last_wall = wall()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    # -- settings --------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._active

    @property
    def limit_seconds(self) -> float:
        return self._limit_s

    def set_minutes(self, minutes: int) -> None:
        """0 means never."""
        self.set_limit_seconds(minutes * 60.0)

    def set_limit_seconds(self, seconds: float) -> None:
        self._limit_s = max(0.0, seconds)
        self._schedule()

    def start(self, minutes: int) -> None:
        """Watch input application-wide (only while a journal is open)."""
        if not self._active:
            # (imported here: it needs the Qt namespace's enums, which the unlock
            # screen's first paint does without; see tests/ui/test_startup.py)
            from trustdesk.ui import input_guard
            input_guard.watch_input(self._on_input)
        self._active = True
        self.touch()
        self.set_minutes(minutes)

    def stop(self) -> None:
        if self._active:
            from trustdesk.ui import input_guard
            input_guard.unwatch_input(self._on_input)
        self._active = False
        self._timer.stop()

    # -- time ------------------------------------------------------------------
    def touch(self) -> None:
        """Record activity now."""
        self._last_mono = self._monotonic()
        self._last_wall = self._wall()

    def idle_seconds(self) -> float:
        """The longer of monotonic and wall-clock idle time (sleep counts)."""
        return max(self._monotonic() - self._last_mono, self._wall() - self._last_wall)

    def limit_passed(self) -> bool:
        return self._active and self._limit_s > 0 and self.idle_seconds() >= self._limit_s

    def check(self) -> bool:
        """Lock if the limit passed, else wait for the rest; True when it locked."""
        if self.limit_passed():
            self._fire()
            return True
        self._schedule()
        return False

    def on_wake(self) -> bool:
        """The computer woke from sleep: lock if the wall-clock idle time is too long."""
        return self.check()

    def on_desktop_locked(self) -> None:
        """The screen locked or the computer is about to sleep: lock now."""
        if self._active:
            self._fire()

    def _fire(self) -> None:
        self.stop()
        self.lock_requested.emit()

    def _schedule(self) -> None:
        if not self._active or self._limit_s <= 0:
            self._timer.stop()
            return
        remaining = self._limit_s - self.idle_seconds()
        wait_ms = int(min(max(remaining, 0.0) * 1000, _MAX_WAIT_MS)) + 1
        self._timer.start(wait_ms)

    # -- input -----------------------------------------------------------------
    def _on_input(self) -> bool:
        """The person did something; True swallows it (the first input after a
        sleep past the limit: it locks instead of reaching the page behind)."""
        if not self._active:
            return False
        if self.limit_passed():
            self._fire()
            return True
        self._last_mono = self._monotonic()
        self._last_wall = self._wall()
        return False
