"""The saver's one promise: an older write never overwrites newer words, and a
deleted entry is never brought back by a save that was still queued."""

from __future__ import annotations

from trustdesk.domain.journal import Entry
from trustdesk.ui.journal.saver import EntrySaver


def test_an_older_revision_never_overwrites_a_newer_one(store):
    saver = EntrySaver(store.journal)
    entry = Entry.new(body="first")
    newer = entry.edited(body="newer words")
    assert saver.save_now(2, newer) is True
    assert saver.save_now(1, entry) is False
    assert saver.save_now(2, entry) is False
    assert store.journal.get(entry.id).body == "newer words"


def test_a_queued_save_cannot_bring_back_a_deleted_entry(qtbot, store):
    saver = EntrySaver(store.journal)
    entry = Entry.new(body="to be deleted")
    saver.save_now(1, entry)
    assert saver.delete(entry.id) == entry
    results: list[bool] = []
    task = saver.save_later(2, entry.edited(body="late"), on_done=results.append,
                            on_failed=lambda exc: results.append(exc))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [False] and task.error is None
    assert store.journal.get(entry.id) is None
    saver.restore(3, entry)  # undo
    assert store.journal.get(entry.id) == entry
    assert saver.save_now(4, entry.edited(body="after undo")) is True


def test_background_saves_write_and_closing_refuses_more(qtbot, store):
    saver = EntrySaver(store.journal)
    entry = Entry.new(body="in the background")
    results: list[bool] = []
    saver.save_later(1, entry, on_done=results.append, on_failed=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [True] and store.journal.get(entry.id) == entry
    saver.close()
    assert saver.save_now(2, entry.edited(body="after lock")) is False
    assert store.journal.get(entry.id).body == "in the background"
