"""Every chapter of the guide stays easy to read and within its length.

Reading grade is the Flesch–Kincaid grade level (see tests/readability.py, which
counts syllables with the CMU Pronouncing Dictionary). The content brief asks for
grade 6 to 8 in the chapters, so no chapter may go above 8, and for the safety note
to be the simplest text in the app: grade 5 or below, about 12 words a sentence.
"""

from __future__ import annotations

import pytest

from tests.readability import Reading, chapter_reading, measure, syllables
from trustdesk.domain.guide.chapters import load_guide

GUIDE = load_guide()
CHAPTER_GRADE = 8.0
SAFETY_GRADE = 5.0
SAFETY_WORDS_PER_SENTENCE = 12.0
WORDS = {number: (300, 900) for number in range(1, 9)}
WORDS[9] = (80 * 11, 200 * 11)     # eleven answers of 80 to 200 words, and a short intro
SAFETY_WORDS = (150, 400)          # a note to read in a hard moment: short, but complete


@pytest.mark.parametrize("chapter", GUIDE.chapters, ids=lambda c: c.id)
def test_every_chapter_reads_at_grade_8_or_below(chapter):
    grade = chapter_reading(chapter).grade
    assert grade <= CHAPTER_GRADE, f"{chapter.id}: grade {grade:.1f}"


@pytest.mark.parametrize("chapter", GUIDE.chapters, ids=lambda c: c.id)
def test_every_chapter_keeps_to_its_word_range(chapter):
    low, high = WORDS[chapter.number]
    assert low <= chapter.words <= high, f"{chapter.id}: {chapter.words} words"


def test_the_safety_note_is_the_simplest_text_in_the_guide():
    note = chapter_reading(GUIDE.safety)
    assert note.grade <= SAFETY_GRADE, f"grade {note.grade:.1f}"
    assert note.words_per_sentence <= SAFETY_WORDS_PER_SENTENCE
    assert all(note.grade < chapter_reading(c).grade for c in GUIDE.chapters)
    low, high = SAFETY_WORDS
    assert low <= GUIDE.safety.words <= high


def test_the_safety_note_puts_the_action_first_in_its_lists():
    """Each help item starts with what to do ('Call …', 'Press …'), not with a condition."""
    items = [line[2:] for line in GUIDE.safety.body.splitlines() if line.startswith("- ")]
    assert len(items) >= 8
    for item in items:
        assert not item.lower().startswith(("if ", "when ", "in case")), item


# -- the measure itself -------------------------------------------------------------
@pytest.mark.parametrize(("word", "count"), [
    ("trust", 1), ("people", 2), ("everyone", 3), ("relationship", 4),
    ("don't", 1), ("you're", 1), ("self-fulfilling", 4), ("co-parent", 3),
    ("TrustDesk", 2), ("counselling", 3),
])
def test_syllables_come_from_the_dictionary_with_a_fallback(word, count):
    assert syllables(word) == count


def test_the_grade_follows_the_flesch_kincaid_formula():
    reading = measure("# A heading left out\n\nThe cat sat. The dog ran far away.\n")
    assert reading == Reading(sentences=2, words=8, syllables=9)
    expected = 0.39 * 8 / 2 + 11.8 * 9 / 8 - 15.59
    assert reading.grade == pytest.approx(expected)


def test_longer_words_and_sentences_raise_the_grade():
    plain = measure("Call for help now. Lock the app.\n")
    hard = measure("Immediately contact appropriate emergency organisations, "
                   "considering every available alternative communication method.\n")
    assert plain.grade < 3 < 12 < hard.grade


def test_list_items_count_as_sentences():
    assert measure("- one item\n- two items here\n").sentences == 2
