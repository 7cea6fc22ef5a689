"""The Worksheets page, driven through the real window and widgets: a person fills a
worksheet step by step, locks, unlocks and finds it again; drafts survive; small
steps come due and get their follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QPlainTextEdit, QRadioButton

from tests.ui.conftest import unlock
from trustdesk.domain import worksheet_texts
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.ui.worksheets import WorksheetsPage
from trustdesk.ui.worksheets.form import OVERVIEW
from trustdesk.ui.worksheets.table_model import ID_ROLE

LEFT = Qt.MouseButton.LeftButton
TEXTS = worksheet_texts.load()


def worksheets(window) -> WorksheetsPage:
    page = window.workspace.show_page("worksheets")
    assert isinstance(page, WorksheetsPage)
    page.load()  # as when the person comes to the page: shows what storage holds now
    return page


def click(qtbot, widget) -> None:
    """Click where a person would: check boxes and radio buttons on their box."""
    # New widgets show, and get their size, on the next turns of the event loop.
    qtbot.waitUntil(lambda: widget.isVisible() and widget.width() > 1, timeout=2000)
    qtbot.wait(1)
    assert widget.isEnabled(), widget
    if isinstance(widget, QCheckBox | QRadioButton):
        qtbot.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, LEFT)


def press(qtbot, window, key, modifier) -> None:
    """A shortcut as a person presses it: in the active window, on the focused widget."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def type_number(qtbot, rating, value: int) -> None:
    rating.number.selectAll()
    qtbot.keyClicks(rating.number, str(value))


def listed(page) -> list[tuple[str, ...]]:
    model = page.list_view.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_fill_all_eight_steps_lock_unlock_and_find_it_complete(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    click(qtbot, page.list_view.new_button)
    form = page.form
    s = form.steps
    assert form.index == 0 and not form.banner.isVisible()

    qtbot.keyClicks(s[0].what, "Jo cancelled our plans an hour before, by text.")
    qtbot.keyClicks(s[0].who, "Jo")
    click(qtbot, form.next_button)

    click(qtbot, s[1].kinds["rejection"])
    qtbot.keyClicks(s[1].thought, "Jo doesn't really want to spend time with me.")
    press(qtbot, unlocked, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert form.index == 2
    assert form.banner.isVisible()
    assert form.banner_text.text() == "Jo doesn't really want to spend time with me."

    belief = s[2].belief
    assert belief.value() is None and belief.state.text() == "Not rated yet"
    qtbot.keyClick(belief.slider, Qt.Key.Key_End)
    for _ in range(4):
        qtbot.keyClick(belief.slider, Qt.Key.Key_Left)
    assert belief.value() == 80
    click(qtbot, s[2].emotions.chips["Hurt"])
    type_number(qtbot, s[2].emotions.row_rating("Hurt"), 65)
    qtbot.keyClicks(s[2].emotions.own_name, "Let down")
    qtbot.keyClick(s[2].emotions.own_name, Qt.Key.Key_Return)
    type_number(qtbot, s[2].emotions.row_rating("Let down"), 50)
    press(qtbot, unlocked, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert form.index == 3
    press(qtbot, unlocked, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, unlocked, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert form.index == 1
    form.go_to(3)

    # Thinking traps come before the call, each with its example in view.
    mind_reading = s[3].rows["mind_reading"]
    assert mind_reading.box.text() == "Guessing their thoughts (mind reading)"
    assert mind_reading.example.isVisible() and "For example" in mind_reading.example.text()
    assert "false_red_flag" not in [k for k, row in s[3].rows.items() if row.isVisible()]
    click(qtbot, mind_reading.box)
    click(qtbot, s[3].rows["overgeneralising"].box)
    click(qtbot, form.next_button)

    first = s[4].evidence_for.lines()[0]
    qtbot.keyClicks(first, "Jo cancelled last month too.")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    against = s[4].evidence_against.lines()[0]
    qtbot.keyClicks(against, "Jo said the babysitter fell through.")
    qtbot.keyClick(against, Qt.Key.Key_Return)
    qtbot.keyClicks(s[4].evidence_against.lines()[1], "Jo suggested another day right away.")
    click(qtbot, s[4].patterns["no"])
    click(qtbot, s[4].verdicts["false_alarm"])
    assert not s[4].safety.isVisible()
    click(qtbot, form.next_button)

    click(qtbot, s[5].insert_button)
    starting_point = TEXTS.starting_point("false_alarm").text()
    assert s[5].view.toPlainText() == starting_point
    qtbot.keyClicks(s[5].view, " Jo offered another day.")
    click(qtbot, form.next_button)

    assert s[6].belief.reference.text() == "At the start you rated it 80 out of 100."
    assert s[6].emotions.names() == ["Hurt", "Let down"]
    type_number(qtbot, s[6].belief, 35)
    type_number(qtbot, s[6].emotions.row_rating("Hurt"), 30)
    click(qtbot, form.next_button)

    qtbot.keyClicks(s[7].what, "Say yes to the new day and tell Jo I was disappointed.")
    s[7].due.setDate(QDate.currentDate().addDays(3))
    qtbot.keyClicks(s[7].prediction, "Jo will think I'm too sensitive.")
    type_number(qtbot, s[7].likelihood, 40)
    assert form.next_button.text() == "See the whole sheet"
    click(qtbot, form.next_button)
    assert form.index == OVERVIEW
    assert form.overview.status.text() == TEXTS.messages["complete"]

    unlocked.session.request_lock()
    assert not unlocked.session.is_unlocked()
    unlock(qtbot, unlocked)
    page = worksheets(unlocked)
    assert listed(page) == [(page.list_view.model.index(0, 0).data(), "Rejection",
                             "Jo doesn't really want to spend time with me.", "80 → 35",
                             "Complete")]
    saved = unlocked.session.store.worksheets.get(page.list_view.model.index(0, 0).data(ID_ROLE))
    assert saved.situation == "Jo cancelled our plans an hour before, by text."
    assert saved.who == "Jo" and saved.category == "rejection" and saved.verdict == "false_alarm"
    assert [(e.name, e.intensity) for e in saved.emotions_before] == [("Hurt", 65),
                                                                      ("Let down", 50)]
    assert [(e.name, e.intensity) for e in saved.emotions_after] == [("Hurt", 30)]
    assert saved.evidence_for == ("Jo cancelled last month too.",)
    assert saved.evidence_against == ("Jo said the babysitter fell through.",
                                      "Jo suggested another day right away.")
    assert saved.traps == ("mind_reading", "overgeneralising") and saved.pattern == "no"
    assert saved.balanced_view == starting_point + " Jo offered another day."
    assert saved.step.due == date.today() + timedelta(days=3)
    assert (saved.step.prediction, saved.step.likelihood) == (
        "Jo will think I'm too sensitive.", 40)

    page.list_view.table.selectRow(0)
    assert page.list_view.open_button.text() == "Open"
    click(qtbot, page.list_view.open_button)
    assert page.form.index == OVERVIEW
    assert "from 80 to 35" in " ".join(
        w.text() for w in page.form.overview.findChildren(type(page.form.heading)))


def test_a_draft_survives_a_lock_mid_way(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    click(qtbot, page.list_view.new_button)
    qtbot.keyClicks(page.form.steps[0].what, "My friend read my message and didn't answer.")
    click(qtbot, page.form.next_button)
    qtbot.keyClicks(page.form.steps[1].thought, "She's annoyed with me")
    assert page.has_unsaved_changes()
    press(qtbot, unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not unlocked.session.is_unlocked()

    unlock(qtbot, unlocked)
    page = worksheets(unlocked)
    assert [row[2:] for row in listed(page)] == [("She's annoyed with me", "– → –", "Draft")]
    page.list_view.table.selectRow(0)
    assert page.list_view.open_button.text() == "Continue"
    click(qtbot, page.list_view.open_button)
    assert page.form.index == 2, "a draft continues at the first step still needed"
    assert page.form.banner_text.text() == "She's annoyed with me"
    assert page.form.steps[0].what.toPlainText() == "My friend read my message and didn't answer."


def test_drafts_save_themselves_a_moment_after_typing_stops(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    click(qtbot, page.list_view.new_button)
    qtbot.keyClicks(page.form.steps[0].who, "Dad")
    repo = unlocked.session.store.worksheets
    qtbot.waitUntil(lambda: repo.count() == 1, timeout=5000)
    assert repo.all_worksheets()[0].who == "Dad"
    assert not page.has_unsaved_changes()
    assert page.form.save_state.text() == "Saved"
    assert unlocked.workspace.status_line.text() == "Encrypted · saved"


def test_nothing_is_saved_for_a_sheet_opened_and_left_untouched(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("failing")
    click(qtbot, page.form.back_to_list)
    assert unlocked.session.store.worksheets.count() == 0


def test_start_worksheet_preselects_the_fear_the_guide_asked_for(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("failing")
    assert page.stack.currentWidget() is page.form and page.form.index == 0
    page.form.go_to(1)
    assert page.form.steps[1].kinds["failing"].isChecked()
    qtbot.keyClicks(page.form.steps[1].thought, "I'll mess up the presentation.")
    page.flush()
    assert unlocked.session.store.worksheets.all_worksheets()[0].category == "failing"


def test_follow_ups_become_due_and_can_be_recorded(qtbot, unlocked, no_dialogs):
    repo = unlocked.session.store.worksheets
    yesterday = date.today() - timedelta(days=1)
    repo.save(Worksheet(
        id="w1", happened_on=yesterday - timedelta(days=6), category="betrayal",
        thought="He'll read my diary if I leave it out.", belief_before=70,
        balanced_view="He has never gone through my things.", belief_after=30,
        step=SmallStep(id="s1", text="Leave my notebook on the table for an evening",
                       due=yesterday, prediction="He'll open it.", likelihood=30)))
    page = worksheets(unlocked)
    assert page.list_view.due_box.isVisible()
    assert [row[4] for row in listed(page)] == ["Follow-up due"]
    status = page.list_view.status_filter
    status.setCurrentIndex(status.findData("follow_up_due"))
    assert len(listed(page)) == 1
    status.setCurrentIndex(status.findData("complete"))
    assert listed(page) == [] and page.list_view.empty.isVisible()
    assert page.list_view.empty.text() == TEXTS.messages["empty_filter"]
    status.setCurrentIndex(0)

    click(qtbot, page.list_view.due_buttons()[0])
    panel = page.follow_up
    assert page.stack.currentWidget() is panel
    assert panel.plan_step.text() == "Leave my notebook on the table for an evening"
    qtbot.keyClicks(panel.what, "It stayed closed all evening.")
    click(qtbot, panel.outcomes["no"])
    qtbot.keyClicks(panel.learned, "My fear was louder than the facts.")
    click(qtbot, panel.done_button)

    assert page.stack.currentWidget() is page.list_view
    assert not page.list_view.due_box.isVisible()
    assert [row[4] for row in listed(page)] == ["Followed up"]
    step = repo.get("w1").step
    assert (step.what_happened, step.outcome, step.learned, step.followed_up_on) == (
        "It stayed closed all evening.", "no", "My fear was louder than the facts.",
        date.today())
    assert step.text == "Leave my notebook on the table for an evening"


def test_a_step_planned_for_a_past_date_is_due_at_once(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("control")
    s = page.form.steps
    qtbot.keyClicks(s[1].thought, "If I say no, she'll sulk for days.")
    s[2].belief.set_value(None)
    type_number(qtbot, s[2].belief, 60)
    qtbot.keyClicks(s[5].view, "Her mood is hers to manage.")
    type_number(qtbot, s[6].belief, 40)
    qtbot.keyClicks(s[7].what, "Say no to the Saturday errand")
    s[7].due.setDate(QDate.currentDate().addDays(-2))
    click(qtbot, page.form.back_to_list)
    assert [row[4] for row in listed(page)] == ["Follow-up due"]
    assert len(page.list_view.due_buttons()) == 1


def test_missing_parts_are_pointed_out_inline_and_never_in_a_box(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    form = page.form
    click(qtbot, form.next_button)
    click(qtbot, form.next_button)  # leave step 2 without a thought
    click(qtbot, form.back_button)
    note = form.steps[1].thought_field.note
    assert note.isVisible() and note.text() == TEXTS.messages["need_thought"]
    qtbot.keyClicks(form.steps[1].thought, "x")
    assert not note.isVisible()
    form.go_to(OVERVIEW)
    shown = " ".join(w.text() for w in form.overview.findChildren(type(form.heading)))
    for key in ("need_belief_before", "need_balanced", "need_belief_after"):
        assert TEXTS.messages[key] in shown
    assert TEXTS.messages["need_thought"] not in shown
    assert no_dialogs == []


def test_a_rating_has_a_not_rated_state_and_stays_in_range(qtbot, unlocked):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    page.form.go_to(2)
    rating = page.form.steps[2].belief
    assert rating.value() is None and rating.slider.property("rated") is False
    qtbot.keyClick(rating.slider, Qt.Key.Key_Right)
    assert rating.value() == 55 and rating.state.text() == ""
    type_number(qtbot, rating, 150)
    assert rating.value() == 15, "a third digit past 100 is refused"
    qtbot.keyClick(rating.slider, Qt.Key.Key_End)
    assert rating.value() == 100
    click(qtbot, rating.clear_button)
    assert rating.value() is None and rating.state.text() == "Not rated yet"
    rating.number.setValue(0)
    qtbot.keyClick(rating.number, Qt.Key.Key_Down)
    assert rating.value() is None, "below 0 means not rated, never a negative number"


def test_clear_sensitive_empties_every_field(qtbot, unlocked):
    page = worksheets(unlocked)
    page.start_worksheet("abandonment")
    s = page.form.steps
    qtbot.keyClicks(s[0].what, "secret words")
    qtbot.keyClicks(s[1].thought, "secret thought")
    s[2].belief.set_value(70)
    click(qtbot, s[2].emotions.chips["Lonely"]) if s[2].isVisible() else s[2].emotions.add_feeling(
        "Lonely")
    s[4].evidence_for.lines()[0].setText("secret evidence")
    s[3].rows["labelling"].box.setChecked(True)
    s[7].likelihood.set_value(20)
    page.flush()
    page.clear_sensitive()
    for edit in page.findChildren(QPlainTextEdit):
        assert edit.toPlainText() == "", edit.accessibleName()
    for line in page.findChildren(QLineEdit):
        if isinstance(line.parent(), QDateEdit):
            assert line.parent().date() == QDate.currentDate()
        else:
            assert line.text() in ("", "–"), line.accessibleName()
    assert s[2].belief.value() is None and s[7].likelihood.value() is None
    assert s[2].emotions.names() == [] and not s[3].rows["labelling"].box.isChecked()
    assert page.form.banner_text.text() == "" and page.list_view.model.rowCount() == 0
    assert page.stack.currentWidget() is page.list_view


def test_duplicate_as_a_starting_point_and_delete_after_asking(qtbot, unlocked):
    from trustdesk.ui import dialogs

    repo = unlocked.session.store.worksheets
    repo.save(Worksheet(id="w1", happened_on=date.today(), category="failing",
                        thought="I'll freeze in the interview."))
    page = worksheets(unlocked)
    page.list_view.table.selectRow(0)
    click(qtbot, page.list_view.duplicate_button)
    assert page.stack.currentWidget() is page.form and page.form.index == 0
    assert page.form.steps[1].thought.toPlainText() == "I'll freeze in the interview."
    click(qtbot, page.form.back_to_list)
    assert repo.count() == 2

    page.list_view.select("w1")
    with dialogs.answering(lambda q: "Keep it") as asked:
        click(qtbot, page.list_view.delete_button)
    assert repo.count() == 2 and asked[0].choices == ("Keep it", "Delete")
    assert "I'll freeze in the interview." in asked[0].text
    page.list_view.select("w1")
    with dialogs.answering(lambda q: "Delete"):
        click(qtbot, page.list_view.delete_button)
    assert repo.get("w1") is None and len(listed(page)) == 1


def test_list_filters_by_fear_and_the_model_is_sound(qtbot, unlocked, qtmodeltester):
    repo = unlocked.session.store.worksheets
    for n, category in enumerate(("failing", "rejection", "failing")):
        repo.save(Worksheet(id=f"w{n}", happened_on=date.today() - timedelta(days=n),
                            category=category, thought=f"thought {n}", belief_before=50))
    page = worksheets(unlocked)
    qtmodeltester.check(page.list_view.model)
    fear = page.list_view.category_filter
    fear.setCurrentIndex(fear.findData("failing"))
    assert [row[2] for row in listed(page)] == ["thought 0", "thought 2"]
    assert page.list_view.count.text() == "2 of 3 worksheets"
    qtmodeltester.check(page.list_view.model)


def test_tab_order_within_a_step_follows_the_page(qtbot, unlocked):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    s = page.form.steps[0]
    assert s.what.hasFocus() or not unlocked.isActiveWindow()
    assert s.what.nextInFocusChain() is not None
    order = [s.what]
    widget = s.what
    for _ in range(2):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert (order[1] is s.who and order[2].parent() is s.when) or order[2] is s.when


def test_the_guide_can_ask_before_the_page_is_shown(qtbot, unlocked, no_dialogs):
    """As the Guide's wiring would: ask the page, then switch to it."""
    unlocked.workspace.show_page("settings")
    page = unlocked.workspace.page("worksheets")
    page.start_worksheet("betrayal")
    unlocked.workspace.show_page("worksheets")
    assert page.stack.currentWidget() is page.form and page.isVisible()
    assert page.form.steps[1].kinds["betrayal"].isChecked()


def test_back_is_disabled_on_step_one_only(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    form = page.form
    assert form.step_name.text() == "Step 1 of 8" and not form.back_button.isEnabled()
    click(qtbot, form.next_button)
    assert form.back_button.isEnabled()
    click(qtbot, form.back_button)
    assert not form.back_button.isEnabled()
    form.go_to(OVERVIEW)
    assert form.back_button.isEnabled()
    page.start_worksheet(None)                      # a second sheet starts on step 1 again
    assert not form.back_button.isEnabled()
