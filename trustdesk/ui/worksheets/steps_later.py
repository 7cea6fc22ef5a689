"""Step 4, thinking traps, and steps 6 to 8: a balanced view, rating again, and one
small step (a small safety step after the call "a real warning sign")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, override

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.text import clean_text, new_id
from trustdesk.domain.worksheet import SmallStep, Worksheet, default_due
from trustdesk.domain.worksheet_texts import TrapText, WorksheetTexts
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import SafetyOffer, TextBox
from trustdesk.ui.worksheets.emotions import EmotionsField
from trustdesk.ui.worksheets.evidence_panel import EvidencePanel
from trustdesk.ui.worksheets.rating import RatingField
from trustdesk.ui.worksheets.step_base import StepView, date_edit, from_qdate, to_qdate


class _TrapRow(QFrame):
    """A trap to tick, named in plain words first, with its one-sentence description
    and one example, both shown."""

    def __init__(self, trap: TrapText) -> None:
        super().__init__()
        self.setProperty("role", "trap")
        self.key = trap.key
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(2)
        self.box = QCheckBox(trap.label)
        self.box.setAccessibleName(trap.label)
        self.box.setAccessibleDescription(f"{trap.description} For example: {trap.example}")
        column.addWidget(self.box)
        self.description = text_label(trap.description, "choicehelp")
        column.addWidget(self.description)
        self.example = text_label(f"For example: {trap.example}", "example")
        # Margins, not stylesheet padding: a wrapped label measures its height
        # without the padding and then draws one line in two lines' room.
        self.example.setContentsMargins(30, 4, 10, 4)  # in line with the description
        column.addWidget(self.example)


class TrapsStep(StepView):
    """The traps to tick. A retired trap shows only on a sheet that has it ticked,
    so older sheets keep what they said and new ones aren't offered it."""

    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("traps", texts, today)
        self.rows: dict[str, _TrapRow] = {}
        field = self.field("traps")
        offered = texts.offered_traps
        groups = (("Common when trust has been hurt", [t for t in offered if t.trust_priority]),
                  ("Other traps to look for", [t for t in offered if not t.trust_priority]),
                  ("From an older version of this worksheet",
                   [t for t in texts.traps if t.retired]))
        self._retired_heading = None
        for heading, traps in groups:
            label = text_label(heading, "subheading")
            field.add(label)
            for trap in traps:
                row = _TrapRow(trap)
                row.box.toggled.connect(self.changed)
                self.rows[trap.key] = row
                field.add(row)
                if trap.retired:
                    row.hide()
            if traps and traps[0].retired:
                self._retired_heading = label
                label.hide()
        self.finish()

    @override
    def load(self, sheet: Worksheet) -> None:
        any_retired = False
        for key, row in self.rows.items():
            row.box.blockSignals(True)
            row.box.setChecked(key in sheet.traps)
            row.box.blockSignals(False)
            if self.texts.trap(key).retired:
                row.setVisible(key in sheet.traps)
                any_retired = any_retired or key in sheet.traps
        if self._retired_heading is not None:
            self._retired_heading.setVisible(any_retired)

    @override
    def collect(self) -> dict[str, Any]:
        # Kept in the order shown, which is stable and what the person saw.
        return {"traps": tuple(key for key, row in self.rows.items() if row.box.isChecked())}

    @override
    def clear(self) -> None:
        self.load(Worksheet(id="-", happened_on=self.today()))

    @override
    def focus_first(self) -> None:
        next(iter(self.rows.values())).box.setFocus()


class BalancedStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("balanced_view", texts, today)
        self._verdict: str | None = None
        self.evidence = EvidencePanel()
        self.column.insertWidget(0, self.evidence)
        self.insert_button = QPushButton(self.text.field("insert_starting_point"))
        self.insert_button.setAccessibleName("Insert a starting point for a balanced view")
        self.insert_hint = text_label("", "muted")
        self.view = TextBox("A balanced view", lines=8)
        self.view_field = self.field("balanced", self.view)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.insert_hint, 1)
        box = self.view_field.layout_
        box.insertLayout(box.indexOf(self.view), row)
        box.insertSpacing(box.indexOf(self.view), 6)
        self.finish()
        self.view.edited.connect(self.changed)
        self.insert_button.clicked.connect(self.insert_starting_point)

    @override
    def prepare(self, sheet: Worksheet) -> None:
        self._verdict = sheet.verdict
        self.evidence.show_sheet(sheet)
        self.insert_hint.setText(self.text.field("insert_starting_point_hint"))

    def insert_starting_point(self) -> None:
        """Insert the starting point for the call (a sentence and a question or two)
        where the cursor is."""
        cursor = self.view.textCursor()
        before = self.view.toPlainText()[:cursor.position()]
        gap = "" if not before.strip() else ("\n" if before.endswith("\n") else "\n\n")
        cursor.insertText(gap + self.texts.starting_point(self._verdict).text())
        self.view.setTextCursor(cursor)
        self.view.setFocus()

    @override
    def load(self, sheet: Worksheet) -> None:
        self.view.set_text(sheet.balanced_view)
        self.prepare(sheet)

    @override
    def collect(self) -> dict[str, Any]:
        return {"balanced_view": clean_text(self.view.text())}

    @override
    def clear(self) -> None:
        self.view.set_text("")
        self.evidence.clear()
        self._verdict = None

    @override
    def show_missing(self, missing: list[str]) -> None:
        show = "balanced" in missing
        self.view_field.show_note(self.texts.messages["need_balanced"] if show else "")

    @override
    def focus_first(self) -> None:
        self.view.setFocus()


class RatingsAfterStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("ratings_after", texts, today)
        self.belief = RatingField("Belief in the thought now",
                                  low="0 · not at all", high="100 · completely sure")
        self.belief_field = self.field("belief", self.belief)
        self.emotions = EmotionsField(texts.emotions, what="Feelings now")
        self.field("emotions", self.emotions)
        self.finish()
        self.belief.changed.connect(self.changed)
        self.emotions.changed.connect(self.changed)

    @override
    def load(self, sheet: Worksheet) -> None:
        self.belief.set_value(sheet.belief_after)
        self.prepare(sheet)

    @override
    def prepare(self, sheet: Worksheet) -> None:
        red_flag = sheet.verdict == "red_flag"
        self.intro.setText(self.texts.red_flag["rerate_intro"] if red_flag else self.text.intro)
        before = sheet.belief_before
        self.belief.set_reference(f"At the start you rated it {before} out of 100."
                                  if before is not None else "")
        current = self.emotions.value() if self.emotions.names() else sheet.emotions_after
        self.emotions.set_value(current, suggestions=sheet.emotions_before)

    @override
    def collect(self) -> dict[str, Any]:
        return {"belief_after": self.belief.value(), "emotions_after": self.emotions.value()}

    @override
    def clear(self) -> None:
        self.belief.set_value(None)
        self.belief.set_reference("")
        self.emotions.clear()

    @override
    def show_missing(self, missing: list[str]) -> None:
        show = "belief_after" in missing
        self.belief_field.show_note(self.texts.messages["need_belief_after"] if show else "")

    @override
    def focus_first(self) -> None:
        self.belief.slider.setFocus()


class SmallStepStep(StepView):
    """One small step as a real test: a prediction that could be seen or heard, how
    likely it feels, and any playing-it-safe habits that would spoil it. After the
    call "a real warning sign" it is a small safety step instead: the danger line,
    no testing of the other person, no playing-it-safe question (playing it safe is
    right there)."""

    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("small_step", texts, today)
        self._step: SmallStep | None = None
        self._red_flag = False
        self.danger = SafetyOffer(texts.red_flag["danger"], "Before you plan it")
        self.column.addWidget(self.danger)
        self.what = TextBox("Your small step", lines=2)
        self.due = date_edit("Try it by")
        self.prediction = TextBox("What you predict will happen", lines=3)
        self.likelihood = RatingField("How likely it feels",
                                      low="0 · surely won't", high="100 · surely will")
        self.playing_safe = TextBox("Playing it safe", lines=2)
        self.step_field = self.field("step", self.what)
        self.field("due", self.due)
        self.prediction_field = self.field("prediction", self.prediction)
        self.field("likelihood", self.likelihood)
        self.playing_safe_field = self.field("playing_safe", self.playing_safe)
        self.finish()
        for box in (self.what, self.prediction, self.playing_safe):
            box.edited.connect(self.changed)
        self.due.dateChanged.connect(self.changed)
        self.likelihood.changed.connect(self.changed)

    @property
    def is_safety_step(self) -> bool:
        return self._red_flag

    @override
    def prepare(self, sheet: Worksheet) -> None:
        red = self._red_flag = sheet.verdict == "red_flag"
        words, path = self.text, self.texts.red_flag
        self.title = path["step_title"] if red else words.title
        self.intro.setText(path["step_intro"] if red else words.intro)
        self.danger.setVisible(red)
        for field, key, box in ((self.step_field, "step", self.what),
                                (self.prediction_field, "prediction", self.prediction)):
            field.title.setText(path[key] if red else words.field(key))
            hint = path[f"{key}_hint"] if red else words.field(f"{key}_hint")
            field.hint.setText(hint)
            box.setAccessibleDescription(hint)
        self.what.setAccessibleName(path["step"] if red else "Your small step")
        self.playing_safe_field.setVisible(not red or bool(self.playing_safe.text().strip()))

    @override
    def load(self, sheet: Worksheet) -> None:
        step = self._step = sheet.step
        self.what.set_text(step.text if step else "")
        self.due.setDate(to_qdate(step.due if step and step.due else default_due(self.today())))
        self.prediction.set_text(step.prediction if step else "")
        self.likelihood.set_value(step.likelihood if step else None)
        self.playing_safe.set_text(step.playing_safe if step else "")
        self.prepare(sheet)

    @override
    def collect(self) -> dict[str, Any]:
        text, prediction = clean_text(self.what.text()), clean_text(self.prediction.text())
        playing_safe = clean_text(self.playing_safe.text())
        old = self._step
        has_follow_up = old is not None and (old.outcome or old.what_happened or old.learned
                                             or old.belief_at_follow_up is not None)
        if not (text.strip() or prediction.strip() or playing_safe.strip()
                or self.likelihood.value() is not None or has_follow_up):
            return {"step": None}
        base = old or SmallStep(id=new_id(), text="")
        return {"step": replace(base, text=text, due=from_qdate(self.due.date()),
                                prediction=prediction, likelihood=self.likelihood.value(),
                                playing_safe=playing_safe)}

    def set_follow_up(self, step: SmallStep) -> None:
        """Take in a follow-up recorded elsewhere, so the next save keeps it."""
        if self._step is not None and self._step.id == step.id:
            self._step = replace(self._step, what_happened=step.what_happened,
                                 outcome=step.outcome, learned=step.learned,
                                 belief_at_follow_up=step.belief_at_follow_up,
                                 followed_up_on=step.followed_up_on)

    @override
    def clear(self) -> None:
        self._step = None
        self.what.set_text("")
        self.prediction.set_text("")
        self.playing_safe.set_text("")
        self.likelihood.set_value(None)
        self.due.setDate(to_qdate(self.today()))
        self.prepare(Worksheet(id="-", happened_on=self.today()))

    @override
    def focus_first(self) -> None:
        self.what.setFocus()
