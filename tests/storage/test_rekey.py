"""Changing the passphrase: backup first, rekey, verify; the wrong current
passphrase changes nothing."""

from __future__ import annotations

import hashlib

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.backups.snapshot import verify_backup
from trustdesk.storage.rekey import NOT_CURRENT, change_passphrase
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import Vault

NEW = "river lantern quietly 8"


def test_change_takes_a_backup_first_and_the_journal_then_opens_only_with_the_new_one(
        store, data_dir, tmp_path):
    store.settings.set("note", "still here")
    progress: list[int] = []
    note = change_passphrase(store.vault, old=PASSPHRASE, new=NEW,
                             backup_dir=tmp_path / "b", report=progress.append)
    assert note is None
    assert progress == sorted(progress) and progress[-1] == 100
    kinds = {info.kind: info.path for info in list_backups(tmp_path / "b")}
    verify_backup(kinds["before-passphrase-change"], PASSPHRASE)
    verify_backup(kinds["new-passphrase"], NEW)
    store.settings.set("after", "the change")  # the open vault keeps working
    store.close()
    with pytest.raises(errors.WrongPassphrase):
        Vault.open(data_dir / "journal.trustdesk", PASSPHRASE)
    reopened = JournalFolder(data_dir).unlock(NEW)
    assert reopened.settings.get("note") == "still here"
    assert reopened.settings.get("after") == "the change"
    reopened.close()


def test_wrong_current_passphrase_changes_nothing(store, data_dir, tmp_path):
    path = data_dir / "journal.trustdesk"
    store.vault.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    vault = Vault.open(path, PASSPHRASE)
    with pytest.raises(errors.WrongPassphrase) as caught:
        change_passphrase(vault, old="not it at all", new=NEW, backup_dir=tmp_path / "b")
    assert caught.value.message == NOT_CURRENT
    assert not (tmp_path / "b").exists()
    vault.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_too_short_new_passphrase_is_refused_before_anything_happens(store, tmp_path):
    with pytest.raises(errors.VaultError) as caught:
        change_passphrase(store.vault, old=PASSPHRASE, new="short", backup_dir=tmp_path / "b")
    assert "at least 8 characters" in caught.value.message
    assert not (tmp_path / "b").exists()


def test_backups_after_the_change_use_the_new_passphrase(store, tmp_path):
    from trustdesk.storage.backups.folder import back_up

    change_passphrase(store.vault, old=PASSPHRASE, new=NEW, backup_dir=tmp_path)
    made = back_up(store.vault, tmp_path, "manual")
    verify_backup(made, NEW)
