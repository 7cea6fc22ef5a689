"""What the Progress page, the printed summary and `trustdesk summary` read: the
records of a period, gathered from the repositories and handed to the one pure
`summarize()`, plus the journal excerpts the summary may print.

Threading: any thread (the repositories serialise on the vault's lock). On a
ten-year journal a summary for all time takes a few tens of milliseconds, so UI
code calls this through `ui/tasks.run_task`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from trustdesk.domain import worksheet_texts
from trustdesk.domain.guide.chapters import Guide
from trustdesk.domain.guide.progress import reading_progress
from trustdesk.domain.journal import Entry, JournalFilter
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary, summarize
from trustdesk.domain.worksheet import Worksheet
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.worksheet_repo import WorksheetRepository

if TYPE_CHECKING:
    from trustdesk.storage.store import Store

EXCERPT_LIMIT = 30


@dataclass(frozen=True)
class ProgressSource:
    """The three repositories progress reads from; build it with `from_store`.
    Holds no data itself, so one instance serves any number of periods."""

    journal: JournalRepository
    worksheets: WorksheetRepository
    settings: SettingsRepository
    guide: Guide | None = None          # None: the guide shipped with the app

    @classmethod
    def from_store(cls, store: Store) -> ProgressSource:
        return cls(journal=store.journal, worksheets=store.worksheets, settings=store.settings)

    def summary(self, period: Period, today: date) -> ProgressSummary:
        """The ProgressSummary for `period` as of `today`. Raises storage errors.

        Journal entries and worksheets are read for the period's widest dates only.
        Small steps are all read (there are a few per worksheet): a step counts on
        the day it was followed up, which may lie outside the dates its due date
        or its worksheet would suggest, and `summarize` sorts that out. A step
        without a date that is still open counts on its worksheet's day, so it
        comes in through its worksheet instead."""
        start, end = period.query_bounds(today)
        checkins = self.journal.checkins(start, end)
        entry_times = self.journal.entry_times(start, end)
        sheets = self.worksheets.all_worksheets(start, end)
        steps = [step for step in self.worksheets.steps(None, None)
                 if step.is_followed_up or step.due is not None or step.worksheet_id is None]
        return summarize(checkins=checkins, entry_times=entry_times, worksheets=sheets,
                         steps=steps, guide_progress=reading_progress(self.settings, self.guide),
                         period=period, today=today, trap_names=worksheet_texts.load().trap_names)

    def excerpts(self, summary: ProgressSummary, limit: int = EXCERPT_LIMIT) -> list[Entry]:
        """The `limit` most recent entries with words in them (a title or a body)
        inside the summary's dates, oldest first: what the summary prints when the
        person chooses journal excerpts. Pages through list rows, newest first, so
        only the bodies of the entries looked at are loaded."""
        flt = JournalFilter(start=summary.first_day, end=summary.last_day)
        chosen: list[Entry] = []
        after = None
        while len(chosen) < limit:
            rows = self.journal.rows(flt, after=after, limit=max(limit, 50))
            if not rows:
                break
            for row in rows:
                entry = self.journal.get(row.id)
                if entry is not None and (entry.title or entry.body.strip()):
                    chosen.append(entry)
                    if len(chosen) == limit:
                        break
            after = rows[-1]
        return sorted(chosen, key=lambda e: (e.written_at, e.id))

    def excerpt_total(self, summary: ProgressSummary) -> int:
        """How many entries with words the summary's dates hold: the true count
        the summary states when it prints only the most recent of them."""
        return self.journal.count_with_words(JournalFilter(start=summary.first_day,
                                                           end=summary.last_day))

    def finished_worksheets(self, summary: ProgressSummary) -> list[Worksheet]:
        """The finished worksheets inside the summary's dates, with their small
        steps, oldest first: what "worksheet details" prints when chosen."""
        return [sheet for sheet in self.worksheets.all_worksheets(summary.first_day,
                                                                 summary.last_day)
                if sheet.is_complete]

