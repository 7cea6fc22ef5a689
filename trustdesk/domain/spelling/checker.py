"""One language's spell checker with the person's own words.

`Checker` answers "is this word misspelt?" from a cache (one dictionary lookup per
distinct word, ever), knows the person's dictionary (words added to it, kept in the
journal by the caller) and the words ignored for this session, and makes
suggestions that keep the word's capital. Not thread-safe: one thread (the UI's).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from trustdesk.domain.spelling.words import normalised

MAX_PERSONAL_WORD = 60      # characters; a longer "word" is not one
MAX_PERSONAL_WORDS = 10_000


class Words(Protocol):
    """A language's word list (word_lists.WordList)."""

    def knows(self, word: str) -> bool: ...

    def suggestions(self, word: str, limit: int = ...) -> list[str]: ...


def clean_personal_word(word: str) -> str:
    """`word` as the personal dictionary keeps it: trimmed, typographic apostrophes
    straight. Raises ValueError for something that isn't one word."""
    cleaned = word.strip().replace("’", "'")
    if not cleaned or len(cleaned) > MAX_PERSONAL_WORD or any(
            char.isspace() or not char.isprintable() for char in cleaned):
        raise ValueError(f"not a word for the dictionary: {word[:MAX_PERSONAL_WORD]!r}")
    return cleaned


class Checker:
    """Checks words against `words`, the person's own and this session's ignored."""

    def __init__(self, words: Words, personal: Iterable[str] = ()) -> None:
        self._words = words
        self._own = {normalised(word) for word in personal}
        self._ignored: set[str] = set()
        self._cache: dict[str, bool] = {}

    def is_misspelt(self, word: str) -> bool:
        """Whether `word`, as written, is not a known word. A possessive ("Priya's")
        is known when its word is; a capitalised word when its lower case is."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = not self._known(normalised(word))
        return cached

    def _known(self, word: str) -> bool:
        if word in self._own or word in self._ignored or self._words.knows(word):
            return True
        if word.endswith("'s") and len(word) > 3:
            return self._known(word[:-2])
        return word.endswith("'") and len(word) > 2 and self._known(word[:-1])

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Words to offer instead of `word`, the likeliest first, capitalised as it is."""
        found = self._words.suggestions(normalised(word), limit)
        if word[:1].isupper():
            found = [candidate[:1].upper() + candidate[1:] for candidate in found]
        return [candidate for candidate in found if candidate != word][:limit]

    def add_personal(self, word: str) -> None:
        """`word` is one of the person's own words from now on."""
        self._own.add(normalised(word))
        self._cache.clear()

    def ignore(self, word: str) -> None:
        """`word` is not marked again until the checker is made anew (the session)."""
        self._ignored.add(normalised(word))
        self._cache.clear()

    def personal_words(self) -> frozenset[str]:
        return frozenset(self._own)
