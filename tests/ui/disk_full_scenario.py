"""Run only in child processes by test_journal_disk_full.py, because each test
makes real writes fail for the whole process:

- a full disk: the journal lives on a small tmpfs (mounted by the parent in a
  private mount namespace) that is then filled to the last byte (ENOSPC);
- an unwritable file: the process's file-size limit (RLIMIT_FSIZE) is lowered
  so every write past the first page of any file fails (an I/O error).

Nothing is mocked: SQLite itself fails to write."""

from __future__ import annotations

import errno
import os
import resource
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import open_window, unlock
from tests.ui.journal_helpers import journal_of, wait_saved
from trustdesk.storage import errors
from trustdesk.ui import dialogs

CHILD = os.environ.get("TRUSTDESK_DISK_FULL_CHILD") == "1"
SMALL_FS = os.environ.get("TRUSTDESK_SMALL_FS", "")
pytestmark = pytest.mark.skipif(not CHILD, reason="makes writes fail: child process only")

FULL = "Not saved yet: the disk is full. TrustDesk will keep trying."
UNWRITABLE = ("Not saved yet: the journal's folder can't be written to right now. "
              "TrustDesk will keep trying.")


def keeps_words_while_writes_fail(qtbot, window, break_writes: Callable[[], None],
                                  mend_writes: Callable[[], None], message: str) -> None:
    page = journal_of(window)
    qtbot.keyClicks(page.editor.body, "Words saved before the disk filled up.")
    wait_saved(qtbot, page)
    break_writes()
    try:
        qtbot.keyClicks(page.editor.body, " Words typed while it was full.")
        # Generous: on a loaded machine the failing save can queue behind the unlock's
        # backup and SQLite's busy wait before it reports the full disk.
        qtbot.waitUntil(lambda: page.editor.status.text().startswith("Not saved yet"),
                        timeout=45000)
        assert page.editor.status.text() == message
        assert window.workspace.status_line.text() == "Encrypted · not saved yet"
        full_text = page.editor.body.toPlainText()
        assert full_text.endswith("Words typed while it was full.")
        assert page._retry_timer.isActive(), "saving is retried on its own"

        with pytest.raises((errors.StorageFull, errors.StorageUnavailable)):
            page.flush()
        with dialogs.answering(lambda question: "Keep it open") as asked:
            assert window.session.request_lock() is False
        assert asked[0].title == "Not saved yet" and window.session.is_unlocked()
        window.workspace.show_page("settings")  # switching pages doesn't drop the words
        page = journal_of(window)
        qtbot.keyClick(page.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert page.editor.body.toPlainText() == full_text
        stored = window.session.store.journal.get(page.current_entry_id())
        assert stored.body == "Words saved before the disk filled up."
    finally:
        mend_writes()

    page._retry_timer.setInterval(100)  # the retry is real; only its wait is shortened
    page._retry_timer.start()
    wait_saved(qtbot, page)
    assert window.session.store.journal.get(page.current_entry_id()).body == full_text
    assert window.session.store.vault.check() == []
    assert window.session.request_lock() is True


@pytest.mark.skipif(not SMALL_FS, reason="needs a small filesystem mounted by the parent")
def test_a_full_disk_keeps_every_word_and_saves_once_there_is_room(qtbot, template_vault):
    folder = Path(SMALL_FS) / "data"
    folder.mkdir(mode=0o700)
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    filler = Path(SMALL_FS) / "filler"

    def fill_the_disk() -> None:
        """Write zeros until the filesystem refuses even one more byte."""
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (1 << 20, 65536, 4096, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)

    keeps_words_while_writes_fail(qtbot, window, fill_the_disk,
                                  lambda: filler.unlink(), FULL)
    window.close()


def test_an_unwritable_file_keeps_every_word_and_saves_once_it_can(qtbot, unlocked):
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    keeps_words_while_writes_fail(
        qtbot, unlocked, lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard)),
        lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard)), UNWRITABLE)
