"""Run in a fresh process by the benchmark: start either a bare PySide6 window or
TrustDesk itself, and print the wall-clock time (time.time()) of the first paint
of the main window, then quit.

    python bench/probe_launch.py bare
    python bench/probe_launch.py app DATA_DIR
"""

from __future__ import annotations

import sys
import time


def _quit_on_first_paint(app, window_type) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, window_type):
                print(f"{time.time():.6f}", flush=True)
                app.removeEventFilter(self)
                app.quit()
            return False

    app._first_paint = FirstPaint()  # keep it alive
    app.installEventFilter(app._first_paint)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _quit_on_first_paint(app, QMainWindow)
    window.show()
    return app.exec()


def trustdesk_app(data_dir: str) -> int:
    """The real entry point (`trustdesk --data-dir DIR`), with a paint listener."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    _quit_on_first_paint(app, QMainWindow)
    from trustdesk.cli import main

    return main(["--data-dir", data_dir])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    sys.exit(trustdesk_app(sys.argv[2]))
