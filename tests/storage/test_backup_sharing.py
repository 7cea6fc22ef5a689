"""Two journals can share a backup folder: each one's rotation removes only its own
copies (named with its id), never the other's, and never a copy whose journal it
can't prove. Older copies without an id are still rotated in the usual folder inside
the journal's own data folder, which holds nothing else."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import PASSPHRASE
from trustdesk.storage.backups import folder as backups
from trustdesk.storage.backups.folder import back_up_if_due, list_backups
from trustdesk.storage.backups.snapshot import backup_name
from trustdesk.storage.store import JournalFolder


def two_journals(tmp_path: Path, template_vault: Path):
    stores = []
    for name in ("alex", "sam"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy2(template_vault, folder / "journal.trustdesk")
        stores.append(JournalFolder(folder).unlock(PASSPHRASE))
    return stores


def test_rotation_never_removes_another_journals_backups(tmp_path, template_vault):
    shared = tmp_path / "shared backups"
    shared.mkdir()
    unnamed = shared / backup_name("daily", datetime(2026, 2, 1, 9))
    unnamed.write_bytes(b"a copy from before backups carried an id")
    alex, sam = two_journals(tmp_path, template_vault)
    try:
        ids = {backups.short_journal_id(s.vault) for s in (alex, sam)}
        assert len(ids) == 2 and None not in ids
        start = datetime(2026, 3, 1, 9)
        for day in range(20):
            for hour, store in ((0, alex), (1, sam)):
                made = back_up_if_due(store.vault, shared,
                                      now=start + timedelta(days=day, hours=hour))
                assert made is not None, "one journal's backup doesn't stand for the other's"
        kept = list_backups(shared)
        per_journal = {journal: sum(1 for info in kept if info.journal == journal)
                       for journal in ids}
        assert per_journal == dict.fromkeys(ids, 7 + 2)  # 7 daily and 2 weekly each
        assert unnamed.exists(), "a copy of no provable journal is never removed"
    finally:
        alex.close()
        sam.close()


def test_unnamed_copies_in_the_usual_folder_still_rotate(store, data_dir):
    usual = data_dir / "backups"
    usual.mkdir()
    old = [usual / backup_name("daily", datetime(2026, 1, 1, 9) + timedelta(days=d))
           for d in range(30)]
    for path in old:
        path.write_bytes(b"an older backup of this journal")
    start = datetime(2026, 3, 1, 9)
    for day in range(10):
        back_up_if_due(store.vault, usual, now=start + timedelta(days=day))
    kept = list_backups(usual)
    assert len(kept) == 7 + 4
    assert all(info.journal == backups.short_journal_id(store.vault) for info in kept[:7])


def test_the_id_travels_inside_the_journal_and_its_backups(store, tmp_path):
    first = backups.journal_id(store.vault)
    assert first == backups.journal_id(store.vault) and len(first) == 32
    made = backups.back_up(store.vault, tmp_path / "b", "manual")
    assert f".{first[:8]}.trustdesk" in made.name
    assert backups.parse(made).journal == first[:8]
