"""Hearing the desktop say "the screen locked" or "going to sleep", on Linux.

Listens on D-Bus (a local unix socket, never the network): logind's
`PrepareForSleep(bool)` on the system bus, and the freedesktop and GNOME
`ScreenSaver.ActiveChanged(bool)` on the session bus. Without a bus (other systems,
containers, tests) nothing is connected and the idle timer does the work alone.

Threading: UI thread; Qt delivers D-Bus signals through the event loop.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot

_SCREENSAVERS = (  # (object path, interface); "1" in slot names is Qt's SLOT() mark
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class DesktopSignals(QObject):
    """Emits `locked` when the screen locks or the computer is about to sleep, and
    `woke` when it has woken up. `listening` says which buses answered."""

    locked = Signal()
    woke = Signal()

    def __init__(self, parent: QObject | None = None, *, system: object | None = None,
                 session: object | None = None) -> None:
        """`system` and `session` are QDBusConnections for tests; by default the
        desktop's own buses."""
        super().__init__(parent)
        self.listening: list[str] = []
        if sys.platform.startswith("linux"):
            self._connect(system, session)

    def _connect(self, system: object | None, session: object | None) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        system = system or QDBusConnection.systemBus()
        # Any sender is accepted: the worst a fake signal can do is lock the journal.
        if system.isConnected() and system.connect(
                "", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, "1on_prepare_for_sleep(bool)"):
            self.listening.append("system")
        session = session or QDBusConnection.sessionBus()
        if session.isConnected():
            hooked = [session.connect("", path, interface, "ActiveChanged", self,
                                      "1on_screensaver(bool)")
                      for path, interface in _SCREENSAVERS]
            if any(hooked):
                self.listening.append("session")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.locked.emit()
        else:
            self.woke.emit()

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()
