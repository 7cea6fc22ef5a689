"""The Journal's month calendar with real widgets on a real journal: marks and mood
colours, the keyboard (arrows by day, PageUp/PageDown by month, Enter filters the
list to the day), and a lock that forgets the month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.journal_helpers import journal_of, list_headings
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.ui.journal.month_view import MARK_ROLE, MonthModel

TODAY = datetime.now().replace(hour=20, minute=0, second=0, microsecond=0)


@pytest.fixture
def page(qtbot, unlocked):
    """The journal over entries today, yesterday (two, rated) and a month ago."""
    unlocked.session.store.journal.save_many([
        Entry.new(written_at=TODAY, title="Today's walk"),
        Entry.new(written_at=TODAY - timedelta(days=1, hours=2), title="Morning",
                  checkin=CheckIn(mood=8)),
        Entry.new(written_at=TODAY - timedelta(days=1), title="Evening",
                  checkin=CheckIn(mood=5)),
        Entry.new(written_at=TODAY - timedelta(days=31), title="A month back",
                  checkin=CheckIn(mood=2)),
    ])
    journal = journal_of(unlocked)
    journal.load()
    return journal


def _cell(page, day: date):
    return page.month.model.index_of(day)


def test_the_calendar_marks_days_and_names_them(qtbot, page, no_dialogs, qtmodeltester):
    qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    assert page.month.isVisible() and page.month.view.hasFocus()
    assert page.month.view.current_day() == TODAY.date()
    yesterday = TODAY.date() - timedelta(days=1)
    page.month.view.go_to(yesterday)
    mark = _cell(page, yesterday).data(MARK_ROLE)
    assert (mark.entries, mark.mood) == (2, 6.5)
    spoken = _cell(page, yesterday).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith(": 2 entries, mood 7 (high)")
    assert "low 0–3" in page.month.legend.text() and "dot" in page.month.legend.text()
    qtmodeltester.check(page.month.model)


def test_keys_move_by_day_and_month_and_enter_filters_the_list(qtbot, page, no_dialogs):
    page.show_calendar(True)
    view = page.month.view
    start = TODAY.date()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_day() == start - timedelta(days=1)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.current_day() == start - timedelta(days=1)
    assert view.currentIndex() == _cell(page, view.current_day())
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert sorted(list_headings(page)) == ["Evening", "Morning"]
    assert page.count_label.text() == "2 of 4 entries"
    assert page.editor.title.text() in ("Evening", "Morning")   # the first one opened
    assert page.list.hasFocus()

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    back = view.current_day()
    assert (back.year, back.month) != (start.year, start.month)
    assert page.month.title.text() == back.strftime("%B %Y")
    view.go_to(start - timedelta(days=31))
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert list_headings(page) == ["A month back"]
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_day().month != (start - timedelta(days=31)).month


def test_a_day_without_entries_shows_an_empty_list(qtbot, page, no_dialogs):
    page.show_calendar(True)
    empty = TODAY.date() - timedelta(days=10)
    page.month.view.go_to(empty)
    qtbot.keyClick(page.month.view, Qt.Key.Key_Return)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 of 4 entries"


def test_new_writing_marks_today_and_a_lock_forgets_the_month(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    page.load()
    page.show_calendar(True)
    today = TODAY.date()
    assert _cell(page, today).data(MARK_ROLE) is None
    qtbot.keyClicks(page.editor.body, "A quiet evening.")
    page.flush()
    qtbot.waitUntil(lambda: _cell(page, today).data(MARK_ROLE) is not None)
    assert _cell(page, today).data(MARK_ROLE).entries == 1
    assert unlocked.session.request_lock() is True
    assert _cell(page, today).data(MARK_ROLE) is None
    assert not page.calendar_button.isChecked()


def test_one_query_per_month(qtbot):
    """Moving inside a month reads nothing; crossing into another reads it once."""
    asked: list[tuple[date, date]] = []

    def load(first: date, last: date):
        asked.append((first, last))
        return []

    model = MonthModel(load, date(2026, 3, 10))
    model.show_month(2026, 3)
    assert asked == [(date(2026, 3, 1), date(2026, 3, 31))]
    assert model.day_at(0, 0) is None and model.day_at(0, 6) == date(2026, 3, 1)


def test_tab_leaves_the_calendar_for_the_list(qtbot, page, no_dialogs):
    page.show_calendar(True)
    qtbot.keyClick(page.month.view, Qt.Key.Key_Tab)
    assert page.list.hasFocus()
