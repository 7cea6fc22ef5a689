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
from collections.abc import Callable

MAX_LINE = 400             # characters of one line read at most (see the docstring)
_EMPHASIS_PASSES = 3       # ***a*** takes two; more nesting than that stays marked

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|\*|(?<!\w)__|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)")
# A line's leading marks: quote levels, a heading's #s, a bullet or number, a task box.
_LINE_MARKS = re.compile(r"^[ \t]*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)]|\[[ xX]\])(?:[ \t]+|$)|>[ \t]?)+",
                         re.MULTILINE)


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


Piece = tuple[str, bool]     # a stretch of text, and whether it is a search match


def plain_pieces(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Pieces of one excerpt (a search hit's) with Markdown's marks set, as
    `line_text` sets them, but across the pieces: a bold run may open in one piece
    and close in another. The words, and which of them matched, stay as they were."""
    text = "".join(piece for piece, _ in pieces)
    keep = [char != "`" for char in text]
    for found in _LINE_MARKS.finditer(text):
        keep[found.start():found.end()] = [False] * (found.end() - found.start())
    _drop(text, keep, _LINK, lambda found: [(found.start(), found.start() + 1),
                                             (found.end(1), found.end())])
    for _ in range(_EMPHASIS_PASSES):  # nested emphasis: ***a*** or **_a_**
        if not _drop(text, keep, _EMPHASIS, lambda found: [(found.start(1), found.end(1)),
                                                          (found.end(2), found.end())]):
            break
    out: list[Piece] = []
    position = 0
    for piece, matched in pieces:
        kept = "".join(char for offset, char in enumerate(piece) if keep[position + offset])
        position += len(piece)
        if kept:
            out.append((kept, matched))
    return tuple(out)


def _drop(text: str, keep: list[bool], pattern: re.Pattern[str],
          spans: Callable[[re.Match[str]], list[tuple[int, int]]]) -> bool:
    """Find `pattern` in what is still kept of `text` and stop keeping the `spans`
    of each match (the marks around its words). Whether anything was dropped."""
    seen = [index for index, kept in enumerate(keep) if kept]
    visible = "".join(text[index] for index in seen)
    dropped = False
    for found in pattern.finditer(visible):
        for start, end in spans(found):
            for index in seen[start:end]:
                keep[index] = False
                dropped = True
    return dropped
