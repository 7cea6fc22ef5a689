"""Light Markdown read as plain words, one line at a time: what a reader sees of a
line once its marks are set (headings, list bullets and task boxes, quotes, bold
and italic, links, code ticks). The Guide's search and word counts use it, and so
do the journal list's heading and preview, so "## What helped" reads "What helped".

Pure functions, no Qt. Callers bound what they pass: the emphasis pattern looks
ahead for a closing mark, so a line should be hundreds of characters, not a whole
million-character entry (`line_text` cuts at `MAX_LINE`: at worst ~2 ms).
"""

from __future__ import annotations

import re

MAX_LINE = 400             # characters of one line read at most (see the docstring)
_EMPHASIS_PASSES = 3       # ***a*** takes two; more nesting than that stays marked

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|\*|(?<!\w)__|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)")
_LINE_MARKS = re.compile(r"^\s*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)]|\[[ xX]\])(?:\s+|$)|>\s?)+")


def inline_text(markdown_line: str) -> str:
    """One line of Markdown as the reader sees it: no link targets or emphasis marks."""
    text = _LINK.sub(r"\1", markdown_line)
    for _ in range(_EMPHASIS_PASSES):  # nested emphasis: ***a*** or **_a_**
        previous, text = text, _EMPHASIS.sub(r"\2", text)
        if text == previous:
            break
    return text.replace("`", "")


def line_text(markdown_line: str) -> str:
    """A whole line as the reader sees it: its leading marks too (any number of
    quote levels, a heading's #s, a bullet or number and a task box), spaces kept."""
    line = markdown_line[:MAX_LINE]
    marks = _LINE_MARKS.match(line)
    return inline_text(line[marks.end():] if marks else line)
