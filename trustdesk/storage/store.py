"""An unlocked journal: the vault plus one repository per kind of record, and the
data folder it lives in. UI and CLI code get at storage only through these."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustdesk import paths
from trustdesk.storage.errors import VaultMissing
from trustdesk.storage.instance_lock import InstanceLock
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault


@dataclass
class Store:
    """The open vault and its repositories. Closing it locks the journal."""

    vault: Vault
    settings: SettingsRepository
    journal: JournalRepository

    @classmethod
    def on(cls, vault: Vault) -> Store:
        return cls(vault=vault, settings=SettingsRepository(vault),
                   journal=JournalRepository(vault))

    def close(self) -> None:
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

    def lock(self) -> InstanceLock:
        """Claim the folder for this process (raises VaultInUse). Creates the folder,
        so call it only once a journal exists or is about to be created."""
        paths.ensure_private_dir(self.root)
        return InstanceLock(paths.lock_path(self.root))

    def create(self, passphrase: str) -> Store:
        paths.ensure_private_dir(self.root)
        return Store.on(Vault.create(self.vault_path, passphrase))

    def unlock(self, passphrase: str) -> Store:
        return Store.on(Vault.open(self.vault_path, passphrase, backup_dir=self.backup_dir))
