"""Widgets tests: a themed QApplication, a main window on a temporary data folder,
and helpers that drive the real unlock screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import dialogs, theme
from trustdesk.ui.app import create_application
from trustdesk.ui.shell.window import MainWindow
from trustdesk.ui.spelling.service import speller


@pytest.fixture(autouse=True)
def themed_app(qapp):
    """Each widget test starts in the light theme at normal text size."""
    create_application()
    theme.apply(qapp, theme="light", text_scale=100)
    yield qapp
    speller.close()   # a journal a test left unlocked: its words go with it


@pytest.fixture
def no_dialogs() -> Iterator[list[dialogs.Question]]:
    """Fail loudly if a test opens a modal dialog it did not expect."""
    def refuse(question: dialogs.Question) -> object:
        raise AssertionError(f"unexpected dialog: {question}")

    with dialogs.answering(refuse) as asked:
        yield asked


def open_window(qtbot, folder: Path,
                size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
    """The main window on `folder`, shown at `size` (None: where it places itself)."""
    window = MainWindow(JournalFolder(folder))
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    return window


def unlock(qtbot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the real unlock screen and wait for the workspace."""
    screen = window.unlock_screen
    screen.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=10000):
        qtbot.keyClick(screen.passphrase, "\r")


@pytest.fixture
def window(qtbot, data_dir: Path) -> Iterator[MainWindow]:
    """The main window showing the unlock screen of an existing journal."""
    win = open_window(qtbot, data_dir)
    yield win
    win.close()


@pytest.fixture
def unlocked(qtbot, window: MainWindow) -> MainWindow:
    """The main window, unlocked, showing the landing page."""
    unlock(qtbot, window)
    return window
