"""The Worksheets page: the list, the guided form and the follow-up, and the one
place that talks to the worksheet repository.

Threading: everything runs on the UI thread; each repository call is a single
small query or transaction (about a millisecond, see the report in the README)."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from trustdesk.domain import clock, worksheet_texts
from trustdesk.domain.clock import Today
from trustdesk.domain.dates import long_date
from trustdesk.domain.worksheet import DueStep, Worksheet
from trustdesk.domain.worksheet_texts import WorksheetTexts
from trustdesk.storage import errors
from trustdesk.storage.worksheet_repo import WorksheetRepository
from trustdesk.ui import dialogs
from trustdesk.ui.page import Page
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.worksheets.autosave import Autosaver
from trustdesk.ui.worksheets.followup import FollowUpPanel
from trustdesk.ui.worksheets.form import OVERVIEW, WorksheetForm
from trustdesk.ui.worksheets.list_view import WorksheetListView
from trustdesk.ui.worksheets.overview import MISSING_STEP
from trustdesk.ui.worksheets.table_model import one_line

STATE_WORDS = {"unsaved": "", "saving": "Saving…", "saved": "Saved",
               "failed": "Not saved yet"}


class WorksheetsPage(Page):
    """Owns the repository calls for worksheets. `start_worksheet(category)` opens a
    new sheet with that fear chosen (the Guide asks for this)."""

    def __init__(self, repo: WorksheetRepository, *, texts: WorksheetTexts | None = None,
                 today: Today = clock.today) -> None:
        super().__init__()
        self.setObjectName("WorksheetsPage")
        self._repo = repo
        self._today = today
        self.texts = texts or worksheet_texts.load()
        self._follow_up_from_form = False

        self.list_view = WorksheetListView(self.texts)
        self.form = WorksheetForm(self.texts, today)
        self.follow_up = FollowUpPanel(self.texts)
        self.stack = QStackedWidget()
        for view in (self.list_view, self.form, self.follow_up):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.form_saver = Autosaver(self._save_form, parent=self)
        self.follow_up_saver = Autosaver(self._save_follow_up, parent=self)
        self._wire()

    def _wire(self) -> None:
        lv, form, fu = self.list_view, self.form, self.follow_up
        lv.new_requested.connect(lambda: self.start_worksheet(None))
        lv.open_requested.connect(self.open_worksheet)
        lv.edit_requested.connect(lambda sheet_id: self.open_worksheet(sheet_id, step=0))
        lv.duplicate_requested.connect(self.duplicate_worksheet)
        lv.delete_requested.connect(self.delete_worksheet)
        lv.follow_up_requested.connect(self.open_follow_up)
        lv.filters_changed.connect(self.refresh)
        form.edited.connect(self.form_saver.touch)
        form.close_requested.connect(self.close_form)
        form.follow_up_requested.connect(self._follow_up_from_overview)
        fu.edited.connect(self.follow_up_saver.touch)
        fu.done_requested.connect(self.close_follow_up)
        fu.close_requested.connect(self.close_follow_up)
        for saver, view in ((self.form_saver, form), (self.follow_up_saver, fu)):
            saver.state_changed.connect(lambda state, v=view: self._show_state(v, state))
            saver.problem.connect(view.show_problem)
        new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(lambda: self.start_worksheet(None))

    # -- the Page protocol -------------------------------------------------------
    @override
    def load(self) -> None:
        if self.stack.currentWidget() is self.list_view:
            self.refresh()

    @override
    def flush(self) -> None:
        """Save what is pending. Raises a VaultError when it can't; the words stay in
        the form and saving keeps retrying."""
        self.form_saver.flush()
        self.follow_up_saver.flush()

    @override
    def has_unsaved_changes(self) -> bool:
        return self.form_saver.dirty or self.follow_up_saver.dirty

    @override
    def clear_sensitive(self) -> None:
        self.form_saver.forget()
        self.follow_up_saver.forget()
        self.form.clear()
        self.follow_up.clear()
        self.list_view.clear()
        self.stack.setCurrentWidget(self.list_view)

    # -- public actions ------------------------------------------------------------
    def start_worksheet(self, category: str | None = None) -> None:
        """Open a new, unsaved worksheet with `category` chosen (None: not chosen).
        It is saved as soon as the person writes or picks anything."""
        if not self._leave_current():
            return
        sheet = Worksheet.new(category=category, today=self._today())
        self._show_form(sheet, step=0)

    def open_worksheet(self, worksheet_id: str, step: int | None = None) -> None:
        """Open a sheet: a finished one at its overview, a draft where it needs work
        next, or at `step` when given."""
        if not self._leave_current():
            return
        sheet = self._read(lambda: self._repo.get(worksheet_id))
        if sheet is None:
            self.refresh()
            return
        if step is None:
            missing = sheet.missing_for_completion()
            step = min((MISSING_STEP[key] for key in missing), default=OVERVIEW)
        self._show_form(sheet, step=step)

    def duplicate_worksheet(self, worksheet_id: str) -> None:
        copy = self._read(lambda: self._repo.duplicate(worksheet_id, today=self._today()))
        if copy is not None:
            self._show_form(copy, step=0)

    def delete_worksheet(self, worksheet_id: str) -> None:
        row = next((r for r in self._read(lambda: self._repo.rows(today=self._today())) or []
                    if r.id == worksheet_id), None)
        if row is None:
            return
        thought = one_line(row.thought, 90)
        answer = dialogs.ask(
            self, title="Delete this worksheet?",
            text=(f"The worksheet from {long_date(row.happened_on)}"
                  + (f", “{thought}”," if thought else "")
                  + " and its small step will be deleted for good."),
            details="This can't be undone. Your other worksheets are not affected.",
            choices=("Keep it", "Delete"), default=0, cancel=0, destructive=1)
        if answer != "Delete":
            return
        try:
            self._repo.delete(worksheet_id)
        except errors.VaultError as exc:
            self.list_view.show_problem(exc.message)
            return
        self.refresh()

    def open_follow_up(self, step_id: str) -> None:
        due = next((d for d in self._read(lambda: self._repo.follow_ups_due(self._today()))
                    or [] if d.step.id == step_id), None)
        if due is not None and self._leave_current():
            self._follow_up_from_form = False
            self._show_follow_up(due)

    def close_form(self) -> None:
        """Save and go back to the list (stays, with the reason shown, if saving fails)."""
        if not self._leave_current():
            return
        shown = self.form.sheet_id
        self.form.clear()
        self.stack.setCurrentWidget(self.list_view)
        self.refresh(select=shown)
        self.list_view.table.setFocus()

    def close_follow_up(self) -> None:
        try:
            self.follow_up_saver.flush()
        except errors.VaultError:
            return
        step = self.follow_up.current_step(self._today())
        self.follow_up.clear()
        if self._follow_up_from_form:
            self.form.take_follow_up(step)
            self.stack.setCurrentWidget(self.form)
            self.form.go_to(OVERVIEW)
        else:
            self.stack.setCurrentWidget(self.list_view)
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        category, status = self.list_view.filters()
        today = self._today()
        try:
            rows = self._repo.rows(today=today, category=category, status=status)
            total = self._repo.count()
            due = self._repo.follow_ups_due(today)
        except errors.VaultError as exc:
            self.list_view.show_problem(exc.message)
            return
        self.list_view.show_problem("")
        self.list_view.show_rows(rows, today, total=total, select=select)
        self.list_view.show_due(due)

    # -- internals -------------------------------------------------------------------
    def _show_form(self, sheet: Worksheet, *, step: int) -> None:
        self.form_saver.forget()
        self.form.open(sheet, step=step)
        self.form.show_save_state("")
        self.stack.setCurrentWidget(self.form)
        self.form.go_to(step)  # again, now visible, so focus lands in the step

    def _show_follow_up(self, due: DueStep) -> None:
        self.follow_up_saver.forget()
        self.follow_up.open(due)
        self.stack.setCurrentWidget(self.follow_up)
        self.follow_up.what.setFocus()

    def _follow_up_from_overview(self) -> None:
        if not self._leave_current(keep_form=True):
            return
        sheet = self.form.current_sheet()
        if sheet.step is None:
            return
        self._follow_up_from_form = True
        self._show_follow_up(DueStep(step=sheet.step, thought=sheet.thought,
                                     category=sheet.category, happened_on=sheet.happened_on,
                                     verdict=sheet.verdict,
                                     belief_before=sheet.belief_before))

    def _leave_current(self, *, keep_form: bool = False) -> bool:
        """Save whatever is open. False (with the reason shown inline) if it can't."""
        try:
            self.flush()
        except errors.VaultError:
            return False
        if not keep_form and self.stack.currentWidget() is self.follow_up:
            self.follow_up.clear()
        return True

    def _save_form(self) -> None:
        sheet = self.form.current_sheet()
        self.form.saved(self._repo.save(sheet))

    def _save_follow_up(self) -> None:
        step = self.follow_up.current_step(self._today())
        self.follow_up.saved(self._repo.save_follow_up(step))

    def _read(self, fetch):
        try:
            return fetch()
        except errors.VaultError as exc:
            self.list_view.show_problem(exc.message)
            if self.stack.currentWidget() is not self.list_view:
                self.stack.currentWidget().show_problem(exc.message)
            return None

    def _show_state(self, view, state: str) -> None:
        words = STATE_WORDS[state]
        if state in ("saved", "failed"):
            show_and_announce(view.save_state, words, assertive=state == "failed")
        else:
            view.save_state.setText(words)
        if state != "unsaved":
            self.status_changed.emit({"saving": "saving…", "saved": "saved",
                                      "failed": "not saved yet"}[state])
