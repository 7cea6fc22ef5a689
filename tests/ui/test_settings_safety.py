"""Settings: passphrase change, backups (now, folder, restore) and erasing, driven
through the real widgets."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from trustdesk.domain.journal import Entry
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.vault import Vault
from trustdesk.ui import dialogs
from trustdesk.ui.restore_dialog import CHECKING
from trustdesk.ui.settings.passphrase import DONE
from trustdesk.ui.shell.gate import UnlockScreen, WelcomeScreen

NEW = "harbour pencil orchard 12"


def settings_of(window):
    return window.workspace.show_page("settings").safety


def wait_for_daily_backup(qtbot, window) -> None:
    task = window.session.daily_backup
    if task is not None and task.result is None and task.error is None:
        qtbot.waitSignal(task.finished, timeout=20000).wait()


def test_changing_the_passphrase_through_settings(qtbot, unlocked, data_dir):
    wait_for_daily_backup(qtbot, unlocked)
    section = settings_of(unlocked).passphrase
    assert not section.change_button.isEnabled()
    qtbot.keyClicks(section.current, PASSPHRASE)
    qtbot.keyClicks(section.new, NEW)
    assert section.hint.text().startswith(("Strong", "Fair"))
    qtbot.keyClicks(section.again, NEW[:-1] + "3")
    assert section.message.text() == "The two new passphrases don't match yet."
    assert not section.change_button.isEnabled()
    section.again.clear()
    qtbot.keyClicks(section.again, NEW)
    values: list[int] = []
    with qtbot.waitSignal(section.finished, timeout=30000) as done:
        qtbot.mouseClick(section.change_button, Qt.MouseButton.LeftButton)
        assert section.progress.isVisible() and not section.current.isEnabled()
        section.task.progress.connect(values.append)
    assert done.args == [DONE]
    assert values and values[-1] == 100
    assert section.current.text() == section.new.text() == section.again.text() == ""
    kinds = {b.kind for b in list_backups(data_dir / "backups")}
    assert {"before-passphrase-change", "new-passphrase"} <= kinds
    unlocked.session.request_lock()
    with pytest.raises(errors.WrongPassphrase):
        Vault.open(data_dir / "journal.trustdesk", PASSPHRASE)
    unlock(qtbot, unlocked, NEW)
    assert unlocked.session.is_unlocked()


def test_a_wrong_current_passphrase_gets_a_plain_message(qtbot, unlocked, data_dir):
    section = settings_of(unlocked).passphrase
    qtbot.keyClicks(section.current, "this is not it")
    qtbot.keyClicks(section.new, NEW)
    qtbot.keyClicks(section.again, NEW)
    with qtbot.waitSignal(section.finished, timeout=30000):
        qtbot.keyClick(section.again, Qt.Key.Key_Return)
    assert section.message.text() == "That isn't your current passphrase, so nothing was changed."
    assert section.current.text() == ""
    assert section.new.text() == NEW, "the new passphrase stays typed for another try"
    Vault.open(data_dir / "journal.trustdesk", PASSPHRASE).close()


def test_back_up_now_shows_progress_then_the_time(qtbot, unlocked, data_dir):
    wait_for_daily_backup(qtbot, unlocked)
    section = settings_of(unlocked).backups
    before = len(list_backups(data_dir / "backups"))
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    assert section.task is not None and not section.backup_button.isEnabled()
    assert section.progress.isVisible() and section.status.text() == "Backing up…"
    qtbot.waitUntil(lambda: section.task is None, timeout=20000)
    assert re.fullmatch(r"Backed up at \d\d:\d\d\.", section.status.text())
    assert not section.progress.isVisible()
    made = list_backups(data_dir / "backups")
    assert len(made) in (before, before + 1) and made[0].kind == "manual"


def test_the_backup_folder_can_be_changed_and_is_kept_in_the_vault(qtbot, unlocked, tmp_path):
    section = settings_of(unlocked).backups
    chosen = tmp_path / "usb stick"
    chosen.mkdir()
    with dialogs.answering(lambda q: str(chosen)) as asked:
        qtbot.mouseClick(section.change_button, Qt.MouseButton.LeftButton)
    assert asked[0].kind == "folder"
    assert section.folder_label.text() == str(chosen)
    assert section.default_button.isVisible()
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=20000)
    assert [b.kind for b in list_backups(chosen)] == ["manual"]
    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    assert settings_of(unlocked).backups.folder() == chosen


def test_restore_lists_backups_with_counts_and_puts_one_back(qtbot, unlocked, data_dir):
    store = unlocked.session.store
    store.journal.save_many([Entry.new(body="one"), Entry.new(body="two")])
    wait_for_daily_backup(qtbot, unlocked)
    section = settings_of(unlocked).backups
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=20000)
    store.journal.save(Entry.new(body="three, written after the backup"))
    dialog = section.open_restore()
    qtbot.waitUntil(lambda: all(row[2] != CHECKING for row in dialog.row_texts()),
                    timeout=20000)
    rows = dialog.row_texts()
    assert rows[0][1] == "Made by you" and rows[0][2] == "2 entries · 0 worksheets"
    assert dialog.restore_button.isEnabled()
    with dialogs.answering(lambda q: "Restore") as asked, \
            qtbot.waitSignal(unlocked.session.unlocked, timeout=30000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked[0].text.startswith("Go back to the copy from ")
    with unlocked.session.store.vault.read() as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2
    kept = list(data_dir.glob("journal-*-before-restore.trustdesk"))
    assert len(kept) == 1
    with Vault.open(kept[0], PASSPHRASE) as previous, previous.read() as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 3


def test_erase_everything_asks_twice_then_returns_to_welcome(qtbot, unlocked, data_dir):
    wait_for_daily_backup(qtbot, unlocked)
    erase = settings_of(unlocked).erase
    with dialogs.answering(lambda q: "Keep my journal") as asked:
        qtbot.mouseClick(erase.erase_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and unlocked.session.is_unlocked()
    answers = iter(["Erase…", "Keep my journal"])
    with dialogs.answering(lambda q: next(answers)) as asked:
        qtbot.mouseClick(erase.erase_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and unlocked.session.is_unlocked()
    answers = iter(["Erase…", "Erase everything"])
    with dialogs.answering(lambda q: next(answers)):
        qtbot.mouseClick(erase.erase_button, Qt.MouseButton.LeftButton)
    assert not unlocked.session.is_unlocked()
    qtbot.waitUntil(lambda: isinstance(unlocked.current_screen(), WelcomeScreen),
                    timeout=20000)  # the files go off the UI thread
    left = {p.name for p in data_dir.iterdir()}
    assert left <= {"trustdesk.lock"}, left
    assert not (data_dir / "backups").exists()


def test_the_automatic_backup_happens_once_a_day(qtbot, unlocked, data_dir):
    wait_for_daily_backup(qtbot, unlocked)
    assert [b.kind for b in list_backups(data_dir / "backups")] == ["daily"]
    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    wait_for_daily_backup(qtbot, unlocked)
    assert [b.kind for b in list_backups(data_dir / "backups")] == ["daily"]
    assert isinstance(unlocked.current_screen(), type(unlocked.workspace))
    assert not isinstance(unlocked.current_screen(), UnlockScreen)


def test_sections_have_accessible_controls(unlocked):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

    page = unlocked.workspace.show_page("settings")
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QComboBox):
            assert widget.accessibleName(), widget
        elif isinstance(widget, QAbstractButton):
            assert widget.accessibleName() or widget.text().strip(), widget
