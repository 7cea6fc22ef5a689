"""The cards of the Progress page: one per chart (title, the reading in words, the
chart, and its numbers as a table on request), the guide's reading progress, and
the encouraging note shown when there is nothing to draw yet."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from trustdesk.domain.guide.progress import progress_text
from trustdesk.domain.progress import ProgressSummary
from trustdesk.report import charts
from trustdesk.ui.progress.chart_view import ChartView
from trustdesk.ui.progress.tables import SORT_ROLE, NumbersModel, table_for
from trustdesk.ui.widgets.labels import text_label

TABLE_ROWS_SHOWN = 12
SIZE_SAMPLE_ROWS = 200   # columns are sized from this many rows, not all ten years


class ChartCard(QFrame):
    """One chart with its title and one-sentence reading, and a "Show as table"
    toggle that swaps the drawing for an accessible table of the same numbers.

    Tab order follows the card from top to bottom: the reading (a Tab stop, so a
    screen reader reads the sentence), then the toggle right under the chart: the
    table is one key away, and showing it moves focus into it."""

    table_toggled = Signal(bool)

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.summary: ProgressSummary | None = None
        self.setProperty("role", "card")
        self.setObjectName(f"ChartCard_{kind}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(8)

        self.title = text_label(charts.TITLES[kind], "heading")
        layout.addWidget(self.title)
        self.toggle = QPushButton("Show as table")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(f"Show as table: {charts.TITLES[kind]}")
        self.toggle.toggled.connect(self._show_table)

        self.reading = text_label("", "reading", selectable=True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.reading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reading.setAccessibleDescription(f"{charts.TITLES[kind]}: in words")
        layout.addWidget(self.reading)

        self.chart = ChartView(kind)
        self.model = NumbersModel()
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.sorted)
        self.table.setAccessibleName(f"{charts.TITLES[kind]}: the numbers")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.hide()
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        below = QHBoxLayout()
        below.addWidget(self.toggle)
        below.addStretch(1)
        layout.addLayout(below)

    def set_summary(self, summary: ProgressSummary | None) -> None:
        self.summary = summary
        self.reading.setText(summary.reading(self.kind) if summary else "")
        self.chart.set_summary(summary)
        self._fill_table()

    def _fill_table(self) -> None:
        """The table is built only while it shows: ten years of daily rows cost tens
        of milliseconds, wasted on every refresh for a table nobody opened."""
        shown = self.is_table_shown() and self.summary is not None
        self.model.set_table(table_for(self.kind, self.summary)
                             if shown and self.summary is not None else None)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)   # the summary's own order
        self._size_columns()
        self._fit_table()

    def _size_columns(self) -> None:
        """Columns as wide as their heading and the widest of a sample of rows. Qt's
        own fit-to-contents asks every cell of every row: slow for ten years."""
        model = self.model
        rows = model.rowCount()
        sample = (range(rows) if rows <= SIZE_SAMPLE_ROWS else
                  [*range(SIZE_SAMPLE_ROWS // 2), *range(rows - SIZE_SAMPLE_ROWS // 2, rows)])
        metrics = self.table.fontMetrics()
        heading = self.table.horizontalHeader().fontMetrics()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(model.text(r, column)) for r in sample),
                         default=0)
            self.table.setColumnWidth(column, max(widest, heading.horizontalAdvance(title)) + 18)

    def is_table_shown(self) -> bool:
        return not self.table.isHidden()

    def _show_table(self, shown: bool) -> None:
        self.toggle.setText("Show as chart" if shown else "Show as table")
        self.toggle.setAccessibleName(f"{self.toggle.text()}: {charts.TITLES[self.kind]}")
        self.chart.setVisible(not shown)
        self.table.setVisible(shown)
        self._fill_table()
        if shown and self.toggle.hasFocus():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table_toggled.emit(shown)

    def _fit_table(self) -> None:
        """Tall enough for up to TABLE_ROWS_SHOWN rows; longer tables scroll."""
        rows = min(max(self.model.rowCount(), 1), TABLE_ROWS_SHOWN)
        row_h = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + rows * row_h + 4
        self.table.setFixedHeight(max(height, 80))

    def clear(self) -> None:
        self.toggle.setChecked(False)
        self.set_summary(None)


class GuideCard(QFrame):
    """How much of the guide has been read: a sentence and a quiet bar."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName("GuideProgressCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(8)
        title = text_label("Reading the guide", "heading")
        layout.addWidget(title)
        self.reading = text_label("", "reading", selectable=True)
        layout.addWidget(self.reading)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Guide chapters read")
        self.bar.setProperty("role", "meter")
        layout.addWidget(self.bar)

    def set_summary(self, summary: ProgressSummary | None) -> None:
        guide = summary.guide if summary else None
        self.reading.setText(guide.reading if guide else "")
        self.bar.setRange(0, max(guide.total, 1) if guide else 1)
        self.bar.setValue(guide.read if guide else 0)
        self.bar.setAccessibleDescription(progress_text(guide.read, guide.total) if guide else "")


class EmptyNote(QFrame):
    """What the page says when the chosen period has nothing to draw yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName("ProgressEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 26, 28, 26)
        layout.setSpacing(10)
        self.title = text_label("", "heading", selectable=True)
        self.text = text_label("", selectable=True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

    def show_for(self, *, journal_has_records: bool, period_label: str) -> None:
        if journal_has_records:
            self.title.setText("Nothing recorded in this period")
            self.text.setText(
                f"There are no entries or worksheets in “{period_label}”. Try a longer "
                "period to see what you've recorded before, or write a few lines today: "
                "every entry counts, however short.")
        else:
            self.title.setText("Your progress will grow here")
            self.text.setText(
                "As you write in your journal, rate your mood and trust, and work through "
                "worksheets, this page draws how things change over time. There is no "
                "score and nothing to keep up with. A few entries are enough to begin, "
                "and quiet weeks are part of it too.")

