"""Settings > Reminders: off by default, kept outside the journal (switches and
times only), the login autostart entry added and removed, and a plain sentence
about what this desktop can show, probed on a real private session bus."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QTime

from tests.ui.conftest import unlock
from tests.ui.notification_service import NotificationService, private_session_bus
from trustdesk.cli import build_parser
from trustdesk.ui.reminders import autostart, prefs_file
from trustdesk.ui.settings.reminders import CAN_NOTIFY, NEITHER, TRAY_ONLY, RemindersSection


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def settings_section(qtbot, unlocked) -> RemindersSection:
    page = unlocked.workspace.show_page("settings")
    section = page.reminders
    assert section is not None
    return section


def test_reminders_are_off_and_nothing_is_written_until_turned_on(
        qtbot, unlocked, data_dir, config_home):
    section = settings_section(qtbot, unlocked)
    assert not section.daily_box.isChecked() and not section.steps_box.isChecked()
    assert not section.login_box.isChecked()
    assert not (data_dir / "reminders.ini").exists()
    section.daily_box.setChecked(True)
    section.daily_time.setTime(QTime(7, 15))
    section.steps_box.setChecked(True)
    prefs = prefs_file.load(data_dir)
    assert (prefs.daily, prefs.daily_time, prefs.steps) == (True, time(7, 15), True)
    assert (data_dir / "reminders.ini").stat().st_mode & 0o077 == 0
    section.daily_box.setChecked(False)
    section.steps_box.setChecked(False)
    assert not (data_dir / "reminders.ini").exists()


def test_starting_at_login_writes_and_removes_the_autostart_entry(
        qtbot, unlocked, data_dir, config_home):
    section = settings_section(qtbot, unlocked)
    entry = config_home / "autostart" / "trustdesk.desktop"
    section.login_box.setChecked(True)
    text = entry.read_text()
    assert "[Desktop Entry]" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "--tray" in exec_line and str(data_dir) in exec_line
    assert autostart.is_on()
    section.login_box.setChecked(False)
    assert not entry.exists()


def test_the_tray_start_is_a_command_line_option():
    assert build_parser().parse_args(["--tray"]).tray is True


@pytest.mark.parametrize("with_service", [True, False])
def test_settings_say_what_this_desktop_can_show(qtbot, unlocked, tmp_path, monkeypatch,
                                                 config_home, with_service):
    with private_session_bus(tmp_path / "bus") as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        section = settings_section(qtbot, unlocked)
        if with_service:
            with NotificationService(bus.address):
                section.load()
                assert section.status.text().startswith(CAN_NOTIFY)
        else:
            section.load()
            # The offscreen platform has no tray either.
            assert section.status.text() == NEITHER


def test_with_only_a_tray_settings_say_reminders_come_from_it(qtbot, data_dir, config_home):
    section = RemindersSection(data_dir, probe=lambda: (False, True))
    qtbot.addWidget(section)
    section.load()
    assert section.status.text() == TRAY_ONLY


def test_locking_leaves_the_settings_file_and_unlocking_reads_it(qtbot, window, data_dir,
                                                                config_home):
    unlock(qtbot, window)
    section = settings_section(qtbot, window)
    section.daily_box.setChecked(True)
    window.session.request_lock()
    assert prefs_file.load(data_dir).daily
    unlock(qtbot, window)
    assert settings_section(qtbot, window).daily_box.isChecked()
