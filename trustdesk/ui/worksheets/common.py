"""Small widgets shared by the worksheet views: link buttons, the editors' top row,
the centred column, text boxes that Tab out of, and a labelled field with a hint and
an inline note."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ui.spelling.text_box import SpellTextBox
from trustdesk.ui.widgets.column import FORM_WIDTH, centred, page_scroll
from trustdesk.ui.widgets.labels import text_label

CONTENT_WIDTH = FORM_WIDTH  # the form pages' width, from the one rule


def link_button(text: str, accessible: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", "link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(accessible or text)
    return button


def editor_top(column: QVBoxLayout, back: SignalInstance) -> tuple[QPushButton, QLabel, QLabel]:
    """Add the top of a worksheet editor (the guided form, the follow-up) to `column`:
    the "← All worksheets" link, which emits `back`, with the saving state at the
    right, and under them a hidden line for saving problems. Returns (link, saving
    state, problem line)."""
    top = QHBoxLayout()
    link = link_button("← All worksheets", "Back to all worksheets")
    link.clicked.connect(back)
    top.addWidget(link)
    top.addStretch(1)
    save_state = text_label("", "muted", wrap=False)
    save_state.setAccessibleDescription("Saving")
    top.addWidget(save_state)
    column.addLayout(top)
    problem = text_label("", "problem")
    problem.setAccessibleDescription("Saving problem")
    problem.hide()
    column.addWidget(problem)
    return link, save_state, problem


def centered(widget: QWidget, margins: tuple[int, int, int, int] = (40, 0, 40, 0)) -> QWidget:
    """`widget` in a column of at most CONTENT_WIDTH, centred in whatever space there is."""
    return centred(widget, CONTENT_WIDTH, margins)


def scrolled(widget: QWidget, margins: tuple[int, int, int, int] = (40, 8, 40, 32)) -> QScrollArea:
    """`widget` centred (see `centered`) in a scroll area, so any text size fits; it
    lines up with `centered` widgets of the same width whether it scrolls or not."""
    return page_scroll(centred(widget, CONTENT_WIDTH, margins), steady_column=True)


def repolish(widget: QWidget) -> None:
    """Re-read the stylesheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_state(widget: QWidget, name: str, value: object) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        repolish(widget)


class SafetyOffer(QFrame):
    """A framed sentence with a link that opens the safety note in its own window
    (beside the worksheet, which stays open). Hidden until a step shows it."""

    BUTTON_TEXT = "Open the safety note"

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self.setProperty("role", "safetybox")
        self.setAccessibleName(name)
        column = QVBoxLayout(self)
        # The link's text sits 4 px inside its button (app.qss), so the box starts
        # 4 px further in and the sentence above lines up with the link's words.
        column.setContentsMargins(12, 12, 16, 10)
        column.setSpacing(6)
        self.label = text_label(text)
        self.label.setContentsMargins(4, 0, 0, 0)
        column.addWidget(self.label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.button = link_button(self.BUTTON_TEXT)
        self.button.setAccessibleDescription("Opens the safety note in its own window")
        self.button.clicked.connect(self.open_note)
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        self.hide()

    def open_note(self) -> None:
        # Through the main window when there is one, so the note holds the person's
        # own card (the window knows the open journal; this step doesn't).
        opener = getattr(self.window(), "show_safety_note", None)
        if callable(opener):
            opener()
            return
        from trustdesk.ui.safety.note import show_safety_note

        show_safety_note(self)


class TextBox(SpellTextBox):
    """Multi-line text for a person's own words, `lines` high (ui/spelling's
    `SpellTextBox`: Tab moves on, misspelt words are marked, listen to `edited`)."""

    def __init__(self, accessible_name: str, lines: int = 3) -> None:
        super().__init__(accessible_name)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._lines = lines
        self._fit()

    def _fit(self) -> None:
        if not hasattr(self, "_lines"):
            return
        line = QFontMetrics(self.font()).lineSpacing()
        self.setFixedHeight(int(line * self._lines + 22))

    @override
    def changeEvent(self, event) -> None:  # font changes with the text-size setting
        super().changeEvent(event)
        self._fit()


class Field(QWidget):
    """A title, a hint in quiet text, the input, and a note for gentle inline messages."""

    def __init__(self, title: str, hint: str, widget: QWidget | None = None) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.title = text_label(title, "field")
        self.layout_.addWidget(self.title)
        self.hint = text_label(hint, "muted")
        self.layout_.addWidget(self.hint)  # parent first: showing a lone widget opens a window
        self.hint.setVisible(bool(hint))
        self.layout_.addSpacing(4)
        if widget is not None:
            self.layout_.addWidget(widget)
            self.title.setBuddy(widget)
            if not widget.accessibleDescription() and hint:
                widget.setAccessibleDescription(hint)
        self.note = text_label("", "note")
        self.note.setAccessibleDescription(f"{title}: note")
        self.note.hide()
        self.layout_.addWidget(self.note)

    def add(self, widget: QWidget, *, gap: int = 0) -> None:
        """Add `widget` under the input (above the note), `gap` pixels below it."""
        if gap:
            self.layout_.insertSpacing(self.layout_.count() - 1, gap)
        self.layout_.insertWidget(self.layout_.count() - 1, widget)

    def show_note(self, text: str) -> None:
        """Point something out in plain words (empty text hides the note)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
