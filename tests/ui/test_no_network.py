"""A whole GUI session opens no internet socket and loads no network module."""

from __future__ import annotations

import socket
import sys

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import open_window


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_internet_sockets(monkeypatch):
    real = socket.socket

    class GuardedSocket(real):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                raise NetworkUsed(f"TrustDesk tried to open a network socket ({family})")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: (_ for _ in ()).throw(NetworkUsed("connect")))


def test_full_session_stays_offline(qtbot, tmp_path, no_internet_sockets):
    window = open_window(qtbot, tmp_path / "data")
    window.welcome.first.setText("lantern orbit pebble")
    window.welcome.second.setText("lantern orbit pebble")
    with qtbot.waitSignal(window.session.unlocked, timeout=10000):
        qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    for key in window.workspace.page_keys():
        window.workspace.show_page(key)
    window.session.request_lock()
    window.close()
    loaded = [name for name in sys.modules
              if name.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine", "ssl"))]
    assert loaded == []
