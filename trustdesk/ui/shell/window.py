"""The main window: which screen shows (welcome, unlock, notice or the workspace),
unlocking off the UI thread, and locking. Nothing else lives here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from trustdesk.domain.settings import AppSettings
from trustdesk.storage import errors
from trustdesk.storage.instance_lock import InstanceLock
from trustdesk.storage.store import DAMAGED_PAGES, JournalFolder
from trustdesk.ui import tasks, theme, window_state
from trustdesk.ui.shell.autolock import AutoLock
from trustdesk.ui.shell.gate import NoticeScreen, UnlockScreen, WelcomeScreen
from trustdesk.ui.shell.pages import PAGES, PageSpec
from trustdesk.ui.window_fit import MIN_SIZE, place_window

if TYPE_CHECKING:  # the unlocked side is imported once a journal opens
    from trustdesk.storage.store import Store
    from trustdesk.ui.shell.desktop_signals import DesktopSignals
    from trustdesk.ui.shell.workspace import Workspace

WINDOW_SHORTCUTS_AFTER_MS = 150


class MainWindow(QMainWindow):
    """Owns the instance lock and, while unlocked, the Store. Signals `unlocked`
    once the workspace shows and `locked` once everything is cleared."""

    unlocked = Signal()
    locked = Signal()

    def __init__(self, folder: JournalFolder, *,
                 specs: Sequence[PageSpec] = PAGES) -> None:
        super().__init__()
        self.folder = folder
        self.specs = tuple(specs)
        self.store: Store | None = None
        self.workspace: Workspace | None = None
        self.settings = AppSettings()
        self._instance: InstanceLock | None = None

        self.setWindowTitle("TrustDesk")
        self.setMinimumSize(*MIN_SIZE)
        self._open_maximized = False  # on a small screen, the first show maximizes
        self._restore_geometry()
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self._welcome: WelcomeScreen | None = None  # built only on a first run
        self.unlock_screen = UnlockScreen()
        self.screens.addWidget(self.unlock_screen)
        self.unlock_screen.unlock_requested.connect(self._unlock)

        self.lock_action: QAction | None = None  # Ctrl+L, made on the first unlock
        # Ctrl+Q, F1 and Ctrl+/: made just after the first paint (setting a shortcut
        # makes PySide build the Qt namespace's enums, ~30 ms), or on unlocking.
        self.quit_action: QAction | None = None
        self.shortcuts_action: QAction | None = None
        QTimer.singleShot(WINDOW_SHORTCUTS_AFTER_MS, self, self._add_window_shortcuts)

        self._ending = False
        self.autolock = AutoLock(self)
        self.autolock.lock_requested.connect(self.lock)
        self.desktop: DesktopSignals | None = None  # listened to once unlocked

        self._choose_first_screen()

    # -- screens ---------------------------------------------------------------
    @property
    def welcome(self) -> WelcomeScreen:
        """The first-run screen, built the first time it is needed."""
        if self._welcome is None:
            self._welcome = WelcomeScreen()
            self._welcome.create_requested.connect(self._create)
            self.screens.addWidget(self._welcome)
        return self._welcome

    def _choose_first_screen(self) -> None:
        """Nothing is written to disk until a journal exists or is being created."""
        if not self.folder.has_journal():
            self.screens.setCurrentWidget(self.welcome)
            self.welcome.first.setFocus()
            return
        try:
            self._instance = self.folder.lock()
        except errors.VaultInUse as exc:
            self.show_notice("Already open", exc.message +
                             " Switch to that window to keep writing.")
            return
        self.show_unlock()

    def show_unlock(self) -> None:
        self.unlock_screen.reset()
        self.screens.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.passphrase.setFocus()

    def show_welcome(self) -> None:
        self.welcome.clear()
        self.screens.setCurrentWidget(self.welcome)
        self.welcome.first.setFocus()

    def show_busy(self, title: str, text: str) -> NoticeScreen:
        """A quiet screen with a working indicator, while the journal is closed."""
        notice = NoticeScreen(title, text)
        notice.button.hide()
        notice._busy_and_error()
        notice.busy.show()
        self.screens.addWidget(notice)
        self.screens.setCurrentWidget(notice)
        return notice

    def show_notice(self, title: str, text: str) -> NoticeScreen:
        notice = NoticeScreen(title, text)
        notice.button.clicked.connect(self.close)
        self.screens.addWidget(notice)
        self.screens.setCurrentWidget(notice)
        notice.button.setFocus()
        return notice

    def current_screen(self):
        return self.screens.currentWidget()

    # -- creating and unlocking ------------------------------------------------
    def _create(self, passphrase: str) -> None:
        def work() -> tuple[Store, AppSettings]:
            if self._instance is None:
                self._instance = self.folder.lock()
            store = self.folder.create(passphrase)
            return store, store.settings.load_app_settings()

        task = tasks.run_task(work, on_done=self._opened, on_failed=self._create_failed)
        self._pending = task

    def _create_failed(self, error: BaseException) -> None:
        self.welcome.set_busy(False)
        message = error.message if isinstance(error, errors.VaultError) else (
            "TrustDesk couldn't create your journal here. Please check the folder.")
        self.welcome.show_error(message)

    def _unlock(self, passphrase: str) -> None:
        def work() -> tuple[Store, AppSettings]:
            store = self.folder.unlock(passphrase, check_pages=False)  # checked after
            try:
                return store, store.settings.load_app_settings()
            except errors.VaultDamaged:
                store.close()
                raise errors.VaultDamaged(DAMAGED_PAGES) from None
            except BaseException:
                store.close()
                raise

        self._pending = tasks.run_task(
            work, on_done=self._opened,
            on_failed=lambda error: self._unlock_failed(error, passphrase))

    def _unlock_failed(self, error: BaseException, passphrase: str = "") -> None:
        if isinstance(error, errors.WrongPassphrase):
            self.unlock_screen.refuse(error.message)
        elif isinstance(error, errors.VaultDamaged) and passphrase:
            from trustdesk.ui.shell.rescue import offer_rescue

            self.unlock_screen.reset()
            offer_rescue(self, error, passphrase)
        elif isinstance(error, errors.VaultError):
            self.unlock_screen.set_busy(False)
            self.show_notice("Your journal couldn't be opened", error.message)
        else:
            self.unlock_screen.refuse("Something unexpected went wrong while unlocking. "
                                      "Your journal was not changed.")

    def _opened(self, result: tuple[Store, AppSettings]) -> None:
        from trustdesk.ui.shell import maintenance, open_notices
        from trustdesk.ui.shell.workspace import Workspace

        self.store, self.settings = result
        if self._welcome is not None:
            self._welcome.clear()
            self._welcome.set_busy(False)
        self.unlock_screen.reset()
        self.apply_settings(self.settings)
        self.workspace = Workspace(self.store, self.specs)
        self.workspace.lock_requested.connect(self.lock)
        self.workspace.settings_changed.connect(self.apply_settings)
        self.workspace.restore_requested.connect(lambda path: maintenance.restore(self, path))
        self.workspace.erase_requested.connect(lambda: maintenance.erase(self))
        self.screens.addWidget(self.workspace)
        # The landing page first: shown without a current row, the sidebar would
        # take focus, select its first row and build that page for nothing.
        self.workspace.show_landing()
        self.screens.setCurrentWidget(self.workspace)
        self.autolock.start(self.settings.auto_lock_minutes)
        self._listen_to_the_desktop()
        self._add_lock_shortcut()
        self._add_window_shortcuts()
        self._daily_backup = maintenance.start_daily_backup(self)
        self._page_check = maintenance.start_page_check(self)
        open_notices.tell_after_unlock(self, self.store)
        self.unlocked.emit()

    begin_session = _opened  # for maintenance: show the workspace of a reopened journal

    def _add_lock_shortcut(self) -> None:
        """Ctrl+L locks from anywhere in the app, dialogs included."""
        if self.lock_action is None:
            from PySide6.QtCore import Qt  # the first use of Qt's namespace: ~30 ms

            self.lock_action = QAction("Lock", self)
            self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
            self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.lock_action.triggered.connect(self.lock)
            self.addAction(self.lock_action)

    def _add_window_shortcuts(self) -> None:
        """Ctrl+Q quits (closing saves first, or asks); F1 and Ctrl+/ list every
        shortcut. Both work locked or unlocked. Once."""
        if self.quit_action is not None:
            return
        self.quit_action = QAction("Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.shortcuts_action = QAction("Keyboard shortcuts", self)
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        for action in (self.quit_action, self.shortcuts_action):
            self.addAction(action)

    def _show_shortcuts(self) -> None:
        from trustdesk.ui.shortcuts import show_shortcuts  # only when asked for

        show_shortcuts(self)

    def _listen_to_the_desktop(self) -> None:
        """Screen lock and suspend matter only while a journal is open; connect to the
        desktop's buses on the first unlock, not while the window first paints."""
        if self.desktop is None:
            from trustdesk.ui.shell.desktop_signals import DesktopSignals

            self.desktop = DesktopSignals(self)
            self.desktop.locked.connect(self.autolock.on_desktop_locked)
            self.desktop.woke.connect(self.autolock.on_wake)

    def apply_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        self.autolock.set_minutes(settings.auto_lock_minutes)
        app = QApplication.instance()
        if app is not None:
            theme.apply(app, theme=settings.theme, text_scale=settings.text_scale)

    # -- locking ---------------------------------------------------------------
    def is_unlocked(self) -> bool:
        return self.store is not None

    def lock(self) -> bool:
        """Save, close dialogs, clear every page, close the vault, show the unlock
        screen. Returns False (and stays open) only if pending words can't be saved
        and the person chooses to keep the journal open."""
        if self.store is None or self.workspace is None:
            return True
        store = self.end_session("lock")
        if store is None:
            if self.is_unlocked() and not self.autolock.active:
                self.autolock.start(self.settings.auto_lock_minutes)  # kept open: watch again
            return False
        store.close()
        self.show_unlock()
        self.locked.emit()
        return True

    def lock_without_asking(self) -> None:
        """Save what can be saved and lock, asking nothing: the system is ending the
        session (SIGTERM, logout) and nobody may be there to answer. A question that
        is open now (from a lock that couldn't save) is closed unanswered."""
        if self.store is None or self.workspace is None:
            return
        self.workspace.flush_all(keep_going=True)
        self._ending = False  # the open question's caller finds the workspace gone
        store = self.end_session("quit", save=False)
        if store is not None:
            store.close()
            self.show_unlock()
            self.locked.emit()

    def shut_down(self) -> None:
        """Lock without asking, remember the window's place and release the folder:
        the end for signals and the desktop session's end (see ui/shell/shutdown.py)."""
        self.lock_without_asking()
        if self.isVisible() or self._instance is not None:
            self.close()

    def end_session(self, action: str, *, save: bool = True) -> Store | None:
        """Save pending words (asking if that fails), close dialogs, clear and drop the
        workspace, take back what we put on the clipboard. Returns the Store, still
        open, for the caller to close; None if the person chose to keep working (or
        another ending is already asking)."""
        if self._ending or self.store is None or self.workspace is None:
            return None
        self._ending = True
        try:
            if save and not self._flush_or_ask(action):
                return None
        finally:
            self._ending = False
        if self.workspace is None:  # ended meanwhile, from inside the question
            return None
        self.autolock.stop()
        from trustdesk.ui import dialogs  # not needed before the first paint

        dialogs.close_all()
        _clear_our_clipboard()
        workspace, self.workspace = self.workspace, None
        workspace.clear_sensitive()
        self.screens.removeWidget(workspace)
        workspace.deleteLater()
        store, self.store = self.store, None
        return store

    def _flush_or_ask(self, action: str) -> bool:
        assert self.workspace is not None
        try:
            self.workspace.flush_all()
            return True
        except errors.VaultError as exc:
            from trustdesk.ui import dialogs

            answer = dialogs.ask(
                self, title="Not saved yet", text=exc.message,
                details=f"If you {action} now, the words that weren't saved will be lost.",
                choices=("Keep it open", f"{action.capitalize()} anyway"), default=0,
                cancel=0, destructive=1)
            return answer == f"{action.capitalize()} anyway"

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is not None and self.workspace is not None:
            if not self._flush_or_ask("quit"):
                event.ignore()
                return
            self.autolock.stop()
            _clear_our_clipboard()
            self.workspace.clear_sensitive()
            self.store.close()
            self.store = None
        window_state.save(self.folder.root, self.saveGeometry())
        if self._instance is not None:
            self._instance.release()
            self._instance = None
        super().closeEvent(event)


def _clear_our_clipboard() -> None:
    from trustdesk.ui import clipboard

    clipboard.clear_ours()
