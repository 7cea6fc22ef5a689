"""The journal repository on a real encrypted vault: saving, lists, filters, tags,
deleting, and the series the Progress page reads."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
import sqlcipher3

from tests.journal_data import generated_entries
from tests.storage.index_probe import index_bytes, index_terms
from trustdesk.domain.calendar import DayMark
from trustdesk.domain.journal import CheckIn, Entry, JournalFilter, row_of
from trustdesk.storage import errors


def entry(day: int, hour: int = 20, **fields) -> Entry:
    return Entry.new(written_at=datetime(2024, 3, day, hour, 15), **fields)


def test_an_entry_comes_back_exactly_as_saved(store):
    original = entry(12, title="A calmer day", body="We talked.\n\tIt helped. 🌱",
                     checkin=CheckIn(mood=0, trust_others=None, trust_self=10),
                     tags="Family, walks, #Work")
    store.journal.save(original)
    assert store.journal.get(original.id) == original
    assert store.journal.get("no-such-id") is None


def test_not_rated_stays_different_from_zero(store):
    rated_zero, unrated = entry(1, body="a", checkin=CheckIn(mood=0)), entry(2, body="b")
    store.journal.save_many([rated_zero, unrated])
    assert store.journal.get(rated_zero.id).checkin == CheckIn(mood=0)
    assert store.journal.get(unrated.id).checkin.is_empty


def test_saving_again_replaces_text_tags_and_index(store):
    first = entry(5, body="The lighthouse kept blinking", tags="sea, night")
    store.journal.save(first)
    second = first.edited(body="A quiet harbour", tags="harbour")
    store.journal.save(second)
    assert store.journal.get(first.id) == second
    assert store.journal.count() == 1
    assert store.journal.all_tags() == ["harbour"]
    assert store.journal.search("lighthouse") == []
    assert [hit.row.id for hit in store.journal.search("harbour")] == [first.id]


def test_a_failed_save_changes_nothing(store):
    good = entry(6, body="kept words", tags="kept")
    store.journal.save(good)
    broken = dataclasses.replace(good.edited(body="lost words"), tags=("x" * 41,))
    with pytest.raises(sqlcipher3.IntegrityError):  # the CHECK on tag names refuses it
        store.journal.save(broken)
    assert store.journal.get(good.id) == good
    assert store.journal.search("lost") == []
    assert store.journal.all_tags() == ["kept"]


def test_tags_keep_their_order_and_unused_tags_are_forgotten(store):
    a = entry(1, body="a", tags="walks, family, work")
    b = entry(2, body="b", tags="family")
    store.journal.save_many([a, b])
    assert store.journal.get(a.id).tags == ("walks", "family", "work")
    assert store.journal.all_tags() == ["family", "walks", "work"]
    store.journal.save(a.edited(tags=""))
    assert store.journal.all_tags() == ["family"]
    store.journal.delete(b.id)
    assert store.journal.all_tags() == []


def test_rows_are_newest_first_without_bodies(store):
    entries = [entry(day, body=f"Body of day {day}\nmore", tags="x") for day in (3, 9, 1)]
    store.journal.save_many(entries)
    rows = store.journal.rows()
    assert [row.written_at.day for row in rows] == [9, 3, 1]
    assert rows[0] == row_of(entries[1])
    assert rows[0].heading == "Body of day 9" and rows[0].preview == "more"


@pytest.fixture(scope="module")
def year_store(tmp_path_factory, template_vault):
    """A journal with 400 generated days, written once for the module."""
    import shutil

    from tests.conftest import PASSPHRASE
    from trustdesk.storage.store import JournalFolder

    folder = tmp_path_factory.mktemp("year")
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    opened = JournalFolder(folder).unlock(PASSPHRASE)
    opened.journal.save_many(generated_entries(400, end=datetime(2025, 6, 1)))
    yield opened
    opened.close()


def test_keyset_and_offset_paging_walk_every_row_once(year_store):
    repo = year_store.journal
    seen, after = [], None
    while page := repo.rows(after=after, limit=64):
        seen.extend(page)
        after = page[-1]
    assert len(seen) == len({row.id for row in seen}) == repo.count() == 400
    assert [row.sort_key for row in seen] == sorted((r.sort_key for r in seen), reverse=True)
    assert repo.rows(offset=64, limit=64) == seen[64:128]


def test_filters_by_tag_and_inclusive_dates(year_store):
    repo = year_store.journal
    march = JournalFilter(start=date(2025, 3, 1), end=date(2025, 3, 31))
    rows = repo.rows(march, limit=1000)
    assert len(rows) == repo.count(march) == 31
    assert {row.written_at.date().month for row in rows} == {3}
    tagged = JournalFilter(tag="sleep", start=date(2025, 3, 1), end=date(2025, 3, 31))
    sleep_rows = repo.rows(tagged, limit=1000)
    assert sleep_rows and all("sleep" in row.tags for row in sleep_rows)
    assert sleep_rows == [row for row in rows if tagged.matches(row)]
    assert repo.count(JournalFilter(tag="no such tag")) == 0


def test_progress_series_are_oldest_first_and_inclusive(year_store):
    repo = year_store.journal
    start, end = date(2025, 1, 1), date(2025, 1, 31)
    times = repo.entry_times(start, end)
    assert len(times) == 31 and times == sorted(times)
    assert times[0].date() == start and times[-1].date() == end
    checkins = repo.checkins(start, end)
    assert [when for when, _ in checkins] == sorted(when for when, _ in checkins)
    assert all(not checkin.is_empty for _, checkin in checkins)
    full = repo.entries_between(start, end)
    assert [e.written_at for e in full] == times
    rated = {e.written_at: e.checkin for e in full if not e.checkin.is_empty}
    assert dict(checkins) == rated
    assert len(repo.entry_times(None, None)) == 400
    assert repo.entry_times(date(2030, 1, 1), None) == []


def test_delete_returns_the_entry_for_undo(store):
    kept = entry(7, body="stay", tags="a")
    gone = entry(8, body="go away", tags="b")
    store.journal.save_many([kept, gone])
    assert store.journal.delete(gone.id) == gone
    assert store.journal.delete(gone.id) is None
    assert [row.id for row in store.journal.rows()] == [kept.id]
    store.journal.save(gone)  # undo
    assert store.journal.get(gone.id) == gone


def test_deleted_and_edited_words_are_gone_from_the_index(store):
    """FTS5 secure-delete: a deleted word leaves the vocabulary and the index pages.
    Without it the word stays readable in the index's data blocks."""
    store.journal.save_many(generated_entries(50))
    secret = entry(10, body="quixotebramble is a word only this entry has")
    edited = entry(11, body="the word jabberwockyish will be edited away")
    store.journal.save_many([secret, edited])
    assert {"quixotebramble", "jabberwockyish"} <= index_terms(store)
    assert b"quixotebramble" in index_bytes(store)

    store.journal.delete(secret.id)
    store.journal.save(edited.edited(body="nothing unusual now"))
    store.journal.index_pending()                  # the editing session ends
    terms, raw = index_terms(store), index_bytes(store)
    assert "quixotebramble" not in terms and "jabberwockyish" not in terms
    assert b"quixotebramble" not in raw and b"jabberwockyish" not in raw
    with store.vault.read() as conn:
        conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')")


def test_writing_to_a_locked_journal_is_a_typed_error(store):
    store.close()
    with pytest.raises(errors.VaultLocked):
        store.journal.save(entry(1, body="x"))


def test_days_are_counted_and_averaged_in_one_month(store):
    """A day's marks: how many entries and the average of the ratings given."""
    store.journal.save_many([
        Entry.new(written_at=datetime(2026, 3, 3, 8), checkin=CheckIn(mood=6)),
        Entry.new(written_at=datetime(2026, 3, 3, 21), body="b", checkin=CheckIn(mood=7)),
        Entry.new(written_at=datetime(2026, 3, 31, 23, 59), body="late"),
        Entry.new(written_at=datetime(2026, 4, 1, 0, 0), body="next month"),
        Entry.new(written_at=datetime(2026, 2, 28, 12), body="before"),
    ])
    assert store.journal.days(date(2026, 3, 1), date(2026, 3, 31)) == [
        DayMark(date(2026, 3, 3), 2, mood=6.5),
        DayMark(date(2026, 3, 31), 1)]


def test_each_rating_of_a_day_is_averaged_over_the_entries_that_gave_it(store):
    """Grouped by day outside SQL (a sort into a temporary B-tree was most of a
    year's cost): each rating's average counts only the entries that rated it."""
    store.journal.save_many([
        Entry.new(written_at=datetime(2026, 5, 1, 7), checkin=CheckIn(mood=3)),
        Entry.new(written_at=datetime(2026, 5, 1, 12), body="a",
                  checkin=CheckIn(trust_others=8, trust_self=2)),
        Entry.new(written_at=datetime(2026, 5, 1, 22), body="b",
                  checkin=CheckIn(mood=4, trust_self=5)),
        Entry.new(written_at=datetime(2026, 5, 2, 0, 0), body="c"),
        Entry.new(written_at=datetime(2026, 5, 4, 9), checkin=CheckIn(trust_others=0)),
    ])
    assert store.journal.days(date(2026, 5, 1), date(2026, 5, 31)) == [
        DayMark(date(2026, 5, 1), 3, mood=3.5, trust_others=8.0, trust_self=3.5),
        DayMark(date(2026, 5, 2), 1),
        DayMark(date(2026, 5, 4), 1, trust_others=0.0)]
    assert store.journal.days(date(2026, 5, 2), date(2026, 5, 3)) == [
        DayMark(date(2026, 5, 2), 1)]
    assert store.journal.days(date(2026, 6, 1), date(2026, 6, 30)) == []
