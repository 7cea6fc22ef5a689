"""The vault opens only with its passphrase, refuses what isn't a TrustDesk journal
in plain words, and never changes a file it refuses."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk.storage import errors
from trustdesk.storage.migrations import LATEST
from trustdesk.storage.vault import PAGE_SIZE, Vault

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in `folder` with its hash and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_create_then_open_with_the_same_passphrase(tmp_path):
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, PASSPHRASE).close()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version == LATEST
        assert vault.check() == []


def test_new_vault_file_is_private(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for side in tmp_path.glob("journal.trustdesk-*"):
            assert stat.S_IMODE(side.stat().st_mode) == 0o600, side.name
    assert not list(tmp_path.glob("*.new")), "the staging file was left behind"


def test_the_file_is_encrypted(tmp_path):
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, PASSPHRASE).close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_open_configures_the_connection_safely(store):
    with store.vault.read() as conn:
        pragma = lambda name: conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("temp_store") == 2           # MEMORY: no plaintext temp files
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2          # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("cipher_kdf_algorithm") == "PBKDF2_HMAC_SHA512"
        assert int(pragma("kdf_iter")) == 256000
        assert pragma("cipher_memory_security") == "1"  # freed memory is wiped


@pytest.mark.slow
def test_opening_a_journal_turns_on_memory_security_in_a_fresh_process(data_dir):
    """Process-wide and off by default in SQLCipher: the first connection turns it on."""
    script = ("import sys, sqlcipher3\n"
              "from trustdesk.storage.vault import Vault\n"
              "probe = lambda: sqlcipher3.connect(':memory:').execute("
              "'PRAGMA cipher_memory_security').fetchone()[0]\n"
              "before = probe()\n"
              "Vault.open(sys.argv[1], sys.argv[2]).close()\n"
              "print(before, probe())\n")
    done = subprocess.run([sys.executable, "-c", script, str(data_dir / "journal.trustdesk"),
                           PASSPHRASE], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.stdout.split() == ["0", "1"], done.stdout + done.stderr


def test_wrong_passphrase_is_refused_quietly_and_changes_nothing(data_dir, capfd):
    before = fingerprint(data_dir)
    with pytest.raises(errors.WrongPassphrase) as caught:
        Vault.open(data_dir / "journal.trustdesk", "not the passphrase")
    assert caught.value.message == "That passphrase doesn't unlock this journal."
    assert fingerprint(data_dir) == before
    out, err = capfd.readouterr()
    assert out == "" and err == ""


@pytest.mark.parametrize("passphrase", [
    "it's a \"quoted\" one; DROP TABLE settings; --",
    "🙂 emoji only 🌱🌊",
    "x" * 500,
    "Ünïcödé wörds ß ø",
    "  leading and trailing spaces  ",
])
def test_unusual_passphrases_work(tmp_path, passphrase):
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, passphrase).close()
    Vault.open(path, passphrase).close()
    with pytest.raises(errors.WrongPassphrase):
        Vault.open(path, passphrase + "!")


def test_nfd_and_nfc_spellings_of_a_passphrase_are_the_same_key(tmp_path):
    nfc = unicodedata.normalize("NFC", "café für Zoë")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = tmp_path / "journal.trustdesk"
    Vault.create(path, nfd).close()
    Vault.open(path, nfc).close()


def test_missing_file_is_reported_and_not_created(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with pytest.raises(errors.VaultMissing):
        Vault.open(path, PASSPHRASE)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_plain_sqlite_file_is_refused_by_its_header(tmp_path):
    path = tmp_path / "journal.trustdesk"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE notes(text)")
    plain.commit()
    plain.close()
    before = fingerprint(tmp_path)
    with pytest.raises(errors.NotAVault) as caught:
        Vault.open(path, PASSPHRASE)
    assert "not a TrustDesk journal" in caught.value.message
    assert fingerprint(tmp_path) == before


def test_random_bytes_are_refused(tmp_path, capfd):
    path = tmp_path / "journal.trustdesk"
    path.write_bytes(os.urandom(PAGE_SIZE * 4))
    with pytest.raises(errors.WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    assert capfd.readouterr().err == ""


def test_zero_byte_file_is_damaged_not_a_new_journal(tmp_path):
    path = tmp_path / "journal.trustdesk"
    path.touch()
    with pytest.raises(errors.VaultDamaged):
        Vault.open(path, PASSPHRASE)
    assert path.stat().st_size == 0


def test_file_cut_mid_page_is_damaged(data_dir):
    path = data_dir / "journal.trustdesk"
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size - 100)
    with pytest.raises(errors.VaultDamaged):
        Vault.open(path, PASSPHRASE)


def test_file_cut_at_a_page_boundary_is_found_damaged(tmp_path):
    path = tmp_path / "journal.trustdesk"
    with Vault.create(path, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("CREATE TABLE filler(x TEXT) STRICT")
        conn.executemany("INSERT INTO filler VALUES (?)", [("y" * 900,)] * 200)
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2 // PAGE_SIZE * PAGE_SIZE)
    with pytest.raises(errors.VaultDamaged):
        vault = Vault.open(path, PASSPHRASE)
        try:
            problems = vault.check()
        finally:
            vault.close()
        if problems:
            raise errors.VaultDamaged()


def test_foreign_sqlcipher_file_is_not_a_journal(tmp_path):
    path = tmp_path / "journal.trustdesk"
    other = sqlcipher3.connect(str(path))
    other.set_key(PASSPHRASE)
    other.execute("CREATE TABLE something(x)")
    other.commit()
    other.close()
    with pytest.raises(errors.NotAVault):
        Vault.open(path, PASSPHRASE)


def test_journal_from_a_newer_version_is_refused_untouched(data_dir):
    path = data_dir / "journal.trustdesk"
    raw = sqlcipher3.connect(str(path))
    raw.set_key(PASSPHRASE)
    raw.execute(f"PRAGMA user_version = {LATEST + 1}")
    raw.commit()
    raw.close()
    before = fingerprint(data_dir)
    with pytest.raises(errors.VaultTooNew):
        Vault.open(path, PASSPHRASE)
    assert fingerprint(data_dir)["journal.trustdesk"] == before["journal.trustdesk"]


def test_create_refuses_to_overwrite(data_dir):
    with pytest.raises(errors.VaultExists):
        Vault.create(data_dir / "journal.trustdesk", "another passphrase")


def test_failed_transaction_rolls_back(store):
    with pytest.raises(ZeroDivisionError), store.vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        1 / 0  # noqa: B018
    assert store.settings.get("a") is None


def test_strict_tables_reject_wrong_types(store):
    with pytest.raises(sqlcipher3.IntegrityError), store.vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('a', 'not json')")


def test_closed_vault_refuses_use(store):
    store.close()
    with pytest.raises(errors.VaultLocked), store.vault.read():
        pass
