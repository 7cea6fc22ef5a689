"""Ending cleanly when the system asks: SIGTERM (logout, shutdown, `kill`), SIGHUP
(the terminal that started us closed), SIGINT (Ctrl+C) and the desktop session's end
all save what was typed, lock the journal and quit, without asking anything.

Python runs its signal handlers only between bytecodes, and Qt's event loop runs
C++ for as long as nothing happens on screen, so a Python handler alone could wait
for seconds. `signal.set_wakeup_fd` makes the interpreter's C-level handler write the
signal's number into a pipe the moment the signal arrives; a QSocketNotifier on the
pipe's other end wakes the event loop, and the ending runs in the UI thread, where
widgets and the vault may be touched. (A pipe, not a socket pair: the app has no
socket code at all.)

Threading: UI thread only; signal handlers can be set from the main thread alone.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from contextlib import suppress
from types import TracebackType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

# SIGHUP does not exist on Windows; there the list is shorter.
ENDING_SIGNALS: tuple[int, ...] = tuple(
    number for number in (getattr(signal, name, None) for name in ("SIGTERM", "SIGHUP",
                                                                   "SIGINT"))
    if number is not None)


def exit_code_for(number: int) -> int:
    """The exit status a shell reports for a process a signal stopped: 128 + its number
    (143 for SIGTERM, 129 for SIGHUP, 130 for Ctrl+C)."""
    return 128 + number


def _noted(_number: int, _frame: object) -> None:
    """The Python-level handler: it only keeps the default action (dying on the spot)
    away. The wake-up byte in the pipe carries the signal to `SessionEnd`."""


class SessionEnd(QObject):
    """Turns an ending signal or the desktop session's end into `end()` (save, lock,
    close: no questions, nobody may be there to answer) and, for a signal, quits the
    event loop with `exit_code_for(signal)`.

    Use as a context manager around `app.exec()`; leaving it puts back the handlers
    that were there before. `lock` is called when the desktop session ends (the
    session manager may still cancel the logout, so the app locks but stays)."""

    def __init__(self, app: QApplication, end: Callable[[], None], *,
                 lock: Callable[[], None] | None = None,
                 signals: tuple[int, ...] = ENDING_SIGNALS,
                 leave: Callable[[int], None] | None = None) -> None:
        """`leave(code)` ends the event loop (default `app.exit`)."""
        super().__init__(app)
        self._app = app
        self._leave = leave or app.exit
        self._end = end
        self._lock = lock or end
        self._signals = signals
        self._ended = False
        self._previous: dict[int, object] = {}
        self._previous_wakeup: int | None = None
        self._read_fd = self._write_fd = -1
        self._notifier: QSocketNotifier | None = None
        self.signal_received: int | None = None  # which signal ended us, for callers
        app.commitDataRequest.connect(self.on_session_ending)
        app.aboutToQuit.connect(self._on_about_to_quit)

    # -- installing --------------------------------------------------------------
    def __enter__(self) -> SessionEnd:
        self.install()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.uninstall()

    def install(self) -> bool:
        """Catch the ending signals. False (and nothing changed) where that isn't
        possible: not the main thread, or a system without them."""
        if not self._signals or self._read_fd >= 0:
            return False
        read_fd, write_fd = os.pipe()
        for fd in (read_fd, write_fd):
            os.set_blocking(fd, False)
            os.set_inheritable(fd, False)
        try:
            self._previous_wakeup = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        except ValueError:  # not the main thread
            os.close(read_fd)
            os.close(write_fd)
            return False
        self._read_fd, self._write_fd = read_fd, write_fd
        for number in self._signals:
            with suppress(OSError, ValueError):
                self._previous[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wake)
        return True

    def uninstall(self) -> None:
        """Put back the handlers that were there before; close the pipe; stop
        listening to the application."""
        with suppress(RuntimeError, TypeError):
            self._app.commitDataRequest.disconnect(self.on_session_ending)
            self._app.aboutToQuit.disconnect(self._on_about_to_quit)
        for number, handler in self._previous.items():
            with suppress(OSError, ValueError, TypeError):
                signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous.clear()
        if self._read_fd < 0:
            return
        with suppress(ValueError):
            signal.set_wakeup_fd(self._previous_wakeup if self._previous_wakeup is not None
                                 else -1)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for fd in (self._read_fd, self._write_fd):
            with suppress(OSError):
                os.close(fd)
        self._read_fd = self._write_fd = -1

    # -- ending ------------------------------------------------------------------
    def _on_wake(self, *_args: object) -> None:
        numbers = b""
        with suppress(BlockingIOError, InterruptedError):
            while chunk := os.read(self._read_fd, 64):
                numbers += chunk
        ours = [number for number in numbers if number in self._signals]
        if ours:
            self.end_for_signal(ours[0])

    def end_for_signal(self, number: int) -> None:
        """Save, lock, close and leave the event loop with exit_code_for(number). A
        second signal while ending changes nothing: the first ending is already
        under way and finishes."""
        if self._ended:
            return
        self._ended = True
        self.signal_received = number
        try:
            self._end()
        finally:
            self._leave(exit_code_for(number))

    def on_session_ending(self, *_manager: object) -> None:
        """The desktop session is ending (logout, shutdown): save and lock now. Qt
        says not to quit here; the session manager ends the app afterwards (often
        with SIGTERM), or the logout is cancelled and the journal waits locked."""
        if not self._ended:
            self._lock()

    def _on_about_to_quit(self) -> None:
        """The event loop is ending for any other reason (the session manager's
        "die", `quit()`): nothing may be left unsaved or unlocked behind it."""
        if not self._ended:
            self._ended = True
            self._end()
