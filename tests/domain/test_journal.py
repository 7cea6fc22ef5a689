"""Journal entries: optional check-ins, clean text, tags, sensible limits."""

from __future__ import annotations

from datetime import datetime

import pytest

from trustdesk.domain.journal import MAX_BODY, CheckIn, Entry, normalize_tags
from trustdesk.domain.text import InvalidRecord


def test_not_rated_differs_from_zero():
    assert CheckIn().is_empty
    assert not CheckIn(mood=0).is_empty


def test_tags_are_normalised_and_unique():
    assert normalize_tags("Work, #work,  family , ,Family") == ("work", "family")


def test_heading_is_the_title_or_the_first_line():
    assert Entry.new(title="A day", body="text").heading == "A day"
    assert Entry.new(body="\n\n  First line \nsecond").heading == "First line"
    assert Entry.new().heading == "Untitled entry"


def test_body_limit_is_a_million_characters():
    Entry.new(body="x" * MAX_BODY)
    with pytest.raises(InvalidRecord, match="Nothing was lost"):
        Entry.new(body="x" * (MAX_BODY + 1))


def test_far_dates_are_refused():
    with pytest.raises(InvalidRecord):
        Entry.new(written_at=datetime(1850, 1, 1))
    with pytest.raises(InvalidRecord):
        Entry.new(written_at=datetime(2999, 1, 1))


def test_edits_are_cleaned_and_stamped():
    entry = Entry.new(body="first")
    edited = entry.edited(body="a\x00b", tags="One")
    assert (edited.body, edited.tags, edited.id) == ("ab", ("one",), entry.id)
    assert edited.updated_at >= entry.updated_at
