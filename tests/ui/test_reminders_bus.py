"""Reminders against a real session bus: a private dbus-daemon (a unix socket, no
TCP) with a stand-in notification service that records each Notify call and
clicks like a person would (tests/ui/notification_service.py)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE
from tests.ui.conftest import open_window, unlock
from tests.ui.notification_service import NotificationService, private_session_bus
from trustdesk.domain.reminders import DAILY, STEP, TEXTS, ReminderPrefs
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.storage.store import JournalFolder
from trustdesk.ui.reminders import prefs_file
from trustdesk.ui.reminders.notifier import DesktopNotifications
from trustdesk.ui.reminders.service import ReminderService
from trustdesk.ui.shell.gate import UnlockScreen

STEP_WORDS = "Ask Sam about the weekend plans"


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def bus(tmp_path):
    with private_session_bus(tmp_path / "bus") as running:
        yield running


@pytest.fixture
def service(bus):
    with NotificationService(bus.address) as listening:
        yield listening


def pump() -> None:
    QApplication.processEvents()


def journal_with_a_step(data_dir, due: date):
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        store.worksheets.save(Worksheet(
            id="w1", happened_on=due, thought="He'll laugh at me.", belief_before=70,
            step=SmallStep(id="s1", text=STEP_WORDS, due=due)))
    finally:
        store.close()


def test_the_daily_reminder_comes_at_its_time_in_fixed_words(qtbot, data_dir, bus, service):
    journal_with_a_step(data_dir, date(2026, 3, 1))
    prefs_file.save(data_dir, ReminderPrefs(daily=True, daily_time=time(19, 0)))
    window = open_window(qtbot, data_dir)
    clock = Clock(datetime(2026, 3, 2, 18, 59))
    reminders = ReminderService(window, clock=clock, bus_address=bus.address)
    assert reminders.has_notifications
    assert reminders.reminders.check() == []
    clock.at = datetime(2026, 3, 2, 19, 0)
    assert reminders.reminders.check() == [DAILY]
    received = service.wait_for(1, pump=pump)
    assert len(received) == 1
    note = received[0]
    assert note.signature == "susssasa{sv}i"
    assert (note.summary, note.body) == TEXTS[DAILY]
    assert "default" in note.actions
    clock.at = datetime(2026, 3, 2, 20, 0)
    assert reminders.reminders.check() == []  # once a day
    assert prefs_file.load(data_dir).last_daily == date(2026, 3, 2)
    reminders.close()


def test_a_small_step_reminder_never_carries_its_words_and_a_click_unlocks_to_it(
        qtbot, data_dir, bus, service):
    journal_with_a_step(data_dir, date(2026, 3, 2))
    prefs_file.save(data_dir, ReminderPrefs(steps=True))
    window = open_window(qtbot, data_dir)
    clock = Clock(datetime(2026, 3, 2, 8, 0))
    reminders = ReminderService(window, clock=clock, bus_address=bus.address)
    # Unlocked once: the day the step waits is kept (a date, no words), then locked.
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: prefs_file.load(data_dir).step_waiting_on == date(2026, 3, 2))
    window.session.request_lock()
    text = (data_dir / "reminders.ini").read_text()
    assert "Sam" not in text and "weekend" not in text
    clock.at = datetime(2026, 3, 2, 9, 0)
    assert reminders.reminders.check() == [STEP]   # while locked
    note = service.wait_for(1, pump=pump)[0]
    assert (note.summary, note.body) == TEXTS[STEP]
    for word in STEP_WORDS.split():
        assert word not in note.summary + note.body
    window.hide()
    service.click(note)
    qtbot.waitUntil(window.isVisible, timeout=20000)
    assert isinstance(window.current_screen(), UnlockScreen)
    unlock(qtbot, window)
    expected = "today" if window.workspace.has_page("today") else "worksheets"
    qtbot.waitUntil(lambda: window.workspace.current_key() == expected)
    reminders.close()


def test_without_a_notification_service_the_bus_says_so(qtbot, bus):
    notifications = DesktopNotifications(address=bus.address)
    assert notifications.connected()
    assert not notifications.service_available()
    notifications.close()


def test_with_nowhere_to_show_it_a_reminder_waits_instead_of_counting_as_shown(
        qtbot, data_dir, bus):
    """No notification service on the bus and no tray (offscreen): nothing is
    marked as shown, so it comes once the desktop can show it."""
    prefs_file.save(data_dir, ReminderPrefs(daily=True, daily_time=time(19, 0)))
    window = open_window(qtbot, data_dir)
    clock = Clock(datetime(2026, 3, 2, 19, 5))
    reminders = ReminderService(window, clock=clock, bus_address=bus.address)
    assert not reminders.has_notifications
    assert reminders.reminders.check() == []
    assert prefs_file.load(data_dir).last_daily is None
    reminders.close()
