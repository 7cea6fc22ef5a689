"""Putting a backup back in place of the journal, safely.

The journal must be closed (the caller holds the data folder's instance lock). The
backup is first copied beside the journal under a temporary name and verified
there (it opens with the passphrase, is a TrustDesk journal this version can read,
and both integrity checks are clean). Only then is the current journal moved aside
under a new, unused name (never overwriting anything) and the copy renamed into
place. A crash at any moment leaves either the old journal or the restored one at
the journal's path, and nothing is ever deleted.

Threading: file work plus key derivations; call off the UI thread.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import sqlcipher3

from trustdesk.storage import errors
from trustdesk.storage.backups.folder import BackupInfo, list_backups
from trustdesk.storage.backups.snapshot import verify_backup
from trustdesk.storage.migrations import LATEST
from trustdesk.storage.staging import fsync_dir, move_without_overwriting, staged_file
from trustdesk.storage.vault import (
    APPLICATION_ID,
    SIDE_SUFFIXES,
    connect_existing,
    key_and_verify,
    side_file,
    translate,
)

STAGING_SUFFIX = ".restoring"
DAMAGED_KIND = "damaged"
REPLACED_KIND = "before-restore"


def aside_name(vault_path: Path, kind: str, when: datetime | None = None) -> Path:
    """An unused name beside the journal: `journal-<stamp>-<kind>.trustdesk`."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    candidate = vault_path.with_name(f"journal-{stamp}-{kind}.trustdesk")
    count = 2
    while candidate.exists() or any(side_file(candidate, s).exists() for s in SIDE_SUFFIXES):
        candidate = vault_path.with_name(f"journal-{stamp}-{kind}-{count}.trustdesk")
        count += 1
    return candidate


def keep_aside(vault_path: Path, kind: str) -> Path | None:
    """Move the journal and its side files to a new name beside it and return that
    name (None when there was no journal). The side files move first, so a leftover
    log can never end up next to a different journal."""
    if not vault_path.exists():
        return None
    target = aside_name(vault_path, kind)
    for suffix in SIDE_SUFFIXES:
        side = side_file(vault_path, suffix)
        if side.exists():
            move_without_overwriting(side, side_file(target, suffix))
    move_without_overwriting(vault_path, target)
    fsync_dir(vault_path.parent)
    return target


def check_restorable(path: Path, passphrase: str) -> None:
    """Raise a typed error unless `path` is a healthy TrustDesk journal that opens
    with `passphrase` and that this version of TrustDesk can read."""
    conn = connect_existing(path)
    try:
        key_and_verify(conn, passphrase)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlcipher3.Error as exc:
        raise translate(exc) or errors.VaultDamaged() from exc
    finally:
        conn.close()
    if app_id != APPLICATION_ID:
        raise errors.NotAVault("That file is not a TrustDesk journal or backup.")
    if version > LATEST:
        raise errors.VaultTooNew()
    verify_backup(path, passphrase)


def restore_backup(vault_path: Path, backup: Path, passphrase: str, *,
                   aside_kind: str = REPLACED_KIND) -> Path | None:
    """Replace the (closed) journal with a verified copy of `backup`. Returns where
    the previous journal was kept, or None if there was none."""
    vault_path, backup = Path(vault_path), Path(backup)
    try:
        with staged_file(vault_path, STAGING_SUFFIX) as staged:
            with open(backup, "rb") as source, open(staged, "wb") as copy:
                shutil.copyfileobj(source, copy, 1024 * 1024)
                copy.flush()
                os.fsync(copy.fileno())  # on disk before the journal is moved aside
            check_restorable(staged, passphrase)
            kept = keep_aside(vault_path, aside_kind)
    except FileNotFoundError as exc:
        if not backup.exists():
            raise errors.VaultMissing("That backup file isn't there any more.") from exc
        raise errors.StorageUnavailable() from exc
    except OSError as exc:
        raise errors.StorageUnavailable() from exc
    return kept


def rescue_candidates(vault_path: Path, backup_dir: Path) -> list[BackupInfo]:
    """Backups that could replace a damaged journal, newest first: the backup folder
    and earlier journals kept beside it (never the damaged ones)."""
    return [info for info in list_backups(backup_dir, vault_path.parent)
            if not info.kind.startswith(DAMAGED_KIND)]


def newest_good_backup(vault_path: Path, backup_dir: Path,
                       passphrase: str) -> BackupInfo | None:
    """The newest backup that opens with `passphrase` and passes its checks."""
    for info in rescue_candidates(vault_path, backup_dir):
        try:
            check_restorable(info.path, passphrase)
        except errors.VaultError:
            continue
        return info
    return None
