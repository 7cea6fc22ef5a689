"""Reminders wired to the app: how they are delivered (a desktop notification, else
a tray icon's message), the tray icon itself when TrustDesk starts in the tray, and
what a click opens (see scheduler.py).

Threading: UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from trustdesk import APP_NAME
from trustdesk.domain import clock as clocks
from trustdesk.ui import icons
from trustdesk.ui.reminders.notifier import DesktopNotifications, TrayNotifications
from trustdesk.ui.reminders.scheduler import Reminders, page_for

if TYPE_CHECKING:
    from trustdesk.domain.worksheet import SmallStep
    from trustdesk.ui.shell.window import MainWindow


class ReminderService(QObject):
    """Everything reminders need in the running app, for `window`. `tray_mode`: the
    app started at login (`--tray`), shown only as a tray icon until opened; closing
    the window then locks and hides it to the tray, and the tray menu's Quit ends
    TrustDesk. It is the reminders' delivery (`notify`, `clicked`).
    `tray_available` says whether the desktop has a tray (Qt's answer; tests pass
    their own)."""

    clicked = Signal(str)   # the kind of reminder clicked

    def __init__(self, window: MainWindow, *, tray_mode: bool = False,
                 clock: clocks.Clock = clocks.now, bus_address: str | None = None,
                 tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable
                 ) -> None:
        super().__init__(window)
        self.window = window
        self._tray_available = tray_available
        self.tray: QSystemTrayIcon | None = None
        self._pending: str | None = None
        self.desktop = DesktopNotifications(self, address=bus_address)
        self.has_notifications = self.desktop.service_available()
        self.tray_messages: TrayNotifications | None = None
        if tray_mode:
            self._make_tray()
            window.keep_in_tray(self.tray is not None)   # nowhere to hide to without one
        self.reminders = Reminders(window.folder.root, self, self._steps, clock=clock,
                                   parent=self)
        self.desktop.clicked.connect(self.clicked)
        self.reminders.opened.connect(self.open_for)
        window.session.unlocked.connect(self._after_unlock)
        window.session.unlocked.connect(self.reminders.check)
        self.reminders.start()

    def notify(self, kind: str) -> bool:
        """Deliver a reminder: a desktop notification when the desktop has a service,
        else a message from the tray icon (shown from the first reminder on)."""
        if self.has_notifications:
            return self.desktop.notify(kind)
        if self.tray is None:
            self._make_tray()
        return self.tray_messages is not None and self.tray_messages.notify(kind)

    def _make_tray(self) -> None:
        if self.tray is not None or not self._tray_available():
            return
        tray = QSystemTrayIcon(icons.app_icon(), self)
        tray.setToolTip(APP_NAME)
        menu = QMenu()
        open_action = QAction("Open TrustDesk", menu)
        open_action.triggered.connect(self.show_window)
        quit_action = QAction("Quit", menu)
        quit_action.triggered.connect(self.window.quit)
        menu.addAction(open_action)
        menu.addAction(quit_action)
        tray.setContextMenu(menu)
        self.menu = menu
        tray.activated.connect(self._tray_activated)
        tray.show()
        self.tray = tray
        self.tray_messages = TrayNotifications(tray, self)
        self.tray_messages.clicked.connect(self.clicked)

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window()

    def _steps(self) -> list[SmallStep] | None:
        store = self.window.session.store
        return store.worksheets.steps() if store is not None else None

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized() or not window.isVisible():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def open_for(self, kind: str) -> None:
        """A reminder was clicked: the window comes forward (locked: the unlock
        screen), then, once unlocked, the page it was about."""
        self.show_window()
        if self.window.session.is_unlocked():
            self._show_page(kind)
        else:
            self._pending = kind

    def _after_unlock(self) -> None:
        if self._pending is not None:
            kind, self._pending = self._pending, None
            self._show_page(kind)

    def _show_page(self, kind: str) -> None:
        workspace = self.window.workspace
        if workspace is not None:
            workspace.show_page(page_for(kind, workspace.has_page))

    def close(self) -> None:
        self.reminders.timer.stop()
        self.desktop.close()
        if self.tray is not None:
            self.tray.hide()
