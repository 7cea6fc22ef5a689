"""The Today page, where unlocking lands: small steps whose day has come, a prompt
for today, "On this day" in earlier years, the chapter to go on reading, and
today's check-in at a glance with a quick check-in. No streaks: only how many days
something was written this month.

The page reads through the repositories it is given and emits requests for other
pages (`follow_up_requested(step id)`, `write_requested(prompt)`,
`entry_requested(entry id)`, `continue_requested()`); the PageSpec's wire hook
connects them. `due_count_changed(n)` feeds the sidebar. Every read is one or two
small indexed queries (see bench/today.py); UI thread only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import override

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustdesk.domain import clock
from trustdesk.domain.dates import long_date, short_date
from trustdesk.domain.guide.chapters import Guide, load_guide
from trustdesk.domain.guide.progress import GuideProgress, SettingsStore
from trustdesk.domain.journal import CheckIn, Entry, EntryRow
from trustdesk.domain.steps import not_yet, skip, snooze
from trustdesk.domain.today import (
    continue_chapter,
    days_written_text,
    month_of,
    prompt_for,
    steps_waiting_text,
)
from trustdesk.domain.worksheet import DueStep, SmallStep
from trustdesk.storage import errors
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.worksheet_repo import WorksheetRepository
from trustdesk.ui.journal.rating import CheckInPanel
from trustdesk.ui.page import Page
from trustdesk.ui.today.steps import StepRow, describe_snooze
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.column import FORM_WIDTH, page_column
from trustdesk.ui.widgets.labels import text_label

ON_THIS_DAY_SHOWN = 5


def glance_text(checkin: CheckIn | None) -> str:
    """Today's check-in in one line, or that there is none yet."""
    if checkin is None or checkin.is_empty:
        return "No check-in yet today."

    def said(value: int | None) -> str:
        return "not rated" if value is None else f"{value} of 10"

    return (f"Today so far: mood {said(checkin.mood)}, trust in others "
            f"{said(checkin.trust_others)}, trust in myself {said(checkin.trust_self)}.")


def _section(title: str) -> tuple[QFrame, QVBoxLayout]:
    box = QFrame()
    box.setProperty("role", "card")
    column = QVBoxLayout(box)
    column.setContentsMargins(20, 16, 20, 18)
    column.setSpacing(8)
    heading = text_label(title, "heading")
    heading.setAccessibleName(title)
    column.addWidget(heading)
    box.setAccessibleName(title)
    return box, column


class TodayPage(Page):
    """See the module docstring. `today` and `now` are the clock (injectable)."""

    follow_up_requested = Signal(str)
    write_requested = Signal(str)
    entry_requested = Signal(str)
    continue_requested = Signal()
    due_count_changed = Signal(int)
    checkin_saved = Signal(str)          # the entry's id

    def __init__(self, journal: JournalRepository, worksheets: WorksheetRepository,
                 settings: SettingsStore, *, guide: Guide | None = None,
                 today: clock.Today = clock.today, now: clock.Clock = clock.now) -> None:
        super().__init__()
        self.setObjectName("TodayPage")
        self._journal = journal
        self._worksheets = worksheets
        self._settings = settings
        self._guide = guide
        self._today = today
        self._now = now
        self._due: list[DueStep] = []
        self._undo: SmallStep | None = None
        self._checkin_dirty = False
        self.step_rows: list[StepRow] = []
        self.memory_buttons: list[QPushButton] = []

        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(16)
        self.title = text_label("Today", "title")
        column.addWidget(self.title)
        self.date_line = text_label("", "intro")
        column.addWidget(self.date_line)
        self.problem = text_label("", "problem")
        self.problem.hide()
        column.addWidget(self.problem)

        self.steps_box, steps = _section("Small steps waiting")
        self.steps_intro = text_label("", "muted")
        steps.addWidget(self.steps_intro)
        self.steps_list = QVBoxLayout()
        self.steps_list.setSpacing(8)
        steps.addLayout(self.steps_list)
        self.feedback_row = QWidget()
        feedback = QHBoxLayout(self.feedback_row)
        feedback.setContentsMargins(0, 4, 0, 0)
        self.step_feedback = text_label("", "note")
        feedback.addWidget(self.step_feedback, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo the last change to a small step")
        self.undo_button.clicked.connect(self._undo_plan)
        feedback.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        steps.addWidget(self.feedback_row)
        self.feedback_row.hide()
        column.addWidget(self.steps_box)

        self.checkin_box, checkin = _section("Check-in")
        self.glance = text_label("", None)
        checkin.addWidget(self.glance)
        self.checkin = CheckInPanel()
        checkin.addWidget(self.checkin)
        save_row = QHBoxLayout()
        self.checkin_state = text_label("", "muted")
        save_row.addWidget(self.checkin_state, 1)
        self.save_checkin_button = QPushButton("Save check-in")
        self.save_checkin_button.setAccessibleName("Save check-in for today")
        self.save_checkin_button.setProperty("role", "primary")
        save_row.addWidget(self.save_checkin_button)
        checkin.addLayout(save_row)
        self.month_line = text_label("", "muted")
        checkin.addWidget(self.month_line)
        column.addWidget(self.checkin_box)

        self.prompt_box, prompt = _section("A question for today")
        self.prompt_text = text_label("", "thoughttext", selectable=True)
        prompt.addWidget(self.prompt_text)
        self.prompt_source = text_label("", "muted")
        prompt.addWidget(self.prompt_source)
        self.write_button = QPushButton("Write about this")
        self.write_button.setAccessibleName("Write about this: today's question")
        prompt.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.prompt_box)

        self.memories_box, memories = _section("On this day")
        self.memories_intro = text_label("", "muted")
        memories.addWidget(self.memories_intro)
        self.memories_list = QVBoxLayout()
        self.memories_list.setSpacing(4)
        memories.addLayout(self.memories_list)
        column.addWidget(self.memories_box)

        self.reading_box, reading = _section("Continue reading")
        self.reading_text = text_label("", None)
        reading.addWidget(self.reading_text)
        self.continue_button = QPushButton("Continue reading")
        self.continue_button.setAccessibleName("Continue reading the guide")
        reading.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.reading_box)
        column.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_column(body, FORM_WIDTH))

        self.checkin.changed.connect(self._checkin_edited)
        self.save_checkin_button.clicked.connect(self.save_checkin)
        self.write_button.clicked.connect(
            lambda: self.write_requested.emit(self.prompt_text.text()))
        self.continue_button.clicked.connect(self.continue_requested)

    # -- the Page protocol -----------------------------------------------------------
    @override
    def load(self) -> None:
        """Read everything afresh for today's date."""
        today = self._today()
        self.date_line.setText(long_date(today))
        self._show_problem("")
        try:
            self._load_steps(today)
            self._load_checkin(today)
            self._load_memories(today)
        except errors.VaultError as exc:
            self._show_problem(exc.message)
        self._load_prompt(today)
        self._load_reading()

    @override
    def flush(self) -> None:
        """A check-in changed but not saved yet is saved on leaving (raises a
        VaultError if that fails; the ratings stay)."""
        if self._checkin_dirty and not self.checkin.checkin().is_empty:
            self._save_checkin()

    @override
    def has_unsaved_changes(self) -> bool:
        return self._checkin_dirty

    @override
    def clear_sensitive(self) -> None:
        self._clear_rows()
        self._clear_memories()
        self._due, self._undo, self._checkin_dirty = [], None, False
        self.checkin.set_checkin(CheckIn())
        for label in (self.glance, self.checkin_state, self.month_line, self.prompt_text,
                      self.prompt_source, self.memories_intro, self.reading_text,
                      self.steps_intro, self.step_feedback, self.date_line):
            label.setText("")
        self.feedback_row.hide()

    # -- small steps -------------------------------------------------------------------
    def due_count(self) -> int:
        return len(self._due)

    def refresh_count(self) -> None:
        """Count the waiting steps again (after another page changed one)."""
        try:
            count = self._worksheets.due_count(self._today())
        except errors.VaultError:
            return
        self.due_count_changed.emit(count)

    def _load_steps(self, today: date) -> None:
        self._due = self._worksheets.follow_ups_due(today)
        self._clear_rows()
        for due in self._due:
            row = StepRow(due, today)
            row.did_it.connect(self._did_it)
            row.not_yet.connect(lambda step_id: self._plan(step_id, "not_yet"))
            row.snoozed.connect(lambda step_id, day: self._plan(step_id, "snooze", day))
            row.skipped.connect(lambda step_id: self._plan(step_id, "skip"))
            self.steps_list.addWidget(row)
            self.step_rows.append(row)
        count = len(self._due)
        self.steps_intro.setText(
            "Nothing is waiting today." if count == 0 else
            f"{steps_waiting_text(count).capitalize()}. Say how it went, or give it "
            "another day: there is no rush.")
        self.due_count_changed.emit(count)

    def _clear_rows(self) -> None:
        for row in self.step_rows:
            row.hide()
            row.deleteLater()
        self.step_rows = []

    def _did_it(self, step_id: str) -> None:
        self.follow_up_requested.emit(step_id)

    def _plan(self, step_id: str, action: str, day: date | None = None) -> None:
        """Not yet (tomorrow), snooze to `day`, or skip; the row goes, Undo stays."""
        due = next((d for d in self._due if d.step.id == step_id), None)
        if due is None:
            return
        today = self._today()
        step = due.step
        if action == "skip":
            changed, said = skip(step, today), "Skipped. It won't wait here any more."
        else:
            until = day if action == "snooze" and day is not None else None
            changed = snooze(step, until, today) if until else not_yet(step, today)
            said = describe_snooze(changed.snoozed_until or today, today)
        try:
            self._worksheets.save_plan(changed)
        except (errors.VaultError, KeyError) as exc:
            message = exc.message if isinstance(exc, errors.VaultError) else (
                "That step is no longer there.")
            self._show_problem(message)
            return
        self._undo = step
        self._load_steps(today)
        show_and_announce(self.step_feedback, said)
        self.feedback_row.show()
        self.undo_button.show()
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo_plan(self) -> None:
        if self._undo is None:
            return
        try:
            self._worksheets.save_plan(self._undo)
        except (errors.VaultError, KeyError):
            self._show_problem("The change couldn't be undone.")
            return
        self._undo = None
        self._load_steps(self._today())
        show_and_announce(self.step_feedback, "Undone: it is waiting again.")
        self.undo_button.hide()
        self.undo_button.clearFocus()
        if self.step_rows:
            self.step_rows[0].did_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- check-in -----------------------------------------------------------------------
    def _load_checkin(self, today: date) -> None:
        latest = self._journal.latest_on(today)
        shown = latest.checkin if latest is not None else None
        self.glance.setText(glance_text(shown))
        if not self._checkin_dirty:
            self.checkin.set_checkin(shown or CheckIn())
            self.checkin_state.setText("")
        first, last = month_of(today)
        self.month_line.setText(days_written_text(self._journal.days_written(first, last),
                                                  today))

    def _checkin_edited(self) -> None:
        self._checkin_dirty = True
        self.checkin_state.setText("Not saved yet")

    def save_checkin(self) -> None:
        """Save the ratings as today's check-in, saying where it went."""
        try:
            where = self._save_checkin()
        except errors.VaultError as exc:
            show_and_announce(self.checkin_state, f"Not saved: {exc.message}", assertive=True)
            return
        show_and_announce(self.checkin_state, where)

    def _save_checkin(self) -> str:
        """Into the last entry written today, as the Journal keeps check-ins; without
        one, a new entry holding only the check-in. Returns where it went."""
        ratings = self.checkin.checkin()
        today = self._today()
        latest = self._journal.latest_on(today)
        if latest is not None:
            entry = latest.edited(now=self._now, checkin=ratings)
            where = "Saved with today's entry."
        else:
            moment: datetime = self._now()
            entry = Entry.new(now=self._now, written_at=moment, checkin=ratings)
            where = "Saved as a check-in entry in your journal."
        if entry.is_blank:   # every rating cleared, nothing else in it
            if latest is not None:
                self._journal.save(entry)
            self._checkin_dirty = False
            self.glance.setText(glance_text(None))
            return "Cleared."
        self._journal.save(entry)
        self._checkin_dirty = False
        self.glance.setText(glance_text(ratings))
        first, last = month_of(today)
        self.month_line.setText(days_written_text(self._journal.days_written(first, last),
                                                  today))
        self.checkin_saved.emit(entry.id)
        return where

    # -- prompt, memories, reading -------------------------------------------------------
    def _guide_now(self) -> Guide:
        if self._guide is None:
            self._guide = load_guide()
        return self._guide

    def _load_prompt(self, today: date) -> None:
        prompt = prompt_for(today, self._guide_now())
        self.prompt_box.setVisible(prompt is not None)
        if prompt is not None:
            self.prompt_text.setText(prompt.text)
            self.prompt_source.setText(f"From the guide: {prompt.chapter_title}")

    def _load_memories(self, today: date) -> None:
        rows = self._journal.on_this_day(today, limit=ON_THIS_DAY_SHOWN)
        self._clear_memories()
        for row in rows:
            self._add_memory(row, today)
        self.memories_intro.setText(
            f"What you wrote on {today.day} {today:%B} in earlier years."
            if rows else f"Nothing from {today.day} {today:%B} in earlier years yet.")

    def _add_memory(self, row: EntryRow, today: date) -> None:
        years = today.year - row.written_at.year
        ago = "a year ago" if years == 1 else f"{years} years ago"
        heading = " ".join(row.heading.split())[:100] or "(untitled)"
        button = QPushButton(f"{ago} · {heading}")
        button.setProperty("role", "link")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(f"Open the entry from {short_date(row.written_at.date())}: "
                                 f"{ago} · {heading}")
        button.setToolTip(f"Open it in the Journal ({long_date(row.written_at.date())})")
        button.clicked.connect(lambda _=False, entry_id=row.id:
                               self.entry_requested.emit(entry_id))
        self.memories_list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.memory_buttons.append(button)

    def _clear_memories(self) -> None:
        for button in self.memory_buttons:
            button.hide()
            button.deleteLater()
        self.memory_buttons = []

    def _load_reading(self) -> None:
        guide = self._guide_now()
        progress = GuideProgress(self._settings, guide)
        try:
            chapter = continue_chapter(guide, progress.position(), progress.read_ids())
        except errors.VaultError:
            chapter = None
        if chapter is None:
            self.reading_text.setText("You have read every chapter of the guide.")
            self.continue_button.hide()
            return
        self.reading_text.setText(f"Chapter {chapter.number}: {chapter.title} · "
                                  f"about {chapter.minutes} minutes")
        self.continue_button.show()

    def _show_problem(self, message: str) -> None:
        show_and_announce(self.problem, message, assertive=True)
        self.problem.setVisible(bool(message))
