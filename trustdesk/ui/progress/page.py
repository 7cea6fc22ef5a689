"""The Progress page: a period, five charts with their readings and tables, the
guide's reading progress, and "Print summary…".

Threading: the summary is gathered off the UI thread (`tasks.run_task`); on ten
years of entries that takes a few tens of milliseconds. Results that arrive after
the period changed again, or after the journal locked, are dropped."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING, override

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary
from trustdesk.report import charts
from trustdesk.storage import errors
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.ui import tasks
from trustdesk.ui.output_check import Places
from trustdesk.ui.page import Page
from trustdesk.ui.progress.cards import ChartCard, EmptyNote, GuideCard
from trustdesk.ui.progress.period_picker import PeriodPicker
from trustdesk.ui.progress.year_view import YearCard
from trustdesk.ui.widgets.column import LIST_WIDTH, page_column
from trustdesk.ui.widgets.labels import text_label

if TYPE_CHECKING:
    from trustdesk.ui.progress.print_dialog import PrintSummaryDialog

BUSY_DELAY_MS = 250     # quick reloads never flash a progress bar
UNEXPECTED = ("Your progress couldn't be gathered just now. Nothing in your journal "
              "was changed; try again in a moment.")


def _load(source: ProgressSource, period: Period, today: date) -> tuple[ProgressSummary, bool]:
    """Worker: the summary, and whether the journal holds any records at all (asked
    only when the period is empty, to choose the right words)."""
    summary = source.summary(period, today)
    has_records = True
    if summary.is_empty:
        has_records = source.journal.count() > 0 or source.worksheets.count() > 0
    return summary, has_records


class ProgressPage(Page):
    """Reads through a `ProgressSource`; never writes. `summary` is what is shown.
    Emits `summary_shown` each time a newly gathered summary is on screen."""

    summary_shown = Signal()

    def __init__(self, source: ProgressSource, *,
                 today: Today = clock.today,
                 places: Places | None = None) -> None:
        super().__init__()
        self.setObjectName("ProgressPage")
        self._source = source
        self._places = places
        self._today = today
        self._generation = 0
        self._print_dialog: PrintSummaryDialog | None = None
        self.summary: ProgressSummary | None = None
        self.task: tasks.Task | None = None

        self.title = QLabel("Progress")
        self.title.setProperty("role", "title")
        self.print_button = QPushButton("Print summary…")
        self.print_button.setAccessibleName("Print summary, or save it as a PDF")
        self.print_button.setToolTip("Print your progress, or save it as a PDF (Ctrl+P)")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.open_print_dialog)
        self.picker = PeriodPicker(today)
        self.picker.changed.connect(self.refresh)
        self.dates = text_label("", "muted", selectable=True)
        self.dates.setAccessibleDescription("Dates shown")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Gathering your progress")
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        self.problem = text_label("", "problem", selectable=True)
        self.problem.hide()
        self.waiting = text_label("Gathering your progress…", "muted", selectable=True)
        self.waiting.hide()

        self.empty = EmptyNote()
        self.cards = {kind: ChartCard(kind) for kind in charts.TITLES}
        self.year_card = YearCard(source.journal.days, today)
        self.guide_card = GuideCard()
        self._build_layout()
        self._set_content_visible(False)

    def _build_layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignVCenter)
        choose = QHBoxLayout()
        choose.setSpacing(14)
        choose.addWidget(self.picker, 0)
        choose.addWidget(self.dates, 1, Qt.AlignmentFlag.AlignVCenter)
        choose.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QWidget()
        body = QVBoxLayout(column)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(18)
        body.addLayout(head)
        body.addLayout(choose)
        body.addWidget(self.problem)
        body.addWidget(self.waiting)
        body.addWidget(self.empty)
        for card in self.cards.values():
            body.addWidget(card)
        body.addWidget(self.year_card)
        body.addWidget(self.guide_card)
        body.addStretch(1)
        self.scroll_area = page_column(column, LIST_WIDTH)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    # -- the Page protocol -------------------------------------------------------
    @override
    def load(self) -> None:
        """Gather the summary again, so new entries and worksheets show."""
        self.refresh()

    @override
    def clear_sensitive(self) -> None:
        self._generation += 1            # drops any summary still on its way
        self._busy_timer.stop()
        self.busy.hide()
        self.summary = None
        if self._print_dialog is not None:
            self._print_dialog.reject()
            self._print_dialog = None
        for card in self.cards.values():
            card.clear()
        self.guide_card.set_summary(None)
        self.year_card.clear()
        self.dates.setText("")
        self.problem.hide()
        self._set_content_visible(False)
        self.waiting.hide()

    # -- loading -----------------------------------------------------------------
    def period(self) -> Period:
        return self.picker.period() or Period()

    def refresh(self) -> None:
        period = self.picker.period()
        if period is None:
            return
        self._generation += 1
        generation = self._generation
        today = self._today()
        self._busy_timer.start()
        if self.summary is None:
            self.waiting.show()
        source = self._source
        self.task = tasks.run_task(
            lambda: _load(source, period, today),
            on_done=lambda result: self._loaded(generation, result),
            on_failed=lambda error: self._failed(generation, error))

    def _loaded(self, generation: int, result: tuple[ProgressSummary, bool]) -> None:
        if generation != self._generation:
            return
        summary, has_records = result
        self._busy_timer.stop()
        self.busy.hide()
        self.waiting.hide()
        self.problem.hide()
        self.show_summary(summary, journal_has_records=has_records)
        self.summary_shown.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy_timer.stop()
        self.busy.hide()
        self.waiting.hide()
        self.problem.setText(error.message if isinstance(error, errors.VaultError)
                             else UNEXPECTED)
        self.problem.show()

    def show_summary(self, summary: ProgressSummary, *, journal_has_records: bool = True) -> None:
        """Put `summary` on screen (UI thread)."""
        self.summary = summary
        self.dates.setText(f"Showing {summary.dates_label}.")
        empty = summary.is_empty
        self._set_content_visible(True, empty=empty)
        if empty:
            self.empty.show_for(journal_has_records=journal_has_records,
                                period_label=summary.period.label)
        for card in self.cards.values():
            card.set_summary(summary)
        self.guide_card.set_summary(summary)
        # The year is not the period's: shown whenever the journal has anything.
        self.year_card.setVisible(journal_has_records)
        if journal_has_records:
            with contextlib.suppress(errors.VaultError):
                self.year_card.load()

    def _set_content_visible(self, visible: bool, *, empty: bool = False) -> None:
        self.empty.setVisible(visible and empty)
        for card in self.cards.values():
            card.setVisible(visible and not empty)
        if not visible:
            self.year_card.hide()
        self.guide_card.setVisible(visible)

    # -- printing ------------------------------------------------------------------
    def open_print_dialog(self):
        """Open (or bring forward) the "Print summary" dialog for the shown period."""
        from trustdesk.ui.progress.print_dialog import PrintSummaryDialog

        if self._print_dialog is not None and self._print_dialog.isVisible():
            self._print_dialog.raise_()
            self._print_dialog.activateWindow()
            return self._print_dialog
        dialog = PrintSummaryDialog(self._source, period=self.period(), today=self._today,
                                    places=self._places, parent=self)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self._print_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog) -> None:
        if self._print_dialog is dialog:
            self._print_dialog = None
        dialog.deleteLater()
