"""When an earlier version of an entry is kept: at the first change of an editing
session, before a large deletion and at intervals while writing; never for a
blank text, an unchanged one or one already kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustdesk.domain.history import (
    HistoryPolicy,
    Reason,
    Text,
    change_summary,
    compare,
    expiry,
    is_large_deletion,
    removed_chars,
    snapshot_reason,
)

T0 = datetime(2026, 12, 7, 9, 0, 0)
LONG = Text("A walk", "I walked by the river and thought about what Sam said. " * 12)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def typed(text: Text, more: str = " And then more.") -> Text:
    return Text(text.title, text.body + more)


def test_the_first_save_of_a_session_keeps_the_text_from_before_it():
    """Opened at 9:30, first edit at 9:30:05: the text saved at 9:00 is kept."""
    reason = snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0,
                             session_start=T0 + minutes(30), now=T0 + minutes(30.1))
    assert reason is Reason.SESSION


def test_later_saves_of_the_same_session_keep_nothing_until_the_interval():
    start = T0 + minutes(30)
    for after_minutes in (0.05, 1, 5, 9.9):
        assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=start,
                               session_start=start, last_kept=start,
                               now=start + minutes(after_minutes)) is None
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=start + minutes(9.9),
                           session_start=start, last_kept=start,
                           now=start + minutes(10)) is Reason.INTERVAL


def test_the_interval_counts_from_the_session_start_of_a_new_entry():
    """A new entry has no version yet: ten minutes into writing it, one is kept."""
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0 + minutes(9),
                           session_start=T0, now=T0 + minutes(9.5)) is None
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0 + minutes(9.9),
                           session_start=T0, now=T0 + minutes(10)) is Reason.INTERVAL


def test_a_long_pause_in_an_open_editor_starts_a_new_session():
    start = T0
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0 + minutes(2),
                           session_start=start, last_kept=T0,
                           now=T0 + minutes(2 + 30)) is Reason.SESSION
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0 + minutes(2),
                           session_start=start, last_kept=T0 + minutes(1),
                           now=T0 + minutes(2 + 29)) is Reason.INTERVAL


def test_a_save_outside_the_editor_is_a_session_of_its_own():
    assert snapshot_reason(before=LONG, after=typed(LONG), last_saved=T0,
                           now=T0 + minutes(1)) is Reason.SESSION


@pytest.mark.parametrize("after", [
    Text("A walk", "x"),                                    # select all and type
    Text("A walk", LONG.body[:100]),                        # most of it cut
    Text("A walk", LONG.body[:150] + LONG.body[360:]),      # 210 characters out of the middle
])
def test_a_large_deletion_keeps_the_text_before_it_even_mid_session(after):
    start = T0
    assert snapshot_reason(before=LONG, after=after, last_saved=T0 + minutes(1),
                           session_start=start, last_kept=start,
                           now=T0 + minutes(1.05)) is Reason.DELETION


def test_small_deletions_are_not_large():
    short = Text("", "Twelve words in a short line that someone wrote this morning, quite early.")
    assert not is_large_deletion(short, Text("", short.body[:-8]), HistoryPolicy())
    assert not is_large_deletion(LONG, Text(LONG.title, LONG.body[:-150]), HistoryPolicy())
    # A third of a short text is large, above a floor of twenty characters.
    assert is_large_deletion(short, Text("", short.body[:40]), HistoryPolicy())
    assert not is_large_deletion(Text("", "tiny entry"), Text("", "tiny"), HistoryPolicy())


def test_nothing_is_kept_for_blank_unchanged_or_already_kept_text():
    assert snapshot_reason(before=Text("", "  \n"), after=Text("", "words"), last_saved=T0,
                           now=T0 + minutes(60)) is None
    assert snapshot_reason(before=LONG, after=LONG, last_saved=T0, now=T0 + minutes(60)) is None
    assert snapshot_reason(before=LONG, after=Text("A walk", "x"), last_saved=T0,
                           now=T0 + minutes(60), already_kept=True) is None


def test_a_changed_title_alone_counts_as_a_change():
    assert snapshot_reason(before=LONG, after=Text("A long walk", LONG.body), last_saved=T0,
                           session_start=T0 + minutes(5),
                           now=T0 + minutes(5)) is Reason.SESSION


def test_removed_chars_measures_the_changed_stretch():
    assert removed_chars("abcdef", "abXf") == 3
    assert removed_chars("abcdef", "abcdef") == 0
    assert removed_chars("abcdef", "abcdefgh") == 0
    assert removed_chars("aaaa", "aa") == 2
    assert removed_chars("hello", "") == 5
    assert removed_chars("", "hello") == 0


@given(st.text(alphabet="ab c", max_size=40), st.text(alphabet="ab c", max_size=40))
def test_removed_chars_never_exceeds_the_text_or_misses_a_shrink(before, after):
    removed = removed_chars(before, after)
    assert 0 <= removed <= len(before)
    assert removed >= len(before) - len(after)


def test_expiry_counts_days_back_and_none_means_keep_nothing():
    assert expiry(T0, 30) == T0 - timedelta(days=30)
    assert expiry(T0, 0) is None


def test_words_count_title_and_body():
    assert Text("Two words", "and three more").words == 5


def test_compare_marks_words_taken_out_and_put_in():
    old = "I walked by the river.\nSam was there.\n"
    new = "I ran by the river.\nSam was there.\nAnd Jo."
    comparison = compare(old, new)
    assert "".join(text for text, _ in comparison.old) == old
    assert "".join(text for text, _ in comparison.new) == new
    assert [text.strip() for text, changed in comparison.old if changed] == ["walked"]
    assert [text.strip() for text, changed in comparison.new if changed] == ["ran", "And Jo."]
    assert (comparison.removed_words, comparison.added_words) == (1, 3)
    assert change_summary(comparison) == ("Since this version, 1 word was taken out (struck "
                                          "through) and 3 added (underlined).")
    only_added = compare("Short.", "Short. And more.")
    assert change_summary(only_added) == "Since this version, 2 words were added (underlined)."


def test_compare_of_the_same_text_says_so():
    comparison = compare("Same.", "Same.")
    assert comparison.same and comparison.old == (("Same.", False),)
    assert change_summary(comparison) == "This version's text is the same as now."


@given(st.text(alphabet="ab \n", max_size=60), st.text(alphabet="ab \n", max_size=60))
def test_compare_keeps_every_character_of_both_sides(old, new):
    comparison = compare(old, new)
    assert "".join(text for text, _ in comparison.old) == old
    assert "".join(text for text, _ in comparison.new) == new
