"""The one due rule for small steps: date come, no follow-up, not skipped, snooze over."""

from __future__ import annotations

from datetime import date

import pytest

from trustdesk.domain.steps import due_count, due_steps, not_yet, skip, snooze, unskip
from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import SmallStep

TODAY = date(2026, 12, 7)


def _step(step_id: str, due: date | None, **more) -> SmallStep:
    return SmallStep(id=step_id, text=f"step {step_id}", due=due, **more)


def test_a_step_is_due_once_its_date_has_come_and_oldest_comes_first():
    steps = [_step("later", date(2026, 12, 8)), _step("today", TODAY),
             _step("july", date(2026, 7, 10)), _step("undated", None),
             _step("done", date(2026, 12, 1), outcome="no")]
    assert [s.id for s in due_steps(steps, TODAY)] == ["july", "today"]
    assert due_count(steps, TODAY) == 2
    assert due_count(steps, date(2026, 12, 8)) == 3


def test_snoozing_moves_a_step_to_its_new_day():
    step = snooze(_step("a", date(2026, 7, 10)), date(2026, 12, 10), TODAY)
    assert step.waits_until == date(2026, 12, 10)
    assert due_steps([step], TODAY) == []
    assert due_steps([step], date(2026, 12, 10)) == [step]
    later = not_yet(_step("b", TODAY), TODAY)
    assert not later.is_due(TODAY) and later.is_due(date(2026, 12, 8))
    with pytest.raises(InvalidRecord):
        snooze(_step("c", TODAY), TODAY, TODAY)


def test_a_skipped_step_no_longer_waits_and_unskipping_brings_it_back():
    step = skip(_step("a", date(2026, 7, 10)), TODAY)
    assert step.skipped_on == TODAY and due_count([step], date(2030, 1, 1)) == 0
    assert unskip(step).is_due(TODAY)
    # snoozing a skipped step brings it back on the new day
    assert snooze(step, date(2026, 12, 9), TODAY).is_due(date(2026, 12, 9))
