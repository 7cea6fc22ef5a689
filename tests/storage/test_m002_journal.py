"""Schema step 2 (the journal) upgrades a version-1 file and keeps its settings."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault


def test_a_version_1_file_gains_the_journal_and_keeps_its_settings(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE, version=1) as old:
        SettingsRepository(old).set("app.theme", "dark")
        with old.read() as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "entries" not in names

    with Vault.open(path, PASSPHRASE, migrate_to=2) as vault:
        assert vault.schema_version == 2
        assert SettingsRepository(vault).get("app.theme") == "dark"
        with vault.read() as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
            secure = conn.execute(
                "SELECT v FROM entries_fts_config WHERE k = 'secure-delete'").fetchone()
            strict = {row[0] for row in conn.execute(
                "SELECT name FROM pragma_table_list WHERE strict = 1")}
        assert {"entries", "tags", "entry_tags", "entries_fts", "entries_by_time",
                "entry_tags_by_tag"} <= names
        assert secure == (1,)
        assert {"entries", "tags", "entry_tags"} <= strict
        assert JournalRepository(vault).count() == 0
        assert vault.check() == []


@pytest.mark.parametrize(("column", "value"), [
    ("mood", 11), ("mood", -1), ("trust_self", 5.5), ("trust_others", "seven"),
    ("written_at", "12 March 2024"), ("body", b"bytes"),
])
def test_the_table_refuses_what_the_domain_would(store, column, value):
    """STRICT tables with CHECKs guard the data even against buggy code."""
    import sqlcipher3

    row = {"id": "x", "doc": 1, "written_at": "2024-03-12T21:40:00",
           "updated_at": "2024-03-12T21:40:00", "body": ""}
    row[column] = value
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with pytest.raises(sqlcipher3.IntegrityError), store.vault.read() as conn:
        conn.execute(f"INSERT INTO entries ({columns}) VALUES ({marks})", list(row.values()))


def test_the_list_and_date_filters_use_the_time_index(store):
    with store.vault.read() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM entries e WHERE e.written_at >= ? "
            "AND e.written_at < ? ORDER BY e.written_at DESC, e.id DESC LIMIT 200",
            ("2024-01-01", "2024-02-01")))
    assert "entries_by_time" in plan and "TEMP B-TREE" not in plan
