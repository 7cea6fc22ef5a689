"""The worksheet list as a Qt table model over domain rows (no storage access)."""

from __future__ import annotations

from datetime import date
from typing import Any, override

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from trustdesk.domain import clock
from trustdesk.domain.dates import short_date
from trustdesk.domain.worksheet import WorksheetRow
from trustdesk.domain.worksheet_texts import WorksheetTexts

COLUMNS = ("Date", "Fear", "The thought", "Belief", "Status")
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def beliefs(before: int | None, after: int | None) -> str:
    def show(value: int | None) -> str:
        return "–" if value is None else str(value)
    return f"{show(before)} → {show(after)}"


class WorksheetTableModel(QAbstractTableModel):
    """Read-only rows. `set_rows` replaces them all; `row_at` gives the domain row."""

    def __init__(self, texts: WorksheetTexts, today: date | None = None) -> None:
        super().__init__()
        self._texts = texts
        self._rows: list[WorksheetRow] = []
        self._today = today or clock.today()

    def set_rows(self, rows: list[WorksheetRow], today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], self._today)

    def row_at(self, row: int) -> WorksheetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, worksheet_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == worksheet_id), -1)

    # -- Qt ------------------------------------------------------------------------
    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 3:
            return "How much you believed the thought, before → after the worksheet (0 to 100)"
        return None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, accessible=role != Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return one_line(row.thought, 300) or None
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status(self._today)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: WorksheetRow, column: int, *, accessible: bool) -> str:
        if column == 0:
            return short_date(row.happened_on)
        if column == 1:
            chosen = self._texts.category(row.category)
            return chosen.label.removeprefix("Fear of ").capitalize() if chosen else "–"
        if column == 2:
            return one_line(row.thought) or "(no thought written yet)"
        if column == 3:
            if accessible:
                def say(value: int | None) -> str:
                    return "not rated" if value is None else str(value)
                return f"belief before {say(row.belief_before)}, after {say(row.belief_after)}"
            return beliefs(row.belief_before, row.belief_after)
        return self._texts.statuses[row.status(self._today)]
