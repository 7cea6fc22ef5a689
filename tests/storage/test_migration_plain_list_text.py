"""Step 11 lists a version-10 journal's entries as plain words: the heading and
preview columns are computed again with Markdown's marks set, for the rows that
had marks only; the text itself and the search index stay as they were."""

from __future__ import annotations

from tests.conftest import PASSPHRASE
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.vault import Vault

ROWS = [  # id, doc, title, body, first_line and preview as version 10 stored them
    ("e1", 1, "", "## What helped\nI told **Sam**.", "## What helped", "I told **Sam**."),
    ("e2", 2, "Plain", "Nothing marked here.", "Nothing marked here.", "Nothing marked here."),
    ("e3", 3, "Lake", "> How was today?\n- calm", "How was today?", "> How was today? - calm"),
]


def _write_version_10(path) -> None:
    with Vault.create(path, PASSPHRASE, version=10) as old, old.transaction() as conn:
        for entry_id, doc, title, body, line, preview in ROWS:
            conn.execute(
                "INSERT INTO entries (id, doc, written_at, updated_at, title, body, "
                "first_line, preview) VALUES (?, ?, '2026-07-01T20:00:00', "
                "'2026-07-01T20:00:00', ?, ?, ?, ?)", (entry_id, doc, title, body, line, preview))


def test_a_version_10_journal_is_listed_without_marks(tmp_path):
    path = tmp_path / "journal.trustdesk"
    _write_version_10(path)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 11
        with vault.read() as conn:
            stored = {row[0]: row[1:] for row in conn.execute(
                "SELECT id, first_line, preview, body, updated_at FROM entries")}
            assert conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 0
        assert stored["e1"][:2] == ("What helped", "I told Sam.")
        assert stored["e2"][:2] == ("Nothing marked here.", "Nothing marked here.")
        assert stored["e3"][:2] == ("How was today?", "How was today? calm")
        assert [row[2] for row in stored.values()] == [row[3] for row in ROWS]
        assert {row[3] for row in stored.values()} == {"2026-07-01T20:00:00"}
        journal = JournalRepository(vault)
        rows = {row.id: row for row in journal.rows()}
        assert (rows["e1"].heading, rows["e1"].preview) == ("What helped", "I told Sam.")
        assert [hit.row.id for hit in journal.search("Sam")] == ["e1"]
