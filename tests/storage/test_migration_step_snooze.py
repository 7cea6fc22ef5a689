"""Step 7 lets a version-6 file snooze and skip its small steps; steps already there
come through unchanged and keep waiting as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk.domain.steps import skip, snooze
from trustdesk.storage.vault import Vault
from trustdesk.storage.worksheet_repo import WorksheetRepository

TODAY = date(2026, 12, 7)


def _write_version_6(path) -> None:
    with Vault.create(path, PASSPHRASE, version=6) as old, old.transaction() as conn:
        conn.execute("INSERT INTO worksheets (id, happened_on, thought, created_at) "
                     "VALUES ('w1', '2026-07-01', 'Jo is tired of me.', '2026-07-01T20:00:00')")
        conn.execute("INSERT INTO small_steps (id, worksheet_id, text, due, created_at) "
                     "VALUES ('s1', 'w1', 'Ask Jo about Friday.', '2026-07-10', "
                     "'2026-07-01T20:00:00')")
        with pytest.raises(sqlcipher3.OperationalError):
            conn.execute("UPDATE small_steps SET snoozed_until = '2026-12-09'")


def test_a_version_6_step_keeps_waiting_and_can_then_be_snoozed_and_skipped(tmp_path):
    path = tmp_path / "journal.trustdesk"
    _write_version_6(path)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version >= 7
        repo = WorksheetRepository(vault)
        (due,) = repo.follow_ups_due(TODAY)
        assert due.step.text == "Ask Jo about Friday." and due.step.snoozed_until is None
        repo.save_plan(snooze(due.step, date(2026, 12, 9), TODAY))
        assert repo.follow_ups_due(TODAY) == [] and repo.due_count(date(2026, 12, 9)) == 1
        assert repo.get("w1").step.snoozed_until == date(2026, 12, 9)
        repo.save_plan(skip(repo.get("w1").step, TODAY))
        assert repo.due_count(date(2027, 1, 1)) == 0
        with pytest.raises(sqlcipher3.IntegrityError), vault.transaction() as conn:
            conn.execute("UPDATE small_steps SET skipped_on = '2026-02-30'")
    with Vault.open(path, PASSPHRASE) as again:
        step = WorksheetRepository(again).get("w1").step
        assert step.skipped_on == TODAY and step.snoozed_until is None


def test_saving_the_sheet_keeps_a_snooze_unless_the_date_changes(tmp_path):
    path = tmp_path / "journal.trustdesk"
    _write_version_6(path)
    with Vault.open(path, PASSPHRASE) as vault:
        repo = WorksheetRepository(vault)
        sheet = repo.get("w1")
        repo.save_plan(snooze(sheet.step, date(2026, 12, 9), TODAY))
        repo.save(replace(sheet, step=replace(sheet.step, text="Ask Jo about Saturday.")))
        assert repo.get("w1").step.snoozed_until == date(2026, 12, 9)
        sheet = repo.get("w1")
        repo.save(replace(sheet, step=replace(sheet.step, due=date(2026, 12, 20),
                                              snoozed_until=None)))
        assert repo.get("w1").step.snoozed_until is None
        assert repo.get("w1").step.waits_until == date(2026, 12, 20)
