"""Shared steps for the Progress page and print dialog tests."""

from __future__ import annotations

from datetime import date

from trustdesk.demo import fill_demo
from trustdesk.domain import worksheet_texts
from trustdesk.domain.guide.progress import reading_progress
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary, summarize
from trustdesk.storage.store import Store
from trustdesk.ui.progress import ProgressPage
from trustdesk.ui.shell.window import MainWindow


def expected_summary(store: Store, period: Period, today: date | None = None) -> ProgressSummary:
    """summarize() over every record in the journal, read without the page's reader."""
    return summarize(checkins=store.journal.checkins(None, None),
                     entry_times=store.journal.entry_times(None, None),
                     worksheets=store.worksheets.all_worksheets(),
                     steps=store.worksheets.steps(),
                     guide_progress=reading_progress(store.settings), period=period,
                     today=today or date.today(),
                     trap_names=worksheet_texts.load().trap_names)


def fill(window: MainWindow, days: int = 183, seed: int = 11) -> None:
    assert window.session.store is not None
    fill_demo(window.session.store, days=days, seed=seed, today=date.today())


def show_progress(qtbot, window: MainWindow) -> ProgressPage:
    """Switch to the Progress page and wait for its summary to be on screen."""
    assert window.workspace is not None
    page = window.workspace.page("progress")
    assert isinstance(page, ProgressPage)
    with qtbot.waitSignal(page.summary_shown, timeout=10000):
        window.workspace.show_page("progress")
    return page


def choose(qtbot, page: ProgressPage, kind: str) -> None:
    """Pick a period in the page's selector, as a person would, and wait."""
    combo = page.picker.combo
    with qtbot.waitSignal(page.summary_shown, timeout=10000):
        combo.setCurrentIndex(combo.findData(kind))
