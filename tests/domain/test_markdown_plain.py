"""A line of light Markdown as a reader sees it: the marks that shape it are set,
anything that only looks like a mark stays, and very long lines stay cheap."""

from __future__ import annotations

import pytest

from trustdesk.domain.markdown_plain import MAX_LINE, inline_text, line_text


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
