"""Which words of a line the spell checker looks at, and how it decides."""

from __future__ import annotations

import gzip

import pytest

from trustdesk.domain.spelling import word_lists
from trustdesk.domain.spelling.checker import Checker, clean_personal_word
from trustdesk.domain.spelling.words import checkable_words


def words_of(line: str) -> list[str]:
    return [line[start:start + length] for start, length in checkable_words(line)]


def test_prose_words_are_checked_with_their_apostrophes():
    assert words_of("I don't recieve Sam’s letters") == \
        ["don't", "recieve", "Sam’s", "letters"]


@pytest.mark.parametrize("line", [
    "#garden #self-care",                       # tags
    "3pm 2026 B12 4th 1,000",                   # numbers and words with digits
    "https://exampel.org/recieve www.wrng.example mail@exampel.org",
    "`recieve the codde`",                      # inline code
    "<https://recieve.example> <span>",         # autolinks and HTML
    "CBT ADHD TrustDesk iPhone snake_case x",   # capitals, capitals inside, one letter
])
def test_markdown_marks_tags_numbers_and_links_are_left_alone(line):
    assert words_of(line) == []


def test_a_links_words_are_checked_but_not_its_address():
    assert words_of("[my freind](https://exampel.org/x)") == ["my", "freind"]


def test_markdown_marks_around_words_are_not_part_of_them():
    assert words_of("## **Definately** *seperate*, - occured") == \
        ["Definately", "seperate", "occured"]


def test_hyphenated_words_are_checked_part_by_part():
    assert words_of("self-doubt") == ["self", "doubt"]


class Words:
    def __init__(self, *known: str) -> None:
        self.known = set(known)
        self.looked_up: list[str] = []

    def knows(self, word: str) -> bool:
        self.looked_up.append(word)
        return word in self.known

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        return ["receive"] if word == "recieve" else []


def test_each_distinct_word_is_looked_up_once():
    words = Words("trust")
    checker = Checker(words)
    for _ in range(3):
        assert not checker.is_misspelt("trust")
        assert checker.is_misspelt("trsut")
    assert words.looked_up == ["trust", "trsut"]


def test_personal_ignored_possessive_and_capitalised_words_are_known():
    checker = Checker(Words("sam", "trust"), personal=["Priya"])
    assert not checker.is_misspelt("Priya")
    assert not checker.is_misspelt("priya's")
    assert not checker.is_misspelt("Sam’s")
    assert not checker.is_misspelt("Trust")
    assert checker.is_misspelt("Aroha")
    checker.ignore("aroha")
    assert not checker.is_misspelt("Aroha")
    checker.add_personal("Ngaio")
    assert checker.personal_words() >= {"ngaio", "priya"}


def test_suggestions_keep_a_capital():
    assert Checker(Words()).suggestions("Recieve") == ["Receive"]


@pytest.mark.parametrize("bad", ["", "  ", "two words", "x" * 61, "tab\there"])
def test_only_single_words_go_in_the_dictionary(bad):
    with pytest.raises(ValueError):
        clean_personal_word(bad)


def test_clean_word_straightens_apostrophes():
    assert clean_personal_word(" Sam’s ") == "Sam's"


# -- the real English word list ------------------------------------------------------
@pytest.fixture(scope="module")
def english() -> word_lists.WordList:
    return word_lists.load("en")


@pytest.mark.parametrize("wrong,right", [
    ("recieve", "receive"), ("definately", "definitely"), ("seperate", "separate"),
    ("occured", "occurred")])
def test_common_misspellings_are_caught_and_corrected_first(english, wrong, right):
    checker = Checker(english)
    assert checker.is_misspelt(wrong)
    assert checker.suggestions(wrong)[0] == right


@pytest.mark.parametrize("word", ["receive", "trusting", "friendships", "reconnected",
                                  "don't", "I", "a"])
def test_correct_and_inflected_words_pass(english, word):
    assert not Checker(english).is_misspelt(word)


def test_english_is_there_and_first():
    assert word_lists.available_languages()[0] == "en"


@pytest.mark.parametrize("name,code", [("de_AT.UTF-8", "de"), ("en-GB", "en"), ("C", ""),
                                       ("POSIX", ""), ("", "")])
def test_the_language_of_a_locale(name, code):
    assert word_lists.language_of_locale(name) == code


def test_a_very_long_run_of_letters_is_quick_and_not_a_word():
    """100,000 letters without a space (a worksheet allows that many): no pattern
    backtracks over them (that took minutes), and they are no word to check."""
    assert words_of("x" * 100_000 + " recieve") == ["recieve"]
    assert words_of("see-" * 25_000 + " www.example.org") == []


@pytest.mark.parametrize("word", ["realised", "apologising", "colour", "colourful",
                                  "behaviour", "neighbourhood", "favourite", "centre",
                                  "travelled", "analyse", "defence", "programme"])
def test_british_spellings_pass_in_english(english, word):
    assert not Checker(english).is_misspelt(word)


@pytest.mark.parametrize("word", ["hourse", "occured", "untill", "accomodate"])
def test_the_british_forms_let_no_misspelling_through(english, word):
    assert Checker(english).is_misspelt(word)


def test_suggestions_are_the_most_used_words_first(english):
    assert english.suggestions("teh") == ["the", "ten", "tea", "te", "eh"]
    assert english.suggestions("receive") == ["receive"]


def test_a_misspelling_two_edits_away_still_gets_suggestions(english):
    """No known word is one edit from "embarasment": the words two edits away are
    offered, as pyspellchecker offered them."""
    assert english.suggestions("embarasment") == ["embarrassment", "embarkment"]
    assert english.suggestions("zqxjvvk") == []


def test_a_british_spelling_is_known_through_its_american_word_only(english):
    assert english.knows("apologising") and english.knows("neighbours")
    assert not english.knows("apologiseing") and not english.knows("neighbourz")


def test_a_list_of_any_layout_is_read_with_capitals_and_escapes():
    """pyspellchecker's own reading: capitals lowered and their counts added up
    ("Cat" and "cat" outrank "car"), JSON escapes undone, on one line or on lines
    ending in \\r\\n."""
    one_line = b'{"Cat": 5, "cat": 5, "car": 8, "caf\\u00c9": 2, "say \\"hi\\"": 1}'
    lines = one_line.replace(b"{", b"{\r\n").replace(b", ", b",\r\n").replace(b"}", b"\r\n}")
    for text in (one_line, lines):
        words = word_lists.WordList("xx", packed=gzip.compress(text))
        assert words.suggestions("cax") == ["cat", "car"]
        assert words.suggestions("cafe") == ["café"]
        assert words.knows('say "hi"') and words.knows("café") and not words.knows("Cat")


@pytest.mark.parametrize("language,word", [("fa", "آئورت"), ("eu", 'armada"ez')])
def test_lists_with_windows_lines_or_escapes_are_read_whole(language, word):
    words = word_lists.WordList(language)
    assert words.knows(word)
