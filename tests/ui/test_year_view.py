"""A year in pixels on the Progress page, on a real journal: the sentence counts the
year's days per band, the table holds the same numbers per month, the scale and
year can be changed, and locking forgets it."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt

from tests.ui.progress_helpers import show_progress
from trustdesk.domain.calendar import YEAR_COLUMNS
from trustdesk.domain.journal import CheckIn, Entry

YEAR = date.today().year


def _fill(window) -> None:
    window.session.store.journal.save_many([
        Entry.new(written_at=datetime(YEAR, 1, 2, 20), body="a", checkin=CheckIn(2, 8, None)),
        Entry.new(written_at=datetime(YEAR, 1, 3, 20), body="b", checkin=CheckIn(9, None, 5)),
        Entry.new(written_at=datetime(YEAR, 1, 3, 21), body="c", checkin=CheckIn(7)),
        Entry.new(written_at=datetime(YEAR, 1, 4, 9), body="unrated"),
        Entry.new(written_at=datetime(YEAR - 1, 6, 1, 9), body="last year",
                  checkin=CheckIn(5)),
    ])


def test_the_year_has_a_sentence_a_grid_and_a_table(qtbot, unlocked, no_dialogs):
    _fill(unlocked)
    page = show_progress(qtbot, unlocked)
    card = page.year_card
    assert card.isVisible() and card.year_label.text() == str(YEAR)
    assert card.reading.text() == (
        f"In {YEAR} you wrote on 3 days and rated mood on 2 days: "
        "1 low (0–3), 0 middle (4–6), 1 high (7–10).")
    assert card.grid.day_at(QPoint(card.grid._left() + 1, card.grid._top() + 1)) \
        == date(YEAR, 1, 1)
    card.scale.setCurrentIndex(card.scale.findData("trust_others"))
    assert "rated trust in others on 1 day: 0 low (0–3), 0 middle (4–6), 1 high" \
        in card.reading.text()

    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.table.isVisible() and not card.grid.isVisible()
    assert [card.table.horizontalHeaderItem(c).text() for c in range(len(YEAR_COLUMNS))] \
        == list(YEAR_COLUMNS)
    january = [card.table.item(0, c).text() for c in range(len(YEAR_COLUMNS))]
    assert january == ["January", "3", "0", "0", "1", "8.0"]
    assert card.table.rowCount() == 12

    qtbot.mouseClick(card.previous, Qt.MouseButton.LeftButton)
    assert card.year_label.text() == str(YEAR - 1) and card.next.isEnabled()
    card.scale.setCurrentIndex(card.scale.findData("mood"))
    assert card.reading.text() == (
        f"In {YEAR - 1} you wrote on 1 day and rated mood on 1 day: "
        "0 low (0–3), 1 middle (4–6), 0 high (7–10).")
    assert card.table.item(5, 5).text() == "5.0"


def test_locking_forgets_the_year(qtbot, unlocked, no_dialogs):
    _fill(unlocked)
    page = show_progress(qtbot, unlocked)
    page.year_card.toggle.click()
    assert page.year_card.table.rowCount() == 12
    assert unlocked.session.request_lock()
    card = page.year_card
    assert card.marks == {} and card.reading.text() == "" and card.table.rowCount() == 0
    assert card.grid.marks == {}
