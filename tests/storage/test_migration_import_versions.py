"""Step 10 rebuilds a version-9 file's entry history so an import may keep what it
overwrites (reason 'import'): every version already kept comes through whole, with
its id, and the table's rules and indexes stay as they were."""

from __future__ import annotations

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk.domain.history import Reason
from trustdesk.storage.history_repo import HistoryRepository
from trustdesk.storage.vault import Vault

OLD_REASONS = ("session", "deletion", "interval", "restore", "imported")


def _write_version_9(path) -> list[tuple]:
    with Vault.create(path, PASSPHRASE, version=9) as old, old.transaction() as conn:
        conn.execute("INSERT INTO entries (id, doc, written_at, updated_at, title, body) "
                     "VALUES ('e1', 1, '2026-07-01T20:00:00', '2026-07-03T09:00:00', "
                     "'Lake', 'Now.')")
        for number, reason in enumerate(OLD_REASONS, start=1):
            conn.execute(
                "INSERT INTO entry_versions (id, entry_id, saved_at, kept_at, reason, words, "
                "title, body) VALUES (?, 'e1', '2026-07-01T20:00:00', ?, ?, 2, 'Lake', ?)",
                (number * 7, f"2026-07-0{number}T21:00:00", reason, f"Words {number}."))
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute("UPDATE entry_versions SET reason = 'import' WHERE id = 7")
        return conn.execute("SELECT * FROM entry_versions ORDER BY id").fetchall()


def test_a_version_9_history_comes_through_whole_and_takes_imports(tmp_path):
    path = tmp_path / "journal.trustdesk"
    before = _write_version_9(path)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 10
        with vault.transaction() as conn:
            assert conn.execute("SELECT * FROM entry_versions ORDER BY id").fetchall() == before
            indexes = {name for (name,) in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'index' "
                "AND tbl_name = 'entry_versions'")}
            assert {"entry_versions_by_entry", "entry_versions_by_age"} <= indexes
            conn.execute("UPDATE entry_versions SET reason = 'import' WHERE id = 7")
            with pytest.raises(sqlcipher3.IntegrityError):
                conn.execute("UPDATE entry_versions SET reason = 'whim' WHERE id = 14")
    with Vault.open(path, PASSPHRASE) as again:
        rows = HistoryRepository(again).versions("e1")
        assert [row.reason for row in rows] == [Reason(reason) for reason in
                                               reversed(("import", *OLD_REASONS[1:]))]
        with again.transaction() as conn:
            conn.execute("DELETE FROM entries WHERE id = 'e1'")   # versions go with it
            assert conn.execute("SELECT count(*) FROM entry_versions").fetchone()[0] == 0
