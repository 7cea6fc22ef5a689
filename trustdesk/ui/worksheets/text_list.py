"""A short list of sentences the person can add to, edit and remove from (the
evidence for and against a fear)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from trustdesk.domain.worksheet import MAX_ITEMS
from trustdesk.ui.spelling.line_edit import SpellLineEdit
from trustdesk.ui.worksheets.common import link_button


class TextListField(QWidget):
    """`value()` is the non-empty items in order. Enter in the last line starts a new
    one; "Add another" does too. There is always at least one line to type in."""

    changed = Signal()

    def __init__(self, item_name: str, placeholder: str = "") -> None:
        super().__init__()
        self._item_name = item_name
        self._placeholder = placeholder
        self._lines: list[QLineEdit] = []
        self._removers: list[QWidget] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        column.addLayout(self.rows)
        self.add_button = link_button("+ Add another", f"Add another: {item_name}")
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        self.add_button.clicked.connect(lambda: self.add_line(focus=True))
        self.add_line()

    def value(self) -> tuple[str, ...]:
        return tuple(line.text().strip() for line in self._lines if line.text().strip())

    def set_value(self, items: tuple[str, ...]) -> None:
        self._remove_all()
        for item in items:
            self.add_line(item)
        if not items:
            self.add_line()

    def clear(self) -> None:
        self.set_value(())

    def lines(self) -> list[QLineEdit]:
        return list(self._lines)

    def add_line(self, text: str = "", *, focus: bool = False) -> QLineEdit:
        if len(self._lines) >= MAX_ITEMS:
            return self._lines[-1]
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        line = SpellLineEdit()
        line.setText(text)
        line.setPlaceholderText(self._placeholder)
        remove = link_button("Remove", "")
        layout.addWidget(line, 1)
        layout.addWidget(remove)
        self._lines.append(line)
        self._removers.append(row)
        self.rows.addWidget(row)
        line.textEdited.connect(lambda _text: self.changed.emit())
        line.returnPressed.connect(lambda: self._next_after(line))
        remove.clicked.connect(lambda: self._remove(line, row))
        self._renumber()
        self.add_button.setEnabled(len(self._lines) < MAX_ITEMS)
        if focus:
            line.setFocus()
        return line

    def _next_after(self, line: QLineEdit) -> None:
        index = self._lines.index(line)
        if index + 1 < len(self._lines):
            self._lines[index + 1].setFocus()
        elif line.text().strip():
            self.add_line(focus=True)

    def _remove(self, line: QLineEdit, row: QWidget) -> None:
        had_text = bool(line.text().strip())
        index = self._lines.index(line)
        self._lines.pop(index)
        self._removers.pop(index)
        row.hide()
        row.deleteLater()
        if not self._lines:
            self.add_line()
        self._renumber()
        self.add_button.setEnabled(True)
        self._lines[min(index, len(self._lines) - 1)].setFocus()
        if had_text:
            self.changed.emit()

    def _remove_all(self) -> None:
        for line in self._lines:
            line.setText("")  # nothing lingers while the row waits to be deleted
        for row in self._removers:
            row.hide()
            row.deleteLater()
        self._lines.clear()
        self._removers.clear()

    def _renumber(self) -> None:
        for number, (line, row) in enumerate(zip(self._lines, self._removers, strict=True), 1):
            name = f"{self._item_name} {number}"
            line.setAccessibleName(name)
            remover = row.layout().itemAt(1).widget()
            remover.setAccessibleName(f"Remove {name.lower()}")
