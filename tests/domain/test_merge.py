"""Import merge rules and the sentence that reports them."""

from __future__ import annotations

from datetime import datetime

from trustdesk.domain.merge import ADD, KEEP, UPDATE, ImportResult, Tally, decide

OLD, NEW = datetime(2024, 5, 1, 9, 0), datetime(2024, 5, 1, 9, 1)


def test_a_new_id_is_added_whatever_its_stamp():
    assert decide(OLD, None, exists=False) == ADD
    assert decide(None, None, exists=False) == ADD


def test_the_newer_version_wins_and_a_tie_keeps_yours():
    assert decide(NEW, OLD, exists=True) == UPDATE
    assert decide(OLD, NEW, exists=True) == KEEP
    assert decide(OLD, OLD, exists=True) == KEEP
    assert decide(OLD, None, exists=True) == UPDATE
    assert decide(None, OLD, exists=True) == KEEP


def test_the_result_reads_plainly():
    result = ImportResult(entries=Tally(added=300, updated=12))
    assert result.describe() == "Imported 312 entries: 300 new, 12 updated."
    result = ImportResult(entries=Tally(added=1, unchanged=4), worksheets=Tally(updated=1),
                          steps=Tally(added=2))
    assert result.describe() == ("Imported 5 entries: 1 new, 4 already here. Imported 1 "
                                 "worksheet: 1 updated. Imported 2 small steps: 2 new.")
    result = ImportResult(entries=Tally(unchanged=3120), worksheets=Tally(unchanged=1))
    assert result.describe() == ("Everything in the file (3,120 entries and 1 worksheet) is "
                                 "already in your journal, so nothing changed.")
    assert ImportResult().describe() == "The file has nothing in it to import."
