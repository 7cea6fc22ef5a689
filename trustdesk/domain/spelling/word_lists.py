"""The word lists of each language TrustDesk can check, from pyspellchecker.

pyspellchecker (MIT) ships a word list with frequencies for each language inside
its own package, so every install (pip, the bundle, the .deb) has them offline; see
docs/spelling.md for the comparison that chose it. Loading a list takes a few
hundred milliseconds (call `load` off the UI thread); a loaded list is kept for the
process, since it holds no personal words. Lookups are thread-safe reads.
"""

from __future__ import annotations

import gzip
import json
import threading
from importlib import resources

from trustdesk.domain.spelling import DEFAULT_LANGUAGE, LANGUAGE_NAMES

MAX_SUGGESTIONS = 5
_MAX_SUGGESTED_LENGTH = 30     # past this, edits at distance 2 take too long to try
_LINES_AT_ONCE = 4000          # lines of a word list parsed in one go (a few ms)

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
    """One language's words and how often each is used."""

    def __init__(self, language: str) -> None:
        from spellchecker import SpellChecker

        self.language = language
        self._checker = SpellChecker(language=None, distance=2)
        self._checker.word_frequency.load_json(_read_words(language))
        self._words = self._checker.word_frequency.dictionary

    def knows(self, word: str) -> bool:
        """Whether `word` (lower case, straight apostrophes) is a word (in English, in
        British spelling too)."""
        if word in self._words:
            return True
        return self.language == "en" and any(
            american in self._words for american in _american_forms(word))

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Up to `limit` known words one or two edits from `word` (lower case), the
        most used first."""
        if len(word) > _MAX_SUGGESTED_LENGTH:
            return []
        found = self._checker.candidates(word) or set()
        known = [candidate for candidate in found if candidate in self._words]
        known.sort(key=lambda candidate: (-self._words[candidate], candidate))
        return known[:limit]


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


def _read_words(language: str) -> dict[str, int]:
    """The word list of `language`: word -> how often it is used."""
    packed = (resources.files("spellchecker") / "resources" / f"{language}.json.gz")
    text = gzip.decompress(packed.read_bytes()).decode("utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "{":
        parsed: dict[str, int] = json.loads(text)   # not one word a line: all at once
        return parsed
    words: dict[str, int] = {}
    body = [line.rstrip().rstrip(",") for line in lines[1:]]
    while body and body[-1] in ("", "}"):
        body.pop()
    for first in range(0, len(body), _LINES_AT_ONCE):
        chunk = ",".join(line for line in body[first:first + _LINES_AT_ONCE] if line)
        words.update(json.loads("{" + chunk + "}"))
    return words


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
