"""Started in the tray (at login, `--tray`), closing the window locks the journal and
hides the window to the tray, with reminders still running; Quit (the tray menu, or
Ctrl+Q) ends TrustDesk. Without the tray, closing quits as before."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.ui.conftest import open_window, unlock
from trustdesk.domain.journal import CheckIn
from trustdesk.domain.reminders import DAILY, ReminderPrefs
from trustdesk.ui.reminders import prefs_file
from trustdesk.ui.reminders.service import ReminderService
from trustdesk.ui.shell.session import State


@pytest.fixture
def no_bus(monkeypatch):
    """No session bus: reminders come from the tray icon."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


def in_tray(qtbot, data_dir, clock: list[datetime] | None = None):
    window = open_window(qtbot, data_dir)
    service = ReminderService(window, tray_mode=True, tray_available=lambda: True,
                              clock=lambda: clock[0] if clock else datetime.now())
    assert service.tray is not None and window.is_kept_in_tray()
    return window, service


def test_closing_the_window_locks_it_into_the_tray_and_reminders_go_on(qtbot, data_dir,
                                                                       no_bus):
    prefs_file.save(data_dir, ReminderPrefs(daily=True, daily_time=time(20, 0)))
    clock = [datetime(2026, 3, 10, 19, 0)]
    window, service = in_tray(qtbot, data_dir, clock)
    unlock(qtbot, window)
    today = window.workspace.page("today")
    qtbot.keyClick(today.checkin.bars["mood"], Qt.Key.Key_7)   # not saved yet
    assert today.has_unsaved_changes()

    assert window.close() is False              # the close was turned into a hide
    assert not window.isVisible()
    assert window.session.state is State.LOCKED and window.session.holds_folder()
    assert window.workspace is None
    assert service.reminders.timer.isActive()
    clock[0] = datetime(2026, 3, 10, 20, 1)
    assert service.reminders.check() == [DAILY]  # still reminding, locked and hidden
    # The lock saved the check-in that was not saved yet.
    window.session.request_unlock(PASSPHRASE)
    qtbot.waitUntil(window.session.is_unlocked, timeout=10000)
    latest = window.session.store.journal.latest_on(datetime.now().date())
    assert latest is not None and latest.checkin == CheckIn(mood=7)
    window.session.request_lock()

    service.show_window()                       # the tray's "Open TrustDesk"
    assert window.isVisible() and window.current_screen() is window.unlock_screen
    quit_action = next(a for a in service.menu.actions() if a.text() == "Quit")
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    quit_action.trigger()
    assert closed == [True] and not window.isVisible()
    assert window.session.state is State.CLOSED and not window.session.holds_folder()


def test_ctrl_q_quits_from_the_tray_too_and_without_a_tray_closing_quits(qtbot, data_dir,
                                                                        no_bus):
    window, _service = in_tray(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.quit_action is not None)
    window.quit_action.trigger()
    assert not window.isVisible() and not window.session.holds_folder()

    plain = open_window(qtbot, data_dir)
    no_tray = ReminderService(plain, tray_mode=True, tray_available=lambda: False)
    assert no_tray.tray is None and not plain.is_kept_in_tray()
    assert plain.close() is True and not plain.session.holds_folder()
