"""Showing a reminder: a desktop notification over the local session bus, or a
message from a tray icon where the desktop has no notification service.

Notifications are sent to `org.freedesktop.Notifications` on the session bus, a
unix-domain socket (jeepney accepts no other transport, so never the network).
Why not QtDBus: from Python it can't send the D-Bus `uint32` that Notify's
`replaces_id` must be (PySide turns every int into int32 or uint16), and desktops
that check the call's signature (GNOME Shell, KDE Plasma) refuse it. The click
(`ActionInvoked`, "default") comes back on the same connection, which is watched by
a QSocketNotifier, so no thread is needed.

Nothing here starts a bus: with no session bus, notifications are simply
unavailable (ui/session_bus.py keeps libdbus from launching one).

Threading: UI thread.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from trustdesk import APP_NAME
from trustdesk.domain.reminders import TEXTS

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
OPEN_ACTION = "default"


def session_bus_address(environ: Mapping[str, str] | None = None) -> str | None:
    """The session bus's unix-socket addresses, or None when there is no bus (unset,
    `disabled:`) or it is reachable only some other way."""
    env = os.environ if environ is None else environ
    value = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    unix = [part for part in value.split(";") if part.startswith("unix:")
            and ("path=" in part or "abstract=" in part)]
    return ";".join(unix) or None


class DesktopNotifications(QObject):
    """The desktop's notification service. `clicked(kind)` when a reminder shown by
    this object was clicked. `connected()` says whether the bus answered,
    `service_available()` whether a notification service is there to show them."""

    clicked = Signal(str)

    def __init__(self, parent: QObject | None = None, *, address: str | None = None) -> None:
        super().__init__(parent)
        self._conn: Any = None
        self._watch: QSocketNotifier | None = None
        self._sent: dict[int, str] = {}    # our message serial -> reminder kind
        self._shown: dict[int, str] = {}   # notification id -> reminder kind
        address = address or session_bus_address()
        if address is not None:
            self._open(address)

    def _open(self, address: str) -> None:
        try:
            from jeepney import MatchRule  # type: ignore[import-untyped]
            from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
            from jeepney.io.blocking import (  # type: ignore[import-untyped]
                open_dbus_connection,
            )

            conn = open_dbus_connection(bus=address, enable_fds=False)
            rule = MatchRule(type="signal", interface=NAME, member="ActionInvoked", path=PATH)
            conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=2)
        except Exception:  # no bus, a refused socket, jeepney missing: no notifications
            return
        self._conn = conn
        self._watch = QSocketNotifier(conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watch.activated.connect(self._read)

    def connected(self) -> bool:
        return self._conn is not None

    def service_available(self) -> bool:
        """A notification service runs, or the bus would start one when asked."""
        if self._conn is None:
            return False
        from jeepney.bus_messages import message_bus

        try:
            if self._call(message_bus.NameHasOwner(NAME)) == (True,):
                return True
            names = self._call(message_bus.ListActivatableNames())
            return bool(names) and NAME in names[0]
        except Exception:
            return False

    def _call(self, message: Any) -> tuple[Any, ...]:
        """A short blocking call to the bus itself (answers at once)."""
        self._watch_enabled(False)
        try:
            return tuple(self._conn.send_and_get_reply(message, timeout=2).body)
        finally:
            self._watch_enabled(True)

    def _watch_enabled(self, on: bool) -> None:
        if self._watch is not None:
            self._watch.setEnabled(on)

    def notify(self, kind: str) -> bool:
        """Show the reminder `kind` (its fixed words, see domain/reminders.TEXTS).
        False when there is no bus to send it on."""
        if self._conn is None:
            return False
        from jeepney import DBusAddress, new_method_call

        summary, body = TEXTS[kind]
        target = DBusAddress(PATH, bus_name=NAME, interface=NAME)
        message = new_method_call(target, "Notify", "susssasa{sv}i", (
            APP_NAME, 0, "trustdesk", summary, body, [OPEN_ACTION, "Open TrustDesk"],
            {"desktop-entry": ("s", "org.trustdesk.TrustDesk"), "category": ("s", "reminder")},
            -1))
        serial = next(self._conn.outgoing_serial)
        try:
            self._conn.send(message, serial=serial)
        except OSError:
            self.close()
            return False
        self._sent[serial] = kind
        return True

    def _read(self) -> None:
        from jeepney import HeaderFields, MessageType

        while self._conn is not None:
            try:
                message = self._conn.receive(timeout=0)
            except TimeoutError:
                return
            except (OSError, ValueError):
                self.close()
                return
            header = message.header
            if header.message_type is MessageType.method_return:
                kind = self._sent.pop(header.fields.get(HeaderFields.reply_serial, 0), None)
                if kind is not None and message.body:
                    self._shown[int(message.body[0])] = kind
            elif (header.message_type is MessageType.signal
                  and header.fields.get(HeaderFields.member) == "ActionInvoked"
                  and len(message.body) == 2 and message.body[1] == OPEN_ACTION):
                kind = self._shown.pop(int(message.body[0]), None)
                if kind is not None:
                    self.clicked.emit(kind)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.setEnabled(False)
            self._watch.deleteLater()
            self._watch = None
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with contextlib.suppress(OSError):
                conn.close()


class TrayNotifications(QObject):
    """Reminders as messages from TrustDesk's tray icon (the tray icon is owned by
    the caller). `clicked(kind)` when the message was clicked."""

    clicked = Signal(str)

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._last = ""
        tray.messageClicked.connect(self._on_click)

    def notify(self, kind: str) -> bool:
        if not self._tray.isVisible():
            return False
        summary, body = TEXTS[kind]
        self._last = kind
        self._tray.showMessage(summary, body, QSystemTrayIcon.MessageIcon.Information)
        return True

    def _on_click(self) -> None:
        if self._last:
            kind, self._last = self._last, ""
            self.clicked.emit(kind)
