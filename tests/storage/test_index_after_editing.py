"""The search index catches up with an edited entry once its editing ends
(migration 9): autosaves leave it alone, and it is never wrong about what it
holds, whatever happens in between (more saves, a delete, a crash, an import)."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from tests.storage.index_probe import index_bytes, index_terms
from trustdesk.domain.journal import Entry
from trustdesk.storage.journal_repo import BULK_INDEX_MIN
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import Vault, integrity_problems


def entry(day: int, **fields) -> Entry:
    return Entry.new(written_at=datetime(2024, 3, day, 20, 15), **fields)


def assert_index_matches_entries(store) -> None:
    """FTS5's own check of the index against the entries' text (raises if not)."""
    with store.vault.read() as conn:
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def written(store):
    store.journal.save_many(generated_entries(40))
    first = entry(10, title="Harbour", body="The lighthouse kept blinking all night")
    store.journal.save(first)
    return first


def test_an_autosave_leaves_the_index_and_ending_the_session_brings_it_up_to_date(store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    assert store.journal.index_lags()
    assert "lighthouse" in index_terms(store) and "marina" not in index_terms(store)

    assert store.journal.index_pending() == 1
    assert not store.journal.index_lags()
    assert "lighthouse" not in index_terms(store) and "marina" in index_terms(store)
    assert b"lighthouse" not in index_bytes(store)      # wiped, not only unlisted
    assert_index_matches_entries(store)
    assert store.journal.index_pending() == 0


def test_many_saves_in_one_session_remember_the_text_the_index_holds(store, written):
    """Only the first save of a session keeps the indexed text; if a later one
    replaced it, the index would be told to remove words it never had."""
    current = written
    for words in ("blinking slowly", "a gull at dawn", "the marina at noon"):
        current = current.edited(body=words)
        store.journal.save(current)
    with store.vault.read() as conn:
        assert conn.execute("SELECT title, body FROM fts_pending").fetchall() == [
            ("Harbour", "The lighthouse kept blinking all night")]
    store.journal.index_pending()
    assert_index_matches_entries(store)
    assert {"marina", "noon"} <= index_terms(store) and "gull" not in index_terms(store)


def test_a_search_finds_what_an_entry_being_edited_says_now(store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    (hit,) = store.journal.search("marina")
    assert hit.row.id == written.id and ("marina", True) in hit.excerpt
    assert store.journal.search("lighthouse") == []
    assert not store.journal.index_lags()


def test_deleting_an_entry_being_edited_removes_the_words_the_index_holds(store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    store.journal.delete(written.id)
    assert not store.journal.index_lags()
    assert "lighthouse" not in index_terms(store) and b"lighthouse" not in index_bytes(store)
    assert_index_matches_entries(store)


def test_the_file_checks_clean_while_the_index_lags(store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    with store.vault.read() as conn:
        assert integrity_problems(conn, store.vault.path) == []


def test_edits_a_crash_left_unindexed_are_still_known_after_reopening(data_dir, store,
                                                                      written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    store.vault.close()                     # no Store.close(): as if the app died here
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert reopened.journal.index_lags()
        assert reopened.journal.index_pending() == 1
        assert_index_matches_entries(reopened)
        assert "lighthouse" not in index_terms(reopened)
    finally:
        reopened.close()


def test_closing_the_journal_brings_the_index_up_to_date(data_dir, store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    store.close()
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert not reopened.journal.index_lags()
        assert "lighthouse" not in index_terms(reopened)
    finally:
        reopened.close()


def test_a_journal_opened_read_only_is_searched_as_its_index_stands(data_dir, store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    store.vault.close()
    read_only = JournalFolder(data_dir).unlock(PASSPHRASE, read_only=True)
    try:
        assert read_only.journal.search("marina") == []    # not indexed yet; no error
        assert [hit.row.id for hit in read_only.journal.search("harbour")] == [written.id]
        assert read_only.journal.index_lags()
    finally:
        read_only.close()


def test_an_import_that_rebuilds_the_index_leaves_nothing_pending(store, written):
    store.journal.save(written.edited(body="A quiet morning by the marina"))
    imported = generated_entries(BULK_INDEX_MIN + 50, seed=7)
    with store.vault.transaction() as conn, \
            store.journal.indexing_once_in(conn, len(imported)):   # as an import does
        store.journal.write_in(conn, imported)
    assert not store.journal.index_lags()
    assert_index_matches_entries(store)
    assert [hit.row.id for hit in store.journal.search("marina")] == [written.id]


def test_an_entry_keeps_its_number_in_the_index(store, written):
    with pytest.raises(sqlcipher3.IntegrityError, match="never changes"), \
            store.vault.transaction() as conn:
        conn.execute("UPDATE entries SET doc = doc + 1000 WHERE id = ?", (written.id,))


def test_a_version_8_journal_upgrades_with_its_index_intact(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE, version=8) as old, old.transaction() as conn:
        conn.execute("INSERT INTO entries (id, doc, written_at, updated_at, title, body) "
                     "VALUES ('e1', 1, '2026-07-01T20:00:00', '2026-07-01T20:00:00', "
                     "'Harbour', 'The lighthouse kept blinking')")
    with Vault.open(path, PASSPHRASE) as vault, vault.transaction() as conn:
        assert vault.schema_version >= 9
        conn.execute("UPDATE entries SET body = 'A quiet marina' WHERE id = 'e1'")
        assert conn.execute("SELECT body FROM fts_pending").fetchall() == [
            ("The lighthouse kept blinking",)]
        assert conn.execute("SELECT rowid FROM entries_fts WHERE entries_fts MATCH "
                            "'lighthouse'").fetchall() == [(1,)]
