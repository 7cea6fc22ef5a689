"""An unlocked journal: the vault plus one repository per kind of record, and the
data folder it lives in. UI and CLI code get at storage only through these."""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, override

from trustdesk import paths
from trustdesk.storage.errors import VaultDamaged, VaultError, VaultMissing
from trustdesk.storage.instance_lock import InstanceLock

if TYPE_CHECKING:  # imported when first needed: the window shows before any of this
    from trustdesk.storage.backups.folder import BackupContents, BackupInfo
    from trustdesk.storage.backups.journal import JournalBackups
    from trustdesk.storage.exchange import Exchange
    from trustdesk.storage.journal_repo import JournalRepository
    from trustdesk.storage.output_guard import ProtectedPlaces
    from trustdesk.storage.settings_repo import SettingsRepository
    from trustdesk.storage.vault import Vault
    from trustdesk.storage.worksheet_repo import WorksheetRepository


@dataclass
class Store:
    """The open vault and its repositories. Closing it locks the journal."""

    vault: Vault
    settings: SettingsRepository
    journal: JournalRepository
    worksheets: WorksheetRepository
    backups: JournalBackups

    @classmethod
    def on(cls, vault: Vault) -> Store:
        from trustdesk.storage.backups.journal import JournalBackups
        from trustdesk.storage.journal_repo import JournalRepository
        from trustdesk.storage.settings_repo import SettingsRepository
        from trustdesk.storage.worksheet_repo import WorksheetRepository

        settings, journal = SettingsRepository(vault), JournalRepository(vault)
        worksheets = WorksheetRepository(vault)
        return cls(vault=vault, settings=settings, journal=journal, worksheets=worksheets,
                   backups=JournalBackups(vault, settings,
                                          paths.default_backup_dir(vault.path.parent)))

    @cached_property
    def exchange(self) -> Exchange:
        """Export and import, made when first asked for: its modules (the importers
        of other apps' formats, the export codec) cost ~20 ms to import, which the
        unlock would otherwise wait for. It holds no state of its own."""
        from trustdesk.storage.exchange import Exchange

        return Exchange(self.vault, self.journal, self.worksheets, self.settings)

    def close(self) -> None:
        """Close the vault, first bringing the search index up to date with entries
        edited in this session (if that fails, the next unlock does it)."""
        try:
            if not self.vault.read_only:
                with suppress(VaultError):
                    self.journal.index_pending()
        finally:
            self.vault.close()


class JournalFolder:
    """The data folder: where the vault, its lock and its backups live."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.vault_path = paths.vault_path(self.root)
        self.backup_dir = paths.default_backup_dir(self.root)

    def has_journal(self) -> bool:
        return self.vault_path.exists()

    def require_journal(self) -> None:
        """Raise VaultMissing, without creating anything, when there is no journal."""
        if not self.has_journal():
            raise VaultMissing(f"There is no TrustDesk journal in {self.root} yet.")

    def lock(self, *, read_only: bool = False) -> InstanceLock:
        """Claim the folder for this process (raises VaultInUse). Creates the folder,
        so call it only once a journal exists or is about to be created. With
        `read_only`, a folder nobody can write to (read-only media) needs no claim."""
        if not read_only:
            paths.ensure_private_dir(self.root)
        return InstanceLock(paths.lock_path(self.root), read_only=read_only)

    def create(self, passphrase: str) -> Store:
        from trustdesk.storage.vault import Vault

        paths.ensure_private_dir(self.root)
        return Store.on(Vault.create(self.vault_path, passphrase))

    def unlock(self, passphrase: str, *, check_pages: bool = True,
               read_only: bool = False) -> Store:
        """Open the journal. With `check_pages`, also check every page (about 0.3 s on
        a ten-year journal) and raise VaultDamaged for a hurt file, leaving it exactly
        as it was: nothing is merged before the verdict (with a log beside the file,
        the check reads through a read-only connection first). The app passes False
        and calls `find_damage` in the background instead, so the journal shows at once.

        With `read_only` nothing on disk changes (see `Vault.open`); a journal of an
        older format is upgraded first unless its folder can't be written."""
        from trustdesk.storage.log_guard import read_log, wal_path
        from trustdesk.storage.migrations import LATEST
        from trustdesk.storage.vault import PAGE_SIZE, Vault

        checked = False
        if read_only or (check_pages and read_log(wal_path(self.vault_path), PAGE_SIZE)):
            vault = Vault.open(self.vault_path, passphrase, backup_dir=self.backup_dir,
                               read_only=True)
            if check_pages and _damaged(vault):
                vault.close()
                raise VaultDamaged(DAMAGED_PAGES)
            if read_only and (vault.schema_version >= LATEST
                              or not os.access(self.root, os.W_OK)):
                return Store.on(vault)
            vault.close()
            checked = True
        vault = Vault.open(self.vault_path, passphrase, backup_dir=self.backup_dir)
        if check_pages and not checked and _damaged(vault):
            vault.close(checkpoint=False)  # no log to merge: the file keeps every byte
            raise VaultDamaged(DAMAGED_PAGES)
        return Store.on(vault)

    def find_damage(self, store: Store) -> bool:
        """True if some page of the open journal is damaged. Reads through a second
        connection, so the journal stays usable meanwhile; any thread. A suspicion is
        confirmed on the journal's own connection before it is reported."""
        from trustdesk.storage.vault import connect_existing, integrity_problems, key_and_verify

        try:
            conn = connect_existing(self.vault_path)
            try:
                key_and_verify(conn, store.vault.passphrase)
                conn.execute("PRAGMA temp_store = MEMORY")
                suspicious = bool(integrity_problems(conn, self.vault_path))
            finally:
                conn.close()
        except VaultError:
            suspicious = True
        return suspicious and _damaged(store.vault)

    def backup_dir_for(self, store: Store) -> Path:
        """Where backups go: the folder chosen in Settings, else `backups/` here."""
        from trustdesk.storage.backups.folder import folder_for

        return folder_for(store.settings, self.backup_dir)

    # -- whole-journal work: any thread, never the UI's ---------------------------
    def back_up_if_due(self, store: Store) -> Path | None:
        """Today's backup of the open journal, unless one exists; the path made."""
        from trustdesk.storage.backups.folder import back_up_if_due

        return back_up_if_due(store.vault, self.backup_dir_for(store))

    def restore(self, backup: Path, *, replacing: Store) -> Store:
        """Close `replacing` (the open journal), put `backup` in its place, keeping the
        current file aside as a `before-restore` copy, and open the result with the
        same passphrase. If the backup is refused, the journal on disk is unchanged."""
        from trustdesk.storage.restore import REPLACED_KIND

        passphrase = replacing.vault.passphrase
        replacing.close()
        return self._restore(backup, passphrase, REPLACED_KIND)

    def _restore(self, backup: Path, passphrase: str, aside_kind: str) -> Store:
        from trustdesk.storage.restore import restore_backup

        restore_backup(self.vault_path, backup, passphrase, aside_kind=aside_kind)
        return self.unlock(passphrase)

    def erase(self, store: Store) -> list[Path]:
        """Close `store` and delete the journal, its side files and its backups (only
        the copies that are provably this journal's). Returns what was removed."""
        from trustdesk.storage.backups.folder import short_journal_id
        from trustdesk.storage.erase import erase_everything

        backup_dirs = list(dict.fromkeys([self.backup_dir_for(store), self.backup_dir]))
        journal = short_journal_id(store.vault)
        store.close()
        return erase_everything(self.root, backup_dirs, journal)

    def rescue(self, passphrase: str) -> Rescue:
        """What can be done for a journal that opened damaged with `passphrase`."""
        return Rescue(self, passphrase)

    def rescue_for(self, store: Store) -> Rescue:
        """The same, for the open journal in which damage was found (still open: the
        caller closes it)."""
        return Rescue(self, store.vault.passphrase)

    def protected(self, store: Store | None = None) -> ProtectedPlaces:
        """Where no export, summary or backup copy may be written: the journal, its
        side files and lock, this folder and the backup folders (with `store`, the
        folder chosen in Settings too; without, only the usual one)."""
        from trustdesk.storage.output_guard import ProtectedPlaces

        folders = [self.backup_dir]
        if store is not None:
            folders.append(self.backup_dir_for(store))
        return ProtectedPlaces.around(self.vault_path, folders)


class Rescue:
    """A damaged journal and the passphrase its backups open with, held between the
    damaged verdict and the person's choice; the UI never sees the passphrase. Its
    methods read or write files: call them off the UI thread."""

    def __init__(self, folder: JournalFolder, passphrase: str) -> None:
        self._folder = folder
        self._passphrase = passphrase

    @override
    def __repr__(self) -> str:
        return f"Rescue({self._folder.root})"

    def newest_good_backup(self) -> tuple[BackupInfo, BackupContents] | None:
        """The newest backup that opens with the passphrase and passes its checks, and
        what it holds; None if there is none in the usual backup folder."""
        from trustdesk.storage.backups.folder import inspect_backup
        from trustdesk.storage.restore import newest_good_backup

        info = newest_good_backup(self._folder.vault_path, self._folder.backup_dir,
                                  self._passphrase)
        return None if info is None else (info, inspect_backup(info.path, self._passphrase))

    def restore(self, backup: Path) -> Store:
        """Put `backup` in place of the damaged journal, which is kept beside it under
        a `damaged` name, and open it."""
        from trustdesk.storage.restore import DAMAGED_KIND

        return self._folder._restore(backup, self._passphrase, DAMAGED_KIND)


def _damaged(vault: Vault) -> bool:
    try:
        return bool(vault.check())
    except VaultError:
        return True


DAMAGED_PAGES = ("Part of the journal file is damaged, so TrustDesk can't open it safely. "
                 "The file was left exactly as it was.")
