"""A damaged journal at unlock gets a plain message and the newest good backup; the
damaged file is kept, byte for byte. And after a whole session (backup, lock,
restore), a marker written into the journal is in no file anywhere we look."""

from __future__ import annotations

import hashlib
import tempfile
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE, add_filler_rows
from tests.test_privacy import files_containing
from tests.ui.conftest import open_window, unlock
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import PAGE_SIZE
from trustdesk.ui import dialogs
from trustdesk.ui.restore_dialog import CHECKING
from trustdesk.ui.shell.rescue import RescueScreen
from trustdesk.ui.shell.window import MainWindow

MARKER = "PELICAN-TURNIP-5820"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_a_middle_page(path: Path) -> None:
    pages = path.stat().st_size // PAGE_SIZE
    with open(path, "r+b") as fh:
        fh.seek((pages // 2) * PAGE_SIZE + 700)
        fh.write(b"\xde\xad\xbe\xef")


def unlock_into_rescue(qtbot, data_dir: Path) -> tuple[MainWindow, RescueScreen]:
    """Open the window on the damaged journal in `data_dir`, type the passphrase and
    press Return, and wait for the rescue screen."""
    window = open_window(qtbot, data_dir)
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current_screen(), RescueScreen), timeout=20000)
    screen = window.current_screen()
    assert isinstance(screen, RescueScreen)
    return window, screen


def test_a_damaged_journal_offers_the_newest_good_backup(qtbot, data_dir):
    add_filler_rows(data_dir / "journal.trustdesk", 200, "words " * 80)
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    back_up(store.vault, data_dir / "backups", "daily")
    store.close()
    vault = data_dir / "journal.trustdesk"
    damage_a_middle_page(vault)
    damaged = digest(vault)

    window, screen = unlock_into_rescue(qtbot, data_dir)
    assert "damaged" in screen.text.text() and "left exactly as it was" in screen.text.text()
    qtbot.waitUntil(lambda: screen.restore_button.isVisible(), timeout=20000)
    assert screen.offer_text.text().startswith("Your newest good backup is from ")
    assert vault.exists() and digest(vault) == damaged, "nothing touched before the choice"
    with qtbot.waitSignal(window.session.unlocked, timeout=30000):
        qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    kept = list(data_dir.glob("journal-*-damaged.trustdesk"))
    assert len(kept) == 1 and digest(kept[0]) == damaged
    assert window.session.store.vault.table_counts()["settings"] >= 200
    window.close()


def test_a_damaged_journal_without_backups_says_so_and_changes_nothing(qtbot, data_dir):
    vault = data_dir / "journal.trustdesk"
    with open(vault, "r+b") as fh:
        fh.truncate(vault.stat().st_size - 100)
    before = digest(vault)
    window, screen = unlock_into_rescue(qtbot, data_dir)
    qtbot.waitUntil(lambda: not screen.busy.isVisible(), timeout=20000)
    assert "found no backup" in screen.offer_text.text()
    assert not screen.restore_button.isVisible()
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.unlock_screen
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen))  # not kept behind the others
    assert window.screens.count() == 1
    assert digest(vault) == before
    window.close()


def test_nothing_written_leaks_into_any_file_after_a_whole_session(qtbot, data_dir,
                                                                    _isolated_home):
    started = time.time() - 1
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    for n in range(100):
        window.session.store.settings.set(f"note.{n}", f"{MARKER} {n} " + "words " * 40)
    page = window.workspace.show_page("settings")
    backups = page.safety.backups
    daily = window.session.daily_backup
    qtbot.waitUntil(lambda: daily is None or daily.result is not None
                    or daily.error is not None, timeout=20000)
    qtbot.mouseClick(backups.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups.task is None, timeout=20000)
    window.session.request_lock()
    unlock(qtbot, window)
    dialog = window.workspace.show_page("settings").safety.backups.open_restore()
    qtbot.waitUntil(lambda: all(r[2] != CHECKING for r in dialog.row_texts()), timeout=20000)
    with dialogs.answering(lambda q: "Restore"), qtbot.waitSignal(window.session.unlocked,
                                                                   timeout=30000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.session.store.settings.get("note.7").startswith(MARKER)
    window.session.request_lock()
    window.close()
    places = (data_dir, data_dir / "backups", Path(tempfile.gettempdir()), _isolated_home)
    assert list((data_dir / "backups").iterdir())  # rotation keeps the newest of the day
    assert list(data_dir.glob("journal-*-before-restore.trustdesk"))
    assert files_containing(MARKER, *places, since=started) == []


def test_damage_found_after_a_fast_unlock_still_leads_to_the_rescue(qtbot, data_dir):
    """Unlocking shows the journal at once and checks every page in the background;
    a damaged page that unlocking never read still ends in the rescue screen."""
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    with store.vault.transaction() as conn:  # a table that unlocking never reads
        conn.execute("CREATE TABLE scratch(body TEXT) STRICT")
        conn.executemany("INSERT INTO scratch VALUES (?)", [("words " * 80,)] * 300)
    store.close()
    vault = data_dir / "journal.trustdesk"
    pages = vault.stat().st_size // PAGE_SIZE
    with open(vault, "r+b") as fh:
        fh.seek((pages - 2) * PAGE_SIZE + 900)
        fh.write(b"\xde\xad\xbe\xef")

    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)                       # the workspace shows first...
    qtbot.waitUntil(lambda: isinstance(window.current_screen(), RescueScreen), timeout=20000)
    assert window.session.store is None                 # ...then the journal is closed again
    assert "left exactly as it was" in window.current_screen().text.text()
    window.close()
