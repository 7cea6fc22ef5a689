"""Run only as a child process by test_session_end.py: the real app (`trustdesk
--data-dir DIR`, through `trustdesk.cli.main`), unlocked through its unlock screen,
a new journal entry, words typed into the editor with real key events. Then it
prints "typed" on stdout and carries on running; the parent sends a signal. The
autosave is held back (an hour), so the words are still unsaved whenever the signal
arrives, however loaded the machine is: only the signal's handling can save them.

Usage: python tests/ui/session_end_app.py DATA_DIR WORDS
The passphrase is tests.conftest.PASSPHRASE."""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from tests.conftest import PASSPHRASE
from trustdesk import cli
from trustdesk.ui.app import create_application
from trustdesk.ui.journal import page as journal_page
from trustdesk.ui.shell.window import MainWindow


def main_window() -> MainWindow | None:
    app = create_application()
    return next((widget for widget in app.topLevelWidgets()
                 if isinstance(widget, MainWindow) and widget.isVisible()), None)


def drive(words: str) -> None:
    """Poll until the window shows, unlock it, then type once the journal is open."""
    window = main_window()
    if window is None:
        QTimer.singleShot(10, lambda: drive(words))
        return
    window.session.unlocked.connect(lambda: QTimer.singleShot(0, lambda: type_words(window, words)))
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()


def type_words(window: MainWindow, words: str) -> None:
    assert window.workspace is not None
    page = window.workspace.show_page("journal")
    page.new_entry()  # type: ignore[attr-defined]
    body = page.editor.body  # type: ignore[attr-defined]
    body.setFocus()
    QTest.keyClicks(body, words)
    assert page.has_unsaved_changes(), "autosave ran already: the test would prove nothing"
    print("typed", flush=True)


if __name__ == "__main__":
    data_dir, text = sys.argv[1], sys.argv[2]
    journal_page.SAVE_DELAY_MS = 3_600_000
    create_application()
    QTimer.singleShot(0, lambda: drive(text))
    sys.exit(cli.main(["--data-dir", data_dir]))
