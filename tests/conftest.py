"""Shared test setup. Qt runs offscreen; every test gets its own HOME and XDG
folders, so nothing touches the real user's files; vaults are real SQLCipher files
under tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen always, on one 1920x1080 screen (Qt's offscreen default is 800x600, where
# the main window would open maximized).
# The one exception: a child pytest that a test starts on a private X server sets
# TRUSTDESK_TEST_PLATFORM=xcb (tests/ui/test_clipboard_x11.py).
os.environ["QT_QPA_PLATFORM"] = os.environ.get("TRUSTDESK_TEST_PLATFORM") or (
    "offscreen:configfile=" + str(Path(__file__).parent / "data" / "offscreen-screen.json"))
os.environ.pop("TRUSTDESK_DATA_DIR", None)

from trustdesk.storage.store import JournalFolder, Store
from trustdesk.storage.vault import Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session", autouse=True)
def _one_widget_application(qapp):
    """The process's one Qt application is a QApplication, made before any test.
    Commands run in-process (`trustdesk summary`) make a QGuiApplication when none
    exists, and a widget test after that aborted the whole run ("Must construct a
    QApplication before a QWidget")."""
    return qapp


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("TRUSTDESK_DATA_DIR", raising=False)
    # Tests that call `cli.main` in this process must not harden pytest itself: its
    # core limit would drop to 0 for good, and the children tests/test_hardening.py
    # starts with core dumps allowed could no longer be given them. Hardening is
    # tested in those children, where it really runs.
    monkeypatch.setattr("trustdesk.cli.harden_process", lambda: None)
    return home


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly created vault, made once; tests get copies (key derivation is slow)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "journal.trustdesk"
    Vault.create(path, PASSPHRASE).close()
    return path


@pytest.fixture
def data_dir(tmp_path: Path, template_vault: Path) -> Path:
    """A data folder holding a new, locked journal whose passphrase is PASSPHRASE."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    return folder


def add_filler_rows(path: Path, rows: int, words: str) -> Path:
    """Add `rows` settings rows holding `words` to the closed journal at `path`, so the
    file spans more pages (for tests that damage, copy or re-encrypt pages)."""
    with Vault.open(path, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                         [(f"row.{n}", f'"{words}"') for n in range(rows)])
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """The unlocked journal in `data_dir`."""
    opened = JournalFolder(data_dir).unlock(PASSPHRASE)
    yield opened
    opened.close()
