"""A short-lived inline "Undo" offer after deleting an entry. It holds the deleted
entry only while it shows; `dismiss()` forgets it. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from trustdesk.domain.journal import Entry

UNDO_SECONDS = 10


class UndoBar(QFrame):
    """Emits `undo_requested(entry)` if the person clicks Undo in time."""

    undo_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("UndoBar")
        self._entry: Entry | None = None
        self.text = QLabel("Entry deleted.")
        self.button = QPushButton("Undo")
        self.button.setAccessibleName("Undo delete")
        self.button.setProperty("role", "link")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_SECONDS * 1000)
        self._timer.timeout.connect(self.dismiss)
        self.button.clicked.connect(self._undo)
        self.hide()

    def offer(self, entry: Entry, text: str = "Entry deleted.") -> None:
        self._entry = entry
        self.text.setText(text)
        self.text.setToolTip(f"Deleted “{entry.heading}”")
        self.show()
        self._timer.start()

    @property
    def pending(self) -> Entry | None:
        return self._entry

    def dismiss(self) -> None:
        self._timer.stop()
        self._entry = None
        self.text.setToolTip("")
        self.hide()

    def _undo(self) -> None:
        entry = self._entry
        self.dismiss()
        if entry is not None:
            self.undo_requested.emit(entry)

