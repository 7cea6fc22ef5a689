"""What the app leaves outside the journal: `window.ini` is private (0600) and
written whole, and no D-Bus session bus is launched on our behalf and left running
after the app quits."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import uuid
from base64 import b64decode
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.ui.conftest import open_window
from trustdesk import paths
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import session_bus, window_state
from trustdesk.ui.shell.window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


# -- window.ini ------------------------------------------------------------------------
def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_window_ini_is_private_even_with_an_open_umask(qtbot, data_dir):
    previous = os.umask(0o022)
    try:
        window = open_window(qtbot, data_dir)
        window.resize(1000, 700)
        window.close()
    finally:
        os.umask(previous)
    ini = paths.window_state_path(data_dir)
    assert mode_of(ini) == 0o600
    assert not list(data_dir.glob("*.partial"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_older_readable_window_ini_is_replaced_by_a_private_one(qtbot, data_dir):
    ini = paths.window_state_path(data_dir)
    ini.write_text("[General]\n")
    ini.chmod(0o644)
    window = open_window(qtbot, data_dir)
    window.close()
    assert mode_of(ini) == 0o600


def test_the_window_comes_back_at_its_size(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.resize(1111, 733)
    geometry = window.saveGeometry()
    window.close()
    assert window_state.load(data_dir) == geometry
    again = MainWindow(JournalFolder(data_dir))
    qtbot.addWidget(again)
    assert again.height() == 733
    again.close()


def test_a_window_ini_written_by_qsettings_is_still_read(qtbot, data_dir):
    """Files from before this change: QSettings' own format."""
    window = open_window(qtbot, data_dir)
    window.resize(1050, 690)
    geometry = window.saveGeometry()
    window.close()
    ini = paths.window_state_path(data_dir)
    ini.unlink()
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    old.setValue("geometry", geometry)
    old.sync()
    del old
    assert window_state.load(data_dir) == geometry


def test_a_window_ini_in_another_form_is_still_read(data_dir):
    """Files `save` writes are read without configparser; a file edited by hand (or
    written otherwise) still goes through it."""
    encoded = "AdnQywADAAAAAAAAAAAAAAAAAx8="
    ini = paths.window_state_path(data_dir)
    for text in (f"{window_state._HEADER}[window]\ngeometry = {encoded}\n",
                 f"[window]\ngeometry={encoded}\n",
                 f"; mine\n[other]\nx = 1\n\n[window]\n  geometry : {encoded}  \n",
                 f"[WINDOW]\ngeometry = {encoded}\n[window]\nGeometry = {encoded}\n"):
        ini.write_text(text)
        assert window_state.load(data_dir) == window_state.QByteArray(
            b64decode(encoded)), text
    assert window_state._written_by_save(
        f"{window_state._HEADER}[window]\ngeometry = {encoded}\n") == encoded
    assert window_state._written_by_save(f"[window]\ngeometry = {encoded}\n") is None


def test_a_damaged_window_ini_is_ignored(data_dir):
    paths.window_state_path(data_dir).write_bytes(b"[window]\ngeometry = not base64!\n\xff")
    assert window_state.load(data_dir) is None
    assert window_state.load(data_dir / "missing") is None
    assert not window_state.save(data_dir / "missing", window_state.QByteArray(b"x"))


# -- the session bus -------------------------------------------------------------------
def test_a_given_bus_is_used():
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    assert session_bus.keep_to_an_existing_bus(env, platform="linux") == "given"
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets")
def test_the_users_bus_socket_is_used_when_no_address_is_given(tmp_path):
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listening.bind(str(tmp_path / "bus"))
        env = {"XDG_RUNTIME_DIR": str(tmp_path)}
        assert session_bus.keep_to_an_existing_bus(env, platform="linux") == "user bus"
        assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={tmp_path / 'bus'}"
    finally:
        listening.close()


def test_without_a_bus_none_is_launched(tmp_path):
    (tmp_path / "bus").write_text("not a socket")
    for env in ({}, {"XDG_RUNTIME_DIR": str(tmp_path)}, {"XDG_RUNTIME_DIR": "relative"}):
        assert session_bus.keep_to_an_existing_bus(env, platform="linux") == "none"
        assert env["DBUS_SESSION_BUS_ADDRESS"] == "disabled:"
    env = {}
    assert session_bus.keep_to_an_existing_bus(env, platform="darwin") == "skipped"
    assert env == {}


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server (Xvfb, no TCP), as a desktop without a session bus has."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (Debian package xvfb) for a real X display")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp",
                               "-screen", "0", "1280x800x24"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as numbers:
            number = numbers.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def processes_marked(marker: str) -> list[tuple[int, str]]:
    """(pid, command) of every process whose environment carries `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append((int(entry.name), (entry / "comm").read_text().strip()))
        except OSError:
            continue
    return found


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_app_leaves_no_dbus_daemon_behind(x_display, data_dir):
    """Opened on a real X display with no session bus announced, the app used to run
    `dbus-launch --autolaunch`, whose dbus-daemon outlived it."""
    if shutil.which("dbus-launch") is None:
        pytest.skip("needs dbus-launch (Debian package dbus-x11), the autolauncher")
    marker = f"TRUSTDESK_BUS_TEST={uuid.uuid4().hex}"
    env = {key: value for key, value in os.environ.items()
           if key not in ("DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR")}
    env.update({"DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
                "TRUSTDESK_SMOKE_EXIT_AFTER_MS": "300", marker.split("=")[0]: marker.split("=")[1]})
    try:
        result = subprocess.run([sys.executable, "-m", "trustdesk", "--data-dir", str(data_dir)],
                                env=env, capture_output=True, text=True, timeout=60)
        if "Could not load the Qt platform plugin" in result.stderr:
            pytest.skip("Qt's X11 libraries are missing (see the README's list)")
        assert result.returncode == 0, result.stderr[-2000:]
        assert "first paint" in result.stderr
        time.sleep(0.3)  # a daemon forks away from its launcher
        left = processes_marked(marker)
        assert left == [], f"left running after the app quit: {left}"
    finally:
        for pid, _command in processes_marked(marker):
            os.kill(pid, 15)
