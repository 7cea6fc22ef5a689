"""The safety note (resources/guide/safety.md) in a small window of its own, so it
can be read from anywhere, even before the journal is unlocked. Locked, it holds
nothing the person wrote; unlocked, a second tab holds their own safety card ("My
people and numbers", ui/safety/card.py), read from the journal when the window opens
and emptied when it closes (locking closes it). Built by
`safety_note.show_safety_note()`; UI thread only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.guide.chapters import load_guide
from trustdesk.ui import theme
from trustdesk.ui.guide.reader import reading_font, style_document

if TYPE_CHECKING:
    from trustdesk.ui.safety.card import CardKeeper, SafetyCardEditor

SIZE = (520, 600)
CARD_TAB = "My people and numbers"


class SafetyWindow(QDialog):
    """A non-modal window showing the safety note's text and a Close button.
    Escape closes it too. Follows the theme and text size while open."""

    def __init__(self, parent: QWidget | None = None,
                 keeper: CardKeeper | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.card: SafetyCardEditor | None = None
        self.tabs: QTabWidget | None = None
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
        if keeper is None:
            layout.addWidget(self.text, 1)
        else:
            from trustdesk.ui.safety.card import SafetyCardEditor

            self.card = SafetyCardEditor(keeper)
            self.card.load()
            holder = QWidget()
            holder.setObjectName("SafetyCardHolder")
            inner = QVBoxLayout(holder)
            inner.setContentsMargins(4, 8, 8, 8)
            inner.addWidget(self.card)
            inner.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(holder)
            self.tabs = QTabWidget()
            self.tabs.setObjectName("SafetyTabs")
            self.tabs.addTab(self.text, "Safety note")
            self.tabs.addTab(scroll, CARD_TAB)
            if not keeper_has_card(self.card):
                self.tabs.setCurrentIndex(0)
            else:
                self.tabs.setCurrentIndex(1)   # their own numbers first, once kept
            layout.addWidget(self.tabs, 1)
            self.finished.connect(lambda _result: self.forget_card())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._markdown = note.body
        self._restyle()
        theme.notifier.changed.connect(self._restyle)
        self.close_button.setFocus()

    def forget_card(self) -> None:
        """Keep what was typed and not yet saved, then empty the card's fields (the
        window is closing, or the journal locking): closing is no reason to lose words."""
        if self.card is not None:
            if self.card.has_unsaved_changes():
                self.card.save()
            self.card.clear()

    def markdown(self) -> str:
        return self._markdown

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def _restyle(self, *_args) -> None:
        font = reading_font(theme.current_font())
        self.text.document().setDefaultFont(font)
        self.text.setMarkdown(self._markdown)
        style_document(self.text.document(), font, theme.colors())


def keeper_has_card(editor: SafetyCardEditor) -> bool:
    """Whether the editor shows a kept card (some field filled after loading)."""
    try:
        return not editor.read().is_empty
    except ValueError:
        return True
