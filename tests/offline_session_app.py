"""Run only as a child process by test_no_network_syscalls.py, under strace: the
real app (`trustdesk --data-dir DIR` through `trustdesk.cli.main`, offscreen) is
unlocked through its unlock screen, every page is visited, an entry is written and
searched for, the summary is previewed and saved as a PDF, then the journal locks
and the window closes. Prints "done" when all of that worked.

Usage: python tests/offline_session_app.py DATA_DIR PDF_PATH
The passphrase is tests.conftest.PASSPHRASE."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QTimer
from PySide6.QtTest import QTest

from tests.conftest import PASSPHRASE
from trustdesk import cli
from trustdesk.ui import dialogs
from trustdesk.ui.app import create_application
from trustdesk.ui.shell.window import MainWindow


def wait_until(condition, timeout_ms: int = 30000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the app did not get there in time")
        QCoreApplication.processEvents()
        QTest.qWait(10)


def main_window() -> MainWindow | None:
    return next((widget for widget in create_application().topLevelWidgets()
                 if isinstance(widget, MainWindow) and widget.isVisible()), None)


def start(pdf: Path) -> None:
    window = main_window()
    if window is None:
        QTimer.singleShot(10, lambda: start(pdf))
        return
    try:
        session(window, pdf)
    except BaseException:
        traceback.print_exc()
        create_application().exit(3)


def session(window: MainWindow, pdf: Path) -> None:
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    wait_until(window.session.is_unlocked)
    workspace = window.workspace
    assert workspace is not None
    for key in workspace.page_keys():
        workspace.show_page(key)
        QTest.qWait(50)

    journal = workspace.show_page("journal")
    journal.new_entry()  # type: ignore[attr-defined]
    QTest.keyClicks(journal.editor.body, "An evening walk, written offline.")  # type: ignore[attr-defined]
    journal.flush()
    journal.focus_search()  # type: ignore[attr-defined]
    QTest.keyClicks(journal.bar.search, "evening")  # type: ignore[attr-defined]
    QTest.qWait(300)

    progress = workspace.show_page("progress")
    dialog = progress.open_print_dialog()  # type: ignore[attr-defined]
    dialog.preview()
    wait_until(lambda: dialog.task is None)
    dialog.show_choices()
    with dialogs.answering(lambda question: pdf if question.kind == "save_path" else None):
        dialog.save_pdf()
        wait_until(lambda: dialog.task is None)
    assert pdf.is_file(), "the PDF was not written"
    dialog.reject()

    assert window.session.request_lock()
    print("done", flush=True)
    window.close()


if __name__ == "__main__":
    data_dir, pdf_path = sys.argv[1], Path(sys.argv[2])
    create_application()
    QTimer.singleShot(0, lambda: start(pdf_path))
    sys.exit(cli.main(["--data-dir", data_dir]))
