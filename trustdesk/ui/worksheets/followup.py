"""Looking back on a small step: what happened, whether the feared outcome came
true (yes, partly, no), belief in the sheet's first thought now, and what was
learned. When the feared thing happened on a sheet about a real warning sign, or a
fear of control or betrayal, the safety note is offered right there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.dates import long_date
from trustdesk.domain.text import clean_text
from trustdesk.domain.worksheet import OUTCOMES, DueStep, SmallStep
from trustdesk.domain.worksheet_texts import WorksheetTexts
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import Field, SafetyOffer, TextBox, editor_top, scrolled
from trustdesk.ui.worksheets.overview import FEARED_HAPPENED
from trustdesk.ui.worksheets.rating import RatingField


class FollowUpPanel(QWidget):
    """Edits one step's follow-up. `edited` on each change, `done_requested` when the
    person is finished, `close_requested` to go back without finishing."""

    edited = Signal()
    done_requested = Signal()
    close_requested = Signal()

    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__()
        self.texts = texts
        self._step: SmallStep | None = None
        self._safety_matters = False
        self._loading = False
        f = texts.followup

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        self.back_link, self.save_state, self.problem = editor_top(column, self.close_requested)
        column.addWidget(text_label("How did it go?", "title"))
        self.intro = text_label(f["intro"], "intro")
        column.addWidget(self.intro)

        self.plan = QFrame()
        self.plan.setProperty("role", "thought")
        plan_column = QVBoxLayout(self.plan)
        plan_column.setContentsMargins(16, 12, 16, 14)
        plan_column.setSpacing(4)
        self.plan_caption = text_label("Your small step", "caption")
        plan_column.addWidget(self.plan_caption)
        self.plan_step = text_label("", "thoughttext")
        self.plan_step.setAccessibleDescription("Your small step")
        self.plan_when = text_label("", "muted")
        self.plan_feared = text_label("", None)
        self.plan_thought = text_label("", "muted")
        for widget in (self.plan_step, self.plan_when, self.plan_feared, self.plan_thought):
            plan_column.addWidget(widget)
        column.addWidget(self.plan)

        self.what = TextBox("What actually happened", lines=4)
        column.addWidget(Field(f["what_happened"], f["what_happened_hint"], self.what))
        outcome_box = QWidget()
        outcome_box.setAccessibleName(f["outcome"])
        row = QHBoxLayout(outcome_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        self.outcome_group = QButtonGroup(self)
        self.outcomes: dict[str, QRadioButton] = {}
        for key in OUTCOMES:
            button = QRadioButton(texts.outcomes[key])
            button.setAccessibleName(f"{f['outcome']} {texts.outcomes[key]}")
            self.outcome_group.addButton(button)
            self.outcomes[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.outcome_field = Field(f["outcome"], "", outcome_box)
        column.addWidget(self.outcome_field)
        self.safety = SafetyOffer(f["safety"], "If you are not safe")
        self.outcome_field.add(self.safety, gap=8)
        self.belief = RatingField("Belief in the first thought now",
                                  low="0 · not at all", high="100 · completely sure")
        column.addWidget(Field(f["belief"], f["belief_hint"], self.belief))
        self.learned = TextBox("What you learned", lines=4)
        column.addWidget(Field(f["learned"], f["learned_hint"], self.learned))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # It saves itself as the person types, like every other page; this only
        # finishes (a "Save" button would suggest that nothing was kept without it).
        self.done_button = QPushButton("Done")
        self.done_button.setAccessibleName("Done, back to where you were")
        self.done_button.setProperty("role", "primary")
        self.done_button.setMinimumHeight(36)
        self.done_button.setMinimumWidth(110)
        self.done_button.clicked.connect(self.done_requested)
        buttons.addWidget(self.done_button)
        column.addLayout(buttons)
        column.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner, (40, 24, 40, 32)))

        self.what.edited.connect(self._changed)
        self.learned.edited.connect(self._changed)
        self.belief.changed.connect(self._changed)
        self.outcome_group.buttonToggled.connect(self._outcome_toggled)

    def _outcome_toggled(self, _button: object, on: bool) -> None:
        self._show_safety()
        if on:
            self._changed()

    def _show_safety(self) -> None:
        outcome = next((k for k, b in self.outcomes.items() if b.isChecked()), None)
        self.safety.setVisible(self._safety_matters and outcome in FEARED_HAPPENED)

    @property
    def step_id(self) -> str | None:
        return self._step.id if self._step else None

    def open(self, due: DueStep) -> None:
        step = self._step = due.step
        self._safety_matters = due.safety_matters
        red_flag = due.verdict == "red_flag"
        self._loading = True
        try:
            f = self.texts.followup
            self.intro.setText(self.texts.red_flag["followup_intro"] if red_flag
                               else f["intro"])
            self.plan_caption.setText(self.texts.red_flag["step"] if red_flag
                                      else "Your small step")
            self.plan_step.setText(step.text.strip() or "(no step written)")
            self.plan_when.setText(f"Planned for {long_date(step.due)}" if step.due else "")
            likely = ("" if step.likelihood is None
                      else f" It felt {step.likelihood} out of 100 likely.")
            self.plan_feared.setText(f"You predicted: {step.prediction.strip()}{likely}"
                                     if step.prediction.strip() else likely.strip())
            self.plan_feared.setVisible(bool(self.plan_feared.text()))
            self.plan_thought.setText(f"From the thought: “{due.thought.strip()}”"
                                      if due.thought.strip() else "")
            self.plan_thought.setVisible(bool(due.thought.strip()))
            self.what.set_text(step.what_happened)
            self.learned.set_text(step.learned)
            self._check(step.outcome)
            self.belief.set_value(step.belief_at_follow_up)
            self.belief.set_reference(
                f"On the worksheet you rated it {due.belief_before} out of 100 at the start."
                if due.belief_before is not None else "")
        finally:
            self._loading = False
        self._show_safety()
        self.show_problem("")
        self.save_state.setText("")
        self.what.setFocus()

    def current_step(self, today: date) -> SmallStep:
        """The step with the follow-up as typed; the day it was followed up is set
        when an outcome is first chosen."""
        assert self._step is not None
        outcome = next((k for k, b in self.outcomes.items() if b.isChecked()), None)
        followed = self._step.followed_up_on if self._step.outcome else None
        return replace(self._step, what_happened=clean_text(self.what.text()),
                       learned=clean_text(self.learned.text()), outcome=outcome,
                       belief_at_follow_up=self.belief.value(),
                       followed_up_on=(followed or today) if outcome else None)

    def saved(self, step: SmallStep) -> None:
        self._step = step

    def show_problem(self, message: str) -> None:
        show_and_announce(self.problem, message, assertive=True)
        self.problem.setVisible(bool(message))

    def clear(self) -> None:
        self._loading = True
        try:
            self._step = None
            for widget in (self.plan_step, self.plan_when, self.plan_feared, self.plan_thought):
                widget.setText("")
            self.what.set_text("")
            self.learned.set_text("")
            self._check(None)
            self.belief.set_value(None)
            self.belief.set_reference("")
            self._safety_matters = False
            self._show_safety()
            self.show_problem("")
            self.save_state.setText("")
        finally:
            self._loading = False

    def _check(self, key: str | None) -> None:
        self.outcome_group.setExclusive(False)
        for k, button in self.outcomes.items():
            button.blockSignals(True)
            button.setChecked(k == key)
            button.blockSignals(False)
        self.outcome_group.setExclusive(True)

    def _changed(self) -> None:
        if not self._loading and self._step is not None:
            self.edited.emit()
