"""Text editors for a person's own words: whatever leaves them by copy, cut, the
context menu, drag or the X11 selection is marked secret (see `ui.clipboard`).

Qt's text editors build the data of all five in one place,
`createMimeDataFromSelection`; these classes mark it there. UI thread only.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QTextEdit

from trustdesk.ui.clipboard import mark_secret


class PrivatePlainTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose copies are marked secret."""

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        return mark_secret(super().createMimeDataFromSelection())


class PrivateTextEdit(QTextEdit):
    """A plain-text QTextEdit (it accepts no rich text: pasting brings words, not
    formatting) whose copies are marked secret. A QTextEdit, not a QPlainTextEdit,
    where the page needs line spacing, which only QTextEdit's layout honours."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptRichText(False)

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        return mark_secret(super().createMimeDataFromSelection())


class PrivateTextBrowser(QTextBrowser):
    """A read-only rich text view (a preview of the person's words) whose copies are
    marked secret."""

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        return mark_secret(super().createMimeDataFromSelection())
