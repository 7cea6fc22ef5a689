"""After Lock, nothing in the process still holds what was written: no live Python
object (strings, bytes, containers, closures, tasks) and no Qt widget, item model
or text document (undo history included), and nothing keeps the passphrase.

The marker is typed in two halves and searched for as "first half directly
followed by the second", so the test itself never holds a whole copy."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    Qt,
    QThreadPool,
)
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from tests.ui.conftest import open_window
from tests.ui.journal_helpers import journal_of, wait_saved
from trustdesk.storage.vault import Vault

FIRST, SECOND = "QUOKKA-MARMALADE", "-6613 the thing I fear most"
PASS_FIRST, PASS_SECOND = "velvet harbor", " compass 1971"


def holds(value: object, first: str, second: str) -> bool:
    if isinstance(value, bytes | bytearray | memoryview):
        value = bytes(value).decode("utf-8", "replace")
    if not isinstance(value, str):
        return False
    at = value.find(first)
    while at >= 0:
        if value.startswith(second, at + len(first)):
            return True
        at = value.find(first, at + 1)
    return False


def _describe(obj: object) -> str:
    """The holder, and for a closure cell, tuple or dict, the functions and objects
    that hold it in turn (so a failure names the code to fix)."""
    text = f"{type(obj).__qualname__}: {_repr(obj)}"
    if isinstance(obj, tuple | dict) or type(obj).__name__ == "cell":
        owners = [o for o in gc.get_referrers(obj) if o is not obj][:4]
        text += " <- " + "; ".join(
            getattr(o, "__qualname__", None) or f"{type(o).__qualname__} {_repr(o)}"
            for o in owners)
    return text


def _repr(obj: object) -> str:
    try:
        return repr(obj)[:120]
    except RuntimeError:  # a Python wrapper whose Qt object is gone
        return "(deleted)"


def python_holders(first: str, second: str) -> list[str]:
    """Every gc-tracked object that refers to a str/bytes holding the text. Only
    with no background work running: walking objects another thread is building
    can crash the interpreter."""
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    gc.collect()
    found = []
    for obj in gc.get_objects():
        for ref in gc.get_referents(obj):
            if holds(ref, first, second):
                found.append(_describe(obj))
    return found


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return max(1, model.columnCount(parent))
    except TypeError:  # private in list models: one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.UserRole):
                yield str(model.data(index, role))
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def _document_texts(document: QTextDocument):
    yield document.toPlainText()
    steps = document.availableUndoSteps()  # the undo history counts: undo it all
    for _ in range(steps):
        document.undo()
        yield document.toPlainText()


def qt_holders(first: str, second: str) -> list[str]:
    """Every live widget, item model and text document whose text holds it."""
    objects: list = list(QApplication.allWidgets())
    for widget in list(objects):
        objects.extend(widget.findChildren(QTextDocument))
        objects.extend(widget.findChildren(QAbstractItemModel))
    objects.extend(o for o in gc.get_objects()
                   if isinstance(o, QTextDocument | QAbstractItemModel) and shiboken6.isValid(o))
    found = []
    for obj in objects:
        if not shiboken6.isValid(obj):
            continue
        texts: list[str] = [obj.objectName(), obj.accessibleName() if isinstance(
            obj, QWidget) else ""]
        if isinstance(obj, QLineEdit | QLabel):
            texts.append(obj.text())
        if isinstance(obj, QWidget) and hasattr(obj, "document"):
            texts.extend(_document_texts(obj.document()))
        if isinstance(obj, QTextDocument):
            texts.extend(_document_texts(obj))
        if isinstance(obj, QAbstractItemModel):
            texts.extend(_model_texts(obj))
        if any(holds(text, first, second) for text in texts):
            found.append(f"{type(obj).__name__} {obj.objectName()!r}")
    return found


def settle(qtbot) -> None:
    """Let background work finish, and deferred deletions and its replies run out."""
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0,
                    timeout=20000)
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        qtbot.wait(20)


def write_everywhere(qtbot, window) -> None:
    """The marker in a journal entry (saved, searched for, so excerpts exist) and in
    a worksheet; then another page and back. Locals end with this function."""
    page = journal_of(window)
    page.editor.body.setFocus()
    qtbot.keyClicks(page.editor.body, FIRST)
    qtbot.keyClicks(page.editor.body, SECOND)
    wait_saved(qtbot, page)
    qtbot.keyClicks(page.bar.search, FIRST)         # a search, with its excerpts
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    sheets = window.workspace.show_page("worksheets")
    sheets.load()
    qtbot.mouseClick(sheets.list_view.new_button, Qt.MouseButton.LeftButton)
    box = sheets.form.steps[0].what
    qtbot.keyClicks(box, FIRST)
    qtbot.keyClicks(box, SECOND)
    window.workspace.show_page("progress")
    window.workspace.show_page("journal")


def test_after_lock_no_object_holds_the_words_or_the_passphrase(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    Vault.create(folder / "journal.trustdesk", "".join((PASS_FIRST, PASS_SECOND))).close()
    window = open_window(qtbot, folder)
    field = window.unlock_screen.passphrase
    qtbot.keyClicks(field, PASS_FIRST)              # typed, as a person does
    qtbot.keyClicks(field, PASS_SECOND)
    with qtbot.waitSignal(window.session.unlocked, timeout=10000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot)                                   # the daily backup, the page check
    assert python_holders(PASS_FIRST, PASS_SECOND), "the probe finds the passphrase"
    write_everywhere(qtbot, window)
    settle(qtbot)
    assert python_holders(FIRST, SECOND), "the probe finds the words while unlocked"
    assert qt_holders(FIRST, SECOND)

    window.session.request_lock()
    settle(qtbot)
    for found in (qt_holders(FIRST, SECOND), python_holders(FIRST, SECOND),
                  python_holders(PASS_FIRST, PASS_SECOND)):
        assert found == [], "\n".join(found)
    window.close()
