"""Steps 1 to 3 and 5: what happened, the fear, how strong it feels, and the
evidence with the call (step 4, the thinking traps, is in steps_later)."""

from __future__ import annotations

from typing import Any, override

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.text import clean_line, clean_text
from trustdesk.domain.worksheet import SAFETY_CATEGORIES, Worksheet
from trustdesk.domain.worksheet_texts import WorksheetTexts
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import SafetyOffer, TextBox
from trustdesk.ui.worksheets.emotions import EmotionsField
from trustdesk.ui.worksheets.rating import RatingField
from trustdesk.ui.worksheets.step_base import StepView, date_edit, from_qdate, to_qdate
from trustdesk.ui.worksheets.text_list import TextListField


def choices(options: list[tuple[str, str, str]], name: str, *, columns: int = 1
            ) -> tuple[QWidget, QButtonGroup, dict[str, QRadioButton]]:
    """Radio buttons, each with a quiet line of explanation under it, filled in
    reading order across `columns`."""
    box = QWidget()
    box.setAccessibleName(name)
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(10)
    group = QButtonGroup(box)
    buttons: dict[str, QRadioButton] = {}
    for n, (key, text, help_text) in enumerate(options):
        button = QRadioButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(help_text)
        group.addButton(button)
        buttons[key] = button
        cell = QVBoxLayout()
        cell.setSpacing(0)
        cell.addWidget(button)
        cell.addWidget(text_label(help_text, "choicehelp"))
        cell.addStretch(1)
        grid.addLayout(cell, n // columns, n % columns)
    for col in range(columns):
        grid.setColumnStretch(col, 1)
    return box, group, buttons


def check_only(buttons: dict[str, QRadioButton], key: str | None) -> None:
    """Select `key` (or nothing) without a signal counting as the person's edit."""
    for button_key, button in buttons.items():
        group = button.group()
        group.setExclusive(False)
        button.blockSignals(True)
        button.setChecked(button_key == key)
        button.blockSignals(False)
        group.setExclusive(True)


def checked(buttons: dict[str, QRadioButton]) -> str | None:
    return next((key for key, button in buttons.items() if button.isChecked()), None)


class SituationStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("situation", texts, today)
        self.what = TextBox("What happened", lines=5)
        self.who = QLineEdit()
        self.who.setAccessibleName("Who was involved")
        self.when = date_edit("When it happened")
        self.when.setMaximumDate(to_qdate(self.today()))
        self.field("what", self.what)
        self.field("who", self.who)
        self.field("when", self.when)
        self.finish()
        self.what.edited.connect(self.changed)
        self.who.textEdited.connect(self.changed)
        self.when.dateChanged.connect(self.changed)

    @override
    def load(self, sheet: Worksheet) -> None:
        self.what.set_text(sheet.situation)
        self.who.setText(sheet.who)
        # The app may run past midnight; a day after today (the clock was set back
        # since) stays as it is rather than being clamped to today.
        self.when.setMaximumDate(to_qdate(max(sheet.happened_on, self.today())))
        self.when.setDate(to_qdate(sheet.happened_on))

    @override
    def collect(self) -> dict[str, Any]:
        return {"situation": clean_text(self.what.text()), "who": clean_line(self.who.text()),
                "happened_on": from_qdate(self.when.date())}

    @override
    def clear(self) -> None:
        self.what.set_text("")
        self.who.setText("")
        self.when.setDate(to_qdate(self.today()))

    @override
    def focus_first(self) -> None:
        self.what.setFocus()


class FearStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("fear", texts, today)
        box, self.group, self.kinds = choices(
            [(c.key, c.label, c.description) for c in texts.categories], "Kind of fear",
            columns=2)
        self.category_field = self.field("category", box)
        # Offered the moment a fear of control or of betrayal is chosen.
        self.safety = SafetyOffer(texts.messages["safety_offer"], "If you are not safe")
        self.category_field.add(self.safety, gap=8)
        self.thought = TextBox("The fearful thought", lines=3)
        self.thought_field = self.field("thought", self.thought)
        self.finish()
        self.group.buttonToggled.connect(self._kind_toggled)
        self.thought.edited.connect(self.changed)

    def _kind_toggled(self, _button: object, on: bool) -> None:
        self._show_safety()
        if on:
            self.changed.emit()

    def _show_safety(self) -> None:
        self.safety.setVisible(checked(self.kinds) in SAFETY_CATEGORIES)

    @override
    def load(self, sheet: Worksheet) -> None:
        check_only(self.kinds, sheet.category)
        self._show_safety()
        self.thought.set_text(sheet.thought)

    @override
    def collect(self) -> dict[str, Any]:
        return {"category": checked(self.kinds), "thought": clean_text(self.thought.text())}

    @override
    def clear(self) -> None:
        self.load(Worksheet(id="-", happened_on=self.today()))

    @override
    def show_missing(self, missing: list[str]) -> None:
        show = "thought" in missing
        self.thought_field.show_note(self.texts.messages["need_thought"] if show else "")

    @override
    def focus_first(self) -> None:
        chosen = checked(self.kinds)
        (self.kinds[chosen] if chosen else next(iter(self.kinds.values()))).setFocus()


class RatingsBeforeStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("ratings_before", texts, today)
        self.belief = RatingField("Belief in the thought at the start",
                                  low="0 · not at all", high="100 · completely sure")
        self.belief_field = self.field("belief", self.belief)
        self.emotions = EmotionsField(texts.emotions, what="Feelings at the start")
        self.field("emotions", self.emotions)
        self.finish()
        self.belief.changed.connect(self.changed)
        self.emotions.changed.connect(self.changed)

    @override
    def load(self, sheet: Worksheet) -> None:
        self.belief.set_value(sheet.belief_before)
        self.emotions.set_value(sheet.emotions_before)

    @override
    def collect(self) -> dict[str, Any]:
        return {"belief_before": self.belief.value(),
                "emotions_before": self.emotions.value()}

    @override
    def clear(self) -> None:
        self.belief.set_value(None)
        self.emotions.clear()

    @override
    def show_missing(self, missing: list[str]) -> None:
        show = "belief_before" in missing
        self.belief_field.show_note(self.texts.messages["need_belief_before"] if show else "")

    @override
    def focus_first(self) -> None:
        self.belief.slider.setFocus()


class EvidenceStep(StepView):
    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__("evidence", texts, today)
        self.evidence_for = TextListField("Evidence for the fear", "Something you saw or heard")
        self.evidence_against = TextListField("Evidence against the fear",
                                              "Something that points the other way")
        self.field("evidence_for", self.evidence_for)
        self.field("evidence_against", self.evidence_against)
        box, self.pattern_group, self.patterns = choices(
            [(p.key, p.label, p.help) for p in texts.patterns],
            "Is this part of a pattern with this person", columns=3)
        self.field("pattern", box)
        box, self.group, self.verdicts = choices(
            [(v.key, v.label, v.help) for v in texts.verdicts], "Your call")
        verdict = self.field("verdict", box)
        self.safety = SafetyOffer(texts.messages["safety"], "If you are not safe")
        verdict.add(self.safety, gap=8)
        self.finish()
        self.evidence_for.changed.connect(self.changed)
        self.evidence_against.changed.connect(self.changed)
        self.pattern_group.buttonToggled.connect(
            lambda _b, on: self.changed.emit() if on else None)
        self.group.buttonToggled.connect(self._verdict_toggled)

    def _verdict_toggled(self, _button: object, on: bool) -> None:
        self._show_safety()
        if on:
            self.changed.emit()

    def _show_safety(self) -> None:
        self.safety.setVisible(checked(self.verdicts) == "red_flag")

    @override
    def load(self, sheet: Worksheet) -> None:
        self.evidence_for.set_value(sheet.evidence_for)
        self.evidence_against.set_value(sheet.evidence_against)
        check_only(self.patterns, sheet.pattern)
        check_only(self.verdicts, sheet.verdict)
        self._show_safety()

    @override
    def collect(self) -> dict[str, Any]:
        return {"evidence_for": _cleaned(self.evidence_for.value()),
                "evidence_against": _cleaned(self.evidence_against.value()),
                "pattern": checked(self.patterns), "verdict": checked(self.verdicts)}

    @override
    def clear(self) -> None:
        self.evidence_for.clear()
        self.evidence_against.clear()
        check_only(self.patterns, None)
        check_only(self.verdicts, None)
        self._show_safety()

    @override
    def focus_first(self) -> None:
        self.evidence_for.lines()[0].setFocus()


def _cleaned(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(text for text in map(clean_line, items) if text)
