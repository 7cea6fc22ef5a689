"""The app side of bench/memory_scan.py: the real window, offscreen and hardened as
the app is, driven by lines on stdin ("unlock", "write", "lock", "settle", "quit";
each answered "done"). It is given the passphrase and the marker reversed, and types
them one key at a time, so this process never holds them except through the app.
This file holds neither: the scan would count its own source.

    python bench/memory_scan_app.py DATA_DIR PASSPHRASE_REVERSED MARKER_REVERSED
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def child(folder: str, passphrase_reversed: str, marker_reversed: str) -> int:
    from trustdesk.hardening import harden_process

    harden_process()
    from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
    from PySide6.QtTest import QTest

    from trustdesk.storage.store import JournalFolder
    from trustdesk.ui.app import create_application
    from trustdesk.ui.shell.window import MainWindow

    app = create_application(sys.argv[:1])
    window = MainWindow(JournalFolder(Path(folder)))
    window.resize(1280, 800)
    window.show()

    def settle() -> None:
        QThreadPool.globalInstance().waitForDone(60000)
        for _ in range(5):
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QThreadPool.globalInstance().waitForDone(60000)
        app.processEvents()

    def wait_for(condition, timeout_ms: int = 60000) -> None:
        waited = 0
        while not condition():
            QTest.qWait(20)
            waited += 20
            if waited > timeout_ms:
                raise SystemExit("timed out")

    def type_reversed(widget, reversed_text: str) -> None:
        for char in reversed(reversed_text):  # never builds the forward string
            QTest.keyClick(widget, char)

    def unlock() -> None:
        field = window.unlock_screen.passphrase
        type_reversed(field, passphrase_reversed)
        QTest.keyClick(field, Qt.Key.Key_Return)
        wait_for(window.session.is_unlocked)
        settle()

    def write_entry() -> None:
        page = window.workspace.show_page("journal")
        page.new_entry()
        page.editor.body.setFocus()
        type_reversed(page.editor.body, marker_reversed)
        page.save_now()
        wait_for(lambda: not page.has_unsaved_changes())
        type_reversed(page.bar.search, marker_reversed[-8:])   # the marker's first word
        wait_for(lambda: page.model.rowCount() >= 1)
        settle()

    def lock() -> None:
        window.session.request_lock()
        settle()

    steps = {"unlock": unlock, "write": write_entry, "lock": lock, "settle": settle}
    settle()
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        steps[command]()
        print("done", flush=True)
    window.close()
    return 0



if __name__ == "__main__":
    sys.exit(child(*sys.argv[1:4]))
