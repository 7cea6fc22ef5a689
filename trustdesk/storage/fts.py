"""Turning whatever a person types into a safe FTS5 query.

FTS5 has its own query language: quotes, AND/OR/NOT, parentheses, a leading minus
and `*` all mean something, and raw text containing them raises a syntax error.
Here every whitespace-separated word becomes one quoted phrase (inner quotes
doubled) with a prefix star, so "trus" finds "trust" and nothing typed can ever
be read as an operator. Pure functions: no SQL runs here.
"""

from __future__ import annotations

import unicodedata

MAX_TERMS = 12
MAX_TERM_CHARS = 64


def _has_token_character(word: str) -> bool:
    """True when the unicode61 tokenizer would find a token in `word` (letters,
    numbers, private-use characters). A word of only emoji or punctuation would
    become an empty phrase, which matches nothing and would sink the whole query."""
    return any(ch.isalnum() or unicodedata.category(ch) == "Co" for ch in word)


def search_terms(text: str) -> list[str]:
    """The words of a query that can match something, at most MAX_TERMS of them."""
    words = [word[:MAX_TERM_CHARS] for word in (text or "").split()]
    return [word for word in words if _has_token_character(word)][:MAX_TERMS]


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every word as a prefix, or None when the
    text holds nothing searchable (empty, only spaces, emoji or punctuation)."""
    terms = search_terms(text)
    if not terms:
        return None
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def folded(text: str) -> str:
    """`text` as the index compares words: case and accents set aside ("Café" and
    "cafe" fold alike), for matching words outside the index (tags)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
