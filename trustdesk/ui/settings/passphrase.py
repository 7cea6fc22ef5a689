"""Settings: change the passphrase. The work (backup, rekey, verify) runs off the UI
thread with a progress bar; the fields are wiped when done and when locking."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from trustdesk.domain.passphrase import problem_with_new, strength
from trustdesk.storage import errors
from trustdesk.storage.backups.journal import JournalBackups
from trustdesk.ui import tasks
from trustdesk.ui.settings.section import Section
from trustdesk.ui.widgets.passphrase_field import PassphraseField

DONE = "Your passphrase was changed. Use the new one next time you unlock."


def _label(role: str, purpose: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    label.setAccessibleDescription(purpose)
    return label


class PassphraseSection(Section):
    """Old passphrase, new one twice, a strength hint, and one button. Emits
    `finished(message)` when a change ends, well or not."""

    finished = Signal(str)

    def __init__(self, backups: JournalBackups) -> None:
        super().__init__(
            "Passphrase",
            "Your passphrase is the only key to your journal. Changing it re-encrypts "
            "everything; TrustDesk makes a backup first, so nothing can be lost.")
        self._backups = backups
        self.task: tasks.Task | None = None
        self.current = PassphraseField("Current passphrase")
        self.new = PassphraseField("New passphrase")
        self.again = PassphraseField("Type the new one again")
        self.add_row("Current", self.current)
        self.add_row("New", self.new)
        self.add_row("Again", self.again)
        self.hint = _label("muted", "Passphrase strength")
        self.layout_.addWidget(self.hint)
        self.message = _label("muted", "Passphrase change result")
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.progress = self.add_progress("Changing passphrase")
        self.change_button = QPushButton("Change passphrase")
        self.change_button.setProperty("role", "primary")
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        for field in (self.current, self.new, self.again):
            field.textChanged.connect(self._update)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.submit)
        self.change_button.clicked.connect(self.submit)
        self._update()

    def _update(self) -> None:
        new = self.new.text()
        rating = strength(new)
        self.hint.setText(f"{rating.label}. {rating.hint}" if new else
                          "A few unrelated words make a passphrase that is strong and "
                          "easy to remember.")
        busy = self.task is not None
        ready = bool(self.current.text()) and problem_with_new(new, self.again.text()) is None
        self.change_button.setEnabled(ready and not busy)
        again = self.again.text()
        if again and len(again) >= len(new) and again != new:
            self._say("The two new passphrases don't match yet.", "error")
        elif self.message.property("role") == "error" and not busy:
            self._say("", "muted")

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def submit(self) -> None:
        if not self.change_button.isEnabled():
            return
        old, new = self.current.text(), self.new.text()
        self._set_busy(True)
        self._say("Making a backup, then re-encrypting your journal…", "muted")
        backups = self._backups  # the backup before the change goes to their folder
        self.task = tasks.run_task(
            lambda report: backups.change_passphrase(old=old, new=new, report=report),
            with_progress=True, on_done=self._done, on_failed=self._failed)
        self.task.progress.connect(self.progress.setValue)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        for field in (self.current, self.new, self.again):
            field.setEnabled(not busy)
        self.change_button.setEnabled(False)

    def _finish(self) -> bool:
        """Common end of a change; False when the section is already gone (locked)."""
        self.task = None
        if not shiboken6.isValid(self):
            return False
        self._set_busy(False)
        return True

    def _done(self, note: str | None) -> None:
        if not self._finish():
            return
        self.clear_sensitive()
        self._say(note or DONE, "warning" if note else "muted")
        self.finished.emit(note or DONE)

    def _failed(self, error: BaseException) -> None:
        if not self._finish():
            return
        if isinstance(error, errors.WrongPassphrase):
            self.current.wipe()
            self.current.setFocus()
            text = error.message
        elif isinstance(error, errors.VaultError):
            text = error.message
        else:
            text = ("Something unexpected stopped the change. Your journal still opens "
                    "with your current passphrase.")
        self._update()
        self._say(text, "error")
        self.finished.emit(text)

    def clear_sensitive(self) -> None:
        for field in (self.current, self.new, self.again):
            field.wipe()
        self._say("", "muted")
