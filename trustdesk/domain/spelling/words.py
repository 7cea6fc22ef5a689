"""Which words of a line of text a spell checker should look at.

`checkable_words(line)` yields the (start, length) of each word worth checking in
one line (one paragraph) of an entry's Markdown. Left out, as a reader would expect:
Markdown syntax (heading and list marks, emphasis marks, inline code, link targets,
autolinks and HTML tags), tags (`#garden`), numbers and words with digits
(`3pm`, `B12`), addresses (`https://…`, `www.…`, `name@example.org`), words in
CAPITALS (`CBT`), words with capitals inside (`TrustDesk`, `iPhone`), snake_case,
and single letters. A hyphenated word is checked part by part; an apostrophe inside
a word (`don't`, `Sam’s`) belongs to it. Pure and thread-safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# One pass over a line: at each place, first the spans no word in them is checked
# (code, link targets, autolinks and HTML tags, addresses, tags, character
# entities), else a token: a run of word characters with apostrophes and hyphens
# inside, checked as one (so "3pm" and "snake_case" are skipped whole) and then
# split at hyphens.
_SCAN = re.compile(
    r"`[^`]*`?"                                  # inline code (to the line's end if open)
    r"|\]\([^)]*\)?"                             # a link's target: ](…)
    r"|^\s{0,3}\[[^\]]+\]:\s*\S+"               # a reference definition: [id]: url
    r"|<[^<>\s][^<>]*>"                          # autolinks and HTML tags
    r"|(?<![\w+.-])(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+"   # addresses
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses (from their start:
                                                   # linear in a long run of letters)
    r"|(?<![\w&])#[^\s#]+"                       # tags: #garden (not a heading's "# ")
    r"|&#?\w+;"                                  # &amp; &#39;
    r"|(?P<token>[\w'’]+(?:-[\w'’]+)*)"
)
_NOT_PROSE = re.compile(r"[\d_]")
_APOSTROPHES = "'’"
_LONGEST_TOKEN = 100


def checkable_words(line: str) -> Iterator[tuple[int, int]]:
    """(start, length) of each word of `line` to check, in order (see the module)."""
    for found in _SCAN.finditer(line):
        text = found.group("token")
        if text is None:
            continue  # not prose
        if len(text) > _LONGEST_TOKEN or _NOT_PROSE.search(text):
            continue  # a number, a word with digits, snake_case, or no word at all
        start = found.start()
        for part in text.split("-") if "-" in text else (text,):
            stripped = part.strip(_APOSTROPHES)
            rest = stripped[1:]
            # Not single letters, CAPITALS or capitals inside ("CBT", "TrustDesk").
            if rest and rest == rest.lower():
                lead = len(part) - len(part.lstrip(_APOSTROPHES)) \
                    if part[0] in _APOSTROPHES else 0
                yield start + lead, len(stripped)
            start += len(part) + 1


def normalised(word: str) -> str:
    """The form a word is looked up in: lower case, typographic apostrophes straight."""
    return word.replace("’", "'").lower()
