"""Journal text never reaches the disk in plaintext: not in the vault, its side
files, the full-text index, or temporary files; and a deleted entry's words
leave the index."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.test_privacy import MARKER, files_containing
from trustdesk.domain.journal import Entry
from trustdesk.storage.store import JournalFolder


def test_entries_searches_and_deletes_leave_no_plaintext(tmp_path, data_dir, _isolated_home):
    started = time.time() - 1
    places = (data_dir, Path(tempfile.gettempdir()), _isolated_home)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    entries = [Entry.new(title=f"{MARKER} {n}", body=f"{MARKER} " + "words " * 300,
                         tags=f"tag-{MARKER.lower()}") for n in range(100)]
    store.journal.save_many(entries)
    assert len(store.journal.search(MARKER.split("-")[0])) == 100
    store.journal.rows(limit=1000)
    for entry in entries[:50]:
        store.journal.delete(entry.id)
    assert files_containing(MARKER, *places, since=started) == []
    store.close()
    assert files_containing(MARKER, *places, since=started) == []
