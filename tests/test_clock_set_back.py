"""A computer's clock set back more than a year (a dead clock battery, a clock that
ran ahead and was corrected) must not make the journal unreadable: dates are
checked when a person sets or imports them, never when stored records are read.

The records are written by a real process whose clock runs 400 days ahead
(`faketime`), then read by this one, with today's clock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.domain.exchange.codec import ImportProblem, decode
from trustdesk.domain.journal import Entry
from trustdesk.domain.period import Period
from trustdesk.domain.text import InvalidRecord
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.storage.store import JournalFolder

ROOT = Path(__file__).resolve().parents[1]
AHEAD_DAYS = 400

WRITER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from datetime import datetime, timedelta
    from pathlib import Path
    from trustdesk.domain.journal import CheckIn, Entry
    from trustdesk.domain.worksheet import SmallStep, Worksheet
    from trustdesk.storage.store import JournalFolder

    store = JournalFolder(Path(sys.argv[1])).unlock(sys.argv[2])
    now = datetime.now().replace(microsecond=0)
    store.journal.save(Entry.new(title="Written on a clock ahead", body="ahead words",
                                 checkin=CheckIn(6, 5, 7), tags=("clock",)))
    store.journal.save(Entry.new(written_at=now + timedelta(days=300),
                                 body="dated even further ahead"))
    sheet = Worksheet.new(category="rejection")
    sheet = replace(sheet, thought="They will leave.", belief_before=70,
                    step=SmallStep(id="step-1", text="Ask", due=now.date() + timedelta(days=30)))
    store.worksheets.save(sheet)
    print(now.date().isoformat())
    store.close()
""")


@pytest.fixture(scope="module")
def ahead_journal(tmp_path_factory, template_vault) -> Path:
    """A journal written by a process whose clock ran AHEAD_DAYS ahead (kept closed;
    tests copy it)."""
    if shutil.which("faketime") is None:
        pytest.skip("needs faketime (Debian package faketime) to run a process on "
                    "another clock")
    folder = tmp_path_factory.mktemp("ahead") / "data"
    folder.mkdir(mode=0o700)
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(["faketime", "-f", f"+{AHEAD_DAYS}d", sys.executable, "-c", WRITER,
                             str(folder), PASSPHRASE], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    their_today = date.fromisoformat(result.stdout.strip())
    assert their_today >= date.today() + timedelta(days=AHEAD_DAYS - 1), "faketime had no effect"
    return folder


@pytest.fixture
def store(ahead_journal, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ahead_journal, folder)
    opened = JournalFolder(folder).unlock(PASSPHRASE)
    yield opened
    opened.close()


def test_every_entry_opens_with_todays_clock(store):
    entries = store.journal.entries_between(None, None)
    assert sorted(entry.body for entry in entries) == ["ahead words", "dated even further ahead"]
    latest = max(entry.written_at for entry in entries)
    assert latest.date() > date.today() + timedelta(days=AHEAD_DAYS + 299)
    for entry in entries:
        assert store.journal.get(entry.id) == entry
    assert len(store.journal.search("ahead")) == 2
    assert store.worksheets.all_worksheets()[0].step.text == "Ask"


def test_export_and_summary_work_with_todays_clock(store, tmp_path):
    assert store.exchange.export_json(tmp_path / "all.json").entries == 2
    exported = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert len(exported["journal"]) == 2 and len(exported["worksheets"]) == 1
    store.exchange.export_markdown(tmp_path / "markdown")
    assert len(list((tmp_path / "markdown").iterdir())) == 2

    all_time = ProgressSource.from_store(store).summary(Period("all_time"), date.today())
    assert all_time.activity.entries == 2
    assert all_time.checkins.checkins == 1
    assert all_time.activity.worksheets == 1
    assert len(ProgressSource.from_store(store).excerpts(all_time)) == 2


def test_an_unchanged_date_is_carried_over_when_an_entry_is_edited(store):
    """Editing the words of an entry dated beyond today's limit saves; only a date a
    person sets now is checked."""
    far = max(store.journal.entries_between(None, None), key=lambda entry: entry.written_at)
    store.journal.save(far.edited(body="edited with today's clock"))
    assert store.journal.get(far.id).body == "edited with today's clock"
    with pytest.raises(InvalidRecord, match="The entry's date must be between 1900 and"):
        far.edited(written_at=far.written_at - timedelta(days=1))
    sheet = store.worksheets.all_worksheets()[0]
    store.worksheets.save(sheet)  # its step's date, now far ahead, is carried over


def test_a_date_set_now_is_still_checked_when_written(store):
    entry = Entry(id="new-one", written_at=datetime.now() + timedelta(days=800), body="x")
    with pytest.raises(InvalidRecord, match="The entry's date must be between 1900 and"):
        store.journal.save(entry)
    with pytest.raises(InvalidRecord):
        Entry.new(written_at=datetime(2999, 1, 1))


@pytest.mark.slow
def test_the_command_line_exports_and_summarises(ahead_journal, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ahead_journal, folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for args in (["check"], ["export", "--output", str(tmp_path / "x.json")],
                 ["summary", "--output", str(tmp_path / "s.pdf")]):
        result = subprocess.run([sys.executable, "-m", "trustdesk", "--data-dir", str(folder),
                                 *args], input=PASSPHRASE + "\n", capture_output=True,
                                text=True, env=env, timeout=120)
        assert result.returncode == 0, (args, result.stderr)


def test_an_import_refuses_a_far_future_updated_at():
    """`updated_at` decides which copy wins a merge: one from the year 9999 would win
    every merge forever, so an import file can't carry it."""
    doc = {"format": "trustdesk", "version": 1, "exported_at": "2024-06-01T10:00:00",
           "journal": [
        {"id": "e1", "written_at": "2024-05-01T21:30:00",
         "updated_at": "9999-01-01T00:00:00", "body": "Words."}]}
    with pytest.raises(ImportProblem, match="updated_at must be between 1900 and"):
        decode(json.dumps(doc).encode())


@pytest.mark.slow
def test_the_editor_keeps_a_date_beyond_todays_limit(qtbot, ahead_journal, tmp_path):
    """The date field used to clamp such a date to today's limit, and the next
    autosave moved the entry."""
    from PySide6.QtGui import QTextCursor

    from tests.ui.conftest import open_window, unlock
    from tests.ui.journal_helpers import click_row, journal_of, wait_saved

    folder = tmp_path / "data"
    shutil.copytree(ahead_journal, folder)
    window = open_window(qtbot, folder)
    try:
        unlock(qtbot, window)
        page = journal_of(window)
        assert window.session.store is not None
        journal = window.session.store.journal
        before = max(entry.written_at for entry in journal.entries_between(None, None))
        click_row(qtbot, page, 0)  # newest first: the one dated furthest ahead
        page.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(page.editor.body, " and more")
        wait_saved(qtbot, page)
        stored = max(window.session.store.journal.entries_between(None, None),
                     key=lambda entry: entry.written_at)
        assert stored.body == "dated even further ahead and more"
        assert stored.written_at == before
    finally:
        window.close()
