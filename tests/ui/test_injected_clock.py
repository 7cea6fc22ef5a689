"""Pages count dates from the clock they are given, never from the computer's
date directly: the worksheet's steps and the journal's new entries."""

from __future__ import annotations

from datetime import date, datetime

from trustdesk.domain import worksheet_texts
from trustdesk.domain.worksheet import Worksheet
from trustdesk.ui.journal.page import JournalPage
from trustdesk.ui.worksheets.form import SMALL_STEP, WorksheetForm
from trustdesk.ui.worksheets.step_base import from_qdate

DAY = date(2020, 2, 27)  # a week later crosses into March of a leap year


def test_the_worksheet_steps_offer_dates_from_the_given_day(qtbot):
    form = WorksheetForm(worksheet_texts.load(), today=lambda: DAY)
    qtbot.addWidget(form)
    form.open(Worksheet.new(today=DAY), step=SMALL_STEP)
    situation, small_step = form.steps[0], form.steps[SMALL_STEP]
    assert from_qdate(situation.when.date()) == DAY
    assert from_qdate(situation.when.maximumDate()) == DAY  # not the computer's today
    assert from_qdate(small_step.due.date()) == date(2020, 3, 5)
    small_step.clear()
    assert from_qdate(small_step.due.date()) == DAY


def test_a_journal_entry_is_dated_and_stamped_by_the_page_clock(qtbot, store):
    moment = datetime(2021, 6, 1, 9, 30)
    page = JournalPage(store.journal, now=lambda: moment)
    qtbot.addWidget(page)
    page.load()
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Written on a given day.")
    page.save_now()
    (entry,) = store.journal.entries_between(None, None)
    assert entry.written_at == moment and entry.updated_at == moment
