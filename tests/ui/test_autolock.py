"""Auto-lock: idle minutes measured from real input, the desktop's screen lock and
sleep, and the wall-clock rule after waking."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from trustdesk.ui.shell.autolock import AutoLock
from trustdesk.ui.shell.desktop_signals import DesktopSignals
from trustdesk.ui.shell.gate import UnlockScreen


class FakeClocks:
    """A monotonic clock and a wall clock the test moves by hand; `sleep` moves only
    the wall clock, as a suspended computer does."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = 1_700_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds

    def sleep(self, seconds: float) -> None:
        self.wall += seconds


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()


@pytest.fixture
def autolock(qtbot, clocks):
    lock = AutoLock(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall)
    lock.start(5)
    yield lock
    lock.stop()
    lock.deleteLater()


def test_idle_minutes_lock_the_journal_after_real_input_stops(qtbot, unlocked):
    """A short limit with the real clocks: typing restarts the idle time, silence
    locks. (The limit leaves room for a busy machine: the fake-clock tests below
    check the arithmetic exactly.)"""
    page = unlocked.workspace.show_page("settings")
    field = page.safety.passphrase.current
    qtbot.keyClick(field, "x")            # the idle time starts now, not at unlock
    unlocked.session.autolock.set_limit_seconds(1.5)
    qtbot.wait(300)
    before = unlocked.session.autolock.idle_seconds()
    qtbot.keyClicks(field, "typing")
    assert unlocked.session.autolock.idle_seconds() < before
    assert unlocked.session.is_unlocked()
    with qtbot.waitSignal(unlocked.session.locked, timeout=10000):
        pass
    assert isinstance(unlocked.current_screen(), UnlockScreen)
    assert not unlocked.session.autolock.active


def test_input_resets_the_idle_time(qtbot, autolock, clocks):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    clocks.advance(250)
    assert autolock.idle_seconds() == 250
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert autolock.idle_seconds() == 0
    clocks.advance(299)
    with qtbot.assertNotEmitted(autolock.lock_requested):
        assert autolock.check() is False
    clocks.advance(2)
    with qtbot.waitSignal(autolock.lock_requested):
        assert autolock.check() is True


def test_waking_after_a_long_sleep_locks_even_though_the_monotonic_clock_stood_still(
        qtbot, autolock, clocks):
    clocks.advance(60)
    clocks.sleep(2 * 3600)
    with qtbot.waitSignal(autolock.lock_requested):
        assert autolock.on_wake() is True


def test_waking_after_a_short_nap_does_not_lock(qtbot, autolock, clocks):
    clocks.sleep(90)
    with qtbot.assertNotEmitted(autolock.lock_requested):
        assert autolock.on_wake() is False
    assert autolock.active


def test_the_first_keypress_after_sleeping_locks_and_is_not_delivered(qtbot, autolock, clocks):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    clocks.sleep(6 * 60)
    with qtbot.waitSignal(autolock.lock_requested):
        qtbot.keyClick(field, Qt.Key.Key_X)
    assert field.text() == ""


def test_never_means_never(qtbot, autolock, clocks):
    autolock.set_minutes(0)
    clocks.advance(10 * 3600)
    with qtbot.assertNotEmitted(autolock.lock_requested):
        assert autolock.check() is False


def test_the_setting_applies_at_once_and_is_kept_in_the_vault(qtbot, unlocked):
    page = unlocked.workspace.show_page("settings")
    box = page.safety.privacy.auto_lock_box
    assert box.currentData() == 5
    assert unlocked.session.autolock.limit_seconds == 300
    box.setCurrentIndex(box.findData(1))
    assert unlocked.session.autolock.limit_seconds == 60
    box.setCurrentIndex(box.findData(0))
    assert unlocked.session.autolock.limit_seconds == 0
    assert box.currentText() == "Never"
    assert unlocked.session.store.settings.load_app_settings().auto_lock_minutes == 0


def test_screen_lock_from_the_desktop_locks_the_journal(qtbot, unlocked):
    with qtbot.waitSignal(unlocked.session.locked):
        unlocked.session.desktop.on_screensaver(True)
    assert not unlocked.session.is_unlocked()


@pytest.fixture
def private_bus():
    """A D-Bus daemon of our own, on a local unix socket, for one test."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    out = subprocess.run(["dbus-daemon", "--session", "--print-address=1", "--print-pid=1",
                          "--fork"], capture_output=True, text=True, check=True, timeout=20)
    address, pid = out.stdout.split()[:2]
    yield address
    os.kill(int(pid), 15)


@pytest.mark.slow
def test_desktop_signals_arrive_over_a_real_bus(qtbot, private_bus):
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    listener = QDBusConnection.connectToBus(private_bus, "trustdesk-test-listener")
    sender = QDBusConnection.connectToBus(private_bus, "trustdesk-test-sender")
    assert listener.isConnected() and sender.isConnected()
    signals = DesktopSignals(system=listener, session=listener)
    assert signals.listening == ["system", "session"]
    # Qt sends the match rules without waiting for the bus to take them. A blocking call
    # on the same connection is answered only after the bus has read everything sent
    # before it, so the signals below cannot overtake the rules and go unheard.
    round_trip = QDBusMessage.createMethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                               "org.freedesktop.DBus", "GetId")
    assert listener.call(round_trip).type() == QDBusMessage.MessageType.ReplyMessage

    def send(path: str, interface: str, name: str, value: bool) -> None:
        message = QDBusMessage.createSignal(path, interface, name)
        message.setArguments([value])
        assert sender.send(message)

    with qtbot.waitSignal(signals.locked, timeout=5000):
        send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged",
             True)
    with qtbot.waitSignal(signals.locked, timeout=5000):
        send("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
             True)
    with qtbot.waitSignal(signals.woke, timeout=5000):
        send("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
             False)
    with qtbot.assertNotEmitted(signals.locked, wait=300):
        send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged",
             False)
    QDBusConnection.disconnectFromBus("trustdesk-test-listener")
    QDBusConnection.disconnectFromBus("trustdesk-test-sender")


def test_without_a_bus_it_quietly_relies_on_the_idle_timer(qtbot, monkeypatch):
    from PySide6.QtDBus import QDBusConnection

    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "trustdesk-nowhere")
    signals = DesktopSignals(system=nowhere, session=nowhere)
    assert signals.listening == []
