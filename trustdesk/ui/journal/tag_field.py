"""A comma-separated tags field that completes the word being typed from the tags
already in use. UI thread only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagField(QLineEdit):
    """Tags as the person types them ("work, family"); the domain normalises them."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Tags")
        self.setPlaceholderText("Optional, separated by commas")
        self._known = QStringListModel(self)
        self.completer_ = QCompleter(self._known, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self._insert)
        self.textEdited.connect(self._suggest)

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._known.setStringList(list(tags))

    def known_tags(self) -> list[str]:
        return self._known.stringList()

    def _current_word(self) -> str:
        before = self.text()[: self.cursorPosition()]
        return before.rsplit(",", 1)[-1].strip().lstrip("#")

    def _suggest(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(word)
        if self.completer_.completionCount() == 0 or (
                self.completer_.completionCount() == 1
                and self.completer_.currentCompletion().lower() == word.lower()):
            self.completer_.popup().hide()
            return
        self.completer_.complete()

    def _insert(self, tag: str) -> None:
        """Replace the word at the cursor with `tag` and start the next one."""
        position = self.cursorPosition()
        before, after = self.text()[:position], self.text()[position:]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        tail = after.split(",", 1)[1] if "," in after else ""
        new_text = f"{head}{tag}, " + tail.lstrip()
        self.setText(new_text.rstrip() + (" " if not tail.strip() else ""))
        self.setCursorPosition(len(f"{head}{tag}, "))
        self.textEdited.emit(self.text())
