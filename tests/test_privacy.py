"""Nothing a person writes exists in plaintext on disk: not in the vault, its side
files, temporary files, or Qt's own settings."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

from tests.conftest import PASSPHRASE
from trustdesk.storage.store import JournalFolder

MARKER = "ZEBRA-MARMALADE-7431"


def files_containing(marker: str, *folders: Path, since: float = 0.0) -> list[Path]:
    """Files under `folders` changed at or after `since` whose bytes hold `marker`."""
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le")]
    hits = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    info = path.lstat()
                    # Only regular files: opening a FIFO another program left there
                    # would wait for a writer forever.
                    if not stat.S_ISREG(info.st_mode) or info.st_mtime < since:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(needle in data for needle in needles):
                    hits.append(path)
    return hits


def test_marker_written_to_the_vault_is_in_no_file(tmp_path, data_dir, _isolated_home):
    started = time.time() - 1
    places = (data_dir, Path(tempfile.gettempdir()), _isolated_home)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for n in range(200):
        store.settings.set(f"note.{n}", f"{MARKER} {n} " + "words " * 50)
    with store.vault.read() as conn:  # sorting forces temporary b-trees
        conn.execute("SELECT value FROM settings ORDER BY value DESC").fetchall()
    assert files_containing(MARKER, *places, since=started) == []
    store.close()
    assert files_containing(MARKER, *places, since=started) == []
