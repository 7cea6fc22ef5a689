"""Small helpers for driving the real Journal page in widget tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from trustdesk.ui.journal import JournalPage
from trustdesk.ui.journal.rating import CELLS, RatingBar
from trustdesk.ui.shell.window import MainWindow


def journal_of(window: MainWindow) -> JournalPage:
    assert window.workspace is not None
    page = window.workspace.show_page("journal")
    assert isinstance(page, JournalPage)
    return page


def wait_saved(qtbot, page: JournalPage, timeout: int = 5000) -> None:
    """Wait for the quiet indicator to say Saved (autosave, no sleeping)."""
    qtbot.waitUntil(lambda: page.editor.status.text() == "Saved" and not page.has_unsaved_changes(),
                    timeout=timeout)


def click_rating(qtbot, bar: RatingBar, value: int) -> None:
    cell = bar.width() / CELLS
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(cell * value + cell / 2), bar.height() // 2))


def click_row(qtbot, page: JournalPage, row: int) -> None:
    rect = page.list.visualRect(page.model.index(row))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def list_headings(page: JournalPage) -> list[str]:
    return [page.model.entry_row(i).heading for i in range(page.model.rowCount())]
