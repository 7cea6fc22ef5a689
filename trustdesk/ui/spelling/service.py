"""The app's speller: whether spell checking is on, in which language, and the
person's own words, for every editor at once.

Like `theme.notifier`, one object (`speller`) that widgets listen to (`changed`:
the marks should be drawn again). The workspace opens it when a journal unlocks
(the person's dictionary is read from the journal, new words are written back to
it, never to a file) and closes it when the journal locks, which forgets the
person's words and the words ignored in the session. Until it is open, or while
the language's word list loads in the background, nothing is marked. The first list
starts loading LOAD_AFTER_MS after unlocking, so it doesn't compete with the first
page for Python's lock. UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from trustdesk.domain.settings import AppSettings
from trustdesk.domain.spelling import DEFAULT_LANGUAGE, LANGUAGE_NAMES, word_lists
from trustdesk.domain.spelling.checker import Checker, clean_personal_word

LOAD_AFTER_MS = 1500


class PersonalDictionary(Protocol):
    """Where the person's own words are kept (storage's SettingsRepository)."""

    def load_personal_words(self) -> list[str]: ...

    def add_personal_word(self, word: str) -> None: ...


@dataclass(frozen=True)
class LanguageChoice:
    """The word list used for a setting: `language` ("" when there is none) and, when
    it is not the one asked for, a sentence saying so."""

    language: str
    note: str = ""


def system_language() -> str:
    """The computer's language, as a two-letter code ("" when it can't tell)."""
    return word_lists.language_of_locale(QLocale.system().name())


def language_name(code: str) -> str:
    """ "Deutsch" for "de"; the language's own name where Qt knows it, else the code."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    name = QLocale(code).nativeLanguageName() if code else ""
    return name or code


def choose_language(setting: str, *, system: str | None = None) -> LanguageChoice:
    """The language to check in for `setting` ("" follows the computer's language,
    falling back to English when that one has no word list)."""
    available = word_lists.available_languages()
    if setting:
        if setting in available:
            return LanguageChoice(setting)
        return LanguageChoice("", f"TrustDesk has no dictionary for {language_name(setting)} "
                                  "here, so spelling isn't checked.")
    wanted = system_language() if system is None else system
    if wanted in available:
        return LanguageChoice(wanted)
    fallback = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else ""
    if not fallback:
        return LanguageChoice("", "No dictionary is installed with TrustDesk, so spelling "
                                  "isn't checked.")
    if not wanted:
        return LanguageChoice(fallback)
    return LanguageChoice(fallback, f"TrustDesk has no dictionary for your computer's "
                                    f"language ({language_name(wanted)}), so it checks "
                                    f"in {language_name(fallback)}.")


class Speller(QObject):
    """See the module's docstring."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._keeper: PersonalDictionary | None = None
        self._personal: list[str] = []
        self._enabled = False
        self._language = ""
        self._checker: Checker | None = None
        self._wanted = ""          # the language being loaded in the background
        self.load_after_ms = LOAD_AFTER_MS

    # -- the session -------------------------------------------------------------------
    def open(self, keeper: PersonalDictionary, settings: AppSettings) -> None:
        """A journal unlocked: its own words, and its settings."""
        self._keeper = keeper
        self._personal = keeper.load_personal_words()
        self._checker = None
        self._language = ""
        self.apply(settings)

    def close(self) -> None:
        """The journal locks: forget its words and the ignored ones; mark nothing."""
        was_active = self.active
        self._keeper = None
        self._personal = []
        self._checker = None
        self._enabled = False
        self._language = ""
        self._wanted = ""
        if was_active:
            self.changed.emit()

    def apply(self, settings: AppSettings) -> None:
        """Spell checking on or off, or another language."""
        if self._keeper is None:
            return
        language = choose_language(settings.spelling_language).language
        enabled = settings.spell_check and bool(language)
        if enabled == self._enabled and language == self._language:
            return
        was_active = self.active
        self._enabled = enabled
        if language != self._language:
            self._language = language
            self._checker = None
        if enabled and self._checker is None:
            self._start_checker(language)
        if self.active or was_active:
            self.changed.emit()

    def _start_checker(self, language: str) -> None:
        words = word_lists.loaded(language)
        if words is not None:
            self._checker = Checker(words, self._personal)
            return
        if self._wanted == language:
            return  # already loading
        self._wanted = language
        from trustdesk.ui import tasks

        def loaded(words: word_lists.WordList) -> None:
            if self._wanted != words.language:
                return
            self._wanted = ""
            if self._keeper is not None and self._language == words.language \
                    and self._checker is None:
                self._checker = Checker(words, self._personal)
                if self._enabled:
                    self.changed.emit()

        def start() -> None:
            if self._wanted == language:
                tasks.run_task(lambda: word_lists.load(language), on_done=loaded)

        QTimer.singleShot(self.load_after_ms, self, start)

    # -- checking ----------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether words are being checked now (on, and the word list loaded)."""
        return self._enabled and self._checker is not None

    @property
    def language(self) -> str:
        return self._language

    def is_misspelt(self, word: str) -> bool:
        checker = self._checker
        return self._enabled and checker is not None and checker.is_misspelt(word)

    def suggestions(self, word: str) -> list[str]:
        return self._checker.suggestions(word) if self._checker is not None else []

    def add_to_dictionary(self, word: str) -> None:
        """Keep `word` in the person's dictionary inside the journal; it is no longer
        marked anywhere."""
        if self._keeper is None:
            return
        cleaned = clean_personal_word(word)
        if cleaned.lower().endswith("'s") and len(cleaned) > 3:
            cleaned = cleaned[:-2]   # "Ngaire's": the name goes in, and so both pass
        self._keeper.add_personal_word(cleaned)
        self._personal.append(cleaned)
        if self._checker is not None:
            self._checker.add_personal(cleaned)
        self.changed.emit()

    def ignore(self, word: str) -> None:
        """Don't mark `word` again until the journal locks."""
        if self._checker is not None:
            self._checker.ignore(word)
            self.changed.emit()

    def reload_words(self) -> None:
        """Words may have come into the person's dictionary another way (an import):
        read it again and stop marking them."""
        if self._keeper is None:
            return
        known = set(self._personal)
        added = [word for word in self._keeper.load_personal_words() if word not in known]
        if not added:
            return
        self._personal += added
        if self._checker is not None:
            for word in added:
                self._checker.add_personal(word)
        self.changed.emit()

speller = Speller()
"""The app's one speller (see the module's docstring)."""
