"""One page-width rule (widgets/column.py): reading and form pages share one
column width, list and chart pages another, every page title starts at the same
height, and a column doesn't move when its scroll bar appears."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QScrollArea

from trustdesk.ui.widgets.column import FORM_WIDTH, LIST_WIDTH, PAGE_MARGINS


def title_of(page) -> QLabel:
    return next(label for label in page.findChildren(QLabel)
                if label.property("role") == "title" and label.isVisible())


def place(window, key: str, qtbot) -> tuple[int, int, int]:
    """(left, top, width) of the page's title column, in window coordinates."""
    page = window.workspace.show_page(key)
    page.load()
    qtbot.wait(60)
    title = title_of(page)
    column = title.parentWidget()
    at = column.mapTo(window, QPoint(0, 0))
    top = title.mapTo(window, QPoint(0, 0)).y()
    return at.x(), top, column.width()


def test_pages_follow_one_width_rule(qtbot, unlocked):
    unlocked.resize(1900, 1000)
    qtbot.wait(50)
    places = {key: place(unlocked, key, qtbot)
              for key in ("guide", "settings", "worksheets", "progress")}
    assert {places[k][2] for k in ("guide", "settings")} == {FORM_WIDTH}, places
    assert {places[k][2] for k in ("worksheets", "progress")} == {LIST_WIDTH}, places
    assert len({top for _left, top, _width in places.values()}) == 1, places
    assert places["guide"][0] == places["settings"][0]
    assert places["worksheets"][0] == places["progress"][0]
    assert PAGE_MARGINS[0] == PAGE_MARGINS[2]


def test_a_column_does_not_move_when_its_scroll_bar_appears(qtbot, unlocked):
    unlocked.resize(1400, 1000)
    page = unlocked.workspace.show_page("settings")
    qtbot.wait(60)
    title = title_of(page)
    bar = page.findChild(QScrollArea).bar   # the bar on screen (see PageScroll)
    tall = title.mapTo(unlocked, QPoint(0, 0)).x(), bar.isVisible()
    unlocked.resize(1400, 3000)            # all of Settings fits: no scroll bar
    qtbot.waitUntil(lambda: not bar.isVisible())
    qtbot.wait(30)
    fits = title.mapTo(unlocked, QPoint(0, 0)).x(), bar.isVisible()
    assert tall[1] and not fits[1]
    assert tall[0] == fits[0]
