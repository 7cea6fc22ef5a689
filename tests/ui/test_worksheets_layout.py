"""How the worksheet views look: the form's column lines up on every step, whether
the step scrolls or not, and the list shows focus without boxing in one cell."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea

from tests.ui.test_worksheets import worksheets
from trustdesk.domain.worksheet import Worksheet
from trustdesk.ui import theme
from trustdesk.ui.worksheets.form import OVERVIEW


def left_and_right(widget, form) -> tuple[int, int]:
    left = widget.mapTo(form, QPoint(0, 0)).x()
    return left, left + widget.width()


def test_steps_that_scroll_line_up_with_the_header(qtbot, unlocked):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    form = page.form
    scrolling = 0
    for index in (4, 5, 7, OVERVIEW):            # thinking traps, balanced view, step 8
        form.go_to(index)
        scroll = form.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        view = scroll.widget().layout().itemAt(1).widget()
        qtbot.waitUntil(lambda v=view: v.isVisible() and v.width() > 1, timeout=2000)
        qtbot.wait(20)
        scrolling += scroll.verticalScrollBar().maximum() > 0   # (its own bar is drawn beside)
        header = left_and_right(form.heading, form)     # the header's whole column
        assert left_and_right(view, form) == header, index
    assert scrolling >= 1, "at 1280x800 some steps scroll: the case this checks"


def longest_run(image, y: int, left: int, right: int, background) -> int:
    """The longest stretch of pixels on line `y` that differ from `background`."""
    longest = run = 0
    for x in range(left, right):
        run = run + 1 if image.pixelColor(x, y) != background else 0
        longest = max(longest, run)
    return longest


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_selected_row_has_no_box_around_one_cell(qtbot, qapp, unlocked, mode):
    """Keyboard focus shows on the table as a whole (its border) and on the row (the
    selection), not as a focus box drawn around the current cell."""
    unlocked.session.store.worksheets.save(Worksheet(id="w1", happened_on=date(2026, 11, 22),
                                             category="betrayal", thought="He's hiding it."))
    page = worksheets(unlocked)
    table = page.list_view.table
    try:
        theme.apply(qapp, theme=mode)
        unlocked.activateWindow()
        table.setFocus()
        table.selectRow(0)
        qtbot.waitUntil(lambda: table.hasFocus() and table.currentIndex().isValid(),
                        timeout=3000)
        qtbot.wait(20)
        cell = table.visualRect(table.model().index(0, 0))
        image = table.viewport().grab().toImage()
        background = image.pixelColor(cell.left() + 2, cell.center().y())
        assert background == QColor(theme.colors()["selection"])
        # Text has no long straight strokes; a focus box's top and bottom edges do.
        runs = [longest_run(image, y, cell.left() + 1, cell.right(), background)
                for y in range(cell.top() + 1, cell.bottom())]
        assert max(runs) < cell.width() // 3, runs
        border = QColor(theme.colors()["accent"])
        frame = table.grab().toImage()
        assert frame.pixelColor(0, table.height() // 2) == border   # the table shows focus
    finally:
        theme.apply(qapp, theme="light")
