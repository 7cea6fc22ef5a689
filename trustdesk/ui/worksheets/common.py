"""Small widgets shared by the worksheet views: labels that never read HTML,
text boxes that Tab out of, and a labelled field with a hint and an inline note."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

CONTENT_WIDTH = 760


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A plain-text label (what people write is never read as HTML)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        widget.setProperty("role", role)
    return widget


def link_button(text: str, accessible: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", "link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(accessible or text)
    return button


def centered(widget: QWidget, margins: tuple[int, int, int, int] = (40, 0, 40, 0)) -> QWidget:
    """`widget` in a column of at most CONTENT_WIDTH, centred in whatever space there is."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(*margins)
    row.setSpacing(0)
    widget.setMaximumWidth(CONTENT_WIDTH)
    row.addStretch(1)
    row.addWidget(widget, 100)
    row.addStretch(1)
    return holder


class PageScroll(QScrollArea):
    """A scroll area whose centred column stays where it would be without a scroll
    bar: while the bar takes room, the right margin gives that room back, so a
    step that scrolls lines up with the header above it and with steps that don't.
    UI thread only."""

    def __init__(self, widget: QWidget, margins: tuple[int, int, int, int]) -> None:
        super().__init__()
        self._right = margins[2]
        self.setObjectName("PageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(centered(widget, margins))

    def bar_room(self) -> int:
        """How much narrower the viewport is than the area (the bar's width, if shown)."""
        return max(0, self.width() - 2 * self.frameWidth() - self.viewport().width())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            layout = self.widget().layout() if self.widget() is not None else None
            if layout is not None:
                left, top, _right, bottom = layout.getContentsMargins()
                right = max(0, self._right - self.bar_room())
                if right != _right:
                    layout.setContentsMargins(left, top, right, bottom)
        return super().viewportEvent(event)


def scrolled(widget: QWidget, margins: tuple[int, int, int, int] = (40, 8, 40, 32)) -> QScrollArea:
    """`widget` centred (see `centered`) in a scroll area, so any text size fits; it
    lines up with `centered` widgets of the same width whether it scrolls or not."""
    return PageScroll(widget, margins)


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


class TextBox(QPlainTextEdit):
    """Multi-line text for a person's own words. Tab moves on to the next control;
    `set_text` replaces the text and forgets the undo history."""

    def __init__(self, accessible_name: str, lines: int = 3) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._lines = lines
        self._fit()

    def _fit(self) -> None:
        if not hasattr(self, "_lines"):
            return
        line = QFontMetrics(self.font()).lineSpacing()
        self.setFixedHeight(int(line * self._lines + 22))

    def changeEvent(self, event) -> None:  # font changes with the text-size setting
        super().changeEvent(event)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)


class Field(QWidget):
    """A title, a hint in quiet text, the input, and a note for gentle inline messages."""

    def __init__(self, title: str, hint: str, widget: QWidget | None = None) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.title = label(title, "field")
        self.layout_.addWidget(self.title)
        self.hint = label(hint, "muted")
        self.layout_.addWidget(self.hint)  # parent first: showing a lone widget opens a window
        self.hint.setVisible(bool(hint))
        self.layout_.addSpacing(4)
        if widget is not None:
            self.layout_.addWidget(widget)
            self.title.setBuddy(widget)
            if not widget.accessibleDescription() and hint:
                widget.setAccessibleDescription(hint)
        self.note = label("", "note")
        self.note.setAccessibleName(f"{title}: note")
        self.note.hide()
        self.layout_.addWidget(self.note)

    def add(self, widget: QWidget) -> None:
        self.layout_.insertWidget(self.layout_.count() - 1, widget)

    def show_note(self, text: str) -> None:
        """Point something out in plain words (empty text hides the note)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
