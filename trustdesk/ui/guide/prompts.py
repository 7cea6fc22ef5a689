"""The end of a chapter: its reflection prompts, each with "Write about this", and on
the fears chapter one "Work through this fear" per fear. The panel only emits
requests; whoever owns it decides whether the buttons show (`set_writing_available`,
`set_worksheets_available`). UI thread only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustdesk.domain.guide.chapters import FEAR_LABELS, Chapter
from trustdesk.ui.widgets.labels import text_label


class _Row(QWidget):
    """One prompt or fear: its text, and a button beside it."""

    def __init__(self, text: str, button_text: str, accessible: str, role: str) -> None:
        super().__init__()
        self.setProperty("role", role)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(16)
        self.text = text_label(text, "prompt")
        layout.addWidget(self.text, 1)
        self.button = QPushButton(button_text)
        self.button.setAccessibleName(accessible)
        self.button.setToolTip(accessible)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


class PromptsPanel(QWidget):
    """Prompts and fears for one chapter. Emits `write_requested(prompt)` and
    `worksheet_requested(category_key)`."""

    write_requested = Signal(str)
    worksheet_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("PromptsPanel")
        self._writing = False
        self._worksheets = False
        self.prompt_rows: list[_Row] = []
        self.fear_rows: list[_Row] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

        self.prompts_heading = text_label("Questions to reflect on", "heading")
        self.prompts_heading.setAccessibleName("Questions to reflect on")
        self.prompts_intro = text_label("", "muted")
        self._layout.addWidget(self.prompts_heading)
        self._layout.addWidget(self.prompts_intro)
        self._prompt_box = QVBoxLayout()
        self._prompt_box.setSpacing(0)
        self._layout.addLayout(self._prompt_box)

        self._layout.addSpacing(14)
        self.fears_heading = text_label("Work through a fear", "heading")
        self.fears_heading.setAccessibleName("Work through a fear")
        self.fears_intro = text_label(
            "Open a fear-reframing worksheet with this fear already chosen.", "muted")
        self._layout.addWidget(self.fears_heading)
        self._layout.addWidget(self.fears_intro)
        self._fear_box = QVBoxLayout()
        self._fear_box.setSpacing(0)
        self._layout.addLayout(self._fear_box)

    # -- content --------------------------------------------------------------------
    def show_chapter(self, chapter: Chapter | None) -> None:
        """Rebuild the rows for `chapter` (None: empty)."""
        for row in (*self.prompt_rows, *self.fear_rows):
            row.setParent(None)
            row.deleteLater()
        self.prompt_rows, self.fear_rows = [], []
        if chapter is not None:
            for prompt in chapter.prompts:
                row = _Row(prompt, "Write about this", f"Write about this: {prompt}", "prompt")
                row.button.clicked.connect(lambda _=False, p=prompt: self.write_requested.emit(p))
                self._prompt_box.addWidget(row)
                self.prompt_rows.append(row)
            for key in chapter.fears:
                label = FEAR_LABELS.get(key, key.replace("_", " ").capitalize())
                row = _Row(label, "Work through this fear",
                           f"Work through this fear: {label}", "fear")
                row.button.clicked.connect(
                    lambda _=False, k=key: self.worksheet_requested.emit(k))
                self._fear_box.addWidget(row)
                self.fear_rows.append(row)
        self._update_visibility()

    def set_writing_available(self, available: bool) -> None:
        self._writing = available
        self._update_visibility()

    def set_worksheets_available(self, available: bool) -> None:
        self._worksheets = available
        self._update_visibility()

    def has_content(self) -> bool:
        """True when there is anything to show: prompts, or fears with their buttons."""
        return bool(self.prompt_rows) or (bool(self.fear_rows) and self._worksheets)

    def buttons(self) -> list[QPushButton]:
        return [row.button for row in (*self.prompt_rows, *self.fear_rows)]

    def _update_visibility(self) -> None:
        has_prompts = bool(self.prompt_rows)
        self.prompts_heading.setVisible(has_prompts)
        self.prompts_intro.setVisible(has_prompts)
        self.prompts_intro.setText(
            "Write about one in a new journal entry, or simply think it over."
            if self._writing else "Think one over, or write about it in your own way.")
        for row in self.prompt_rows:
            row.setVisible(True)
            row.button.setVisible(self._writing)
        # Without the worksheet there is nothing to offer for the fears: the chapter
        # text already explains each one.
        has_fears = bool(self.fear_rows) and self._worksheets
        self.fears_heading.setVisible(has_fears)
        self.fears_intro.setVisible(has_fears)
        for row in self.fear_rows:
            row.setVisible(self._worksheets)
        if self.parentWidget() is not None:  # never show a parentless panel as a window
            self.setVisible(has_prompts or has_fears)
