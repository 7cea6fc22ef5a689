"""A line of light Markdown as a reader sees it: the marks that shape it are set,
anything that only looks like a mark stays, and very long lines stay cheap."""

from __future__ import annotations

import pytest

from trustdesk.domain.markdown_plain import MAX_LINE, inline_text, line_text, plain_pieces


@pytest.mark.parametrize(("line", "seen"), [
    ("## A heading", "A heading"),
    ("###### Six deep", "Six deep"),
    ("- item", "item"),
    ("* item with *italic*", "item with italic"),
    ("    + nested", "nested"),
    ("12) numbered", "numbered"),
    ("- [ ] a task", "a task"),
    ("> > - a list in a quote", "a list in a quote"),
    ("**bold** and __strong__ and _soft_", "bold and strong and soft"),
    ("a [link](https://example.org) here", "a link here"),
    ("`code`", "code"),
    ("#notaheading", "#notaheading"),
    ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),           # spaced stars are arithmetic
    ("snake_case_name", "snake_case_name"),         # inner underscores stay
    ("-", ""),
    ("", ""),
])
def test_a_line_reads_as_its_words(line, seen):
    assert line_text(line) == seen


def test_nesting_is_set_up_to_three_levels_and_guide_text_keeps_its_shape():
    assert inline_text("***a***") == "a"
    assert inline_text("**_a_**") == "a"
    assert inline_text("a **b** c") == "a b c"


def test_a_very_long_line_is_read_only_so_far():
    line = "*a " * 100_000
    seen = line_text(line)
    assert len(seen) <= MAX_LINE and seen.startswith("*a *a")


def test_excerpt_pieces_lose_their_marks_across_pieces_and_keep_the_matches():
    pieces = (("## What helped\n\nI told Sam, and **", False), ("nothing", True),
              (" bad happened**. It was *loud*.\n\n- Walked to the ", False),
              ("station", True), ("\n> Trust [the ", False), ("guide", True),
              ("](guide://03), `2 * 3 * 4`…", False))
    assert plain_pieces(pieces) == (
        ("What helped\n\nI told Sam, and ", False), ("nothing", True),
        (" bad happened. It was loud.\n\nWalked to the ", False), ("station", True),
        ("\nTrust the ", False), ("guide", True), (", 2 * 3 * 4…", False))


def test_a_match_that_is_all_marks_around_nothing_is_left_alone():
    assert plain_pieces((("a ", False), ("**", True), (" b", False))) == (
        ("a ", False), ("**", True), (" b", False))
    assert plain_pieces(()) == ()
