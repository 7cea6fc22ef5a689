"""The Worksheets list: follow-ups due at the top, filters, the table and actions.
It only shows what the page gives it and announces what the person asks for."""

from __future__ import annotations

from datetime import date
from typing import override

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.dates import short_date
from trustdesk.domain.worksheet import STATUSES, DueStep, WorksheetRow
from trustdesk.domain.worksheet_texts import WorksheetTexts
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.column import LIST_WIDTH, page_column
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.table_model import WorksheetTableModel, one_line

SHOWN_DUE = 4


class _DueRow(QFrame):
    def __init__(self, due: DueStep, on_open) -> None:
        super().__init__()
        self.setProperty("role", "duerow")
        self.step_id = due.step.id
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 10, 10)
        row.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(2)
        step_text = one_line(due.step.text, 120) or "Your small step"
        words.addWidget(text_label(step_text, "field"))
        planned = f"Planned for {short_date(due.step.due)}" if due.step.due else "Planned"
        origin = f" · from “{one_line(due.thought, 70)}”" if due.thought.strip() else ""
        words.addWidget(text_label(planned + origin, "muted"))
        row.addLayout(words, 1)
        self.button = QPushButton("How did it go?")
        self.button.setAccessibleName(f"How did it go: {step_text}")
        self.button.clicked.connect(lambda: on_open(self.step_id))
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


class WorksheetListView(QWidget):
    """Signals carry a worksheet id (or a step id for `follow_up_requested`)."""

    new_requested = Signal()
    open_requested = Signal(str)
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)
    follow_up_requested = Signal(str)
    filters_changed = Signal()

    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__()
        self.texts = texts
        self.model = WorksheetTableModel(texts)
        self._due_rows: list[_DueRow] = []
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setSpacing(16)
        # At large text sizes the page scrolls, so the table stays usable.
        scroll = page_column(inner, LIST_WIDTH)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        top = QHBoxLayout()
        title = text_label("Worksheets", "title")
        top.addWidget(title, 1)
        self.new_button = QPushButton("New worksheet")
        self.new_button.setProperty("role", "primary")
        self.new_button.setMinimumHeight(36)
        self.new_button.setToolTip("Start a new worksheet (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        column.addLayout(top)
        column.addWidget(text_label(
            "Take one fear that got stirred up, look at it calmly, find a fairer view, "
            "and plan one small step of trust.", "muted"))

        self.problem = text_label("", "problem")
        self.problem.setAccessibleDescription("Problem")
        self.problem.hide()
        column.addWidget(self.problem)

        self.due_box = QFrame()
        self.due_box.setProperty("role", "due")
        due_column = QVBoxLayout(self.due_box)
        due_column.setContentsMargins(18, 14, 18, 16)
        due_column.setSpacing(8)
        self.due_title = text_label(texts.messages["followups_due"], "heading")
        due_column.addWidget(self.due_title)
        self.due_rows = QVBoxLayout()
        self.due_rows.setSpacing(6)
        due_column.addLayout(self.due_rows)
        self.due_more = text_label("", "muted")
        due_column.addWidget(self.due_more)
        self.due_box.hide()
        column.addWidget(self.due_box)

        filters = QHBoxLayout()
        filters.setSpacing(10)
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName("Show which kind of fear")
        self.category_filter.addItem("Every kind of fear", None)
        for category in texts.categories:
            self.category_filter.addItem(category.label, category.key)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show which status")
        self.status_filter.addItem("Any status", None)
        for status in STATUSES:
            self.status_filter.addItem(texts.statuses[status], status)
        for box in (self.category_filter, self.status_filter):
            # As wide as a short label, not the longest one: the row fits small windows.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        filters.addWidget(text_label("Show", "muted", wrap=False))
        filters.addWidget(self.category_filter)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        self.count = text_label("", "muted", wrap=False)
        filters.addWidget(self.count)
        column.addLayout(filters)
        self.category_filter.currentIndexChanged.connect(self.filters_changed)
        self.status_filter.currentIndexChanged.connect(self.filters_changed)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Your worksheets")
        self.table.setObjectName("WorksheetTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        for corner in self.table.findChildren(QAbstractButton):
            corner.setAccessibleName("Table corner")
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Fit columns to the first rows only: measuring ten years of rows is slow.
        header.setResizeContentsPrecision(60)
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 2
                                   + (QHeaderView.ResizeMode.Stretch,)
                                   + (QHeaderView.ResizeMode.ResizeToContents,) * 2):
            header.setSectionResizeMode(col, mode)
        self._fit_rows()
        column.addWidget(self.table, 1)
        self.empty = text_label(texts.messages["empty_list"], "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.empty, 1)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.open_button = QPushButton("Open")
        self.edit_button = QPushButton("Edit")
        self.duplicate_button = QPushButton("Start a new one from this")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setProperty("role", "danger")
        for button in (self.open_button, self.edit_button, self.duplicate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        column.addLayout(actions)
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.duplicate_button.clicked.connect(lambda: self._emit(self.duplicate_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.table.activated.connect(lambda _i: self._emit(self.open_requested))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._emit(self.delete_requested))
        self._update_actions()

    def _fit_rows(self) -> None:
        """Row height and table height follow the text size (fixed heights, so a
        long list never has to be measured row by row)."""
        line = self.table.fontMetrics().height()
        self.table.verticalHeader().setDefaultSectionSize(line + 16)
        self.table.setMinimumHeight(line * 14)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_rows()

    # -- what the page gives it ----------------------------------------------------
    def filters(self) -> tuple[str | None, str | None]:
        return self.category_filter.currentData(), self.status_filter.currentData()

    def show_rows(self, rows: list[WorksheetRow], today: date, *, total: int,
                  select: str | None = None) -> None:
        keep = select or self.selected_id()
        self.model.set_rows(rows, today)
        filtered = any(value is not None for value in self.filters())
        self.empty.setText(self.texts.messages["empty_filter" if filtered and total
                                               else "empty_list"])
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        noun = "worksheet" if total == 1 else "worksheets"
        self.count.setText(f"{len(rows)} of {total} {noun}" if filtered else f"{total} {noun}")
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_actions()

    def show_due(self, due: list[DueStep]) -> None:
        for old in self._due_rows:
            old.hide()
            old.deleteLater()
        self._due_rows = [_DueRow(item, self.follow_up_requested.emit)
                          for item in due[:SHOWN_DUE]]
        for row in self._due_rows:
            self.due_rows.addWidget(row)
        more = len(due) - SHOWN_DUE
        self.due_more.setText(f"And {more} more: choose “Follow-up due” under Show to see "
                              "their worksheets." if more > 0 else "")
        self.due_more.setVisible(more > 0)
        self.due_box.setVisible(bool(due))

    def show_problem(self, message: str) -> None:
        show_and_announce(self.problem, message, assertive=True)
        self.problem.setVisible(bool(message))

    def due_buttons(self) -> list[QPushButton]:
        return [row.button for row in self._due_rows]

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        found = self.model.row_at(rows[0].row()) if rows else None
        return found.id if found else None

    def select(self, worksheet_id: str) -> None:
        row = self.model.row_of(worksheet_id)
        if row >= 0:
            self.table.selectRow(row)

    def clear(self) -> None:
        self.model.clear()
        self.show_due([])
        self.show_problem("")
        self.count.setText("")

    # -- internals -------------------------------------------------------------------
    def _emit(self, signal: SignalInstance) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            signal.emit(chosen)

    def _update_actions(self, *_args: object) -> None:
        chosen = self.selected_id()
        row = self.model.row_at(self.model.row_of(chosen)) if chosen else None
        for button in (self.open_button, self.edit_button, self.duplicate_button,
                       self.delete_button):
            button.setEnabled(row is not None)
        self.open_button.setText("Continue" if row is not None and not row.is_complete
                                 else "Open")

