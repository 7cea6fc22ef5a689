"""A worksheet is complete with a thought, both beliefs and a balanced view, and its
small step becomes due for a follow-up once its date has come."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import Emotion, SmallStep, Worksheet

TODAY = date(2026, 11, 27)


def complete_sheet(**changes) -> Worksheet:
    sheet = Worksheet.new(category="rejection", today=TODAY)
    values = {"thought": "If I ask, they'll say no and think less of me.",
              "belief_before": 80, "balanced_view": "They have said yes before.",
              "belief_after": 40, **changes}
    return replace(sheet, **values)


def test_new_sheet_is_a_draft_missing_four_parts():
    sheet = Worksheet.new(today=TODAY)
    assert sheet.status(TODAY) == "draft"
    assert sheet.missing_for_completion() == ["thought", "belief_before", "balanced",
                                              "belief_after"]


def test_complete_sheet_and_its_follow_up():
    step = SmallStep(id="s1", text="Ask Sam for coffee", due=date(2026, 12, 1))
    sheet = complete_sheet(step=step)
    assert sheet.status(TODAY) == "complete"
    assert sheet.status(date(2026, 12, 1)) == "follow_up_due"
    done = replace(sheet, step=replace(step, outcome="no", learned="Sam was glad."))
    assert done.status(date(2026, 12, 5)) == "followed_up"


@pytest.mark.parametrize("changes", [
    {"belief_before": 101}, {"belief_after": -1}, {"category": "spiders"},
    {"verdict": "maybe"}, {"traps": ("mind_reading", "mind_reading")},
    {"traps": ("astrology",)},
])
def test_invalid_values_are_refused(changes):
    with pytest.raises(InvalidRecord):
        complete_sheet(**changes)


def test_emotion_intensity_is_zero_to_a_hundred():
    assert Emotion("Anxious", 0).intensity == 0
    with pytest.raises(InvalidRecord):
        Emotion("Anxious", 120)
    with pytest.raises(InvalidRecord):
        Emotion("  ", 50)


def test_steps_filled_names_each_step_with_something_written_or_chosen():
    sheet = Worksheet(id="w", happened_on=date(2026, 12, 6))
    assert sheet.steps_filled() == (False,) * 8, "the date alone fills nothing"
    sheet = Worksheet(id="w", happened_on=date(2026, 12, 6), who="Sam", thought="T",
                      belief_before=0, verdict="not_sure", belief_after=10,
                      step=SmallStep(id="s", text="Ask"))
    assert sheet.steps_filled() == (True, True, True, False, True, False, True, True)
