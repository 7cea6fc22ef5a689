"""A killed process loses at most the words typed since the last autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.storage.store import JournalFolder

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_autosaved_words_survive_a_killed_process(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    env = {**os.environ, "TRUSTDESK_CRASH_DIR": str(folder), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "child"), "tests/ui/crash_scenario.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stdout[-3000:] + result.stderr[-3000:]
    store = JournalFolder(folder).unlock(PASSPHRASE)
    try:
        (entry,) = store.journal.entries_between(None, None)
        assert entry.body.startswith("Autosaved before the crash.")
        assert store.vault.check() == []
    finally:
        store.close()
