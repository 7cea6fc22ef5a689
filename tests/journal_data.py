"""Deterministic journal entries for tests: n days of entries, newest yesterday,
each with about `words` words, most with a check-in, many with tags."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from trustdesk.domain.journal import CheckIn, Entry

_TEXT = ("today I noticed how my shoulders dropped when she laughed at my joke and "
         "the old fear came back for a moment but I stayed and listened walked home "
         "slowly thinking about trust small steps honest kind tired hopeful quiet "
         "morning evening coffee friend sister work meeting message waited answered "
         "called later felt safer than last week wrote it down breathing")
WORDS = tuple(_TEXT.split(" "))
TAGS = ("work", "family", "friends", "sleep", "therapy", "walks", "partner", "setback")


def generated_entries(n: int, *, seed: int = 7, words: int = 60,
                      end: datetime | None = None) -> list[Entry]:
    """`n` entries, one per day ending the day before `end` (default: now)."""
    rng = random.Random(seed)
    last = (end or datetime.now()).replace(hour=21, minute=30, second=0, microsecond=0)
    entries = []
    for day in range(n):
        when = last - timedelta(days=day + 1, minutes=rng.randrange(0, 600))
        body = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
        rated = rng.random() < 0.8
        checkin = CheckIn(rng.randint(0, 10), rng.randint(0, 10), rng.randint(0, 10)) \
            if rated else CheckIn()
        tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
        entries.append(Entry(id=f"gen{day:05d}", written_at=when,
                             title=f"Day {n - day}" if day % 3 == 0 else "",
                             body=body, checkin=checkin, tags=tags, updated_at=when))
    return entries
