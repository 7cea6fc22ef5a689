"""Step 4 adds a covering index for check-ins to a version-3 file: the entries and
their ratings stay, and the check-ins query reads the index, not the entries'
rows (which carry the bodies)."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.vault import Vault

CHECKINS_SQL = ("SELECT e.written_at, e.mood, e.trust_others, e.trust_self FROM entries e "
                "WHERE (e.mood IS NOT NULL OR e.trust_others IS NOT NULL "
                "OR e.trust_self IS NOT NULL) ORDER BY e.written_at, e.id")


def test_version_3_file_gains_the_checkin_index_and_keeps_its_entries(tmp_path):
    path = tmp_path / "journal.trustdesk"
    when = datetime(2026, 3, 1, 21, 0)
    with Vault.create(path, PASSPHRASE, version=3) as old:
        JournalRepository(old).save_many([
            Entry(id="a", written_at=when, body="a long day", checkin=CheckIn(4, 5, None)),
            Entry(id="b", written_at=when.replace(day=2), body="no ratings")])
        with old.read() as conn:
            assert not conn.execute("SELECT 1 FROM sqlite_master "
                                    "WHERE name = 'entries_checkins'").fetchall()

    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 4
        assert list((tmp_path / "backups").glob("*before-upgrade-v3*"))
        repo = JournalRepository(vault)
        assert repo.checkins(None, None) == [(when, CheckIn(4, 5, None))]
        assert repo.get("b").body == "no ratings"
        with vault.read() as conn:
            plan = " ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {CHECKINS_SQL}"))
        assert "COVERING INDEX entries_checkins" in plan
