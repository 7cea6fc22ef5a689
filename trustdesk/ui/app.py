"""Starting the desktop app. Kept lean: only what the first screen needs is imported
before the window is painted; pages load after unlock."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast, override

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from trustdesk import APP_NAME, __version__
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import clipboard, icons, qt_state, session_bus, tasks, theme
from trustdesk.ui.shell.shutdown import SessionEnd
from trustdesk.ui.shell.window import MainWindow

if TYPE_CHECKING:
    from trustdesk.ui.reminders.service import ReminderService

# For packaging checks (packaging/smoke.sh): when set to a number of milliseconds, the
# app reports its first paint on stderr and quits that long after it.
SMOKE_EXIT_ENV = "TRUSTDESK_SMOKE_EXIT_AFTER_MS"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, once per process, themed and named."""
    app = cast("QApplication | None", QApplication.instance())   # the only kind made
    if app is None:
        share_malloc_arenas()                  # before Qt starts any thread
        session_bus.keep_to_an_existing_bus()  # before Qt could autolaunch a dbus-daemon
        app = QApplication([*(argv if argv is not None else sys.argv), *theme.STYLE_ARGS])
        theme.mark_fusion_set()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.trustdesk.TrustDesk")
    app.setWindowIcon(icons.app_icon())
    theme.apply(app, theme="system", text_scale=100)
    clipboard.watch(app)
    return app


M_ARENA_MAX = -8  # glibc's mallopt parameter: how many malloc arenas at most
MALLOC_ARENAS = 2


def share_malloc_arenas() -> bool:
    """Let the app's threads share two of glibc's malloc arenas instead of each new
    thread getting one of its own (up to 8 per core). Memory a background task frees
    is then reused by the next task or the UI thread rather than stranded in a
    thread's arena: with ten years open and every page visited, peak memory was
    132 MB or 137 MB depending on how two workers' arenas happened to fill, and is
    127 MB with two arenas (bench/README.md). Best effort: False where there is no
    glibc (other systems, musl), which then keep their own allocator's ways."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        mallopt.restype = ctypes.c_int
        return bool(mallopt(M_ARENA_MAX, MALLOC_ARENAS))
    except (OSError, AttributeError):
        return False


def run_gui(*, data_dir: Path, tray: bool = False) -> int:
    """Open the app on `data_dir` and run until the window closes. `tray`: start
    locked with only a tray icon showing (the login autostart), or minimized where
    the desktop has no tray."""
    app = create_application()
    qt_state.keep_no_qt_state(data_dir)
    window = MainWindow(JournalFolder(data_dir))
    quit_after_first_paint_if_asked(window)
    started: list[ReminderService] = []
    if tray:
        started.extend(start_reminders(window, tray_mode=True))
        if not started or started[0].tray is None:
            window.showMinimized()
        else:
            # Closing the window hides it to the tray; only a real close (Quit) ends.
            app.setQuitOnLastWindowClosed(False)
            window.closed.connect(app.quit)
    else:
        window.show()
        # After the first paint: reminders talk to the session bus.
        QTimer.singleShot(REMINDERS_AFTER_MS,
                          lambda: started.extend(start_reminders(window, tray_mode=False)))
    QTimer.singleShot(WARM_UP_AFTER_MS, warm_up)
    with SessionEnd(app, window.shut_down, lock=window.session.lock_without_asking):
        code = app.exec()
    for service in started:
        service.close()
    tasks.wait_for_all()
    return code


REMINDERS_AFTER_MS = 400


def start_reminders(window: MainWindow, *, tray_mode: bool) -> list[ReminderService]:
    """The reminder service (a list of one), or none where reminders can't run
    (systems without a freedesktop session)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return []
    from trustdesk.ui.reminders.service import ReminderService

    return [ReminderService(window, tray_mode=tray_mode)]


WARM_UP_AFTER_MS = 150
# What unlocking will need, in the order it needs it. Imported while the person types
# their passphrase, so neither the first paint nor the unlock waits for it.
_WARM_UP_MODULES = (
    "PySide6.QtCore:Qt",                 # PySide builds the Qt namespace's enums: ~30 ms
    "trustdesk.storage.vault",           # sqlcipher3
    "trustdesk.storage.journal_repo",
    "trustdesk.storage.worksheet_repo",
    "trustdesk.ui.shell.workspace",
    "trustdesk.storage.backups.folder",
    "trustdesk.ui.today",                # the landing page
    "trustdesk.ui.input_guard:prepare()",  # PySide's enums, built once: 50-100 ms
    "trustdesk.ui.journal",
    # Left out of the first paint, loaded before they are needed after unlocking:
    "uuid",                              # the first new record's id
    "tomllib",                           # worksheet texts, the PDF report's colours
    "PySide6.QtGui:QAccessible",         # PySide builds its enums: ~2.5 ms
)


def warm_up(modules: tuple[str, ...] = _WARM_UP_MODULES) -> None:
    """Import the next module of `modules` (and read its `:attribute`, or call its
    `:function()`) and schedule the rest, one per event-loop turn, so typing stays
    smooth (UI thread)."""
    if not modules:
        return
    name, _, attribute = modules[0].partition(":")
    module = importlib.import_module(name)
    if attribute.endswith("()"):
        getattr(module, attribute[:-2])()
    elif attribute:
        getattr(module, attribute)
    QTimer.singleShot(0, lambda: warm_up(modules[1:]))


def quit_after_first_paint_if_asked(window: QObject) -> None:
    """With TRUSTDESK_SMOKE_EXIT_AFTER_MS set (packaging checks, the benchmark),
    report the window's first paint on stderr and quit that long after it."""
    delay = _smoke_exit_delay()
    app = cast("QApplication | None", QApplication.instance())
    if delay is not None and app is not None:
        window.installEventFilter(_QuitAfterFirstPaint(app, delay))


def _smoke_exit_delay() -> int | None:
    value = os.environ.get(SMOKE_EXIT_ENV, "").strip()
    return int(value) if value.isdigit() else None


class _QuitAfterFirstPaint(QObject):
    """Event filter for the main window (UI thread): on its first paint event, prints
    "trustdesk: first paint at <unix time> (cpu <process CPU time> ms)" to stderr and
    quits `delay_ms` later.

    It watches the window only: a Python filter on the whole application sees every
    event of every widget, which makes PySide build the Python enums of the whole Qt
    namespace (~50 ms) before the first paint, and would measure itself."""

    def __init__(self, app: QApplication, delay_ms: int) -> None:
        super().__init__(app)
        self._app = app
        self._delay_ms = delay_ms

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"trustdesk: first paint at {time.time():.3f} "
                  f"(cpu {time.process_time() * 1000:.1f} ms)", file=sys.stderr, flush=True)
            QTimer.singleShot(self._delay_ms, self._app.quit)
        return False
