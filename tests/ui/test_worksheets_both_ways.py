"""The worksheet reads danger in both directions, driven through the real window on a
real journal: traps come before the call; "explaining it away" is a trap to tick,
saved and exported; a fear of control or betrayal offers the safety note at once;
after the call "a real warning sign" the last step is a small safety step with the
danger line and no boundary testing; the follow-up rates the first thought again
and offers the safety note when the feared thing happened."""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_worksheets import click, type_number, worksheets
from trustdesk.domain import worksheet_texts
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.ui.safety import note as safety_note
from trustdesk.ui.worksheets.form import OVERVIEW
from trustdesk.ui.worksheets.steps_first import EvidenceStep, FearStep
from trustdesk.ui.worksheets.steps_later import SmallStepStep, TrapsStep

TEXTS = worksheet_texts.load()
TODAY = date.today()


def visible_words(widget: QWidget) -> str:
    """Every word a person sees on `widget` now: labels, buttons, check boxes."""
    QApplication.processEvents()  # new widgets are shown on the next turn of the loop
    found = [widget, *widget.findChildren(QWidget)]
    return "\n".join(w.text() for w in found
                     if hasattr(w, "text") and callable(w.text) and w.isVisibleTo(widget)
                     and isinstance(w.text(), str))


def test_thinking_traps_come_before_the_call(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    form = page.form
    assert isinstance(form.steps[3], TrapsStep) and isinstance(form.steps[4], EvidenceStep)
    assert form.chips[3].accessibleName() == "Step 4: Thinking traps"
    assert form.chips[4].accessibleName() == "Step 5: Check the evidence"


def test_a_red_flag_sheet_plans_a_safety_step_not_a_trust_test(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("control")
    form, s = page.form, page.form.steps
    qtbot.keyClicks(s[1].thought, "He only reads my messages because he worries.")
    form.go_to(3)
    click(qtbot, s[3].rows["explaining_away"].box)
    click(qtbot, form.next_button)
    qtbot.keyClicks(s[4].evidence_for.lines()[0], "He took my phone again last night.")
    click(qtbot, s[4].patterns["yes"])
    click(qtbot, s[4].verdicts["red_flag"])
    assert s[4].safety.isVisible() and s[4].safety.button.isVisible()

    form.go_to(6)
    assert "may rightly stay high" in s[6].intro.text()

    click(qtbot, form.next_button)
    step = s[7]
    assert isinstance(step, SmallStepStep) and step.is_safety_step
    assert form.heading.text() == "A small safety step"
    assert form.chips[7].accessibleName() == "Step 8: A small safety step"
    assert step.danger.isVisible()
    assert step.danger.label.text() == ("If they might react with anger, threats or harm, "
                                        "don't test this alone; plan it with a support service.")
    assert step.step_field.title.text() == "Your small safety step"
    assert not step.playing_safe_field.isVisible(), "playing it safe is right here"
    words = visible_words(step).lower()
    for advice in ("boundary", "boundaries", "say clearly", "trust step", "test it",
                   "reassurance"):
        assert advice not in words, advice
    qtbot.keyClicks(step.what, "Save the support line's number in my work bag.")
    qtbot.keyClicks(step.prediction, "My sister will listen when I tell her.")
    page.flush()

    saved = unlocked.session.store.worksheets.get(form.sheet_id)
    assert saved.verdict == "red_flag" and saved.pattern == "yes"
    assert saved.traps == ("explaining_away",)
    assert saved.step.text == "Save the support line's number in my work bag."
    assert saved.step.playing_safe == ""

    click(qtbot, form.next_button)
    assert form.index == OVERVIEW
    overview = visible_words(form.overview)
    assert "A small safety step" in overview and "Explaining it away (minimising)" in overview
    assert "Part of a pattern with this person" in overview

    # Changing the call back turns it into a small step again, with its test.
    form.go_to(4)
    click(qtbot, s[4].verdicts["not_sure"])
    form.go_to(7)
    assert form.heading.text() == "One small step" and not step.danger.isVisible()
    assert step.playing_safe_field.isVisible()


def test_a_small_step_is_a_test_with_a_prediction_and_no_playing_it_safe(
        qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("rejection")
    form, s = page.form, page.form.steps
    form.go_to(7)
    step = s[7]
    assert step.prediction_field.title.text() == "What do you predict will happen?"
    assert "see or hear" in step.prediction_field.hint.text()
    assert "worst guess" not in visible_words(step)
    qtbot.keyClicks(step.what, "Ask Maya to lunch on Friday.")
    qtbot.keyClicks(step.prediction, "She'll say she's busy and not offer another day.")
    qtbot.keyClicks(step.playing_safe, "Texting twice to check she isn't annoyed.")
    page.flush()
    saved = unlocked.session.store.worksheets.get(form.sheet_id)
    assert saved.step.playing_safe == "Texting twice to check she isn't annoyed."


def test_explaining_it_away_is_saved_and_exported(qtbot, unlocked, no_dialogs, tmp_path):
    page = worksheets(unlocked)
    page.start_worksheet("betrayal")
    form, s = page.form, page.form.steps
    qtbot.keyClicks(s[1].thought, "She lies because she's scared of me being upset.")
    form.go_to(3)
    row = s[3].rows["explaining_away"]
    assert row.box.text() == "Explaining it away (minimising)"
    assert row.example.isVisible() and "loves me" in row.example.text()
    click(qtbot, row.box)
    click(qtbot, s[3].rows["emotional_reasoning"].box)
    page.flush()
    assert unlocked.session.store.worksheets.get(form.sheet_id).traps == (
        "explaining_away", "emotional_reasoning")

    written = unlocked.session.store.exchange.export_json(tmp_path / "out.json").path
    document = json.loads(written.read_text("utf-8"))
    (sheet,) = document["worksheets"]
    assert sheet["traps"] == ["explaining_away", "emotional_reasoning"]


def test_the_retired_trap_shows_only_on_older_sheets_that_have_it(qtbot, unlocked, no_dialogs):
    unlocked.session.store.worksheets.save(Worksheet(
        id="old", happened_on=TODAY, thought="She must be hiding something.",
        traps=("false_red_flag",)))
    page = worksheets(unlocked)
    page.open_worksheet("old", step=3)
    rows = page.form.steps[3].rows
    assert rows["false_red_flag"].isVisible() and rows["false_red_flag"].box.isChecked()
    page.close_form()
    page.start_worksheet(None)
    page.form.go_to(3)
    assert not rows["false_red_flag"].isVisible()
    assert unlocked.session.store.worksheets.get("old").traps == ("false_red_flag",)


def test_the_safety_note_is_offered_as_soon_as_control_or_betrayal_is_chosen(
        qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    page.form.go_to(1)
    fear = page.form.steps[1]
    assert isinstance(fear, FearStep) and not fear.safety.isVisible()
    for kind, offered in (("control", True), ("rejection", False), ("betrayal", True),
                          ("other", False)):
        click(qtbot, fear.kinds[kind])
        assert fear.safety.isVisible() == offered, kind
    click(qtbot, fear.kinds["control"])
    click(qtbot, fear.safety.button)
    note = safety_note._open.get(id(fear.window()))
    assert note is not None
    qtbot.waitExposed(note)
    assert page.form.isVisible(), "the worksheet stays open beside the note"
    note.close()


def _due_sheet(repo, sheet_id: str, *, category: str, verdict: str) -> None:
    repo.save(Worksheet(
        id=sheet_id, happened_on=TODAY - timedelta(days=8), category=category,
        thought="He'll get angry if I see my friends.", belief_before=70, verdict=verdict,
        balanced_view="I can take this seriously.", belief_after=75,
        step=SmallStep(id=f"{sheet_id}-step", text="Meet Ana for coffee.",
                       due=TODAY - timedelta(days=1), prediction="He'll text me ten times.")))


def test_the_follow_up_rates_the_first_thought_again_and_offers_the_safety_note(
        qtbot, unlocked, no_dialogs):
    repo = unlocked.session.store.worksheets
    _due_sheet(repo, "warning", category="control", verdict="red_flag")
    page = worksheets(unlocked)
    page.open_follow_up("warning-step")
    panel = page.follow_up
    assert panel.intro.text() == TEXTS.red_flag["followup_intro"]
    assert panel.belief.reference.text() == (
        "On the worksheet you rated it 70 out of 100 at the start.")
    assert not panel.safety.isVisible()
    qtbot.keyClicks(panel.what, "He texted me twelve times and called twice.")
    click(qtbot, panel.outcomes["yes"])
    assert panel.safety.isVisible()
    click(qtbot, panel.outcomes["no"])
    assert not panel.safety.isVisible()
    click(qtbot, panel.outcomes["partly"])
    assert panel.safety.isVisible()
    type_number(qtbot, panel.belief, 90)
    click(qtbot, panel.done_button)

    stored = repo.get("warning").step
    assert stored.outcome == "partly" and stored.belief_at_follow_up == 90
    page.open_worksheet("warning")
    assert page.form.index == OVERVIEW
    shown = visible_words(page.form.overview)
    assert "90 out of 100 (from 70 at the start)" in shown
    assert "Open the safety note" in shown


def test_a_follow_up_on_a_false_alarm_does_not_raise_the_safety_note(
        qtbot, unlocked, no_dialogs):
    _due_sheet(unlocked.session.store.worksheets, "alarm", category="rejection",
               verdict="false_alarm")
    page = worksheets(unlocked)
    page.open_follow_up("alarm-step")
    panel = page.follow_up
    assert panel.intro.text() == TEXTS.followup["intro"]
    click(qtbot, panel.outcomes["yes"])
    assert not panel.safety.isVisible()
