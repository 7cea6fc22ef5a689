"""Worksheet rough edges: step chips show which steps are done, the follow-up
saves itself (no "Save" button to trust), a click on a rating's track sets the
value there, and typing into an empty "–" rating replaces the dash."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt

from tests.ui.test_worksheets import click, worksheets
from trustdesk.domain.worksheet import SmallStep, Worksheet

LEFT = Qt.MouseButton.LeftButton


def test_step_chips_show_which_steps_are_done(qtbot, unlocked, no_dialogs) -> None:
    repo = unlocked.session.store.worksheets
    repo.save(Worksheet(id="w1", happened_on=date.today(), situation="A late reply.",
                        thought="She's losing interest.", belief_before=70))
    page = worksheets(unlocked)
    page.open_worksheet("w1", step=0)
    form = page.form
    done = [chip.property("done") is True for chip in form.chips[:8]]
    assert done == [True, True, True, False, False, False, False, False]
    assert form.chips[1].accessibleDescription() == "Done"
    assert form.chips[3].accessibleDescription() == ""
    form.go_to(5)
    qtbot.keyClicks(form.steps[5].view, "She answered within a day last week.")
    assert form.chips[5].property("done") is True
    before = form.chips[4].grab().toImage().pixelColor(4, form.chips[4].height() // 2)
    after = form.chips[1].grab().toImage().pixelColor(4, form.chips[1].height() // 2)
    assert before != after, "a done chip looks different from one not done"


def test_the_follow_up_saves_itself_and_says_so(qtbot, unlocked, no_dialogs) -> None:
    repo = unlocked.session.store.worksheets
    yesterday = date.today() - timedelta(days=1)
    repo.save(Worksheet(
        id="w1", happened_on=yesterday, thought="He'll read my diary.", belief_before=70,
        balanced_view="He never has.", belief_after=30,
        step=SmallStep(id="s1", text="Leave my notebook out", due=yesterday)))
    page = worksheets(unlocked)
    click(qtbot, page.list_view.due_buttons()[0])
    panel = page.follow_up
    assert "Save" not in panel.done_button.text(), "it saves itself like everything else"
    qtbot.keyClicks(panel.what, "It stayed closed.")
    qtbot.waitUntil(lambda: panel.save_state.text() == "Saved", timeout=5000)
    assert repo.get("w1").step.what_happened == "It stayed closed."


def _rating(unlocked):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    page.form.go_to(2)
    rating = page.form.steps[2].belief
    qtbot_wait_visible = rating.slider
    return page, rating, qtbot_wait_visible


def test_a_click_on_the_rating_track_sets_the_value_there(qtbot, unlocked, no_dialogs):
    _page, rating, slider = _rating(unlocked)
    qtbot.waitUntil(lambda: slider.isVisible() and slider.width() > 100, timeout=2000)
    assert rating.value() is None
    qtbot.mouseClick(slider, LEFT, pos=QPoint(round(slider.width() * 0.9),
                                              slider.height() // 2))
    assert rating.value() is not None and rating.value() >= 85, rating.value()
    qtbot.mouseClick(slider, LEFT, pos=QPoint(round(slider.width() * 0.15),
                                              slider.height() // 2))
    assert rating.value() <= 20, rating.value()


def test_typing_into_an_empty_rating_replaces_the_dash(qtbot, unlocked, no_dialogs):
    _page, rating, _slider = _rating(unlocked)
    number = rating.number
    qtbot.waitUntil(lambda: number.isVisible(), timeout=2000)
    assert number.text() == "–"
    number.setFocus()
    number.lineEdit().deselect()
    number.lineEdit().end(False)  # the caret after the dash, as a click leaves it
    qtbot.keyClicks(number, "35")
    assert rating.value() == 35


def test_the_balanced_view_shows_the_evidence_beside_the_thought(qtbot, unlocked, no_dialogs):
    repo = unlocked.session.store.worksheets
    repo.save(Worksheet(id="w1", happened_on=date.today(), thought="She's losing interest.",
                        evidence_for=("She took a day to reply.",),
                        evidence_against=("She asked about my weekend.", "She planned Friday.")))
    page = worksheets(unlocked)
    page.open_worksheet("w1", step=5)
    form = page.form
    assert form.index == 5 and form.banner.isVisible()
    panel = form.steps[5].evidence
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert panel.for_list.text() == "• She took a day to reply."
    assert panel.against_list.text() == "• She asked about my weekend.\n• She planned Friday."
    click(qtbot, panel.toggle)
    assert not panel.body.isVisible() and panel.toggle.text() == "Show"
    click(qtbot, panel.toggle)
    assert panel.body.isVisible()

    form.go_to(4)                     # new evidence on step 5 shows on step 6 at once
    form.steps[4].evidence_for.lines()[0].setText("She didn't laugh at my joke.")
    form.go_to(5)
    assert "She didn't laugh at my joke." in panel.for_list.text()


def test_no_evidence_panel_when_step_five_is_empty(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    page.form.go_to(5)
    qtbot.wait(50)
    assert not page.form.steps[5].evidence.isVisible()
