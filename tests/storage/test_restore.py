"""Restoring a backup keeps the current journal aside under a new name, never
overwrites anything, and refuses a backup that isn't healthy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up, list_backups, short_journal_id
from trustdesk.storage.erase import erase_everything
from trustdesk.storage.restore import (
    keep_aside,
    newest_good_backup,
    restore_backup,
)
from trustdesk.storage.store import JournalFolder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_swaps_in_the_backup_and_keeps_the_current_journal(store, data_dir, tmp_path):
    store.settings.set("note", "yesterday")
    made = back_up(store.vault, tmp_path / "b", "manual")
    store.settings.set("note", "today")
    vault_path = store.vault.path
    store.close()
    current = digest(vault_path)
    kept = restore_backup(vault_path, made, PASSPHRASE)
    assert kept is not None and digest(kept) == current
    assert kept.parent == data_dir and kept.name.endswith("-before-restore.trustdesk")
    assert not list(data_dir.glob("*.restoring"))
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    assert reopened.settings.get("note") == "yesterday"
    reopened.close()
    # The kept journal is offered as a backup itself, so a restore can be undone.
    assert kept in [info.path for info in list_backups(tmp_path / "b", data_dir)]


@pytest.mark.parametrize("problem, error", [
    ("wrong passphrase", errors.WrongPassphrase),
    ("damaged", errors.VaultDamaged),
    ("missing", errors.VaultMissing),
])
def test_a_bad_backup_is_refused_and_the_journal_is_untouched(store, data_dir, tmp_path,
                                                             problem, error):
    made = back_up(store.vault, tmp_path / "b", "manual")
    vault_path = store.vault.path
    store.close()
    before = {p.name: digest(p) for p in data_dir.iterdir() if p.is_file()}
    passphrase = PASSPHRASE
    if problem == "wrong passphrase":
        passphrase = "not the one"
    elif problem == "damaged":
        data = bytearray(made.read_bytes())
        data[len(data) // 2] ^= 0xFF
        made.write_bytes(bytes(data))
    else:
        made.unlink()
    with pytest.raises(error):
        restore_backup(vault_path, made, passphrase)
    assert {p.name: digest(p) for p in data_dir.iterdir() if p.is_file()} == before


def test_keeping_aside_never_overwrites(data_dir, monkeypatch):
    vault_path = data_dir / "journal.trustdesk"
    original = digest(vault_path)
    (vault_path.parent / "journal.trustdesk-wal").write_bytes(b"")
    first = keep_aside(vault_path, "damaged")
    assert first is not None and digest(first) == original
    assert (first.parent / (first.name + "-wal")).exists(), "side files travel along"
    vault_path.write_bytes(b"second")
    second = keep_aside(vault_path, "damaged")
    assert second != first and second.read_bytes() == b"second"
    assert digest(first) == original
    assert keep_aside(vault_path, "damaged") is None


def test_newest_good_backup_skips_damaged_and_foreign_ones(store, data_dir, tmp_path):
    from datetime import datetime, timedelta

    folder = tmp_path / "b"
    now = datetime(2026, 3, 10, 9)
    good = back_up(store.vault, folder, "daily", now=now - timedelta(days=2))
    damaged = back_up(store.vault, folder, "daily", now=now - timedelta(days=1))
    data = bytearray(damaged.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    newest = newest_good_backup(store.vault.path, folder, PASSPHRASE)
    assert newest is not None and newest.path == good
    assert newest_good_backup(store.vault.path, folder, "someone else's") is None


def test_erase_everything_removes_only_what_trustdesk_made(store, data_dir, tmp_path):
    folder = tmp_path / "b"
    back_up(store.vault, folder, "manual")
    (folder / "my-own-notes.txt").write_text("keep")
    another_journals = folder / "journal-2026-01-01T090000-daily.0123abcd.trustdesk"
    another_journals.write_bytes(b"another journal's backup")
    (data_dir / "window.ini").write_text("[x]")
    (data_dir / "unrelated.txt").write_text("keep")
    vault_path = store.vault.path
    journal = short_journal_id(store.vault)
    store.close()
    kept = keep_aside(vault_path, "damaged")
    assert kept is not None
    removed = erase_everything(data_dir, [folder], journal)
    assert not vault_path.exists() and not kept.exists()
    assert [info.path for info in list_backups(folder)] == [another_journals]
    assert (folder / "my-own-notes.txt").read_text() == "keep"
    assert (data_dir / "unrelated.txt").read_text() == "keep"
    assert not (data_dir / "window.ini").exists()
    assert len(removed) == 3  # the backup, the kept journal, window.ini
