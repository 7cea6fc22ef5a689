"""Steps 5 to 8: thinking traps, a balanced view, rating again, and one small step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from trustdesk.domain.text import clean_text, new_id
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.domain.worksheet_texts import TrapText, WorksheetTexts
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import TextBox, link_button
from trustdesk.ui.worksheets.emotions import EmotionsField
from trustdesk.ui.worksheets.rating import RatingField
from trustdesk.ui.worksheets.step_base import StepView, date_edit, from_qdate, to_qdate


def default_due(today: date) -> date:
    """A week from today: soon enough to remember, far enough to find a moment."""
    return today + timedelta(days=7)


class _TrapRow(QFrame):
    """A trap to tick, its one-sentence description, and an example on request."""

    def __init__(self, trap: TrapText) -> None:
        super().__init__()
        self.setProperty("role", "trap")
        self.key = trap.key
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(4)
        self.box = QCheckBox(trap.name)
        self.box.setAccessibleName(trap.name)
        self.box.setAccessibleDescription(trap.description)
        column.addWidget(self.box)
        self.description = text_label(trap.description, "choicehelp")
        column.addWidget(self.description)
        self.example = text_label(f"For example: {trap.example}", "example")
        self.example.hide()
        self.toggle = link_button("Show an example", f"Show an example of {trap.name.lower()}")
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(self.toggle)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.example)
        self.toggle.clicked.connect(self.toggle_example)

    def toggle_example(self) -> None:
        show = self.example.isHidden()
        self.example.setVisible(show)
        self.toggle.setText("Hide the example" if show else "Show an example")


class TrapsStep(StepView):
    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__("traps", texts)
        self.rows: dict[str, _TrapRow] = {}
        field = self.field("traps")
        groups = (("Common when trust has been hurt", [t for t in texts.traps if t.trust_priority]),
                  ("Other traps to look for", [t for t in texts.traps if not t.trust_priority]))
        for heading, traps in groups:
            field.add(text_label(heading, "subheading"))
            for trap in traps:
                row = _TrapRow(trap)
                row.box.toggled.connect(self.changed)
                self.rows[trap.key] = row
                field.add(row)
        self.finish()

    def load(self, sheet: Worksheet) -> None:
        for key, row in self.rows.items():
            row.box.blockSignals(True)
            row.box.setChecked(key in sheet.traps)
            row.box.blockSignals(False)
            if not row.example.isHidden():
                row.toggle_example()

    def collect(self) -> dict[str, Any]:
        # Kept in the order shown, which is stable and what the person saw.
        return {"traps": tuple(key for key, row in self.rows.items() if row.box.isChecked())}

    def clear(self) -> None:
        self.load(Worksheet(id="-", happened_on=date.today()))

    def focus_first(self) -> None:
        next(iter(self.rows.values())).box.setFocus()


class BalancedStep(StepView):
    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__("balanced_view", texts)
        self._category: str | None = None
        self.insert_button = QPushButton(self.text.field("insert_counterweight"))
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
        self.view.textChanged.connect(self.changed)
        self.insert_button.clicked.connect(self.insert_starting_point)

    def prepare(self, sheet: Worksheet) -> None:
        self._category = sheet.category
        chosen = self.texts.category(sheet.category)
        base = self.text.field("insert_counterweight_hint")
        if chosen and "your kind of fear" in base:
            base = base.replace("your kind of fear", chosen.label.lower())
        self.insert_hint.setText(base)

    def insert_starting_point(self) -> None:
        """Insert the counterweight for the chosen fear where the cursor is."""
        cursor = self.view.textCursor()
        before = self.view.toPlainText()[:cursor.position()]
        gap = "" if not before.strip() else ("\n" if before.endswith("\n") else "\n\n")
        cursor.insertText(gap + self.texts.counterweight(self._category))
        self.view.setTextCursor(cursor)
        self.view.setFocus()

    def load(self, sheet: Worksheet) -> None:
        self.view.set_text(sheet.balanced_view)
        self.prepare(sheet)

    def collect(self) -> dict[str, Any]:
        return {"balanced_view": clean_text(self.view.text())}

    def clear(self) -> None:
        self.view.set_text("")
        self._category = None

    def show_missing(self, missing: list[str]) -> None:
        show = "balanced" in missing
        self.view_field.show_note(self.texts.messages["need_balanced"] if show else "")

    def focus_first(self) -> None:
        self.view.setFocus()


class RatingsAfterStep(StepView):
    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__("ratings_after", texts)
        self.belief = RatingField("Belief in the thought now",
                                  low="0 · not at all", high="100 · completely sure")
        self.belief_field = self.field("belief", self.belief)
        self.emotions = EmotionsField(texts.emotions, what="Feelings now")
        self.field("emotions", self.emotions)
        self.finish()
        self.belief.changed.connect(self.changed)
        self.emotions.changed.connect(self.changed)

    def load(self, sheet: Worksheet) -> None:
        self.belief.set_value(sheet.belief_after)
        self.prepare(sheet)

    def prepare(self, sheet: Worksheet) -> None:
        before = sheet.belief_before
        self.belief.set_reference(f"At the start you rated it {before} out of 100."
                                  if before is not None else "")
        current = self.emotions.value() if self.emotions.names() else sheet.emotions_after
        self.emotions.set_value(current, suggestions=sheet.emotions_before)

    def collect(self) -> dict[str, Any]:
        return {"belief_after": self.belief.value(), "emotions_after": self.emotions.value()}

    def clear(self) -> None:
        self.belief.set_value(None)
        self.belief.set_reference("")
        self.emotions.clear()

    def show_missing(self, missing: list[str]) -> None:
        show = "belief_after" in missing
        self.belief_field.show_note(self.texts.messages["need_belief_after"] if show else "")

    def focus_first(self) -> None:
        self.belief.slider.setFocus()


class SmallStepStep(StepView):
    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__("small_step", texts)
        self._step: SmallStep | None = None
        self.red_flag = text_label(self.text.field("red_flag_note"), "notice")
        self.column.addWidget(self.red_flag)
        self.what = TextBox("Your small trust step", lines=2)
        self.due = date_edit("Try it by")
        self.prediction = TextBox("What you fear will happen", lines=3)
        self.likelihood = RatingField("How likely it feels",
                                      low="0 · surely won't", high="100 · surely will")
        self.field("step", self.what)
        self.field("due", self.due)
        self.field("prediction", self.prediction)
        self.field("likelihood", self.likelihood)
        self.finish()
        self.what.textChanged.connect(self.changed)
        self.due.dateChanged.connect(self.changed)
        self.prediction.textChanged.connect(self.changed)
        self.likelihood.changed.connect(self.changed)

    def prepare(self, sheet: Worksheet) -> None:
        self.red_flag.setVisible(sheet.verdict == "red_flag")

    def load(self, sheet: Worksheet) -> None:
        step = self._step = sheet.step
        self.what.set_text(step.text if step else "")
        self.due.setDate(to_qdate(step.due if step and step.due else default_due(date.today())))
        self.prediction.set_text(step.prediction if step else "")
        self.likelihood.set_value(step.likelihood if step else None)
        self.prepare(sheet)

    def collect(self) -> dict[str, Any]:
        text, prediction = clean_text(self.what.text()), clean_text(self.prediction.text())
        old = self._step
        has_follow_up = old is not None and (old.outcome or old.what_happened or old.learned)
        if not (text.strip() or prediction.strip() or self.likelihood.value() is not None
                or has_follow_up):
            return {"step": None}
        base = old or SmallStep(id=new_id(), text="")
        return {"step": replace(base, text=text, due=from_qdate(self.due.date()),
                                prediction=prediction, likelihood=self.likelihood.value())}

    def set_follow_up(self, step: SmallStep) -> None:
        """Take in a follow-up recorded elsewhere, so the next save keeps it."""
        if self._step is not None and self._step.id == step.id:
            self._step = replace(self._step, what_happened=step.what_happened,
                                 outcome=step.outcome, learned=step.learned,
                                 followed_up_on=step.followed_up_on)

    def clear(self) -> None:
        self._step = None
        self.what.set_text("")
        self.prediction.set_text("")
        self.likelihood.set_value(None)
        self.due.setDate(QDate.currentDate())
        self.red_flag.hide()

    def focus_first(self) -> None:
        self.what.setFocus()
