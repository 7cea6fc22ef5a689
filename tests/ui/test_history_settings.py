"""Entry history's settings and expiry with real widgets and a real journal: how
long versions are kept (30 days unless changed), turning history off deletes every
version (after asking), a shorter time deletes the older ones, and the session
deletes expired versions after unlocking (by the clock it is given) and hourly."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import PASSPHRASE
from tests.ui.test_session import settle
from trustdesk.domain.journal import Entry
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import dialogs
from trustdesk.ui.settings.history import HistorySection
from trustdesk.ui.shell.session import Session

T0 = datetime(2026, 10, 1, 20, 0)


def with_versions(repo: JournalRepository, days: int) -> Entry:
    """An entry edited once a day for `days` days: one version kept each day."""
    entry = Entry.new(body="Day 0.", written_at=T0, now=lambda: T0)
    repo.save(entry)
    for day in range(1, days + 1):
        when = T0 + timedelta(days=day)
        entry = entry.edited(body=f"Day {day}.", now=lambda when=when: when)
        repo.save(entry, session_start=when)
    return entry


def section(qtbot, store, now: datetime) -> HistorySection:
    widget = HistorySection(store.journal.history, now=lambda: now)
    qtbot.addWidget(widget)
    widget.load()
    return widget


def choose(qtbot, widget: HistorySection, days: int) -> None:
    widget.keep_box.setCurrentIndex(widget.keep_box.findData(days))
    if widget.task is not None:
        qtbot.waitUntil(lambda: widget.task is None, timeout=10000)


def test_turning_history_off_asks_then_deletes_every_version(qtbot, store):
    with_versions(store.journal, 5)
    widget = section(qtbot, store, T0 + timedelta(days=6))
    assert widget.keep_box.currentText() == "For 30 days"
    with dialogs.answering(lambda question: "Keep them") as asked:
        choose(qtbot, widget, 0)
    assert asked[0].text.startswith("The 5 earlier versions TrustDesk keeps now")
    assert store.journal.history.count() == 5 and widget.keep_box.currentData() == 30
    with dialogs.answering(lambda question: "Delete and stop"):
        choose(qtbot, widget, 0)
    assert store.journal.history.count() == 0
    assert store.settings.load_app_settings().history_days == 0
    assert widget.status.text() == "Entry history is off. Deleted 5 earlier versions."


def test_a_shorter_time_deletes_only_the_older_versions(qtbot, store):
    with_versions(store.journal, 20)
    widget = section(qtbot, store, T0 + timedelta(days=20, hours=1))
    with dialogs.answering(lambda question: "Delete older versions") as asked:
        choose(qtbot, widget, 7)
    assert asked[0].text == "13 earlier versions older than that will be deleted now."
    assert store.journal.history.count() == 7
    assert widget.status.text() == "Deleted 13 earlier versions."
    with dialogs.answering(lambda question: None) as asked:      # longer: nothing to ask
        choose(qtbot, widget, 90)
    assert asked == [] and widget.status.text() == "Earlier versions are kept for 90 days."


def test_unlocking_deletes_versions_past_their_days(qtbot, data_dir):
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    entry = with_versions(store.journal, 40)
    store.close()
    later = T0 + timedelta(days=40, hours=1)
    session = Session(JournalFolder(data_dir), now=lambda: later)
    session.start()
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        session.request_unlock(PASSPHRASE)
    settle(qtbot, session)
    history = session.store.journal.history
    assert history.count() == 30
    assert min(row.kept_at for row in history.versions(entry.id)) > later - timedelta(days=30)
    # And hourly while unlocked: ten more days later, ten more have gone.
    session._now = lambda: later + timedelta(days=10)
    task = session.prune_history()
    qtbot.waitUntil(lambda: task.result is not None or task.error is not None, timeout=10000)
    assert task.result == 10 and history.count() == 20
    assert session.close()
