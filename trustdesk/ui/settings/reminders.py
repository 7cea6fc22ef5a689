"""Settings: "Reminders". A daily moment to write and small steps on their day, both
off until turned on, and starting at login in the tray. Kept in `reminders.ini`
beside the journal (switches and times only, so they work while it is locked; see
domain/reminders.py), not in the vault. Says plainly when this desktop can't show
them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from trustdesk.ui.reminders import autostart, prefs_file
from trustdesk.ui.settings.section import Section

# (notification service, tray) -> what this desktop can do, in a sentence
CAN_NOTIFY = "Reminders appear as notifications from your desktop."
TRAY_ONLY = ("This desktop has no notification service, so reminders appear as a "
             "message from TrustDesk's icon in the tray.")
NEITHER = ("This desktop has neither a notification service nor a tray, so TrustDesk "
           "can't show reminders here.")
NO_TRAY_AT_LOGIN = ("There is no tray on this desktop: started at login, TrustDesk "
                    "opens minimized instead.")


def what_this_desktop_can_do() -> tuple[bool, bool]:
    """(a notification service answers on the session bus, a tray is there)."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from trustdesk.ui.reminders.notifier import DesktopNotifications

    probe = DesktopNotifications()
    try:
        notifications = probe.service_available()
    finally:
        probe.close()
        probe.deleteLater()
    return notifications, QSystemTrayIcon.isSystemTrayAvailable()


NOT_IN_THE_DEMO = "The demo can't start at login: it is gone once its window closes."


class RemindersSection(Section):
    """The reminder switches; saved at once to the folder's reminders.ini and the
    autostart entry. `probe` says what the desktop can do (for tests). Without
    `at_login` (the demo, whose folder is deleted on closing), no "At login" row:
    the entry would start a journal that no longer exists, and turning it off
    would remove the person's own."""

    def __init__(self, folder: Path,
                 probe: Callable[[], tuple[bool, bool]] = what_this_desktop_can_do, *,
                 at_login: bool = True) -> None:
        super().__init__(
            "Reminders",
            "Off unless you turn them on. They only ever say \u201cA moment to write, if "
            "you'd like\u201d or \u201cA small step is waiting for you\u201d, never your "
            "words, and come while TrustDesk is running, open or locked.")
        self._folder = folder
        self._probe = probe
        self._at_login = at_login
        self.daily_box = QCheckBox("Each day at")
        self.daily_time = QTimeEdit()
        self.daily_time.setDisplayFormat("HH:mm")
        self.daily_time.setMinimumWidth(self.daily_time.fontMetrics().horizontalAdvance(
            "00:00") + 56)   # room for the text, its padding and the step arrows
        self.daily_time.setAccessibleName("Daily reminder time")
        inner = self.daily_time.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName("Daily reminder time")
        self.daily_box.setAccessibleName("Remind me to write each day at")
        daily = QWidget()
        row = QHBoxLayout(daily)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.daily_box)
        row.addWidget(self.daily_time)
        row.addStretch(1)
        self.steps_box = QCheckBox("On the day a step is planned")
        self.login_box = QCheckBox("Start TrustDesk, locked, in the tray")
        self.steps_box.setAccessibleName("Remind me on the day a step is planned")
        self.login_box.setAccessibleName("Start TrustDesk, locked, in the tray, at login")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.add_row("Writing", daily)
        self.add_row("Small steps", self.steps_box)
        self.add_row("At login", self.login_box)
        self.form.setRowVisible(self.login_box, at_login)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.layout_.addWidget(self.status)
        self.daily_box.toggled.connect(self._save)
        self.daily_time.timeChanged.connect(self._save)
        self.steps_box.toggled.connect(self._save)
        self.login_box.toggled.connect(self._set_login)

    def load(self) -> None:
        prefs = prefs_file.load(self._folder)
        widgets = (self.daily_box, self.daily_time, self.steps_box, self.login_box)
        for widget in widgets:
            widget.blockSignals(True)
        self.daily_box.setChecked(prefs.daily)
        self.daily_time.setTime(QTime(prefs.daily_time.hour, prefs.daily_time.minute))
        self.daily_time.setEnabled(prefs.daily)
        self.steps_box.setChecked(prefs.steps)
        self.login_box.setChecked(self._at_login and autostart.is_on())
        for widget in widgets:
            widget.blockSignals(False)
        notifications, tray = self._probe()
        sentence = CAN_NOTIFY if notifications else TRAY_ONLY if tray else NEITHER
        if not self._at_login:
            sentence += " " + NOT_IN_THE_DEMO
        elif not tray and (notifications or self.login_box.isChecked()):
            sentence += " " + NO_TRAY_AT_LOGIN
        self.status.setText(sentence)

    def _save(self) -> None:
        at = self.daily_time.time()
        from datetime import time

        prefs = replace(prefs_file.load(self._folder), daily=self.daily_box.isChecked(),
                        daily_time=time(at.hour(), at.minute()),
                        steps=self.steps_box.isChecked())
        self.daily_time.setEnabled(prefs.daily)
        if not prefs.steps:
            prefs = replace(prefs, step_waiting_on=None)
        if not prefs_file.save(self._folder, prefs):
            self.status.setText("TrustDesk couldn't save your reminders in its folder.")

    def _set_login(self, on: bool) -> None:
        if not self._at_login:
            return
        try:
            if on:
                autostart.turn_on(self._folder)
            else:
                autostart.turn_off()
        except OSError:
            self.login_box.blockSignals(True)
            self.login_box.setChecked(not on)
            self.login_box.blockSignals(False)
            self.status.setText("TrustDesk couldn't change what starts when you log in.")
