"""The whole sheet on one page, at the end of the guided steps (and when a finished
sheet is opened): each part with a way back to edit it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustdesk.domain.dates import long_date
from trustdesk.domain.worksheet import Emotion, Worksheet, is_safety_sheet
from trustdesk.domain.worksheet_texts import WorksheetTexts
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import SafetyOffer, link_button

FEARED_HAPPENED = ("yes", "partly")

MISSING_STEP = {"thought": 1, "belief_before": 2, "balanced": 5, "belief_after": 6}


def rated(value: int | None) -> str:
    return "not rated yet" if value is None else f"{value} out of 100"


def feelings(emotions: tuple[Emotion, ...]) -> str:
    return ", ".join(f"{e.name} ({'not rated' if e.intensity is None else e.intensity})"
                     for e in emotions) or "None listed"


class _Section(QFrame):
    def __init__(self, title: str, step: int, edit: SignalInstance) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(20, 14, 20, 16)
        self.column.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(text_label(title, "heading"), 1)
        button = link_button("Edit", f"Edit {title.lower()}")
        button.clicked.connect(lambda: edit.emit(step))
        top.addWidget(button)
        self.column.addLayout(top)

    def line(self, caption: str, text: str, *, empty: str = "Nothing written yet") -> None:
        if caption:
            self.column.addWidget(text_label(caption, "caption"))
        value = text_label(text if text.strip() else empty, None if text.strip() else "muted")
        value.setAccessibleDescription(caption or "Text")
        self.column.addWidget(value)

    def note(self, text: str) -> None:
        self.column.addWidget(text_label(text, "note"))


class OverviewView(QWidget):
    """Read-only summary. Emits `edit_requested(step_index)` and
    `follow_up_requested()`; `show_sheet` rebuilds it from a sheet."""

    edit_requested = Signal(int)
    follow_up_requested = Signal()

    def __init__(self, texts: WorksheetTexts) -> None:
        super().__init__()
        self.texts = texts
        self.key = "overview"
        self.title = "Your whole worksheet"
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(16)
        self.status = text_label("", "intro")
        self.status.setAccessibleDescription("Where this worksheet stands")
        self.column.addWidget(self.status)
        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        self.column.addLayout(self.body)
        self.column.addStretch(1)
        self.follow_up_button: QPushButton | None = None

    def clear(self) -> None:
        self.status.setText("")
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.follow_up_button = None

    def show_sheet(self, sheet: Worksheet, today: date) -> None:
        self.clear()
        t, m = self.texts, self.texts.messages
        missing = sheet.missing_for_completion()
        self.status.setText(m["complete"] if not missing else
                            f"{m['draft']} To finish it, these parts are still open:")
        for key in missing:
            self.body.addWidget(text_label("• " + m[f"need_{key}"], "note"))
        red_flag = sheet.verdict == "red_flag"
        if sheet.belief_before is not None and sheet.belief_after is not None:
            went = (f"Your belief in the thought went from {sheet.belief_before} to "
                    f"{sheet.belief_after}." if sheet.belief_before != sheet.belief_after
                    else f"Your belief in the thought stayed at {sheet.belief_after}.")
            if red_flag and sheet.belief_after >= sheet.belief_before:
                went += " " + t.red_flag["belief_stayed"]
            elif sheet.belief_before == sheet.belief_after:
                went += " That's okay: looking at it closely still counts."
            self.body.addWidget(text_label(went, "notice"))

        part = self._section(t.step("situation").title, 0)
        part.line("When", long_date(sheet.happened_on))
        part.line("Who was involved", sheet.who)
        part.line("What happened", sheet.situation)

        part = self._section(t.step("fear").title, 1)
        part.line("Kind of fear", t.category_label(sheet.category))
        part.line("The fearful thought", sheet.thought)

        part = self._section(t.step("ratings_before").title, 2)
        part.line("Belief in the thought", rated(sheet.belief_before))
        part.line("Feelings", feelings(sheet.emotions_before))

        part = self._section(t.step("traps").title, 3)
        part.line("", "\n".join("• " + t.trap(key).label for key in sheet.traps),
                  empty="None ticked")

        part = self._section(t.step("evidence").title, 4)
        part.line("What supports the fear", "\n".join("• " + e for e in sheet.evidence_for))
        part.line("What doesn't fit the fear",
                  "\n".join("• " + e for e in sheet.evidence_against))
        pattern = t.pattern(sheet.pattern)
        part.line("Part of a pattern with this person", pattern.label if pattern else "",
                  empty="Not answered yet")
        verdict = t.verdict(sheet.verdict)
        part.line("Your call", verdict.label if verdict else "", empty="Not decided yet")

        part = self._section(t.step("balanced_view").title, 5)
        part.line("", sheet.balanced_view)

        part = self._section(t.step("ratings_after").title, 6)
        before, after = sheet.belief_before, sheet.belief_after
        change = (f" (from {before} at the start)" if before is not None and after is not None
                  else "")
        part.line("Belief in the first thought", rated(after) + change)
        part.line("Feelings", feelings(sheet.emotions_after))

        part = self._section(t.red_flag["step_title"] if red_flag
                             else t.step("small_step").title, 7)
        step = sheet.step
        if step is None:
            part.line("", "", empty="No step planned yet")
        else:
            part.line("The step", step.text)
            part.line("By when", long_date(step.due) if step.due else "", empty="No date")
            part.line("What you predicted", step.prediction)
            part.line("How likely it felt", rated(step.likelihood))
            if step.playing_safe or not red_flag:
                part.line("Playing it safe", step.playing_safe, empty="Nothing noted")
            self._follow_up(part, sheet, today)

    def _follow_up(self, part: _Section, sheet: Worksheet, today: date) -> None:
        step = sheet.step
        assert step is not None
        f = self.texts.followup
        if step.outcome is not None or step.what_happened or step.learned:
            part.column.addSpacing(6)
            part.column.addWidget(text_label("How it went", "subheading"))
            part.line(f["what_happened"], step.what_happened)
            outcome = self.texts.outcomes.get(step.outcome or "", "")
            part.line(f["outcome"], outcome, empty="Not answered yet")
            part.line("Belief in the first thought then",
                      rated(step.belief_at_follow_up)
                      + (f" (from {sheet.belief_before} at the start)"
                         if sheet.belief_before is not None
                         and step.belief_at_follow_up is not None else ""))
            part.line(f["learned"], step.learned)
            if (step.outcome in FEARED_HAPPENED
                    and is_safety_sheet(verdict=sheet.verdict, category=sheet.category)):
                offer = SafetyOffer(f["safety"], "If you are not safe")
                offer.show()
                part.column.addWidget(offer)
        words = ("Look back on this step" if step.outcome is None else "Change how it went")
        if step.outcome is None and step.is_due(today):
            part.note("Its date has come. When you're ready, take a moment to look back.")
        self.follow_up_button = link_button(words, words)
        self.follow_up_button.clicked.connect(self.follow_up_requested)
        row = QHBoxLayout()
        row.addWidget(self.follow_up_button)
        row.addStretch(1)
        part.column.addLayout(row)

    def _section(self, title: str, step: int) -> _Section:
        section = _Section(title, step, self.edit_requested)
        self.body.addWidget(section)
        return section

    def focus_first(self) -> None:
        self.focusNextChild()
