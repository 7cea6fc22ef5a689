"""The storage reader behind the Progress page, the printed summary and the
`summary` command: it hands summarize() the right records for a period, and picks
journal excerpts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from trustdesk.domain import worksheet_texts
from trustdesk.domain.guide.progress import READ_KEY, reading_progress
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.period import Period
from trustdesk.domain.progress import summarize
from trustdesk.domain.worksheet import Emotion, SmallStep, Worksheet
from trustdesk.storage.progress_data import (
    ProgressSource,
)

TODAY = date(2026, 3, 31)
MARCH = Period.custom(date(2026, 3, 1), date(2026, 3, 31))


def entry(n: int, when: datetime, body: str = "", checkin: CheckIn | None = None,
          title: str = "") -> Entry:
    return Entry(id=f"e{n:03d}", written_at=when, title=title, body=body,
                 checkin=checkin or CheckIn(), updated_at=when)


def sheet(n: int, day: date, *, before=80, after=40, traps=(), step=None,
          complete=True, emotions=()) -> Worksheet:
    return Worksheet(id=f"w{n}", happened_on=day, thought="They'll leave",
                     belief_before=before, balanced_view="Maybe not" if complete else "",
                     belief_after=after if complete else None, traps=tuple(traps),
                     step=step, emotions_before=tuple(emotions),
                     created_at=datetime.combine(day, datetime.min.time()))


def step(n: int, *, due=None, outcome=None, followed=None, sheet_id=None) -> SmallStep:
    return SmallStep(id=f"s{n}", text="Ask for help", due=due, outcome=outcome,
                     followed_up_on=followed, worksheet_id=sheet_id)


def test_hand_counted_month(store):
    """Two check-ins on 3 March count as one day (their mean); an entry in
    February doesn't count; a step planned in February and followed up in March
    counts in March."""
    store.journal.save_many([
        entry(1, datetime(2026, 3, 3, 8), "morning", CheckIn(mood=4)),
        entry(2, datetime(2026, 3, 3, 21), "evening", CheckIn(mood=7, trust_self=6)),
        entry(3, datetime(2026, 3, 10, 20), "words only"),
        entry(4, datetime(2026, 2, 27, 20), "february", CheckIn(mood=1)),
    ])
    store.worksheets.save(sheet(1, date(2026, 2, 20), traps=("mind_reading",),
                                step=step(1, due=date(2026, 2, 25), outcome="no",
                                          followed=date(2026, 3, 2))))
    store.worksheets.save(sheet(2, date(2026, 3, 12), before=70, after=30,
                                traps=("mind_reading", "labelling")))

    summary = ProgressSource.from_store(store).summary(MARCH, TODAY)

    assert (summary.first_day, summary.last_day) == (date(2026, 3, 1), date(2026, 3, 31))
    mood = summary.checkins.series[0]
    assert mood.values[2] == 5.5                       # (4 + 7) / 2 on 3 March
    assert summary.checkins.days_with_checkin == 1
    assert summary.activity.entries == 3
    assert [(p.before, p.after) for p in summary.beliefs.pairs] == [(70, 30)]
    assert (summary.steps.planned, summary.steps.done, summary.steps.no) == (1, 1, 1)
    # Progress names a trap by its plain name, as the worksheet shows it first.
    assert [(t.name, t.count) for t in summary.traps.traps] == [
        ("Guessing their thoughts", 1), ("Name-calling", 1)]


@pytest.mark.parametrize("kind", ["last_4_weeks", "last_3_months", "last_12_months",
                                  "all_time"])
def test_same_numbers_as_summarize_over_every_record(store, kind):
    """Reading only the period's records gives what summarize() gives when handed
    everything: records outside the period make no difference."""
    entries, sheets = [], []
    for i in range(420):
        when = datetime(2025, 1, 1, 20) + timedelta(days=i, hours=i % 5)
        rated = CheckIn(mood=i % 11, trust_others=(i * 3) % 11) if i % 4 else CheckIn()
        entries.append(entry(i, when, f"day {i}", rated))
    for i in range(40):
        day = date(2025, 1, 3) + timedelta(days=i * 11)
        due = day + timedelta(days=(i % 4) * 9)
        outcome = ("no", "partly", "yes", None)[i % 4]
        sheets.append(sheet(i, day, before=60 + i % 30, after=20 + i % 50,
                            traps=(("mind_reading",), ("labelling", "catastrophising"),
                                   ())[i % 3],
                            complete=i % 7 != 0,
                            step=step(100 + i, due=due if i % 5 else None, outcome=outcome,
                                      followed=due + timedelta(days=i % 3) if outcome
                                      else None, sheet_id=f"w{i}")))
    store.journal.save_many(entries)
    for s in sheets:
        store.worksheets.save(s)
    period = Period(kind)

    got = ProgressSource.from_store(store).summary(period, TODAY)
    expected = summarize(checkins=[(e.written_at, e.checkin) for e in entries
                                   if not e.checkin.is_empty],
                         entry_times=[e.written_at for e in entries], worksheets=sheets,
                         steps=[], guide_progress=reading_progress(store.settings),
                         period=period, today=TODAY,
                         trap_names=worksheet_texts.load().trap_names)
    assert got == expected


def test_worksheets_with_named_but_unrated_feelings_are_summarised(store):
    """A draft may name a feeling without rating it (intensity None)."""
    store.worksheets.save(sheet(1, date(2026, 3, 5), complete=False,
                                emotions=(Emotion("Anxious", None), Emotion("Hurt", 40))))
    store.worksheets.save(sheet(2, date(2026, 3, 6), emotions=(Emotion("Sad", None),)))
    summary = ProgressSource.from_store(store).summary(MARCH, TODAY)
    assert summary.beliefs.drafts == 1
    assert len(summary.beliefs.pairs) == 1
    assert summary.activity.worksheets == 2


def test_guide_progress_comes_from_the_read_marks(store):
    read, total = reading_progress(store.settings)
    assert read == 0
    store.settings.set(READ_KEY, ["01-welcome", "02-can-trust-come-back"])
    summary = ProgressSource.from_store(store).summary(MARCH, TODAY)
    assert (summary.guide.read, summary.guide.total) == (2, total)


def test_excerpts_are_the_most_recent_entries_with_words(store):
    store.journal.save_many([
        entry(1, datetime(2026, 3, 2, 20), "first words"),
        entry(2, datetime(2026, 3, 4, 20), "", CheckIn(mood=5)),     # a check-in only
        entry(3, datetime(2026, 3, 6, 20), "", title="Only a title"),
        entry(4, datetime(2026, 3, 8, 20), "   \n  "),                 # blank
        entry(5, datetime(2026, 3, 9, 20), "latest words"),
        entry(6, datetime(2026, 4, 2, 20), "after the period"),
    ])
    source = ProgressSource.from_store(store)
    summary = source.summary(MARCH, TODAY)
    assert [e.id for e in source.excerpts(summary)] == ["e001", "e003", "e005"]
    assert [e.id for e in source.excerpts(summary, limit=2)] == ["e003", "e005"]


def test_excerpts_page_through_many_entries(store):
    """More entries than one page of list rows: still the newest ones, in order."""
    base = datetime(2026, 3, 1, 6)
    store.journal.save_many([entry(i, base + timedelta(minutes=10 * i),
                                   "" if i % 3 == 0 else f"words {i}")
                             for i in range(200)])
    summary = ProgressSource.from_store(store).summary(MARCH, TODAY)
    chosen = ProgressSource.from_store(store).excerpts(summary, limit=70)
    with_words = [i for i in range(200) if i % 3][-70:]
    assert [e.id for e in chosen] == [f"e{i:03d}" for i in with_words]
