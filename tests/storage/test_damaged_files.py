"""Damaged journals are named damaged, in plain words, at unlock; a wrong passphrase
stays a wrong passphrase; and a refused file keeps every byte it had."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE, add_filler_rows
from trustdesk.storage import errors
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import PAGE_SIZE, Vault

Damage = Callable[[Path], None]


def truncate_to(pages: Callable[[int], int], extra: int = 0) -> Damage:
    def damage(path: Path) -> None:
        count = path.stat().st_size // PAGE_SIZE
        with open(path, "r+b") as fh:
            fh.truncate(pages(count) * PAGE_SIZE + extra)
    return damage


def flip_in_page(page: Callable[[int], int], at: int = 1000) -> Damage:
    def damage(path: Path) -> None:
        count = path.stat().st_size // PAGE_SIZE
        offset = (page(count) - 1) * PAGE_SIZE + at
        with open(path, "r+b") as fh:
            fh.seek(offset)
            byte = fh.read(1)
            fh.seek(offset)
            fh.write(bytes([byte[0] ^ 0x5A]))
    return damage


def foreign_sqlcipher_file(path: Path) -> None:
    path.unlink()
    other = sqlcipher3.connect(str(path))
    other.set_key(PASSPHRASE)
    other.execute("CREATE TABLE recipes(name TEXT)")
    other.commit()
    other.close()


def foreign_log(path: Path) -> None:
    """A write-ahead log left by another journal, copied in beside ours."""
    other_dir = path.parent / "elsewhere"
    other_dir.mkdir()
    vault = Vault.create(other_dir / "other.trustdesk", "another person's passphrase")
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, '1')",
                         [(f"k{n}",) for n in range(50)])
    shutil.copy(other_dir / "other.trustdesk-wal", path.with_name(path.name + "-wal"))
    vault.close()
    shutil.rmtree(other_dir)


def garbage_side_files(path: Path) -> None:
    path.with_name(path.name + "-wal").write_bytes(os.urandom(3 * PAGE_SIZE))
    path.with_name(path.name + "-shm").write_bytes(os.urandom(32768))


CASES: list[tuple[str, Damage, type[errors.VaultError] | None]] = [
    ("truncated at a page boundary, half", truncate_to(lambda n: n // 2), errors.VaultDamaged),
    ("truncated at a page boundary, last page", truncate_to(lambda n: n - 1),
     errors.VaultDamaged),
    ("truncated to the first page", truncate_to(lambda n: 1), errors.VaultDamaged),
    ("truncated between pages", truncate_to(lambda n: n // 2, 1234), errors.VaultDamaged),
    ("truncated to nothing", truncate_to(lambda n: 0), errors.VaultDamaged),
    ("flipped byte in the first page", flip_in_page(lambda n: 1), errors.VaultDamaged),
    ("flipped byte in the first page's header", flip_in_page(lambda n: 1, 40),
     errors.VaultDamaged),
    ("flipped byte in a middle page", flip_in_page(lambda n: n // 2), errors.VaultDamaged),
    ("flipped byte in the last page", flip_in_page(lambda n: n), errors.VaultDamaged),
    ("flipped byte in the last page's HMAC", flip_in_page(lambda n: n, PAGE_SIZE - 3),
     errors.VaultDamaged),
    ("foreign SQLCipher file, same passphrase", foreign_sqlcipher_file, errors.NotAVault),
    ("write-ahead log of another journal", foreign_log, errors.VaultDamaged),
    ("stale garbage -wal and -shm", garbage_side_files, None),
]


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """The test journal with enough rows for a few dozen pages."""
    return add_filler_rows(data_dir / "journal.trustdesk", 300, "words " * 60)


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != "journal.trustdesk-shm"}


@pytest.mark.parametrize("name, damage, expected", CASES, ids=[c[0] for c in CASES])
def test_damage_is_named_in_plain_words_and_the_file_is_kept(filled, name, damage, expected):
    damage(filled)
    before = fingerprint(filled.parent)
    folder = JournalFolder(filled.parent)
    if expected is None:
        store = folder.unlock(PASSPHRASE)  # SQLite ignores a log with a bad header
        assert store.vault.table_counts()["settings"] >= 300  # ours, plus the log record
        store.close()
        assert (filled.parent / "journal.trustdesk").exists()
        return
    with pytest.raises(expected) as caught:
        folder.unlock(PASSPHRASE)
    message = caught.value.message
    assert message.endswith(".") and "sqlite" not in message.lower()
    assert len(message) < 200
    assert fingerprint(filled.parent) == before, "a refused file must keep every byte"


def test_a_wrong_passphrase_on_a_healthy_file_is_still_a_wrong_passphrase(filled):
    with pytest.raises(errors.WrongPassphrase):
        JournalFolder(filled.parent).unlock("this is not the passphrase")


def test_a_wrong_passphrase_with_a_leftover_log_changes_nothing(filled, tmp_path):
    """After a crash the log holds committed words; a mistyped passphrase must not
    make SQLite fold it (or anything) into the file."""
    vault = Vault.open(filled, PASSPHRASE)
    with vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('last words', '1')")
    crash = tmp_path / "crash"
    crash.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{filled}{suffix}", crash / f"journal.trustdesk{suffix}")
    vault.close()
    before = fingerprint(crash)
    with pytest.raises(errors.WrongPassphrase):
        JournalFolder(crash).unlock("this is not the passphrase")
    assert fingerprint(crash) == before
    store = JournalFolder(crash).unlock(PASSPHRASE)
    assert store.settings.get("last words") == 1
    store.close()


def test_a_log_checkpointed_away_while_it_is_judged_is_no_error(tmp_path, data_dir,
                                                                 monkeypatch):
    """Another TrustDesk closing the journal checkpoints and removes its log; one
    opening it at that moment read the log's frames and then found no log to open
    (FileNotFoundError after Ctrl+Q). The file then holds every page: judge it."""
    from trustdesk.domain.journal import Entry
    from trustdesk.storage import damage

    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    copy = tmp_path / "copy"
    copy.mkdir()
    try:
        store.journal.save(Entry.new(body="Still here."))
        for name in ("journal.trustdesk", "journal.trustdesk-wal"):
            shutil.copy2(data_dir / name, copy / name)
    finally:
        store.close()
    wal = copy / "journal.trustdesk-wal"
    assert wal.stat().st_size > 0
    read_frames = damage.committed_frames
    calls: list[Path] = []

    def frames_then_gone(path: Path):
        frames = read_frames(path)
        calls.append(path)
        if len(calls) == 2:                # reading the pages: the log had frames …
            assert frames
            path.unlink()                  # … and then was checkpointed away
        return frames

    monkeypatch.setattr(damage, "committed_frames", frames_then_gone)
    assert damage.check_side_files(copy / "journal.trustdesk", PASSPHRASE) is not None
    assert len(calls) == 2
