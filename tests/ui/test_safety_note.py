"""The safety note is one click away everywhere: before unlocking, in the sidebar,
and it opens beside the app without blocking it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_window
from trustdesk.domain.guide.chapters import load_guide, plain_blocks
from trustdesk.ui.safety import note as safety_note
from trustdesk.ui.safety.window import SafetyWindow


def open_note(qtbot, link) -> SafetyWindow:
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    note = safety_note._open.get(id(link.window()))
    assert note is not None
    qtbot.waitExposed(note)
    return note


def test_the_unlock_screen_opens_the_safety_note_without_unlocking(qtbot, window):
    """Locked, with no passphrase typed, the note's own words show in a window of
    their own, and the passphrase field stays usable (the window isn't modal)."""
    link = window.unlock_screen.safety_link
    assert link.text() == "If you are not safe" == link.accessibleName()
    note = open_note(qtbot, link)
    assert not note.isModal() and QApplication.activeModalWidget() is None
    assert note.windowTitle() == load_guide().safety.title
    text = note.plain_text()
    for block in plain_blocks(load_guide().safety.body)[1:]:
        assert block in text.replace("\n", " ")
    assert window.session.store is None
    window.unlock_screen.passphrase.setFocus()
    qtbot.keyClicks(window.unlock_screen.passphrase, "still typing")
    assert window.unlock_screen.passphrase.text() == "still typing"
    note.close()


def test_the_welcome_screen_has_the_link_too(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "new")
    link = window.welcome.safety_link
    assert link.isVisible() and link.accessibleName() == "If you are not safe"
    open_note(qtbot, link).close()
    window.close()


def test_the_link_is_reached_with_tab_and_opened_with_the_keyboard(qtbot, window):
    """From the passphrase field, Tab reaches the link; Space opens the note, and
    Escape closes it again."""
    screen = window.unlock_screen
    screen.passphrase.setFocus()
    for _ in range(6):
        if screen.safety_link.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert screen.safety_link.hasFocus()
    qtbot.keyClick(screen.safety_link, Qt.Key.Key_Space)
    note = safety_note._open[id(window)]
    qtbot.waitExposed(note)
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(note) or not note.isVisible())
    assert id(window) not in safety_note._open


def test_the_sidebar_opens_one_note_and_locking_closes_it(qtbot, unlocked):
    """A second click brings the same window forward; Ctrl+L-style locking closes
    it with every other dialog, so nothing is left showing."""
    link = unlocked.workspace.safety_link
    assert link.isVisible() and link.accessibleName() == "If you are not safe"
    assert link.accessibleDescription()
    note = open_note(qtbot, link)
    assert note.text.accessibleName() == "Safety note"
    assert open_note(qtbot, link) is note
    assert unlocked.session.request_lock()
    qtbot.waitUntil(lambda: not shiboken6.isValid(note) or not note.isVisible())
    assert id(unlocked) not in safety_note._open


def test_the_note_follows_the_theme(qtbot, window, qapp):
    from trustdesk.ui import theme

    note = open_note(qtbot, window.unlock_screen.safety_link)
    before = note.text.document().defaultFont().pointSizeF()
    theme.apply(qapp, theme="dark", text_scale=150)
    assert note.text.document().defaultFont().pointSizeF() > before
    note.close()
