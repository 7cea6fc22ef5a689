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

from datetime import date, datetime, time, timedelta
from typing import override

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustdesk.domain import clock
from trustdesk.domain.dates import long_date
from trustdesk.domain.guide.chapters import Guide, load_guide
from trustdesk.domain.guide.progress import SettingsStore
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.steps import not_yet, skip, snooze
from trustdesk.domain.today import days_written_text, month_of, steps_waiting_text
from trustdesk.domain.worksheet import DueStep, SmallStep
from trustdesk.storage import errors
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.worksheet_repo import WorksheetRepository
from trustdesk.ui.journal.rating import CheckInPanel
from trustdesk.ui.page import Page
from trustdesk.ui.today.more import MoreSections, section
from trustdesk.ui.today.steps import StepRow, describe_snooze
from trustdesk.ui.widgets.after_paint import after_first_paint
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.column import FORM_WIDTH, page_column
from trustdesk.ui.widgets.labels import text_label

MIDNIGHT_CHECK_MS = 60_000   # at the latest; the day's end is also waited for exactly


def glance_text(checkin: CheckIn | None) -> str:
    """Today's check-in in one line, or that there is none yet."""
    if checkin is None or checkin.is_empty:
        return "No check-in yet today."

    def said(value: int | None) -> str:
        return "not rated" if value is None else f"{value} of 10"

    return (f"Today so far: mood {said(checkin.mood)}, trust in others "
            f"{said(checkin.trust_others)}, trust in myself {said(checkin.trust_self)}.")


class TodayPage(Page):
    """See the module docstring. `today` and `now` are the clock (injectable).

    Quick to show after unlocking (issue 16: painted within 50 ms on ten years):
    its widgets are made on the first `load()`, when the workspace has already
    put the page in its place (a widget moved under a new parent after its
    children costs Qt a style pass over all of them, ~10 ms for this page), and
    only what the first frame shows (the date, the waiting steps, the check-in)
    comes before that frame; the prompt, On this day and Continue reading
    (`more`) follow on the next turn of the event loop.

    The page follows the date: at midnight (by its clock) it reads everything
    for the new day if it is showing, or counts the waiting steps again if not."""

    follow_up_requested = Signal(str)
    write_requested = Signal(str)
    entry_requested = Signal(str)
    continue_requested = Signal()
    due_count_changed = Signal(int)
    checkin_saved = Signal(str)          # the entry's id
    completed = Signal()                 # every section is built (see `more`)

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
        self._built = False
        self._more: MoreSections | None = None
        self._links = {"writing": True, "reading": True}
        self._shown_on: date | None = None     # the day the page last read for
        self.step_rows: list[StepRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setSpacing(16)
        layout.addWidget(page_column(self._body, FORM_WIDTH))
        self._day_timer = QTimer(self)
        self._day_timer.setSingleShot(True)
        self._day_timer.timeout.connect(self._check_day)

    def _build(self) -> None:
        """The date, the waiting steps and the check-in: what the first frame shows."""
        self._built = True
        body, column = self._body, self._column
        self.title = text_label("Today", "title")
        column.addWidget(self.title)
        self.date_line = text_label("", "intro")
        column.addWidget(self.date_line)
        self.problem = text_label("", "problem")
        self.problem.hide()
        column.addWidget(self.problem)

        self.steps_box, steps = section("Small steps waiting", body, column)
        self.steps_intro = text_label("", "muted")
        steps.addWidget(self.steps_intro)
        self.steps_list = QVBoxLayout()
        self.steps_list.setSpacing(8)
        steps.addLayout(self.steps_list)
        self.feedback_row = QWidget(self.steps_box)
        steps.addWidget(self.feedback_row)
        feedback = QHBoxLayout(self.feedback_row)
        feedback.setContentsMargins(0, 4, 0, 0)
        self.step_feedback = text_label("", "note")
        feedback.addWidget(self.step_feedback, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo the last change to a small step")
        self.undo_button.clicked.connect(self._undo_plan)
        feedback.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.feedback_row.hide()

        self.checkin_box, checkin = section("Check-in", body, column)
        self.glance = text_label("", None)
        checkin.addWidget(self.glance)
        self.checkin = CheckInPanel(parent=self.checkin_box)
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
        column.addStretch(1)

        self.checkin.changed.connect(self._checkin_edited)
        self.save_checkin_button.clicked.connect(self.save_checkin)

    @property
    def more(self) -> MoreSections:
        """The prompt, On this day and Continue reading, built (and read for the
        day shown) now if they weren't yet."""
        if self._more is None:
            if not self._built:
                self._build()
            more = self._more = MoreSections(self._journal, self._settings, self._guide_now(),
                                             self._body)
            self._column.insertWidget(self._column.count() - 1, more)  # above the stretch
            more.write_requested.connect(self.write_requested)
            more.entry_requested.connect(self.entry_requested)
            more.continue_requested.connect(self.continue_requested)
            more.set_links(**self._links)
            more.show()     # now, not on Qt's next turn: it may be used at once
            if self._shown_on is not None:
                self._load_more(self._shown_on)
            self.completed.emit()
        return self._more

    def is_complete(self) -> bool:
        """True once every section is built (the lower ones come after a paint)."""
        return self._more is not None

    def set_links(self, *, writing: bool, reading: bool) -> None:
        """Whether "Write about this" and "Continue reading" have a page to go to."""
        self._links = {"writing": writing, "reading": reading}
        if self._more is not None:
            self._more.set_links(writing=writing, reading=reading)

    def _build_more_soon(self) -> None:
        if self._more is None:
            _ = self.more

    # -- the Page protocol -----------------------------------------------------------
    @override
    def load(self) -> None:
        """Read everything afresh for today's date (the lower sections after the
        first paint, the first time)."""
        if not self._built:
            self._build()
        today = self._shown_on = self._today()
        self.date_line.setText(long_date(today))
        self._show_problem("")
        try:
            self._load_steps(today)
            self._load_checkin(today)
        except errors.VaultError as exc:
            self._show_problem(exc.message)
        if self._more is not None:
            self._load_more(today)
        else:
            after_first_paint(self._body, self._build_more_soon)
        self._wait_for_midnight()

    def _load_more(self, today: date) -> None:
        problem = self.more.load(today)
        if problem:
            self._show_problem(problem)

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
        self._day_timer.stop()
        self._due, self._undo, self._checkin_dirty = [], None, False
        self._shown_on = None
        if self._more is not None:
            self._more.clear()
        if not self._built:
            return
        self._clear_rows()
        self.checkin.set_checkin(CheckIn())
        for label in (self.glance, self.checkin_state, self.month_line,
                      self.steps_intro, self.step_feedback, self.date_line):
            label.setText("")
        self.feedback_row.hide()

    # -- the date -------------------------------------------------------------------------
    def _wait_for_midnight(self) -> None:
        """Look at the date again just after the day shown ends by the page's clock,
        and at least every minute (a computer that slept, a clock put forward)."""
        moment = self._now()
        midnight = datetime.combine(moment.date() + timedelta(days=1), time())
        wait_ms = (midnight - moment).total_seconds() * 1000 + 50
        self._day_timer.start(int(min(max(wait_ms, 50), MIDNIGHT_CHECK_MS)))

    def _check_day(self) -> None:
        """A new day: read it all afresh if the page is showing (an unsaved check-in
        keeps its ratings), else only count the steps now waiting for the sidebar;
        the page reads everything when it is next shown."""
        if self._shown_on is None:
            return
        if self._today() != self._shown_on:
            if self.isVisible():
                self.load()
                return
            self.refresh_count()
        self._wait_for_midnight()

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
            row = StepRow(due, today, parent=self.steps_box)
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

    # -- the guide -----------------------------------------------------------------------
    def _guide_now(self) -> Guide:
        if self._guide is None:
            self._guide = load_guide()
        return self._guide

    def _show_problem(self, message: str) -> None:
        show_and_announce(self.problem, message, assertive=True)
        self.problem.setVisible(bool(message))
