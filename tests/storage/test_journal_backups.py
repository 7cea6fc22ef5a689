"""The open journal's backups as one object: the UI asks it to back up, list,
inspect and change the passphrase, and never holds the passphrase itself."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.store import JournalFolder

NEW = "river lantern quietly 8"


def test_backups_go_to_the_chosen_folder_and_open_with_the_journal_passphrase(
        store, data_dir, tmp_path):
    backups = store.backups
    assert backups.folder() == data_dir / "backups" == backups.default_dir
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    backups.choose_folder(chosen)
    assert backups.folder() == chosen
    store.settings.set("note", "kept")
    made = backups.back_up(report=lambda _percent: None)
    assert made.parent == chosen
    assert [info.path for info in backups.listed()] == [made]
    assert backups.inspect(made).counts is not None  # opened with the journal's passphrase
    with pytest.raises(errors.OutputRefused):
        backups.protected().check(chosen / "summary.pdf")  # nothing is written among backups
    backups.choose_folder(data_dir / "backups")
    assert backups.folder() == data_dir / "backups"


def test_a_passphrase_change_backs_up_to_the_backup_folder(store, data_dir):
    with pytest.raises(errors.WrongPassphrase):
        store.backups.change_passphrase(old="not it", new=NEW)
    assert store.backups.change_passphrase(old=PASSPHRASE, new=NEW) is None
    kinds = {info.kind for info in store.backups.listed()}
    assert {"before-passphrase-change", "new-passphrase"} <= kinds
    store.close()
    JournalFolder(data_dir).unlock(NEW).close()
