"""Shortcuts: Ctrl+Q saves and quits, F1 or Ctrl+/ lists every shortcut (checked
against the shortcuts the window really has), and Esc clears a search field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from tests.ui.journal_helpers import journal_of
from trustdesk.storage.store import JournalFolder
from trustdesk.ui.shortcuts import SHORTCUTS, ShortcutsWindow, listed_keys

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_shortcut_windows() -> list[ShortcutsWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ShortcutsWindow) and w.isVisible()]


def _key_texts(sequence: QKeySequence) -> list[str]:
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return [text] if text else []


def test_ctrl_q_saves_what_was_typed_and_quits(qtbot, window, data_dir, no_dialogs):
    unlock(qtbot, window)
    page = journal_of(window)
    qtbot.keyClicks(page.editor.body, "written just before Ctrl+Q")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert [row.heading for row in store.journal.rows()] == ["written just before Ctrl+Q"]
    finally:
        store.close()


def test_f1_and_ctrl_slash_show_every_shortcut(qtbot, unlocked):
    for key, modifier in ((Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_Slash, CTRL)):
        qtbot.keyClick(unlocked, key, modifier)
        qtbot.waitUntil(lambda: len(_open_shortcut_windows()) == 1)
        sheet = _open_shortcut_windows()[0]
        texts = sheet.texts()
        for _where, keys, what in SHORTCUTS:
            assert keys in texts and what in texts
        qtbot.keyClick(sheet, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not _open_shortcut_windows())


def test_the_sheet_lists_every_shortcut_the_window_has(qtbot, unlocked):
    workspace = unlocked.workspace
    for key in workspace.page_keys():
        workspace.show_page(key)
    workspace.show_page("worksheets").start_worksheet(None)
    workspace.show_page("guide").open_chapter(workspace.page("guide").guide.chapters[0].id)
    found: set[str] = set()
    for shortcut in unlocked.findChildren(QShortcut):
        found.update(_key_texts(shortcut.key()))
    for action in unlocked.findChildren(QAction):
        for sequence in action.shortcuts():
            found.update(_key_texts(sequence))
    for button in unlocked.findChildren(QAbstractButton):
        found.update(_key_texts(button.shortcut()))
    assert {"Ctrl+L", "Ctrl+Q", "F1", "Ctrl+/", "Ctrl+N", "Esc"} <= found
    assert found - listed_keys() == set()


def test_esc_clears_the_journal_search(qtbot, unlocked):
    search = journal_of(unlocked).bar.search
    search.setFocus()
    qtbot.keyClicks(search, "pool")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""


def test_esc_clears_the_guide_search(qtbot, unlocked):
    search = unlocked.workspace.show_page("guide").contents.search_box
    search.setFocus()
    qtbot.keyClicks(search, "trust")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
