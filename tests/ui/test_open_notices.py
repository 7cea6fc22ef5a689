"""After unlocking a journal beside which an old log was put back (a sync or backup
tool restoring the folder), the person sees every entry, and is told once, in plain
words, that an older copy was set aside and where it is."""

from __future__ import annotations

from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from tests.storage.test_log_rollback import copy_folder_now
from tests.ui.conftest import open_window, unlock
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import dialogs
from trustdesk.ui.shell.open_notices import TITLE


def put_back_an_old_log(data_dir, tmp_path) -> None:
    entries = generated_entries(12)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for entry in entries[:8]:
        store.journal.save(entry)
    earlier = copy_folder_now(data_dir, tmp_path / "earlier")
    for entry in entries[8:]:
        store.journal.save(entry)
    store.close()
    for suffix in ("-wal", "-shm"):
        (data_dir / f"journal.trustdesk{suffix}").write_bytes(
            (earlier / f"journal.trustdesk{suffix}").read_bytes())


def test_an_old_log_set_aside_is_told_once_after_unlocking(qtbot, data_dir, tmp_path):
    put_back_an_old_log(data_dir, tmp_path)
    with dialogs.answering(lambda question: "OK") as asked:
        window = open_window(qtbot, data_dir)
        try:
            unlock(qtbot, window)
            qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
            assert window.session.store.journal.count() == 12
            question = asked[0]
            assert question.title == TITLE and question.kind == "inform"
            aside = list(data_dir.glob("journal.trustdesk-wal.set-aside-*"))
            assert len(aside) == 1 and aside[0].name in question.details
            assert "not deleted" in question.details
            qtbot.wait(50)
            assert len(asked) == 1
        finally:
            window.close()


def test_an_ordinary_unlock_tells_nothing(qtbot, data_dir):
    with dialogs.answering(lambda question: "OK") as asked:
        window = open_window(qtbot, data_dir)
        try:
            unlock(qtbot, window)
            qtbot.wait(50)
            assert asked == []
        finally:
            window.close()
