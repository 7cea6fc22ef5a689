"""The Today page on a real encrypted journal: waiting small steps (Did it, Not yet,
Snooze, Skip), the quick check-in, On this day, the prompt and Continue reading,
and how the window lands on it after unlocking."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QPushButton

from trustdesk.domain.guide.chapters import load_guide
from trustdesk.domain.guide.progress import POSITION_KEY, READ_KEY
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.today import prompt_for
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.ui.today import TodayPage

TODAY = date(2026, 3, 10)
NOON = datetime(2026, 3, 10, 12, 0)


def _sheet(number: int, due: date | None, text: str) -> Worksheet:
    step = SmallStep(id=f"s{number}", text=text, due=due, prediction="They'll say no.")
    return Worksheet(id=f"w{number}", happened_on=date(2026, 1, number),
                     thought=f"Thought {number}", belief_before=70, step=step,
                     created_at=datetime(2026, 1, number, 20, 0))


@pytest.fixture
def today_page(qtbot, store):
    """A Today page on a real journal, its clock on TODAY, in a shown window."""
    store.worksheets.save(_sheet(1, date(2025, 7, 10), "Ask Sam to lunch."))
    store.worksheets.save(_sheet(2, TODAY, "Tell Jo how I feel."))
    store.worksheets.save(_sheet(3, TODAY + timedelta(days=2), "Not yet due."))
    clock = {"today": TODAY}
    page = TodayPage(store.journal, store.worksheets, store.settings,
                     today=lambda: clock["today"],
                     now=lambda: datetime.combine(clock["today"], NOON.time()))
    page.clock = clock
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    page.load()
    qtbot.waitUntil(page.is_complete)   # the lower sections follow the first paint
    return page


def texts(page: TodayPage) -> list[str]:
    return [row.due.step.text for row in page.step_rows]


def test_due_steps_show_oldest_first_and_not_yet_waits_until_tomorrow(qtbot, today_page,
                                                                    store):
    page = today_page
    counts: list[int] = []
    page.due_count_changed.connect(counts.append)
    assert texts(page) == ["Ask Sam to lunch.", "Tell Jo how I feel."]
    assert page.steps_intro.text().startswith("2 small steps waiting")
    qtbot.mouseClick(page.step_rows[0].not_yet_button, Qt.MouseButton.LeftButton)
    assert texts(page) == ["Tell Jo how I feel."] and counts == [1]
    assert store.worksheets.get("w1").step.snoozed_until == TODAY + timedelta(days=1)
    assert page.step_feedback.text() == "It will wait again tomorrow."
    assert QApplication.focusWidget() is page.undo_button   # keyboard users land on Undo
    qtbot.keyClick(page.undo_button, Qt.Key.Key_Space)
    assert texts(page) == ["Ask Sam to lunch.", "Tell Jo how I feel."]
    assert store.worksheets.get("w1").step.snoozed_until is None


def test_snoozing_by_keyboard_moves_a_step_to_the_chosen_day(qtbot, today_page, store):
    page = today_page
    row = page.step_rows[1]
    row.snooze_button.setFocus()
    qtbot.keyClick(row.snooze_button, Qt.Key.Key_Space)
    assert row.snooze_box.isVisible() and QApplication.focusWidget() is row.snooze_date
    row.snooze_date.setDate(QDate(2026, 3, 14))
    qtbot.keyClick(row.snooze_date, Qt.Key.Key_Return)
    assert texts(page) == ["Ask Sam to lunch."]
    assert store.worksheets.get("w2").step.snoozed_until == date(2026, 3, 14)
    assert page.step_feedback.text() == "It will wait again on Saturday 14 March 2026."
    page.clock["today"] = date(2026, 3, 13)
    page.load()
    assert "Tell Jo how I feel." not in texts(page)
    page.clock["today"] = date(2026, 3, 14)
    page.load()
    assert texts(page) == ["Ask Sam to lunch.", "Not yet due.", "Tell Jo how I feel."]
    assert page.step_rows[-1].when.text().startswith("Snoozed until Sat 14 Mar")


def test_skipping_hides_a_step_for_good(qtbot, today_page, store):
    page = today_page
    qtbot.mouseClick(page.step_rows[0].skip_button, Qt.MouseButton.LeftButton)
    assert texts(page) == ["Tell Jo how I feel."]
    assert store.worksheets.get("w1").step.skipped_on == TODAY
    page.clock["today"] = date(2026, 6, 1)
    page.load()
    assert "Ask Sam to lunch." not in texts(page)
    assert store.worksheets.due_count(date(2026, 6, 1)) == 2


def test_did_it_asks_for_the_follow_up_of_that_step(qtbot, today_page):
    asked: list[str] = []
    today_page.follow_up_requested.connect(asked.append)
    qtbot.mouseClick(today_page.step_rows[1].did_button, Qt.MouseButton.LeftButton)
    assert asked == ["s2"]
    assert today_page.step_rows[1].did_button.accessibleName() == (
        "Did it: the small step “Tell Jo how I feel.”")


def test_on_this_day_shows_earlier_years_newest_first_and_opens_them(qtbot, today_page,
                                                                    store):
    last_year = Entry.new(written_at=datetime(2025, 3, 10, 21, 0), title="Dinner with Sam",
                          now=lambda: NOON)
    older = Entry.new(written_at=datetime(2023, 3, 10, 8, 0), body="A long walk.",
                      now=lambda: NOON)
    other_day = Entry.new(written_at=datetime(2025, 3, 11, 9, 0), body="Not today's date.",
                          now=lambda: NOON)
    store.journal.save_many([last_year, older, other_day])
    today_page.load()
    names = [b.text() for b in today_page.more.memory_buttons]
    assert names == ["a year ago · Dinner with Sam", "3 years ago · A long walk."]
    opened: list[str] = []
    today_page.entry_requested.connect(opened.append)
    qtbot.mouseClick(today_page.more.memory_buttons[0], Qt.MouseButton.LeftButton)
    assert opened == [last_year.id]
    assert today_page.more.memory_buttons[0].accessibleName().startswith(
        "Open the entry from 10 Mar 2025: a year ago · Dinner with Sam")


def test_the_quick_check_in_makes_a_check_in_entry_then_joins_today_s_entry(qtbot,
                                                                           today_page,
                                                                           store):
    page = today_page
    assert page.glance.text() == "No check-in yet today."
    bars = page.checkin.bars
    bars["mood"].setFocus()
    qtbot.keyClick(bars["mood"], Qt.Key.Key_6)
    qtbot.keyClick(bars["trust_others"], Qt.Key.Key_4)
    assert page.has_unsaved_changes()
    qtbot.mouseClick(page.save_checkin_button, Qt.MouseButton.LeftButton)
    [entry] = store.journal.entries_between(TODAY, TODAY)
    assert entry.checkin == CheckIn(mood=6, trust_others=4) and entry.body == ""
    assert page.checkin_state.text() == "Saved as a check-in entry in your journal."
    assert page.glance.text() == ("Today so far: mood 6 of 10, trust in others 4 of 10, "
                                  "trust in myself not rated.")
    assert page.month_line.text() == "You wrote on 1 day in March."

    written = Entry.new(written_at=datetime(2026, 3, 10, 18, 0), body="Evening words.",
                        now=lambda: NOON)
    store.journal.save(written)
    page.load()
    assert page.glance.text() == "No check-in yet today."   # the latest entry has none
    qtbot.keyClick(bars["trust_self"], Qt.Key.Key_8)
    page.flush()                                              # leaving the page saves
    saved = store.journal.get(written.id)
    assert saved.checkin == CheckIn(trust_self=8) and saved.body == "Evening words."
    assert len(store.journal.entries_between(TODAY, TODAY)) == 2


def test_the_scales_say_what_their_ends_mean(today_page):
    panel = today_page.checkin
    assert panel.ends_hint.isVisible()
    assert "0 = not at all, 10 = completely" in panel.ends_hint.text()
    assert panel.bars["mood"].accessibleDescription() == (
        "Not rated. 0 = very low, 10 = very good")


def test_the_prompt_turns_with_the_date_and_continue_reading_follows_the_guide(
        qtbot, today_page, store):
    guide = load_guide()
    page = today_page
    assert page.more.prompt_text.text() == prompt_for(TODAY, guide).text
    written: list[str] = []
    page.write_requested.connect(written.append)
    qtbot.mouseClick(page.more.write_button, Qt.MouseButton.LeftButton)
    assert written == [prompt_for(TODAY, guide).text]
    page.clock["today"] = TODAY + timedelta(days=1)
    page.load()
    assert page.more.prompt_text.text() == prompt_for(TODAY + timedelta(days=1), guide).text
    assert page.more.prompt_text.text() != written[0]

    first, second = guide.chapters[0], guide.chapters[1]
    assert page.more.reading_text.text().startswith(f"Chapter 1: {first.title}")
    store.settings.set(READ_KEY, [first.id])
    store.settings.set(POSITION_KEY, {"chapter": first.id, "anchor": 0, "open": True})
    page.load()
    assert page.more.reading_text.text().startswith(f"Chapter 2: {second.title}")
    store.settings.set(READ_KEY, list(guide.ids()))
    page.load()
    assert page.more.reading_text.text() == "You have read every chapter of the guide."
    assert page.more.continue_button.isHidden()


def test_every_control_is_named_and_reached_by_tab(qtbot, today_page):
    page = today_page
    page.step_rows[0].open_snooze()
    focusable = [w for w in page.findChildren(QPushButton) if w.isVisible()]
    assert focusable and all(
        " ".join(w.text().replace("…", "").split()).lower() in w.accessibleName().lower()
        for w in focusable)
    page.step_rows[0].close_snooze()
    first = page.step_rows[0].did_button
    first.setFocus()
    seen = []
    for _ in range(60):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for wanted in (page.step_rows[1].skip_button, page.checkin.bars["trust_self"],
                   page.save_checkin_button, page.more.write_button, page.more.continue_button):
        assert wanted in seen


def test_the_lower_sections_follow_the_first_paint_and_snooze_fields_their_first_use(
        qtbot, store):
    """What the first frame after unlocking doesn't show is not built before it: the
    prompt, On this day and Continue reading come on the turn after the page is
    painted, and a step's snooze date field when Snooze is first chosen."""
    store.worksheets.save(_sheet(1, TODAY, "Tell Jo how I feel."))
    page = TodayPage(store.journal, store.worksheets, store.settings, today=lambda: TODAY,
                     now=lambda: NOON)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    page.load()
    assert len(page.step_rows) == 1 and page.glance.text() == "No check-in yet today."
    assert not page.is_complete()
    assert page.step_rows[0].findChild(QDateEdit) is None
    qtbot.waitUntil(page.is_complete)
    assert page.more.memories_intro.text().startswith("Nothing from 10 March")
    assert page.more.prompt_text.text() == prompt_for(TODAY, load_guide()).text
    page.step_rows[0].open_snooze()
    assert page.step_rows[0].findChild(QDateEdit).isVisible()


def test_at_midnight_the_page_follows_the_new_day(qtbot, store, monkeypatch):
    """The clock is the page's own: when its day ends while the page is showing, the
    waiting steps, the prompt, On this day and the check-in follow the new day (an
    unsaved check-in keeps its ratings); when hidden, only the sidebar's count."""
    import trustdesk.ui.today.page as today_module

    monkeypatch.setattr(today_module, "MIDNIGHT_CHECK_MS", 60_000)
    tomorrow = TODAY + timedelta(days=1)
    store.worksheets.save(_sheet(1, TODAY, "Tell Jo how I feel."))
    store.worksheets.save(_sheet(2, tomorrow, "Ask Sam to lunch."))
    store.journal.save_many([
        Entry.new(written_at=datetime(2025, 3, 11, 9, 0), title="Last year's walk",
                  now=lambda: NOON),
        Entry.new(written_at=datetime(2026, 3, 10, 9, 0), title="This morning",
                  checkin=CheckIn(mood=4), now=lambda: NOON)])
    moment = {"now": datetime(2026, 3, 10, 23, 59, 59, 700_000)}
    page = TodayPage(store.journal, store.worksheets, store.settings,
                     today=lambda: moment["now"].date(), now=lambda: moment["now"])
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    page.load()
    qtbot.waitUntil(page.is_complete)
    assert texts(page) == ["Tell Jo how I feel."] and "mood 4 of 10" in page.glance.text()
    assert page.more.memories_intro.text().startswith("Nothing from 10 March")
    counts: list[int] = []
    page.due_count_changed.connect(counts.append)
    # The page waits for midnight itself (0.3 s away): a minute's check is too late.
    monkeypatch.setattr(today_module, "MIDNIGHT_CHECK_MS", 200)   # from then on

    moment["now"] = datetime(2026, 3, 11, 0, 0, 1)      # the clock passes midnight
    qtbot.waitUntil(lambda: page.date_line.text() == "Wednesday 11 March 2026",
                    timeout=3000)
    assert texts(page) == ["Tell Jo how I feel.", "Ask Sam to lunch."] and counts[-1] == 2
    assert page.glance.text() == "No check-in yet today."
    assert page.more.prompt_text.text() == prompt_for(tomorrow, load_guide()).text
    assert [b.text() for b in page.more.memory_buttons] == ["a year ago · Last year's walk"]

    page.hide()                                          # not showing: only the count
    store.worksheets.save(_sheet(3, TODAY + timedelta(days=2), "Call Mum."))
    moment["now"] = datetime(2026, 3, 12, 8, 0)           # a day later (it slept)
    qtbot.waitUntil(lambda: counts[-1] == 3, timeout=3000)
    assert page.date_line.text() == "Wednesday 11 March 2026"   # read afresh when shown


# -- in the window -------------------------------------------------------------------------
def test_unlocking_lands_on_today_and_the_sidebar_counts_waiting_steps(qtbot, window):
    from tests.ui.conftest import unlock

    real_today = datetime.now().date()
    unlock(qtbot, window)
    store = window.session.store
    store.worksheets.save(_sheet(1, real_today - timedelta(days=3), "Ask Sam to lunch."))
    store.worksheets.save(_sheet(2, real_today, "Tell Jo how I feel."))
    workspace = window.workspace
    page = workspace.page("today")
    assert workspace.current_key() == "today"
    page.load()
    item = workspace.nav.item(0)
    assert item.text() == "Today  (2)"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Today, 2 small steps waiting"

    qtbot.mouseClick(page.step_rows[0].did_button, Qt.MouseButton.LeftButton)
    sheets = workspace.page("worksheets")
    assert workspace.current_key() == "worksheets"
    assert sheets.stack.currentWidget() is sheets.follow_up
    assert sheets.follow_up.step_id == "s1"
    qtbot.mouseClick(sheets.follow_up.outcomes["no"], Qt.MouseButton.LeftButton)
    sheets.flush()
    workspace.show_page("journal")
    assert item.text() == "Today  (1)"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Today, 1 small step waiting"


def test_the_workspace_frame_is_built_while_the_key_is_derived(qtbot, window):
    """Unlocking leaves only the landing page to build: the sidebar and stack are
    made (hidden, holding nothing from the journal) while the key is derived off the
    UI thread, and dropped again when the passphrase was wrong."""
    import shiboken6

    from trustdesk.ui.shell.session import State
    from trustdesk.ui.shell.workspace import Workspace

    seen: list[list[tuple[bool, int, int]]] = []

    def during(state: State) -> None:
        if state is State.UNLOCKING:
            seen.append([(frame.isVisible(), frame.nav.count(), len(frame.built_pages()))
                         for frame in window.findChildren(Workspace)])

    window.session.state_changed.connect(during)
    screen = window.unlock_screen
    screen.passphrase.setText("not the passphrase")
    with qtbot.waitSignal(window.session.state_changed, timeout=20000,
                          check_params_cb=lambda state: state is State.LOCKED):
        qtbot.keyClick(screen.passphrase, "\r")
    assert seen == [[(False, 6, 0)]]
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) and w.parent() is not None
                                    for w in window.findChildren(Workspace)))
    from tests.ui.conftest import unlock

    unlock(qtbot, window)
    assert seen[-1] == [(False, 6, 0)]
    assert window.workspace is not None and window.workspace.current_key() == "today"
    assert [w for w in window.findChildren(Workspace) if shiboken6.isValid(w)] == [
        window.workspace]
