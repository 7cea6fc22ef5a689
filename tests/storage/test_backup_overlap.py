"""Two backups made at the same moment (the daily one and an import's safety copy)
both complete: rotation after one never removes the other's temporary file."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.conftest import PASSPHRASE
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.backups.snapshot import verify_backup


def test_overlapping_backups_both_complete(store, tmp_path):
    folder = tmp_path / "backups"

    def make(kind: str) -> list[str]:
        return [back_up(store.vault, folder, kind).name for _ in range(4)]

    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(make, ["daily", "before-import"]))
    assert all(len(names) == 4 for names in made)
    for path in folder.iterdir():
        assert not path.name.endswith(".partial")
        verify_backup(path, PASSPHRASE)
