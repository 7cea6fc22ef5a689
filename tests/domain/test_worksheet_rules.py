"""Edge cases of the worksheet rules: ranges, limits, what counts as empty, the
status of a sheet and of its list row, and starting a new sheet from an old one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustdesk.domain.clock import check_new_date
from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import (
    MAX_ITEMS,
    MAX_TEXT,
    Emotion,
    SmallStep,
    Worksheet,
    WorksheetRow,
    status_of,
)

TODAY = date(2026, 3, 14)


def sheet(**changes) -> Worksheet:
    base = Worksheet(id="w1", happened_on=TODAY, thought="They'll leave once they see me.",
                     belief_before=70, balanced_view="Some people stayed.", belief_after=45)
    return replace(base, **changes)


@pytest.mark.parametrize("value", [0, 100])
def test_ratings_accept_both_ends_of_the_range(value):
    assert sheet(belief_before=value, belief_after=value).is_complete


@pytest.mark.parametrize("value", [-1, 101, 50.0, True, "50"])
def test_ratings_refuse_anything_but_a_whole_number_in_range(value):
    with pytest.raises(InvalidRecord, match="whole number from 0 to 100"):
        sheet(belief_before=value)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t\n", "\u00a0\u2003"])
def test_a_thought_or_view_of_only_spaces_is_still_missing(blank):
    assert sheet(thought=blank).missing_for_completion() == ["thought"]
    assert sheet(balanced_view=blank).missing_for_completion() == ["balanced"]


def test_text_limits_are_inclusive_and_the_message_says_nothing_was_lost():
    assert sheet(situation="x" * MAX_TEXT).situation
    with pytest.raises(InvalidRecord, match="Nothing was lost"):
        sheet(situation="x" * (MAX_TEXT + 1))
    with pytest.raises(InvalidRecord):
        sheet(evidence_against=("x" * (MAX_TEXT + 1),))


def test_lists_are_limited_to_fifty_items():
    assert len(sheet(evidence_for=("a",) * MAX_ITEMS).evidence_for) == MAX_ITEMS
    with pytest.raises(InvalidRecord, match="at most 50"):
        sheet(evidence_for=("a",) * (MAX_ITEMS + 1))
    with pytest.raises(InvalidRecord):
        sheet(emotions_after=(Emotion("Calm", 10),) * (MAX_ITEMS + 1))


def test_days_before_1900_are_refused():
    with pytest.raises(InvalidRecord):
        sheet(happened_on=date(1899, 12, 31))


def test_a_day_far_ahead_is_refused_when_set_but_read_back_as_stored():
    """Storage checks a day a person sets (clock.check_new_date); a stored sheet
    must read back whatever the clock says now."""
    far = date.today() + timedelta(days=400)
    assert sheet(happened_on=far).happened_on == far
    with pytest.raises(InvalidRecord):
        check_new_date(far, "The date of what happened")


def test_a_feeling_may_be_named_before_it_is_rated():
    assert Emotion("Uneasy", None).intensity is None
    assert Emotion("x" * 60, 0).name
    with pytest.raises(InvalidRecord):
        Emotion("x" * 61, 10)


@pytest.mark.parametrize("changes", [{"likelihood": 101}, {"likelihood": -5},
                                     {"outcome": "maybe"}, {"id": ""},
                                     {"due": date(1850, 1, 1)}])
def test_small_step_refuses_bad_values(changes):
    with pytest.raises(InvalidRecord):
        replace(SmallStep(id="s1", text="Call Mia"), **changes)


def test_step_is_due_on_its_day_not_the_day_before_and_not_once_followed_up():
    step = SmallStep(id="s1", text="Call Mia", due=TODAY)
    assert not step.is_due(TODAY - timedelta(days=1))
    assert step.is_due(TODAY) and step.is_due(TODAY + timedelta(days=30))
    assert not replace(step, outcome="partly").is_due(TODAY)
    assert not SmallStep(id="s2", text="Undated").is_due(TODAY)


def test_a_draft_stays_a_draft_even_when_its_step_was_followed_up():
    step = SmallStep(id="s1", text="Call Mia", due=TODAY, outcome="no")
    assert sheet(balanced_view="", step=step).status(TODAY) == "draft"
    assert sheet(step=step).status(TODAY) == "followed_up"


def test_starting_point_keeps_only_the_fear_and_the_thought():
    old = sheet(category="abandonment", who="Jo", situation="Jo was late", traps=("labelling",),
                step=SmallStep(id="s1", text="Ask Jo"))
    new = old.starting_point(today=TODAY + timedelta(days=3))
    assert new.id != old.id
    assert (new.category, new.thought) == (old.category, old.thought)
    assert new.happened_on == TODAY + timedelta(days=3)
    assert (new.who, new.situation, new.traps, new.step) == ("", "", (), None)
    assert new.belief_before is None and new.status(TODAY) == "draft"


@given(complete=st.booleans(), offset=st.one_of(st.none(), st.integers(-5, 5)),
       outcome=st.sampled_from([None, "yes", "partly", "no"]))
def test_a_list_row_has_the_same_status_as_its_sheet(complete, offset, outcome):
    due = None if offset is None else TODAY + timedelta(days=offset)
    step = SmallStep(id="s1", text="Try", due=due, outcome=outcome)
    full = sheet(step=step, balanced_view="View" if complete else "")
    row = WorksheetRow(id=full.id, happened_on=full.happened_on, category=None,
                       thought=full.thought, belief_before=70, belief_after=45,
                       is_complete=full.is_complete, step_due=due,
                       step_followed_up=outcome is not None)
    assert row.status(TODAY) == full.status(TODAY) == status_of(
        complete=complete, step_due=due, followed_up=outcome is not None, today=TODAY)
