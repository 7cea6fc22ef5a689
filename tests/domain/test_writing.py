"""The small rules of writing in the editor: counting words, reading time, lists
continuing and nesting, and wrapping a selection in bold or italic marks."""

from __future__ import annotations

import pytest

from trustdesk.domain import writing


def test_words_are_counted_without_markdown_marks():
    assert writing.word_count("") == 0
    assert writing.word_count("# A heading\n\n- one **bold** item\n> don't stop") == 7
    assert writing.word_count("well-being, 2024 — café") == 3


def test_reading_time_is_at_least_a_minute_for_any_text():
    assert writing.reading_minutes(0) == 0
    assert writing.reading_minutes(1) == 1
    assert writing.reading_minutes(230) == 1
    assert writing.reading_minutes(231) == 2
    assert writing.count_text(0) == "No words yet"
    assert writing.count_text(1) == "1 word · 1 min read"
    assert writing.count_text(5000) == "5,000 words · 22 min read"
    assert writing.count_text(1234, 120) == "120 of 1,234 words selected · 1 min read"


def test_enter_continues_bullets_numbers_tasks_and_quotes():
    assert writing.continuation("- milk") == ("- ", False)
    assert writing.continuation("    * nested") == ("    * ", False)
    assert writing.continuation("9. ninth") == ("10. ", False)
    assert writing.continuation("2) second") == ("3) ", False)
    assert writing.continuation("- [x] done") == ("- [ ] ", False)
    assert writing.continuation("> said") == ("> ", False)
    assert writing.continuation("plain words") is None
    assert writing.continuation("-not a list") is None


def test_enter_on_an_empty_item_ends_the_list():
    for empty in ("- ", "1. ", "  - [ ] ", "> "):
        assert writing.continuation(empty) == ("", True)


def test_outdent_takes_one_level_at_most():
    assert writing.outdented("        - deep") == "    - deep"
    assert writing.outdented("  - shallow") == "- shallow"
    assert writing.outdented("\t- tab") == "- tab"
    assert writing.outdented("- top") == "- top"


def test_wrapping_toggles_and_keeps_spaces_outside_the_marks():
    assert writing.toggled_wrap("word", "**") == "**word**"
    assert writing.toggled_wrap("**word**", "**") == "word"
    assert writing.toggled_wrap(" two words ", "*") == " *two words* "
    assert writing.toggled_wrap("*it*", "*") == "it"
    assert writing.toggled_wrap("**bold**", "*") == "***bold***"
    assert writing.toggled_wrap("***both***", "*") == "**both**"
    assert writing.toggled_wrap("   ", "**") == "   "


@pytest.mark.parametrize(("before", "after", "mark", "steps_out"), [
    ("I said **It was", "**", "**", True),            # the end of an open bold span
    ("I said **It was", "** and then", "**", True),
    ("**one** and **two", "**", "**", True),
    ("**one** and two", "**", "**", False),          # the span before is closed
    ("I said *so", "*", "*", True),
    ("**a *b", "* c**", "*", True),                   # italic inside bold
    ("* item *so", "*", "*", True),                   # a "* " bullet is not a mark
    ("* item so", "*", "*", False),
    ("I said **so", "**", "*", False),                # the bold mark isn't italic's
    ("no marks", "", "**", False),
])
def test_the_closing_mark_ahead_is_recognised(before, after, mark, steps_out):
    assert writing.closes_ahead(before, after, mark) is steps_out


def test_an_empty_pair_is_told_from_two_spans_meeting():
    assert writing.empty_pair_around("story. **", "**", "**")
    assert writing.empty_pair_around("story. *", "*", "*")
    assert not writing.empty_pair_around("**bold**", "**more**", "**")
    assert not writing.empty_pair_around("story. ", "", "**")


def test_marks_just_outside_a_selection_are_recognised():
    assert writing.wrapped_around("a **", "** b", "**")
    assert writing.wrapped_around("a *", "* b", "*")
    assert not writing.wrapped_around("a **", "** b", "*")
    assert writing.wrapped_around("a ***", "*** b", "*")
    assert not writing.wrapped_around("a ", " b", "*")
