"""Spell checking without Qt: which words of a line to check (`words`), the word
lists of each language (`word_lists`) and one language's checker with the person's
own words (`checker`). See docs/spelling.md for why the word lists are
pyspellchecker's."""
