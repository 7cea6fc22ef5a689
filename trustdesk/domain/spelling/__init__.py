"""Spell checking without Qt: which words of a line to check (`words`), the word
lists of each language (`word_lists`) and one language's checker with the person's
own words (`checker`). See docs/spelling.md for why the word lists are
pyspellchecker's.

The languages are named here, not in `word_lists`, so that the settings (read before
the unlock screen is painted) can check a language without importing the lists'
machinery."""

DEFAULT_LANGUAGE = "en"
# Each language's name in itself, as Settings lists them.
LANGUAGE_NAMES = {
    "en": "English", "de": "Deutsch", "es": "Español", "fr": "Français",
    "it": "Italiano", "nl": "Nederlands", "pt": "Português", "lv": "Latviešu",
    "eu": "Euskara", "ru": "Русский", "ar": "العربية", "fa": "فارسی",
}
