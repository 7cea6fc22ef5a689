"""`trustdesk --demo`: the whole app on a throwaway journal full of sample data.

The journal lives in a fresh temporary folder, is filled by `trustdesk.demo`, and
is deleted when the window closes: also when something fails, and when the
process is asked to stop (Ctrl+C, SIGTERM, SIGHUP: see ui/shell/shutdown.py). The
person's own journal is never opened or touched.

Reminders run as in the app (`demo_reminders`), from the demo folder's own
reminders.ini (off until turned on in Settings, gone with the folder), so a person
can see what they look like. Starting at login is not offered: the entry would
start a folder that no longer exists, and turning it off would remove their own."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from trustdesk.demo import DEMO_DAYS, DEMO_PASSPHRASE, DEMO_SEED, DemoCounts, fill_demo
from trustdesk.storage.store import JournalFolder, Store
from trustdesk.ui import qt_state, tasks
from trustdesk.ui.shell.pages import PAGES, PageSpec
from trustdesk.ui.shell.shutdown import SessionEnd
from trustdesk.ui.shell.window import MainWindow
from trustdesk.ui.widgets.labels import text_label

if TYPE_CHECKING:
    from trustdesk.ui.reminders.service import ReminderService
    from trustdesk.ui.settings.page import SettingsPage

DEMO_TITLE = "TrustDesk (demo)"
DEMO_BANNER = ("Demo journal: the entries are made up, and everything here is deleted "
               "when you close this window.")
DEMO_NOTE = ("This is the demo journal, filled with made-up entries. It is deleted when "
             f"you close the window. Its passphrase is: {DEMO_PASSPHRASE}")


class DemoJournal:
    """A temporary data folder holding a sample journal; a context manager. The
    folder and everything in it are removed on exit, whatever happened."""

    def __init__(self, *, days: int = DEMO_DAYS, seed: int = DEMO_SEED,
                 today: date | None = None) -> None:
        self._days, self._seed, self._today = days, seed, today
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.root: Path | None = None
        self.folder: JournalFolder | None = None
        self.counts: DemoCounts | None = None

    def __enter__(self) -> DemoJournal:
        self._tmp = tempfile.TemporaryDirectory(prefix="trustdesk-demo-")
        try:
            self.root = Path(self._tmp.name)
            self.folder = JournalFolder(self.root / "journal")
            store = self.folder.create(DEMO_PASSPHRASE)
            try:
                self.counts = fill_demo(store, days=self._days, seed=self._seed,
                                        today=self._today)
            finally:
                store.close()
        except BaseException:
            self._tmp.cleanup()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def _demo_settings(store: Store) -> SettingsPage:
    from trustdesk.ui.settings.page import SettingsPage

    return SettingsPage(settings=store.settings, backups=store.backups,
                        exchange=store.exchange, folder=store.vault.path.parent,
                        at_login=False, history=store.journal.history)


# The app's pages, but Settings offers no start at login.
DEMO_PAGES: tuple[PageSpec, ...] = tuple(
    replace(spec, build=_demo_settings) if spec.key == "settings" else spec for spec in PAGES)


def open_demo_window(folder: JournalFolder, *,
                     specs: tuple[PageSpec, ...] = DEMO_PAGES) -> MainWindow:
    """The real main window on the demo folder, titled as a demo, with the
    passphrase on its unlock screen. Call `unlock_demo` once it is shown. (The
    screenshots pass the app's own `specs`, to show Settings as the app has it.)"""
    window = MainWindow(folder, specs=specs)
    window.setWindowTitle(DEMO_TITLE)
    window.unlock_screen.show_note(DEMO_NOTE)
    _add_banner(window)
    return window


def _add_banner(window: MainWindow) -> None:
    """A calm line across the top of the window, on every screen, saying that this
    is the demo (the title bar alone is easy to miss, and some desktops hide it)."""
    screens = window.takeCentralWidget()
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    banner = text_label(DEMO_BANNER, None)
    banner.setObjectName("DemoBanner")
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    column.addWidget(banner)
    column.addWidget(screens, 1)
    window.setCentralWidget(holder)


def demo_reminders(window: MainWindow) -> list[ReminderService]:
    """The reminders, as the app starts them (none where the desktop can't show any)."""
    from trustdesk.ui.app import start_reminders

    return start_reminders(window, tray_mode=False)


def unlock_demo(window: MainWindow) -> None:
    """Unlock through the real unlock screen, as a person would."""
    screen = window.unlock_screen
    screen.passphrase.setText(DEMO_PASSPHRASE)
    screen.unlock_button.click()


def run_demo() -> int:
    """Open the demo and run until its window closes; the folder is gone after."""
    from trustdesk.ui.app import (
        REMINDERS_AFTER_MS,
        create_application,
        quit_after_first_paint_if_asked,
    )

    app = create_application()
    app.setApplicationDisplayName(DEMO_TITLE)
    with DemoJournal() as demo:
        assert demo.root is not None and demo.folder is not None
        qt_state.keep_no_qt_state()
        window = open_demo_window(demo.folder)
        quit_after_first_paint_if_asked(window)  # packaging smoke checks use the demo too
        started: list[ReminderService] = []
        try:
            window.show()
            unlock_demo(window)
            QTimer.singleShot(REMINDERS_AFTER_MS,
                              lambda: started.extend(demo_reminders(window)))
            # Ctrl+C and SIGTERM end the event loop normally, so the folder is removed.
            with SessionEnd(app, window.shut_down, lock=window.session.lock_without_asking):
                code = app.exec()
        finally:
            for service in started:
                service.close()
            if window.isVisible() or window.session.is_unlocked():
                window.close()          # saves and locks before the folder goes
            tasks.wait_for_all()
    return code

