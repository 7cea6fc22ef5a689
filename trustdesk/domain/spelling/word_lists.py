"""The word lists of each language TrustDesk can check, from pyspellchecker.

pyspellchecker (MIT) ships a word list with frequencies for each language inside
its own package, so every install (pip, the bundle, the .deb) has them offline; see
docs/spelling.md for the comparison that chose it. Loading a list takes a few
hundred milliseconds (call `load` off the UI thread); a loaded list is kept for the
process, since it holds no personal words. Lookups are thread-safe reads.
"""

from __future__ import annotations

import gzip
import io
import json
import string
import threading
from array import array
from importlib import resources
from operator import eq, itemgetter

from trustdesk.domain.spelling import DEFAULT_LANGUAGE, LANGUAGE_NAMES

MAX_SUGGESTIONS = 5
_MAX_SUGGESTED_LENGTH = 30     # past this, edits at distance 2 take too long to try
_BLOCK = 1 << 14               # bytes of a word list unpacked and parsed at once (~1 ms)
_EMPTY = -1                    # a free place in the table: no str hashes to -1
_MOST = (1 << 32) - 1          # the largest count the table holds

# pyspellchecker's English list is American: British spellings are known through the
# American word they differ from by one of these regular endings or spellings
# (realised -> realized, colour -> color, centre -> center, travelled -> traveled).
_BRITISH = (
    ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("tre", "ter"), ("tres", "ters"),
    ("ence", "ense"), ("ogue", "og"), ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"),
)
_AFTER_OUR = frozenset({"", "s", "ed", "ing", "ite", "ites", "ful", "fully", "able", "ably",
                        "less", "er", "ers", "hood", "hoods", "ly", "ism", "ist", "ists"})

_loaded: dict[str, WordList] = {}
_lock = threading.Lock()


def available_languages() -> list[str]:
    """The languages whose word list is installed, English first, then by code."""
    try:
        folder = resources.files("spellchecker") / "resources"
        found = {code for code in LANGUAGE_NAMES
                 if folder.joinpath(f"{code}.json.gz").is_file()}
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        found = set()
    return sorted(found, key=lambda code: (code != DEFAULT_LANGUAGE, code))


def language_of_locale(locale_name: str) -> str:
    """The two-letter language of a locale name ("de_AT.UTF-8" -> "de"; "C" -> "")."""
    code = locale_name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if code in ("c", "posix") or len(code) not in (2, 3) else code


class WordList:
    """One language's words and how often each is used.

    The words themselves are not kept, only each one's `hash` (64 bits: words differ
    in it as surely as in their letters; the table is built and used in the same
    process, so Python's per-process hashing doesn't matter). A hash sits in a flat
    table, how often its word is used alongside, at one of two places: its low bits,
    or else its remainder by a prime; the one in ten whose places are both taken go
    into a dictionary. English so takes about 5 MB and no Python object per word
    (pyspellchecker's word -> count dictionary took 33 MB, 43 MB while loading), and
    `_known` looks many strings up at once in a few C-level passes. A list knows and
    suggests what pyspellchecker's `SpellChecker` (distance 2) knew and suggested,
    without making its objects. `packed` (gzipped JSON, word -> count) replaces the
    language's own list."""

    def __init__(self, language: str, packed: bytes | None = None) -> None:
        self.language = language
        if packed is None:
            packed = (resources.files("spellchecker") / "resources"
                      / f"{language}.json.gz").read_bytes()
        # The table has room for about 1.25 times the words the unpacked size
        # (gzip's last four bytes) suggests, at 18 bytes a word.
        size = int.from_bytes(packed[-4:], "little") * 5 // (18 * 4)
        self._mask = (1 << max(size, 1024).bit_length()) - 1
        self._prime = _prime_below(self._mask)
        self._slots = array("q", [_EMPTY]) * (self._mask + 1)
        self._counts = array("I", [0]) * (self._mask + 1)
        self._spilt: dict[int, int] = {}
        self._letters = ""
        self._longest = 0
        self._read(packed)

    def knows(self, word: str) -> bool:
        """Whether `word` (lower case, straight apostrophes) is a word (in English, in
        British spelling too)."""
        if self._has(word):
            return True
        return self.language == "en" and any(map(self._has, _american_forms(word)))

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Up to `limit` known words one or two edits from `word` (lower case), the
        most used first (then alphabetically)."""
        if len(word) > _MAX_SUGGESTED_LENGTH:
            return []
        found = self._candidates(word)
        found.sort(key=lambda candidate: (-self._count(hash(candidate)), candidate))
        return found[:limit]

    # -- the table ----------------------------------------------------------------------
    def _has(self, word: str) -> bool:
        key = hash(word)
        slots = self._slots
        return slots[key & self._mask] == key or slots[key % self._prime] == key \
            or key in self._spilt

    def _count(self, key: int) -> int:
        for place in (key & self._mask, key % self._prime):
            if self._slots[place] == key:
                return self._counts[place]
        return self._spilt[key]

    def _read(self, packed: bytes) -> None:
        """Adds the words of the gzipped JSON object `packed` (word -> count) as
        pyspellchecker reads them: in lower case, the counts of words that differ
        only in case added up. Unpacked and parsed a block of lines at a time, so its
        text is never in memory whole and no step holds Python's lock for long; a list
        that isn't one word a line is parsed whole at the end."""
        letters: set[str] = set()
        with gzip.GzipFile(fileobj=io.BytesIO(packed)) as unpacked:
            pending = bytearray()
            while block := unpacked.read(_BLOCK):
                pending += block
                # A comma before a line's end is between two words: a line break
                # can't be inside a JSON string.
                cut = max(pending.rfind(b",\n"), pending.rfind(b",\r\n")) + 1
                if cut:
                    self._add_words(pending[:cut].decode("utf-8"), letters)
                    del pending[:cut]
            self._add_words(pending.decode("utf-8"), letters)
        self._letters = "".join(sorted(letters))

    def _add_words(self, text: str, letters: set[str]) -> None:
        """Adds the words of `text`, whole "word": count pairs of a list's JSON object
        (its braces, if in `text`, are left out here)."""
        body = text.strip().removeprefix("{").removesuffix("}").strip().removesuffix(",")
        pairs: dict[str, int] = json.loads("{" + body + "}")
        slots, counts, spilt = self._slots, self._counts, self._spilt
        mask, prime = self._mask, self._prime
        words = list(map(str.lower, pairs))
        for word, count in zip(words, pairs.values(), strict=True):
            key = hash(word)
            place = key & mask
            there = slots[place]
            if there != _EMPTY and there != key:
                place = key % prime
                there = slots[place]
            if there == _EMPTY:
                slots[place] = key
                counts[place] = count
            elif there == key:    # the same word again (in other capitals): added up
                counts[place] = min(counts[place] + count, _MOST)
            else:
                spilt[key] = spilt.get(key, 0) + count
        letters.update("".join(words))
        self._longest = max(self._longest, 0, *map(len, words))

    # -- suggestions, as pyspellchecker's SpellChecker(distance=2).candidates -----------
    def _candidates(self, word: str) -> list[str]:
        """The known words `word` may have meant: `word` if it is known, else the
        known words one edit away, else those two edits away."""
        lowered = word.lower()
        if self._has(lowered) and self._checkable(lowered):
            return [word] if word == lowered else []
        if not self._checkable(word):
            return [word] if self._has(word) else []
        first = self._edits(lowered)
        found = self._known(first)
        if found:
            return found
        reached: set[str] = set()
        for edited in first:
            if self._checkable(edited):
                reached.update(self._known(self._edits(edited)))
        return list(reached)

    def _edits(self, word: str) -> list[str]:
        """The strings one deletion, swap of neighbours, replacement or insertion of
        one of the list's letters away from `word` (with repeats)."""
        letters = self._letters
        splits = [(word[:at], word[at:]) for at in range(len(word) + 1)]
        edits = [start + rest[1:] for start, rest in splits if rest]
        edits += [start + rest[1] + rest[0] + rest[2:] for start, rest in splits
                  if len(rest) > 1]
        for start, rest in splits:
            heads = [start + letter for letter in letters]
            if rest:
                tail = rest[1:]
                edits += [head + tail for head in heads]   # replacements
            edits += [head + rest for head in heads]       # insertions
        return edits

    def _known(self, strings: list[str]) -> list[str]:
        """The known words among `strings`, each once. The table is read in C-level
        passes (hash, pick the places, compare); Python only loops over the hits."""
        if len(strings) < 2:      # itemgetter with one place gives no tuple
            return [text for text in strings if self._has(text) and self._checkable(text)]
        keys = list(map(hash, strings))
        mask, slots, spilt = self._mask, self._slots, self._spilt
        first = itemgetter(*map(mask.__and__, keys))(slots)
        second = itemgetter(*map(self._prime.__rmod__, keys))(slots)
        if not any(map(eq, first, keys)) and not any(map(eq, second, keys)) \
                and spilt.keys().isdisjoint(keys):
            return []
        return list({text for text, key, held, other
                     in zip(strings, keys, first, second, strict=True)
                     if (held == key or other == key or key in spilt)
                     and self._checkable(text)})

    def _checkable(self, word: str) -> bool:
        """pyspellchecker's `_check_if_should_check`: not a punctuation mark, not a
        number, and at most three letters longer than the longest word."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self._longest + 3:
            return False
        if word.lower() in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False


def _prime_below(number: int) -> int:
    """The largest prime below `number`."""
    candidate = number - 1
    while any(candidate % divisor == 0 for divisor in range(2, int(candidate ** 0.5) + 1)):
        candidate -= 1
    return candidate


def _american_forms(word: str) -> list[str]:
    """The American spellings a British `word` may be (see _BRITISH); a last "our"
    before one of a few endings becomes "or" (behaviour, colourful, neighbours, but
    not "hourse")."""
    forms = [word[:-len(british)] + american for british, american in _BRITISH
             if word.endswith(british) and len(word) > len(british) + 2]
    at = word.rfind("our")
    if at > 0 and word[at + 3:] in _AFTER_OUR:
        forms.append(word[:at] + "or" + word[at + 3:])
    return forms


def load(language: str) -> WordList:
    """The word list of `language` (one of `available_languages()`), loaded once per
    process. Raises ValueError for a language without one. Any thread."""
    with _lock:
        if language in _loaded:
            return _loaded[language]
    if language not in available_languages():
        raise ValueError(f"no word list for {language!r}")
    words = WordList(language)
    with _lock:
        return _loaded.setdefault(language, words)


def loaded(language: str) -> WordList | None:
    """The word list of `language` if it is already loaded."""
    with _lock:
        return _loaded.get(language)
