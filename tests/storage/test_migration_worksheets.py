"""Step 3 adds the worksheet tables to a version-2 file and keeps what was there.

The test does not depend on what version 2 holds (the journal's step, merged from
another branch): it only uses the settings table of version 1."""

from __future__ import annotations

from datetime import date

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault
from trustdesk.storage.worksheet_repo import WorksheetRepository

TABLES = {"worksheets", "worksheet_emotions", "worksheet_evidence", "worksheet_traps",
          "small_steps"}


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE, version=2) as old:
        assert not TABLES & set(old.table_counts())
        SettingsRepository(old).set("app.theme", "dark")
    vault = Vault.open(path, PASSPHRASE)
    yield vault
    vault.close()


def test_version_2_file_gains_the_worksheet_tables_and_keeps_its_data(upgraded, tmp_path):
    assert upgraded.schema_version >= 3
    assert set(upgraded.table_counts()) >= TABLES
    assert SettingsRepository(upgraded).get("app.theme") == "dark"
    assert list((tmp_path / "backups").glob("*before-upgrade-v2*"))
    with upgraded.read() as conn:
        strict = conn.execute("SELECT name FROM pragma_table_list WHERE strict = 1").fetchall()
    assert {name for (name,) in strict} >= TABLES
    repo = WorksheetRepository(upgraded)
    sheet = Worksheet(id="w", happened_on=date(2026, 2, 1), thought="t",
                      step=SmallStep(id="s", text="try"))
    repo.save(sheet)
    assert repo.get("w").step.text == "try"


GOOD = ("INSERT INTO worksheets (id, happened_on, category, belief_before, verdict, "
        "created_at) VALUES (?, ?, ?, ?, ?, '2026-02-01T10:00:00')")


@pytest.mark.parametrize("values", [
    ("a", "2026-02-01", "spiders", 50, None),        # unknown fear
    ("b", "2026-02-01", None, 101, None),            # belief out of range
    ("c", "2026-02-01", None, 5.5, None),            # not a whole number
    ("d", "2026-02-30", None, None, None),           # no such day
    ("e", "1 Feb 2026", None, None, None),           # not an ISO date
    ("f", "2026-02-01", None, None, "maybe"),        # unknown verdict
    ("", "2026-02-01", None, None, None),            # no id
])
def test_the_schema_itself_refuses_bad_rows(upgraded, values):
    with upgraded.read() as conn:
        conn.execute(GOOD, ("ok", "2026-02-01", "failing", 50, "not_sure"))
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(GOOD, values)


@pytest.mark.parametrize("sql", [
    "INSERT INTO worksheet_emotions VALUES ('ok', 'during', 0, 'Calm', 10)",
    "INSERT INTO worksheet_emotions VALUES ('ok', 'before', 0, '  ', 10)",
    "INSERT INTO worksheet_emotions VALUES ('ok', 'before', 0, 'Calm', 140)",
    "INSERT INTO worksheet_evidence VALUES ('ok', 'maybe', 0, 'x')",
    "INSERT INTO worksheet_evidence VALUES ('ok', 'for', 0, x'00')",
    "INSERT INTO worksheet_traps VALUES ('ok', 'astrology', 0)",
    "INSERT INTO worksheet_evidence VALUES ('missing-sheet', 'for', 0, 'x')",
    "INSERT INTO small_steps (id, outcome, created_at) VALUES ('s', 'maybe', '2026-01-01')",
    "INSERT INTO small_steps (id, likelihood, created_at) VALUES ('s', -1, '2026-01-01')",
    "INSERT INTO small_steps (id, due, created_at) VALUES ('s', 'soon', '2026-01-01')",
    "INSERT INTO small_steps (id, created_at) VALUES ('s', 'yesterday')",
])
def test_child_tables_refuse_bad_rows(upgraded, sql):
    with upgraded.read() as conn:
        conn.execute(GOOD, ("ok", "2026-02-01", "failing", 50, "not_sure"))
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(sql)


def test_a_step_may_stand_alone(upgraded):
    with upgraded.read() as conn:
        conn.execute("INSERT INTO small_steps (id, text, due, created_at) "
                     "VALUES ('alone', 'Say no to one extra shift', '2026-03-01', "
                     "'2026-02-20T08:00:00')")
    assert [s.id for s in WorksheetRepository(upgraded).steps()] == ["alone"]
