"""Read marks and the reading position live in the vault's settings and survive a
lock; damaged stored values are ignored."""

from __future__ import annotations

from tests.conftest import PASSPHRASE
from trustdesk.domain.guide.chapters import load_guide
from trustdesk.domain.guide.progress import (
    POSITION_KEY,
    READ_KEY,
    GuideProgress,
    ReadingPosition,
    progress_text,
    reading_progress,
)
from trustdesk.storage.store import JournalFolder

GUIDE = load_guide()


def test_a_new_journal_has_read_nothing(store):
    assert reading_progress(store.settings) == (0, 9)
    assert GuideProgress(store.settings, GUIDE).position() is None


def test_marks_and_position_survive_locking(store, data_dir):
    progress = GuideProgress(store.settings, GUIDE)
    assert progress.mark_read(GUIDE.ids()[2]) is True
    assert progress.mark_read(GUIDE.ids()[0]) is True
    assert progress.mark_read(GUIDE.ids()[0]) is False, "marking twice changes nothing"
    progress.save_position(ReadingPosition(GUIDE.ids()[2], anchor=1234))
    store.close()

    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        again = GuideProgress(reopened.settings, GUIDE)
        assert again.read_ids() == {GUIDE.ids()[0], GUIDE.ids()[2]}
        assert again.counts() == (2, 9) == reading_progress(reopened.settings)
        assert again.position() == ReadingPosition(GUIDE.ids()[2], 1234, True)
        assert reopened.settings.get(READ_KEY) == [GUIDE.ids()[0], GUIDE.ids()[2]]
    finally:
        reopened.close()


def test_the_safety_note_and_unknown_ids_never_count_as_chapters(store):
    progress = GuideProgress(store.settings, GUIDE)
    assert progress.mark_read("safety") is False
    assert progress.mark_read("42-gone") is False
    store.settings.set(READ_KEY, ["safety", "42-gone", GUIDE.ids()[1], 7, None])
    assert reading_progress(store.settings) == (1, 9)


def test_damaged_stored_values_are_ignored(store):
    store.settings.set(READ_KEY, "everything")
    store.settings.set(POSITION_KEY, ["not", "a", "position"])
    progress = GuideProgress(store.settings, GUIDE)
    assert progress.counts() == (0, 9)
    assert progress.position() is None
    store.settings.set(POSITION_KEY, {"chapter": "99-gone", "anchor": 3})
    assert progress.position() is None
    store.settings.set(POSITION_KEY, {"chapter": "safety", "anchor": -5, "open": False})
    assert progress.position() == ReadingPosition("safety", 0, False)


def test_reload_reads_marks_written_elsewhere(store):
    progress = GuideProgress(store.settings, GUIDE)
    assert progress.counts() == (0, 9)
    store.settings.set(READ_KEY, list(GUIDE.ids()))
    assert progress.counts() == (0, 9), "cached until reloaded"
    progress.reload()
    assert progress.counts() == (9, 9)


def test_progress_is_said_in_words():
    assert progress_text(4, 9) == "4 of 9 chapters read"
