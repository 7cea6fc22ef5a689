"""Run only in a child process by test_journal_crash.py: write in the journal,
let autosave do its work, keep typing, then die with SIGKILL (no flush, no lock,
no clean exit). The parent then opens the vault."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from tests.ui.conftest import open_window, unlock
from tests.ui.journal_helpers import journal_of, wait_saved

FOLDER = os.environ.get("TRUSTDESK_CRASH_DIR", "")
pytestmark = pytest.mark.skipif(not FOLDER, reason="kills its own process: child only")


def test_write_then_get_killed(qtbot, template_vault):
    folder = Path(FOLDER)
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    page = journal_of(window)
    qtbot.keyClicks(page.editor.body, "Autosaved before the crash.")
    wait_saved(qtbot, page)
    qtbot.keyClicks(page.editor.body, " Typed in the last moment.")
    os.kill(os.getpid(), signal.SIGKILL)
