"""Step 6 lets a version-5 file hold what the two-way worksheet asks: the trap
"explaining it away" (the traps table is rebuilt, its rows kept in order), whether
a fear is part of a pattern, playing-it-safe habits and the belief rated again at
the follow-up. Older sheets, their retired "false red flag" trap included, come
through unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk.domain.worksheet import TRAPS, SmallStep, Worksheet
from trustdesk.storage.vault import Vault
from trustdesk.storage.worksheet_repo import WorksheetRepository


def _old_sheet() -> Worksheet:
    step = SmallStep(id="s1", text="Ask Jo about Friday.", due=date(2025, 3, 8),
                     prediction="Jo will sigh.", likelihood=70, outcome="no",
                     what_happened="Jo laughed and said yes.", followed_up_on=date(2025, 3, 9))
    return Worksheet(id="w1", happened_on=date(2025, 3, 1), category="rejection",
                     thought="Jo is tired of me.", belief_before=80, verdict="false_alarm",
                     traps=("false_red_flag", "mind_reading", "should_statements"),
                     balanced_view="Jo was busy.", belief_after=40, step=step,
                     created_at=datetime(2025, 3, 1, 20, 0))


def _write_version_5(path) -> Worksheet:
    """A version-5 file with one sheet, written with the SQL of that version (the
    repository of today would write columns version 5 doesn't have)."""
    sheet = _old_sheet()
    step = sheet.step
    with Vault.create(path, PASSPHRASE, version=5) as old, old.transaction() as conn:
        conn.execute(
            "INSERT INTO worksheets (id, happened_on, category, thought, belief_before, "
            "verdict, balanced_view, belief_after, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (sheet.id, "2025-03-01", sheet.category, sheet.thought, 80, "false_alarm",
             sheet.balanced_view, 40, "2025-03-01T20:00:00"))
        conn.executemany("INSERT INTO worksheet_traps VALUES (?, ?, ?)",
                         [(sheet.id, trap, n) for n, trap in enumerate(sheet.traps)])
        conn.execute(
            "INSERT INTO small_steps (id, worksheet_id, text, due, prediction, likelihood, "
            "what_happened, outcome, followed_up_on, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (step.id, sheet.id, step.text, "2025-03-08", step.prediction, 70,
             step.what_happened, "no", "2025-03-09", "2025-03-01T20:00:00"))
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute("INSERT INTO worksheet_traps VALUES ('w1', 'explaining_away', 3)")
    return sheet


def test_a_version_5_sheet_comes_through_and_the_new_fields_can_be_saved(tmp_path):
    path = tmp_path / "journal.trustdesk"
    sheet = _write_version_5(path)

    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 6
        assert list((tmp_path / "backups").glob("*before-upgrade-v5*"))
        repo = WorksheetRepository(vault)
        loaded = repo.get("w1")
        assert loaded is not None
        assert loaded.traps == ("false_red_flag", "mind_reading", "should_statements")
        assert loaded.pattern is None
        assert loaded.step.playing_safe == "" and loaded.step.belief_at_follow_up is None
        assert replace(loaded, updated_at=None, step=replace(loaded.step, worksheet_id=None)) \
            == replace(sheet, step=replace(sheet.step, worksheet_id=None))

        every_trap = replace(loaded, traps=TRAPS, pattern="yes", verdict="red_flag",
                             step=replace(loaded.step, playing_safe="Asking twice.",
                                          belief_at_follow_up=85))
        repo.save(every_trap)
        again = repo.get("w1")
        assert again.traps == TRAPS and len(TRAPS) == 13
        assert again.pattern == "yes"
        assert (again.step.playing_safe, again.step.belief_at_follow_up) == ("Asking twice.", 85)

        with vault.read() as conn:
            strict = {name for (name,) in conn.execute(
                "SELECT name FROM pragma_table_list WHERE strict = 1")}
            assert "worksheet_traps" in strict
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlcipher3.IntegrityError), vault.transaction() as conn:
            conn.execute("UPDATE worksheets SET pattern = 'often' WHERE id = 'w1'")
        with pytest.raises(sqlcipher3.IntegrityError), vault.transaction() as conn:
            conn.execute("UPDATE small_steps SET belief_at_follow_up = 101")

        repo.delete("w1")   # the rebuilt table still follows its sheet away
        with vault.read() as conn:
            assert conn.execute("SELECT count(*) FROM worksheet_traps").fetchone()[0] == 0
