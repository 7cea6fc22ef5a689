"""Backups are encrypted copies, verified before they are put in place."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.backups.snapshot import make_backup, verify_backup
from trustdesk.storage.store import Store
from trustdesk.storage.vault import Vault


def test_backup_is_an_encrypted_verified_copy(store, tmp_path):
    store.settings.set("marker", "backup me")
    target = make_backup(store.vault, tmp_path / "copies" / "one.trustdesk")
    assert target.exists()
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert not list(target.parent.glob("*.partial"))
    with Vault.open(target, PASSPHRASE) as copy:
        assert Store.on(copy).settings.get("marker") == "backup me"
        assert copy.table_counts() == store.vault.table_counts()


def test_backup_never_overwrites(store, tmp_path):
    target = tmp_path / "one.trustdesk"
    target.write_bytes(b"keep me")
    with pytest.raises(errors.VaultExists):
        make_backup(store.vault, target)
    assert target.read_bytes() == b"keep me"


def test_verify_rejects_a_copy_with_different_rows(store, tmp_path):
    target = make_backup(store.vault, tmp_path / "one.trustdesk")
    with pytest.raises(errors.VaultDamaged):
        verify_backup(target, PASSPHRASE, {"settings": 99})
    with pytest.raises(errors.WrongPassphrase):
        verify_backup(target, "wrong passphrase")
