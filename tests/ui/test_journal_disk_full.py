"""Never lose a word: a real write failure (disk full), and an entry too long to
keep. The disk-full case runs in a child process, because it lowers the
process's file-size limit until every vault write fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.journal_helpers import journal_of, wait_saved
from trustdesk.domain.journal import MAX_BODY
from trustdesk.ui import dialogs
from trustdesk.ui.journal.page import EntryNotSaved

ROOT = Path(__file__).resolve().parents[2]


def run_scenario(tmp_path: Path, name: str, *, wrap: list[str] | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
               "--basetemp", str(tmp_path / "child"), f"tests/ui/disk_full_scenario.py::{name}"]
    full_env = {**os.environ, "TRUSTDESK_DISK_FULL_CHILD": "1",
                "PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([*(wrap or []), *command], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=240)


def can_mount_a_private_tmpfs(folder: Path) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c",
                            f'mount -t tmpfs -o size=1m td-probe "{folder}"'],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
def test_disk_full_keeps_the_words_asks_before_locking_and_retries(tmp_path):
    """A real full disk: a 6 MB tmpfs in a private mount namespace, filled up.
    Needs root (CI runs as root); elsewhere the RLIMIT test below still runs."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if not can_mount_a_private_tmpfs(mount_point):
        pytest.skip("mounting a private tmpfs needs root and unshare")
    script = f'mount -t tmpfs -o size=6m td-small-disk "{mount_point}" && exec "$@"'
    result = run_scenario(
        tmp_path, "test_a_full_disk_keeps_every_word_and_saves_once_there_is_room",
        wrap=["unshare", "-m", "sh", "-c", script, "sh"],
        env={"TRUSTDESK_SMALL_FS": str(mount_point)})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "1 passed" in result.stdout


@pytest.mark.slow
def test_an_unwritable_file_keeps_the_words_asks_before_locking_and_retries(tmp_path):
    result = run_scenario(tmp_path, "test_an_unwritable_file_keeps_every_word_and_saves_"
                          "once_it_can")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "1 passed" in result.stdout


def test_an_entry_over_a_million_characters_is_kept_in_the_editor(qtbot, unlocked):
    page = journal_of(unlocked)
    line = "A long, long entry that goes on and on.\n"
    text = line * (MAX_BODY // len(line) + 1)
    assert len(text) > MAX_BODY
    page.editor.body.insertPlainText(text)  # as a paste would
    qtbot.waitUntil(lambda: "longer than TrustDesk can keep" in page.editor.status.text(),
                    timeout=10000)
    assert page.editor.status.text().startswith("Not saved: ")
    assert page.editor.body.toPlainText() == text
    with pytest.raises(EntryNotSaved, match="Nothing was lost"):
        page.flush()
    with dialogs.answering(lambda question: "Keep it open") as asked:
        assert unlocked.session.request_lock() is False
    assert "longer than TrustDesk can keep" in asked[0].text
    assert page.editor.body.toPlainText() == text
    assert unlocked.session.store.journal.count() == 0

    cursor = page.editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                        len(text) - MAX_BODY + 1)
    cursor.removeSelectedText()
    wait_saved(qtbot, page, timeout=15000)
    (entry,) = unlocked.session.store.journal.entries_between(None, None)
    assert len(entry.body) == MAX_BODY - 1
