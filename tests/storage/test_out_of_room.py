"""Running out of room, a read-only folder, a folder that vanishes: the vault says so
in plain words, stays usable, and loses nothing that was committed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("headroom_pages", [3, 40, 200])
def test_a_file_size_limit_mid_writing_loses_nothing_committed(data_dir, headroom_pages):
    """RLIMIT_FSIZE makes the kernel refuse writes past a size, as a full disk does.
    The worker commits rows until refused, checks it can still read, raises the
    limit, and writes once more; every row it saw committed must be in the file."""
    path = data_dir / "journal.trustdesk"
    limit = path.stat().st_size + headroom_pages * 4096
    result = subprocess.run(
        [sys.executable, "-m", "tests.storage.worker", "fill", str(path), PASSPHRASE,
         str(limit)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failure"] in ("StorageFull", "StorageUnavailable")
    assert report["visible"] == report["committed"], "the connection kept every commit"
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.check() == []
        with vault.read() as conn:
            rows = conn.execute("SELECT n FROM notes ORDER BY n").fetchall()
    assert [n for (n,) in rows] == list(range(1, report["committed"] + 2))


def test_storage_full_has_a_kind_message():
    message = errors.StorageFull().message
    assert "full" in message and "still here" in message


def make_read_only(*paths: Path) -> None:
    """Read-only even for root (tests run as root in CI): the immutable attribute
    where we are root, plain permissions otherwise."""
    for path in paths:
        if os.geteuid() == 0:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if done.returncode != 0:
                pytest.skip(f"this filesystem can't mark files immutable: {done.stderr!r}")
        else:
            os.chmod(path, 0o500 if path.is_dir() else 0o400)


def make_writable(*paths: Path) -> None:
    for path in paths:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            os.chmod(path, 0o700 if path.is_dir() else 0o600)


@pytest.mark.slow
def test_a_read_only_data_folder_is_refused_in_plain_words(data_dir):
    vault = data_dir / "journal.trustdesk"
    before = vault.read_bytes()
    make_read_only(vault, data_dir)
    try:
        with pytest.raises(errors.StorageUnavailable) as caught:
            JournalFolder(data_dir).unlock(PASSPHRASE)
    finally:
        make_writable(data_dir, vault)
    assert "can't write" in caught.value.message
    assert vault.read_bytes() == before


@pytest.mark.slow
def test_a_folder_turning_read_only_while_writing_loses_nothing(store, data_dir):
    store.settings.set("first", 1)
    # Not the -shm: it is shared memory, mapped into the process, not data on disk.
    files = [p for p in data_dir.iterdir() if p.is_file() and not p.name.endswith("-shm")]
    make_read_only(*files, data_dir)
    try:
        try:
            store.settings.set("second", 2)
            outcome = "saved"
        except (errors.StorageUnavailable, errors.StorageFull) as exc:
            outcome = exc.message
        assert store.settings.get("first") == 1
    finally:
        make_writable(data_dir, *files)
    store.settings.set("third", 3)
    store.close()
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    assert reopened.settings.get("first") == 1 and reopened.settings.get("third") == 3
    assert reopened.settings.get("second") == (2 if outcome == "saved" else None)
    reopened.close()


@pytest.mark.slow
def test_a_backup_folder_that_is_read_only_fails_kindly(store, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    make_read_only(folder)
    try:
        with pytest.raises(errors.StorageUnavailable) as caught:
            back_up(store.vault, folder, "manual")
    finally:
        make_writable(folder)
    assert "Your journal itself is fine" in caught.value.message
    assert list(folder.iterdir()) == []


def test_the_vault_folder_vanishing_keeps_words_until_it_returns(store, data_dir, tmp_path):
    """An unplugged drive: writing is refused (SQLite would otherwise write into the
    vanished file and the words would be lost on close), reading goes on, and once
    the folder is back saving works again with nothing lost."""
    store.settings.set("before", "kept")
    away = tmp_path / "unplugged"
    data_dir.rename(away)
    with pytest.raises(errors.StorageUnavailable) as caught:
        store.settings.set("while away", "not yet")
    assert "Your words are kept" in caught.value.message
    assert store.settings.get("before") == "kept"
    away.rename(data_dir)
    store.settings.set("while away", "saved on return")
    store.close()
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    assert reopened.settings.get("before") == "kept"
    assert reopened.settings.get("while away") == "saved on return"
    reopened.close()


def test_a_drive_plugged_back_in_as_a_new_file_is_reconnected(store, data_dir, tmp_path):
    """A remounted drive gives the same file a new identity: the vault reconnects
    with the key it holds and saves there."""
    store.settings.set("before", "kept")
    with store.vault.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    away = tmp_path / "unplugged"
    data_dir.rename(away)
    shutil.copytree(away, data_dir)  # new inodes, same bytes
    store.settings.set("after", "saved")
    store.close()
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    assert (reopened.settings.get("before"), reopened.settings.get("after")) == ("kept", "saved")
    reopened.close()
