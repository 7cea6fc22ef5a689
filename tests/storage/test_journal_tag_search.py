"""Journal search also finds tags: a word that is only in an entry's tags finds it,
each word may match the text or a tag, and the filters still apply. On a real
SQLCipher file."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import Entry, JournalFilter
from trustdesk.storage.store import JournalFolder


def at(day: int, **fields) -> Entry:
    return Entry.new(written_at=datetime(2024, 6, day, 21, 0), **fields)


@pytest.fixture(scope="module")
def repo(tmp_path_factory, template_vault):
    folder = tmp_path_factory.mktemp("tag-search")
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    store = JournalFolder(folder).unlock(PASSPHRASE)
    store.journal.save_many([
        at(1, body="Forty lengths before breakfast.", tags="swimming, mornings"),
        at(2, body="Swimming with my sister after work.", tags="family"),
        at(3, body="A quiet evening, nothing much.", tags="Café visits"),
        at(4, body="Dinner with my sister.", tags="family, swimming"),
        at(5, body="Nothing tagged here at all."),
    ])
    yield store.journal
    store.close()


def days(hits) -> list[int]:
    return [hit.row.written_at.day for hit in hits]


def test_a_word_only_in_the_tags_finds_the_entry(repo):
    hits = repo.search("swim")
    # Text matches first (ranked), then entries found by their tags, newest first.
    assert days(hits) == [2, 4, 1]
    tagged = hits[-1]
    assert tagged.excerpt == (("Tags: ", False), ("swimming", True), (", ", False),
                              ("mornings", False))


def test_each_word_may_match_a_tag_or_the_text(repo):
    assert days(repo.search("sister swimming")) == [2, 4]
    assert days(repo.search("family dinner")) == [4]
    assert repo.search("mornings dinner") == []


def test_tags_fold_case_and_accents_like_the_text(repo):
    assert days(repo.search("CAFE")) == [3]
    assert days(repo.search("visits")) == [3]


def test_the_date_and_tag_filters_still_apply(repo):
    flt = JournalFilter(start=datetime(2024, 6, 3).date(), end=None)
    assert days(repo.search("swim", flt=flt)) == [4]
    assert days(repo.search("swim", flt=JournalFilter(tag="mornings"))) == [1]


def test_the_limit_counts_tag_matches_too(repo):
    assert len(repo.search("swim", limit=2)) == 2
    assert len(repo.search("swim", limit=3)) == 3
