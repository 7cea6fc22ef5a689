"""Date fields drop down the app's own month: weekends in the text colour, not in
alarm red; all seven rows (day names and six weeks) whole; both themes' colours;
and checkboxes and radio buttons drawn in the app's style."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDateTimeEdit,
    QLineEdit,
    QRadioButton,
    QTableView,
    QWidget,
)

from trustdesk.ui import theme
from trustdesk.ui.journal.editor import EntryEditor
from trustdesk.ui.journal.filter_bar import FilterBar
from trustdesk.ui.progress.period_picker import PeriodPicker
from trustdesk.ui.widgets.calendar import Calendar
from trustdesk.ui.worksheets.step_base import date_edit


def _date_fields(qtbot, keep: list[QWidget]) -> list[QDateTimeEdit]:
    holders: list[QWidget] = [EntryEditor(), FilterBar(lambda: date(2026, 12, 6)),
                              PeriodPicker(lambda: date(2026, 12, 6))]
    fields = [date_edit("By when?")]
    keep += holders + fields
    for holder in holders:
        qtbot.addWidget(holder)
        fields += holder.findChildren(QDateTimeEdit)
    for field in fields:
        if field.parent() is None:
            qtbot.addWidget(field)
    return fields


def test_every_date_field_drops_down_the_apps_calendar(qtbot) -> None:
    keep: list[QWidget] = []
    fields = _date_fields(qtbot, keep)
    assert len(fields) >= 6
    for holder in keep:
        if holder.parent() is None:
            holder.show()
    for field in fields:
        field.window().show()
        field.setVisible(True)
        qtbot.waitExposed(field.window())
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton,   # drops the month down
                         pos=QPoint(field.width() - 8, field.height() // 2))
        calendar = field.calendarWidget()
        qtbot.waitUntil(calendar.isVisible)
        calendar.window().close()
        assert field.calendarPopup()
        assert isinstance(calendar, Calendar), field.accessibleName()
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            weekend = calendar.weekdayTextFormat(day)
            assert not weekend.hasProperty(QTextFormat.Property.ForegroundBrush)
        assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
        for part in calendar.findChildren(QAbstractButton):
            assert part.accessibleName() or part.text().strip(), part.objectName()
        for part in calendar.findChildren(QLineEdit):
            assert part.accessibleName(), part.objectName()


def _open_popup(qtbot, field: QDateTimeEdit) -> Calendar:
    field.setDate(QDate(2026, 8, 1))  # a month that spans six weeks
    field.resize(300, 36)
    field.show()
    qtbot.waitExposed(field)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton,
                     pos=QPoint(field.width() - 10, field.height() // 2))
    calendar = field.calendarWidget()
    qtbot.waitUntil(lambda: calendar.isVisible())
    return calendar


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_popup_shows_every_row_whole_in_the_themes_colours(qtbot, qapp, mode) -> None:
    theme.apply(qapp, theme=mode, text_scale=125)
    field = date_edit("By when?")
    qtbot.addWidget(field)
    calendar = _open_popup(qtbot, field)
    view = calendar.findChild(QTableView)
    text_height = view.fontMetrics().height()
    rows = [view.rowHeight(row) for row in range(view.model().rowCount())]
    assert len(rows) == 7
    assert min(rows) >= text_height + 4, (rows, text_height)
    assert sum(rows) <= view.viewport().height()
    picture = calendar.grab().toImage()
    colours = theme.colors(mode)
    corner = picture.pixelColor(picture.width() // 2, picture.height() - 3)
    assert corner.name() == colours["surface"].name()
    navigation = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    nav = picture.pixelColor(navigation.x() + 4, navigation.y() + 4)
    assert nav.name() == colours["surface"].name()


def test_checkboxes_and_radio_buttons_are_drawn_in_the_apps_style(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    box = QCheckBox("Include the journal", holder)
    radio = QRadioButton("Yes", holder)
    radio.move(0, 40)
    box.setChecked(True)
    radio.setChecked(True)
    holder.resize(300, 110)
    holder.show()
    qtbot.waitExposed(holder)
    accent = theme.colors()["accent"]
    plain = QCheckBox("Journal excerpts", holder)       # unticked, not focused
    plain.move(0, 70)
    plain.resize(260, 30)
    plain.show()
    picture = plain.grab().toImage()
    edge = {picture.pixelColor(x, y).name() for x in (0, 1, picture.width() - 1,
                                                      picture.width() - 2)
            for y in range(picture.height())}
    ring = {theme.colors()[name].name() for name in ("accent", "accent_hover", "text")}
    assert not edge & ring, "no ring around a checkbox that has no focus"
    for widget in (box, radio):
        picture = widget.grab().toImage()
        found = {picture.pixelColor(x, y).name()
                 for x in range(min(24, picture.width())) for y in range(picture.height())}
        assert accent.name() in found, widget.text()
