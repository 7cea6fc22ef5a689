"""A write-ahead log from an earlier moment of the same journal (put back by a
folder sync or a backup tool) is never replayed: the journal keeps every entry, the
old log is set aside under a new name, byte for byte, and the person is told. A log
left by a real crash is still replayed, and a check changes nothing it checks."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from trustdesk.storage import log_guard
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import Vault, side_file


def copy_folder_now(source: Path, target: Path) -> Path:
    """What a backup or sync tool sees: the journal and its side files, as they are."""
    target.mkdir()
    for item in source.iterdir():
        if item.name.startswith("journal.trustdesk"):
            shutil.copy(item, target / item.name)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry_count(folder: Path) -> int:
    store = JournalFolder(folder).unlock(PASSPHRASE)
    try:
        return store.journal.count()
    finally:
        store.close()


@pytest.fixture
def rolled_back(data_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    """The issue's scenario: 80 entries written while open (all in the log), the
    folder copied then; 40 more, the app closed (120 in the file); then the copied
    log put back beside the newer file. Returns the folder and the old log's digest."""
    entries = generated_entries(120)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for entry in entries[:80]:
        store.journal.save(entry)
    earlier = copy_folder_now(data_dir, tmp_path / "earlier")
    for entry in entries[80:]:
        store.journal.save(entry)
    store.close()
    assert not side_file(data_dir / "journal.trustdesk", "-wal").exists()
    old_log = earlier / "journal.trustdesk-wal"
    assert old_log.stat().st_size > 0, "the earlier moment must have had a log"
    shutil.copy(old_log, data_dir / "journal.trustdesk-wal")
    shutil.copy(earlier / "journal.trustdesk-shm", data_dir / "journal.trustdesk-shm")
    return data_dir, digest(old_log)


def test_an_old_log_put_back_beside_a_newer_journal_is_not_replayed(rolled_back):
    folder, old_digest = rolled_back
    store = JournalFolder(folder).unlock(PASSPHRASE)
    try:
        assert store.journal.count() == 120
        assert store.vault.check() == []
        old = store.vault.old_log
        assert old is not None and old.moved
    finally:
        store.close()
    assert old.path.parent == folder
    assert old.path.name.startswith("journal.trustdesk-wal.set-aside-")
    assert digest(old.path) == old_digest, "set aside byte for byte, never changed"
    assert entry_count(folder) == 120, "and the next opening keeps all of them"


def test_a_read_only_opening_ignores_an_old_log_and_leaves_it_where_it_is(rolled_back):
    folder, old_digest = rolled_back
    journal = folder / "journal.trustdesk"
    before = digest(journal)
    store = JournalFolder(folder).unlock(PASSPHRASE, read_only=True)
    try:
        assert store.journal.count() == 120
        assert store.vault.old_log is not None and not store.vault.old_log.moved
    finally:
        store.close()
    assert digest(journal) == before
    assert digest(side_file(journal, "-wal")) == old_digest


def test_a_crash_log_is_still_replayed(data_dir, tmp_path):
    """The log of a session that never closed holds the last words: replay it."""
    entries = generated_entries(30)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for entry in entries:
        store.journal.save(entry)
    crashed = copy_folder_now(data_dir, tmp_path / "crashed")
    store.close()
    opened = JournalFolder(crashed).unlock(PASSPHRASE)
    try:
        assert opened.journal.count() == 30
        assert opened.vault.old_log is None
    finally:
        opened.close()


def test_a_log_that_goes_on_after_its_recording_is_replayed(data_dir, tmp_path):
    """A checkpoint that could not finish leaves the recorded log in use; the words
    written after the recording are newer than the file and must come back."""
    path = data_dir / "journal.trustdesk"
    vault = Vault.open(path, PASSPHRASE)
    with vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('before', '1')")
    with vault.read() as conn:  # recorded, but not checkpointed (as if a reader held on)
        log_guard.record_retirement(conn, side_file(path, "-wal"), 4096)
    with vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('after', '1')")
    crashed = copy_folder_now(data_dir, tmp_path / "crashed")
    vault.close()
    store = JournalFolder(crashed).unlock(PASSPHRASE)
    try:
        assert store.settings.get("after") == 1
        assert store.vault.old_log is None
    finally:
        store.close()


def test_a_log_whose_checkpoint_was_cut_off_is_replayed(data_dir, tmp_path):
    """A crash in the middle of the closing checkpoint leaves a log that ends with its
    recording and a file that already holds some of its pages: finish it."""
    path = data_dir / "journal.trustdesk"
    vault = Vault.open(path, PASSPHRASE)
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, '1')",
                         [(f"k{n}",) for n in range(200)])
    with vault.read() as conn:
        log_guard.record_retirement(conn, side_file(path, "-wal"), 4096)
    crashed = copy_folder_now(data_dir, tmp_path / "crashed")
    vault.close()
    # The checkpoint got as far as the recording's pages, then the power went.
    log = crashed / "journal.trustdesk-wal"
    state = log_guard.read_log(log, 4096)
    assert state is not None
    with open(log, "rb") as wal, open(crashed / "journal.trustdesk", "r+b") as main:
        start = state.commits[-2] + 1 if len(state.commits) > 1 else 1
        for number in range(start, state.frames + 1):
            wal.seek(32 + (number - 1) * (24 + 4096))
            page = int.from_bytes(wal.read(24)[0:4], "big")
            main.seek((page - 1) * 4096)
            main.write(wal.read(4096))
    store = JournalFolder(crashed).unlock(PASSPHRASE)
    try:
        assert store.vault.old_log is None
        assert store.settings.get("k199") == 1
        assert store.vault.check() == []
    finally:
        store.close()


def test_a_check_changes_nothing_it_checks(data_dir, tmp_path):
    """`check` on a journal with an unmerged log: the file and the log keep every
    byte (before, the check merged the log first)."""
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for entry in generated_entries(20):
        store.journal.save(entry)
    crashed = copy_folder_now(data_dir, tmp_path / "crashed")
    store.close()
    journal = crashed / "journal.trustdesk"
    before = (digest(journal), digest(side_file(journal, "-wal")))
    checked = JournalFolder(crashed).unlock(PASSPHRASE, read_only=True)
    try:
        assert checked.vault.check() == []
        assert checked.journal.count() == 20
    finally:
        checked.close()
    assert (digest(journal), digest(side_file(journal, "-wal"))) == before


def test_erasing_everything_also_removes_a_log_set_aside(rolled_back):
    """A set-aside log holds the journal's pages (encrypted): erasing takes it too."""
    from trustdesk.storage.erase import erase_everything

    folder, _ = rolled_back
    JournalFolder(folder).unlock(PASSPHRASE).close()
    assert list(folder.glob("journal.trustdesk-wal.set-aside-*"))
    erase_everything(folder, [folder / "backups"])
    assert not list(folder.glob("journal.trustdesk*"))


def test_a_long_log_is_checkpointed_without_waiting_for_a_reader(data_dir):
    """The vault checkpoints a long log itself; a save must not stall behind a reader
    (a backup's snapshot), and the log must not grow without end once it is gone."""
    import time

    from trustdesk.storage.vault import CHECKPOINT_BYTES, connect_existing, key_and_verify

    path = data_dir / "journal.trustdesk"
    vault = Vault.open(path, PASSPHRASE)
    reader = connect_existing(path)
    key_and_verify(reader, PASSPHRASE)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM settings").fetchone()  # holds a snapshot
    slowest = 0.0
    try:
        for n in range(40):
            start = time.perf_counter()
            with vault.transaction() as conn:
                conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                             (f"big.{n}", '"' + "x" * 200_000 + '"'))
            slowest = max(slowest, time.perf_counter() - start)
        assert side_file(path, "-wal").stat().st_size > CHECKPOINT_BYTES
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert slowest < 1.0, f"a save waited {slowest:.2f} s for the reader"
    with vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('last', '1')")
    assert side_file(path, "-wal").stat().st_size < CHECKPOINT_BYTES
    vault.close()
    assert entry_count(data_dir) == 0
