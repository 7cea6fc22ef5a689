"""The screens before the journal is open: welcome (first run), unlock, and a notice
for when the journal can't be opened. They only collect input and announce it;
the shell does the work."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from trustdesk.ui import icons
from trustdesk.ui.safety.note import link_button
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.passphrase_field import PassphraseField

CARD_WIDTH = 460


def label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


class _GateScreen(QFrame):
    """A centred card with the app icon, a title and some text; subclasses add fields."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.setObjectName("Gate")  # a QFrame paints its stylesheet background itself
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card.setFixedWidth(CARD_WIDTH)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(36, 32, 36, 32)
        self.body.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(64, 64))
        logo.setObjectName("GateLogo")  # centred by the stylesheet
        logo.setAccessibleName("TrustDesk")
        self.body.addWidget(logo)
        self.title = label(title, "title")
        self.title.setObjectName("GateTitle")
        self.body.addWidget(self.title)
        self.text = label(text)
        self.body.addWidget(self.text)
        self.body.addSpacing(4)

    def _add_safety_link(self) -> None:
        """The safety note, one click (or Tab) away, at the foot of the card."""
        row = QHBoxLayout()
        row.addStretch(1)
        self.safety_link = link_button(self.card)
        row.addWidget(self.safety_link)
        row.addStretch(1)
        self.body.addLayout(row)

    def _busy_and_error(self) -> None:
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.body.addWidget(self.busy)
        self.error = label("", "error")
        self.error.setAccessibleDescription("Message")
        self.error.hide()
        self.body.addWidget(self.error)

    def show_error(self, message: str) -> None:
        show_and_announce(self.error, message, assertive=True)
        self.error.setVisible(bool(message))


class WelcomeScreen(_GateScreen):
    """First launch: explains TrustDesk and asks for a new passphrase, twice."""

    create_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__(
            "Welcome to TrustDesk",
            "This is a quiet place to read, write and practise trusting again, at your "
            "own pace. Everything you write stays on this computer, in one encrypted "
            "file. TrustDesk never uses the internet.")
        self.body.addWidget(label("Choose a passphrase", "heading"))
        self.first = PassphraseField("New passphrase")
        self.second = PassphraseField("Type it again")
        self.body.addWidget(self.first)
        self.body.addWidget(self.second)
        self.hint = label("", "muted")
        self.hint.setAccessibleDescription("Passphrase strength")
        self.body.addWidget(self.hint)
        self.body.addWidget(label(
            "Keep it somewhere safe. If you forget it, nobody can open your journal, "
            "not even us. That is what keeps it private.", "warning"))
        self._busy_and_error()
        self.create_button = QPushButton("Create my journal")
        self.create_button.setProperty("role", "primary")
        self.create_button.setMinimumHeight(38)
        self.create_button.setEnabled(False)
        self.body.addWidget(self.create_button)
        self._add_safety_link()

        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self._update()

    def _update(self) -> None:
        # The rules load with the welcome screen, which only a first run shows.
        from trustdesk.domain.passphrase import problem_with_new, strength

        first, second = self.first.text(), self.second.text()
        rating = strength(first)
        show_and_announce(self.hint, f"Strength: {rating.label}. {rating.hint}" if first else
                          "A few unrelated words make a passphrase that is strong "
                          "and easy to remember.")
        problem = problem_with_new(first, second)
        self.create_button.setEnabled(problem is None and not self.busy.isVisible())
        if second and len(second) >= len(first) and first != second:
            self.show_error("The two passphrases don't match yet.")
        else:
            self.show_error("")

    def _submit(self) -> None:
        from trustdesk.domain.passphrase import problem_with_new

        if problem_with_new(self.first.text(), self.second.text()) is None:
            self.set_busy(True)
            self.create_requested.emit(self.first.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.first, self.second, self.create_button):
            widget.setEnabled(not busy)
        if not busy:
            self._update()

    def clear(self) -> None:
        self.first.wipe()
        self.second.wipe()


class UnlockScreen(_GateScreen):
    """Later launches, and after locking: one passphrase field."""

    unlock_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__("Welcome back", "Enter your passphrase to open your journal.")
        self.passphrase = PassphraseField("Passphrase")
        self.body.addWidget(self.passphrase)
        self._busy_and_error()
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setMinimumHeight(38)
        self.body.addWidget(self.unlock_button)
        self._add_safety_link()
        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)

    def _submit(self) -> None:
        if self.passphrase.text() and not self.busy.isVisible():
            self.show_error("")
            self.set_busy(True)
            self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def refuse(self, message: str) -> None:
        """The passphrase didn't work: say so, clear the field, let them retry."""
        self.set_busy(False)
        self.passphrase.wipe()
        self.show_error(message)
        self.passphrase.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.passphrase.wipe()
        self.show_error("")

    def show_note(self, text: str) -> None:
        """A standing note above the passphrase field (the demo shows its passphrase)."""
        note = getattr(self, "note", None)
        if note is None:
            note = self.note = label("", "notice")
            note.setAccessibleDescription("Note")
            note.setObjectName("GateNote")  # selectable by mouse, via the stylesheet
            self.body.insertWidget(self.body.indexOf(self.passphrase), note)
        note.setText(text)


class NoticeScreen(_GateScreen):
    """When the journal can't be opened at all: what happened, and a way out."""

    def __init__(self, title: str, text: str, *, button: str = "Quit") -> None:
        super().__init__(title, text)
        self.button = QPushButton(button)
        self.button.setProperty("role", "primary")
        self.button.setMinimumHeight(38)
        self.body.addWidget(self.button)
        self._add_safety_link()
