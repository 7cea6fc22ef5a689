"""Every schema step upgrades an older file, after taking a verified backup."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import migrations
from trustdesk.storage.backups.snapshot import verify_backup
from trustdesk.storage.vault import Vault


def test_steps_are_numbered_without_gaps():
    assert [step.version for step in migrations.STEPS] == list(range(1, migrations.LATEST + 1))


def test_scripts_split_into_complete_statements():
    script = """
    CREATE TABLE a(x);
    CREATE TRIGGER t AFTER INSERT ON a BEGIN
        SELECT 1; SELECT 2;
    END;
    """
    assert len(migrations.statements(script)) == 2
    with pytest.raises(ValueError):
        migrations.statements("CREATE TABLE b(x")


@pytest.mark.parametrize("older", range(0, migrations.LATEST))
def test_older_file_is_upgraded_with_a_backup_first(tmp_path, older):
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, PASSPHRASE, version=older).close()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version == migrations.LATEST
        assert vault.check() == []
    backups = list((tmp_path / "backups").glob(f"*before-upgrade-v{older}*"))
    assert len(backups) == 1
    verify_backup(backups[0], PASSPHRASE)
    with Vault.open(backups[0], PASSPHRASE, migrate_to=older) as copy:
        assert copy.schema_version == older


def test_failed_step_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, PASSPHRASE, version=0).close()
    broken = migrations.Migration(1, "CREATE TABLE settings(key TEXT) STRICT;\nNOT SQL;")
    monkeypatch.setattr(migrations, "STEPS", (broken, *migrations.STEPS[1:]))
    with pytest.raises(Exception):  # noqa: B017 - any failure will do
        Vault.open(path, PASSPHRASE)
    monkeypatch.undo()
    with Vault.open(path, PASSPHRASE, migrate_to=0) as vault:
        assert vault.schema_version == 0
        assert vault.table_counts() == {}
