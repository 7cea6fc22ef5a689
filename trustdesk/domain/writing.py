"""Small rules of writing in light Markdown, for the entry editor: counting words,
reading time, continuing and indenting list items, and wrapping a selection in
`**` or `*`. Pure functions of text: no Qt here, so the rules are tested alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

READING_WORDS_PER_MINUTE = 230   # an unhurried adult reading pace
INDENT = "    "                  # four spaces nest a list item under "- " and "10. " alike

# A word: letters or digits, with inner apostrophes or hyphens ("don't", "well-being").
# Markdown's marks (#, *, -, >) are not words.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A list item: indentation, a bullet (- * +) or a number with . or ), at least one
# space, and an optional task box.
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t]+)"
                   r"(?P<box>\[[ xX]\][ \t]+)?")
_LONE_STAR = re.compile(r"(?<!\*)\*(?!\*)")   # an italic mark, not part of "**"
_QUOTE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>(?:>[ \t]?)+)")


def word_count(text: str) -> int:
    """How many words `text` has, not counting Markdown's marks."""
    return sum(1 for _ in _WORD.finditer(text))


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at an unhurried pace; at least 1 for any text."""
    return math.ceil(words / READING_WORDS_PER_MINUTE) if words > 0 else 0


def _words(n: int) -> str:
    return f"{n:,} word" + ("" if n == 1 else "s")


def count_text(words: int, selected: int | None = None) -> str:
    """The quiet count line: "1,234 words · 6 min read", and with a selection
    "120 of 1,234 words selected · 1 min read"."""
    if selected is not None:
        return (f"{selected:,} of {_words(words)} selected · "
                f"{max(1, reading_minutes(selected))} min read")
    if words == 0:
        return "No words yet"
    return f"{_words(words)} · {reading_minutes(words)} min read"


@dataclass(frozen=True)
class ListItem:
    """The start of a list item's line: `prefix` is everything before its text."""

    indent: str
    marker: str
    gap: str
    box: str

    @property
    def prefix(self) -> str:
        return self.indent + self.marker + self.gap + self.box

    def next_prefix(self) -> str:
        """The prefix of the item after this one: the same bullet, the next number,
        an empty task box."""
        marker = self.marker
        if marker[0].isdigit():
            marker = f"{int(marker[:-1]) + 1}{marker[-1]}"
        box = "[ ] " if self.box else ""
        return self.indent + marker + " " + box


def list_item(line: str) -> ListItem | None:
    """The list item `line` starts, or None."""
    found = _ITEM.match(line)
    if found is None:
        return None
    return ListItem(found["indent"], found["marker"], found["gap"], found["box"] or "")


def continuation(line: str) -> tuple[str, bool] | None:
    """What Enter does at the end of `line` (the text before the cursor): (prefix for
    the new line, False) to continue a list or quote, ("", True) to end it (the
    item was empty: its marker goes), or None when `line` is no list or quote."""
    item = list_item(line)
    if item is not None:
        if not line[len(item.prefix):].strip():
            return "", True
        return item.next_prefix(), False
    quote = _QUOTE.match(line)
    if quote is not None:
        if not line[quote.end():].strip():
            return "", True
        return quote.group(0), False
    return None


def outdented(line: str) -> str:
    """`line` with one level (up to four spaces, or a tab) of indentation less."""
    if line.startswith("\t"):
        return line[1:]
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, len(INDENT)):]


def toggled_wrap(text: str, mark: str) -> str:
    """`text` wrapped in `mark` ("**" or "*"), or unwrapped if it already is. Spaces
    at either end stay outside the marks, as Markdown needs."""
    core = text.strip()
    if not core:
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = core[len(mark):-len(mark)] if _is_wrapped(core, mark) else mark + core + mark
    return lead + core + trail


def _is_wrapped(core: str, mark: str) -> bool:
    if len(core) < 2 * len(mark) + 1 or not (core.startswith(mark) and core.endswith(mark)):
        return False
    if mark == "*":  # "**bold**" is not italic, but "***both***" is
        inner = core[1:-1]
        return not (inner.startswith("*") and inner.endswith("*")) or \
            (inner.startswith("**") and inner.endswith("**") and len(inner) > 4)
    return True


def wrapped_around(before: str, after: str, mark: str) -> bool:
    """Whether the text around an (empty or not) selection carries `mark` on both
    sides: `before` ends with it and `after` starts with it (not one of a longer run
    of asterisks, for the italic mark)."""
    if not (before.endswith(mark) and after.startswith(mark)):
        return False
    if mark == "*":
        return not (before.endswith("**") and after.startswith("**")) or \
            (before.endswith("***") and after.startswith("***"))
    return True


def _opens(before: str, mark: str) -> bool:
    """Whether `before` (a line up to the cursor) leaves a `mark` span open."""
    if mark == "**":
        return before.count("**") % 2 == 1
    item = _ITEM.match(before)           # "* " starting a list item is a bullet
    return len(_LONE_STAR.findall(before[item.end() if item else 0:])) % 2 == 1


def empty_pair_around(before: str, after: str, mark: str) -> bool:
    """Whether the cursor sits in a pair of marks with nothing between them yet
    ("**|**", just opened by Ctrl+B): pressing it again takes the pair away."""
    return wrapped_around(before, after, mark) and _opens(before, mark)


def closes_ahead(before: str, after: str, mark: str) -> bool:
    """Whether the cursor sits just before the mark that closes an open span
    ("**It was|**"): pressing Ctrl+B (or Ctrl+I) again steps over it, so the next
    words are plain."""
    if mark == "**":
        return after.startswith("**") and _opens(before, mark)
    return bool(_LONE_STAR.match(after)) and not before.endswith("*") and _opens(before, mark)
