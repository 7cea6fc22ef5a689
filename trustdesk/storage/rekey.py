"""Changing the passphrase of an open journal.

Order: check the current passphrase, take a verified backup (still under the old
passphrase), re-encrypt every page with `PRAGMA rekey` in one transaction (SQLite
commits it atomically, so a crash leaves the file under exactly one of the two
passphrases), then prove the result by opening the file with the new passphrase
in a second connection and running both integrity checks. Last, a fresh backup
under the new passphrase, so the newest backup always opens with it.

Threading: takes one to three seconds on a ten-year journal; call it off the UI
thread. The vault stays usable by other threads before and after, and waits for
the rekey while it runs.
"""

from __future__ import annotations

import hmac
from pathlib import Path

import sqlcipher3

from trustdesk.domain.passphrase import problem_with_new
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.backups.snapshot import Progress
from trustdesk.storage.vault import (
    Vault,
    connect_existing,
    integrity_problems,
    key_and_verify,
    normalize_passphrase,
    translate,
)

NOT_CURRENT = "That isn't your current passphrase, so nothing was changed."
BEFORE_KIND = "before-passphrase-change"
AFTER_KIND = "new-passphrase"


def is_current(vault: Vault, passphrase: str) -> bool:
    """Whether `passphrase` is the one this vault was unlocked with (no KDF needed)."""
    return hmac.compare_digest(normalize_passphrase(passphrase).encode("utf-8"),
                               vault.passphrase.encode("utf-8"))


def change_passphrase(vault: Vault, *, old: str, new: str, backup_dir: Path,
                      report: Progress | None = None) -> str | None:
    """Re-encrypt `vault` under `new`. Raises WrongPassphrase (nothing changed) when
    `old` isn't the current passphrase, VaultError when `new` isn't acceptable, and
    storage errors if the disk fails before the change (the journal then still opens
    with `old`). Returns a note when the change worked but the fresh backup after it
    couldn't be made."""
    def tell(percent: float) -> None:
        if report is not None:
            report(int(percent))

    if not is_current(vault, old):
        raise errors.WrongPassphrase(NOT_CURRENT)
    problem = problem_with_new(new, new)
    if problem:
        raise errors.VaultError(problem)
    new = normalize_passphrase(new)
    tell(1)
    back_up(vault, backup_dir, BEFORE_KIND, report=lambda p: tell(p * 0.4))
    with vault.maintenance, vault.read() as conn:
        tell(45)
        try:
            conn.reset_key(new)
        except sqlcipher3.Error as exc:
            raise translate(exc) or errors.VaultError(
                "The passphrase couldn't be changed. Your journal still opens with "
                "your current passphrase.") from exc
        tell(75)
        vault.checkpoint()  # the re-encrypted pages go from the log into the file
        verify_opens_with(vault.path, new)
        vault.adopt_passphrase(new)
    tell(85)
    try:
        back_up(vault, backup_dir, AFTER_KIND, report=lambda p: tell(85 + p * 0.15))
    except errors.VaultError as exc:
        return ("Your passphrase was changed, but a fresh backup couldn't be made: "
                + exc.message)
    tell(100)
    return None


def verify_opens_with(path: Path, passphrase: str) -> None:
    """Open `path` in a second connection with `passphrase`; both integrity checks
    must be clean."""
    conn = connect_existing(path)
    try:
        key_and_verify(conn, passphrase)
        conn.execute("PRAGMA temp_store = MEMORY")
        if integrity_problems(conn, path):
            raise errors.VaultDamaged("After the change, the journal failed its check.")
    except sqlcipher3.Error as exc:
        raise translate(exc) or errors.VaultDamaged() from exc
    finally:
        conn.close()
