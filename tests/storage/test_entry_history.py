"""Entry history in the vault: earlier versions are kept in the save's own
transaction, listed newest first, restorable (a restore is itself undoable),
never found by search, deleted with their entry, expired after the days set, and
all deleted when history is turned off, with their bytes wiped from the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from tests.storage.pages import file_holds
from trustdesk.domain.history import Reason
from trustdesk.domain.journal import Entry
from trustdesk.domain.text import InvalidRecord
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import Vault

T0 = datetime(2026, 11, 2, 20, 0, 0)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def written(repo: JournalRepository, body: str, *, title: str = "Evening") -> Entry:
    entry = Entry.new(title=title, body=body, written_at=T0, now=lambda: T0)
    repo.save(entry)
    return entry


def edit(repo: JournalRepository, entry: Entry, body: str, when: datetime,
         session_start: datetime | None) -> tuple[Entry, Reason | None]:
    changed = entry.edited(body=body, now=lambda: when)
    return changed, repo.save(changed, session_start=session_start)


def test_the_first_edit_of_a_session_keeps_the_earlier_text(store):
    repo = store.journal
    entry = written(repo, "The first draft of the evening.")
    assert repo.history.versions(entry.id) == []
    entry, kept = edit(repo, entry, "The first draft, rewritten.", at(60), session_start=at(60))
    assert kept is Reason.SESSION
    entry, kept = edit(repo, entry, "The first draft, rewritten again.", at(61), at(60))
    assert kept is None
    (row,) = repo.history.versions(entry.id)
    assert (row.saved_at, row.kept_at, row.reason, row.words) == (T0, at(60), Reason.SESSION, 7)
    version = repo.history.get(row.id)
    assert version is not None and version.text.body == "The first draft of the evening."


def test_select_all_and_type_keeps_what_was_there_and_restore_brings_it_back(store):
    repo = store.journal
    words = "Everything I remember about the day at the lake with Sam and Jo. " * 6
    entry = written(repo, words)
    entry, _ = edit(repo, entry, words + "More.", at(1), session_start=at(0.5))
    entry, kept = edit(repo, entry, "x", at(1.1), session_start=at(0.5))
    assert kept is Reason.DELETION
    newest = repo.history.versions(entry.id)[0]
    restored = repo.restore_version(newest.id, now=at(2))
    assert restored is not None and restored.body == words + "More."
    assert repo.get(entry.id).body == words + "More."
    assert repo.get(entry.id).updated_at == at(2)
    # The text the restore replaced ("x") is a version too: the restore can be undone.
    undo = repo.history.versions(entry.id)[0]
    assert undo.reason is Reason.RESTORE and repo.history.get(undo.id).text.body == "x"
    assert repo.restore_version(undo.id, now=at(3)).body == "x"


def test_restoring_keeps_ratings_tags_and_date(store):
    repo = store.journal
    entry = Entry.new(title="Walk", body="A long walk by the river.", tags="river",
                      written_at=T0, now=lambda: T0)
    repo.save(entry)
    changed = entry.edited(body="Short.", tags="walks", now=lambda: at(5))
    repo.save(changed, session_start=at(5))
    restored = repo.restore_version(repo.history.versions(entry.id)[0].id, now=at(6))
    assert restored.body == "A long walk by the river." and restored.tags == ("walks",)
    assert restored.written_at == T0


def test_search_never_finds_an_old_version(store):
    repo = store.journal
    entry = written(repo, "The word pelican was here once.")
    edit(repo, entry, "Now it is about herons.", at(60), session_start=at(60))
    assert len(repo.history.versions(entry.id)) == 1
    assert repo.search("pelican") == []
    assert [hit.row.id for hit in repo.search("herons")] == [entry.id]


def test_deleting_an_entry_deletes_its_versions(store):
    repo = store.journal
    entry = written(repo, "A first text that will be replaced.")
    edit(repo, entry, "A second text.", at(60), session_start=at(60))
    assert repo.history.count() == 1
    repo.delete(entry.id)
    assert repo.history.count() == 0


def test_versions_expire_after_the_days_set(store):
    repo = store.journal
    entry = written(repo, "Day one.")
    for day in range(1, 41):          # one editing session a day for forty days
        entry, _ = edit(repo, entry, f"Day {day + 1}.", T0 + timedelta(days=day),
                        session_start=T0 + timedelta(days=day))
    assert repo.history.count() == 40
    assert repo.history.keep_days() == 30
    removed = repo.history.prune(now=T0 + timedelta(days=40, hours=1))
    assert removed == 10
    kept = repo.history.versions(entry.id)
    assert min(row.kept_at for row in kept) >= T0 + timedelta(days=10, hours=1)
    assert repo.history.set_keep_days(7, now=T0 + timedelta(days=40, hours=1)) == 23
    assert repo.history.count() == 7


def test_turning_history_off_deletes_every_version_and_keeps_no_more(store):
    repo = store.journal
    entry = written(repo, "Something to keep.")
    entry, _ = edit(repo, entry, "Something else.", at(60), session_start=at(60))
    assert repo.history.set_keep_days(0, now=at(61)) == 1
    assert repo.history.count() == 0 and repo.history.keep_days() == 0
    assert store.settings.load_app_settings().history_days == 0
    _, kept = edit(repo, entry, "x", at(120), session_start=at(120))
    assert kept is None and repo.history.count() == 0


def test_a_version_is_kept_in_the_same_transaction_as_the_save(store):
    """A save that fails (a new date far in the future, refused after the version
    would have been kept) keeps no version either."""
    repo = store.journal
    entry = written(repo, "Fine words.")
    far = replace(entry, body="Other words.", written_at=datetime(2200, 1, 1),
                  updated_at=at(60))
    with pytest.raises(InvalidRecord):
        repo.save(far, session_start=at(60))
    assert repo.history.count() == 0 and repo.get(entry.id).body == "Fine words."


MARKER = "QUIETHERON"


def test_expired_and_switched_off_versions_are_wiped_from_the_file(data_dir):
    """Proof on the file's own pages: decrypted with the passphrase (free pages and
    free space inside pages included), no byte of a deleted version remains; the
    current text, as a control, is found the same way."""
    folder = JournalFolder(data_dir)
    store = folder.unlock(PASSPHRASE)
    repo = store.journal
    entry = written(repo, f"{MARKER} was here. " * 300)     # ~6 KB: overflow pages too
    for n in range(1, 6):
        entry, _ = edit(repo, entry, f"{MARKER}{n} " * 300 + "now", at(60 * n),
                        session_start=at(60 * n))
    entry, _ = edit(repo, entry, "CURRENTCONTROL " * 10, at(400), session_start=at(400))
    assert repo.history.count() == 6
    store.close()
    path = folder.vault_path
    assert file_holds(path, PASSPHRASE, "CURRENTCONTROL")
    assert file_holds(path, PASSPHRASE, MARKER)          # kept versions are in the file

    store = folder.unlock(PASSPHRASE)
    assert store.journal.history.set_keep_days(0, now=at(401)) == 6
    store.close()
    assert not file_holds(path, PASSPHRASE, MARKER)
    assert file_holds(path, PASSPHRASE, "CURRENTCONTROL")
    assert not path.with_name(path.name + "-wal").exists()


def test_a_version_7_journal_gains_history(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE, version=7) as old, old.transaction() as conn:
        conn.execute(
            "INSERT INTO entries (id, doc, written_at, updated_at, body) "
            "VALUES ('e1', 1, '2026-07-01T20:00:00', '2026-07-01T20:00:00', 'Old words.')")
        with pytest.raises(sqlcipher3.OperationalError):
            conn.execute("SELECT count(*) FROM entry_versions")
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 8
        repo = JournalRepository(vault)
        entry = repo.get("e1")
        repo.save(entry.edited(body="New words.", now=lambda: at(0)), session_start=at(0))
        (row,) = repo.history.versions("e1")
        assert repo.history.get(row.id).text.body == "Old words."
