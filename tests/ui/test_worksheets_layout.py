"""The worksheet form's column lines up on every step, whether the step scrolls
or not: the text under the header starts where the title and the step buttons do."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.ui.test_worksheets import worksheets
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
        scrolling += scroll.verticalScrollBar().isVisible()
        header = left_and_right(form.heading, form)     # the header's whole column
        assert left_and_right(view, form) == header, index
    assert scrolling >= 1, "at 1280x800 some steps scroll: the case this checks"
