"""The numbers behind each progress chart, shown read-only in a table view:
`NumbersModel` over a `Table` from `report.numbers.table_for`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from trustdesk.report.numbers import Table, number, rating, table_for

__all__ = ["SORT_ROLE", "NumbersModel", "Table", "number", "rating", "table_for"]

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole


class NumbersModel(QAbstractTableModel):
    """A read-only table of text cells; numbers are right-aligned. `SORT_ROLE`
    gives each cell's value for sorting (dates as day numbers)."""

    def __init__(self) -> None:
        super().__init__()
        self._headers: tuple[str, ...] = ()
        self._rows: Sequence[Sequence[tuple[str, Any]]] = ()
        self._text_columns = 1

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._headers = table.headers if table else ()
        self._rows = table.rows if table else ()
        self._text_columns = table.text_columns if table else 1
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(None)

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column][0]

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._headers):
            return None
        text, value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() > 0:
            return f"{self._headers[index.column()]}: {text or 'none'}"
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignLeft if index.column() < self._text_columns
                          else Qt.AlignmentFlag.AlignRight)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                horizontal = (Qt.AlignmentFlag.AlignLeft if section < self._text_columns
                              else Qt.AlignmentFlag.AlignRight)
                return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
