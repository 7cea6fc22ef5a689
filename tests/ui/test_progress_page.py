"""The Progress page on a real journal: five charts with their readings, tables of
the same numbers, periods, encouraging empty states, refreshing and locking. The
page's numbers are checked against summarize() over the same records."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.progress_helpers import choose, expected_summary, fill, show_progress
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.period import Period, format_day
from trustdesk.report import charts
from trustdesk.ui import theme
from trustdesk.ui.progress.tables import number, rating


def series_pixels(widget, color: str) -> int:
    """How many pixels of the widget are (close to) `color`."""
    image = widget.grab().toImage()
    target = QColor(color)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) \
                    + abs(c.blue() - target.blue()) < 30:
                found += 1
    return found


def column(card, index: int) -> list[str]:
    model = card.model
    return [model.text(row, index) for row in range(model.rowCount())]


def test_five_charts_with_readings_match_summarize(qtbot, unlocked, no_dialogs):
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    expected = expected_summary(unlocked.session.store, Period("last_3_months"))

    assert page.summary == expected
    assert page.dates.text() == f"Showing {expected.dates_label}."
    assert not page.empty.isVisibleTo(page)
    for kind, card in page.cards.items():
        assert card.isVisibleTo(page)
        assert card.title.text() == charts.TITLES[kind]
        assert card.reading.text() == expected.reading(kind) != ""
        assert card.chart.isVisibleTo(page) and not card.table.isVisibleTo(page)
        assert card.chart.accessibleName() == expected.reading(kind)
    assert page.guide_card.reading.text() == expected.guide.reading
    assert page.guide_card.bar.value() == expected.guide.read > 0

    mood_colour = page.cards["checkins"].chart.style_.series[0]
    assert series_pixels(page.cards["checkins"].chart, mood_colour) > 100
    assert page.cards["checkins"].chart.frame is not None


def test_tables_hold_the_same_numbers(qtbot, unlocked, no_dialogs, qtmodeltester):
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    expected = expected_summary(unlocked.session.store, Period("last_3_months"))
    for card in page.cards.values():
        assert card.model.rowCount() == 0              # built only when asked for
        qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)

    checkins = page.cards["checkins"]
    rated = [i for i in range(expected.checkins.day_count)
             if any(s.values[i] is not None for s in expected.checkins.series)]
    assert column(checkins, 0) == [format_day(expected.checkins.day(i)) for i in rated]
    assert column(checkins, 1) == [rating(expected.checkins.series[0].values[i])
                                   for i in rated]
    for index in range(1, checkins.model.columnCount()):   # one style: '6.0', '6.5'
        assert all(re.fullmatch(r"\d+\.\d", text) for text in column(checkins, index)
                   if text), checkins.model.headerData(index, Qt.Orientation.Horizontal)
    pairs = expected.beliefs.pairs
    assert column(page.cards["beliefs"], 3) == [str(p.before) for p in pairs]
    assert column(page.cards["beliefs"], 4) == [str(p.after) for p in pairs]
    activity = page.cards["activity"]
    assert activity.model.rowCount() == len(expected.activity.weeks)
    assert sum(int(v) for v in column(activity, 1)) == expected.activity.entries
    assert sum(int(v) for v in column(activity, 2)) == expected.activity.worksheets
    traps = page.cards["traps"]
    assert list(zip(column(traps, 0), column(traps, 1), strict=True)) == [
        (t.name, str(t.count)) for t in expected.traps.traps]
    steps = page.cards["steps"]
    assert dict(zip(column(steps, 0), column(steps, 1), strict=True))[
        "The feared outcome didn't happen"] == str(expected.steps.no)
    for card in page.cards.values():
        qtmodeltester.check(card.model)
        qtmodeltester.check(card.sorted)


def test_show_as_table_swaps_the_chart_for_an_accessible_table(qtbot, unlocked, no_dialogs):
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    card = page.cards["beliefs"]
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.table.isVisibleTo(page) and not card.chart.isVisibleTo(page)
    assert card.toggle.text() == "Show as chart"
    assert card.table.accessibleName().endswith("the numbers")
    model = card.table.model()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Belief before"
    assert model.rowCount() == len(page.summary.beliefs.pairs) > 0
    card.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    befores = [int(model.index(r, 3).data()) for r in range(model.rowCount())]
    assert befores == sorted(befores, reverse=True)
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.chart.isVisibleTo(page) and not card.table.isVisibleTo(page)


def test_switching_the_period_changes_the_numbers(qtbot, unlocked, no_dialogs):
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    three_months = page.summary
    page.cards["activity"].toggle.click()
    choose(qtbot, page, "last_4_weeks")
    four_weeks = expected_summary(unlocked.session.store, Period("last_4_weeks"))
    assert page.summary == four_weeks
    assert four_weeks.activity.entries < three_months.activity.entries
    assert page.cards["activity"].reading.text() == four_weeks.activity.reading
    assert page.cards["activity"].model.rowCount() == len(four_weeks.activity.weeks)

    choose(qtbot, page, "all_time")
    assert page.summary == expected_summary(unlocked.session.store, Period("all_time"))


def test_a_custom_range_of_dates(qtbot, unlocked, no_dialogs):
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    choose(qtbot, page, "custom")
    assert page.picker.first.isVisibleTo(page)
    first, last = date.today() - timedelta(days=60), date.today() - timedelta(days=30)
    with qtbot.waitSignal(page.summary_shown, timeout=10000):
        page.picker.first.setDate(first)
        page.picker.last.setDate(last)
    assert (page.summary.first_day, page.summary.last_day) == (first, last)
    assert page.summary == expected_summary(unlocked.session.store, Period.custom(first, last))

    page.picker.first.setDate(last + timedelta(days=5))          # the wrong way round
    qtbot.waitUntil(lambda: page.picker.note.isVisibleTo(page))
    assert page.summary.first_day == first                     # nothing reloaded


def test_an_empty_journal_gets_an_encouraging_note(qtbot, unlocked, no_dialogs):
    page = show_progress(qtbot, unlocked)
    assert page.empty.isVisibleTo(page)
    assert page.empty.title.text() == "Your progress will grow here"
    assert "no score" in page.empty.text.text()
    assert not any(card.isVisibleTo(page) for card in page.cards.values())
    assert page.guide_card.isVisibleTo(page)
    assert page.guide_card.reading.text() == page.summary.guide.reading


def test_an_empty_period_in_a_full_journal_says_so(qtbot, unlocked, no_dialogs):
    old = datetime(2020, 5, 4, 20)
    unlocked.session.store.journal.save(Entry(id="old", written_at=old, body="Long ago.",
                                      checkin=CheckIn(mood=5), updated_at=old))
    page = show_progress(qtbot, unlocked)
    assert page.empty.title.text() == "Nothing recorded in this period"
    choose(qtbot, page, "all_time")
    assert not page.empty.isVisibleTo(page)
    assert page.summary.checkins.days_with_checkin == 1
    assert "a few more check-ins" in page.cards["checkins"].reading.text()


def test_new_entries_show_when_the_page_is_shown_again(qtbot, unlocked, no_dialogs):
    page = show_progress(qtbot, unlocked)
    assert page.summary.activity.entries == 0
    unlocked.workspace.show_page("journal")
    now = datetime.now().replace(microsecond=0)
    unlocked.session.store.journal.save(Entry(id="new", written_at=now, body="Said it.",
                                      checkin=CheckIn(mood=7, trust_self=6), updated_at=now))
    show_progress(qtbot, unlocked)
    assert page.summary.activity.entries == 1
    assert page.summary.checkins.days_with_checkin == 1
    assert page.cards["checkins"].isVisibleTo(page)


def test_charts_follow_the_theme(qtbot, unlocked, qapp, no_dialogs):
    fill(unlocked, days=40)
    page = show_progress(qtbot, unlocked)
    chart = page.cards["checkins"].chart
    light = chart.style_
    theme.apply(qapp, theme="dark")
    assert chart.style_.text == theme.colors("dark")["text"].name() != light.text
    assert series_pixels(chart, chart.style_.series[0]) > 50
    theme.apply(qapp, theme="light", text_scale=150)
    assert chart.style_.font_pt > light.font_pt
    assert chart.height() > 0


def test_locking_clears_the_page(qtbot, unlocked, no_dialogs):
    fill(unlocked, days=40)
    page = show_progress(qtbot, unlocked)
    page.cards["checkins"].toggle.click()
    assert page.cards["checkins"].model.rowCount() > 0
    assert unlocked.session.request_lock()
    assert page.summary is None
    for card in page.cards.values():
        assert card.reading.text() == "" and card.model.rowCount() == 0
        assert card.chart.summary is None and not card.is_table_shown()
    assert page.dates.text() == ""


def test_a_summary_arriving_after_the_lock_is_dropped(qtbot, unlocked, no_dialogs):
    """The page is thrown away with the workspace; its late result changes nothing
    and raises nothing (pytest-qt fails the test on an exception in a slot)."""
    page = show_progress(qtbot, unlocked)
    page.refresh()
    task = page.task
    assert unlocked.session.request_lock()
    qtbot.waitUntil(lambda: task.result is not None or task.error is not None, timeout=10000)
    qtbot.wait(50)
    assert page.summary is None


def test_the_belief_table_names_each_call_so_warning_signs_stand_apart(qtbot, unlocked,
                                                                       no_dialogs):
    """A worksheet called a real warning sign shows its call in its own column (words,
    aligned left), and the card says so in a line of its own above the other."""
    from trustdesk.domain.worksheet import Worksheet

    today = date.today()
    for i, call in enumerate(("red_flag", "false_alarm", None)):
        unlocked.session.store.worksheets.save(Worksheet(
            id=f"w{i}", happened_on=today - timedelta(days=3 - i), category="control",
            thought="t", belief_before=85, balanced_view="b",
            belief_after=84 if call == "red_flag" else 40, verdict=call))
    page = show_progress(qtbot, unlocked)
    card = page.cards["beliefs"]
    lines = card.reading.text().split("\n")
    assert lines[0].startswith("On one worksheet you decided it was a real warning sign")
    assert lines[1].startswith("Across the other 2 worksheets, belief in the fearful")
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    model = card.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Your call"
    assert column(card, 2) == ["A real warning sign", "A false alarm", "No call made"]
    left = model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole)
    assert left & Qt.AlignmentFlag.AlignLeft.value
    right = model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight.value


def test_table_numbers_have_one_style():
    """Counts and whole scores with a thousands comma, anything else with one decimal;
    check-in ratings and their averages always with one decimal."""
    assert [number(v) for v in (6, 6.0, 1204, 6.25, None)] == ["6", "6", "1,204", "6.3", ""]
    assert [rating(v) for v in (6, 6.5, 5.25, None)] == ["6.0", "6.5", "5.3", ""]
