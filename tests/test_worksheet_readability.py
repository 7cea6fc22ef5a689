"""Every text of the fear-reframing worksheet stays easy to read.

The same Flesch–Kincaid grade as the guide (tests/readability.py, syllables from the
CMU Pronouncing Dictionary), over every string in resources/worksheet/content.toml:
each step's words, each table of choices, and every single text of nine words or
more at grade 8 or below (the content brief's ceiling), with the whole worksheet
well under it. The lines that point to the safety note aim at the note's own
target: grade 5 or below together.

A label without an end mark ("What happened") counts as one sentence, as a list item
does in the guide. Run `python -m tests.test_worksheet_readability` to print them.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from tests.readability import Reading, syllables, words
from trustdesk import resources

CEILING = 8.0          # any step, table or single text
WHOLE = 6.0            # the whole worksheet: aim lower than the ceiling
SAFETY = 5.0           # the lines that point to the safety note, together
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+")
_NOT_TEXT = {"key", "verdict", "trust_priority", "retired"}


def _content() -> dict[str, Any]:
    with open(resources.path("worksheet", "content.toml"), "rb") as fh:
        return tomllib.load(fh)


def strings(value: Any) -> list[str]:
    """Every text in a TOML value, keys and flags left out."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in _NOT_TEXT
                for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def reading(texts: list[str]) -> Reading:
    sentences = [part for text in texts for part in _SENTENCE_END.split(text.strip())
                 if words(part)]
    found = [word for sentence in sentences for word in words(sentence)]
    return Reading(sentences=len(sentences), words=len(found),
                   syllables=sum(syllables(word) for word in found))


def groups() -> dict[str, list[str]]:
    """The worksheet's texts as a person meets them: step by step, then each table."""
    data = _content()
    found = {f"step {step['key']}": strings({"title": step["title"], "intro": step["intro"],
                                             **step.get("fields", {})})
             for step in data["steps"]}
    for name in ("red_flag", "verdicts", "patterns", "starting_points", "categories",
                 "traps", "emotions", "followup", "messages", "statuses"):
        found[name] = strings(data[name])
    return found


GROUPS = groups()
SAFETY_LINES = [_content()["messages"]["safety"], _content()["messages"]["safety_offer"],
                _content()["red_flag"]["danger"], _content()["followup"]["safety"]]


@pytest.mark.parametrize("name", GROUPS)
def test_every_step_and_table_reads_at_grade_8_or_below(name):
    grade = reading(GROUPS[name]).grade
    assert grade <= CEILING, f"{name}: grade {grade:.1f}"


def test_every_longer_text_reads_at_grade_8_or_below():
    too_hard = [(round(reading([text]).grade, 1), text)
                for texts in GROUPS.values() for text in texts
                if len(words(text)) >= 9 and reading([text]).grade > CEILING]
    assert not too_hard


def test_the_whole_worksheet_reads_well_under_the_ceiling():
    whole = reading([text for texts in GROUPS.values() for text in texts])
    assert whole.grade <= WHOLE, f"grade {whole.grade:.1f}"
    assert whole.words_per_sentence <= 12


def test_the_lines_pointing_to_the_safety_note_are_simple_too():
    lines = reading(SAFETY_LINES)
    assert lines.grade <= SAFETY, f"grade {lines.grade:.1f}"


def test_the_measure_sees_every_part_of_the_file():
    """A new table in the file must be measured too, not slip past the test."""
    measured = {name for name in GROUPS if not name.startswith("step ")} | {"steps"}
    assert set(_content()) == measured


def report() -> str:
    lines = [f"{'part':24} {'grade':>5} {'w/sent':>6}"]
    for name, texts in GROUPS.items():
        found = reading(texts)
        lines.append(f"{name:24} {found.grade:5.1f} {found.words_per_sentence:6.1f}")
    whole = reading([text for texts in GROUPS.values() for text in texts])
    lines.append(f"{'whole worksheet':24} {whole.grade:5.1f} {whole.words_per_sentence:6.1f}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
