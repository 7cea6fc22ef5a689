"""Every date the window shows or edits is in one of the two styles from
domain/dates.py: short in lists, tables and fields, long in headings."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from trustdesk.domain import dates
from trustdesk.domain.journal import Entry, row_of
from trustdesk.ui.journal.list_delegate import row_date
from trustdesk.ui.journal.list_model import spoken
from trustdesk.ui.settings.backups import last_backup_text

PATTERNS = {dates.SHORT_DATE_PATTERN, dates.SHORT_DATE_TIME_PATTERN}  # fields: short


def _all_date_edits(window) -> list[QDateTimeEdit]:
    for key in ("journal", "worksheets", "progress"):
        window.workspace.show_page(key)
    sheets = window.workspace.show_page("worksheets")
    sheets.start_worksheet(None)                 # its steps are built when first shown
    for step in range(8):
        sheets.form.go_to(step)
    return window.findChildren(QDateTimeEdit)


def test_every_date_field_uses_a_pattern_from_the_one_helper(qtbot, unlocked):
    edits = _all_date_edits(unlocked)
    assert any(isinstance(e, QDateEdit) for e in edits)
    assert any(type(e) is QDateTimeEdit for e in edits)
    formats = {e.displayFormat() for e in edits}
    assert formats <= PATTERNS, formats - PATTERNS


def test_date_fields_show_the_same_text_as_the_helper(qtbot, unlocked):
    moment = datetime(2026, 12, 6, 14, 5)
    for edit in _all_date_edits(unlocked):
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2100, 1, 1))
        edit.setDateTime(QDateTime(QDate(2026, 12, 6), QTime(14, 5)))
        expected = {dates.SHORT_DATE_PATTERN: dates.short_date(moment),
                    dates.SHORT_DATE_TIME_PATTERN: dates.short_date_time(moment)
                    }[edit.displayFormat()]
        assert edit.text() == expected


def test_a_journal_row_shows_the_short_style_and_speaks_the_long_one(qapp):
    entry = Entry.new(written_at=datetime(2025, 3, 2, 9, 5), body="A good walk")
    row = row_of(entry)
    assert spoken(row) == "A good walk. Sunday 2 March 2025, 09:05."
    assert row_date(row, today=date(2026, 12, 6)) == "2 Mar 2025"
    assert row_date(row, today=date(2025, 12, 6)) == "Sun 2 Mar"


def test_the_last_backup_line_uses_the_long_style(qapp):
    made = datetime(2025, 3, 2, 9, 5)
    assert last_backup_text(made, now=datetime(2025, 3, 20)) == (
        "Last backup: on Sunday 2 March 2025 at 09:05.")


def test_the_restore_list_is_short_and_its_question_long(qapp):
    from pathlib import Path

    from trustdesk.storage.backups.folder import BackupInfo
    from trustdesk.ui.restore_dialog import when_text

    info = BackupInfo(Path("x.trustdesk"), datetime(2025, 3, 2, 9, 5), "daily")
    assert when_text(info) == "2 Mar 2025, 09:05"


def test_deleting_a_worksheet_asks_with_the_long_date(qtbot, unlocked):
    from trustdesk.domain.worksheet import Worksheet
    from trustdesk.ui import dialogs

    unlocked.session.store.worksheets.save(
        Worksheet(id="w1", happened_on=date(2025, 3, 2), thought="They'll leave."))
    page = unlocked.workspace.show_page("worksheets")
    page.load()
    with dialogs.answering(lambda question: "Keep it") as asked:
        page.delete_worksheet("w1")
    assert "from Sunday 2 March 2025" in asked[0].text
