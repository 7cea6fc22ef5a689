"""Worksheets go into the vault and come back exactly, in one transaction each; the
list, its filters and the follow-ups due agree with the domain's rules."""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.test_privacy import files_containing
from trustdesk.domain.worksheet import Emotion, SmallStep, Worksheet
from trustdesk.storage import errors
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.worksheet_repo import WHITESPACE

TODAY = date.today()


def full_sheet(**changes) -> Worksheet:
    step = SmallStep(id="step-1", text="Tell Dana I'd like to meet her friends",
                     due=TODAY + timedelta(days=5),
                     prediction="She'll say it's too soon and pull back.", likelihood=60)
    sheet = Worksheet(
        id="sheet-1", happened_on=TODAY - timedelta(days=1),
        situation="Dana didn't answer my message for a whole evening.\nI kept checking.",
        who="Dana", category="abandonment",
        thought="She's losing interest, like everyone does.", belief_before=85,
        emotions_before=(Emotion("Anxious", 80), Emotion("Lonely", 60),
                         Emotion("a knot in my stomach", None)),
        evidence_for=("She was slower to reply this week.",),
        evidence_against=("She told me she had a deadline.", "She asked about my weekend.",
                          "She has never just vanished."),
        verdict="false_alarm", traps=("mind_reading", "overgeneralising", "fortune_telling"),
        balanced_view="A slow evening isn't her leaving. 🌱 שלום, 你好.",
        belief_after=35, emotions_after=(Emotion("Anxious", 40), Emotion("Calm", 30)),
        step=step, created_at=datetime(2026, 1, 2, 9, 30))
    return replace(sheet, **changes)


def test_every_field_comes_back_in_order(store):
    repo = store.worksheets
    saved = repo.save(full_sheet())
    loaded = repo.get("sheet-1")
    assert loaded == saved
    assert loaded.updated_at is not None and loaded.step.worksheet_id == "sheet-1"
    assert loaded.emotions_before[2] == Emotion("a knot in my stomach", None)
    assert loaded.traps == ("mind_reading", "overgeneralising", "fortune_telling")
    assert loaded.evidence_against[1] == "She asked about my weekend."


def test_saving_again_replaces_lists_and_keeps_when_it_was_started(store):
    repo = store.worksheets
    repo.save(full_sheet())
    changed = full_sheet(evidence_against=("Only this one now.",), traps=(),
                         emotions_after=(), created_at=datetime(2030, 1, 1))
    repo.save(changed)
    loaded = repo.get("sheet-1")
    assert loaded.evidence_against == ("Only this one now.",)
    assert loaded.traps == () and loaded.emotions_after == ()
    assert loaded.created_at == datetime(2026, 1, 2, 9, 30)


def test_removing_or_replacing_the_step(store):
    repo = store.worksheets
    repo.save(full_sheet())
    repo.save(full_sheet(step=SmallStep(id="step-2", text="Another try")))
    assert [s.id for s in repo.steps()] == ["step-2"]
    repo.save(full_sheet(step=None))
    assert repo.get("sheet-1").step is None and repo.steps() == []


def test_a_save_that_fails_half_way_changes_nothing(store):
    repo = store.worksheets
    repo.save(full_sheet())
    with store.vault.read() as conn:  # the last write of the save will fail
        conn.execute("CREATE TEMP TRIGGER refuse BEFORE UPDATE ON small_steps "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception, match="refused"):
        repo.save(full_sheet(thought="changed", evidence_for=(), traps=("labelling",),
                             step=replace(full_sheet().step, text="changed")))
    loaded = repo.get("sheet-1")
    assert loaded.thought == "She's losing interest, like everyone does."
    assert loaded.evidence_for == ("She was slower to reply this week.",)
    assert loaded.traps == full_sheet().traps and loaded.step.text == full_sheet().step.text


def test_delete_takes_the_step_and_every_list_with_it(store):
    repo = store.worksheets
    repo.save(full_sheet())
    repo.delete("sheet-1")
    assert repo.get("sheet-1") is None and repo.steps() == []
    counts = store.vault.table_counts()
    assert counts["worksheet_emotions"] == counts["worksheet_evidence"] == 0
    assert counts["worksheet_traps"] == 0


def test_duplicate_is_a_new_draft_starting_from_the_same_fear(store):
    repo = store.worksheets
    repo.save(full_sheet())
    copy = repo.duplicate("sheet-1")
    assert copy.id != "sheet-1" and repo.get(copy.id) == copy
    assert (copy.category, copy.thought) == ("abandonment", full_sheet().thought)
    assert copy.status(TODAY) == "draft" and copy.step is None
    with pytest.raises(KeyError):
        repo.duplicate("nope")


def _sheets_in_every_state(repo) -> dict[str, Worksheet]:
    past, future = TODAY - timedelta(days=2), TODAY + timedelta(days=2)
    sheets = {
        "draft": full_sheet(id="d", balanced_view=" \n\u00a0", step=None, category="failing"),
        "complete": full_sheet(id="c", step=SmallStep(id="sc", text="Later", due=future)),
        "follow_up_due": full_sheet(id="f", category="failing",
                                    step=SmallStep(id="sf", text="Ask", due=past)),
        "followed_up": full_sheet(id="u", step=SmallStep(id="su", text="Asked", due=past,
                                                         outcome="partly")),
    }
    for n, sheet in enumerate(sheets.values()):
        repo.save(replace(sheet, happened_on=TODAY - timedelta(days=10 - n)))
    return sheets


def test_rows_filter_by_status_and_category_newest_first(store):
    repo = store.worksheets
    sheets = _sheets_in_every_state(repo)
    rows = repo.rows(today=TODAY)
    assert [r.id for r in rows] == ["u", "f", "c", "d"]
    for status, sheet in sheets.items():
        assert [r.id for r in repo.rows(today=TODAY, status=status)] == [sheet.id]
        assert repo.get(sheet.id).status(TODAY) == status
    assert [r.id for r in repo.rows(today=TODAY, category="failing")] == ["f", "d"]
    assert [r.id for r in repo.rows(today=TODAY, category="failing", status="draft")] == ["d"]
    assert repo.rows(today=TODAY, category="rejection") == []
    with pytest.raises(ValueError):
        repo.rows(today=TODAY, status="finished")


def test_rows_show_a_short_thought_and_both_beliefs(store):
    repo = store.worksheets
    repo.save(full_sheet(thought="long " * 200, belief_after=None))
    row = repo.rows(today=TODAY)[0]
    assert len(row.thought) == 300 and row.thought.startswith("long long")
    assert (row.belief_before, row.belief_after, row.is_complete) == (85, None, False)


def test_follow_ups_due_are_steps_whose_day_came_without_an_outcome(store):
    repo = store.worksheets
    _sheets_in_every_state(repo)
    due = repo.follow_ups_due(TODAY)
    assert [d.step.id for d in due] == ["sf"]
    assert due[0].thought == full_sheet().thought and due[0].category == "failing"
    assert [d.step.id for d in repo.follow_ups_due(TODAY + timedelta(days=2))] == ["sf", "sc"]

    step = replace(due[0].step, what_happened="She said yes straight away.", outcome="no",
                   learned="Asking was easier than dreading it.", followed_up_on=TODAY)
    repo.save_follow_up(step)
    assert repo.follow_ups_due(TODAY) == []
    assert repo.get("f").step.learned == "Asking was easier than dreading it."
    assert repo.get("f").status(TODAY) == "followed_up"
    with pytest.raises(KeyError):
        repo.save_follow_up(replace(step, id="gone"))


def test_follow_up_changes_only_the_follow_up_fields(store):
    repo = store.worksheets
    repo.save(full_sheet())
    stale = replace(full_sheet().step, text="an old plan", what_happened="It went fine.")
    repo.save_follow_up(stale)
    step = repo.get("sheet-1").step
    assert step.text == full_sheet().step.text and step.what_happened == "It went fine."


def test_all_worksheets_and_steps_for_a_period(store):
    repo = store.worksheets
    days = [date(2026, 1, d) for d in (5, 1, 20, 10)]
    for n, day in enumerate(days):
        repo.save(full_sheet(id=f"w{n}", happened_on=day,
                             step=SmallStep(id=f"s{n}", text="t", due=day + timedelta(days=3))))
    assert [w.happened_on.day for w in repo.all_worksheets()] == [1, 5, 10, 20]
    within = repo.all_worksheets(date(2026, 1, 5), date(2026, 1, 10))
    assert [w.id for w in within] == ["w0", "w3"] and within[0].step.id == "s0"
    assert [w.id for w in repo.all_worksheets(start=date(2026, 1, 11))] == ["w2"]
    assert [s.id for s in repo.steps()] == ["s1", "s0", "s3", "s2"]
    assert [s.id for s in repo.steps(end=date(2026, 1, 8))] == ["s1", "s0"]
    assert [s.due for s in repo.steps(date(2026, 1, 13), date(2026, 1, 13))] == [
        date(2026, 1, 13)]


def test_whitespace_for_sql_trim_is_exactly_pythons():
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(WHITESPACE) == every


def test_worksheet_words_never_reach_the_disk_in_plaintext(data_dir, _isolated_home):
    marker = "QUOKKA-LANTERN-5521"
    started = time.time() - 1
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for n in range(60):
        store.worksheets.save(full_sheet(
            id=f"p{n}", thought=f"{marker} {n}", evidence_for=(marker,) * 3,
            step=SmallStep(id=f"ps{n}", text=marker, learned=marker)))
    store.worksheets.rows(today=TODAY)
    places = (data_dir, Path(tempfile.gettempdir()), _isolated_home)
    assert files_containing(marker, *places, since=started) == []
    store.close()
    assert files_containing(marker, *places, since=started) == []


def test_a_full_disk_is_a_typed_error_and_the_old_sheet_stays(store):
    repo = store.worksheets
    repo.save(full_sheet())
    with store.vault.read() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(errors.StorageFull):
        repo.save(full_sheet(balanced_view="words " * 16_000))
    assert repo.get("sheet-1").balanced_view == full_sheet().balanced_view


def test_the_two_way_fields_come_back_and_the_follow_up_keeps_its_belief(store):
    """Pattern, playing-it-safe habits and the belief rated again at the follow-up
    are stored; a follow-up saved on its own writes its belief too."""
    repo = store.worksheets
    sheet = full_sheet(category="control", verdict="red_flag", pattern="yes",
                       traps=("explaining_away",))
    sheet = replace(sheet, step=replace(sheet.step,
                                        playing_safe="Asking a friend to answer for me."))
    repo.save(sheet)
    loaded = repo.get("sheet-1")
    assert loaded.pattern == "yes" and loaded.traps == ("explaining_away",)
    assert loaded.step.playing_safe == "Asking a friend to answer for me."
    repo.save_follow_up(replace(loaded.step, outcome="yes", belief_at_follow_up=90,
                                followed_up_on=TODAY))
    assert repo.get("sheet-1").step.belief_at_follow_up == 90
    due = repo.follow_ups_due(TODAY + timedelta(days=10))
    assert due == []  # followed up: nothing waits
    repo.save(replace(loaded, id="sheet-2", step=replace(loaded.step, id="step-2")))
    (waiting,) = repo.follow_ups_due(TODAY + timedelta(days=10))
    assert (waiting.verdict, waiting.belief_before, waiting.category) == ("red_flag", 85, "control")
    assert waiting.safety_matters
