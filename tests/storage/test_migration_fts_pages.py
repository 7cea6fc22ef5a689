"""Step 5 rebuilds the full-text index of a version-4 file with 1,000-byte pages:
every entry is still found, the index agrees with the entries, and secure-delete
still wipes an edited entry's old words."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import Entry
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.vault import Vault

WORDS = ["trust", "small", "steps", "listening", "morning", "kitchen", "letter", "sister",
         "promise", "quiet", "honest", "walk", "evening", "patience", "courage"]


def _entries(count: int) -> list[Entry]:
    start = datetime(2025, 1, 1, 21, 0)
    return [Entry(id=f"e{n}", written_at=start + timedelta(days=n),
                  body=" ".join(f"{WORDS[(n * 7 + k) % len(WORDS)]}{k % 40}" for k in range(300)))
            for n in range(count)]


def _largest_index_page(vault: Vault) -> int:
    with vault.read() as conn:
        # id 1 is FTS5's structure record, id 10 its averages; pages come after.
        return conn.execute("SELECT max(length(block)) FROM entries_fts_data "
                            "WHERE id > 10").fetchone()[0]


def test_a_version_4_index_is_rebuilt_with_small_pages_and_loses_nothing(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE, version=4) as old:
        repo = JournalRepository(old)
        repo.save_many(_entries(120))
        # (save_many: a version 4 file has no entry history for `save` to keep)
        repo.save_many([repo.get("e3").edited(body="an apology, a lanternfish and a long walk")])
        assert _largest_index_page(old) > 2000

    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 5
        assert list((tmp_path / "backups").glob("*before-upgrade-v4*"))
        assert _largest_index_page(vault) <= 1200
        with vault.read() as conn:
            config = dict(conn.execute("SELECT k, v FROM entries_fts_config"))
            conn.execute("INSERT INTO entries_fts (entries_fts, rank) "
                         "VALUES ('integrity-check', 1)")   # raises if index ≠ entries
        assert config["pgsz"] == 1000 and config["secure-delete"] == 1
        repo = JournalRepository(vault)
        assert repo.count() == 120
        assert [hit.row.id for hit in repo.search("lanternfish")] == ["e3"]
        found = {hit.row.id for hit in repo.search("sister", limit=1000)}
        assert found == {f"e{n}" for n in range(120)} - {"e3"}

        repo.save(repo.get("e3").edited(body="a long walk"))
        repo.index_pending()                      # as leaving the entry does
        with vault.read() as conn:
            conn.execute("CREATE VIRTUAL TABLE temp.vocab "
                         "USING fts5vocab(main, entries_fts, 'row')")
            terms = {row[0] for row in conn.execute("SELECT term FROM temp.vocab")}
        assert "lanternfish" not in terms and "walk" in terms
