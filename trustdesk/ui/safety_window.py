"""The safety note (resources/guide/safety.md) in a small window of its own, so it
can be read from anywhere, even before the journal is unlocked. It holds nothing the
person wrote. Built by `safety_note.show_safety_note()`; UI thread only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.guide.chapters import load_guide
from trustdesk.ui import theme
from trustdesk.ui.guide.reader import reading_font, style_document

SIZE = (520, 600)


class SafetyWindow(QDialog):
    """A non-modal window showing the safety note's text and a Close button.
    Escape closes it too. Follows the theme and text size while open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        note = load_guide().safety
        self.setObjectName("SafetyWindow")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(note.title)
        self.setAccessibleName(note.title)
        self.setAccessibleDescription(note.summary)
        self.resize(*SIZE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        self.text = QTextBrowser()
        self.text.setObjectName("SafetyText")
        self.text.setAccessibleName("Safety note")
        self.text.setAccessibleDescription(note.summary)
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setTabChangesFocus(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._markdown = note.body
        self._restyle()
        theme.notifier.changed.connect(self._restyle)
        self.close_button.setFocus()

    def markdown(self) -> str:
        return self._markdown

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def _restyle(self, *_args) -> None:
        font = reading_font(theme.current_font())
        self.text.document().setDefaultFont(font)
        self.text.setMarkdown(self._markdown)
        style_document(self.text.document(), font, theme.colors())
