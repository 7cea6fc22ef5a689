"""The open journal's backups as one object (`Store.backups`): where they go, making
one, listing and inspecting them, and changing the passphrase (which backs up before
and after). The UI holds this instead of the vault, so it never reads the passphrase.

Threading: `folder`, `choose_folder`, `listed` and `protected` are quick; `back_up`,
`inspect` and `change_passphrase` read or write whole files: call them off the UI
thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk.storage.backups.folder import (
    BackupContents,
    BackupInfo,
    back_up,
    choose_folder,
    folder_for,
    inspect_backup,
    list_backups,
)

if TYPE_CHECKING:
    from trustdesk.storage.backups.snapshot import Progress
    from trustdesk.storage.output_guard import ProtectedPlaces
    from trustdesk.storage.settings_repo import SettingsRepository
    from trustdesk.storage.vault import Vault


class JournalBackups:
    """Backups of one open vault; `default_dir` is `backups/` in its data folder."""

    def __init__(self, vault: Vault, settings: SettingsRepository, default_dir: Path) -> None:
        self._vault = vault
        self._settings = settings
        self.default_dir = default_dir

    def folder(self) -> Path:
        """Where backups go: the folder chosen in Settings, else the default one."""
        return folder_for(self._settings, self.default_dir)

    def choose_folder(self, folder: Path | None) -> None:
        """Keep `folder` as the backup folder (None: back to the default)."""
        choose_folder(self._settings, None if folder == self.default_dir else folder)

    def listed(self, *, beside: bool = False) -> list[BackupInfo]:
        """The backups in the folder, newest first; with `beside`, also the copies kept
        next to the journal (before a restore, a migration)."""
        folders = (self.folder(), self._vault.path.parent) if beside else (self.folder(),)
        return list_backups(*folders)

    def protected(self) -> ProtectedPlaces:
        """Where no backup folder may be: the journal, its folder, the backup folders."""
        from trustdesk.storage.output_guard import ProtectedPlaces

        return ProtectedPlaces.around(self._vault.path, (self.default_dir, self.folder()))

    def back_up(self, kind: str = "manual", *, report: Progress | None = None) -> Path:
        """A verified encrypted copy in the backup folder, now; rotation follows."""
        return back_up(self._vault, self.folder(), kind, report=report)

    def inspect(self, path: Path) -> BackupContents:
        """What the backup at `path` holds, opened with this journal's passphrase
        (raises the typed errors if it doesn't open or isn't healthy)."""
        return inspect_backup(path, self._vault.passphrase)

    def change_passphrase(self, *, old: str, new: str,
                          report: Progress | None = None) -> str | None:
        """Re-encrypt the journal under `new` (see `rekey.change_passphrase`), with the
        backups before and after in the backup folder."""
        from trustdesk.storage.rekey import change_passphrase

        return change_passphrase(self._vault, old=old, new=new, backup_dir=self.folder(),
                                 report=report)
