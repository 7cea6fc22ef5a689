"""Encrypted, verified backups of an open vault.

A backup is SQLite's online backup into a temporary file keyed with the same
passphrase, then verified (it opens, both integrity checks are clean, every
table has as many rows as the original), then renamed into place. Never a plain
file copy of a live vault.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from trustdesk.paths import ensure_private_dir
from trustdesk.storage import errors
from trustdesk.storage.vault import (
    connect_existing,
    fsync_dir,
    integrity_problems,
    key_and_verify,
    table_counts,
    translate,
)

if TYPE_CHECKING:
    from trustdesk.storage.vault import Vault

BACKUP_SUFFIX = ".trustdesk"


def make_backup(vault: Vault, target: Path) -> Path:
    """Write a verified encrypted copy of `vault` to `target` and return it.

    `target` must not exist. On any failure nothing is left at `target` and the
    temporary file is removed. Runs in roughly a second on a ten-year journal:
    call it off the UI thread."""
    target = Path(target)
    if target.exists():
        raise errors.VaultExists(f"{target.name} already exists.")
    ensure_private_dir(target.parent)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        copy = connect_existing(partial)
        try:
            copy.set_key(vault.passphrase)
            with vault.read() as conn:
                conn.backup(copy)
                expected = table_counts(conn)
        finally:
            copy.close()
        verify_backup(partial, vault.passphrase, expected)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except sqlcipher3.Error as exc:
        partial.unlink(missing_ok=True)
        raise translate(exc) or errors.VaultError("The backup could not be written.") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno == 28:  # ENOSPC
            raise errors.StorageFull() from exc
        raise errors.StorageUnavailable() from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def verify_backup(path: Path, passphrase: str, expected: dict[str, int] | None = None) -> None:
    """Raise VaultDamaged unless the file at `path` opens with `passphrase`, passes both
    integrity checks, and (when given) has exactly the `expected` row counts."""
    conn = connect_existing(path)
    try:
        key_and_verify(conn, passphrase)
        conn.execute("PRAGMA temp_store = MEMORY")
        problems = integrity_problems(conn)
        if problems:
            raise errors.VaultDamaged("The backup copy failed its integrity check.")
        if expected is not None and table_counts(conn) != expected:
            raise errors.VaultDamaged("The backup copy does not match the journal.")
    finally:
        conn.close()


def backup_name(kind: str, when: datetime | None = None) -> str:
    """A sortable file name such as `journal-2026-11-27T0930-daily.trustdesk`."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"journal-{stamp}-{kind}{BACKUP_SUFFIX}"


def backup_before_migration(vault: Vault, backup_dir: Path, from_version: int) -> Path:
    """The copy taken before a schema upgrade, kept until the person removes it."""
    return make_backup(vault, backup_dir / backup_name(f"before-upgrade-v{from_version}"))
