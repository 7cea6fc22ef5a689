"""Steps the subcommands share: finding the journal and unlocking it with a
passphrase from the terminal (or standard input).

Not a subcommand itself (it is not in `MODULES`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trustdesk.commands import read_passphrase
from trustdesk.storage.store import JournalFolder, Store


def journal_folder(data_dir: Path) -> JournalFolder:
    """The data folder, which must hold a journal (else VaultMissing, nothing created)."""
    folder = JournalFolder(data_dir)
    folder.require_journal()
    return folder


@contextmanager
def unlocked(folder: JournalFolder) -> Iterator[Store]:
    """Claim `folder` for this process (VaultInUse if the app has it open), read the
    passphrase, and yield the unlocked Store; it is closed (locked) and the folder
    released when the block ends, however it ends."""
    with folder.lock():
        store = folder.unlock(read_passphrase())
        try:
            yield store
        finally:
            store.close()
