"""The wheel and Tab keys treat fields kindly: the wheel changes a date, number,
slider or choice only when that field has focus (otherwise the page scrolls), and
a date or date-and-time field is a single Tab stop."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QScrollArea, QWidget

from tests.ui.journal_helpers import journal_of
from trustdesk.ui.worksheets.steps_later import SmallStepStep

SMALL_STEP = 7


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Turn the mouse wheel over the middle of `widget`, as Qt delivers it."""
    inside = QPointF(widget.width() / 2, widget.height() / 2)
    outside = QPointF(widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2)))
    event = QWheelEvent(inside, outside, QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _small_step_date(qtbot, unlocked) -> tuple[QDateEdit, QScrollArea]:
    unlocked.resize(900, 480)  # small, so the step scrolls
    page = unlocked.workspace.show_page("worksheets")
    page.start_worksheet(None)
    page.form.go_to(SMALL_STEP)
    step = page.form.view(SMALL_STEP)
    assert isinstance(step, SmallStepStep)
    qtbot.waitUntil(step.due.isVisible)
    scroll = page.form.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.verticalScrollBar().setValue(0)
    return step.due, scroll


def test_the_wheel_over_an_unfocused_date_scrolls_the_worksheet_and_leaves_the_date(
        qtbot, unlocked):
    due, scroll = _small_step_date(qtbot, unlocked)
    before = due.date()
    page_focus = QApplication.focusWidget()
    assert not due.hasFocus()
    wheel(due, -1)
    qtbot.wait(20)
    assert due.date() == before
    assert not due.hasFocus()
    assert QApplication.focusWidget() is page_focus
    assert scroll.verticalScrollBar().value() > 0, "the page scrolls instead"


def test_the_wheel_changes_a_date_that_has_focus(qtbot, unlocked):
    due, _scroll = _small_step_date(qtbot, unlocked)
    due.setFocus()
    qtbot.waitUntil(due.hasFocus)
    before = due.date()
    wheel(due, -1 if before.dayOfWeek() > 1 else 1)  # the weekday can't wrap round
    qtbot.waitUntil(lambda: due.date() != before)


def test_choices_and_numbers_take_focus_by_click_or_tab_not_by_wheel(qtbot, unlocked):
    page = unlocked.workspace.show_page("worksheets")
    for box in (page.list_view.category_filter, page.list_view.status_filter):
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
        before = box.currentIndex()
        wheel(box, -1)
        assert box.currentIndex() == before and not box.hasFocus()


def test_the_journal_date_and_time_is_one_tab_stop(qtbot, unlocked):
    editor = journal_of(unlocked).editor
    editor.when.setFocus()
    qtbot.waitUntil(editor.when.hasFocus)
    qtbot.keyClick(editor.when, Qt.Key.Key_Tab)
    assert not editor.when.hasFocus()
    leaving_to = QApplication.focusWidget()
    qtbot.keyClick(leaving_to, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.when.hasFocus()
