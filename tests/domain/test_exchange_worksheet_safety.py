"""Export format version 2: a worksheet's pattern answer, the step's playing-it-safe
habits and the belief rated again at the follow-up go out and come back; the
"explaining it away" trap is a known key; version 1 files still import."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tests.domain.test_exchange_validation import changed, document, problem_with
from trustdesk.domain.exchange.codec import VERSION, Bundle, decode, encode
from trustdesk.domain.worksheet import SmallStep, Worksheet


def test_a_version_1_file_imports_with_the_new_fields_empty():
    incoming = decode(json.dumps(document()).encode())
    sheet, step = incoming.bundle.worksheets[0], incoming.bundle.steps[0]
    assert sheet.pattern is None
    assert step.playing_safe == "" and step.belief_at_follow_up is None


def test_pattern_playing_safe_and_follow_up_belief_survive_a_round_trip():
    step = SmallStep(id="s1", worksheet_id="w1", text="Keep my own bank card.",
                     due=date(2024, 5, 10), prediction="He asks where it is within a day.",
                     playing_safe="Hiding it and saying it's lost.", outcome="yes",
                     belief_at_follow_up=90, followed_up_on=date(2024, 5, 11))
    sheet = Worksheet(id="w1", happened_on=date(2024, 5, 3), category="control",
                      thought="He checks my phone because he loves me.",
                      pattern="yes", verdict="red_flag",
                      traps=("explaining_away", "emotional_reasoning"), step=step,
                      created_at=datetime(2024, 5, 3, 12, 0))
    data = encode(Bundle(entries=[], worksheets=[sheet], steps=[step],
                         step_created={"s1": datetime(2024, 5, 3, 12, 0)}),
                  exported_at=datetime(2024, 6, 1, 10, 0).astimezone())
    raw = json.loads(data)
    assert raw["version"] == VERSION >= 2
    assert raw["worksheets"][0]["pattern"] == "yes"
    assert raw["worksheets"][0]["traps"] == ["explaining_away", "emotional_reasoning"]
    assert raw["steps"][0]["playing_safe"] == "Hiding it and saying it's lost."
    assert raw["steps"][0]["belief_at_follow_up"] == 90
    back = decode(data).bundle
    assert back.worksheets[0].pattern == "yes"
    assert back.worksheets[0].traps == ("explaining_away", "emotional_reasoning")
    assert back.steps[0] == step


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("worksheets", 0, "pattern"), "often",
     "worksheet 1 (id 'w1'): pattern must be one of yes, no, not_sure, or null"),
    (("steps", 0, "belief_at_follow_up"), 101,
     "step 1 (id 's1'): belief_at_follow_up must be a whole number from 0 to 100"),
    (("steps", 0, "playing_safe"), 7, "step 1 (id 's1'): playing_safe must be text, not a number"),
])
def test_bad_new_fields_are_refused_by_name(path, value, expected):
    assert problem_with(changed(path, value)) == expected
