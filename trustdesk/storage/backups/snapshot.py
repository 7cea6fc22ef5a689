"""Encrypted, verified backups of an open vault.

A backup is SQLite's online backup into a temporary file keyed with the same
passphrase, then verified (it opens, both integrity checks are clean, every
table has as many rows as the original), then renamed into place. Never a plain
file copy of a live vault.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from trustdesk.paths import ensure_private_dir
from trustdesk.storage import errors
from trustdesk.storage.staging import staged_file
from trustdesk.storage.vault import (
    connect_existing,
    integrity_problems,
    key_and_verify,
    table_counts,
    translate,
)

if TYPE_CHECKING:
    from trustdesk.storage.vault import Vault

BACKUP_SUFFIX = ".trustdesk"
PARTIAL_SUFFIX = ".partial"
STEP_PAGES = 2048  # 8 MiB per step: progress without slowing the copy


Progress = Callable[[int], None]


def make_backup(vault: Vault, target: Path, *, report: Progress | None = None,
                holding: Callable[[], None] | None = None) -> Path:
    """Write a verified encrypted copy of `vault` to `target` and return it.

    `target` must not exist. On any failure nothing is left at `target` and the
    temporary file is removed. The copy is read through a second connection inside
    one read transaction (a consistent snapshot), so the person can keep writing
    meanwhile. About a second on a ten-year journal: call it off the UI thread.
    `report(percent)` is called as the copy progresses; `holding()` once the
    vault's maintenance lock is held (from then on nothing here waits for a lock)."""
    target = Path(target)
    if target.exists():
        raise errors.VaultExists(f"{target.name} already exists.")
    passphrase = vault.passphrase
    with vault.maintenance:
        if holding is not None:
            holding()
        try:
            ensure_private_dir(target.parent)
            with staged_file(target, PARTIAL_SUFFIX) as partial:
                expected = _copy_snapshot(vault.path, passphrase, partial, report)
                verify_backup(partial, passphrase, expected)
        except sqlcipher3.Error as exc:
            raise translate(exc) or errors.VaultError(
                "The backup could not be written.") from exc
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
                raise errors.StorageFull(BACKUP_FULL) from exc
            raise errors.StorageUnavailable(BACKUP_UNAVAILABLE) from exc
    if report is not None:
        report(100)
    return target


BACKUP_FULL = ("The disk with your backups is full, so this backup wasn't made. "
               "Your journal itself is fine.")
BACKUP_UNAVAILABLE = ("TrustDesk can't write to the backup folder right now. "
                      "Your journal itself is fine.")


def _copy_snapshot(source_path: Path, passphrase: str, target: Path,
                   report: Progress | None) -> dict[str, int]:
    """Online backup of the file at `source_path` into the empty file `target`, keyed
    with the same passphrase; returns the row counts of the copied snapshot."""
    source = connect_existing(source_path)
    try:
        key_and_verify(source, passphrase)
        source.execute("PRAGMA temp_store = MEMORY")
        copy = connect_existing(target)
        try:
            copy.set_key(passphrase)
            source.execute("BEGIN")  # one snapshot for the counts and the pages
            expected = table_counts(source)

            def step(_status: int, remaining: int, total: int) -> None:
                if report is not None and total:
                    report(int(90 * (total - remaining) / total))

            source.backup(copy, pages=STEP_PAGES, progress=step)
            source.execute("COMMIT")
        finally:
            copy.close()
    finally:
        source.close()
    return expected


def verify_backup(path: Path, passphrase: str, expected: dict[str, int] | None = None) -> None:
    """Raise VaultDamaged unless the file at `path` opens with `passphrase`, passes both
    integrity checks, and (when given) has exactly the `expected` row counts."""
    conn = connect_existing(path)
    try:
        key_and_verify(conn, passphrase)
        conn.execute("PRAGMA temp_store = MEMORY")
        problems = integrity_problems(conn, path)
        if problems:
            raise errors.VaultDamaged("The backup copy failed its integrity check.")
        if expected is not None and table_counts(conn) != expected:
            raise errors.VaultDamaged("The backup copy does not match the journal.")
    finally:
        conn.close()


def backup_name(kind: str, when: datetime | None = None, journal: str | None = None) -> str:
    """A sortable file name such as `journal-2026-11-27T093005-daily.1a2b3c4d.trustdesk`;
    `journal` is the short id of the journal it copies (see `backups.journal_id`),
    left out when unknown."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    mark = f".{journal}" if journal else ""
    return f"journal-{stamp}-{kind}{mark}{BACKUP_SUFFIX}"


def backup_before_migration(vault: Vault, backup_dir: Path, from_version: int) -> Path:
    """The copy taken before a schema upgrade, kept until the person removes it."""
    from trustdesk.storage.backups.folder import short_journal_id

    return make_backup(vault, backup_dir / backup_name(
        f"before-upgrade-v{from_version}", journal=short_journal_id(vault)))
