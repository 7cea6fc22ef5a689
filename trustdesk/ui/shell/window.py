"""The main window: it shows the screen for the session's state (welcome, unlock,
a notice, busy, rescue, or the workspace) and nothing else. Opening, locking and
the whole-journal actions belong to the session (ui/shell/session.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from trustdesk.domain.settings import AppSettings
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import theme, window_state
from trustdesk.ui.shell.gate import NoticeScreen, UnlockScreen, WelcomeScreen
from trustdesk.ui.shell.session import Session, State
from trustdesk.ui.window_fit import MIN_SIZE, place_window

if TYPE_CHECKING:  # the unlocked side is imported once a journal opens
    from PySide6.QtGui import QAction, QCloseEvent

    from trustdesk.storage.backups.folder import BackupContents, BackupInfo
    from trustdesk.ui.shell.pages import PageSpec
    from trustdesk.ui.shell.workspace import Workspace

WINDOW_SHORTCUTS_AFTER_MS = 150


class MainWindow(QMainWindow):
    """The screens of one session. `session` (made here unless given) owns the
    journal; the window follows `session.state_changed`.

    Started in the tray (`keep_in_tray`), closing the window locks the journal and
    hides the window: TrustDesk goes on running in the tray, reminders with it.
    `quit()` (Ctrl+Q, the tray menu's Quit, a notice's Quit) ends it for real;
    `closed` is emitted once the window has really closed."""

    closed = Signal()

    def __init__(self, folder: JournalFolder, *, specs: Sequence[PageSpec] | None = None,
                 session: Session | None = None) -> None:
        super().__init__()
        self.folder = folder
        # The pages' registry (pages.PAGES when not given) is read when the workspace
        # is first built: the unlock screen paints without it.
        self._specs = None if specs is None else tuple(specs)
        self.session = session if session is not None else Session(folder, self)
        self.workspace: Workspace | None = None
        self._prepared: Workspace | None = None  # built while the key is derived
        self._in_tray = False     # closing hides to the tray (see keep_in_tray)
        self._quitting = False

        self.setWindowTitle("TrustDesk")
        self.setMinimumSize(*MIN_SIZE)
        self._open_maximized = False  # on a small screen, the first show maximizes
        self._restore_geometry()
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self._welcome: WelcomeScreen | None = None  # built only on a first run
        self._passing: QWidget | None = None  # a notice, busy or rescue screen
        self.unlock_screen = UnlockScreen()
        self.screens.addWidget(self.unlock_screen)
        self.unlock_screen.unlock_requested.connect(self.session.request_unlock)

        self.lock_action: QAction | None = None  # Ctrl+L, made on the first unlock
        # Ctrl+Q, F1 and Ctrl+/: made just after the first paint (setting a shortcut
        # makes PySide build the Qt namespace's enums, ~30 ms), or on unlocking.
        self.quit_action: QAction | None = None
        self.shortcuts_action: QAction | None = None
        self.safety_action: QAction | None = None
        QTimer.singleShot(WINDOW_SHORTCUTS_AFTER_MS, self, self._add_window_shortcuts)

        self.session.state_changed.connect(self._show_state)
        self.session.settings_changed.connect(self._apply_theme)
        self.session.status.connect(self._set_status)
        self.session.rescue_offer.connect(self._offer_backup)
        self.session.start()

    @property
    def specs(self) -> tuple[PageSpec, ...]:
        if self._specs is None:
            from trustdesk.ui.shell.pages import PAGES

            self._specs = tuple(PAGES)
        return self._specs

    @specs.setter
    def specs(self, specs: Sequence[PageSpec]) -> None:
        self._specs = tuple(specs)

    # -- screens ---------------------------------------------------------------
    @property
    def welcome(self) -> WelcomeScreen:
        """The first-run screen, built the first time it is needed."""
        if self._welcome is None:
            self._welcome = WelcomeScreen()
            self._welcome.create_requested.connect(self.session.request_create)
            self.screens.addWidget(self._welcome)
        return self._welcome

    def current_screen(self) -> QWidget:
        return self.screens.currentWidget()

    def _show_state(self, state: State) -> None:
        """Show the screen for `state`; whatever showed the previous one goes."""
        if state not in (State.UNLOCKED, State.CLOSED):  # closing: it goes with the window
            self._drop_workspace()
        if state not in (State.UNLOCKING, State.UNLOCKED):
            self._drop_prepared()       # the unlock didn't happen: nothing kept behind
        if state is State.UNLOCKING:
            # The welcome or unlock screen shows its own busy indicator; meanwhile,
            # with the key derived off the UI thread, the workspace's frame is built.
            self._prepare_workspace()
            return
        notice = self.session.notice
        if state is State.UNLOCKED:
            self._show_workspace()
        elif state is State.LOCKED:
            self._show_unlock(notice.text)
        elif state is State.WELCOME:
            self._show_welcome(notice.text)
        elif state is State.BUSY:
            self._show_busy(notice.title, notice.text)
        elif state is State.RESCUE:
            self._show_rescue(notice.text)
        elif state is State.BLOCKED:
            self.unlock_screen.set_busy(False)
            self._show_notice(notice.title, notice.text)

    def _pass_to(self, screen: QWidget | None) -> None:
        """Make `screen` (a notice, busy or rescue screen) the passing one, current;
        the one before is removed. None just removes it."""
        previous, self._passing = self._passing, screen
        if screen is not None:
            self.screens.addWidget(screen)
            self.screens.setCurrentWidget(screen)
        if previous is not None and shiboken6.isValid(previous):
            self.screens.removeWidget(previous)
            previous.deleteLater()

    def _show_unlock(self, error: str = "") -> None:
        self.unlock_screen.reset()
        self.screens.setCurrentWidget(self.unlock_screen)
        self._pass_to(None)
        if error:
            self.unlock_screen.show_error(error)
        self.unlock_screen.passphrase.setFocus()

    def _show_welcome(self, error: str = "") -> None:
        welcome = self.welcome
        if error:  # creating failed: the passphrases stay for another try
            welcome.set_busy(False)
            welcome.show_error(error)
        else:
            welcome.clear()
        self.screens.setCurrentWidget(welcome)
        self._pass_to(None)
        welcome.first.setFocus()

    def _show_busy(self, title: str, text: str) -> NoticeScreen:
        """A quiet screen with a working indicator, while the journal is closed."""
        notice = NoticeScreen(title, text)
        notice.button.hide()
        notice._busy_and_error()
        notice.busy.show()
        self._pass_to(notice)
        return notice

    def _show_notice(self, title: str, text: str) -> NoticeScreen:
        notice = NoticeScreen(title, text)
        notice.button.clicked.connect(self.quit)
        self._pass_to(notice)
        notice.button.setFocus()
        return notice

    def _show_rescue(self, message: str) -> None:
        from trustdesk.ui.shell.rescue import RescueScreen

        self.unlock_screen.reset()
        screen = RescueScreen(message)
        screen.restore_requested.connect(self.session.request_restore)
        screen.quit_requested.connect(self.quit)
        screen.back_requested.connect(self.session.back_to_unlock)
        self._pass_to(screen)

    def _offer_backup(self, found: tuple[BackupInfo, BackupContents] | None) -> None:
        from trustdesk.ui.shell.rescue import RescueScreen

        if isinstance(self._passing, RescueScreen):
            self._passing.offer(found)

    # -- the open journal ------------------------------------------------------
    def _prepare_workspace(self) -> None:
        """The workspace's frame (sidebar, stack), built and polished while the key is
        derived (about a second off the UI thread), so that unlocking has only the
        landing page left to build. It holds nothing from the journal."""
        from trustdesk.ui.shell.workspace import Workspace

        if self._prepared is None:
            self._prepared = Workspace(None, self.specs)
            self.screens.addWidget(self._prepared)
            self._prepared.ensurePolished()

    def _show_workspace(self) -> None:
        from trustdesk.ui.shell import open_notices
        from trustdesk.ui.shell.workspace import Workspace

        store = self.session.store
        assert store is not None
        if self._welcome is not None:
            self._welcome.clear()
            self._welcome.set_busy(False)
        self.unlock_screen.reset()
        self._apply_theme(self.session.settings)
        workspace, self._prepared = self._prepared, None
        if workspace is None:
            workspace = Workspace(None, self.specs)
            self.screens.addWidget(workspace)
        workspace.open(store)
        self.workspace = workspace
        self.workspace.lock_requested.connect(self.session.request_lock)
        self.workspace.settings_changed.connect(self.session.apply_settings)
        self.workspace.restore_requested.connect(self.session.request_restore)
        self.workspace.erase_requested.connect(self.session.request_erase)
        # The landing page first: shown without a current row, the sidebar would
        # take focus, select its first row and build that page for nothing.
        self.workspace.show_landing()
        self.screens.setCurrentWidget(self.workspace)
        self._pass_to(None)
        self.session.hold(self.workspace)
        self._add_lock_shortcut()
        self._add_window_shortcuts()
        open_notices.tell_after_unlock(self, self.session, store)

    def _drop_prepared(self) -> None:
        prepared, self._prepared = self._prepared, None
        if prepared is not None:
            self.screens.removeWidget(prepared)
            prepared.deleteLater()

    def _drop_workspace(self) -> None:
        """After the session let the workspace forget: take it off screen."""
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            self.screens.removeWidget(workspace)
            workspace.deleteLater()

    def _set_status(self, word: str) -> None:
        if self.workspace is not None:
            self.workspace.set_status(word)

    def _apply_theme(self, settings: AppSettings) -> None:
        app = QApplication.instance()
        if app is not None:
            theme.apply(app, theme=settings.theme, text_scale=settings.text_scale)

    def _add_lock_shortcut(self) -> None:
        """Ctrl+L locks from anywhere in the app, dialogs included."""
        if self.lock_action is None:
            from PySide6.QtCore import Qt  # the first use of Qt's namespace: ~30 ms
            from PySide6.QtGui import QAction, QKeySequence

            self.lock_action = QAction("Lock", self)
            self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
            self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.lock_action.triggered.connect(self.session.request_lock)
            self.addAction(self.lock_action)

    def _add_window_shortcuts(self) -> None:
        """Ctrl+Q quits (closing saves first, or asks); F1 and Ctrl+/ list every
        shortcut; Ctrl+Shift+S opens the safety note (with the person's own card
        when unlocked). All work locked or unlocked. Once."""
        if self.quit_action is not None:
            return
        # Imported here, after the first paint: PySide builds these two classes when
        # they are first used (~1.5 ms).
        from PySide6.QtGui import QAction, QKeySequence

        self.quit_action = QAction("Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit)
        self.shortcuts_action = QAction("Keyboard shortcuts", self)
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.safety_action = QAction("If you are not safe", self)
        self.safety_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        from PySide6.QtCore import Qt  # after the first paint: its ~30 ms don't show

        # From any window of the app (the note itself, a dialog), like Ctrl+L.
        self.safety_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.safety_action.triggered.connect(self.show_safety_note)
        for action in (self.quit_action, self.shortcuts_action, self.safety_action):
            self.addAction(action)

    def show_safety_note(self) -> None:
        """The safety note beside the window; once unlocked, with the card."""
        from trustdesk.ui.safety.note import show_safety_note

        store = self.session.store
        show_safety_note(self, store.settings if store is not None else None)

    def _show_shortcuts(self) -> None:
        from trustdesk.ui.shortcuts import show_shortcuts  # only when asked for

        show_shortcuts(self)

    # -- ending ----------------------------------------------------------------
    def shut_down(self) -> None:
        """Lock without asking, remember the window's place and release the folder:
        the end for signals and the desktop session's end (see ui/shell/shutdown.py)."""
        self.session.lock_without_asking()
        if self.isVisible() or self.session.holds_folder():
            self.quit()

    # -- window ----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """Sized from the screen, or put back where it was if that screen still
        exists (see ui/window_fit.py). The place is kept outside the vault
        (ui/window_state.py)."""
        placement = place_window(self, window_state.load(self.folder.root))
        self._open_maximized = placement.maximized

    def setVisible(self, visible: bool) -> None:
        """The first show on a small screen shows maximized."""
        if visible and self._open_maximized:
            self._open_maximized = False
            self.showMaximized()  # sets the state, then comes back here to show
            return
        super().setVisible(visible)

    def keep_in_tray(self, on: bool = True) -> None:
        """Closing the window now locks and hides it instead of quitting (TrustDesk
        was started in the tray, whose icon opens it again)."""
        self._in_tray = on

    def is_kept_in_tray(self) -> bool:
        return self._in_tray

    def quit(self) -> bool:
        """Close for good, in the tray or not: save (asking if that fails), close
        the journal, release the folder. False if the person kept it open."""
        self._quitting = True
        try:
            return self.close()
        finally:
            self._quitting = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._in_tray and not self._quitting:
            event.ignore()     # to the tray: locked, hidden, reminders still running
            if self.session.request_lock():
                window_state.save(self.folder.root, self.saveGeometry())
                self.hide()
            return
        if not self.session.close():
            event.ignore()
            return
        window_state.save(self.folder.root, self.saveGeometry())
        super().closeEvent(event)
        self.closed.emit()
