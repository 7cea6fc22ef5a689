"""The session: one object that owns the journal's folder claim (the instance lock),
the open Store, auto-lock, and every move between welcome, locked, unlocking,
unlocked, busy, rescue, blocked and closed. Windows only show the current state.

    session.state            State, now
    session.state_changed    Signal(State), after every move
    session.unlocked/locked  Signal(), after the workspace shows / everything is cleared
    session.request_create(passphrase), request_unlock(passphrase), request_lock(),
    lock_without_asking(), request_restore(backup), request_erase(),
    back_to_unlock(), close()

While unlocked, whatever holds unsaved words (the window's workspace) is handed to
`hold()`; every move out of "unlocked" saves it first (asking if that fails), then
lets it forget what it showed, then closes the Store.

Threading: UI thread. Opening, restoring and the checks after unlocking run through
`tasks.run_task`, like Anki's operations: the worker gets only what it needs and
reports back here.
"""

from __future__ import annotations

import contextlib
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from trustdesk.domain import clock
from trustdesk.domain.settings import AppSettings
from trustdesk.storage import errors
from trustdesk.storage.store import DAMAGED_PAGES, JournalFolder
from trustdesk.ui import tasks
from trustdesk.ui.shell.autolock import AutoLock

if TYPE_CHECKING:  # the unlocked side is imported once a journal opens
    from trustdesk.storage.backups.folder import BackupContents, BackupInfo
    from trustdesk.storage.instance_lock import InstanceLock
    from trustdesk.storage.store import Rescue, Store
    from trustdesk.ui.shell.desktop_signals import DesktopSignals


class State(enum.Enum):
    WELCOME = "welcome"      # no journal yet: asks for a new passphrase
    LOCKED = "locked"        # a journal, closed: asks for the passphrase
    UNLOCKING = "unlocking"  # creating or opening, off the UI thread
    UNLOCKED = "unlocked"    # the Store is open
    BUSY = "busy"            # whole-journal work with the journal closed (restore)
    RESCUE = "rescue"        # the journal is damaged: offer the newest good backup
    BLOCKED = "blocked"      # it can't be opened here (open elsewhere, too new, ...)
    CLOSED = "closed"        # the end: the folder is released


@dataclass(frozen=True)
class Notice:
    """What the screen of the current state should say: a title (BLOCKED, BUSY) and a
    sentence (the error on the welcome or unlock screen, the rescue's reason)."""

    title: str = ""
    text: str = ""


class OpenWork(Protocol):
    """Whatever holds unsaved words while unlocked (the window's workspace)."""

    def save(self, action: str) -> bool:
        """Save pending words; if that fails, ask whether to `action` anyway. False
        keeps the journal open."""

    def save_quietly(self) -> None:
        """Save what can be saved, asking nothing (nobody may be there to answer)."""

    def forget(self) -> None:
        """Close dialogs, clear and drop everything that showed the journal."""


BUSY_RESTORING = Notice("Restoring your backup",
                        "TrustDesk is putting the copy in place and checking it. "
                        "This takes a moment.")
BUSY_ERASING = Notice("Erasing everything",
                      "TrustDesk is deleting your journal and its backups.")
BACKUP_FAILED = "today's backup couldn't be made"
PRUNE_EVERY_MS = 60 * 60 * 1000   # expired entry versions go hourly while unlocked


class Session(QObject):
    """The journal's session for one data folder. See the module docstring."""

    state_changed = Signal(object)       # State
    unlocked = Signal()
    locked = Signal()
    settings_changed = Signal(object)    # AppSettings: theme, text size, auto-lock
    status = Signal(str)                 # a word for the status line ("... couldn't ...")
    rescue_offer = Signal(object)        # tuple[BackupInfo, BackupContents] | None

    def __init__(self, folder: JournalFolder, parent: QObject | None = None, *,
                 now: clock.Clock = clock.now) -> None:
        super().__init__(parent)
        self.folder = folder
        self._now = now
        self.store: Store | None = None
        self.settings = AppSettings()
        self.notice = Notice()
        self.autolock = AutoLock(self)
        self.autolock.lock_requested.connect(self.request_lock)
        self.desktop: DesktopSignals | None = None  # listened to once unlocked
        self.daily_backup: tasks.Task | None = None
        self.page_check: tasks.Task | None = None
        self.prune_task: tasks.Task | None = None
        self._prune_timer = QTimer(self)
        self._prune_timer.setInterval(PRUNE_EVERY_MS)
        self._prune_timer.timeout.connect(self.prune_history)
        self._state = State.CLOSED
        self._instance: InstanceLock | None = None
        self._work: OpenWork | None = None
        self._rescue: Rescue | None = None
        self._pending: tasks.Task | None = None
        self._ending = False

    # -- state -----------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    def is_unlocked(self) -> bool:
        return self.store is not None

    def _move(self, state: State, notice: Notice = Notice()) -> None:
        self._state = state
        self.notice = notice
        if state is not State.RESCUE:
            self._rescue = None  # the passphrase it holds goes with it
        self.state_changed.emit(state)

    def start(self) -> State:
        """The first state: nothing is written to disk until a journal exists or is
        being created; an existing one is claimed for this process at once."""
        if not self.folder.has_journal():
            self._move(State.WELCOME)
            return self._state
        try:
            self._instance = self.folder.lock()
        except errors.VaultInUse as exc:
            self._move(State.BLOCKED, Notice(
                "Already open", exc.message + " Switch to that window to keep writing."))
            return self._state
        self._move(State.LOCKED)
        return self._state

    # -- creating and unlocking ------------------------------------------------
    def request_create(self, passphrase: str) -> None:
        """Create the journal (WELCOME -> UNLOCKING -> UNLOCKED, or WELCOME with the
        reason)."""
        folder = self.folder

        def work() -> tuple[Store, AppSettings]:
            if self._instance is None:
                self._instance = folder.lock()
            store = folder.create(passphrase)
            return store, store.settings.load_app_settings()

        def failed(error: BaseException) -> None:
            self._move(State.WELCOME, Notice(text=error.message if isinstance(
                error, errors.VaultError) else
                "TrustDesk couldn't create your journal here. Please check the folder."))

        self._move(State.UNLOCKING)
        self._pending = tasks.run_task(work, on_done=self._opened, on_failed=failed)

    def request_unlock(self, passphrase: str) -> None:
        """Open the journal (LOCKED -> UNLOCKING -> UNLOCKED; or LOCKED with the reason,
        RESCUE for a damaged journal, BLOCKED for one that can't be opened here)."""
        folder = self.folder

        def work() -> tuple[Store, AppSettings]:
            store = folder.unlock(passphrase, check_pages=False)  # checked after
            try:
                return store, store.settings.load_app_settings()
            except errors.VaultDamaged:
                store.close()
                raise errors.VaultDamaged(DAMAGED_PAGES) from None
            except BaseException:
                store.close()
                raise

        def failed(error: BaseException) -> None:
            if isinstance(error, errors.WrongPassphrase):
                self._move(State.LOCKED, Notice(text=error.message))
            elif isinstance(error, errors.VaultDamaged) and passphrase:
                self._offer_rescue(self.folder.rescue(passphrase), error.message)
            elif isinstance(error, errors.VaultError):
                self._move(State.BLOCKED, Notice("Your journal couldn't be opened",
                                                 error.message))
            else:
                self._move(State.LOCKED, Notice(
                    text="Something unexpected went wrong while unlocking. "
                         "Your journal was not changed."))

        self._move(State.UNLOCKING)
        self._pending = tasks.run_task(work, on_done=self._opened, on_failed=failed)

    def _opened(self, result: tuple[Store, AppSettings]) -> None:
        store, settings = result
        if self._state is State.CLOSED:  # the window closed meanwhile
            store.close()
            return
        self.store, self.settings = store, settings
        self.autolock.start(settings.auto_lock_minutes)
        self._listen_to_the_desktop()
        self._move(State.UNLOCKED)
        self.daily_backup = self._start_daily_backup(store)
        self.page_check = self._start_page_check(store)
        self._prune_timer.start()
        self.unlocked.emit()

    def _listen_to_the_desktop(self) -> None:
        """Screen lock and suspend matter only while a journal is open; connect to the
        desktop's buses on the first unlock, not while the window first paints."""
        if self.desktop is None:
            from trustdesk.ui.shell.desktop_signals import DesktopSignals

            self.desktop = DesktopSignals(self)
            self.desktop.locked.connect(self.autolock.on_desktop_locked)
            self.desktop.woke.connect(self.autolock.on_wake)

    def hold(self, work: OpenWork) -> None:
        """While unlocked: `work` is saved and forgotten before the Store closes."""
        self._work = work

    def apply_settings(self, settings: AppSettings) -> None:
        """Settings saved in the vault changed (auto-lock minutes, theme, text size)."""
        self.settings = settings
        self.autolock.set_minutes(settings.auto_lock_minutes)
        self.settings_changed.emit(settings)

    # -- after unlocking -------------------------------------------------------
    def _start_daily_backup(self, store: Store) -> tasks.Task:
        """Expired entry versions deleted and the search index brought up to date,
        then a backup if none was made today, off the UI thread (so the backup
        doesn't carry versions already due to go)."""
        folder, now = self.folder, self._now()

        def work() -> object:
            with contextlib.suppress(errors.VaultError):  # again within the hour
                store.journal.history.prune(now=now)
            with contextlib.suppress(errors.VaultError):  # again at the next search
                store.journal.index_pending()  # edits a crash left unindexed
            return folder.back_up_if_due(store)

        def failed(_error: BaseException) -> None:
            if self.store is store:
                self.status.emit(BACKUP_FAILED)

        return tasks.run_task(work, on_failed=failed)

    def prune_history(self) -> tasks.Task | None:
        """Delete expired entry versions off the UI thread (hourly while unlocked)."""
        store = self.store
        if store is None:
            return None
        now = self._now()
        self.prune_task = tasks.run_task(lambda: store.journal.history.prune(now=now),
                                         on_failed=lambda _error: None)
        return self.prune_task

    def _start_page_check(self, store: Store) -> tasks.Task:
        """Check every page off the UI thread (the journal is already usable). If a
        page is damaged, save what can be saved, close the journal and offer the
        newest good backup, as for damage found while unlocking."""
        folder = self.folder

        def checked(damaged: bool) -> None:
            if not damaged or self.store is not store:
                return
            rescue = folder.rescue_for(store)
            ended = self._end("close the journal")
            if ended is None:
                return
            ended.close()
            self._offer_rescue(rescue, DAMAGED_PAGES)

        return tasks.run_task(lambda: folder.find_damage(store), on_done=checked)

    # -- rescue ----------------------------------------------------------------
    def _offer_rescue(self, rescue: Rescue, message: str) -> None:
        """RESCUE: say what happened and look for the newest good backup."""
        self._move(State.RESCUE, Notice(text=message))
        self._rescue = rescue

        def found(result: tuple[BackupInfo, BackupContents] | None) -> None:
            if self._rescue is rescue:
                self.rescue_offer.emit(result)

        self._pending = tasks.run_task(rescue.newest_good_backup, on_done=found,
                                       on_failed=lambda _error: found(None))

    def back_to_unlock(self) -> None:
        """From the rescue: back to the unlock screen, the journal untouched."""
        self._move(State.LOCKED)

    # -- locking ---------------------------------------------------------------
    def request_lock(self) -> bool:
        """Save, close dialogs, clear every page, close the vault: LOCKED. Returns
        False (and stays open) only if pending words can't be saved and the person
        chooses to keep the journal open."""
        if self.store is None:
            return True
        store = self._end("lock")
        if store is None:
            if self.is_unlocked() and not self.autolock.active:
                self.autolock.start(self.settings.auto_lock_minutes)  # kept open: watch again
            return False
        store.close()
        self._move(State.LOCKED)
        self.locked.emit()
        return True

    def lock_without_asking(self) -> None:
        """Save what can be saved and lock, asking nothing: the system is ending the
        session (SIGTERM, logout) and nobody may be there to answer. A question that
        is open now (from a lock that couldn't save) is closed unanswered."""
        if self.store is None:
            return
        if self._work is not None:
            self._work.save_quietly()
        self._ending = False  # the open question's caller finds the journal closed
        store = self._end("quit", save=False)
        if store is not None:
            store.close()
            self._move(State.LOCKED)
            self.locked.emit()

    def _end(self, action: str, *, save: bool = True) -> Store | None:
        """Save pending words (asking if that fails), then let the open work forget
        what it showed. Returns the Store, still open, for the caller to close; None
        if the person chose to keep working (or another ending is already asking)."""
        if self._ending or self.store is None:
            return None
        self._ending = True
        try:
            if save and self._work is not None and not self._work.save(action):
                return None
        finally:
            self._ending = False
        if self.store is None:  # ended meanwhile, from inside the question
            return None
        self.autolock.stop()
        self._prune_timer.stop()
        work, self._work = self._work, None
        if work is not None:
            work.forget()
        store, self.store = self.store, None
        return store

    # -- whole-journal actions -------------------------------------------------
    def request_restore(self, backup: Path) -> tasks.Task | None:
        """Put `backup` in place of the journal and reopen it (BUSY -> UNLOCKED, or
        LOCKED with the reason). From UNLOCKED the journal is saved and closed first
        and kept aside as `before-restore`; from RESCUE the damaged file is kept
        aside as `damaged`."""
        rescue = self._rescue if self._state is State.RESCUE else None
        replacing = None
        if rescue is None:
            if self.store is None:
                return None
            replacing = self._end("restore")
            if replacing is None:
                return None
        folder = self.folder
        self._move(State.BUSY, BUSY_RESTORING)

        def work() -> tuple[Store, AppSettings]:
            if rescue is not None:
                opened = rescue.restore(backup)
            else:
                assert replacing is not None
                opened = folder.restore(backup, replacing=replacing)
            try:
                return opened, opened.settings.load_app_settings()
            except BaseException:
                opened.close()
                raise

        def failed(error: BaseException) -> None:
            message = error.message if isinstance(error, errors.VaultError) else (
                "Something unexpected stopped the restore.")
            self._move(State.LOCKED, Notice(
                text=message + " Your journal was not replaced; unlock it to carry on."))

        self._pending = tasks.run_task(work, on_done=self._opened, on_failed=failed)
        return self._pending

    def request_erase(self) -> tasks.Task | None:
        """Close the journal without saving, then delete it, its side files and its
        backups off the UI thread (BUSY -> WELCOME). The person confirmed twice
        before this. The task's result is the list of files removed."""
        if self.store is None:
            return None
        store = self._end("erase", save=False)
        if store is None:
            return None
        folder = self.folder
        self._move(State.BUSY, BUSY_ERASING)

        def failed(error: BaseException) -> None:
            reason = error.message if isinstance(error, errors.VaultError) else str(error)
            if folder.has_journal():
                self._move(State.LOCKED, Notice(text=(
                    f"TrustDesk couldn't erase everything ({reason}). Your journal is "
                    "still here; unlock it to try again.")))
            else:
                self._move(State.WELCOME)

        self._pending = tasks.run_task(lambda: folder.erase(store),
                                       on_done=lambda _removed: self._move(State.WELCOME),
                                       on_failed=failed)
        return self._pending

    # -- ending ----------------------------------------------------------------
    def close(self) -> bool:
        """The window is closing: save (asking if that fails), close the journal and
        release the folder: CLOSED. False if the person chose to keep it open."""
        if self.store is not None:
            if self._work is not None and not self._work.save("quit"):
                return False
            self.autolock.stop()
            work, self._work = self._work, None
            if work is not None:
                work.forget()
            store, self.store = self.store, None
            store.close()
        if self._instance is not None:
            self._instance.release()
            self._instance = None
        self._move(State.CLOSED)
        return True

    def holds_folder(self) -> bool:
        """True while this process claims the data folder."""
        return self._instance is not None
