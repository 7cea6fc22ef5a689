"""Whole-journal actions that need the journal closed or the window's screens:
the automatic daily backup, restoring a backup, and erasing everything. The shell
calls these; each is one user action.

Threading: called on the UI thread; file work runs through `tasks.run_task`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6

from trustdesk.domain.settings import AppSettings
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up_if_due, short_journal_id
from trustdesk.storage.erase import erase_everything
from trustdesk.storage.restore import REPLACED_KIND, restore_backup
from trustdesk.storage.store import DAMAGED_PAGES, JournalFolder, Store
from trustdesk.ui import tasks

if TYPE_CHECKING:
    from trustdesk.ui.shell.window import MainWindow


def start_daily_backup(window: MainWindow) -> tasks.Task | None:
    """After unlocking: a backup, if none was made today, off the UI thread."""
    if window.store is None:
        return None
    vault = window.store.vault
    folder = window.folder.backup_dir_for(window.store)

    def failed(_error: BaseException) -> None:
        if shiboken6.isValid(window) and window.workspace is not None:
            window.workspace.set_status("today's backup couldn't be made")

    return tasks.run_task(lambda: back_up_if_due(vault, folder), on_failed=failed)


def start_page_check(window: MainWindow) -> tasks.Task | None:
    """After unlocking: check every page off the UI thread (the journal is already
    usable). If a page is damaged, save what can be saved, close the journal and offer
    the newest good backup, as for damage found while unlocking."""
    store = window.store
    if store is None:
        return None
    folder: JournalFolder = window.folder
    passphrase = store.vault.passphrase

    def checked(damaged: bool) -> None:
        if not damaged or not shiboken6.isValid(window) or window.store is not store:
            return
        from trustdesk.ui.shell.rescue import offer_rescue

        ended = window.end_session("close the journal")
        if ended is None:
            return
        ended.close()
        offer_rescue(window, errors.VaultDamaged(DAMAGED_PAGES), passphrase)

    return tasks.run_task(lambda: folder.find_damage(store), on_done=checked)


def restore(window: MainWindow, backup: Path, *, passphrase: str | None = None,
            aside_kind: str = REPLACED_KIND) -> tasks.Task | None:
    """Close the journal (saving first), put `backup` in its place, keeping the
    current file aside as `aside_kind`, and reopen. Without an open journal (a
    damaged one at unlock), `passphrase` is the one just typed."""
    if window.store is not None:
        passphrase = window.store.vault.passphrase
        store = window.end_session("restore")
        if store is None:
            return None
        store.close()
    if passphrase is None:
        raise ValueError("restoring needs the passphrase")
    folder: JournalFolder = window.folder
    window.show_busy("Restoring your backup",
                     "TrustDesk is putting the copy in place and checking it. "
                     "This takes a moment.")

    def work() -> tuple[Store, AppSettings]:
        restore_backup(folder.vault_path, backup, passphrase, aside_kind=aside_kind)
        opened = folder.unlock(passphrase)
        try:
            return opened, opened.settings.load_app_settings()
        except BaseException:
            opened.close()
            raise

    def failed(error: BaseException) -> None:
        message = error.message if isinstance(error, errors.VaultError) else (
            "Something unexpected stopped the restore.")
        window.show_unlock()
        window.unlock_screen.show_error(
            message + " Your journal was not replaced; unlock it to carry on.")

    return tasks.run_task(work, on_done=window.begin_session, on_failed=failed)


def erase(window: MainWindow) -> list[Path]:
    """Close the journal without saving, delete it, its side files and its backups,
    then show the welcome screen. The person confirmed twice before this."""
    if window.store is None:
        return []
    folder = window.folder
    backup_dirs = list(dict.fromkeys([folder.backup_dir_for(window.store), folder.backup_dir]))
    journal = short_journal_id(window.store.vault)
    store = window.end_session("erase", save=False)
    assert store is not None
    store.close()
    removed = erase_everything(folder.root, backup_dirs, journal)
    window.show_welcome()
    return removed
