"""Steps the subcommands share: checking the paths they were given, finding the
journal, and unlocking it with a passphrase from the terminal (or standard input).

Not a subcommand itself (it is not in `MODULES`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trustdesk.commands import UsageError, read_passphrase, warn
from trustdesk.commands.wording import old_log_notice
from trustdesk.storage.store import JournalFolder, Store


def journal_folder(data_dir: Path) -> JournalFolder:
    """The data folder, which must hold a journal (else VaultMissing, nothing created)."""
    folder = JournalFolder(data_dir)
    folder.require_journal()
    return folder


@contextmanager
def unlocked(folder: JournalFolder, *, read_only: bool = False) -> Iterator[Store]:
    """Claim `folder` for this process (VaultInUse if the app has it open), read the
    passphrase, and yield the unlocked Store; it is closed (locked) and the folder
    released when the block ends, however it ends. Commands that only read pass
    `read_only`: then nothing on disk changes, and read-only media work."""
    with folder.lock(read_only=read_only):
        store = folder.unlock(read_passphrase(), read_only=read_only)
        if store.vault.old_log is not None:
            warn(old_log_notice(store.vault.old_log))
        try:
            yield store
        finally:
            store.close()


def output_path(text: str) -> Path:
    """`text` (from the command line) as an absolute path whose folder exists; a
    UsageError names the missing folder."""
    target = Path(text).expanduser().absolute()
    if not target.parent.is_dir():
        raise UsageError(f"The folder {target.parent} doesn't exist.")
    return target


def input_file(text: str) -> Path:
    """`text` (from the command line) as the absolute path of an existing file; a
    UsageError says there is none."""
    source = Path(text).expanduser().absolute()
    if not source.is_file():
        raise UsageError(f"There is no file at {source}.")
    return source
