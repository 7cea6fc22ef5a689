"""What the Today page shows, worked out without Qt or SQL: the prompt for a day,
the chapter to go on reading, and the days of a month.

No streaks and no guilt: the page counts days written this month, nothing that
can be "broken".
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from trustdesk.domain.guide.chapters import Chapter, Guide
from trustdesk.domain.guide.progress import ReadingPosition


@dataclass(frozen=True)
class DayPrompt:
    """A reflection prompt from the guide, with the chapter it comes from."""

    text: str
    chapter_title: str


def all_prompts(guide: Guide) -> tuple[DayPrompt, ...]:
    """Every chapter's reflection prompts, in reading order."""
    return tuple(DayPrompt(prompt, chapter.title)
                 for chapter in guide.chapters for prompt in chapter.prompts)


def prompt_for(day: date, guide: Guide) -> DayPrompt | None:
    """The prompt for `day`: the guide's prompts in turn, one a day, the same all day
    (and the next one tomorrow). None if the guide has no prompts."""
    prompts = all_prompts(guide)
    return prompts[day.toordinal() % len(prompts)] if prompts else None


def continue_chapter(guide: Guide, position: ReadingPosition | None,
                     read: Collection[str]) -> Chapter | None:
    """The chapter to go on reading, as the Guide's "Continue reading" picks it: the
    one reading stopped in while unfinished, else the next one not read yet (the
    first unread one when reading never started). None when all are read."""
    if position is not None and position.chapter_id in guide.ids():
        if position.chapter_id not in read:
            return guide.get(position.chapter_id)
        return guide.next_unread(position.chapter_id, read)
    return guide.next_unread("", read)


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def days_written_text(days: int, day: date) -> str:
    """A plain count, never a streak: "You wrote on 3 days in December"."""
    month = f"{day:%B}"
    if days == 0:
        return f"Nothing written yet in {month}. Whenever you like."
    return f"You wrote on {days} day{'s' if days != 1 else ''} in {month}."


def steps_waiting_text(count: int) -> str:
    """For the sidebar and its accessible name: "2 small steps waiting"."""
    if count == 0:
        return "no small steps waiting"
    return f"{count} small step{'s' if count != 1 else ''} waiting"
