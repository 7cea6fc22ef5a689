"""Every modal dialog in TrustDesk goes through this module.

That gives one place to (a) answer dialogs in tests, with `answering()`, and
(b) close every open dialog when the journal locks, with `close_all()`.
File dialogs are Qt's own (not the platform's), and the folder history Qt keeps
for them is never written (`trustdesk.ui.qt_state`), so no recent-file list records
where a person saved an export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)


@dataclass(frozen=True)
class Question:
    """What a dialog asks; test responders receive one and return the answer."""

    kind: str       # "ask", "inform", "warn", "save_path", "open_path", "folder", "printer",
                    # "moods"
    title: str
    text: str
    choices: tuple[str, ...] = ()
    details: str = ""


Responder = Callable[[Question], object]
_responder: Responder | None = None
_open_dialogs: set[QDialog] = set()


@contextmanager
def answering(responder: Responder) -> Iterator[list[Question]]:
    """Tests: answer every dialog with `responder`; yields the questions asked."""
    global _responder
    asked: list[Question] = []
    previous = _responder

    def record(question: Question) -> object:
        asked.append(question)
        return responder(question)

    _responder = record
    try:
        yield asked
    finally:
        _responder = previous


def track(dialog: QDialog) -> QDialog:
    """Register a custom modal dialog so `close_all()` can close it on lock."""
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))
    # A dialog deleted with its parent (a page that went away) never finishes.
    dialog.destroyed.connect(lambda _object=None: _open_dialogs.discard(dialog))
    return dialog


def close_all() -> None:
    """Reject every open modal dialog (the journal is locking)."""
    for dialog in list(_open_dialogs):
        if shiboken6.isValid(dialog):
            dialog.reject()
    _open_dialogs.clear()


def _message_box(parent: QWidget | None) -> QMessageBox:
    """A message box without the platform's stock "?", "!" or "i" pictures: the words
    and the button labels carry the message, in the app's own look."""
    box = QMessageBox(parent)
    box.setObjectName("MessageBox")
    box.setIcon(QMessageBox.Icon.NoIcon)
    return box


def ask(parent: QWidget | None, *, title: str, text: str, choices: Sequence[str],
        details: str = "", default: int = 0, cancel: int | None = None,
        destructive: int | None = None) -> str | None:
    """Ask a question with button `choices`; return the chosen label, or None if the
    dialog was closed (or the journal locked meanwhile). `cancel` is the index of the
    choice Escape picks; `destructive` marks a choice that deletes something."""
    if _responder is not None:
        answer = _responder(Question("ask", title, text, tuple(choices), details))
        return None if answer is None else str(answer)
    box = _message_box(parent)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    buttons = []
    for index, label in enumerate(choices):
        if index == destructive:
            role = QMessageBox.ButtonRole.DestructiveRole
        elif index == cancel:
            role = QMessageBox.ButtonRole.RejectRole
        else:
            role = QMessageBox.ButtonRole.AcceptRole
        buttons.append(box.addButton(label, role))
    box.setDefaultButton(buttons[default])
    if cancel is not None:
        box.setEscapeButton(buttons[cancel])
    track(box)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return choices[buttons.index(clicked)] if clicked in buttons else None


def inform(parent: QWidget | None, *, title: str, text: str, details: str = "",
           warning: bool = False) -> None:
    """Tell the person something that needs acknowledging (use sparingly)."""
    if _responder is not None:
        _responder(Question("warn" if warning else "inform", title, text, ("OK",), details))
        return
    box = _message_box(parent)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    track(box)
    box.exec()
    box.deleteLater()


def rate_moods(parent: QWidget | None, *, title: str, text: str,
               names: Sequence[str]) -> dict[str, int] | None:
    """Ask for a 0-10 rating of each of `names` (mood words another app used); each
    may stay "not rated". Returns the ratings given (possibly none), or None when the
    person cancelled. Test responders get a Question of kind "moods" whose choices are
    the names, and answer with such a dict or None."""
    if _responder is not None:
        answer = _responder(Question("moods", title, text, tuple(names)))
        return None if answer is None else dict(answer)  # type: ignore[call-overload]
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(420)
    form = QFormLayout(dialog)
    intro = QLabel(text)
    intro.setWordWrap(True)
    form.addRow(intro)
    boxes: dict[str, QSpinBox] = {}
    for name in names:
        box = QSpinBox()
        box.setRange(-1, 10)
        box.setValue(-1)
        box.setSpecialValueText("not rated")
        box.setAccessibleName(f"Mood for {name}")
        form.addRow(name, box)
        boxes[name] = box
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    track(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    ratings = {name: box.value() for name, box in boxes.items() if box.value() >= 0}
    dialog.deleteLater()
    return ratings if accepted else None


def _file_dialog(parent: QWidget | None, kind: str, title: str, start: str,
                 filters: str) -> Path | None:
    if _responder is not None:
        answer = _responder(Question(kind, title, start))
        return None if answer is None else Path(str(answer))
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if kind == "save_path":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif kind == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    track(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles()
    shiboken6.delete(dialog)  # its destructor tries to write Qt's history (see qt_state)
    return Path(chosen[0]) if accepted and chosen else None


def save_path(parent: QWidget | None, *, title: str, suggested: str,
              filters: str = "") -> Path | None:
    return _file_dialog(parent, "save_path", title, suggested, filters)


def open_path(parent: QWidget | None, *, title: str, start: str = "",
              filters: str = "") -> Path | None:
    return _file_dialog(parent, "open_path", title, start, filters)


def folder_path(parent: QWidget | None, *, title: str, start: str = "") -> Path | None:
    return _file_dialog(parent, "folder", title, start, "")


def choose_printer(parent: QWidget | None, *, title: str, document: str) -> object | None:
    """Let the person pick and set up a printer; returns the QPrinter, or None if
    they cancelled. Only call this after the person asked to print: creating a
    QPrinter contacts the local print service, so QtPrintSupport is imported here
    and nowhere else. Test responders get a Question of kind "printer" and answer
    with any paged paint device (a QPdfWriter) or None."""
    if _responder is not None:
        return _responder(Question("printer", title, document))
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    track(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None
