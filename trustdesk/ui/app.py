"""Starting the desktop app. Kept lean: only what the first screen needs is imported
before the window is painted; pages load after unlock."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from trustdesk import APP_NAME, __version__
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import dialogs, icons, tasks, theme
from trustdesk.ui.shell import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, once per process, themed and named."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.trustdesk.TrustDesk")
    app.setWindowIcon(icons.app_icon())
    theme.apply(app, theme="system", text_scale=100)
    return app


def run_gui(*, data_dir: Path) -> int:
    """Open the app on `data_dir` and run until the window closes."""
    app = create_application()
    dialogs.keep_qt_state_in(data_dir / ".qt")
    window = MainWindow(JournalFolder(data_dir))
    window.show()
    code = app.exec()
    tasks.wait_for_all()
    return code
