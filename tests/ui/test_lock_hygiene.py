"""Locking leaves nothing behind: dialogs closed (even a real message box), pages
cleared, our clipboard content taken back; and words that can't be saved are never
dropped without asking."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QVBoxLayout

from tests.ui.conftest import open_window, unlock
from trustdesk.storage import errors
from trustdesk.ui import clipboard, dialogs
from trustdesk.ui.page import Page
from trustdesk.ui.shell.gate import UnlockScreen
from trustdesk.ui.shell.pages import PAGES, PageSpec


def test_auto_lock_closes_a_real_open_question(qtbot, unlocked):
    """No test responder: a real QMessageBox runs its own event loop; the idle timer
    fires inside it, the lock closes the box, and `ask` returns None. The idle limit
    is set only once the box is seen on screen, so a slow machine can't lock first."""
    seen: list[QMessageBox] = []

    def look() -> None:  # runs inside the question's own event loop
        seen.extend(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible())
        if seen:
            unlocked.session.autolock.set_limit_seconds(0.3)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    rescue = QTimer()  # if the lock never came, don't hang the suite
    rescue.setSingleShot(True)
    rescue.timeout.connect(dialogs.close_all)
    rescue.start(20000)
    answer = dialogs.ask(unlocked, title="Still there?", text="A question nobody answers.",
                         choices=("Yes", "No"), default=0, cancel=1)
    rescue.stop()
    assert seen, "the question really was on screen"
    assert answer is None
    assert not unlocked.session.is_unlocked()
    assert isinstance(unlocked.current_screen(), UnlockScreen)
    assert not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_lock_takes_back_what_trustdesk_copied(qtbot, unlocked):
    clipboard.copy_text("a sentence from my journal")
    assert QGuiApplication.clipboard().text() == "a sentence from my journal"
    unlocked.session.request_lock()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_leaves_what_the_person_copied_elsewhere(qtbot, unlocked):
    clipboard.copy_text("a sentence from my journal")
    QGuiApplication.clipboard().setText("a shopping list from another app")
    unlocked.session.request_lock()
    assert QGuiApplication.clipboard().text() == "a shopping list from another app"


def test_lock_wipes_passphrase_fields_and_closes_the_restore_dialog(qtbot, unlocked):
    page = unlocked.workspace.show_page("settings")
    section = page.safety.passphrase
    qtbot.keyClicks(section.current, "half typed")
    dialog = page.safety.backups.open_restore()
    assert dialog.isVisible()
    unlocked.session.request_lock()
    assert not dialog.isVisible()
    import shiboken6

    if shiboken6.isValid(section.current):
        assert section.current.text() == ""


class UnsaveablePage(Page):
    """A test double: holds words in an editor and can't save them (disk full)."""

    def __init__(self) -> None:
        super().__init__()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Words")
        QVBoxLayout(self).addWidget(self.editor)
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        if self.editor.toPlainText():
            raise errors.StorageFull()

    def has_unsaved_changes(self) -> bool:
        return bool(self.editor.toPlainText())

    def clear_sensitive(self) -> None:
        self.editor.clear()


def window_with_unsaveable_page(qtbot, data_dir):
    spec = PageSpec("journal", "Journal", "journal", lambda store: UnsaveablePage())
    window = open_window(qtbot, data_dir)
    window.specs = (spec, *PAGES)
    unlock(qtbot, window)
    page = window.workspace.show_page("journal")
    page.editor.setPlainText("words the disk has no room for")
    return window, page


def test_lock_asks_before_dropping_words_that_cannot_be_saved(qtbot, data_dir):
    window, page = window_with_unsaveable_page(qtbot, data_dir)
    with dialogs.answering(lambda q: "Keep it open") as asked:
        assert window.session.request_lock() is False
    assert asked[0].title == "Not saved yet" and "disk is full" in asked[0].text
    assert window.session.is_unlocked()
    assert page.editor.toPlainText() == "words the disk has no room for"
    with dialogs.answering(lambda q: "Lock anyway"):
        assert window.session.request_lock() is True
    assert not window.session.is_unlocked()
    window.close()


def test_auto_lock_also_asks_and_a_second_lock_does_not_stack_questions(qtbot, data_dir):
    window, page = window_with_unsaveable_page(qtbot, data_dir)
    nested: list[bool] = []

    def answer(question: dialogs.Question) -> str:
        nested.append(window.session.request_lock())  # Ctrl+L pressed while the question is open
        return "Keep it open"

    with dialogs.answering(answer) as asked:
        window.session.autolock.set_limit_seconds(0.2)
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert nested == [False]
    assert window.session.is_unlocked() and page.editor.toPlainText()
    assert window.session.autolock.active, "kept open: the idle timer watches again"
    with dialogs.answering(lambda q: "Quit anyway"):
        window.close()
