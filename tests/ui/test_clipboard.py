"""Copied words don't outlive the session: every copy out of the journal and the
worksheets is marked secret for clipboard managers and taken back on lock,
auto-lock and quit. Driven by the real key sequences in the real editors.

The X11 selection (PRIMARY) and line edits need a real display: see
test_clipboard_x11.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.journal_helpers import journal_of
from trustdesk.ui import clipboard

CTRL = Qt.KeyboardModifier.ControlModifier
MARKER = "ORCHID-LANTERN-4471 what I never told anyone"


def board_text() -> str:
    return QGuiApplication.clipboard().text()


def board_is_secret() -> bool:
    return clipboard.is_secret(QGuiApplication.clipboard().mimeData())


def write_and_select(qtbot, editor, text: str = MARKER) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)


def test_ctrl_c_in_the_journal_is_marked_secret_and_lock_takes_it_back(qtbot, unlocked):
    body = journal_of(unlocked).editor.body
    write_and_select(qtbot, body)
    qtbot.keyClick(body, Qt.Key.Key_C, CTRL)
    assert board_text() == MARKER
    assert board_is_secret(), "clipboard managers are told to keep no history"
    unlocked.session.request_lock()
    assert board_text() == ""


def test_ctrl_x_in_a_worksheet_is_taken_back_by_auto_lock(qtbot, unlocked):
    page = unlocked.workspace.show_page("worksheets")
    page.load()
    qtbot.mouseClick(page.list_view.new_button, Qt.MouseButton.LeftButton)
    box = page.form.steps[0].what
    write_and_select(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_X, CTRL)
    assert board_text() == MARKER and board_is_secret()
    with qtbot.waitSignal(unlocked.session.locked, timeout=10000):
        unlocked.session.autolock.set_limit_seconds(0.2)
    assert board_text() == ""


def test_context_menu_copy_from_the_preview_is_taken_back_on_quit(qtbot, unlocked):
    editor = journal_of(unlocked).editor
    qtbot.keyClicks(editor.body, MARKER)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.preview.isVisible()
    editor.preview.selectAll()
    menu = editor.preview.createStandardContextMenu()  # what a right click shows
    copy = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Copy"))
    copy.trigger()
    assert MARKER in board_text() and board_is_secret()
    unlocked.close()
    assert board_text() == ""


def test_what_a_drag_carries_out_of_the_editor_is_marked_secret(qtbot, unlocked):
    """A drag and the X11 selection take their data from the same place as copy."""
    body = journal_of(unlocked).editor.body
    write_and_select(qtbot, body)
    dragged = body.createMimeDataFromSelection()
    assert dragged.text() == MARKER and clipboard.is_secret(dragged)


def test_lock_leaves_text_copied_from_another_application(qtbot, unlocked):
    body = journal_of(unlocked).editor.body
    write_and_select(qtbot, body)
    qtbot.keyClick(body, Qt.Key.Key_C, CTRL)
    QGuiApplication.clipboard().setText("a shopping list from another app")
    unlocked.session.request_lock()
    assert board_text() == "a shopping list from another app"
