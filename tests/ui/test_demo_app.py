"""`trustdesk --demo`: the real app on a throwaway sample journal that fills every
page and is gone once the window closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from tests.cli.test_cli import ROOT
from tests.ui.progress_helpers import show_progress
from trustdesk.demo import DEMO_PASSPHRASE
from trustdesk.ui.demo_app import DEMO_TITLE, DemoJournal, open_demo_window, unlock_demo


def test_the_demo_fills_every_page_and_leaves_nothing_behind(qtbot, no_dialogs):
    with DemoJournal() as demo:
        root = demo.root
        assert root is not None and (root / "journal" / "journal.trustdesk").exists()
        window = open_demo_window(demo.folder)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        with qtbot.waitSignal(window.session.unlocked, timeout=10000):
            unlock_demo(window)
        assert window.windowTitle() == DEMO_TITLE
        workspace = window.workspace
        assert workspace.page_keys() == ["today", "guide", "journal", "worksheets", "progress",
                                         "settings"]

        journal = workspace.show_page("journal")
        qtbot.waitUntil(lambda: journal.model.rowCount() > 0, timeout=10000)
        sheets = workspace.show_page("worksheets")
        assert sheets.list_view.model.rowCount() == demo.counts.worksheets
        assert sheets.list_view.due_box.isVisibleTo(sheets)          # follow-ups due
        guide = workspace.show_page("guide")
        assert guide.progress.counts()[0] == demo.counts.chapters_read > 0
        progress = show_progress(qtbot, window)
        assert not progress.summary.is_empty
        assert all(card.isVisibleTo(progress) for card in progress.cards.values())
        assert progress.summary.steps.done > 0 and progress.summary.traps.traps
        workspace.show_page("settings")
        window.close()
        assert not window.session.is_unlocked()
    assert not root.exists()


def test_the_demo_says_it_is_a_demo_inside_the_window_on_every_screen(qtbot, no_dialogs):
    with DemoJournal(days=20) as demo:
        window = open_demo_window(demo.folder)
        qtbot.addWidget(window)
        window.show()
        banner = window.findChild(QLabel, "DemoBanner")
        assert banner is not None and banner.isVisible() and "Demo" in banner.text()
        assert banner.mapTo(window, QPoint(0, 0)).y() == 0, "at the top of the window"
        with qtbot.waitSignal(window.session.unlocked, timeout=10000):
            unlock_demo(window)
        assert banner.isVisible() and window.workspace.isVisible()
        assert window.session.request_lock()
        assert banner.isVisible()
        window.close()


def test_locking_the_demo_shows_its_passphrase(qtbot, no_dialogs):
    with DemoJournal(days=20) as demo:
        window = open_demo_window(demo.folder)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.session.unlocked, timeout=10000):
            unlock_demo(window)
        assert window.session.request_lock()
        note = window.unlock_screen.note
        assert note.isVisibleTo(window) and DEMO_PASSPHRASE in note.text()
        assert "deleted when you close the window" in note.text()
        with qtbot.waitSignal(window.session.unlocked, timeout=10000):
            unlock_demo(window)
        window.close()


def test_the_folder_goes_even_when_something_fails():
    with pytest.raises(RuntimeError), DemoJournal(days=3) as demo:
        root = demo.root
        raise RuntimeError("boom")
    assert not root.exists()


@pytest.mark.slow
def test_trustdesk_demo_opens_and_cleans_up(tmp_path):
    """The command itself: opens, unlocks, quits (the packaging smoke switch), and
    leaves the temporary folder empty."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "TRUSTDESK_SMOKE_EXIT_AFTER_MS": "2500"}
    result = subprocess.run([sys.executable, "-m", "trustdesk", "--demo"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "first paint" in result.stderr
    assert list(Path(tmp_path).iterdir()) == []


@pytest.mark.slow
def test_demo_is_not_a_command_option():
    result = subprocess.run([sys.executable, "-m", "trustdesk", "--demo", "check"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "--demo opens the app" in result.stderr


def test_the_demo_reminds_like_the_app_but_never_starts_at_login(qtbot, tmp_path,
                                                                 monkeypatch, no_dialogs):
    """Reminders run in the demo from its own reminders.ini (gone with its folder),
    over the real session bus; the "At login" row isn't offered, and the person's
    own autostart entry is left as it is."""
    from tests.ui.notification_service import NotificationService, private_session_bus
    from trustdesk.domain.reminders import DAILY, TEXTS
    from trustdesk.ui.demo_app import demo_reminders
    from trustdesk.ui.reminders import autostart, prefs_file
    from trustdesk.ui.settings.reminders import NOT_IN_THE_DEMO

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    their_own = tmp_path / "their-journal"
    autostart.turn_on(their_own)
    with private_session_bus(tmp_path / "bus") as bus, \
            NotificationService(bus.address) as listening, DemoJournal(days=20) as demo:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        window = open_demo_window(demo.folder)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.session.unlocked, timeout=10000):
            unlock_demo(window)
        services = demo_reminders(window)
        assert len(services) == 1 and services[0].has_notifications
        assert services[0].reminders.timer.isActive()

        section = window.workspace.show_page("settings").reminders
        assert section is not None and not section.login_box.isVisibleTo(section)
        assert section.status.text().endswith(NOT_IN_THE_DEMO)
        section.daily_box.setChecked(True)
        assert prefs_file.load(demo.folder.root).daily           # the demo's own file
        assert services[0].notify(DAILY)
        received = listening.wait_for(1, pump=lambda: qtbot.wait(10))
        assert (received[0].summary, received[0].body) == TEXTS[DAILY]
        services[0].close()
        window.close()
    assert autostart.is_on()                                     # theirs, untouched
