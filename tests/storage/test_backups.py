"""The backup folder: automatic daily copies, rotation (7 daily, 4 weekly), and
what each backup holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import Entry
from trustdesk.storage.backups import folder as backups
from trustdesk.storage.backups.folder import BackupInfo, back_up, back_up_if_due, to_remove
from trustdesk.storage.backups.snapshot import backup_name


def info(when: datetime, kind: str = "daily") -> BackupInfo:
    return BackupInfo(Path(backup_name(kind, when)), when, kind)


def test_names_round_trip_and_foreign_files_are_ignored(tmp_path):
    when = datetime(2026, 3, 12, 9, 30, 5)
    (tmp_path / backup_name("manual", when)).write_bytes(b"x")
    (tmp_path / "holiday-photo.jpg").write_bytes(b"x")
    (tmp_path / "journal-notadate-daily.trustdesk").write_bytes(b"x")
    found = backups.list_backups(tmp_path, tmp_path / "missing")
    assert [(b.made_at, b.kind) for b in found] == [(when, "manual")]
    assert found[0].label() == "Made by you"


def test_rotation_keeps_seven_daily_and_four_weekly():
    today = date(2026, 3, 31)
    # Two backups a day for sixty days.
    all_ = [info(datetime(2026, 3, 31, h) - timedelta(days=d)) for d in range(60) for h in (8, 20)]
    removed = {b.path for b in to_remove(all_, today)}
    kept = sorted((b for b in all_ if b.path not in removed), key=lambda b: b.made_at)
    assert len(kept) == 11
    daily = kept[-7:]
    assert [b.made_at.date() for b in daily] == [today - timedelta(days=d)
                                                 for d in range(6, -1, -1)]
    assert all(b.made_at.hour == 20 for b in kept), "the newest of each day or week is kept"
    weeks = {b.made_at.isocalendar()[:2] for b in kept[:-7]}
    assert len(weeks) == 4
    assert not weeks & {b.made_at.isocalendar()[:2] for b in daily[:1]}


def test_rotation_keeps_the_newest_safety_copy_and_future_dates():
    today = date(2026, 3, 31)
    old_safety = info(datetime(2025, 1, 1), "before-passphrase-change")
    older_safety = info(datetime(2024, 1, 1), "before-upgrade-v1")
    future = info(datetime(2027, 1, 1))
    dailies = [info(datetime(2026, 3, 31) - timedelta(days=d)) for d in range(40)]
    removed = to_remove([old_safety, older_safety, future, *dailies], today)
    assert old_safety not in removed and future not in removed
    assert older_safety in removed


def test_automatic_backup_happens_once_a_day_and_rotates(store, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2026, 3, 1, 9)
    for day in range(20):
        made = back_up_if_due(store.vault, folder, now=start + timedelta(days=day))
        assert made is not None
        assert back_up_if_due(store.vault, folder, now=start + timedelta(days=day, hours=5)) is None
    kept = backups.list_backups(folder)
    assert len(kept) == 7 + 2  # 20 days span 3 ISO weeks before the 7 days kept daily
    assert not list(folder.glob("*.partial"))


def test_back_up_removes_leftovers_of_an_interrupted_backup(store, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    journal = backups.short_journal_id(store.vault)
    leftover = folder / (backup_name("daily", datetime(2026, 1, 1), journal) + ".partial")
    leftover.write_bytes(b"half a copy")
    made = back_up(store.vault, folder, "manual")
    assert made.exists() and not leftover.exists()


def test_two_backups_in_the_same_second_get_different_names(store, tmp_path):
    when = datetime(2026, 3, 1, 9)
    first = back_up(store.vault, tmp_path, "before-restore", now=when)
    second = back_up(store.vault, tmp_path, "before-restore", now=when)
    assert first != second and first.exists() and second.exists()


def test_inspecting_a_backup_counts_the_record_tables_that_exist(store, tmp_path):
    for body in ("a", "b", "c"):
        store.journal.save(Entry.new(body=body))
    made = back_up(store.vault, tmp_path, "manual")
    contents = backups.inspect_backup(made, PASSPHRASE)
    assert contents.counts is not None and contents.counts["entries"] == 3
    assert contents.summary() == "3 entries · 0 worksheets"
    assert backups.describe_counts({"entries": 1, "worksheets": 2, "settings": 9}) == \
        "1 entry · 2 worksheets"
    assert backups.describe_counts({"settings": 3}) == "No entries yet"
    assert backups.inspect_backup(made, "some other passphrase").summary() == \
        "Opens with a different passphrase"
    damaged = tmp_path / backup_name("daily", datetime(2026, 1, 1))
    damaged.write_bytes(b"\0" * 8192)
    assert backups.inspect_backup(damaged, PASSPHRASE).counts is None


def test_backup_folder_setting_lives_in_the_vault(store, tmp_path):
    default = tmp_path / "default"
    assert backups.folder_for(store.settings, default) == default
    backups.choose_folder(store.settings, tmp_path / "usb")
    assert backups.folder_for(store.settings, default) == tmp_path / "usb"
    backups.choose_folder(store.settings, None)
    assert backups.folder_for(store.settings, default) == default
