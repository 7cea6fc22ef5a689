"""Search across the guide: which chapters mention every word typed, with a short
excerpt around the first match and where the matched words sit in it.

Words match at the start of a word and ignore case, so "trust" finds "Trusting"
and "trusted" but not "distrust". A chapter matches when every word appears in
its title, summary or text. The same pattern (`Query.pattern`) is what the reader
uses to find and highlight the matches in a rendered chapter, so the excerpt and
the jump always agree. Plain Python, no Qt; pure functions, safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from trustdesk.domain.guide.chapters import Chapter, plain_blocks

EXCERPT_CHARS = 170
_LEAD_CHARS = 60
MAX_QUERY_CHARS = 200
_TERM = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Query:
    """A search, parsed: its terms (casefolded) and the regex that finds any of them."""

    terms: tuple[str, ...]

    @property
    def pattern(self) -> str:
        """A regular expression (Python and PCRE alike) matching each whole word that
        starts with a term. Use it case-insensitively."""
        alternatives = "|".join(re.escape(term) for term in sorted(self.terms, key=len,
                                                                  reverse=True))
        return rf"(?<![\w'’])(?:{alternatives})[\w'’]*"

    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str) -> Query:
    """The terms of what a person typed. One-letter words are dropped unless they are
    all there is; repeated words count once; typographic apostrophes match straight."""
    text = text[:MAX_QUERY_CHARS].replace("’", "'").casefold()
    words = [word.strip("'-") for word in _TERM.findall(text)]
    words = [word for word in words if word]
    longer = [word for word in words if len(word) > 1]
    chosen = longer or words
    return Query(terms=tuple(dict.fromkeys(chosen)))


@dataclass(frozen=True)
class SearchHit:
    """One matching chapter. `spans` are (start, end) offsets of matches in `excerpt`."""

    chapter: Chapter
    excerpt: str
    spans: tuple[tuple[int, int], ...]
    matches: int


def _normalize(text: str) -> str:
    """Same length as `text`, so offsets stay valid: typographic apostrophes only."""
    return text.replace("’", "'")


def _excerpt(block: str, start: int, regex: re.Pattern[str]) -> tuple[str, tuple[tuple[int, int],
                                                                                ...]]:
    """About EXCERPT_CHARS of `block` around offset `start`, cut at word boundaries."""
    if len(block) <= EXCERPT_CHARS:
        begin, end = 0, len(block)
    else:
        begin = max(0, start - _LEAD_CHARS)
        if begin > 0:
            space = block.rfind(" ", 0, begin + 1)
            begin = space + 1 if space >= 0 else 0
        end = min(len(block), begin + EXCERPT_CHARS)
        if end < len(block):
            space = block.rfind(" ", begin, end)
            end = space if space > start else end
    piece = block[begin:end].strip()
    offset = block.index(piece, begin) if piece else begin
    prefix = "…" if offset > 0 else ""
    suffix = "…" if offset + len(piece) < len(block) else ""
    excerpt = prefix + piece + suffix
    spans = tuple((m.start(), m.end()) for m in regex.finditer(_normalize(excerpt)))
    return excerpt, spans


def search(chapters: Iterable[Chapter], text: str) -> list[SearchHit]:
    """Chapters that mention every term of `text`, most matches first (reading order
    breaks ties). An empty query finds nothing."""
    query = parse_query(text)
    if not query:
        return []
    regex = query.regex()
    term_res = [re.compile(Query((term,)).pattern, re.IGNORECASE) for term in query.terms]
    hits: list[tuple[int, int, SearchHit]] = []
    for order, chapter in enumerate(chapters):
        blocks = _body_blocks(chapter)
        everything = _normalize("\n".join([chapter.title, chapter.summary, *blocks]))
        if not all(term.search(everything) for term in term_res):
            continue
        matches = len(regex.findall(everything))
        excerpt, spans = _first_excerpt(chapter, blocks, regex)
        hits.append((-matches, order, SearchHit(chapter, excerpt, spans, matches)))
    hits.sort(key=lambda item: (item[0], item[1]))
    return [hit for _neg, _order, hit in hits]


@lru_cache(maxsize=64)
def _body_blocks(chapter: Chapter) -> tuple[str, ...]:
    """The chapter's blocks without its leading title heading (the card shows it).
    Cached: chapters are immutable, and parsing is most of a search's cost."""
    blocks = plain_blocks(chapter.body)
    if blocks and chapter.body.lstrip().startswith("# ") and blocks[0] == chapter.title:
        blocks = blocks[1:]
    return tuple(blocks)


def _first_excerpt(chapter: Chapter, blocks: tuple[str, ...],
                   regex: re.Pattern[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    for block in blocks:
        found = regex.search(_normalize(block))
        if found:
            return _excerpt(block, found.start(), regex)
    # Only the title or summary matched: show the summary.
    return _excerpt(chapter.summary, 0, regex)
