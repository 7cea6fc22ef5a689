"""Journal entries: optional check-ins, clean text, tags, sensible limits."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trustdesk.domain.journal import (
    HEADING_CHARS,
    MAX_BODY,
    PREVIEW_CHARS,
    CheckIn,
    Entry,
    JournalFilter,
    SearchHit,
    day_bounds,
    normalize_tags,
    preview_of,
    row_of,
)
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
    assert Entry.new(checkin=CheckIn(mood=6)).heading == "Check-in"


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


def test_heading_collapses_spaces_and_stays_short():
    entry = Entry.new(body="  a   long\tline " + "x" * 300)
    assert entry.heading.startswith("a long line x")
    assert len(entry.heading) == HEADING_CHARS


def test_preview_skips_the_line_already_used_as_heading():
    assert preview_of("", "First line\nsecond   line\nthird") == "second line third"
    assert preview_of("A title", "First line\nsecond") == "First line second"
    assert preview_of("", "only one line") == ""
    assert len(preview_of("t", "word " * 10_000)) == PREVIEW_CHARS


@pytest.mark.parametrize(("body", "heading", "preview"), [
    ("## What helped\nI told **Sam**, and *nothing* bad happened.",
     "What helped", "I told Sam, and nothing bad happened."),
    ("> How did trust feel today?\n\n- walked to the station\n- [x] asked, not guessed",
     "How did trust feel today?", "walked to the station asked, not guessed"),
    ("1. first\n    2. second, see [the guide](guide://03)", "first", "second, see the guide"),
    ("***both*** at once\n> > quoted twice", "both at once", "quoted twice"),
    ("#hashtag is not a heading\n", "#hashtag is not a heading", ""),
    ("-\n>\n##\nWords at last\nthen more", "Words at last", "then more"),
    ("\n" * 900_000 + "# Far down\n`code` here", "Far down", "code here"),
])
def test_the_list_reads_an_entry_as_plain_words(body, heading, preview):
    """The heading and preview the list shows have Markdown's marks set, not printed."""
    entry = Entry.new(body=body)
    assert (entry.heading, preview_of("", body)) == (heading, preview)
    assert preview_of("A title", body).startswith(heading)


def test_a_row_is_the_entry_without_its_body():
    entry = Entry.new(title="", body="Morning walk\nIt was calm.", checkin=CheckIn(mood=6),
                      tags="walks")
    row = row_of(entry)
    assert (row.id, row.heading, row.preview, row.checkin, row.tags) == (
        entry.id, "Morning walk", "It was calm.", CheckIn(mood=6), ("walks",))
    assert not hasattr(row, "body")


def test_filter_matches_tag_and_inclusive_dates():
    row = row_of(Entry.new(written_at=datetime(2024, 3, 12, 23, 59), body="x", tags="work"))
    assert JournalFilter().matches(row) and JournalFilter().is_empty
    assert JournalFilter(tag="work", start=date(2024, 3, 12), end=date(2024, 3, 12)).matches(row)
    assert not JournalFilter(tag="family").matches(row)
    assert not JournalFilter(start=date(2024, 3, 13)).matches(row)
    assert not JournalFilter(end=date(2024, 3, 11)).matches(row)


def test_filter_refuses_a_backwards_range():
    with pytest.raises(InvalidRecord, match="start date"):
        JournalFilter(start=date(2024, 3, 2), end=date(2024, 3, 1))


def test_day_bounds_are_half_open_text_bounds():
    assert day_bounds(date(2024, 2, 28), date(2024, 2, 29)) == ("2024-02-28", "2024-03-01")
    assert day_bounds(None, None) == (None, None)
    assert day_bounds(None, date.max) == (None, None)


def test_search_hit_joins_its_excerpt():
    hit = SearchHit(row_of(Entry.new(body="x")), (("a ", False), ("café", True)))
    assert hit.excerpt_text == "a café"


def test_checkin_refuses_out_of_range_and_non_integers():
    for bad in (-1, 11, 5.5, True, "5"):
        with pytest.raises(InvalidRecord):
            CheckIn(mood=bad)  # type: ignore[arg-type]
